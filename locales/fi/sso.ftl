# Kertakirjautuminen (OpenID Connect)
sso-heading = Kirjaudu organisaatiosi tunnuksilla
sso-login-with = Kirjaudu: { $name }
sso-local-heading = Kirjaudu käyttäjätunnuksella ja salasanalla
sso-back-to-login = Takaisin kirjautumiseen
sso-local-still-works = Kirjautuminen käyttäjätunnuksella ja salasanalla toimii edelleen.
sso-unavailable-title = Tunnistuspalvelu ei vastaa
sso-unavailable = Tunnistuspalveluun { $provider } ei juuri nyt saada yhteyttä. Yritä hetken kuluttua uudelleen.
sso-refused-title = Kirjautuminen ei onnistunut
sso-refused = Kirjautumista palvelun { $provider } kautta ei voitu hyväksyä. Aloita kirjautuminen alusta. Jos ongelma toistuu, ota yhteys pääkäyttäjään.
sso-disabled = Käyttäjätilisi on poistettu käytöstä. Ota yhteys pääkäyttäjään. (Tunnistus: { $provider })
sso-pending-title = Käyttäjätili odottaa hyväksyntää
sso-pending = Tunnistautuminen palvelun { $provider } kautta onnistui, ja käyttäjätilisi on luotu. Pääkäyttäjän on vielä hyväksyttävä tili, ennen kuin voit käyttää palvelua. Saat käyttöoikeuden, kun tili on hyväksytty; kirjaudu silloin uudelleen.
login-local-off = Kirjautuminen salasanalla ei ole käytössä. Kirjaudu organisaatiosi tunnuksilla.
error-local-passwords-off = Kirjautuminen salasanalla ei ole käytössä tässä palvelussa.
audit-action-login-oidc = Kertakirjautuminen ei onnistunut
audit-action-user-sso-create = Käyttäjätilin luonti kertakirjautumisesta
audit-action-user-sso-update = Käyttäjätilin päivitys kertakirjautumisesta
