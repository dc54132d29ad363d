//! JSON API for sessions: `POST /api/v1/session` logs in and sets the same
//! cookie as the web login; `DELETE` logs out; `GET /api/v1/me` tells who.

use super::routes::{LoginRefusal, LoginVia, attempt_login, clear_session_cookie, session_cookie};
use super::{Ctx, CurrentUser, Session, store};
use crate::audit;
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::web::{AppState, append_cookie};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use otalusta_domain::audit::Outcome;
use serde::{Deserialize, Serialize};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct LoginRequest {
    #[schema(min_length = 1)]
    pub username: String,
    #[schema(min_length = 1)]
    pub password: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Me {
    pub username: String,
    pub display_name: String,
    /// Roles held, e.g. `["secretary"]`.
    pub roles: Vec<String>,
}

fn me(session: &Session) -> Me {
    Me {
        username: session.actor.username.clone(),
        display_name: session.display_name.clone(),
        roles: session
            .actor
            .grants
            .iter()
            .map(|g| g.role.as_str().to_owned())
            .collect(),
    }
}

/// Log in.
#[utoipa::path(post, path = "/api/v1/session", tag = "session",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in; the session cookie is set", body = Me),
        (status = 400, description = "The body is not JSON of this shape, not sent as `application/json`, or holds control characters (NUL and other C0 controls but TAB, CR, LF)", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 401, description = "Wrong user name or password, or a Bearer token that is unknown, expired or revoked", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 403, description = "`password-change-required`: the password was issued by an administrator and must first be changed on the web (`/account/password`); no session is started. `token-read-only`: sent with a read-only API token", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is larger than 1 MiB", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing fields", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Throttled, no password checked: the name failed too often (locked for the rest of a 15-minute window), or the address must wait a few seconds; `Retry-After` says how long", body = crate::api::Problem, content_type = "application/problem+json"),
    ))]
pub async fn login(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    body: Result<Json<LoginRequest>, axum::extract::rejection::JsonRejection>,
) -> AppResult<Response> {
    let Json(body) = body.map_err(crate::api::json_rejection)?;
    crate::core::forms::refuse_control_chars([body.username.as_str(), body.password.as_str()])?;
    let mut errors = FieldErrors::new();
    if body.username.trim().is_empty() {
        errors.add("username", "field-required");
    }
    if body.password.is_empty() {
        errors.add("password", "field-required");
    }
    errors.into_result()?;
    match attempt_login(&state, &ctx, &body.username, &body.password, LoginVia::Api).await? {
        Ok(ok) => {
            let user = ok.user;
            let grants =
                store::grants_of(state.db.pool(), otalusta_domain::ids::UserId(user.id)).await?;
            let mut res = Json(Me {
                username: user.username,
                display_name: user.display_name,
                roles: grants.iter().map(|g| g.role.as_str().to_owned()).collect(),
            })
            .into_response();
            append_cookie(&mut res, &session_cookie(&state, &ok.token));
            Ok(res)
        }
        Err(LoginRefusal::BadCredentials) => Err(AppError::Unauthenticated),
        Err(LoginRefusal::PasswordChangeRequired) => Err(AppError::Refused {
            kind: "password-change-required",
            message_key: "error-password-change-required",
        }),
        Err(LoginRefusal::LocalPasswordsOff) => Err(AppError::Refused {
            kind: "local-passwords-off",
            message_key: "error-local-passwords-off",
        }),
        Err(LoginRefusal::Throttled(refusal)) => Err(AppError::TooManyRequests {
            retry_after_secs: otalusta_domain::throttle::seconds_to_wait(refusal.wait()) as u64,
        }),
    }
}

/// Log out (ends the cookie session).
#[utoipa::path(delete, path = "/api/v1/session", tag = "session",
    responses(
        (status = 204, description = "Logged out"),
        (status = 401, description = "A Bearer token that is unknown, expired or revoked", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 403, description = "`token-read-only`: sent with a read-only API token", body = crate::api::Problem, content_type = "application/problem+json"),
    ))]
pub async fn logout(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    session: Option<axum::Extension<Session>>,
) -> AppResult<Response> {
    // An API token is not a session: nothing ends, nothing to log.
    if let Some(axum::Extension(s)) = session
        && let Some(hash) = &s.token_hash
    {
        store::delete_session(&state.db, hash).await?;
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
    let mut res = StatusCode::NO_CONTENT.into_response();
    append_cookie(&mut res, &clear_session_cookie(&state));
    Ok(res)
}

/// The signed-in account.
#[utoipa::path(get, path = "/api/v1/me", tag = "session",
    responses(
        (status = 200, description = "The account of the session or API token", body = Me),
        (status = 401, description = "Not signed in, or a Bearer token that is unknown, expired or revoked", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 403, description = "`password-change-required`: the password was issued by an administrator and must first be changed on the web", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
    security(("session" = []), ("token" = [])))]
pub async fn whoami(CurrentUser(s): CurrentUser) -> Json<Me> {
    Json(me(&s))
}
