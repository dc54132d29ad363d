//! `GET /api/v1/requests` and `/api/v1/requests/{id}`: what the caller may
//! see of consultation requests, every read in the access log.

use super::store::{self, Request};
use super::{authorize, log_event, view_action};
use crate::audit;
use crate::auth::{Ctx, CurrentUser};
use crate::core::error::{AppError, AppResult};
use crate::core::web::AppState;
use axum::Json;
use axum::extract::{Path, State};
use otalusta_domain::audit::Outcome;
use otalusta_domain::ids::RequestId;
use otalusta_domain::policy::{Decision, decide};
use otalusta_domain::role::Role;
use serde::Serialize;

#[derive(Serialize, utoipa::ToSchema)]
pub struct RequestJson {
    pub id: i64,
    pub group_id: i64,
    /// `draft`, `submitted`, `more-info`, `accepted`, `discussed`,
    /// `follow-up`, `closed`, `declined` or `withdrawn`.
    pub status: String,
    /// The meeting (its rule date) the request is placed on.
    pub meeting: Option<String>,
    pub late: bool,
    pub updated_at: String,
    /// The answers (pseudonymous), when the caller may see the content.
    #[schema(value_type = Object)]
    pub answers: Option<serde_json::Value>,
    /// `none`, `consent` or `statutory`; the identity code itself is never
    /// in the API.
    pub identification: String,
}

fn json(r: &Request, content: bool) -> RequestJson {
    RequestJson {
        id: r.id.0,
        group_id: r.group_id.0,
        status: r.status.key().into(),
        meeting: r.meeting_date.map(|d| d.to_string()),
        late: r.late,
        updated_at: r.updated_at.clone(),
        answers: content.then(|| serde_json::to_value(&r.answers).unwrap_or_default()),
        identification: r.identification.key().into(),
    }
}

/// The requests the caller may see: their own, their groups', their area's.
#[utoipa::path(get, path = "/api/v1/requests", tag = "requests",
    responses(
        (status = 200, description = "Visible requests, newest change first", body = Vec<RequestJson>),
        (status = 401, description = "Not signed in", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
    security(("session" = []), ("token" = [])))]
pub async fn list(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
) -> AppResult<Json<Vec<RequestJson>>> {
    let a = &s.actor;
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    let mut candidates = store::of_requester(&state.db, a.user_id).await?;
    for g in &a.member_of {
        candidates.extend(store::of_group(&state.db, *g).await?);
    }
    for area in a.coordinated_areas() {
        candidates.extend(store::of_area(&state.db, area).await?);
    }
    for r in candidates {
        if !seen.insert(r.id) {
            continue;
        }
        let Some(g) = crate::groups::store::get_any(&state.db, r.group_id).await? else {
            continue;
        };
        if let Decision::Allow(role) = decide(a, &view_action(&r, &g)) {
            out.push(json(&r, role != Role::Coordinator));
        }
    }
    let mut e = log_event(
        &ctx,
        &s,
        a.primary_role(),
        "request.list",
        RequestId(0),
        Outcome::Success,
    );
    e.object_type = "request-list".into();
    e.object_id = out.len().to_string();
    audit::store::record(&state.db, e).await?;
    Ok(Json(out))
}

/// One request.
#[utoipa::path(get, path = "/api/v1/requests/{id}", tag = "requests",
    params(("id" = i64, Path, description = "Request id")),
    responses(
        (status = 200, description = "The request", body = RequestJson),
        (status = 400, description = "The id is not a 64-bit integer", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed (logged)", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such request (logged)", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
    security(("session" = []), ("token" = [])))]
pub async fn get(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path(id): Path<i64>,
) -> AppResult<Json<RequestJson>> {
    let (r, _, role) = authorize(&state, &s, &ctx, id, "request.read", view_action).await?;
    audit::store::record(
        &state.db,
        log_event(&ctx, &s, Some(role), "request.read", r.id, Outcome::Success),
    )
    .await?;
    if r.status == otalusta_domain::consultations::Status::Draft && role != Role::Requester {
        return Err(AppError::NotFound);
    }
    Ok(Json(json(&r, role != Role::Coordinator)))
}
