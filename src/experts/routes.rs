//! The expert pages: search (and the public directory), one profile, the
//! profile form.

use super::matching::MatchKind;
use super::search::{HitKind, MAX_RESULTS, Notice, Reason, Results, SearchIndex, SearchQuery};
use super::store::{self, Expert};
use super::syntax;
use crate::audit;
use crate::auth::{Ctx, CurrentUser, Session};
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::forms::CsrfForm;
use crate::core::page::{Page, render, render_invalid};
use crate::core::web::AppState;
use crate::groups::routes::{Choice, today};
use crate::taxonomy::store::PhenomenonRow;
use askama::Template;
use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use otalusta_domain::audit::Outcome;
use otalusta_domain::experts::{ExpertDetails, ExpertForm, Language};
use otalusta_domain::ids::ExpertId;
use otalusta_domain::policy::{Action, decide};
use otalusta_domain::region::{AREAS, Sector};
use otalusta_domain::role::Role;
use otalusta_domain::screening::Level;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Arc;

pub fn area_name(page: &Page, code: &str) -> String {
    area_name_plain(page.lang.code(), code)
}

pub fn area_name_plain(lang: &str, code: &str) -> String {
    otalusta_domain::region::area(code)
        .map(|a| a.name(lang).to_owned())
        .unwrap_or_else(|| code.to_owned())
}

pub fn phenomenon_name(page: &Page, all: &[PhenomenonRow], code: &str) -> String {
    all.iter()
        .find(|p| p.code == code)
        .map(|p| p.name(page.lang.code()).to_owned())
        .unwrap_or_else(|| code.to_owned())
}

fn language_name(page: &Page, l: Language) -> String {
    page.t(&format!("language-{}", l.key()))
}

// --- search ---------------------------------------------------------------------

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct SearchForm {
    pub q: String,
    pub phenomenon: String,
    pub sector: String,
    pub area: String,
    pub language: String,
    /// "1": remote consultation only.
    pub remote: String,
    /// "1": show paused experts too.
    pub paused: String,
    /// "experts", "groups" or empty for both.
    pub kind: String,
    pub page: String,
}

/// Results per page.
pub const PAGE_SIZE: usize = 20;

pub struct ResultView {
    pub href: String,
    pub kind: &'static str,
    pub kind_text: String,
    pub name: String,
    pub subtitle: String,
    pub facts: Vec<String>,
    pub reasons: Vec<String>,
    pub paused: Option<String>,
}

#[derive(Template)]
#[template(path = "experts/search.html")]
pub struct SearchView {
    pub page: Page,
    pub form: SearchForm,
    pub public: bool,
    /// Consultation channels that fit the query, shown above the experts.
    pub channels: Vec<ResultView>,
    pub results: Vec<ResultView>,
    pub total: usize,
    /// What the search did that the user should know, in words.
    pub notices: Vec<String>,
    /// "Tarkoititko …": the query corrected, and its link.
    pub did_you_mean: Option<(String, String)>,
    pub searched: bool,
    pub phenomena: Vec<Choice>,
    pub sectors: Vec<Choice>,
    pub areas: Vec<Choice>,
    pub languages: Vec<Choice>,
    pub next_page: Option<String>,
    pub prev_page: Option<String>,
    pub morphology_note: Option<String>,
    pub may_create: bool,
    pub may_transfer: bool,
}

/// A reason in words; `group`: the hit is a consultation group (whose
/// `organisation` field is its organiser and area).
fn reason_text(page: &Page, all: &[PhenomenonRow], r: &Reason, group: bool) -> String {
    let words: Vec<String> = r
        .words
        .iter()
        .map(|m| {
            let shown = if m.asked.to_lowercase() == m.found {
                m.asked.clone()
            } else {
                format!("{} → {}", m.asked, m.found)
            };
            match m.how {
                MatchKind::Exact => shown,
                how => format!("{shown} ({})", page.t(&format!("match-{}", how.as_str()))),
            }
        })
        .collect();
    match r.field {
        "concept" if r.detail.starts_with(super::thesaurus::PREFIX) => {
            page.ta("reason-synonym", "words", &words.join(", "))
        }
        "concept" => page.tx(
            "reason-concept",
            &[
                ("name", phenomenon_name(page, all, &r.detail).into()),
                ("words", words.join(", ").into()),
            ],
        ),
        "phenomena" if !r.detail.is_empty() => page.tx(
            "reason-phenomenon",
            &[
                ("name", phenomenon_name(page, all, &r.detail).into()),
                ("words", words.join(", ").into()),
            ],
        ),
        field => page.tx(
            "reason-field",
            &[
                (
                    "field",
                    match (field, group) {
                        ("organisation", true) => page.t("reason-field-group-organisation"),
                        _ => page.t(&format!("reason-field-{field}")),
                    }
                    .into(),
                ),
                ("words", words.join(", ").into()),
            ],
        ),
    }
}

pub fn search_choices(
    page: &Page,
    all: &[PhenomenonRow],
) -> (Vec<Choice>, Vec<Choice>, Vec<Choice>, Vec<Choice>) {
    let lang = page.lang.code();
    (
        all.iter()
            .filter(|p| p.active != 0)
            .map(|p| Choice {
                value: p.code.clone(),
                label: p.name(lang).to_owned(),
            })
            .collect(),
        Sector::ALL
            .iter()
            .map(|s| Choice {
                value: s.as_str().into(),
                label: page.t(&format!("sector-{}", s.as_str())),
            })
            .collect(),
        AREAS
            .iter()
            .map(|a| Choice {
                value: a.code.into(),
                label: a.name(lang).into(),
            })
            .collect(),
        Language::ALL
            .iter()
            .map(|l| Choice {
                value: l.key().into(),
                label: language_name(page, *l),
            })
            .collect(),
    )
}

impl SearchForm {
    pub fn query(&self, public: bool) -> SearchQuery {
        SearchQuery {
            text: self.q.clone(),
            phenomenon: non_empty(&self.phenomenon),
            sector: non_empty(&self.sector),
            area: non_empty(&self.area),
            language: non_empty(&self.language),
            remote_only: self.remote == "1",
            include_paused: self.paused == "1" && !public,
            experts: self.kind != "groups",
            groups: self.kind != "experts",
            public_only: public,
            offset: (self.page_number() - 1) * PAGE_SIZE,
            limit: PAGE_SIZE,
        }
    }

    /// The page asked for, from 1; one past the last page there is (to say
    /// that it is past it) at most.
    pub fn page_number(&self) -> usize {
        self.page
            .parse()
            .unwrap_or(1)
            .clamp(1, MAX_RESULTS / PAGE_SIZE + 1)
    }

    fn with_page(&self, n: usize) -> String {
        let mut f = self.clone();
        f.page = n.to_string();
        format!(
            "/experts?{}",
            serde_urlencoded::to_string([
                ("q", f.q.as_str()),
                ("phenomenon", &f.phenomenon),
                ("sector", &f.sector),
                ("area", &f.area),
                ("language", &f.language),
                ("remote", &f.remote),
                ("paused", &f.paused),
                ("kind", &f.kind),
                ("page", &f.page),
            ])
            .unwrap_or_default()
        )
    }
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// The expert search; without a login, the public directory (only what
/// experts agreed to publish).
pub async fn search(
    State(state): State<AppState>,
    Extension(index): Extension<Arc<SearchIndex>>,
    session: Option<Extension<Session>>,
    page: Page,
    Query(form): Query<SearchForm>,
) -> AppResult<Response> {
    let public = match &session {
        Some(Extension(s)) => {
            s.require(&Action::ViewExperts)?;
            false
        }
        None => true,
    };
    let all = crate::taxonomy::cache::phenomena(&state)
        .all(&state.db)
        .await?;
    let query = form.query(public);
    let searched = !form.q.trim().is_empty()
        || query.phenomenon.is_some()
        || query.sector.is_some()
        || query.area.is_some()
        || query.language.is_some()
        || query.remote_only;
    let today = today();
    // The channels that fit come first, in a section of their own (on the
    // first page of a search for both kinds).
    let both = query.experts && query.groups;
    let mut queries = vec![SearchQuery {
        groups: query.groups && !(both && searched),
        ..query.clone()
    }];
    if both && searched && query.offset == 0 {
        queries.push(SearchQuery {
            experts: false,
            offset: 0,
            limit: CHANNELS_SHOWN,
            ..query.clone()
        });
    }
    let mut all_found = index.search_many(&queries, today).into_iter();
    let found = all_found.next().expect("the experts' search");
    let channels_found = all_found.next();
    let results = result_views(&state, &page, &all, &found, public).await?;
    let channels = match &channels_found {
        Some(c) => result_views(&state, &page, &all, c, public).await?,
        None => Vec::new(),
    };
    let current = form.page_number();
    let next_page = (query.offset + query.limit < found.total.min(MAX_RESULTS))
        .then(|| form.with_page(current + 1));
    let prev_page =
        (current > 1).then(|| form.with_page(current.min(MAX_RESULTS / PAGE_SIZE + 1) - 1));
    let notices = notice_texts(&page, &found);
    let did_you_mean = found.did_you_mean.as_ref().map(|q| {
        let corrected = SearchForm {
            q: q.clone(),
            page: String::new(),
            ..form.clone()
        };
        (q.clone(), corrected.with_page(1))
    });
    let (phenomena, sectors, areas, languages) = search_choices(&page, &all);
    let (may_create, may_transfer) = match &session {
        Some(Extension(s)) => (
            AREAS
                .iter()
                .any(|a| decide(&s.actor, &Action::CreateExpert { area: a.code }).is_allowed()),
            AREAS
                .iter()
                .any(|a| decide(&s.actor, &Action::TransferExperts { area: a.code }).is_allowed()),
        ),
        None => (false, false),
    };
    let morphology_note = (!index.morphology_ok()).then(|| page.t("search-morphology-fallback"));
    Ok(render(&SearchView {
        page,
        form,
        public,
        channels,
        results,
        total: found.total,
        notices,
        did_you_mean,
        searched,
        phenomena,
        sectors,
        areas,
        languages,
        next_page,
        prev_page,
        morphology_note,
        may_create,
        may_transfer,
    }))
}

/// Channels shown above the experts.
const CHANNELS_SHOWN: usize = 3;

/// The hits as the page shows them, loaded in one query per kind.
async fn result_views(
    state: &AppState,
    page: &Page,
    all: &[PhenomenonRow],
    found: &Results,
    public: bool,
) -> AppResult<Vec<ResultView>> {
    let mut experts = super::cache::profile_cache(state)
        .by_id(&state.db, &found.expert_ids(), public)
        .await?;
    let calendars = crate::groups::calendars::calendars(state);
    // Hits share their reasons (the same words met the same way): each
    // worded once.
    let mut worded: HashMap<(&Reason, bool), String> = HashMap::new();
    let mut results = Vec::new();
    for hit in &found.hits {
        let view = match hit.kind {
            HitKind::Expert(id) => match experts.remove(&id) {
                // Unlisted on another node a moment ago: the index may not
                // know yet, the profile does.
                Some(e) if public && !e.details.listed_publicly => continue,
                Some(e) => expert_result(page, all, &e, public),
                None => continue,
            },
            HitKind::Group(id) => match calendars.active_group(&state.db, id).await? {
                Some(c) => group_result(page, all, &c.group),
                None => continue,
            },
        };
        results.push(ResultView {
            reasons: hit
                .reasons
                .iter()
                .map(|r| {
                    let group = matches!(hit.kind, HitKind::Group(_));
                    worded
                        .entry((r, group))
                        .or_insert_with(|| reason_text(page, all, r, group))
                        .clone()
                })
                .collect(),
            ..view
        });
    }
    Ok(results)
}

/// The search's notices in the user's language.
fn notice_texts(page: &Page, found: &Results) -> Vec<String> {
    let mut out: Vec<String> = found
        .notices
        .iter()
        .map(|n| match n {
            Notice::Query(q) => query_notice_text(page, q),
            Notice::NothingToSearch => page.t("search-notice-nothing-to-search"),
            Notice::PastLastPage { shown } => {
                page.ta("search-notice-past-last-page", "shown", &shown.to_string())
            }
        })
        .collect();
    if !found.ignored.is_empty() {
        out.push(page.ta("search-notice-ignored", "words", &found.ignored.join(", ")));
    }
    out
}

/// What the query parser did, in words (the knowledge search says it too).
pub fn query_notice_text(page: &Page, n: &syntax::Notice) -> String {
    match n {
        syntax::Notice::Shortened { chars } => {
            page.ta("search-notice-shortened", "chars", &chars.to_string())
        }
        syntax::Notice::TooManyTerms { kept } => {
            page.ta("search-notice-too-many-terms", "kept", &kept.to_string())
        }
        syntax::Notice::WordTooLong { start } => {
            page.ta("search-notice-word-too-long", "start", start)
        }
        syntax::Notice::UnclosedQuote => page.t("search-notice-unclosed-quote"),
        syntax::Notice::LoneOperator { operator } => {
            page.ta("search-notice-lone-operator", "operator", operator)
        }
        syntax::Notice::OnlyExclusions => page.t("search-notice-only-exclusions"),
    }
}

fn expert_result(page: &Page, all: &[PhenomenonRow], e: &Expert, public: bool) -> ResultView {
    let d = &e.details;
    let mut facts = vec![
        d.phenomena
            .iter()
            .map(|c| phenomenon_name(page, all, c))
            .collect::<Vec<_>>()
            .join(", "),
        d.regions
            .iter()
            .map(|r| area_name(page, r))
            .collect::<Vec<_>>()
            .join(", "),
        d.languages
            .iter()
            .map(|l| language_name(page, *l))
            .collect::<Vec<_>>()
            .join(", "),
    ];
    if d.remote {
        facts.push(page.t("expert-remote-ok"));
    }
    if public && !d.publish_contact {
        facts.retain(|f| !f.is_empty());
    }
    ResultView {
        href: format!("/experts/{}", e.id),
        kind: "expert",
        kind_text: page.t("result-kind-expert"),
        name: d.name.clone(),
        subtitle: [d.title.as_str(), d.organisation.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        facts,
        reasons: Vec::new(),
        paused: (!d.available_on(today())).then(|| paused_text(page, d)),
    }
}

fn paused_text(page: &Page, d: &ExpertDetails) -> String {
    let until = d
        .paused_until
        .map(crate::core::i18n::format_date)
        .unwrap_or_default();
    if d.pause_note.is_empty() {
        page.ta("expert-paused-until", "date", &until)
    } else {
        page.tx(
            "expert-paused-until-why",
            &[
                ("date", until.into()),
                ("why", d.pause_note.as_str().into()),
            ],
        )
    }
}

fn group_result(page: &Page, all: &[PhenomenonRow], g: &crate::groups::store::Group) -> ResultView {
    ResultView {
        href: format!("/groups/{}", g.id),
        kind: "group",
        kind_text: page.t("result-kind-group"),
        name: g.details.name(page.lang.code()).to_owned(),
        subtitle: crate::groups::routes::place_name(page, g),
        facts: vec![
            g.details
                .phenomena
                .iter()
                .map(|c| phenomenon_name(page, all, c))
                .collect::<Vec<_>>()
                .join(", "),
            page.t(&format!("meeting-mode-{}", g.details.mode.key())),
        ],
        reasons: Vec::new(),
        paused: None,
    }
}

// --- one profile -------------------------------------------------------------------

#[derive(Template)]
#[template(path = "experts/show.html")]
pub struct ProfileView {
    pub page: Page,
    pub id: i64,
    /// The levels of need served (perustaso, erityistaso, OT-taso), as keys.
    pub levels: Vec<String>,
    pub name: String,
    pub title: String,
    pub organisation: String,
    pub area: String,
    pub regions: String,
    pub sectors: String,
    pub phenomena: Vec<String>,
    pub languages: String,
    pub remote: bool,
    pub paused: Option<String>,
    pub description: String,
    /// (email, phone, note) when they may be shown.
    pub contact: Option<(String, String, String)>,
    pub groups: Vec<(String, String, String)>,
    pub may_edit: bool,
    pub public: bool,
    pub notice: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct DoneQuery {
    #[serde(default)]
    pub done: String,
}

pub async fn show(
    State(state): State<AppState>,
    session: Option<Extension<Session>>,
    page: Page,
    Path(id): Path<i64>,
    Query(done): Query<DoneQuery>,
) -> AppResult<Response> {
    let e = store::get(&state.db, ExpertId(id))
        .await?
        .ok_or(AppError::NotFound)?;
    let public = match &session {
        Some(Extension(s)) => {
            s.require(&Action::ViewExperts)?;
            false
        }
        // The public directory has only the profiles published in it.
        None if e.details.listed_publicly => true,
        None => return Err(AppError::Unauthenticated),
    };
    let d = &e.details;
    let all = crate::taxonomy::cache::phenomena(&state)
        .all(&state.db)
        .await?;
    let may_edit = session.as_ref().is_some_and(|Extension(s)| {
        decide(
            &s.actor,
            &Action::EditExpert {
                area: &d.area,
                owner: e.user_id,
            },
        )
        .is_allowed()
    });
    let mut groups = Vec::new();
    if let (Some(user), false) = (e.user_id, public) {
        for (gid, role) in crate::groups::store::memberships(&state.db, user).await? {
            if let Some(g) = crate::groups::store::get(&state.db, gid).await? {
                groups.push((
                    format!("/groups/{gid}"),
                    g.details.name(page.lang.code()).to_owned(),
                    page.t(&format!("member-role-{role}")),
                ));
            }
        }
    }
    let (levels,): (String,) = sqlx::query_as("SELECT levels FROM experts WHERE id = $1")
        .bind(id)
        .fetch_one(state.db.pool())
        .await?;
    let levels = Level::parse_list(&levels)
        .into_iter()
        .map(|l| l.key().to_owned())
        .collect();
    let contact = (!public || d.publish_contact)
        .then(|| (d.email.clone(), d.phone.clone(), d.contact_note.clone()));
    let notice = match done.done.as_str() {
        "saved" => Some(page.t("expert-saved")),
        "created" => Some(page.t("expert-created")),
        _ => None,
    };
    Ok(render(&ProfileView {
        id,
        levels,
        name: d.name.clone(),
        title: d.title.clone(),
        organisation: d.organisation.clone(),
        area: area_name(&page, &d.area),
        regions: d
            .regions
            .iter()
            .map(|r| area_name(&page, r))
            .collect::<Vec<_>>()
            .join(", "),
        sectors: d
            .sectors
            .iter()
            .map(|s| page.t(&format!("sector-{}", s.as_str())))
            .collect::<Vec<_>>()
            .join(", "),
        phenomena: d
            .phenomena
            .iter()
            .map(|c| phenomenon_name(&page, &all, c))
            .collect(),
        languages: d
            .languages
            .iter()
            .map(|l| language_name(&page, *l))
            .collect::<Vec<_>>()
            .join(", "),
        remote: d.remote,
        paused: (!d.available_on(today())).then(|| paused_text(&page, d)),
        description: d.description(page.lang.code()).to_owned(),
        contact,
        groups,
        may_edit,
        public,
        notice,
        page,
    }))
}

impl ProfileView {
    pub fn serves(&self, level: &str) -> bool {
        self.levels.iter().any(|l| l == level)
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct LevelsPost {
    pub levels: Vec<String>,
}

/// The levels of need a profile serves (palvelutasot): what guidance
/// matches against a screening's result.
pub async fn set_levels(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<LevelsPost>,
) -> AppResult<Response> {
    let e = store::get(&state.db, ExpertId(id))
        .await?
        .ok_or(AppError::NotFound)?;
    let role = s.require(&Action::EditExpert {
        area: &e.details.area,
        owner: e.user_id,
    })?;
    let mut levels = Vec::new();
    for l in &input.levels {
        levels.push(
            l.parse::<Level>()
                .map_err(|_| AppError::BadRequest("error-bad-request"))?,
        );
    }
    levels.sort();
    levels.dedup();
    let mut tx = state.db.begin().await?;
    sqlx::query("UPDATE experts SET levels = $1 WHERE id = $2")
        .bind(Level::join(&levels))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let ev = audit::event(
        &ctx,
        Some(&s),
        Some(role),
        "expert.levels",
        ("expert", &id.to_string()),
        Outcome::Success,
    );
    audit::store::append(&mut tx, ev).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/experts/{id}?done=saved")).into_response())
}

// --- the profile form ----------------------------------------------------------------

#[derive(Template)]
#[template(path = "experts/form.html")]
pub struct FormView {
    pub page: Page,
    /// `None`: a new profile.
    pub id: Option<i64>,
    pub own: bool,
    pub input: ExpertForm,
    pub errors: FieldErrors,
    pub phenomena: Vec<Choice>,
    pub sectors: Vec<Choice>,
    pub areas: Vec<Choice>,
    pub languages: Vec<Choice>,
}

impl FormView {
    pub fn action(&self) -> String {
        match (self.id, self.own) {
            (Some(id), _) => format!("/experts/{id}"),
            (None, true) => "/experts/me".into(),
            (None, false) => "/experts".into(),
        }
    }

    pub fn has(&self, list: &str, value: &str) -> bool {
        let l = match list {
            "regions" => &self.input.regions,
            "sectors" => &self.input.sectors,
            "phenomena" => &self.input.phenomena,
            _ => &self.input.languages,
        };
        l.iter().any(|v| v == value)
    }
}

async fn form_view(
    state: &AppState,
    page: Page,
    id: Option<i64>,
    own: bool,
    input: ExpertForm,
    errors: FieldErrors,
) -> AppResult<FormView> {
    let all = crate::taxonomy::cache::phenomena(state)
        .all(&state.db)
        .await?;
    let (phenomena, sectors, areas, languages) = search_choices(&page, &all);
    Ok(FormView {
        page,
        id,
        own,
        input,
        errors,
        phenomena,
        sectors,
        areas,
        languages,
    })
}

fn refused(view: FormView) -> Response {
    render_invalid(&view)
}

/// Checks the form against the taxonomy and the other profiles.
async fn check(
    state: &AppState,
    input: &ExpertForm,
    except: Option<ExpertId>,
) -> AppResult<Result<ExpertDetails, FieldErrors>> {
    let all = crate::taxonomy::cache::phenomena(state)
        .all(&state.db)
        .await?;
    let codes: Vec<&str> = all.iter().map(|p| p.code.as_str()).collect();
    match input.parse(&codes) {
        Ok(d) => {
            if store::email_taken(&state.db, &d.email, except).await? {
                let mut e = FieldErrors::new();
                e.add("email", "expert-email-taken");
                return Ok(Err(e));
            }
            Ok(Ok(d))
        }
        Err(p) => Ok(Err(FieldErrors::from_pairs(&p))),
    }
}

fn log(
    ctx: &crate::core::web::ReqCtx,
    s: &Session,
    role: Role,
    action: &str,
    id: ExpertId,
) -> otalusta_domain::audit::AuditEvent {
    audit::event(
        ctx,
        Some(s),
        Some(role),
        action,
        ("expert", &id.to_string()),
        Outcome::Success,
    )
}

pub async fn new_form(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
) -> AppResult<Response> {
    let area = s
        .actor
        .coordinated_areas()
        .next()
        .unwrap_or("ita-suomi")
        .to_owned();
    s.require(&Action::CreateExpert { area: &area })?;
    let input = ExpertForm {
        area,
        languages: vec!["fi".into()],
        remote: "1".into(),
        ..ExpertForm::default()
    };
    Ok(render(
        &form_view(&state, page, None, false, input, FieldErrors::new()).await?,
    ))
}

pub async fn create(
    State(state): State<AppState>,
    Extension(index): Extension<Arc<SearchIndex>>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    CsrfForm(input): CsrfForm<ExpertForm>,
) -> AppResult<Response> {
    let probe = if otalusta_domain::region::area(input.area.trim()).is_some() {
        input.area.trim().to_owned()
    } else {
        s.actor
            .coordinated_areas()
            .next()
            .unwrap_or("ita-suomi")
            .to_owned()
    };
    let role = s.require(&Action::CreateExpert { area: &probe })?;
    let d = match check(&state, &input, None).await? {
        Ok(d) => d,
        Err(errors) => {
            return Ok(refused(
                form_view(&state, page, None, false, input, errors).await?,
            ));
        }
    };
    let mut tx = state.db.begin().await?;
    let id = store::create(&mut tx, &d, None).await?;
    audit::store::append(&mut tx, log(&ctx, &s, role, "expert.create", id)).await?;
    tx.commit().await?;
    index.catch_up(&state.db).await?;
    Ok(Redirect::to(&format!("/experts/{id}?done=created")).into_response())
}

/// One's own profile: shown, or a form to create it.
pub async fn me(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
) -> AppResult<Response> {
    s.require(&Action::ViewExperts)?;
    if let Some(e) = store::of_user(&state.db, s.actor.user_id).await? {
        return Ok(Redirect::to(&format!("/experts/{}", e.id)).into_response());
    }
    let user = crate::auth::store::get_user(&state.db, s.actor.user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let input = ExpertForm {
        name: user.display_name,
        title: user.title,
        email: user.email,
        area: user.area_code.unwrap_or_default(),
        languages: vec![user.locale],
        remote: "1".into(),
        ..ExpertForm::default()
    };
    Ok(render(
        &form_view(&state, page, None, true, input, FieldErrors::new()).await?,
    ))
}

pub async fn create_own(
    State(state): State<AppState>,
    Extension(index): Extension<Arc<SearchIndex>>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    CsrfForm(input): CsrfForm<ExpertForm>,
) -> AppResult<Response> {
    s.require(&Action::ViewExperts)?;
    let role = s.require(&Action::EditExpert {
        area: input.area.trim(),
        owner: Some(s.actor.user_id),
    })?;
    if store::of_user(&state.db, s.actor.user_id).await?.is_some() {
        return Err(AppError::Conflict("expert-own-exists"));
    }
    let d = match check(&state, &input, None).await? {
        Ok(d) => d,
        Err(errors) => {
            return Ok(refused(
                form_view(&state, page, None, true, input, errors).await?,
            ));
        }
    };
    let mut tx = state.db.begin().await?;
    let id = store::create(&mut tx, &d, Some(s.actor.user_id)).await?;
    audit::store::append(&mut tx, log(&ctx, &s, role, "expert.create", id)).await?;
    tx.commit().await?;
    index.catch_up(&state.db).await?;
    Ok(Redirect::to(&format!("/experts/{id}?done=created")).into_response())
}

async fn load_for_edit(state: &AppState, s: &Session, id: i64) -> AppResult<(Expert, Role)> {
    let e = store::get(&state.db, ExpertId(id))
        .await?
        .ok_or(AppError::NotFound)?;
    let role = s.require(&Action::EditExpert {
        area: &e.details.area,
        owner: e.user_id,
    })?;
    Ok((e, role))
}

pub async fn edit_form(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (e, _) = load_for_edit(&state, &s, id).await?;
    let own = e.user_id == Some(s.actor.user_id);
    Ok(render(
        &form_view(
            &state,
            page,
            Some(id),
            own,
            e.details.to_form(),
            FieldErrors::new(),
        )
        .await?,
    ))
}

pub async fn update(
    State(state): State<AppState>,
    Extension(index): Extension<Arc<SearchIndex>>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<ExpertForm>,
) -> AppResult<Response> {
    let (e, role) = load_for_edit(&state, &s, id).await?;
    let own = e.user_id == Some(s.actor.user_id);
    let d = match check(&state, &input, Some(e.id)).await? {
        Ok(d) => d,
        Err(errors) => {
            return Ok(refused(
                form_view(&state, page, Some(id), own, input, errors).await?,
            ));
        }
    };
    // Moving a profile to another area needs a right there too.
    if d.area != e.details.area
        && s.require(&Action::EditExpert {
            area: &d.area,
            owner: e.user_id,
        })
        .is_err()
    {
        let mut errors = FieldErrors::new();
        errors.add("area", "expert-area-not-yours");
        return Ok(refused(
            form_view(&state, page, Some(id), own, input, errors).await?,
        ));
    }
    let mut tx = state.db.begin().await?;
    store::update(&mut tx, e.id, &d).await?;
    audit::store::append(&mut tx, log(&ctx, &s, role, "expert.update", e.id)).await?;
    tx.commit().await?;
    super::cache::profile_cache(&state).forget(Some(&[e.id]));
    index.catch_up(&state.db).await?;
    Ok(Redirect::to(&format!("/experts/{id}?done=saved")).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever a search URL carries, the query stays bounded.
        #[test]
        fn any_search_form_gives_a_bounded_query(
            q in "\\PC{0,400}", page in "\\PC{0,12}", kind in "\\PC{0,10}", remote in "\\PC{0,3}",
        ) {
            let f = SearchForm { q, page, kind, remote, ..SearchForm::default() };
            for public in [false, true] {
                let s = f.query(public);
                let parsed = syntax::parse(&s.text);
                prop_assert!(
                    parsed.clauses.iter().map(Vec::len).sum::<usize>() + parsed.excluded.len()
                        <= syntax::MAX_TERMS
                );
                prop_assert!(s.offset <= MAX_RESULTS);
                prop_assert!(s.limit == PAGE_SIZE);
                prop_assert!(s.experts || s.groups);
                if public {
                    prop_assert!(s.public_only && !s.include_paused);
                }
            }
        }
    }
}
