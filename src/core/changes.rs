//! Following the change feed (the `outbox` table) without skipping.
//!
//! A writer takes an outbox id when it inserts and the row becomes visible
//! when it commits. On SQLite there is one writer at a time, so ids become
//! visible in order and `id > last seen` is exact. On PostgreSQL they do
//! not: a reader asking for `id > last seen` passes over a change whose
//! transaction commits after a higher id was read, for good.
//!
//! So on PostgreSQL every change records its transaction id (`txid`), and a
//! follower keeps a cursor in (transaction id, id) order that it never
//! moves past the snapshot's `xmin`: every transaction below it has ended,
//! so the changes below the cursor are final. Changes of transactions still
//! at or above `xmin` that are already visible are delivered at once and
//! remembered until the cursor passes them, so none is delivered twice and
//! none is waited for longer than its transaction runs. No timing guess is
//! involved: a transaction that runs for an hour is delivered when it
//! commits, and a rolled-back one simply never appears.
//!
//! Followers poll every [`FOLLOW_EVERY`] and, on PostgreSQL, are woken at
//! once by `NOTIFY otalusta_outbox` (a trigger on the outbox sends it on
//! commit; see [`Wake`]).

use crate::core::db::{Db, Engine};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;
use tokio::sync::watch;

/// Most rows read at once.
const BATCH: i64 = 5000;

/// Where a follower stands: every change ordered at or below `(txid, id)`
/// has been delivered (SQLite: `txid` is 0 and `id` the last id).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Position {
    txid: i64,
    id: i64,
    /// PostgreSQL: changes delivered early (their transaction at or above
    /// the `xmin` when they were read), id → transaction id.
    early: HashMap<i64, i64>,
}

/// One follower of the feed (each derived state keeps its own).
pub struct Follower {
    engine: Engine,
    position: Mutex<Position>,
}

/// One change: its topic (`expert`, `group`, `places`, …) and object id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub topic: String,
    pub object_id: String,
}

/// Changes read but not yet taken: [`Follower::advance`] moves the follower
/// past them once they are applied, so a failure to apply them reads them
/// again on the next poll.
pub struct Polled {
    pub changes: Vec<Change>,
    next: Position,
}

type Row = (i64, String, String, i64);
/// PostgreSQL: the snapshot's xmin, then a change (absent when none).
type XminRow = (
    i64,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<i64>,
);

impl Follower {
    /// A follower that starts after everything committed now: what a
    /// derived state loads after this call includes every change the
    /// follower will not deliver.
    pub async fn start(db: &Db) -> sqlx::Result<Follower> {
        let position = match db.engine() {
            Engine::Sqlite => {
                let (max,): (Option<i64>,) = sqlx::query_as("SELECT MAX(id) FROM outbox")
                    .fetch_one(db.pool())
                    .await?;
                Position {
                    id: max.unwrap_or(0),
                    ..Position::default()
                }
            }
            Engine::Postgres => Position {
                txid: postgres_xmin(db).await?,
                ..Position::default()
            },
        };
        Ok(Follower::at(db.engine(), position))
    }

    fn at(engine: Engine, position: Position) -> Follower {
        Follower {
            engine,
            position: Mutex::new(position),
        }
    }

    /// The changes not delivered before, without moving past them.
    pub async fn peek(&self, db: &Db) -> sqlx::Result<Polled> {
        let from = self.position.lock().expect("follower position").clone();
        match self.engine {
            Engine::Sqlite => {
                let rows: Vec<Row> = sqlx::query_as(
                    "SELECT id, topic, object_id, 0 FROM outbox WHERE id > $1 ORDER BY id LIMIT $2",
                )
                .bind(from.id)
                .bind(BATCH)
                .fetch_all(db.pool())
                .await?;
                Ok(next_in_order(from, rows))
            }
            Engine::Postgres => {
                // One statement, one snapshot: every transaction below `x`
                // ended before it was taken, so its changes are all visible.
                let rows: Vec<XminRow> =
                    sqlx::query_as(
                        "SELECT s.x, o.id, o.topic, o.object_id, o.txid \
                         FROM (SELECT (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint AS x) s \
                         LEFT JOIN outbox o ON (o.txid, o.id) > ($1, $2) \
                         ORDER BY o.txid, o.id LIMIT $3",
                    )
                    .bind(from.txid)
                    .bind(from.id)
                    .bind(BATCH)
                    .fetch_all(db.pool())
                    .await?;
                let xmin = rows.first().map(|r| r.0).unwrap_or(from.txid);
                let rows = rows
                    .into_iter()
                    .filter_map(|(_, id, topic, object, txid)| Some((id?, topic?, object?, txid?)))
                    .collect();
                Ok(next_below_xmin(from, rows, xmin))
            }
        }
    }

    /// Moves the follower past what `polled` read.
    pub fn advance(&self, polled: Polled) {
        *self.position.lock().expect("follower position") = polled.next;
    }

    /// The changes not seen before, taken at once.
    pub async fn poll(&self, db: &Db) -> sqlx::Result<Vec<Change>> {
        let mut polled = self.peek(db).await?;
        let changes = std::mem::take(&mut polled.changes);
        self.advance(polled);
        Ok(changes)
    }
}

/// PostgreSQL: the oldest transaction still running (or the next one).
async fn postgres_xmin(db: &Db) -> sqlx::Result<i64> {
    let (x,): (i64,) =
        sqlx::query_as("SELECT (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint")
            .fetch_one(db.pool())
            .await?;
    Ok(x)
}

/// SQLite: ids are visible in commit order.
fn next_in_order(from: Position, rows: Vec<Row>) -> Polled {
    let mut next = from;
    let mut changes = Vec::with_capacity(rows.len());
    for (id, topic, object_id, _) in rows {
        next.id = next.id.max(id);
        changes.push(Change { topic, object_id });
    }
    Polled { changes, next }
}

/// PostgreSQL: `rows` are the visible changes after `from` in (txid, id)
/// order, read in a snapshot whose oldest running transaction is `xmin`.
fn next_below_xmin(from: Position, rows: Vec<Row>, xmin: i64) -> Polled {
    let full = rows.len() as i64 >= BATCH;
    let mut next = from;
    let mut changes = Vec::new();
    let mut last = None;
    for (id, topic, object_id, txid) in rows {
        last = Some((txid, id));
        if next.early.contains_key(&id) {
            continue;
        }
        if txid >= xmin {
            next.early.insert(id, txid);
        }
        changes.push(Change { topic, object_id });
    }
    // The cursor never passes `xmin`: a transaction at or above it may
    // still commit changes ordered below anything read here.
    let mut cursor = (xmin, 0);
    if full && let Some(last) = last {
        cursor = cursor.min(last);
    }
    if cursor > (next.txid, next.id) {
        (next.txid, next.id) = cursor;
    }
    let (txid, id) = (next.txid, next.id);
    next.early.retain(|e, t| (*t, *e) > (txid, id));
    Polled { changes, next }
}

/// Something a node derives from the database and keeps current from the
/// feed (the groups' calendars, the taxonomy).
pub trait Derived: Send + Sync + 'static {
    /// What it is, for the log.
    const NAME: &'static str;
    fn follower(&self) -> &Follower;
    /// Drops what the changes make stale.
    fn apply(&self, changes: &[Change]);
}

/// How often a node looks for other nodes' changes when nothing wakes it.
pub const FOLLOW_EVERY: Duration = Duration::from_secs(2);

/// Wakes a node's followers when another node's change commits: a
/// `LISTEN otalusta_outbox` connection on PostgreSQL (none on SQLite, whose
/// single node applies its own changes as it writes them).
#[derive(Clone)]
pub struct Wake {
    rx: watch::Receiver<u64>,
}

impl Wake {
    /// A wake that never fires (polling only).
    pub fn never() -> Wake {
        let (_, rx) = watch::channel(0);
        Wake { rx }
    }

    /// Listens on PostgreSQL until the returned task is aborted; reconnects
    /// after a failure (and wakes once then, for what it may have missed).
    pub fn listen(db: &Db, url: &str) -> (Wake, Option<tokio::task::JoinHandle<()>>) {
        if db.engine() != Engine::Postgres {
            return (Wake::never(), None);
        }
        let (tx, rx) = watch::channel(0u64);
        let url = url.to_owned();
        let task = tokio::spawn(async move {
            let mut wait = Duration::from_millis(500);
            loop {
                match listen_once(&url, &tx).await {
                    Ok(()) => return,
                    Err(e) => {
                        tracing::warn!(error = %e, "change-feed notifications lost; listening again")
                    }
                }
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(Duration::from_secs(10));
            }
        });
        (Wake { rx }, Some(task))
    }

    /// Waits for a wake-up or `every`, whichever comes first.
    pub async fn wait(&mut self, every: Duration) {
        let sleep = tokio::time::sleep(every);
        tokio::pin!(sleep);
        tokio::select! {
            _ = &mut sleep => {}
            woken = self.rx.changed() => {
                // No sender (SQLite, or the listener ended): poll only.
                if woken.is_err() {
                    sleep.await;
                }
            }
        }
    }
}

async fn listen_once(url: &str, tx: &watch::Sender<u64>) -> sqlx::Result<()> {
    let mut listener = sqlx::postgres::PgListener::connect(url).await?;
    listener.listen("otalusta_outbox").await?;
    tx.send_modify(|n| *n += 1);
    loop {
        listener.recv().await?;
        tx.send_modify(|n| *n += 1);
        if tx.is_closed() {
            return Ok(());
        }
    }
}

/// Keeps `derived` current until the task is dropped.
pub async fn follow<D: Derived>(derived: std::sync::Arc<D>, db: Db, mut wake: Wake) {
    loop {
        wake.wait(FOLLOW_EVERY).await;
        match derived.follower().poll(&db).await {
            Ok(changes) if !changes.is_empty() => derived.apply(&changes),
            Ok(_) => {}
            Err(e) => {
                tracing::warn!(error = %e, what = D::NAME, "could not follow the change feed")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (id, txid) pairs as rows.
    fn rows(changes: &[(i64, i64)]) -> Vec<Row> {
        let mut r: Vec<Row> = changes
            .iter()
            .map(|(id, txid)| (*id, "group".to_owned(), id.to_string(), *txid))
            .collect();
        r.sort_by_key(|r| (r.3, r.0));
        r
    }

    fn ids(p: &Polled) -> Vec<String> {
        p.changes.iter().map(|c| c.object_id.clone()).collect()
    }

    /// Polls with `visible` rows ordered after the position, as PostgreSQL
    /// would return them.
    fn poll(from: &Position, visible: &[(i64, i64)], xmin: i64) -> Polled {
        let after: Vec<(i64, i64)> = visible
            .iter()
            .copied()
            .filter(|(id, txid)| (*txid, *id) > (from.txid, from.id))
            .collect();
        next_below_xmin(from.clone(), rows(&after), xmin)
    }

    #[test]
    fn a_change_that_commits_after_a_higher_id_is_not_skipped() {
        let start = Position {
            txid: 100,
            ..Position::default()
        };
        // Transaction 100 took id 1 and runs on; 101 took id 2 and committed.
        let p = poll(&start, &[(2, 101)], 100);
        assert_eq!(ids(&p), vec!["2"]);
        assert_eq!(
            (p.next.txid, p.next.id),
            (100, 0),
            "the cursor stays at xmin"
        );
        // Nothing new: 2 is not delivered again.
        let p = poll(&p.next, &[(2, 101)], 100);
        assert!(p.changes.is_empty());
        // 100 commits; every transaction up to 102 has ended.
        let p = poll(&p.next, &[(1, 100), (2, 101)], 102);
        assert_eq!(ids(&p), vec!["1"]);
        assert_eq!((p.next.txid, p.next.id), (102, 0));
        assert!(
            p.next.early.is_empty(),
            "passed early changes are forgotten"
        );
    }

    #[test]
    fn a_rolled_back_transaction_holds_nothing_up() {
        let start = Position {
            txid: 10,
            ..Position::default()
        };
        // 10 took id 1 and rolled back; 11 wrote id 2; both ended.
        let p = poll(&start, &[(2, 11)], 12);
        assert_eq!(ids(&p), vec!["2"]);
        assert_eq!((p.next.txid, p.next.id), (12, 0));
        assert!(p.next.early.is_empty());
    }

    #[test]
    fn a_full_batch_moves_only_as_far_as_it_read() {
        let start = Position::default();
        let many: Vec<(i64, i64)> = (1..=BATCH + 10).map(|id| (id, 5)).collect();
        let p = poll(&start, &many[..BATCH as usize], 50);
        assert_eq!(p.changes.len() as i64, BATCH);
        assert_eq!((p.next.txid, p.next.id), (5, BATCH));
        let p = poll(&p.next, &many, 50);
        assert_eq!(p.changes.len(), 10);
        assert_eq!((p.next.txid, p.next.id), (50, 0));
    }

    #[test]
    fn sqlite_follows_ids() {
        let p = next_in_order(Position::default(), rows(&[(1, 0), (2, 0)]));
        assert_eq!(ids(&p), vec!["1", "2"]);
        assert_eq!(p.next.id, 2);
    }
}
