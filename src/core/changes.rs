//! Following the change feed (the `outbox` table) without skipping.
//!
//! A writer takes an outbox id when it inserts and the row becomes visible
//! when it commits, so on PostgreSQL ids become visible out of order: a
//! reader that only asks for `id > last seen` would skip a change whose
//! transaction committed after a higher id was read. This follower keeps
//! the ids it has not seen below the highest one it has (gaps) and asks
//! again from the lowest of them until they appear or are old enough that
//! their transaction cannot still commit (then they were rolled back).

use crate::core::db::Db;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a gap is waited for before it is taken as a rolled-back write.
const GAP_WAIT: Duration = Duration::from_secs(300);
/// Most rows read at once.
const BATCH: i64 = 5000;

#[derive(Default)]
struct State {
    /// Every id up to here was seen or given up.
    floor: i64,
    /// Ids above the floor already seen.
    seen: BTreeSet<i64>,
    /// Ids above the floor not seen yet, with when they were first missed.
    gaps: BTreeMap<i64, Instant>,
}

/// One follower of the feed (each cache keeps its own).
pub struct Follower {
    state: Mutex<State>,
}

/// One change: its topic (`expert`, `group`, `places`, …) and object id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub topic: String,
    pub object_id: String,
}

impl Follower {
    /// A follower that starts after everything committed now.
    pub async fn start(db: &Db) -> sqlx::Result<Follower> {
        let (max,): (Option<i64>,) = sqlx::query_as("SELECT MAX(id) FROM outbox")
            .fetch_one(db.pool())
            .await?;
        Ok(Follower::from(max.unwrap_or(0)))
    }

    /// A follower that has seen every id up to `floor`.
    pub fn from(floor: i64) -> Follower {
        Follower {
            state: Mutex::new(State {
                floor,
                ..State::default()
            }),
        }
    }

    /// The changes not seen before, in id order.
    pub async fn poll(&self, db: &Db) -> sqlx::Result<Vec<Change>> {
        let floor = self.state.lock().expect("follower state").floor;
        let rows: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT id, topic, object_id FROM outbox WHERE id > $1 ORDER BY id LIMIT $2",
        )
        .bind(floor)
        .bind(BATCH)
        .fetch_all(db.pool())
        .await?;
        Ok(self.take(rows, Instant::now()))
    }

    fn take(&self, rows: Vec<(i64, String, String)>, now: Instant) -> Vec<Change> {
        let mut st = self.state.lock().expect("follower state");
        let mut out = Vec::new();
        let mut highest = st.floor;
        for (id, topic, object_id) in rows {
            highest = highest.max(id);
            if id <= st.floor || !st.seen.insert(id) {
                continue;
            }
            st.gaps.remove(&id);
            out.push(Change { topic, object_id });
        }
        // Ids below the highest seen that are missing are gaps.
        let mut next = st.floor + 1;
        while next < highest {
            if !st.seen.contains(&next) {
                st.gaps.entry(next).or_insert(now);
            }
            next += 1;
        }
        // Give up gaps old enough; then raise the floor over what is done.
        st.gaps
            .retain(|_, since| now.duration_since(*since) < GAP_WAIT);
        loop {
            let n = st.floor + 1;
            let done = st.seen.remove(&n) || (n < highest && !st.gaps.contains_key(&n));
            if !done {
                break;
            }
            st.floor = n;
        }
        out
    }
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

/// How often a node looks for other nodes' changes.
pub const FOLLOW_EVERY: Duration = Duration::from_secs(2);

/// Keeps `derived` current until the task is dropped.
pub async fn follow<D: Derived>(derived: std::sync::Arc<D>, db: Db) {
    let mut tick = tokio::time::interval(FOLLOW_EVERY);
    loop {
        tick.tick().await;
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

    fn rows(ids: &[i64]) -> Vec<(i64, String, String)> {
        ids.iter()
            .map(|i| (*i, "group".to_owned(), i.to_string()))
            .collect()
    }

    fn ids(c: &[Change]) -> Vec<String> {
        c.iter().map(|c| c.object_id.clone()).collect()
    }

    #[test]
    fn a_write_that_commits_late_is_not_skipped() {
        let f = Follower::from(0);
        let t = Instant::now();
        // 2 is still uncommitted when 1 and 3 are read.
        assert_eq!(ids(&f.take(rows(&[1, 3]), t)), vec!["1", "3"]);
        // Next poll: 2 has committed; 3 is not given again.
        assert_eq!(ids(&f.take(rows(&[2, 3]), t)), vec!["2"]);
        assert_eq!(f.state.lock().unwrap().floor, 3);
        assert_eq!(ids(&f.take(rows(&[4]), t)), vec!["4"]);
    }

    #[test]
    fn a_rolled_back_id_is_given_up_after_a_while() {
        let f = Follower::from(10);
        let t = Instant::now();
        f.take(rows(&[12]), t);
        assert_eq!(f.state.lock().unwrap().floor, 10, "11 may still commit");
        f.take(rows(&[12, 13]), t + GAP_WAIT + Duration::from_secs(1));
        assert_eq!(f.state.lock().unwrap().floor, 13);
    }
}
