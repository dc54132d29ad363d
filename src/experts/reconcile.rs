//! Täsmäytys: each node's search index held against the database.
//!
//! The change feed keeps an index current; this is the second line, for
//! whatever the feed cannot see (a row changed by hand in the database, a
//! bug): every [`RECONCILE_EVERY`] a node compares its index with the
//! database document by document ([`SearchIndex::check`]) and repairs what
//! differs. Nodes register in `index_nodes` (a heartbeat every
//! [`HEARTBEAT`]) with their last result, which `/health?details=1` also
//! shows. `otalusta index check|rebuild` asks every running node through
//! the database: it adds an `index_requests` row (and a change to wake the
//! nodes at once), and each node answers in its `index_nodes` row, with its
//! progress as it goes.

use super::search::{CheckReport, SearchIndex};
use crate::core::changes::Wake;
use crate::core::db::{self, Db};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// How often a node checks its whole index against the database.
pub const RECONCILE_EVERY: Duration = Duration::from_secs(300);
/// How often a node says it is alive; three missed beats and the command
/// line no longer waits for it.
pub const HEARTBEAT: Duration = Duration::from_secs(30);
/// How far back a node looks for requests it has not answered.
const REQUESTS_KEPT: jiff::SignedDuration = jiff::SignedDuration::from_mins(30);

/// What a node last did to its index, and what it found.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LastCheck {
    pub at: String,
    /// `periodic`, `check` or `rebuild`.
    pub kind: String,
    /// The request it answered (0 for the periodic check).
    pub request: i64,
    #[serde(flatten)]
    pub report: CheckReport,
    /// Set when the check failed (then the counts are zero).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// This node's index and its registration.
pub struct NodeIndex {
    pub node: String,
    pub index: Arc<SearchIndex>,
    last: RwLock<Option<LastCheck>>,
}

impl NodeIndex {
    pub fn new(index: Arc<SearchIndex>, listen: std::net::SocketAddr) -> NodeIndex {
        let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
            .map(|h| h.trim().to_owned())
            .unwrap_or_else(|_| "node".to_owned());
        let tag: u16 = rand::random();
        NodeIndex {
            node: format!("{host}:{}-{tag:04x}", listen.port()),
            index,
            last: RwLock::new(None),
        }
    }

    pub fn last_check(&self) -> Option<LastCheck> {
        self.last.read().expect("last check").clone()
    }

    async fn register(&self, db: &Db) -> sqlx::Result<()> {
        let now = db::now();
        sqlx::query(
            "INSERT INTO index_nodes (node, started_at, seen_at, documents) VALUES ($1, $2, $2, $3) \
             ON CONFLICT (node) DO UPDATE SET seen_at = $2, documents = $3",
        )
        .bind(&self.node)
        .bind(&now)
        .bind(self.index.documents() as i64)
        .execute(db.pool())
        .await?;
        Ok(())
    }

    /// Removes this node from the register (at a graceful stop).
    pub async fn unregister(&self, db: &Db) {
        let _ = sqlx::query("DELETE FROM index_nodes WHERE node = $1")
            .bind(&self.node)
            .execute(db.pool())
            .await;
    }

    async fn progress(&self, db: &Db, request: i64, done: u64, total: u64) {
        let _ = sqlx::query(
            "UPDATE index_nodes SET request_id = $2, progress_done = $3, progress_total = $4, \
             seen_at = $5 WHERE node = $1",
        )
        .bind(&self.node)
        .bind(request)
        .bind(done as i64)
        .bind(total as i64)
        .bind(db::now())
        .execute(db.pool())
        .await;
    }

    /// Runs one check or rebuild and records its result.
    async fn run(&self, db: &Db, kind: &str, request: i64) -> LastCheck {
        // Progress is written from the blocking comparison loop through a
        // channel, so the loop never waits on the database.
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(u64, u64)>();
        let report_progress = move |done: u64, total: u64| {
            let _ = tx.send((done, total));
        };
        // The work owns the sender: when it ends, the writer's loop ends.
        let work = async move {
            if kind == "rebuild" {
                self.index
                    .rebuild(db, &report_progress)
                    .await
                    .map(|n| CheckReport {
                        database: n,
                        index: n,
                        ..CheckReport::default()
                    })
            } else {
                self.index.check(db, &report_progress).await
            }
        };
        let writer = async {
            while let Some((done, total)) = rx.recv().await {
                if request != 0 {
                    self.progress(db, request, done, total).await;
                }
            }
        };
        let (result, ()) = tokio::join!(work, writer);
        let mut last = LastCheck {
            at: db::now(),
            kind: kind.to_owned(),
            request,
            report: CheckReport::default(),
            error: None,
        };
        match result {
            Ok(report) => last.report = report,
            Err(e) => last.error = Some(e.to_string()),
        }
        *self.last.write().expect("last check") = Some(last.clone());
        last
    }

    async fn record(&self, db: &Db, last: &LastCheck) -> sqlx::Result<()> {
        let json = serde_json::to_string(last).expect("serializable");
        let done = if last.request != 0 {
            ", request_done = $4, request_id = $4"
        } else {
            ""
        };
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE index_nodes SET checked_at = $2, last_check = $3, seen_at = $2, \
             documents = $5{done} WHERE node = $1"
        )))
        .bind(&self.node)
        .bind(&last.at)
        .bind(json)
        .bind(last.request)
        .bind(self.index.documents() as i64)
        .execute(db.pool())
        .await?;
        Ok(())
    }
}

/// Registers the node, beats, checks periodically and answers requests,
/// until the task is dropped.
pub async fn keep_reconciling(node: Arc<NodeIndex>, db: Db, mut wake: Wake) {
    let mut answered = BTreeSet::new();
    let mut beat = tokio::time::Instant::now();
    let mut checked = tokio::time::Instant::now();
    if let Err(e) = node.register(&db).await {
        tracing::warn!(error = %e, "could not register the search index node");
    }
    loop {
        wake.wait(crate::core::changes::FOLLOW_EVERY).await;
        match pending_requests(&db, &answered).await {
            Ok(requests) => {
                for (id, kind) in requests {
                    answered.insert(id);
                    let last = node.run(&db, &kind, id).await;
                    log(&node, &last);
                    if let Err(e) = node.record(&db, &last).await {
                        tracing::warn!(error = %e, "could not record the index check");
                    }
                    checked = tokio::time::Instant::now();
                }
            }
            Err(e) => tracing::debug!(error = %e, "could not read index requests"),
        }
        if checked.elapsed() >= RECONCILE_EVERY {
            checked = tokio::time::Instant::now();
            let last = node.run(&db, "periodic", 0).await;
            log(&node, &last);
            if let Err(e) = node.record(&db, &last).await {
                tracing::warn!(error = %e, "could not record the index check");
            }
        }
        if beat.elapsed() >= HEARTBEAT {
            beat = tokio::time::Instant::now();
            if let Err(e) = node.register(&db).await {
                tracing::warn!(error = %e, "search index heartbeat failed");
            }
        }
    }
}

fn log(node: &NodeIndex, last: &LastCheck) {
    let r = &last.report;
    if let Some(e) = &last.error {
        tracing::warn!(node = %node.node, kind = %last.kind, error = %e, "search index check failed");
    } else if r.differences() > 0 {
        tracing::warn!(
            node = %node.node, kind = %last.kind, missing = r.missing, stale = r.stale,
            extra = r.extra, repaired = r.repaired,
            "search index differed from the database; repaired"
        );
    } else {
        tracing::info!(node = %node.node, kind = %last.kind, documents = r.database, "search index equals the database");
    }
}

async fn pending_requests(db: &Db, answered: &BTreeSet<i64>) -> sqlx::Result<Vec<(i64, String)>> {
    let since = db::timestamp(jiff::Timestamp::now() - REQUESTS_KEPT);
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, kind FROM index_requests WHERE requested_at > $1 ORDER BY id")
            .bind(since)
            .fetch_all(db.pool())
            .await?;
    Ok(rows
        .into_iter()
        .filter(|(id, _)| !answered.contains(id))
        .collect())
}

/// Forgets nodes not seen for a day and requests past their time.
pub async fn clean_up(db: &Db) -> sqlx::Result<()> {
    let day_ago = db::timestamp(jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24));
    sqlx::query("DELETE FROM index_nodes WHERE seen_at < $1")
        .bind(&day_ago)
        .execute(db.pool())
        .await?;
    sqlx::query("DELETE FROM index_requests WHERE requested_at < $1")
        .bind(&day_ago)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// `otalusta index check|rebuild`: asks every running node and waits for
/// their answers, showing each one's progress. Returns the exit code.
pub async fn ask_nodes(db: &Db, kind: &str, timeout: Duration) -> anyhow::Result<u8> {
    let alive = db::timestamp(jiff::Timestamp::now() - HEARTBEAT * 3);
    let nodes: Vec<(String,)> =
        sqlx::query_as("SELECT node FROM index_nodes WHERE seen_at > $1 ORDER BY node")
            .bind(&alive)
            .fetch_all(db.pool())
            .await?;
    if nodes.is_empty() {
        println!(
            "no running node has a search index (none seen in the last {} s)",
            (HEARTBEAT * 3).as_secs()
        );
        return Ok(1);
    }
    let mut tx = db.begin().await?;
    let (request,): (i64,) = sqlx::query_as(
        "INSERT INTO index_requests (kind, requested_at) VALUES ($1, $2) RETURNING id",
    )
    .bind(kind)
    .bind(db::now())
    .fetch_one(&mut *tx)
    .await?;
    // A change wakes the nodes' followers at once (PostgreSQL notifies).
    sqlx::query("INSERT INTO outbox (topic, object_id, at) VALUES ('index', $1, $2)")
        .bind(request.to_string())
        .bind(db::now())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;

    let bars = indicatif::MultiProgress::new();
    let style = indicatif::ProgressStyle::with_template("{prefix:30} [{bar:30}] {pos}/{len} {msg}")
        .expect("a valid template")
        .progress_chars("=> ");
    let mut waiting: Vec<(String, indicatif::ProgressBar)> = nodes
        .into_iter()
        .map(|(n,)| {
            let bar = bars.add(indicatif::ProgressBar::new(0));
            bar.set_style(style.clone());
            bar.set_prefix(n.clone());
            (n, bar)
        })
        .collect();
    let deadline = tokio::time::Instant::now() + timeout;
    let mut answers: Vec<(String, Option<LastCheck>)> = Vec::new();
    while !waiting.is_empty() && tokio::time::Instant::now() < deadline {
        let rows: Vec<(String, i64, i64, i64, i64, Option<String>)> = sqlx::query_as(
            "SELECT node, request_id, request_done, progress_done, progress_total, last_check \
             FROM index_nodes",
        )
        .fetch_all(db.pool())
        .await?;
        waiting.retain(|(node, bar)| {
            let Some(row) = rows.iter().find(|r| &r.0 == node) else {
                bar.abandon_with_message("stopped");
                answers.push((node.clone(), None));
                return false;
            };
            let (_, working_on, done, pos, len, last) = row;
            if *done >= request {
                let last = last.as_deref().and_then(|l| serde_json::from_str(l).ok());
                bar.finish_with_message("done");
                answers.push((node.clone(), last));
                return false;
            }
            if *working_on == request {
                bar.set_length(*len as u64);
                bar.set_position(*pos as u64);
            }
            true
        });
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    for (node, bar) in &waiting {
        bar.abandon_with_message("no answer");
        answers.push((node.clone(), None));
    }
    drop(bars);
    let mut code = 0;
    for (node, last) in &answers {
        match last {
            None => {
                println!("{node}: no answer within {} s", timeout.as_secs());
                code = 1;
            }
            Some(LastCheck { error: Some(e), .. }) => {
                println!("{node}: failed: {e}");
                code = 1;
            }
            Some(l) if kind == "rebuild" => {
                println!("{node}: rebuilt, {} documents", l.report.database);
            }
            Some(l) => {
                let r = &l.report;
                if r.differences() == 0 {
                    println!("{node}: equal to the database, {} documents", r.database);
                } else {
                    println!(
                        "{node}: differed from the database ({} missing, {} stale, {} extra \
                         of {} documents); {} repaired",
                        r.missing, r.stale, r.extra, r.database, r.repaired
                    );
                    if code == 0 {
                        code = 3;
                    }
                }
            }
        }
    }
    Ok(code)
}
