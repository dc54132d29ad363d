//! After the meeting, the requester's part: confirming the group's
//! recommendations with their own record, and the follow-up that closes
//! the request (with the close-out survey, `feedback::survey`).

use super::authorize;
use super::case::{Kept, case_with_errors};
use super::requests::{answer_or, one, pairs_to_map};
use super::store::{self};
use super::workflow::{By, Step, Tell, Work, expect_seen, unchanged};
use crate::auth::{Ctx, CurrentUser};
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::forms::CsrfForm;
use crate::core::page::Page;
use crate::core::web::AppState;
use crate::groups::routes::today;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::ToSpan;
use otalusta_domain::audit::Outcome;
use otalusta_domain::consultations::{Event, Outcome as RecOutcome, transition};
use otalusta_domain::policy::Action;
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ConfirmForm {
    pub record: String,
    /// `agree` or `disagree`: the requester's view of the recommendations.
    pub view: String,
    /// Required when disagreeing: why, recorded beside the recommendations.
    pub comment: String,
    /// Months until the follow-up: 1, 3, 6 or 12.
    pub follow_up_months: String,
    /// `yes`: the follow-up comes before a recommendation's own due date,
    /// knowingly.
    pub early_ok: String,
    pub once: String,
    pub seen: String,
}

/// The requester confirms the recommendations with their own record and
/// chooses when to report what happened.
pub async fn confirm(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<ConfirmForm>,
) -> AppResult<Response> {
    let (seen, g, role) = authorize(&state, &s, &ctx, id, "request.confirm", |r, _| {
        Action::ConfirmOutcome {
            requester: r.requester_id,
        }
    })
    .await?;
    let mut errors = FieldErrors::new();
    let record = form.record.trim();
    if record.chars().count() > 10_000 {
        errors.add("record", "field-too-long");
    }
    let view = form.view.as_str();
    if !matches!(view, "agree" | "disagree") {
        errors.add("view", "field-choose");
    }
    let comment = form.comment.trim();
    if view == "disagree" && comment.is_empty() {
        errors.add("comment", "confirm-disagree-needs-reason");
    }
    if comment.chars().count() > 10_000 {
        errors.add("comment", "field-too-long");
    }
    let months = match form.follow_up_months.as_str() {
        "1" => 1,
        "3" => 3,
        "6" => 6,
        "12" => 12,
        _ => {
            errors.add("follow_up_months", "field-choose");
            0
        }
    };
    // A follow-up before the recommendations' own due dates would ask what
    // happened before it was due: said, unless the requester means it.
    let follow_up = today().checked_add(months.months()).unwrap_or(today());
    let latest_due = store::recommendations(&state.db, seen.id)
        .await?
        .iter()
        .filter_map(|x| x.due_date.as_deref()?.parse::<jiff::civil::Date>().ok())
        .max();
    if months > 0 && latest_due.is_some_and(|d| follow_up < d) && form.early_ok != "yes" {
        errors.add("follow_up_months", "confirm-follow-up-before-due");
    }
    if !errors.is_empty() && transition(seen.status, Event::Confirmed).is_ok() {
        return case_with_errors(
            &state,
            &s,
            page,
            &seen,
            &g,
            role,
            errors,
            Kept::new(
                "confirm",
                vec![
                    ("record".into(), form.record.clone()),
                    ("view".into(), form.view.clone()),
                    ("comment".into(), form.comment.clone()),
                    ("follow_up_months".into(), form.follow_up_months.clone()),
                    ("early_ok".into(), form.early_ok.clone()),
                ],
            ),
        )
        .await;
    }
    let due = follow_up;
    let answer = format!("/requests/{id}?done=confirmed");
    let mut w = Work::begin(&state).await?;
    if let Some(a) = w.replayed(s.actor.user_id, &form.once).await? {
        w.rollback().await?;
        return Ok(Redirect::to(&answer_or(&a, &answer)).into_response());
    }
    let mut r = w.lock_request(seen.id).await?;
    unchanged(&r, &seen)?;
    expect_seen(&r, &form.seen)?;
    transition(r.status, Event::Confirmed)
        .map_err(|_| AppError::Conflict("request-wrong-state"))?;
    errors.into_result()?;
    store::confirm(w.tx(), r.id, record, (view, comment), due).await?;
    let mut step = Step::new(Event::Confirmed, By::person(&s, &ctx, role));
    step.detail = crate::core::i18n::format_date(due);
    step.log_as = Some("request.confirm");
    w.finish(&mut r, step, &answer).await
}

/// The follow-up: which recommendations were carried out and what changed;
/// then the request closes.
pub async fn follow_up(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (seen, g, role) = authorize(&state, &s, &ctx, id, "request.follow-up", |r, _| {
        Action::ConfirmOutcome {
            requester: r.requester_id,
        }
    })
    .await?;
    let kept = Kept::new("follow-up", pairs.clone());
    let posted = pairs_to_map(pairs);
    let mut errors = FieldErrors::new();
    let mut outcomes = Vec::new();
    for rec in store::recommendations(&state.db, seen.id).await? {
        let field = format!("outcome_{}", rec.id);
        match one(&posted, &field).parse::<RecOutcome>() {
            Ok(o) => {
                let why = one(&posted, &format!("note_{}", rec.id)).trim().to_owned();
                if why.chars().count() > 2000 {
                    errors.add(&format!("note_{}", rec.id), "field-too-long");
                }
                if o != RecOutcome::Implemented && why.is_empty() {
                    errors.add(&format!("note_{}", rec.id), "followup-why-required");
                }
                outcomes.push((rec.id, o, why));
            }
            Err(_) => errors.add(&field, "field-choose"),
        }
    }
    let note = one(&posted, "note").trim().to_owned();
    if note.is_empty() {
        errors.add("note", "field-required");
    } else if note.chars().count() > 10_000 {
        errors.add("note", "field-too-long");
    }
    // The close-out survey (loppukysely) is part of the follow-up: checked
    // with it, stored with it.
    let (survey_version, survey) =
        crate::feedback::survey::read(&state, &posted, &mut errors).await?;
    if !errors.is_empty() && transition(seen.status, Event::FollowUpReported).is_ok() {
        return case_with_errors(&state, &s, page, &seen, &g, role, errors, kept).await;
    }
    let answer = format!("/requests/{id}?done=closed");
    let mut w = Work::begin(&state).await?;
    if let Some(a) = w.replayed(s.actor.user_id, one(&posted, "once")).await? {
        w.rollback().await?;
        return Ok(Redirect::to(&answer_or(&a, &answer)).into_response());
    }
    let mut r = w.lock_request(seen.id).await?;
    unchanged(&r, &seen)?;
    expect_seen(&r, one(&posted, "seen"))?;
    transition(r.status, Event::FollowUpReported)
        .map_err(|_| AppError::Conflict("request-wrong-state"))?;
    errors.into_result()?;
    let survey = survey.ok_or(AppError::BadRequest("error-bad-request"))?;
    crate::feedback::survey::store_answers(w.tx(), r.id, survey_version, &survey).await?;
    crate::audit::store::append(
        w.tx(),
        super::log_event(
            &ctx,
            &s,
            Some(role),
            "request.survey",
            r.id,
            Outcome::Success,
        ),
    )
    .await?;
    store::follow_up(w.tx(), r.id, &note, &outcomes).await?;
    let tell = [Tell::Secretaries(g.id)];
    let mut step = Step::new(Event::FollowUpReported, By::person(&s, &ctx, role));
    step.log_as = Some("request.follow-up");
    step.tell = &tell;
    w.finish(&mut r, step, &answer).await
}
