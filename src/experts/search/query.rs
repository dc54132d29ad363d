//! Haku: each clause of a [`Plan`](super::plan::Plan) as a tantivy query —
//! the ways a word may meet a field (as written, compound, derived,
//! corrected, one letter off, through what it names), names, phrases and
//! exclusions, each weighted by [`MatchKind::weight`].

use super::*;

/// The share of a clause's coverage a text meets it by when it names only
/// a broader thing of what the clause's word names (a text on ADHD for
/// "autismi": found, after every text on autism meeting as much).
const BROAD_SHARE: f32 = 0.5;

/// The share a text meets a clause by when it names only a narrower thing
/// of what the clause names (special education for "koulunkäynnin tuki",
/// custody disputes for "avioero"): a kind of the thing asked for, so before
/// a sibling met through a broader thing ([`BROAD_SHARE`]), after the texts
/// naming the thing itself. Close to it (was 0.75): a text on residential
/// care that says whose substance use ("teenagers who smoke cannabis") is
/// more to "sijoitettujen nuorten päihteidenkäyttö" than one naming
/// substitute care beside adults' substance use, so a thing said apart
/// (`plan::REFINING_SHARE`) outweighs the step down to a narrower thing
/// of a topic beside one everyday word (the fifth and blind collections:
/// three queries up, none down).
const NARROWER_SHARE: f32 = 0.9;

impl SearchIndex {
    /// One clause: matched (any alternative) adds `coverage` (see
    /// [`clause_weights`]), so a text meeting more of the query's clauses
    /// always ranks higher; how well it met them orders texts that meet as
    /// many.
    pub(super) fn clause_query(
        &self,
        searcher: &tantivy::Searcher,
        alts: &[PlannedTerm],
        coverage: f32,
    ) -> Option<Box<dyn Query>> {
        let broad: Vec<(Occur, Box<dyn Query>)> = alts
            .iter()
            .filter_map(|t| self.half_query(t))
            .map(|q| (Occur::Should, q))
            .collect();
        let narrower: Vec<(Occur, Box<dyn Query>)> = alts
            .iter()
            .filter_map(|t| self.narrower_query(t))
            .map(|q| (Occur::Should, q))
            .collect();
        let parts: Vec<(Occur, Box<dyn Query>)> = alts
            .iter()
            .flat_map(|t| match t {
                PlannedTerm::Word(w) => vec![
                    self.word_query(searcher, w, Looked::Competence),
                    // A group's organiser and area are what it is.
                    self.employer_query(searcher, w, DocKind::Group),
                ],
                PlannedTerm::Phrase(ws) => vec![self.phrase_query(ws)],
                PlannedTerm::Name(ws, named) => vec![self.name_query(ws, named)],
            })
            .flatten()
            .map(|q| (Occur::Should, q))
            .collect();
        let any: Box<dyn Query> = match parts.len() {
            0 => return None,
            1 => parts.into_iter().next().expect("one").1,
            _ => Box::new(BooleanQuery::new(parts)),
        };
        let full = Box::new(crate::experts::coverage::CoverageQuery::new(any, coverage));
        if broad.is_empty() && narrower.is_empty() {
            return Some(full);
        }
        let share = |alts: Vec<(Occur, Box<dyn Query>)>, share: f32| -> Box<dyn Query> {
            Box::new(crate::experts::coverage::CoverageQuery::new(
                Box::new(BooleanQuery::new(alts)),
                coverage * share,
            ))
        };
        let mut ways: Vec<Box<dyn Query>> = vec![full];
        if !broad.is_empty() {
            ways.push(share(broad, BROAD_SHARE));
        }
        if !narrower.is_empty() {
            ways.push(share(narrower, NARROWER_SHARE));
        }
        // The best of them, not all: a text on autism names
        // neuropsychiatric disorders too.
        Some(Box::new(DisjunctionMaxQuery::new(ways)))
    }

    /// What a clause's terms meet at half its coverage: the broader things
    /// a word names beside a narrower one and the things some count as
    /// kinds of what a word or a name names (`thesaurus::AKIN`), as
    /// [`word_query`](Self::word_query) would meet concepts, with the texts
    /// naming their narrower things.
    fn half_query(&self, term: &PlannedTerm) -> Option<Box<dyn Query>> {
        let named: Vec<Named> = match term {
            PlannedTerm::Word(w) => w.concepts.iter().filter(|c| c.broad).cloned().collect(),
            PlannedTerm::Name(_, named) => {
                let mut half = akin_of(named.iter().map(|n| n.code.as_str()));
                half.retain(|k| !named.iter().any(|n| n.code == k.code));
                half.extend(named.iter().filter(|n| n.broad).cloned());
                half
            }
            PlannedTerm::Phrase(_) => return None,
        };
        let mut alts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut add = |q: Box<dyn Query>, weight: f32| {
            alts.push((Occur::Should, Box::new(BoostQuery::new(q, weight))));
        };
        for c in &named {
            self.concept_alternatives(c, &mut add);
        }
        let weight = 2.0 * MatchKind::Concept.weight();
        let implied_by_some = named
            .iter()
            .filter(|c| c.foreign)
            .filter(|c| crate::experts::thesaurus::has_narrower(&c.code));
        for c in implied_by_some {
            add(self.term(self.fields.concept, &implied(&c.code)), weight);
        }
        (!alts.is_empty()).then(|| Box::new(BooleanQuery::new(alts)) as Box<dyn Query>)
    }

    /// Texts naming what the term names only as the broader thing of what
    /// they name (`thesaurus::BROADER`: custody disputes for "avioero"),
    /// met at [`NARROWER_SHARE`]; only things something is a kind of can be
    /// implied.
    fn narrower_query(&self, term: &PlannedTerm) -> Option<Box<dyn Query>> {
        let in_texts: Vec<&Named> = match term {
            PlannedTerm::Word(w) => w
                .concepts
                .iter()
                .filter(|c| c.foreign && !c.broad)
                .collect(),
            PlannedTerm::Name(ws, named) => name_in_texts(ws, named),
            PlannedTerm::Phrase(_) => return None,
        };
        let weight = 2.0 * MatchKind::Concept.weight();
        let alts: Vec<(Occur, Box<dyn Query>)> = in_texts
            .into_iter()
            .filter(|c| crate::experts::thesaurus::has_narrower(&c.code))
            .map(|c| {
                let q: Box<dyn Query> = Box::new(BoostQuery::new(
                    self.term(self.fields.concept, &implied(&c.code)),
                    weight,
                ));
                (Occur::Should, q)
            })
            .collect();
        (!alts.is_empty()).then(|| Box::new(BooleanQuery::new(alts)) as Box<dyn Query>)
    }

    /// A thing a word names: profiles tagged with it, and (named in a
    /// ring, or in a language the word is foreign to) texts naming it.
    fn concept_alternatives(&self, c: &Named, add: &mut impl FnMut(Box<dyn Query>, f32)) {
        let weight = MatchKind::Concept.weight();
        add(self.term(self.fields.phenomenon, &c.code), 3.0 * weight);
        if c.foreign {
            add(self.term(self.fields.concept, &c.code), 2.0 * weight);
        }
    }

    /// For each of the query's everyday clauses: a bonus where one of its
    /// words stands close to where a text names a topic of the query, or
    /// (a query without a topic) inside a name of anything
    /// ([`Recognition`]). Half a clause's coverage at most in
    /// all, so it orders texts meeting as many clauses and never outweighs
    /// one more.
    pub(super) fn near_topic_queries(&self, clauses: &[Vec<PlannedTerm>]) -> Vec<Box<dyn Query>> {
        let topics: Vec<&str> = clauses
            .iter()
            .flatten()
            .flat_map(PlannedTerm::named_codes)
            .collect();
        // No topic: a word used inside a name of a thing ("ongelmalliseen
        // pelaamiseen") is used in the field's sense, unlike the same word
        // elsewhere ("pelaan sählyä").
        let topics = if topics.is_empty() { vec![""] } else { topics };
        let everyday: Vec<&Vec<PlannedTerm>> =
            clauses.iter().filter(|alts| !is_topic(alts)).collect();
        let bonus = COVERAGE / (2 * everyday.len().max(1)) as f32;
        everyday
            .into_iter()
            .filter_map(|alts| {
                let mut words: Vec<&str> = alts
                    .iter()
                    .filter_map(|t| match t {
                        PlannedTerm::Word(w) => Some(w),
                        PlannedTerm::Phrase(_) | PlannedTerm::Name(..) => None,
                    })
                    .flat_map(|w| w.forms.iter().flat_map(|f| keys(&f.analysis)))
                    .collect();
                words.sort_unstable();
                words.dedup();
                let near: Vec<(Occur, Box<dyn Query>)> = topics
                    .iter()
                    .flat_map(|c| words.iter().map(move |k| format!("{c}|{k}")))
                    .map(|t| (Occur::Should, self.term(self.fields.concept_near, &t)))
                    .collect();
                if near.is_empty() {
                    return None;
                }
                let any = Box::new(ConstScoreQuery::new(Box::new(BooleanQuery::new(near)), 0.0));
                Some(
                    Box::new(crate::experts::coverage::CoverageQuery::new(any, bonus))
                        as Box<dyn Query>,
                )
            })
            .collect()
    }

    /// What an excluded term must not match: the word in any form or as a
    /// compound, or the phrase.
    pub(super) fn exclusion_query(
        &self,
        searcher: &tantivy::Searcher,
        t: &PlannedTerm,
    ) -> Option<Box<dyn Query>> {
        match t {
            PlannedTerm::Word(w) => self.word_query(searcher, w, Looked::Exclusion),
            PlannedTerm::Phrase(ws) | PlannedTerm::Name(ws, _) => self.phrase_query(ws),
        }
    }

    /// Words that together name a thing: near each other in one field
    /// ([`NAME_SLOP`]), or in a text about what they name (as a word of
    /// their own language does, [`word_query`](Self::word_query)).
    fn name_query(&self, ws: &[QueryWord], named: &[Named]) -> Option<Box<dyn Query>> {
        let weight = MatchKind::Concept.weight();
        // Texts that name the thing in their own words.
        let in_texts = |code: &str| -> (Occur, Box<dyn Query>) {
            (
                Occur::Should,
                Box::new(BoostQuery::new(
                    self.term(self.fields.concept, code),
                    2.0 * weight,
                )),
            )
        };
        let mut alts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Some(q) = self.near_query(ws, NAME_SLOP) {
            alts.push((Occur::Should, q));
        }
        for c in named.iter().filter(|c| !c.broad) {
            alts.push((
                Occur::Should,
                Box::new(BoostQuery::new(
                    self.term(self.fields.phenomenon, &c.code),
                    3.0 * weight,
                )),
            ));
        }
        alts.extend(
            name_in_texts(ws, named)
                .into_iter()
                .map(|c| in_texts(&c.code)),
        );
        (!alts.is_empty()).then(|| Box::new(BooleanQuery::new(alts)) as Box<dyn Query>)
    }

    /// A query word in the `organisation` field of documents of `kind`
    /// (an expert's employer; a group's organiser and area).
    pub(super) fn employer_query(
        &self,
        searcher: &tantivy::Searcher,
        w: &QueryWord,
        kind: DocKind,
    ) -> Option<Box<dyn Query>> {
        let q = self.word_query(searcher, w, Looked::Employer)?;
        Some(Box::new(BooleanQuery::new(vec![
            self.of_kind(kind),
            (Occur::Must, q),
        ])))
    }

    /// Documents of `kind` as a clause. Every document is an expert or a
    /// group and groups are few, so "not a group" skips a handful of
    /// documents where "an expert" would be checked against every one
    /// (a word met by most of 100 000 profiles: a tenth of the search).
    pub(super) fn of_kind(&self, kind: DocKind) -> (Occur, Box<dyn Query>) {
        let group = self.term(self.fields.kind, "group");
        match kind {
            DocKind::Group => (Occur::Must, group),
            DocKind::Expert => (Occur::MustNot, group),
        }
    }

    /// A query word in the text fields `which` names, each in its
    /// language: exactly, as a compound, derived, corrected, and (`wide`)
    /// through the phenomena it names; each way weighted by
    /// [`MatchKind::weight`].
    pub(super) fn word_query(
        &self,
        searcher: &tantivy::Searcher,
        w: &QueryWord,
        which: Looked,
    ) -> Option<Box<dyn Query>> {
        let f = &self.fields;
        let wide = which == Looked::Competence;
        let mut alts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut add = |q: Box<dyn Query>, weight: f32| {
            alts.push((Occur::Should, Box::new(BoostQuery::new(q, weight))));
        };
        for (field, _, lang, field_weight) in f.text.iter().filter(|t| which.has(t.1)) {
            let field = *field;
            let forms = &w.forms[*lang as usize];
            // The word as written, then each correction searched the way
            // the corrected word would be (syomishairiot finds what
            // syömishäiriöt finds), ranked below.
            let written = std::iter::once((&forms.analysis, 1.0));
            let corrected = forms
                .corrections
                .iter()
                .map(|(_, c)| (c, MatchKind::Typo.weight()));
            for (a, scale) in written.chain(corrected) {
                self.analysis_alternatives(
                    searcher,
                    field,
                    a,
                    field_weight * scale,
                    wide,
                    &mut add,
                );
            }
            if w.fuzzy {
                // One letter off a word, on its own or in a compound.
                for k in keys(&forms.analysis) {
                    for t in [k.to_owned(), otalusta_analysis::part(k)] {
                        add(
                            Box::new(FuzzyTermQuery::new(
                                Term::from_field_text(field, &t),
                                1,
                                true,
                            )),
                            field_weight * MatchKind::Typo.weight(),
                        );
                    }
                }
            }
        }
        if wide {
            // A broader thing beside it is not here: [`half_query`](Self::half_query).
            for c in w.concepts.iter().filter(|c| !c.broad) {
                self.concept_alternatives(c, &mut add);
            }
        }
        match alts.len() {
            // The employer's name only ranks; a word no other text has
            // still counts as a clause (it finds nobody).
            0 if which == Looked::Employer => None,
            0 => Some(Box::new(EmptyQuery)),
            _ => Some(Box::new(BooleanQuery::new(alts))),
        }
    }

    /// What one analysis of a query word may meet in one field: its forms
    /// exactly, its compound's parts in one word or split over two, and
    /// (`wide`) words derived from the same base; each kind weighted by
    /// [`MatchKind::weight`] times `weight`.
    fn analysis_alternatives(
        &self,
        searcher: &tantivy::Searcher,
        field: Field,
        a: &Analysis,
        weight: f32,
        wide: bool,
        add: &mut impl FnMut(Box<dyn Query>, f32),
    ) {
        // Only terms some text of this field has: most forms of most words
        // are in no field, and each alternative costs its weight and scorer.
        let term = |t: &str| Term::from_field_text(field, t);
        let present = |t: &Term| searcher.doc_freq(t).is_ok_and(|n| n > 0);
        // Each term once, at the first (highest) weight it is asked at.
        let mut added = HashSet::new();
        let mut term_query = |t: &str, kind: MatchKind| {
            if !added.insert(t.to_owned()) {
                return;
            }
            let t = term(t);
            if present(&t) {
                add(
                    Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs)),
                    weight * kind.weight(),
                );
            }
        };
        for k in keys(a) {
            term_query(k, MatchKind::Exact);
            // A part of a text's compound ("koti" in "koulukodissa").
            term_query(&otalusta_analysis::part(k), MatchKind::Compound);
        }
        if wide {
            for b in a.of_kind(TermKind::BaseForm) {
                term_query(
                    &format!("{}{b}", otalusta_analysis::DERIVED_MARK),
                    MatchKind::Derived,
                );
            }
            for d in a.derived_from() {
                term_query(d, MatchKind::Derived);
                term_query(&otalusta_analysis::part(d), MatchKind::Derived);
                term_query(
                    &format!("{}{d}", otalusta_analysis::DERIVED_MARK),
                    MatchKind::Derived,
                );
            }
        }
        // The compound's parts next to each other in one word: one term.
        for parts in &a.compounds {
            term_query(&otalusta_analysis::joined(parts), MatchKind::Compound);
        }
        // Written apart, either order: the tokenizer's pair of two adjacent
        // words, one term as well (not the joined parts: "koti hoito"
        // read backwards is not hoitokoti); the other way round only when
        // the first part is not a genitive ("väkivalta perheessä", not
        // "väkivalta perheen kunnian vuoksi").
        for (l, r) in &a.splits {
            term_query(&otalusta_analysis::pair(l, r), MatchKind::Compound);
            term_query(&otalusta_analysis::pair_forward(l, r), MatchKind::Compound);
            term_query(&otalusta_analysis::pair(r, l), MatchKind::Compound);
        }
        let all_grams = a.of_kind(TermKind::NGram).count();
        let required =
            ((all_grams as f32 * otalusta_analysis::NGRAM_MIN_SHARE).ceil() as usize).max(1);
        let grams: Vec<(Occur, Box<dyn Query>)> = a
            .of_kind(TermKind::NGram)
            .map(term)
            .filter(|t| present(t))
            .map(|t| {
                (
                    Occur::Should,
                    Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs)) as Box<dyn Query>,
                )
            })
            .collect();
        if all_grams > 0 && grams.len() >= required {
            add(
                Box::new(BooleanQuery::with_minimum_required_clauses(grams, required)),
                weight * MatchKind::Exact.weight(),
            );
        }
    }

    /// Quoted words standing together in this order in one field, each in
    /// its first form (base form, or stem).
    fn phrase_query(&self, ws: &[QueryWord]) -> Option<Box<dyn Query>> {
        self.near_query(ws, 0)
    }

    /// [`phrase_query`](Self::phrase_query) with `slop` (tantivy's: the
    /// words may stand that many places apart in all, a swap costing two).
    fn near_query(&self, ws: &[QueryWord], slop: u32) -> Option<Box<dyn Query>> {
        let mut alts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (field, _, lang, weight) in &self.fields.text {
            // A word of a name corrected for a typo stands as corrected
            // (quoted words are never corrected).
            let terms: Option<Vec<Term>> = ws
                .iter()
                .map(|w| {
                    let forms = &w.forms[*lang as usize];
                    let a = forms
                        .corrections
                        .first()
                        .map_or(&forms.analysis, |(_, a)| a);
                    keys(a).next().map(|k| Term::from_field_text(*field, k))
                })
                .collect();
            let Some(terms) = terms else { continue };
            let q: Box<dyn Query> = if terms.len() == 1 {
                Box::new(TermQuery::new(
                    terms.into_iter().next().expect("one"),
                    IndexRecordOption::WithFreqs,
                ))
            } else {
                let mut phrase = PhraseQuery::new(terms);
                phrase.set_slop(slop);
                Box::new(phrase)
            };
            alts.push((Occur::Should, Box::new(BoostQuery::new(q, *weight))));
        }
        (!alts.is_empty()).then(|| Box::new(BooleanQuery::new(alts)) as Box<dyn Query>)
    }
}

/// What a search document is (its `kind` field: "expert" or "group").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DocKind {
    Expert,
    Group,
}

/// What a name meets in texts that name it in their own words: the things
/// it names in a ring or another language, or (a name only the taxonomy
/// knows, "vaativa eroauttaminen" of the custody channel) what a word of
/// it names on its own, or the name would find less than its words. A
/// name that is itself a thing of the field ("separation anxiety") keeps
/// to that thing.
fn name_in_texts<'a>(ws: &'a [QueryWord], named: &'a [Named]) -> Vec<&'a Named> {
    if named.iter().any(|n| n.foreign) {
        return named.iter().filter(|n| n.foreign && !n.broad).collect();
    }
    ws.iter()
        .flat_map(|w| &w.concepts)
        .filter(|c| c.foreign && !named.iter().any(|n| n.code == c.code))
        .collect()
}
