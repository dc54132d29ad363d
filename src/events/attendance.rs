//! Attendance (who came, marked by the organiser from the start on) and
//! the participation report for coordinators: attendance by cooperation
//! area, by sector (the account's organisation's, else what an outside
//! participant typed) and by event.

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
use std::collections::BTreeMap;

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

pub struct CountRow {
    pub label: String,
    pub count: usize,
    /// The count as shown: small counts and the cells that would give
    /// them away hidden (`otalusta_domain::stats::protect`).
    pub shown: String,
}

#[derive(Template)]
#[template(path = "events/participation.html")]
pub struct ReportView {
    pub page: Page,
    pub scope: String,
    pub total: usize,
    /// The total as shown ("<5" when small).
    pub total_shown: String,
    pub by_area: Vec<CountRow>,
    pub by_sector: Vec<CountRow>,
    pub by_event: Vec<CountRow>,
}

fn rows(m: BTreeMap<String, usize>) -> Vec<CountRow> {
    let mut v: Vec<CountRow> = m
        .into_iter()
        .map(|(label, count)| CountRow {
            label,
            count,
            shown: String::new(),
        })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
    v
}

/// The statistics' rule on the report: no count under 5 is shown, and no
/// hidden one can be worked out from the total (each breakdown adds up to
/// it). Returns the total as shown.
fn protect_counts(total: usize, tables: [&mut Vec<CountRow>; 3]) -> String {
    use otalusta_domain::stats::{Line, Shown, protect};
    let mut values = vec![total as u64];
    let mut lines = Vec::new();
    for t in tables.iter() {
        let start = values.len();
        values.extend(t.iter().map(|r| r.count as u64));
        lines.push(Line {
            total: 0,
            parts: (start..values.len()).collect(),
        });
    }
    let shown = protect(&values, &lines);
    let text = |s: Shown| match s {
        Shown::Value(v) => v.to_string(),
        Shown::Small => "<5".to_owned(),
        Shown::Hidden => "•".to_owned(),
    };
    let mut i = 1;
    for t in tables {
        for r in t.iter_mut() {
            r.shown = text(shown[i]);
            i += 1;
        }
    }
    text(shown[0])
}

pub async fn report(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
) -> AppResult<Response> {
    let role = s.require(&Action::ViewParticipation)?;
    let lang = page.lang.code();
    // The admin sees all; a coordinator her areas' events (a county's
    // coordinator her county's area).
    let areas: Option<Vec<&str>> = if s.actor.has(Role::Admin) {
        None
    } else {
        Some(
            otalusta_domain::region::AREAS
                .iter()
                .map(|a| a.code)
                .filter(|a| s.actor.coordinates(a) || s.actor.coordinates_county_in(a))
                .collect(),
        )
    };
    let all = store::attendance(&state.db).await?;
    let shown: Vec<&store::Attendance> = all
        .iter()
        .filter(|a| match &areas {
            None => true,
            Some(list) => a.area_code.as_deref().is_some_and(|c| list.contains(&c)),
        })
        .collect();
    let mut by_area = BTreeMap::new();
    let mut by_sector = BTreeMap::new();
    let mut by_event = BTreeMap::new();
    for a in &shown {
        let area = a
            .area_code
            .as_deref()
            .and_then(otalusta_domain::region::area)
            .map(|x| x.name(lang).to_owned())
            .unwrap_or_else(|| page.t("events-national"));
        *by_area.entry(area).or_insert(0) += 1;
        let sector = match a.sector.as_deref() {
            Some(sec) => page.t(&format!("sector-{sec}")),
            None if !a.organisation.is_empty() => a.organisation.clone(),
            None => page.t("events-sector-unknown"),
        };
        *by_sector.entry(sector).or_insert(0) += 1;
        *by_event
            .entry(format!("{} ({})", a.title, page.day(&a.starts_at)))
            .or_insert(0) += 1;
    }
    audit::store::record(
        &state.db,
        log_event(
            &ctx,
            Some(&s),
            Some(role),
            "event.participation",
            ("event", 0),
            Outcome::Success,
        ),
    )
    .await?;
    let mut by_area = rows(by_area);
    let mut by_sector = rows(by_sector);
    let mut by_event = rows(by_event);
    let total_shown = protect_counts(shown.len(), [&mut by_area, &mut by_sector, &mut by_event]);
    Ok(render(&ReportView {
        total_shown,
        scope: match &areas {
            None => page.t("events-report-all"),
            Some(list) => list
                .iter()
                .filter_map(|c| otalusta_domain::region::area(c))
                .map(|a| a.name(lang))
                .collect::<Vec<_>>()
                .join(", "),
        },
        total: shown.len(),
        by_area,
        by_sector,
        by_event,
        page,
    }))
}
