//! What the knowledge pages show of an item: names in the reader's
//! language, the method card's facts, the evidence rating with its meaning.

use super::store::Listed;
use crate::core::page::Page;
use crate::taxonomy::store::PhenomenonRow;
use otalusta_domain::knowledge::{Content, Evidence, Kind, to_be_checked};

/// `(value, label)` for selects and facets.
pub use crate::groups::routes::Choice;

pub fn kind_name(page: &Page, k: Kind) -> String {
    page.t(&format!("knowledge-kind-{}", k.key()))
}

pub fn evidence_name(page: &Page, e: Evidence) -> String {
    page.t(&format!("knowledge-evidence-{}", e.key()))
}

pub fn evidence_meaning(page: &Page, e: Evidence) -> String {
    page.t(&format!("knowledge-evidence-{}-meaning", e.key()))
}

pub fn phenomenon_names(page: &Page, taxonomy: &[PhenomenonRow], codes: &[String]) -> Vec<String> {
    codes
        .iter()
        .map(|c| {
            taxonomy
                .iter()
                .find(|p| &p.code == c)
                .map(|p| p.name(page.lang.code()).to_owned())
                .unwrap_or_else(|| c.clone())
        })
        .collect()
}

pub fn age_name(page: &Page, a: &str) -> String {
    page.ta("knowledge-age-band", "band", &a.replace('-', "–"))
}

pub fn lang_name(page: &Page, l: &str) -> String {
    page.t(&format!("knowledge-language-{l}"))
}

pub fn sector_name(page: &Page, s: &str) -> String {
    page.t(&format!("sector-{s}"))
}

/// A list row of an item.
pub struct Card {
    pub id: i64,
    pub title: String,
    pub summary: String,
    /// The language of the texts shown (may differ from the page's).
    pub lang: String,
    pub kind: String,
    pub evidence: Option<String>,
    pub phenomena: Vec<String>,
    pub to_be_checked: bool,
    pub state: String,
    pub version: i64,
    pub updated: String,
    pub why: Vec<String>,
}

/// The texts shown for a version: the reader's language, else Finnish.
pub fn shown_lang(c: &Content, lang: &str) -> String {
    let langs = c.languages();
    if langs.contains(&lang) {
        lang.to_owned()
    } else if langs.contains(&"fi") {
        "fi".into()
    } else {
        langs.first().copied().unwrap_or("fi").to_owned()
    }
}

pub fn card(page: &Page, l: &Listed, taxonomy: &[PhenomenonRow]) -> Card {
    let lang = shown_lang(&l.content, page.lang.code());
    let t = l.content.texts_in(&lang);
    Card {
        id: l.item.id,
        title: t.title.clone(),
        summary: t.summary.clone(),
        lang,
        kind: kind_name(page, l.item.kind),
        evidence: l
            .content
            .method
            .as_ref()
            .map(|m| evidence_name(page, m.evidence)),
        phenomena: phenomenon_names(page, taxonomy, &l.content.phenomena),
        to_be_checked: to_be_checked(l.item.review_by, super::today()),
        state: page.t(&format!("knowledge-state-{}", l.item.state.key())),
        version: l.version,
        updated: page.day(&l.item.updated_at),
        why: Vec::new(),
    }
}
