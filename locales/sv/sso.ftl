# Single sign-on (OpenID Connect)
sso-heading = Logga in med din organisations inloggning
sso-login-with = Logga in: { $name }
sso-local-heading = Logga in med användarnamn och lösenord
sso-back-to-login = Tillbaka till inloggningen
sso-local-still-works = Inloggning med användarnamn och lösenord fungerar fortfarande.
sso-unavailable-title = Identifieringstjänsten svarar inte
sso-unavailable = Identifieringstjänsten { $provider } kan inte nås just nu. Försök igen om en stund.
sso-refused-title = Inloggningen lyckades inte
sso-refused = Inloggningen via { $provider } kunde inte godkännas. Börja om inloggningen. Kontakta huvudanvändaren om problemet upprepas.
sso-disabled = Ditt användarkonto har inaktiverats. Kontakta huvudanvändaren. (Identifiering: { $provider })
sso-pending-title = Användarkontot väntar på godkännande
sso-pending = Identifieringen via { $provider } lyckades och ditt användarkonto har skapats. En huvudanvändare måste ännu godkänna kontot innan du kan använda tjänsten. Logga in igen när kontot har godkänts.
login-local-off = Inloggning med lösenord används inte. Logga in med din organisations inloggning.
error-local-passwords-off = Inloggning med lösenord används inte i den här tjänsten.
audit-action-login-oidc = Enkel inloggning misslyckades
audit-action-user-sso-create = Användarkonto skapat vid enkel inloggning
audit-action-user-sso-update = Användarkonto uppdaterat vid enkel inloggning
