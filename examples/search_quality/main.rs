//! Expert search quality on the issue 15 collection (`testdata/search/`,
//! written by `scripts/search-collection/generate.py`, whose ground truth
//! does not come from the app):
//!
//! ```sh
//! cargo run --release --example search_quality -- [--postgres ADMIN_URL] [--scale N] [--outside|--blind|--fresh|--fifth]
//! ```
//!
//! `--outside` runs the outside collection (`testdata/search-outside/`,
//! written by `scripts/search-collection/outside.py` by a session that had
//! not seen the engine, its thesaurus or the first collection) instead;
//! `--blind` the blind one (`testdata/search-blind/`, by a third session
//! that saw neither the engine nor the two collections); `--fresh` the
//! fresh one (`testdata/search-fresh/`, by a fourth that saw none of them);
//! `--fifth` the fifth (`testdata/search-fifth/`, by a fifth, likewise).
//!
//! The profiles are stored (without phenomena) in a fresh SQLite database
//! through the app's own store, the app's search index is built from it and
//! every query runs as the search page runs it, paged through for recall.
//! The same texts and queries go to baselines: SQLite FTS5 (unicode61, all
//! words required), SQLite FTS5 over Voikko base forms and, with
//! `--postgres`, PostgreSQL `to_tsvector('finnish', …)` with
//! `websearch_to_tsquery`. Prints Markdown: recall, P@10 and nDCG@10 per
//! category and engine, side by side, per query, and the hand-written
//! forbidden and must-find cases. `--scale N` also replicates the
//! collection to N profiles and times the app's search page query.

mod collection;

use clap::Parser;
use collection::{AppEngine, Collection, Profile, Query, Score};
use otalusta_analysis::{Analyzer, FinnishAnalyzer, Morphology, TermKind, words};
use sqlx::{AssertSqlSafe, Connection};
use std::collections::HashMap;
use std::hint::black_box;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Parser)]
#[command(about = "expert search quality on the issue 15 collection")]
struct Cli {
    /// A PostgreSQL server where the user may create databases.
    #[arg(long)]
    postgres: Option<String>,
    /// Also replicate the collection to N profiles and time the search.
    #[arg(long)]
    scale: Option<usize>,
    /// The outside collection (testdata/search-outside) instead.
    #[arg(long, conflicts_with_all = ["blind", "fresh", "fifth"])]
    outside: bool,
    /// The blind collection (testdata/search-blind) instead.
    #[arg(long, conflicts_with_all = ["fresh", "fifth"])]
    blind: bool,
    /// The fresh collection (testdata/search-fresh) instead.
    #[arg(long, conflicts_with = "fifth")]
    fresh: bool,
    /// The fifth collection (testdata/search-fifth) instead.
    #[arg(long)]
    fifth: bool,
}

impl Cli {
    /// The collection asked for: its directory and its name in the report.
    fn collection(&self) -> (std::path::PathBuf, &'static str) {
        if self.outside {
            (
                collection::outside_dir(),
                "outside collection (testdata/search-outside)",
            )
        } else if self.blind {
            (
                collection::blind_dir(),
                "blind collection (testdata/search-blind)",
            )
        } else if self.fresh {
            (
                collection::fresh_dir(),
                "fresh collection (testdata/search-fresh)",
            )
        } else if self.fifth {
            (
                collection::fifth_dir(),
                "fifth collection (testdata/search-fifth)",
            )
        } else {
            (
                collection::collection_dir(),
                "issue 15 collection (testdata/search)",
            )
        }
    }
}

/// Finnish words' base forms (Voikko), cached.
struct Lemmas {
    analyzer: FinnishAnalyzer,
    cache: Mutex<HashMap<String, Vec<String>>>,
}

impl Lemmas {
    fn forms(&self, word: &str) -> Vec<String> {
        let lower = word.to_lowercase();
        if let Some(v) = self.cache.lock().expect("cache").get(&lower) {
            return v.clone();
        }
        let a = self.analyzer.analyze_word(&lower);
        let mut forms: Vec<String> = a.of_kind(TermKind::BaseForm).map(str::to_owned).collect();
        if forms.is_empty() {
            forms.push(lower.clone());
        }
        forms.dedup();
        self.cache
            .lock()
            .expect("cache")
            .insert(lower, forms.clone());
        forms
    }

    /// A text as its words' base forms.
    fn text(&self, text: &str) -> String {
        words(text)
            .flat_map(|w| self.forms(&w.text))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

enum Engine {
    App(Box<AppEngine>),
    Fts {
        pool: sqlx::SqlitePool,
        lemmas: Option<std::sync::Arc<Lemmas>>,
    },
    Pg(sqlx::PgPool),
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    App,
    Fts,
    FtsVoikko,
    Pg,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::App => "otalusta (tantivy)",
            Kind::Fts => "FTS5 unicode61",
            Kind::FtsVoikko => "FTS5 Voikko base forms",
            Kind::Pg => "PostgreSQL 'finnish'",
        }
    }
}

/// A fresh database on the PostgreSQL server of `admin_url` (dropped first).
async fn fresh_pg_database(admin_url: &str, name: &str) -> anyhow::Result<String> {
    let mut admin = sqlx::PgConnection::connect(admin_url).await?;
    for sql in [
        format!("DROP DATABASE IF EXISTS {name}"),
        format!("CREATE DATABASE {name}"),
    ] {
        sqlx::query(AssertSqlSafe(sql)).execute(&mut admin).await?;
    }
    admin.close().await?;
    let (base, _) = admin_url
        .rsplit_once('/')
        .ok_or_else(|| anyhow::anyhow!("a PostgreSQL URL ends with /DATABASE"))?;
    Ok(format!("{base}/{name}"))
}

impl Engine {
    async fn build(
        kind: Kind,
        dir: &Path,
        profiles: &[Profile],
        postgres: Option<&str>,
        lemmas: &std::sync::Arc<Lemmas>,
    ) -> anyhow::Result<Engine> {
        match kind {
            Kind::App => {
                std::fs::create_dir_all(dir)?;
                Ok(Engine::App(Box::new(
                    AppEngine::build(dir, profiles).await?,
                )))
            }
            Kind::Fts | Kind::FtsVoikko => {
                let lemmas = (kind == Kind::FtsVoikko).then(|| lemmas.clone());
                let pool = sqlx::sqlite::SqlitePoolOptions::new()
                    .max_connections(1)
                    .connect("sqlite::memory:")
                    .await?;
                sqlx::query(
                    "CREATE VIRTUAL TABLE docs USING fts5(name, title, organisation, description, \
                     tokenize = 'unicode61')",
                )
                .execute(&pool)
                .await?;
                let mut tx = pool.begin().await?;
                for (i, p) in profiles.iter().enumerate() {
                    let t = |s: &str| match &lemmas {
                        Some(l) => l.text(s),
                        None => s.to_owned(),
                    };
                    sqlx::query(
                        "INSERT INTO docs (rowid, name, title, organisation, description) \
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                    )
                    .bind(i as i64 + 1)
                    .bind(t(&p.name))
                    .bind(t(&p.title))
                    .bind(t(&p.organisation))
                    .bind(t(&p.description))
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                // Weighted as the app weighs its fields.
                sqlx::query(
                    "INSERT INTO docs (docs, rank) VALUES ('rank', 'bm25(1.5, 2.0, 1.0, 1.0)')",
                )
                .execute(&pool)
                .await?;
                Ok(Engine::Fts { pool, lemmas })
            }
            Kind::Pg => {
                let admin = postgres.ok_or_else(|| anyhow::anyhow!("no --postgres"))?;
                let name = format!(
                    "otalusta_quality_{}",
                    dir.file_name().and_then(|s| s.to_str()).unwrap_or("x")
                );
                let url = fresh_pg_database(admin, &name).await?;
                let pg = sqlx::postgres::PgPoolOptions::new()
                    .max_connections(1)
                    .connect(&url)
                    .await?;
                sqlx::query(
                    "CREATE TABLE profiles (id BIGINT PRIMARY KEY, name TEXT, title TEXT, \
                     organisation TEXT, description TEXT, \
                     tsv TSVECTOR GENERATED ALWAYS AS ( \
                       setweight(to_tsvector('finnish', title), 'B') || \
                       setweight(to_tsvector('finnish', name || ' ' || organisation), 'C') || \
                       setweight(to_tsvector('finnish', description), 'D')) STORED)",
                )
                .execute(&pg)
                .await?;
                for (i, p) in profiles.iter().enumerate() {
                    sqlx::query(
                        "INSERT INTO profiles (id, name, title, organisation, description) \
                         VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(i as i64)
                    .bind(&p.name)
                    .bind(&p.title)
                    .bind(&p.organisation)
                    .bind(&p.description)
                    .execute(&pg)
                    .await?;
                }
                sqlx::query("CREATE INDEX profiles_tsv ON profiles USING GIN (tsv)")
                    .execute(&pg)
                    .await?;
                sqlx::query("VACUUM ANALYZE profiles").execute(&pg).await?;
                Ok(Engine::Pg(pg))
            }
        }
    }

    /// Every hit of `q` (positions in the profiles), best first.
    async fn search(&self, q: &str) -> anyhow::Result<Vec<usize>> {
        match self {
            Engine::App(app) => Ok(app.search(q)),
            Engine::Fts { pool, lemmas } => {
                // Every word required; with Voikko a word matches any of
                // its base forms.
                let query = words(q)
                    .map(|w| match lemmas {
                        None => quote(&w.text),
                        Some(l) => {
                            let forms: Vec<String> =
                                l.forms(&w.text).iter().map(|f| quote(f)).collect();
                            format!("({})", forms.join(" OR "))
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" AND ");
                if query.is_empty() {
                    return Ok(Vec::new());
                }
                let rows: Vec<(i64,)> = sqlx::query_as(
                    "SELECT rowid FROM docs WHERE docs MATCH ?1 ORDER BY rank, rowid",
                )
                .bind(query)
                .fetch_all(pool)
                .await?;
                Ok(rows.into_iter().map(|(i,)| i as usize - 1).collect())
            }
            Engine::Pg(pg) => {
                let rows: Vec<(i64,)> = sqlx::query_as(
                    "SELECT id FROM profiles, websearch_to_tsquery('finnish', $1) q \
                     WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC, id",
                )
                .bind(q)
                .fetch_all(pg)
                .await?;
                Ok(rows.into_iter().map(|(i,)| i as usize).collect())
            }
        }
    }

    async fn close(self) {
        match self {
            Engine::App(app) => app.db.close().await,
            Engine::Fts { pool, .. } => pool.close().await,
            Engine::Pg(pg) => pg.close().await,
        }
    }
}

struct EngineRun {
    kind: Kind,
    scores: Vec<Score>,
    failing_cases: Vec<String>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn,sqlx=error")),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let (dir, name) = cli.collection();
    let col = Collection::load_from(&dir)?;
    let work = tempfile::tempdir()?;
    let lemmas = std::sync::Arc::new(Lemmas {
        analyzer: FinnishAnalyzer::load(),
        cache: Mutex::new(HashMap::new()),
    });
    let voikko = matches!(lemmas.analyzer.status(), Morphology::Voikko { .. });
    let mut kinds = vec![Kind::App, Kind::Fts];
    if voikko {
        kinds.push(Kind::FtsVoikko);
    } else {
        eprintln!(
            "Voikko is not available: no FTS5 base-form baseline, and the app searches with its fallback"
        );
    }
    if cli.postgres.is_some() {
        kinds.push(Kind::Pg);
    }
    let cases = collection::case_profiles(&col);
    let mut runs = Vec::new();
    let mut morphology = String::new();
    for (n, kind) in kinds.iter().enumerate() {
        eprintln!("{} …", kind.label());
        let started = Instant::now();
        let engine = Engine::build(
            *kind,
            &work.path().join(format!("main{n}")),
            &col.profiles,
            cli.postgres.as_deref(),
            &lemmas,
        )
        .await?;
        let build = started.elapsed();
        if let Engine::App(app) = &engine {
            morphology = if app.morphology_ok() {
                "Voikko".into()
            } else {
                "fallback (no Voikko)".into()
            };
        }
        let mut scores = Vec::new();
        for q in &col.queries {
            let hits = engine.search(&q.q).await?;
            scores.push(collection::score(&hits, &col.relevant(q)));
        }
        engine.close().await;
        eprintln!("  built in {:.1} s", build.as_secs_f64());
        let engine = Engine::build(
            *kind,
            &work.path().join(format!("cases{n}")),
            &cases,
            cli.postgres.as_deref(),
            &lemmas,
        )
        .await?;
        // Whether each case's query finds the case's own profile.
        let mut found = Vec::new();
        for (i, c) in col.forbidden.iter().chain(&col.must_find).enumerate() {
            found.push(engine.search(&c.q).await?.contains(&i));
        }
        engine.close().await;
        let failing_cases = collection::failing_cases(&col, |i, _| found[i]);
        runs.push(EngineRun {
            kind: *kind,
            scores,
            failing_cases,
        });
    }

    print_report(&col, &runs, &morphology, name);
    if let Some(n) = cli.scale {
        scale(&col, n, work.path()).await?;
    }
    Ok(())
}

fn print_report(col: &Collection, runs: &[EngineRun], morphology: &str, name: &str) {
    let langs = |l: &str| col.profiles.iter().filter(|p| p.language == l).count();
    println!(
        "### Search quality on the {name}\n\n{} profiles ({} fi, {} sv, {} en), {} \
         queries; the app's Finnish morphology: {morphology}. Recall and precision over all hits, P@10 over the \
         first ten hits (fewer when fewer were found), nDCG@10 with binary relevance; means per \
         category in per cent.\n",
        col.profiles.len(),
        langs("fi"),
        langs("sv"),
        langs("en"),
        col.queries.len()
    );
    for r in runs {
        println!(
            "{}",
            collection::engine_table(r.kind.label(), &col.queries, &r.scores)
        );
    }

    // Side by side: recall / P@10 / nDCG@10 per category and engine.
    println!("#### Side by side (recall / P@10 / nDCG@10 %)\n");
    let mut head = "| category |".to_owned();
    let mut rule = "|---|".to_owned();
    for r in runs {
        head.push_str(&format!(" {} |", r.kind.label()));
        rule.push_str("---:|");
    }
    println!("{head}\n{rule}");
    let tables: Vec<_> = runs
        .iter()
        .map(|r| collection::by_category(&col.queries, &r.scores))
        .collect();
    for key in tables[0].keys() {
        let mut row = format!("| {} |", tables[0][key].0);
        for t in &tables {
            let s = &t[key].1;
            row.push_str(&format!(
                " {} / {} / {} |",
                collection::pct(s.recall),
                collection::pct(s.p10),
                collection::pct(s.ndcg10)
            ));
        }
        println!("{row}");
    }
    let mut zero = "| queries with zero hits |".to_owned();
    let mut low = "| queries with P@10 < 0.95 |".to_owned();
    let mut cases = format!(
        "| failing cases (of {} forbidden + {} must-find) |",
        col.forbidden.len(),
        col.must_find.len()
    );
    for (t, r) in tables.iter().zip(runs) {
        let all = &t[&collection::CATEGORIES.len()].1;
        zero.push_str(&format!(" {} |", all.zero_hits));
        low.push_str(&format!(" {} |", all.p10_below_95));
        let forbidden = r
            .failing_cases
            .iter()
            .filter(|c| c.starts_with("forbidden"))
            .count();
        cases.push_str(&format!(
            " {forbidden} found + {} missed |",
            r.failing_cases.len() - forbidden
        ));
    }
    println!("{zero}\n{low}\n{cases}\n");

    // Per query: hits, recall and P@10 per engine.
    println!("#### Per query (hits / recall % / P@10 %)\n");
    let mut head = "| query | category | relevant |".to_owned();
    let mut rule = "|---|---|---:|".to_owned();
    for r in runs {
        head.push_str(&format!(" {} |", r.kind.label()));
        rule.push_str("---:|");
    }
    println!("{head}\n{rule}");
    for (i, q) in col.queries.iter().enumerate() {
        let mut row = format!(
            "| {} | {} | {} |",
            q.q, q.category, runs[0].scores[i].relevant
        );
        for r in runs {
            let s = &r.scores[i];
            row.push_str(&format!(
                " {} / {} / {} |",
                s.hits,
                collection::pct(s.recall),
                collection::pct(s.p10)
            ));
        }
        println!("{row}");
    }
    println!();
    for r in runs {
        if r.failing_cases.is_empty() {
            continue;
        }
        println!("Failing hand-written cases, {}:\n", r.kind.label());
        for c in &r.failing_cases {
            println!("- {c}");
        }
        println!();
    }
}

/// The collection replicated to `n` profiles (names varied), and the
/// latency of the search page's query for one client.
async fn scale(col: &Collection, n: usize, work: &Path) -> anyhow::Result<()> {
    let len = col.profiles.len();
    let profiles: Vec<Profile> = (0..n)
        .map(|i| {
            let mut p = col.profiles[i % len].clone();
            let round = i / len;
            if round > 0 {
                let first = col.profiles[(i + 7 * round) % len]
                    .name
                    .split(' ')
                    .next()
                    .unwrap_or("");
                let last = col.profiles[(i * 31 + round) % len]
                    .name
                    .rsplit(' ')
                    .next()
                    .unwrap_or("");
                p.name = format!("{first} {last}");
            }
            p
        })
        .collect();
    let started = Instant::now();
    let dir = work.join("scale");
    std::fs::create_dir_all(&dir)?;
    let app = AppEngine::build(&dir, &profiles).await?;
    let build = started.elapsed();
    let queries: Vec<_> = col
        .queries
        .iter()
        .map(|q: &Query| AppEngine::page_query(&q.q))
        .collect();
    for sq in &queries {
        black_box(app.index.search(sq, app.today));
    }
    let mut samples: Vec<Duration> = Vec::new();
    for _ in 0..10 {
        for sq in &queries {
            let t = Instant::now();
            black_box(app.index.search(sq, app.today));
            samples.push(t.elapsed());
        }
    }
    samples.sort_unstable();
    let at = |q: f64| {
        let rank = ((q * samples.len() as f64).ceil() as usize).clamp(1, samples.len());
        samples[rank - 1].as_secs_f64() * 1000.0
    };
    println!(
        "#### Latency at {n} profiles\n\nStored and indexed in {:.1} s; {} queries × 10 runs, one \
         client, the search page's query (the count and the first 20).\n\n| p50 ms | p99 ms | max ms |\n\
         |---:|---:|---:|\n| {:.2} | {:.2} | {:.2} |\n",
        build.as_secs_f64(),
        queries.len(),
        at(0.5),
        at(0.99),
        at(1.0)
    );
    app.db.close().await;
    Ok(())
}
