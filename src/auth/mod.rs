//! Tunnistautuminen: accounts, sessions, API tokens and the link from a
//! request to the access policy.

pub mod admin;
pub mod api;
pub mod lease;
pub mod oidc;
pub mod password;
pub mod routes;
pub mod store;
pub mod throttle;

use crate::core::db;
use crate::core::error::AppError;
use crate::core::web::{AppState, ReqCtx, cookie, is_api_path};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use otalusta_domain::policy::{Action, Actor, Decision, decide};
use otalusta_domain::role::Role;
use otalusta_domain::token::Scope;

/// Login, logout, own account, account administration and the session API.
pub fn router() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/login", get(routes::login_page).post(routes::login_submit))
        .route("/logout", post(routes::logout))
        .route("/account", get(routes::account_page))
        .route(
            "/account/password",
            get(routes::password_page).post(routes::change_password),
        )
        .route("/account/tokens", post(routes::create_token))
        .route("/account/digest", post(routes::set_digest))
        .route("/account/tokens/{id}/revoke", post(routes::revoke_token))
        .route("/admin/users", get(admin::list).post(admin::create))
        .route("/admin/users/new", get(admin::new_form))
        .route("/admin/users/{id}", get(admin::show))
        .route("/admin/users/{id}/roles", post(admin::update_access))
        .route("/admin/users/{id}/password", post(admin::reset_password))
        .route("/admin/users/{id}/disable", post(admin::disable))
        .route("/admin/users/{id}/enable", post(admin::enable))
        .route("/api/v1/session", post(api::login).delete(api::logout))
        .route("/api/v1/me", get(api::whoami))
}

/// An authenticated request: who, and how.
#[derive(Clone, Debug)]
pub struct Session {
    pub actor: Actor,
    pub display_name: String,
    pub locale: String,
    /// SHA-256 of the cookie token; `None` for API tokens (no CSRF binding).
    pub token_hash: Option<String>,
    /// The API token's scope; `None` for a cookie session.
    pub scope: Option<Scope>,
    /// The account's password was issued by an administrator: until it is
    /// changed, only the password page (and logging out) is open.
    pub must_change_password: bool,
}

impl Session {
    /// Asks the policy; a refusal is `Forbidden`, an allowance names the role.
    pub fn require(&self, action: &Action<'_>) -> Result<Role, AppError> {
        match decide(&self.actor, action) {
            Decision::Allow(role) => Ok(role),
            Decision::Deny => Err(AppError::Forbidden),
        }
    }
}

/// A Bearer token was sent to the API but is unknown, revoked or expired
/// (or its account disabled): the request is answered 401 `invalid_token`,
/// not served anonymously, so a script notices.
#[derive(Clone, Copy, Debug)]
pub struct BadToken;

/// The `WWW-Authenticate` challenge of the API's 401 answers (RFC 6750).
const CHALLENGE: &str = "Bearer realm=\"otalusta\"";
const CHALLENGE_INVALID: &str = "Bearer realm=\"otalusta\", error=\"invalid_token\"";

/// Finds the session (cookie) or, on API paths, the API token (Bearer) of
/// the request, if any, and puts the [`Session`] into the request
/// extensions. Every 401 of the API leaves with a `WWW-Authenticate`
/// challenge.
pub async fn session_layer(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let api = is_api_path(req.uri().path());
    // `/health` and static assets need no session: they are served
    // without the database, also while it is down.
    if crate::core::health::needs_no_database(req.uri().path()) {
        return next.run(req).await;
    }
    let found = match resolve(&state, req.headers(), api).await {
        Ok(found) => found,
        // This layer is outside the error renderer: render here, so the
        // answer is a page or a problem document, never an empty 503.
        Err(e) => {
            let err = AppError::from(e);
            if let AppError::DatabaseDown(class) = err {
                state.db.health().mark_down(class);
            }
            let Some(ctx) = req.extensions().get::<ReqCtx>().cloned() else {
                return err.into_response();
            };
            let json = crate::core::web::wants_json(req.headers());
            return crate::core::web::error_response(&state, &ctx, None, err, json);
        }
    };
    let bad_token = matches!(found, Resolved::BadToken);
    match found {
        Resolved::Session(session) => {
            let lang_chosen = req
                .extensions()
                .get::<ReqCtx>()
                .filter(|c| c.lang_chosen)
                .map(|c| c.lang);
            if let Some(lang) = lang_chosen
                && lang.code() != session.locale
            {
                match store::set_locale(&state.db, session.actor.user_id, lang.code()).await {
                    Ok(()) => {
                        if let Some(hash) = &session.token_hash {
                            lease::leases(&state).forget(hash);
                        }
                    }
                    Err(e) => tracing::warn!(error = %e, "could not save the language choice"),
                }
            }
            req.extensions_mut().insert(*session);
        }
        Resolved::BadToken => {
            req.extensions_mut().insert(BadToken);
        }
        Resolved::None => {}
    }
    let mut res = next.run(req).await;
    if api && res.status() == StatusCode::UNAUTHORIZED {
        let challenge = if bad_token {
            CHALLENGE_INVALID
        } else {
            CHALLENGE
        };
        res.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static(challenge),
        );
    }
    res
}

enum Resolved {
    Session(Box<Session>),
    BadToken,
    None,
}

async fn resolve(
    state: &AppState,
    headers: &axum::http::HeaderMap,
    api: bool,
) -> sqlx::Result<Resolved> {
    let db = &state.db;
    // A token is for scripts calling the API: on a page it is no login, so
    // a leaked token cannot browse the HTML side (or post its forms).
    let bearer = api
        .then(|| headers.get(header::AUTHORIZATION))
        .flatten()
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token);
    let leases = lease::leases(state);
    if let Some(token) = bearer {
        // Leased like a session (a revocation, a disabled account or a
        // narrowed role waits out the lease before it answers), and never
        // past the token's own end.
        let key = format!("api-token:{}", store::token_hash(token.trim()));
        if let Some(session) = leases.get(&key) {
            return Ok(Resolved::Session(Box::new(session)));
        }
        let checked = std::time::Instant::now();
        let Some(row) = store::find_api_token(db, token.trim()).await? else {
            // Not one of ours: a single sign-on provider's access token of
            // a linked account (read only), checked at its userinfo endpoint.
            if !token.trim().starts_with("otl_")
                && let Some(session) = oidc::bearer::session(state, token.trim()).await?
            {
                return Ok(Resolved::Session(Box::new(session)));
            }
            return Ok(Resolved::BadToken);
        };
        if row.user.disabled != 0 {
            return Ok(Resolved::BadToken);
        }
        let (actor, scope) = (row.actor(), row.scope());
        let session = Session {
            actor,
            display_name: row.user.display_name,
            locale: row.user.locale,
            token_hash: None,
            scope: Some(scope),
            must_change_password: row.user.must_change_password != 0,
        };
        if let Some(expires) = db::parse_timestamp(&row.expires_at) {
            leases.put(&key, session.clone(), checked, expires);
        }
        return Ok(Resolved::Session(Box::new(session)));
    }
    let Some(token) = cookie(headers, state.config.session_cookie()) else {
        return Ok(Resolved::None);
    };
    let hash = store::token_hash(token);
    if let Some(session) = leases.get(&hash) {
        return Ok(Resolved::Session(Box::new(session)));
    }
    let checked = std::time::Instant::now();
    let Some(row) = store::find_session(db, &hash).await? else {
        return Ok(Resolved::None);
    };
    let now = jiff::Timestamp::now();
    let expired = db::parse_timestamp(&row.expires_at).is_none_or(|t| t <= now);
    let last_seen = db::parse_timestamp(&row.last_seen_at).unwrap_or(now);
    let idle = now.duration_since(last_seen);
    let idle_limit = jiff::SignedDuration::try_from(state.config.session_idle).unwrap_or_default();
    if expired || idle > idle_limit || row.user.disabled != 0 {
        store::delete_session(db, &hash).await?;
        return Ok(Resolved::None);
    }
    if idle > jiff::SignedDuration::from_secs(60) {
        store::touch_session(db, &hash).await?;
    }
    let actor = row.actor();
    let session = Session {
        actor,
        display_name: row.user.display_name,
        locale: row.user.locale,
        token_hash: Some(hash.clone()),
        scope: None,
        must_change_password: row.user.must_change_password != 0,
    };
    // Trusted for the lease, never past the idle limit's next check.
    let expires = db::parse_timestamp(&row.expires_at).unwrap_or(now);
    leases.put(&hash, session.clone(), checked, expires);
    Ok(Resolved::Session(Box::new(session)))
}

/// Where a session that must change its password may still go: the
/// password page, logging out, and what pages need to show at all.
fn open_before_password_change(method: &Method, path: &str) -> bool {
    matches!(
        path,
        "/account/password" | "/logout" | "/login" | "/health" | "/favicon.ico"
    ) || path.starts_with("/static/")
        || (path == "/api/v1/session" && method == Method::DELETE)
}

/// What a session may not do whatever the route: runs inside the error
/// renderer (so refusals are localized pages or problem documents) and
/// before every handler.
///
/// - a bad API token: 401 (`invalid_token` in the challenge);
/// - a `read` token: GET and HEAD only, else 403 `token-read-only`;
/// - a password issued by an administrator: pages redirect (303) to the
///   password page, the API answers 403 `password-change-required`.
pub async fn guard(req: Request, next: Next) -> Response {
    if req.extensions().get::<BadToken>().is_some() {
        return AppError::Unauthenticated.into_response();
    }
    if let Some(s) = req.extensions().get::<Session>() {
        if let Some(scope) = s.scope
            && !scope.allows(req.method().as_str())
        {
            return AppError::Refused {
                kind: "token-read-only",
                message_key: "error-token-read-only",
            }
            .into_response();
        }
        let path = req.uri().path();
        if s.must_change_password && !open_before_password_change(req.method(), path) {
            if is_api_path(path) {
                return AppError::Refused {
                    kind: "password-change-required",
                    message_key: "error-password-change-required",
                }
                .into_response();
            }
            return Redirect::to(routes::PASSWORD_PAGE).into_response();
        }
    }
    next.run(req).await
}

/// A route that needs a signed-in user takes this; without one, HTML
/// requests go to the login page and API requests get 401.
pub struct CurrentUser(pub Session);

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, AppError> {
        parts
            .extensions
            .get::<Session>()
            .cloned()
            .map(CurrentUser)
            .ok_or(AppError::Unauthenticated)
    }
}

/// The request context, for handlers that write to the access log.
pub struct Ctx(pub ReqCtx);

impl FromRequestParts<AppState> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, AppError> {
        parts
            .extensions
            .get::<ReqCtx>()
            .cloned()
            .map(Ctx)
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("no request context")))
    }
}
