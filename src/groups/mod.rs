//! Konsultaatioryhmät ja kokouskalenteri: consultation groups, their
//! members, meeting rules, one-off changes to meetings, and iCalendar feeds.
//!
//! Meetings are not stored: they are generated from the group's rule
//! (`otalusta_domain::calendar`) and its overrides whenever they are shown,
//! and identified by the date the rule yields. So a rule change can never
//! leave stale copies behind, and a meeting's URL and iCalendar UID stay the
//! same when it is moved.

pub mod api;
pub mod calendars;
pub mod ical;
pub mod meetings;
pub mod public;
pub mod routes;
pub mod rule_change;
pub mod store;
pub mod views;

use crate::core::web::AppState;

pub fn router() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/groups", get(routes::list).post(routes::create))
        .route("/groups/new", get(routes::new_form))
        .route("/groups/{id}", get(routes::show).post(routes::update))
        .route("/groups/{id}/edit", get(routes::edit_form))
        .route("/groups/{id}/members", post(routes::add_member))
        .route(
            "/groups/{id}/members/{user}/remove",
            post(routes::remove_member),
        )
        .route("/groups/{id}/calendar.ics", get(meetings::group_feed))
        .route("/groups/{id}/meetings/{date}", get(meetings::show))
        .route(
            "/groups/{id}/meetings/{date}/cancel",
            post(meetings::cancel),
        )
        .route(
            "/groups/{id}/meetings/{date}/move",
            post(meetings::move_meeting),
        )
        .route(
            "/groups/{id}/meetings/{date}/restore",
            post(meetings::restore),
        )
        .route("/meetings", get(meetings::my_meetings))
        .route("/meetings/feed", post(meetings::create_feed))
        .route("/meetings/feed/revoke", post(meetings::revoke_feed))
        .route(
            "/calendar/{token}/meetings.ics",
            get(meetings::personal_feed),
        )
        .route("/api/v1/groups", get(api::list))
        .route("/api/v1/groups/{id}", get(api::get))
        .route("/api/v1/groups/{id}/meetings", get(api::meetings))
}
