//! The in-process parts of the benchmarks (`scripts/bench.sh` runs them;
//! see BENCHMARKS.md). Not part of CI.
//!
//! - `bench seed --data-dir DIR --experts N --password P`: a fresh SQLite
//!   data directory for `otalusta serve --data-dir DIR`: the reference data,
//!   the demo accounts (password P) and groups, and N invented expert
//!   profiles stored through the app's own `experts::store::create`.
//! - `bench search --data-dir DIR [--postgres URL] [--work DIR]`: the app's
//!   search index over those profiles beside SQLite FTS5 and PostgreSQL
//!   full-text search over the same texts and queries: build time, per-query
//!   latency, recall and precision of Finnish inflected queries whose
//!   expected matches follow from the generator (a profile's phenomena
//!   decide its text).
//! - `bench audit --entries N [--postgres URL] [--work DIR]`: an access log
//!   of N entries appended through `audit::store::append`, then
//!   `audit::walk::verify` beside plain SHA-256 over the same bytes.
//! - `bench stats [--requests N] [--audit M] [--postgres URL] [--work DIR]`:
//!   the statistics at scale: N past requests (`demo::history::generate`,
//!   default 1 000 000) and M access-log entries (default 10 000 000) on
//!   SQLite and PostgreSQL, the snapshot refresh, and every statistics view
//!   through the real router over real HTTP. Smaller sizes with
//!   `OTALUSTA_BENCH_STATS_REQUESTS` and `OTALUSTA_BENCH_STATS_AUDIT`.
//!
//! - `bench audit-scale [--sqlite-entries N] [--postgres URL]
//!   [--postgres-entries M] --work DIR`: the access log at national scale
//!   (default 10 000 000 entries on SQLite, 100 000 000 on PostgreSQL): a
//!   real keyed chain, the auditor's filtered views, the client extract's
//!   query, `audit verify` whole and from the latest checkpoint, beside
//!   plain SHA-256 over the same bytes.
//!
//! Everything prints Markdown tables on stdout.

use clap::{Parser, Subcommand};
use otalusta::audit;
use otalusta::core::config::Config;
use otalusta::core::db::{self, Db};
use otalusta::experts::routes::SearchForm;
use otalusta::experts::search::{SearchIndex, SearchQuery, TextAnalysis};
use otalusta::experts::store;
use otalusta_analysis::{Analyzer, FinnishAnalyzer, Morphology, TermKind, words};
use otalusta_domain::audit::{AuditEntry, AuditEvent, ChainKey, Outcome, Verifier};
use otalusta_domain::experts::invented::invented;
use sha2::{Digest, Sha256};
use sqlx::{AssertSqlSafe, Connection};
use std::collections::{HashMap, HashSet};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[path = "bench/audit_scale.rs"]
mod audit_scale;
#[path = "bench/stats.rs"]
mod stats;

#[derive(Parser)]
#[command(about = "otalusta benchmarks (see BENCHMARKS.md)")]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Creates a data directory with the demo accounts and N invented profiles.
    Seed {
        #[arg(long)]
        data_dir: PathBuf,
        #[arg(long, default_value_t = 100_000)]
        experts: usize,
        #[arg(long)]
        password: String,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// The app's search beside SQLite FTS5 and PostgreSQL full-text search.
    Search {
        #[arg(long)]
        data_dir: PathBuf,
        /// A PostgreSQL server where the user may create databases.
        #[arg(long)]
        postgres: Option<String>,
        /// Where the FTS5 database goes (default: the data directory).
        #[arg(long)]
        work: Option<PathBuf>,
        /// Timed runs of each query on each engine.
        #[arg(long, default_value_t = 100)]
        iterations: usize,
    },
    /// `audit verify` beside plain SHA-256.
    Audit {
        #[arg(long, default_value_t = 200_000)]
        entries: usize,
        #[arg(long)]
        postgres: Option<String>,
        #[arg(long)]
        work: PathBuf,
    },
    /// The access log at national scale: the auditor's views, the client
    /// extract and `audit verify` over a real chain.
    AuditScale {
        #[arg(long, default_value_t = 10_000_000)]
        sqlite_entries: usize,
        /// A PostgreSQL server where the user may create databases (none:
        /// SQLite only).
        #[arg(long, env = "OTALUSTA_TEST_POSTGRES_URL")]
        postgres: Option<String>,
        #[arg(long, default_value_t = 100_000_000)]
        postgres_entries: usize,
        #[arg(long)]
        work: PathBuf,
    },
    /// The statistics over a million requests and ten million log entries.
    Stats {
        #[arg(
            long,
            env = "OTALUSTA_BENCH_STATS_REQUESTS",
            default_value_t = 1_000_000
        )]
        requests: usize,
        #[arg(long, env = "OTALUSTA_BENCH_STATS_AUDIT", default_value_t = 10_000_000)]
        audit: usize,
        /// A PostgreSQL server where the user may create databases (none:
        /// SQLite only).
        #[arg(long, env = "OTALUSTA_TEST_POSTGRES_URL")]
        postgres: Option<String>,
        /// Where the SQLite database goes (default: a temporary directory).
        #[arg(long)]
        work: Option<PathBuf>,
        /// Timed requests of each view.
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
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
    match Cli::parse().command {
        Cmd::Seed {
            data_dir,
            experts,
            password,
            seed,
        } => seed_data(&data_dir, experts, &password, seed).await,
        Cmd::Search {
            data_dir,
            postgres,
            work,
            iterations,
        } => {
            let work = work.unwrap_or_else(|| data_dir.clone());
            search_bench(&data_dir, postgres.as_deref(), &work, iterations).await
        }
        Cmd::Audit {
            entries,
            postgres,
            work,
        } => audit_bench(entries, postgres.as_deref(), &work).await,
        Cmd::Stats {
            requests,
            audit,
            postgres,
            work,
            runs,
        } => stats::bench(requests, audit, postgres.as_deref(), work, runs).await,
        Cmd::AuditScale {
            sqlite_entries,
            postgres,
            postgres_entries,
            work,
        } => audit_scale::run(sqlite_entries, postgres.as_deref(), postgres_entries, &work).await,
    }
}

// --- helpers -------------------------------------------------------------------------

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1000.0)
}

/// The `q`-quantile (0..=1) of `samples`, nearest rank.
fn quantile(samples: &mut [Duration], q: f64) -> Duration {
    if samples.is_empty() {
        return Duration::ZERO;
    }
    samples.sort_unstable();
    let rank = ((q * samples.len() as f64).ceil() as usize).clamp(1, samples.len());
    samples[rank - 1]
}

fn median(mut v: Vec<Duration>) -> Duration {
    quantile(&mut v, 0.5)
}

/// The access-log key of the bench's databases.
const BENCH_KEY: ChainKey = ChainKey([42; 32]);

async fn open(data_dir: &Path) -> anyhow::Result<Db> {
    Ok(Db::connect(&Config::default_database_url(data_dir))
        .await?
        .with_audit_key(BENCH_KEY))
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

// --- seed ------------------------------------------------------------------------------

async fn seed_data(dir: &Path, n: usize, password: &str, seed: u64) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    let db = open(dir).await?;
    db.migrate().await?;
    otalusta::regions::store::sync_reference_data(&db).await?;
    otalusta::taxonomy::store::seed(&db).await?;
    otalusta::demo::ensure_with(&db, password, 0).await?;
    let started = Instant::now();
    let today = otalusta::groups::routes::today();
    let profiles = invented(n, seed, today);
    for chunk in profiles.chunks(1000) {
        let mut tx = db.begin().await?;
        for d in chunk {
            store::create(&mut tx, d, None).await?;
        }
        tx.commit().await?;
    }
    let took = started.elapsed();
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(db.pool())
        .await?;
    db.close().await;
    eprintln!(
        "seeded {} with {n} invented profiles in {:.1} s ({:.0} profiles/s)",
        dir.display(),
        took.as_secs_f64(),
        n as f64 / took.as_secs_f64()
    );
    Ok(())
}

// --- search ----------------------------------------------------------------------------

/// Finnish inflected queries (none of them a base form) and the phenomenon
/// whose profiles are the expected matches. The generator writes each
/// profile's description from its phenomena, and every engine also indexes
/// the phenomena's names and synonyms, so a profile matches exactly when it
/// has the phenomenon; the bench checks that from the data (see the
/// "verbatim" and "lemma" columns) instead of assuming it.
const QUERIES: &[(&str, &str)] = &[
    ("huoltoriidoissa", "custody-disputes"),
    ("huoltoriidoista", "custody-disputes"),
    ("lähisuhdeväkivallasta", "domestic-violence"),
    ("lähisuhdeväkivaltaa", "domestic-violence"),
    ("sijaishuollossa", "substitute-care"),
    ("koulukodeissa", "substitute-care"),
    ("koulukodissa", "substitute-care"),
    ("päihteitä", "substance-use"),
    ("päihteistä", "substance-use"),
    ("neuropsykiatrisissa", "neuropsychiatric"),
    ("traumatisoituneille", "trauma"),
    ("koulupoissaoloissa", "school-support"),
    ("koulupoissaoloista", "school-support"),
    ("harvinaisista sairauksista", "rare-diseases"),
    ("toiminnallisiin häiriöihin", "functional-disorders"),
    ("yhteisasiakkuudesta", "child-protection-psychiatry"),
    ("vammaispalveluista", "disability"),
    ("vårdnadstvister", "custody-disputes"),
];

/// One profile's searchable texts, as every engine gets them.
struct Doc {
    id: i64,
    codes: Vec<String>,
    name: String,
    title: String,
    organisation: String,
    description: String,
    phenomena: String,
}

impl Doc {
    fn fields(&self) -> [&str; 5] {
        [
            &self.name,
            &self.title,
            &self.organisation,
            &self.description,
            &self.phenomena,
        ]
    }
}

async fn load_docs(db: &Db) -> anyhow::Result<Vec<Doc>> {
    let taxonomy: HashMap<String, String> = otalusta::taxonomy::store::all(db)
        .await?
        .into_iter()
        .map(|p| {
            let text = format!(
                "{}. {}. {}. {}",
                p.name_fi, p.name_sv, p.name_en, p.synonyms
            );
            (p.code, text)
        })
        .collect();
    Ok(store::all(db, None)
        .await?
        .into_iter()
        .map(|e| {
            let d = e.details;
            let phenomena = d
                .phenomena
                .iter()
                .filter_map(|c| taxonomy.get(c).cloned())
                .collect::<Vec<_>>()
                .join(". ");
            let description = [d.description_fi, d.description_sv, d.description_en]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            Doc {
                id: e.id.0,
                codes: d.phenomena,
                name: d.name,
                title: d.title,
                organisation: d.organisation,
                description,
                phenomena,
            }
        })
        .collect())
}

/// What one engine found for one query.
#[derive(Default, Clone)]
struct Quality {
    found: usize,
    correct: usize,
}

struct EngineResult {
    name: String,
    build: Duration,
    quality: Vec<Quality>,
    samples: Vec<Duration>,
}

fn recall(q: &Quality, expected: usize) -> f64 {
    if expected == 0 {
        return 1.0;
    }
    q.correct as f64 / expected as f64
}

fn precision(q: &Quality) -> f64 {
    q.correct as f64 / q.found.max(1) as f64
}

/// A share in per cent, never rounded up to 100 nor down to 0: 15843 of
/// 15844 reads 99.9, 1 of 15569 reads <0.1.
fn percent(x: f64) -> String {
    let p = 100.0 * x;
    if p >= 100.0 || p <= 0.0 {
        format!("{p:.0}")
    } else if p < 0.1 {
        "<0.1".into()
    } else if p > 99.0 {
        format!("{:.1}", (p * 10.0).floor() / 10.0)
    } else {
        format!("{p:.0}")
    }
}

fn quality_of(found: &HashSet<i64>, expected: &HashSet<i64>) -> Quality {
    Quality {
        found: found.len(),
        correct: found.intersection(expected).count(),
    }
}

/// A text's lowercase words and their base forms.
type WordsAndLemmas = Arc<(HashSet<String>, HashSet<String>)>;

/// A profile's lowercase words and their base forms (Voikko), with a cache
/// per field text: the generated texts repeat a lot.
struct Lemmas {
    analyzer: FinnishAnalyzer,
    cache: HashMap<String, WordsAndLemmas>,
}

impl Lemmas {
    fn of(&mut self, text: &str) -> WordsAndLemmas {
        if let Some(v) = self.cache.get(text) {
            return v.clone();
        }
        let mut verbatim = HashSet::new();
        let mut lemmas = HashSet::new();
        for w in words(text) {
            let lower = w.text.to_lowercase();
            lemmas.extend(self.base_forms(&lower));
            verbatim.insert(lower);
        }
        let v = Arc::new((verbatim, lemmas));
        self.cache.insert(text.to_owned(), v.clone());
        v
    }

    fn base_forms(&self, word: &str) -> Vec<String> {
        let a = self.analyzer.analyze_word(word);
        let forms: Vec<String> = a.of_kind(TermKind::BaseForm).map(str::to_owned).collect();
        if forms.is_empty() {
            vec![word.to_owned()]
        } else {
            forms
        }
    }
}

async fn search_bench(
    data_dir: &Path,
    postgres: Option<&str>,
    work: &Path,
    iterations: usize,
) -> anyhow::Result<()> {
    let db = open(data_dir).await?;
    let docs = load_docs(&db).await?;
    let today = otalusta::groups::routes::today();
    println!("## Expert search over {} profiles\n", docs.len());

    // Expected matches and the checks that they are the right ones.
    let mut expected: Vec<HashSet<i64>> = Vec::new();
    for (_, code) in QUERIES {
        expected.push(
            docs.iter()
                .filter(|d| d.codes.iter().any(|c| c == code))
                .map(|d| d.id)
                .collect(),
        );
    }
    let mut lemmas = Lemmas {
        analyzer: FinnishAnalyzer::load(),
        cache: HashMap::new(),
    };
    let voikko = matches!(lemmas.analyzer.status(), Morphology::Voikko { .. });
    // Per query: (expected with the words verbatim, expected with the
    // words' base forms, others with the words' base forms).
    let mut checks = vec![(0usize, 0usize, 0usize); QUERIES.len()];
    let query_words: Vec<Vec<(String, Vec<String>)>> = QUERIES
        .iter()
        .map(|(q, _)| {
            words(q)
                .map(|w| {
                    let lower = w.text.to_lowercase();
                    let forms = lemmas.base_forms(&lower);
                    (lower, forms)
                })
                .collect()
        })
        .collect();
    for d in &docs {
        let parts: Vec<_> = d.fields().iter().map(|t| lemmas.of(t)).collect();
        for (i, qw) in query_words.iter().enumerate() {
            let verbatim = qw
                .iter()
                .all(|(w, _)| parts.iter().any(|p| p.0.contains(w)));
            let lemma = qw
                .iter()
                .all(|(_, forms)| forms.iter().any(|f| parts.iter().any(|p| p.1.contains(f))));
            let mine = expected[i].contains(&d.id);
            if mine && verbatim {
                checks[i].0 += 1;
            }
            if mine && lemma {
                checks[i].1 += 1;
            }
            if !mine && lemma {
                checks[i].2 += 1;
            }
        }
    }

    let mut engines: Vec<EngineResult> = Vec::new();

    // The app: its own index, queried as the search page queries it.
    let analysis = Arc::new(TextAnalysis::load());
    let morphology = analysis.status();
    let started = Instant::now();
    let index = SearchIndex::build(&db, analysis).await?;
    let build = started.elapsed();
    // What each node's periodic reconciliation costs (every five minutes).
    let started = Instant::now();
    let report = index.check(&db, &|_, _| {}).await?;
    let check = started.elapsed();
    anyhow::ensure!(
        report.differences() == 0,
        "a fresh index differs from the database: {report:?}"
    );
    let mut quality = Vec::new();
    for (q, code) in QUERIES {
        let count = |phenomenon: Option<&str>| {
            let sq = SearchQuery {
                text: (*q).to_owned(),
                phenomenon: phenomenon.map(str::to_owned),
                include_paused: true,
                experts: true,
                groups: false,
                limit: 1,
                ..SearchQuery::default()
            };
            index.search(&sq, today).total
        };
        quality.push(Quality {
            found: count(None),
            correct: count(Some(code)),
        });
    }
    for ((_, code), e) in QUERIES.iter().zip(&expected) {
        let all = index
            .search(
                &SearchQuery {
                    phenomenon: Some((*code).to_owned()),
                    include_paused: true,
                    experts: true,
                    limit: 1,
                    ..SearchQuery::default()
                },
                today,
            )
            .total;
        anyhow::ensure!(
            all == e.len(),
            "the index has {all} profiles of {code}, the database {}",
            e.len()
        );
    }
    let page_queries: Vec<SearchQuery> = QUERIES
        .iter()
        .map(|(q, _)| {
            SearchForm {
                q: (*q).to_owned(),
                ..SearchForm::default()
            }
            .query(false)
        })
        .collect();
    let mut samples = Vec::new();
    for sq in &page_queries {
        for _ in 0..3 {
            black_box(index.search(sq, today));
        }
    }
    for _ in 0..iterations {
        for sq in &page_queries {
            let t = Instant::now();
            let r = index.search(sq, today);
            samples.push(t.elapsed());
            black_box(r);
        }
    }
    engines.push(EngineResult {
        name: "otalusta (tantivy + Voikko)".into(),
        build,
        quality,
        samples,
    });
    drop(index);

    // SQLite FTS5 over the same texts.
    std::fs::create_dir_all(work)?;
    let fts_path = work.join("bench-fts5.sqlite");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", fts_path.display()));
    }
    let fts = sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(
            sqlx::sqlite::SqliteConnectOptions::new()
                .filename(&fts_path)
                .create_if_missing(true)
                .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sqlx::sqlite::SqliteSynchronous::Normal),
        )
        .await?;
    for (table, tokenizer, label) in [
        ("fts_unicode61", "unicode61", "SQLite FTS5 (unicode61)"),
        ("fts_trigram", "trigram", "SQLite FTS5 (trigram)"),
    ] {
        let started = Instant::now();
        sqlx::query(AssertSqlSafe(format!(
            "CREATE VIRTUAL TABLE {table} USING fts5(name, title, organisation, description, \
             phenomena, tokenize = '{tokenizer}')"
        )))
        .execute(&fts)
        .await?;
        let mut tx = fts.begin().await?;
        let insert = format!(
            "INSERT INTO {table} (rowid, name, title, organisation, description, phenomena) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
        );
        for d in &docs {
            sqlx::query(AssertSqlSafe(insert.clone()))
                .bind(d.id)
                .bind(&d.name)
                .bind(&d.title)
                .bind(&d.organisation)
                .bind(&d.description)
                .bind(&d.phenomena)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO {table} ({table}) VALUES ('optimize')"
        )))
        .execute(&fts)
        .await?;
        sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO {table} ({table}, rank) VALUES ('rank', 'bm25(1.5, 2.0, 1.0, 1.0, 3.0)')"
        )))
        .execute(&fts)
        .await?;
        let build = started.elapsed();
        let fts_query = |q: &str| {
            words(q)
                .map(|w| format!("\"{}\"", w.text.replace('"', "\"\"")))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut quality = Vec::new();
        for ((q, _), e) in QUERIES.iter().zip(&expected) {
            let ids: Vec<(i64,)> = sqlx::query_as(AssertSqlSafe(format!(
                "SELECT rowid FROM {table} WHERE {table} MATCH ?1"
            )))
            .bind(fts_query(q))
            .fetch_all(&fts)
            .await?;
            let found: HashSet<i64> = ids.into_iter().map(|(i,)| i).collect();
            quality.push(quality_of(&found, e));
        }
        // Like the page: the count and the best 20, weighted as the app
        // weighs its fields.
        let page = format!(
            "SELECT rowid, (SELECT count(*) FROM {table} WHERE {table} MATCH ?1) FROM {table} \
             WHERE {table} MATCH ?1 ORDER BY rank LIMIT 20"
        );
        let mut samples = Vec::new();
        for _ in 0..iterations {
            for (q, _) in QUERIES {
                let fq = fts_query(q);
                let t = Instant::now();
                let rows: Vec<(i64, i64)> = sqlx::query_as(AssertSqlSafe(page.clone()))
                    .bind(fq)
                    .fetch_all(&fts)
                    .await?;
                samples.push(t.elapsed());
                black_box(rows);
            }
        }
        engines.push(EngineResult {
            name: label.into(),
            build,
            quality,
            samples,
        });
    }
    fts.close().await;

    // PostgreSQL full-text search with the Finnish (Snowball) configuration.
    if let Some(admin) = postgres {
        let url = fresh_pg_database(admin, "otalusta_bench_fts").await?;
        let pg = sqlx::postgres::PgPoolOptions::new()
            .max_connections(1)
            .connect(&url)
            .await?;
        let version: (String,) = sqlx::query_as("SHOW server_version").fetch_one(&pg).await?;
        let started = Instant::now();
        sqlx::query(
            "CREATE TABLE profiles (id BIGINT PRIMARY KEY, name TEXT, title TEXT, \
             organisation TEXT, description TEXT, phenomena TEXT, \
             tsv TSVECTOR GENERATED ALWAYS AS ( \
               setweight(to_tsvector('finnish', phenomena), 'A') || \
               setweight(to_tsvector('finnish', title), 'B') || \
               setweight(to_tsvector('finnish', name || ' ' || organisation), 'C') || \
               setweight(to_tsvector('finnish', description), 'D')) STORED)",
        )
        .execute(&pg)
        .await?;
        for chunk in docs.chunks(5000) {
            let col =
                |f: fn(&Doc) -> &String| chunk.iter().map(|d| f(d).clone()).collect::<Vec<_>>();
            sqlx::query(
                "INSERT INTO profiles (id, name, title, organisation, description, phenomena) \
                 SELECT * FROM UNNEST($1::bigint[], $2::text[], $3::text[], $4::text[], \
                 $5::text[], $6::text[])",
            )
            .bind(chunk.iter().map(|d| d.id).collect::<Vec<_>>())
            .bind(col(|d| &d.name))
            .bind(col(|d| &d.title))
            .bind(col(|d| &d.organisation))
            .bind(col(|d| &d.description))
            .bind(col(|d| &d.phenomena))
            .execute(&pg)
            .await?;
        }
        sqlx::query("CREATE INDEX profiles_tsv ON profiles USING GIN (tsv)")
            .execute(&pg)
            .await?;
        sqlx::query("VACUUM ANALYZE profiles").execute(&pg).await?;
        let build = started.elapsed();
        let mut quality = Vec::new();
        for ((q, _), e) in QUERIES.iter().zip(&expected) {
            let ids: Vec<(i64,)> = sqlx::query_as(
                "SELECT id FROM profiles WHERE tsv @@ plainto_tsquery('finnish', $1)",
            )
            .bind(*q)
            .fetch_all(&pg)
            .await?;
            let found: HashSet<i64> = ids.into_iter().map(|(i,)| i).collect();
            quality.push(quality_of(&found, e));
        }
        let mut samples = Vec::new();
        for _ in 0..iterations {
            for (q, _) in QUERIES {
                let t = Instant::now();
                let rows: Vec<(i64, i64)> = sqlx::query_as(
                    "SELECT id, count(*) OVER () FROM profiles, plainto_tsquery('finnish', $1) q \
                     WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC LIMIT 20",
                )
                .bind(*q)
                .fetch_all(&pg)
                .await?;
                samples.push(t.elapsed());
                black_box(rows);
            }
        }
        engines.push(EngineResult {
            name: format!(
                "PostgreSQL {} FTS ('finnish')",
                version.0.split_whitespace().next().unwrap_or("")
            ),
            build,
            quality,
            samples,
        });
        pg.close().await;
    }

    // Tables.
    println!(
        "Reconciliation of the app's index with the database (`otalusta index check`, and every \
         five minutes on each node): {} documents compared in {:.1} s, no difference.\n",
        report.database,
        check.as_secs_f64()
    );
    let total_expected: usize = expected.iter().map(HashSet::len).sum();
    println!(
        "{} queries × {iterations} timed runs per engine; latency = one query as the search page \
         asks it (the count and the best 20). Finnish morphology of the app: {morphology}.\n",
        QUERIES.len()
    );
    println!(
        "| engine | build | p50 ms | p99 ms | max ms | recall (all queries) | precision | queries with recall 100 % |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for e in &mut engines {
        let correct: usize = e.quality.iter().map(|q| q.correct).sum();
        let found: usize = e.quality.iter().map(|q| q.found).sum();
        let full = e
            .quality
            .iter()
            .zip(&expected)
            .filter(|(q, x)| q.correct == x.len())
            .count();
        let p50 = quantile(&mut e.samples, 0.5);
        let p99 = quantile(&mut e.samples, 0.99);
        let max = quantile(&mut e.samples, 1.0);
        println!(
            "| {} | {:.1} s | {} | {} | {} | {} % | {} % | {full} / {} |",
            e.name,
            e.build.as_secs_f64(),
            ms(p50),
            ms(p99),
            ms(max),
            percent(correct as f64 / total_expected.max(1) as f64),
            if found == 0 {
                "–".to_owned()
            } else {
                percent(correct as f64 / found as f64)
            },
            QUERIES.len()
        );
    }
    println!(
        "\nPer query: recall / precision in % (– when nothing was found). \"verbatim\": expected profiles whose text has \
         the query's words exactly as written; \"lemma\": expected profiles whose text has a \
         word with the same base form (Voikko{}); \"lemma elsewhere\": other profiles whose text \
         has it.\n",
        if voikko { "" } else { " NOT AVAILABLE: n/a" }
    );
    print!("| query | phenomenon | expected | verbatim | lemma | lemma elsewhere |");
    for e in &engines {
        print!(" {} |", e.name);
    }
    println!();
    print!("|---|---|---:|---:|---:|---:|");
    for _ in &engines {
        print!("---:|");
    }
    println!();
    for (i, (q, code)) in QUERIES.iter().enumerate() {
        let n = expected[i].len();
        let (verbatim, lemma, elsewhere) = checks[i];
        let lemma = if voikko {
            format!("{lemma}")
        } else {
            "n/a".into()
        };
        let elsewhere = if voikko {
            format!("{elsewhere}")
        } else {
            "n/a".into()
        };
        print!("| {q} | {code} | {n} | {verbatim} | {lemma} | {elsewhere} |");
        for e in &engines {
            let qy = &e.quality[i];
            if qy.found == 0 {
                print!(" 0 / – |");
            } else {
                print!(" {} / {} |", percent(recall(qy, n)), percent(precision(qy)));
            }
        }
        println!();
    }
    println!();
    Ok(())
}

// --- audit -----------------------------------------------------------------------------

const ACTIONS: &[&str] = &[
    "login",
    "request.read",
    "request.update",
    "expert.read",
    "group.read",
    "audit.search",
];

fn event(i: usize) -> AuditEvent {
    let actor = (i % 7) as i64 + 1;
    AuditEvent {
        at: db::timestamp(
            jiff::Timestamp::from_second(1_790_000_000 + i as i64).expect("a valid time"),
        ),
        actor_id: Some(actor),
        actor_name: format!("demo-user-{actor}"),
        role: "secretary".into(),
        action: ACTIONS[i % ACTIONS.len()].into(),
        object_type: "request".into(),
        object_id: (i / 3).to_string(),
        outcome: if i.is_multiple_of(50) {
            Outcome::Denied
        } else {
            Outcome::Success
        },
        client_addr: format!("10.0.{}.{}", (i / 256) % 256, i % 256),
        purpose: if i.is_multiple_of(4) {
            "asiakkaan palvelun järjestäminen".into()
        } else {
            String::new()
        },
    }
}

/// The bytes `otalusta_domain::audit::entry_hash` feeds to HMAC-SHA-256
/// for this entry: each field length-prefixed (u64, big-endian).
fn canonical_bytes(e: &AuditEntry) -> Vec<u8> {
    let v = &e.event;
    let seq = e.seq.to_string();
    let actor_id = v.actor_id.map(|i| i.to_string()).unwrap_or_default();
    let mut out = Vec::with_capacity(256);
    for field in [
        "otalusta-audit-v2",
        seq.as_str(),
        v.at.as_str(),
        actor_id.as_str(),
        v.actor_name.as_str(),
        v.role.as_str(),
        v.action.as_str(),
        v.object_type.as_str(),
        v.object_id.as_str(),
        v.outcome.as_str(),
        v.client_addr.as_str(),
        v.purpose.as_str(),
        e.prev_hash.as_str(),
    ] {
        out.extend_from_slice(&(field.len() as u64).to_be_bytes());
        out.extend_from_slice(field.as_bytes());
    }
    out
}

type EntryRow = (
    i64,
    String,
    Option<i64>,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
);

async fn read_entries(db: &Db) -> anyhow::Result<Vec<AuditEntry>> {
    let rows: Vec<EntryRow> = sqlx::query_as(
        "SELECT seq, at, actor_id, actor_name, role, action, object_type, object_id, outcome, \
         client_addr, purpose, prev_hash, hash FROM audit_log ORDER BY seq",
    )
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| AuditEntry {
            seq: r.0,
            event: AuditEvent {
                at: r.1,
                actor_id: r.2,
                actor_name: r.3,
                role: r.4,
                action: r.5,
                object_type: r.6,
                object_id: r.7,
                outcome: Outcome::parse(&r.8).unwrap_or(Outcome::Failure),
                client_addr: r.9,
                purpose: r.10,
            },
            prev_hash: r.11,
            hash: r.12,
        })
        .collect())
}

struct AuditRow {
    what: String,
    per_run: Duration,
}

async fn audit_on(db: &Db, label: &str, n: usize, out: &mut Vec<AuditRow>) -> anyhow::Result<()> {
    db.migrate().await?;
    let started = Instant::now();
    for start in (0..n).step_by(1000) {
        let mut tx = db.begin().await?;
        for i in start..(start + 1000).min(n) {
            audit::store::append(&mut tx, event(i)).await?;
        }
        tx.commit().await?;
    }
    let fill = started.elapsed();
    eprintln!(
        "{label}: appended {n} entries in {:.1} s ({:.0} entries/s)",
        fill.as_secs_f64(),
        n as f64 / fill.as_secs_f64()
    );
    out.push(AuditRow {
        what: format!("append through `audit::store::append` ({label}, 1000 per transaction)"),
        per_run: fill,
    });
    let mut runs = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        let r =
            audit::walk::verify(db, &BENCH_KEY, &[], audit::store::Start::Beginning(None)).await?;
        runs.push(t.elapsed());
        match r {
            Ok(count) => anyhow::ensure!(count == n as u64, "verify counted {count}, not {n}"),
            Err(b) => anyhow::bail!("the chain broke at {}: {b}", b.seq),
        }
    }
    out.push(AuditRow {
        what: format!("`audit::walk::verify` ({label}; what `otalusta audit verify` runs)"),
        per_run: median(runs),
    });
    Ok(())
}

/// A list view logs one entry per case shown, in one transaction: the
/// median time of logging a view of 100 cases, on a fresh log.
async fn list_views(db: &Db) -> anyhow::Result<Duration> {
    db.migrate().await?;
    let mut runs = Vec::new();
    for l in 0..100 {
        let t = Instant::now();
        let mut tx = db.begin().await?;
        audit::store::append_all(&mut tx, (0..100).map(|i| event(l * 100 + i)).collect()).await?;
        tx.commit().await?;
        runs.push(t.elapsed());
    }
    Ok(median(runs))
}

#[cfg(target_arch = "x86_64")]
fn has_sha_instructions() -> bool {
    std::arch::is_x86_feature_detected!("sha")
}

#[cfg(not(target_arch = "x86_64"))]
fn has_sha_instructions() -> bool {
    false
}

/// One walk of the domain's `Verifier` over entries in memory.
fn verify_in_memory(entries: &[AuditEntry]) -> anyhow::Result<Duration> {
    let t = Instant::now();
    let mut v = Verifier::new(&BENCH_KEY, 1);
    for e in entries {
        v.push(e).map_err(|b| anyhow::anyhow!("{b}"))?;
    }
    black_box(v.finish(entries.last().map(|e| (e.seq, e.hash.as_str()))))
        .map_err(|b| anyhow::anyhow!("{b}"))?;
    Ok(t.elapsed())
}

/// Plain SHA-256, one digest per buffer: the median of five passes.
fn sha_each(bufs: &[Vec<u8>]) -> Duration {
    let mut runs = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        for b in bufs {
            black_box(Sha256::digest(black_box(b)));
        }
        runs.push(t.elapsed());
    }
    median(runs)
}

async fn audit_bench(n: usize, postgres: Option<&str>, work: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(work)?;
    let dir = work.join("bench-audit");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let db = open(&dir).await?;
    let mut rows = Vec::new();
    audit_on(&db, "SQLite", n, &mut rows).await?;

    // The same entries in memory: the domain's Verifier alone, and plain
    // SHA-256 over exactly the bytes each entry hashes.
    let entries = read_entries(&db).await?;
    let bufs: Vec<Vec<u8>> = entries.iter().map(canonical_bytes).collect();
    for (e, b) in entries.iter().zip(&bufs) {
        let mut mac = <hmac::Hmac<Sha256> as hmac::KeyInit>::new_from_slice(&BENCH_KEY.0)?;
        hmac::Mac::update(&mut mac, b);
        anyhow::ensure!(
            hex::encode(hmac::Mac::finalize(mac).into_bytes()) == e.hash,
            "entry {}: the canonical bytes do not give its stored hash",
            e.seq
        );
    }
    let bytes: usize = bufs.iter().map(Vec::len).sum();
    let mut runs = Vec::new();
    for _ in 0..3 {
        runs.push(verify_in_memory(&entries)?);
    }
    rows.push(AuditRow {
        what: "domain `Verifier` over the entries in memory (no database)".into(),
        per_run: median(runs),
    });
    let plain = sha_each(&bufs);
    rows.push(AuditRow {
        what: "plain SHA-256 (`sha2`) over the same bytes, one digest per entry".into(),
        per_run: plain,
    });
    db.close().await;
    drop(entries);

    if let Some(admin) = postgres {
        let url = fresh_pg_database(admin, "otalusta_bench_audit").await?;
        let pg = Db::connect(&url).await?.with_audit_key(BENCH_KEY);
        audit_on(&pg, "PostgreSQL", n, &mut rows).await?;
        pg.close().await;
    }

    std::fs::create_dir_all(dir.join("lists"))?;
    let mut views = vec![(
        "SQLite",
        list_views(&open(&dir.join("lists")).await?).await?,
    )];
    if let Some(admin) = postgres {
        let url = fresh_pg_database(admin, "otalusta_bench_lists").await?;
        let pg = Db::connect(&url).await?.with_audit_key(BENCH_KEY);
        views.push(("PostgreSQL", list_views(&pg).await?));
        pg.close().await;
    }
    println!("## Access log: a list view of 100 cases, logged per case\n");
    println!(
        "One transaction through `audit::store::append_all` (100 entries, multi-row inserts); median of 100 views.\n"
    );
    println!("| engine | per view | per case |");
    println!("|---|---:|---:|");
    for (engine, t) in &views {
        println!(
            "| {engine} | {:.2} ms | {:.3} ms |",
            t.as_secs_f64() * 1e3,
            t.as_secs_f64() * 10.0
        );
    }
    println!();
    println!("## Access log: `audit verify` over {n} entries\n");
    println!(
        "{bytes} bytes hashed in all ({:.0} per entry); time = median of 3–5 runs; ratio = \
         entries/s of plain SHA-256 ÷ entries/s of the row. SHA-NI: {}.\n",
        bytes as f64 / n.max(1) as f64,
        if has_sha_instructions() { "yes" } else { "no" }
    );
    println!("| what | time | entries/s | MB/s of entry bytes | plain SHA-256 is × faster |");
    println!("|---|---:|---:|---:|---:|");
    for r in &rows {
        let secs = r.per_run.as_secs_f64();
        println!(
            "| {} | {:.3} s | {:.0} | {:.1} | {:.1} |",
            r.what,
            secs,
            n as f64 / secs,
            bytes as f64 / secs / 1e6,
            secs / plain.as_secs_f64()
        );
    }
    println!();
    Ok(())
}
