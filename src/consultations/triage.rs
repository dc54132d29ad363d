//! The secretary's side: the group's queue, triage (accept, ask for more,
//! redirect, decline — always with the requester told), a case the
//! meeting did not reach, and recording the group's recommendations.
//!
//! Every decision goes through [`super::workflow`]: it is checked again on
//! the request as it is inside the write, so two secretaries (or a
//! double click) never decide twice.

use super::authorize;
use super::case::{Kept, case_with_errors as refuse};
use super::requests::answer_or;
use super::store::{self, Request};
use super::views;
use super::workflow::{By, NewPlace, Step, Tell, Work, expect_seen, unchanged};
use crate::audit;
use crate::auth::{Ctx, CurrentUser};
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::forms::CsrfForm;
use crate::core::page::{Page, render};
use crate::core::web::AppState;
use crate::groups::calendars::calendars;
use crate::groups::routes::today;
use crate::groups::store::Group;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::ToSpan;
use otalusta_domain::audit::Outcome;
use otalusta_domain::consultations::{
    ChoiceProblem, Destination, Event, Status, carry_over, check_choice, place, transition,
};
use otalusta_domain::groups::parse_date;
use otalusta_domain::ids::GroupId;
use otalusta_domain::policy::Action;
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
    pub taken: u32,
    pub proposed: u32,
    pub capacity: u32,
    pub held: bool,
    /// Moved or cancelled, with the reason, in words.
    pub change: Option<String>,
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

fn queue_row(page: &Page, cal: &crate::groups::calendars::GroupCalendar, r: &Request) -> QueueRow {
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
        meeting: match r.meeting_date {
            Some(d) => views::meeting_line(page, cal.meeting(d).as_ref(), d),
            None => page.t("queue-no-meeting"),
        },
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
    let cal = calendars(&state)
        .active_group(&state.db, GroupId(id))
        .await?
        .ok_or(AppError::NotFound)?;
    let g = &cal.group;
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
    let shown: Vec<otalusta_domain::ids::RequestId> = all
        .iter()
        .filter(|r| {
            matches!(
                r.status,
                Status::Submitted | Status::MoreInfo | Status::Accepted
            )
        })
        .map(|r| r.id)
        .collect();
    super::log_cases(
        &state,
        &s,
        &ctx,
        Some(role),
        "queue.read",
        &shown,
        ("group", &id.to_string()),
    )
    .await?;
    let mut waiting: Vec<QueueRow> = Vec::new();
    let mut more_info = Vec::new();
    let mut accepted = Vec::new();
    for r in &all {
        match r.status {
            Status::Submitted => waiting.push(queue_row(&page, &cal, r)),
            Status::MoreInfo => more_info.push(queue_row(&page, &cal, r)),
            Status::Accepted => accepted.push(queue_row(&page, &cal, r)),
            _ => {}
        }
    }
    // The urgent first, then the oldest.
    waiting.sort_by(|a, b| b.urgent.cmp(&a.urgent).then(a.submitted.cmp(&b.submitted)));
    let from = today();
    let to = from.checked_add(6.months()).unwrap_or(from);
    let now = jiff::Timestamp::now();
    let meetings = cal
        .meetings(from, to)
        .iter()
        .map(|o| {
            let load = cal.load_of(o.rule_date);
            MeetingLoad {
                href: format!("/groups/{}/meetings/{}", g.id, o.rule_date),
                agenda: format!("/groups/{}/meetings/{}/agenda", g.id, o.rule_date),
                date: format!(
                    "{} {}",
                    crate::groups::views::weekday_name(&page, o.date),
                    crate::core::i18n::format_date(o.date)
                ),
                deadline: crate::core::i18n::format_datetime(page.lang, o.deadline.datetime()),
                deadline_passed: !o.deadline_met(now),
                taken: load.taken,
                proposed: load.proposed,
                capacity: g.details.capacity,
                held: o.is_held(),
                change: o
                    .change
                    .as_ref()
                    .map(|c| crate::groups::views::change_text(&page, c)),
            }
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
    /// `next` or `queue` (a case the meeting did not reach).
    pub decision: String,
    pub once: String,
    pub seen: String,
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

/// Starts a decision on a request: the token, the request locked afresh
/// (after `groups`, whose meetings it may place it on) and checked against
/// what the secretary saw. `Err(answer)`: a replay, answered the same.
async fn open(
    state: &AppState,
    s: &crate::auth::Session,
    seen: &Request,
    form: &TriageForm,
    groups: &[GroupId],
    answer: &str,
) -> AppResult<Result<(Work, Vec<Group>, Request), Response>> {
    let mut w = Work::begin(state).await?;
    if let Some(a) = w.replayed(s.actor.user_id, &form.once).await? {
        w.rollback().await?;
        return Ok(Err(Redirect::to(&answer_or(&a, answer)).into_response()));
    }
    let locked = w.lock_groups(groups).await?;
    let r = w.lock_request(seen.id).await?;
    unchanged(&r, seen)?;
    expect_seen(&r, &form.seen)?;
    Ok(Ok((w, locked, r)))
}

/// Accept, on the meeting the request was proposed for or one the
/// secretary chooses; to a meeting whose notice deadline has passed only
/// with a reason (the decision is recorded), never over its places.
pub async fn accept(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<TriageForm>,
) -> AppResult<Response> {
    let (seen, g, role) = authorize(&state, &s, &ctx, id, "request.accepted", handle).await?;
    let mut errors = FieldErrors::new();
    let reason = reason_of(&form, false, &mut errors);
    let chosen = match form.meeting.trim() {
        "" => None,
        d => match parse_date(d) {
            Some(d) => Some(d),
            None => {
                errors.add("meeting", "field-choose");
                None
            }
        },
    };
    let kept = Kept::new(
        "accept",
        vec![
            ("reason".into(), form.reason.clone()),
            ("meeting".into(), form.meeting.clone()),
        ],
    );
    if !errors.is_empty() {
        return refuse(&state, &s, page, &seen, &g, role, errors, kept).await;
    }
    let answer = format!("/requests/{id}?done=accepted");
    let (mut w, locked, mut r) =
        match open(&state, &s, &seen, &form, &[seen.group_id], &answer).await? {
            Ok(x) => x,
            Err(replay) => return Ok(replay),
        };
    let g = locked.into_iter().next().ok_or(AppError::NotFound)?;
    // Decisions follow the request's state: a closed one takes none; one
    // waiting for more information needs the requester's answer first.
    let event = if r.status == Status::Accepted {
        Event::Rescheduled
    } else {
        Event::Accepted
    };
    transition(r.status, event).map_err(|_| AppError::Conflict("request-wrong-state"))?;
    let date = chosen.or(r.meeting_date);
    let places = w.places(&g, Some(r.id)).await?;
    let now = jiff::Timestamp::now();
    let mut late = false;
    match date {
        None => errors.add("meeting", "triage-choose-meeting"),
        Some(date) => {
            let occ = places.meetings.iter().find(|o| o.rule_date == date);
            let there = places.taken.get(&date).copied().unwrap_or(0);
            match check_choice(occ, there, g.details.capacity, now) {
                // The meeting it was proposed for keeps its punctuality:
                // it was sent in time for it.
                Ok(after_deadline) => {
                    late = if r.meeting_date == Some(date) {
                        r.late
                    } else {
                        after_deadline
                    };
                    if late && reason.is_empty() {
                        errors.add("reason", "triage-late-reason-required");
                    }
                }
                Err(ChoiceProblem::Full) => errors.add("meeting", "triage-meeting-full"),
                Err(ChoiceProblem::NoSuchMeeting) => {
                    errors.add("meeting", "triage-no-such-meeting")
                }
            }
        }
    }
    let Some(date) = date.filter(|_| errors.is_empty()) else {
        w.rollback().await?;
        return refuse(&state, &s, page, &r, &g, role, errors, kept).await;
    };
    let place = if r.meeting_date == Some(date) {
        NewPlace {
            group: g.id,
            meeting: Some(date),
            placement: r.placement.clone(),
            late,
        }
    } else {
        NewPlace::on(g.id, Some(date), late)
    };
    let occ = places.meetings.iter().find(|o| o.rule_date == date);
    let mut step = Step::new(event, By::person(&s, &ctx, role));
    step.reason = reason;
    step.detail = views::meeting_line(&page, occ, date);
    step.place = Some(place);
    step.log_as = Some("request.accepted");
    step.tell = &[Tell::Requester];
    w.finish(&mut r, step, &answer).await
}

/// A decision with a reason and no place: ask for more information, or
/// decline (which also takes the request off its meeting).
async fn decide_with_reason(
    state: AppState,
    s: crate::auth::Session,
    ctx: crate::core::web::ReqCtx,
    page: Page,
    id: i64,
    form: TriageForm,
    event: Event,
) -> AppResult<Response> {
    let (seen, g, role) = authorize(
        &state,
        &s,
        &ctx,
        id,
        &format!("request.{}", event.key()),
        handle,
    )
    .await?;
    let mut errors = FieldErrors::new();
    let reason = reason_of(&form, true, &mut errors);
    let form_key = if event == Event::Declined {
        "decline"
    } else {
        "ask"
    };
    if !errors.is_empty() && transition(seen.status, event).is_ok() {
        return refuse(
            &state,
            &s,
            page,
            &seen,
            &g,
            role,
            errors,
            Kept::new(form_key, vec![("reason".into(), form.reason.clone())]),
        )
        .await;
    }
    let done = if event == Event::Declined {
        "declined"
    } else {
        "asked"
    };
    let answer = format!("/requests/{id}?done={done}");
    let (w, _, mut r) = match open(&state, &s, &seen, &form, &[seen.group_id], &answer).await? {
        Ok(x) => x,
        Err(replay) => return Ok(replay),
    };
    transition(r.status, event).map_err(|_| AppError::Conflict("request-wrong-state"))?;
    errors.into_result()?;
    let mut step = Step::new(event, By::person(&s, &ctx, role));
    step.reason = reason;
    if event == Event::Declined {
        step.place = Some(NewPlace {
            group: r.group_id,
            meeting: None,
            placement: r.placement.clone(),
            late: false,
        });
    }
    step.tell = &[Tell::Requester];
    w.finish(&mut r, step, &answer).await
}

pub async fn ask(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<TriageForm>,
) -> AppResult<Response> {
    decide_with_reason(state, s, ctx, page, id, form, Event::MoreInfoAsked).await
}

pub async fn decline(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<TriageForm>,
) -> AppResult<Response> {
    decide_with_reason(state, s, ctx, page, id, form, Event::Declined).await
}

/// Sends the request to another group's queue, proposed for the first
/// meeting there it makes.
pub async fn redirect(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<TriageForm>,
) -> AppResult<Response> {
    let (seen, g, role) = authorize(&state, &s, &ctx, id, "request.redirected", handle).await?;
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
            &seen,
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
    let answer = format!("/groups/{}/queue?done=redirected", g.id);
    let (mut w, locked, mut r) = match open(
        &state,
        &s,
        &seen,
        &form,
        &[seen.group_id, target.id],
        &answer,
    )
    .await?
    {
        Ok(x) => x,
        Err(replay) => return Ok(replay),
    };
    let target = locked
        .into_iter()
        .find(|x| x.id == target.id && x.active)
        .ok_or(AppError::NotFound)?;
    let places = w.places(&target, Some(r.id)).await?;
    let p = place(
        &places.meetings,
        &places.taken,
        target.details.capacity,
        jiff::Timestamp::now(),
    );
    let tell = [Tell::Requester, Tell::Secretaries(target.id)];
    let mut step = Step::new(Event::Redirected, By::person(&s, &ctx, role));
    step.reason = reason;
    step.detail = target.details.name(page.lang.code()).to_owned();
    step.place = Some(NewPlace {
        group: target.id,
        meeting: p.meeting,
        placement: serde_json::to_string(&p).map_err(anyhow::Error::from)?,
        late: false,
    });
    step.tell = &tell;
    w.finish(&mut r, step, &answer).await
}

/// A case its meeting did not reach: recorded so, and carried to the next
/// meeting with a free place (`decision=next`) or back to the queue.
pub async fn not_discussed(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<TriageForm>,
) -> AppResult<Response> {
    let (seen, g, role) = authorize(&state, &s, &ctx, id, "request.not-discussed", handle).await?;
    let mut errors = FieldErrors::new();
    let reason = reason_of(&form, false, &mut errors);
    let to_next = match form.decision.as_str() {
        "next" => true,
        "queue" => false,
        _ => {
            errors.add("decision", "field-choose");
            false
        }
    };
    let kept = Kept::new(
        "not-discussed",
        vec![
            ("reason".into(), form.reason.clone()),
            ("decision".into(), form.decision.clone()),
        ],
    );
    if !errors.is_empty() && seen.status == Status::Accepted {
        return refuse(&state, &s, page, &seen, &g, role, errors, kept).await;
    }
    let answer = format!("/requests/{id}?done=not-discussed");
    let (mut w, locked, mut r) =
        match open(&state, &s, &seen, &form, &[seen.group_id], &answer).await? {
            Ok(x) => x,
            Err(replay) => return Ok(replay),
        };
    let g = locked.into_iter().next().ok_or(AppError::NotFound)?;
    transition(r.status, Event::NotDiscussed)
        .map_err(|_| AppError::Conflict("request-wrong-state"))?;
    errors.into_result()?;
    let now = jiff::Timestamp::now();
    let overrides = crate::groups::store::overrides_in(w.tx(), g.id).await?;
    let left = r
        .meeting_date
        .ok_or(AppError::Conflict("request-wrong-state"))?;
    let started = g
        .meeting(&overrides, left)
        .is_some_and(|o| o.start.timestamp() <= now);
    if !started {
        w.rollback().await?;
        let mut errors = FieldErrors::new();
        errors.add("decision", "not-discussed-meeting-ahead");
        return refuse(&state, &s, page, &seen, &g, role, errors, kept).await;
    }
    let by = By::person(&s, &ctx, role);
    let mut step = Step::new(Event::NotDiscussed, by);
    step.reason = reason;
    step.detail = views::meeting_line(&page, g.meeting(&overrides, left).as_ref(), left);
    w.transition(&mut r, step).await?;
    let places = w.places(&g, Some(r.id)).await?;
    let to = if to_next {
        carry_over(
            &[r.status],
            &places.meetings,
            &places.taken,
            g.details.capacity,
            now,
            left,
            now,
        )[0]
    } else {
        Destination::Queue
    };
    let mut step = match to {
        Destination::Meeting { date, late } => {
            let mut step = Step::new(Event::Rescheduled, by);
            let occ = places.meetings.iter().find(|o| o.rule_date == date);
            step.detail = views::meeting_line(&page, occ, date);
            step.place = Some(NewPlace::on(g.id, Some(date), late));
            step
        }
        Destination::Queue => {
            let mut step = Step::new(Event::Unscheduled, by);
            step.place = Some(NewPlace::on(g.id, None, false));
            step
        }
    };
    step.tell = &[Tell::Requester];
    w.finish(&mut r, step, &answer).await
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
    let (seen, g, role) = authorize(&state, &s, &ctx, id, "request.outcome", handle).await?;
    let mut errors = FieldErrors::new();
    let list = |name: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .collect()
    };
    let field = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    if !field("more").is_empty() {
        // One more empty row: the form again with what was typed, nothing saved.
        let mut res = refuse(
            &state,
            &s,
            page,
            &seen,
            &g,
            role,
            FieldErrors::new(),
            Kept::new("outcome", pairs.clone()),
        )
        .await?;
        *res.status_mut() = axum::http::StatusCode::OK;
        return Ok(res);
    }
    let (actions, responsibles, dues) =
        (list("rec_action"), list("rec_responsible"), list("rec_due"));
    let summary = field("summary");
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
    let concluded_level = field("concluded_level");
    if !concluded_level.is_empty()
        && concluded_level
            .parse::<otalusta_domain::screening::Level>()
            .is_err()
    {
        errors.add("concluded_level", "field-choose");
    }
    if items.len() > MAX_RECOMMENDATIONS {
        errors.add("rec_action", "outcome-too-many");
    }
    // The meeting has to have started: recommendations come from it.
    if let Some(m) = seen.meeting_date {
        let cal = calendars(&state).get(&state.db, g.id).await?;
        if cal
            .and_then(|c| c.meeting(m))
            .is_some_and(|o| o.start.timestamp() > jiff::Timestamp::now())
        {
            errors.add("summary", "outcome-meeting-not-held");
        }
    }
    let kept = || Kept::new("outcome", pairs.clone());
    if !errors.is_empty() && transition(seen.status, Event::OutcomeRecorded).is_ok() {
        return refuse(&state, &s, page, &seen, &g, role, errors, kept()).await;
    }
    let answer = format!("/requests/{id}?done=outcome");
    let form = TriageForm {
        once: field("once"),
        seen: field("seen"),
        ..TriageForm::default()
    };
    let (mut w, _, mut r) = match open(&state, &s, &seen, &form, &[], &answer).await? {
        Ok(x) => x,
        Err(replay) => return Ok(replay),
    };
    transition(r.status, Event::OutcomeRecorded)
        .map_err(|_| AppError::Conflict("request-wrong-state"))?;
    errors.into_result()?;
    // Again in the write: the meeting may have been moved meanwhile.
    if let Some(m) = r.meeting_date {
        let overrides = crate::groups::store::overrides_in(w.tx(), g.id).await?;
        if g.meeting(&overrides, m)
            .is_some_and(|o| o.start.timestamp() > jiff::Timestamp::now())
        {
            w.rollback().await?;
            let mut errors = FieldErrors::new();
            errors.add("summary", "outcome-meeting-not-held");
            return refuse(&state, &s, page, &seen, &g, role, errors, kept()).await;
        }
    }
    store::save_outcome(w.tx(), r.id, &summary, &items).await?;
    store::set_concluded_level(w.tx(), r.id, &concluded_level).await?;
    let mut step = Step::new(Event::OutcomeRecorded, By::person(&s, &ctx, role));
    step.log_as = Some("request.outcome");
    step.tell = &[Tell::Requester];
    w.finish(&mut r, step, &answer).await
}
