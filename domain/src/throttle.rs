//! Kirjautumisen rajoitus: how many failed logins are tolerated.
//!
//! Counted per user name (guessing one account's password) and per client
//! address (trying many accounts). Only failures after the last successful
//! login count, so a user who finally remembers is not punished later.

use jiff::{SignedDuration, Timestamp};

/// Failures are counted over this window …
pub const WINDOW: SignedDuration = SignedDuration::from_mins(15);
/// … and this many for one user name within it locks the name …
pub const MAX_PER_USER: usize = 5;
/// … and this many from one address locks the address.
pub const MAX_PER_ADDR: usize = 20;

/// Whether another attempt may be made now; `Err` holds how long to wait.
///
/// `failures` are the times of failed attempts (any order) after the last
/// success; those older than [`WINDOW`] are ignored.
pub fn check(failures: &[Timestamp], max: usize, now: Timestamp) -> Result<(), SignedDuration> {
    let mut recent: Vec<Timestamp> = failures
        .iter()
        .copied()
        .filter(|t| *t > now - WINDOW && *t <= now)
        .collect();
    if recent.len() < max {
        return Ok(());
    }
    recent.sort_unstable_by(|a, b| b.cmp(a));
    // The lock lifts when the max-th most recent failure leaves the window.
    let unlock = recent[max - 1] + WINDOW;
    Err(unlock.duration_since(now).max(SignedDuration::from_secs(1)))
}

/// Whole minutes to show to the user, rounded up.
pub fn minutes_to_wait(d: SignedDuration) -> i64 {
    (d.as_secs() + 59) / 60
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(min: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000).unwrap() + SignedDuration::from_mins(min)
    }

    #[test]
    fn five_failures_lock_for_the_rest_of_the_window() {
        let fails: Vec<_> = (0..4).map(at).collect();
        assert!(check(&fails, MAX_PER_USER, at(5)).is_ok());
        let fails: Vec<_> = (0..5).map(at).collect();
        let wait = check(&fails, MAX_PER_USER, at(5)).unwrap_err();
        // The first failure (minute 0) leaves the window at minute 15.
        assert_eq!(wait, SignedDuration::from_mins(10));
        assert_eq!(minutes_to_wait(wait), 10);
        assert!(check(&fails, MAX_PER_USER, at(15) + SignedDuration::from_secs(1)).is_ok());
    }

    #[test]
    fn old_failures_do_not_count() {
        let fails: Vec<_> = [-40, -30, -20, 0, 1].into_iter().map(at).collect();
        assert!(check(&fails, MAX_PER_USER, at(2)).is_ok());
    }
}
