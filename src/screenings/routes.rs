//! The screening pages: the list, starting one, filling it as a team, its
//! result, finishing and reopening.

use super::store::{self, Screening};
use super::views::{self, ResultView, SectionView};
use super::{authorize, log_event};
use crate::audit;
use crate::auth::{Ctx, CurrentUser, Session};
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::forms::{CsrfForm, one, pairs_to_map};
use crate::core::page::{Page, render, render_invalid};
use crate::core::web::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use otalusta_domain::audit::Outcome;
use otalusta_domain::ids::UserId;
use otalusta_domain::policy::{Action, decide};
use otalusta_domain::role::Role;
use otalusta_domain::screening::check_comment;
use otalusta_domain::screening::evaluate::{Evaluation, Given, evaluate};
use otalusta_domain::screening::instrument::{Instrument, ItemKind};
use serde::Deserialize;
use std::collections::HashMap;

pub struct Row {
    /// Open, and the viewer has not answered yet.
    pub awaits_me: bool,
    pub id: i64,
    pub started: String,
    pub owner: String,
    pub age_band: String,
    pub status: String,
    pub outcome: String,
}

#[derive(Template)]
#[template(path = "screenings/list.html")]
pub struct ListView {
    pub page: Page,
    pub rows: Vec<Row>,
    pub may_edit_instrument: bool,
}

fn age_text(page: &Page, band: &str) -> String {
    let form = otalusta_domain::questionnaire::default_form();
    form.item("age_band")
        .map(|i| i.choice_label(band, page.lang.code()))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| page.t("screening-age-unknown"))
}

pub async fn list(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
) -> AppResult<Response> {
    let role = s.require(&Action::Screen)?;
    let all = store::of_user(&state.db, s.actor.user_id).await?;
    log_shown(&state, &s, &ctx, role, "screening.list", &all).await?;
    let answered = store::answered_by(&state.db, s.actor.user_id).await?;
    let rows = all
        .iter()
        .map(|x| Row {
            awaits_me: x.is_open() && !answered.contains(&x.id),
            id: x.id,
            started: page.day(&x.created_at),
            owner: x.owner_name.clone(),
            age_band: age_text(&page, &x.age_band),
            status: page.t(if x.is_open() {
                "screening-status-open"
            } else {
                "screening-status-done"
            }),
            outcome: views::outcome_text(&page, x.outcome.as_deref()),
        })
        .collect();
    Ok(render(&ListView {
        may_edit_instrument: super::editor::editable_area(&s).is_some(),
        page,
        rows,
    }))
}

/// A page that shows the screening again (a refused form, a stale
/// finish) is a read like any other.
async fn log_view(
    state: &AppState,
    s: &Session,
    ctx: &crate::core::web::ReqCtx,
    role: Role,
    id: i64,
) -> AppResult<()> {
    audit::store::record(
        &state.db,
        log_event(ctx, s, Some(role), "screening.view", id, Outcome::Success),
    )
    .await?;
    Ok(())
}

/// One access-log entry per screening a view names.
pub async fn log_shown(
    state: &AppState,
    s: &Session,
    ctx: &crate::core::web::ReqCtx,
    role: Role,
    action: &str,
    shown: &[Screening],
) -> AppResult<()> {
    if shown.is_empty() {
        return Ok(());
    }
    let events = shown
        .iter()
        .map(|x| log_event(ctx, s, Some(role), action, x.id, Outcome::Success))
        .collect();
    let mut tx = state.db.begin().await?;
    audit::store::append_all(&mut tx, events).await?;
    tx.commit().await?;
    Ok(())
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct NewPost {
    pub age_band: String,
    pub language: String,
}

#[derive(Template)]
#[template(path = "screenings/new.html")]
pub struct NewView {
    pub page: Page,
    pub input: NewPost,
    pub errors: FieldErrors,
    pub ages: Vec<(String, String)>,
    pub languages: Vec<(String, String)>,
    pub instrument_title: String,
    pub instrument_note: String,
}

async fn new_view(
    state: &AppState,
    s: &Session,
    page: Page,
    input: NewPost,
    errors: FieldErrors,
) -> AppResult<NewView> {
    let user = crate::auth::store::get_user(&state.db, s.actor.user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let v = store::current(&state.db, user.area_code.as_deref()).await?;
    let lang = page.lang.code();
    let form = otalusta_domain::questionnaire::default_form();
    let ages = form
        .item("age_band")
        .map(|i| {
            i.choices
                .iter()
                .map(|c| (c.key.clone(), c.label.get(lang).to_owned()))
                .collect()
        })
        .unwrap_or_default();
    let languages = ["fi", "sv", "en", "other"]
        .iter()
        .map(|l| ((*l).to_owned(), page.t(&format!("screening-language-{l}"))))
        .collect();
    Ok(NewView {
        instrument_title: v.instrument.title.get(lang).to_owned(),
        instrument_note: v.instrument.note.get(lang).to_owned(),
        page,
        input,
        errors,
        ages,
        languages,
    })
}

pub async fn new_form(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
) -> AppResult<Response> {
    s.require(&Action::Screen)?;
    let input = NewPost {
        language: page.lang.code().to_owned(),
        ..NewPost::default()
    };
    Ok(render(
        &new_view(&state, &s, page, input, FieldErrors::new()).await?,
    ))
}

pub async fn create(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    CsrfForm(input): CsrfForm<NewPost>,
) -> AppResult<Response> {
    let role = s.require(&Action::Screen)?;
    let mut errors = FieldErrors::new();
    let form = otalusta_domain::questionnaire::default_form();
    let age_ok = input.age_band.is_empty()
        || form
            .item("age_band")
            .is_some_and(|i| i.choices.iter().any(|c| c.key == input.age_band));
    if !age_ok {
        errors.add("age_band", "field-choose");
    }
    if !["fi", "sv", "en", "other"].contains(&input.language.as_str()) {
        errors.add("language", "field-choose");
    }
    if !errors.is_empty() {
        return Ok(render_invalid(
            &new_view(&state, &s, page, input, errors).await?,
        ));
    }
    let user = crate::auth::store::get_user(&state.db, s.actor.user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let v = store::current(&state.db, user.area_code.as_deref()).await?;
    let mut tx = state.db.begin().await?;
    let id = store::create(
        &mut tx,
        &store::New {
            instrument_id: v.id,
            owner: s.actor.user_id,
            area_code: user.area_code.as_deref(),
            organiser_code: user.organiser_code.as_deref(),
            age_band: &input.age_band,
            language: &input.language,
        },
    )
    .await?;
    audit::store::append(
        &mut tx,
        log_event(
            &ctx,
            &s,
            Some(role),
            "screening.create",
            id,
            Outcome::Success,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/screenings/{id}?done=screening-started")).into_response())
}

pub struct Member {
    pub name: String,
    pub organisation: String,
    pub comment: String,
    pub owner: bool,
}

#[derive(Template)]
#[template(path = "screenings/show.html")]
pub struct ShowView {
    pub page: Page,
    pub id: i64,
    pub started: String,
    pub owner_name: String,
    pub age_band: String,
    pub language: String,
    pub open: bool,
    pub is_owner: bool,
    pub instrument_title: String,
    pub instrument_note: String,
    pub version: i64,
    pub sections: Vec<SectionView>,
    pub comment: String,
    pub result: ResultView,
    pub members: Vec<Member>,
    pub errors: FieldErrors,
    pub invite_username: String,
    pub seen: String,
    pub requests: Vec<(i64, String)>,
    /// The result changed since the owner's page was loaded.
    pub changed_under: bool,
}

/// Everything the page needs; `posted` is a refused form's answers.
#[allow(clippy::too_many_arguments)]
async fn show_view(
    state: &AppState,
    s: &Session,
    page: Page,
    x: &Screening,
    posted: Option<(Given, String)>,
    errors: FieldErrors,
    invite_username: String,
    changed_under: bool,
) -> AppResult<ShowView> {
    let v = store::version(&state.db, x.instrument_id).await?;
    let views_ = store::views(state.db.pool(), x.id).await?;
    let participants = store::participants(&state.db, x.id).await?;
    let names = views::names(&participants);
    let (evaluation, frozen) = match x.frozen() {
        Some(e) => (e, true),
        None => (evaluate(&v.instrument, &views_), false),
    };
    let phen = phenomenon_names(state, &page).await?;
    let me = s.actor.user_id.0;
    let sections = views::sections(
        &page,
        &v.instrument,
        &views_,
        me,
        posted.as_ref().map(|p| &p.0),
        &names,
        &evaluation.differing,
    );
    let result = views::result(&page, &v.instrument, &evaluation, &names, &phen, frozen);
    let comment = match &posted {
        Some((_, c)) => c.clone(),
        None => participants
            .iter()
            .find(|p| p.user_id == me)
            .map(|p| p.comment.clone())
            .unwrap_or_default(),
    };
    let members = participants
        .iter()
        .map(|p| Member {
            name: names.get(&p.user_id).cloned().unwrap_or_default(),
            organisation: match (&p.organisation, &p.sector) {
                (Some(o), Some(sec)) => format!("{o}, {}", page.t(&format!("sector-{sec}"))),
                (Some(o), None) => o.clone(),
                _ => String::new(),
            },
            comment: p.comment.clone(),
            owner: p.user_id == x.owner_id,
        })
        .collect();
    let lang = page.lang.code();
    Ok(ShowView {
        id: x.id,
        started: page.day(&x.created_at),
        owner_name: x.owner_name.clone(),
        age_band: age_text(&page, &x.age_band),
        language: page.t(&format!("screening-language-{}", x.language)),
        open: x.is_open(),
        is_owner: x.owner_id == me,
        instrument_title: v.instrument.title.get(lang).to_owned(),
        instrument_note: v.instrument.note.get(lang).to_owned(),
        version: v.version,
        sections,
        comment,
        result,
        members,
        errors,
        invite_username,
        seen: x.updated_at.clone(),
        requests: store::requests_from(&state.db, x.id).await?,
        changed_under,
        page,
    })
}

/// Phenomenon names by code in the page's language.
pub async fn phenomenon_names(state: &AppState, page: &Page) -> AppResult<HashMap<String, String>> {
    let all = crate::taxonomy::cache::phenomena(state)
        .all(&state.db)
        .await?;
    let lang = page.lang.code();
    Ok(all
        .iter()
        .map(|p| {
            let name = match lang {
                "sv" => &p.name_sv,
                "en" => &p.name_en,
                _ => &p.name_fi,
            };
            (p.code.clone(), name.clone())
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
    let a = authorize(&state, &s, &ctx, id, "screening.view", false).await?;
    audit::store::record(
        &state.db,
        log_event(
            &ctx,
            &s,
            Some(a.role),
            "screening.view",
            id,
            Outcome::Success,
        ),
    )
    .await?;
    let view = show_view(
        &state,
        &s,
        page,
        &a.screening,
        None,
        FieldErrors::new(),
        String::new(),
        false,
    )
    .await?;
    Ok(render(&view))
}

/// Reads the answers of a posted form (`q_KEY` fields) against the
/// instrument: unknown options are refused, a single answer takes one.
fn read_answers(
    i: &Instrument,
    posted: &HashMap<String, Vec<String>>,
    errors: &mut FieldErrors,
) -> Given {
    let mut given = Given::new();
    for item in i.items() {
        let field = format!("q_{}", item.key);
        let values: Vec<String> = posted
            .get(&field)
            .into_iter()
            .flatten()
            .filter(|v| !v.is_empty())
            .cloned()
            .collect();
        if values.is_empty() {
            continue;
        }
        let known = values.iter().all(|v| item.option(v).is_some());
        let count_ok = item.kind == ItemKind::MultipleChoice || values.len() == 1;
        if !known || !count_ok {
            errors.add(&field, "field-choose");
            continue;
        }
        let mut values = values;
        values.sort_by_key(|v| item.options.iter().position(|o| &o.key == v));
        values.dedup();
        given.insert(item.key.clone(), values);
    }
    given
}

/// Saves the caller's own answers and comment (each participant writes
/// only their own rows, so colleagues answering at once never overwrite
/// each other).
pub async fn answer(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let a = authorize(&state, &s, &ctx, id, "screening.answer", false).await?;
    let posted = pairs_to_map(pairs);
    let v = store::version(&state.db, a.screening.instrument_id).await?;
    let mut errors = FieldErrors::new();
    let given = read_answers(&v.instrument, &posted, &mut errors);
    let comment = one(&posted, "own_note").trim().to_owned();
    if let Err(p) = check_comment(&comment) {
        errors.add("own_note", p.key());
    }
    if !errors.is_empty() {
        log_view(&state, &s, &ctx, a.role, id).await?;
        let view = show_view(
            &state,
            &s,
            page,
            &a.screening,
            Some((given, comment)),
            errors,
            String::new(),
            false,
        )
        .await?;
        return Ok(render_invalid(&view));
    }
    let mut tx = state.db.begin().await?;
    let fresh = store::get_for_update(&mut tx, id, state.db.locks_rows())
        .await?
        .ok_or(AppError::NotFound)?;
    if !fresh.is_open() {
        tx.rollback().await?;
        return Err(AppError::Conflict("screening-finished"));
    }
    store::save_answers(&mut tx, id, s.actor.user_id, &given, &comment).await?;
    audit::store::append(
        &mut tx,
        log_event(
            &ctx,
            &s,
            Some(a.role),
            "screening.answer",
            id,
            Outcome::Success,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!(
        "/screenings/{id}?done=screening-answers-saved#result"
    ))
    .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InvitePost {
    pub username: String,
}

/// The owner adds a colleague of the team by user name.
pub async fn invite(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<InvitePost>,
) -> AppResult<Response> {
    let a = authorize(&state, &s, &ctx, id, "screening.invite", true).await?;
    let username = input.username.trim().to_owned();
    let mut errors = FieldErrors::new();
    let found = if username.is_empty() {
        errors.add("username", "field-required");
        None
    } else {
        store::account_by_name(&state.db, &username).await?
    };
    let target = match found {
        Some((uid, true)) => {
            let grants = crate::auth::store::grants_of(state.db.pool(), UserId(uid)).await?;
            let colleague = otalusta_domain::policy::Actor {
                user_id: UserId(uid),
                username: username.clone(),
                grants,
                secretary_of: Vec::new(),
                member_of: Vec::new(),
                county_groups: Vec::new(),
            };
            if decide(&colleague, &Action::Screen).is_allowed() {
                Some(uid)
            } else {
                errors.add("username", "screening-invite-not-professional");
                None
            }
        }
        Some((_, false)) | None if errors.is_empty() => {
            errors.add("username", "screening-invite-unknown");
            None
        }
        _ => None,
    };
    if !a.screening.is_open() {
        errors.add("username", "screening-finished");
    }
    let Some(uid) = target.filter(|_| errors.is_empty()) else {
        log_view(&state, &s, &ctx, a.role, id).await?;
        let view = show_view(
            &state,
            &s,
            page,
            &a.screening,
            None,
            errors,
            username,
            false,
        )
        .await?;
        return Ok(render_invalid(&view));
    };
    let mut tx = state.db.begin().await?;
    let added = store::add_participant(&mut tx, id, UserId(uid), Some(s.actor.user_id)).await?;
    if added {
        // A link only: never what the screening is about.
        crate::notify::enqueue(
            &mut tx,
            UserId(uid),
            "screening.invite",
            &format!("/screenings/{id}"),
        )
        .await?;
    }
    let mut e = log_event(
        &ctx,
        &s,
        Some(a.role),
        "screening.invite",
        id,
        Outcome::Success,
    );
    e.purpose = format!("screening; user {uid}");
    audit::store::append(&mut tx, e).await?;
    tx.commit().await?;
    let done = if added {
        "screening-invited"
    } else {
        "screening-already-member"
    };
    Ok(Redirect::to(&format!("/screenings/{id}?done={done}#team")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FinishPost {
    /// The screening's `updated_at` when the owner's page was loaded.
    pub seen: String,
}

/// Finishes the screening with its result frozen. If answers changed
/// since the owner loaded the page, the page is shown again with the new
/// result instead: nobody finishes on a result they did not see.
pub async fn finish(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<FinishPost>,
) -> AppResult<Response> {
    let a = authorize(&state, &s, &ctx, id, "screening.finish", true).await?;
    let v = store::version(&state.db, a.screening.instrument_id).await?;
    let mut tx = state.db.begin().await?;
    let fresh = store::get_for_update(&mut tx, id, state.db.locks_rows())
        .await?
        .ok_or(AppError::NotFound)?;
    if !fresh.is_open() {
        tx.rollback().await?;
        return Ok(Redirect::to(&format!("/screenings/{id}")).into_response());
    }
    if fresh.updated_at != input.seen {
        tx.rollback().await?;
        log_view(&state, &s, &ctx, a.role, id).await?;
        let view = show_view(
            &state,
            &s,
            page,
            &fresh,
            None,
            FieldErrors::new(),
            String::new(),
            true,
        )
        .await?;
        let mut res = render(&view);
        *res.status_mut() = axum::http::StatusCode::CONFLICT;
        return Ok(res);
    }
    let views_ = store::views(&mut *tx, id).await?;
    let e: Evaluation = evaluate(&v.instrument, &views_);
    if !e.complete() {
        // A provisional result is not finished: the required answers are
        // named on the page (never filled in for the team).
        tx.rollback().await?;
        log_view(&state, &s, &ctx, a.role, id).await?;
        let mut errors = FieldErrors::new();
        errors.add("result", "screening-finish-incomplete");
        let view = show_view(&state, &s, page, &fresh, None, errors, String::new(), false).await?;
        return Ok(render_invalid(&view));
    }
    store::finish(&mut tx, id, &e).await?;
    audit::store::append(
        &mut tx,
        log_event(
            &ctx,
            &s,
            Some(a.role),
            "screening.finish",
            id,
            Outcome::Success,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/screenings/{id}?done=screening-finished#result")).into_response())
}

pub async fn reopen(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<FinishPost>,
) -> AppResult<Response> {
    let a = authorize(&state, &s, &ctx, id, "screening.reopen", true).await?;
    let mut tx = state.db.begin().await?;
    store::reopen(&mut tx, id).await?;
    audit::store::append(
        &mut tx,
        log_event(
            &ctx,
            &s,
            Some(a.role),
            "screening.reopen",
            id,
            Outcome::Success,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/screenings/{id}?done=screening-reopened")).into_response())
}
