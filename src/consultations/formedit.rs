//! The coordinator's editor of a group's pre-information form. Every
//! change saves a new version; requests keep the version they were filled
//! with.

use super::store;
use crate::audit;
use crate::auth::{Ctx, CurrentUser};
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::forms::{CsrfForm, Empty};
use crate::core::page::{Page, render, render_invalid};
use crate::core::web::AppState;
use crate::groups::routes::Choice as SelectChoice;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use otalusta_domain::audit::Outcome;
use otalusta_domain::policy::{Action, decide};
use otalusta_domain::questionnaire::{Choice, Item, ItemKind, Questionnaire, Texts, is_key};
use serde::Deserialize;

pub struct ItemView {
    pub key: String,
    pub label: String,
    pub kind: String,
    pub required: bool,
    pub choices: String,
}

#[derive(Template)]
#[template(path = "consultations/form_editor.html")]
pub struct EditorView {
    pub page: Page,
    pub group_id: i64,
    pub group_name: String,
    pub version: i64,
    pub items: Vec<ItemView>,
    pub may_edit: bool,
    pub input: ItemForm,
    /// The key of the item being edited; `None`: a new one.
    pub editing: Option<String>,
    pub kinds: Vec<SelectChoice>,
    pub errors: FieldErrors,
    pub notice: Option<String>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ItemForm {
    /// The item being edited (empty: a new one).
    pub original: String,
    pub key: String,
    pub kind: String,
    pub required: String,
    pub label_fi: String,
    pub label_sv: String,
    pub label_en: String,
    pub help_fi: String,
    pub help_sv: String,
    pub help_en: String,
    /// One choice a line: `key = suomeksi | på svenska | in English`
    /// (the key may be left out).
    pub choices: String,
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            'ä' | 'å' => out.push('a'),
            'ö' => out.push('o'),
            _ if !out.ends_with('_') && !out.is_empty() => out.push('_'),
            _ => {}
        }
    }
    out.trim_end_matches('_').chars().take(40).collect()
}

impl ItemForm {
    fn of(item: &Item) -> ItemForm {
        ItemForm {
            original: item.key.clone(),
            key: item.key.clone(),
            kind: item.kind.key().into(),
            required: if item.required { "1" } else { "" }.into(),
            label_fi: item.label.fi.clone(),
            label_sv: item.label.sv.clone(),
            label_en: item.label.en.clone(),
            help_fi: item.help.fi.clone(),
            help_sv: item.help.sv.clone(),
            help_en: item.help.en.clone(),
            choices: item
                .choices
                .iter()
                .map(|c| {
                    format!(
                        "{} = {} | {} | {}",
                        c.key, c.label.fi, c.label.sv, c.label.en
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    fn item(&self) -> Result<Item, FieldErrors> {
        let mut errors = FieldErrors::new();
        let key = if self.key.trim().is_empty() {
            slug(&self.label_fi)
        } else {
            self.key.trim().to_owned()
        };
        if !is_key(&key) {
            errors.add("key", "form-key-invalid");
        }
        let kind = self.kind.parse::<ItemKind>().unwrap_or_else(|_| {
            errors.add("kind", "field-choose");
            ItemKind::Text
        });
        let mut choices = Vec::new();
        for line in self
            .choices
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            let (k, rest) = match line.split_once('=') {
                Some((k, rest)) => (k.trim().to_owned(), rest),
                None => (String::new(), line),
            };
            let mut parts = rest.split('|').map(str::trim);
            let fi = parts.next().unwrap_or("").to_owned();
            let sv = parts.next().unwrap_or("").to_owned();
            let en = parts.next().unwrap_or("").to_owned();
            let k = if k.is_empty() { slug(&fi) } else { k };
            choices.push(Choice {
                key: k,
                label: Texts { fi, sv, en },
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Item {
            key,
            kind,
            label: Texts::new(
                self.label_fi.trim(),
                self.label_sv.trim(),
                self.label_en.trim(),
            ),
            help: Texts::new(
                self.help_fi.trim(),
                self.help_sv.trim(),
                self.help_en.trim(),
            ),
            required: self.required == "1",
            choices,
            min: None,
            max: None,
        })
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EditorQuery {
    pub edit: String,
    pub done: String,
}

#[allow(clippy::too_many_arguments)]
async fn editor(
    state: &AppState,
    s: &crate::auth::Session,
    page: Page,
    gid: i64,
    input: Option<ItemForm>,
    editing: Option<String>,
    errors: FieldErrors,
    notice: Option<String>,
) -> AppResult<EditorView> {
    let g = crate::groups::routes::load(state, gid).await?;
    let may_edit = decide(
        &s.actor,
        &Action::EditForm {
            group: g.id,
            area: &g.details.area,
        },
    )
    .is_allowed();
    let may_view =
        may_edit || decide(&s.actor, &Action::HandleRequest { group: g.id }).is_allowed();
    if !may_view {
        return Err(AppError::Forbidden);
    }
    let current = store::current_form(&state.db, g.id).await?;
    let lang = page.lang.code();
    let input =
        input.unwrap_or_else(
            || match editing.as_deref().and_then(|k| current.form.item(k)) {
                Some(item) => ItemForm::of(item),
                None => ItemForm {
                    kind: "long-text".into(),
                    ..ItemForm::default()
                },
            },
        );
    Ok(EditorView {
        group_id: gid,
        group_name: g.details.name(lang).to_owned(),
        version: current.version,
        items: current
            .form
            .items
            .iter()
            .map(|i| ItemView {
                key: i.key.clone(),
                label: i.label.get(lang).to_owned(),
                kind: page.t(&format!("item-kind-{}", i.kind.key())),
                required: i.required,
                choices: i
                    .choices
                    .iter()
                    .map(|c| c.label.get(lang).to_owned())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
            .collect(),
        may_edit,
        input,
        editing: editing.filter(|k| current.form.item(k).is_some()),
        kinds: ItemKind::ALL
            .iter()
            .map(|k| SelectChoice {
                value: k.key().into(),
                label: page.t(&format!("item-kind-{}", k.key())),
            })
            .collect(),
        errors,
        notice,
        page,
    })
}

pub async fn show(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<EditorQuery>,
) -> AppResult<Response> {
    let notice = (q.done == "saved").then(|| page.t("form-saved"));
    let editing = (!q.edit.is_empty()).then_some(q.edit);
    Ok(render(
        &editor(
            &state,
            &s,
            page,
            id,
            None,
            editing,
            FieldErrors::new(),
            notice,
        )
        .await?,
    ))
}

async fn save_version(
    state: &AppState,
    s: &crate::auth::Session,
    ctx: &crate::core::web::ReqCtx,
    gid: i64,
    form: &Questionnaire,
) -> AppResult<()> {
    let g = crate::groups::routes::load(state, gid).await?;
    let role = s.require(&Action::EditForm {
        group: g.id,
        area: &g.details.area,
    })?;
    let mut tx = state.db.begin().await?;
    let version = store::save_form(&mut tx, g.id, form, s.actor.user_id).await?;
    let mut ev = audit::event(
        ctx,
        Some(s),
        Some(role),
        "form.update",
        ("group", &gid.to_string()),
        Outcome::Success,
    );
    ev.purpose = format!("version {version}");
    audit::store::append(&mut tx, ev).await?;
    tx.commit().await?;
    Ok(())
}

/// Adds an item or changes one (`original` names it).
pub async fn save_item(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<ItemForm>,
) -> AppResult<Response> {
    let g = crate::groups::routes::load(&state, id).await?;
    s.require(&Action::EditForm {
        group: g.id,
        area: &g.details.area,
    })?;
    let mut form = store::current_form(&state.db, g.id).await?.form;
    let editing = (!input.original.is_empty()).then(|| input.original.clone());
    let refused = async |errors: FieldErrors| -> AppResult<Response> {
        Ok(render_invalid(
            &editor(
                &state,
                &s,
                page,
                id,
                Some(input.clone()),
                editing.clone(),
                errors,
                None,
            )
            .await?,
        ))
    };
    let item = match input.item() {
        Ok(i) => i,
        Err(errors) => return refused(errors).await,
    };
    match &editing {
        Some(k) => match form.items.iter_mut().find(|i| &i.key == k) {
            Some(slot) => *slot = item,
            None => return Err(AppError::NotFound),
        },
        None => form.items.push(item),
    }
    if let Err(p) = form.validate() {
        let mut errors = FieldErrors::new();
        for (f, c) in p {
            errors.add(&f, c);
        }
        return refused(errors).await;
    }
    save_version(&state, &s, &ctx, id, &form).await?;
    Ok(Redirect::to(&format!("/groups/{id}/form?done=saved")).into_response())
}

/// `up`, `down` or `delete` one item.
pub async fn item_op(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path((id, key, op)): Path<(i64, String, String)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let g = crate::groups::routes::load(&state, id).await?;
    s.require(&Action::EditForm {
        group: g.id,
        area: &g.details.area,
    })?;
    let mut form = store::current_form(&state.db, g.id).await?.form;
    let i = form
        .items
        .iter()
        .position(|it| it.key == key)
        .ok_or(AppError::NotFound)?;
    match op.as_str() {
        "up" if i > 0 => form.items.swap(i, i - 1),
        "down" if i + 1 < form.items.len() => form.items.swap(i, i + 1),
        "delete" if form.items.len() > 1 => {
            form.items.remove(i);
        }
        "up" | "down" | "delete" => {
            return Ok(Redirect::to(&format!("/groups/{id}/form")).into_response());
        }
        _ => return Err(AppError::NotFound),
    }
    save_version(&state, &s, &ctx, id, &form).await?;
    Ok(Redirect::to(&format!("/groups/{id}/form?done=saved")).into_response())
}
