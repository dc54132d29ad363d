//! The requester's side before triage: the list, the pre-information form
//! (draft and submit, with the meeting it promises), and withdrawing.

use super::store::{self, Request};
use super::views::{self};
use super::workflow::{By, NewPlace, Step, Tell, Work, expect_seen, unchanged};
use super::{authorize, log_event, on_agenda};
use crate::audit;
use crate::auth::{Ctx, CurrentUser, Session};
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::forms::CsrfForm;
use crate::core::page::{Page, render, render_invalid};
use crate::core::web::AppState;
use crate::groups::calendars::{GroupCalendar, calendars};
use crate::groups::routes::today;
use crate::groups::store::Group;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::ToSpan;
use otalusta_domain::audit::Outcome;
use otalusta_domain::consultations::{Event, Identification, Status, propose};
use otalusta_domain::hetu::PersonalIdentityCode;
use otalusta_domain::ids::{GroupId, RequestId};
use otalusta_domain::policy::{Action, decide};
use otalusta_domain::questionnaire::{Check, Item, Questionnaire};
use otalusta_domain::role::Role;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Arc;

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
    /// The requests of the groups this user is the secretary of.
    pub group_cases: Vec<ListRow>,
    /// Whether a filter was chosen (an empty result then says so).
    pub filtered: bool,
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
    // Every case a row shows, for the access log.
    let mut shown: Vec<RequestId> = Vec::new();
    let mut mine = Vec::new();
    if a.has(Role::Requester) {
        for r in store::of_requester(&state.db, a.user_id).await? {
            let g = group_of(r.group_id).await?;
            let t = views::title(&r);
            if keep(&r, &filter, &t) {
                shown.push(r.id);
                mine.push(row(&page, &r, g.as_deref(), true));
            }
        }
    }
    let mut queues = Vec::new();
    let mut agenda = Vec::new();
    let mut group_cases = Vec::new();
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
            // Without a filter, what is still in work; a chosen status shows
            // its cases, closed ones too.
            let mut rows: Vec<Request> = store::of_group(&state.db, gid)
                .await?
                .into_iter()
                .filter(|r| {
                    (if filter.status.is_empty() {
                        r.status.is_open()
                    } else {
                        true
                    }) && keep(r, &filter, &views::title(r))
                })
                .collect();
            rows.sort_by(|x, y| (&x.updated_at, x.id).cmp(&(&y.updated_at, y.id)));
            for r in rows {
                if !shown.contains(&r.id) {
                    shown.push(r.id);
                }
                group_cases.push(row(&page, &r, Some(&cal), true));
            }
        } else if a.has(Role::Expert) {
            for r in store::of_group(&state.db, gid).await? {
                if on_agenda(&r)
                    && r.status == Status::Accepted
                    && keep(&r, &filter, &views::title(&r))
                {
                    shown.push(r.id);
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
                shown.push(r.id);
                area.push(row(&page, &r, g.as_deref(), false));
            }
        }
    }
    if a.has(Role::Coordinator) {
        // The groups of a coordinator's county (pseudonymous, as above).
        for gid in a.county_groups.clone() {
            let g = group_of(gid).await?;
            for r in store::of_group(&state.db, gid).await? {
                if !shown.contains(&r.id) && keep(&r, &filter, "") {
                    shown.push(r.id);
                    area.push(row(&page, &r, g.as_deref(), false));
                }
            }
        }
    }
    super::log_cases(
        &state,
        &s,
        &ctx,
        a.primary_role(),
        "request.list",
        &shown,
        ("request-list", &shown.len().to_string()),
    )
    .await?;
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
        group_cases,
        area,
        statuses,
        filtered: !filter.status.is_empty() || !filter.q.trim().is_empty(),
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

/// The form's errors with the phenomena's, if any.
fn with_phenomena(errors: Option<FieldErrors>, phenomena: Option<&'static str>) -> FieldErrors {
    let mut errors = errors.unwrap_or_default();
    if let Some(key) = phenomena {
        errors.add("phenomena", key);
    }
    errors
}

impl FormView {
    /// The label of `field` for the error summary: the question's own, or
    /// the form's fixed fields'.
    pub fn label_of(&self, field: &str) -> Option<String> {
        self.questions
            .iter()
            .find(|q| q.field == field)
            .map(|q| q.label.clone())
            .or_else(|| self.page.field_label(field))
    }
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
    /// The requester's view of the level of need (a level key or empty).
    pub need_level: String,
    pub has_identity: bool,
    pub errors: FieldErrors,
    /// The secretary's question, when more information was asked.
    pub question_from_secretary: Option<String>,
    pub attachments: Vec<store::AttachmentRow>,
    pub notice: Option<String>,
    /// The taxonomy's phenomena to choose from, with the chosen marked.
    pub phenomena: Vec<PhenomenonChoice>,
}

pub struct PhenomenonChoice {
    pub code: String,
    pub name: String,
    pub checked: bool,
}

/// Most phenomena one request names.
const MAX_PHENOMENA: usize = 5;

/// The active phenomena, the `chosen` ones checked.
async fn phenomenon_choices(
    state: &AppState,
    page: &Page,
    chosen: &[String],
) -> AppResult<Vec<PhenomenonChoice>> {
    let all = crate::taxonomy::cache::phenomena(state)
        .all(&state.db)
        .await?;
    Ok(all
        .iter()
        .filter(|p| p.active == 1 || chosen.contains(&p.code))
        .map(|p| PhenomenonChoice {
            code: p.code.clone(),
            name: p.name(page.lang.code()).to_owned(),
            checked: chosen.contains(&p.code),
        })
        .collect())
}

/// The phenomena posted, checked against the taxonomy.
async fn posted_phenomena(
    state: &AppState,
    posted: &HashMap<String, Vec<String>>,
) -> AppResult<Result<Vec<String>, &'static str>> {
    let mut codes: Vec<String> = posted.get("phenomena").cloned().unwrap_or_default();
    codes.retain(|c| !c.is_empty());
    codes.sort();
    codes.dedup();
    let all = crate::taxonomy::cache::phenomena(state)
        .all(&state.db)
        .await?;
    if codes.iter().any(|c| !all.iter().any(|p| &p.code == c)) {
        return Ok(Err("field-choose"));
    }
    if codes.len() > MAX_PHENOMENA {
        return Ok(Err("request-phenomena-too-many"));
    }
    Ok(Ok(codes))
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
/// sectors); refused with the reason, never silently: the group's page says
/// it before the form, and the form refuses with the same words.
pub async fn check_eligible(state: &AppState, s: &Session, g: &Group) -> AppResult<()> {
    match eligibility(state, s, g).await? {
        Ok(()) => Ok(()),
        Err(why) => Err(AppError::Refused {
            kind: "request-not-eligible",
            message_key: why,
        }),
    }
}

/// Who asks: the facts a group's eligibility is checked against.
pub struct Asker {
    pub area: Option<String>,
    pub sector: Option<otalusta_domain::region::Sector>,
}

/// Reads the asker's area and sector (from their organisation).
pub async fn asker(state: &AppState, s: &Session) -> AppResult<Asker> {
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
    Ok(Asker {
        area: user.area_code,
        sector,
    })
}

/// Whether the group takes requests from the asker, or the reason why not.
pub fn admits(g: &Group, a: &Asker) -> Result<(), &'static str> {
    let e = &g.details.eligibility;
    // An account with no organisation yet (made before accounts carried
    // one) is not shut out: its sector is unknown, and the group's page
    // says so (`sector_unknown`).
    let sector_ok = e.sectors.is_empty() || a.sector.is_none_or(|s| e.sectors.contains(&s));
    let area_ok = e.areas.is_empty()
        || a.area
            .as_deref()
            .is_some_and(|x| e.areas.iter().any(|y| y == x));
    match (area_ok, sector_ok) {
        (true, true) => Ok(()),
        (false, _) if a.area.is_none() => Err("request-not-eligible-no-area"),
        (false, _) => Err("request-not-eligible-area"),
        (true, false) => Err("request-not-eligible-sector"),
    }
}

/// `Err(message key)`: why this professional may not ask the group.
pub async fn eligibility(
    state: &AppState,
    s: &Session,
    g: &Group,
) -> AppResult<Result<(), &'static str>> {
    Ok(admits(g, &asker(state, s).await?))
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
        need_level: String::new(),
        has_identity: false,
        errors: FieldErrors::new(),
        question_from_secretary: None,
        attachments: Vec::new(),
        notice: None,
        phenomena: phenomenon_choices(&state, &page, &[]).await?,
        page,
    };
    Ok(render(&view))
}

pub(super) use crate::core::forms::{one, pairs_to_map};

/// The requester's part of a posted form, checked.
pub(super) struct Checked {
    answers: otalusta_domain::questionnaire::Answers,
    identification: Identification,
    basis_note: String,
    /// A new identity code, sealed; `None`: keep what is stored.
    new_identity: Option<String>,
    clear_identity: bool,
    /// The requester's view of the level of need (empty: not assessed).
    need_level: String,
    /// The phenomena chosen; `None`: the post had no such field (keep).
    phenomena: Option<Vec<String>>,
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
    let need_level = one(posted, "need_level").to_owned();
    if !need_level.is_empty()
        && need_level
            .parse::<otalusta_domain::screening::Level>()
            .is_err()
    {
        errors.add("need_level", "field-choose");
    }
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
                match PersonalIdentityCode::parse_client(
                    hetu,
                    today(),
                    state.config.allow_temporary_hetu,
                ) {
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
            need_level,
            phenomena: posted.contains_key("phenomena_shown").then(|| {
                let mut codes: Vec<String> = posted.get("phenomena").cloned().unwrap_or_default();
                codes.retain(|c| !c.is_empty());
                codes.sort();
                codes.dedup();
                codes.truncate(MAX_PHENOMENA);
                codes
            }),
        }),
        _ => Err(errors),
    }
}

/// The answers posted with an attachment added or removed from the form,
/// checked as a draft: saved on the way, so nothing typed is lost.
/// `None`: the post carried no answers (an older page, a script).
pub(super) fn draft_of(
    state: &AppState,
    r: &Request,
    form: &Questionnaire,
    posted: &HashMap<String, Vec<String>>,
) -> Result<Option<Checked>, FieldErrors> {
    if !posted
        .keys()
        .any(|k| k.starts_with("q_") || k == "identification")
    {
        return Ok(None);
    }
    check_form(
        state,
        form,
        posted,
        Check::Draft,
        r.identity_cipher.is_some(),
    )
    .map(Some)
}

/// Stores checked answers on the locked request `r`, in the access log.
pub(super) async fn store_checked(
    w: &mut Work,
    ctx: &crate::core::web::ReqCtx,
    s: &Session,
    role: Role,
    r: &Request,
    c: &Checked,
) -> AppResult<()> {
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
    store::set_need_level(w.tx(), r.id, &c.need_level).await?;
    if let Some(codes) = &c.phenomena {
        store::set_phenomena(w.tx(), r.id, codes).await?;
    }
    audit::store::append(
        w.tx(),
        log_event(ctx, s, Some(role), "request.update", r.id, Outcome::Success),
    )
    .await?;
    Ok(())
}

pub(super) async fn form_again(
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
        need_level: one(posted, "need_level").to_owned(),
        has_identity: r.is_some_and(|r| r.identity_cipher.is_some()),
        errors,
        question_from_secretary,
        attachments,
        notice: None,
        phenomena: phenomenon_choices(
            state,
            &page,
            posted
                .get("phenomena")
                .map(Vec::as_slice)
                .unwrap_or_default(),
        )
        .await?,
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
    match create_checked(&state, &s, &ctx, role, &g, &form, &posted).await? {
        NewRequest::Invalid(errors) => {
            form_again(&state, page, None, &g, &form.form, &posted, errors).await
        }
        NewRequest::Replayed(answer) => {
            Ok(Redirect::to(&answer_or(&answer, "/requests")).into_response())
        }
        NewRequest::Created { answer, .. } => Ok(Redirect::to(&answer).into_response()),
    }
}

/// What became of a new request's post.
pub enum NewRequest {
    /// Stored (and sent when `submitted`); `answer` is its page.
    Created {
        id: RequestId,
        submitted: bool,
        answer: String,
    },
    /// The one-time token was used before: that post's answer.
    Replayed(String),
    /// Every problem of the post, by field (`q_KEY`, `identification`,
    /// `hetu`, `basis_note`, `need_level`, `phenomena`).
    Invalid(FieldErrors),
}

/// Checks and stores a new request posted as form fields (`q_KEY` answers,
/// `identification`, `basis_note`, `hetu`, `need_level`, `phenomena`,
/// `action=submit`, `once`) for group `g` on its current form `form`: the
/// one path of the HTML form and of FHIR's transaction (`crate::fhir`).
/// The caller has checked `Action::CreateRequest` (as `role`) and the
/// group's eligibility.
pub async fn create_checked(
    state: &AppState,
    s: &Session,
    ctx: &crate::core::web::ReqCtx,
    role: Role,
    g: &Group,
    form: &store::FormVersion,
    posted: &HashMap<String, Vec<String>>,
) -> AppResult<NewRequest> {
    let submit = one(posted, "action") == "submit";
    let check = if submit { Check::Submit } else { Check::Draft };
    let phenomena = posted_phenomena(state, posted).await?;
    let c = match (
        check_form(state, &form.form, posted, check, false),
        phenomena,
    ) {
        (Ok(c), Ok(_)) => c,
        (checked, phenomena) => {
            return Ok(NewRequest::Invalid(with_phenomena(
                checked.err(),
                phenomena.err(),
            )));
        }
    };
    let by = By::person(s, ctx, role);
    let mut w = Work::begin(state).await?;
    if let Some(answer) = w.replayed(s.actor.user_id, one(posted, "once")).await? {
        w.rollback().await?;
        return Ok(NewRequest::Replayed(answer));
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
    store::set_need_level(w.tx(), id, &c.need_level).await?;
    if let Some(codes) = &c.phenomena {
        store::set_phenomena(w.tx(), id, codes).await?;
    }
    store::created_event(w.tx(), id, s.actor.user_id, role).await?;
    audit::store::append(
        w.tx(),
        log_event(ctx, s, Some(role), "request.create", id, Outcome::Success),
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
    Ok(NewRequest::Created {
        id,
        submitted: submit,
        answer,
    })
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
        need_level: r.need_level.clone(),
        has_identity: r.identity_cipher.is_some(),
        errors: FieldErrors::new(),
        question_from_secretary,
        attachments: store::attachments(&state.db, r.id).await?,
        notice: None,
        phenomena: phenomenon_choices(&state, &page, &store::phenomena_of(&state.db, r.id).await?)
            .await?,
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
    if !one(&posted, "file").is_empty() {
        // A file chosen but not added: say so rather than drop it silently.
        let mut errors = FieldErrors::new();
        errors.add("file", "attachment-not-added");
        return form_again(&state, page, Some(&seen), &g, &form.form, &posted, errors).await;
    }
    let submit = one(&posted, "action") == "submit";
    let check = if submit { Check::Submit } else { Check::Draft };
    let phenomena = posted_phenomena(&state, &posted).await?;
    let checked = check_form(
        &state,
        &form.form,
        &posted,
        check,
        seen.identity_cipher.is_some(),
    );
    let c = match (checked, phenomena) {
        (Ok(c), Ok(_)) => c,
        (checked, phenomena) => {
            let errors = with_phenomena(checked.err(), phenomena.err());
            return form_again(&state, page, Some(&seen), &g, &form.form, &posted, errors).await;
        }
    };
    let by = By::person(&s, &ctx, role);
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
    store_checked(&mut w, &ctx, &s, role, &r, &c).await?;
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
    /// `yes` from the confirmation page: withdrawing cannot be undone.
    pub confirm: String,
}

/// Peru pyyntö: the confirmation asked before withdrawing.
#[derive(Template)]
#[template(path = "consultations/withdraw.html")]
pub struct WithdrawView {
    pub page: Page,
    pub id: i64,
    pub title: String,
    pub status_key: &'static str,
    /// Whether the group's secretary has it (a sent request, not a draft).
    pub sent: bool,
}

pub async fn withdraw_form(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (r, _, _) = authorize(&state, &s, &ctx, id, "request.read", |r, _| {
        Action::EditRequest {
            requester: r.requester_id,
        }
    })
    .await?;
    if otalusta_domain::consultations::transition(r.status, Event::Withdrawn).is_err() {
        return Err(AppError::Conflict("request-wrong-state"));
    }
    Ok(render(&WithdrawView {
        page,
        id,
        title: views::title(&r),
        status_key: r.status.key(),
        sent: r.status != Status::Draft,
    }))
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
    if form.confirm != "yes" {
        // Not from the confirmation page: ask first, change nothing.
        return Ok(Redirect::to(&format!("/requests/{id}/withdraw")).into_response());
    }
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
    let mut step = Step::new(Event::Withdrawn, By::person(&s, &ctx, role));
    step.log_as = Some("request.withdraw");
    step.tell = &tell;
    w.finish(&mut r, step, &answer).await
}

/// Whether the group limits sectors and the account's sector is unknown
/// (no organisation): allowed, but worth saying.
pub async fn sector_unknown(state: &AppState, s: &Session, g: &Group) -> AppResult<bool> {
    if g.details.eligibility.sectors.is_empty() {
        return Ok(false);
    }
    Ok(crate::auth::store::get_user(&state.db, s.actor.user_id)
        .await?
        .is_some_and(|u| u.organisation_id.is_none()))
}
