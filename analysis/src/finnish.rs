//! The Finnish analyzer: Voikko base forms and compound parts, or the
//! Snowball stem plus character n-grams without Voikko.

use std::sync::Arc;

use tantivy::tokenizer::Language;

use crate::cache::Cache;
use crate::snowball::Stem;
use crate::voikko::{MorAnalysis, Voikko};
use crate::{Analysis, Analyzer, DERIVED_MARK, MAX_WORD_CHARS, Morphology, TermKind};

/// Words cached per generation (the cache holds up to twice this).
pub const DEFAULT_CACHE_CAPACITY: usize = 50_000;

/// Misspelt words whose suggestions are kept per generation.
const SUGGESTIONS_KEPT: usize = 4096;

/// Without Voikko, words of at least this many characters also get n-grams.
pub(crate) const NGRAM_MIN_WORD_CHARS: usize = 6;
/// The n-gram lengths of the fallback.
pub(crate) const NGRAM_SIZES: [usize; 2] = [4, 5];

/// Compound parts shorter than this are not indexed.
const MIN_PART_CHARS: usize = 2;

enum Morph {
    Voikko(Voikko),
    Fallback(String),
}

/// Finnish analysis; see the crate documentation. Cheap to share: put it
/// in an `Arc` and hand it to [`MorphTokenizer`](crate::MorphTokenizer)
/// and [`analyze_query`](crate::analyze_query).
pub struct FinnishAnalyzer {
    morph: Morph,
    cache: Cache<Analysis>,
    /// Voikko's suggestions for a word it does not know: a search for a
    /// misspelt word asks again with every page, and asking takes Voikko
    /// milliseconds.
    suggestions: Cache<Vec<String>>,
    stem: Stem,
}

impl std::fmt::Debug for FinnishAnalyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FinnishAnalyzer")
            .field("morphology", &self.status())
            .finish_non_exhaustive()
    }
}

impl FinnishAnalyzer {
    /// Uses Voikko if `libvoikko.so.1` and a Finnish dictionary can be
    /// loaded, else the fallback; logs which (info, or a warning).
    pub fn load() -> FinnishAnalyzer {
        let analyzer = match Voikko::load() {
            Ok(voikko) => FinnishAnalyzer::with_voikko(voikko),
            Err(e) => FinnishAnalyzer::fallback(e.to_string()),
        };
        match &analyzer.morph {
            Morph::Voikko(_) => {
                tracing::info!(morphology = %analyzer.status(), "Finnish search analysis")
            }
            Morph::Fallback(reason) => tracing::warn!(
                %reason,
                "Voikko is not available: Finnish search falls back to Snowball stems and \
                 character n-grams (install the Debian packages libvoikko1 and voikko-fi)"
            ),
        }
        analyzer
    }

    /// Uses this Voikko instance.
    pub fn with_voikko(voikko: Voikko) -> FinnishAnalyzer {
        FinnishAnalyzer::with_morph(Morph::Voikko(voikko))
    }

    /// Uses the fallback (Snowball stem and n-grams), saying why.
    pub fn fallback(reason: impl Into<String>) -> FinnishAnalyzer {
        FinnishAnalyzer::with_morph(Morph::Fallback(reason.into()))
    }

    fn with_morph(morph: Morph) -> FinnishAnalyzer {
        FinnishAnalyzer {
            morph,
            cache: Cache::new(DEFAULT_CACHE_CAPACITY),
            suggestions: Cache::new(SUGGESTIONS_KEPT),
            stem: Stem::new(Language::Finnish),
        }
    }

    /// Sets how many words' analyses are cached per generation; 0 turns
    /// off both caches (analyses and Voikko's suggestions), so a test sees
    /// Voikko answer every time.
    #[must_use]
    pub fn with_cache_capacity(mut self, capacity: usize) -> FinnishAnalyzer {
        self.cache = Cache::new(capacity);
        if capacity == 0 {
            self.suggestions = Cache::new(0);
        }
        self
    }

    /// The Voikko instance, if in use.
    pub fn voikko(&self) -> Option<&Voikko> {
        match &self.morph {
            Morph::Voikko(v) => Some(v),
            Morph::Fallback(_) => None,
        }
    }

    fn compute(&self, word: &str) -> Analysis {
        let mut a = Analysis::default();
        if word.chars().any(char::is_numeric) {
            // Numbers as written; "2024:ssä" → 2024.
            a.push(before_colon(word), TermKind::Word);
            return a;
        }
        match &self.morph {
            Morph::Voikko(voikko) => {
                let analyses = likely(word, voikko.analyze(word));
                let mut a = from_voikko(word, &analyses);
                if !a.terms.is_empty() {
                    for d in derivations(voikko, &analyses) {
                        a.push(format!("{DERIVED_MARK}{d}"), TermKind::Derived);
                    }
                    return a;
                }
                // Unknown to Voikko: "xyz:n" → xyz, else the word and its stem.
                match word.split_once(':') {
                    Some((prefix, _)) if !prefix.is_empty() => self.compute(prefix),
                    _ => self.word_and_stem(word),
                }
            }
            Morph::Fallback(_) => {
                let word = before_colon(word);
                let mut a = self.word_and_stem(word);
                ngrams(word, &mut a);
                a
            }
        }
    }

    fn word_and_stem(&self, word: &str) -> Analysis {
        let mut a = Analysis::default();
        a.push(word, TermKind::Word);
        a.push(self.stem.stem(word), TermKind::Stem);
        a
    }
}

impl Analyzer for FinnishAnalyzer {
    fn analyze_word(&self, word: &str) -> Arc<Analysis> {
        let lower = word.to_lowercase();
        if lower.is_empty() || lower.chars().count() > MAX_WORD_CHARS {
            return Arc::default();
        }
        if let Some(hit) = self.cache.get(&lower) {
            return hit;
        }
        let analysis = Arc::new(self.compute(&lower));
        self.cache.insert(lower, analysis.clone());
        analysis
    }

    fn suggest(&self, word: &str) -> Vec<String> {
        let Morph::Voikko(v) = &self.morph else {
            return Vec::new();
        };
        if let Some(kept) = self.suggestions.get(word) {
            return kept.as_ref().clone();
        }
        let made = v.suggest(word);
        self.suggestions
            .insert(word.to_owned(), Arc::new(made.clone()));
        made
    }

    fn status(&self) -> Morphology {
        match &self.morph {
            Morph::Voikko(v) => Morphology::Voikko {
                version: v.version().to_owned(),
                dictionary: v.dictionary().to_owned(),
            },
            Morph::Fallback(reason) => Morphology::Fallback {
                reason: reason.clone(),
            },
        }
    }
}

fn before_colon(word: &str) -> &str {
    match word.split_once(':') {
        Some((prefix, _)) if !prefix.is_empty() => prefix,
        _ => word,
    }
}

/// The character 4- and 5-grams of a word of at least 6 characters.
fn ngrams(word: &str, a: &mut Analysis) {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < NGRAM_MIN_WORD_CHARS {
        return;
    }
    for n in NGRAM_SIZES {
        for gram in chars.windows(n) {
            a.push(gram.iter().collect::<String>(), TermKind::NGram);
        }
    }
}

/// The terms of a word (lowercase) from its Voikko analyses: every
/// analysis' base form, then every compound reading's parts.
pub(crate) fn from_voikko(word: &str, analyses: &[MorAnalysis]) -> Analysis {
    let all_in = |cases: &[&str]| {
        !analyses.is_empty()
            && analyses
                .iter()
                .all(|m| m.case.as_deref().is_some_and(|c| cases.contains(&c)))
    };
    let mut a = Analysis {
        genitive: all_in(&["omanto"]),
        adverbial: all_in(&[
            "sisaolento",
            "sisaeronto",
            "sisatulento",
            "ulkoolento",
            "ulkoeronto",
            "ulkotulento",
            "olento",
        ]),
        nominal: !analyses.is_empty()
            && analyses.iter().all(|m| {
                matches!(
                    m.class.as_deref(),
                    Some("nimisana" | "laatusana" | "nimisana_laatusana")
                )
            }),
        nominative: all_in(&["nimento"]),
        finite: analyses.iter().any(|m| {
            matches!(m.class.as_deref(), Some("teonsana" | "kieltosana"))
                && matches!(
                    m.mood.as_deref(),
                    Some("indicative" | "conditional" | "imperative" | "potential")
                )
        }),
        conjunction: !analyses.is_empty()
            && analyses
                .iter()
                .all(|m| m.class.as_deref() == Some("sidesana")),
        ..Analysis::default()
    };
    let bases: Vec<Option<String>> = analyses
        .iter()
        .map(|m| m.baseform.as_deref().map(str::to_lowercase))
        .collect();
    for base in bases.iter().flatten() {
        a.push(base.as_str(), TermKind::BaseForm);
    }
    for (m, base) in analyses.iter().zip(&bases) {
        let (Some(base), Some(structure)) = (base, &m.structure) else {
            continue;
        };
        let parts = compound_parts(word, base, structure, m.wordbases.as_deref());
        if parts.len() < 2 {
            continue;
        }
        for split in compound_splits(base, structure, &parts) {
            if !a.splits.contains(&split) {
                a.splits.push(split);
            }
        }
        for part in &parts {
            a.push(part.as_str(), TermKind::CompoundPart);
        }
        if !a.compounds.contains(&parts) {
            a.compounds.push(parts);
        }
    }
    a
}

/// The analyses a reader most likely means: when the word is itself a base
/// form, only the readings with that base (psykoosi is not "your psycho",
/// erotilanne not "erotila + nne"), but a compound made up of the word as
/// written keeps a simple word's inflected form beside it ("oppilaita" is
/// oppilas's as well as "oppi + laita", "tunneilta" tunti's as well as
/// "tunne + ilta"), and a noun that is also another noun's inflected form
/// keeps that reading ("lasta" is lapsi's partitive as well as a splint,
/// "psykiatria" psykiatri's; a verb reading stays hidden: "tunne" is not
/// tuntea); else readings without a possessive suffix when there are any.
pub(crate) fn likely(word: &str, analyses: Vec<MorAnalysis>) -> Vec<MorAnalysis> {
    let is_word = |m: &MorAnalysis| {
        m.baseform
            .as_deref()
            .is_some_and(|b| b.to_lowercase() == word)
    };
    let plain = |m: &MorAnalysis| m.possessive.as_deref().is_none_or(str::is_empty);
    let simple = |m: &MorAnalysis| {
        m.structure
            .as_deref()
            .is_some_and(|s| s.matches('=').count() == 1)
    };
    if analyses.iter().any(is_word) {
        let only_compounds = analyses.iter().filter(|m| is_word(m)).all(|m| !simple(m));
        let inflected = |m: &MorAnalysis| !is_word(m) && plain(m) && simple(m);
        let noun = |m: &MorAnalysis| m.class.as_deref() == Some("nimisana");
        let nominative = |m: &MorAnalysis| m.case.as_deref() == Some("nimento");
        let word_is_noun = analyses
            .iter()
            .any(|m| is_word(m) && noun(m) && nominative(m) && simple(m));
        let inflected_noun = |m: &MorAnalysis| inflected(m) && noun(m) && !nominative(m);
        if word_is_noun && analyses.iter().any(inflected_noun) {
            return analyses
                .into_iter()
                .filter(|m| is_word(m) || inflected_noun(m))
                .collect();
        }
        if only_compounds && analyses.iter().any(inflected) {
            return analyses
                .into_iter()
                .filter(|m| is_word(m) || inflected(m))
                .collect();
        }
        return analyses.into_iter().filter(is_word).collect();
    }
    if analyses.iter().any(plain) && !analyses.iter().all(plain) {
        return analyses.into_iter().filter(plain).collect();
    }
    analyses
}

/// Derivational suffixes of base forms and what the word they derive from
/// ends in: traumaattinen → trauma, psykoottinen → psykoosi,
/// traumatisoida → trauma, neuropsykiatrinen → neuropsykiatria. A candidate
/// counts only if Voikko knows it as a base form.
const DERIVATION_RULES: &[(&str, &str)] = &[
    ("aattinen", "a"),
    ("oottinen", "oosi"),
    ("tisoida", ""),
    ("tisoitua", ""),
    ("isoida", ""),
    ("isoitua", ""),
    ("isuus", "inen"),
    ("inen", "ia"),
    ("inen", "a"),
    ("inen", "i"),
    ("inen", ""),
];

/// The words the analysed word's base forms derive from (up to two steps:
/// traumatisoitunut → traumatisoida → trauma), from Voikko's `WORDBASES`
/// (väki+valta+inen → väkivalta) and [`DERIVATION_RULES`].
fn derivations(voikko: &Voikko, analyses: &[MorAnalysis]) -> Vec<String> {
    let bases: Vec<String> = analyses
        .iter()
        .filter_map(|m| m.baseform.as_deref().map(str::to_lowercase))
        .collect();
    let is_base = |candidate: &str| {
        voikko.analyze(candidate).iter().any(|m| {
            m.baseform
                .as_deref()
                .is_some_and(|b| b.to_lowercase() == candidate)
        })
    };
    let mut out: Vec<String> = Vec::new();
    let add = |c: String, out: &mut Vec<String>| {
        if c.chars().count() >= 3 && !bases.contains(&c) && !out.contains(&c) && is_base(&c) {
            out.push(c);
        }
    };
    for m in analyses {
        if let Some(c) = m.wordbases.as_deref().and_then(derived_by_wordbases) {
            add(c, &mut out);
        }
    }
    let mut from: Vec<String> = bases.clone();
    for _ in 0..2 {
        from.extend(out.iter().cloned());
        for b in std::mem::take(&mut from) {
            for (suffix, replacement) in DERIVATION_RULES {
                if let Some(stem) = b.strip_suffix(suffix)
                    && stem.chars().count() >= 3
                {
                    add(format!("{stem}{replacement}"), &mut out);
                }
            }
        }
    }
    out
}

/// `+väki(väki)+valta(valta)+inen(+inen)` → väkivalta: the lexical parts
/// before a derivational suffix, the last one in its base form.
fn derived_by_wordbases(wordbases: &str) -> Option<String> {
    let segments = lenient_segments(wordbases);
    let last_lexical = segments
        .iter()
        .rposition(|(_, b)| b.as_deref().is_some_and(|b| !b.starts_with('+')))?;
    let derived_after = segments[last_lexical + 1..]
        .iter()
        .any(|(_, b)| b.as_deref().is_some_and(|b| b.starts_with('+')));
    if !derived_after {
        return None;
    }
    let mut out: String = segments[..last_lexical]
        .iter()
        .map(|(s, _)| s.as_str())
        .collect();
    out.push_str(&segments[last_lexical].1.as_deref()?.replace('=', ""));
    Some(out.to_lowercase())
}

/// `WORDBASES` as (surface, base) segments, also where a segment follows
/// a `)` without a `+` (`+traumatisoi(traumatisoida)tu(+tua)+n`).
fn lenient_segments(s: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_start_matches('+');
        if rest.is_empty() {
            break;
        }
        let end = rest.find(['+', '(']).unwrap_or(rest.len());
        let surface = rest[..end].to_owned();
        rest = &rest[end..];
        let mut base = None;
        if let Some(r) = rest.strip_prefix('(') {
            let Some(close) = r.find(')') else { break };
            base = Some(r[..close].to_owned());
            rest = &r[close + 1..];
        }
        if surface.is_empty() && base.is_none() {
            break;
        }
        out.push((surface, base));
    }
    out
}

/// Where each compound part after the first starts in the word, from
/// `STRUCTURE` (`=pppppp=ppppppppp` → `[6]`), and the word's length in it.
fn part_bounds(structure: &str) -> (Vec<usize>, usize) {
    let mut bounds = Vec::new();
    let mut n = 0;
    for c in structure.chars() {
        if c == '=' {
            if n > 0 {
                bounds.push(n);
            }
        } else {
            n += 1;
        }
    }
    (bounds, n)
}

/// A compound's base form split into two words at each part boundary:
/// the base forms the two words have when written apart. The first word
/// of a split after the first part is that part's base form (lasten →
/// lapsi); a longer first word keeps its parts as written
/// (mielenterveys|palvelu).
pub(crate) fn compound_splits(
    base: &str,
    structure: &str,
    parts: &[String],
) -> Vec<(String, String)> {
    let base: Vec<char> = base.chars().collect();
    let (bounds, _) = part_bounds(structure);
    let mut out = Vec::new();
    for (k, &b) in bounds.iter().enumerate() {
        if b >= base.len() {
            break;
        }
        let left = if k == 0 {
            parts.first().cloned().unwrap_or_default()
        } else {
            base[..b].iter().collect()
        };
        let right: String = base[b..].iter().collect();
        if left.chars().count() >= MIN_PART_CHARS && right.chars().count() >= MIN_PART_CHARS {
            out.push((left, right));
        }
    }
    out
}

/// A compound's parts in base form, or nothing for a simple word.
///
/// `STRUCTURE` marks where each compound part starts in the (inflected)
/// word with `=`: huoltoriidoissa `=pppppp=ppppppppp`. Only the last part
/// inflects, so the parts before it are the same in the word and in its
/// base form, and the base form's rest is the last part's base form:
/// huoltoriita → huolto | riita. A leading part in an inflected form gets
/// its base form from `WORDBASES` (`+lasten(lapsi)+suojel(suojella)+u(+u)`:
/// lasten → lapsi); `WORDBASES` alone cannot give the parts, since it also
/// splits off derivational suffixes (suojel + u, vaati + v + a).
pub(crate) fn compound_parts(
    word: &str,
    base: &str,
    structure: &str,
    wordbases: Option<&str>,
) -> Vec<String> {
    let (bounds, n) = part_bounds(structure);
    let word: Vec<char> = word.chars().collect();
    let base: Vec<char> = base.chars().collect();
    let Some(&last) = bounds.last() else {
        return Vec::new();
    };
    if n != word.len() || base.len() <= last || word[..last] != base[..last] {
        // Not the shape we understand (e.g. both parts inflected: uudenvuoden).
        return Vec::new();
    }
    let segments = parse_wordbases(wordbases.unwrap_or(""));
    let mut parts = Vec::with_capacity(bounds.len() + 1);
    let mut start = 0;
    for &end in &bounds {
        let surface: String = word[start..end].iter().collect();
        let part = segments
            .iter()
            .find(|(s, b)| s.to_lowercase() == surface && b.is_some_and(|b| !b.starts_with('+')))
            .and_then(|(_, b)| *b)
            .map_or(surface, |b| b.replace('=', "").to_lowercase());
        parts.push(part);
        start = end;
    }
    parts.push(base[last..].iter().collect());
    parts.retain(|p| p.chars().count() >= MIN_PART_CHARS);
    parts
}

/// `+lasten(lapsi)+suojel(suojella)+u(+u)` → `[("lasten", Some("lapsi")),
/// ("suojel", Some("suojella")), ("u", Some("+u"))]`; `+lähi` → `("lähi", None)`.
pub(crate) fn parse_wordbases(s: &str) -> Vec<(&str, Option<&str>)> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(r) = rest.strip_prefix('+') {
        let end = r.find(['+', '(']).unwrap_or(r.len());
        let surface = &r[..end];
        rest = &r[end..];
        let mut base = None;
        if let Some(r) = rest.strip_prefix('(') {
            let Some(close) = r.find(')') else { break };
            base = Some(&r[..close]);
            rest = &r[close + 1..];
        }
        out.push((surface, base));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(baseform: &str, structure: &str, wordbases: &str) -> MorAnalysis {
        MorAnalysis {
            baseform: Some(baseform.into()),
            structure: Some(structure.into()),
            wordbases: Some(wordbases.into()),
            class: Some("nimisana".into()),
            possessive: None,
            case: None,
            mood: None,
        }
    }

    fn terms(a: &Analysis, kind: TermKind) -> Vec<&str> {
        a.of_kind(kind).collect()
    }

    // These tests run without Voikko, on its output recorded from
    // libvoikko 4.3.1 with voikko-fi 2.5 (Debian 12).

    #[test]
    fn wordbases_parse() {
        assert_eq!(
            parse_wordbases("+lasten(lapsi)+suojel(suojella)+u(+u)"),
            [
                ("lasten", Some("lapsi")),
                ("suojel", Some("suojella")),
                ("u", Some("+u"))
            ]
        );
        assert_eq!(
            parse_wordbases("+lähi+suhde(suhde)"),
            [("lähi", None), ("suhde", Some("suhde"))]
        );
        assert_eq!(parse_wordbases("+vaati(vaatia)+v+a(+a)").len(), 3);
        assert_eq!(parse_wordbases("+2024"), [("2024", None)]);
        assert_eq!(parse_wordbases(""), []);
        assert_eq!(parse_wordbases("+broken(x"), []);
    }

    #[test]
    fn compounds_from_recorded_output() {
        let cases = [
            (
                "huoltoriidoissa",
                "huoltoriita",
                "=pppppp=ppppppppp",
                "+huolto(huolto)+riita(riita)",
                &["huolto", "riita"][..],
            ),
            (
                "lähisuhdeväkivallasta",
                "lähisuhdeväkivalta",
                "=pppp=ppppp=pppp=pppppppp",
                "+lähi+suhde(suhde)+väki(väki)+valta(valta)",
                &["lähi", "suhde", "väki", "valta"],
            ),
            (
                "sijaishuollossa",
                "sijaishuolto",
                "=pppppp=ppppppppp",
                "+sijais+huolto(huolto)",
                &["sijais", "huolto"],
            ),
            (
                "koulukodeissa",
                "koulukoti",
                "=ppppp=pppppppp",
                "+koulu(koulu)+koti(koti)",
                &["koulu", "koti"],
            ),
            (
                "lastensuojelun",
                "lastensuojelu",
                "=pppppp=pppppppp",
                "+lasten(lapsi)+suojel(suojella)+u(+u)",
                &["lapsi", "suojelu"],
            ),
            (
                "neuropsykiatrisia",
                "neuropsykiatrinen",
                "=ppppp=pppppppppppp",
                "+neuropsykiatr(neuro=psykiatri)+inen(+inen)",
                &["neuro", "psykiatrinen"],
            ),
            (
                "mielenterveyspalvelut",
                "mielenterveyspalvelu",
                "=pppppp=ppppppp=pppppppp",
                "+mielen(mieli)+terve(terve)+ys(+ys)+palvel(palvella)+u(+u)",
                &["mieli", "terveys", "palvelu"],
            ),
        ];
        for (word, base, structure, wordbases, parts) in cases {
            assert_eq!(
                compound_parts(word, base, structure, Some(wordbases)),
                parts,
                "{word}"
            );
        }
    }

    #[test]
    fn simple_words_have_no_parts() {
        assert!(
            compound_parts("päihteitä", "päihde", "=ppppppppp", Some("+päihde(päihde)")).is_empty()
        );
        // A derivation is not a compound: vaativa = vaati + v + a.
        assert!(
            compound_parts(
                "vaativat",
                "vaativa",
                "=pppppppp",
                Some("+vaati(vaatia)+v+a(+a)")
            )
            .is_empty()
        );
        // A shape we do not understand gives no parts rather than wrong ones.
        assert!(compound_parts("uudenvuoden", "uusivuosi", "=ppppp=pppppp", None).is_empty());
        assert!(compound_parts("abc", "abc", "=pp=pppp", None).is_empty());
    }

    #[test]
    fn all_base_forms_then_parts_deduplicated() {
        let a = from_voikko(
            "kuusi",
            &[
                m("kuu", "=ppppp", "+kuu(kuu)"),
                m("kuusi", "=ppppp", "+kuusi(kuusi)"),
                m("kuusi", "=ppppp", "+kuusi(kuusi)"),
            ],
        );
        assert_eq!(terms(&a, TermKind::BaseForm), ["kuu", "kuusi"]);
        assert!(a.compounds.is_empty());

        let a = from_voikko(
            "lastensuojelulaki",
            &[
                m(
                    "lastensuojelulaki",
                    "=pppppp=ppppppp=pppp",
                    "+lasten(lapsi)+suojel(suojella)+u(+u)+laki(laki)",
                ),
                m(
                    "lastensuojelulaki",
                    "=pppppp=ppppppp=pppp",
                    "+lasten(lapsi)+suojel(suojella)+u(+u)+laki(laki)",
                ),
            ],
        );
        assert_eq!(
            a.texts().collect::<Vec<_>>(),
            ["lastensuojelulaki", "lapsi", "suojelu", "laki"]
        );
        assert_eq!(a.compounds, [["lapsi", "suojelu", "laki"]]);

        let a = from_voikko(
            "helsingissä",
            &[m("Helsinki", "=ipppppppppp", "+Helsinki(Helsinki)")],
        );
        assert_eq!(a.texts().collect::<Vec<_>>(), ["helsinki"]);
    }

    #[test]
    fn fallback_keeps_word_stem_and_ngrams() {
        let f = FinnishAnalyzer::fallback("test");
        let a = f.analyze_word("Huoltoriita");
        assert_eq!(terms(&a, TermKind::Word), ["huoltoriita"]);
        assert_eq!(terms(&a, TermKind::Stem), ["huoltor"]);
        assert_eq!(
            terms(&a, TermKind::NGram),
            [
                "huol", "uolt", "olto", "ltor", "tori", "orii", "riit", "iita", "huolt", "uolto",
                "oltor", "ltori", "torii", "oriit", "riita"
            ]
        );
        // Short words: no n-grams; numbers as written.
        assert_eq!(
            f.analyze_word("erot").texts().collect::<Vec<_>>(),
            ["erot", "ero"]
        );
        assert_eq!(
            f.analyze_word("2024:ssä").texts().collect::<Vec<_>>(),
            ["2024"]
        );
        assert_eq!(
            f.analyze_word("ADHD:n").texts().collect::<Vec<_>>(),
            ["adhd"]
        );
        assert!(f.analyze_word("").terms.is_empty());
        assert!(
            f.analyze_word(&"a".repeat(MAX_WORD_CHARS + 1))
                .terms
                .is_empty()
        );
        assert_eq!(f.status().name(), "fallback");
    }

    #[test]
    fn fallback_shares_ngrams_between_forms() {
        let f = FinnishAnalyzer::fallback("test");
        for (inflected, base) in [
            ("huoltoriidoissa", "huoltoriita"),
            ("lähisuhdeväkivallasta", "lähisuhdeväkivalta"),
            ("sijaishuollossa", "sijaishuolto"),
            ("koulukodeissa", "koulukoti"),
        ] {
            let (q, d) = (f.analyze_word(inflected), f.analyze_word(base));
            let shared = q.of_kind(TermKind::NGram).filter(|g| d.contains(g)).count();
            assert!(shared >= 5, "{inflected} and {base} share {shared} n-grams");
        }
    }

    #[test]
    fn cache_returns_the_same_analysis() {
        let f = FinnishAnalyzer::fallback("test");
        let a = f.analyze_word("Huoltoriita");
        let b = f.analyze_word("HUOLTORIITA");
        assert!(Arc::ptr_eq(&a, &b), "cached per lowercase word");
        let f = FinnishAnalyzer::fallback("test").with_cache_capacity(0);
        assert!(!Arc::ptr_eq(&f.analyze_word("x"), &f.analyze_word("x")));
    }

    #[test]
    fn capacity_zero_keeps_no_suggestions_either() {
        let voikko = || crate::Voikko::load().expect("this test needs Voikko (voikko-fi)");
        let kept = FinnishAnalyzer::with_voikko(voikko());
        let _ = kept.suggest("paihteet");
        assert_eq!(kept.suggestions.len(), 1);
        let off = FinnishAnalyzer::with_voikko(voikko()).with_cache_capacity(0);
        assert!(off.suggest("paihteet").iter().any(|s| s == "päihteet"));
        assert_eq!(off.suggestions.len(), 0, "capacity 0 turns off both caches");
    }
}
