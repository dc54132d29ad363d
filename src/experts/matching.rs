//! Osuvuus: how a query word may meet a text, shared by the index query
//! (what matches and how much it weighs) and the explanation of each hit
//! (which way it met). Plain data and functions over analyses, no I/O.
//!
//! A word meets a text, best first: in one of its base forms (or as
//! written, or stemmed); as a compound whose parts stand in one word or in
//! two adjacent words ("ilmoitus lastensuojeluun" for
//! lastensuojeluilmoitus — never parts scattered over a field); through a
//! derivation (trauma ↔ traumaattinen); through a phenomenon of the
//! taxonomy the text is about, recognised from its names and synonyms in
//! fi/sv/en (skilsmässa → a Finnish text on "eroriidat"); corrected for a
//! typo (paihteet → päihteet).

use otalusta_analysis::{
    Analysis, Analyzer, DERIVED_MARK, OtherSenses, TermKind, breaks, is_stop_word, words,
};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// How a query word met a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// A base form, the word as written or its stem.
    Exact,
    /// A compound's parts in one word or two adjacent words.
    Compound,
    /// A word derived from the same base.
    Derived,
    /// A phenomenon the text is about.
    Concept,
    /// The word corrected for a typo.
    Typo,
}

impl MatchKind {
    /// The weight of a match of this kind, relative to an exact one.
    pub fn weight(self) -> f32 {
        match self {
            MatchKind::Exact => 1.0,
            MatchKind::Compound => 0.8,
            MatchKind::Concept => 0.6,
            MatchKind::Derived => 0.5,
            MatchKind::Typo => 0.4,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Compound => "compound",
            MatchKind::Derived => "derived",
            MatchKind::Concept => "concept",
            MatchKind::Typo => "typo",
        }
    }
}

/// The terms a word (of a text or a query) stands for when matching:
/// base forms, the word, its stem, and the bases it derives from.
pub fn keys(a: &Analysis) -> impl Iterator<Item = &str> {
    a.terms
        .iter()
        .filter(|t| matches!(t.kind, TermKind::Word | TermKind::BaseForm | TermKind::Stem))
        .map(|t| t.text.as_str())
}

/// One word of a text at its index position (the tokenizer's: one per
/// word, two across a sentence or list break).
#[derive(Debug, Clone)]
pub struct Slot {
    pub position: usize,
    pub word: String,
    pub analysis: Arc<Analysis>,
}

/// Whether the text's word `i` is a genitive that modifies the word after
/// it (`otalusta_analysis::modifies_next`, as the index reads it).
fn modifies_next(slots: &[Slot], i: usize) -> bool {
    let next = slots
        .get(i + 1)
        .filter(|n| n.position == slots[i].position + 1)
        .map(|n| n.analysis.as_ref());
    otalusta_analysis::modifies_next(&slots[i].analysis, next)
}

/// A text's words as the index saw them, with no rules of other senses.
#[cfg(test)]
pub fn slots(analyzer: &dyn Analyzer, text: &str) -> Vec<Slot> {
    slots_in_sense(analyzer, &OtherSenses::default(), text)
}

/// A text's words as the index saw them, those used in another sense
/// ([`OtherSenses`]) read as the index read them.
pub fn slots_in_sense(analyzer: &dyn Analyzer, senses: &OtherSenses, text: &str) -> Vec<Slot> {
    let all = senses.read(analyzer, text);
    let mut out: Vec<Slot> = Vec::new();
    let mut last_end = None;
    let mut position = 0;
    for (w, analysis) in all {
        if let Some(end) = last_end {
            position += 1 + usize::from(breaks(&text[end..w.start]));
        }
        last_end = Some(w.end);
        out.push(Slot {
            position,
            analysis,
            word: w.text,
        });
    }
    out
}

/// A text's words, with every term they hold: a query word none of whose
/// [`needles`] is among them cannot meet the text, and most words of most
/// texts do not (checked before [`meet`] walks the words).
pub struct TextWords {
    pub slots: Vec<Slot>,
    terms: HashSet<String>,
}

impl TextWords {
    pub fn new(slots: Vec<Slot>) -> TextWords {
        let terms = slots
            .iter()
            .flat_map(|s| s.analysis.texts().map(str::to_owned))
            .collect();
        TextWords { slots, terms }
    }

    pub fn may_meet(&self, needles: &[String]) -> bool {
        needles.iter().any(|n| self.terms.contains(n))
    }
}

/// The terms [`meet`] looks for: a text holding none of them is not met.
pub fn needles(forms: &WordForms) -> Vec<String> {
    let a = &forms.analysis;
    let mut out: Vec<String> = keys(a)
        .chain(a.compounds.iter().flatten().map(String::as_str))
        .chain(a.splits.iter().flat_map(|(l, r)| [l.as_str(), r.as_str()]))
        .chain(a.derived_from())
        .chain(a.of_kind(TermKind::NGram))
        .map(str::to_owned)
        .collect();
    out.extend(
        a.of_kind(TermKind::BaseForm)
            .chain(a.derived_from())
            .map(|b| format!("{DERIVED_MARK}{b}")),
    );
    for (_, c) in &forms.corrections {
        out.extend(needles(&WordForms {
            analysis: c.clone(),
            corrections: Vec::new(),
        }));
    }
    out.sort();
    out.dedup();
    out
}

/// A query word in one language's analysis, with what it may meet as.
#[derive(Debug, Clone)]
pub struct WordForms {
    pub analysis: Arc<Analysis>,
    /// Spelling corrections (Finnish only), analysed.
    pub corrections: Vec<(String, Arc<Analysis>)>,
}

/// How `forms` meets the text `slots`, best kind first, with what it met:
/// the shared base form of an exact match ("huoltoriita"), else the text's
/// own word or words ("ilmoitus lastensuojeluun", "traumaattisia").
pub fn meet(forms: &WordForms, slots: &[Slot]) -> Option<(MatchKind, String)> {
    let a = &forms.analysis;
    // A handful of forms: a list is quicker than hashing them.
    let exact: Vec<&str> = keys(a).collect();
    // Exactly: the base form both share ("huoltoriidoissa → huoltoriita").
    for s in slots {
        if let Some(k) = keys(&s.analysis).find(|k| exact.contains(k)) {
            return Some((MatchKind::Exact, k.to_owned()));
        }
    }
    // The word is a part of the text's compound ("koti" in "koulukodissa").
    for s in slots {
        if s.analysis
            .of_kind(TermKind::CompoundPart)
            .any(|p| exact.contains(&p))
        {
            return Some((MatchKind::Compound, s.word.to_lowercase()));
        }
    }
    // The compound's parts next to each other in one word
    // ("lähisuhdeväkivallasta" for "väkivalta").
    for parts in &a.compounds {
        for s in slots {
            if s.analysis.has_parts(parts) {
                return Some((MatchKind::Compound, s.word.to_lowercase()));
            }
        }
    }
    // Compound written as two adjacent words, either order (the other way
    // round only when its first part does not modify the word after it,
    // as the index).
    for (i, w) in slots.windows(2).enumerate() {
        if w[1].position != w[0].position + 1 {
            continue;
        }
        for (l, r) in &a.splits {
            let is = |s: &Slot, k: &str| s.analysis.pair_keys().any(|x| x == k);
            let (x, y) = (&w[0], &w[1]);
            if (is(x, l) && is(y, r)) || (is(x, r) && is(y, l) && !modifies_next(slots, i + 1)) {
                return Some((
                    MatchKind::Compound,
                    format!("{} {}", w[0].word, w[1].word).to_lowercase(),
                ));
            }
        }
    }
    // Derivations: the text derives from the word's base, or both derive
    // from one base.
    let marks: Vec<String> = a
        .of_kind(TermKind::BaseForm)
        .map(|b| format!("{DERIVED_MARK}{b}"))
        .chain(a.derived_from().map(|d| format!("{DERIVED_MARK}{d}")))
        .collect();
    let from: Vec<&str> = a.derived_from().collect();
    for s in slots {
        if marks.iter().any(|m| s.analysis.contains(m))
            || from.iter().any(|d| s.analysis.contains(d))
        {
            return Some((MatchKind::Derived, s.word.to_lowercase()));
        }
    }
    // N-grams (Finnish without Voikko).
    let grams: Vec<&str> = a.of_kind(TermKind::NGram).collect();
    if !grams.is_empty() {
        let needed = (grams.len() as f32 * otalusta_analysis::NGRAM_MIN_SHARE).ceil() as usize;
        for s in slots {
            if grams.iter().filter(|g| s.analysis.contains(g)).count() >= needed.max(1) {
                return Some((MatchKind::Exact, s.word.to_lowercase()));
            }
        }
    }
    // A correction meets the text as the corrected word would.
    forms.corrections.iter().find_map(|(_, c)| {
        let corrected = WordForms {
            analysis: c.clone(),
            corrections: Vec::new(),
        };
        meet(&corrected, slots).map(|(_, found)| (MatchKind::Typo, found))
    })
}

/// Whether a query word is only there to make it a question or a
/// sentence ("kuka osaa auttaa", "ja"): as written or in every base form.
pub fn is_stop(word: &str, fi: &Analysis) -> bool {
    let lower = word.to_lowercase();
    if is_stop_word(&lower) {
        return true;
    }
    let mut bases = fi.of_kind(TermKind::BaseForm).peekable();
    bases.peek().is_some() && bases.all(is_stop_word)
}

/// Spelling corrections worth searching for: Voikko's suggestions that
/// differ from the word by one edit, not counting missing dots
/// (lahisuhdevakivalta → lähisuhdeväkivalta), single words only. All of
/// them: the caller keeps those it can use (Voikko may rank a word no text
/// has first: "koulukiusaminen" → "koulukiusainen" before
/// "koulukiusaaminen").
pub fn corrections(analyzer: &dyn Analyzer, word: &str) -> Vec<String> {
    let lower = word.to_lowercase();
    if lower.chars().count() < 5 || lower.chars().any(|c| !c.is_alphabetic()) {
        return Vec::new();
    }
    let folded = fold(&lower);
    let mut near: Vec<(usize, String)> = analyzer
        .suggest(&lower)
        .into_iter()
        .map(|s| s.to_lowercase())
        .filter(|s| s.chars().all(char::is_alphabetic))
        .map(|s| (edit_distance(&folded, &fold(&s)), s))
        .filter(|(d, _)| *d <= 1)
        .collect();
    // Only dots missing (syomishairiot → syömishäiriöt) before a letter
    // changed (suomishäiriöt), Voikko's order otherwise.
    near.sort_by_key(|(d, _)| *d);
    near.into_iter().map(|(_, s)| s).collect()
}

/// The word with one letter doubled or one double letter made single: the
/// commonest Finnish slip (itsemurhavara → itsemurhavaara, peliriipuvuus →
/// peliriippuvuus), which Voikko may accept as another word and so never
/// suggest a correction for.
pub fn length_variants(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.to_lowercase().chars().collect();
    let mut out = Vec::new();
    for i in 0..chars.len() {
        if !chars[i].is_alphabetic() {
            continue;
        }
        let mut doubled = chars.clone();
        doubled.insert(i, chars[i]);
        out.push(doubled.into_iter().collect());
        if i + 1 < chars.len() && chars[i] == chars[i + 1] {
            let mut single = chars.clone();
            single.remove(i);
            out.push(single.into_iter().collect());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Lowercase without the dots and ring of ä, ö, å.
pub fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'ä' | 'å' => 'a',
            'ö' => 'o',
            c => c,
        })
        .collect()
}

/// Optimal string alignment distance (insert, delete, substitute, swap
/// neighbours).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// One way of naming a phenomenon: its name or a synonym, analysed in one
/// language, word by word.
#[derive(Debug, Clone)]
struct Pattern {
    code: String,
    /// A one-word name of the thesaurus: also met as a run of a text
    /// word's compound parts ("päihde" in "päihdetyöhön").
    in_compounds: bool,
    /// The language index of the texts it is looked for in.
    lang: usize,
    /// As written in the taxonomy, for the explanation.
    label: String,
    /// Per word, the keys any of which a text word must have.
    slots: Vec<HashSet<String>>,
    /// Its last word tells where the word before it is, as a compound's
    /// first part would: a compound written apart the other way round, or
    /// a name such as "väkivalta perheessä". A text's genitive there is not
    /// it: the genitive modifies the word after it ("väkivalta perheen
    /// kunnian vuoksi").
    reversed: bool,
}

/// A phenomenon recognised in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recognised {
    pub code: String,
    pub label: String,
    /// The words of the text it spans (indexes into its words).
    pub first: usize,
    pub last: usize,
    /// Said in words apart (`thesaurus::APART`), each of which also stands
    /// for itself.
    pub apart: bool,
    /// Named as the broader thing of what the words name
    /// (`thesaurus::BROADER`): a text's, not a query's.
    pub implied: bool,
    /// Named by a part of a compound only ("lastensuojelu" of
    /// "lastensuojeluilmoitus"), not by the whole word.
    pub in_part: bool,
}

/// Käsitteet: the taxonomy's names and synonyms as patterns, recognised in
/// any text in the language it is analysed in.
#[derive(Debug, Default)]
pub struct Concepts {
    patterns: Vec<Pattern>,
    /// (language, key) → the patterns whose first word has that key.
    by_first: HashMap<(usize, String), Vec<usize>>,
    apart: Vec<Apart>,
    /// Code → the codes of broader things it names too.
    broader: HashMap<String, Vec<String>>,
}

/// A thing said in words that stand apart (see `thesaurus::APART`): one of
/// each group within [`Apart::reach`] places of one clause (a comma or a
/// full stop counts as a place), in any order.
#[derive(Debug, Clone)]
struct Apart {
    code: String,
    /// Per group: the codes of things recognised by their names, and per
    /// language the keys of its words.
    groups: Vec<(Vec<String>, [HashSet<String>; 3])>,
    /// The most places from its first word to its last.
    reach: usize,
}

/// One of an [`Apart`] group's alternatives as written: a thing named
/// elsewhere (`@code`) or a word.
pub enum ApartWord {
    /// The code of a thing recognised by its names.
    Named(String),
    Word(String),
}

/// A word's keys for recognition: its base forms (stem, as written) and
/// the bases it derives from, so "traumaattisia" names "trauma".
pub fn recognition_keys(a: &Analysis) -> impl Iterator<Item = &str> {
    keys(a).chain(a.derived_from())
}

/// The shortest run of compound parts that may name a thing on its own.
const MIN_PART_RUN: usize = 4;

/// What a compound word is made of, as words that could stand alone: each
/// run of adjacent parts short of the whole word ("pakolainen" and "perhe"
/// of pakolaisperhe; "huoltoriita", "riita", "riitatilanne" … of
/// huoltoriitatilanne) and each side of its two-word splits (which keep a
/// first part's own base form: "lastensuojelu" of lastensuojeluilmoitus).
/// A compound is a kind of its last part and about its first ones, so a
/// specific word among them names what the compound is about.
fn part_runs(a: &Analysis) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for parts in &a.compounds {
        let n = parts.len();
        for i in 0..n {
            for j in i + 1..=n {
                if i == 0 && j == n {
                    continue;
                }
                out.push(parts[i..j].concat());
            }
        }
    }
    out.extend(a.splits.iter().flat_map(|(l, r)| [l.clone(), r.clone()]));
    out.retain(|k| k.chars().count() >= MIN_PART_RUN);
    out.sort_unstable();
    out.dedup();
    out
}

impl Concepts {
    /// `names`: (code, text, language index) for every name and synonym;
    /// `analyzers` by language index. One-word names of codes that start
    /// with `in_compounds` are also met inside compounds (the thesaurus's
    /// specific words; the taxonomy's names include broad ones, e.g.
    /// "väkivalta", that would make every compound of them its phenomenon).
    pub fn build(
        names: &[(String, String, usize)],
        analyzers: &[&dyn Analyzer],
        in_compounds: &str,
    ) -> Concepts {
        let mut c = Concepts::default();
        for (code, text, lang) in names {
            let analyzer = analyzers[*lang];
            let analysed: Vec<Arc<Analysis>> = words(text)
                .map(|w| analyzer.analyze_word(&w.text))
                .collect();
            if analysed.is_empty() {
                continue;
            }
            let mut variants: Vec<(Vec<HashSet<String>>, bool)> = vec![(
                analysed
                    .iter()
                    .map(|a| keys(a).map(str::to_owned).collect())
                    .collect(),
                false,
            )];
            // A one-word compound also when written apart, either order.
            if let [one] = analysed.as_slice() {
                for (l, r) in &one.splits {
                    let set = |s: &String| HashSet::from([s.clone()]);
                    variants.push((vec![set(l), set(r)], false));
                    variants.push((vec![set(r), set(l)], true));
                }
            }
            if let [.., last] = analysed.as_slice()
                && analysed.len() > 1
                && last.adverbial
            {
                variants[0].1 = true;
            }
            let one_word = analysed.len() == 1;
            for (slots, reversed) in variants {
                if slots.iter().any(HashSet::is_empty) {
                    continue;
                }
                let in_compounds = one_word && slots.len() == 1 && code.starts_with(in_compounds);
                let id = c.patterns.len();
                for k in &slots[0] {
                    c.by_first.entry((*lang, k.clone())).or_default().push(id);
                }
                c.patterns.push(Pattern {
                    code: code.clone(),
                    in_compounds,
                    lang: *lang,
                    label: text.trim().to_owned(),
                    slots,
                    reversed,
                });
            }
        }
        c
    }

    /// Adds things said apart: `code`, and per group its alternatives, a
    /// thing recognised by its names or a word (any language, as entries
    /// of the rings are); met within `reach` places.
    pub fn add_apart(
        &mut self,
        code: &str,
        groups: &[Vec<ApartWord>],
        analyzers: &[&dyn Analyzer],
        reach: usize,
    ) {
        let groups = groups
            .iter()
            .map(|alts| {
                let mut named = Vec::new();
                let mut words: [HashSet<String>; 3] = Default::default();
                for alt in alts {
                    match alt {
                        ApartWord::Named(c) => named.push(c.clone()),
                        ApartWord::Word(w) => {
                            for (lang, a) in analyzers.iter().enumerate() {
                                // A base form as written is that word only
                                // ("vanhempi", not the comparative of vanha).
                                let analysed = a.analyze_word(w);
                                let all: HashSet<String> =
                                    keys(&analysed).map(str::to_owned).collect();
                                let own = w.to_lowercase();
                                if all.contains(&own) {
                                    words[lang].insert(own);
                                } else {
                                    words[lang].extend(all);
                                }
                            }
                        }
                    }
                }
                (named, words)
            })
            .collect();
        self.apart.push(Apart {
            code: code.to_owned(),
            groups,
            reach,
        });
    }

    /// Where a text names `narrow`, it names `broad` too.
    pub fn add_broader(&mut self, narrow: &str, broad: &str) {
        self.broader
            .entry(narrow.to_owned())
            .or_default()
            .push(broad.to_owned());
    }

    /// Whether `broad` is up the chain of what `narrow` names (not itself).
    /// Whether the thing `apart` said in words apart is made of `code`'s
    /// names (`@code`: "vanhemman psykoosisairaus" of a parent's mental
    /// health).
    pub fn apart_names(&self, apart: &str, code: &str) -> bool {
        self.apart.iter().filter(|a| a.code == apart).any(|a| {
            a.groups
                .iter()
                .any(|(codes, _)| codes.iter().any(|c| c == code))
        })
    }

    pub fn is_broader(&self, narrow: &str, broad: &str) -> bool {
        let mut chain = vec![narrow];
        let mut i = 0;
        while let Some(code) = chain.get(i) {
            for b in self.broader.get(*code).into_iter().flatten() {
                if b == broad {
                    return true;
                }
                if !chain.contains(&b.as_str()) {
                    chain.push(b);
                }
            }
            i += 1;
        }
        false
    }

    /// The patterns naming `code`: each one's language index and, per
    /// word, the keys a text word must have one of.
    pub fn patterns_of<'a>(
        &'a self,
        code: &'a str,
    ) -> impl Iterator<Item = (usize, &'a [HashSet<String>])> + 'a {
        self.patterns
            .iter()
            .filter(move |p| p.code == code)
            .map(|p| (p.lang, p.slots.as_slice()))
    }

    /// The phenomena named in a text (as [`slots`] of language `lang`).
    pub fn recognise(&self, lang: usize, slots: &[Slot]) -> Vec<Recognised> {
        let mut out: Vec<Recognised> = Vec::new();
        let mut longer: Vec<(usize, usize, usize)> = Vec::new();
        for (i, s) in slots.iter().enumerate() {
            let mut candidates: Vec<usize> = recognition_keys(&s.analysis)
                .filter_map(|k| self.by_first.get(&(lang, k.to_owned())))
                .flatten()
                .copied()
                .collect();
            // A one-word name met inside a compound of the text.
            let runs = part_runs(&s.analysis);
            candidates.extend(
                runs.iter()
                    .filter_map(|k| self.by_first.get(&(lang, k.clone())))
                    .flatten()
                    .copied()
                    .filter(|id| self.patterns[*id].in_compounds),
            );
            candidates.sort_unstable();
            candidates.dedup();
            for id in candidates {
                let p = &self.patterns[id];
                let n = p.slots.len();
                if i + n > slots.len() {
                    continue;
                }
                let fits = (1..n).all(|k| {
                    let t = &slots[i + k];
                    t.position == s.position + k
                        && recognition_keys(&t.analysis).any(|key| p.slots[k].contains(key))
                        && !(p.reversed && k == n - 1 && modifies_next(slots, i + k))
                });
                if !fits {
                    continue;
                }
                let in_part = !recognition_keys(&s.analysis).any(|k| p.slots[0].contains(k));
                match out.iter_mut().find(|r| r.code == p.code && r.first == i) {
                    // Named again at this word ("jengi" inside "katujengi",
                    // then "katujengi"): by the whole word, if either is.
                    Some(r) => {
                        if r.in_part && !in_part {
                            r.label = p.label.clone();
                            r.last = i + n - 1;
                            r.in_part = false;
                        } else if !in_part && i + n - 1 > r.last {
                            longer.push((id, i, i + n - 1));
                        }
                    }
                    None => out.push(Recognised {
                        code: p.code.clone(),
                        label: p.label.clone(),
                        first: i,
                        last: i + n - 1,
                        apart: false,
                        implied: false,
                        in_part,
                    }),
                }
            }
        }
        // A longer name of the same thing from the same word stands where
        // its other words name something else on their own
        // ("neuropsykiatrisk funktionsnedsättning" is no disability), not
        // where they name nothing ("asunnoton nuori": "nuori" stays a word
        // of its own). What its first words named together with it (the
        // taxonomy's "neuropsykiatrinen") is named by the whole too.
        for (id, first, last) in longer {
            let p = &self.patterns[id];
            let other = |r: &Recognised| r.code != p.code && r.first > first && r.last <= last;
            let Some(short) = out
                .iter()
                .find(|r| r.code == p.code && r.first == first)
                .map(|r| r.last)
            else {
                continue;
            };
            if last <= short || !out.iter().any(|r| other(r) && !r.in_part) {
                continue;
            }
            for r in out.iter_mut() {
                if r.first == first && r.last == short && !r.in_part {
                    if r.code == p.code {
                        r.label = p.label.clone();
                    }
                    r.last = last;
                }
            }
        }
        let named = out.len();
        // Each compound word's parts, once per text: where a thing said
        // apart may be said inside one word.
        let compound_parts: Vec<(usize, HashSet<&str>)> = slots
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.analysis.splits.is_empty())
            .map(|(i, s)| {
                let parts = s
                    .analysis
                    .splits
                    .iter()
                    .flat_map(|(l, r)| [l.as_str(), r.as_str()])
                    .chain(s.analysis.compounds.iter().flatten().map(String::as_str))
                    .collect();
                (i, parts)
            })
            .collect();
        let clauses = clauses(slots);
        for a in &self.apart {
            // Per group, the stretches of the text that meet it.
            let met: Vec<Vec<(usize, usize)>> = a
                .groups
                .iter()
                .map(|(codes, words)| {
                    let by_name = out[..named]
                        .iter()
                        .filter(|r| codes.contains(&r.code))
                        .map(|r| (r.first, r.last));
                    let by_word = slots
                        .iter()
                        .enumerate()
                        .filter(|(_, s)| {
                            recognition_keys(&s.analysis).any(|k| words[lang].contains(k))
                        })
                        .map(|(i, _)| (i, i));
                    by_name.chain(by_word).collect()
                })
                .collect();
            if let Some((first, last)) = closest(&met, slots, &clauses, a.reach)
                && !out.iter().any(|r| r.code == a.code && r.first == first)
            {
                let label = slots[first..=last]
                    .iter()
                    .map(|s| s.word.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                out.push(Recognised {
                    code: a.code.clone(),
                    label,
                    first,
                    last,
                    apart: true,
                    implied: false,
                    in_part: false,
                });
            }
            // Or said in one compound ("päihdevanhemmat": päihde +
            // vanhempi): each group met by a part of the word or by a name
            // met inside it.
            for (i, parts) in &compound_parts {
                let i = *i;
                if out
                    .iter()
                    .any(|r| r.code == a.code && (r.first..=r.last).contains(&i))
                {
                    continue;
                }
                let met = a.groups.iter().all(|(codes, words)| {
                    out[..named]
                        .iter()
                        .any(|r| r.first == i && r.last == i && codes.contains(&r.code))
                        || parts.iter().any(|p| words[lang].contains(*p))
                });
                if met {
                    out.push(Recognised {
                        code: a.code.clone(),
                        label: slots[i].word.clone(),
                        first: i,
                        last: i,
                        apart: true,
                        implied: false,
                        in_part: false,
                    });
                }
            }
        }
        // Up the chain: a broader thing's own broader one too.
        let mut i = 0;
        while i < out.len() {
            for broad in self.broader.get(&out[i].code).into_iter().flatten() {
                if !out
                    .iter()
                    .any(|r| r.code == *broad && r.first == out[i].first)
                {
                    out.push(Recognised {
                        code: broad.clone(),
                        implied: true,
                        ..out[i].clone()
                    });
                }
            }
            i += 1;
        }
        out
    }
}

/// Whom a clause may be about, as its subject or the subject's genitive
/// ("lapset pelkäävät", "perheen lapset", "lapsen koulunkäynti"): a
/// clause with such a subject of its own tells of other people than the
/// one before. Base forms; a compound counts by its last part
/// ("sijaisäiti", "poikaystävä"), or by the part before "puoli"
/// ("isäpuoli"). Pronouns are not here: "hän" points back to someone
/// already named ("isä jäi työttömäksi ja hän alkoi juoda").
const PERSONS: &[&str] = &[
    "lapsi",
    "vauva",
    "vastasyntynyt",
    "nuori",
    "nuoriso",
    "teini",
    "teini-ikäinen",
    "alaikäinen",
    "murrosikäinen",
    "koululainen",
    "oppilas",
    "yläkoululainen",
    "lukiolainen",
    "poika",
    "tyttö",
    "tytär",
    "esikoinen",
    "kuopus",
    "vanhempi",
    "äiti",
    "isä",
    "huoltaja",
    "puoliso",
    "kumppani",
    "vaimo",
    "aviomies",
    "mies",
    "nainen",
    "sisarus",
    "veli",
    "sisko",
    "sisar",
    "isovanhempi",
    "isoäiti",
    "isoisä",
    "mummo",
    "mummi",
    "ukki",
    "vaari",
    "täti",
    "setä",
    "eno",
    "serkku",
    "sukulainen",
    "pappa",
    "mummu",
    "isi",
    "taapero",
    "kaksonen",
    "jäsen",
    "perhe",
    "ystävä",
    "kaveri",
    "naapuri",
    "aikuinen",
    "ihminen",
    "henkilö",
    "asiakas",
    "opettaja",
    "työntekijä",
];

fn is_person(a: &Analysis) -> bool {
    keys(a).any(|k| PERSONS.contains(&k))
        || a.compounds.iter().any(|parts| match &parts[..] {
            [.., before, last] if last == "puoli" => PERSONS.contains(&before.as_str()),
            [.., last] => PERSONS.contains(&last.as_str()),
            [] => false,
        })
}

/// Whose a thing of a person's genitive is, as a clause's subject ("lapsen
/// koulunkäynti"): not a family's, which is its parents' too ("isä jäi
/// työttömäksi ja perheen alkoholinkäyttö lisääntyi").
fn owns(a: &Analysis) -> bool {
    is_person(a)
        && !keys(a).any(|k| k == "perhe")
        && !a
            .compounds
            .iter()
            .any(|p| p.last().is_some_and(|l| l == "perhe"))
}

/// Pronouns in the genitive that stand before a subject: "hänen lapsensa",
/// and the relative "joiden" ("lapsia, | joiden isä lyö äitiä": another
/// person's clause). "jonka" is not one: it is as often the object ("lapsi,
/// jonka isä löi").
const PRONOUN_MODIFIERS: &[&str] = &["hänen", "heidän", "joiden"];

/// Forms of "he" that point back to the people a relative clause is about
/// ("lapsia, joiden vanhemmat lyövät heitä": the children are hit).
const THEM: &[&str] = &[
    "heitä", "heidät", "heille", "heihin", "heistä", "heillä", "heiltä", "heidän",
];

/// Coordinators that add to what was said of the same people: after them
/// a thing as the subject keeps the people before it.
const ADDING: &[&str] = &["ja", "sekä"];

/// Which clause each word of a text stands in, as far as things said
/// apart need it. A clause of its own begins right after a conjunction or
/// a comma at a subject in the nominative with a finite verb of its own
/// next to it (the word after, or the one after that unless it is a
/// conjunction), once the clause before had a finite verb ("isä lyö äitiä
/// | ja lapset pelkäävät", "…, mutta lapset pelkäävät", "lapset
/// pelkäävät, | kun isä lyö äitiä"): the children of one clause are its
/// subject, not the ones hit in the other. The subject may come after a
/// modifier ("pienet lapset", "perheen lapset", "hänen lapsensa"). After
/// "ja" or "sekä" it must be a person or a person's thing ([`PERSONS`],
/// "lapsen koulunkäynti"), or its clause must name a person ("ja pelko
/// näkyy lapsissa"): a thing there keeps the people of the clause before
/// ("isä jäi työttömäksi ja alkoholinkäyttö lisääntyi" is the father's),
/// while after "mutta", "kun" or a comma any subject begins its own. A
/// person's thing may be an act against another ("lapsi oireilee ja isän
/// väkivaltaepäily selvitetään" is read as the father's clause). A
/// relative clause of another person ("lapsia, | joiden isä lyö äitiä")
/// begins one even with no verb before, unless it points back to them
/// ("…, joiden vanhemmat lyövät heitä"). A total object in the
/// nominative plural has no verb of its own ("hakkasi äidin ja lapset ja
/// uhkaili heitä"). A comma with no conjunction after it starts over
/// without a verb. Not yet: a word between the conjunction and the
/// subject ("ja myös lapset pelkäävät"). Only Voikko's analyses say case
/// and mood, so texts in other languages stay one clause.
fn clauses(slots: &[Slot]) -> Vec<usize> {
    let adjacent = |a: &Slot, b: &Slot| b.position == a.position + 1;
    let own_verb = |j: usize| {
        for k in j..j + 2 {
            let (Some(a), Some(b)) = (slots.get(k), slots.get(k + 1)) else {
                return false;
            };
            if !adjacent(a, b) || (k > j && a.analysis.conjunction) {
                return false;
            }
            if b.analysis.finite {
                return true;
            }
        }
        false
    };
    let word_in = |j: usize, list: &[&str]| list.contains(&slots[j].word.to_lowercase().as_str());
    // The words up to the next break: a relative clause's own.
    let stretch = |j: usize| {
        let end = (j + 1..slots.len())
            .find(|&k| !adjacent(&slots[k - 1], &slots[k]))
            .unwrap_or(slots.len());
        j..end
    };
    // Whether the words from `j` to the next conjunction or break name a
    // person ("ja pelko näkyy lapsissa"): then a thing as the subject
    // after "ja" tells of them, not of the people before.
    let names_someone = |j: usize| {
        (j..slots.len())
            .take_while(|&k| {
                k == j || (adjacent(&slots[k - 1], &slots[k]) && !slots[k].analysis.conjunction)
            })
            .any(|k| owns(&slots[k].analysis))
    };
    // Whether a subject with a verb of its own begins at `j`, a person's
    // or (with `things`) any.
    let subject = |j: usize, things: bool| -> bool {
        let head = |h: usize, any: bool| {
            let a = &slots[h].analysis;
            a.nominal && a.nominative && (any || is_person(a)) && own_verb(h)
        };
        if head(j, things) {
            return true;
        }
        let s = &slots[j].analysis;
        // A pronoun's thing is of someone named before: only a person.
        let any = if s.genitive && word_in(j, PRONOUN_MODIFIERS) {
            false
        } else if s.nominal && (s.nominative || modifies_next(slots, j)) {
            things || (s.genitive && owns(s))
        } else {
            return false;
        };
        slots.get(j + 1).is_some_and(|n| adjacent(&slots[j], n)) && head(j + 1, any)
    };
    let mut out = Vec::with_capacity(slots.len());
    let (mut clause, mut verb_before) = (0, false);
    for (j, s) in slots.iter().enumerate() {
        let prev = j.checked_sub(1).map(|p| &slots[p]);
        let after_break = prev.is_some_and(|p| !adjacent(p, s));
        let opens = after_break || prev.is_some_and(|p| p.analysis.conjunction);
        let adding =
            !after_break && prev.is_some_and(|p| keys(&p.analysis).any(|k| ADDING.contains(&k)));
        let splits = if after_break && s.analysis.genitive && word_in(j, &["joiden"]) {
            // A relative clause: another person's unless it points back
            // ("heitä", not "heidän äitiään").
            !stretch(j).any(|k| word_in(k, THEM) && !modifies_next(slots, k)) && subject(j, false)
        } else {
            opens && verb_before && subject(j, !adding || names_someone(j))
        };
        if splits {
            clause += 1;
            verb_before = false;
        }
        let starts_over = after_break && !s.analysis.conjunction;
        verb_before = s.analysis.finite || (verb_before && !starts_over);
        out.push(clause);
    }
    out
}

/// The shortest stretch taking one of each group's stretches (`met`)
/// that spans at most `reach` places of one clause ([`clauses`]). A
/// stretch already wider is not walked on, so a long sentence full of the
/// groups' words costs about its length times what lies within reach, not
/// the product of the groups.
fn closest(
    met: &[Vec<(usize, usize)>],
    slots: &[Slot],
    clauses: &[usize],
    reach: usize,
) -> Option<(usize, usize)> {
    fn walk(
        met: &[Vec<(usize, usize)>],
        at: Option<(usize, usize)>,
        span: &dyn Fn((usize, usize)) -> usize,
        reach: usize,
        best: &mut Option<(usize, usize)>,
    ) {
        let Some((group, rest)) = met.split_first() else {
            if let Some(s) = at
                && best.is_none_or(|b| span(s) < span(b))
            {
                *best = Some(s);
            }
            return;
        };
        for &(f, l) in group {
            let joined = at.map_or((f, l), |(a, b)| (a.min(f), b.max(l)));
            if span(joined) <= reach {
                walk(rest, Some(joined), span, reach, best);
            }
        }
    }
    if met.iter().any(Vec::is_empty) {
        return None;
    }
    let span = |(f, l): (usize, usize)| {
        if clauses[f] == clauses[l] {
            slots[l].position - slots[f].position
        } else {
            usize::MAX
        }
    };
    let mut best = None;
    walk(met, None, &span, reach, &mut best);
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use otalusta_analysis::{FinnishAnalyzer, Language, SnowballAnalyzer};

    fn fi() -> FinnishAnalyzer {
        FinnishAnalyzer::load()
    }

    /// The analyzers of the three languages, in `Concepts`' order.
    fn three() -> (FinnishAnalyzer, SnowballAnalyzer, SnowballAnalyzer) {
        (
            fi(),
            SnowballAnalyzer::new(Language::Swedish),
            SnowballAnalyzer::new(Language::English),
        )
    }

    #[test]
    fn length_slips() {
        let v = length_variants("itsemurhavara");
        assert!(v.contains(&"itsemurhavaara".to_owned()));
        assert!(length_variants("peliriipuvuus").contains(&"peliriippuvuus".to_owned()));
        assert!(length_variants("koulukotti").contains(&"koulukoti".to_owned()));
        assert!(v.iter().all(|x| edit_distance(x, "itsemurhavara") == 1));
    }

    #[test]
    fn corrections_with_only_dots_missing_come_first() {
        // Voikko suggests "suomishäiriöt" (a letter changed) before the
        // word that only lacks its dots.
        let c = corrections(&fi(), "syomishairiot");
        assert_eq!(
            c.first().map(String::as_str),
            Some("syömishäiriöt"),
            "{c:?}"
        );
        assert!(corrections(&fi(), "paihteet").contains(&"päihteet".to_owned()));
        // Every one-edit suggestion, not only Voikko's first two.
        assert!(corrections(&fi(), "koulukiusaminen").contains(&"koulukiusaaminen".to_owned()));
        assert!(
            corrections(&fi(), "abc").is_empty(),
            "short words are not corrected"
        );
    }

    #[test]
    fn edit_distance_and_folding() {
        assert_eq!(edit_distance("paihteet", "paihteet"), 0);
        assert_eq!(edit_distance("psykoossi", "psykoosi"), 1);
        assert_eq!(edit_distance("trauam", "trauma"), 1, "a swap is one edit");
        assert_eq!(edit_distance("koti", "kota"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(fold("lähisuhdeväkivalta"), "lahisuhdevakivalta");
    }

    #[test]
    fn stop_words_by_form() {
        let f = fi();
        for w in ["kuka", "osaa", "auttaa", "ja", "asiantuntijaa"] {
            assert!(is_stop(w, &f.analyze_word(w)), "{w}");
        }
        for w in ["huoltoriidoissa", "trauma", "koulukoti"] {
            assert!(!is_stop(w, &f.analyze_word(w)), "{w}");
        }
    }

    #[test]
    fn concepts_in_any_language_and_written_apart() {
        let (f, sv, en) = three();
        let analyzers: [&dyn Analyzer; 3] = [&f, &sv, &en];
        let names = vec![
            ("substance-use".to_owned(), "päihdeongelma".to_owned(), 0),
            ("substitute-care".to_owned(), "foster care".to_owned(), 2),
            ("custody".to_owned(), "skilsmässa".to_owned(), 1),
            ("violence".to_owned(), "perheväkivalta".to_owned(), 0),
            ("in-family".to_owned(), "väkivalta perheessä".to_owned(), 0),
        ];
        let c = Concepts::build(&names, &analyzers, "sanasto:");
        let found = |lang: usize, text: &str| -> Vec<String> {
            c.recognise(lang, &slots(analyzers[lang], text))
                .into_iter()
                .map(|r| r.code)
                .collect()
        };
        assert_eq!(
            found(0, "Autan nuoria, joilla on päihdeongelmia."),
            ["substance-use"]
        );
        assert_eq!(found(0, "ongelmia päihteiden kanssa"), ["substance-use"]);
        assert!(
            found(0, "päihteet. Ongelmat koulussa").is_empty(),
            "not across a break"
        );
        assert_eq!(found(2, "Experience in Foster Care"), ["substitute-care"]);
        assert!(found(2, "foster parents and care").is_empty());
        assert_eq!(found(1, "skilsmässor"), ["custody"]);
        // The other way round, the first part must not modify the next
        // word: a genitive before a noun does, before a postposition not.
        // (A name whose last word says where, "väkivalta perheessä", the
        // same way.)
        let mut both = found(0, "väkivalta perheessä");
        both.sort();
        assert_eq!(both, ["in-family", "violence"]);
        assert!(found(0, "uhkaa väkivalta perheen kunnian vuoksi").is_empty());
    }

    #[test]
    fn things_said_apart_within_reach() {
        let (f, sv, en) = three();
        let analyzers: [&dyn Analyzer; 3] = [&f, &sv, &en];
        let names = vec![
            ("sanasto:low".to_owned(), "masentunut".to_owned(), 0),
            ("sanasto:low".to_owned(), "depression".to_owned(), 2),
            ("sanasto:low".to_owned(), "masennus".to_owned(), 0),
        ];
        let mut c = Concepts::build(&names, &analyzers, "sanasto:");
        let word = |w: &str| ApartWord::Word(w.to_owned());
        c.add_apart(
            "sanasto:parental",
            &[
                vec![word("vanhempi"), word("äiti"), word("isä"), word("parent")],
                vec![ApartWord::Named("sanasto:low".to_owned())],
            ],
            &analyzers,
            5,
        );
        c.add_apart(
            "sanasto:absence",
            &[
                vec![word("ei"), word("not")],
                vec![word("mennä"), word("käydä"), word("go")],
                vec![word("koulu"), word("school")],
            ],
            &analyzers,
            5,
        );
        c.add_apart(
            "sanasto:hit-child",
            &[vec![word("lapsi")], vec![word("lyödä"), word("hakata")]],
            &analyzers,
            5,
        );
        let found = |lang: usize, text: &str| -> Vec<(String, String)> {
            let mut v: Vec<(String, String)> = c
                .recognise(lang, &slots(analyzers[lang], text))
                .into_iter()
                .map(|r| (r.code, r.label))
                .collect();
            v.sort();
            v
        };
        let codes = |lang: usize, text: &str| -> Vec<String> {
            found(lang, text).into_iter().map(|(c, _)| c).collect()
        };
        // Any order, words between; the label is the text's stretch.
        assert_eq!(
            found(0, "Tuen lapsia, joiden isä tai äiti on masentunut"),
            [
                ("sanasto:low".to_owned(), "masentunut".to_owned()),
                (
                    "sanasto:parental".to_owned(),
                    "äiti on masentunut".to_owned()
                )
            ]
        );
        assert_eq!(
            codes(0, "masentuneiden vanhempien kanssa"),
            ["sanasto:low", "sanasto:parental"]
        );
        assert_eq!(
            codes(2, "depression in parents"),
            ["sanasto:low", "sanasto:parental"]
        );
        // Or in one compound: a part, and a name met inside it.
        assert_eq!(
            codes(0, "masennusäitien tukeminen"),
            ["sanasto:low", "sanasto:parental"]
        );
        assert!(codes(0, "vanhempainillat").is_empty());
        // The base form as written: not the comparative of "vanha".
        assert_eq!(codes(0, "vanhassa talossa masentunut"), ["sanasto:low"]);
        // Too far apart.
        assert_eq!(
            codes(
                0,
                "Äiti kertoi, että hän oli pitkään ollut hyvin väsynyt ja masentunut"
            ),
            ["sanasto:low"]
        );
        // A negated verb over its auxiliaries, in either language.
        for (lang, text) in [
            (0, "nuoret, jotka eivät ole käyneet koulua kuukausiin"),
            (0, "nuori ei ole pystynyt menemään kouluun"),
            (2, "pupils who do not go to school"),
        ] {
            assert_eq!(codes(lang, text), ["sanasto:absence"], "{text}");
        }
        // A long sentence full of the groups' words: only a close stretch.
        let many = "ei käy ".repeat(300);
        assert!(codes(0, &format!("{many} ja lopuksi jotain aivan muuta koulusta")).is_empty());
        assert_eq!(
            codes(0, &format!("koulu {many}")),
            ["sanasto:absence"],
            "the first three words"
        );
        // Every group must be met, close enough, in one clause: the
        // subject of a clause of its own is no word of the one before.
        assert!(codes(0, "nuori käy koulua").is_empty());
        for text in [
            "Autan perheitä, joissa isä lyö äitiä ja lapset pelkäävät kotona.",
            "Isä lyö äitiä, mutta lapset pelkäävät.",
            "Lapset pelkäävät, kun isä lyö äitiä.",
            "Isä lyö äitiä, lapset eivät uskalla puhua.",
            "Isä hakkasi äitiä. Pienet lapset näkivät sen.",
            // A person's subject after its modifier, or a person's thing.
            "Isä lyö äitiä ja perheen lapset pelkäävät.",
            "Isä lyö äitiä ja hänen lapsensa pelkäävät.",
            "Isä lyö äitiä ja lapsen koulunkäynti kärsii.",
            // A relative clause of another person, with a verb before or not.
            "Tuen lapsia, joiden isä lyö äitiä.",
            "Lapset, joiden isä lyö äitiä, pelkäävät.",
        ] {
            assert!(codes(0, text).is_empty(), "{text}");
        }
        // Unless it points back to them ("heitä", not "heidän äitiään").
        assert_eq!(
            codes(0, "Tuen lapsia, joiden vanhemmat lyövät heitä."),
            ["sanasto:hit-child"]
        );
        assert!(codes(0, "Autan lapsia, joiden isä lyö heidän äitiään.").is_empty());
        assert!(codes(0, "Isä lyö äitiä ja pelko näkyy lapsissa.").is_empty());
        // After "ja", a thing as the subject (also a family's or one a
        // pronoun owns) keeps the people of the clause before: the
        // parent's depression. A person's (listed or a compound of one)
        // begins its own, as does a thing after "mutta", or after "ja" in
        // a clause naming someone: depression, no parent's.
        let parental = ["sanasto:low", "sanasto:parental"];
        for (text, whose) in [
            ("Äiti jäi yksin ja masennus syveni.", &parental[..]),
            ("Isä jäi työttömäksi ja masennus syveni.", &parental),
            ("Isä jäi työttömäksi ja perheen masennus syveni.", &parental),
            (
                "Isä jäi työttömäksi ja hänen masennuksensa syveni.",
                &parental,
            ),
            ("Äidit, joiden masennus on syventynyt.", &parental),
            ("Äiti juo ja lapset ovat masentuneita.", &parental[..1]),
            ("Isä on tukena ja masennus vaivaa nuorta.", &parental[..1]),
            ("Isä on tukena ja masennus vaivaa serkkua.", &parental[..1]),
            ("Isä juo ja tytär on masentunut.", &parental[..1]),
            ("Isä juo ja velipuoli on masentunut.", &parental[..1]),
            (
                "Isä on tukena, mutta masennus vaivaa nuorta.",
                &parental[..1],
            ),
        ] {
            assert_eq!(codes(0, text), whose, "{text}");
        }
        for text in [
            "Isä lyö äitiä ja lapsia, ja äiti pelkää.",
            "Isä hakkasi äidin ja lapset.",
            "Isä hakkasi äidin ja lapset ja uhkaili heitä.",
            "Isä on lyönyt lasta ja lapsi pelkää.",
            "Lapsi on lyöty, ja hän pelkää.",
        ] {
            assert_eq!(codes(0, text), ["sanasto:hit-child"], "{text}");
        }
        assert!(codes(0, "Koulu ei ole minulle vieras, ja käyn siellä usein").is_empty());
        // A narrower thing names its broader one in a text.
        c.add_broader("sanasto:parental", "sanasto:family");
        let text = slots(&f, "masentuneiden vanhempien kanssa");
        let implied: Vec<(String, bool)> = c
            .recognise(0, &text)
            .into_iter()
            .map(|r| (r.code, r.implied))
            .collect();
        assert!(implied.contains(&("sanasto:family".to_owned(), true)));
        assert!(implied.contains(&("sanasto:parental".to_owned(), false)));
        // And up the chain (parental → family → people), once.
        c.add_broader("sanasto:family", "sanasto:people");
        let up: Vec<String> = c.recognise(0, &text).into_iter().map(|r| r.code).collect();
        assert_eq!(
            up.iter().filter(|c| *c == "sanasto:people").count(),
            1,
            "{up:?}"
        );
    }

    #[test]
    fn a_thing_named_by_a_part_and_by_the_whole_word_is_named_by_the_word() {
        let (f, sv, en) = three();
        let analyzers: [&dyn Analyzer; 3] = [&f, &sv, &en];
        // The ring's one word first, the compound holding it after.
        let names = vec![
            ("sanasto:gangs".to_owned(), "jengi".to_owned(), 0),
            ("sanasto:gangs".to_owned(), "katujengi".to_owned(), 0),
        ];
        let c = Concepts::build(&names, &analyzers, "sanasto:");
        let part_only = |text: &str| -> Vec<bool> {
            c.recognise(0, &slots(&f, text))
                .into_iter()
                .map(|r| r.in_part)
                .collect()
        };
        assert_eq!(part_only("katujengien kanssa"), [false]);
        assert_eq!(part_only("jengiväkivalta"), [true]);
        assert_eq!(part_only("jengit"), [false]);
    }

    #[test]
    fn thesaurus_words_inside_compounds() {
        let (f, sv, en) = three();
        let analyzers: [&dyn Analyzer; 3] = [&f, &sv, &en];
        let names = vec![
            ("sanasto:migrants".to_owned(), "pakolainen".to_owned(), 0),
            ("sanasto:custody".to_owned(), "huoltoriita".to_owned(), 0),
            (
                "sanasto:violence".to_owned(),
                "lähisuhdeväkivalta".to_owned(),
                0,
            ),
            ("violence".to_owned(), "väkivalta".to_owned(), 0),
        ];
        let c = Concepts::build(&names, &analyzers, "sanasto:");
        let found = |text: &str| -> Vec<String> {
            let mut v: Vec<String> = c
                .recognise(0, &slots(&f, text))
                .into_iter()
                .map(|r| r.code)
                .collect();
            v.sort();
            v
        };
        // A compound's first part, a run of its parts, or its head.
        assert_eq!(found("pakolaisperheiden kanssa"), ["sanasto:migrants"]);
        assert_eq!(found("huoltoriitatilanteissa"), ["sanasto:custody"]);
        assert_eq!(
            found("lähisuhdeväkivaltatyön kehittäminen"),
            ["sanasto:violence"]
        );
        // The taxonomy's broad words are met as whole words only.
        assert_eq!(found("kotiväkivaltaa"), Vec::<String>::new());
        assert_eq!(found("väkivalta"), ["violence"]);
        // A part alone is no run of the name ("riita" is not huoltoriita).
        assert!(found("riitatilanteet").is_empty());
    }
}
