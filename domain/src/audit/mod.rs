//! Käyttöloki: the tamper-evident access log.
//!
//! Each entry's hash covers its own content and the previous entry's hash, so
//! changing, inserting or deleting any row breaks the chain from that row on.
//! The sequence numbers are gap-free, and the stored head (last seq and hash)
//! catches a truncated tail.
//!
//! The hash is keyed (HMAC-SHA-256 with the access-log key, which lives in
//! the key file, never in the database): whoever can write the database but
//! not read the key file cannot recompute the chain after changing a row.
//! Entries written before the key was introduced (`seq < keyed_from`) keep
//! their unkeyed v1 hash; signed [`checkpoint`]s kept outside the database
//! pin the chain (and that boundary) against someone who holds the key too.

pub mod checkpoint;
pub mod retention;
mod rows;

pub use rows::RowRef;

use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// The secret that keys the chain (derived from the key file).
#[derive(Clone)]
pub struct ChainKey(pub [u8; 32]);

impl fmt::Debug for ChainKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ChainKey(<redacted>)")
    }
}

/// The previous hash of the first entry.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What became of the attempted action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Success,
    /// Refused by the access policy.
    Denied,
    /// Failed for another reason (wrong password, invalid input).
    Failure,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Denied => "denied",
            Outcome::Failure => "failure",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "success" => Some(Outcome::Success),
            "denied" => Some(Outcome::Denied),
            "failure" => Some(Outcome::Failure),
            _ => None,
        }
    }
}

/// The content of one entry, as written; `seq`, `prev_hash` and `hash` are
/// assigned when it is appended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    /// UTC, RFC 3339 with microseconds.
    pub at: String,
    pub actor_id: Option<i64>,
    /// User name at the time (accounts can be renamed; the log must not change).
    pub actor_name: String,
    /// The role under which the actor acted, or "" for anonymous.
    pub role: String,
    /// e.g. "login", "request.read", "request.update".
    pub action: String,
    pub object_type: String,
    pub object_id: String,
    pub outcome: Outcome,
    pub client_addr: String,
    /// Käyttötarkoitus: purpose or legal basis, when the user gave one.
    pub purpose: String,
}

/// An entry as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub seq: i64,
    pub event: AuditEvent,
    pub prev_hash: String,
    pub hash: String,
}

/// Feeds every field length-prefixed, so no two different entries encode
/// the same.
fn encode(out: &mut Vec<u8>, version: &str, r: &RowRef<'_>) {
    out.clear();
    let mut seq = itoa::Buffer::new();
    let mut actor = itoa::Buffer::new();
    let actor_id = r.actor_id.map_or(&b""[..], |i| actor.format(i).as_bytes());
    let fields = [
        version.as_bytes(),
        seq.format(r.seq).as_bytes(),
        r.at,
        actor_id,
        r.actor_name,
        r.role,
        r.action,
        r.object_type,
        r.object_id,
        r.outcome,
        r.client_addr,
        r.purpose,
        r.prev_hash,
    ];
    out.reserve(fields.iter().map(|f| f.len() + 8).sum());
    for field in fields {
        out.extend_from_slice(&(field.len() as u64).to_be_bytes());
        out.extend_from_slice(field);
    }
}

/// The unkeyed v1 hash (SHA-256) of entries written before the key.
pub fn legacy_hash(seq: i64, event: &AuditEvent, prev_hash: &str) -> String {
    let mut buf = Vec::new();
    encode(
        &mut buf,
        "otalusta-audit-v1",
        &RowRef::of(seq, event, prev_hash, ""),
    );
    hex::encode(Sha256::digest(&buf))
}

/// The keyed v2 hash: HMAC-SHA-256 with the access-log key.
pub fn entry_hash(key: &ChainKey, seq: i64, event: &AuditEvent, prev_hash: &str) -> String {
    Keyed::new(key).hash(seq, event, prev_hash)
}

/// The key's HMAC state, prepared once: a walk over millions of entries
/// then hashes only each entry's own bytes (the key's two blocks are not
/// hashed again per entry).
#[derive(Clone)]
pub struct Keyed(Hmac<Sha256>);

impl fmt::Debug for Keyed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Keyed(<redacted>)")
    }
}

impl Keyed {
    pub fn new(key: &ChainKey) -> Self {
        Keyed(<Hmac<Sha256> as KeyInit>::new_from_slice(&key.0).expect("any key length"))
    }

    pub fn hash(&self, seq: i64, event: &AuditEvent, prev_hash: &str) -> String {
        let mut buf = Vec::new();
        hex::encode(self.digest(&RowRef::of(seq, event, prev_hash, ""), &mut buf))
    }

    fn digest(&self, row: &RowRef<'_>, buf: &mut Vec<u8>) -> [u8; 32] {
        encode(buf, "otalusta-audit-v2", row);
        let mut m = self.0.clone();
        m.update(buf);
        m.finalize().into_bytes().into()
    }
}

/// Whether stored rows hash to what they claim.
#[derive(Clone, Debug)]
struct ContentCheck {
    keyed: Keyed,
    keyed_from: i64,
    buf: Vec<u8>,
}

impl ContentCheck {
    fn new(key: &ChainKey, keyed_from: i64) -> Self {
        ContentCheck {
            keyed: Keyed::new(key),
            keyed_from,
            buf: Vec::with_capacity(512),
        }
    }

    /// Whether the row's stored hash is the hash of its content.
    fn holds(&mut self, row: &RowRef<'_>) -> bool {
        let digest: [u8; 32] = if row.seq < self.keyed_from {
            encode(&mut self.buf, "otalusta-audit-v1", row);
            Sha256::digest(&self.buf).into()
        } else {
            self.keyed.digest(row, &mut self.buf)
        };
        hex_is(&digest, row.hash)
    }
}

/// Whether `hex` is `digest` in lower-case hex, as the chain stores it.
fn hex_is(digest: &[u8; 32], hex: &[u8]) -> bool {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    hex.len() == 64
        && digest.iter().zip(hex.chunks_exact(2)).all(|(b, h)| {
            h[0] == DIGITS[usize::from(b >> 4)] && h[1] == DIGITS[usize::from(b & 15)]
        })
}

/// Builds the next entry after `prev` (`None` for the first).
pub fn next_entry(key: &ChainKey, prev: Option<(i64, &str)>, event: AuditEvent) -> AuditEntry {
    let (seq, prev_hash) = match prev {
        Some((seq, hash)) => (seq + 1, hash.to_owned()),
        None => (1, GENESIS_HASH.to_owned()),
    };
    let hash = entry_hash(key, seq, &event, &prev_hash);
    AuditEntry {
        seq,
        event,
        prev_hash,
        hash,
    }
}

/// The first place where the chain does not hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainBreak {
    /// The first entry that is not what it claims (or after which one is missing).
    pub seq: i64,
    pub reason: BreakReason,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BreakReason {
    /// The entry's content does not match its hash: it was changed.
    ContentChanged,
    /// Its `prev_hash` is not the previous entry's hash: an entry before it
    /// was removed, replaced or inserted.
    PrevHashMismatch,
    /// A sequence number is missing: entries were deleted.
    Gap { expected: i64 },
    /// The log ends before the recorded head: its tail was removed.
    Truncated { head_seq: i64 },
    /// The last entry is not the one the head recorded.
    HeadMismatch,
    /// The entry is not the one a signed checkpoint (taken at `at`)
    /// recorded: the log was rewritten by someone holding the key.
    CheckpointMismatch { at: String },
    /// A signed checkpoint (taken at `at`) recorded entry `checkpoint_seq`,
    /// beyond the log's end: the tail was removed and the head rewritten.
    CheckpointBeyondEnd { checkpoint_seq: i64, at: String },
    /// The start of the keyed entries differs from what the checkpoints
    /// recorded: entries were passed off as older, unkeyed ones.
    BoundaryMoved { recorded: i64, stored: i64 },
}

impl fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.reason {
            BreakReason::ContentChanged => {
                write!(
                    f,
                    "entry {} was changed: its hash does not match its content",
                    self.seq
                )
            }
            BreakReason::PrevHashMismatch => write!(
                f,
                "entry {} does not follow the entry before it: an entry was removed, replaced or inserted",
                self.seq
            ),
            BreakReason::Gap { expected } => write!(
                f,
                "entry {expected} is missing (the next entry present is {})",
                self.seq
            ),
            BreakReason::Truncated { head_seq } => write!(
                f,
                "the log ends at entry {} but {head_seq} entries were written: the tail was removed",
                self.seq
            ),
            BreakReason::HeadMismatch => {
                write!(
                    f,
                    "entry {} is not the last entry that was written",
                    self.seq
                )
            }
            BreakReason::CheckpointMismatch { at } => write!(
                f,
                "entry {} is not the entry the signed checkpoint of {at} recorded: the log was rewritten",
                self.seq
            ),
            BreakReason::CheckpointBeyondEnd { checkpoint_seq, at } => write!(
                f,
                "the log ends at entry {} but the signed checkpoint of {at} recorded entry {checkpoint_seq}: the tail was removed",
                self.seq
            ),
            BreakReason::BoundaryMoved { recorded, stored } => write!(
                f,
                "keyed entries start at {stored} in the database but at {recorded} in the signed checkpoints: the log was rewritten"
            ),
        }
    }
}

/// Walks entries in `seq` order; pin the signed checkpoints, feed every
/// entry, then call [`Verifier::finish`].
///
/// A long walk can be split by `seq` into parts walked side by side
/// ([`verdict`]).
#[derive(Debug)]
pub struct Verifier {
    content: ContentCheck,
    keyed_from: i64,
    /// Hashes the checkpoints recorded, by seq, with when each was taken.
    pins: std::collections::BTreeMap<i64, Vec<(String, String)>>,
    /// The last entry followed: its seq and hash.
    last: Option<(i64, Vec<u8>)>,
    count: u64,
}

impl Verifier {
    /// `keyed_from`: the first seq written with the keyed hash.
    pub fn new(key: &ChainKey, keyed_from: i64) -> Self {
        Verifier {
            content: ContentCheck::new(key, keyed_from),
            keyed_from,
            pins: Default::default(),
            last: None,
            count: 0,
        }
    }

    /// Checks the log against checkpoints whose signatures were verified.
    pub fn pin(&mut self, checkpoints: &[checkpoint::Checkpoint]) -> Result<(), ChainBreak> {
        for c in checkpoints {
            if c.keyed_from != self.keyed_from {
                return Err(ChainBreak {
                    seq: self.keyed_from,
                    reason: BreakReason::BoundaryMoved {
                        recorded: c.keyed_from,
                        stored: self.keyed_from,
                    },
                });
            }
            if c.seq > 0 {
                self.pins
                    .entry(c.seq)
                    .or_default()
                    .push((c.hash.clone(), c.at.clone()));
            }
        }
        Ok(())
    }

    /// Starts the walk after entry `seq`, whose hash is `hash`: the entries
    /// before it were removed by retention (the hash then comes from the
    /// signed checkpoint taken before the removal), or were checked before
    /// (an incremental check from a checkpoint). Call before any `push`.
    pub fn start_after(&mut self, seq: i64, hash: impl AsRef<[u8]>) {
        debug_assert!(self.last.is_none());
        if seq > 0 {
            self.last = Some((seq, hash.as_ref().to_vec()));
        }
    }

    pub fn push(&mut self, e: &AuditEntry) -> Result<(), ChainBreak> {
        self.push_row(&RowRef::of(e.seq, &e.event, &e.prev_hash, &e.hash))
    }

    /// Checks one stored row: in order, its content against its hash, its
    /// link to the entry before, the checkpoints.
    pub fn push_row(&mut self, r: &RowRef<'_>) -> Result<(), ChainBreak> {
        self.in_order(r)?;
        if !self.content.holds(r) {
            return Err(ChainBreak {
                seq: r.seq,
                reason: BreakReason::ContentChanged,
            });
        }
        self.follow(r)
    }

    fn expected_seq(&self) -> i64 {
        self.last.as_ref().map_or(1, |(seq, _)| seq + 1)
    }

    fn in_order(&self, r: &RowRef<'_>) -> Result<(), ChainBreak> {
        let expected = self.expected_seq();
        if r.seq != expected {
            return Err(ChainBreak {
                seq: r.seq,
                reason: BreakReason::Gap { expected },
            });
        }
        Ok(())
    }

    /// The row's place in the chain, without its content: it comes next,
    /// links to the entry before, and is what the checkpoints recorded.
    fn follow(&mut self, r: &RowRef<'_>) -> Result<(), ChainBreak> {
        self.in_order(r)?;
        let expected_prev = self
            .last
            .as_ref()
            .map_or(GENESIS_HASH.as_bytes(), |(_, h)| h.as_slice());
        if r.prev_hash != expected_prev {
            return Err(ChainBreak {
                seq: r.seq,
                reason: BreakReason::PrevHashMismatch,
            });
        }
        if let Some(pins) = self.pins.get(&r.seq)
            && let Some((_, at)) = pins.iter().find(|(h, _)| h.as_bytes() != r.hash)
        {
            return Err(ChainBreak {
                seq: r.seq,
                reason: BreakReason::CheckpointMismatch { at: at.clone() },
            });
        }
        let last = self.last.get_or_insert_with(|| (0, Vec::with_capacity(64)));
        last.0 = r.seq;
        last.1.clear();
        last.1.extend_from_slice(r.hash);
        self.count += 1;
        Ok(())
    }

    /// Compares the end of the walk with the recorded head and the
    /// checkpoints; returns the count.
    pub fn finish(self, head: Option<(i64, &str)>) -> Result<u64, ChainBreak> {
        let last_seq = self.last.as_ref().map_or(0, |(s, _)| *s);
        if let Some((&cp_seq, pins)) = self.pins.range(last_seq + 1..).next_back() {
            return Err(ChainBreak {
                seq: last_seq,
                reason: BreakReason::CheckpointBeyondEnd {
                    checkpoint_seq: cp_seq,
                    at: pins[0].1.clone(),
                },
            });
        }
        match (head, &self.last) {
            (None, None) => Ok(0),
            (Some((head_seq, head_hash)), Some((seq, hash))) => {
                if *seq < head_seq {
                    Err(ChainBreak {
                        seq: *seq,
                        reason: BreakReason::Truncated { head_seq },
                    })
                } else if *seq != head_seq || hash.as_slice() != head_hash.as_bytes() {
                    Err(ChainBreak {
                        seq: *seq,
                        reason: BreakReason::HeadMismatch,
                    })
                } else {
                    Ok(self.count)
                }
            }
            (Some((head_seq, _)), None) => Err(ChainBreak {
                seq: 0,
                reason: BreakReason::Truncated { head_seq },
            }),
            (None, Some((seq, _))) => Err(ChainBreak {
                seq: *seq,
                reason: BreakReason::HeadMismatch,
            }),
        }
    }
}

/// The verdict of a walk split by `seq` into parts walked side by side,
/// each started after the stored entry before it ([`Verifier::start_after`]
/// with that entry's seq and hash; the first part as the whole walk starts):
/// the first part's break, else the last part's end against the head. A
/// part checks exactly what the whole walk would check of its entries once
/// all before them held, so this is the whole walk's verdict.
pub fn verdict(
    parts: Vec<Result<Verifier, ChainBreak>>,
    head: Option<(i64, &str)>,
) -> Result<u64, ChainBreak> {
    let mut walked = 0;
    let mut last: Option<Verifier> = None;
    for part in parts {
        if let Some(before) = last.replace(part?) {
            walked += before.count;
        }
    }
    let last = last.expect("a walk has at least one part");
    last.finish(head).map(|n| n + walked)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(i: usize) -> AuditEvent {
        AuditEvent {
            at: format!("2026-11-25T10:00:{i:02}.000000Z"),
            actor_id: Some(7),
            actor_name: "demo-secretary".into(),
            role: "secretary".into(),
            action: "request.read".into(),
            object_type: "request".into(),
            object_id: i.to_string(),
            outcome: Outcome::Success,
            client_addr: "127.0.0.1".into(),
            purpose: String::new(),
        }
    }

    fn chain(n: usize) -> Vec<AuditEntry> {
        let mut out: Vec<AuditEntry> = Vec::new();
        for i in 0..n {
            let prev = out.last().map(|e| (e.seq, e.hash.as_str()));
            let e = next_entry(&KEY, prev, event(i));
            out.push(e);
        }
        out
    }

    const KEY: ChainKey = ChainKey([1; 32]);

    fn verify(entries: &[AuditEntry], head: Option<(i64, &str)>) -> Result<u64, ChainBreak> {
        let mut v = Verifier::new(&KEY, 1);
        for e in entries {
            v.push(e)?;
        }
        v.finish(head)
    }

    fn head(c: &[AuditEntry]) -> Option<(i64, &str)> {
        c.last().map(|e| (e.seq, e.hash.as_str()))
    }

    #[test]
    fn intact_chain_verifies() {
        let c = chain(5);
        assert_eq!(verify(&c, head(&c)), Ok(5));
        assert_eq!(verify(&[], None), Ok(0));
    }

    #[test]
    fn changed_field_is_found() {
        let mut c = chain(5);
        let h = c[4].hash.clone();
        c[2].event.object_id = "999".into();
        let err = verify(&c, Some((5, &h))).unwrap_err();
        assert_eq!(err.seq, 3);
        assert_eq!(err.reason, BreakReason::ContentChanged);
    }

    #[test]
    fn rehashed_entry_breaks_the_next_link() {
        let mut c = chain(5);
        let h = c[4].hash.clone();
        c[1].event.actor_name = "someone-else".into();
        c[1].hash = entry_hash(&KEY, c[1].seq, &c[1].event, &c[1].prev_hash);
        let err = verify(&c, Some((5, &h))).unwrap_err();
        assert_eq!((err.seq, err.reason), (3, BreakReason::PrevHashMismatch));
    }

    #[test]
    fn deleted_entry_and_tail_are_found() {
        let c = chain(5);
        let h = c[4].hash.clone();
        let mut gap = c.clone();
        gap.remove(2);
        let err = verify(&gap, Some((5, &h))).unwrap_err();
        assert_eq!((err.seq, err.reason), (4, BreakReason::Gap { expected: 3 }));

        let err = verify(&c[..4], Some((5, &h))).unwrap_err();
        assert_eq!(err.reason, BreakReason::Truncated { head_seq: 5 });
    }

    #[test]
    fn fields_cannot_be_shifted_between_each_other() {
        let mut a = event(1);
        let mut b = event(1);
        a.object_type = "ab".into();
        a.object_id = "c".into();
        b.object_type = "a".into();
        b.object_id = "bc".into();
        assert_ne!(
            entry_hash(&KEY, 1, &a, GENESIS_HASH),
            entry_hash(&KEY, 1, &b, GENESIS_HASH)
        );
    }

    /// Recomputes every hash from `from` on, as someone who can write the
    /// database would after changing a row; `key`: what they hash with.
    fn rechain(c: &mut [AuditEntry], from: usize, key: Option<&ChainKey>) {
        for i in from..c.len() {
            c[i].prev_hash = if i == 0 {
                GENESIS_HASH.into()
            } else {
                c[i - 1].hash.clone()
            };
            c[i].hash = match key {
                Some(k) => entry_hash(k, c[i].seq, &c[i].event, &c[i].prev_hash),
                None => legacy_hash(c[i].seq, &c[i].event, &c[i].prev_hash),
            };
        }
    }

    #[test]
    fn a_rewrite_without_the_key_is_found_even_with_the_head_recomputed() {
        let mut c = chain(5);
        c[2].event.actor_name = "someone-else".into();
        rechain(&mut c, 2, None);
        let err = verify(&c, head(&c)).unwrap_err();
        assert_eq!((err.seq, err.reason), (3, BreakReason::ContentChanged));
        // Another key is no better than none.
        let mut c = chain(5);
        c[2].event.actor_name = "someone-else".into();
        rechain(&mut c, 2, Some(&ChainKey([2; 32])));
        assert_eq!(verify(&c, head(&c)).unwrap_err().seq, 3);
    }

    fn checkpoint_of(c: &[AuditEntry], keyed_from: i64) -> checkpoint::Checkpoint {
        let last = c.last().unwrap();
        checkpoint::Checkpoint::new(
            &KEY,
            "2026-12-01T00:00:00.000000Z".into(),
            last.seq,
            last.hash.clone(),
            keyed_from,
            checkpoint::FIRST,
        )
    }

    #[test]
    fn checkpoints_catch_a_rewrite_by_someone_holding_the_key() {
        let original = chain(6);
        let cp = checkpoint_of(&original[..4], 1);
        // Rewritten and rechained with the right key: the chain holds …
        let mut c = original.clone();
        c[1].event.object_id = "42".into();
        rechain(&mut c, 1, Some(&KEY));
        assert!(verify(&c, head(&c)).is_ok());
        // … but not against the checkpoint taken before.
        let mut v = Verifier::new(&KEY, 1);
        v.pin(std::slice::from_ref(&cp)).unwrap();
        let err = c.iter().try_for_each(|e| v.push(e)).unwrap_err();
        assert_eq!(err.seq, 4);
        assert!(matches!(err.reason, BreakReason::CheckpointMismatch { .. }));
    }

    #[test]
    fn checkpoints_catch_deleting_and_renumbering_the_tail() {
        let original = chain(6);
        let cp = checkpoint_of(&original, 1);
        // Entries 3 and 4 removed, the rest renumbered and rechained.
        let mut c: Vec<AuditEntry> = original.clone();
        c.drain(2..4);
        for (i, e) in c.iter_mut().enumerate() {
            e.seq = i as i64 + 1;
        }
        rechain(&mut c, 0, Some(&KEY));
        assert!(verify(&c, head(&c)).is_ok(), "the chain alone is fooled");
        let mut v = Verifier::new(&KEY, 1);
        v.pin(&[cp]).unwrap();
        c.iter().try_for_each(|e| v.push(e)).unwrap();
        let err = v.finish(head(&c)).unwrap_err();
        assert!(matches!(
            err.reason,
            BreakReason::CheckpointBeyondEnd {
                checkpoint_seq: 6,
                ..
            }
        ));
    }

    #[test]
    fn legacy_entries_verify_unkeyed_and_the_boundary_is_pinned() {
        // Three entries from before the key, then keyed ones.
        let mut c: Vec<AuditEntry> = Vec::new();
        for i in 0..5 {
            let (seq, prev) = c
                .last()
                .map_or((1, GENESIS_HASH.to_owned()), |e: &AuditEntry| {
                    (e.seq + 1, e.hash.clone())
                });
            let ev = event(i);
            let hash = if seq < 4 {
                legacy_hash(seq, &ev, &prev)
            } else {
                entry_hash(&KEY, seq, &ev, &prev)
            };
            c.push(AuditEntry {
                seq,
                event: ev,
                prev_hash: prev,
                hash,
            });
        }
        let mut v = Verifier::new(&KEY, 4);
        c.iter().try_for_each(|e| v.push(e)).unwrap();
        assert_eq!(v.finish(head(&c)), Ok(5));
        // Claiming every entry is legacy (to rewrite them unkeyed) is caught
        // by the checkpoint that recorded where the keyed entries start.
        let cp = checkpoint_of(&c[..3], 4);
        let mut v = Verifier::new(&KEY, 6);
        let err = v.pin(&[cp]).unwrap_err();
        assert_eq!(
            err.reason,
            BreakReason::BoundaryMoved {
                recorded: 4,
                stored: 6
            }
        );
    }

    #[test]
    fn a_walk_resumes_after_a_pinned_entry_and_nowhere_else() {
        let entries = chain(10);
        let head = Some((10, entries[9].hash.as_str()));
        // Entries 1–5 removed; entry 5's hash comes from its pin.
        let mut v = Verifier::new(&KEY, 1);
        v.start_after(5, &entries[4].hash);
        for e in &entries[5..] {
            v.push(e).unwrap();
        }
        assert_eq!(v.finish(head), Ok(5));
        // A pin that is not the removed entry's hash.
        let mut v = Verifier::new(&KEY, 1);
        v.start_after(5, &entries[3].hash);
        let b = v.push(&entries[5]).unwrap_err();
        assert_eq!(b.reason, BreakReason::PrevHashMismatch);
        // One more entry gone than the pin says.
        let mut v = Verifier::new(&KEY, 1);
        v.start_after(5, &entries[4].hash);
        let b = v.push(&entries[6]).unwrap_err();
        assert_eq!(b.reason, BreakReason::Gap { expected: 6 });
    }

    /// The encoding as first written (fields as strings, each behind its
    /// length): every stored chain was hashed over these bytes.
    fn encoded_as_written(version: &str, seq: i64, e: &AuditEvent, prev: &str) -> Vec<u8> {
        let mut out = Vec::new();
        let actor_id = e.actor_id.map(|i| i.to_string()).unwrap_or_default();
        for field in [
            version,
            &seq.to_string(),
            &e.at,
            &actor_id,
            &e.actor_name,
            &e.role,
            &e.action,
            &e.object_type,
            &e.object_id,
            e.outcome.as_str(),
            &e.client_addr,
            &e.purpose,
            prev,
        ] {
            out.extend_from_slice(&(field.len() as u64).to_be_bytes());
            out.extend_from_slice(field.as_bytes());
        }
        out
    }

    #[test]
    fn the_prepared_key_hashes_as_a_fresh_hmac_over_the_bytes_as_written() {
        for (seq, actor) in [(4, Some(7)), (-1, None), (i64::MAX, Some(i64::MIN))] {
            let mut e = event(3);
            e.actor_id = actor;
            let mut m = <Hmac<Sha256> as KeyInit>::new_from_slice(&KEY.0).unwrap();
            m.update(&encoded_as_written("otalusta-audit-v2", seq, &e, "ab"));
            let fresh = hex::encode(m.finalize().into_bytes());
            assert_eq!(Keyed::new(&KEY).hash(seq, &e, "ab"), fresh);
            assert_eq!(entry_hash(&KEY, seq, &e, "ab"), fresh);
            let plain = hex::encode(Sha256::digest(encoded_as_written(
                "otalusta-audit-v1",
                seq,
                &e,
                "ab",
            )));
            assert_eq!(legacy_hash(seq, &e, "ab"), plain);
        }
    }

    /// Every way of breaking a chain of a few entries (as a database gives
    /// it back: one row per seq, in order), walked whole and walked split
    /// into parts at every place: both give the same verdict.
    #[test]
    fn a_walk_split_into_parts_gives_the_whole_walks_verdict() {
        let base = chain(8);
        let mut cases: Vec<Vec<AuditEntry>> = vec![base.clone()];
        for i in 0..base.len() {
            let mut c = base.clone();
            c[i].event.purpose = "x".into();
            cases.push(c.clone());
            rechain(&mut c, i, Some(&KEY));
            cases.push(c);
            let mut c = base.clone();
            c.remove(i);
            cases.push(c);
            let mut c = base.clone();
            c.truncate(i);
            cases.push(c);
            let mut c = base.clone();
            c[i].hash = base[(i + 1) % base.len()].hash.clone();
            cases.push(c);
            let mut c = base.clone();
            c[i].prev_hash = GENESIS_HASH.into();
            cases.push(c);
            let mut c = base.clone();
            let (a, b) = (c[i].event.clone(), c[(i + 3) % 8].event.clone());
            (c[i].event, c[(i + 3) % 8].event) = (b, a);
            cases.push(c);
        }
        let pins = [checkpoint::Checkpoint {
            seq: 4,
            hash: base[3].hash.clone(),
            keyed_from: 1,
            at: "then".into(),
            prev: String::new(),
            mac: String::new(),
        }];
        let head = Some((8, base[7].hash.as_str()));
        let fresh = || {
            let mut v = Verifier::new(&KEY, 1);
            v.pin(&pins).unwrap();
            v
        };
        let walk = |rows: &[AuditEntry], mut v: Verifier| -> Result<Verifier, ChainBreak> {
            rows.iter().try_for_each(|e| v.push(e))?;
            Ok(v)
        };
        for (n, c) in cases.iter().enumerate() {
            let expected = verdict(vec![walk(c, fresh())], head);
            for cut in 1..=9i64 {
                for second in cut..=9 {
                    let bounds = [1, cut, second, i64::MAX];
                    let parts = bounds
                        .windows(2)
                        .map(|w| {
                            let mut v = fresh();
                            if let Some(before) = c.iter().rev().find(|e| e.seq < w[0]) {
                                v.start_after(before.seq, &before.hash);
                            }
                            let rows: Vec<AuditEntry> = c
                                .iter()
                                .filter(|e| (w[0]..w[1]).contains(&e.seq))
                                .cloned()
                                .collect();
                            walk(&rows, v)
                        })
                        .collect();
                    assert_eq!(
                        verdict(parts, head),
                        expected,
                        "case {n}, cut at {cut}, {second}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_stored_hash_matches_only_in_its_own_lower_case_hex() {
        let d: [u8; 32] = std::array::from_fn(|i| (i * 37) as u8);
        let hex = hex::encode(d);
        assert!(hex_is(&d, hex.as_bytes()));
        assert!(!hex_is(&d, hex.to_uppercase().as_bytes()));
        assert!(!hex_is(&d, &hex.as_bytes()[..62]));
        assert!(!hex_is(&d, format!("{hex}00").as_bytes()));
        let mut other = d;
        other[31] ^= 1;
        assert!(!hex_is(&other, hex.as_bytes()));
    }
}
