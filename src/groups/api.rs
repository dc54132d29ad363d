//! `GET /api/v1/groups`, `/groups/{id}`, `/groups/{id}/meetings`.

use super::calendars::calendars;
use super::routes::{RangeQuery, load, today};
use super::store::{self, Group};
use super::views::{change_text, conflict_text};
use crate::auth::CurrentUser;
use crate::consultations::store::Load;
use crate::core::error::{AppError, AppResult};
use crate::core::page::Page;
use crate::core::web::AppState;
use axum::Json;
use axum::extract::{Path, Query, State};
use jiff::ToSpan;
use otalusta_domain::calendar::{Occurrence, Status};
use otalusta_domain::policy::Action;
use serde::Serialize;

#[derive(Serialize, utoipa::ToSchema)]
pub struct GroupJson {
    pub id: i64,
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
    /// `statutory-child-protection`, `separation`,
    /// `integrated-institutional-care` or `other`.
    pub kind: String,
    /// Cooperation area code.
    pub area: String,
    /// The county (or `helsinki`, `hus`) it serves, if one.
    pub organiser: Option<String>,
    /// `remote`, `in-person` or `both`.
    pub mode: String,
    pub place: String,
    pub video_link: String,
    /// Cases per meeting.
    pub capacity: u32,
    /// Phenomenon codes.
    pub phenomena: Vec<String>,
    /// Areas whose professionals may ask; empty: any.
    pub eligible_areas: Vec<String>,
    /// Sectors whose professionals may ask; empty: any.
    pub eligible_sectors: Vec<String>,
    /// The meeting rule.
    #[schema(value_type = Object)]
    pub rule: serde_json::Value,
    /// The group's iCalendar feed.
    pub calendar_url: String,
}

fn group_json(state: &AppState, g: &Group) -> GroupJson {
    let d = &g.details;
    GroupJson {
        id: g.id.0,
        name_fi: d.name_fi.clone(),
        name_sv: d.name_sv.clone(),
        name_en: d.name_en.clone(),
        kind: d.kind.key().into(),
        area: d.area.clone(),
        organiser: d.organiser.clone(),
        mode: d.mode.key().into(),
        place: d.place.clone(),
        video_link: d.video_link.clone(),
        capacity: d.capacity,
        phenomena: d.phenomena.clone(),
        eligible_areas: d.eligibility.areas.clone(),
        eligible_sectors: d
            .eligibility
            .sectors
            .iter()
            .map(|s| s.as_str().to_owned())
            .collect(),
        rule: serde_json::to_value(&g.rule).unwrap_or_default(),
        calendar_url: format!(
            "{}/groups/{}/calendar.ics",
            state.config.base_url.trim_end_matches('/'),
            g.id
        ),
    }
}

/// Consultation groups.
#[utoipa::path(get, path = "/api/v1/groups", tag = "groups",
    responses(
        (status = 200, description = "The active groups", body = Vec<GroupJson>),
        (status = 401, description = "Not signed in", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
    security(("session" = []), ("token" = [])))]
pub async fn list(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
) -> AppResult<Json<Vec<GroupJson>>> {
    s.require(&Action::ViewGroups)?;
    let groups = store::list(&state.db).await?;
    Ok(Json(groups.iter().map(|g| group_json(&state, g)).collect()))
}

/// One consultation group.
#[utoipa::path(get, path = "/api/v1/groups/{id}", tag = "groups",
    params(("id" = i64, Path, description = "Group id")),
    responses(
        (status = 200, description = "The group", body = GroupJson),
        (status = 400, description = "The id is not a 64-bit integer", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such group", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
    security(("session" = []), ("token" = [])))]
pub async fn get(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Path(id): Path<i64>,
) -> AppResult<Json<GroupJson>> {
    s.require(&Action::ViewGroups)?;
    let g = load(&state, id).await?;
    Ok(Json(group_json(&state, &g)))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MeetingJson {
    /// The date the rule yields: the meeting's identity.
    pub rule_date: String,
    /// The actual date (after holiday handling and changes).
    pub date: String,
    /// RFC 3339 with the offset of Europe/Helsinki.
    pub start: String,
    pub end: String,
    /// Last moment to send a case for this meeting.
    pub deadline: String,
    /// `scheduled`, `skipped` or `cancelled`.
    pub status: String,
    pub conflicts: Vec<ConflictJson>,
    /// A secretary's change and its reason, in words.
    pub change: Option<String>,
    pub capacity: u32,
    /// Places taken by accepted cases.
    pub placed: u32,
    /// Untriaged requests proposed for it (they take no place yet).
    pub proposed: u32,
}

/// One meeting as the API gives it (also inside a request).
pub fn meeting_json(page: &Page, o: &Occurrence, capacity: u32, load: Load) -> MeetingJson {
    MeetingJson {
        rule_date: o.rule_date.to_string(),
        date: o.date.to_string(),
        start: rfc3339(&o.start),
        end: rfc3339(&o.end),
        deadline: rfc3339(&o.deadline),
        status: match o.status {
            Status::Scheduled => "scheduled",
            Status::Skipped => "skipped",
            Status::Cancelled => "cancelled",
        }
        .into(),
        conflicts: o
            .conflicts
            .iter()
            .map(|c| ConflictJson {
                kind: c.key().into(),
                message: conflict_text(page, c),
            })
            .collect(),
        change: o.change.as_ref().map(|c| change_text(page, c)),
        capacity,
        placed: load.taken,
        proposed: load.proposed,
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ConflictJson {
    /// e.g. `meeting-on-holiday`, `deadline-on-non-working-day`.
    pub kind: String,
    /// The conflict in words (the request's language).
    pub message: String,
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct MeetingsQuery {
    /// First rule date (YYYY-MM-DD or D.M.YYYY); default today.
    pub from: Option<String>,
    /// Last rule date; default a year from `from`.
    pub to: Option<String>,
}

fn rfc3339(z: &jiff::ZonedDateTime) -> String {
    z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// A group's meetings in a range, with their deadlines and conflicts.
#[utoipa::path(get, path = "/api/v1/groups/{id}/meetings", tag = "groups",
    params(("id" = i64, Path, description = "Group id"), MeetingsQuery),
    responses(
        (status = 200, description = "The meetings whose rule date is in the range", body = Vec<MeetingJson>),
        (status = 400, description = "The id is not a 64-bit integer", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such group", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad range", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
    security(("session" = []), ("token" = [])))]
pub async fn meetings(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<MeetingsQuery>,
) -> AppResult<Json<Vec<MeetingJson>>> {
    s.require(&Action::ViewGroups)?;
    let g = load(&state, id).await?;
    let range = RangeQuery {
        from: q.from.unwrap_or_default(),
        to: q.to.unwrap_or_default(),
    };
    let default_from = today();
    let (from, to) = range
        .resolve((
            default_from,
            default_from.checked_add(1.year()).unwrap_or(default_from),
        ))
        .map_err(AppError::Invalid)?;
    // Without `to`, a year from the asked start.
    let to = if range.to.trim().is_empty() {
        from.checked_add(1.year()).unwrap_or(to)
    } else {
        to
    };
    let cal = calendars(&state)
        .get(&state.db, g.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(
        cal.meetings(from, to)
            .iter()
            .map(|o| meeting_json(&page, o, g.details.capacity, cal.load_of(o.rule_date)))
            .collect(),
    ))
}
