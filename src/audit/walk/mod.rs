//! `audit verify`'s walk over the log, at the speed of hashing.
//!
//! Rows are read past the pooled `Any` driver (which builds every row value
//! by value): SQLite through `rusqlite` on read connections of its own,
//! PostgreSQL through `COPY … TO STDOUT (FORMAT binary)`. A long log is
//! split by `seq` into parts walked side by side, one per core, each on its
//! own connection and thread, in one snapshot (PostgreSQL: the first
//! connection's exported snapshot; SQLite: each part's own, which holds the
//! same rows as long as retention removed nothing in between: else the walk
//! is done in one part). Each part starts after the stored entry before it;
//! [`verdict`] gives the whole walk's verdict from the parts.

mod copy;
mod postgres;
mod sqlite;

use crate::core::db::{Db, Engine};
use otalusta_domain::audit::checkpoint::Checkpoint;
use otalusta_domain::audit::{BreakReason, ChainBreak, ChainKey, RowRef, Verifier, verdict};
use std::sync::{Arc, LazyLock};
use tokio::sync::Semaphore;

pub use super::store::Start;

/// Entries below which a walk is not split: threads and connections cost
/// more than they save.
const SPLIT_FROM: i64 = 50_000;

/// Most parts a walk is split into.
const MAX_PARTS: usize = 8;

/// What a text field holding anything else (NULL, a number) reads as: no
/// writer stores it, so the row's hash cannot match and the walk reports
/// the change.
const NOT_TEXT: &[u8] = b"\xff";

/// One walk at a time in a process: a walk takes every core, and one the
/// auditor's page gave up waiting for still runs to its end.
static ONE_WALK: LazyLock<Arc<Semaphore>> = LazyLock::new(|| Arc::new(Semaphore::new(1)));

/// Walks the log from `start` in one snapshot against the checkpoints;
/// `Ok(Err(break))` when broken, else the number of entries walked.
pub async fn verify(
    db: &Db,
    key: &ChainKey,
    checkpoints: &[Checkpoint],
    start: Start,
) -> anyhow::Result<Result<u64, ChainBreak>> {
    let walk = Walk {
        key: key.clone(),
        checkpoints: checkpoints.to_vec(),
        start,
    };
    let url = db.connect_options().database_url.to_string();
    let turn = ONE_WALK.clone().acquire_owned().await?;
    match db.engine() {
        Engine::Sqlite => {
            tokio::task::spawn_blocking(move || {
                let _turn = turn;
                sqlite::walk(&url, &walk)
            })
            .await?
        }
        Engine::Postgres => postgres::walk(&url, &walk).await,
    }
}

/// What to walk: the key, the checkpoints, where to start.
struct Walk {
    key: ChainKey,
    checkpoints: Vec<Checkpoint>,
    start: Start,
}

/// The head as read in the walk's snapshot.
struct Head {
    seq: i64,
    hash: String,
    keyed_from: i64,
    removed_through: i64,
}

impl Head {
    fn pair(&self) -> Option<(i64, &str)> {
        (self.seq > 0).then_some((self.seq, self.hash.as_str()))
    }
}

/// Where the walk starts: the first seq to read and the entry before it
/// (its seq and stored hash).
struct Begin {
    from: i64,
    after: Option<(i64, Vec<u8>)>,
}

impl Walk {
    /// Where to start over a log with `head` (`prev_of`: the stored
    /// `prev_hash` of an entry, in the same snapshot); `Err` when the walk
    /// is over before reading: the checkpoints do not fit the log, or the
    /// entry to start at is gone.
    fn begin(
        &self,
        head: &Head,
        prev_of: impl FnOnce(i64) -> anyhow::Result<Option<Vec<u8>>>,
    ) -> anyhow::Result<Result<Begin, ChainBreak>> {
        if let Err(b) = self.verifier(head, None) {
            return Ok(Err(b));
        }
        Ok(Ok(match &self.start {
            Start::Beginning(None) => Begin {
                from: 0,
                after: None,
            },
            Start::Beginning(Some((seq, hash))) => Begin {
                from: seq + 1,
                after: Some((*seq, hash.clone().into_bytes())),
            },
            Start::At(seq) => match prev_of(*seq)? {
                Some(prev) => Begin {
                    from: *seq,
                    after: Some((seq - 1, prev)),
                },
                None => {
                    return Ok(Err(ChainBreak {
                        seq: *seq,
                        reason: BreakReason::Gap { expected: *seq },
                    }));
                }
            },
        }))
    }

    /// A verifier for one part, started after `after` (the stored entry
    /// before the part, or where the whole walk starts).
    fn verifier(
        &self,
        head: &Head,
        after: Option<&(i64, Vec<u8>)>,
    ) -> Result<Verifier, ChainBreak> {
        let mut v = Verifier::new(&self.key, head.keyed_from);
        v.pin(&self.checkpoints)?;
        if let Some((seq, hash)) = after {
            v.start_after(*seq, hash);
        }
        Ok(v)
    }
}

/// How many parts a long walk is split into: one per core, and at least
/// two, so the seams between parts are walked on any machine.
fn part_count() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, MAX_PARTS))
}

/// The first seqs of `n` parts: `[from, …]`; one part for a short walk.
fn parts(from: i64, head_seq: i64, n: usize) -> Vec<i64> {
    let n = n.max(1) as i64;
    let span = head_seq.saturating_sub(from);
    if n < 2 || span < SPLIT_FROM {
        return vec![from];
    }
    (0..n).map(|k| from + span / n * k).collect()
}

/// One part's walk: every row through the verifier until the first break.
struct Part {
    verifier: Result<Verifier, ChainBreak>,
}

impl Part {
    /// Checks a row; `false` once the part has its break.
    fn push(&mut self, row: &RowRef<'_>) -> bool {
        if let Ok(v) = &mut self.verifier
            && let Err(b) = v.push_row(row)
        {
            self.verifier = Err(b);
        }
        self.verifier.is_ok()
    }
}

/// The parts' verdict against the head read in the first snapshot.
fn conclude(parts: Vec<Part>, head: &Head) -> Result<u64, ChainBreak> {
    verdict(parts.into_iter().map(|p| p.verifier).collect(), head.pair())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_walk_is_one_part_and_a_long_one_starts_each_part_further() {
        assert_eq!(parts(5, 1000, 4), vec![5]);
        assert_eq!(parts(1, 10_000_001, 1), vec![1]);
        assert_eq!(parts(1, i64::MIN, 4), vec![1]);
        assert!(part_count() >= 2);
        let p = parts(1, 10_000_001, 3);
        assert_eq!(p.len(), 3);
        assert_eq!(p[0], 1);
        assert!(p.windows(2).all(|w| w[0] < w[1]));
        assert!(*p.last().unwrap() < 10_000_001);
    }
}
