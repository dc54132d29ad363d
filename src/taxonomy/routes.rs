//! The taxonomy pages: everyone sees it; coordinators keep it.

use super::store::{self, PhenomenonRow};
use crate::audit;
use crate::auth::{Ctx, CurrentUser};
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::forms::CsrfForm;
use crate::core::page::{Page, render, render_invalid};
use crate::core::web::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use otalusta_domain::audit::Outcome;
use otalusta_domain::policy::{Action, decide};
use otalusta_domain::taxonomy::PhenomenonForm;

#[derive(Template)]
#[template(path = "taxonomy/list.html")]
pub struct ListView {
    pub page: Page,
    pub phenomena: Vec<PhenomenonRow>,
    pub may_edit: bool,
}

pub async fn list(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
) -> AppResult<Response> {
    s.require(&Action::ViewExperts)?;
    let phenomena = store::all(&state.db).await?;
    let may_edit = decide(&s.actor, &Action::EditTaxonomy).is_allowed();
    Ok(render(&ListView {
        page,
        phenomena,
        may_edit,
    }))
}

#[derive(Template)]
#[template(path = "taxonomy/form.html")]
pub struct FormView {
    pub page: Page,
    pub id: Option<i64>,
    pub input: PhenomenonForm,
    pub errors: FieldErrors,
}

fn refused(view: FormView) -> Response {
    render_invalid(&view)
}

pub async fn new_form(CurrentUser(s): CurrentUser, page: Page) -> AppResult<Response> {
    s.require(&Action::EditTaxonomy)?;
    Ok(render(&FormView {
        page,
        id: None,
        input: PhenomenonForm {
            active: "1".into(),
            ..PhenomenonForm::default()
        },
        errors: FieldErrors::new(),
    }))
}

pub async fn create(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    CsrfForm(input): CsrfForm<PhenomenonForm>,
) -> AppResult<Response> {
    let role = s.require(&Action::EditTaxonomy)?;
    let mut errors = FieldErrors::new();
    let d = match input.parse() {
        Ok(d) => Some(d),
        Err(p) => {
            errors = FieldErrors::from_pairs(&p);
            None
        }
    };
    if let Some(d) = &d
        && store::code_taken(&state.db, &d.code).await?
    {
        errors.add("code", "phenomenon-code-taken");
    }
    let (Some(d), true) = (d, errors.is_empty()) else {
        return Ok(refused(FormView {
            page,
            id: None,
            input,
            errors,
        }));
    };
    let mut tx = state.db.begin().await?;
    let id = store::create(&mut tx, &d).await?;
    let e = audit::event(
        &ctx,
        Some(&s),
        Some(role),
        "phenomenon.create",
        ("phenomenon", &id.to_string()),
        Outcome::Success,
    );
    audit::store::append(&mut tx, e).await?;
    tx.commit().await?;
    super::cache::phenomena(&state).forget();
    Ok(Redirect::to("/phenomena?done=phenomenon-saved").into_response())
}

pub async fn edit_form(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    s.require(&Action::EditTaxonomy)?;
    let p = store::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let input = PhenomenonForm {
        code: p.code,
        name_fi: p.name_fi,
        name_sv: p.name_sv,
        name_en: p.name_en,
        description_fi: p.description_fi,
        description_sv: p.description_sv,
        description_en: p.description_en,
        synonyms: p.synonyms,
        active: if p.active != 0 { "1" } else { "" }.into(),
    };
    Ok(render(&FormView {
        page,
        id: Some(id),
        input,
        errors: FieldErrors::new(),
    }))
}

pub async fn update(
    State(state): State<AppState>,
    axum::Extension(index): axum::Extension<std::sync::Arc<crate::experts::search::SearchIndex>>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(mut input): CsrfForm<PhenomenonForm>,
) -> AppResult<Response> {
    let role = s.require(&Action::EditTaxonomy)?;
    let existing = store::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    // The code is the phenomenon's identity: it never changes.
    input.code = existing.code;
    let d = match input.parse() {
        Ok(d) => d,
        Err(p) => {
            return Ok(refused(FormView {
                page,
                id: Some(id),
                input,
                errors: FieldErrors::from_pairs(&p),
            }));
        }
    };
    let mut tx = state.db.begin().await?;
    store::update(&mut tx, id, &d).await?;
    let e = audit::event(
        &ctx,
        Some(&s),
        Some(role),
        "phenomenon.update",
        ("phenomenon", &id.to_string()),
        Outcome::Success,
    );
    audit::store::append(&mut tx, e).await?;
    tx.commit().await?;
    super::cache::phenomena(&state).forget();
    index.catch_up(&state.db).await?;
    Ok(Redirect::to("/phenomena?done=phenomenon-saved").into_response())
}
