//! OT-seula ja palveluohjaus: screenings filled by a multi-actor team, their
//! result explained, suggestions of channels and experts, and a draft
//! request made from one. The rules are `otalusta_domain::screening`.
//!
//! A screening is case data (about one child, without name or identity
//! code): every read and change goes through [`authorize`] and the access
//! log, refusals included.

pub mod api;
pub mod editor;
pub mod guidance;
pub mod routes;
pub mod store;
pub mod views;

use crate::audit;
use crate::auth::Session;
use crate::core::error::{AppError, AppResult};
use crate::core::web::{AppState, ReqCtx};
use otalusta_domain::audit::{AuditEvent, Outcome};
use otalusta_domain::policy::{Action, Decision, decide};
use otalusta_domain::role::Role;
use store::Screening;

pub fn router() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/screenings", get(routes::list).post(routes::create))
        .route("/screenings/new", get(routes::new_form))
        .route(
            "/screenings/instrument",
            get(editor::form).post(editor::save),
        )
        .route("/screenings/{id}", get(routes::show))
        .route("/screenings/{id}/answers", post(routes::answer))
        .route("/screenings/{id}/team", post(routes::invite))
        .route("/screenings/{id}/finish", post(routes::finish))
        .route("/screenings/{id}/reopen", post(routes::reopen))
        .route("/screenings/{id}/guidance", get(guidance::show))
        .route("/screenings/{id}/request", post(guidance::open_request))
        .route("/api/v1/screenings", get(api::list))
}

/// An access-log entry about a screening.
pub fn log_event(
    ctx: &ReqCtx,
    s: &Session,
    role: Option<Role>,
    action: &str,
    id: i64,
    outcome: Outcome,
) -> AuditEvent {
    let mut e = audit::event(
        ctx,
        Some(s),
        role,
        action,
        ("screening", &id.to_string()),
        outcome,
    );
    e.purpose = "screening".into();
    e
}

/// What a caller may do with a screening.
pub struct Access {
    pub screening: Screening,
    pub role: Role,
    pub owner: bool,
}

/// Loads a screening and asks the policy: the owner and the invited team
/// see it, the owner manages it. A refusal or a missing one is logged.
pub async fn authorize(
    state: &AppState,
    s: &Session,
    ctx: &ReqCtx,
    id: i64,
    log_as: &str,
    manage: bool,
) -> AppResult<Access> {
    let found = store::get(&state.db, id).await?;
    let Some(screening) = found else {
        audit::store::record(
            &state.db,
            log_event(ctx, s, s.actor.primary_role(), log_as, id, Outcome::Failure),
        )
        .await?;
        return Err(AppError::NotFound);
    };
    let owner = otalusta_domain::ids::UserId(screening.owner_id);
    let action = if manage {
        Action::ManageScreening { owner }
    } else {
        let participant = store::is_participant(&state.db, id, s.actor.user_id).await?;
        Action::ViewScreening { owner, participant }
    };
    match decide(&s.actor, &action) {
        Decision::Allow(role) => Ok(Access {
            owner: owner == s.actor.user_id,
            screening,
            role,
        }),
        Decision::Deny => {
            audit::store::record(
                &state.db,
                log_event(ctx, s, s.actor.primary_role(), log_as, id, Outcome::Denied),
            )
            .await?;
            Err(AppError::Forbidden)
        }
    }
}
