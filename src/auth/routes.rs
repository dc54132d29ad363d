//! Kirjautuminen ja oma tili: login, logout, password change, API tokens.

use super::throttle::{
    self as login_throttle, Outcome::RightPassword as Right, Outcome::WrongPassword as Wrong,
};
use super::{Ctx, CurrentUser, Session, password, store};
use crate::audit;
use crate::core::config::LocalPasswords;
use crate::core::db;
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::forms::{CsrfForm, Empty};
use crate::core::page::{Page, render};
use crate::core::web::{AppState, ReqCtx, append_cookie, cookie, random_token};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use otalusta_domain::audit::Outcome;
use otalusta_domain::ids::UserId;
use otalusta_domain::policy::Action;
use otalusta_domain::role::Role;
use otalusta_domain::throttle;
use otalusta_domain::token;
use serde::Deserialize;

/// The page where a password is changed; a session whose password was
/// issued by an administrator is sent here until it has changed it.
pub const PASSWORD_PAGE: &str = "/account/password";

/// Why a login did not succeed.
pub enum LoginRefusal {
    /// Wrong name or password (never says which).
    BadCredentials,
    /// Throttled (`otalusta_domain::throttle`): the name is locked, or the
    /// address must wait a moment; no password was checked.
    Throttled(throttle::Refusal),
    /// The password is right but was issued by an administrator, and the
    /// caller cannot change it (the JSON API): change it on the web first.
    PasswordChangeRequired,
    /// Local passwords are off (`--local-passwords off`), or kept for
    /// administrators only and this is not one.
    LocalPasswordsOff,
}

/// Who is logging in: the web form can take a person whose password must be
/// changed to the password page; the JSON API has no such page.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum LoginVia {
    Web,
    Api,
}

/// A successful login: the new session's cookie token.
pub struct LoginOk {
    pub token: String,
    pub user: store::UserRow,
}

/// How long a login waits for the checks of the same name already in
/// flight (`Refusal::Busy`) before it is refused; they take a password
/// hash each, well under a second.
const BUSY_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// The one login procedure for the web form and the API.
///
/// First a password check is reserved in the throttle's counters (one
/// transaction, rows locked), then the password is checked, then the
/// outcome is reported (another transaction, with the session and the
/// access-log entry). The reservation counts against the limits while the
/// check runs, so simultaneous attempts on any number of nodes cannot all
/// be checked; see `otalusta_domain::throttle`.
pub async fn attempt_login(
    state: &AppState,
    ctx: &ReqCtx,
    username: &str,
    password_given: &str,
    via: LoginVia,
) -> AppResult<Result<LoginOk, LoginRefusal>> {
    let db = &state.db;
    let username = store::normalize_username(username);
    if state.config.local_passwords == LocalPasswords::Off {
        let mut e = login_event(ctx, &username, "login", Outcome::Denied, None);
        e.purpose = "local passwords off".into();
        audit::store::record(db, e).await?;
        return Ok(Err(LoginRefusal::LocalPasswordsOff));
    }
    let keys = login_throttle::Keys::new(&username, &ctx.client_addr);
    let started = std::time::Instant::now();
    loop {
        let mut tx = db.begin().await?;
        match login_throttle::reserve(&mut tx, db.locks_rows(), &keys).await? {
            Ok(()) => {
                tx.commit().await?;
                break;
            }
            Err(throttle::Refusal::Busy) if started.elapsed() < BUSY_WAIT => {
                tx.rollback().await?;
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            Err(refusal) => {
                let e = login_event(ctx, &username, "login.throttled", Outcome::Denied, None);
                audit::store::append(&mut tx, e).await?;
                tx.commit().await?;
                return Ok(Err(LoginRefusal::Throttled(refusal)));
            }
        }
    }
    // The check and its report run to the end even when the client goes
    // away mid-way: a reservation is never left counting as pending.
    let task = tokio::spawn(check_and_report(
        state.clone(),
        ctx.clone(),
        username,
        password_given.to_owned(),
        via,
        keys,
    ));
    task.await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("login check: {e}")))?
}

fn login_event(
    ctx: &ReqCtx,
    username: &str,
    action: &str,
    outcome: Outcome,
    user: Option<&store::UserRow>,
) -> otalusta_domain::audit::AuditEvent {
    let mut e = audit::event(ctx, None, None, action, ("user", username), outcome);
    if let Some(u) = user {
        e.actor_id = Some(u.id);
        e.actor_name = u.username.clone();
    }
    e
}

/// The reserved password check, and its outcome written in one transaction.
async fn check_and_report(
    state: AppState,
    ctx: ReqCtx,
    username: String,
    password_given: String,
    via: LoginVia,
    keys: login_throttle::Keys,
) -> AppResult<Result<LoginOk, LoginRefusal>> {
    let db = &state.db;
    let lock = db.locks_rows();
    let found = store::find_user_by_name(db, &username).await?;
    let (user, hash) = match found {
        Some((u, h)) if u.disabled == 0 => (Some(u), Some(h)),
        _ => (None, None),
    };
    let ok = password::verify(password_given, hash).await;
    let now = jiff::Timestamp::now();
    let user = match (ok, user) {
        (true, Some(u)) => u,
        (_, user) => {
            let mut tx = db.begin().await?;
            login_throttle::report(&mut tx, lock, &keys, Wrong).await?;
            let e = login_event(&ctx, &username, "login", Outcome::Failure, user.as_ref());
            audit::store::append(&mut tx, e).await?;
            tx.commit().await?;
            return Ok(Err(LoginRefusal::BadCredentials));
        }
    };
    if state.config.local_passwords == LocalPasswords::Admins
        && !super::oidc::routes::is_break_glass(
            &store::grants_of(db.pool(), UserId(user.id)).await?,
        )
    {
        // Answered and counted as a wrong password: the answer must not
        // tell a guesser that this password was right.
        let mut tx = db.begin().await?;
        login_throttle::report(&mut tx, lock, &keys, Wrong).await?;
        let mut e = login_event(&ctx, &username, "login", Outcome::Failure, Some(&user));
        e.purpose = "local passwords for administrators only".into();
        audit::store::append(&mut tx, e).await?;
        tx.commit().await?;
        return Ok(Err(LoginRefusal::BadCredentials));
    }
    if via == LoginVia::Api && user.must_change_password != 0 {
        let mut tx = db.begin().await?;
        login_throttle::report(&mut tx, lock, &keys, Right).await?;
        let mut e = login_event(&ctx, &username, "login", Outcome::Denied, Some(&user));
        e.purpose = "password change required".into();
        audit::store::append(&mut tx, e).await?;
        tx.commit().await?;
        return Ok(Err(LoginRefusal::PasswordChangeRequired));
    }
    let token = random_token(32);
    let expires = db::timestamp(
        now + jiff::SignedDuration::try_from(state.config.session_max).unwrap_or_default(),
    );
    let mut tx = db.begin().await?;
    store::create_session(&mut tx, UserId(user.id), &token, &expires).await?;
    login_throttle::report(&mut tx, lock, &keys, Right).await?;
    let e = login_event(&ctx, &username, "login", Outcome::Success, Some(&user));
    audit::store::append(&mut tx, e).await?;
    tx.commit().await?;
    Ok(Ok(LoginOk { token, user }))
}

pub fn session_cookie(state: &AppState, token: &str) -> String {
    let secure = if state.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Lax{secure}",
        state.config.session_cookie()
    )
}

pub fn clear_session_cookie(state: &AppState) -> String {
    let secure = if state.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    format!(
        "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}",
        state.config.session_cookie()
    )
}

/// Only local paths are followed after login (no open redirect): a path
/// of visible ASCII that starts with one `/`. Browsers drop tabs and line
/// breaks and read `\\` as `/`, so `/\t/evil.example` and `/\\evil.example`
/// lead to another site; anything else is sent home. (A real link in the
/// service is always percent-encoded ASCII, and a `Location` built from it
/// can never fail.)
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if is_local_path(n) => n.to_owned(),
        _ => "/".to_owned(),
    }
}

fn is_local_path(n: &str) -> bool {
    let b = n.as_bytes();
    b.first() == Some(&b'/')
        && !matches!(b.get(1), Some(b'/'))
        && b.iter().all(|c| (0x21..=0x7e).contains(c) && *c != b'\\')
}

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginView {
    pub page: Page,
    pub username: String,
    pub next: String,
    pub error: Option<String>,
    /// Single sign-on: (provider id, its name), a button each.
    pub sso: Vec<(String, String)>,
    /// The password form is shown (`--local-passwords` not off).
    pub local: bool,
}

impl LoginView {
    pub fn new(state: &AppState, page: Page, username: String, next: String) -> LoginView {
        LoginView {
            page,
            username,
            next,
            error: None,
            sso: super::oidc::buttons(state),
            local: state.config.local_passwords.any(),
        }
    }

    /// The query of a provider's button: where to go after the login.
    pub fn sso_query(&self) -> String {
        if self.next == "/" {
            String::new()
        } else {
            format!("?next={}", crate::core::web::urlencode(&self.next))
        }
    }
}

#[derive(Deserialize, Default)]
pub struct NextQuery {
    pub next: Option<String>,
}

pub async fn login_page(
    State(state): State<AppState>,
    page: Page,
    Query(q): Query<NextQuery>,
) -> Response {
    if page.user.is_some() {
        return Redirect::to(&safe_next(q.next.as_deref())).into_response();
    }
    render(&LoginView::new(
        &state,
        page,
        String::new(),
        safe_next(q.next.as_deref()),
    ))
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub password: String,
    pub next: Option<String>,
}

pub async fn login_submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    page: Page,
    headers: HeaderMap,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> AppResult<Response> {
    let next = safe_next(form.next.as_deref());
    if form.username.trim().is_empty() || form.password.is_empty() {
        return Ok(login_again(
            &state,
            page,
            form.username,
            next,
            "login-missing",
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    }
    match attempt_login(&state, &ctx, &form.username, &form.password, LoginVia::Web).await? {
        Ok(ok) => {
            let to = if ok.user.must_change_password != 0 {
                PASSWORD_PAGE
            } else {
                next.as_str()
            };
            let mut res = Redirect::to(to).into_response();
            append_cookie(&mut res, &session_cookie(&state, &ok.token));
            // A language chosen on this device before login wins and is
            // saved to the account; without one, the account's is used.
            let chosen = ctx.lang_chosen.then_some(ctx.lang).or_else(|| {
                cookie(&headers, "lang").and_then(|v| v.parse::<crate::core::i18n::Lang>().ok())
            });
            if let Some(lang) = chosen {
                if lang.code() != ok.user.locale {
                    store::set_locale(&state.db, UserId(ok.user.id), lang.code()).await?;
                }
            } else {
                let secure = if state.config.secure_cookies {
                    "; Secure"
                } else {
                    ""
                };
                append_cookie(
                    &mut res,
                    &format!(
                        "lang={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}",
                        ok.user.locale
                    ),
                );
            }
            Ok(res)
        }
        // Only the API refuses a password that must be changed.
        Err(LoginRefusal::BadCredentials | LoginRefusal::PasswordChangeRequired) => {
            Ok(login_again(
                &state,
                page,
                form.username,
                next,
                "login-failed",
                StatusCode::UNAUTHORIZED,
            ))
        }
        Err(LoginRefusal::LocalPasswordsOff) => Ok(login_again(
            &state,
            page,
            form.username,
            next,
            "login-local-off",
            StatusCode::FORBIDDEN,
        )),
        Err(LoginRefusal::Throttled(refusal)) => {
            let msg = match refusal {
                throttle::Refusal::NameLocked(wait) => page.tn(
                    "login-throttled",
                    "minutes",
                    throttle::minutes_to_wait(wait),
                ),
                other => page.tn(
                    "login-slowed",
                    "seconds",
                    throttle::seconds_to_wait(other.wait()),
                ),
            };
            let mut view = LoginView::new(&state, page, form.username, next);
            view.error = Some(msg);
            let mut res = render(&view);
            *res.status_mut() = StatusCode::TOO_MANY_REQUESTS;
            Ok(res)
        }
    }
}

fn login_again(
    state: &AppState,
    page: Page,
    username: String,
    next: String,
    key: &str,
    status: StatusCode,
) -> Response {
    let error = Some(page.t(key));
    let mut view = LoginView::new(state, page, username, next);
    view.error = error;
    let mut res = render(&view);
    *res.status_mut() = status;
    res
}

pub async fn logout(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    page: Page,
    session: Option<axum::Extension<Session>>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let mut at_provider = None;
    if let Some(axum::Extension(s)) = session {
        if let Some(hash) = &s.token_hash {
            // A session begun at a provider ends there too (RP-initiated
            // logout), when the provider has an end-session endpoint.
            at_provider = super::oidc::routes::logout_url(&state, hash).await;
            store::delete_session(&state.db, hash).await?;
        }
        let e = audit::event(
            &ctx,
            Some(&s),
            s.actor.primary_role(),
            "logout",
            ("user", &s.actor.username),
            Outcome::Success,
        );
        audit::store::record(&state.db, e).await?;
        super::lease::settle(&state).await;
    }
    let mut res = match at_provider {
        Some((url, provider)) => {
            // Signed out: the page is an anonymous visitor's.
            drop(page);
            render(&super::oidc::routes::LogoutView {
                page: Page::new(&state, &ctx, None),
                provider,
                url,
            })
        }
        None => Redirect::to("/").into_response(),
    };
    append_cookie(&mut res, &clear_session_cookie(&state));
    Ok(res)
}

// --- own account ---------------------------------------------------------------

#[derive(Template)]
#[template(path = "account.html")]
pub struct AccountView {
    pub page: Page,
    pub user: store::UserRow,
    pub tokens: Vec<store::ApiTokenRow>,
    pub errors: FieldErrors,
    pub notice: Option<String>,
    /// A token just created: shown once, never stored in clear.
    pub new_token: Option<String>,
    /// The token form as sent (kept when it comes back with errors).
    pub token_form: TokenForm,
    pub max_days: i64,
    /// The daily e-mail digest is on, and whether e-mail goes out at all.
    pub digest: bool,
    pub mail_on: bool,
}

async fn account_view(
    state: &AppState,
    page: Page,
    session: &Session,
    errors: FieldErrors,
    notice: Option<String>,
    new_token: Option<String>,
    token_form: TokenForm,
) -> AppResult<Response> {
    session.require(&Action::ManageOwnAccount)?;
    let user = store::get_user(&state.db, session.actor.user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let tokens = store::list_api_tokens(&state.db, session.actor.user_id).await?;
    let digest = store::digest_of(&state.db, session.actor.user_id).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut res = render(&AccountView {
        page,
        user,
        tokens,
        errors,
        notice,
        new_token,
        token_form,
        max_days: token::MAX_DAYS,
        digest,
        mail_on: state.config.smtp_url.is_some(),
    });
    *res.status_mut() = status;
    Ok(res)
}

#[derive(Deserialize, Default)]
pub struct NoticeQuery {
    pub done: Option<String>,
}

pub async fn account_page(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
    Query(q): Query<NoticeQuery>,
) -> AppResult<Response> {
    let notice = match q.done.as_deref() {
        Some("password") => Some(page.t("account-password-changed")),
        Some("revoked") => Some(page.t("account-token-revoked")),
        Some("digest-on") => Some(page.t("account-digest-on")),
        Some("digest-off") => Some(page.t("account-digest-off")),
        _ => None,
    };
    account_view(
        &state,
        page,
        &s,
        FieldErrors::new(),
        notice,
        None,
        TokenForm::default(),
    )
    .await
}

#[derive(Template)]
#[template(path = "account_password.html")]
pub struct PasswordView {
    pub page: Page,
    pub errors: FieldErrors,
    /// The password was issued by an administrator: say why the page is here.
    pub forced: bool,
}

fn password_view(page: Page, session: &Session, errors: FieldErrors) -> Response {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut res = render(&PasswordView {
        page,
        errors,
        forced: session.must_change_password,
    });
    *res.status_mut() = status;
    res
}

/// The password form on a page of its own: where a person whose password
/// was issued by an administrator is kept until they have changed it.
pub async fn password_page(CurrentUser(s): CurrentUser, page: Page) -> AppResult<Response> {
    s.require(&Action::ManageOwnAccount)?;
    Ok(password_view(page, &s, FieldErrors::new()))
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    pub current: String,
    #[serde(default)]
    pub new: String,
    #[serde(default)]
    pub confirm: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> AppResult<Response> {
    let role = s.require(&Action::ManageOwnAccount)?;
    let id = s.actor.user_id;
    let mut errors = FieldErrors::new();
    let stored = store::password_hash_of(&state.db, id).await?;
    if !password::verify(form.current.clone(), Some(stored)).await {
        errors.add("current", "password-current-wrong");
    }
    if let Err(p) = otalusta_domain::password::check_new(&s.actor.username, &form.new) {
        errors.add("new", p.key());
    } else if form.new == form.current {
        errors.add(
            "new",
            otalusta_domain::password::PasswordProblem::SameAsCurrent.key(),
        );
    }
    if form.new != form.confirm {
        errors.add("confirm", "password-mismatch");
    }
    if !errors.is_empty() {
        if s.must_change_password {
            return Ok(password_view(page, &s, errors));
        }
        return account_view(&state, page, &s, errors, None, None, TokenForm::default()).await;
    }
    let hash = password::hash(form.new).await?;
    let mut tx = state.db.begin().await?;
    // Chosen by the person: the first-login requirement is met.
    store::set_password(&mut tx, id, &hash, false).await?;
    if let Some(keep) = &s.token_hash {
        store::delete_other_sessions(&mut tx, id, keep).await?;
    }
    let e = audit::event(
        &ctx,
        Some(&s),
        Some(role),
        "user.password",
        ("user", &id.to_string()),
        Outcome::Success,
    );
    audit::store::append(&mut tx, e).await?;
    tx.commit().await?;
    super::lease::settle(&state).await;
    Ok(Redirect::to("/account?done=password").into_response())
}

#[derive(Deserialize, Default)]
pub struct TokenForm {
    #[serde(default)]
    pub name: String,
    /// `read` or `full`; left out, `read`.
    pub scope: Option<String>,
    /// Days of validity, 1–365; left out, 90.
    pub days: Option<String>,
}

impl TokenForm {
    /// Whether the form shows `scope` chosen (read unless full was sent).
    pub fn scope_is(&self, scope: &str) -> bool {
        self.scope.as_deref().unwrap_or("read") == scope
    }

    pub fn days_value(&self) -> String {
        self.days
            .clone()
            .unwrap_or_else(|| token::DEFAULT_DAYS.to_string())
    }
}

pub async fn create_token(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    CsrfForm(form): CsrfForm<TokenForm>,
) -> AppResult<Response> {
    let role = s.require(&Action::ManageOwnAccount)?;
    let name = form.name.trim().to_owned();
    let mut errors = FieldErrors::new();
    if name.is_empty() {
        errors.add("name", "field-required");
    } else if name.chars().count() > 80 {
        errors.add("name", "field-too-long");
    }
    let scope = token::parse_scope(form.scope.as_deref());
    let days = token::parse_days(form.days.as_deref());
    for p in [scope.err(), days.err()].into_iter().flatten() {
        errors.add(p.field(), p.key());
    }
    let (Ok(scope), Ok(days), true) = (scope, days, errors.is_empty()) else {
        return account_view(&state, page, &s, errors, None, None, form).await;
    };
    let secret = format!("otl_{}", random_token(32));
    let now = jiff::Timestamp::now();
    let created_at = db::timestamp(now);
    let expires_at = db::timestamp(token::expires_at(now, days));
    let mut tx = state.db.begin().await?;
    let id = store::create_api_token(
        &mut tx,
        s.actor.user_id,
        &store::NewToken {
            name: &name,
            token: &secret,
            scope,
            created_at: &created_at,
            expires_at: &expires_at,
        },
    )
    .await?;
    let mut e = audit::event(
        &ctx,
        Some(&s),
        Some(role),
        "token.create",
        ("api_token", &id.to_string()),
        Outcome::Success,
    );
    e.purpose = format!("scope {}, {days} days", scope.as_str());
    audit::store::append(&mut tx, e).await?;
    tx.commit().await?;
    let notice = Some(page.t("account-token-created"));
    account_view(
        &state,
        page,
        &s,
        FieldErrors::new(),
        notice,
        Some(secret),
        TokenForm::default(),
    )
    .await
}

pub async fn revoke_token(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let role = s.require(&Action::ManageOwnAccount)?;
    let mut tx = state.db.begin().await?;
    if !store::revoke_api_token(&mut tx, s.actor.user_id, id).await? {
        return Err(AppError::NotFound);
    }
    let e = audit::event(
        &ctx,
        Some(&s),
        Some(role),
        "token.revoke",
        ("api_token", &id.to_string()),
        Outcome::Success,
    );
    audit::store::append(&mut tx, e).await?;
    tx.commit().await?;
    // No node serves the token from its lease once this answers.
    super::lease::settle(&state).await;
    Ok(Redirect::to("/account?done=revoked").into_response())
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed() {
        for ok in ["/", "/requests/5", "/groups?x=1&y=%20", "/audit#top"] {
            assert_eq!(safe_next(Some(ok)), ok);
        }
        for bad in [
            "//evil.example/",
            "/\t/evil.example/",
            "/\\evil.example",
            "\\\\evil.example",
            "https://evil.example/",
            "/\r\nSet-Cookie: x=1",
            "/ /evil.example",
            "/\u{0}",
            "/p\u{e4}iv\u{e4}",
            "evil",
            "",
        ] {
            assert_eq!(safe_next(Some(bad)), "/", "{bad:?}");
        }
        assert_eq!(safe_next(None), "/");
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DigestForm {
    /// `on` to have the daily e-mail digest, anything else not.
    pub digest: String,
}

/// Switches one's own daily e-mail digest on or off.
pub async fn set_digest(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    CsrfForm(form): CsrfForm<DigestForm>,
) -> AppResult<Response> {
    let role = s.require(&Action::ManageOwnAccount)?;
    let on = form.digest == "on";
    let mut tx = state.db.begin().await?;
    store::set_digest(&mut tx, s.actor.user_id, on).await?;
    let mut e = audit::event(
        &ctx,
        Some(&s),
        Some(role),
        "account.digest.update",
        ("user", &s.actor.user_id.to_string()),
        Outcome::Success,
    );
    e.purpose = if on { "on" } else { "off" }.into();
    audit::store::append(&mut tx, e).await?;
    tx.commit().await?;
    Ok(Redirect::to(if on {
        "/account?done=digest-on"
    } else {
        "/account?done=digest-off"
    })
    .into_response())
}
