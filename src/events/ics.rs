//! iCalendar (RFC 5545) of events: `/events/calendar.ics`, the public
//! events that are coming or ended in the last 90 days, and
//! `/events/{id}/event.ics`, one event. Times in UTC; the UID is the
//! event's (`event-{id}@host`), SEQUENCE its change count, and a cancelled
//! event stays in with STATUS:CANCELLED so calendars drop it. The online
//! link is never in the public feed; one event's file carries it for a
//! registered participant.

use super::store::{self, Event};
use super::visible_event;
use crate::auth::Session;
use crate::core::error::AppResult;
use crate::core::web::AppState;
use crate::groups::ical::{fold, text};
use axum::Extension;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

fn utc(ts: jiff::Timestamp) -> String {
    ts.strftime("%Y%m%dT%H%M%SZ").to_string()
}

fn uri(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect()
}

fn host(base_url: &str) -> &str {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    rest.split('/').next().unwrap_or("otalusta")
}

/// The stable UID of an event.
pub fn uid(id: i64, base_url: &str) -> String {
    format!("event-{id}@{}", host(base_url))
}

fn vevent(out: &mut String, e: &Event, base_url: &str, online: bool) {
    let base = base_url.trim_end_matches('/');
    out.push_str("BEGIN:VEVENT\r\n");
    fold(&format!("UID:{}", text(&uid(e.id, base_url))), out);
    let stamp = crate::core::db::parse_timestamp(&e.updated_at).unwrap_or_default();
    fold(&format!("DTSTAMP:{}", utc(stamp)), out);
    fold(&format!("LAST-MODIFIED:{}", utc(stamp)), out);
    fold(&format!("DTSTART:{}", utc(e.start())), out);
    fold(&format!("DTEND:{}", utc(e.end())), out);
    fold(&format!("SEQUENCE:{}", e.sequence), out);
    fold(
        &format!(
            "STATUS:{}",
            if e.is_cancelled() {
                "CANCELLED"
            } else {
                "CONFIRMED"
            }
        ),
        out,
    );
    fold(&format!("SUMMARY:{}", text(&e.title)), out);
    let mut description = e.description.clone();
    if online && !e.online_url.is_empty() {
        description.push_str("\n\n");
        description.push_str(&e.online_url);
    }
    fold(&format!("DESCRIPTION:{}", text(&description)), out);
    fold(
        &format!("URL:{}", uri(&format!("{base}/events/{}", e.id))),
        out,
    );
    if !e.place.is_empty() {
        fold(&format!("LOCATION:{}", text(&e.place)), out);
    } else if online && !e.online_url.is_empty() {
        fold(&format!("LOCATION:{}", text(&e.online_url)), out);
    }
    if !e.organiser.is_empty() {
        fold(&format!("X-OTALUSTA-ORGANISER:{}", text(&e.organiser)), out);
    }
    out.push_str("END:VEVENT\r\n");
}

/// A calendar of `events`; `online`: the ids whose online link it carries.
pub fn calendar(name: &str, events: &[Event], base_url: &str, online: &[i64]) -> String {
    let mut out = String::new();
    out.push_str("BEGIN:VCALENDAR\r\n");
    out.push_str("VERSION:2.0\r\n");
    out.push_str("PRODID:-//otalusta//events//FI\r\n");
    out.push_str("CALSCALE:GREGORIAN\r\n");
    out.push_str("METHOD:PUBLISH\r\n");
    fold(&format!("X-WR-CALNAME:{}", text(name)), &mut out);
    out.push_str("X-WR-TIMEZONE:Europe/Helsinki\r\n");
    for e in events {
        vevent(&mut out, e, base_url, online.contains(&e.id));
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

fn ics_response(body: String, filename: &str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// `GET /events/calendar.ics`: public events, coming or of the last 90
/// days (cancelled ones too, so calendars learn of it).
pub async fn feed(
    State(state): State<AppState>,
    page: crate::core::page::Page,
) -> AppResult<Response> {
    let since = crate::core::db::timestamp(
        jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24 * 90),
    );
    let events: Vec<Event> = store::list(&state.db, false)
        .await?
        .into_iter()
        .filter(|e| e.is_public() && e.ends_at >= since)
        .collect();
    Ok(ics_response(
        calendar(
            &page.t("events-calendar-name"),
            &events,
            &state.config.base_url,
            &[],
        ),
        "events.ics",
    ))
}

/// `GET /events/{id}/event.ics`: one event the viewer may see.
pub async fn one(
    State(state): State<AppState>,
    session: Option<Extension<Session>>,
    page: crate::core::page::Page,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let s = session.as_ref().map(|Extension(s)| s);
    let e = visible_event(&state, s, id).await?;
    let registered = match s {
        Some(s) => store::registration_of(&state.db, id, s.actor.user_id.0)
            .await?
            .is_some_and(|r| r.status == "registered"),
        None => false,
    };
    let online = if registered { vec![id] } else { Vec::new() };
    Ok(ics_response(
        calendar(
            &page.t("events-calendar-name"),
            &[e],
            &state.config.base_url,
            &online,
        ),
        &format!("event-{id}.ics"),
    ))
}
