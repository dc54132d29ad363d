//! The requester's side: the list, the pre-information form (draft and
//! submit), one request's page, messages, attachments, the identity code,
//! confirming the recommendations and the follow-up.

use super::store::{self, Request};
use super::views::{self, AnswerView, EventView};
use super::workflow::{By, NewPlace, Step, Tell, Work, expect_seen, tell_secretaries, unchanged};
use super::{authorize, log_event, on_agenda, view_action};
use crate::audit;
use crate::auth::{Ctx, CurrentUser, Session};
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::forms::{CsrfForm, Empty, read_upload};
use crate::core::page::{Page, render, render_invalid};
use crate::core::web::AppState;
use crate::groups::calendars::{GroupCalendar, calendars};
use crate::groups::routes::today;
use crate::groups::store::Group;
use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::ToSpan;
use otalusta_domain::audit::Outcome;
use otalusta_domain::consultations::{
    Event, Identification, Outcome as RecOutcome, Status, propose, transition,
};
use otalusta_domain::hetu::PersonalIdentityCode;
use otalusta_domain::ids::{GroupId, RequestId};
use otalusta_domain::policy::{Action, decide};
use otalusta_domain::questionnaire::{Check, Item, Questionnaire};
use otalusta_domain::role::Role;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Arc;

/// Largest attachment, and all of one request's together.
pub const MAX_ATTACHMENT: usize = 5 * 1024 * 1024;
pub const MAX_ATTACHMENTS_TOTAL: i64 = 20 * 1024 * 1024;
/// Longest message.
pub const MAX_MESSAGE: usize = 5000;

// --- the list ----------------------------------------------------------------------

pub struct ListRow {
    pub href: String,
    pub number: String,
    pub title: String,
    pub group: String,
    pub status: String,
    pub status_key: &'static str,
    pub meeting: String,
    pub updated: String,
    pub action_needed: bool,
}

#[derive(Template)]
#[template(path = "consultations/list.html")]
pub struct ListView {
    pub page: Page,
    pub mine: Vec<ListRow>,
    pub may_create: bool,
    /// Groups whose queue this user keeps: (href, name).
    pub queues: Vec<(String, String)>,
    /// Requests on the agendas of the user's groups.
    pub agenda: Vec<ListRow>,
    /// The coordinator's area overview (pseudonymous).
    pub area: Vec<ListRow>,
    pub statuses: Vec<(String, String)>,
    pub filter: ListFilter,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ListFilter {
    pub status: String,
    pub q: String,
}

fn row(page: &Page, r: &Request, cal: Option<&GroupCalendar>, show_title: bool) -> ListRow {
    let g = cal.map(|c| &c.group);
    ListRow {
        href: format!("/requests/{}", r.id),
        number: format!("#{}", r.id),
        title: if show_title {
            views::title(r)
        } else {
            String::new()
        },
        group: g
            .map(|g| g.details.name(page.lang.code()).to_owned())
            .unwrap_or_default(),
        status: views::status_text(page, r.status),
        status_key: r.status.key(),
        meeting: r
            .meeting_date
            .map(|d| views::meeting_line(page, cal.and_then(|c| c.meeting(d)).as_ref(), d))
            .unwrap_or_default(),
        updated: page.timestamp(&r.updated_at),
        action_needed: matches!(
            r.status,
            Status::Draft | Status::MoreInfo | Status::Discussed
        ) || (r.status == Status::FollowUp
            && r.follow_up_due.is_some_and(|d| d <= today())),
    }
}

fn keep(r: &Request, f: &ListFilter, title: &str) -> bool {
    (f.status.is_empty() || r.status.key() == f.status)
        && (f.q.trim().is_empty()
            || title.to_lowercase().contains(&f.q.trim().to_lowercase())
            || format!("#{}", r.id) == f.q.trim())
}

pub async fn list(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Query(filter): Query<ListFilter>,
) -> AppResult<Response> {
    let a = &s.actor;
    let visible = a.has(Role::Requester)
        || a.has(Role::Secretary)
        || a.has(Role::Expert)
        || a.has(Role::Coordinator);
    if !visible {
        return Err(AppError::Forbidden);
    }
    let cache = calendars(&state);
    let group_of = async |id: GroupId| -> AppResult<Option<Arc<GroupCalendar>>> {
        Ok(cache.get(&state.db, id).await?)
    };
    let mut mine = Vec::new();
    if a.has(Role::Requester) {
        for r in store::of_requester(&state.db, a.user_id).await? {
            let g = group_of(r.group_id).await?;
            let t = views::title(&r);
            if keep(&r, &filter, &t) {
                mine.push(row(&page, &r, g.as_deref(), true));
            }
        }
    }
    let mut queues = Vec::new();
    let mut agenda = Vec::new();
    for gid in a.member_of.clone() {
        let Some(cal) = group_of(gid).await? else {
            continue;
        };
        let g = &cal.group;
        if a.is_secretary_of(gid) {
            queues.push((
                format!("/groups/{gid}/queue"),
                g.details.name(page.lang.code()).to_owned(),
            ));
        } else if a.has(Role::Expert) {
            for r in store::of_group(&state.db, gid).await? {
                if on_agenda(&r)
                    && r.status == Status::Accepted
                    && keep(&r, &filter, &views::title(&r))
                {
                    agenda.push(row(&page, &r, Some(&cal), true));
                }
            }
        }
    }
    let mut area = Vec::new();
    for code in a.coordinated_areas().map(str::to_owned).collect::<Vec<_>>() {
        for r in store::of_area(&state.db, &code).await? {
            let g = group_of(r.group_id).await?;
            if keep(&r, &filter, "") {
                // Pseudonymous: no title, no content.
                area.push(row(&page, &r, g.as_deref(), false));
            }
        }
    }
    let listed = mine.len() + agenda.len() + area.len();
    let mut e = log_event(
        &ctx,
        &s,
        a.primary_role(),
        "request.list",
        RequestId(0),
        Outcome::Success,
    );
    e.object_id = listed.to_string();
    e.object_type = "request-list".into();
    audit::store::record(&state.db, e).await?;
    let statuses = Status::ALL
        .iter()
        .map(|st| (st.key().to_owned(), views::status_text(&page, *st)))
        .collect();
    Ok(render(&ListView {
        may_create: decide(a, &Action::CreateRequest).is_allowed(),
        page,
        mine,
        queues,
        agenda,
        area,
        statuses,
        filter,
    }))
}

// --- the form ------------------------------------------------------------------------

/// One question as the form shows it.
pub struct QuestionView {
    pub field: String,
    pub kind: &'static str,
    pub label: String,
    pub help: String,
    pub required: bool,
    pub value: String,
    pub values: Vec<String>,
    pub choices: Vec<(String, String)>,
}

impl QuestionView {
    pub fn checked(&self, key: &str) -> bool {
        self.values.iter().any(|v| v == key)
    }
}

fn questions(
    page: &Page,
    form: &Questionnaire,
    posted: &HashMap<String, Vec<String>>,
) -> Vec<QuestionView> {
    let lang = page.lang.code();
    form.items
        .iter()
        .map(|i: &Item| {
            let values = posted.get(&i.field()).cloned().unwrap_or_default();
            QuestionView {
                field: i.field(),
                kind: i.kind.key(),
                label: i.label.get(lang).to_owned(),
                help: i.help.get(lang).to_owned(),
                required: i.required,
                value: values.first().cloned().unwrap_or_default(),
                values,
                choices: i
                    .choices
                    .iter()
                    .map(|c| (c.key.clone(), c.label.get(lang).to_owned()))
                    .collect(),
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "consultations/form.html")]
pub struct FormView {
    pub page: Page,
    /// `None`: not saved yet.
    pub id: Option<i64>,
    pub group_id: i64,
    pub group_name: String,
    pub next_meeting: Option<String>,
    pub questions: Vec<QuestionView>,
    pub identification: String,
    pub basis_note: String,
    pub has_identity: bool,
    pub errors: FieldErrors,
    /// The secretary's question, when more information was asked.
    pub question_from_secretary: Option<String>,
    pub attachments: Vec<store::AttachmentRow>,
    pub notice: Option<String>,
}

impl FormView {
    pub fn action(&self) -> String {
        match self.id {
            Some(id) => format!("/requests/{id}"),
            None => "/requests".into(),
        }
    }
}

#[derive(Deserialize, Default)]
pub struct NewQuery {
    #[serde(default)]
    pub group: String,
}

/// The meeting a request sent now would be proposed for, in words (the
/// form's promise): the same rule as sending it ([`propose`]), so a
/// resubmitted request is promised the meeting it keeps.
async fn next_meeting_text(
    state: &AppState,
    page: &Page,
    g: &Group,
    r: Option<&Request>,
) -> AppResult<Option<String>> {
    let Some(cal) = calendars(state).get(&state.db, g.id).await? else {
        return Ok(None);
    };
    let from = today();
    let meetings = cal.meetings(from, from.checked_add(12.months()).unwrap_or(from));
    let mut taken = cal.taken();
    // Its own place (if it holds one) does not count against it.
    if let Some(r) = r.filter(|r| r.status.holds_place())
        && let Some(m) = r.meeting_date
        && let Some(n) = taken.get_mut(&m)
    {
        *n = n.saturating_sub(1);
    }
    let kept = r
        .filter(|r| r.status == Status::MoreInfo)
        .and_then(|r| r.meeting_date);
    let p = propose(
        kept,
        &meetings,
        &taken,
        g.details.capacity,
        jiff::Timestamp::now(),
    );
    Ok(p.meeting.map(|m| {
        let line = views::meeting_line(page, cal.meeting(m).as_ref(), m);
        page.ta("request-next-meeting", "meeting", &line)
    }))
}

/// Whether the group takes requests from this professional (its areas and
/// sectors); refused with the reason, never silently.
async fn check_eligible(state: &AppState, s: &Session, g: &Group) -> AppResult<()> {
    let user = crate::auth::store::get_user(&state.db, s.actor.user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let sector = match user.organisation_id {
        Some(org) => {
            sqlx::query_as::<_, (String,)>("SELECT sector FROM organisations WHERE id = $1")
                .bind(org)
                .fetch_optional(state.db.pool())
                .await?
                .and_then(|(s,)| s.parse().ok())
        }
        None => None,
    };
    let e = &g.details.eligibility;
    // A sector limit binds only a professional whose sector is known.
    let sector_ok = e.sectors.is_empty() || sector.is_none_or(|s| e.sectors.contains(&s));
    let area_ok = e.areas.is_empty()
        || user
            .area_code
            .as_deref()
            .is_some_and(|a| e.areas.iter().any(|x| x == a));
    if area_ok && sector_ok {
        Ok(())
    } else {
        Err(AppError::Conflict("request-not-eligible"))
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
    Query(q): Query<NewQuery>,
) -> AppResult<Response> {
    s.require(&Action::CreateRequest)?;
    let Ok(gid) = q.group.parse::<i64>() else {
        // No group chosen yet: choose one among the channels.
        return Ok(Redirect::to("/experts?kind=groups").into_response());
    };
    let g = crate::groups::routes::load(&state, gid).await?;
    check_eligible(&state, &s, &g).await?;
    let form = store::current_form(&state.db, g.id).await?;
    let view = FormView {
        id: None,
        group_id: gid,
        group_name: g.details.name(page.lang.code()).to_owned(),
        next_meeting: next_meeting_text(&state, &page, &g, None).await?,
        questions: questions(&page, &form.form, &HashMap::new()),
        identification: "none".into(),
        basis_note: String::new(),
        has_identity: false,
        errors: FieldErrors::new(),
        question_from_secretary: None,
        attachments: Vec::new(),
        notice: None,
        page,
    };
    Ok(render(&view))
}

fn pairs_to_map(pairs: Vec<(String, String)>) -> HashMap<String, Vec<String>> {
    let mut m: HashMap<String, Vec<String>> = HashMap::new();
    for (k, v) in pairs {
        m.entry(k).or_default().push(v);
    }
    m
}

fn one<'a>(m: &'a HashMap<String, Vec<String>>, key: &str) -> &'a str {
    m.get(key)
        .and_then(|v| v.first())
        .map(String::as_str)
        .unwrap_or("")
}

/// The requester's part of a posted form, checked.
struct Checked {
    answers: otalusta_domain::questionnaire::Answers,
    identification: Identification,
    basis_note: String,
    /// A new identity code, sealed; `None`: keep what is stored.
    new_identity: Option<String>,
    clear_identity: bool,
}

fn check_form(
    state: &AppState,
    form: &Questionnaire,
    posted: &HashMap<String, Vec<String>>,
    check: Check,
    had_identity: bool,
) -> Result<Checked, FieldErrors> {
    let mut errors = FieldErrors::new();
    let answers = match form.read(posted, check) {
        Ok(a) => Some(a),
        Err(p) => {
            for (f, c) in p {
                errors.add(&f, c);
            }
            None
        }
    };
    // Not given: pseudonymous, the default.
    let identification = match one(posted, "identification") {
        "" => Identification::None,
        v => v.parse::<Identification>().unwrap_or_else(|_| {
            errors.add("identification", "field-choose");
            Identification::None
        }),
    };
    let basis_note = one(posted, "basis_note").trim().to_owned();
    if basis_note.chars().count() > 1000 {
        errors.add("basis_note", "field-too-long");
    }
    let hetu = one(posted, "hetu").trim();
    let mut new_identity = None;
    let mut clear_identity = false;
    match identification {
        Identification::None => {
            if !hetu.is_empty() {
                // Never store a code without a basis.
                errors.add("hetu", "request-hetu-needs-basis");
            }
            clear_identity = had_identity;
        }
        Identification::Consent | Identification::Statutory => {
            if check == Check::Submit && basis_note.is_empty() {
                errors.add("basis_note", "request-basis-required");
            }
            if !hetu.is_empty() {
                match PersonalIdentityCode::parse(hetu) {
                    Ok(code) => {
                        new_identity = Some(crate::core::crypto::seal(
                            &state.config.keys.data,
                            code.as_str(),
                        ))
                    }
                    Err(e) => errors.add("hetu", e.key()),
                }
            } else if check == Check::Submit && !had_identity {
                errors.add("hetu", "request-hetu-required");
            }
        }
    }
    match answers {
        Some(answers) if errors.is_empty() => Ok(Checked {
            answers,
            identification,
            basis_note,
            new_identity,
            clear_identity,
        }),
        _ => Err(errors),
    }
}

async fn form_again(
    state: &AppState,
    page: Page,
    r: Option<&Request>,
    g: &Group,
    form: &Questionnaire,
    posted: &HashMap<String, Vec<String>>,
    errors: FieldErrors,
) -> AppResult<Response> {
    let attachments = match r {
        Some(r) => store::attachments(&state.db, r.id).await?,
        None => Vec::new(),
    };
    let question_from_secretary = match r {
        Some(r) if r.status == Status::MoreInfo => {
            store::last_reason(&state.db, r.id, Event::MoreInfoAsked).await?
        }
        _ => None,
    };
    let view = FormView {
        id: r.map(|r| r.id.0),
        group_id: g.id.0,
        group_name: g.details.name(page.lang.code()).to_owned(),
        next_meeting: next_meeting_text(state, &page, g, r).await?,
        questions: questions(&page, form, posted),
        identification: one(posted, "identification").to_owned(),
        basis_note: one(posted, "basis_note").to_owned(),
        has_identity: r.is_some_and(|r| r.identity_cipher.is_some()),
        errors,
        question_from_secretary,
        attachments,
        notice: None,
        page,
    };
    Ok(render_invalid(&view))
}

/// A new request: saved as a draft, or sent at once.
pub async fn create(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let role = s.require(&Action::CreateRequest)?;
    let posted = pairs_to_map(pairs);
    let gid: i64 = one(&posted, "group")
        .parse()
        .map_err(|_| AppError::BadRequest("error-bad-request"))?;
    let g = crate::groups::routes::load(&state, gid).await?;
    check_eligible(&state, &s, &g).await?;
    let form = store::current_form(&state.db, g.id).await?;
    let submit = one(&posted, "action") == "submit";
    let check = if submit { Check::Submit } else { Check::Draft };
    let c = match check_form(&state, &form.form, &posted, check, false) {
        Ok(c) => c,
        Err(errors) => {
            return form_again(&state, page, None, &g, &form.form, &posted, errors).await;
        }
    };
    let by = By::Person {
        session: &s,
        ctx: &ctx,
        role,
    };
    let mut w = Work::begin(&state).await?;
    if let Some(answer) = w.replayed(s.actor.user_id, one(&posted, "once")).await? {
        w.rollback().await?;
        return Ok(Redirect::to(&answer_or(&answer, "/requests")).into_response());
    }
    let g = lock_for_placing(&mut w, g.id).await?;
    let id = store::create(w.tx(), s.actor.user_id, g.id, form.id).await?;
    store::save_answers(
        w.tx(),
        id,
        &c.answers,
        c.identification,
        &c.basis_note,
        c.new_identity.as_deref(),
    )
    .await?;
    store::created_event(w.tx(), id, s.actor.user_id, role).await?;
    audit::store::append(
        w.tx(),
        log_event(&ctx, &s, Some(role), "request.create", id, Outcome::Success),
    )
    .await?;
    if submit {
        let mut created = w.lock_request(id).await?;
        submit_in(&mut w, by, &mut created, &g).await?;
    }
    let answer = format!(
        "/requests/{id}?done={}",
        if submit { "submitted" } else { "saved" }
    );
    w.commit(&answer).await?;
    Ok(Redirect::to(&answer).into_response())
}

/// A replayed form's answer, or `fallback` when the first post left none.
pub fn answer_or(answer: &str, fallback: &str) -> String {
    if answer.starts_with('/') {
        answer.to_owned()
    } else {
        fallback.to_owned()
    }
}

/// Locks the group whose meetings a write places requests on.
pub async fn lock_for_placing(w: &mut Work, group: GroupId) -> AppResult<Group> {
    w.lock_groups(&[group])
        .await?
        .pop()
        .ok_or(AppError::NotFound)
}

/// Sends a request: proposes it for the meeting the form promised (the
/// first it makes, or the one it kept after more information was asked),
/// writes the history and tells the secretaries (a link only).
async fn submit_in(w: &mut Work, by: By<'_>, r: &mut Request, g: &Group) -> AppResult<()> {
    let event = if r.status == Status::MoreInfo {
        Event::Resubmitted
    } else {
        Event::Submitted
    };
    let places = w.places(g, Some(r.id)).await?;
    let kept = r.meeting_date.filter(|_| event == Event::Resubmitted);
    let p = propose(
        kept,
        &places.meetings,
        &places.taken,
        g.details.capacity,
        jiff::Timestamp::now(),
    );
    let place = if kept.is_some() && p.meeting == kept {
        NewPlace {
            group: g.id,
            meeting: p.meeting,
            placement: r.placement.clone(),
            late: r.late,
        }
    } else {
        NewPlace {
            group: g.id,
            meeting: p.meeting,
            placement: serde_json::to_string(&p).map_err(anyhow::Error::from)?,
            late: false,
        }
    };
    let mut step = Step::new(event, by);
    step.place = Some(place);
    step.log_as = Some("request.submit");
    let tell = [Tell::Secretaries(g.id)];
    step.tell = &tell;
    w.transition(r, step).await
}

pub async fn edit_form(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (r, g, role) = authorize(&state, &s, &ctx, id, "request.read", |r, _| {
        Action::EditRequest {
            requester: r.requester_id,
        }
    })
    .await?;
    if !r.status.editable() {
        return Ok(Redirect::to(&format!("/requests/{id}")).into_response());
    }
    audit::store::record(
        &state.db,
        log_event(&ctx, &s, Some(role), "request.read", r.id, Outcome::Success),
    )
    .await?;
    let form = store::form_version(&state.db, r.form_version_id).await?;
    let mut posted = form.form.to_posted(&r.answers);
    posted.insert("identification".into(), vec![r.identification.key().into()]);
    posted.insert("basis_note".into(), vec![r.basis_note.clone()]);
    let question_from_secretary = match r.status {
        Status::MoreInfo => store::last_reason(&state.db, r.id, Event::MoreInfoAsked).await?,
        _ => None,
    };
    let view = FormView {
        id: Some(id),
        group_id: g.id.0,
        group_name: g.details.name(page.lang.code()).to_owned(),
        next_meeting: next_meeting_text(&state, &page, &g, Some(&r)).await?,
        questions: questions(&page, &form.form, &posted),
        identification: r.identification.key().into(),
        basis_note: r.basis_note.clone(),
        has_identity: r.identity_cipher.is_some(),
        errors: FieldErrors::new(),
        question_from_secretary,
        attachments: store::attachments(&state.db, r.id).await?,
        notice: None,
        page,
    };
    Ok(render(&view))
}

/// Saves the draft, or sends it (`action=submit`).
pub async fn save(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (seen, g, role) = authorize(&state, &s, &ctx, id, "request.update", |r, _| {
        Action::EditRequest {
            requester: r.requester_id,
        }
    })
    .await?;
    if !seen.status.editable() {
        return Err(AppError::Conflict("request-not-editable"));
    }
    let posted = pairs_to_map(pairs);
    let form = store::form_version(&state.db, seen.form_version_id).await?;
    let submit = one(&posted, "action") == "submit";
    let check = if submit { Check::Submit } else { Check::Draft };
    let c = match check_form(
        &state,
        &form.form,
        &posted,
        check,
        seen.identity_cipher.is_some(),
    ) {
        Ok(c) => c,
        Err(errors) => {
            return form_again(&state, page, Some(&seen), &g, &form.form, &posted, errors).await;
        }
    };
    let by = By::Person {
        session: &s,
        ctx: &ctx,
        role,
    };
    let mut w = Work::begin(&state).await?;
    if let Some(answer) = w.replayed(s.actor.user_id, one(&posted, "once")).await? {
        w.rollback().await?;
        return Ok(Redirect::to(&answer_or(&answer, &format!("/requests/{id}"))).into_response());
    }
    let g = lock_for_placing(&mut w, seen.group_id).await?;
    let mut r = w.lock_request(seen.id).await?;
    unchanged(&r, &seen)?;
    if !r.status.editable() {
        return Err(AppError::Conflict("request-not-editable"));
    }
    let identity = if c.clear_identity {
        None
    } else {
        c.new_identity.clone().or(r.identity_cipher.clone())
    };
    store::save_answers(
        w.tx(),
        r.id,
        &c.answers,
        c.identification,
        &c.basis_note,
        identity.as_deref(),
    )
    .await?;
    audit::store::append(
        w.tx(),
        log_event(
            &ctx,
            &s,
            Some(role),
            "request.update",
            r.id,
            Outcome::Success,
        ),
    )
    .await?;
    if submit {
        submit_in(&mut w, by, &mut r, &g).await?;
    }
    let answer = format!(
        "/requests/{id}?done={}",
        if submit { "submitted" } else { "saved" }
    );
    w.commit(&answer).await?;
    Ok(Redirect::to(&answer).into_response())
}

/// The hidden fields of a guarded button or form: the one-time token and
/// the status the page showed.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Guard {
    pub once: String,
    pub seen: String,
}

pub async fn withdraw(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<Guard>,
) -> AppResult<Response> {
    let (seen, g, role) = authorize(&state, &s, &ctx, id, "request.withdraw", |r, _| {
        Action::EditRequest {
            requester: r.requester_id,
        }
    })
    .await?;
    let answer = format!("/requests/{id}?done=withdrawn");
    let mut w = Work::begin(&state).await?;
    if let Some(a) = w.replayed(s.actor.user_id, &form.once).await? {
        w.rollback().await?;
        return Ok(Redirect::to(&answer_or(&a, &answer)).into_response());
    }
    let mut r = w.lock_request(seen.id).await?;
    unchanged(&r, &seen)?;
    expect_seen(&r, &form.seen)?;
    let tell = if r.status == Status::Draft {
        [Tell::Nobody]
    } else {
        [Tell::Secretaries(g.id)]
    };
    let mut step = Step::new(
        Event::Withdrawn,
        By::Person {
            session: &s,
            ctx: &ctx,
            role,
        },
    );
    step.log_as = Some("request.withdraw");
    step.tell = &tell;
    w.transition(&mut r, step).await?;
    w.commit(&answer).await?;
    Ok(Redirect::to(&answer).into_response())
}

// --- one request --------------------------------------------------------------------------

pub struct RecommendationView {
    pub id: i64,
    pub action: String,
    pub responsible: String,
    pub due: String,
    pub due_iso: String,
    pub outcome: String,
    pub outcome_key: String,
    pub outcome_note: String,
}

pub struct MessageView {
    pub author: String,
    pub at: String,
    pub body: String,
    pub mine: bool,
}

/// What the viewer may see and do, decided once.
pub struct Powers {
    /// The case content (answers, attachments, outcome).
    pub content: bool,
    pub messages: bool,
    pub identity: bool,
    pub edit: bool,
    pub withdraw: bool,
    pub triage: bool,
    pub outcome: bool,
    pub confirm: bool,
    pub follow_up: bool,
}

/// What a refused form of the request page held (which form, its fields),
/// so that the page shows it again: a typo never costs the text typed.
#[derive(Default)]
pub struct Kept {
    form: &'static str,
    pairs: Vec<(String, String)>,
}

impl Kept {
    pub fn new(form: &'static str, pairs: Vec<(String, String)>) -> Kept {
        Kept { form, pairs }
    }

    /// The posted value of `field` when `form` was refused, else `stored`.
    pub fn value<'a>(&'a self, form: &str, field: &str, stored: &'a str) -> &'a str {
        if self.form != form {
            return stored;
        }
        self.pairs
            .iter()
            .find(|(k, _)| k == field)
            .map_or("", |(_, v)| v.as_str())
    }

    fn all(&self, field: &str) -> Vec<String> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == field)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

#[derive(Template)]
#[template(path = "consultations/show.html")]
pub struct ShowView {
    pub kept: Kept,
    pub page: Page,
    pub id: i64,
    pub title: String,
    pub group_id: i64,
    pub group_name: String,
    pub status: String,
    pub status_key: &'static str,
    pub placement: Vec<String>,
    /// The page of the meeting it is proposed for or on.
    pub meeting_href: Option<String>,
    /// The meeting has started: the secretary may record that it did not
    /// reach the case.
    pub not_discussed: bool,
    pub answers: Vec<AnswerView>,
    pub identification: String,
    pub basis_note: String,
    pub has_identity: bool,
    /// Shown once, after "show the identity code".
    pub identity: Option<String>,
    pub history: Vec<EventView>,
    pub messages: Vec<MessageView>,
    pub attachments: Vec<store::AttachmentRow>,
    pub recommendations: Vec<RecommendationView>,
    pub summary: String,
    pub requester_record: String,
    pub follow_up_due: String,
    pub follow_up_note: String,
    pub powers: Powers,
    pub notice: Option<String>,
    pub errors: FieldErrors,
    /// For the secretary's triage: coming meetings (rule date, label).
    pub meeting_choices: Vec<(String, String)>,
    /// Other groups to redirect to (id, name).
    pub other_groups: Vec<(i64, String)>,
    pub requester_name: String,
    pub outcomes: Vec<(String, String)>,
    /// The outcome form's rows: the recorded ones, then empty ones.
    pub outcome_rows: Vec<OutcomeRow>,
}

pub struct OutcomeRow {
    pub n: i64,
    pub action: String,
    pub responsible: String,
    pub due: String,
}

#[derive(Deserialize, Default)]
pub struct ShowQuery {
    #[serde(default)]
    pub done: String,
}

#[allow(clippy::too_many_arguments)]
pub async fn show_view(
    state: &AppState,
    s: &Session,
    page: Page,
    r: &Request,
    g: &Group,
    role: Role,
    identity: Option<String>,
    notice: Option<String>,
    errors: FieldErrors,
) -> AppResult<ShowView> {
    let a = &s.actor;
    let own = r.requester_id == a.user_id && role == Role::Requester;
    let secretary = role == Role::Secretary;
    let content = own || secretary || role == Role::Expert;
    let powers = Powers {
        content,
        messages: own || secretary,
        identity: (own || secretary) && r.identity_cipher.is_some(),
        edit: own && r.status.editable(),
        withdraw: own && transition(r.status, Event::Withdrawn).is_ok(),
        triage: secretary
            && matches!(
                r.status,
                Status::Submitted | Status::Accepted | Status::MoreInfo
            ),
        outcome: secretary && matches!(r.status, Status::Accepted | Status::Discussed),
        confirm: own && r.status == Status::Discussed,
        follow_up: own && r.status == Status::FollowUp,
    };
    let lang = page.lang.code();
    let form = store::form_version(&state.db, r.form_version_id).await?;
    let recs = if content {
        store::recommendations(&state.db, r.id).await?
    } else {
        Vec::new()
    };
    let recs_len = recs.len();
    let recs_copy: Vec<(String, String, String)> = recs
        .iter()
        .map(|x| {
            (
                x.action.clone(),
                x.responsible.clone(),
                x.due_date.clone().unwrap_or_default(),
            )
        })
        .collect();
    let messages = if powers.messages {
        store::messages(&state.db, r.id)
            .await?
            .into_iter()
            .map(|m| MessageView {
                mine: m.author_id == a.user_id.0,
                author: m.author,
                at: page.timestamp(&m.at),
                body: m.body,
            })
            .collect()
    } else {
        Vec::new()
    };
    let cal = calendars(state).get(&state.db, g.id).await?;
    let occ = cal
        .as_ref()
        .zip(r.meeting_date)
        .and_then(|(c, d)| c.meeting(d));
    let now = jiff::Timestamp::now();
    let meeting_choices = match (&cal, powers.triage) {
        (Some(cal), true) => {
            let from = today();
            let to = from.checked_add(12.months()).unwrap_or(from);
            cal.meetings(from, to)
                .iter()
                .filter(|o| o.is_held() && o.start.timestamp() > now)
                .map(|o| {
                    let mut n = cal.load_of(o.rule_date).taken;
                    if r.status.holds_place() && r.meeting_date == Some(o.rule_date) {
                        n = n.saturating_sub(1);
                    }
                    let mut label = page.tx(
                        "triage-meeting-choice",
                        &[
                            (
                                "meeting",
                                views::meeting_line(&page, Some(o), o.rule_date).into(),
                            ),
                            (
                                "free",
                                i64::from(g.details.capacity.saturating_sub(n)).into(),
                            ),
                        ],
                    );
                    if !o.deadline_met(now) {
                        label.push_str(&format!(" – {}", page.t("triage-late")));
                    }
                    (o.rule_date.to_string(), label)
                })
                .collect()
        }
        _ => Vec::new(),
    };
    let meeting_started = occ.as_ref().is_some_and(|o| o.start.timestamp() <= now);
    let other_groups = if powers.triage {
        crate::groups::store::list(&state.db)
            .await?
            .into_iter()
            .filter(|o| o.id != g.id)
            .map(|o| (o.id.0, o.details.name(lang).to_owned()))
            .collect()
    } else {
        Vec::new()
    };
    let requester_name = crate::auth::store::get_user(&state.db, r.requester_id)
        .await?
        .map(|u| format!("{}, {}", u.display_name, u.title))
        .unwrap_or_default();
    let events = store::history(&state.db, r.id).await?;
    Ok(ShowView {
        id: r.id.0,
        title: if content {
            views::title(r)
        } else {
            String::new()
        },
        group_id: g.id.0,
        group_name: g.details.name(lang).to_owned(),
        status: views::status_text(&page, r.status),
        status_key: r.status.key(),
        placement: views::placement_text(&page, r, occ.as_ref()),
        meeting_href: r
            .meeting_date
            .filter(|_| r.status.awaits_meeting() && occ.is_some())
            .map(|d| format!("/groups/{}/meetings/{d}", g.id)),
        not_discussed: powers.triage && r.status == Status::Accepted && meeting_started,
        answers: if content {
            views::answers(&page, &form.form, r)
        } else {
            Vec::new()
        },
        identification: page.t(&format!("identification-{}", r.identification.key())),
        basis_note: if content {
            r.basis_note.clone()
        } else {
            String::new()
        },
        has_identity: r.identity_cipher.is_some(),
        identity,
        history: views::history(&page, &events, content),
        messages,
        attachments: if content {
            store::attachments(&state.db, r.id).await?
        } else {
            Vec::new()
        },
        recommendations: recs
            .into_iter()
            .map(|x| RecommendationView {
                id: x.id,
                outcome: x
                    .outcome()
                    .map(|o| page.t(&format!("recommendation-outcome-{}", o.key())))
                    .unwrap_or_default(),
                outcome_key: x.outcome.clone().unwrap_or_default(),
                due: x
                    .due_date
                    .as_deref()
                    .and_then(|d| d.parse().ok())
                    .map(crate::core::i18n::format_date)
                    .unwrap_or_default(),
                due_iso: x.due_date.clone().unwrap_or_default(),
                action: x.action,
                responsible: x.responsible,
                outcome_note: x.outcome_note,
            })
            .collect(),
        summary: if content {
            r.summary.clone()
        } else {
            String::new()
        },
        requester_record: if content {
            r.requester_record.clone()
        } else {
            String::new()
        },
        follow_up_due: r
            .follow_up_due
            .map(crate::core::i18n::format_date)
            .unwrap_or_default(),
        follow_up_note: if content {
            r.follow_up_note.clone()
        } else {
            String::new()
        },
        powers,
        notice,
        errors,
        meeting_choices,
        other_groups,
        requester_name: if content {
            requester_name
        } else {
            String::new()
        },
        kept: Kept::default(),
        outcome_rows: (0..5usize.max(recs_len + 1))
            .map(|i| OutcomeRow {
                n: i as i64 + 1,
                action: recs_copy.get(i).map(|r| r.0.clone()).unwrap_or_default(),
                responsible: recs_copy.get(i).map(|r| r.1.clone()).unwrap_or_default(),
                due: recs_copy.get(i).map(|r| r.2.clone()).unwrap_or_default(),
            })
            .collect(),
        outcomes: RecOutcome::ALL
            .iter()
            .map(|o| {
                (
                    o.key().to_owned(),
                    page.t(&format!("recommendation-outcome-{}", o.key())),
                )
            })
            .collect(),
        page,
    })
}

/// The request's page again with the problems of a form on it (422).
#[allow(clippy::too_many_arguments)]
pub async fn case_with_errors(
    state: &AppState,
    s: &Session,
    page: Page,
    r: &Request,
    g: &Group,
    role: Role,
    errors: FieldErrors,
    kept: Kept,
) -> AppResult<Response> {
    let mut view = show_view(state, s, page, r, g, role, None, None, errors).await?;
    if kept.form == "outcome" {
        let (actions, who, due) = (
            kept.all("rec_action"),
            kept.all("rec_responsible"),
            kept.all("rec_due"),
        );
        let n = actions.len().max(who.len()).max(due.len());
        let at = |v: &[String], i: usize| v.get(i).cloned().unwrap_or_default();
        view.outcome_rows = (0..5usize.max(n + 1))
            .map(|i| OutcomeRow {
                n: i as i64 + 1,
                action: at(&actions, i),
                responsible: at(&who, i),
                due: at(&due, i),
            })
            .collect();
    }
    view.kept = kept;
    Ok(render_invalid(&view))
}

pub async fn show(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<ShowQuery>,
) -> AppResult<Response> {
    let (r, g, role) = authorize(&state, &s, &ctx, id, "request.read", view_action).await?;
    audit::store::record(
        &state.db,
        log_event(&ctx, &s, Some(role), "request.read", r.id, Outcome::Success),
    )
    .await?;
    let notice = (!q.done.is_empty()).then(|| page.t(&format!("request-done-{}", q.done)));
    let notice = notice.filter(|n| !n.starts_with("request-done-"));
    Ok(render(
        &show_view(
            &state,
            &s,
            page,
            &r,
            &g,
            role,
            None,
            notice,
            FieldErrors::new(),
        )
        .await?,
    ))
}

/// Shows an identified request's personal identity code; each showing is
/// its own access-log entry.
pub async fn identity(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let (r, g, role) = authorize(&state, &s, &ctx, id, "request.identity.read", |r, _| {
        Action::ViewIdentity {
            requester: r.requester_id,
            group: r.group_id,
        }
    })
    .await?;
    let sealed = r.identity_cipher.as_deref().ok_or(AppError::NotFound)?;
    let code = crate::core::crypto::open(&state.config.keys.data, sealed).ok_or_else(|| {
        AppError::Internal(anyhow::anyhow!(
            "identity code of request {id} does not open"
        ))
    })?;
    let mut e = log_event(
        &ctx,
        &s,
        Some(role),
        "request.identity.read",
        r.id,
        Outcome::Success,
    );
    e.purpose = format!("consultation; basis: {}", r.identification.key());
    audit::store::record(&state.db, e).await?;
    Ok(render(
        &show_view(
            &state,
            &s,
            page,
            &r,
            &g,
            role,
            Some(code),
            None,
            FieldErrors::new(),
        )
        .await?,
    ))
}

// --- messages -----------------------------------------------------------------------------

#[derive(Deserialize, Default)]
pub struct MessageForm {
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub once: String,
}

pub async fn message(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<MessageForm>,
) -> AppResult<Response> {
    let (seen, g, role) = authorize(&state, &s, &ctx, id, "request.message", |r, _| {
        Action::MessageRequest {
            requester: r.requester_id,
            group: r.group_id,
        }
    })
    .await?;
    let body = form.body.trim();
    let mut errors = FieldErrors::new();
    if body.is_empty() {
        errors.add("body", "field-required");
    } else if body.chars().count() > MAX_MESSAGE {
        errors.add("body", "field-too-long");
    }
    if !errors.is_empty() {
        return case_with_errors(
            &state,
            &s,
            page,
            &seen,
            &g,
            role,
            errors,
            Kept::new("message", vec![("body".into(), form.body.clone())]),
        )
        .await;
    }
    let answer = format!("/requests/{id}?done=message#messages");
    let mut w = Work::begin(&state).await?;
    if let Some(a) = w.replayed(s.actor.user_id, &form.once).await? {
        w.rollback().await?;
        return Ok(Redirect::to(&answer_or(&a, &answer)).into_response());
    }
    let r = w.lock_request(seen.id).await?;
    unchanged(&r, &seen)?;
    store::add_message(w.tx(), r.id, s.actor.user_id, body).await?;
    audit::store::append(
        w.tx(),
        log_event(
            &ctx,
            &s,
            Some(role),
            "request.message",
            r.id,
            Outcome::Success,
        ),
    )
    .await?;
    if role == Role::Requester {
        tell_secretaries(w.tx(), g.id).await?;
    } else {
        crate::notify::enqueue(
            w.tx(),
            r.requester_id,
            "message",
            &format!("/requests/{id}"),
        )
        .await?;
    }
    w.commit(&answer).await?;
    Ok(Redirect::to(&answer).into_response())
}

// --- attachments --------------------------------------------------------------------------

/// The type of an upload, from its first bytes and its name; only types
/// that office and hospital systems open safely are taken.
pub fn detect_type(filename: &str, bytes: &[u8]) -> Option<&'static str> {
    let ext = filename
        .rsplit_once('.')
        .map(|(_, e)| e.to_lowercase())
        .unwrap_or_default();
    let zip = bytes.starts_with(b"PK\x03\x04");
    match ext.as_str() {
        "pdf" if bytes.starts_with(b"%PDF-") => Some("application/pdf"),
        "png" if bytes.starts_with(b"\x89PNG\r\n\x1a\n") => Some("image/png"),
        "jpg" | "jpeg" if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) => Some("image/jpeg"),
        "docx" if zip => {
            Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        }
        "xlsx" if zip => Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        "odt" if zip => Some("application/vnd.oasis.opendocument.text"),
        "txt" if std::str::from_utf8(bytes).is_ok() => Some("text/plain; charset=utf-8"),
        _ => None,
    }
}

/// A file name safe to store and send back: no paths, no quotes.
pub fn clean_filename(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | ':' | '*' | '?' | '|'))
        .take(120)
        .collect();
    if cleaned.trim().is_empty() {
        "liite".into()
    } else {
        cleaned.trim().to_owned()
    }
}

pub async fn upload(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    multipart: Multipart,
) -> AppResult<Response> {
    let file = read_upload(multipart, &state, &ctx, &s).await?.file;
    let (r, g, role) = authorize(&state, &s, &ctx, id, "attachment.create", |r, _| {
        Action::EditRequest {
            requester: r.requester_id,
        }
    })
    .await?;
    if !r.status.editable() {
        return Err(AppError::Conflict("request-not-editable"));
    }
    let mut errors = FieldErrors::new();
    let checked = match file.filter(|(_, b)| !b.is_empty()) {
        None => {
            errors.add("file", "attachment-missing");
            None
        }
        Some((name, bytes)) => {
            let name = clean_filename(&name);
            if bytes.len() > MAX_ATTACHMENT {
                errors.add("file", "attachment-too-large");
                None
            } else if store::attachment_total(&state.db, r.id).await? + bytes.len() as i64
                > MAX_ATTACHMENTS_TOTAL
            {
                errors.add("file", "attachment-total-too-large");
                None
            } else {
                match detect_type(&name, &bytes) {
                    Some(ct) => Some((name, ct, bytes)),
                    None => {
                        errors.add("file", "attachment-type");
                        None
                    }
                }
            }
        }
    };
    let Some((name, ct, bytes)) = checked else {
        let form = store::form_version(&state.db, r.form_version_id).await?;
        let mut posted = form.form.to_posted(&r.answers);
        posted.insert("identification".into(), vec![r.identification.key().into()]);
        posted.insert("basis_note".into(), vec![r.basis_note.clone()]);
        return form_again(&state, page, Some(&r), &g, &form.form, &posted, errors).await;
    };
    let mut w = Work::begin(&state).await?;
    let fresh = w.lock_request(r.id).await?;
    unchanged(&fresh, &r)?;
    if !fresh.status.editable() {
        return Err(AppError::Conflict("request-not-editable"));
    }
    let tx = w.tx();
    let aid = store::add_attachment(tx, r.id, &name, ct, &bytes, s.actor.user_id).await?;
    let mut e = log_event(
        &ctx,
        &s,
        Some(role),
        "attachment.create",
        r.id,
        Outcome::Success,
    );
    e.purpose = format!("consultation; attachment {aid}");
    audit::store::append(w.tx(), e).await?;
    w.commit("").await?;
    Ok(Redirect::to(&format!("/requests/{id}/edit#attachments")).into_response())
}

pub async fn download(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path((id, aid)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let (r, _, role) = authorize(&state, &s, &ctx, id, "attachment.read", view_action).await?;
    // The coordinator's overview has no case content.
    if role == Role::Coordinator && !s.actor.is_secretary_of(r.group_id) {
        audit::store::record(
            &state.db,
            log_event(
                &ctx,
                &s,
                Some(role),
                "attachment.read",
                r.id,
                Outcome::Denied,
            ),
        )
        .await?;
        return Err(AppError::Forbidden);
    }
    let (name, ct, data) = store::attachment_data(&state.db, r.id, aid)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut e = log_event(
        &ctx,
        &s,
        Some(role),
        "attachment.read",
        r.id,
        Outcome::Success,
    );
    e.purpose = format!("consultation; attachment {aid}");
    audit::store::record(&state.db, e).await?;
    let disposition = format!(
        "attachment; filename*=UTF-8''{}",
        crate::core::web::urlencode(&name)
    );
    Ok((
        [
            (header::CONTENT_TYPE, ct),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        data,
    )
        .into_response())
}

pub async fn delete_attachment(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path((id, aid)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let (r, _, role) = authorize(&state, &s, &ctx, id, "attachment.delete", |r, _| {
        Action::EditRequest {
            requester: r.requester_id,
        }
    })
    .await?;
    if !r.status.editable() {
        return Err(AppError::Conflict("request-not-editable"));
    }
    let mut tx = state.db.begin().await?;
    if !store::delete_attachment(&mut tx, r.id, aid).await? {
        return Err(AppError::NotFound);
    }
    let mut e = log_event(
        &ctx,
        &s,
        Some(role),
        "attachment.delete",
        r.id,
        Outcome::Success,
    );
    e.purpose = format!("consultation; attachment {aid}");
    audit::store::append(&mut tx, e).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/requests/{id}/edit#attachments")).into_response())
}

// --- after the meeting ------------------------------------------------------------------------

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ConfirmForm {
    pub record: String,
    /// Months until the follow-up: 1, 3, 6 or 12.
    pub follow_up_months: String,
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
    if !errors.is_empty() && transition(seen.status, Event::Confirmed).is_ok() {
        return case_with_errors(
            &state,
            &s,
            page,
            &seen,
            &g,
            role,
            errors,
            Kept::new("confirm", vec![("record".into(), form.record.clone())]),
        )
        .await;
    }
    let due = today().checked_add(months.months()).unwrap_or(today());
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
    store::confirm(w.tx(), r.id, record, due).await?;
    let mut step = Step::new(
        Event::Confirmed,
        By::Person {
            session: &s,
            ctx: &ctx,
            role,
        },
    );
    step.detail = crate::core::i18n::format_date(due);
    step.log_as = Some("request.confirm");
    w.transition(&mut r, step).await?;
    w.commit(&answer).await?;
    Ok(Redirect::to(&answer).into_response())
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
    store::follow_up(w.tx(), r.id, &note, &outcomes).await?;
    let tell = [Tell::Secretaries(g.id)];
    let mut step = Step::new(
        Event::FollowUpReported,
        By::Person {
            session: &s,
            ctx: &ctx,
            role,
        },
    );
    step.log_as = Some("request.follow-up");
    step.tell = &tell;
    w.transition(&mut r, step).await?;
    w.commit(&answer).await?;
    Ok(Redirect::to(&answer).into_response())
}
