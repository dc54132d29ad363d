//! The service-guidance pages: a professional asks the OT centre; the
//! area's OT coordinator keeps the log (queue, answers, follow-ups), the
//! development needs and the area's contact.

use super::store::{self, AreaContact, QuestionRow};
use crate::audit;
use crate::auth::{Ctx, CurrentUser, Session};
use crate::core::db;
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::forms::CsrfForm;
use crate::core::page::{Page, helsinki, render, render_invalid};
use crate::core::web::{AppState, ReqCtx};
use crate::groups::routes::Choice;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use otalusta_domain::audit::Outcome;
use otalusta_domain::guidance::{self as rules, AnswerTime, Channel, Status};
use otalusta_domain::policy::{Action, decide};
use otalusta_domain::region;
use otalusta_domain::role::Role;
use serde::Deserialize;

/// How many closed questions the queue lists.
const CLOSED_SHOWN: i64 = 50;

fn today() -> jiff::civil::Date {
    jiff::Timestamp::now().to_zoned_datetime(helsinki()).date()
}

fn parse_date(s: Option<&str>) -> Option<jiff::civil::Date> {
    s.and_then(|d| d.parse().ok())
}

fn area_name(code: &str, lang: &str) -> String {
    region::area(code).map_or_else(|| code.to_owned(), |a| a.name(lang).to_owned())
}

fn area_choices(codes: &[&str], lang: &str) -> Vec<Choice> {
    codes
        .iter()
        .map(|c| Choice {
            value: (*c).to_owned(),
            label: area_name(c, lang),
        })
        .collect()
}

fn all_areas() -> Vec<&'static str> {
    region::AREAS.iter().map(|a| a.code).collect()
}

/// One access-log entry about a question (`guidance` object).
async fn log(
    tx: &mut db::Tx,
    ctx: &ReqCtx,
    s: &Session,
    role: Option<Role>,
    action: &str,
    id: i64,
    outcome: Outcome,
) -> AppResult<()> {
    let e = audit::event(
        ctx,
        Some(s),
        role,
        action,
        ("guidance", &id.to_string()),
        outcome,
    );
    audit::store::append(tx, e).await?;
    Ok(())
}

/// Logs the reads of the questions a page shows, one entry each.
async fn log_reads(
    state: &AppState,
    ctx: &ReqCtx,
    s: &Session,
    role: Role,
    ids: impl IntoIterator<Item = i64>,
) -> AppResult<()> {
    let mut tx = state.db.begin().await?;
    for id in ids {
        log(
            &mut tx,
            ctx,
            s,
            Some(role),
            "guidance.read",
            id,
            Outcome::Success,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A question as its pages show it, in words.
pub struct Item {
    pub id: i64,
    pub area: String,
    pub channel: String,
    pub asker: String,
    pub question: String,
    pub received: String,
    pub age_days: i64,
    pub late: bool,
    pub status: Status,
    pub status_label: String,
    pub guidance: String,
    pub directed_group: String,
    pub directed_note: String,
    pub answered: String,
    pub answer_time: String,
    pub follow_up_on: String,
    pub follow_up_note: String,
    pub follow_up_late: bool,
    pub closed: String,
}

impl Item {
    pub fn is_open(&self) -> bool {
        self.status != Status::Closed
    }

    /// The first words of the question (the queue's column).
    pub fn excerpt(&self) -> String {
        const MAX: usize = 120;
        if self.question.chars().count() <= MAX {
            self.question.clone()
        } else {
            let mut s: String = self.question.chars().take(MAX).collect();
            s.push('…');
            s
        }
    }
}

fn item(page: &Page, q: &QuestionRow, now: jiff::Timestamp, today: jiff::civil::Date) -> Item {
    let lang = page.lang.code();
    let received = db::parse_timestamp(&q.received_at).unwrap_or(now);
    let answered = q.answered_at.as_deref().and_then(db::parse_timestamp);
    let follow = parse_date(q.follow_up_on.as_deref());
    let closed = q.closed_at.is_some();
    let status = rules::status(answered.is_some(), closed, follow, today);
    let age_days = rules::age_days(received, now);
    Item {
        id: q.id,
        area: area_name(&q.area_code, lang),
        channel: page.t(&format!("guidance-channel-{}", q.channel)),
        asker: if q.asker_name.is_empty() {
            q.asker.clone()
        } else {
            q.asker_name.clone()
        },
        question: q.question.clone(),
        received: page.timestamp(&q.received_at),
        age_days,
        late: status == Status::Open && rules::is_late(age_days),
        status,
        status_label: page.t(&format!("guidance-status-{}", status.as_str())),
        guidance: q.guidance.clone(),
        directed_group: q.group_name(lang).to_owned(),
        directed_note: q.directed_note.clone(),
        answered: q
            .answered_at
            .as_deref()
            .map(|a| page.timestamp(a))
            .unwrap_or_default(),
        answer_time: answered
            .map(|a| match rules::answer_time(received, a) {
                AnswerTime::Hours(n) => page.tn("guidance-hours", "count", n),
                AnswerTime::Days(n) => page.tn("guidance-days", "count", n),
            })
            .unwrap_or_default(),
        follow_up_on: follow.map(|d| page.date(&d)).unwrap_or_default(),
        follow_up_note: q.follow_up_note.clone(),
        follow_up_late: rules::follow_up_late(follow, closed, today),
        closed: q
            .closed_at
            .as_deref()
            .map(|c| page.timestamp(c))
            .unwrap_or_default(),
    }
}

fn items(page: &Page, rows: &[QuestionRow]) -> Vec<Item> {
    let (now, today) = (jiff::Timestamp::now(), today());
    rows.iter().map(|q| item(page, q, now, today)).collect()
}

// ---------------------------------------------------------------- asking

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct AskPost {
    pub area: String,
    pub question: String,
}

#[derive(Template)]
#[template(path = "guidance/ask.html")]
pub struct AskView {
    pub page: Page,
    pub areas: Vec<Choice>,
    pub input: AskPost,
    pub errors: FieldErrors,
    pub max: usize,
}

pub async fn ask_form(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
) -> AppResult<Response> {
    s.require(&Action::AskGuidance)?;
    let area = store::user_area(&state.db, s.actor.user_id.0)
        .await?
        .unwrap_or_default();
    let areas = area_choices(&all_areas(), page.lang.code());
    Ok(render(&AskView {
        page,
        areas,
        input: AskPost {
            area,
            question: String::new(),
        },
        errors: FieldErrors::new(),
        max: rules::MAX_QUESTION,
    }))
}

pub async fn ask(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    CsrfForm(input): CsrfForm<AskPost>,
) -> AppResult<Response> {
    let role = s.require(&Action::AskGuidance)?;
    let mut errors = FieldErrors::new();
    if region::area(&input.area).is_none() {
        errors.add("area", "guidance-choose-area");
    }
    if let Some(e) = rules::check_text(&input.question, true, rules::MAX_QUESTION, true) {
        errors.add("question", e);
    }
    if !errors.is_empty() {
        let areas = area_choices(&all_areas(), page.lang.code());
        return Ok(render_invalid(&AskView {
            page,
            areas,
            input,
            errors,
            max: rules::MAX_QUESTION,
        }));
    }
    let mut tx = state.db.begin().await?;
    let now = db::now();
    let id = store::insert(
        &mut tx,
        &store::NewQuestion {
            area_code: &input.area,
            channel: Channel::Platform.as_str(),
            asked_by: Some(s.actor.user_id.0),
            asker: "",
            question: input.question.trim(),
            received_at: &now,
            recorded_by: s.actor.user_id.0,
        },
    )
    .await?;
    log(
        &mut tx,
        &ctx,
        &s,
        Some(role),
        "guidance.ask",
        id,
        Outcome::Success,
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/guidance/ask/sent?area={}", input.area)).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AreaQuery {
    pub area: String,
}

#[derive(Template)]
#[template(path = "guidance/sent.html")]
pub struct SentView {
    pub page: Page,
    pub area: String,
    pub contact: Option<AreaContact>,
}

pub async fn sent(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
    Query(q): Query<AreaQuery>,
) -> AppResult<Response> {
    s.require(&Action::AskGuidance)?;
    let (area, contact) = match region::area(&q.area) {
        Some(a) => (
            a.name(page.lang.code()).to_owned(),
            store::area_contact(&state.db, a.code).await?,
        ),
        None => (String::new(), None),
    };
    Ok(render(&SentView {
        page,
        area,
        contact,
    }))
}

#[derive(Template)]
#[template(path = "guidance/mine.html")]
pub struct MineView {
    pub page: Page,
    pub items: Vec<Item>,
}

pub async fn mine(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
) -> AppResult<Response> {
    let role = s.require(&Action::AskGuidance)?;
    let rows = store::asked_by(&state.db, s.actor.user_id.0).await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    log_reads(&state, &ctx, &s, role, ids).await?;
    let items = items(&page, &rows);
    Ok(render(&MineView { page, items }))
}

// ---------------------------------------------------------------- the queue

/// The areas whose log the actor keeps; none: 403.
fn handled(s: &Session) -> AppResult<Vec<&'static str>> {
    let areas = rules::handled_areas(&s.actor);
    if areas.is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok(areas)
}

/// The area a coordinator's form names: one she keeps gives her role; an
/// area she does not keep is refused; no area at all is a field error.
fn kept_area(s: &Session, area: &str, errors: &mut FieldErrors) -> AppResult<Option<Role>> {
    let areas = handled(s)?;
    if areas.contains(&area) {
        Ok(Some(s.require(&Action::HandleGuidance { area })?))
    } else if region::area(area).is_some() {
        Err(AppError::Forbidden)
    } else {
        errors.add("area", "guidance-choose-area");
        Ok(None)
    }
}

#[derive(Template)]
#[template(path = "guidance/queue.html")]
pub struct QueueView {
    pub page: Page,
    pub areas: String,
    pub open: Vec<Item>,
    pub answered: Vec<Item>,
    pub closed: Vec<Item>,
    pub late_after: i64,
}

pub async fn queue(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
) -> AppResult<Response> {
    let areas = handled(&s)?;
    let mut role = Role::Coordinator;
    for a in &areas {
        role = s.require(&Action::HandleGuidance { area: a })?;
    }
    let codes: Vec<String> = areas.iter().map(|a| (*a).to_owned()).collect();
    let open = store::open_in(&state.db, &codes).await?;
    let closed = store::closed_in(&state.db, &codes, CLOSED_SHOWN).await?;
    let ids: Vec<i64> = open.iter().chain(closed.iter()).map(|r| r.id).collect();
    log_reads(&state, &ctx, &s, role, ids).await?;
    let (mut waiting, mut answered) = (Vec::new(), Vec::new());
    for i in items(&page, &open) {
        if i.status == Status::Open {
            waiting.push(i);
        } else {
            answered.push(i);
        }
    }
    // Follow-ups due first, then by their date.
    answered.sort_by_key(|i| i.status != Status::FollowUpDue);
    let closed = items(&page, &closed);
    let areas = areas
        .iter()
        .map(|a| area_name(a, page.lang.code()))
        .collect::<Vec<_>>()
        .join(", ");
    Ok(render(&QueueView {
        page,
        areas,
        open: waiting,
        answered,
        closed,
        late_after: rules::LATE_AFTER_DAYS,
    }))
}

// ---------------------------------------------------------------- recording

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct RecordPost {
    pub area: String,
    pub channel: String,
    pub asker: String,
    pub question: String,
    pub received_at: String,
}

#[derive(Template)]
#[template(path = "guidance/record.html")]
pub struct RecordView {
    pub page: Page,
    pub areas: Vec<Choice>,
    pub channels: Vec<Choice>,
    pub input: RecordPost,
    pub errors: FieldErrors,
}

fn channel_choices(page: &Page) -> Vec<Choice> {
    Channel::RECORDED
        .iter()
        .map(|c| Choice {
            value: c.as_str().to_owned(),
            label: page.t(&format!("guidance-channel-{}", c.as_str())),
        })
        .collect()
}

/// `datetime-local` in Helsinki time.
fn local_input(ts: jiff::Timestamp) -> String {
    ts.to_zoned_datetime(helsinki())
        .datetime()
        .strftime("%Y-%m-%dT%H:%M")
        .to_string()
}

fn parse_local(s: &str) -> Option<jiff::Timestamp> {
    let dt: jiff::civil::DateTime = s.trim().parse().ok()?;
    dt.to_zoned_datetime(helsinki()).ok().map(|z| z.timestamp())
}

pub async fn record_form(CurrentUser(s): CurrentUser, page: Page) -> AppResult<Response> {
    let areas = handled(&s)?;
    let first = areas[0];
    s.require(&Action::HandleGuidance { area: first })?;
    let view = RecordView {
        areas: area_choices(&areas, page.lang.code()),
        channels: channel_choices(&page),
        input: RecordPost {
            area: first.to_owned(),
            channel: Channel::Phone.as_str().to_owned(),
            received_at: local_input(jiff::Timestamp::now()),
            ..RecordPost::default()
        },
        errors: FieldErrors::new(),
        page,
    };
    Ok(render(&view))
}

pub async fn record(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    CsrfForm(input): CsrfForm<RecordPost>,
) -> AppResult<Response> {
    let mut errors = FieldErrors::new();
    let role = kept_area(&s, &input.area, &mut errors)?;
    let channel = Channel::parse(&input.channel).filter(|c| Channel::RECORDED.contains(c));
    if channel.is_none() {
        errors.add("channel", "guidance-choose-channel");
    }
    if let Some(e) = rules::check_text(&input.asker, false, rules::MAX_ASKER, true) {
        errors.add("asker", e);
    }
    if let Some(e) = rules::check_text(&input.question, true, rules::MAX_QUESTION, true) {
        errors.add("question", e);
    }
    let received = parse_local(&input.received_at);
    match received {
        None => errors.add("received_at", "guidance-bad-time"),
        Some(t) if t > jiff::Timestamp::now() => {
            errors.add("received_at", "guidance-time-in-future")
        }
        Some(_) => {}
    }
    let (Some(role), Some(channel), Some(received), true) =
        (role, channel, received, errors.is_empty())
    else {
        let view = RecordView {
            areas: area_choices(&handled(&s)?, page.lang.code()),
            channels: channel_choices(&page),
            input,
            errors,
            page,
        };
        return Ok(render_invalid(&view));
    };
    let mut tx = state.db.begin().await?;
    let id = store::insert(
        &mut tx,
        &store::NewQuestion {
            area_code: &input.area,
            channel: channel.as_str(),
            asked_by: None,
            asker: input.asker.trim(),
            question: input.question.trim(),
            received_at: &db::timestamp(received),
            recorded_by: s.actor.user_id.0,
        },
    )
    .await?;
    log(
        &mut tx,
        &ctx,
        &s,
        Some(role),
        "guidance.record",
        id,
        Outcome::Success,
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/guidance/{id}?done=guidance-recorded")).into_response())
}

// ---------------------------------------------------------------- answering

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct AnswerPost {
    /// `save` or `close`.
    pub action: String,
    /// The answer as the page showed it (`QuestionRow::fingerprint`).
    pub seen: String,
    pub guidance: String,
    pub directed_group: String,
    pub directed_note: String,
    pub follow_up_on: String,
    pub follow_up_note: String,
}

#[derive(Template)]
#[template(path = "guidance/show.html")]
pub struct ShowView {
    pub page: Page,
    pub q: Item,
    pub groups: Vec<Choice>,
    pub input: AnswerPost,
    pub errors: FieldErrors,
}

/// The question and the role the actor keeps it under; a refusal is logged.
async fn authorize(
    state: &AppState,
    ctx: &ReqCtx,
    s: &Session,
    id: i64,
    action: &str,
) -> AppResult<(QuestionRow, Role)> {
    let Some(q) = store::get(&state.db, id).await? else {
        let mut tx = state.db.begin().await?;
        log(&mut tx, ctx, s, None, action, id, Outcome::Failure).await?;
        tx.commit().await?;
        return Err(AppError::NotFound);
    };
    match decide(&s.actor, &Action::HandleGuidance { area: &q.area_code }) {
        otalusta_domain::policy::Decision::Allow(role) => Ok((q, role)),
        otalusta_domain::policy::Decision::Deny => {
            let mut tx = state.db.begin().await?;
            log(&mut tx, ctx, s, None, action, id, Outcome::Denied).await?;
            tx.commit().await?;
            Err(AppError::Forbidden)
        }
    }
}

async fn group_choices(state: &AppState, page: &Page, area: &str) -> AppResult<Vec<Choice>> {
    Ok(store::groups_of(&state.db, area)
        .await?
        .iter()
        .map(|g| Choice {
            value: g.id.to_string(),
            label: g.name(page.lang.code()).to_owned(),
        })
        .collect())
}

pub async fn show(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (row, role) = authorize(&state, &ctx, &s, id, "guidance.read").await?;
    log_reads(&state, &ctx, &s, role, [id]).await?;
    let groups = group_choices(&state, &page, &row.area_code).await?;
    let input = AnswerPost {
        action: String::new(),
        seen: row.fingerprint(),
        guidance: row.guidance.clone(),
        directed_group: row
            .directed_group
            .map(|g| g.to_string())
            .unwrap_or_default(),
        directed_note: row.directed_note.clone(),
        follow_up_on: row.follow_up_on.clone().unwrap_or_default(),
        follow_up_note: row.follow_up_note.clone(),
    };
    let q = item(&page, &row, jiff::Timestamp::now(), today());
    Ok(render(&ShowView {
        page,
        q,
        groups,
        input,
        errors: FieldErrors::new(),
    }))
}

pub async fn answer(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<AnswerPost>,
) -> AppResult<Response> {
    let (row, role) = authorize(&state, &ctx, &s, id, "guidance.answer").await?;
    let close = input.action == "close";
    let groups = group_choices(&state, &page, &row.area_code).await?;
    let mut errors = FieldErrors::new();
    if row.closed_at.is_some() {
        errors.add("guidance", "guidance-already-closed");
    }
    // Saving gives guidance; closing may close without it (a duplicate).
    if let Some(e) = rules::check_text(&input.guidance, !close, rules::MAX_GUIDANCE, true) {
        errors.add("guidance", e);
    }
    let group = match input.directed_group.trim() {
        "" => None,
        g => match g.parse::<i64>() {
            Ok(g) if groups.iter().any(|c| c.value == g.to_string()) => Some(g),
            _ => {
                errors.add("directed_group", "guidance-choose-group");
                None
            }
        },
    };
    if let Some(e) = rules::check_text(&input.directed_note, false, rules::MAX_NOTE, true) {
        errors.add("directed_note", e);
    }
    let follow = match input.follow_up_on.trim() {
        "" => None,
        d => match d.parse::<jiff::civil::Date>() {
            Ok(d) => Some(d.to_string()),
            Err(_) => {
                errors.add("follow_up_on", "guidance-bad-date");
                None
            }
        },
    };
    if let Some(e) = rules::check_text(&input.follow_up_note, false, rules::MAX_NOTE, true) {
        errors.add("follow_up_note", e);
    }
    if !errors.is_empty() {
        // The page shows the question again: a read like any other.
        log_reads(&state, &ctx, &s, role, [id]).await?;
        let q = item(&page, &row, jiff::Timestamp::now(), today());
        return Ok(render_invalid(&ShowView {
            page,
            q,
            groups,
            input,
            errors,
        }));
    }
    let mut tx = state.db.begin().await?;
    let now_row = store::get_in(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if now_row.fingerprint() != input.seen {
        // A colleague saved or closed it after this page was loaded: show
        // theirs, keep what this coordinator typed, save nothing.
        tx.rollback().await?;
        log_reads(&state, &ctx, &s, role, [id]).await?;
        let mut errors = FieldErrors::new();
        errors.add("guidance", "guidance-changed-meanwhile");
        let q = item(&page, &now_row, jiff::Timestamp::now(), today());
        let input = AnswerPost {
            seen: now_row.fingerprint(),
            ..input
        };
        let mut res = render_invalid(&ShowView {
            page,
            q,
            groups,
            input,
            errors,
        });
        *res.status_mut() = axum::http::StatusCode::CONFLICT;
        return Ok(res);
    }
    let changed = store::answer(
        &mut tx,
        id,
        &store::Answer {
            guidance: input.guidance.trim(),
            directed_group: group,
            directed_note: input.directed_note.trim(),
            follow_up_on: follow.as_deref(),
            follow_up_note: input.follow_up_note.trim(),
            by: s.actor.user_id.0,
            close,
        },
    )
    .await?;
    if !changed {
        // Closed meanwhile: show it as it is now.
        tx.rollback().await?;
        return Ok(Redirect::to(&format!("/guidance/{id}")).into_response());
    }
    let action = if close {
        "guidance.close"
    } else {
        "guidance.answer"
    };
    log(&mut tx, &ctx, &s, Some(role), action, id, Outcome::Success).await?;
    // The asker (a platform question) hears that guidance arrived: a link
    // to their questions, no content.
    if let Some(asker) = now_row.asked_by
        && now_row.guidance.trim() != input.guidance.trim()
        && !input.guidance.trim().is_empty()
    {
        crate::notify::enqueue(
            &mut tx,
            otalusta_domain::ids::UserId(asker),
            "guidance.answered",
            "/guidance/mine",
        )
        .await?;
    }
    tx.commit().await?;
    let done = if close {
        "guidance-closed"
    } else {
        "guidance-saved"
    };
    Ok(Redirect::to(&format!("/guidance?done={done}")).into_response())
}

// ---------------------------------------------------------------- needs

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct NeedPost {
    pub area: String,
    pub need: String,
    pub phenomena: Vec<String>,
}

impl NeedPost {
    pub fn has(&self, code: &str) -> bool {
        self.phenomena.iter().any(|p| p == code)
    }
}

pub struct NeedItem {
    pub area: String,
    pub need: String,
    pub phenomena: String,
    pub created: String,
}

#[derive(Template)]
#[template(path = "guidance/needs.html")]
pub struct NeedsView {
    pub page: Page,
    pub needs: Vec<NeedItem>,
    pub may_add: bool,
    pub areas: Vec<Choice>,
    pub phenomena: Vec<Choice>,
    pub input: NeedPost,
    pub errors: FieldErrors,
    pub max: usize,
}

async fn needs_view(
    state: &AppState,
    s: &Session,
    page: Page,
    input: NeedPost,
    errors: FieldErrors,
) -> AppResult<NeedsView> {
    let lang = page.lang.code();
    let all = crate::taxonomy::store::all(&state.db).await?;
    let name_of = |code: &str| {
        all.iter()
            .find(|p| p.code == code)
            .map_or_else(|| code.to_owned(), |p| p.name(lang).to_owned())
    };
    let needs = store::needs(&state.db)
        .await?
        .iter()
        .map(|n| NeedItem {
            area: area_name(&n.area_code, lang),
            need: n.need.clone(),
            phenomena: n
                .phenomena
                .split(',')
                .filter(|c| !c.is_empty())
                .map(name_of)
                .collect::<Vec<_>>()
                .join(", "),
            created: page.timestamp(&n.created_at),
        })
        .collect();
    let areas = rules::handled_areas(&s.actor);
    let phenomena = all
        .iter()
        .filter(|p| p.active != 0)
        .map(|p| Choice {
            value: p.code.clone(),
            label: p.name(lang).to_owned(),
        })
        .collect();
    Ok(NeedsView {
        needs,
        may_add: !areas.is_empty(),
        areas: area_choices(&areas, lang),
        phenomena,
        input,
        errors,
        max: rules::MAX_NEED,
        page,
    })
}

pub async fn needs(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
) -> AppResult<Response> {
    s.require(&Action::ViewDevelopmentNeeds)?;
    let area = rules::handled_areas(&s.actor)
        .first()
        .map(|a| (*a).to_owned())
        .unwrap_or_default();
    let input = NeedPost {
        area,
        ..NeedPost::default()
    };
    let view = needs_view(&state, &s, page, input, FieldErrors::new()).await?;
    Ok(render(&view))
}

pub async fn add_need(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    CsrfForm(input): CsrfForm<NeedPost>,
) -> AppResult<Response> {
    let mut errors = FieldErrors::new();
    let role = kept_area(&s, &input.area, &mut errors)?;
    if let Some(e) = rules::check_text(&input.need, true, rules::MAX_NEED, true) {
        errors.add("need", e);
    }
    let all = crate::taxonomy::store::all(&state.db).await?;
    let known: Vec<&str> = all.iter().map(|p| p.code.as_str()).collect();
    if input.phenomena.iter().any(|p| !known.contains(&p.as_str())) {
        errors.add("phenomena", "guidance-unknown-phenomenon");
    }
    let (Some(role), true) = (role, errors.is_empty()) else {
        let view = needs_view(&state, &s, page, input, errors).await?;
        return Ok(render_invalid(&view));
    };
    let phenomena = rules::phenomena_list(input.phenomena.iter().map(String::as_str), &known);
    let mut tx = state.db.begin().await?;
    let id = store::insert_need(
        &mut tx,
        &input.area,
        input.need.trim(),
        &phenomena,
        s.actor.user_id.0,
    )
    .await?;
    let e = audit::event(
        &ctx,
        Some(&s),
        Some(role),
        "development-need.create",
        ("development_need", &id.to_string()),
        Outcome::Success,
    );
    audit::store::append(&mut tx, e).await?;
    tx.commit().await?;
    Ok(Redirect::to("/guidance/needs?done=guidance-need-saved").into_response())
}

// ---------------------------------------------------------------- contact

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ContactPost {
    pub area: String,
    pub name: String,
    pub phone: String,
    pub email: String,
}

pub struct ContactItem {
    pub area: String,
    pub contact: Option<AreaContact>,
}

#[derive(Template)]
#[template(path = "guidance/contact.html")]
pub struct ContactView {
    pub page: Page,
    pub current: Vec<ContactItem>,
    pub areas: Vec<Choice>,
    pub input: ContactPost,
    pub errors: FieldErrors,
}

async fn contact_view(
    state: &AppState,
    areas: &[&str],
    page: Page,
    input: ContactPost,
    errors: FieldErrors,
) -> AppResult<ContactView> {
    let lang = page.lang.code();
    let mut current = Vec::new();
    for a in areas {
        current.push(ContactItem {
            area: area_name(a, lang),
            contact: store::area_contact(&state.db, a).await?,
        });
    }
    Ok(ContactView {
        current,
        areas: area_choices(areas, lang),
        input,
        errors,
        page,
    })
}

pub async fn contact_form(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
    Query(q): Query<AreaQuery>,
) -> AppResult<Response> {
    let areas = handled(&s)?;
    let area = if areas.contains(&q.area.as_str()) {
        q.area
    } else {
        areas[0].to_owned()
    };
    s.require(&Action::HandleGuidance { area: &area })?;
    let existing = store::area_contact(&state.db, &area).await?;
    let input = match existing {
        Some(c) => ContactPost {
            area,
            name: c.name,
            phone: c.phone,
            email: c.email,
        },
        None => ContactPost {
            area,
            ..ContactPost::default()
        },
    };
    let view = contact_view(&state, &areas, page, input, FieldErrors::new()).await?;
    Ok(render(&view))
}

pub async fn set_contact(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    CsrfForm(input): CsrfForm<ContactPost>,
) -> AppResult<Response> {
    let mut errors = FieldErrors::new();
    let role = kept_area(&s, &input.area, &mut errors)?;
    let (name, phone, email) = (input.name.trim(), input.phone.trim(), input.email.trim());
    if let Some(e) = rules::check_text(name, true, rules::MAX_ASKER, false) {
        errors.add("name", e);
    }
    if !phone.is_empty() && !otalusta_domain::experts::is_phone(phone) {
        errors.add("phone", "guidance-bad-phone");
    }
    if !email.is_empty() && !otalusta_domain::experts::is_email(email) {
        errors.add("email", "guidance-bad-email");
    }
    if phone.is_empty() && email.is_empty() {
        errors.add("phone", "guidance-contact-needs-way");
    }
    let (Some(role), true) = (role, errors.is_empty()) else {
        let view = contact_view(&state, &handled(&s)?, page, input, errors).await?;
        return Ok(render_invalid(&view));
    };
    let contact = AreaContact {
        name: name.to_owned(),
        phone: phone.to_owned(),
        email: email.to_owned(),
    };
    let mut tx = state.db.begin().await?;
    store::set_area_contact(&mut tx, &input.area, &contact).await?;
    let e = audit::event(
        &ctx,
        Some(&s),
        Some(role),
        "area-contact.update",
        ("area_contact", &input.area),
        Outcome::Success,
    );
    audit::store::append(&mut tx, e).await?;
    tx.commit().await?;
    Ok(Redirect::to("/guidance/contact?done=guidance-contact-saved").into_response())
}
