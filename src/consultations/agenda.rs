//! A meeting's agenda: its cases in order with their time slots, who is
//! invited, who attended. Printable.

use super::store::{self, Request};
use super::views;
use crate::audit;
use crate::auth::{Ctx, CurrentUser};
use crate::core::error::{AppError, AppResult};
use crate::core::forms::CsrfForm;
use crate::core::page::{Page, render};
use crate::core::web::AppState;
use crate::groups::views::clock;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::civil::Date;
use otalusta_domain::audit::Outcome;
use otalusta_domain::ids::UserId;
use otalusta_domain::policy::{Action, decide};
use otalusta_domain::role::Role;
use serde::Deserialize;

pub struct CaseView {
    pub id: i64,
    pub href: String,
    pub slot: String,
    pub title: String,
    pub requester: String,
    pub requester_id: i64,
    pub status: String,
    pub late: bool,
}

pub struct PersonView {
    pub user_id: i64,
    pub name: String,
    pub role: String,
    pub present: bool,
}

#[derive(Template)]
#[template(path = "consultations/agenda.html")]
pub struct AgendaView {
    pub page: Page,
    pub group_id: i64,
    pub group_name: String,
    pub rule_date: String,
    pub date: String,
    pub time: String,
    pub place: String,
    pub video_link: String,
    pub cases: Vec<CaseView>,
    /// The case content (the titles) is for the secretary and members.
    pub content: bool,
    pub manage: bool,
    pub people: Vec<PersonView>,
    pub held: bool,
    /// The notice deadline has passed: the case list is fixed (later
    /// additions only by the secretary's recorded decision). When it was.
    pub closed: Option<String>,
    /// A one-off change to the meeting, with its reason.
    pub change: Option<String>,
}

fn rule_date(s: &str) -> AppResult<Date> {
    s.parse().map_err(|_| AppError::NotFound)
}

pub async fn show(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path((id, date)): Path<(i64, String)>,
) -> AppResult<Response> {
    let g = crate::groups::routes::load(&state, id).await?;
    let date = rule_date(&date)?;
    let object = format!("{id}/{date}");
    let role = match s.require(&Action::ViewAgenda {
        group: g.id,
        area: &g.details.area,
    }) {
        Ok(r) => r,
        Err(e) => {
            let ev = audit::event(
                &ctx,
                Some(&s),
                s.actor.primary_role(),
                "agenda.read",
                ("meeting", &object),
                Outcome::Denied,
            );
            audit::store::record(&state.db, ev).await?;
            return Err(e);
        }
    };
    let cal = crate::groups::calendars::calendars(&state)
        .get(&state.db, g.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let occ = cal.meeting(date).ok_or(AppError::NotFound)?;
    let requests = store::on_meeting(&state.db, g.id, date).await?;
    let content = role != Role::Coordinator;
    let manage = decide(&s.actor, &Action::HandleRequest { group: g.id }).is_allowed();
    let shown: Vec<otalusta_domain::ids::RequestId> = requests.iter().map(|r| r.id).collect();
    super::log_cases(
        &state,
        &s,
        &ctx,
        Some(role),
        "agenda.read",
        &shown,
        ("meeting", &object),
    )
    .await?;
    // Time slots: the meeting divided evenly among its cases.
    let slots = otalusta_domain::consultations::slots(&occ.start, &occ.end, requests.len());
    let mut cases = Vec::new();
    for (r, (from, to)) in requests.iter().zip(slots) {
        let (from, to) = (from.time(), to.time());
        let requester = super::requester_name(&state, r).await?;
        cases.push(CaseView {
            id: r.id.0,
            href: format!("/requests/{}", r.id),
            slot: format!("{}–{}", clock(from), clock(to)),
            title: if content {
                views::title(r)
            } else {
                String::new()
            },
            requester,
            requester_id: r.requester_id.0,
            status: views::status_text(&page, r.status),
            late: r.late,
        });
    }
    let attendance = store::attendance(&state.db, g.id, date).await?;
    let mut people: Vec<PersonView> = crate::groups::store::members(&state.db, g.id)
        .await?
        .into_iter()
        .map(|m| PersonView {
            present: attendance.get(&m.user_id).copied().unwrap_or(false),
            role: page.t(&format!("member-role-{}", m.member_role().key())),
            user_id: m.user_id,
            name: m.display_name,
        })
        .collect();
    for c in &cases {
        if !people.iter().any(|p| p.user_id == c.requester_id) {
            people.push(PersonView {
                user_id: c.requester_id,
                name: c.requester.clone(),
                role: page.t("agenda-requester"),
                present: attendance.get(&c.requester_id).copied().unwrap_or(false),
            });
        }
    }
    Ok(render(&AgendaView {
        group_id: g.id.0,
        group_name: g.details.name(page.lang.code()).to_owned(),
        rule_date: date.to_string(),
        date: format!(
            "{} {}",
            crate::groups::views::weekday_name(&page, occ.date),
            crate::core::i18n::format_date(occ.date)
        ),
        time: format!("{}–{}", clock(occ.start.time()), clock(occ.end.time())),
        place: if g.details.mode.has_place() {
            g.details.place.clone()
        } else {
            String::new()
        },
        video_link: if g.details.mode.has_video() {
            g.details.video_link.clone()
        } else {
            String::new()
        },
        held: occ.is_held(),
        closed: (!occ.deadline_met(jiff::Timestamp::now()))
            .then(|| crate::core::i18n::format_datetime(page.lang, occ.deadline.datetime())),
        change: occ
            .change
            .as_ref()
            .map(|c| crate::groups::views::change_text(&page, c)),
        cases,
        content,
        manage,
        people,
        page,
    }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MoveForm {
    pub request: String,
    /// `up` or `down`.
    pub direction: String,
}

pub async fn move_case(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path((id, date)): Path<(i64, String)>,
    CsrfForm(form): CsrfForm<MoveForm>,
) -> AppResult<Response> {
    let g = crate::groups::routes::load(&state, id).await?;
    let date = rule_date(&date)?;
    let role = s.require(&Action::HandleRequest { group: g.id })?;
    let target: i64 = form
        .request
        .parse()
        .map_err(|_| AppError::BadRequest("error-bad-request"))?;
    // The order as it is now, read (and locked) in the write itself: two
    // reorderings at once never write an order neither saw.
    let mut tx = state.db.begin().await?;
    let lock = state.db.locks_rows();
    // Groups before requests, as every write that locks both.
    crate::groups::store::get_for_update(&mut tx, g.id, lock).await?;
    let mut ids: Vec<Request> = store::on_meeting_in(&mut tx, g.id, date, lock).await?;
    let i = ids
        .iter()
        .position(|r| r.id.0 == target)
        .ok_or(AppError::NotFound)?;
    match form.direction.as_str() {
        "up" if i > 0 => ids.swap(i, i - 1),
        "down" if i + 1 < ids.len() => ids.swap(i, i + 1),
        "up" | "down" => {}
        _ => return Err(AppError::BadRequest("error-bad-request")),
    }
    store::set_positions(&mut tx, &ids.iter().map(|r| r.id).collect::<Vec<_>>()).await?;
    let ev = audit::event(
        &ctx,
        Some(&s),
        Some(role),
        "agenda.update",
        ("meeting", &format!("{id}/{date}")),
        Outcome::Success,
    );
    audit::store::append(&mut tx, ev).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/groups/{id}/meetings/{date}/agenda")).into_response())
}

/// Who was present: the checked `present` boxes (user ids); everyone
/// else invited was absent.
pub async fn attendance(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path((id, date)): Path<(i64, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let g = crate::groups::routes::load(&state, id).await?;
    let date = rule_date(&date)?;
    let role = s.require(&Action::HandleRequest { group: g.id })?;
    let present: Vec<i64> = pairs
        .iter()
        .filter(|(k, _)| k == "present")
        .filter_map(|(_, v)| v.parse().ok())
        .collect();
    let mut invited: Vec<i64> = crate::groups::store::members(&state.db, g.id)
        .await?
        .iter()
        .map(|m| m.user_id)
        .collect();
    for r in store::on_meeting(&state.db, g.id, date).await? {
        invited.push(r.requester_id.0);
    }
    invited.sort();
    invited.dedup();
    let marks: Vec<(UserId, bool)> = invited
        .iter()
        .map(|u| (UserId(*u), present.contains(u)))
        .collect();
    let mut tx = state.db.begin().await?;
    store::set_attendance(&mut tx, g.id, date, &marks).await?;
    let ev = audit::event(
        &ctx,
        Some(&s),
        Some(role),
        "attendance.update",
        ("meeting", &format!("{id}/{date}")),
        Outcome::Success,
    );
    audit::store::append(&mut tx, ev).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!(
        "/groups/{id}/meetings/{date}/agenda?done=attendance"
    ))
    .into_response())
}
