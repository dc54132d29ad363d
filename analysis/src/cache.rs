//! A bounded map from a word, as its caller spells it, to what was worked
//! out for it (its analysis, Voikko's suggestions).
//!
//! Two generations: lookups hit the current one, or the previous one (and
//! are then promoted); when the current one is full it becomes the previous
//! one and the old previous one is dropped. Words in use survive, rare ones
//! age out, and memory stays bounded at about twice the capacity: LRU-ish
//! without bookkeeping per hit.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub(crate) struct Cache<V> {
    capacity: usize,
    inner: Mutex<Generations<V>>,
}

struct Generations<V> {
    current: HashMap<String, Arc<V>>,
    previous: HashMap<String, Arc<V>>,
}

impl<V> Cache<V> {
    /// A cache of at most about `2 * capacity` words (0 turns it off).
    pub(crate) fn new(capacity: usize) -> Cache<V> {
        Cache {
            capacity,
            inner: Mutex::new(Generations {
                current: HashMap::new(),
                previous: HashMap::new(),
            }),
        }
    }

    pub(crate) fn get(&self, word: &str) -> Option<Arc<V>> {
        if self.capacity == 0 {
            return None;
        }
        let mut g = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(hit) = g.current.get(word) {
            return Some(hit.clone());
        }
        let (key, hit) = g.previous.remove_entry(word)?;
        g.insert(self.capacity, key, hit.clone());
        Some(hit)
    }

    pub(crate) fn insert(&self, word: String, analysis: Arc<V>) {
        if self.capacity == 0 {
            return;
        }
        let mut g = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        g.insert(self.capacity, word, analysis);
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        let g = self.inner.lock().unwrap();
        g.current.len() + g.previous.len()
    }
}

impl<V> Generations<V> {
    fn insert(&mut self, capacity: usize, word: String, analysis: Arc<V>) {
        if self.current.len() >= capacity {
            self.previous = std::mem::take(&mut self.current);
        }
        self.current.insert(word, analysis);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analysis;

    fn a() -> Arc<Analysis> {
        Arc::new(Analysis::default())
    }

    #[test]
    fn stays_bounded_and_keeps_words_in_use() {
        let cache = Cache::new(3);
        cache.insert("hot".into(), a());
        for i in 0..100 {
            cache.insert(format!("w{i}"), a());
            assert!(cache.get("hot").is_some(), "a word in use stays ({i})");
            assert!(cache.len() <= 6);
        }
        assert!(cache.get("w0").is_none(), "an old unused word ages out");
    }

    #[test]
    fn capacity_zero_caches_nothing() {
        let cache = Cache::new(0);
        cache.insert("x".into(), a());
        assert!(cache.get("x").is_none());
    }
}
