//! The query side: a user's query analysed like the indexed text.

use std::fmt;
use std::sync::Arc;

use tantivy::Term;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};

use crate::tokenizer::{Word, words};
use crate::{Analysis, Analyzer, TermKind, joined, part};

/// Without Voikko, a query word's n-grams match a text word when at least
/// this share of them is there: huoltoriidoissa ↔ huoltoriita share 11 of
/// 23, huoltoriidoissa ↔ sijaishuolto only 5.
pub const NGRAM_MIN_SHARE: f32 = 0.3;

/// A user's query, word by word.
#[derive(Debug, Clone)]
pub struct QueryAnalysis {
    /// The query's words in order.
    pub words: Vec<WordAnalysis>,
}

/// One query word and the index terms it became.
#[derive(Debug, Clone)]
pub struct WordAnalysis {
    /// The word as the user wrote it, with its offsets in the query.
    pub word: Word,
    /// Its terms (the same the tokenizer indexes for this word).
    pub analysis: Arc<Analysis>,
}

/// Analyses a query string the way [`MorphTokenizer`](crate::MorphTokenizer)
/// analyses indexed text.
pub fn analyze_query(analyzer: &dyn Analyzer, query: &str) -> QueryAnalysis {
    QueryAnalysis {
        words: words(query)
            .map(|word| WordAnalysis {
                analysis: analyzer.analyze_word(&word.text),
                word,
            })
            .collect(),
    }
}

impl QueryAnalysis {
    /// Every distinct term of the query.
    pub fn terms(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for t in self.words.iter().flat_map(|w| w.analysis.texts()) {
            if !out.contains(&t) {
                out.push(t);
            }
        }
        out
    }

    /// A query matching texts in `field` that match every word (see
    /// [`WordAnalysis::query`]); `None` for a query without words.
    pub fn all_words(&self, field: Field) -> Option<Box<dyn Query>> {
        self.combine(field, Occur::Must)
    }

    /// A query matching texts in `field` that match any word, ranked by
    /// how many and how well; `None` for a query without words.
    pub fn any_word(&self, field: Field) -> Option<Box<dyn Query>> {
        self.combine(field, Occur::Should)
    }

    fn combine(&self, field: Field, occur: Occur) -> Option<Box<dyn Query>> {
        let clauses: Vec<_> = self
            .words
            .iter()
            .filter_map(|w| w.query(field))
            .map(|q| (occur, q))
            .collect();
        one_or_boolean(clauses)
    }
}

impl WordAnalysis {
    /// A query matching texts in `field` where this word occurs in any
    /// form: one of its base forms (or, for an unknown word, the word or its
    /// stem), alone or as a part of a compound (the query "riita" finds
    /// "huoltoriidat"), or the parts of one of its compound readings next
    /// to each other in one word (the query "väkivallan" finds
    /// "lähisuhdeväkivalta"), or, without Voikko, enough of its n-grams
    /// ([`NGRAM_MIN_SHARE`]). A single part of the query's compound does
    /// not match: "huoltoriidoissa" does not find "sijaishuolto".
    ///
    /// `None` for a word without terms (longer than
    /// [`MAX_WORD_CHARS`](crate::MAX_WORD_CHARS)).
    pub fn query(&self, field: Field) -> Option<Box<dyn Query>> {
        let term = |text: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, text),
                IndexRecordOption::WithFreqs,
            ))
        };
        let should = Occur::Should;
        let a = &self.analysis;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = a
            .terms
            .iter()
            .filter(|t| matches!(t.kind, TermKind::Word | TermKind::BaseForm | TermKind::Stem))
            .flat_map(|t| [(should, term(&t.text)), (should, term(&part(&t.text)))])
            .collect();
        for parts in &a.compounds {
            clauses.push((should, term(&joined(parts))));
        }
        let grams: Vec<_> = a
            .of_kind(TermKind::NGram)
            .map(|g| (should, term(g)))
            .collect();
        if !grams.is_empty() {
            let required = ((grams.len() as f32 * NGRAM_MIN_SHARE).ceil() as usize).max(1);
            clauses.push((
                should,
                Box::new(BooleanQuery::with_minimum_required_clauses(grams, required)),
            ));
        }
        one_or_boolean(clauses)
    }
}

fn one_or_boolean(mut clauses: Vec<(Occur, Box<dyn Query>)>) -> Option<Box<dyn Query>> {
    match clauses.len() {
        0 => None,
        1 => clauses.pop().map(|(_, q)| q),
        _ => Some(Box::new(BooleanQuery::new(clauses))),
    }
}

/// "huoltoriidoissa → huoltoriita (huolto + riita)", "kuusi → kuu, kuusi";
/// without Voikko "huoltoriidoissa → huoltoriidoissa, huoltoriido + 23 n-grams".
impl fmt::Display for WordAnalysis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let a = &self.analysis;
        write!(f, "{} →", self.word.text)?;
        let bases: Vec<&str> = a.of_kind(TermKind::BaseForm).collect();
        let shown = if bases.is_empty() {
            a.terms
                .iter()
                .filter(|t| matches!(t.kind, TermKind::Word | TermKind::Stem))
                .map(|t| t.text.as_str())
                .collect()
        } else {
            bases
        };
        write!(f, " {}", shown.join(", "))?;
        for parts in &a.compounds {
            write!(f, " ({})", parts.join(" + "))?;
        }
        let grams = a.of_kind(TermKind::NGram).count();
        if grams > 0 {
            write!(f, " + {grams} n-grams")?;
        }
        Ok(())
    }
}
