//! Haku: the knowledge bank's search, with the expert network's Finnish
//! analysis (`experts::matching`): base forms, compounds, derivations,
//! typos; Swedish and English stems. Items are few (thousands, not the
//! network's 100 000 profiles), so they are matched in memory against the
//! published versions the database returns, each version's words analysed
//! once and kept: what is found is always what is stored, on any node.
//!
//! Query syntax is the expert search's (`experts::syntax`): words rank by
//! how many of them an item matches, `"quoted words"` stand together,
//! `-word` excludes, `OR` joins alternatives. Facet counts are
//! disjunctive: each facet counts what the other filters leave.

use super::store::Listed;
use crate::experts::matching::{self, MatchKind, Slot, TextWords, WordForms, keys, meet, needles};
use crate::experts::search::{TextAnalysis, TextLang};
use crate::experts::syntax::{self, QueryTerm};
use crate::taxonomy::store::PhenomenonRow;
use otalusta_domain::knowledge::{Evidence, Kind};
use otalusta_domain::region::Sector;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

/// Where in an item a word was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Title,
    Summary,
    /// Phenomena, method card, target group, organisation.
    Facts,
    Body,
}

impl Field {
    fn weight(self) -> f32 {
        match self {
            Field::Title => 3.0,
            Field::Summary => 2.0,
            Field::Facts => 1.5,
            Field::Body => 1.0,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Summary => "summary",
            Field::Facts => "facts",
            Field::Body => "body",
        }
    }
}

const LANGS: [(TextLang, &str); 3] = [
    (TextLang::Fi, "fi"),
    (TextLang::Sv, "sv"),
    (TextLang::En, "en"),
];

/// One version's words, per language and field.
struct Analysed {
    fields: Vec<(TextLang, Field, TextWords)>,
}

/// Analysed versions by (item, version); a new version is a new key.
pub struct Cache {
    recent: Mutex<lru::LruCache<(i64, i64), Arc<Analysed>>>,
}

impl Default for Cache {
    fn default() -> Self {
        Cache {
            recent: Mutex::new(lru::LruCache::new(
                std::num::NonZeroUsize::new(8192).expect("nonzero"),
            )),
        }
    }
}

/// The filters of the search page and the API.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub kind: Option<Kind>,
    pub phenomenon: Option<String>,
    pub age_band: Option<String>,
    pub sector: Option<Sector>,
    pub lang: Option<String>,
    pub evidence: Option<Evidence>,
}

/// The facets' dimensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Dim {
    Kind,
    Phenomenon,
    AgeBand,
    Sector,
    Lang,
    Evidence,
}

impl Dim {
    pub const ALL: [Dim; 6] = [
        Dim::Kind,
        Dim::Phenomenon,
        Dim::AgeBand,
        Dim::Sector,
        Dim::Lang,
        Dim::Evidence,
    ];

    /// The query parameter.
    pub fn param(self) -> &'static str {
        match self {
            Dim::Kind => "kind",
            Dim::Phenomenon => "phenomenon",
            Dim::AgeBand => "age",
            Dim::Sector => "sector",
            Dim::Lang => "language",
            Dim::Evidence => "evidence",
        }
    }
}

/// An item's values in each dimension.
fn values(l: &Listed, d: Dim) -> Vec<String> {
    let c = &l.content;
    match d {
        Dim::Kind => vec![l.item.kind.key().to_owned()],
        Dim::Phenomenon => c.phenomena.clone(),
        Dim::AgeBand => c.age_bands.clone(),
        Dim::Sector => c.sectors.iter().map(|s| s.as_str().to_owned()).collect(),
        Dim::Lang => c.languages().into_iter().map(str::to_owned).collect(),
        Dim::Evidence => c
            .method
            .iter()
            .map(|m| m.evidence.key().to_owned())
            .collect(),
    }
}

impl Filters {
    fn chosen(&self, d: Dim) -> Option<String> {
        match d {
            Dim::Kind => self.kind.map(|k| k.key().to_owned()),
            Dim::Phenomenon => self.phenomenon.clone(),
            Dim::AgeBand => self.age_band.clone(),
            Dim::Sector => self.sector.map(|s| s.as_str().to_owned()),
            Dim::Lang => self.lang.clone(),
            Dim::Evidence => self.evidence.map(|e| e.key().to_owned()),
        }
    }

    /// Whether `l` passes every filter but `except`'s.
    fn pass(&self, l: &Listed, except: Option<Dim>) -> bool {
        Dim::ALL
            .iter()
            .filter(|d| Some(**d) != except)
            .all(|d| match self.chosen(*d) {
                None => true,
                Some(v) => values(l, *d).contains(&v),
            })
    }

    pub fn is_empty(&self) -> bool {
        Dim::ALL.iter().all(|d| self.chosen(*d).is_none())
    }
}

/// Why an item matched: a query word, where, how.
#[derive(Debug, Clone, PartialEq)]
pub struct Why {
    pub term: String,
    pub field: Field,
    pub kind: MatchKind,
    /// The item's own word(s) it met.
    pub found: String,
}

/// One result.
pub struct Hit {
    pub listed: Listed,
    pub matched: usize,
    pub score: f32,
    pub why: Vec<Why>,
}

/// A search's outcome.
pub struct Outcome {
    pub hits: Vec<Hit>,
    /// Per dimension: value → count among what the other filters leave.
    pub facets: BTreeMap<Dim, BTreeMap<String, usize>>,
    pub notices: Vec<syntax::Notice>,
    /// Words left out as question or filler words ("kuka", "ja").
    pub ignored: Vec<String>,
    /// The query with typos corrected, when a correction found something.
    pub did_you_mean: Option<String>,
}

/// A query term in each language's analysis.
struct Term {
    shown: String,
    words: Vec<[WordForms; 3]>,
    needles: Vec<[Vec<String>; 3]>,
}

fn term(analysis: &TextAnalysis, t: &QueryTerm, typos: bool) -> Term {
    let words: Vec<[WordForms; 3]> = t
        .words()
        .iter()
        .map(|w| {
            LANGS.map(|(l, _)| {
                let a = analysis.analyzer(l);
                let analysed = a.analyze_word(w);
                let corrections = if typos && l == TextLang::Fi && !analysed.is_known() {
                    matching::corrections(a, w)
                        .into_iter()
                        .map(|c| {
                            let ca = a.analyze_word(&c);
                            (c, ca)
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                WordForms {
                    analysis: analysed,
                    corrections,
                }
            })
        })
        .collect();
    let needles = words
        .iter()
        .map(|f| [0, 1, 2].map(|i| needles(&f[i])))
        .collect();
    Term {
        shown: t.to_string(),
        words,
        needles,
    }
}

/// Whether a phrase's words stand together in `slots`, exactly.
fn phrase_meets(words: &[[WordForms; 3]], li: usize, slots: &[Slot]) -> Option<String> {
    let first = words.first()?;
    for (i, s) in slots.iter().enumerate() {
        let k0: Vec<&str> = keys(&first[li].analysis).collect();
        if !keys(&s.analysis).any(|k| k0.contains(&k)) {
            continue;
        }
        let together = words.iter().enumerate().skip(1).all(|(j, w)| {
            slots.get(i + j).is_some_and(|n| {
                n.position == s.position + j && {
                    let kj: Vec<&str> = keys(&w[li].analysis).collect();
                    keys(&n.analysis).any(|k| kj.contains(&k))
                }
            })
        });
        if together {
            let found: Vec<&str> = slots[i..i + words.len()]
                .iter()
                .map(|s| s.word.as_str())
                .collect();
            return Some(found.join(" "));
        }
    }
    None
}

/// How a term meets one field, if at all.
fn meets(t: &Term, li: usize, text: &TextWords) -> Option<(MatchKind, String)> {
    if t.words.len() == 1 {
        if !text.may_meet(&t.needles[0][li]) {
            return None;
        }
        return meet(&t.words[0][li], &text.slots);
    }
    if !t.needles.iter().all(|n| text.may_meet(&n[li])) {
        return None;
    }
    phrase_meets(&t.words, li, &text.slots).map(|f| (MatchKind::Exact, f))
}

/// The best way a term meets an item.
fn best(t: &Term, a: &Analysed) -> Option<Why> {
    let mut best: Option<(f32, Why)> = None;
    for (lang, field, text) in &a.fields {
        let li = *lang as usize;
        if let Some((kind, found)) = meets(t, li, text) {
            let w = kind.weight() * field.weight();
            if best.as_ref().is_none_or(|(b, _)| w > *b) {
                best = Some((
                    w,
                    Why {
                        term: t.shown.clone(),
                        field: *field,
                        kind,
                        found,
                    },
                ));
            }
        }
    }
    best.map(|(_, w)| w)
}

impl Cache {
    fn analysed(
        &self,
        analysis: &TextAnalysis,
        l: &Listed,
        taxonomy: &[PhenomenonRow],
    ) -> Arc<Analysed> {
        let key = (l.item.id, l.version);
        if let Some(a) = self.recent.lock().expect("cache lock").get(&key) {
            return a.clone();
        }
        let c = &l.content;
        let mut fields = Vec::new();
        for (lang, code) in LANGS {
            if let Some(t) = c.texts.get(code) {
                for (f, text) in [
                    (Field::Title, &t.title),
                    (Field::Summary, &t.summary),
                    (Field::Body, &t.body),
                ] {
                    if !text.is_empty() {
                        fields.push((lang, f, TextWords::new(analysis.slots(lang, text))));
                    }
                }
            }
            // What the item is about, in this language too: a Swedish
            // query finds a Finnish card on the same phenomenon.
            let mut facts: Vec<String> = taxonomy
                .iter()
                .filter(|p| c.phenomena.contains(&p.code))
                .flat_map(|p| [p.name(code).to_owned(), p.synonyms.clone()])
                .collect();
            if let Some(t) = c.texts.get(code) {
                facts.push(t.title.clone());
            }
            if let Some(m) = &c.method {
                facts.extend([
                    m.target_group.clone(),
                    m.aim.clone(),
                    m.availability.clone(),
                ]);
            }
            facts.extend(c.professions.iter().cloned());
            facts.push(c.organisation.clone());
            let text = facts.join(". ");
            fields.push((
                lang,
                Field::Facts,
                TextWords::new(analysis.slots(lang, &text)),
            ));
        }
        let a = Arc::new(Analysed { fields });
        self.recent.lock().expect("cache lock").put(key, a.clone());
        a
    }
}

/// Searches `items` (what the reader may see) for `query` under `filters`.
pub fn search(
    analysis: &TextAnalysis,
    cache: &Cache,
    items: Vec<Listed>,
    taxonomy: &[PhenomenonRow],
    query: &str,
    filters: &Filters,
) -> Outcome {
    let parsed = syntax::parse(query);
    let fi = analysis.analyzer(TextLang::Fi);
    let mut ignored = Vec::new();
    let several = parsed.clauses.len() > 1;
    let clauses: Vec<Vec<Term>> = parsed
        .clauses
        .iter()
        .filter(|c| {
            let stop = several
                && matches!(c.as_slice(), [QueryTerm::Word(w)] if matching::is_stop(w, &fi.analyze_word(w)));
            if stop {
                ignored.push(c[0].to_string());
            }
            !stop
        })
        .map(|c| c.iter().map(|t| term(analysis, t, true)).collect())
        .collect();
    let excluded: Vec<Term> = parsed
        .excluded
        .iter()
        .map(|t| term(analysis, t, false))
        .collect();
    let searching = !clauses.is_empty();
    let mut matched: Vec<Hit> = Vec::new();
    for l in items {
        let a = cache.analysed(analysis, &l, taxonomy);
        if excluded
            .iter()
            .any(|t| best(t, &a).is_some_and(|w| w.kind == MatchKind::Exact))
        {
            continue;
        }
        let why: Vec<Why> = clauses
            .iter()
            .filter_map(|alts| {
                alts.iter().filter_map(|t| best(t, &a)).max_by(|x, y| {
                    (x.kind.weight() * x.field.weight())
                        .total_cmp(&(y.kind.weight() * y.field.weight()))
                })
            })
            .collect();
        if searching && why.is_empty() {
            continue;
        }
        let score = why.iter().map(|w| w.kind.weight() * w.field.weight()).sum();
        matched.push(Hit {
            matched: why.len(),
            score,
            why,
            listed: l,
        });
    }
    let mut facets: BTreeMap<Dim, BTreeMap<String, usize>> = BTreeMap::new();
    for d in Dim::ALL {
        let counts = facets.entry(d).or_default();
        for h in matched.iter().filter(|h| filters.pass(&h.listed, Some(d))) {
            for v in values(&h.listed, d) {
                *counts.entry(v).or_default() += 1;
            }
        }
    }
    let mut hits: Vec<Hit> = matched
        .into_iter()
        .filter(|h| filters.pass(&h.listed, None))
        .collect();
    hits.sort_by(|a, b| {
        b.matched
            .cmp(&a.matched)
            .then(b.score.total_cmp(&a.score))
            .then(b.listed.item.published_at.cmp(&a.listed.item.published_at))
            .then(b.listed.item.id.cmp(&a.listed.item.id))
    });
    let did_you_mean = did_you_mean(&clauses, &hits);
    Outcome {
        hits,
        facets,
        notices: parsed.notices,
        ignored,
        did_you_mean,
    }
}

/// "Tarkoititko…": the query with each word that met only as a typo
/// written as corrected.
fn did_you_mean(clauses: &[Vec<Term>], hits: &[Hit]) -> Option<String> {
    let typo: Vec<&Why> = hits
        .iter()
        .flat_map(|h| &h.why)
        .filter(|w| w.kind == MatchKind::Typo)
        .collect();
    if typo.is_empty() {
        return None;
    }
    let words: Vec<String> = clauses
        .iter()
        .filter_map(|c| c.first())
        .map(|t| {
            // The correction that met, not Voikko's first: "koulukiusaminen"
            // is offered "koulukiusainen" before "koulukiusaaminen".
            let met: Vec<&str> = typo
                .iter()
                .filter(|w| w.term == t.shown)
                .map(|w| w.found.as_str())
                .collect();
            let fixed = t
                .words
                .first()
                .and_then(|w| {
                    let all = &w[0].corrections;
                    all.iter()
                        .find(|(_, a)| keys(a).any(|k| met.contains(&k)))
                        .or_else(|| all.first())
                })
                .map(|(c, _)| c.clone());
            let only_typo = typo.iter().any(|w| w.term == t.shown)
                && !hits
                    .iter()
                    .flat_map(|h| &h.why)
                    .any(|w| w.term == t.shown && w.kind != MatchKind::Typo);
            match fixed {
                Some(c) if only_typo => c,
                _ => t.shown.clone(),
            }
        })
        .collect();
    Some(words.join(" "))
}
