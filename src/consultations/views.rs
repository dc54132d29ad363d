//! A request in words: its answers against the questions asked, its
//! history, and where it is placed and why.

use super::store::{EventRow, Request};
use crate::core::i18n::format_date;
use crate::core::page::Page;
use crate::groups::store::Group;
use jiff::civil::Date;
use otalusta_domain::consultations::{Placement, Skip, Status};
use otalusta_domain::questionnaire::{Answer, Questionnaire};

pub struct AnswerView {
    pub label: String,
    pub value: String,
}

/// The answers, in the form's order, with the form's own labels.
pub fn answers(page: &Page, form: &Questionnaire, r: &Request) -> Vec<AnswerView> {
    let lang = page.lang.code();
    form.items
        .iter()
        .filter_map(|item| {
            let a = r.answers.get(&item.key)?;
            let value = match a {
                Answer::Text(s) => s.clone(),
                Answer::Choice(c) => item.choice_label(c, lang),
                Answer::Choices(cs) => cs
                    .iter()
                    .map(|c| item.choice_label(c, lang))
                    .collect::<Vec<_>>()
                    .join(", "),
                Answer::Date(d) => format_date(*d),
                Answer::Number(n) => n.to_string(),
                Answer::YesNo(b) => page.t(if *b { "yes" } else { "no" }),
            };
            Some(AnswerView {
                label: item.label.get(lang).to_owned(),
                value,
            })
        })
        .collect()
}

/// A short, pseudonymous title: the start of the question.
pub fn title(r: &Request) -> String {
    match r.answers.get("question") {
        Some(Answer::Text(q)) if q.chars().count() > 90 => {
            format!("{}…", q.chars().take(90).collect::<String>())
        }
        Some(Answer::Text(q)) => q.clone(),
        _ => String::new(),
    }
}

pub fn status_text(page: &Page, s: Status) -> String {
    page.t(&format!("request-status-{}", s.key()))
}

pub struct EventView {
    pub at: String,
    pub who: String,
    pub what: String,
    pub reason: String,
}

pub fn history(page: &Page, events: &[EventRow], show_reasons: bool) -> Vec<EventView> {
    events
        .iter()
        .map(|e| EventView {
            at: page.timestamp(&e.at),
            who: match &e.actor_name {
                Some(n) => format!("{n} ({})", page.t(&format!("role-{}", e.role))),
                None => page.t("system"),
            },
            what: if e.detail.is_empty() {
                page.t(&format!("request-event-{}", e.kind))
            } else {
                page.ta(
                    &format!("request-event-{}-detail", e.kind),
                    "detail",
                    &e.detail,
                )
            },
            reason: if show_reasons {
                e.reason.clone()
            } else {
                String::new()
            },
        })
        .collect()
}

/// "The deadline of 13.10.2022 had passed; placed on 10.11.2022."
pub fn placement_text(page: &Page, g: &Group, r: &Request) -> Vec<String> {
    let mut out = Vec::new();
    let d = |d: &Date| format_date(*d);
    if let Ok(p) = serde_json::from_str::<Placement>(&r.placement) {
        for (date, why) in &p.skipped {
            let key = match why {
                Skip::DeadlinePassed => "placement-deadline-passed",
                Skip::Full => "placement-full",
                Skip::NotHeld => "placement-not-held",
            };
            out.push(page.ta(key, "date", &d(date)));
        }
    }
    match r.meeting_date {
        Some(m) => {
            let occ = g
                .rule
                .generate(m, m)
                .ok()
                .and_then(|v| v.into_iter().next());
            let when = occ
                .map(|o| crate::core::i18n::format_datetime(page.lang, o.start.datetime()))
                .unwrap_or_else(|| d(&m));
            out.push(page.ta("placement-on", "meeting", &when));
            if r.late {
                out.push(page.t("placement-late"));
            }
        }
        None if r.status.holds_place() => out.push(page.t("placement-none")),
        None => {}
    }
    out
}
