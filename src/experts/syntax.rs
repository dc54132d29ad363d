//! Hakukieli: what a search box query means, before any analysis.
//!
//! Plain words rank by how many of them a profile matches (none is
//! required); `"quoted words"` must stand together in that order (one
//! quoted word is searched exactly as written, in its base form); a word
//! or phrase after `-` excludes; `OR` between two terms makes them one
//! alternative. Limits are the user's to know: what was cut or ignored is
//! said in [`Notice`]s, never silently.

use otalusta_analysis::{MAX_WORD_CHARS, words};

/// Characters of a query read; the rest is ignored (and said so).
pub const MAX_QUERY_CHARS: usize = 300;
/// Terms of a query read; the rest are ignored (and said so).
pub const MAX_TERMS: usize = 16;

/// A query as written: terms to rank by, terms to exclude.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    /// Each clause counts once: a word, a phrase, or alternatives joined by `OR`.
    pub clauses: Vec<Vec<QueryTerm>>,
    /// `-word`, `-"a phrase"`.
    pub excluded: Vec<QueryTerm>,
    pub notices: Vec<Notice>,
}

/// One word or a quoted phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryTerm {
    Word(String),
    Phrase(Vec<String>),
}

impl QueryTerm {
    /// The words, in order.
    pub fn words(&self) -> &[String] {
        match self {
            QueryTerm::Word(w) => std::slice::from_ref(w),
            QueryTerm::Phrase(ws) => ws,
        }
    }
}

impl std::fmt::Display for QueryTerm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QueryTerm::Word(w) => f.write_str(w),
            QueryTerm::Phrase(ws) => write!(f, "\"{}\"", ws.join(" ")),
        }
    }
}

/// What the parser did that the user should know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The query was cut to this many characters.
    Shortened { chars: usize },
    /// Only the first `kept` terms were read.
    TooManyTerms { kept: usize },
    /// A word longer than any indexed word was ignored.
    WordTooLong { start: String },
    /// A `"` had no closing pair: the rest was read as a phrase.
    UnclosedQuote,
    /// `OR` or `-` without a term to act on was ignored.
    LoneOperator { operator: String },
    /// Only exclusions: nothing to look for.
    OnlyExclusions,
}

enum Token {
    Term { negated: bool, term: QueryTerm },
    Or,
}

/// Parses a query; never fails (whatever cannot be read becomes a notice).
pub fn parse(query: &str) -> ParsedQuery {
    let mut out = ParsedQuery::default();
    let mut text = query;
    if query.chars().count() > MAX_QUERY_CHARS {
        let cut = query
            .char_indices()
            .nth(MAX_QUERY_CHARS)
            .map_or(query.len(), |(i, _)| i);
        text = &query[..cut];
        out.notices.push(Notice::Shortened {
            chars: MAX_QUERY_CHARS,
        });
    }
    let tokens = tokenize(text, &mut out.notices);
    let mut pending_or = false;
    let mut count = 0;
    for token in tokens {
        match token {
            Token::Or => {
                if out.clauses.is_empty() || pending_or {
                    out.notices.push(Notice::LoneOperator {
                        operator: "OR".into(),
                    });
                } else {
                    pending_or = true;
                }
            }
            Token::Term { negated, term } => {
                if count == MAX_TERMS {
                    out.notices.push(Notice::TooManyTerms { kept: MAX_TERMS });
                    count += 1;
                    continue;
                } else if count > MAX_TERMS {
                    continue;
                }
                count += 1;
                if negated {
                    if pending_or {
                        out.notices.push(Notice::LoneOperator {
                            operator: "OR".into(),
                        });
                        pending_or = false;
                    }
                    out.excluded.push(term);
                } else if pending_or {
                    out.clauses
                        .last_mut()
                        .expect("a clause before OR")
                        .push(term);
                    pending_or = false;
                } else {
                    out.clauses.push(vec![term]);
                }
            }
        }
    }
    if pending_or {
        out.notices.push(Notice::LoneOperator {
            operator: "OR".into(),
        });
    }
    if out.clauses.is_empty() && !out.excluded.is_empty() {
        out.notices.push(Notice::OnlyExclusions);
    }
    out
}

/// The words of `text` that may be indexed; overlong ones become notices.
fn kept_words(text: &str, notices: &mut Vec<Notice>) -> Vec<String> {
    words(text)
        .filter_map(|w| {
            if w.text.chars().count() > MAX_WORD_CHARS {
                notices.push(Notice::WordTooLong {
                    start: w.text.chars().take(20).collect(),
                });
                None
            } else {
                Some(w.text)
            }
        })
        .collect()
}

fn tokenize(text: &str, notices: &mut Vec<Notice>) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let negated = rest.starts_with('-');
        let body = if negated { &rest[1..] } else { rest };
        if let Some(inner) = body.strip_prefix('"') {
            let (phrase, after) = match inner.find('"') {
                Some(end) => (&inner[..end], &inner[end + 1..]),
                None => {
                    notices.push(Notice::UnclosedQuote);
                    (inner, "")
                }
            };
            let ws = kept_words(phrase, notices);
            // One quoted word is a phrase of one: the word exactly, no
            // typo correction, derivation or phenomenon.
            if !ws.is_empty() {
                tokens.push(Token::Term {
                    negated,
                    term: QueryTerm::Phrase(ws),
                });
            }
            rest = after;
            continue;
        }
        let end = body.find(char::is_whitespace).unwrap_or(body.len());
        let chunk = &body[..end];
        rest = &body[end..];
        if chunk == "OR" && !negated {
            tokens.push(Token::Or);
            continue;
        }
        let ws = kept_words(chunk, notices);
        if ws.is_empty() {
            if negated && chunk.is_empty() {
                notices.push(Notice::LoneOperator {
                    operator: "-".into(),
                });
            }
            continue;
        }
        // A hyphenated chunk ("lastensuojelu-ilmoitus") is its words; a
        // leading `-` excludes them all.
        for w in ws {
            tokens.push(Token::Term {
                negated,
                term: QueryTerm::Word(w),
            });
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> QueryTerm {
        QueryTerm::Word(s.into())
    }

    #[test]
    fn words_phrases_exclusions_and_or() {
        let q = parse(r#"trauma "lähisuhde väkivalta" -päihteet nuoret OR lapset"#);
        assert_eq!(
            q.clauses,
            vec![
                vec![w("trauma")],
                vec![QueryTerm::Phrase(vec![
                    "lähisuhde".into(),
                    "väkivalta".into()
                ])],
                vec![w("nuoret"), w("lapset")],
            ]
        );
        assert_eq!(q.excluded, vec![w("päihteet")]);
        assert!(q.notices.is_empty());
        let q = parse(r#"-"koulu koti" koulukoti"#);
        assert_eq!(
            q.excluded,
            vec![QueryTerm::Phrase(vec!["koulu".into(), "koti".into()])]
        );
        assert_eq!(q.clauses, vec![vec![w("koulukoti")]]);
    }

    #[test]
    fn lowercase_or_and_inner_hyphens_are_words() {
        let q = parse("a or b lastensuojelu-ilmoitus");
        assert_eq!(q.clauses.len(), 5);
        assert!(q.excluded.is_empty());
    }

    #[test]
    fn limits_and_odd_input_are_said() {
        let long = "x".repeat(MAX_WORD_CHARS + 1);
        let q = parse(&format!("trauma {long}"));
        assert_eq!(q.clauses, vec![vec![w("trauma")]]);
        assert!(matches!(q.notices[0], Notice::WordTooLong { .. }));

        let many: Vec<String> = (0..MAX_TERMS + 4).map(|i| format!("sana{i}")).collect();
        let q = parse(&many.join(" "));
        assert_eq!(q.clauses.len(), MAX_TERMS);
        assert_eq!(q.notices, vec![Notice::TooManyTerms { kept: MAX_TERMS }]);

        let q = parse(&"ab ".repeat(MAX_QUERY_CHARS));
        assert!(q.notices.contains(&Notice::Shortened {
            chars: MAX_QUERY_CHARS
        }));

        let q = parse(r#"OR trauma OR "päihteet"#);
        assert!(q.notices.contains(&Notice::UnclosedQuote));
        assert!(q.notices.contains(&Notice::LoneOperator {
            operator: "OR".into()
        }));
        assert_eq!(
            q.clauses,
            vec![vec![
                w("trauma"),
                QueryTerm::Phrase(vec!["päihteet".into()])
            ]]
        );

        let q = parse("-trauma");
        assert!(q.clauses.is_empty());
        assert_eq!(q.notices, vec![Notice::OnlyExclusions]);
        assert_eq!(parse("  ").clauses.len(), 0);
        assert_eq!(parse(" - ").notices.len(), 1);
    }
}
