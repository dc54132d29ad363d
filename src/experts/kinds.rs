//! One pass, several kinds: the search page's channels and its experts are
//! the same query, told apart per hit. A segment's groups are few (a
//! network has tens of channels, thousands of experts), so they are read
//! once from the `kind` field's postings into a bit set, and each matching
//! document costs one bit test, not a column read per collector.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{BitSet, DocId, DocSet, Score, SegmentOrdinal, SegmentReader, TERMINATED, Term};

/// Which kinds a collector of [`KindsCollector`] takes.
#[derive(Debug, Clone, Copy)]
pub struct Kinds {
    pub experts: bool,
    pub groups: bool,
}

/// Runs each collector on the documents of its [`Kinds`]: a group is a
/// document whose `kind` field holds `group_term`, an expert any other.
pub struct KindsCollector<C> {
    group_term: Term,
    wants: Vec<(Kinds, C)>,
}

impl<C: Collector> KindsCollector<C> {
    pub fn new(kind: Field, group: &str, wants: Vec<(Kinds, C)>) -> KindsCollector<C> {
        KindsCollector {
            group_term: Term::from_field_text(kind, group),
            wants,
        }
    }
}

impl<C: Collector> Collector for KindsCollector<C> {
    type Fruit = Vec<C::Fruit>;
    type Child = KindsSegmentCollector<C::Child>;

    fn for_segment(
        &self,
        ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let mut groups = BitSet::with_max_value(segment.max_doc().max(1));
        let postings = segment
            .inverted_index(self.group_term.field())?
            .read_postings(&self.group_term, IndexRecordOption::Basic)?;
        if let Some(mut p) = postings {
            while p.doc() != TERMINATED {
                groups.insert(p.doc());
                p.advance();
            }
        }
        let children = self
            .wants
            .iter()
            .map(|(kinds, c)| Ok((*kinds, c.for_segment(ord, segment)?)))
            .collect::<tantivy::Result<_>>()?;
        Ok(KindsSegmentCollector { groups, children })
    }

    fn requires_scoring(&self) -> bool {
        self.wants.iter().any(|(_, c)| c.requires_scoring())
    }

    fn merge_fruits(
        &self,
        segment_fruits: Vec<Vec<<C::Child as SegmentCollector>::Fruit>>,
    ) -> tantivy::Result<Vec<C::Fruit>> {
        let mut per_want: Vec<Vec<_>> = self.wants.iter().map(|_| Vec::new()).collect();
        for fruits in segment_fruits {
            for (i, f) in fruits.into_iter().enumerate() {
                per_want[i].push(f);
            }
        }
        self.wants
            .iter()
            .zip(per_want)
            .map(|((_, c), fruits)| c.merge_fruits(fruits))
            .collect()
    }
}

/// The segment side of [`KindsCollector`].
pub struct KindsSegmentCollector<S> {
    groups: BitSet,
    children: Vec<(Kinds, S)>,
}

impl<S: SegmentCollector> SegmentCollector for KindsSegmentCollector<S> {
    type Fruit = Vec<S::Fruit>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let group = self.groups.contains(doc);
        for (kinds, child) in &mut self.children {
            if if group { kinds.groups } else { kinds.experts } {
                child.collect(doc, score);
            }
        }
    }

    fn harvest(self) -> Vec<S::Fruit> {
        self.children
            .into_iter()
            .map(|(_, c)| c.harvest())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::AllQuery;
    use tantivy::schema::{STORED, STRING, Schema};
    use tantivy::{Index, IndexWriter, doc};

    use super::*;

    #[test]
    fn each_collector_sees_only_its_kinds() {
        let mut schema = Schema::builder();
        let kind = schema.add_text_field("kind", STRING | STORED);
        let index = Index::create_in_ram(schema.build());
        let mut w: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        // Two segments, so each gets its own set of groups.
        for (i, k) in ["expert", "group", "expert", "expert"].iter().enumerate() {
            w.add_document(doc!(kind => *k)).unwrap();
            if i == 1 {
                w.commit().unwrap();
            }
        }
        w.add_document(doc!(kind => "group")).unwrap();
        w.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let both = Kinds {
            experts: true,
            groups: true,
        };
        let experts = Kinds {
            experts: true,
            groups: false,
        };
        let groups = Kinds {
            experts: false,
            groups: true,
        };
        let c = KindsCollector::new(
            kind,
            "group",
            vec![(experts, Count), (groups, Count), (both, Count)],
        );
        assert_eq!(searcher.search(&AllQuery, &c).unwrap(), [3, 2, 5]);
        let top = KindsCollector::new(
            kind,
            "group",
            vec![(groups, TopDocs::with_limit(10).order_by_score())],
        );
        let found = searcher.search(&AllQuery, &top).unwrap().remove(0);
        assert_eq!(found.len(), 2);
        for (_, addr) in found {
            let d: tantivy::TantivyDocument = searcher.doc(addr).unwrap();
            let k = tantivy::schema::document::Value::as_str(&d.get_first(kind).unwrap());
            assert_eq!(k, Some("group"));
        }
    }
}
