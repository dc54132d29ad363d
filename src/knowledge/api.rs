//! `GET /api/v1/knowledge?q=…`: the same search as the page, for the
//! caller's audience (anonymous: public items), with facets and why each
//! item matched; `GET /api/v1/knowledge/{id}`: one published item.

use super::browse::{ListQuery, PAGE_SIZE, run};
use super::search::Dim;
use super::{reader, store};
use crate::auth::Session;
use crate::core::error::{AppError, AppResult};
use crate::core::web::AppState;
use crate::experts::search::SearchIndex;
use axum::extract::{Path, RawQuery, State};
use axum::{Extension, Json};
use otalusta_domain::knowledge::{Content, State as ItemState, to_be_checked};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

#[derive(Serialize, utoipa::ToSchema)]
pub struct WhyJson {
    /// The query word or phrase.
    pub term: String,
    /// `title`, `summary`, `facts` or `body`.
    pub field: String,
    /// `exact`, `compound`, `derived`, `concept` or `typo`.
    pub how: String,
    /// The item's own word(s) it met.
    pub found: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct KnowledgeJson {
    pub id: i64,
    /// `method`, `guide`, `material`, `recording`, `link`, `term` or `news`.
    pub kind: String,
    /// `public`, `professionals` or `network`.
    pub visibility: String,
    pub version: i64,
    /// Language versions: `fi`, `sv`, `en` → title, summary, body (Markdown).
    #[schema(value_type = Object)]
    pub texts: serde_json::Value,
    pub phenomena: Vec<String>,
    pub age_bands: Vec<String>,
    pub sectors: Vec<String>,
    pub professions: Vec<String>,
    pub organisation: String,
    pub url: String,
    /// Method cards: target group, aim, evidence (`cebc-1`…`cebc-5`,
    /// `cebc-nr`: the CEBC Scientific Rating Scale), training, licence,
    /// availability.
    #[schema(value_type = Option<Object>)]
    pub method: Option<serde_json::Value>,
    pub review_by: Option<String>,
    /// Past its review-by date (tarkistettava).
    pub to_be_checked: bool,
    pub published_at: Option<String>,
    pub href: String,
    pub why: Vec<WhyJson>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct KnowledgeList {
    pub total: usize,
    pub page: usize,
    pub items: Vec<KnowledgeJson>,
    /// Per facet (`kind`, `phenomenon`, `age`, `sector`, `language`,
    /// `evidence`): value → count among what the other filters leave.
    #[schema(value_type = Object)]
    pub facets: BTreeMap<String, BTreeMap<String, usize>>,
    pub did_you_mean: Option<String>,
}

fn json(l: &store::Listed, content: &Content) -> KnowledgeJson {
    let i = &l.item;
    KnowledgeJson {
        id: i.id,
        kind: i.kind.key().into(),
        visibility: i.visibility.key().into(),
        version: l.version,
        texts: serde_json::to_value(&content.texts).unwrap_or_default(),
        phenomena: content.phenomena.clone(),
        age_bands: content.age_bands.clone(),
        sectors: content
            .sectors
            .iter()
            .map(|s| s.as_str().to_owned())
            .collect(),
        professions: content.professions.clone(),
        organisation: content.organisation.clone(),
        url: content.url.clone(),
        method: content
            .method
            .as_ref()
            .and_then(|m| serde_json::to_value(m).ok()),
        review_by: i.review_by.map(|d| d.to_string()),
        to_be_checked: to_be_checked(i.review_by, super::today()),
        published_at: i.published_at.clone(),
        href: format!("/knowledge/{}", i.id),
        why: Vec::new(),
    }
}

/// Searches the knowledge bank.
#[utoipa::path(get, path = "/api/v1/knowledge", tag = "knowledge",
    params(
        ("q" = Option<String>, Query, description = "Words (Finnish inflection understood), `\"a phrase\"`, `-excluded`, `a OR b`"),
        ("kind" = Option<String>, Query, description = "method, guide, material, recording, link, term, news"),
        ("phenomenon" = Option<String>, Query, description = "A phenomenon code of /api/v1/phenomena"),
        ("age" = Option<String>, Query, description = "An age band: 0-2, 3-6, 7-12, 13-15, 16-17, 18-25"),
        ("sector" = Option<String>, Query, description = "education, social, health, ngo, research"),
        ("language" = Option<String>, Query, description = "fi, sv or en: items with a version in it"),
        ("evidence" = Option<String>, Query, description = "cebc-1 … cebc-5, cebc-nr"),
        ("page" = Option<usize>, Query, description = "From 1; 30 items a page"),
    ),
    responses(
        (status = 200, description = "Items the caller may read", body = KnowledgeList),
        (status = 422, description = "A filter's value is not one of its choices, or the page is not a number", body = crate::api::Problem, content_type = "application/problem+json"),
    ))]
pub async fn list(
    State(state): State<AppState>,
    session: Option<Extension<Session>>,
    Extension(index): Extension<Arc<SearchIndex>>,
    RawQuery(raw): RawQuery,
) -> AppResult<Json<KnowledgeList>> {
    let q = ListQuery::from_raw(raw.as_deref())?;
    let s = session.as_ref().map(|e| &e.0);
    let outcome = run(&state, &index, s, &q).await?;
    let page = q.page_no();
    let items = outcome
        .hits
        .iter()
        .skip((page - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .map(|h| {
            let mut j = json(&h.listed, &h.listed.content);
            j.why = h
                .why
                .iter()
                .map(|w| WhyJson {
                    term: w.term.clone(),
                    field: w.field.key().into(),
                    how: w.kind.as_str().into(),
                    found: w.found.clone(),
                })
                .collect();
            j
        })
        .collect();
    let facets = outcome
        .facets
        .iter()
        .map(|(d, counts): (&Dim, _)| (d.param().to_owned(), counts.clone()))
        .collect();
    Ok(Json(KnowledgeList {
        total: outcome.hits.len(),
        page,
        items,
        facets,
        did_you_mean: outcome.did_you_mean,
    }))
}

/// One published item the caller may read.
#[utoipa::path(get, path = "/api/v1/knowledge/{id}", tag = "knowledge",
    params(("id" = i64, Path, description = "The item")),
    responses(
        (status = 200, description = "The published version", body = KnowledgeJson),
        (status = 400, description = "The id is not a 64-bit integer", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such item, or not for the caller's eyes", body = crate::api::Problem, content_type = "application/problem+json"),
    ))]
pub async fn show(
    State(state): State<AppState>,
    session: Option<Extension<Session>>,
    Path(id): Path<i64>,
) -> AppResult<Json<KnowledgeJson>> {
    let s = session.as_ref().map(|e| &e.0);
    let item = store::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let Some(version) = item.published_version else {
        return Err(AppError::NotFound);
    };
    if item.state == ItemState::Archived || !item.visibility.readable_by(reader(s)) {
        return Err(AppError::NotFound);
    }
    let v = store::version(&state.db, id, version)
        .await?
        .ok_or(AppError::NotFound)?;
    let listed = store::Listed {
        item,
        version,
        content: v.content.clone(),
    };
    Ok(Json(json(&listed, &v.content)))
}
