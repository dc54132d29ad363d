//! A query clause's score with a constant added when it matches: each
//! matched clause of a search counts [`super::search`]'s coverage once, so
//! texts meeting more of the query rank first, and the clause's own score
//! orders texts meeting as many. One scorer per clause (a constant-score
//! copy beside the clause cost the clause twice).

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SeekDangerResult, SegmentReader, Term};

/// `inner`, scored as its own score plus `bonus` where it matches.
#[derive(Debug)]
pub struct CoverageQuery {
    inner: Box<dyn Query>,
    bonus: Score,
}

impl CoverageQuery {
    pub fn new(inner: Box<dyn Query>, bonus: Score) -> CoverageQuery {
        CoverageQuery { inner, bonus }
    }
}

impl Clone for CoverageQuery {
    fn clone(&self) -> Self {
        CoverageQuery {
            inner: self.inner.box_clone(),
            bonus: self.bonus,
        }
    }
}

impl Query for CoverageQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let inner = self.inner.weight(enable_scoring)?;
        if !enable_scoring.is_scoring_enabled() {
            return Ok(inner);
        }
        Ok(Box::new(CoverageWeight {
            inner,
            bonus: self.bonus,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

struct CoverageWeight {
    inner: Box<dyn Weight>,
    bonus: Score,
}

impl Weight for CoverageWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(PlusScorer {
            inner: self.inner.scorer(reader, boost)?,
            bonus: boost * self.bonus,
        }))
    }

    fn scorer_danger(
        &self,
        reader: &SegmentReader,
        target: DocId,
        boost: Score,
    ) -> tantivy::Result<(SeekDangerResult, Box<dyn Scorer>)> {
        let (found, inner) = self.inner.scorer_danger(reader, target, boost)?;
        Ok((
            found,
            Box::new(PlusScorer {
                inner,
                bonus: boost * self.bonus,
            }),
        ))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let inner = self.inner.explain(reader, doc)?;
        let mut e = Explanation::new("coverage +", inner.value() + self.bonus);
        e.add_detail(inner);
        Ok(e)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.inner.count(reader)
    }
}

struct PlusScorer {
    inner: Box<dyn Scorer>,
    bonus: Score,
}

impl DocSet for PlusScorer {
    fn advance(&mut self) -> DocId {
        self.inner.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.inner.seek(target)
    }

    fn seek_danger(&mut self, target: DocId) -> SeekDangerResult {
        self.inner.seek_danger(target)
    }

    fn doc(&self) -> DocId {
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }

    fn cost(&self) -> u64 {
        self.inner.cost()
    }
}

impl Scorer for PlusScorer {
    fn score(&mut self) -> Score {
        self.inner.score() + self.bonus
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, Occur, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, TEXT};
    use tantivy::{Index, IndexWriter, doc};

    #[test]
    fn more_matched_clauses_rank_first_and_the_score_orders_the_rest() {
        let mut b = Schema::builder();
        let text = b.add_text_field("text", TEXT);
        let index = Index::create_in_ram(b.build());
        let mut w: IndexWriter = index.writer(15_000_000).expect("writer");
        // 0: "a" many times; 1: "a" and "b" once each; 2: "b" only.
        w.add_document(doc!(text => "a a a a a a a a"))
            .expect("add");
        w.add_document(doc!(text => "a b x x x x x x"))
            .expect("add");
        w.add_document(doc!(text => "b")).expect("add");
        w.commit().expect("commit");
        let searcher = index.reader().expect("reader").searcher();
        let clause = |t: &str| -> (Occur, Box<dyn Query>) {
            let q = TermQuery::new(Term::from_field_text(text, t), IndexRecordOption::WithFreqs);
            (
                Occur::Should,
                Box::new(CoverageQuery::new(Box::new(q), 1000.0)),
            )
        };
        let q = BooleanQuery::new(vec![clause("a"), clause("b")]);
        let top: Vec<(Score, tantivy::DocAddress)> = searcher
            .search(&q, &TopDocs::with_limit(3).order_by_score())
            .expect("search");
        let docs: Vec<u32> = top.iter().map(|(_, a)| a.doc_id).collect();
        assert_eq!(docs[0], 1, "both clauses: {top:?}");
        assert!(top[0].0 > 2000.0 && top[1].0 > 1000.0 && top[1].0 < 2000.0);
        // Scoring off (counting): the same documents.
        let n = searcher
            .search(&q, &tantivy::collector::Count)
            .expect("count");
        assert_eq!(n, 3);
    }
}
