//! `audit verify`'s walk over the whole log, at the speed of hashing.
//!
//! Rows are read past the pooled `Any` driver (which builds every row value
//! by value): SQLite through `rusqlite` on its own read connection,
//! PostgreSQL through `COPY … TO STDOUT (FORMAT binary)`. Each engine's
//! reader runs one snapshot and feeds a [`Pipeline`]: the reading thread
//! follows the chain (order, links, checkpoints) batch by batch, and other
//! threads check each row's content against its hash, which needs no other
//! row. The first break is the one a single walk would report
//! ([`first_break`]).

mod copy;
mod postgres;
mod sqlite;

use crate::core::db::{Db, Engine};
use otalusta_domain::audit::checkpoint::Checkpoint;
use otalusta_domain::audit::{
    Batch, BreakReason, ChainBreak, ChainKey, ContentCheck, Verifier, first_break,
};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::mpsc;

pub use super::store::Start;

/// Rows per batch handed to a hashing thread (about 2 MB).
const BATCH_ROWS: usize = 4096;

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
    match db.engine() {
        Engine::Sqlite => tokio::task::spawn_blocking(move || sqlite::walk(&url, walk)).await?,
        Engine::Postgres => postgres::walk(&url, walk).await,
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
}

impl Walk {
    /// The verifier for this walk over a log with `head`, and the first seq
    /// to read; `Err` when the walk is over before reading (`prev_of`: the
    /// stored `prev_hash` of an entry, in the same snapshot).
    fn begin(
        &self,
        head: &Head,
        prev_of: impl FnOnce(i64) -> anyhow::Result<Option<String>>,
    ) -> anyhow::Result<Result<(Verifier, i64), ChainBreak>> {
        let mut v = Verifier::new(&self.key, head.keyed_from);
        if let Err(b) = v.pin(&self.checkpoints) {
            return Ok(Err(b));
        }
        let from = match &self.start {
            Start::Beginning(None) => 0,
            Start::Beginning(Some((seq, hash))) => {
                v.start_after(*seq, hash);
                seq + 1
            }
            Start::At(seq) => {
                let Some(prev) = prev_of(*seq)? else {
                    return Ok(Err(ChainBreak {
                        seq: *seq,
                        reason: BreakReason::Gap { expected: *seq },
                    }));
                };
                v.start_after(seq - 1, &prev);
                *seq
            }
        };
        Ok(Ok((v, from)))
    }
}

/// Follows the chain on the reading thread and hands each batch to a
/// hashing thread (started at the first full batch: a short walk, such as
/// the incremental one, hashes on the reading thread alone).
struct Pipeline {
    verifier: Verifier,
    head: Head,
    batch: Batch,
    follow_break: Option<ChainBreak>,
    /// The lowest seq whose content a hashing thread found changed.
    changed: Arc<AtomicI64>,
    workers: Vec<(mpsc::SyncSender<Batch>, std::thread::JoinHandle<()>)>,
    next: usize,
    spare: mpsc::Receiver<Batch>,
    spare_tx: mpsc::Sender<Batch>,
}

impl Pipeline {
    fn new(verifier: Verifier, head: Head) -> Self {
        let (spare_tx, spare) = mpsc::channel();
        Pipeline {
            verifier,
            head,
            batch: Batch::with_capacity(BATCH_ROWS),
            follow_break: None,
            changed: Arc::new(AtomicI64::new(i64::MAX)),
            workers: Vec::new(),
            next: 0,
            spare,
            spare_tx,
        }
    }

    /// Adds a row (text fields in [`Batch::push`]'s order); `false` once
    /// the walk has found its break and can stop reading.
    fn push(&mut self, seq: i64, actor_id: Option<i64>, text: [&[u8]; 11]) -> bool {
        self.batch.push(seq, actor_id, text);
        if self.batch.len() < BATCH_ROWS {
            return true;
        }
        let next = self
            .spare
            .try_recv()
            .unwrap_or_else(|_| Batch::with_capacity(BATCH_ROWS));
        let mut batch = std::mem::replace(&mut self.batch, next);
        if !self.follow(&mut batch) {
            self.hand_out(batch);
            return false;
        }
        self.hand_out(batch);
        self.changed.load(Ordering::Relaxed) == i64::MAX
    }

    /// Follows the batch's rows; on a break keeps the rows up to it.
    fn follow(&mut self, batch: &mut Batch) -> bool {
        let broke = batch.rows().position(|r| match self.verifier.follow(&r) {
            Ok(()) => false,
            Err(b) => {
                self.follow_break = Some(b);
                true
            }
        });
        if let Some(i) = broke {
            batch.truncate(i + 1);
        }
        broke.is_none()
    }

    fn hand_out(&mut self, batch: Batch) {
        if self.workers.is_empty() {
            let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(8));
            for _ in 0..threads {
                let (tx, rx) = mpsc::sync_channel::<Batch>(2);
                let mut check = self.verifier.content_check();
                let changed = self.changed.clone();
                let spare = self.spare_tx.clone();
                let handle =
                    std::thread::spawn(move || hash_batches(&rx, &mut check, &changed, &spare));
                self.workers.push((tx, handle));
            }
        }
        let (tx, _) = &self.workers[self.next % self.workers.len()];
        self.next += 1;
        // A worker only stops when its sender is dropped.
        let _ = tx.send(batch);
    }

    /// The first break, or the walk's count once its end matches the head.
    fn finish(mut self) -> anyhow::Result<Result<u64, ChainBreak>> {
        let mut last = std::mem::take(&mut self.batch);
        let mut changed = None;
        if self.follow_break.is_none() && self.changed.load(Ordering::Relaxed) == i64::MAX {
            self.follow(&mut last);
            changed = self.verifier.content_check().first_changed(&last);
        }
        for (tx, handle) in self.workers.drain(..) {
            drop(tx);
            handle
                .join()
                .map_err(|_| anyhow::anyhow!("a hashing thread of the walk failed"))?;
        }
        let found = self.changed.load(Ordering::Relaxed);
        let changed = changed
            .into_iter()
            .chain((found != i64::MAX).then_some(found))
            .min();
        if let Some(b) = first_break(self.follow_break.take(), changed) {
            return Ok(Err(b));
        }
        let head = (self.head.seq > 0).then_some((self.head.seq, self.head.hash.as_str()));
        Ok(self.verifier.finish(head))
    }
}

fn hash_batches(
    rx: &mpsc::Receiver<Batch>,
    check: &mut ContentCheck,
    changed: &AtomicI64,
    spare: &mpsc::Sender<Batch>,
) {
    for mut batch in rx {
        let first = batch.rows().next().map_or(i64::MAX, |r| r.seq);
        // Rows after a change already found need no hashing.
        if first < changed.load(Ordering::Relaxed)
            && let Some(seq) = check.first_changed(&batch)
        {
            changed.fetch_min(seq, Ordering::Relaxed);
        }
        batch.truncate(0);
        let _ = spare.send(batch);
    }
}
