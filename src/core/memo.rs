//! What a node keeps of values it read from the database, between requests.
//!
//! The hard part of such a memo is a read that overlaps a write: a request
//! reads the old value, the write commits and its node forgets the key, and
//! then the request stores what it read — the old value, now kept as if
//! current until the next forget. So every read takes a [`Ticket`] before
//! it asks the database, and what it read is kept only when nothing was
//! forgotten since ([`Memo::keep`]); otherwise it is served once and not
//! kept. Forgetting is after the write commits (the node's own writes) or
//! when the change feed names it (other nodes'), so a read that began after
//! the forget saw the write.
//!
//! Plain data with no I/O and no lock: the caches (`experts::cache`,
//! `inbox::count`, `groups::calendars`, `taxonomy::cache`) hold one behind
//! their own lock.

use std::collections::HashMap;
use std::hash::Hash;
use std::time::{Duration, Instant};

/// When a read began, for [`Memo::keep`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ticket(u64);

pub struct Memo<K, V> {
    /// Grows with every forget.
    generation: u64,
    held: HashMap<K, (V, Instant)>,
    /// Values held at most; beyond it the memo starts over.
    max: usize,
}

impl<K: Hash + Eq, V> Memo<K, V> {
    pub fn new(max: usize) -> Memo<K, V> {
        Memo {
            generation: 0,
            held: HashMap::new(),
            max,
        }
    }

    /// The value held for `k`, unless it is older than `max_age`.
    pub fn get(&self, k: &K, max_age: Duration) -> Option<&V> {
        self.held
            .get(k)
            .filter(|(_, at)| at.elapsed() < max_age)
            .map(|(v, _)| v)
    }

    /// Take before reading from the database what may be kept.
    pub fn ticket(&self) -> Ticket {
        Ticket(self.generation)
    }

    /// Keeps what a read begun at `t` found, unless anything was forgotten
    /// since (it may have read what the forgotten write replaced). Whether
    /// it was kept.
    pub fn keep(&mut self, t: Ticket, found: impl IntoIterator<Item = (K, V)>) -> bool {
        if t.0 != self.generation {
            return false;
        }
        let found: Vec<(K, V)> = found.into_iter().collect();
        let new = found
            .iter()
            .filter(|(k, _)| !self.held.contains_key(k))
            .count();
        if self.held.len() + new > self.max {
            self.held.clear();
        }
        let now = Instant::now();
        self.held
            .extend(found.into_iter().map(|(k, v)| (k, (v, now))));
        true
    }

    /// Drops `keys` after a write of them; reads begun before are not kept.
    pub fn forget<'a>(&mut self, keys: impl IntoIterator<Item = &'a K>)
    where
        K: 'a,
    {
        self.generation += 1;
        for k in keys {
            self.held.remove(k);
        }
    }

    /// Drops everything after a write of anything; reads begun before are
    /// not kept.
    pub fn forget_all(&mut self) {
        self.generation += 1;
        self.held.clear();
    }

    /// Drops everything without a write behind it (a new day, a limit):
    /// reads begun before may still be kept.
    pub fn clear(&mut self) {
        self.held.clear();
    }

    pub fn len(&self) -> usize {
        self.held.len()
    }

    pub fn is_empty(&self) -> bool {
        self.held.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LONG: Duration = Duration::from_secs(60);

    #[test]
    fn a_read_that_overlaps_a_write_is_not_kept() {
        let mut m = Memo::new(10);
        m.keep(m.ticket(), [(1, "old")]);
        // A read misses (expired, say), begins, and reads "old"; the write
        // commits and its node forgets key 1; the read ends.
        let t = m.ticket();
        m.forget(&[1]);
        assert!(!m.keep(t, [(1, "old")]));
        assert_eq!(m.get(&1, LONG), None, "the old value is not held again");
        // A read begun after the forget saw the write.
        let t = m.ticket();
        assert!(m.keep(t, [(1, "new")]));
        assert_eq!(m.get(&1, LONG), Some(&"new"));
    }

    #[test]
    fn any_forget_refuses_reads_begun_before_it() {
        let mut m = Memo::new(10);
        let t = m.ticket();
        m.forget(&[2]);
        assert!(!m.keep(t, [(1, "a")]), "conservative: another key's write");
        let t = m.ticket();
        m.forget_all();
        assert!(!m.keep(t, [(1, "a")]));
        assert!(m.is_empty());
    }

    #[test]
    fn clearing_keeps_no_value_but_refuses_no_read() {
        let mut m = Memo::new(10);
        m.keep(m.ticket(), [(1, "a")]);
        let t = m.ticket();
        m.clear();
        assert_eq!(m.get(&1, LONG), None);
        assert!(m.keep(t, [(2, "b")]));
        assert_eq!(m.len(), 1);
    }

    #[test]
    fn old_values_are_not_served_and_the_limit_starts_over() {
        let mut m = Memo::new(3);
        m.keep(m.ticket(), [(1, "a"), (2, "b"), (3, "c")]);
        assert_eq!(m.get(&1, Duration::ZERO), None, "older than no time");
        // A key held already does not count against the limit.
        m.keep(m.ticket(), [(3, "c2")]);
        assert_eq!(m.len(), 3);
        m.keep(m.ticket(), [(4, "d")]);
        assert_eq!((m.len(), m.get(&4, LONG)), (1, Some(&"d")));
        // A batch is kept whole: the memo starts over before it, not in it.
        m.keep(m.ticket(), [(5, "e"), (6, "f")]);
        assert_eq!(m.len(), 3);
        m.keep(m.ticket(), [(7, "g"), (8, "h")]);
        assert_eq!(
            (m.len(), m.get(&7, LONG), m.get(&4, LONG)),
            (2, Some(&"g"), None)
        );
    }
}
