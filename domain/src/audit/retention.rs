//! Säilytysaika: how long the access log is kept. Kanta's log registers
//! keep logs 12 years (DOMAIN-FACTS, "Access logs"); a deployment may keep
//! them longer, never shorter, and never removes them with a case.
//!
//! Entries older than the retention are removed from the start of the log
//! only, up to an entry whose hash a signed checkpoint pinned just before
//! the removal, so the chain that remains still verifies from that hash.

use super::ChainKey;
use super::checkpoint::{self, mac};
use jiff::{Timestamp, ToSpan, tz::TimeZone};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The shortest retention, in years; the database's own trigger refuses to
/// delete anything younger whatever the configuration says.
pub const MIN_YEARS: u16 = 12;

/// A retention shorter than the law's minimum, or absurdly long.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RetentionError {
    #[error(
        "the access log must be kept at least {MIN_YEARS} years (703/2023; Kanta: 12 years), not {0}"
    )]
    TooShort(u16),
    #[error("a retention of {0} years is not a date this platform can compute")]
    TooLong(u16),
}

/// A checked retention in whole years.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retention(u16);

impl Default for Retention {
    fn default() -> Self {
        Retention(MIN_YEARS)
    }
}

impl Retention {
    pub fn years(years: u16) -> Result<Self, RetentionError> {
        match years {
            y if y < MIN_YEARS => Err(RetentionError::TooShort(y)),
            y if y > 200 => Err(RetentionError::TooLong(y)),
            y => Ok(Retention(y)),
        }
    }

    pub fn get(self) -> u16 {
        self.0
    }

    /// Entries written before this instant may be removed at `now`: the same
    /// calendar day and time `years` earlier in UTC (29 February → 28
    /// February, never a day later than the law allows).
    pub fn cutoff(self, now: Timestamp) -> Timestamp {
        let zoned = now.to_zoned_datetime(TimeZone::UTC);
        zoned
            .checked_sub(i64::from(self.0).years())
            .expect("at most 200 years back is a valid date")
            .timestamp()
    }
}

/// Poistokirjaus: the signed record of a removal, stored with it. It names
/// the last removed entry (its seq, hash and time), signed with the
/// checkpoint key under its own kind (a routine checkpoint never passes for
/// one), so the chain that remains is checked from that hash, and only if
/// that entry was old enough.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removal {
    /// When the removal was made.
    pub at: String,
    pub seq: i64,
    pub hash: String,
    /// When the last removed entry was written.
    pub entry_at: String,
    pub mac: String,
}

const REMOVAL: &str = "otalusta-removal-v1";

impl Removal {
    pub fn new(key: &ChainKey, at: String, seq: i64, hash: String, entry_at: String) -> Removal {
        let mac = mac(key, &[REMOVAL, &at, &seq.to_string(), &hash, &entry_at]);
        Removal {
            at,
            seq,
            hash,
            entry_at,
            mac,
        }
    }

    fn is_signed_by(&self, key: &ChainKey) -> bool {
        let seq = self.seq.to_string();
        mac(key, &[REMOVAL, &self.at, &seq, &self.hash, &self.entry_at]) == self.mac
    }

    pub fn line(&self) -> String {
        serde_json::to_string(self).expect("a removal record serialises")
    }
}

/// Why the recorded removal of entries `1..=through` cannot be trusted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RemovalProblem {
    /// No record, or one not signed with this installation's key.
    Unsigned,
    /// The record names another entry than the recorded point.
    OtherEntry { recorded: i64 },
    /// The last removed entry was younger than the law's 12 years.
    TooYoung { entry_at: String },
    /// A checkpoint taken within the last 12 years pinned a removed entry.
    PinnedRecently { seq: i64, at: String },
}

impl fmt::Display for RemovalProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RemovalProblem::Unsigned => {
                f.write_str("no removal record signed with this installation's key")
            }
            RemovalProblem::OtherEntry { recorded } => {
                write!(f, "the signed removal record names entry {recorded}")
            }
            RemovalProblem::TooYoung { entry_at } => write!(
                f,
                "the last removed entry was written at {entry_at}, less than {MIN_YEARS} years ago"
            ),
            RemovalProblem::PinnedRecently { seq, at } => write!(
                f,
                "entry {seq} was removed, but a checkpoint of {at} (less than {MIN_YEARS} years ago) pinned it"
            ),
        }
    }
}

/// Checks the recorded removal of entries `1..=through` at `now` against
/// its signed record (`text`) and the checkpoints; gives the last removed
/// entry's seq and hash to resume the chain from.
pub fn check_removal(
    key: &ChainKey,
    text: &str,
    through: i64,
    checkpoints: &[checkpoint::Checkpoint],
    now: Timestamp,
) -> Result<(i64, String), RemovalProblem> {
    let r: Removal = serde_json::from_str(text).map_err(|_| RemovalProblem::Unsigned)?;
    if !r.is_signed_by(key) {
        return Err(RemovalProblem::Unsigned);
    }
    if r.seq != through {
        return Err(RemovalProblem::OtherEntry { recorded: r.seq });
    }
    let cutoff = Retention::default().cutoff(now);
    let older = |at: &str| at.parse::<Timestamp>().is_ok_and(|t| t < cutoff);
    if !older(&r.entry_at) {
        return Err(RemovalProblem::TooYoung {
            entry_at: r.entry_at,
        });
    }
    if let Some(c) = checkpoints
        .iter()
        .find(|c| c.seq > 0 && c.seq <= through && !older(&c.at))
    {
        return Err(RemovalProblem::PinnedRecently {
            seq: c.seq,
            at: c.at.clone(),
        });
    }
    Ok((r.seq, r.hash))
}

/// What one run may remove: the entries `1..=through` (after the ones
/// removed before), given the first entry that must stay.
///
/// `first_young`: the smallest seq whose entry is at or after the cutoff
/// (`None`: none is); `head`: the last seq; `removed`: what earlier runs
/// removed. The last entry is never removed: the run's own log entry and
/// the head must stay verifiable. Nor is the newest old entry: a checkpoint
/// pins the head, so one that pinned a removed entry was taken before the
/// entry after it was written; that entry being old too, so is the
/// checkpoint, and `check_removal` never sees a recent pin of a removed one.
pub fn removable_through(first_young: Option<i64>, head: i64, removed: i64) -> Option<i64> {
    let keep_from = first_young.map_or(head, |young| young - 1).min(head);
    let through = keep_from - 1;
    (through > removed).then_some(through)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorter_than_the_law_is_refused() {
        assert_eq!(Retention::years(11), Err(RetentionError::TooShort(11)));
        assert_eq!(Retention::years(0), Err(RetentionError::TooShort(0)));
        assert_eq!(Retention::years(12).unwrap().get(), 12);
        assert_eq!(Retention::default().get(), 12);
        assert!(Retention::years(201).is_err());
    }

    #[test]
    fn the_cutoff_is_the_same_moment_years_earlier() {
        let now: Timestamp = "2026-12-04T22:40:00Z".parse().unwrap();
        let cut = Retention::default().cutoff(now);
        assert_eq!(cut.to_string(), "2014-12-04T22:40:00Z");
        let cut = Retention::years(15).unwrap().cutoff(now);
        assert_eq!(cut.to_string(), "2011-12-04T22:40:00Z");
    }

    #[test]
    fn a_leap_day_never_gives_a_later_cutoff() {
        let now: Timestamp = "2028-02-29T12:00:00Z".parse().unwrap();
        let cut = Retention::default().cutoff(now);
        // 2016 had a 29 February; from a leap day to a year without one the
        // day is clamped back, never forward.
        assert_eq!(cut.to_string(), "2016-02-29T12:00:00Z");
        let now: Timestamp = "2040-02-29T12:00:00Z".parse().unwrap();
        let cut = Retention::years(13).unwrap().cutoff(now);
        assert_eq!(cut.to_string(), "2027-02-28T12:00:00Z");
    }

    const KEY: ChainKey = ChainKey([3; 32]);

    fn record(seq: i64, entry_at: &str) -> String {
        Removal::new(
            &KEY,
            "2026-12-04T22:00:00Z".into(),
            seq,
            "ab".into(),
            entry_at.into(),
        )
        .line()
    }

    #[test]
    fn a_removal_counts_only_signed_for_its_point_and_old_enough() {
        let now: Timestamp = "2026-12-04T22:40:00Z".parse().unwrap();
        let ok = record(120, "2012-01-01T00:00:00Z");
        assert_eq!(
            check_removal(&KEY, &ok, 120, &[], now),
            Ok((120, "ab".into()))
        );
        assert_eq!(
            check_removal(&KEY, &ok, 121, &[], now),
            Err(RemovalProblem::OtherEntry { recorded: 120 })
        );
        assert_eq!(
            check_removal(&ChainKey([4; 32]), &ok, 120, &[], now),
            Err(RemovalProblem::Unsigned)
        );
        assert_eq!(
            check_removal(&KEY, "", 120, &[], now),
            Err(RemovalProblem::Unsigned)
        );
        // A routine checkpoint of the same entry is not a removal record.
        let cp = checkpoint::Checkpoint::new(&KEY, now.to_string(), 120, "ab".into(), 1, "-");
        assert_eq!(
            check_removal(&KEY, &checkpoint::line(&cp), 120, &[], now),
            Err(RemovalProblem::Unsigned)
        );
        let forged = ok.replace("2012-01-01", "2011-01-01");
        assert_eq!(
            check_removal(&KEY, &forged, 120, &[], now),
            Err(RemovalProblem::Unsigned)
        );
        let young = record(120, "2015-01-01T00:00:00Z");
        assert!(matches!(
            check_removal(&KEY, &young, 120, &[], now),
            Err(RemovalProblem::TooYoung { .. })
        ));
        // A checkpoint of last year pinned an entry the removal covers.
        assert!(matches!(
            check_removal(&KEY, &ok, 120, std::slice::from_ref(&cp), now),
            Err(RemovalProblem::PinnedRecently { seq: 120, .. })
        ));
        let old = checkpoint::Checkpoint::new(
            &KEY,
            "2011-05-01T00:00:00Z".into(),
            100,
            "cd".into(),
            1,
            "-",
        );
        assert!(check_removal(&KEY, &ok, 120, &[old], now).is_ok());
    }

    #[test]
    fn removal_stops_before_the_first_young_entry_and_the_head() {
        // Entries 1..=9 old, 10 young: 9 stays (a checkpoint taken after
        // it, perhaps within 12 years, may pin it).
        assert_eq!(removable_through(Some(10), 20, 0), Some(8));
        // Nothing new since the last run.
        assert_eq!(removable_through(Some(10), 20, 8), None);
        // The first entry is young, or only the first is old: nothing.
        assert_eq!(removable_through(Some(1), 20, 0), None);
        assert_eq!(removable_through(Some(2), 20, 0), None);
        // Every entry old: all but the head.
        assert_eq!(removable_through(None, 20, 0), Some(19));
        assert_eq!(removable_through(None, 1, 0), None);
        assert_eq!(removable_through(None, 0, 0), None);
    }
}
