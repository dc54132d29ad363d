//! `bench audit-scale`: the access log of a national platform. Fills a
//! real keyed chain (every hash computed as the app computes it) of N
//! entries on SQLite and M on PostgreSQL (COPY), then times the auditor's
//! filtered view (by user, by object, by period; the `/audit` page's own
//! query), the client extract's query, and `audit verify` whole and from
//! the latest checkpoint, beside plain SHA-256 over the same bytes.

use super::{BENCH_KEY, fresh_pg_database, median, quantile};
use otalusta::audit;
use otalusta::audit::anchor::{Anchor, Walk};
use otalusta::audit::store::Filter;
use otalusta::core::config::Keys;
use otalusta::core::db::{self, Db, Engine};
use otalusta_domain::audit::{AuditEntry, AuditEvent, Keyed, Outcome};
use sqlx::AssertSqlSafe;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// Entries per SQLite statement and per transaction.
const ROWS: usize = 100;
const TX_ROWS: usize = 100_000;
/// The log spans five years up to now.
const SPAN_SECS: i64 = 5 * 365 * 86_400;
/// Timed runs of each view.
const RUNS: usize = 30;
/// Entries whose bytes are hashed with plain SHA-256 for the comparison.
const SHA_SAMPLE: usize = 1_000_000;

use otalusta::demo::history::Rng;

trait Draw {
    fn below(&mut self, n: u64) -> u64;
    fn skewed(&mut self, n: u64) -> u64;
}

impl Draw for Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
    /// Skewed towards small values: a few users do most of the work.
    fn skewed(&mut self, n: u64) -> u64 {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        ((u * u * u) * n as f64) as u64
    }
}

/// The shape of the invented log: how many users and requests.
#[derive(Clone, Copy)]
struct Shape {
    n: usize,
    users: u64,
    requests: u64,
    start: i64,
}

impl Shape {
    fn new(n: usize) -> Shape {
        Shape {
            n,
            users: (n as u64 / 5_000).max(50),
            requests: (n as u64 / 60).max(10),
            start: jiff::Timestamp::now().as_second() - SPAN_SECS,
        }
    }
    fn at(&self, i: usize) -> jiff::Timestamp {
        let s = self.start + (i as i128 * SPAN_SECS as i128 / self.n as i128) as i64;
        jiff::Timestamp::from_second(s).expect("a valid time")
            + jiff::SignedDuration::from_micros((i % 1_000_000) as i64)
    }
}

const ROLES: &[&str] = &["secretary", "expert", "requester", "coordinator", "auditor"];

fn event(shape: &Shape, rng: &mut Rng, i: usize) -> AuditEvent {
    let user = rng.skewed(shape.users) + 1;
    let (object_type, object_id, action, purpose) = match rng.below(100) {
        0..=69 => (
            "request",
            (rng.below(shape.requests) + 1).to_string(),
            [
                "request.read",
                "request.list",
                "queue.read",
                "request.update",
            ][rng.below(4) as usize],
            "consultation",
        ),
        70..=84 => ("user", user.to_string(), "login", ""),
        85..=94 => ("group", (rng.below(400) + 1).to_string(), "group.read", ""),
        _ => (
            "expert",
            (rng.below(100_000) + 1).to_string(),
            "expert.read",
            "",
        ),
    };
    AuditEvent {
        at: db::timestamp(shape.at(i)),
        actor_id: Some(user as i64),
        actor_name: format!("user-{user:06}"),
        role: ROLES[(user % ROLES.len() as u64) as usize].into(),
        action: action.into(),
        object_type: object_type.into(),
        object_id,
        outcome: if rng.below(50) == 0 {
            Outcome::Denied
        } else {
            Outcome::Success
        },
        client_addr: format!(
            "10.{}.{}.{}",
            user % 200,
            (user / 200) % 250,
            rng.below(250)
        ),
        purpose: purpose.into(),
    }
}

/// The bytes the keyed hash covers (as `entry_hash` feeds them).
fn bytes(e: &AuditEntry) -> Vec<u8> {
    super::canonical_bytes(e)
}

struct Fill {
    took: Duration,
    /// The first entries, for the in-memory comparisons.
    sample: Vec<AuditEntry>,
}

/// Generates the chain and hands each batch of entries to `sink`.
async fn generate<F, Fut>(n: usize, mut sink: F) -> anyhow::Result<Fill>
where
    F: FnMut(Vec<AuditEntry>) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    let shape = Shape::new(n);
    let keyed = Keyed::new(&BENCH_KEY);
    let mut rng = Rng(2026);
    let mut prev = otalusta_domain::audit::GENESIS_HASH.to_owned();
    let mut sample = Vec::new();
    let started = Instant::now();
    let mut i = 0;
    while i < n {
        let k = TX_ROWS.min(n - i);
        let mut batch = Vec::with_capacity(k);
        for j in i..i + k {
            let seq = j as i64 + 1;
            let ev = event(&shape, &mut rng, j);
            let hash = keyed.hash(seq, &ev, &prev);
            let e = AuditEntry {
                seq,
                event: ev,
                prev_hash: std::mem::replace(&mut prev, hash.clone()),
                hash,
            };
            if sample.len() < SHA_SAMPLE {
                sample.push(e.clone());
            }
            batch.push(e);
        }
        sink(batch).await?;
        i += k;
        if i % 1_000_000 == 0 {
            eprintln!("  {i} entries, {:.0} s", started.elapsed().as_secs_f64());
        }
    }
    Ok(Fill {
        took: started.elapsed(),
        sample,
    })
}

const COLS: &str = "seq, at, actor_id, actor_name, role, action, object_type, object_id, \
                    outcome, client_addr, purpose, prev_hash, hash";

async fn insert_sqlite(db: &Db, batch: Vec<AuditEntry>) -> anyhow::Result<()> {
    let mut tx = db.begin().await?;
    for chunk in batch.chunks(ROWS) {
        let marks = vec!["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"; chunk.len()].join(", ");
        let sql = format!("INSERT INTO audit_log ({COLS}) VALUES {marks}");
        let mut q = sqlx::query(AssertSqlSafe(sql));
        for e in chunk {
            let v = &e.event;
            q = q
                .bind(e.seq)
                .bind(&v.at)
                .bind(v.actor_id)
                .bind(&v.actor_name)
                .bind(&v.role)
                .bind(&v.action)
                .bind(&v.object_type)
                .bind(&v.object_id)
                .bind(v.outcome.as_str())
                .bind(&v.client_addr)
                .bind(&v.purpose)
                .bind(&e.prev_hash)
                .bind(&e.hash);
        }
        q.execute(&mut *tx).await?;
    }
    set_head(&mut tx, batch.last()).await?;
    tx.commit().await?;
    Ok(())
}

async fn set_head(tx: &mut db::Tx, last: Option<&AuditEntry>) -> anyhow::Result<()> {
    if let Some(last) = last {
        sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
            .bind(last.seq)
            .bind(&last.hash)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

async fn insert_postgres(pg: &sqlx::PgPool, db: &Db, batch: Vec<AuditEntry>) -> anyhow::Result<()> {
    use sqlx::postgres::PgPoolCopyExt;
    let mut buf = String::with_capacity(batch.len() * 320);
    for e in &batch {
        let v = &e.event;
        let actor = v.actor_id.map_or("\\N".to_owned(), |a| a.to_string());
        buf.push_str(&format!(
            "{}\t{}\t{actor}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            e.seq,
            v.at,
            v.actor_name,
            v.role,
            v.action,
            v.object_type,
            v.object_id,
            v.outcome.as_str(),
            v.client_addr,
            v.purpose,
            e.prev_hash,
            e.hash
        ));
    }
    let mut copy = pg
        .copy_in_raw(&format!("COPY audit_log ({COLS}) FROM STDIN"))
        .await?;
    copy.send(buf.into_bytes()).await?;
    copy.finish().await?;
    let mut tx = db.begin().await?;
    set_head(&mut tx, batch.last()).await?;
    tx.commit().await?;
    Ok(())
}

pub struct Figures {
    engine: &'static str,
    n: usize,
    fill: Duration,
    rows: Vec<(String, Duration, Duration)>,
    /// The first walk after filling, and the median of three after it.
    verify_whole: (Duration, Duration),
    verify_incremental: (Duration, usize),
    sha_per_entry: Duration,
    verifier_per_entry: Duration,
    bytes_per_entry: f64,
}

fn timed(samples: Vec<Duration>) -> (Duration, Duration) {
    let mut s = samples;
    (median(s.clone()), quantile(&mut s, 0.95))
}

/// Draws one view's filter.
type MakeFilter<'a> = Box<dyn Fn(&mut Rng) -> Filter + 'a>;

async fn views(db: &Db, shape: &Shape) -> anyhow::Result<Vec<(String, Duration, Duration)>> {
    let mut rng = Rng(7);
    let mut out = Vec::new();
    let month = 30 * 86_400;
    let day = |ts: jiff::Timestamp| db::timestamp(ts);
    let cases: [(&str, MakeFilter); 5] = [
        (
            "by user (a busy one), newest 100",
            Box::new(|r: &mut Rng| Filter {
                actor: format!("user-{:06}", r.below(5) + 1),
                ..Default::default()
            }),
        ),
        (
            "by user (any), newest 100",
            Box::new(|r: &mut Rng| Filter {
                actor: format!("user-{:06}", r.below(shape.users) + 1),
                ..Default::default()
            }),
        ),
        (
            "by object (a request), newest 100",
            Box::new(|r: &mut Rng| Filter {
                object_type: "request".into(),
                object_id: (r.below(shape.requests) + 1).to_string(),
                ..Default::default()
            }),
        ),
        (
            "by period (a month, anywhere in five years), newest 100",
            Box::new(move |r: &mut Rng| {
                let from = shape.start + r.below((SPAN_SECS - month) as u64) as i64;
                Filter {
                    from: Some(day(jiff::Timestamp::from_second(from).unwrap())),
                    to: Some(day(jiff::Timestamp::from_second(from + month).unwrap())),
                    ..Default::default()
                }
            }),
        ),
        (
            "by user and period (any user, a month)",
            Box::new(move |r: &mut Rng| {
                let from = shape.start + r.below((SPAN_SECS - month) as u64) as i64;
                Filter {
                    actor: format!("user-{:06}", r.below(shape.users) + 1),
                    from: Some(day(jiff::Timestamp::from_second(from).unwrap())),
                    to: Some(day(jiff::Timestamp::from_second(from + month).unwrap())),
                    ..Default::default()
                }
            }),
        ),
    ];
    for (what, make) in &cases {
        let mut runs = Vec::new();
        for _ in 0..RUNS {
            let f = make(&mut rng);
            let t = Instant::now();
            black_box(audit::store::search(db, &f, 100).await?);
            runs.push(t.elapsed());
        }
        let (m, p) = timed(runs);
        out.push((format!("auditor's view {what}"), m, p));
    }
    // The client extract's query: one request over the whole five years.
    let mut runs = Vec::new();
    for _ in 0..RUNS {
        let id = (rng.below(shape.requests) + 1).to_string();
        let t = Instant::now();
        let entries = audit::store::of_object_between(
            db,
            ("request", &id),
            "2000-01-01T00:00:00Z",
            "2100-01-01T00:00:00Z",
            20_001,
        )
        .await?;
        let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
        for e in &entries {
            w.write_record([
                &e.event.at,
                &e.event.actor_name,
                &e.event.role,
                &e.event.action,
            ])?;
        }
        black_box(w.into_inner()?);
        runs.push(t.elapsed());
    }
    let (m, p) = timed(runs);
    out.push((
        "client extract: one request's entries over five years, as CSV rows".into(),
        m,
        p,
    ));
    Ok(out)
}

/// Whole walks (the first after filling, the median of three on a
/// vacuumed log) and the walk from the last checkpoint.
async fn verify(db: &Db, dir: &Path) -> anyhow::Result<((Duration, Duration), (Duration, usize))> {
    let keys = Keys::derive(b"bench key material, at least thirty-two bytes");
    let mut keys_for_bench = keys.clone();
    keys_for_bench.audit_chain = BENCH_KEY;
    let anchor = Anchor::from_parts(dir.join("checkpoints.jsonl"), None, &keys_for_bench);
    anchor.checkpoint(db, true).await?;
    let whole_walk = || async {
        let t = Instant::now();
        let report = anchor.verify_as(db, Walk::Whole).await?;
        anyhow::ensure!(
            report.intact(),
            "the chain does not verify: {:?}",
            report.problems
        );
        Ok(t.elapsed())
    };
    // The first walk after filling reads rows no scan has seen: PostgreSQL
    // sets each row's hint bits (and writes every page) on the way.
    let first = whole_walk().await?;
    // A log kept for years is vacuumed (autovacuum does it after inserts,
    // and freezes old rows): measure the walk as it runs on such a log.
    if db.engine() == Engine::Postgres {
        sqlx::query("VACUUM (FREEZE, ANALYZE) audit_log")
            .execute(db.pool())
            .await?;
    }
    let mut runs = Vec::new();
    for _ in 0..3 {
        runs.push(whole_walk().await?);
    }
    let whole = (first, median(runs));
    // A day's worth of new entries after the checkpoint.
    let new = 10_000;
    let shape = Shape::new(new);
    let mut rng = Rng(99);
    for chunk in (0..new).collect::<Vec<_>>().chunks(1000) {
        let mut tx = db.begin().await?;
        let events = chunk.iter().map(|i| {
            let mut e = event(&shape, &mut rng, *i);
            e.at = db::now();
            e
        });
        audit::store::append_all(&mut tx, events.collect()).await?;
        tx.commit().await?;
    }
    let t = Instant::now();
    let report = anchor.verify_as(db, Walk::FromLastCheckpoint).await?;
    let incremental = t.elapsed();
    anyhow::ensure!(
        report.intact(),
        "the chain does not verify: {:?}",
        report.problems
    );
    Ok((whole, (incremental, report.entries as usize)))
}

/// Plain SHA-256 over each entry's bytes, and the domain's `Verifier` over
/// the same entries in memory: per entry, and the bytes per entry.
fn in_memory(sample: &[AuditEntry]) -> anyhow::Result<(Duration, Duration, f64)> {
    let bufs: Vec<Vec<u8>> = sample.iter().map(bytes).collect();
    let per = |d: Duration| d / sample.len().max(1) as u32;
    let sha = per(super::sha_each(&bufs));
    let mut runs = Vec::new();
    for _ in 0..3 {
        runs.push(super::verify_in_memory(sample)?);
    }
    let verifier = per(median(runs));
    let bytes = bufs.iter().map(Vec::len).sum::<usize>() as f64 / bufs.len().max(1) as f64;
    Ok((sha, verifier, bytes))
}

async fn on_engine(
    engine: &'static str,
    db: &Db,
    pg: Option<&sqlx::PgPool>,
    n: usize,
    dir: &Path,
) -> anyhow::Result<Figures> {
    db.migrate().await?;
    eprintln!("{engine}: filling {n} entries …");
    let fill = match pg {
        Some(pg) => generate(n, |b| insert_postgres(pg, db, b)).await?,
        None => generate(n, |b| insert_sqlite(db, b)).await?,
    };
    let analyze = match db.engine() {
        Engine::Sqlite => "ANALYZE",
        Engine::Postgres => "ANALYZE audit_log",
    };
    sqlx::query(analyze).execute(db.pool()).await?;
    eprintln!(
        "{engine}: filled in {:.0} s; views …",
        fill.took.as_secs_f64()
    );
    let shape = Shape::new(n);
    let rows = views(db, &shape).await?;
    eprintln!("{engine}: verify …");
    let (verify_whole, verify_incremental) = verify(db, dir).await?;
    let (sha_per_entry, verifier_per_entry, bytes_per_entry) = in_memory(&fill.sample)?;
    Ok(Figures {
        engine,
        n,
        fill: fill.took,
        rows,
        verify_whole,
        verify_incremental,
        sha_per_entry,
        verifier_per_entry,
        bytes_per_entry,
    })
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn print(all: &[Figures]) {
    println!("## Access log at national scale\n");
    println!(
        "A real keyed chain (HMAC-SHA-256 per entry, as the app writes it) over five years: \
         one user in 5 000 entries (a few do most), a request per 60 entries; median and p95 \
         of {RUNS} runs with random users, requests and months (`audit::store::search`, the \
         `/audit` page's query; the extract's query and CSV rows).\n"
    );
    for f in all {
        println!(
            "### {} — {} entries (filled in {:.0} s)\n",
            f.engine,
            f.n,
            f.fill.as_secs_f64()
        );
        println!("| what | median | p95 |\n|---|---:|---:|");
        for (what, m, p) in &f.rows {
            println!("| {what} | {} | {} |", ms(*m), ms(*p));
        }
        let total = f.n as f64 + 10_000.0;
        let (first, whole) = f.verify_whole;
        let whole_rate = total / whole.as_secs_f64();
        let sha_rate = 1.0 / f.sha_per_entry.as_secs_f64();
        let (inc, inc_n) = f.verify_incremental;
        println!(
            "| `audit verify`, whole ({total:.0} entries), first walk after filling | {:.1} s | {:.0} entries/s |",
            first.as_secs_f64(),
            total / first.as_secs_f64()
        );
        println!(
            "| `audit verify`, whole, median of 3 on the log as kept{} | {:.1} s | {whole_rate:.0} entries/s |",
            if f.engine == "PostgreSQL" {
                " (after `VACUUM (FREEZE)`, as autovacuum leaves it)"
            } else {
                ""
            },
            whole.as_secs_f64(),
        );
        println!(
            "| `audit verify --from-last-checkpoint` ({inc_n} new entries) | {} | {:.0} entries/s |",
            ms(inc),
            inc_n as f64 / inc.as_secs_f64()
        );
        println!(
            "| plain SHA-256 over the same bytes ({:.0} per entry, one digest per entry) | {:.2} µs per entry | {sha_rate:.0} entries/s |",
            f.bytes_per_entry,
            f.sha_per_entry.as_secs_f64() * 1e6
        );
        println!(
            "| the domain's `Verifier` over the same entries in memory (no database) | {:.2} µs per entry | {:.0} entries/s |",
            f.verifier_per_entry.as_secs_f64() * 1e6,
            1.0 / f.verifier_per_entry.as_secs_f64()
        );
        println!(
            "\nWhole verify (median of 3) runs at {:.2} × the speed of plain SHA-256 over the \
             same bytes (the first walk after filling at {:.2} ×); the chain's own check (in \
             memory) at {:.2} ×.\n",
            whole_rate / sha_rate,
            total / first.as_secs_f64() / sha_rate,
            f.sha_per_entry.as_secs_f64() / f.verifier_per_entry.as_secs_f64()
        );
    }
}

pub async fn run(
    sqlite_entries: usize,
    postgres: Option<&str>,
    postgres_entries: usize,
    work: &Path,
) -> anyhow::Result<()> {
    let mut all = Vec::new();
    if sqlite_entries > 0 {
        let dir = work.join("bench-audit-scale");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        let db = super::open(&dir).await?;
        all.push(on_engine("SQLite", &db, None, sqlite_entries, &dir).await?);
        db.close().await;
        let _ = std::fs::remove_dir_all(&dir);
    }
    if let Some(admin) = postgres
        && postgres_entries > 0
    {
        let url = fresh_pg_database(admin, "otalusta_bench_audit_scale").await?;
        let db = Db::connect(&url).await?.with_audit_key(BENCH_KEY);
        let pg = sqlx::postgres::PgPoolOptions::new()
            .max_connections(2)
            .connect(&url)
            .await?;
        let dir = work.join("bench-audit-scale-pg");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        all.push(on_engine("PostgreSQL", &db, Some(&pg), postgres_entries, &dir).await?);
        pg.close().await;
        db.close().await;
    }
    print(&all);
    Ok(())
}
