//! Käyttöloki: the tamper-evident access log.
//!
//! Each entry's hash covers its own content and the previous entry's hash, so
//! changing, inserting or deleting any row breaks the chain from that row on.
//! The sequence numbers are gap-free, and the stored head (last seq and hash)
//! catches a truncated tail.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

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

/// The hash of an entry: SHA-256 over a length-prefixed encoding of every
/// field, so no two different entries encode the same.
pub fn entry_hash(seq: i64, event: &AuditEvent, prev_hash: &str) -> String {
    let mut h = Sha256::new();
    let actor_id = event.actor_id.map(|i| i.to_string()).unwrap_or_default();
    let seq = seq.to_string();
    for field in [
        "otalusta-audit-v1",
        seq.as_str(),
        event.at.as_str(),
        actor_id.as_str(),
        event.actor_name.as_str(),
        event.role.as_str(),
        event.action.as_str(),
        event.object_type.as_str(),
        event.object_id.as_str(),
        event.outcome.as_str(),
        event.client_addr.as_str(),
        event.purpose.as_str(),
        prev_hash,
    ] {
        h.update((field.len() as u64).to_be_bytes());
        h.update(field.as_bytes());
    }
    hex::encode(h.finalize())
}

/// Builds the next entry after `prev` (`None` for the first).
pub fn next_entry(prev: Option<(i64, &str)>, event: AuditEvent) -> AuditEntry {
    let (seq, prev_hash) = match prev {
        Some((seq, hash)) => (seq + 1, hash.to_owned()),
        None => (1, GENESIS_HASH.to_owned()),
    };
    let hash = entry_hash(seq, &event, &prev_hash);
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
        }
    }
}

/// Walks entries in `seq` order; feed every entry, then call [`Verifier::finish`].
#[derive(Debug, Default)]
pub struct Verifier {
    last: Option<(i64, String)>,
    count: u64,
}

impl Verifier {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, e: &AuditEntry) -> Result<(), ChainBreak> {
        let (expected_seq, expected_prev) = match &self.last {
            Some((seq, hash)) => (seq + 1, hash.as_str()),
            None => (1, GENESIS_HASH),
        };
        if e.seq != expected_seq {
            return Err(ChainBreak {
                seq: e.seq,
                reason: BreakReason::Gap {
                    expected: expected_seq,
                },
            });
        }
        if entry_hash(e.seq, &e.event, &e.prev_hash) != e.hash {
            return Err(ChainBreak {
                seq: e.seq,
                reason: BreakReason::ContentChanged,
            });
        }
        if e.prev_hash != expected_prev {
            return Err(ChainBreak {
                seq: e.seq,
                reason: BreakReason::PrevHashMismatch,
            });
        }
        self.last = Some((e.seq, e.hash.clone()));
        self.count += 1;
        Ok(())
    }

    /// Compares the end of the walk with the recorded head; returns the count.
    pub fn finish(self, head: Option<(i64, &str)>) -> Result<u64, ChainBreak> {
        match (head, &self.last) {
            (None, None) => Ok(0),
            (Some((head_seq, head_hash)), Some((seq, hash))) => {
                if *seq < head_seq {
                    Err(ChainBreak {
                        seq: *seq,
                        reason: BreakReason::Truncated { head_seq },
                    })
                } else if *seq != head_seq || hash != head_hash {
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
            let e = next_entry(prev, event(i));
            out.push(e);
        }
        out
    }

    fn verify(entries: &[AuditEntry], head: Option<(i64, &str)>) -> Result<u64, ChainBreak> {
        let mut v = Verifier::new();
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
        c[1].hash = entry_hash(c[1].seq, &c[1].event, &c[1].prev_hash);
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
            entry_hash(1, &a, GENESIS_HASH),
            entry_hash(1, &b, GENESIS_HASH)
        );
    }
}
