//! Säilytysaika: how long the access log is kept. Kanta's log registers
//! keep logs 12 years (DOMAIN-FACTS, "Access logs"); a deployment may keep
//! them longer, never shorter, and never removes them with a case.
//!
//! Entries older than the retention are removed from the start of the log
//! only, up to an entry whose hash a signed checkpoint pinned just before
//! the removal, so the chain that remains still verifies from that hash.

use jiff::{Timestamp, ToSpan, tz::TimeZone};

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

/// What one run may remove: the entries `1..=through` (after the ones
/// removed before), given the first entry that must stay.
///
/// `first_young`: the smallest seq whose entry is at or after the cutoff
/// (`None`: none is); `head`: the last seq; `removed`: what earlier runs
/// removed. The last entry is never removed: the run's own log entry and
/// the head must stay verifiable.
pub fn removable_through(first_young: Option<i64>, head: i64, removed: i64) -> Option<i64> {
    let keep_from = first_young.unwrap_or(head).min(head);
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

    #[test]
    fn removal_stops_before_the_first_young_entry_and_the_head() {
        // Entries 1..=9 old, 10 young.
        assert_eq!(removable_through(Some(10), 20, 0), Some(9));
        // Nothing new since the last run.
        assert_eq!(removable_through(Some(10), 20, 9), None);
        // The first entry is young: nothing.
        assert_eq!(removable_through(Some(1), 20, 0), None);
        // Every entry old: all but the head.
        assert_eq!(removable_through(None, 20, 0), Some(19));
        assert_eq!(removable_through(None, 1, 0), None);
        assert_eq!(removable_through(None, 0, 0), None);
    }
}
