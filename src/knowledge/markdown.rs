//! An item's Markdown as safe HTML, with the glossary's terms linked.
//!
//! pulldown-cmark renders, ammonia sanitises (no scripts, no event-handler
//! attributes, no `javascript:` links, no styles): whatever an author
//! types, the page runs nothing of it. Terms of the glossary (käsitteet)
//! are found by their base forms, so "OT-tasolla" links to "OT-taso".

use crate::experts::matching::keys;
use otalusta_analysis::{Analyzer, breaks, words};
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use std::collections::HashSet;

/// A defined term: its words' match keys, where it is, what it means.
pub struct Term {
    pub id: i64,
    /// Each word's keys (base forms, the word itself).
    pub words: Vec<HashSet<String>>,
    pub definition: String,
}

/// The glossary as the renderer uses it.
#[derive(Default)]
pub struct Glossary {
    pub terms: Vec<Term>,
}

impl Glossary {
    /// Analyses each term's title (its words' keys) once.
    pub fn new(
        analyzer: &dyn Analyzer,
        terms: impl IntoIterator<Item = (i64, String, String)>,
    ) -> Glossary {
        let terms = terms
            .into_iter()
            .filter_map(|(id, title, definition)| {
                let words: Vec<HashSet<String>> = words(&title)
                    .map(|w| {
                        let a = analyzer.analyze_word(&w.text);
                        let mut k: HashSet<String> = keys(&a).map(str::to_owned).collect();
                        k.insert(w.text.to_lowercase());
                        k
                    })
                    .collect();
                (!words.is_empty()).then_some(Term {
                    id,
                    words,
                    definition,
                })
            })
            .collect::<Vec<_>>();
        Glossary { terms }
    }
}

/// Renders `markdown` to sanitised HTML; terms other than `self_id` link to
/// their glossary page, each once.
pub fn render(
    markdown: &str,
    glossary: &Glossary,
    analyzer: &dyn Analyzer,
    self_id: i64,
) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut in_link_or_code = 0usize;
    let mut linked: HashSet<i64> = HashSet::new();
    let events = Parser::new_ext(markdown, options).map(|e| match e {
        // The page's title is its one h1: the text's headings start at h2.
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => {
            in_link_or_code += 1;
            Event::Start(Tag::Heading {
                level: deeper(level),
                id,
                classes,
                attrs,
            })
        }
        Event::End(TagEnd::Heading(level)) => {
            in_link_or_code = in_link_or_code.saturating_sub(1);
            Event::End(TagEnd::Heading(deeper(level)))
        }
        Event::Start(t @ (Tag::Link { .. } | Tag::CodeBlock(_) | Tag::Image { .. })) => {
            in_link_or_code += 1;
            Event::Start(t)
        }
        Event::End(t @ (TagEnd::Link | TagEnd::CodeBlock | TagEnd::Image)) => {
            in_link_or_code = in_link_or_code.saturating_sub(1);
            Event::End(t)
        }
        Event::Text(text) if in_link_or_code == 0 && !glossary.terms.is_empty() => {
            match link_terms(&text, glossary, analyzer, self_id, &mut linked) {
                Some(html) => Event::InlineHtml(CowStr::from(html)),
                None => Event::Text(text),
            }
        }
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    sanitise(&out)
}

/// The sanitiser's settings: ammonia's safe defaults (http, https, mailto
/// links; `rel="noopener noreferrer"`), and a class on the term links.
pub fn sanitise(html: &str) -> String {
    ammonia::Builder::default()
        .add_tag_attributes("a", &["title"])
        .add_allowed_classes("a", &["term"])
        .clean(html)
        .to_string()
}

/// `text` with its terms linked, or `None` when it has none.
fn link_terms(
    text: &str,
    glossary: &Glossary,
    analyzer: &dyn Analyzer,
    self_id: i64,
    linked: &mut HashSet<i64>,
) -> Option<String> {
    let ws: Vec<_> = words(text).collect();
    let keys_of: Vec<HashSet<String>> = ws
        .iter()
        .map(|w| {
            let a = analyzer.analyze_word(&w.text);
            let mut k: HashSet<String> = keys(&a).map(str::to_owned).collect();
            k.insert(w.text.to_lowercase());
            k
        })
        .collect();
    let mut out = String::new();
    let mut at = 0usize; // byte offset written up to
    let mut i = 0usize;
    let mut any = false;
    while i < ws.len() {
        let hit = glossary.terms.iter().find(|t| {
            t.id != self_id
                && !linked.contains(&t.id)
                && i + t.words.len() <= ws.len()
                && t.words.iter().enumerate().all(|(j, keys)| {
                    !keys.is_disjoint(&keys_of[i + j])
                        && (j == 0 || !breaks(&text[ws[i + j - 1].end..ws[i + j].start]))
                })
        });
        if let Some(t) = hit {
            let (start, end) = (ws[i].start, ws[i + t.words.len() - 1].end);
            out.push_str(&escape(&text[at..start]));
            out.push_str(&format!(
                "<a class=\"term\" href=\"/knowledge/{}\" title=\"{}\">{}</a>",
                t.id,
                escape(&t.definition),
                escape(&text[start..end])
            ));
            at = end;
            linked.insert(t.id);
            any = true;
            i += t.words.len();
        } else {
            i += 1;
        }
    }
    any.then(|| {
        out.push_str(&escape(&text[at..]));
        out
    })
}

fn deeper(l: HeadingLevel) -> HeadingLevel {
    use HeadingLevel::*;
    match l {
        H1 => H2,
        H2 => H3,
        H3 => H4,
        H4 => H5,
        H5 | H6 => H6,
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    pulldown_cmark_escape::escape_html(&mut out, s).expect("writing to a String");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use otalusta_analysis::{Language, SnowballAnalyzer};

    fn en() -> SnowballAnalyzer {
        SnowballAnalyzer::new(Language::English)
    }

    #[test]
    fn hostile_markdown_renders_inert() {
        let a = en();
        let g = Glossary::default();
        let html = render(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[click](javascript:alert(3)) \
             <a href=\"jAvAsCrIpT:alert(4)\" onclick=\"alert(5)\">x</a> <iframe src=\"https://x\"></iframe>\
             <p style=\"background:url(javascript:alert(6))\">s</p>\n\n[ok](https://example.org)",
            &g,
            &a,
            0,
        );
        let lower = html.to_lowercase();
        for bad in [
            "<script",
            "onerror",
            "onclick",
            "javascript:",
            "<iframe",
            "style=",
        ] {
            assert!(!lower.contains(bad), "{bad} survived: {html}");
        }
        assert!(html.contains("href=\"https://example.org\""), "{html}");
        assert!(html.contains("rel=\"noopener noreferrer\""), "{html}");
    }

    #[test]
    fn headings_start_below_the_page_title_and_terms_link_once() {
        let a = en();
        let g = Glossary::new(
            &a,
            [(
                7,
                "OT level".to_owned(),
                "The most <demanding> level".to_owned(),
            )],
        );
        let html = render(
            "# Care\n\nAt the OT levels, and again the OT level.\n\n`OT level`",
            &g,
            &a,
            0,
        );
        assert!(html.contains("<h2>Care</h2>"), "{html}");
        assert_eq!(html.matches("class=\"term\"").count(), 1, "{html}");
        assert!(html.contains("href=\"/knowledge/7\""), "{html}");
        assert!(
            html.contains("title=\"The most &lt;demanding&gt; level\""),
            "{html}"
        );
        // The term's own page does not link to itself.
        let own = render("The OT level.", &g, &a, 7);
        assert!(!own.contains("class=\"term\""), "{own}");
    }
}
