//! `GET /api/v1/events`: the events a caller may see, soonest first:
//! public ones to anyone, the professionals' ones too when signed in.
//! Never the online link (that is for registered participants' pages).

use super::store;
use super::{sees_all, when};
use crate::auth::Session;
use crate::core::error::AppResult;
use crate::core::page::helsinki;
use crate::core::web::AppState;
use axum::extract::{Query, State};
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};

#[derive(Serialize, utoipa::ToSchema)]
pub struct EventJson {
    pub id: i64,
    /// `webinar`, `training` or `forum`.
    pub kind: String,
    /// A forum series' name (events sharing it are one series), or empty.
    pub series: String,
    pub title: String,
    pub description: String,
    /// ISO 8601 with the Helsinki offset, e.g. `2026-05-12T09:00:00+03:00`.
    pub starts_at: String,
    pub ends_at: String,
    /// The time as the pages show it (Finnish).
    pub when: String,
    pub place: String,
    /// Whether it is (also) online; the link itself is not given here.
    pub online: bool,
    pub organiser: String,
    /// Cooperation area code, or null (national).
    pub area: Option<String>,
    /// Phenomenon codes of the shared taxonomy.
    pub phenomena: Vec<String>,
    pub capacity: i64,
    pub seats_free: i64,
    /// `public` or `professionals`.
    pub visibility: String,
    pub registration_open: bool,
    pub registration_deadline: Option<String>,
    pub cancelled: bool,
    pub recording_url: Option<String>,
    /// The knowledge bank's item of its recording or materials, if linked.
    pub knowledge_item_id: Option<i64>,
    pub href: String,
}

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[serde(default)]
pub struct EventsQuery {
    /// `coming` (default: not ended), `past` or `all`.
    pub when: String,
    /// Only this kind.
    pub kind: String,
}

fn offset(stored: &str) -> String {
    crate::core::db::parse_timestamp(stored)
        .map(|t| {
            t.to_zoned_datetime(helsinki())
                .strftime("%Y-%m-%dT%H:%M:%S%:z")
                .to_string()
        })
        .unwrap_or_default()
}

/// The events the caller may see.
#[utoipa::path(get, path = "/api/v1/events", tag = "events",
    params(EventsQuery),
    responses(
        (status = 200, description = "Events: public ones for anyone, professionals-only ones too for a signed-in caller", body = [EventJson]),
        (status = 403, description = "An auditor's account (it reads the access log only)", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
    security((), ("session" = []), ("token" = [])))]
pub async fn list(
    State(state): State<AppState>,
    session: Option<Extension<Session>>,
    Query(q): Query<EventsQuery>,
) -> AppResult<Json<Vec<EventJson>>> {
    let s = session.as_ref().map(|Extension(s)| s);
    if let Some(s) = s {
        s.require(&otalusta_domain::policy::Action::ViewEvents)?;
    }
    let now = crate::core::db::now();
    let all = store::list(&state.db, sees_all(s)).await?;
    let now_ts = jiff::Timestamp::now();
    Ok(Json(
        all.into_iter()
            .filter(|e| match q.when.as_str() {
                "past" => e.ends_at < now,
                "all" => true,
                _ => e.ends_at >= now,
            })
            .filter(|e| q.kind.is_empty() || e.kind == q.kind)
            .map(|e| EventJson {
                when: when(crate::core::i18n::Lang::Fi, &e),
                starts_at: offset(&e.starts_at),
                ends_at: offset(&e.ends_at),
                online: !e.online_url.is_empty(),
                phenomena: e
                    .phenomenon_codes()
                    .iter()
                    .map(|c| (*c).to_owned())
                    .collect(),
                seats_free: (e.capacity - e.seats_taken).max(0),
                registration_open: e.registration_state(now_ts).is_ok(),
                registration_deadline: e.registration_deadline.as_deref().map(offset),
                cancelled: e.is_cancelled(),
                recording_url: (!e.recording_url.is_empty() && e.ends_at < now)
                    .then(|| e.recording_url.clone()),
                href: format!("/events/{}", e.id),
                id: e.id,
                kind: e.kind,
                series: e.series,
                title: e.title,
                description: e.description,
                place: e.place,
                organiser: e.organiser,
                area: e.area_code,
                capacity: e.capacity,
                visibility: e.visibility,
                knowledge_item_id: e.knowledge_item_id,
            })
            .collect(),
    ))
}
