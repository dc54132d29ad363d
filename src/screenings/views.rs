//! A screening in words: the items with who said what, and the result with
//! its reasons, in the reader's language.

use super::store::Participant;
use crate::core::page::Page;
use otalusta_domain::screening::evaluate::{Evaluation, Given, Outcome, View};
use otalusta_domain::screening::instrument::{Instrument, ItemKind};
use std::collections::HashMap;

pub struct OptView {
    pub key: String,
    pub label: String,
    pub checked: bool,
}

pub struct ItemView {
    pub key: String,
    pub field: String,
    pub label: String,
    pub help: String,
    pub multi: bool,
    pub scale: bool,
    pub required: bool,
    pub options: Vec<OptView>,
    /// "Name (title): answer" for each other participant who answered.
    pub others: Vec<String>,
    /// The views differ on this item.
    pub differs: bool,
}

pub struct SectionView {
    pub key: String,
    pub title: String,
    pub items: Vec<ItemView>,
}

/// Participants' names by id, with their title.
pub fn names(participants: &[Participant]) -> HashMap<i64, String> {
    participants
        .iter()
        .map(|p| {
            let name = if p.title.is_empty() {
                p.display_name.clone()
            } else {
                format!("{} ({})", p.display_name, p.title)
            };
            (p.user_id, name)
        })
        .collect()
}

/// The instrument's sections with `me`'s answers checked (or `posted`, a
/// refused form's) and everyone else's shown beside them.
pub fn sections(
    page: &Page,
    i: &Instrument,
    views: &[View],
    me: i64,
    posted: Option<&Given>,
    names: &HashMap<i64, String>,
    differing: &[String],
) -> Vec<SectionView> {
    let lang = page.lang.code();
    let mine = posted.or_else(|| views.iter().find(|v| v.who == me).map(|v| &v.given));
    i.sections
        .iter()
        .map(|s| SectionView {
            key: s.key.clone(),
            title: s.title.get(lang).to_owned(),
            items: s
                .items
                .iter()
                .map(|item| {
                    let chosen = mine.and_then(|m| m.get(&item.key));
                    let others = views
                        .iter()
                        .filter(|v| v.who != me)
                        .filter_map(|v| {
                            let keys = v.given.get(&item.key)?;
                            let labels: Vec<String> = keys
                                .iter()
                                .filter_map(|k| item.option(k))
                                .map(|o| o.label.get(lang).to_owned())
                                .collect();
                            (!labels.is_empty()).then(|| {
                                format!(
                                    "{}: {}",
                                    names.get(&v.who).cloned().unwrap_or_default(),
                                    labels.join(", ")
                                )
                            })
                        })
                        .collect();
                    ItemView {
                        key: item.key.clone(),
                        field: format!("q_{}", item.key),
                        label: item.label.get(lang).to_owned(),
                        help: item.help.get(lang).to_owned(),
                        multi: item.kind == ItemKind::MultipleChoice,
                        scale: item.kind == ItemKind::Scale,
                        required: item.required,
                        options: item
                            .options
                            .iter()
                            .map(|o| OptView {
                                key: o.key.clone(),
                                label: o.label.get(lang).to_owned(),
                                checked: chosen.is_some_and(|c| c.contains(&o.key)),
                            })
                            .collect(),
                        others,
                        differs: differing.contains(&item.key),
                    }
                })
                .collect(),
        })
        .collect()
}

/// The result in words.
pub struct ResultView {
    pub outcome: String,
    pub heading: String,
    pub level: String,
    pub score: String,
    /// Required items unanswered (the result is provisional).
    pub missing: Vec<String>,
    pub unmet: Vec<String>,
    pub reasons: Vec<String>,
    pub phenomena: Vec<String>,
    pub differing: Vec<String>,
    pub frozen: bool,
}

pub fn result(
    page: &Page,
    i: &Instrument,
    e: &Evaluation,
    names: &HashMap<i64, String>,
    phenomenon_names: &HashMap<String, String>,
    frozen: bool,
) -> ResultView {
    let lang = page.lang.code();
    let label = |k: &str| {
        i.item(k)
            .map_or(k.to_owned(), |it| it.label.get(lang).to_owned())
    };
    let option = |item: &str, o: &str| {
        i.item(item)
            .and_then(|it| it.option(o))
            .map_or(o.to_owned(), |x| x.label.get(lang).to_owned())
    };
    let rules = &i.rules;
    ResultView {
        outcome: e.outcome.key().to_owned(),
        heading: page.t(&format!("screening-outcome-{}", e.outcome.key())),
        level: page.ta(
            "screening-level-line",
            "level",
            &page.t(&format!("level-{}", e.outcome.level().key())),
        ),
        score: page.tx(
            "screening-score-line",
            &[
                ("score", e.score.into()),
                ("consider", rules.consider_from.into()),
                ("indicated", rules.indicated_from.into()),
            ],
        ),
        missing: e.missing.iter().map(|k| label(k)).collect(),
        unmet: e
            .unmet
            .iter()
            .filter_map(|n| rules.must_have.get(*n))
            .map(|m| {
                let opts: Vec<String> = m.options.iter().map(|o| option(&m.item, o)).collect();
                format!("{}: {}", label(&m.item), opts.join(" / "))
            })
            .collect(),
        reasons: e
            .reasons
            .iter()
            .map(|r| {
                let who: Vec<String> = r.by.iter().filter_map(|w| names.get(w).cloned()).collect();
                page.tx(
                    "screening-reason",
                    &[
                        ("item", label(&r.item).into()),
                        ("answer", option(&r.item, &r.option).into()),
                        ("weight", format!("{:+}", r.weight).into()),
                        ("who", who.join(", ").into()),
                    ],
                )
            })
            .collect(),
        phenomena: e
            .phenomena
            .iter()
            .map(|p| {
                let items: Vec<String> = p.items.iter().map(|k| label(k)).collect();
                format!(
                    "{} — {}",
                    phenomenon_names
                        .get(&p.code)
                        .cloned()
                        .unwrap_or(p.code.clone()),
                    items.join("; ")
                )
            })
            .collect(),
        differing: e.differing.iter().map(|k| label(k)).collect(),
        frozen,
    }
}

/// The outcome's name for lists.
pub fn outcome_text(page: &Page, outcome: Option<&str>) -> String {
    match outcome.and_then(|o| o.parse::<Outcome>().ok()) {
        Some(o) => page.t(&format!("screening-outcome-{}", o.key())),
        None => page.t("screening-open"),
    }
}
