//! Words a text uses in another sense than a search means by them, told by
//! the words around them: "hyvä jengi ja vahva yhteishenki" is the work
//! team, not a street gang; "traumakirurgia" is surgery, not a trauma. Such
//! a word is read as if it were not there (as a part of a compound: the
//! compound is read as one word of its own), so neither the index nor the
//! recognition of what a text is about meets it.

use std::collections::HashSet;
use std::sync::Arc;

use crate::{Analysis, Analyzer, TermKind, Word};

/// Where the words telling a word's sense may stand. Whatever the scope,
/// a rule's word that is only a part of a compound is told by the
/// compound's other parts alone ("traumakirurgia"), and a word written
/// with a hyphen to another ("jengi-ilmiö") by nothing beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Nothing beside the word: only a compound's other part.
    Word,
    /// The word right before it, or a phrase ending there, with no break
    /// between ("Great Depression", "work placements").
    Before,
    /// The word right after it, or a phrase starting there ("trauma
    /// surgery", "Gang of Four").
    After,
    /// Any other word of the same sentence (commas do not end it).
    Sentence,
}

/// One rule: `words`, when `context` stands within `scope` of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SenseRule<'a> {
    /// The words of the sense searched for (comma-separated).
    pub words: &'a str,
    /// Words that tell another sense (comma-separated).
    pub context: &'a str,
    /// Where they tell it.
    pub scope: Scope,
}

#[derive(Debug)]
struct Rule {
    words: HashSet<String>,
    context: HashSet<String>,
    /// Context entries of several words, each as written (lowercase):
    /// they tell right after ([`Scope::After`]) or right before the word.
    phrases: Vec<Vec<String>>,
    scope: Scope,
}

/// The rules of one language's texts, in that language's analyzer's terms.
#[derive(Debug, Default)]
pub struct OtherSenses {
    rules: Vec<Rule>,
}

/// How a word of a text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    AsIs,
    /// A part of the compound is used in another sense: the compound as a
    /// word of its own, without its parts.
    Whole,
    /// The word itself is: as if not there.
    Gone,
}

impl OtherSenses {
    /// The rules (comma-separated words, any language: each is taken in
    /// the terms `analyzer` gives it, so a word of another language simply
    /// meets nothing).
    pub fn new(analyzer: &dyn Analyzer, rules: &[SenseRule<'_>]) -> OtherSenses {
        OtherSenses {
            rules: rules
                .iter()
                .map(|r| Rule {
                    words: analysed(analyzer, r.words)
                        .iter()
                        .flat_map(|(_, a)| {
                            own_terms(a)
                                .into_iter()
                                .map(str::to_owned)
                                .collect::<Vec<_>>()
                        })
                        .collect(),
                    context: analysed(analyzer, r.context)
                        .iter()
                        .filter(|(w, _)| !w.contains(' '))
                        .flat_map(|(w, a)| telling_terms(w, a))
                        .collect(),
                    phrases: r
                        .context
                        .split(',')
                        .map(str::trim)
                        .filter(|w| w.contains(' '))
                        .map(|p| p.split_whitespace().map(str::to_lowercase).collect())
                        .collect(),
                    scope: r.scope,
                })
                .collect(),
        }
    }

    /// The words of `text` as [`crate::words`] gives them, each with its
    /// analysis by `analyzer`, read as [`apply`](Self::apply) reads them:
    /// the one reading the tokenizer and the app's matching share.
    pub fn read(&self, analyzer: &dyn Analyzer, text: &str) -> Vec<(Word, Arc<Analysis>)> {
        let mut all: Vec<_> = crate::words(text)
            .map(|w| {
                let a = analyzer.analyze_word(&w.text);
                (w, a)
            })
            .collect();
        self.apply(text, &mut all);
        all
    }

    /// The words of `text` (as [`crate::words`] gives them, with their
    /// analyses), each used in another sense replaced by what is left of
    /// it: nothing, or the compound without its parts.
    pub fn apply(&self, text: &str, words: &mut [(Word, Arc<Analysis>)]) {
        // Most texts have no word of any rule: nothing to read.
        let named = |a: &Analysis| {
            a.terms
                .iter()
                .any(|t| self.rules.iter().any(|r| r.words.contains(&t.text)))
                || a.compounds
                    .iter()
                    .flatten()
                    .any(|p| self.rules.iter().any(|r| r.words.contains(p)))
        };
        if !words.iter().any(|(_, a)| named(a)) {
            return;
        }
        let own: Vec<HashSet<&str>> = words.iter().map(|(_, a)| own_terms(a)).collect();
        let telling: Vec<HashSet<String>> = words
            .iter()
            .map(|(w, a)| telling_terms(&w.text, a))
            .collect();
        let parts: Vec<HashSet<&str>> = words.iter().map(|(_, a)| part_terms(a)).collect();
        // Sentence of each word, and whether it stands right after the
        // word before it.
        let mut sentence = Vec::with_capacity(words.len());
        let mut joined = Vec::with_capacity(words.len());
        let mut hyphen = vec![false; words.len()];
        let mut s = 0;
        for i in 0..words.len() {
            let between = match i {
                0 => "",
                _ => &text[words[i - 1].0.end..words[i].0.start],
            };
            if ends_sentence(between) {
                s += 1;
            }
            sentence.push(s);
            joined.push(i > 0 && !crate::breaks(between));
            // "jengi-ilmiö", "gang-prevention": one compound, written
            // with a hyphen.
            if i > 0 && matches!(between, "-" | "\u{2010}") {
                hyphen[i - 1] = true;
                hyphen[i] = true;
            }
        }
        let readings: Vec<Reading> = (0..words.len())
            .map(|i| {
                let mut reading = Reading::AsIs;
                for r in &self.rules {
                    let whole = own[i].iter().any(|t| r.words.contains(*t));
                    let in_part = parts[i].iter().any(|t| r.words.contains(*t));
                    if !whole && !in_part {
                        continue;
                    }
                    // Another word tells by what it is as written or its
                    // base form, not by a part ("sosiaalitoimisto" is no
                    // office) nor a stem ("operate" is no operation).
                    let near = |j: usize| telling[j].iter().any(|t| r.context.contains(t));
                    let told = match whole {
                        // The word itself: told by the words around it
                        // (not a part of a compound written with a hyphen).
                        true => {
                            !hyphen[i]
                                && match r.scope {
                                    Scope::Word => false,
                                    Scope::Before => {
                                        (joined[i] && near(i - 1))
                                            || r.phrases.iter().any(|p| {
                                                i >= p.len()
                                                    && (i + 1 - p.len()..=i).all(|k| joined[k])
                                                    && phrase_at(words, i - p.len(), p)
                                            })
                                    }
                                    Scope::After => {
                                        (i + 1 < words.len() && joined[i + 1] && near(i + 1))
                                            || r.phrases.iter().any(|p| {
                                                (i + 1..i + 1 + p.len())
                                                    .all(|k| k < words.len() && joined[k])
                                                    && phrase_at(words, i + 1, p)
                                            })
                                    }
                                    Scope::Sentence => (0..words.len())
                                        .any(|j| j != i && sentence[j] == sentence[i] && near(j)),
                                }
                        }
                        // A part of a compound: only by its other parts
                        // ("hyvä jengityön tuntemus" keeps its gang work).
                        false => parts[i]
                            .iter()
                            .any(|t| !r.words.contains(*t) && r.context.contains(*t)),
                    };
                    if told {
                        reading = match whole {
                            true => Reading::Gone,
                            false => reading.max_whole(),
                        };
                    }
                }
                reading
            })
            .collect();
        for ((_, a), reading) in words.iter_mut().zip(readings) {
            match reading {
                Reading::AsIs => {}
                Reading::Whole => *a = Arc::new(whole_only(a)),
                Reading::Gone => *a = Arc::new(Analysis::default()),
            }
        }
    }
}

impl Reading {
    fn max_whole(self) -> Reading {
        match self {
            Reading::Gone => Reading::Gone,
            _ => Reading::Whole,
        }
    }
}

/// Whether the text between two words ends a sentence (not a comma's or a
/// list's break: "Meidän jengi toimistolla pelaa sählyä, ja…" is one).
fn ends_sentence(between: &str) -> bool {
    between.contains(['.', '!', '?', ';', '\n', '•'])
}

/// Whether the words from `at` on are `phrase`, as written.
fn phrase_at(words: &[(Word, Arc<Analysis>)], at: usize, phrase: &[String]) -> bool {
    let end = at + phrase.len();
    end <= words.len()
        && words[at..end]
            .iter()
            .zip(phrase)
            .all(|((w, _), p)| w.text.to_lowercase() == *p)
}

/// A rule's comma-separated words, each with its analysis.
fn analysed<'a>(analyzer: &dyn Analyzer, list: &'a str) -> Vec<(&'a str, Arc<Analysis>)> {
    list.split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(|w| (w, analyzer.analyze_word(w)))
        .collect()
}

/// The terms a word telling another sense is known by: as written
/// (lowercase) and its base forms; not a stem, which would say too much
/// ("här" of "härligt" is "here", "oper" of "operation" is "operate").
fn telling_terms(written: &str, a: &Analysis) -> HashSet<String> {
    std::iter::once(written.to_lowercase())
        .chain(a.of_kind(TermKind::BaseForm).map(str::to_owned))
        .collect()
}

/// The terms a rule's word, or a text's word, is known by: the word, its
/// base forms and stem.
fn own_terms(a: &Analysis) -> HashSet<&str> {
    a.terms
        .iter()
        .filter(|t| matches!(t.kind, TermKind::Word | TermKind::BaseForm | TermKind::Stem))
        .map(|t| t.text.as_str())
        .collect()
}

fn part_terms(a: &Analysis) -> HashSet<&str> {
    a.of_kind(TermKind::CompoundPart)
        .chain(a.compounds.iter().flatten().map(String::as_str))
        .collect()
}

/// The word as a word of its own: its forms, no parts, derivations,
/// n-grams or splits.
fn whole_only(a: &Analysis) -> Analysis {
    Analysis {
        terms: a
            .terms
            .iter()
            .filter(|t| matches!(t.kind, TermKind::Word | TermKind::BaseForm | TermKind::Stem))
            .cloned()
            .collect(),
        compounds: Vec::new(),
        splits: Vec::new(),
        ..a.clone()
    }
}
