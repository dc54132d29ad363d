//! Recent rankings: the first [`WINDOW`] hits of a search and how many it
//! found, kept by the view of the index they were scored on. Scoring is
//! what a search costs (a query of everyday words meets most of 100 000
//! profiles, each scored for the first page), and the same search comes
//! again: the next page, the way back, colleagues looking for the same
//! thing. As Solr's query result cache does, a ranking is looked up by
//! everything that decides it: the query and its filters, the index's view
//! (a new one after every change the node applies, so a changed profile is
//! never ranked from before its change), the taxonomy's version (what the
//! words name) and the day (who is paused). Pages past the window are
//! scored each time.

use super::{MAX_RESULTS, SearchQuery};
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};
use tantivy::{DocAddress, Score};

/// The hits a ranking keeps: the first five pages of twenty (the search
/// page's and the API's).
pub(super) const WINDOW: usize = 100;

/// Rankings kept (about 1.5 kB each).
const KEPT: usize = 256;

/// Where a page of `q` starts and how many hits it holds (at most 100,
/// never past [`MAX_RESULTS`]).
pub(super) fn page_bounds(q: &SearchQuery) -> (usize, usize) {
    let offset = q.offset.min(MAX_RESULTS);
    let limit = q.limit.clamp(1, 100).min(MAX_RESULTS - offset).max(1);
    (offset, limit)
}

/// Everything a ranking depends on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct Key {
    /// The searcher's generation: each reload of the index is a new one.
    view: u64,
    taxonomy: u64,
    today: i64,
    text: String,
    filters: [Option<String>; 4],
    flags: [bool; 5],
}

impl Key {
    pub(super) fn of(q: &SearchQuery, view: u64, taxonomy: u64, today: i64) -> Key {
        // Every field named: a field added to the query must be placed in
        // the key or said to be the page's (this does not compile else).
        let SearchQuery {
            text,
            phenomenon,
            sector,
            area,
            language,
            remote_only,
            include_paused,
            experts,
            groups,
            public_only,
            offset: _,
            limit: _,
        } = q;
        Key {
            view,
            taxonomy,
            today,
            text: text.clone(),
            filters: [
                phenomenon.clone(),
                sector.clone(),
                area.clone(),
                language.clone(),
            ],
            flags: [
                *remote_only,
                *include_paused,
                *public_only,
                *experts,
                *groups,
            ],
        }
    }
}

/// A search's count and its first hits, best first.
#[derive(Debug)]
pub(super) struct Ranking {
    pub total: usize,
    pub top: Vec<(Score, DocAddress)>,
}

impl Ranking {
    /// The hits from `offset`, at most `limit`, when this ranking holds
    /// them all: the page is inside the window, or the window holds every
    /// hit.
    pub(super) fn page(&self, offset: usize, limit: usize) -> Option<Vec<(Score, DocAddress)>> {
        if offset + limit > WINDOW && self.top.len() < self.total {
            return None;
        }
        let start = offset.min(self.top.len());
        let end = (offset + limit).min(self.top.len());
        Some(self.top[start..end].to_vec())
    }
}

/// Whether a page of `q` is scored as the window (and its ranking kept).
pub(super) fn in_window(q: &SearchQuery) -> bool {
    let (offset, limit) = page_bounds(q);
    offset + limit <= WINDOW
}

/// The rankings of the newest view searched; an older view's are never
/// asked for again.
pub(super) struct Rankings {
    recent: Mutex<(u64, lru::LruCache<Key, Arc<Ranking>>)>,
}

impl Rankings {
    pub(super) fn new() -> Rankings {
        Rankings {
            recent: Mutex::new((
                0,
                lru::LruCache::new(NonZeroUsize::new(KEPT).expect("not zero")),
            )),
        }
    }

    /// The count and the page `q` asks for, when a kept ranking holds it.
    pub(super) fn page(
        &self,
        key: &Key,
        q: &SearchQuery,
    ) -> Option<(usize, Vec<(Score, DocAddress)>)> {
        let ranking = self
            .recent
            .lock()
            .expect("rankings lock")
            .1
            .get(key)
            .cloned()?;
        let (offset, limit) = page_bounds(q);
        Some((ranking.total, ranking.page(offset, limit)?))
    }

    pub(super) fn len(&self) -> usize {
        self.recent.lock().expect("rankings lock").1.len()
    }

    /// Keeps a window's ranking (`top` scored from the first hit, at most
    /// [`WINDOW`]) and gives the page `q` asks for from it.
    pub(super) fn keep(
        &self,
        key: Key,
        q: &SearchQuery,
        total: usize,
        top: Vec<(Score, DocAddress)>,
    ) -> Vec<(Score, DocAddress)> {
        let ranking = Ranking { total, top };
        let (offset, limit) = page_bounds(q);
        let page = ranking.page(offset, limit).unwrap_or_default();
        let mut recent = self.recent.lock().expect("rankings lock");
        let (newest, kept) = &mut *recent;
        if key.view > *newest {
            *newest = key.view;
            kept.clear();
        }
        // A search that began on an older view than one already kept:
        // answered, not kept.
        if key.view == *newest {
            kept.put(key, Arc::new(ranking));
        }
        page
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(n: usize) -> Vec<(Score, DocAddress)> {
        (0..n)
            .map(|i| (1000.0 - i as f32, DocAddress::new(0, i as u32)))
            .collect()
    }

    #[test]
    fn a_page_inside_the_window_or_of_a_whole_ranking_is_a_slice_of_it() {
        let many = Ranking {
            total: 5000,
            top: hits(WINDOW),
        };
        let page = many.page(20, 20).expect("inside");
        assert_eq!(page, hits(WINDOW)[20..40].to_vec());
        assert_eq!(many.page(80, 20).expect("last inside").len(), 20);
        assert!(many.page(90, 20).is_none(), "reaches past the window");
        assert!(many.page(100, 20).is_none());
        let few = Ranking {
            total: 30,
            top: hits(30),
        };
        assert_eq!(few.page(20, 20).expect("the rest").len(), 10);
        assert_eq!(few.page(400, 20).expect("past the end"), Vec::new());
    }

    #[test]
    fn a_ranking_is_kept_per_view_and_an_older_views_are_dropped() {
        let kept = Rankings::new();
        let q = SearchQuery {
            text: "perhe".into(),
            experts: true,
            limit: 20,
            ..SearchQuery::default()
        };
        let old = Key::of(&q, 1, 1, 20_000);
        let page = kept.keep(old.clone(), &q, 5000, hits(WINDOW));
        assert_eq!(page, hits(20));
        assert_eq!(kept.page(&old, &q).expect("kept").0, 5000);
        let other_day = Key::of(&q, 1, 1, 20_001);
        assert!(kept.page(&other_day, &q).is_none(), "paused by another day");
        let other_taxonomy = Key::of(&q, 1, 2, 20_000);
        assert!(kept.page(&other_taxonomy, &q).is_none());
        let narrower = SearchQuery {
            public_only: true,
            ..q.clone()
        };
        assert!(kept.page(&Key::of(&narrower, 1, 1, 20_000), &q).is_none());
        let new = Key::of(&q, 2, 1, 20_000);
        assert!(kept.page(&new, &q).is_none(), "a new view is scored again");
        kept.keep(new.clone(), &q, 10, hits(10));
        assert!(kept.page(&old, &q).is_none(), "the old view dropped");
        assert_eq!(kept.page(&new, &q).expect("kept").1, hits(10));
        kept.keep(old.clone(), &q, 5000, hits(WINDOW));
        assert!(
            kept.page(&old, &q).is_none(),
            "begun on an older view: not kept"
        );
        let deep = SearchQuery {
            offset: 4000,
            text: "lapsi".into(),
            ..q.clone()
        };
        assert!(!in_window(&deep));
        let lapsi = Key::of(&deep, 2, 1, 20_000);
        kept.keep(lapsi.clone(), &q, 5000, hits(WINDOW));
        assert!(kept.page(&lapsi, &q).is_some());
        assert!(kept.page(&lapsi, &deep).is_none(), "past the window");
    }
}
