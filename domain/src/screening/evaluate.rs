//! A screening's result: the team's answers merged, scored by the
//! instrument's rules, and explained answer by answer.

use super::Level;
use super::instrument::{Instrument, ItemKind};
use crate::calendar::keys::keyed_enum;
use crate::questionnaire::{Answer, Answers, Questionnaire};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One participant's answers: item key → option keys (one, or several for
/// a multiple choice).
pub type Given = BTreeMap<String, Vec<String>>;

/// Who said what: a participant (by a number the caller chooses, e.g. the
/// account id) and their answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    pub who: i64,
    pub given: Given,
}

keyed_enum! {
    /// The screening's outcome: a recommendation, never a decision.
    pub enum Outcome ("screening-outcome") {
        Indicated = "indicated",
        Consider = "consider",
        NotIndicated = "not-indicated",
    }
}

impl Outcome {
    /// The level of need the outcome speaks of.
    pub fn level(self) -> Level {
        match self {
            Outcome::Indicated => Level::Ot,
            Outcome::Consider => Level::Special,
            Outcome::NotIndicated => Level::Basic,
        }
    }
}

/// One answer that moved the score, with who gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    pub item: String,
    pub option: String,
    pub weight: i32,
    pub by: Vec<i64>,
}

/// A phenomenon the answers point to, and through which items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhenomenonHit {
    pub code: String,
    pub weight: i32,
    pub items: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    pub outcome: Outcome,
    pub score: i32,
    /// Required items nobody has answered: the result is provisional.
    pub missing: Vec<String>,
    /// Must-have answers not given (indexes into the rules' list).
    pub unmet: Vec<usize>,
    /// Answers that moved the score, heaviest first.
    pub reasons: Vec<Reason>,
    /// Phenomena named, strongest first.
    pub phenomena: Vec<PhenomenonHit>,
    /// Items where the participants answered differently.
    pub differing: Vec<String>,
}

impl Evaluation {
    pub fn complete(&self) -> bool {
        self.missing.is_empty()
    }
}

/// The merged answer to one item: the options that count, each with who
/// chose it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub item: String,
    pub chosen: Vec<(String, Vec<i64>)>,
    /// Every option anyone chose, with who (for showing who said what).
    pub all: Vec<(String, Vec<i64>)>,
}

/// Merges the team's views item by item. A single answer (yes/no, scale,
/// single choice) counts at its most concerning: the option of the highest
/// weight anyone chose, since one sector may see what others do not; a
/// multiple choice counts every option anyone chose. Unknown items and
/// options (from a hand-edited post) are ignored.
pub fn merge(instrument: &Instrument, views: &[View]) -> Vec<Merged> {
    let mut out = Vec::new();
    for item in instrument.items() {
        let mut all: Vec<(String, Vec<i64>)> = Vec::new();
        for v in views {
            for key in v.given.get(&item.key).into_iter().flatten() {
                if item.option(key).is_none() {
                    continue;
                }
                match all.iter_mut().find(|(k, _)| k == key) {
                    Some((_, by)) if !by.contains(&v.who) => by.push(v.who),
                    Some(_) => {}
                    None => all.push((key.clone(), vec![v.who])),
                }
            }
        }
        if all.is_empty() {
            continue;
        }
        // In the instrument's order of options.
        all.sort_by_key(|(k, _)| item.options.iter().position(|o| &o.key == k));
        let chosen = match item.kind {
            ItemKind::MultipleChoice => all.clone(),
            _ => {
                let weight = |k: &str| item.option(k).map_or(i32::MIN, |o| o.weight);
                let best = all
                    .iter()
                    .max_by_key(|(k, _)| {
                        (
                            weight(k),
                            std::cmp::Reverse(item.options.iter().position(|o| &o.key == k)),
                        )
                    })
                    .cloned()
                    .expect("not empty");
                vec![best]
            }
        };
        out.push(Merged {
            item: item.key.clone(),
            chosen,
            all,
        });
    }
    out
}

/// Scores merged answers by the instrument's rules.
pub fn evaluate(instrument: &Instrument, views: &[View]) -> Evaluation {
    let merged = merge(instrument, views);
    let mut score = 0;
    let mut reasons = Vec::new();
    let mut phen: BTreeMap<String, (i32, Vec<String>)> = BTreeMap::new();
    for m in &merged {
        let item = instrument
            .item(&m.item)
            .expect("merged from the instrument");
        for (key, by) in &m.chosen {
            let o = item.option(key).expect("merged from the options");
            score += o.weight;
            if o.weight != 0 {
                reasons.push(Reason {
                    item: m.item.clone(),
                    option: key.clone(),
                    weight: o.weight,
                    by: by.clone(),
                });
            }
            for code in &o.phenomena {
                let e = phen.entry(code.clone()).or_default();
                e.0 += o.weight.max(0);
                if !e.1.contains(&m.item) {
                    e.1.push(m.item.clone());
                }
            }
        }
    }
    let answered = |k: &str| merged.iter().any(|m| m.item == k);
    let missing = instrument
        .items()
        .filter(|i| i.required && !answered(&i.key))
        .map(|i| i.key.clone())
        .collect();
    let rules = &instrument.rules;
    let unmet: Vec<usize> = rules
        .must_have
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            !merged
                .iter()
                .any(|x| x.item == m.item && x.chosen.iter().any(|(k, _)| m.options.contains(k)))
        })
        .map(|(i, _)| i)
        .collect();
    let outcome = if score >= rules.indicated_from && unmet.is_empty() {
        Outcome::Indicated
    } else if score >= rules.consider_from {
        Outcome::Consider
    } else {
        Outcome::NotIndicated
    };
    // Heaviest first; ties in the instrument's order.
    let order = |k: &str| instrument.items().position(|i| i.key == k);
    reasons.sort_by_key(|r| (std::cmp::Reverse(r.weight.abs()), order(&r.item)));
    let mut phenomena: Vec<PhenomenonHit> = phen
        .into_iter()
        .filter(|(_, (w, _))| *w >= rules.phenomenon_from)
        .map(|(code, (weight, items))| PhenomenonHit {
            code,
            weight,
            items,
        })
        .collect();
    phenomena.sort_by(|a, b| b.weight.cmp(&a.weight).then_with(|| a.code.cmp(&b.code)));
    let differing = merged
        .iter()
        .filter(|m| {
            let item = instrument.item(&m.item).expect("merged");
            item.kind != ItemKind::MultipleChoice && m.all.len() > 1
        })
        .map(|m| m.item.clone())
        .collect();
    Evaluation {
        outcome,
        score,
        missing,
        unmet,
        reasons,
        phenomena,
        differing,
    }
}

/// The answers a draft request starts with: each section's answers that
/// moved the result (a non-zero weight), as lines "question: answer", carried into the request form's long-text item
/// the section names (`carries_to`), or into the first long-text item when
/// the form has no such item. The requester edits them before sending.
pub fn carry_over(
    instrument: &Instrument,
    views: &[View],
    form: &Questionnaire,
    lang: &str,
) -> Answers {
    use crate::questionnaire::ItemKind as FormKind;
    let merged = merge(instrument, views);
    let long = |k: &str| {
        form.item(k)
            .filter(|i| i.kind == FormKind::LongText)
            .map(|i| i.key.clone())
    };
    let fallback = form
        .items
        .iter()
        .find(|i| i.kind == FormKind::LongText)
        .map(|i| i.key.clone());
    let mut texts: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for section in &instrument.sections {
        let Some(target) = long(&section.carries_to).or_else(|| fallback.clone()) else {
            continue;
        };
        for item in &section.items {
            let Some(m) = merged.iter().find(|m| m.item == item.key) else {
                continue;
            };
            // Only the answers that moved the result: "no" and "not at all"
            // would bury the ones that matter.
            let answer = m
                .chosen
                .iter()
                .filter_map(|(k, _)| item.option(k))
                .filter(|o| o.weight != 0)
                .map(|o| o.label.get(lang).to_owned())
                .collect::<Vec<_>>()
                .join(", ");
            if answer.is_empty() {
                continue;
            }
            texts
                .entry(target.clone())
                .or_default()
                .push(format!("{}: {answer}", item.label.get(lang)));
        }
    }
    texts
        .into_iter()
        .map(|(k, lines)| {
            let mut s = lines.join("\n");
            let max = crate::questionnaire::MAX_LONG_TEXT;
            if s.chars().count() > max {
                s = s.chars().take(max).collect();
            }
            (k, Answer::Text(s))
        })
        .collect()
}
