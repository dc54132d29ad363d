//! The issue 15 search collection (`testdata/search/`, written by
//! `scripts/search-collection/generate.py`): loading it, storing its
//! profiles through the app's own store, searching them as the search page
//! does, and scoring the results. Shared by `examples/search_quality` and
//! the integration test `tests/it/search_quality.rs`.

#![allow(dead_code)]

#[path = "metrics.rs"]
pub mod metrics;

use otalusta::core::config::Config;
use otalusta::core::db::Db;
use otalusta::experts::routes::SearchForm;
use otalusta::experts::search::{HitKind, SearchIndex, TextAnalysis};
use otalusta::experts::store;
use otalusta_domain::experts::{ExpertDetails, Language};
use otalusta_domain::region::Sector;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// An invented profile and the concepts it is truly about.
#[derive(Debug, Clone, Deserialize)]
pub struct Profile {
    #[serde(default)]
    pub id: String,
    pub name: String,
    pub title: String,
    pub organisation: String,
    /// `fi`, `sv` or `en`: the language of `description`.
    pub language: String,
    pub description: String,
    pub concepts: Vec<String>,
}

/// A query and the concepts a profile must ALL have to be relevant.
#[derive(Debug, Clone, Deserialize)]
pub struct Query {
    pub q: String,
    pub category: String,
    pub relevant: Vec<String>,
}

/// A hand-written case: `profile` must (must_find) or must not (forbidden)
/// be found by `q`.
#[derive(Debug, Clone, Deserialize)]
pub struct Case {
    pub q: String,
    pub profile: Profile,
    pub why: String,
}

pub struct Collection {
    pub profiles: Vec<Profile>,
    pub queries: Vec<Query>,
    pub forbidden: Vec<Case>,
    pub must_find: Vec<Case>,
}

/// The query categories, in the order the tables list them.
pub const CATEGORIES: &[&str] = &[
    "inflected",
    "compound",
    "compound-split",
    "derived",
    "multiword",
    "synonym",
    "typo",
    "swedish",
    "english",
    "question",
];

pub fn collection_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/search")
}

/// The outside collection (`testdata/search-outside/`, written by
/// `scripts/search-collection/outside.py`): its own concepts and wording,
/// made by someone who had not seen the engine, its thesaurus or the first
/// collection.
pub fn outside_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/search-outside")
}

/// The blind collection (`testdata/search-blind/`, written by a third
/// session that saw neither the engine nor the two collections before it),
/// measured once the engine's rules had been written from the others.
pub fn blind_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/search-blind")
}

/// The fresh collection (`testdata/search-fresh/`, written by a fourth
/// session that saw neither the engine nor the three collections before
/// it), measured first on the engine as the blind one had left it.
pub fn fresh_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/search-fresh")
}

/// The fifth collection (`testdata/search-fifth/`, written by a fifth
/// session that saw neither the engine nor the four collections before
/// it), measured first on the engine as the fresh one had left it.
pub fn fifth_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/search-fifth")
}

impl Collection {
    /// The first collection (`testdata/search/`).
    pub fn load() -> anyhow::Result<Collection> {
        Self::load_from(&collection_dir())
    }

    pub fn load_from(dir: &Path) -> anyhow::Result<Collection> {
        let read = |name: &str| -> anyhow::Result<String> {
            std::fs::read_to_string(dir.join(name))
                .map_err(|e| anyhow::anyhow!("{}: {e}", dir.join(name).display()))
        };
        let c = Collection {
            profiles: serde_json::from_str(&read("profiles.json")?)?,
            queries: serde_json::from_str(&read("queries.json")?)?,
            forbidden: serde_json::from_str(&read("forbidden.json")?)?,
            must_find: serde_json::from_str(&read("must_find.json")?)?,
        };
        for q in &c.queries {
            anyhow::ensure!(
                CATEGORIES.contains(&q.category.as_str()),
                "query {:?}: unknown category {}",
                q.q,
                q.category
            );
        }
        Ok(c)
    }

    /// The profiles (by position) relevant to `q`.
    pub fn relevant(&self, q: &Query) -> HashSet<usize> {
        relevant(&self.profiles, q)
    }
}

pub fn relevant(profiles: &[Profile], q: &Query) -> HashSet<usize> {
    profiles
        .iter()
        .enumerate()
        .filter(|(_, p)| q.relevant.iter().all(|c| p.concepts.contains(c)))
        .map(|(i, _)| i)
        .collect()
}

/// The profile as the app stores it: no phenomena, the description in the
/// field of its language. `n` makes the e-mail address unique.
pub fn details(p: &Profile, n: usize) -> ExpertDetails {
    let (mut fi, mut sv, mut en) = (String::new(), String::new(), String::new());
    let language = match p.language.as_str() {
        "sv" => {
            sv = p.description.clone();
            Language::Swedish
        }
        "en" => {
            en = p.description.clone();
            Language::English
        }
        _ => {
            fi = p.description.clone();
            Language::Finnish
        }
    };
    let area = otalusta_domain::region::AREAS[n % otalusta_domain::region::AREAS.len()].code;
    ExpertDetails {
        name: p.name.clone(),
        title: p.title.clone(),
        organisation: p.organisation.clone(),
        email: format!("expert{n}@collection.example"),
        phone: String::new(),
        contact_note: String::new(),
        area: area.to_owned(),
        regions: vec![area.to_owned()],
        sectors: vec![Sector::Social],
        phenomena: Vec::new(),
        languages: vec![language],
        remote: true,
        paused_until: None,
        pause_note: String::new(),
        description_fi: fi,
        description_sv: sv,
        description_en: en,
        listed_publicly: true,
        publish_contact: false,
    }
}

/// A fresh SQLite database in `dir` with the reference data, the taxonomy
/// and `profiles` stored through `experts::store::create`; returns the
/// database and each expert id's position in `profiles`.
pub async fn seed(dir: &Path, profiles: &[Profile]) -> anyhow::Result<(Db, HashMap<i64, usize>)> {
    let db = Db::connect(&Config::default_database_url(dir)).await?;
    db.migrate().await?;
    otalusta::regions::store::sync_reference_data(&db).await?;
    otalusta::taxonomy::store::seed(&db).await?;
    let mut ids = HashMap::new();
    for (chunk_no, chunk) in profiles.chunks(1000).enumerate() {
        let mut tx = db.begin().await?;
        for (i, p) in chunk.iter().enumerate() {
            let n = chunk_no * 1000 + i;
            let id = store::create(&mut tx, &details(p, n), None).await?;
            ids.insert(id.0, n);
        }
        tx.commit().await?;
    }
    Ok((db, ids))
}

/// The app's search over a seeded database, queried as the search page
/// queries it.
pub struct AppEngine {
    pub db: Db,
    pub index: Arc<SearchIndex>,
    pub ids: HashMap<i64, usize>,
    pub today: jiff::civil::Date,
}

impl AppEngine {
    pub async fn build(dir: &Path, profiles: &[Profile]) -> anyhow::Result<AppEngine> {
        let (db, ids) = seed(dir, profiles).await?;
        let index = SearchIndex::build(&db, Arc::new(TextAnalysis::load())).await?;
        Ok(AppEngine {
            db,
            index,
            ids,
            today: otalusta::groups::routes::today(),
        })
    }

    pub fn morphology_ok(&self) -> bool {
        self.index.morphology_ok()
    }

    /// The search page's query for `q` (first page).
    pub fn page_query(q: &str) -> otalusta::experts::search::SearchQuery {
        SearchForm {
            q: q.to_owned(),
            ..SearchForm::default()
        }
        .query(false)
    }

    /// Every hit of `q` (positions in the profiles), best first: the page's
    /// query, paged through 100 at a time.
    pub fn search(&self, q: &str) -> Vec<usize> {
        let mut sq = Self::page_query(q);
        sq.limit = 100;
        sq.offset = 0;
        let mut out = Vec::new();
        loop {
            let r = self.index.search(&sq, self.today);
            let n = r.hits.len();
            out.extend(r.hits.iter().filter_map(|h| match h.kind {
                HitKind::Expert(id) => self.ids.get(&id.0).copied(),
                HitKind::Group(_) => None,
            }));
            sq.offset += n;
            if n == 0 || sq.offset >= r.total {
                break;
            }
        }
        out
    }
}

/// One query's figures on one engine.
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub hits: usize,
    pub relevant: usize,
    pub recall: f64,
    /// Precision over all hits (0 without hits): the wrong people anywhere.
    pub precision: f64,
    pub p10: f64,
    pub ndcg10: f64,
}

pub fn score(ranked: &[usize], relevant: &HashSet<usize>) -> Score {
    Score {
        hits: ranked.len(),
        relevant: relevant.len(),
        recall: metrics::recall(ranked, relevant),
        precision: metrics::precision_at(ranked, relevant, usize::MAX),
        p10: metrics::precision_at(ranked, relevant, 10),
        ndcg10: metrics::ndcg_at(ranked, relevant, 10),
    }
}

/// Figures of a group of queries.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub queries: usize,
    pub recall: f64,
    pub precision: f64,
    pub p10: f64,
    pub ndcg10: f64,
    pub zero_hits: usize,
    pub p10_below_95: usize,
}

pub fn summarise<'a>(scores: impl IntoIterator<Item = &'a Score>) -> Summary {
    let mut s = Summary::default();
    for x in scores {
        s.queries += 1;
        s.recall += x.recall;
        s.precision += x.precision;
        s.p10 += x.p10;
        s.ndcg10 += x.ndcg10;
        s.zero_hits += usize::from(x.hits == 0);
        s.p10_below_95 += usize::from(x.p10 < 0.95);
    }
    if s.queries > 0 {
        let n = s.queries as f64;
        s.recall /= n;
        s.precision /= n;
        s.p10 /= n;
        s.ndcg10 /= n;
    }
    s
}

/// Per category, then `all`.
pub fn by_category(queries: &[Query], scores: &[Score]) -> BTreeMap<usize, (String, Summary)> {
    let mut out = BTreeMap::new();
    for (i, cat) in CATEGORIES.iter().enumerate() {
        let s = summarise(
            queries
                .iter()
                .zip(scores)
                .filter(|(q, _)| q.category == *cat)
                .map(|(_, s)| s),
        );
        out.insert(i, ((*cat).to_owned(), s));
    }
    out.insert(CATEGORIES.len(), ("**all**".to_owned(), summarise(scores)));
    out
}

pub fn pct(x: f64) -> String {
    format!("{:.0}", x * 100.0)
}

/// The Markdown table of one engine: a row per category and one for all.
pub fn engine_table(name: &str, queries: &[Query], scores: &[Score]) -> String {
    let mut t = format!(
        "#### {name}\n\n| category | queries | recall % | precision % | P@10 % | nDCG@10 % | zero hits | P@10 < 0.95 |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|\n"
    );
    for (cat, s) in by_category(queries, scores).values() {
        t.push_str(&format!(
            "| {cat} | {} | {} | {} | {} | {} | {} | {} |\n",
            s.queries,
            pct(s.recall),
            pct(s.precision),
            pct(s.p10),
            pct(s.ndcg10),
            s.zero_hits,
            s.p10_below_95
        ));
    }
    t
}

/// Every query of the collection on the app's engine.
pub fn run_app(engine: &AppEngine, col: &Collection) -> Vec<Score> {
    col.queries
        .iter()
        .map(|q| score(&engine.search(&q.q), &col.relevant(q)))
        .collect()
}

/// The hand-written cases that fail: a forbidden profile found, a
/// must-find profile missed. `found(i, q)` says whether the case profile
/// `i` (forbidden first, then must-find) is among the hits of `q`.
pub fn failing_cases(col: &Collection, found: impl Fn(usize, &str) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    for (i, c) in col.forbidden.iter().enumerate() {
        if found(i, &c.q) {
            out.push(format!(
                "forbidden found: \"{}\" → {} ({})",
                c.q, c.profile.description, c.why
            ));
        }
    }
    let base = col.forbidden.len();
    for (i, c) in col.must_find.iter().enumerate() {
        if !found(base + i, &c.q) {
            out.push(format!(
                "must-find missed: \"{}\" ↛ {} ({})",
                c.q, c.profile.description, c.why
            ));
        }
    }
    out
}

/// The case profiles, forbidden first, then must-find.
pub fn case_profiles(col: &Collection) -> Vec<Profile> {
    col.forbidden
        .iter()
        .chain(&col.must_find)
        .map(|c| c.profile.clone())
        .collect()
}
