//! Tunnistautuminen: accounts, sessions, API tokens and the link from a
//! request to the access policy.

pub mod admin;
pub mod api;
pub mod lease;
pub mod password;
pub mod routes;
pub mod store;

use crate::core::db;
use crate::core::error::AppError;
use crate::core::web::{AppState, ReqCtx, cookie};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::header;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use otalusta_domain::policy::{Action, Actor, Decision, decide};
use otalusta_domain::role::Role;

/// Login, logout, own account, account administration and the session API.
pub fn router() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/login", get(routes::login_page).post(routes::login_submit))
        .route("/logout", post(routes::logout))
        .route("/account", get(routes::account_page))
        .route("/account/password", post(routes::change_password))
        .route("/account/tokens", post(routes::create_token))
        .route("/account/tokens/{id}/revoke", post(routes::revoke_token))
        .route("/admin/users", get(admin::list).post(admin::create))
        .route("/admin/users/new", get(admin::new_form))
        .route("/admin/users/{id}", get(admin::show))
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

/// Finds the session (cookie) or API token (Bearer) of the request, if any,
/// and puts the [`Session`] into the request extensions.
pub async fn session_layer(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    match resolve(&state, req.headers()).await {
        Ok(Some(session)) => {
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
            req.extensions_mut().insert(session);
        }
        Ok(None) => {}
        Err(e) => return AppError::from(e).into_response(),
    }
    next.run(req).await
}

async fn resolve(
    state: &AppState,
    headers: &axum::http::HeaderMap,
) -> sqlx::Result<Option<Session>> {
    let db = &state.db;
    if let Some(token) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    {
        let Some(user) = store::find_api_token_user(db, token.trim()).await? else {
            return Ok(None);
        };
        if user.disabled != 0 {
            return Ok(None);
        }
        let actor = store::load_actor(db, &user).await?;
        return Ok(Some(Session {
            actor,
            display_name: user.display_name,
            locale: user.locale,
            token_hash: None,
        }));
    }
    let Some(token) = cookie(headers, state.config.session_cookie()) else {
        return Ok(None);
    };
    let hash = store::token_hash(token);
    let leases = lease::leases(state);
    if let Some(session) = leases.get(&hash) {
        return Ok(Some(session));
    }
    let checked = std::time::Instant::now();
    let Some(row) = store::find_session(db, &hash).await? else {
        return Ok(None);
    };
    let now = jiff::Timestamp::now();
    let expired = db::parse_timestamp(&row.expires_at).is_none_or(|t| t <= now);
    let last_seen = db::parse_timestamp(&row.last_seen_at).unwrap_or(now);
    let idle = now.duration_since(last_seen);
    let idle_limit = jiff::SignedDuration::try_from(state.config.session_idle).unwrap_or_default();
    if expired || idle > idle_limit || row.user.disabled != 0 {
        store::delete_session(db, &hash).await?;
        return Ok(None);
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
    };
    // Trusted for the lease, never past the idle limit's next check.
    let expires = db::parse_timestamp(&row.expires_at).unwrap_or(now);
    leases.put(&hash, session.clone(), checked, expires);
    Ok(Some(session))
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
