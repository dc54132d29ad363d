//! `GET /api/v1/experts` (search), `/api/v1/experts/{id}`, `/api/v1/phenomena`.

use super::routes::SearchForm;
use super::search::{HitKind, SearchIndex};
use super::store;
use crate::auth::CurrentUser;
use crate::core::error::{AppError, AppResult};
use crate::core::web::AppState;
use crate::groups::routes::today;
use axum::extract::{Path, Query, State};
use axum::{Extension, Json};
use otalusta_domain::ids::ExpertId;
use otalusta_domain::policy::Action;
use serde::Serialize;
use std::sync::Arc;

#[derive(Serialize, utoipa::ToSchema)]
pub struct ExpertJson {
    pub id: i64,
    pub name: String,
    pub title: String,
    pub organisation: String,
    pub email: String,
    pub phone: String,
    pub contact_note: String,
    /// The cooperation area the profile belongs to.
    pub area: String,
    /// Areas served.
    pub regions: Vec<String>,
    pub sectors: Vec<String>,
    /// Phenomenon codes.
    pub phenomena: Vec<String>,
    /// Language codes (fi, sv, en, se, fse, …).
    pub languages: Vec<String>,
    pub remote: bool,
    /// Not offered for new consultations up to and including this date.
    pub paused_until: Option<String>,
    /// Takes new consultations today.
    pub available: bool,
    pub description_fi: String,
    pub description_sv: String,
    pub description_en: String,
}

fn expert_json(e: &store::Expert) -> ExpertJson {
    let d = &e.details;
    ExpertJson {
        id: e.id.0,
        name: d.name.clone(),
        title: d.title.clone(),
        organisation: d.organisation.clone(),
        email: d.email.clone(),
        phone: d.phone.clone(),
        contact_note: d.contact_note.clone(),
        area: d.area.clone(),
        regions: d.regions.clone(),
        sectors: d.sectors.iter().map(|s| s.as_str().to_owned()).collect(),
        phenomena: d.phenomena.clone(),
        languages: d.languages.iter().map(|l| l.key().to_owned()).collect(),
        remote: d.remote,
        paused_until: d.paused_until.map(|p| p.to_string()),
        available: d.available_on(today()),
        description_fi: d.description_fi.clone(),
        description_sv: d.description_sv.clone(),
        description_en: d.description_en.clone(),
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SearchHitJson {
    /// `expert` or `group`.
    pub kind: String,
    pub id: i64,
    pub name: String,
    pub score: f32,
    /// Why it matched: field, the query words and the base forms they
    /// matched (e.g. `huoltoriidoissa` → `huoltoriita`).
    pub reasons: Vec<ReasonJson>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ReasonJson {
    /// `phenomena`, `concept` (a phenomenon named in the text),
    /// `title`, `description`, `name` or `organisation`.
    pub field: String,
    /// The phenomenon code, for `phenomena` and `concept`.
    pub detail: String,
    /// Triples of (query word, what it met, how: `exact`, `compound`,
    /// `derived`, `concept` or `typo`).
    pub words: Vec<Vec<String>>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SearchJson {
    pub total: usize,
    pub hits: Vec<SearchHitJson>,
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct SearchParams {
    /// Words; Finnish inflection and compounds are understood.
    pub q: Option<String>,
    /// Phenomenon code.
    pub phenomenon: Option<String>,
    /// `education`, `social`, `health`, `ngo` or `research`.
    pub sector: Option<String>,
    /// Cooperation area served.
    pub area: Option<String>,
    /// Language code.
    pub language: Option<String>,
    /// `1`: remote consultation only.
    pub remote: Option<String>,
    /// `1`: include experts who are paused.
    pub paused: Option<String>,
    /// `experts`, `groups` or empty for both.
    pub kind: Option<String>,
    /// Page number, from 1 (20 hits a page).
    pub page: Option<String>,
}

/// Search the expert network and the consultation channels.
#[utoipa::path(get, path = "/api/v1/experts", tag = "experts",
    params(SearchParams),
    responses(
        (status = 200, description = "Hits, best first, with the reasons they matched", body = SearchJson),
        (status = 401, description = "Not signed in", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
    security(("session" = []), ("token" = [])))]
pub async fn search(
    State(state): State<AppState>,
    Extension(index): Extension<Arc<SearchIndex>>,
    CurrentUser(s): CurrentUser,
    Query(p): Query<SearchParams>,
) -> AppResult<Json<SearchJson>> {
    s.require(&Action::ViewExperts)?;
    let form = SearchForm {
        q: p.q.unwrap_or_default(),
        phenomenon: p.phenomenon.unwrap_or_default(),
        sector: p.sector.unwrap_or_default(),
        area: p.area.unwrap_or_default(),
        language: p.language.unwrap_or_default(),
        remote: p.remote.unwrap_or_default(),
        paused: p.paused.unwrap_or_default(),
        kind: p.kind.unwrap_or_default(),
        page: p.page.unwrap_or_default(),
    };
    let found = index.search(&form.query(false), today());
    // The page's profiles in one query (not one per hit); groups from the
    // node's calendar cache.
    let mut experts = super::cache::profile_cache(&state)
        .by_id(&state.db, &found.expert_ids(), false)
        .await?;
    let calendars = crate::groups::calendars::calendars(&state);
    let mut hits = Vec::new();
    for h in found.hits {
        let (kind, id, name) = match h.kind {
            HitKind::Expert(id) => match experts.remove(&id) {
                Some(e) => ("expert", id.0, e.details.name.clone()),
                None => continue,
            },
            HitKind::Group(id) => match calendars.active_group(&state.db, id).await? {
                Some(c) => ("group", id.0, c.group.details.name_fi.clone()),
                None => continue,
            },
        };
        hits.push(SearchHitJson {
            kind: kind.into(),
            id,
            name,
            score: h.score,
            reasons: h
                .reasons
                .into_iter()
                .map(|r| ReasonJson {
                    field: r.field.into(),
                    detail: r.detail,
                    words: r
                        .words
                        .into_iter()
                        .map(|m| vec![m.asked, m.found, m.how.as_str().to_owned()])
                        .collect(),
                })
                .collect(),
        });
    }
    Ok(Json(SearchJson {
        total: found.total,
        hits,
    }))
}

/// One expert profile.
#[utoipa::path(get, path = "/api/v1/experts/{id}", tag = "experts",
    params(("id" = i64, Path, description = "Expert id")),
    responses(
        (status = 200, description = "The profile", body = ExpertJson),
        (status = 400, description = "The id is not a 64-bit integer", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such expert", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
    security(("session" = []), ("token" = [])))]
pub async fn get(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Path(id): Path<i64>,
) -> AppResult<Json<ExpertJson>> {
    s.require(&Action::ViewExperts)?;
    let e = store::get(&state.db, ExpertId(id))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(expert_json(&e)))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct PhenomenonJson {
    pub code: String,
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
    pub description_fi: String,
    pub description_sv: String,
    pub description_en: String,
    pub synonyms: Vec<String>,
    pub active: bool,
}

/// The shared taxonomy of phenomena.
#[utoipa::path(get, path = "/api/v1/phenomena", tag = "experts",
    responses(
        (status = 200, description = "Every phenomenon, in display order", body = Vec<PhenomenonJson>),
        (status = 401, description = "Not signed in", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
    security(("session" = []), ("token" = [])))]
pub async fn phenomena(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
) -> AppResult<Json<Vec<PhenomenonJson>>> {
    s.require(&Action::ViewExperts)?;
    Ok(Json(
        crate::taxonomy::store::all(&state.db)
            .await?
            .into_iter()
            .map(|p| PhenomenonJson {
                synonyms: otalusta_domain::taxonomy::split_synonyms(&p.synonyms)
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
                active: p.active != 0,
                code: p.code,
                name_fi: p.name_fi,
                name_sv: p.name_sv,
                name_en: p.name_en,
                description_fi: p.description_fi,
                description_sv: p.description_sv,
                description_en: p.description_en,
            })
            .collect(),
    ))
}
