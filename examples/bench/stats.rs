//! `bench stats`: the statistics at scale. On SQLite (a file in the work
//! directory) and on PostgreSQL (a fresh database, when a server is
//! given): N past requests through `demo::history::generate` and M
//! access-log entries in bulk, then the snapshot refresh (the heavy part;
//! a node runs it in the background every 15 minutes) and each statistics
//! view through the real router over real HTTP, logged in as the demo
//! coordinator and researcher. See README, "Statistics benchmark".

use super::{fresh_pg_database, median};
use anyhow::Context;
use otalusta::core::config::{Config, Keys};
use otalusta::core::db::{Db, Engine};
use otalusta::demo::history;
use sqlx::{AssertSqlSafe, Connection};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const PASSWORD: &str = "Bench-tilastot-2026";
const KEY: &str = "the statistics benchmark's key material, thirty-two bytes at least";
/// Access-log entries per transaction.
const LOG_BATCH: i64 = 1_000_000;
/// The target of every view.
const TARGET: Duration = Duration::from_secs(1);

/// A view: who asks, and the path.
const VIEWS: &[(&str, &str)] = &[
    ("coordinator", "/stats"),
    ("researcher", "/stats"),
    ("researcher", "/stats?period=all&region=all"),
    ("coordinator", "/stats/export.csv"),
    ("researcher", "/stats/export.csv"),
    ("researcher", "/stats/export.xlsx"),
    ("researcher", "/api/v1/stats"),
];

struct ViewTime {
    who: &'static str,
    path: &'static str,
    bytes: usize,
    first: Duration,
    median: Duration,
    max: Duration,
}

struct Figures {
    engine: &'static str,
    generate: Duration,
    access_log: Duration,
    analyze: Duration,
    refresh: Vec<Duration>,
    size: String,
    views: Vec<ViewTime>,
}

fn secs(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64())
}

fn millis(d: Duration) -> String {
    format!("{:.0}", d.as_secs_f64() * 1000.0)
}

pub async fn bench(
    requests: usize,
    audit: usize,
    postgres: Option<&str>,
    work: Option<PathBuf>,
    runs: usize,
) -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let work = work.unwrap_or_else(|| tmp.path().to_owned());
    let mut all = Vec::new();
    let dir = work.join("bench-stats-sqlite");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let url = Config::default_database_url(&dir);
    all.push(on_engine("SQLite", url, &dir, requests, audit, runs).await?);
    std::fs::remove_dir_all(&dir)?;
    if let Some(admin) = postgres.filter(|p| !p.is_empty()) {
        let url = fresh_pg_database(admin, "otalusta_bench_stats").await?;
        let dir = work.join("bench-stats-postgres");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        all.push(on_engine("PostgreSQL", url, &dir, requests, audit, runs).await?);
        std::fs::remove_dir_all(&dir)?;
        // Gigabytes at full size: not left behind.
        let mut conn = sqlx::PgConnection::connect(admin).await?;
        sqlx::query("DROP DATABASE IF EXISTS otalusta_bench_stats WITH (FORCE)")
            .execute(&mut conn)
            .await?;
        conn.close().await?;
    } else {
        eprintln!(
            "no PostgreSQL server given (--postgres or OTALUSTA_TEST_POSTGRES_URL): SQLite only"
        );
    }
    print(&all, requests, audit, runs);
    Ok(())
}

fn print(all: &[Figures], requests: usize, audit: usize, runs: usize) {
    println!("## Statistics at scale: {requests} requests, {audit} access-log entries\n");
    if cfg!(debug_assertions) {
        println!("**A debug build: the figures are not representative.**\n");
    }
    let head: Vec<&str> = all.iter().map(|f| f.engine).collect();
    println!("| step | {} |", head.join(" | "));
    println!("|---|{}", "---:|".repeat(all.len()));
    let row = |what: &str, f: &dyn Fn(&Figures) -> String| {
        let cells: Vec<String> = all.iter().map(f).collect();
        println!("| {what} | {} |", cells.join(" | "));
    };
    row(
        &format!("`demo::history::generate` ({requests} requests)"),
        &|f| secs(f.generate),
    );
    row(
        &format!("access log in bulk ({audit} entries, one SQL statement per million)"),
        &|f| secs(f.access_log),
    );
    row("`ANALYZE`", &|f| secs(f.analyze));
    row("database size", &|f| f.size.clone());
    row("`stats::snapshot::refresh` (each run)", &|f| {
        f.refresh
            .iter()
            .map(|d| secs(*d))
            .collect::<Vec<_>>()
            .join(", ")
    });
    println!();
    println!(
        "Each view over HTTP (the server in-process, one client, the whole body read): the \
         first request (it parses the snapshot into the node's cache), then {runs} timed runs. \
         Target: under {} s.\n",
        TARGET.as_secs()
    );
    println!("| view | as | engine | bytes | first ms | median ms | max ms | under 1 s |");
    println!("|---|---|---|---:|---:|---:|---:|---|");
    for f in all {
        for v in &f.views {
            let ok = v.max.max(v.first) < TARGET;
            println!(
                "| `{}` | {} | {} | {} | {} | {} | {} | {} |",
                v.path,
                v.who,
                f.engine,
                v.bytes,
                millis(v.first),
                millis(v.median),
                millis(v.max),
                if ok { "yes" } else { "**no**" }
            );
        }
    }
    println!();
}

async fn on_engine(
    engine: &'static str,
    database_url: String,
    data_dir: &Path,
    requests: usize,
    audit: usize,
    runs: usize,
) -> anyhow::Result<Figures> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let config = Config {
        listen: addr,
        database_url,
        data_dir: data_dir.to_owned(),
        base_url: format!("http://{addr}"),
        secure_cookies: false,
        trust_proxy: false,
        keys: Keys::derive(KEY.as_bytes()),
        session_idle: Duration::from_secs(3600),
        session_max: Duration::from_secs(4 * 3600),
        smtp_url: None,
        mail_from: "OT-alusta <noreply@ot.example>".into(),
        audit_sink: None,
        audit_retention: Default::default(),
        allow_temporary_hetu: false,
        server: Default::default(),
        db_acquire_timeout: otalusta::core::db::DEFAULT_ACQUIRE_TIMEOUT,
        oidc_config: None,
        local_passwords: Default::default(),
    };
    let state = otalusta::app::build_state(config).await?;
    let db = state.db.clone();
    otalusta::demo::ensure_with(&db, PASSWORD, 0).await?;
    groups_in_every_area(&db).await?;
    // A close-out survey version (if none is seeded), so that the history
    // answers it.
    sqlx::query(
        "INSERT INTO survey_versions (version, definition, created_at) \
         SELECT 1, '{\"items\":[]}', $1 WHERE NOT EXISTS (SELECT 1 FROM survey_versions)",
    )
    .bind(otalusta::core::db::now())
    .execute(db.pool())
    .await?;

    eprintln!("{engine}: generating {requests} requests …");
    let t = Instant::now();
    history::generate(&db, requests, 2026).await?;
    let generate = t.elapsed();
    eprintln!(
        "{engine}: {} ; {audit} access-log entries …",
        secs(generate)
    );
    let t = Instant::now();
    access_log(&db, audit).await?;
    let access_log = t.elapsed();
    eprintln!("{engine}: {} ; ANALYZE …", secs(access_log));
    let t = Instant::now();
    sqlx::query("ANALYZE").execute(db.pool()).await?;
    let analyze = t.elapsed();
    let size = size(&db, data_dir).await?;
    let mut refresh = Vec::new();
    for _ in 0..2 {
        eprintln!("{engine}: stats::snapshot::refresh …");
        let t = Instant::now();
        otalusta::stats::snapshot::refresh(&db).await?;
        refresh.push(t.elapsed());
    }

    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(otalusta::app::serve(listener, state.clone(), async {
        let _ = stopped.await;
    }));
    let base = format!("http://{addr}");
    let probe = reqwest::Client::new();
    let ready = Instant::now();
    while probe
        .get(format!("{base}/health"))
        .send()
        .await
        .map(|r| !r.status().is_success())
        .unwrap_or(true)
    {
        anyhow::ensure!(
            ready.elapsed() < Duration::from_secs(120),
            "the server did not start"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let coordinator = login(&base, "demo-coordinator").await?;
    let researcher = login(&base, "demo-researcher").await?;
    let mut views = Vec::new();
    for (who, path) in VIEWS {
        let c = if *who == "coordinator" {
            &coordinator
        } else {
            &researcher
        };
        eprintln!("{engine}: {path} as {who} …");
        let (first, bytes) = fetch(c, &format!("{base}{path}")).await?;
        let mut times = Vec::new();
        for _ in 0..runs {
            times.push(fetch(c, &format!("{base}{path}")).await?.0);
        }
        let max = times.iter().copied().max().unwrap_or_default();
        views.push(ViewTime {
            who,
            path,
            bytes,
            first,
            median: median(times),
            max,
        });
    }
    let _ = stop.send(());
    server.await??;
    db.close().await;
    Ok(Figures {
        engine,
        generate,
        access_log,
        analyze,
        refresh,
        size,
        views,
    })
}

async fn login(base: &str, username: &str) -> anyhow::Result<reqwest::Client> {
    let c = reqwest::Client::builder().cookie_store(true).build()?;
    let res = c
        .post(format!("{base}/api/v1/session"))
        .json(&serde_json::json!({ "username": username, "password": PASSWORD }))
        .send()
        .await?;
    anyhow::ensure!(res.status() == 200, "login of {username}: {}", res.status());
    Ok(c)
}

/// One request, its whole body read: the time and the body's size.
async fn fetch(c: &reqwest::Client, url: &str) -> anyhow::Result<(Duration, usize)> {
    let t = Instant::now();
    let res = c.get(url).send().await?;
    let status = res.status();
    let body = res.bytes().await?;
    let took = t.elapsed();
    anyhow::ensure!(
        status == 200,
        "{url} answered {status}: {}",
        String::from_utf8_lossy(&body[..body.len().min(500)])
    );
    Ok((took, body.len()))
}

/// The demo's groups are all in one cooperation area: each other area gets
/// a copy of the first, so that the history and the statistics span the
/// whole country.
async fn groups_in_every_area(db: &Db) -> anyhow::Result<()> {
    let ids = otalusta::groups::store::active_ids(db).await?;
    let first = otalusta::groups::store::get_any(db, *ids.first().context("a demo group")?)
        .await?
        .context("the demo group")?;
    let have: Vec<(String,)> = sqlx::query_as("SELECT DISTINCT area_code FROM consultation_groups")
        .fetch_all(db.pool())
        .await?;
    let mut tx = db.begin().await?;
    for a in otalusta_domain::region::AREAS {
        if have.iter().any(|h| h.0 == a.code) {
            continue;
        }
        let mut d = first.details.clone();
        d.area = a.code.into();
        d.organiser = None;
        d.eligibility.areas = vec![a.code.into()];
        d.name_fi = format!("{} ({})", d.name_fi, a.name_fi);
        d.name_sv = format!("{} ({})", d.name_sv, a.name_sv);
        d.name_en = format!("{} ({})", d.name_en, a.name_en);
        otalusta::groups::store::create(&mut tx, &d, &first.rule).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// `n` access-log entries over the last 24 months, a million per
/// statement (`generate_series` on PostgreSQL, a recursive CTE on SQLite),
/// after the entries already there; the head moves to the last. Their
/// hashes are made up (a running number in hex): the chain does not
/// verify, and need not here, since only the log's size matters to the
/// statistics. Never do this to a real log.
async fn access_log(db: &Db, n: usize) -> anyhow::Result<()> {
    let n = n as i64;
    let span = 730 * 86_400_i64;
    let start = jiff::Timestamp::now().as_second() - span;
    let (source, from, time, prev, hash) = match db.engine() {
        Engine::Sqlite => (
            "WITH RECURSIVE n(i) AS (SELECT $1 UNION ALL SELECT i + 1 FROM n WHERE i < $2) ",
            "n",
            "strftime('%Y-%m-%dT%H:%M:%S', $3 + (i - $1 + $5) * $4 / $6, 'unixepoch') || '.000000Z'",
            "printf('%064x', i - 1)",
            "printf('%064x', i)",
        ),
        Engine::Postgres => (
            "",
            "generate_series(CAST($1 AS BIGINT), CAST($2 AS BIGINT)) AS n(i)",
            r#"to_char(to_timestamp($3 + (i - $1 + $5) * $4 / $6) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')"#,
            "lpad(to_hex(i - 1), 64, '0')",
            "lpad(to_hex(i), 64, '0')",
        ),
    };
    let sql = format!(
        "{source}INSERT INTO audit_log (seq, at, actor_id, actor_name, role, action, object_type, \
         object_id, outcome, client_addr, purpose, prev_hash, hash) \
         SELECT i, {time}, 1 + i % 40, 'user-' || (1 + i % 40), \
         CASE i % 5 WHEN 0 THEN 'secretary' WHEN 1 THEN 'expert' WHEN 2 THEN 'requester' \
         WHEN 3 THEN 'coordinator' ELSE 'researcher' END, \
         CASE i % 6 WHEN 0 THEN 'login' WHEN 1 THEN 'request.read' WHEN 2 THEN 'request.update' \
         WHEN 3 THEN 'expert.read' WHEN 4 THEN 'group.read' ELSE 'stats.view' END, \
         'request', CAST(i / 10 AS TEXT), CASE WHEN i % 50 = 0 THEN 'denied' ELSE 'success' END, \
         '10.0.' || ((i / 256) % 256) || '.' || (i % 256), \
         CASE WHEN i % 4 = 0 THEN 'asiakkaan palvelun järjestäminen' ELSE '' END, {prev}, {hash} \
         FROM {from}"
    );
    let mut done = 0;
    while done < n {
        let k = LOG_BATCH.min(n - done);
        let mut tx = db.begin().await?;
        let lock = match db.engine() {
            Engine::Sqlite => "SELECT seq FROM audit_head WHERE id = 1",
            Engine::Postgres => "SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE",
        };
        let (head,): (i64,) = sqlx::query_as(lock).fetch_one(&mut *tx).await?;
        let (first, last) = (head + 1, head + k);
        sqlx::query(AssertSqlSafe(sql.clone()))
            .bind(first)
            .bind(last)
            .bind(start)
            .bind(span)
            .bind(done)
            .bind(n)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE audit_head SET seq = $1, \
             hash = (SELECT hash FROM audit_log WHERE seq = $1) WHERE id = 1",
        )
        .bind(last)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        done += k;
    }
    Ok(())
}

async fn size(db: &Db, data_dir: &Path) -> anyhow::Result<String> {
    let bytes = match db.engine() {
        Engine::Sqlite => std::fs::read_dir(data_dir)?
            .filter_map(|e| e.ok())
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with("otalusta.sqlite")
            })
            .filter_map(|e| e.metadata().ok())
            .map(|m| m.len() as i64)
            .sum(),
        Engine::Postgres => {
            sqlx::query_as::<_, (i64,)>("SELECT pg_database_size(current_database())")
                .fetch_one(db.pool())
                .await?
                .0
        }
    };
    Ok(format!("{:.2} GB", bytes as f64 / 1e9))
}
