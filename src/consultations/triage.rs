//! The secretary's side: the group's queue, triage (accept, ask for more,
//! redirect, decline — always with the requester told) and recording the
//! group's recommendations after the meeting.

use super::requests::{Kept, case_with_errors as refuse};
use super::store::{self, Request};
use super::views;
use super::{authorize, log_event, notify_secretaries};
use crate::audit;
use crate::auth::{Ctx, CurrentUser, Session};
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::forms::CsrfForm;
use crate::core::page::{Page, render};
use crate::core::web::{AppState, ReqCtx};
use crate::groups::routes::today;
use crate::groups::store::Group;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::ToSpan;
use jiff::civil::Date;
use otalusta_domain::audit::Outcome;
use otalusta_domain::consultations::{
    ChoiceProblem, Event, Placement, Status, check_choice, place, transition,
};
use otalusta_domain::groups::parse_date;
use otalusta_domain::ids::GroupId;
use otalusta_domain::policy::Action;
use otalusta_domain::role::Role;
use serde::Deserialize;

/// Longest reason or summary accepted.
pub const MAX_REASON: usize = 4000;

fn handle<'a>(r: &Request, _: &'a Group) -> Action<'a> {
    Action::HandleRequest { group: r.group_id }
}

// --- the queue ---------------------------------------------------------------------

pub struct QueueRow {
    pub href: String,
    pub number: String,
    pub title: String,
    pub status: String,
    pub status_key: &'static str,
    pub submitted: String,
    pub meeting: String,
    pub urgent: bool,
}

pub struct MeetingLoad {
    pub href: String,
    pub agenda: String,
    pub date: String,
    pub deadline: String,
    pub deadline_passed: bool,
    pub placed: u32,
    pub capacity: u32,
    pub held: bool,
}

#[derive(Template)]
#[template(path = "consultations/queue.html")]
pub struct QueueView {
    pub page: Page,
    pub group_id: i64,
    pub group_name: String,
    /// Waiting for triage, more information asked, accepted.
    pub sections: Vec<(String, Vec<QueueRow>)>,
    pub meetings: Vec<MeetingLoad>,
    pub counts: Vec<(String, usize)>,
}

fn queue_row(page: &Page, r: &Request) -> QueueRow {
    QueueRow {
        href: format!("/requests/{}", r.id),
        number: format!("#{}", r.id),
        title: views::title(r),
        status: views::status_text(page, r.status),
        status_key: r.status.key(),
        submitted: r
            .submitted_at
            .as_deref()
            .map(|t| page.timestamp(t))
            .unwrap_or_default(),
        meeting: r
            .meeting_date
            .map(crate::core::i18n::format_date)
            .unwrap_or_else(|| page.t("queue-no-meeting")),
        urgent: matches!(r.answers.get("urgency"), Some(otalusta_domain::questionnaire::Answer::Choice(c)) if c == "urgent"),
    }
}

pub async fn queue(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let g = crate::groups::routes::load(&state, id).await?;
    let role = match s.require(&Action::HandleRequest { group: g.id }) {
        Ok(r) => r,
        Err(e) => {
            let ev = audit::event(
                &ctx,
                Some(&s),
                s.actor.primary_role(),
                "queue.read",
                ("group", &id.to_string()),
                Outcome::Denied,
            );
            audit::store::record(&state.db, ev).await?;
            return Err(e);
        }
    };
    let all = store::of_group(&state.db, g.id).await?;
    let ev = audit::event(
        &ctx,
        Some(&s),
        Some(role),
        "queue.read",
        ("group", &id.to_string()),
        Outcome::Success,
    );
    audit::store::record(&state.db, ev).await?;
    let mut waiting: Vec<QueueRow> = Vec::new();
    let mut more_info = Vec::new();
    let mut accepted = Vec::new();
    for r in &all {
        match r.status {
            Status::Submitted => waiting.push(queue_row(&page, r)),
            Status::MoreInfo => more_info.push(queue_row(&page, r)),
            Status::Accepted => accepted.push(queue_row(&page, r)),
            _ => {}
        }
    }
    // The urgent first, then the oldest.
    waiting.sort_by(|a, b| b.urgent.cmp(&a.urgent).then(a.submitted.cmp(&b.submitted)));
    let from = today();
    let to = from.checked_add(6.months()).unwrap_or(from);
    let overrides = crate::groups::store::overrides(&state.db, g.id).await?;
    let placed = store::placed_counts(&state.db, g.id).await?;
    let now = jiff::Timestamp::now();
    let meetings = g
        .meetings(&overrides, from, to)
        .iter()
        .map(|o| MeetingLoad {
            href: format!("/groups/{}/meetings/{}", g.id, o.rule_date),
            agenda: format!("/groups/{}/meetings/{}/agenda", g.id, o.rule_date),
            date: format!(
                "{} {}",
                crate::groups::views::weekday_name(&page, o.date),
                crate::core::i18n::format_date(o.date)
            ),
            deadline: crate::core::i18n::format_datetime(page.lang, o.deadline.datetime()),
            deadline_passed: !o.deadline_met(now),
            placed: placed.get(&o.rule_date).copied().unwrap_or(0),
            capacity: g.details.capacity,
            held: o.is_held(),
        })
        .collect();
    let mut counts: Vec<(String, usize)> = Vec::new();
    for st in [
        Status::Submitted,
        Status::MoreInfo,
        Status::Accepted,
        Status::Discussed,
        Status::FollowUp,
        Status::Closed,
        Status::Declined,
    ] {
        counts.push((
            views::status_text(&page, st),
            all.iter().filter(|r| r.status == st).count(),
        ));
    }
    let sections = vec![
        (page.t("queue-waiting"), waiting),
        (page.t("queue-more-info"), more_info),
        (page.t("queue-accepted"), accepted),
    ];
    Ok(render(&QueueView {
        group_id: g.id.0,
        group_name: g.details.name(page.lang.code()).to_owned(),
        page,
        sections,
        meetings,
        counts,
    }))
}

// --- triage -------------------------------------------------------------------------

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TriageForm {
    pub meeting: String,
    pub reason: String,
    pub group: String,
}

fn reason_of(form: &TriageForm, required: bool, errors: &mut FieldErrors) -> String {
    let reason = form.reason.trim().to_owned();
    if required && reason.is_empty() {
        errors.add("reason", "field-reason-required");
    } else if reason.chars().count() > MAX_REASON {
        errors.add("reason", "field-too-long");
    }
    reason
}

/// Writes a triage decision: status, history, the access log, and the
/// requester's notification, in one transaction.
#[allow(clippy::too_many_arguments)]
async fn decide_in(
    state: &AppState,
    s: &Session,
    ctx: &ReqCtx,
    role: Role,
    r: &Request,
    event: Event,
    reason: &str,
    detail: &str,
    place_on: Option<(GroupId, Option<Date>, String, bool)>,
) -> AppResult<()> {
    let to = transition(r.status, event).map_err(|_| AppError::Conflict("request-wrong-state"))?;
    let mut tx = state.db.begin().await?;
    let current = store::get_for_update(
        &mut tx,
        r.id,
        state.db.engine() == crate::core::db::Engine::Postgres,
    )
    .await?
    .ok_or(AppError::NotFound)?;
    if current.status != r.status || current.group_id != r.group_id {
        // Someone else decided meanwhile.
        return Err(AppError::Conflict("request-changed"));
    }
    if let Some((group, meeting, placement, late)) = &place_on {
        store::place(&mut tx, r.id, *group, *meeting, placement, *late).await?;
    }
    store::set_status(
        &mut tx,
        r,
        to,
        event,
        Some((s.actor.user_id, role.as_str())),
        reason,
        detail,
    )
    .await?;
    audit::store::append(
        &mut tx,
        log_event(
            ctx,
            s,
            Some(role),
            &format!("request.{}", event.key()),
            r.id,
            Outcome::Success,
        ),
    )
    .await?;
    crate::notify::enqueue(
        &mut tx,
        r.requester_id,
        event.key(),
        &format!("/requests/{}", r.id),
    )
    .await?;
    if let (Event::Redirected, Some((group, ..))) = (event, &place_on) {
        notify_secretaries(&mut tx, &state.db, *group).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Accept, on the meeting the request was placed on or one the secretary
/// chooses (after its deadline only by this decision, and recorded so).
pub async fn accept(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<TriageForm>,
) -> AppResult<Response> {
    let (r, g, role) = authorize(&state, &s, &ctx, id, "request.accepted", handle).await?;
    // Decisions follow the request's state: a closed one takes none.
    let event = if r.status == Status::Accepted {
        Event::Rescheduled
    } else {
        Event::Accepted
    };
    transition(r.status, event).map_err(|_| AppError::Conflict("request-wrong-state"))?;
    let mut errors = FieldErrors::new();
    let reason = reason_of(&form, false, &mut errors);
    let chosen = match form.meeting.trim() {
        "" => r.meeting_date,
        d => match parse_date(d) {
            Some(d) => Some(d),
            None => {
                errors.add("meeting", "field-choose");
                None
            }
        },
    };
    let Some(date) = chosen else {
        if errors.get("meeting").is_none() {
            errors.add("meeting", "triage-choose-meeting");
        }
        return refuse(&state, &s, page, &r, &g, role, errors, Kept::default()).await;
    };
    let overrides = crate::groups::store::overrides(&state.db, g.id).await?;
    let occ = g.meeting(&overrides, date);
    let placed = store::placed_counts(&state.db, g.id).await?;
    // This request's own place does not count against it.
    let mine = u32::from(r.meeting_date == Some(date) && r.status.holds_place());
    let there = placed.get(&date).copied().unwrap_or(0).saturating_sub(mine);
    let late = match check_choice(
        occ.as_ref(),
        there,
        g.details.capacity,
        jiff::Timestamp::now(),
    ) {
        Ok(late) => late,
        Err(ChoiceProblem::Full) => {
            errors.add("meeting", "triage-meeting-full");
            false
        }
        Err(ChoiceProblem::NoSuchMeeting) => {
            errors.add("meeting", "triage-no-such-meeting");
            false
        }
    };
    if !errors.is_empty() {
        return refuse(&state, &s, page, &r, &g, role, errors, Kept::default()).await;
    }
    let event = if r.status == Status::Accepted {
        Event::Rescheduled
    } else {
        Event::Accepted
    };
    let placement = if r.meeting_date == Some(date) {
        r.placement.clone()
    } else {
        serde_json::to_string(&Placement {
            meeting: Some(date),
            skipped: Vec::new(),
        })
        .map_err(anyhow::Error::from)?
    };
    // More information asked and answered by e-mail is not in the form:
    // accepting from "more info" needs the requester's resubmission first.
    if r.status == Status::MoreInfo {
        return Err(AppError::Conflict("request-wrong-state"));
    }
    let detail = crate::core::i18n::format_date(date);
    decide_in(
        &state,
        &s,
        &ctx,
        role,
        &r,
        event,
        &reason,
        &detail,
        Some((
            g.id,
            Some(date),
            placement,
            late || r.late && r.meeting_date == Some(date),
        )),
    )
    .await?;
    Ok(Redirect::to(&format!("/requests/{id}?done=accepted")).into_response())
}

pub async fn ask(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<TriageForm>,
) -> AppResult<Response> {
    let (r, g, role) = authorize(&state, &s, &ctx, id, "request.more-info-asked", handle).await?;
    transition(r.status, Event::MoreInfoAsked)
        .map_err(|_| AppError::Conflict("request-wrong-state"))?;
    let mut errors = FieldErrors::new();
    let reason = reason_of(&form, true, &mut errors);
    if !errors.is_empty() {
        return refuse(
            &state,
            &s,
            page,
            &r,
            &g,
            role,
            errors,
            Kept::new("ask", vec![("reason".into(), form.reason.clone())]),
        )
        .await;
    }
    decide_in(
        &state,
        &s,
        &ctx,
        role,
        &r,
        Event::MoreInfoAsked,
        &reason,
        "",
        None,
    )
    .await?;
    Ok(Redirect::to(&format!("/requests/{id}?done=asked")).into_response())
}

pub async fn decline(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<TriageForm>,
) -> AppResult<Response> {
    let (r, g, role) = authorize(&state, &s, &ctx, id, "request.declined", handle).await?;
    transition(r.status, Event::Declined).map_err(|_| AppError::Conflict("request-wrong-state"))?;
    let mut errors = FieldErrors::new();
    let reason = reason_of(&form, true, &mut errors);
    if !errors.is_empty() {
        return refuse(
            &state,
            &s,
            page,
            &r,
            &g,
            role,
            errors,
            Kept::new("decline", vec![("reason".into(), form.reason.clone())]),
        )
        .await;
    }
    decide_in(
        &state,
        &s,
        &ctx,
        role,
        &r,
        Event::Declined,
        &reason,
        "",
        Some((g.id, None, r.placement.clone(), false)),
    )
    .await?;
    Ok(Redirect::to(&format!("/requests/{id}?done=declined")).into_response())
}

/// Sends the request to another group's queue, placed on its calendar.
pub async fn redirect(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<TriageForm>,
) -> AppResult<Response> {
    let (r, g, role) = authorize(&state, &s, &ctx, id, "request.redirected", handle).await?;
    transition(r.status, Event::Redirected)
        .map_err(|_| AppError::Conflict("request-wrong-state"))?;
    let mut errors = FieldErrors::new();
    let reason = reason_of(&form, true, &mut errors);
    let target = match form.group.parse::<i64>() {
        Ok(t) if t != g.id.0 => crate::groups::store::get(&state.db, GroupId(t)).await?,
        _ => None,
    };
    if target.is_none() {
        errors.add("group", "triage-choose-group");
    }
    let (Some(target), true) = (target, errors.is_empty()) else {
        return refuse(
            &state,
            &s,
            page,
            &r,
            &g,
            role,
            errors,
            Kept::new(
                "redirect",
                vec![
                    ("reason".into(), form.reason.clone()),
                    ("group".into(), form.group.clone()),
                ],
            ),
        )
        .await;
    };
    let from = today();
    let to = from.checked_add(12.months()).unwrap_or(from);
    let overrides = crate::groups::store::overrides(&state.db, target.id).await?;
    let placed = store::placed_counts(&state.db, target.id).await?;
    let p = place(
        &target.meetings(&overrides, from, to),
        &placed,
        target.details.capacity,
        jiff::Timestamp::now(),
    );
    let placement = serde_json::to_string(&p).map_err(anyhow::Error::from)?;
    let detail = target.details.name(page.lang.code()).to_owned();
    decide_in(
        &state,
        &s,
        &ctx,
        role,
        &r,
        Event::Redirected,
        &reason,
        &detail,
        Some((target.id, p.meeting, placement, false)),
    )
    .await?;
    Ok(Redirect::to(&format!("/groups/{}/queue?done=redirected", g.id)).into_response())
}

// --- the outcome -----------------------------------------------------------------------

/// The most recommendations one case records.
pub const MAX_RECOMMENDATIONS: usize = 20;

/// The summary and the recommendations (`rec_action`, `rec_responsible`,
/// `rec_due` in order; empty rows are left out).
pub async fn outcome(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (r, g, role) = authorize(&state, &s, &ctx, id, "request.outcome", handle).await?;
    transition(r.status, Event::OutcomeRecorded)
        .map_err(|_| AppError::Conflict("request-wrong-state"))?;
    let mut errors = FieldErrors::new();
    let list = |name: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .collect()
    };
    let (actions, responsibles, dues) =
        (list("rec_action"), list("rec_responsible"), list("rec_due"));
    let summary = pairs
        .iter()
        .find(|(k, _)| k == "summary")
        .map(|(_, v)| v.trim().to_owned())
        .unwrap_or_default();
    if summary.is_empty() {
        errors.add("summary", "field-required");
    } else if summary.chars().count() > 20_000 {
        errors.add("summary", "field-too-long");
    }
    let mut items = Vec::new();
    for i in 0..actions.len().max(responsibles.len()).max(dues.len()) {
        let a = actions.get(i).cloned().unwrap_or_default();
        let who = responsibles.get(i).cloned().unwrap_or_default();
        let due = dues.get(i).cloned().unwrap_or_default();
        if a.is_empty() && who.is_empty() && due.is_empty() {
            continue;
        }
        if a.is_empty() {
            errors.add("rec_action", "outcome-action-required");
        }
        if who.is_empty() {
            errors.add("rec_responsible", "outcome-responsible-required");
        }
        if a.chars().count() > 2000 || who.chars().count() > 200 {
            errors.add("rec_action", "field-too-long");
        }
        let due = match due.as_str() {
            "" => None,
            d => match parse_date(d) {
                Some(d) => Some(d),
                None => {
                    errors.add("rec_due", "field-date");
                    None
                }
            },
        };
        items.push((a, who, due));
    }
    if items.is_empty() {
        errors.add("rec_action", "outcome-at-least-one");
    }
    if items.len() > MAX_RECOMMENDATIONS {
        errors.add("rec_action", "outcome-too-many");
    }
    // The meeting has to have started: recommendations come from it.
    if let Some(m) = r.meeting_date {
        let overrides = crate::groups::store::overrides(&state.db, g.id).await?;
        if g.meeting(&overrides, m)
            .is_some_and(|o| o.start.timestamp() > jiff::Timestamp::now())
        {
            errors.add("summary", "outcome-meeting-not-held");
        }
    }
    if !errors.is_empty() {
        return refuse(
            &state,
            &s,
            page,
            &r,
            &g,
            role,
            errors,
            Kept::new("outcome", pairs.clone()),
        )
        .await;
    }
    let to = transition(r.status, Event::OutcomeRecorded)
        .map_err(|_| AppError::Conflict("request-wrong-state"))?;
    let mut tx = state.db.begin().await?;
    store::save_outcome(&mut tx, r.id, &summary, &items).await?;
    store::set_status(
        &mut tx,
        &r,
        to,
        Event::OutcomeRecorded,
        Some((s.actor.user_id, role.as_str())),
        "",
        "",
    )
    .await?;
    audit::store::append(
        &mut tx,
        log_event(
            &ctx,
            &s,
            Some(role),
            "request.outcome",
            r.id,
            Outcome::Success,
        ),
    )
    .await?;
    crate::notify::enqueue(
        &mut tx,
        r.requester_id,
        "outcome",
        &format!("/requests/{id}"),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/requests/{id}?done=outcome")).into_response())
}
