//! Signed checkpoints of the access log's head, kept outside the database
//! (a file in the data directory, the service log, optionally a sink).
//!
//! A checkpoint records the last entry's sequence number and hash at a
//! moment, and the first keyed seq. It is signed (HMAC with the checkpoint
//! key from the key file) and names the signature of the checkpoint before
//! it in the same file, so lines cannot be forged, changed or dropped from
//! the middle of the file unnoticed. Because each entry's hash covers all
//! entries before it, one checkpoint pins the whole log up to its seq.

use super::ChainKey;
use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use std::fmt;

/// `prev` of a file's first checkpoint.
pub const FIRST: &str = "-";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    /// When it was taken (stored timestamp form).
    pub at: String,
    /// The head: the last entry's seq (0: empty log) and hash.
    pub seq: i64,
    pub hash: String,
    /// The first entry written with the keyed hash.
    pub keyed_from: i64,
    /// The signature of the checkpoint before it in the same file.
    pub prev: String,
    /// HMAC-SHA-256 over all the fields above.
    pub mac: String,
}

fn sign(key: &ChainKey, at: &str, seq: i64, hash: &str, keyed_from: i64, prev: &str) -> String {
    let (seq, keyed_from) = (seq.to_string(), keyed_from.to_string());
    mac(
        key,
        &[
            "otalusta-checkpoint-v1",
            at,
            seq.as_str(),
            hash,
            keyed_from.as_str(),
            prev,
        ],
    )
}

/// HMAC-SHA-256 over length-prefixed fields (the first names the kind of
/// record, so one kind's signature never passes for another's).
pub(crate) fn mac(key: &ChainKey, fields: &[&str]) -> String {
    let mut m = <Hmac<Sha256> as KeyInit>::new_from_slice(&key.0).expect("any key length");
    for field in fields {
        m.update(&(field.len() as u64).to_be_bytes());
        m.update(field.as_bytes());
    }
    hex::encode(m.finalize().into_bytes())
}

impl Checkpoint {
    /// A signed checkpoint following `prev` (its `mac`, or [`FIRST`]).
    pub fn new(
        key: &ChainKey,
        at: String,
        seq: i64,
        hash: String,
        keyed_from: i64,
        prev: &str,
    ) -> Self {
        let mac = sign(key, &at, seq, &hash, keyed_from, prev);
        Checkpoint {
            at,
            seq,
            hash,
            keyed_from,
            prev: prev.to_owned(),
            mac,
        }
    }

    pub fn is_signed_by(&self, key: &ChainKey) -> bool {
        let expected = sign(
            key,
            &self.at,
            self.seq,
            &self.hash,
            self.keyed_from,
            &self.prev,
        );
        // Both are hex of the same length; the comparison need not be
        // constant-time for a value the verifier itself computes and prints.
        expected == self.mac
    }
}

/// What is wrong with a checkpoint file, by line (1-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    Unreadable {
        line: usize,
    },
    /// The signature does not match: written or changed without the key.
    Forged {
        line: usize,
    },
    /// The line does not follow the one before it: lines were removed.
    Removed {
        line: usize,
    },
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileProblem::Unreadable { line } => {
                write!(f, "checkpoint line {line} is not a checkpoint")
            }
            FileProblem::Forged { line } => write!(
                f,
                "checkpoint line {line} is not signed with this installation's key: it was forged or changed"
            ),
            FileProblem::Removed { line } => write!(
                f,
                "checkpoint line {line} does not follow the line before it: checkpoints were removed"
            ),
        }
    }
}

/// Reads a checkpoint file's text: every line signed, each following the
/// one before it. `chained`: false for a shared sink, where the lines of
/// several files interleave and only the signatures are checked.
pub fn read(key: &ChainKey, text: &str, chained: bool) -> Result<Vec<Checkpoint>, FileProblem> {
    let mut out: Vec<Checkpoint> = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let c: Checkpoint = match serde_json::from_str(line) {
            Ok(c) => c,
            // A line cut short by a crash while it was written (no newline
            // yet) was never a checkpoint; the next append replaces it.
            Err(_) if i + 1 == lines.len() && !text.ends_with('\n') => break,
            Err(_) => return Err(FileProblem::Unreadable { line: line_no }),
        };
        if !c.is_signed_by(key) {
            return Err(FileProblem::Forged { line: line_no });
        }
        let expected_prev = out.last().map_or(FIRST, |p| p.mac.as_str());
        if chained && c.prev != expected_prev {
            return Err(FileProblem::Removed { line: line_no });
        }
        out.push(c);
    }
    Ok(out)
}

/// One line of the file (no newline).
pub fn line(c: &Checkpoint) -> String {
    serde_json::to_string(c).expect("a checkpoint serialises")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> ChainKey {
        ChainKey([7; 32])
    }

    fn file(n: i64) -> (String, Vec<Checkpoint>) {
        let mut cps: Vec<Checkpoint> = Vec::new();
        for i in 1..=n {
            let prev = cps.last().map_or(FIRST.to_owned(), |c| c.mac.clone());
            cps.push(Checkpoint::new(
                &key(),
                format!("t{i}"),
                i * 10,
                format!("h{i}"),
                1,
                &prev,
            ));
        }
        let text = cps.iter().map(line).collect::<Vec<_>>().join("\n") + "\n";
        (text, cps)
    }

    #[test]
    fn an_intact_file_reads_back() {
        let (text, cps) = file(3);
        assert_eq!(read(&key(), &text, true), Ok(cps));
    }

    #[test]
    fn a_changed_line_or_another_key_is_forged() {
        let (text, _) = file(3);
        let changed = text.replacen("\"seq\":20", "\"seq\":19", 1);
        assert_eq!(
            read(&key(), &changed, true),
            Err(FileProblem::Forged { line: 2 })
        );
        assert_eq!(
            read(&ChainKey([8; 32]), &text, true),
            Err(FileProblem::Forged { line: 1 })
        );
    }

    #[test]
    fn a_removed_line_is_found_unless_the_file_is_a_shared_sink() {
        let (text, _) = file(3);
        let without_second: String = text
            .lines()
            .enumerate()
            .filter(|(i, _)| *i != 1)
            .map(|(_, l)| format!("{l}\n"))
            .collect();
        assert_eq!(
            read(&key(), &without_second, true),
            Err(FileProblem::Removed { line: 2 })
        );
        assert_eq!(read(&key(), &without_second, false).map(|c| c.len()), Ok(2));
        assert_eq!(
            read(&key(), "garbage\n", true),
            Err(FileProblem::Unreadable { line: 1 })
        );
    }

    #[test]
    fn a_line_cut_short_at_the_end_is_no_checkpoint_but_no_damage_either() {
        let (text, cps) = file(2);
        let torn = format!("{text}{{\"at\":\"t3\",\"se");
        assert_eq!(read(&key(), &torn, true), Ok(cps));
        let first = text.lines().next().unwrap();
        let torn_middle = format!("{text}{{\"at\":\"t3\",\"se\n{first}\n");
        assert_eq!(
            read(&key(), &torn_middle, true),
            Err(FileProblem::Unreadable { line: 3 })
        );
    }
}
