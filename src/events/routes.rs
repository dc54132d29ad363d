//! The events' pages: the list (public without login), one event's page,
//! and the organisers' forms to create, edit and cancel.

use super::store::{self, Event, EventInput};
use super::{log_event, sees_all, visible_event, when};
use crate::audit;
use crate::auth::{Ctx, CurrentUser, Session};
use crate::core::db;
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::forms::{CsrfForm, Empty};
use crate::core::page::{Page, helsinki, render, render_invalid};
use crate::core::web::AppState;
use askama::Template;
use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use otalusta_domain::audit::Outcome;
use otalusta_domain::events::{Kind, Visibility, check_times, plausible_url};
use otalusta_domain::policy::{Action, decide};
use otalusta_domain::role::Role;
use serde::Deserialize;

pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    pub kind: String,
    pub phenomenon: String,
    pub past: String,
}

/// One event in a list.
pub struct Row {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub when: String,
    pub place: String,
    pub organiser: String,
    pub series: String,
    pub seats: String,
    pub cancelled: bool,
    pub professionals_only: bool,
}

/// A forum series: its sessions together.
pub struct Series {
    pub name: String,
    pub rows: Vec<Row>,
}

#[derive(Template)]
#[template(path = "events/list.html")]
pub struct ListView {
    pub page: Page,
    pub past: bool,
    pub rows: Vec<Row>,
    pub series: Vec<Series>,
    pub kinds: Vec<Choice>,
    pub phenomena: Vec<Choice>,
    pub kind: String,
    pub phenomenon: String,
    pub may_create: bool,
    pub signed_in: bool,
}

pub fn kind_name(page: &Page, kind: &str) -> String {
    page.t(&format!("events-kind-{kind}"))
}

/// How many seats are free, or that the waitlist is open.
pub fn seats_text(page: &Page, e: &Event) -> String {
    let free = e.capacity - e.seats_taken;
    if free > 0 {
        page.tn("events-seats-free", "count", free)
    } else {
        page.t("events-seats-full")
    }
}

pub fn place_text(page: &Page, e: &Event) -> String {
    match (e.place.is_empty(), e.online_url.is_empty()) {
        (false, true) => e.place.clone(),
        (false, false) => format!("{} · {}", e.place, page.t("events-online")),
        (true, _) => page.t("events-online"),
    }
}

pub fn row(page: &Page, e: &Event) -> Row {
    Row {
        id: e.id,
        title: e.title.clone(),
        kind: kind_name(page, &e.kind),
        when: when(page.lang, e),
        place: place_text(page, e),
        organiser: e.organiser.clone(),
        series: e.series.clone(),
        seats: seats_text(page, e),
        cancelled: e.is_cancelled(),
        professionals_only: !e.is_public(),
    }
}

/// The areas `s` may create events in (`None`: national), by the policy.
pub fn creatable_areas(s: &Session) -> Vec<Option<&'static str>> {
    std::iter::once(None)
        .chain(otalusta_domain::region::AREAS.iter().map(|a| Some(a.code)))
        .filter(|area| {
            decide(
                &s.actor,
                &Action::ManageEvents {
                    area: *area,
                    responsible: None,
                },
            )
            .is_allowed()
        })
        .collect()
}

pub async fn list(
    State(state): State<AppState>,
    session: Option<Extension<Session>>,
    page: Page,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let s = session.as_ref().map(|Extension(s)| s);
    if let Some(s) = s {
        s.require(&Action::ViewEvents)?;
    }
    let all = sees_all(s);
    let now = db::now();
    let past = q.past == "1";
    let mut events: Vec<Event> = store::list(&state.db, all)
        .await?
        .into_iter()
        .filter(|e| (e.ends_at < now) == past)
        .filter(|e| q.kind.is_empty() || e.kind == q.kind)
        .filter(|e| {
            q.phenomenon.is_empty() || e.phenomenon_codes().contains(&q.phenomenon.as_str())
        })
        .collect();
    if past {
        events.reverse();
    }
    let lang = page.lang.code();
    let phen = crate::taxonomy::cache::phenomena(&state)
        .all(&state.db)
        .await?;
    let mut series: Vec<Series> = Vec::new();
    let mut rows = Vec::new();
    for e in &events {
        if e.series.is_empty() {
            rows.push(row(&page, e));
        } else if let Some(sr) = series.iter_mut().find(|x| x.name == e.series) {
            sr.rows.push(row(&page, e));
        } else {
            series.push(Series {
                name: e.series.clone(),
                rows: vec![row(&page, e)],
            });
        }
    }
    Ok(render(&ListView {
        past,
        rows,
        series,
        kinds: Kind::ALL
            .iter()
            .map(|k| Choice {
                value: k.key().into(),
                label: kind_name(&page, k.key()),
            })
            .collect(),
        phenomena: phen
            .iter()
            .filter(|p| p.active != 0)
            .map(|p| Choice {
                value: p.code.clone(),
                label: p.name(lang).to_owned(),
            })
            .collect(),
        kind: q.kind,
        phenomenon: q.phenomenon,
        may_create: s.is_some_and(|s| !creatable_areas(s).is_empty()),
        signed_in: all,
        page,
    }))
}

/// The viewer's own registration, as the page tells it.
pub struct Mine {
    pub registered: bool,
    pub waitlist: Option<usize>,
    pub attended: bool,
}

#[derive(Template)]
#[template(path = "events/show.html")]
pub struct ShowView {
    pub page: Page,
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub when: String,
    pub start_iso: String,
    pub place: String,
    pub organiser: String,
    pub responsible: String,
    pub area: String,
    pub series: String,
    pub series_rows: Vec<Row>,
    pub paragraphs: Vec<String>,
    pub phenomena: Vec<String>,
    pub seats: String,
    pub capacity: i64,
    pub cancelled: bool,
    pub past: bool,
    pub professionals_only: bool,
    /// Why registration is closed (empty: open).
    pub closed: String,
    pub deadline: String,
    /// Shown to registered participants and organisers only.
    pub online_url: String,
    pub recording_url: String,
    pub signed_in: bool,
    pub may_register: bool,
    pub mine: Option<Mine>,
    pub may_manage: bool,
    pub may_mark: bool,
    /// The knowledge bank's item of its recording and materials.
    pub knowledge_item_id: Option<i64>,
    /// The organiser may make that item now (the event is over, none yet).
    pub may_link_knowledge: bool,
    /// The outside participant's form (a refused one comes back).
    pub signup: super::registration::SignupPost,
    pub errors: FieldErrors,
}

pub fn paragraphs(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

pub fn manage_action(e: &Event) -> Action<'_> {
    Action::ManageEvents {
        area: e.area_code.as_deref(),
        responsible: e.responsible_id.map(otalusta_domain::ids::UserId),
    }
}

pub async fn show(
    State(state): State<AppState>,
    session: Option<Extension<Session>>,
    page: Page,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let s = session.as_ref().map(|Extension(s)| s);
    let e = visible_event(&state, s, id).await?;
    Ok(render(&show_view(&state, s, page, e).await?))
}

pub async fn show_view(
    state: &AppState,
    s: Option<&Session>,
    page: Page,
    e: Event,
) -> AppResult<ShowView> {
    let lang = page.lang.code();
    let now = super::now();
    let all = sees_all(s);
    let phen = crate::taxonomy::cache::phenomena(state)
        .all(&state.db)
        .await?;
    let codes = e.phenomenon_codes();
    let may_register = s.is_some_and(|s| decide(&s.actor, &Action::RegisterForEvent).is_allowed());
    let may_manage = s.is_some_and(|s| decide(&s.actor, &manage_action(&e)).is_allowed());
    // The bank's item of its recording, once the reader may read it.
    let readable_item = match e.knowledge_item_id {
        Some(k) => crate::knowledge::store::get(&state.db, k)
            .await?
            .filter(|i| {
                i.published_version.is_some()
                    && i.state != otalusta_domain::knowledge::State::Archived
                    && i.visibility.readable_by(crate::knowledge::reader(s))
            })
            .map(|i| i.id),
        None => None,
    };
    let mine = match s {
        Some(s) if may_register => {
            match store::registration_of(&state.db, e.id, s.actor.user_id.0).await? {
                Some(r) if r.status == "registered" => Some(Mine {
                    registered: true,
                    waitlist: None,
                    attended: r.attended != 0,
                }),
                Some(r) if r.status == "waitlist" => Some(Mine {
                    registered: false,
                    waitlist: otalusta_domain::events::waitlist_position(
                        r.id,
                        &store::waitlist(&state.db, e.id).await?,
                    ),
                    attended: false,
                }),
                _ => None,
            }
        }
        _ => None,
    };
    let registered = mine.as_ref().is_some_and(|m| m.registered);
    let series_rows = if e.series.is_empty() {
        Vec::new()
    } else {
        store::list(&state.db, all)
            .await?
            .iter()
            .filter(|x| x.series == e.series && x.id != e.id)
            .map(|x| row(&page, x))
            .collect()
    };
    let past = e.end() < now;
    Ok(ShowView {
        id: e.id,
        title: e.title.clone(),
        kind: kind_name(&page, &e.kind),
        when: when(page.lang, &e),
        start_iso: e
            .start()
            .to_zoned_datetime(helsinki())
            .strftime("%Y-%m-%dT%H:%M:%S%:z")
            .to_string(),
        place: place_text(&page, &e),
        organiser: e.organiser.clone(),
        responsible: if s.is_some() {
            e.responsible_name.clone().unwrap_or_default()
        } else {
            String::new()
        },
        area: e
            .area_code
            .as_deref()
            .and_then(otalusta_domain::region::area)
            .map(|a| a.name(lang).to_owned())
            .unwrap_or_else(|| page.t("events-national")),
        series: e.series.clone(),
        series_rows,
        paragraphs: paragraphs(&e.description),
        phenomena: phen
            .iter()
            .filter(|p| codes.contains(&p.code.as_str()))
            .map(|p| p.name(lang).to_owned())
            .collect(),
        seats: seats_text(&page, &e),
        capacity: e.capacity,
        cancelled: e.is_cancelled(),
        past,
        professionals_only: !e.is_public(),
        closed: match e.registration_state(now) {
            Ok(()) => String::new(),
            Err(c) => page.t(c.key()),
        },
        deadline: e
            .registration_deadline
            .as_deref()
            .map(|d| page.timestamp(d))
            .unwrap_or_default(),
        online_url: if (registered || may_manage) && !e.is_cancelled() {
            e.online_url.clone()
        } else {
            String::new()
        },
        recording_url: if past {
            e.recording_url.clone()
        } else {
            String::new()
        },
        signed_in: s.is_some(),
        may_register,
        may_mark: may_manage,
        knowledge_item_id: readable_item,
        may_link_knowledge: may_manage && past && e.knowledge_item_id.is_none(),
        mine,
        may_manage,
        signup: Default::default(),
        errors: FieldErrors::new(),
        page,
    })
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct EventPost {
    pub kind: String,
    pub series: String,
    pub title: String,
    pub description: String,
    pub starts: String,
    pub ends: String,
    pub place: String,
    pub online_url: String,
    pub organiser: String,
    pub responsible: String,
    pub area: String,
    pub phenomena: Vec<String>,
    pub capacity: String,
    pub registration_open: String,
    pub deadline: String,
    pub visibility: String,
    pub recording_url: String,
}

#[derive(Template)]
#[template(path = "events/form.html")]
pub struct FormView {
    pub page: Page,
    /// None: a new event.
    pub id: Option<i64>,
    pub input: EventPost,
    pub errors: FieldErrors,
    pub kinds: Vec<Choice>,
    pub areas: Vec<Choice>,
    pub visibilities: Vec<Choice>,
    pub phenomena: Vec<(Choice, bool)>,
    pub open_checked: bool,
}

async fn form_view(
    state: &AppState,
    s: &Session,
    page: Page,
    id: Option<i64>,
    input: EventPost,
    errors: FieldErrors,
) -> AppResult<FormView> {
    let lang = page.lang.code();
    let phen = crate::taxonomy::cache::phenomena(state)
        .all(&state.db)
        .await?;
    let mut areas: Vec<Choice> = creatable_areas(s)
        .into_iter()
        .map(|a| Choice {
            value: a.unwrap_or("").to_owned(),
            label: match a.and_then(otalusta_domain::region::area) {
                Some(x) => x.name(lang).to_owned(),
                None => page.t("events-national"),
            },
        })
        .collect();
    // An event's own area stays choosable for its responsible person.
    if !areas.iter().any(|c| c.value == input.area) {
        areas.insert(
            0,
            Choice {
                value: input.area.clone(),
                label: otalusta_domain::region::area(&input.area)
                    .map(|a| a.name(lang).to_owned())
                    .unwrap_or_else(|| page.t("events-national")),
            },
        );
    }
    Ok(FormView {
        id,
        kinds: Kind::ALL
            .iter()
            .map(|k| Choice {
                value: k.key().into(),
                label: kind_name(&page, k.key()),
            })
            .collect(),
        visibilities: ["public", "professionals"]
            .iter()
            .map(|v| Choice {
                value: (*v).into(),
                label: page.t(&format!("events-visibility-{v}")),
            })
            .collect(),
        phenomena: phen
            .iter()
            .filter(|p| p.active != 0 || input.phenomena.contains(&p.code))
            .map(|p| {
                (
                    Choice {
                        value: p.code.clone(),
                        label: p.name(lang).to_owned(),
                    },
                    input.phenomena.contains(&p.code),
                )
            })
            .collect(),
        open_checked: input.registration_open == "1",
        areas,
        input,
        errors,
        page,
    })
}

/// A stored UTC time as a `datetime-local` value in Helsinki.
fn local_input(stored: &str) -> String {
    db::parse_timestamp(stored)
        .map(|t| {
            t.to_zoned_datetime(helsinki())
                .strftime("%Y-%m-%dT%H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// A `datetime-local` value (Helsinki) as a timestamp.
pub fn parse_local(s: &str) -> Option<jiff::Timestamp> {
    let dt: jiff::civil::DateTime = s.trim().parse().ok()?;
    dt.to_zoned_datetime(helsinki()).ok().map(|z| z.timestamp())
}

pub async fn new_form(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
) -> AppResult<Response> {
    let areas = creatable_areas(&s);
    let Some(first) = areas.iter().find(|a| a.is_some()).or(areas.first()) else {
        return Err(AppError::Forbidden);
    };
    let input = EventPost {
        kind: "webinar".into(),
        area: first.unwrap_or("").to_owned(),
        capacity: "50".into(),
        registration_open: "1".into(),
        visibility: "public".into(),
        ..EventPost::default()
    };
    Ok(render(
        &form_view(&state, &s, page, None, input, FieldErrors::new()).await?,
    ))
}

/// Checks a posted form; the checked event or every field's problem.
async fn check(
    state: &AppState,
    s: &Session,
    input: &EventPost,
) -> AppResult<Result<EventInput, FieldErrors>> {
    let mut errors = FieldErrors::new();
    if Kind::parse(&input.kind).is_none() {
        errors.add("kind", "field-choose");
    }
    let title = input.title.trim();
    if title.is_empty() {
        errors.add("title", "field-required");
    } else if title.chars().count() > 200 {
        errors.add("title", "events-error-too-long-text");
    }
    if input.description.chars().count() > 10_000 || input.series.chars().count() > 200 {
        errors.add("description", "events-error-too-long-text");
    }
    let starts = parse_local(&input.starts);
    let ends = parse_local(&input.ends);
    if starts.is_none() {
        errors.add("starts", "events-error-time");
    }
    if ends.is_none() {
        errors.add("ends", "events-error-time");
    }
    let deadline = if input.deadline.trim().is_empty() {
        None
    } else {
        match parse_local(&input.deadline) {
            Some(d) => Some(d),
            None => {
                errors.add("deadline", "events-error-time");
                None
            }
        }
    };
    if let (Some(a), Some(b)) = (starts, ends) {
        for (field, code) in check_times(a, b, deadline) {
            errors.add(field, code);
        }
    }
    if input.place.trim().is_empty() && input.online_url.trim().is_empty() {
        errors.add("place", "events-error-place");
    }
    if !input.online_url.trim().is_empty() && !plausible_url(&input.online_url) {
        errors.add("online_url", "events-error-url");
    }
    if !input.recording_url.trim().is_empty() && !plausible_url(&input.recording_url) {
        errors.add("recording_url", "events-error-url");
    }
    let capacity = input
        .capacity
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|c| (1..=100_000).contains(c));
    if capacity.is_none() {
        errors.add("capacity", "events-error-capacity");
    }
    if Visibility::parse(&input.visibility).is_none() {
        errors.add("visibility", "field-choose");
    }
    let area = Some(input.area.trim()).filter(|a| !a.is_empty());
    if area.is_some_and(|a| otalusta_domain::region::area(a).is_none()) {
        errors.add("area", "field-choose");
    }
    let all = crate::taxonomy::cache::phenomena(state)
        .all(&state.db)
        .await?;
    if input
        .phenomena
        .iter()
        .any(|c| !all.iter().any(|p| &p.code == c))
    {
        errors.add("phenomena", "field-choose");
    }
    let responsible = if input.responsible.trim().is_empty() {
        Some(s.actor.user_id.0)
    } else {
        let found: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM users WHERE username = $1 AND disabled = 0")
                .bind(input.responsible.trim())
                .fetch_optional(state.db.pool())
                .await?;
        if found.is_none() {
            errors.add("responsible", "events-error-user");
        }
        found.map(|(id,)| id)
    };
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    Ok(Ok(EventInput {
        kind: input.kind.clone(),
        series: input.series.trim().to_owned(),
        title: title.to_owned(),
        description: input.description.trim().to_owned(),
        starts_at: db::timestamp(starts.unwrap_or_default()),
        ends_at: db::timestamp(ends.unwrap_or_default()),
        place: input.place.trim().to_owned(),
        online_url: input.online_url.trim().to_owned(),
        organiser: input.organiser.trim().to_owned(),
        responsible_id: responsible,
        area_code: area.map(str::to_owned),
        phenomena: input.phenomena.join(","),
        capacity: capacity.unwrap_or(1),
        registration_open: input.registration_open == "1",
        registration_deadline: deadline.map(db::timestamp),
        visibility: input.visibility.clone(),
        recording_url: input.recording_url.trim().to_owned(),
    }))
}

pub async fn create(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    CsrfForm(input): CsrfForm<EventPost>,
) -> AppResult<Response> {
    let area = Some(input.area.trim()).filter(|a| !a.is_empty());
    if creatable_areas(&s).is_empty() {
        return Err(AppError::Forbidden);
    }
    let role = s.require(&Action::ManageEvents {
        area,
        responsible: None,
    })?;
    let checked = match check(&state, &s, &input).await? {
        Ok(c) => c,
        Err(errors) => {
            return Ok(render_invalid(
                &form_view(&state, &s, page, None, input, errors).await?,
            ));
        }
    };
    let mut tx = state.db.begin().await?;
    let id = store::create(&mut tx, &checked, s.actor.user_id.0).await?;
    audit::store::append(
        &mut tx,
        log_event(
            &ctx,
            Some(&s),
            Some(role),
            "event.create",
            ("event", id),
            Outcome::Success,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/events/{id}?done=events-saved")).into_response())
}

/// Loads an event its manager may change; a refusal is logged.
async fn managed(
    state: &AppState,
    s: &Session,
    ctx: &crate::core::web::ReqCtx,
    id: i64,
    log_as: &str,
) -> AppResult<(Event, Role)> {
    let e = store::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    match decide(&s.actor, &manage_action(&e)) {
        otalusta_domain::policy::Decision::Allow(role) => Ok((e, role)),
        otalusta_domain::policy::Decision::Deny => {
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
            // A professionals-only event stays unknown to those who may not see it.
            if !e.is_public() && !sees_all(Some(s)) {
                return Err(AppError::NotFound);
            }
            Err(AppError::Forbidden)
        }
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (e, _) = managed(&state, &s, &ctx, id, "event.edit").await?;
    let responsible: Option<(String,)> = match e.responsible_id {
        Some(r) => {
            sqlx::query_as("SELECT username FROM users WHERE id = $1")
                .bind(r)
                .fetch_optional(state.db.pool())
                .await?
        }
        None => None,
    };
    let input = EventPost {
        kind: e.kind.clone(),
        series: e.series.clone(),
        title: e.title.clone(),
        description: e.description.clone(),
        starts: local_input(&e.starts_at),
        ends: local_input(&e.ends_at),
        place: e.place.clone(),
        online_url: e.online_url.clone(),
        organiser: e.organiser.clone(),
        responsible: responsible.map(|(u,)| u).unwrap_or_default(),
        area: e.area_code.clone().unwrap_or_default(),
        phenomena: e
            .phenomenon_codes()
            .iter()
            .map(|c| (*c).to_owned())
            .collect(),
        capacity: e.capacity.to_string(),
        registration_open: if e.registration_open != 0 { "1" } else { "" }.into(),
        deadline: e
            .registration_deadline
            .as_deref()
            .map(local_input)
            .unwrap_or_default(),
        visibility: e.visibility.clone(),
        recording_url: e.recording_url.clone(),
    };
    Ok(render(
        &form_view(&state, &s, page, Some(id), input, FieldErrors::new()).await?,
    ))
}

pub async fn update(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<EventPost>,
) -> AppResult<Response> {
    let (e, role) = managed(&state, &s, &ctx, id, "event.update").await?;
    let mut checked = match check(&state, &s, &input).await? {
        Ok(c) => c,
        Err(errors) => {
            return Ok(render_invalid(
                &form_view(&state, &s, page, Some(id), input, errors).await?,
            ));
        }
    };
    // Moving it to another area needs the powers there too.
    if checked.area_code != e.area_code {
        s.require(&Action::ManageEvents {
            area: checked.area_code.as_deref(),
            responsible: None,
        })?;
    }
    if input.responsible.trim().is_empty() {
        checked.responsible_id = e.responsible_id;
    }
    let mut tx = state.db.begin().await?;
    let ev = store::lock(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if checked.capacity < ev.seats_taken {
        tx.rollback().await?;
        let mut errors = FieldErrors::new();
        errors.add("capacity", "events-error-capacity-below-taken");
        return Ok(render_invalid(
            &form_view(&state, &s, page, Some(id), input, errors).await?,
        ));
    }
    let moved = store::update(&mut tx, id, &checked).await?;
    let ev = store::lock(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    for r in &moved {
        super::mail::tell(&state, &mut tx, r, &ev, super::mail::Kind::Promoted, None).await?;
    }
    audit::store::append(
        &mut tx,
        log_event(
            &ctx,
            Some(&s),
            Some(role),
            "event.update",
            ("event", id),
            Outcome::Success,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/events/{id}?done=events-saved")).into_response())
}

pub async fn cancel(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let (_, role) = managed(&state, &s, &ctx, id, "event.cancel").await?;
    let mut tx = state.db.begin().await?;
    let ev = store::lock(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if !ev.is_cancelled() {
        let told = store::cancel(&mut tx, id).await?;
        for r in &told {
            super::mail::tell(
                &state,
                &mut tx,
                r,
                &ev,
                super::mail::Kind::EventCancelled,
                None,
            )
            .await?;
        }
    }
    audit::store::append(
        &mut tx,
        log_event(
            &ctx,
            Some(&s),
            Some(role),
            "event.cancel",
            ("event", id),
            Outcome::Success,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/events/{id}?done=events-cancelled")).into_response())
}
