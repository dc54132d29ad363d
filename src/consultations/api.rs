//! `GET /api/v1/requests` and `/api/v1/requests/{id}`: what the caller may
//! see of consultation requests, every read in the access log.

use super::store::{self, Request};
use super::{authorize, log_event, view_action};
use crate::audit;
use crate::auth::{Ctx, CurrentUser};
use crate::core::error::{AppError, AppResult};
use crate::core::page::Page;
use crate::core::web::AppState;
use crate::groups::api::meeting_json;
use crate::groups::calendars::{GroupCalendar, calendars};
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
    /// The meeting (its rule date, the meeting's identity) the request is
    /// proposed for (untriaged) or on (accepted).
    pub meeting: Option<String>,
    /// That meeting as it actually is: moved day and time, cancelled, with
    /// the reason. `null` when there is no meeting or the rules no longer
    /// give it.
    pub meeting_detail: Option<crate::groups::api::MeetingJson>,
    pub late: bool,
    pub updated_at: String,
    /// The answers (pseudonymous), when the caller may see the content.
    #[schema(value_type = Object)]
    pub answers: Option<serde_json::Value>,
    /// `none`, `consent` or `statutory`; the identity code itself is never
    /// in the API.
    pub identification: String,
    /// The level of need as the requester sees it and as the group
    /// concluded: `perustaso`, `erityistaso`, `ot-taso`, or `null`.
    pub need_level: Option<String>,
    pub concluded_level: Option<String>,
}

fn json(page: &Page, r: &Request, cal: Option<&GroupCalendar>, content: bool) -> RequestJson {
    let meeting_detail = cal.zip(r.meeting_date).and_then(|(c, d)| {
        c.meeting(d)
            .map(|o| meeting_json(page, &o, c.group.details.capacity, c.load_of(d)))
    });
    let level = |l: &str| (!l.is_empty()).then(|| l.to_owned());
    RequestJson {
        need_level: level(&r.need_level),
        concluded_level: level(&r.concluded_level),
        id: r.id.0,
        group_id: r.group_id.0,
        status: r.status.key().into(),
        meeting: r.meeting_date.map(|d| d.to_string()),
        meeting_detail,
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
        (status = 403, description = "`password-change-required`: the password was issued by an administrator and must first be changed", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
    security(("session" = []), ("token" = [])))]
pub async fn list(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
) -> AppResult<Json<Vec<RequestJson>>> {
    let mut out = Vec::new();
    for (r, cal, role) in visible(&state, &s).await? {
        out.push(json(&page, &r, Some(&cal), role != Role::Coordinator));
    }
    let shown: Vec<RequestId> = out.iter().map(|r| RequestId(r.id)).collect();
    super::log_cases(
        &state,
        &s,
        &ctx,
        s.actor.primary_role(),
        "request.list",
        &shown,
        ("request-list", &shown.len().to_string()),
    )
    .await?;
    Ok(Json(out))
}

/// The requests the caller may see (their own, their groups', their
/// area's and county's), each once, with its group's calendar and the role
/// the policy allows it under; nothing logged (the caller logs what it
/// shows, `log_cases`). Also FHIR's searches (`crate::fhir`).
pub async fn visible(
    state: &AppState,
    s: &crate::auth::Session,
) -> AppResult<Vec<(Request, std::sync::Arc<GroupCalendar>, Role)>> {
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
    if a.has(Role::Coordinator) {
        // The groups of a coordinator's county.
        for g in &a.county_groups {
            candidates.extend(store::of_group(&state.db, *g).await?);
        }
    }
    for r in candidates {
        if !seen.insert(r.id) {
            continue;
        }
        let Some(cal) = calendars(state).get(&state.db, r.group_id).await? else {
            continue;
        };
        if let Decision::Allow(role) = decide(a, &view_action(&r, &cal.group)) {
            out.push((r, cal, role));
        }
    }
    Ok(out)
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
    page: Page,
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
    let cal = calendars(&state).get(&state.db, r.group_id).await?;
    Ok(Json(json(
        &page,
        &r,
        cal.as_deref(),
        role != Role::Coordinator,
    )))
}
