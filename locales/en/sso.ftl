# Single sign-on (OpenID Connect)
sso-heading = Sign in with your organisation's account
sso-login-with = Sign in: { $name }
sso-local-heading = Sign in with user name and password
sso-back-to-login = Back to signing in
sso-local-still-works = Signing in with a user name and password still works.
sso-unavailable-title = The identity provider does not answer
sso-unavailable = The identity provider { $provider } cannot be reached right now. Try again in a moment.
sso-refused-title = Signing in did not succeed
sso-refused = The sign-in through { $provider } could not be accepted. Start signing in again. If this happens again, contact an administrator.
sso-disabled = Your account has been disabled. Contact an administrator. (Identity provider: { $provider })
sso-pending-title = Your account is waiting for approval
sso-pending = You were identified through { $provider } and your account has been created. An administrator must still approve it before you can use the service. Sign in again once it has been approved.
login-local-off = Signing in with a password is turned off. Sign in with your organisation's account.
error-local-passwords-off = Signing in with a password is turned off in this service.
audit-action-login-oidc = Single sign-on not completed
audit-action-user-sso-create = Account created by single sign-on
audit-action-user-sso-update = Account updated by single sign-on
