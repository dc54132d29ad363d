//! Attendance (who came, marked by the organiser from the start on). The
//! participation report for coordinators (by cooperation area, sector and
//! event) is a view of the statistics.

use super::log_event;
use super::store;
use crate::audit;
use crate::auth::{Ctx, CurrentUser};
use crate::core::error::{AppError, AppResult};
use crate::core::forms::CsrfForm;
use crate::core::page::{Page, render};
use crate::core::web::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use otalusta_domain::audit::Outcome;
use otalusta_domain::policy::{Action, Decision, decide};
use otalusta_domain::role::Role;

pub struct Participant {
    pub id: i64,
    pub name: String,
    pub organisation: String,
    pub outside: bool,
    pub attended: bool,
}

#[derive(Template)]
#[template(path = "events/attendance.html")]
pub struct AttendanceView {
    pub page: Page,
    pub id: i64,
    pub title: String,
    pub when: String,
    pub open: bool,
    pub participants: Vec<Participant>,
    pub waiting: usize,
}

async fn load(
    state: &AppState,
    s: &crate::auth::Session,
    ctx: &crate::core::web::ReqCtx,
    id: i64,
    log_as: &str,
) -> AppResult<(store::Event, Role)> {
    let e = store::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let action = Action::MarkAttendance {
        area: e.area_code.as_deref(),
        responsible: e.responsible_id.map(otalusta_domain::ids::UserId),
    };
    match decide(&s.actor, &action) {
        Decision::Allow(role) => Ok((e, role)),
        Decision::Deny => {
            audit::store::record(
                &state.db,
                log_event(
                    ctx,
                    Some(s),
                    s.actor.primary_role(),
                    log_as,
                    ("event", id),
                    Outcome::Denied,
                ),
            )
            .await?;
            Err(AppError::Forbidden)
        }
    }
}

pub async fn form(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (e, role) = load(&state, &s, &ctx, id, "event.attendance.view").await?;
    let regs = store::registrations(&state.db, id).await?;
    // The list names people: a logged read.
    audit::store::record(
        &state.db,
        log_event(
            &ctx,
            Some(&s),
            Some(role),
            "event.attendance.view",
            ("event", id),
            Outcome::Success,
        ),
    )
    .await?;
    Ok(render(&AttendanceView {
        id,
        title: e.title.clone(),
        when: super::when(page.lang, &e),
        open: otalusta_domain::events::attendance_open(super::now(), e.start()),
        waiting: regs.iter().filter(|r| r.status == "waitlist").count(),
        participants: regs
            .iter()
            .filter(|r| r.status == "registered")
            .map(|r| Participant {
                id: r.id,
                name: r.display.clone(),
                organisation: r.org.clone(),
                outside: r.user_id.is_none(),
                attended: r.attended != 0,
            })
            .collect(),
        page,
    }))
}

pub async fn save(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path(id): Path<i64>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (e, role) = load(&state, &s, &ctx, id, "event.attendance").await?;
    if !otalusta_domain::events::attendance_open(super::now(), e.start()) {
        return Ok(Redirect::to(&format!(
            "/events/{id}/attendance?done=events-attendance-early"
        ))
        .into_response());
    }
    let attended: Vec<i64> = pairs
        .iter()
        .filter(|(k, _)| k == "attended")
        .filter_map(|(_, v)| v.parse().ok())
        .collect();
    let mut tx = state.db.begin().await?;
    store::set_attendance(&mut tx, id, &attended).await?;
    audit::store::append(
        &mut tx,
        log_event(
            &ctx,
            Some(&s),
            Some(role),
            "event.attendance",
            ("event", id),
            Outcome::Success,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!(
        "/events/{id}/attendance?done=events-attendance-saved"
    ))
    .into_response())
}

/// The participation report (osallistumisraportti) is a view of the
/// statistics: attendance by area, sector and event, protected with every
/// other figure at once (`src/stats/`), so that the two can never be set
/// side by side to uncover a small count.
pub async fn report(CurrentUser(s): CurrentUser) -> AppResult<Response> {
    s.require(&Action::ViewParticipation)?;
    Ok(Redirect::to("/stats?period=all#t-attendance-by-event").into_response())
}
