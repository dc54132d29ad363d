//! `/knowledge`: the search page, open to all (each reader sees what their
//! audience may read), with filters, facet counts and why each item matched.

use super::search::{self, Dim, Filters, Outcome};
use super::views::{self, Card};
use super::{cache, reader, store};
use crate::auth::Session;
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::page::{Page, render};
use crate::core::web::{AppState, urlencode};
use crate::experts::search::SearchIndex;
use askama::Template;
use axum::Extension;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use otalusta_domain::knowledge::{Kind, Visibility};
use otalusta_domain::policy::{Action, decide};
use serde::Deserialize;
use std::sync::Arc;

/// Results on one page.
pub const PAGE_SIZE: usize = 30;

/// The search's parameters (page and API alike).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub q: String,
    pub kind: String,
    pub phenomenon: String,
    pub age: String,
    pub sector: String,
    /// The item's language (`lang` switches the page's).
    pub language: String,
    pub evidence: String,
    /// From 1 (text, so a wrong value is a named field error).
    pub page: String,
}

impl ListQuery {
    /// Reads the query string: a parameter given twice counts once (its
    /// last value), unknown ones are ignored, so the page and the API
    /// answer every query with results or a named field error.
    pub fn from_raw(raw: Option<&str>) -> Result<ListQuery, AppError> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
            .map_err(|_| AppError::Invalid(FieldErrors::from_pairs(&[("q", "field-choose")])))?;
        let mut q = ListQuery::default();
        for (k, v) in pairs {
            let slot = match k.as_str() {
                "q" => &mut q.q,
                "kind" => &mut q.kind,
                "phenomenon" => &mut q.phenomenon,
                "age" => &mut q.age,
                "sector" => &mut q.sector,
                "language" => &mut q.language,
                "evidence" => &mut q.evidence,
                "page" => &mut q.page,
                _ => continue,
            };
            *slot = v;
        }
        Ok(q)
    }

    /// The filters, or the fields whose value is not one of the choices.
    pub fn filters(&self, known_phenomena: &[&str]) -> Result<Filters, AppError> {
        let mut errors = FieldErrors::new();
        fn opt<T: std::str::FromStr>(v: &str, field: &str, errors: &mut FieldErrors) -> Option<T> {
            if v.is_empty() {
                return None;
            }
            let parsed = v.parse().ok();
            if parsed.is_none() {
                errors.add(field, "field-choose");
            }
            parsed
        }
        let f = Filters {
            kind: opt(&self.kind, "kind", &mut errors),
            phenomenon: opt::<String>(&self.phenomenon, "phenomenon", &mut errors).filter(|p| {
                known_phenomena.contains(&p.as_str()) || {
                    errors.add("phenomenon", "field-choose");
                    false
                }
            }),
            age_band: opt::<String>(&self.age, "age", &mut errors).filter(|a| {
                otalusta_domain::knowledge::AGE_BANDS.contains(&a.as_str()) || {
                    errors.add("age", "field-choose");
                    false
                }
            }),
            sector: opt(&self.sector, "sector", &mut errors),
            lang: opt::<String>(&self.language, "language", &mut errors).filter(|l| {
                otalusta_domain::knowledge::LANGS.contains(&l.as_str()) || {
                    errors.add("language", "field-choose");
                    false
                }
            }),
            evidence: opt(&self.evidence, "evidence", &mut errors),
        };
        if !self.page.is_empty() && self.page.parse::<usize>().is_err() {
            errors.add("page", "field-choose");
        }
        errors.into_result().map(|_| f)
    }

    /// The page asked for (1 when none).
    pub fn page_no(&self) -> usize {
        self.page.parse::<usize>().unwrap_or(1).max(1)
    }

    /// This query's link with `param` set to `value` (empty: removed), from page 1.
    fn with(&self, param: &str, value: &str) -> String {
        let pairs = [
            ("q", &self.q),
            ("kind", &self.kind),
            ("phenomenon", &self.phenomenon),
            ("age", &self.age),
            ("sector", &self.sector),
            ("language", &self.language),
            ("evidence", &self.evidence),
        ];
        let parts: Vec<String> = pairs
            .iter()
            .map(|(k, v)| (*k, if *k == param { value } else { v.as_str() }))
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", urlencode(v)))
            .collect();
        format!("/knowledge?{}", parts.join("&"))
    }
}

/// Runs a search for the caller's audience.
pub async fn run(
    state: &AppState,
    index: &SearchIndex,
    s: Option<&Session>,
    q: &ListQuery,
) -> AppResult<Outcome> {
    let taxonomy = crate::taxonomy::cache::phenomena(state)
        .all(&state.db)
        .await?;
    let known: Vec<&str> = taxonomy.iter().map(|p| p.code.as_str()).collect();
    let filters = q.filters(&known)?;
    let items = store::published(&state.db, &Visibility::readable(reader(s))).await?;
    let analysis = index.analysis().clone();
    let cache = cache(state);
    let query = q.q.clone();
    let taxonomy2 = taxonomy.clone();
    // Analysing new versions is CPU work: off the async threads.
    let outcome = tokio::task::spawn_blocking(move || {
        search::search(&analysis, &cache, items, &taxonomy2, &query, &filters)
    })
    .await
    .map_err(anyhow::Error::from)?;
    Ok(outcome)
}

pub struct FacetOption {
    pub label: String,
    pub count: usize,
    pub href: String,
    pub chosen: bool,
}

pub struct Facet {
    pub param: &'static str,
    pub title: String,
    pub options: Vec<FacetOption>,
    pub clear: Option<String>,
}

#[derive(Template)]
#[template(path = "knowledge/list.html")]
pub struct ListView {
    pub page: Page,
    pub q: ListQuery,
    pub cards: Vec<Card>,
    pub total: usize,
    pub facets: Vec<Facet>,
    pub notices: Vec<String>,
    pub did_you_mean: Option<(String, String)>,
    pub may_write: bool,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub page_no: usize,
    pub pages: usize,
    pub page_of: String,
    pub kinds: Vec<views::Choice>,
}

fn facet_label(
    page: &Page,
    d: Dim,
    v: &str,
    taxonomy: &[crate::taxonomy::store::PhenomenonRow],
) -> String {
    match d {
        Dim::Kind => v
            .parse::<Kind>()
            .map(|k| views::kind_name(page, k))
            .unwrap_or_default(),
        Dim::Phenomenon => views::phenomenon_names(page, taxonomy, &[v.to_owned()]).remove(0),
        Dim::AgeBand => views::age_name(page, v),
        Dim::Sector => views::sector_name(page, v),
        Dim::Lang => views::lang_name(page, v),
        Dim::Evidence => v
            .parse()
            .map(|e| views::evidence_name(page, e))
            .unwrap_or_default(),
    }
}

pub async fn list(
    State(state): State<AppState>,
    session: Option<Extension<Session>>,
    Extension(index): Extension<Arc<SearchIndex>>,
    page: Page,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let q = ListQuery::from_raw(raw.as_deref())?;
    let s = session.as_ref().map(|e| &e.0);
    let outcome = run(&state, &index, s, &q).await?;
    let taxonomy = crate::taxonomy::cache::phenomena(&state)
        .all(&state.db)
        .await?;
    let total = outcome.hits.len();
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let mut notices: Vec<String> = outcome
        .notices
        .iter()
        .map(|n| crate::experts::routes::query_notice_text(&page, n))
        .collect();
    if !outcome.ignored.is_empty() {
        notices.push(page.ta(
            "search-notice-ignored",
            "words",
            &outcome.ignored.join(", "),
        ));
    }
    let page_no = q.page_no();
    let shown_page = if page_no > pages {
        notices.push(page.ta("knowledge-past-last-page", "pages", &pages.to_string()));
        pages
    } else {
        page_no
    };
    let cards = outcome
        .hits
        .iter()
        .skip((shown_page - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .map(|h| {
            let mut c = views::card(&page, &h.listed, &taxonomy);
            c.why = h
                .why
                .iter()
                .map(|w| {
                    page.tx(
                        "knowledge-why",
                        &[
                            ("term", w.term.clone().into()),
                            ("found", w.found.clone().into()),
                            (
                                "field",
                                page.t(&format!("knowledge-field-{}", w.field.key())).into(),
                            ),
                            (
                                "how",
                                page.t(&format!("knowledge-match-{}", w.kind.as_str()))
                                    .into(),
                            ),
                        ],
                    )
                })
                .collect();
            c
        })
        .collect();
    let facets = Dim::ALL
        .iter()
        .map(|d| {
            let chosen = match d {
                Dim::Kind => &q.kind,
                Dim::Phenomenon => &q.phenomenon,
                Dim::AgeBand => &q.age,
                Dim::Sector => &q.sector,
                Dim::Lang => &q.language,
                Dim::Evidence => &q.evidence,
            };
            let options = outcome.facets.get(d).map_or_else(Vec::new, |counts| {
                counts
                    .iter()
                    .map(|(v, n)| FacetOption {
                        label: facet_label(&page, *d, v, &taxonomy),
                        count: *n,
                        href: q.with(d.param(), if v == chosen { "" } else { v }),
                        chosen: v == chosen,
                    })
                    .collect()
            });
            Facet {
                param: d.param(),
                title: page.t(&format!("knowledge-facet-{}", d.param())),
                clear: (!chosen.is_empty()).then(|| q.with(d.param(), "")),
                options,
            }
        })
        .filter(|f| !f.options.is_empty())
        .collect();
    let did_you_mean = outcome.did_you_mean.map(|s| (q.with("q", &s), s));
    let may_write = s.is_some_and(|s| decide(&s.actor, &Action::WriteKnowledge).is_allowed());
    let link_to = |n: usize| {
        let base = q.with("page", "");
        format!(
            "{base}{}page={n}",
            if base.ends_with('?') { "" } else { "&" }
        )
    };
    let kinds = Kind::ALL
        .iter()
        .map(|k| views::Choice {
            value: k.key().into(),
            label: views::kind_name(&page, *k),
        })
        .collect();
    Ok(render(&ListView {
        prev: (shown_page > 1).then(|| link_to(shown_page - 1)),
        next: (shown_page < pages).then(|| link_to(shown_page + 1)),
        page_no: shown_page,
        pages,
        page_of: page.tx(
            "knowledge-page-of",
            &[
                ("page", shown_page.to_string().into()),
                ("pages", pages.to_string().into()),
            ],
        ),
        q,
        cards,
        total,
        facets,
        notices,
        did_you_mean,
        may_write,
        kinds,
        page,
    }))
}
