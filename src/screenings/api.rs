//! `GET /api/v1/screenings`: the caller's own screenings (owned or taken
//! part in), never anyone else's: researchers get statistics, not rows.

use super::store;
use crate::auth::{Ctx, CurrentUser};
use crate::core::error::AppResult;
use crate::core::web::AppState;
use axum::Json;
use axum::extract::State;
use otalusta_domain::policy::Action;
use otalusta_domain::screening::evaluate::Outcome;
use serde::Serialize;

#[derive(Serialize, utoipa::ToSchema)]
pub struct ScreeningJson {
    pub id: i64,
    /// `open` or `done`.
    pub status: String,
    /// When finished: `indicated`, `consider` or `not-indicated`.
    pub outcome: Option<String>,
    /// When finished: `perustaso`, `erityistaso` or `ot-taso`.
    pub level: Option<String>,
    pub score: Option<i64>,
    /// The child's age band (never a name or an identity code).
    pub age_band: String,
    /// The family's language: `fi`, `sv`, `en` or `other`.
    pub language: String,
    /// Whether the caller started it (else: invited to it).
    pub owner: bool,
    pub instrument_id: i64,
    /// RFC 3339 UTC.
    pub created_at: String,
    pub completed_at: Option<String>,
    pub href: String,
}

/// The caller's screenings, newest first.
#[utoipa::path(get, path = "/api/v1/screenings", tag = "screenings",
    responses(
        (status = 200, description = "The caller's screenings", body = [ScreeningJson]),
        (status = 401, description = "Not signed in", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a professional (e.g. a researcher), or `password-change-required`", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
    security(("session" = []), ("token" = [])))]
pub async fn list(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
) -> AppResult<Json<Vec<ScreeningJson>>> {
    let role = s.require(&Action::Screen)?;
    let all = store::of_user(&state.db, s.actor.user_id).await?;
    super::routes::log_shown(&state, &s, &ctx, role, "screening.list", &all).await?;
    Ok(Json(
        all.into_iter()
            .map(|x| ScreeningJson {
                level: x
                    .outcome
                    .as_deref()
                    .and_then(|o| o.parse::<Outcome>().ok())
                    .map(|o| o.level().key().to_owned()),
                owner: x.owner_id == s.actor.user_id.0,
                href: format!("/screenings/{}", x.id),
                id: x.id,
                status: x.status,
                outcome: x.outcome,
                score: x.score,
                age_band: x.age_band,
                language: x.language,
                instrument_id: x.instrument_id,
                created_at: x.created_at,
                completed_at: x.completed_at,
            })
            .collect(),
    ))
}
