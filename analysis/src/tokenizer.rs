//! Splitting text into words, and the tantivy tokenizer.

use std::iter::Peekable;
use std::str::CharIndices;
use std::sync::Arc;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::Analyzer;
use crate::sense::OtherSenses;

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word as written (combining ¨ and ˚ composed: a + ¨ → ä).
    pub text: String,
    /// Byte offset of its first character in the text.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
}

/// The words of a text: runs of letters and digits (å, ä, ö and every
/// other Unicode letter included). Everything else separates words, the
/// hyphen too (lastensuojelu-asiakas → lastensuojelu, asiakas), except a
/// colon between a letter or digit and a letter, which Finnish uses to
/// inflect abbreviations and numbers: ADHD:n, EU:ssa, 2020:ssä.
pub fn words(text: &str) -> Words<'_> {
    Words {
        chars: text.char_indices().peekable(),
    }
}

/// The iterator of [`words`].
#[derive(Debug, Clone)]
pub struct Words<'a> {
    chars: Peekable<CharIndices<'a>>,
}

impl Iterator for Words<'_> {
    type Item = Word;

    fn next(&mut self) -> Option<Word> {
        let (start, first) = loop {
            let (i, c) = self.chars.next()?;
            if c.is_alphanumeric() {
                break (i, c);
            }
        };
        let mut text = String::from(first);
        let mut end = start + first.len_utf8();
        while let Some(&(i, c)) = self.chars.peek() {
            if c.is_alphanumeric() {
                text.push(c);
            } else if ('\u{300}'..='\u{36f}').contains(&c) {
                // A combining mark (text in NFD): compose the Finnish and
                // Swedish letters, drop other marks rather than split.
                if let Some(composed) = text.chars().last().and_then(|base| compose(base, c)) {
                    text.pop();
                    text.push(composed);
                }
            } else if c == ':' && self.letter_after_colon() {
                text.push(c);
            } else {
                break;
            }
            end = i + c.len_utf8();
            self.chars.next();
        }
        Some(Word { text, start, end })
    }
}

impl Words<'_> {
    /// Whether the character after the colon at the front is a letter.
    fn letter_after_colon(&self) -> bool {
        let mut ahead = self.chars.clone();
        ahead.next();
        ahead.next().is_some_and(|(_, c)| c.is_alphabetic())
    }
}

fn compose(base: char, mark: char) -> Option<char> {
    Some(match (base, mark) {
        ('a', '\u{308}') => 'ä',
        ('A', '\u{308}') => 'Ä',
        ('o', '\u{308}') => 'ö',
        ('O', '\u{308}') => 'Ö',
        ('u', '\u{308}') => 'ü',
        ('U', '\u{308}') => 'Ü',
        ('a', '\u{30a}') => 'å',
        ('A', '\u{30a}') => 'Å',
        _ => return None,
    })
}

/// Whether the text between two words ends a phrase (a sentence, a list
/// item, a bracket): then the words are not adjacent, so a compound's parts
/// are not found across it ("…ero. Tilanne…" is no erotilanne).
pub fn breaks(between: &str) -> bool {
    between.contains([
        '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '/', '|', '•', '…', '\n',
    ])
}

/// A tantivy [`Tokenizer`] over an [`Analyzer`]: splits text with
/// [`words`] and emits every index term of a word
/// ([`Analysis::index_terms`](crate::Analysis::index_terms)) at that word's
/// position (so base forms, compound parts and n-grams of one word stand together,
/// and the next word is one position on, two across a [`breaks`]), with
/// the word's offsets; and at the second of two adjacent words, their
/// [`pair`](crate::pair)s, so a compound written apart is found by one
/// term rather than a phrase (whose positions cost most when both words
/// are common: "lapsi perhe").
///
/// Register it on the index (`index.tokenizers().register(FI_MORPH,
/// MorphTokenizer::new(analyzer))`) and name it in the field's
/// `TextFieldIndexing::set_tokenizer`.
#[derive(Clone)]
pub struct MorphTokenizer {
    analyzer: Arc<dyn Analyzer>,
    senses: Arc<OtherSenses>,
    tokens: Vec<Token>,
}

impl std::fmt::Debug for MorphTokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MorphTokenizer")
            .field("morphology", &self.analyzer.status())
            .finish_non_exhaustive()
    }
}

impl MorphTokenizer {
    /// A tokenizer over this analyzer (shared: its cache serves every clone).
    pub fn new(analyzer: Arc<dyn Analyzer>) -> MorphTokenizer {
        MorphTokenizer {
            analyzer,
            senses: Arc::default(),
            tokens: Vec::new(),
        }
    }

    /// The same, reading words a text uses in another sense
    /// ([`OtherSenses`]) as the rules say.
    pub fn with_senses(mut self, senses: Arc<OtherSenses>) -> MorphTokenizer {
        self.senses = senses;
        self
    }
}

impl Tokenizer for MorphTokenizer {
    type TokenStream<'a> = MorphTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> MorphTokenStream<'a> {
        self.tokens.clear();
        let mut position = 0;
        let mut last: Option<(usize, Arc<crate::Analysis>)> = None;
        // Each word with the next one (a genitive's pair depends on it).
        let all = self.senses.read(self.analyzer.as_ref(), text);
        for (i, (word, analysis)) in all.iter().enumerate() {
            let analysis = analysis.clone();
            let mut terms = analysis.index_terms();
            if let Some((end, before)) = &last {
                let apart = breaks(&text[*end..word.start]);
                position += 1 + usize::from(apart);
                if !apart {
                    let next = all
                        .get(i + 1)
                        .filter(|(n, _)| !breaks(&text[word.end..n.start]))
                        .map(|(_, a)| a.as_ref());
                    let pair = match crate::modifies_next(&analysis, next) {
                        true => crate::pair_forward,
                        false => crate::pair,
                    };
                    for l in before.pair_keys() {
                        for r in analysis.pair_keys() {
                            terms.push(pair(l, r));
                        }
                    }
                }
            }
            self.tokens.extend(terms.into_iter().map(|text| Token {
                offset_from: word.start,
                offset_to: word.end,
                position,
                text,
                position_length: 1,
            }));
            last = Some((word.end, analysis));
        }
        MorphTokenStream {
            tokens: &mut self.tokens,
            next: 0,
        }
    }
}

/// The [`TokenStream`] of [`MorphTokenizer`].
#[derive(Debug)]
pub struct MorphTokenStream<'a> {
    tokens: &'a mut [Token],
    next: usize,
}

impl TokenStream for MorphTokenStream<'_> {
    fn advance(&mut self) -> bool {
        if self.next < self.tokens.len() {
            self.next += 1;
            true
        } else {
            false
        }
    }

    /// The current token (only after `advance` returned true).
    fn token(&self) -> &Token {
        &self.tokens[self.next.saturating_sub(1)]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next.saturating_sub(1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FinnishAnalyzer;

    fn texts(text: &str) -> Vec<String> {
        words(text).map(|w| w.text).collect()
    }

    #[test]
    fn splits_on_non_alphanumerics_keeps_finnish_letters() {
        assert_eq!(
            texts("Lähisuhdeväkivalta, päihteet & Åbo—2024!"),
            ["Lähisuhdeväkivalta", "päihteet", "Åbo", "2024"]
        );
        assert_eq!(texts("lastensuojelu-asiakas"), ["lastensuojelu", "asiakas"]);
        assert_eq!(
            texts("perhe- ja sosiaalipalvelut"),
            ["perhe", "ja", "sosiaalipalvelut"]
        );
        assert_eq!(texts("  ...  "), Vec::<String>::new());
    }

    #[test]
    fn colon_inflection_is_one_word_but_times_are_not() {
        assert_eq!(
            texts("ADHD:n ja EU:ssa klo 12:30."),
            ["ADHD:n", "ja", "EU:ssa", "klo", "12", "30"]
        );
        assert_eq!(texts("lopussa: x"), ["lopussa", "x"]);
    }

    #[test]
    fn offsets_point_into_the_text_and_nfd_is_composed() {
        let text = "o\u{308}ljy\u{308} ja la\u{308}hi";
        let w: Vec<Word> = words(text).collect();
        assert_eq!(w[0].text, "öljy");
        assert_eq!(w[2].text, "lähi");
        assert_eq!(&text[w[2].start..w[2].end], "la\u{308}hi");
        assert_eq!(texts("cafe\u{301}"), ["cafe"]);
    }

    #[test]
    fn all_terms_of_a_word_share_its_position() {
        let analyzer: Arc<dyn Analyzer> = Arc::new(FinnishAnalyzer::fallback("test"));
        let mut tokenizer = MorphTokenizer::new(analyzer);
        let text = "Huoltoriidat ja 2024";
        let mut stream = tokenizer.token_stream(text);
        let mut seen = Vec::new();
        while stream.advance() {
            let t = stream.token();
            seen.push((
                t.position,
                t.text.clone(),
                &text[t.offset_from..t.offset_to],
            ));
        }
        assert!(
            seen.iter()
                .any(|(p, t, w)| *p == 0 && t == "huoltoriidat" && *w == "Huoltoriidat")
        );
        assert!(seen.iter().any(|(p, t, _)| *p == 0 && t == "huol"));
        assert!(seen.iter().filter(|(p, ..)| *p == 0).count() > 10);
        assert_eq!(seen.iter().filter(|(p, ..)| *p == 1).count(), 1, "ja");
        assert!(seen.iter().any(|(p, t, _)| *p == 2 && t == "2024"));
        assert_eq!(seen.last().unwrap().0, 2);

        // A sentence or list break leaves a gap.
        let mut stream = tokenizer.token_stream("ero. tilanne, koti - koulu");
        let mut positions = Vec::new();
        while stream.advance() {
            positions.push(stream.token().position);
        }
        positions.dedup();
        assert_eq!(positions, [0, 2, 4, 5]);
    }
}
