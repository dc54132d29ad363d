//! Writing and reviewing: the editor (each save a new version; a page
//! older than the newest version is refused with the typed text kept), the
//! workflow's steps, and the writer's and reviewer's own list.

use super::store::{self, Draft, Listed};
use super::views::{self, Card, Choice};
use super::{edit_action, load_for_work, log_event, may_review, today};
use crate::audit;
use crate::auth::{Ctx, CurrentUser, Session};
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::forms::CsrfForm;
use crate::core::page::{Page, render, render_invalid};
use crate::core::web::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use otalusta_domain::ids::UserId;
use otalusta_domain::knowledge::{
    AGE_BANDS, Evidence, Kind, KnowledgeForm, Parsed, State as ItemState, Step, Visibility,
    step as next_state, to_be_checked,
};
use otalusta_domain::policy::{Action, decide};
use otalusta_domain::region::Sector;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "knowledge/form.html")]
pub struct FormView {
    pub page: Page,
    pub id: Option<i64>,
    pub input: KnowledgeForm,
    pub expected: i64,
    pub errors: FieldErrors,
    pub conflict: bool,
    /// Saving takes the item out of review (a new version is reviewed anew).
    pub in_review: bool,
    pub kinds: Vec<Choice>,
    pub visibilities: Vec<Choice>,
    pub evidence: Vec<(Choice, String)>,
    pub phenomena: Vec<Choice>,
    pub age_bands: Vec<Choice>,
    pub sectors: Vec<Choice>,
}

impl FormView {
    pub fn has(&self, list: &str, value: &str) -> bool {
        let l = match list {
            "phenomena" => &self.input.phenomena,
            "age_bands" => &self.input.age_bands,
            _ => &self.input.sectors,
        };
        l.iter().any(|v| v == value)
    }

    pub fn action(&self) -> String {
        match self.id {
            Some(id) => format!("/knowledge/{id}/edit"),
            None => "/knowledge".into(),
        }
    }
}

async fn form_view(
    state: &AppState,
    page: Page,
    id: Option<i64>,
    input: KnowledgeForm,
    expected: i64,
    errors: FieldErrors,
) -> AppResult<FormView> {
    let taxonomy = crate::taxonomy::cache::phenomena(state)
        .all(&state.db)
        .await?;
    let choice = |value: &str, label: String| Choice {
        value: value.into(),
        label,
    };
    Ok(FormView {
        kinds: Kind::ALL
            .iter()
            .map(|k| choice(k.key(), views::kind_name(&page, *k)))
            .collect(),
        visibilities: Visibility::ALL
            .iter()
            .map(|v| {
                choice(
                    v.key(),
                    page.t(&format!("knowledge-visibility-{}", v.key())),
                )
            })
            .collect(),
        evidence: Evidence::ALL
            .iter()
            .map(|e| {
                (
                    choice(e.key(), views::evidence_name(&page, *e)),
                    views::evidence_meaning(&page, *e),
                )
            })
            .collect(),
        phenomena: taxonomy
            .iter()
            .filter(|p| p.active != 0)
            .map(|p| choice(&p.code, p.name(page.lang.code()).to_owned()))
            .collect(),
        age_bands: AGE_BANDS
            .iter()
            .map(|a| choice(a, views::age_name(&page, a)))
            .collect(),
        sectors: Sector::ALL
            .iter()
            .map(|s| choice(s.as_str(), views::sector_name(&page, s.as_str())))
            .collect(),
        id,
        input,
        expected,
        conflict: false,
        in_review: false,
        errors,
        page,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewQuery {
    pub kind: String,
}

pub async fn new_form(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
    Query(q): Query<NewQuery>,
) -> AppResult<Response> {
    s.require(&Action::WriteKnowledge)?;
    let input = KnowledgeForm {
        kind: q
            .kind
            .parse::<Kind>()
            .map(|k| k.key().to_owned())
            .unwrap_or_else(|_| "method".into()),
        visibility: "professionals".into(),
        ..Default::default()
    };
    Ok(render(
        &form_view(&state, page, None, input, 0, FieldErrors::new()).await?,
    ))
}

/// The version a checked form makes.
fn draft<'a>(parsed: &'a Parsed, form: &'a KnowledgeForm) -> Draft<'a> {
    Draft {
        kind: parsed.kind,
        visibility: parsed.visibility,
        content: &parsed.content,
        review_by: parsed.review_by,
        note: form.note.trim(),
    }
}

async fn parse(
    state: &AppState,
    f: &KnowledgeForm,
) -> AppResult<Result<otalusta_domain::knowledge::Parsed, FieldErrors>> {
    let taxonomy = crate::taxonomy::cache::phenomena(state)
        .all(&state.db)
        .await?;
    let known: Vec<&str> = taxonomy.iter().map(|p| p.code.as_str()).collect();
    Ok(f.parse(&known, today()).map_err(|p| {
        let mut e = FieldErrors::new();
        for (field, code) in p {
            e.add(field, code);
        }
        e
    }))
}

pub async fn create(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    CsrfForm(form): CsrfForm<KnowledgeForm>,
) -> AppResult<Response> {
    let role = s.require(&Action::WriteKnowledge)?;
    let parsed = match parse(&state, &form).await? {
        Ok(x) => x,
        Err(errors) => {
            let v = form_view(&state, page, None, form, 0, errors).await?;
            return Ok(render_invalid(&v));
        }
    };
    // A coordinator's item belongs to her area; others' are national.
    let area = s.actor.coordinated_areas().next().map(str::to_owned);
    let mut tx = state.db.begin().await?;
    let id = store::create(
        &mut tx,
        &draft(&parsed, &form),
        area.as_deref(),
        s.actor.user_id,
    )
    .await?;
    audit::store::append(&mut tx, log_event(&ctx, &s, role, "knowledge.create", id)).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/knowledge/{id}?done=knowledge-draft-saved")).into_response())
}

pub async fn edit_form(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let item = load_for_work(&state, &s, id).await?;
    s.require(&edit_action(&item))?;
    if !item.state.editable() {
        return Err(AppError::Conflict("knowledge-archived"));
    }
    let v = store::version(&state.db, id, item.current_version)
        .await?
        .ok_or(AppError::NotFound)?;
    let input = KnowledgeForm::from_content(v.kind, v.visibility, &v.content, item.review_by);
    Ok(render(
        &form_view(
            &state,
            page,
            Some(id),
            input,
            item.current_version,
            FieldErrors::new(),
        )
        .await?,
    ))
}

pub async fn save(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<KnowledgeForm>,
) -> AppResult<Response> {
    let item = load_for_work(&state, &s, id).await?;
    let role = s.require(&edit_action(&item))?;
    let expected: i64 = form.expected.trim().parse().unwrap_or(-1);
    let parsed = match parse(&state, &form).await? {
        Ok(x) => x,
        Err(errors) => {
            let v = form_view(&state, page, Some(id), form, expected, errors).await?;
            return Ok(render_invalid(&v));
        }
    };
    let mut tx = state.db.begin().await?;
    let saved = store::save_version(
        &mut tx,
        id,
        expected,
        &draft(&parsed, &form),
        s.actor.user_id,
    )
    .await?;
    let Some(version) = saved else {
        tx.rollback().await?;
        // A colleague saved (or archived) after this page was loaded: keep
        // the typed text and say so, never overwrite theirs.
        let now = store::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
        let mut v = form_view(
            &state,
            page,
            Some(id),
            form,
            now.current_version,
            FieldErrors::new(),
        )
        .await?;
        v.conflict = true;
        let mut res = render(&v);
        *res.status_mut() = StatusCode::CONFLICT;
        return Ok(res);
    };
    let mut e = log_event(&ctx, &s, role, "knowledge.save", id);
    e.purpose = format!("knowledge version {version}");
    audit::store::append(&mut tx, e).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!(
        "/knowledge/{id}?version={version}&done=knowledge-draft-saved"
    ))
    .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StepPost {
    pub step: String,
    pub expected: i64,
    pub comment: String,
}

pub async fn step(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path(id): Path<i64>,
    CsrfForm(p): CsrfForm<StepPost>,
) -> AppResult<Response> {
    let item = load_for_work(&state, &s, id).await?;
    let step: Step = p
        .step
        .parse()
        .map_err(|_| AppError::BadRequest("knowledge-step-unknown"))?;
    if p.expected != item.current_version {
        return Err(AppError::Conflict("knowledge-moved-on"));
    }
    let version = store::version(&state.db, id, item.current_version)
        .await?
        .ok_or(AppError::NotFound)?;
    // Reviewing is a second person's; the rest is the editors'.
    let author = super::review_author(&state, &s, &item, version.author_id).await?;
    let is_author = author == s.actor.user_id.0;
    let role = match step {
        Step::Approve | Step::Return => s.require(&Action::ReviewKnowledge {
            author: UserId(author),
        }),
        _ => s.require(&edit_action(&item)),
    };
    let role = match role {
        Ok(r) => r,
        Err(_) if step == Step::Approve && is_author => {
            return Err(AppError::Refused {
                kind: "knowledge-self-review",
                message_key: "knowledge-self-review",
            });
        }
        Err(e) => return Err(e),
    };
    let to = next_state(item.state, step, is_author, &p.comment).map_err(|e| match e {
        otalusta_domain::knowledge::WorkflowError::CommentRequired => {
            AppError::Invalid(FieldErrors::from_pairs(&[("comment", e.key())]))
        }
        _ => AppError::Conflict(e.key()),
    })?;
    let mut tx = state.db.begin().await?;
    let took = store::take_step(
        &mut tx,
        id,
        item.current_version,
        item.state,
        to,
        step,
        s.actor.user_id,
        p.comment.trim(),
    )
    .await?;
    if !took {
        tx.rollback().await?;
        return Err(AppError::Conflict("knowledge-moved-on"));
    }
    audit::store::append(
        &mut tx,
        log_event(&ctx, &s, role, &format!("knowledge.{}", step.key()), id),
    )
    .await?;
    // The owner hears of a review's outcome (a link only).
    if matches!(step, Step::Approve | Step::Return) && item.owner_id != s.actor.user_id.0 {
        crate::notify::enqueue(
            &mut tx,
            UserId(item.owner_id),
            "knowledge",
            &format!("/knowledge/{id}"),
        )
        .await?;
    }
    tx.commit().await?;
    let at = if to == ItemState::Published {
        format!("/knowledge/{id}?done=knowledge-{}", step.key())
    } else {
        format!(
            "/knowledge/{id}?version={}&done=knowledge-{}",
            item.current_version,
            step.key()
        )
    };
    Ok(Redirect::to(&at).into_response())
}

#[derive(Template)]
#[template(path = "knowledge/manage.html")]
pub struct ManageView {
    pub page: Page,
    pub mine: Vec<Card>,
    pub to_review: Vec<Card>,
    pub to_check: Vec<Card>,
    pub may_write: bool,
    pub may_send_newsletter: bool,
}

fn is_mine_to_check(s: &Session, l: &Listed) -> bool {
    to_be_checked(l.item.review_by, today()) && decide(&s.actor, &edit_action(&l.item)).is_allowed()
}

/// Omat: the caller's items (those to be checked first), what waits for
/// their review, and — for coordinators — every item of theirs past its
/// review date.
pub async fn manage(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
) -> AppResult<Response> {
    let may_write = decide(&s.actor, &Action::WriteKnowledge).is_allowed();
    if !may_write && !may_review(&s, 0) {
        return Err(AppError::Forbidden);
    }
    let taxonomy = crate::taxonomy::cache::phenomena(&state)
        .all(&state.db)
        .await?;
    let mut owned = store::owned_by(&state.db, s.actor.user_id).await?;
    owned.sort_by_key(|l| !to_be_checked(l.item.review_by, today()));
    let mine = owned
        .iter()
        .map(|l| views::card(&page, l, &taxonomy))
        .collect();
    let mut to_review = Vec::new();
    for l in store::in_review(&state.db).await? {
        let author = match store::version(&state.db, l.item.id, l.version).await? {
            Some(v) => Some(super::review_author(&state, &s, &l.item, v.author_id).await?),
            None => None,
        };
        if author.is_some_and(|a| may_review(&s, a)) {
            to_review.push(views::card(&page, &l, &taxonomy));
        }
    }
    let to_check = store::all_current(&state.db)
        .await?
        .iter()
        .filter(|l| l.item.owner_id != s.actor.user_id.0 && is_mine_to_check(&s, l))
        .map(|l| views::card(&page, l, &taxonomy))
        .collect();
    Ok(render(&ManageView {
        mine,
        to_review,
        to_check,
        may_write,
        may_send_newsletter: decide(&s.actor, &Action::ManageNewsletter).is_allowed(),
        page,
    }))
}
