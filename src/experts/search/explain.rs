//! Perustelut: why a hit was found — which query word met which field
//! and how, worked out from the document's analysed words by the same
//! rules the query used (`matching::meet`).

use super::*;

impl SearchIndex {
    /// Which query words met the document, where and how.
    pub(super) fn reasons(
        &self,
        doc: &Explainable,
        plan: &Plan,
        met: &mut Explaining,
    ) -> Vec<Reason> {
        if plan.clauses.is_empty() {
            return Vec::new();
        }
        let f = &self.fields;
        let mut reasons: Vec<Reason> = Vec::new();
        let push = |reasons: &mut Vec<Reason>, field: &'static str, detail: &str, m: Matched| {
            let r = match reasons
                .iter_mut()
                .position(|r| r.field == field && r.detail == detail)
            {
                Some(i) => &mut reasons[i],
                None => {
                    reasons.push(Reason {
                        field,
                        detail: detail.to_owned(),
                        words: Vec::new(),
                    });
                    reasons.last_mut().expect("just pushed")
                }
            };
            if !r.words.iter().any(|x| x.asked == m.asked) {
                r.words.push(m);
            }
        };
        let words: Vec<&QueryWord> = plan
            .clauses
            .iter()
            .flatten()
            .flat_map(PlannedTerm::words)
            .collect();
        let codes = &doc.phenomena;
        let concepts = &doc.concepts;
        if met.needles.is_empty() {
            met.needles = words
                .iter()
                .map(|w| LANGS.map(|l| matching::needles(&w.forms[l as usize])))
                .collect();
        }
        let taxonomy = self.taxonomy.read().expect("taxonomy lock");
        for code in codes {
            let Some(per_lang) = taxonomy.slots.get(code) else {
                continue;
            };
            for (i, w) in words.iter().enumerate() {
                let named = w.concepts.iter().find(|c| c.code == *code);
                // The same for every hit with this phenomenon.
                let meets = met
                    .met
                    .entry((i, code.clone()))
                    .or_insert_with(|| {
                        LANGS
                            .iter()
                            .map(|l| *l as usize)
                            .filter(|l| per_lang[*l].may_meet(&met.needles[i][*l]))
                            .filter_map(|l| matching::meet(&w.forms[l], &per_lang[l].slots))
                            .min_by_key(|(k, _)| *k)
                    })
                    .clone();
                match (meets, named) {
                    (Some((how, found)), _) => push(
                        &mut reasons,
                        "phenomena",
                        code,
                        Matched::new(&w.text, found, how),
                    ),
                    (None, Some(named)) => push(
                        &mut reasons,
                        "phenomena",
                        code,
                        Matched::new(&w.text, named.label.to_lowercase(), MatchKind::Concept),
                    ),
                    _ => {}
                }
            }
        }
        drop(taxonomy);
        for ((_, name, lang, _), slots) in f.text.iter().zip(doc.texts.iter()) {
            let label = match *name {
                n if n.starts_with("title") => "title",
                n if n.starts_with("description") => "description",
                "name" => "name",
                "organisation" => "organisation",
                "place" => "place",
                _ => continue,
            };
            if slots.slots.is_empty() {
                continue;
            }
            let text = slots;
            let slots = &text.slots[..];
            for (i, w) in words.iter().enumerate() {
                let may = text.may_meet(&met.needles[i][*lang as usize]);
                if may && let Some((how, found)) = matching::meet(&w.forms[*lang as usize], slots) {
                    push(&mut reasons, label, "", Matched::new(&w.text, found, how));
                } else if w.fuzzy
                    && let Some(s) = slots.iter().find(|s| {
                        s.analysis.texts().any(|k| {
                            keys(&w.forms[*lang as usize].analysis)
                                .any(|q| matching::edit_distance(q, k) <= 1)
                        })
                    })
                {
                    push(
                        &mut reasons,
                        label,
                        "",
                        Matched::new(&w.text, s.word.to_lowercase(), MatchKind::Typo),
                    );
                }
            }
        }
        // Phenomena recognised in the text, when nothing else explains a word.
        for w in &words {
            if reasons
                .iter()
                .any(|r| r.words.iter().any(|m| m.asked == w.text))
            {
                continue;
            }
            if let Some(named) = w.concepts.iter().find(|c| {
                // Named outright, or as the broader thing of what the
                // text names.
                c.foreign && (concepts.contains(&c.code) || concepts.contains(&implied(&c.code)))
            }) {
                push(
                    &mut reasons,
                    "concept",
                    &named.code,
                    Matched::new(&w.text, named.label.to_lowercase(), MatchKind::Concept),
                );
            }
        }
        reasons
    }
}

/// What explaining hits works out once a search: how each query word (by
/// its place among the plan's words) met each phenomenon's name, synonyms
/// and description, and each word's [`matching::needles`] by language.
#[derive(Default)]
pub(super) struct Explaining {
    met: HashMap<(usize, String), Option<(MatchKind, String)>>,
    needles: Vec<[Vec<String>; 3]>,
}
