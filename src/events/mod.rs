//! Tapahtumat: webinars, trainings and forum series (issue 18). A public
//! list and pages, the organisers' forms, registration with a waitlist
//! (signed-in professionals with one click, outside participants by an
//! e-mailed confirmation link), iCalendar, reminders, attendance,
//! certificates, "my learning" and the participation report. The rules
//! are `otalusta_domain::events`; seats are claimed under the event row's
//! lock (`store::lock`).
//!
//! Every change is written to the access log (purpose "events"). An
//! outside participant's name and address never go to the log or to
//! tracing: the log names the registration's id.

pub mod api;
pub mod attendance;
pub mod certificate;
pub mod ics;
pub mod learning;
pub mod mail;
pub mod registration;
pub mod reminders;
pub mod routes;
pub mod store;

use crate::audit;
use crate::auth::Session;
use crate::core::web::{AppState, ReqCtx};
use otalusta_domain::audit::{AuditEvent, Outcome};
use otalusta_domain::role::Role;

pub fn router() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/events", get(routes::list).post(routes::create))
        .route("/events/new", get(routes::new_form))
        .route("/events/calendar.ics", get(ics::feed))
        .route("/events/participation", get(attendance::report))
        .route(
            "/events/confirm/{token}",
            get(registration::confirm_page).post(registration::confirm),
        )
        .route(
            "/events/cancel/{token}",
            get(registration::cancel_link_page).post(registration::cancel_link),
        )
        .route("/events/{id}", get(routes::show).post(routes::update))
        .route("/events/{id}/edit", get(routes::edit_form))
        .route("/events/{id}/cancel", post(routes::cancel))
        .route("/events/{id}/event.ics", get(ics::one))
        .route("/events/{id}/register", post(registration::register))
        .route("/events/{id}/unregister", post(registration::unregister))
        .route("/events/{id}/signup", post(registration::sign_up))
        .route(
            "/events/{id}/attendance",
            get(attendance::form).post(attendance::save),
        )
        .route("/events/{id}/certificate.pdf", get(certificate::pdf))
        .route("/learning", get(learning::page))
        .route("/api/v1/events", get(api::list))
}

/// An access-log entry about an event (`object` "event") or a
/// registration ("event-registration"); `s` None: an outside participant.
pub fn log_event(
    ctx: &ReqCtx,
    s: Option<&Session>,
    role: Option<Role>,
    action: &str,
    object: (&str, i64),
    outcome: Outcome,
) -> AuditEvent {
    let mut e = audit::event(
        ctx,
        s,
        role,
        action,
        (object.0, &object.1.to_string()),
        outcome,
    );
    e.purpose = "events".into();
    e
}

/// Today's time.
pub fn now() -> jiff::Timestamp {
    jiff::Timestamp::now()
}

/// The event's time in Helsinki: "12.5.2026 klo 9.00–12.00", or both ends
/// in full when it spans days.
pub fn when(page_lang: crate::core::i18n::Lang, e: &store::Event) -> String {
    let tz = crate::core::page::helsinki();
    let s = e.start().to_zoned_datetime(tz.clone()).datetime();
    let t = e.end().to_zoned_datetime(tz).datetime();
    let start = crate::core::i18n::format_datetime(page_lang, s);
    if s.date() == t.date() {
        format!("{start}–{}", t.strftime("%-H.%M"))
    } else {
        format!(
            "{start} – {}",
            crate::core::i18n::format_datetime(page_lang, t)
        )
    }
}

/// The events a viewer may see: public ones, and with `signed_in` the
/// professionals' too.
pub fn visible(e: &store::Event, signed_in: bool) -> bool {
    e.is_public() || signed_in
}

/// Whether `s` may see events beyond the public ones.
pub fn sees_all(s: Option<&Session>) -> bool {
    s.is_some_and(|s| {
        otalusta_domain::policy::decide(&s.actor, &otalusta_domain::policy::Action::ViewEvents)
            .is_allowed()
    })
}

/// Loads an event `s` may see; a professionals-only one is "not found" to
/// anyone else (its existence is not told).
pub async fn visible_event(
    state: &AppState,
    s: Option<&Session>,
    id: i64,
) -> crate::core::error::AppResult<store::Event> {
    if let Some(s) = s {
        s.require(&otalusta_domain::policy::Action::ViewEvents)?;
    }
    match store::get(&state.db, id).await? {
        Some(e) if visible(&e, sees_all(s)) => Ok(e),
        _ => Err(crate::core::error::AppError::NotFound),
    }
}

/// Logs `events` (one transaction).
pub async fn record(state: &AppState, events: Vec<AuditEvent>) -> sqlx::Result<()> {
    let mut tx = state.db.begin().await?;
    audit::store::append_all(&mut tx, events).await?;
    tx.commit().await
}
