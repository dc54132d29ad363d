//! Kirjautumisen rajoitus: how many failed logins are tolerated.
//!
//! Two counters take part in every login: one per user name, one per
//! client address. They answer different threats, so they act differently:
//!
//! - A **name** that failed [`MAX_PER_USER`] times within [`WINDOW`] is
//!   locked until the window ends, whatever the address: guessing one
//!   account's password from many addresses gains nothing.
//! - An **address** is never locked, only *slowed*: after [`ADDR_FREE`]
//!   failures in the window each further password check from it must wait
//!   a growing delay after the previous one, capped at [`ADDR_DELAY_CAP`].
//!   Many people can share one address (an office behind one NAT); locking
//!   it would lock out everyone there because of one of them.
//!
//! An attempt is *reserved* before its password is checked (`pending`), and
//! the reservation counts against the limits until the check reports back.
//! So simultaneous attempts, on any number of nodes, cannot all get a
//! password check: at most `MAX_PER_USER - failures` checks of one name (and
//! no more than would slow the address) run at once, and the rest wait for
//! them ([`Refusal::Busy`]), then go ahead or are refused.
//! A success resets the name's count (the person remembered), but not the
//! address's: logging in to one's own account must not reopen guessing at
//! others from the same place.
//!
//! Plain rules over plain values; the app keeps the counters in the
//! database and changes them in transactions.

use jiff::{SignedDuration, Timestamp};

/// Failures are counted over a window this long from the first of them …
pub const WINDOW: SignedDuration = SignedDuration::from_mins(15);
/// … and this many for one user name within it locks the name.
pub const MAX_PER_USER: i64 = 5;
/// Failures from one address within the window before it is slowed.
pub const ADDR_FREE: i64 = 10;
/// The longest an address is made to wait between two password checks.
pub const ADDR_DELAY_CAP: SignedDuration = SignedDuration::from_secs(5);
/// A reservation that never reported back (its node stopped mid-check) is
/// forgotten this long after the last reservation of its counter.
pub const PENDING_STALE: SignedDuration = SignedDuration::from_secs(60);

/// One counter (a user name's or an address's) as stored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counter {
    /// Failed password checks in the current window.
    pub failures: i64,
    /// Password checks reserved and not yet reported.
    pub pending: i64,
    /// When the current window began (its first failure).
    pub window_start: Option<Timestamp>,
    /// The last reservation.
    pub last_at: Option<Timestamp>,
}

impl Counter {
    /// The counter as it stands at `now`: a window that has ended counts
    /// nothing, and stale reservations are dropped.
    pub fn current(self, now: Timestamp) -> Counter {
        let mut c = self;
        if c.window_start.is_none_or(|s| s + WINDOW <= now) {
            c.failures = 0;
            c.window_start = None;
        }
        if c.last_at.is_none_or(|t| t + PENDING_STALE <= now) {
            c.pending = 0;
        }
        c
    }

    /// After a password check was reserved at `now`.
    pub fn reserved(self, now: Timestamp) -> Counter {
        let c = self.current(now);
        Counter {
            pending: c.pending + 1,
            last_at: Some(now),
            ..c
        }
    }

    /// After a reserved check found the password wrong.
    pub fn failed(self, now: Timestamp) -> Counter {
        let c = self.current(now);
        Counter {
            failures: c.failures + 1,
            pending: (c.pending - 1).max(0),
            window_start: c.window_start.or(Some(now)),
            ..c
        }
    }

    /// After a reserved check found the password right; `reset` (a user
    /// name's counter) forgets the failures.
    pub fn succeeded(self, now: Timestamp, reset: bool) -> Counter {
        let c = self.current(now);
        let pending = (c.pending - 1).max(0);
        if reset {
            Counter {
                failures: 0,
                pending,
                window_start: None,
                ..c
            }
        } else {
            Counter { pending, ..c }
        }
    }
}

/// Why a password check may not be made now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The name failed too often: locked for this long.
    NameLocked(SignedDuration),
    /// The address failed often: its next check may start after this long.
    AddressSlowed(SignedDuration),
    /// Checks of this name are in flight that could lock it: wait for them
    /// (a moment; the caller retries before giving up).
    Busy,
}

impl Refusal {
    /// How long to tell the client to wait (at least a second).
    pub fn wait(self) -> SignedDuration {
        let d = match self {
            Refusal::NameLocked(d) | Refusal::AddressSlowed(d) => d,
            Refusal::Busy => SignedDuration::from_secs(1),
        };
        d.max(SignedDuration::from_secs(1))
    }
}

/// The delay an address with `failures` (and pending checks) in the window
/// waits between two checks: none for the first [`ADDR_FREE`], then 1 s,
/// 2 s, 4 s …, never more than [`ADDR_DELAY_CAP`].
pub fn address_delay(failures: i64) -> SignedDuration {
    if failures < ADDR_FREE {
        return SignedDuration::ZERO;
    }
    let doublings = (failures - ADDR_FREE).min(16) as u32;
    SignedDuration::from_secs(1i64 << doublings).min(ADDR_DELAY_CAP)
}

/// Whether a password check of a name from an address may be reserved now.
pub fn decide(name: Counter, addr: Counter, now: Timestamp) -> Result<(), Refusal> {
    let name = name.current(now);
    let addr = addr.current(now);
    if name.failures >= MAX_PER_USER {
        let start = name.window_start.unwrap_or(now);
        return Err(Refusal::NameLocked(start + WINDOW - now));
    }
    // (No delay, no wait: another node's clock may run a little ahead.)
    let waits = |failures: i64| {
        let delay = address_delay(failures);
        addr.last_at
            .filter(|_| delay.is_positive())
            .map(|last| last + delay - now)
            .filter(|d| d.is_positive())
    };
    if let Some(wait) = waits(addr.failures) {
        return Err(Refusal::AddressSlowed(wait));
    }
    // Checks in flight would lock the name or slow the address if they
    // fail: wait for them rather than refuse (they may well succeed, e.g.
    // an office logging in at nine behind one address).
    if name.failures + name.pending >= MAX_PER_USER || waits(addr.failures + addr.pending).is_some()
    {
        return Err(Refusal::Busy);
    }
    Ok(())
}

/// Whole minutes to show to the user, rounded up.
pub fn minutes_to_wait(d: SignedDuration) -> i64 {
    (d.as_secs() + 59) / 60
}

/// Whole seconds to show (and to send as `Retry-After`), rounded up, ≥ 1.
pub fn seconds_to_wait(d: SignedDuration) -> i64 {
    let whole = d.as_secs() + i64::from(d.subsec_nanos() > 0);
    whole.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000).unwrap() + SignedDuration::from_secs(secs)
    }

    /// `n` failures of one counter, the first at `from`, one a second.
    fn failed(n: i64, from: i64) -> Counter {
        (0..n).fold(Counter::default(), |c, i| {
            c.reserved(at(from + i)).failed(at(from + i))
        })
    }

    #[test]
    fn five_failures_lock_the_name_for_the_rest_of_the_window() {
        let addr = Counter::default();
        assert_eq!(decide(failed(4, 0), addr, at(60)), Ok(()));
        let name = failed(5, 0);
        let wait = match decide(name, addr, at(5 * 60)) {
            Err(Refusal::NameLocked(d)) => d,
            other => panic!("{other:?}"),
        };
        // The window began with the first failure (second 0).
        assert_eq!(wait, SignedDuration::from_mins(10));
        assert_eq!(minutes_to_wait(wait), 10);
        assert_eq!(decide(name, addr, at(15 * 60)), Ok(()), "window over");
    }

    #[test]
    fn the_name_lock_holds_from_any_address_and_a_success_resets_it() {
        let name = failed(4, 0);
        assert_eq!(decide(name, failed(9, 0), at(30)), Ok(()));
        let name = name.reserved(at(30)).succeeded(at(30), true);
        assert_eq!(name.failures, 0);
        assert_eq!(name.pending, 0);
        assert!(decide(failed(5, 0), Counter::default(), at(30)).is_err());
    }

    #[test]
    fn reservations_count_until_they_report() {
        let addr = Counter::default();
        let mut name = failed(3, 0);
        name = name.reserved(at(10));
        assert_eq!(decide(name, addr, at(10)), Ok(()));
        name = name.reserved(at(10));
        // 3 failures and 2 checks in flight: a sixth check could not be
        // stopped if those two fail, so it waits.
        assert_eq!(decide(name, addr, at(10)), Err(Refusal::Busy));
        let both_failed = name.failed(at(11)).failed(at(11));
        assert!(matches!(
            decide(both_failed, addr, at(11)),
            Err(Refusal::NameLocked(_))
        ));
        let one_right = name.failed(at(11)).succeeded(at(11), true);
        assert_eq!(decide(one_right, addr, at(11)), Ok(()));
        // A node that stopped mid-check: its reservation is dropped later.
        assert_eq!(decide(name, addr, at(10 + 60)), Ok(()));
    }

    #[test]
    fn an_address_is_slowed_never_locked() {
        let name = Counter::default();
        let nine = failed(9, 0);
        assert_eq!(decide(name, nine, at(9)), Ok(()));
        // A check another node reserved a moment "later" by its clock.
        assert_eq!(decide(name, nine, at(8)), Ok(()));
        let ten = failed(10, 0);
        // Last check at second 9; ten failures: 1 s after it.
        assert_eq!(
            decide(name, ten, at(9)),
            Err(Refusal::AddressSlowed(SignedDuration::from_secs(1)))
        );
        assert_eq!(decide(name, ten, at(10)), Ok(()));
        // The delay doubles and stops at the cap.
        let delays: Vec<i64> = (10..16).map(|n| address_delay(n).as_secs()).collect();
        assert_eq!(delays, [1, 2, 4, 5, 5, 5]);
        let many = failed(200, 0);
        assert_eq!(decide(name, many, at(199 + 5)), Ok(()));
        assert!(decide(name, many, at(199 + 4)).is_err());
        // A success from the address does not reset it.
        let after = many.reserved(at(300)).succeeded(at(300), false);
        assert_eq!(after.failures, 200);
        // Simultaneous checks from one address count while in flight: the
        // next waits for them; if they fail, it is slowed.
        let burst = (0..10).fold(Counter::default(), |c, _| c.reserved(at(0)));
        assert_eq!(decide(name, burst, at(0)), Err(Refusal::Busy));
        let all_right = (0..10).fold(burst, |c, _| c.succeeded(at(0), false));
        assert_eq!(decide(name, all_right, at(0)), Ok(()));
        let all_wrong = (0..10).fold(burst, |c, _| c.failed(at(0)));
        assert!(matches!(
            decide(name, all_wrong, at(0)),
            Err(Refusal::AddressSlowed(_))
        ));
    }

    #[test]
    fn old_failures_do_not_count() {
        let name = failed(5, 0);
        assert_eq!(name.current(at(15 * 60)).failures, 0);
        let again = name.reserved(at(16 * 60)).failed(at(16 * 60));
        assert_eq!((again.failures, again.window_start), (1, Some(at(16 * 60))));
    }

    #[test]
    fn waits_are_whole_seconds_or_minutes_rounded_up() {
        assert_eq!(seconds_to_wait(SignedDuration::from_millis(1)), 1);
        assert_eq!(seconds_to_wait(SignedDuration::from_millis(1500)), 2);
        assert_eq!(seconds_to_wait(SignedDuration::ZERO), 1);
        assert_eq!(Refusal::Busy.wait(), SignedDuration::from_secs(1));
        assert_eq!(minutes_to_wait(SignedDuration::from_secs(61)), 2);
    }
}
