//! Finnish-aware text analysis for tantivy search.
//!
//! # Why
//!
//! Finnish inflects and compounds so much that a suffix-stripping stemmer
//! misses the words people actually search for. The Snowball Finnish
//! stemmer (tantivy's built-in) gives different stems for forms of one word
//! (measured, see the project's stack notes):
//!
//! | word                    | Snowball            |
//! |-------------------------|---------------------|
//! | huoltoriita             | `huoltor`           |
//! | huoltoriidoissa         | `huoltoriido`       |
//! | lähisuhdeväkivalta      | `lähisuhdeväkiv`    |
//! | lähisuhdeväkivallasta   | `lähisuhdeväkival`  |
//! | sijaishuolto            | `sijaishuolto`      |
//! | sijaishuollossa         | `sijaishuolo`       |
//!
//! None of these pairs match, so a search for "huoltoriidoissa" would not
//! find a text about "huoltoriidat".
//!
//! # How
//!
//! [`FinnishAnalyzer`] asks Voikko, the Finnish morphology library
//! (Debian's `libvoikko1` + `voikko-fi`, loaded at run time through a thin
//! FFI of our own, see [`Voikko`]), for each word's base forms and indexes
//! those: huoltoriidoissa → `huoltoriita`, koulukodeissa → `koulukoti`,
//! päihteitä → `päihde`. A compound's parts are indexed too, marked as
//! parts (huoltoriita → `^huolto`, `^riita`), so a search for "riita" finds
//! "huoltoriidoissa" (below "riita" itself), and its runs of adjacent parts
//! joined (lähisuhdeväkivalta → `väki+valta`, `suhde+väki+valta`, …), so
//! "väkivallasta" finds "lähisuhdeväkivalta" with one term. Numbers and
//! words Voikko does not know are kept as written (lowercase), plus their
//! Snowball stem. Analyses are cached per lowercase word.
//!
//! Without Voikko (the library or its dictionary missing) the analyzer
//! falls back to the Snowball stem plus character 4- and 5-grams of longer
//! words, so "huoltoriidoissa" still shares `huol`, `uolt`, … `torii` with
//! "huoltoriita"; [`Analyzer::status`] says which is in use, for the log and
//! `/health`. Swedish and English use tantivy's Snowball stemmers
//! ([`SnowballAnalyzer`]).
//!
//! [`MorphTokenizer`] puts an analyzer into tantivy: every term of a word
//! is emitted at that word's position. [`analyze_query`] analyses a user's
//! query the same way and builds the tantivy query; each
//! [`WordAnalysis`] says which index terms a query word became
//! ("huoltoriidoissa → huoltoriita (huolto + riita)").
//!
//! ```
//! use std::sync::Arc;
//! use otalusta_analysis::{Analyzer, FinnishAnalyzer, MorphTokenizer, analyze_query, FI_MORPH};
//! use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STORED};
//! use tantivy::{Index, IndexWriter, TantivyDocument, collector::TopDocs};
//!
//! let analyzer: Arc<dyn Analyzer> = Arc::new(FinnishAnalyzer::load());
//! println!("Finnish morphology: {}", analyzer.status()); // voikko 4.3.1 (…) or fallback (…)
//!
//! let mut schema = Schema::builder();
//! let indexing = TextFieldIndexing::default()
//!     .set_tokenizer(FI_MORPH)
//!     .set_index_option(IndexRecordOption::WithFreqsAndPositions);
//! let body = schema.add_text_field("body", TextOptions::default().set_indexing_options(indexing) | STORED);
//! let index = Index::create_in_ram(schema.build());
//! index.tokenizers().register(FI_MORPH, MorphTokenizer::new(analyzer.clone()));
//!
//! let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000)?;
//! writer.add_document(tantivy::doc!(body => "Vaativat huoltoriidat ja haastavat erot"))?;
//! writer.commit()?;
//!
//! let query = analyze_query(analyzer.as_ref(), "huoltoriidoissa");
//! let searcher = index.reader()?.searcher();
//! let hits = searcher.search(&*query.all_words(body).unwrap(), &TopDocs::with_limit(10).order_by_score())?;
//! assert_eq!(hits.len(), 1);
//! # Ok::<(), tantivy::TantivyError>(())
//! ```

#![deny(unsafe_code)]
#![warn(missing_docs)]

use std::fmt;
use std::sync::Arc;

pub use tantivy::tokenizer::Language;

mod cache;
mod finnish;
mod query;
mod sense;
mod snowball;
mod stopwords;
mod tokenizer;
mod voikko;

pub use finnish::{DEFAULT_CACHE_CAPACITY, FinnishAnalyzer};
pub use query::{NGRAM_MIN_SHARE, QueryAnalysis, WordAnalysis, analyze_query};
pub use sense::{OtherSenses, Scope, SenseRule};
pub use snowball::SnowballAnalyzer;
pub use stopwords::is_stop_word;
pub use tokenizer::{MorphTokenStream, MorphTokenizer, Word, Words, breaks, words};
pub use voikko::{DEFAULT_LIBRARY, MorAnalysis, Voikko, VoikkoError};

/// The tokenizer name for Finnish text ([`MorphTokenizer`] over a [`FinnishAnalyzer`]).
pub const FI_MORPH: &str = "fi_morph";
/// The tokenizer name for Swedish text ([`MorphTokenizer`] over a Swedish [`SnowballAnalyzer`]).
pub const SV_SNOWBALL: &str = "sv_snowball";
/// The tokenizer name for English text ([`MorphTokenizer`] over an English [`SnowballAnalyzer`]).
pub const EN_SNOWBALL: &str = "en_snowball";

/// Words longer than this (in characters) are not indexed at all.
pub const MAX_WORD_CHARS: usize = 100;

/// Turns one word into the terms to index (and to search for).
pub trait Analyzer: Send + Sync + 'static {
    /// The index terms of one word, as split by [`words`] (any case; the
    /// terms are lowercase). Empty only for an empty or overlong word.
    fn analyze_word(&self, word: &str) -> Arc<Analysis>;

    /// Which morphology is in use, for the log and `/health`.
    fn status(&self) -> Morphology;

    /// Spelling suggestions for a word the analyzer does not know, best
    /// first (Voikko: paihteet → päihteet); empty when it knows the word or
    /// cannot suggest.
    fn suggest(&self, _word: &str) -> Vec<String> {
        Vec::new()
    }
}

/// Which morphology an analyzer uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Morphology {
    /// Voikko: base forms and compound parts.
    Voikko {
        /// libvoikko's version, e.g. `4.3.1`.
        version: String,
        /// The dictionary, e.g. `suomi (perussanasto), variant standard`.
        dictionary: String,
    },
    /// Finnish without Voikko: Snowball stems plus character n-grams.
    Fallback {
        /// Why Voikko is not in use (e.g. the loader's message).
        reason: String,
    },
    /// A Snowball stemmer (Swedish, English).
    Snowball {
        /// The stemmer's language.
        language: Language,
    },
}

impl Morphology {
    /// `voikko`, `fallback` or `snowball`.
    pub fn name(&self) -> &'static str {
        match self {
            Morphology::Voikko { .. } => "voikko",
            Morphology::Fallback { .. } => "fallback",
            Morphology::Snowball { .. } => "snowball",
        }
    }
}

impl fmt::Display for Morphology {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Morphology::Voikko {
                version,
                dictionary,
            } => write!(f, "voikko {version} ({dictionary})"),
            Morphology::Fallback { reason } => {
                write!(
                    f,
                    "fallback (Snowball stems and character n-grams): {reason}"
                )
            }
            Morphology::Snowball { language } => write!(f, "snowball ({language:?})"),
        }
    }
}

/// What an index term is, relative to the word it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TermKind {
    /// The word itself, lowercase: numbers, and words Voikko does not know.
    Word,
    /// A base form (lemma) from Voikko: huoltoriidoissa → huoltoriita.
    BaseForm,
    /// A compound part's base form from Voikko: huoltoriita → huolto, riita.
    CompoundPart,
    /// A Snowball stem.
    Stem,
    /// A character n-gram (Finnish fallback without Voikko).
    NGram,
    /// A word this one is derived from, marked with [`DERIVED_MARK`]:
    /// traumaattinen → `~trauma`, neuropsykiatrinen → `~neuropsykiatri`.
    /// The mark keeps it apart from the base form itself, so a search can
    /// rank "trauma" above "traumaattinen" for the query "trauma".
    Derived,
}

/// The mark before a [`TermKind::Derived`] term's text.
pub const DERIVED_MARK: char = '~';

/// The mark before a [`TermKind::CompoundPart`] term's text in the index:
/// huoltoriita → `^huolto`, `^riita`. A part stands apart from the same
/// word written on its own, so two adjacent words ("riita huollosta") are
/// looked for among words written apart only, not among the thousands of
/// texts that have both as parts of one word.
pub const PART_MARK: char = '^';

/// What joins a compound's parts into one index term: huoltoriita →
/// `huolto+riita`; lastensuojeluilmoitus → `lapsi+suojelu`,
/// `suojelu+ilmoitus`, `lapsi+suojelu+ilmoitus`. A query compound is then
/// one term (found in one word, its parts in order), no positions read.
pub const PART_JOIN: char = '+';

/// What joins two adjacent words of a text into one index term ([`pair`]):
/// "päihteiden ongelmat" → `päihde_ongelma`, so a compound written apart is
/// one term too. Not [`PART_JOIN`]: the pair of "koti hoito" read the other
/// way round must not be the compound hoitokoti's parts.
pub const PAIR_JOIN: char = '_';

/// One term to index (or search for).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IndexTerm {
    /// The term's text, lowercase.
    pub text: String,
    /// What it is.
    pub kind: TermKind,
}

/// The index terms of one word.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Distinct terms: base forms first, then compound parts (or the word,
    /// its stem and n-grams).
    pub terms: Vec<IndexTerm>,
    /// Each compound reading's parts, e.g. `[["huolto", "riita"]]`. A query
    /// word matches a text that has all parts of one of them in one word.
    pub compounds: Vec<Vec<String>>,
    /// Each compound reading split into two words, e.g. lastensuojeluilmoitus
    /// → `[("lastensuojelu", "ilmoitus"), ("lapsi", "suojeluilmoitus")]`: the
    /// base forms two adjacent words have when the compound is written
    /// apart ("ilmoitus lastensuojeluun", "päihteiden ongelmat").
    pub splits: Vec<(String, String)>,
    /// Every reading is a genitive ("perheen"). Followed by a
    /// [nominal](Analysis::nominal) word it modifies that word, so it is
    /// not the first part of a compound written apart the other way round
    /// ("väkivalta perheen kunnian vuoksi" is not perheväkivalta;
    /// "väkivalta perheessä" and "ongelmia päihteiden kanssa" are). See
    /// [`pair`] and [`modifies_next`].
    pub genitive: bool,
    /// Every reading is a noun or an adjective (none a postposition such as
    /// "kanssa", "vuoksi").
    pub nominal: bool,
    /// Every reading is in a case that places or moves ("perheessä",
    /// "kotona", "kouluun"): written after another word, it tells where
    /// that word's thing is, as the first part of a compound would
    /// ("väkivalta perheessä" is perheväkivalta).
    pub adverbial: bool,
    /// Every reading is in the nominative ("lapset"): the case of a
    /// clause's subject.
    pub nominative: bool,
    /// Some reading is a finite verb ("lyö", "pelkäävät", "eivät"): a
    /// clause's predicate.
    pub finite: bool,
    /// Every reading is a conjunction ("ja", "mutta", "koska").
    pub conjunction: bool,
}

impl Analysis {
    /// Adds a term unless one with the same text is there already.
    fn push(&mut self, text: impl Into<String>, kind: TermKind) {
        let text = text.into();
        if !text.is_empty() && !self.terms.iter().any(|t| t.text == text) {
            self.terms.push(IndexTerm { text, kind });
        }
    }

    /// The terms' texts.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(|t| t.text.as_str())
    }

    /// The base forms a derivation of this word is marked with (without
    /// the mark): traumaattinen → trauma.
    pub fn derived_from(&self) -> impl Iterator<Item = &str> {
        self.of_kind(TermKind::Derived)
            .map(|t| t.trim_start_matches(DERIVED_MARK))
    }

    /// Whether a word analysis is known to the morphology (has base forms).
    pub fn is_known(&self) -> bool {
        self.terms.iter().any(|t| t.kind == TermKind::BaseForm)
    }

    /// The texts of the terms of one kind.
    pub fn of_kind(&self, kind: TermKind) -> impl Iterator<Item = &str> {
        self.terms
            .iter()
            .filter(move |t| t.kind == kind)
            .map(|t| t.text.as_str())
    }

    /// Whether a term with this text is there.
    pub fn contains(&self, text: &str) -> bool {
        self.terms.iter().any(|t| t.text == text)
    }

    /// Whether one compound reading has these parts next to each other in
    /// this order (lastensuojeluilmoitus has suojelu, ilmoitus), the way
    /// the index finds a [`joined`] term.
    pub fn has_parts(&self, parts: &[String]) -> bool {
        parts.len() > 1
            && self
                .compounds
                .iter()
                .any(|c| c.windows(parts.len()).any(|w| w == parts))
    }

    /// The terms a word stands for in a [`pair`] with its neighbour: its
    /// base forms (the splits of a query compound are base forms; a word
    /// the morphology does not know pairs with nothing).
    pub fn pair_keys(&self) -> impl Iterator<Item = &str> {
        self.of_kind(TermKind::BaseForm)
    }

    /// The terms the index holds for this word: every term, compound parts
    /// marked with [`PART_MARK`], then each compound reading's runs of two
    /// or more adjacent parts [`joined`].
    pub fn index_terms(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .terms
            .iter()
            .map(|t| match t.kind {
                TermKind::CompoundPart => part(&t.text),
                _ => t.text.clone(),
            })
            .collect();
        for c in &self.compounds {
            for n in 2..=c.len() {
                for w in c.windows(n) {
                    let j = joined(w);
                    if !out.contains(&j) {
                        out.push(j);
                    }
                }
            }
        }
        out
    }
}

/// The index term of a compound part: `^riita`.
pub fn part(text: &str) -> String {
    format!("{PART_MARK}{text}")
}

/// The index term of adjacent compound parts: `huolto+riita`.
pub fn joined(parts: &[String]) -> String {
    parts.join(PART_JOIN.encode_utf8(&mut [0; 4]))
}

/// The index term of two adjacent words by their base forms, the way a
/// compound written apart is looked for: "päihteiden ongelmat" →
/// `päihde_ongelma`. A compound is looked for in both orders; a pair whose
/// second word [modifies the word after it](modifies_next) is indexed as
/// [`pair_forward`] and found only in the compound's own order.
pub fn pair(left: &str, right: &str) -> String {
    format!("{left}{PAIR_JOIN}{right}")
}

/// Whether `word`, a genitive followed (with no break between) by the
/// nominal `next`, modifies `next` rather than the word before it.
pub fn modifies_next(word: &Analysis, next: Option<&Analysis>) -> bool {
    word.genitive && next.is_some_and(|n| n.nominal)
}

/// The index term of two adjacent words whose second
/// [modifies the word after it](modifies_next): `väkivalta~perhe` for
/// "väkivalta perheen kunnian".
pub fn pair_forward(left: &str, right: &str) -> String {
    format!("{left}{PAIR_FORWARD_JOIN}{right}")
}

/// What joins a [`pair_forward`].
pub const PAIR_FORWARD_JOIN: char = '~';

#[cfg(test)]
mod tests;
