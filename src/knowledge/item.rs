//! `/knowledge/{id}`: an item as its readers see it (public items without
//! login, with metadata for linking), its versions and what changed.

use super::markdown::{self, Glossary};
use super::store::{self, Item, Version};
use super::views::{self, shown_lang};
use super::{load_for_work, may_edit, may_review, reader, today};
use crate::auth::{Ctx, CurrentUser, Session};
use crate::core::error::{AppError, AppResult};
use crate::core::forms::{CsrfForm, Empty};
use crate::core::page::{Page, render};
use crate::core::web::AppState;
use crate::experts::search::{SearchIndex, TextLang};
use askama::Template;
use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use otalusta_domain::knowledge::{
    Change, Kind, State as ItemState, Visibility, diff as diff_versions, to_be_checked,
};
use otalusta_domain::role::Role;
use serde::Deserialize;
use std::sync::Arc;

/// A row of the method card or the item's facts.
pub struct Fact {
    pub label: String,
    pub value: String,
    /// A longer explanation (the evidence rating's meaning).
    pub note: String,
    /// The value is the item's own text (in its language), not the page's.
    pub content: bool,
}

#[derive(Template)]
#[template(path = "knowledge/show.html")]
pub struct ShowView {
    pub page: Page,
    pub id: i64,
    pub kind: String,
    pub is_term: bool,
    pub title: String,
    pub summary: String,
    /// Sanitised HTML.
    pub body: String,
    pub text_lang: String,
    /// The language of the single-language fields (the method card's):
    /// the item's first language version.
    pub content_lang: String,
    pub other_langs: Vec<(String, String)>,
    pub method: Vec<Fact>,
    pub facts: Vec<Fact>,
    pub url: String,
    pub contact_expert: Option<(i64, String)>,
    pub to_be_checked: bool,
    pub review_by: String,
    pub published: String,
    pub version: i64,
    /// Shown a version other than the published one (to its editors).
    pub draft_notice: Option<String>,
    pub saved: Option<bool>,
    pub may_edit: bool,
    pub public: bool,
    pub canonical: String,
    pub event_id: Option<i64>,
    /// The workflow's steps the caller may take on this version.
    pub steps: Vec<StepButton>,
    /// What the version asks for (kind, visibility), and whether approving
    /// changes who reads the item: a reviewer sees what she approves.
    pub version_facts: Vec<String>,
    pub attachments: Vec<AttachmentRow>,
    /// Why the last upload was refused (`?problem=`).
    pub problem: Option<String>,
    pub state_text: String,
}

/// An attachment as the page lists it.
pub struct AttachmentRow {
    pub id: i64,
    pub filename: String,
    pub size: String,
    /// Added after the version readers see: shown to its editors only.
    pub pending: bool,
}

pub struct StepButton {
    pub step: &'static str,
    pub label: String,
    /// Returning asks why.
    pub comment: bool,
}

/// The steps `s` may take on `item`'s current version (by `author`).
fn step_buttons(page: &Page, s: Option<&Session>, item: &Item, author: i64) -> Vec<StepButton> {
    use otalusta_domain::knowledge::{Step, step as next};
    let Some(s) = s else { return Vec::new() };
    let editor = may_edit(s, item);
    let reviewer = may_review(s, author);
    Step::ALL
        .iter()
        .filter(|st| match st {
            Step::Approve | Step::Return => reviewer,
            _ => editor,
        })
        .filter(|st| next(item.state, **st, false, "x").is_ok())
        .map(|st| StepButton {
            step: st.key(),
            label: page.t(&format!("knowledge-step-{}", st.key())),
            comment: *st == Step::Return,
        })
        .collect()
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ShowQuery {
    pub version: Option<i64>,
}

/// Glossary terms the reader may see, analysed for linking.
pub async fn glossary(
    state: &AppState,
    index: &SearchIndex,
    visibilities: &[Visibility],
    lang: &str,
) -> AppResult<Glossary> {
    let items = store::terms(&state.db, visibilities).await?;
    let terms = items.into_iter().map(|l| {
        let t = l.content.texts_in(lang);
        (l.item.id, t.title.clone(), t.summary.clone())
    });
    Ok(Glossary::new(
        index.analysis().analyzer(TextLang::Fi),
        terms,
    ))
}

pub async fn show(
    State(state): State<AppState>,
    session: Option<Extension<Session>>,
    Extension(index): Extension<Arc<SearchIndex>>,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<ShowQuery>,
) -> AppResult<Response> {
    let s = session.as_ref().map(|e| &e.0);
    let item = store::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let audience = reader(s);
    let worker = s.is_some_and(|s| may_edit(s, &item) || may_review(s, 0));
    // Which version: the published one; an editor or reviewer may ask for another.
    let wanted = match (q.version, worker) {
        (Some(v), true) => Some(v),
        (None, true) if item.published_version.is_none() || item.state == ItemState::Archived => {
            Some(item.current_version)
        }
        (Some(_), false) => return Err(hidden(s)),
        _ => None,
    };
    let readable = item.published_version.is_some()
        && item.state != ItemState::Archived
        && item.visibility.readable_by(audience);
    let version_no = match wanted.or(item.published_version) {
        Some(v) if readable || worker => v,
        _ => return Err(hidden(s)),
    };
    let v = store::version(&state.db, id, version_no)
        .await?
        .ok_or(AppError::NotFound)?;
    let draft_notice = (Some(version_no) != item.published_version
        || item.state == ItemState::Archived)
        .then(|| {
            page.tx(
                "knowledge-draft-notice",
                &[
                    ("version", version_no.into()),
                    (
                        "state",
                        page.t(&format!("knowledge-state-{}", item.state.key()))
                            .into(),
                    ),
                ],
            )
        });
    let saved = match s {
        Some(s) => Some(store::is_saved(&state.db, s.actor.user_id, id).await?),
        None => None,
    };
    let visible = Visibility::readable(audience);
    let glossary = glossary(&state, &index, &visible, page.lang.code()).await?;
    let view = view(
        &state,
        &index,
        page,
        &item,
        &v,
        glossary,
        draft_notice,
        saved,
        s,
    )
    .await?;
    Ok(render(&view))
}

/// An item the reader may not see: anonymous readers are not told it
/// exists; a signed-in one is refused.
fn hidden(s: Option<&Session>) -> AppError {
    if s.is_some() {
        AppError::Forbidden
    } else {
        AppError::NotFound
    }
}

#[allow(clippy::too_many_arguments)]
async fn view(
    state: &AppState,
    index: &SearchIndex,
    page: Page,
    item: &Item,
    v: &Version,
    glossary: Glossary,
    draft_notice: Option<String>,
    saved: Option<bool>,
    s: Option<&Session>,
) -> AppResult<ShowView> {
    let taxonomy = crate::taxonomy::cache::phenomena(state)
        .all(&state.db)
        .await?;
    let c = &v.content;
    let text_lang = shown_lang(c, page.lang.code());
    let t = c.texts_in(&text_lang).clone();
    let analyzer_lang = match text_lang.as_str() {
        "sv" => TextLang::Sv,
        "en" => TextLang::En,
        _ => TextLang::Fi,
    };
    let body = markdown::render(
        &t.body,
        &glossary,
        index.analysis().analyzer(analyzer_lang),
        item.id,
    );
    let content_lang = c.languages().first().copied().unwrap_or("fi").to_owned();
    let other_langs = c
        .languages()
        .into_iter()
        .filter(|l| *l != text_lang)
        .map(|l| (l.to_owned(), views::lang_name(&page, l)))
        .collect();
    let fact = |label: &str, value: String| Fact {
        label: page.t(label),
        value,
        note: String::new(),
        content: true,
    };
    let method = c.method.as_ref().map_or_else(Vec::new, |m| {
        let mut rows = vec![
            fact("knowledge-target-group", m.target_group.clone()),
            fact("knowledge-aim", m.aim.clone()),
            Fact {
                label: page.t("knowledge-evidence"),
                value: views::evidence_name(&page, m.evidence),
                note: views::evidence_meaning(&page, m.evidence),
                content: false,
            },
            fact("knowledge-training", m.training.clone()),
            fact("knowledge-licence", m.licence.clone()),
            fact("knowledge-availability", m.availability.clone()),
        ];
        rows.retain(|r| !r.value.is_empty());
        rows
    });
    let mut facts = vec![
        fact(
            "knowledge-phenomena",
            views::phenomenon_names(&page, &taxonomy, &c.phenomena).join(", "),
        ),
        fact(
            "knowledge-age-bands",
            c.age_bands
                .iter()
                .map(|a| views::age_name(&page, a))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        fact(
            "knowledge-sectors",
            c.sectors
                .iter()
                .map(|s| views::sector_name(&page, s.as_str()))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        fact("knowledge-professions", c.professions.join(", ")),
        fact("knowledge-organisation", c.organisation.clone()),
    ];
    // Phenomena, age bands and sectors are named in the page's language.
    for f in facts.iter_mut().take(3) {
        f.content = false;
    }
    facts.retain(|f| !f.value.is_empty());
    let contact_expert = match c.contact_expert {
        Some(e) => crate::experts::store::get(&state.db, otalusta_domain::ids::ExpertId(e))
            .await?
            .filter(|x| s.is_some() || x.details.listed_publicly)
            .map(|x| (e, x.details.name.clone())),
        None => None,
    };
    let worker = s.is_some_and(|s| may_edit(s, item) || may_review(s, 0));
    let approved = item.published_at.as_deref();
    let attachments =
        super::attachments::list(&state.db, item.id, if worker { None } else { approved })
            .await?
            .into_iter()
            .map(|a| AttachmentRow {
                pending: approved.is_none_or(|t| a.uploaded_at.as_str() > t),
                size: a.size_text(),
                id: a.id,
                filename: a.filename,
            })
            .collect();
    let steps = if v.version == item.current_version {
        let author = match s {
            Some(s) => super::review_author(state, s, item, v.author_id).await?,
            None => v.author_id,
        };
        step_buttons(&page, s, item, author)
    } else {
        Vec::new()
    };
    let vis_name = |v: Visibility| page.t(&format!("knowledge-visibility-{}", v.key()));
    let mut version_facts = vec![page.tx(
        "knowledge-version-facts",
        &[
            ("kind", views::kind_name(&page, v.kind).into()),
            ("visibility", vis_name(v.visibility).into()),
        ],
    )];
    if item.published_version.is_some() && v.visibility != item.visibility {
        version_facts.push(page.tx(
            "knowledge-visibility-changes",
            &[
                ("from", vis_name(item.visibility).into()),
                ("to", vis_name(v.visibility).into()),
            ],
        ));
    }
    let state_text = page.tx(
        "knowledge-state-line",
        &[
            (
                "state",
                page.t(&format!("knowledge-state-{}", item.state.key()))
                    .into(),
            ),
            ("version", v.version.into()),
            ("author", v.author_name.clone().into()),
        ],
    );
    let problem = page
        .query
        .split('&')
        .find_map(|p| p.strip_prefix("problem="))
        .map(|k| format!("problem-{k}"))
        .filter(|k| {
            k.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') && page.i18n.has(page.lang, k)
        })
        .map(|k| page.t(&k));
    Ok(ShowView {
        version_facts,
        problem,
        attachments,
        steps,
        state_text,
        id: item.id,
        kind: views::kind_name(&page, v.kind),
        is_term: v.kind == Kind::Term,
        title: t.title,
        summary: t.summary,
        body,
        other_langs,
        method,
        facts,
        url: c.url.clone(),
        contact_expert,
        to_be_checked: to_be_checked(item.review_by, today()),
        review_by: item.review_by.map(|d| page.date(&d)).unwrap_or_default(),
        published: item
            .published_at
            .as_deref()
            .map(|p| page.day(p))
            .unwrap_or_default(),
        version: v.version,
        draft_notice,
        saved,
        may_edit: s.is_some_and(|s| may_edit(s, item)),
        public: item.visibility == Visibility::Public,
        canonical: format!(
            "{}/knowledge/{}?lang={}",
            state.config.base_url.trim_end_matches('/'),
            item.id,
            text_lang
        ),
        event_id: item.event_id,
        text_lang,
        content_lang,
        page,
    })
}

/// A version in the history.
pub struct VersionRow {
    pub version: i64,
    pub at: String,
    pub by: String,
    pub note: String,
    pub published: bool,
    pub current: bool,
    pub diff_href: Option<String>,
}

pub struct StepRow {
    pub version: i64,
    pub step: String,
    pub by: String,
    pub at: String,
    pub comment: String,
}

#[derive(Template)]
#[template(path = "knowledge/versions.html")]
pub struct VersionsView {
    pub page: Page,
    pub id: i64,
    pub title: String,
    pub versions: Vec<VersionRow>,
    pub steps: Vec<StepRow>,
}

pub async fn versions(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let item = load_for_work(&state, &s, id).await?;
    let all = store::versions(&state.db, id).await?;
    let title = all
        .first()
        .map(|v| v.content.texts_in(page.lang.code()).title.clone())
        .unwrap_or_default();
    let versions = all
        .iter()
        .map(|v| VersionRow {
            version: v.version,
            at: page.timestamp(&v.created_at),
            by: v.author_name.clone(),
            note: v.note.clone(),
            published: Some(v.version) == item.published_version,
            current: v.version == item.current_version,
            diff_href: (v.version > 1).then(|| {
                format!(
                    "/knowledge/{id}/diff?from={}&to={}",
                    v.version - 1,
                    v.version
                )
            }),
        })
        .collect();
    let steps = store::reviews(&state.db, id)
        .await?
        .into_iter()
        .map(|r| StepRow {
            version: r.version,
            step: page.t(&format!("knowledge-step-{}-done", r.step)),
            by: r.actor_name,
            at: page.timestamp(&r.created_at),
            comment: r.comment,
        })
        .collect();
    Ok(render(&VersionsView {
        id,
        title,
        versions,
        steps,
        page,
    }))
}

pub struct DiffRow {
    pub label: String,
    /// `(kind, text)`: kind is `same`, `added` or `removed`.
    pub parts: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "knowledge/diff.html")]
pub struct DiffView {
    pub page: Page,
    pub id: i64,
    pub from: i64,
    pub to: i64,
    pub rows: Vec<DiffRow>,
    pub meta: Vec<String>,
}

#[derive(Deserialize)]
pub struct DiffQuery {
    pub from: i64,
    pub to: i64,
}

pub async fn diff(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<DiffQuery>,
) -> AppResult<Response> {
    load_for_work(&state, &s, id).await?;
    let (Some(a), Some(b)) = (
        store::version(&state.db, id, q.from).await?,
        store::version(&state.db, id, q.to).await?,
    ) else {
        return Err(AppError::NotFound);
    };
    let rows = diff_versions(&a.content, &b.content)
        .into_iter()
        .map(|f| DiffRow {
            label: page
                .field_label(&f.field)
                .unwrap_or_else(|| f.field.clone()),
            parts: f
                .changes
                .into_iter()
                .map(|c| match c {
                    Change::Same(t) => ("same", t),
                    Change::Added(t) => ("added", t),
                    Change::Removed(t) => ("removed", t),
                })
                .collect(),
        })
        .collect();
    let mut meta = Vec::new();
    if a.kind != b.kind {
        meta.push(format!(
            "{}: {} → {}",
            page.t("knowledge-kind"),
            views::kind_name(&page, a.kind),
            views::kind_name(&page, b.kind)
        ));
    }
    if a.visibility != b.visibility {
        meta.push(format!(
            "{}: {} → {}",
            page.t("knowledge-visibility"),
            page.t(&format!("knowledge-visibility-{}", a.visibility.key())),
            page.t(&format!("knowledge-visibility-{}", b.visibility.key()))
        ));
    }
    Ok(render(&DiffView {
        id,
        from: q.from,
        to: q.to,
        rows,
        meta,
        page,
    }))
}

/// Saves an item to the reader's "my learning", or takes it away.
pub async fn toggle_saved(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let item = store::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if item.published_version.is_none()
        || item.state == ItemState::Archived
        || !item.visibility.readable_by(reader(Some(&s)))
    {
        return Err(AppError::NotFound);
    }
    let mut tx = state.db.begin().await?;
    let saved = store::toggle_saved(&mut tx, s.actor.user_id, id).await?;
    let role = s.actor.primary_role().unwrap_or(Role::Requester);
    let action = if saved {
        "knowledge.saved"
    } else {
        "knowledge.unsaved"
    };
    crate::audit::store::append(&mut tx, super::log_event(&ctx, &s, role, action, id)).await?;
    tx.commit().await?;
    let done = if saved {
        "knowledge-saved"
    } else {
        "knowledge-unsaved"
    };
    Ok(Redirect::to(&format!("/knowledge/{id}?done={done}")).into_response())
}

/// "Tallennetut materiaalit" on the reader's learning page (`/learning`):
/// the saved items still published and readable to them.
pub async fn saved_section(
    state: &AppState,
    page: &Page,
    s: &Session,
) -> AppResult<crate::events::learning::Section> {
    let ids = store::saved_ids(&state.db, s.actor.user_id).await?;
    let readable = store::published(&state.db, &Visibility::readable(reader(Some(s)))).await?;
    let items = ids
        .iter()
        .filter_map(|id| readable.iter().find(|l| l.item.id == *id))
        .map(|l| {
            let t = l.content.texts_in(page.lang.code());
            crate::events::learning::Item {
                href: format!("/knowledge/{}", l.item.id),
                title: t.title.clone(),
                detail: views::kind_name(page, l.item.kind),
                note: if to_be_checked(l.item.review_by, today()) {
                    page.t("knowledge-to-be-checked")
                } else {
                    String::new()
                },
            }
        })
        .collect();
    Ok(crate::events::learning::Section {
        id: "saved",
        title: page.t("knowledge-learning-saved"),
        items,
        empty: page.t("knowledge-learning-saved-none"),
    })
}
