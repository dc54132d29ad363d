//! Kyselyn suunnitelma: a query read into clauses — each word analysed in
//! fi/sv/en, stop words set aside, typos corrected, compounds joined, the
//! things its words name recognised — and what each clause weighs. No
//! index I/O but the term lookups that decide corrections.

use super::*;

impl SearchIndex {
    /// The query parsed and each word analysed in fi, sv and en, corrected
    /// where Finnish does not know it and the index has no such word, and
    /// the phenomena its words name.
    pub(super) fn plan(&self, text: &str, searcher: &tantivy::Searcher) -> Plan {
        let parsed = syntax::parse(text);
        let analyse = |w: &str| -> QueryWord {
            let per_lang = LANGS.map(|l| self.analysis.get(l).analyze_word(w));
            let stop = matching::is_stop(w, &per_lang[0]);
            QueryWord {
                text: w.to_owned(),
                forms: per_lang.map(|a| WordForms {
                    analysis: a,
                    corrections: Vec::new(),
                }),
                concepts: Vec::new(),
                stop,
                fuzzy: false,
            }
        };
        let clauses: Vec<Vec<PlannedTerm>> = parsed
            .clauses
            .iter()
            .map(|alts| {
                alts.iter()
                    .map(|t| match t {
                        QueryTerm::Word(w) => PlannedTerm::Word(analyse(w)),
                        QueryTerm::Phrase(ws) => {
                            PlannedTerm::Phrase(ws.iter().map(|w| analyse(w)).collect())
                        }
                    })
                    .collect()
            })
            .collect();
        // A word written together whose first part Finnish does not know,
        // read as if written with the hyphen Finnish gives such compounds.
        let mut clauses: Vec<Vec<PlannedTerm>> = {
            let taxonomy = self.taxonomy.read().expect("taxonomy lock");
            clauses
                .into_iter()
                .flat_map(|alts| {
                    if let [PlannedTerm::Word(w)] = &alts[..]
                        && !w.stop
                        && !w.forms[0].analysis.is_known()
                        && !self.in_index(searcher, w)
                        && let Some((first, rest)) = self.split_unknown(&taxonomy, &w.text)
                    {
                        return vec![
                            vec![PlannedTerm::Word(analyse(&first))],
                            vec![PlannedTerm::Word(analyse(&rest))],
                        ];
                    }
                    vec![alts]
                })
                .collect()
        };
        // Two words that make a compound ("koulu koti", "lastensuojelu
        // ilmoitus") also count as that compound, one clause more: texts
        // with the compound rank above texts with the two words apart.
        let mut joined = Vec::new();
        for pair in clauses.windows(2) {
            if let ([PlannedTerm::Word(a)], [PlannedTerm::Word(b)]) = (&pair[0][..], &pair[1][..]) {
                let word = format!("{}{}", a.text, b.text).to_lowercase();
                let w = analyse(&word);
                if !a.stop && !b.stop && !w.forms[0].analysis.compounds.is_empty() {
                    joined.push(vec![PlannedTerm::Word(w)]);
                }
            }
        }
        // Typos: a word Finnish does not know and the index has not seen.
        let mut corrected = false;
        for term in clauses.iter_mut().flatten() {
            let PlannedTerm::Word(w) = term else { continue };
            if w.stop || self.in_index(searcher, w) {
                continue;
            }
            // A word Voikko knows but no text has ("itsemurhavara", itsemurha +
            // vara) is corrected only to a neighbour the index has.
            let known = w.forms[0].analysis.is_known();
            let fi = self.analysis.get(TextLang::Fi);
            let in_index = |s: &String| {
                keys(&fi.analyze_word(s)).any(|k| {
                    self.fields.text.iter().any(|(field, _, lang, _)| {
                        *lang == TextLang::Fi && has_word(searcher, *field, k)
                    })
                })
            };
            // A word Voikko knows but no text has ("itsemurhavara", itsemurha
            // + vara) may only have lost a letter of a long sound: a longer
            // neighbour the index has. Anything else is the user's word.
            let mut fixes = if known {
                Vec::new()
            } else {
                matching::corrections(fi.as_ref(), &w.text)
            };
            if fixes.is_empty() && w.text.chars().count() >= 5 {
                // Nothing suggested: a letter doubled (or, for an unknown
                // word, made single), if the index has the result.
                let len = w.text.chars().count();
                fixes = matching::length_variants(&w.text)
                    .into_iter()
                    .filter(|s| !known || s.chars().count() > len)
                    .filter(|s| fi.analyze_word(s).is_known() && in_index(s))
                    .collect();
            }
            // Corrections the texts have first (stable: Voikko's order
            // otherwise), and only those when any is.
            fixes.sort_by_key(|s| !in_index(s));
            if fixes.first().is_some_and(in_index) {
                fixes.retain(in_index);
            }
            fixes.truncate(2);
            if known && fixes.is_empty() {
                continue;
            }
            if fixes.is_empty() {
                w.fuzzy = w.text.chars().count() >= 5;
                continue;
            }
            corrected = true;
            w.forms[0].corrections = fixes
                .into_iter()
                .map(|s| {
                    let a = self.analysis.get(TextLang::Fi).analyze_word(&s);
                    (s, a)
                })
                .collect();
        }
        // Phenomena named by the words in order (as written, and corrected).
        let taxonomy = self.taxonomy.read().expect("taxonomy lock");
        let sequence: Vec<(usize, usize)> = clauses
            .iter()
            .enumerate()
            .filter(|(_, alts)| alts.len() == 1)
            .flat_map(|(i, alts)| match &alts[0] {
                PlannedTerm::Word(_) => vec![(i, 0)],
                PlannedTerm::Phrase(ws) | PlannedTerm::Name(ws, _) => {
                    (0..ws.len()).map(|k| (i, k)).collect()
                }
            })
            .collect();
        let word_at = |clauses: &Vec<Vec<PlannedTerm>>, (i, k): (usize, usize)| -> QueryWord {
            match &clauses[i][0] {
                PlannedTerm::Word(w) => w.clone(),
                PlannedTerm::Phrase(ws) | PlannedTerm::Name(ws, _) => ws[k].clone(),
            }
        };
        let most_corrections = clauses
            .iter()
            .flatten()
            .map(|t| match t {
                PlannedTerm::Word(w) => w.forms[0].corrections.len(),
                PlannedTerm::Phrase(_) | PlannedTerm::Name(..) => 0,
            })
            .max()
            .unwrap_or(0);
        let mut found: Vec<(usize, Recognised)> = Vec::new();
        for (li, l) in LANGS.iter().enumerate() {
            // As written, then (Finnish) as each correction.
            for correction in [None, Some(0), Some(1)] {
                if correction.is_some_and(|c| c >= most_corrections || li != 0) {
                    continue;
                }
                let slots: Vec<Slot> = sequence
                    .iter()
                    .enumerate()
                    .map(|(n, at)| {
                        let w = word_at(&clauses, *at);
                        let forms = &w.forms[*l as usize];
                        let analysis = match correction.and_then(|c| forms.corrections.get(c)) {
                            Some((_, a)) => a.clone(),
                            None => forms.analysis.clone(),
                        };
                        Slot {
                            position: n,
                            word: w.text.clone(),
                            analysis,
                        }
                    })
                    .collect();
                // A query for the narrower thing is not for the broader
                // ("autismi" is not every neuropsychiatric text).
                for r in taxonomy.concepts.recognise(*l as usize, &slots) {
                    if !r.implied {
                        found.push((li, r));
                    }
                }
            }
        }
        // A thing a compound's part names is not asked for where the whole
        // word is a name of a kind of it: "lastensuojeluilmoitus" is not
        // every text on child protection. (A thing said apart in one word,
        // "päihdevanhemmat", is said by its parts: they stay.)
        let whole: Vec<(usize, usize, String)> = found
            .iter()
            .filter(|(_, r)| !r.in_part && !r.apart)
            .map(|(_, r)| (r.first, r.last, r.code.clone()))
            .collect();
        found.retain(|(_, r)| {
            !r.in_part
                || !whole.iter().any(|(first, last, code)| {
                    *first <= r.first
                        && r.last <= *last
                        && taxonomy.concepts.is_broader(code, &r.code)
                })
        });
        drop(taxonomy);
        // A thing said apart ("masentuneen vanhemman", "ei mene kouluun")
        // is one clause more, over its words: each word also stands for
        // itself, so a text naming only a part ("masentunut") still meets.
        let mut apart: Vec<Vec<PlannedTerm>> = Vec::new();
        for (_, r) in found.iter().filter(|(_, r)| r.apart) {
            let named = Named {
                code: r.code.clone(),
                label: r.label.clone(),
                foreign: true,
                broad: false,
            };
            let same = |alts: &Vec<PlannedTerm>| matches!(alts.as_slice(), [PlannedTerm::Name(_, n)] if n[0].code == r.code);
            if !apart.iter().any(same) {
                // Not a stop word between its words ("nuori karkailee ja
                // käyttää päihteitä"): no text meets the thing by "ja".
                // Its first and last words are what named it.
                let words = sequence[r.first..=r.last]
                    .iter()
                    .enumerate()
                    .map(|(k, at)| (k, word_at(&clauses, *at)))
                    .filter(|(k, w)| *k == 0 || *k == r.last - r.first || !w.stop)
                    .map(|(_, w)| w)
                    .collect();
                apart.push(vec![PlannedTerm::Name(words, vec![named])]);
            }
        }
        found.retain(|(_, r)| !r.apart);
        // Names of two or more words, with what each names (only that: a
        // word of it may name something else on its own, e.g. "separation"
        // in "separation anxiety").
        let spans: Vec<(usize, usize, Named)> = found
            .iter()
            .filter(|(_, r)| r.last > r.first)
            .map(|(li, r)| {
                let unknown = sequence[r.first..=r.last]
                    .iter()
                    .any(|at| !word_at(&clauses, *at).forms[0].analysis.is_known());
                let named = Named {
                    code: r.code.clone(),
                    label: r.label.clone(),
                    foreign: (*li != 0 && unknown)
                        || r.code.starts_with(crate::experts::thesaurus::PREFIX),
                    broad: false,
                };
                (r.first, r.last, named)
            })
            .collect();
        for (li, r) in found {
            for at in &sequence[r.first..=r.last] {
                let (i, k) = *at;
                let w = match &mut clauses[i][0] {
                    PlannedTerm::Word(w) => w,
                    PlannedTerm::Phrase(ws) | PlannedTerm::Name(ws, _) => &mut ws[k],
                };
                // A Swedish or English word may meet Finnish text only
                // through the phenomenon it names; a Finnish word meets the
                // text itself (koulukoti must not find every text on
                // substitute care), and the profiles tagged with it.
                let foreign = (li != 0 && !w.forms[0].analysis.is_known())
                    || r.code.starts_with(crate::experts::thesaurus::PREFIX);
                match w.concepts.iter_mut().find(|c| c.code == r.code) {
                    Some(c) => c.foreign |= foreign,
                    None => w.concepts.push(Named {
                        code: r.code.clone(),
                        label: r.label.clone(),
                        foreign,
                        broad: false,
                    }),
                }
                // A stop word inside a phenomenon's name counts with it.
                w.stop = false;
            }
        }
        let mut clauses = named_together(clauses, &sequence, spans);
        // A word or name naming a thing and a broader one ("autismi":
        // autism, and neuropsychiatric disorders) is for the narrower first.
        {
            let taxonomy = self.taxonomy.read().expect("taxonomy lock");
            let narrower_first = |named: &mut [Named]| {
                let codes: Vec<String> = named.iter().map(|c| c.code.clone()).collect();
                for c in named {
                    c.broad = codes
                        .iter()
                        .any(|n| taxonomy.concepts.is_broader(n, &c.code));
                }
            };
            for term in clauses.iter_mut().flatten() {
                let words: &mut [QueryWord] = match term {
                    PlannedTerm::Word(w) => std::slice::from_mut(w),
                    PlannedTerm::Phrase(ws) => ws,
                    PlannedTerm::Name(ws, named) => {
                        narrower_first(named);
                        ws
                    }
                };
                for w in words {
                    narrower_first(&mut w.concepts);
                    self.bases_that_name_it(&taxonomy, w);
                    let codes: Vec<String> = w.concepts.iter().map(|c| c.code.clone()).collect();
                    // And a thing some count as a kind of what it names
                    // (honour-based violence of "lähisuhdeväkivalta"), after.
                    for kind in akin_of(codes.iter().map(String::as_str)) {
                        if !w.concepts.iter().any(|c| c.code == kind.code) {
                            w.concepts.push(kind);
                        }
                    }
                }
            }
        }
        clauses.extend(joined);
        let apart_clauses = apart.len();
        clauses.extend(apart);
        let mut ignored = Vec::new();
        for alts in &mut clauses {
            alts.retain(|t| match t {
                PlannedTerm::Word(w) if w.stop => {
                    ignored.push(w.text.clone());
                    false
                }
                _ => true,
            });
        }
        clauses.retain(|alts| !alts.is_empty());
        let did_you_mean = corrected.then(|| {
            parsed
                .clauses
                .iter()
                .flatten()
                .map(|t| match t {
                    QueryTerm::Word(w) => clauses
                        .iter()
                        .flatten()
                        .flat_map(PlannedTerm::words)
                        .find(|q| q.text == *w)
                        .and_then(|q| q.forms[0].corrections.first().map(|(s, _)| s.clone()))
                        .unwrap_or_else(|| w.clone()),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join(" ")
        });
        let excluded = parsed
            .excluded
            .iter()
            .map(|t| match t {
                QueryTerm::Word(w) => PlannedTerm::Word(analyse(w)),
                QueryTerm::Phrase(ws) => {
                    PlannedTerm::Phrase(ws.iter().map(|w| analyse(w)).collect())
                }
            })
            .collect();
        Plan {
            parsed,
            clauses,
            apart: apart_clauses,
            excluded,
            ignored,
            did_you_mean,
        }
    }

    /// A compound written together whose first part Finnish does not know
    /// ("nepsyvalmennus", "adhdlapsi"), as its two words: Finnish writes
    /// it with a hyphen ("nepsy-valmennus"), and texts that do are found as
    /// that query would find them. Only where the first part names a thing
    /// of the field on its own and the rest is a word Finnish knows, so a
    /// typo is not taken apart; the longest such first part.
    fn split_unknown(&self, taxonomy: &Taxonomy, word: &str) -> Option<(String, String)> {
        let fi = self.analysis.get(TextLang::Fi);
        let bounds: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
        let chars = bounds.len();
        (MIN_SPLIT_PART..=chars.checked_sub(MIN_SPLIT_PART)?)
            .rev()
            .map(|n| word.split_at(bounds[n]))
            .find(|(first, rest)| {
                !fi.analyze_word(first).is_known()
                    && fi.analyze_word(rest).is_known()
                    && taxonomy
                        .concepts
                        .recognise(
                            TextLang::Fi as usize,
                            &self.analysis.slots(TextLang::Fi, first),
                        )
                        .iter()
                        .any(|r| (r.first, r.last) == (0, 0) && !r.in_part)
            })
            .map(|(first, rest)| (first.to_owned(), rest.to_owned()))
    }

    /// Whether the word as written is a term of the index (a name, an
    /// abbreviation, a word Voikko does not know but experts wrote).
    fn in_index(&self, searcher: &tantivy::Searcher, w: &QueryWord) -> bool {
        self.fields.text.iter().any(|(field, _, lang, _)| {
            keys(&w.forms[*lang as usize].analysis).any(|k| has_word(searcher, *field, k))
        })
    }
}

/// The fewest letters of each part of a word [`split_unknown`](SearchIndex::split_unknown)
/// takes apart ("ASD", "työ").
const MIN_SPLIT_PART: usize = 3;

/// A query word analysed three ways, with what else it may meet as.
#[derive(Debug, Clone)]
pub(super) struct QueryWord {
    pub(super) text: String,
    /// By [`TextLang`].
    pub(super) forms: [WordForms; 3],
    /// Phenomena it is part of naming.
    pub(super) concepts: Vec<Named>,
    /// A question or function word: not searched for.
    pub(super) stop: bool,
    /// Unknown everywhere and nothing to suggest: edit distance 1 in the
    /// index's own terms.
    pub(super) fuzzy: bool,
}

/// A phenomenon a query word is part of naming.
#[derive(Debug, Clone)]
pub(super) struct Named {
    pub(super) code: String,
    /// The name or synonym, as the taxonomy writes it.
    pub(super) label: String,
    /// Named in Swedish or English by a word Finnish does not know, or a
    /// ring of the thesaurus (as fine as the word itself): it may meet
    /// texts that name the same thing in other words.
    pub(super) foreign: bool,
    /// Met only after the texts on what the word names itself: a broader
    /// thing beside a narrower one (neuropsychiatric beside autism for
    /// "autismi"), or a thing some count as a kind of it
    /// (`thesaurus::AKIN`).
    pub(super) broad: bool,
}

/// The things some count as kinds of what `codes` name
/// (`thesaurus::AKIN`), each met after them (`broad`), once.
pub(super) fn akin_of<'a>(codes: impl IntoIterator<Item = &'a str>) -> Vec<Named> {
    let mut out: Vec<Named> = Vec::new();
    for (code, label) in codes
        .into_iter()
        .flat_map(crate::experts::thesaurus::akin_kinds)
    {
        if !out.iter().any(|k| k.code == code) {
            out.push(Named {
                code,
                label: label.to_owned(),
                foreign: true,
                broad: true,
            });
        }
    }
    out
}

/// What each clause of a query adds when met. A clause whose words name a
/// phenomenon or a thing of the thesaurus is what the query is about (the
/// topic: "jengit" of "youth gangs", "juo liikaa" of "miten tukea lasta
/// jonka äiti juo liikaa"); the other words say whose or where. A topic
/// clause outweighs all the others together even when met at half, through
/// a broader thing (`query::BROAD_SHARE`), so every text meeting the topic
/// ranks above texts meeting only the everyday words ("youth" of a youth
/// worker's title), and a text naming the topic itself above one naming
/// its broader thing with every everyday word ("huostaanotetuille
/// nuorille": care orders before substitute care for the young: 2C(o+1)
/// against C(o+1) + oC and the nearness bonus's C/2, C = `COVERAGE`,
/// o = the other clauses, so a margin of C/2 over how well each met); among
/// texts meeting as many topic clauses, more of the others rank first.
/// Rarity does not tell a topic: everyday words are rare in competence
/// texts.
pub(super) fn clause_weights(clauses: &[Vec<PlannedTerm>], apart: usize) -> Vec<f32> {
    let topical: Vec<bool> = clauses.iter().map(|alts| is_topic(alts)).collect();
    let others = topical.iter().filter(|t| !**t).count();
    let first_apart = clauses.len().saturating_sub(apart);
    // Each everyday clause adds to one thing said apart at most: two
    // ("vanhempien masennus, päihteet") must not outweigh a topic.
    let mut credited: Vec<usize> = Vec::new();
    topical
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            if i >= first_apart && refines(&clauses[i], &clauses[..first_apart]) {
                let mut within = everyday_within(&clauses[i], &clauses[..first_apart]);
                within.retain(|k| !credited.contains(k));
                credited.extend(&within);
                COVERAGE * (REFINING_SHARE + within.len() as f32)
            } else if t {
                2.0 * COVERAGE * (others + 1) as f32
            } else {
                COVERAGE
            }
        })
        .collect()
}

/// What a thing said apart adds beside another topic of the query: its
/// words already count on their own, so as a full topic it would count
/// twice ("nuoren masennus ja ahdistus": young people's depression is no
/// more than depression and anxiety); it adds this share of a clause
/// over what its everyday words add ([`everyday_within`]).
const REFINING_SHARE: f32 = 0.5;

/// Whether a thing said apart (`apart`) refines a topic among its own
/// words ("masennus" of "nuoren masennus") beside a topic of the query
/// outside them, rather than being the query's topic or the only name of
/// its thing ("koulusta poisjääminen": no word of it names a thing).
fn refines(apart: &[PlannedTerm], clauses: &[Vec<PlannedTerm>]) -> bool {
    let own: Vec<&str> = apart
        .iter()
        .flat_map(PlannedTerm::words)
        .map(|w| w.text.as_str())
        .collect();
    let (inside, outside): (Vec<_>, Vec<_>) = clauses
        .iter()
        .filter(|alts| is_topic(alts))
        .partition(|alts| {
            alts.iter()
                .any(|t| t.words().iter().all(|w| own.contains(&w.text.as_str())))
        });
    !inside.is_empty() && !outside.is_empty()
}

/// The query's everyday clauses that are words of a thing said apart:
/// what it adds beside another topic is at least theirs, so a text
/// saying the thing ("parents misuse drugs", in English for "vanhempien
/// päihteet") ranks above one meeting the everyday word elsewhere
/// ("vanhemmuuden tukeminen … päihteitä käyttävien asiakkaiden").
fn everyday_within(apart: &[PlannedTerm], clauses: &[Vec<PlannedTerm>]) -> Vec<usize> {
    let own: Vec<&str> = apart
        .iter()
        .flat_map(PlannedTerm::words)
        .map(|w| w.text.as_str())
        .collect();
    clauses
        .iter()
        .enumerate()
        .filter(|(_, alts)| !is_topic(alts))
        .filter(|(_, alts)| {
            alts.iter()
                .all(|t| t.words().iter().all(|w| own.contains(&w.text.as_str())))
        })
        .map(|(k, _)| k)
        .collect()
}

/// Whether a clause's words name a phenomenon or a thesaurus thing.
pub(super) fn is_topic(alts: &[PlannedTerm]) -> bool {
    alts.iter().any(|t| t.named_codes().next().is_some())
}

#[derive(Debug, Clone)]
pub(super) enum PlannedTerm {
    Word(QueryWord),
    /// Quoted by the user: the words in this order.
    Phrase(Vec<QueryWord>),
    /// Words that together name a phenomenon or a thesaurus ring
    /// ("harvinaiset sairaudet", "våld i nära relationer"): met together,
    /// in this order or through what they name, never each somewhere else
    /// in a text ("harvinaisen pitkä kokemus … sairauslomasijaisuuksia").
    Name(Vec<QueryWord>, Vec<Named>),
}

impl PlannedTerm {
    /// The codes of what it names: a name's own (only those: not what
    /// each of its words names alone), or its words'.
    pub(super) fn named_codes(&self) -> Box<dyn Iterator<Item = &str> + '_> {
        match self {
            PlannedTerm::Name(_, named) => Box::new(named.iter().map(|n| n.code.as_str())),
            PlannedTerm::Word(_) | PlannedTerm::Phrase(_) => Box::new(
                self.words()
                    .iter()
                    .flat_map(|w| w.concepts.iter().map(|n| n.code.as_str())),
            ),
        }
    }

    pub(super) fn words(&self) -> &[QueryWord] {
        match self {
            PlannedTerm::Word(w) => std::slice::from_ref(w),
            PlannedTerm::Phrase(ws) | PlannedTerm::Name(ws, _) => ws,
        }
    }
}

/// Merges the single-word clauses each recognised name of two or more
/// words spans (`spans`: first and last place in `sequence`, which gives
/// each place's clause and word) into one [`PlannedTerm::Name`] clause,
/// longest names first; names over quoted phrases or alternatives, and
/// names overlapping a longer one, are left as they are.
fn named_together(
    clauses: Vec<Vec<PlannedTerm>>,
    sequence: &[(usize, usize)],
    spans: Vec<(usize, usize, Named)>,
) -> Vec<Vec<PlannedTerm>> {
    // Each stretch once, with everything it names.
    let mut names: Vec<((usize, usize), Vec<Named>)> = Vec::new();
    for (first, last, named) in spans {
        match names.iter_mut().find(|(at, _)| *at == (first, last)) {
            Some((_, all)) if all.iter().any(|n| n.code == named.code) => {}
            Some((_, all)) => all.push(named),
            None => names.push(((first, last), vec![named])),
        }
    }
    names.sort_by_key(|((first, last), _)| std::cmp::Reverse(last - first));
    let mut merged: Vec<(usize, usize, Vec<Named>)> = Vec::new();
    for ((first, last), named) in names {
        let at = &sequence[first..=last];
        let single = at
            .iter()
            .all(|(i, k)| *k == 0 && matches!(clauses[*i].as_slice(), [PlannedTerm::Word(_)]));
        let (lo, hi) = (at[0].0, at[at.len() - 1].0);
        if !single || hi - lo != last - first || merged.iter().any(|(a, b, _)| lo <= *b && *a <= hi)
        {
            continue;
        }
        merged.push((lo, hi, named));
    }
    let mut out = Vec::with_capacity(clauses.len());
    let mut clauses = clauses.into_iter().enumerate().peekable();
    while let Some((i, clause)) = clauses.next() {
        match merged.iter().find(|(lo, _, _)| *lo == i) {
            Some((_, hi, named)) => {
                let hi = *hi;
                let mut words: Vec<QueryWord> =
                    clause.iter().flat_map(|t| t.words().to_vec()).collect();
                while let Some((_, next)) = clauses.next_if(|(j, _)| *j <= hi) {
                    words.extend(next.iter().flat_map(|t| t.words().to_vec()));
                }
                out.push(vec![PlannedTerm::Name(words, named.clone())]);
            }
            None => out.push(clause),
        }
    }
    out
}

impl SearchIndex {
    /// A word that names a thing meets the base it derives from only where
    /// the base names the thing too: "autistinen" meets "autismi", but
    /// "huoltajuus" (custody) not "huoltaja" (a sports team's kit man as
    /// much as a guardian). Read from the blind collection's misses.
    fn bases_that_name_it(&self, taxonomy: &Taxonomy, w: &mut QueryWord) {
        let codes: Vec<&str> = w
            .concepts
            .iter()
            .filter(|c| c.foreign && !c.broad)
            .map(|c| c.code.as_str())
            .collect();
        if codes.is_empty() {
            return;
        }
        for (l, forms) in LANGS.iter().zip(&mut w.forms) {
            let other: Vec<String> = forms
                .analysis
                .terms
                .iter()
                .filter(|t| t.kind == TermKind::Derived)
                .filter(|t| {
                    let base = t.text.trim_start_matches(otalusta_analysis::DERIVED_MARK);
                    let slots = self.analysis.slots(*l, base);
                    !taxonomy
                        .concepts
                        .recognise(*l as usize, &slots)
                        .iter()
                        .any(|r| {
                            codes
                                .iter()
                                .any(|c| r.code == *c || taxonomy.concepts.is_broader(&r.code, c))
                        })
                })
                .map(|t| t.text.clone())
                .collect();
            if !other.is_empty() {
                Arc::make_mut(&mut forms.analysis)
                    .terms
                    .retain(|t| !other.contains(&t.text));
            }
        }
    }
}

/// A query ready to run.
pub(super) struct Plan {
    pub(super) parsed: ParsedQuery,
    /// Each clause's alternatives (stop words gone).
    pub(super) clauses: Vec<Vec<PlannedTerm>>,
    /// How many of the last clauses are things said apart (never emptied
    /// by stop words: each is a name).
    pub(super) apart: usize,
    pub(super) excluded: Vec<PlannedTerm>,
    /// Words not searched for (question and function words).
    pub(super) ignored: Vec<String>,
    /// The query with its typos corrected, when some were.
    pub(super) did_you_mean: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str) -> QueryWord {
        let forms = || WordForms {
            analysis: Arc::new(otalusta_analysis::Analysis::default()),
            corrections: Vec::new(),
        };
        QueryWord {
            text: text.to_owned(),
            forms: [forms(), forms(), forms()],
            concepts: Vec::new(),
            stop: false,
            fuzzy: false,
        }
    }

    fn shape(clauses: &[Vec<PlannedTerm>]) -> Vec<String> {
        clauses
            .iter()
            .map(|alts| {
                alts.iter()
                    .map(|t| {
                        let words: Vec<&str> = t.words().iter().map(|w| w.text.as_str()).collect();
                        match t {
                            PlannedTerm::Word(_) => words.join(" "),
                            PlannedTerm::Phrase(_) => format!("\"{}\"", words.join(" ")),
                            PlannedTerm::Name(..) => format!("[{}]", words.join(" ")),
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect()
    }

    #[test]
    fn a_topic_clause_outweighs_every_other_together() {
        let named = |text: &str| {
            let mut w = word(text);
            w.concepts.push(Named {
                code: "sanasto:gangs".into(),
                label: "gang".into(),
                foreign: true,
                broad: false,
            });
            w
        };
        let one = |w: QueryWord| vec![PlannedTerm::Word(w)];
        // "youth gangs": gangs names a thing, youth does not.
        let w = clause_weights(&[one(word("youth")), one(named("gangs"))], 0);
        assert!(w[1] > w[0], "{w:?}");
        // Three everyday words together weigh less than the topic alone,
        // and each more one still counts.
        let w = clause_weights(
            &[
                one(word("tukea")),
                one(word("lasta")),
                one(word("äiti")),
                vec![PlannedTerm::Name(
                    vec![word("juo"), word("liikaa")],
                    named("x").concepts,
                )],
            ],
            0,
        );
        assert!(w[3] > w[0] + w[1] + w[2], "{w:?}");
        // Met outright, it outweighs itself met at half with all the
        // others and their nearness bonus (half a clause at most).
        assert!(w[3] > 0.5 * w[3] + w[0] + w[1] + w[2] + 0.5 * w[0], "{w:?}");
        assert!(w[0] > 0.0);
        // Only topics, or none: every clause weighs the same.
        for ws in [
            clause_weights(&[one(named("a")), one(named("b"))], 0),
            clause_weights(&[one(word("a")), one(word("b"))], 0),
        ] {
            assert_eq!(ws[0], ws[1]);
        }
        // A thing said apart over "nuoren masennus", beside "ahdistus":
        // less than a word of its own, so depression and anxiety together
        // outweigh young people's depression.
        let said_apart = |ws: &[&str]| {
            vec![PlannedTerm::Name(
                ws.iter().map(|w| word(w)).collect(),
                named("x").concepts,
            )]
        };
        let w = clause_weights(
            &[
                one(word("nuoren")),
                one(named("masennus")),
                one(named("ahdistus")),
                said_apart(&["nuoren", "masennus"]),
            ],
            1,
        );
        assert!(w[1] + w[2] > w[1] + w[0] + w[3], "{w:?}");
        // Yet more than its everyday word met elsewhere in a text: a text
        // saying young people's depression in other words ranks first.
        assert!(w[3] > w[0], "{w:?}");
        // Two things said apart over one everyday word ("vanhempien
        // masennus, päihteet ja kiusaaminen"): the word counts for one, so
        // a text meeting both and the word, with its nearness bonus, still
        // weighs less than a topic.
        let w = clause_weights(
            &[
                one(word("vanhempien")),
                one(named("masennus")),
                one(named("päihteet")),
                one(named("kiusaaminen")),
                said_apart(&["vanhempien", "masennus"]),
                said_apart(&["vanhempien", "päihteet"]),
            ],
            2,
        );
        assert!(w[3] > w[0] + w[4] + w[5] + 0.5 * w[0], "{w:?}");
        assert!(w[4] > w[0], "{w:?}");
        // The query's whole topic ("masentuneen vanhemman"): a topic.
        let w = clause_weights(
            &[
                one(named("masentuneen")),
                one(word("vanhemman")),
                said_apart(&["masentuneen", "vanhemman"]),
            ],
            1,
        );
        assert_eq!(w[2], w[0], "{w:?}");
        // The only name of its thing ("kiusaaminen ja koulusta
        // poisjääminen"): a topic.
        let w = clause_weights(
            &[
                one(named("kiusaaminen")),
                one(word("koulusta")),
                one(word("poisjääminen")),
                said_apart(&["koulusta", "poisjääminen"]),
            ],
            1,
        );
        assert_eq!(w[3], w[0], "{w:?}");
    }

    #[test]
    fn words_naming_one_thing_become_one_clause() {
        let clauses = |ws: &[&str]| -> Vec<Vec<PlannedTerm>> {
            ws.iter()
                .map(|w| vec![PlannedTerm::Word(word(w))])
                .collect()
        };
        let seq = |n: usize| -> Vec<(usize, usize)> { (0..n).map(|i| (i, 0)).collect() };
        let named = |code: &str| Named {
            code: code.to_owned(),
            label: code.to_owned(),
            foreign: true,
            broad: false,
        };
        let span = |first: usize, last: usize, code: &str| (first, last, named(code));
        let codes = |c: &[Vec<PlannedTerm>]| -> Vec<Vec<String>> {
            c.iter()
                .flatten()
                .filter_map(|t| match t {
                    PlannedTerm::Name(_, n) => Some(n.iter().map(|n| n.code.clone()).collect()),
                    _ => None,
                })
                .collect()
        };
        // "harvinaiset sairaudet" names a phenomenon; "nuoret" stays apart.
        let c = named_together(
            clauses(&["nuoret", "harvinaiset", "sairaudet"]),
            &seq(3),
            vec![span(1, 2, "rare")],
        );
        assert_eq!(shape(&c), ["nuoret", "[harvinaiset sairaudet]"]);
        assert_eq!(codes(&c), [["rare"]]);
        // The longest name wins over one inside or overlapping it, and the
        // clause carries only what the whole name names.
        let c = named_together(
            clauses(&["våld", "i", "nära", "relationer"]),
            &seq(4),
            vec![
                span(2, 3, "kin"),
                span(0, 3, "dv"),
                span(0, 1, "x"),
                span(0, 3, "dv2"),
            ],
        );
        assert_eq!(shape(&c), ["[våld i nära relationer]"]);
        assert_eq!(codes(&c), [["dv", "dv2"]]);
        let c = named_together(
            clauses(&["a", "b", "c"]),
            &seq(3),
            vec![span(0, 1, "ab"), span(1, 2, "bc")],
        );
        assert_eq!(shape(&c), ["[a b]", "c"]);
        // Not over a quoted phrase or a clause of alternatives (OR).
        // (A clause of alternatives is not in the sequence, so "a" and "c"
        // around "b OR x" stand next to each other there.)
        let mut mixed = clauses(&["a", "b", "c"]);
        mixed[1].push(PlannedTerm::Word(word("x")));
        let c = named_together(mixed, &[(0, 0), (2, 0)], vec![span(0, 1, "ac")]);
        assert_eq!(shape(&c), ["a", "b|x", "c"]);
        let quoted = vec![
            vec![PlannedTerm::Phrase(vec![word("a"), word("b")])],
            vec![PlannedTerm::Word(word("c"))],
        ];
        let c = named_together(quoted, &[(0, 0), (0, 1), (1, 0)], vec![span(1, 2, "bc")]);
        assert_eq!(shape(&c), ["\"a b\"", "c"]);
    }
}
