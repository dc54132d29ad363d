//! A request in words: its answers against the questions asked, its
//! history, and where it is placed and why.

use super::store::{EventRow, Request};
use crate::core::i18n::format_date;
use crate::core::page::Page;
use crate::groups::views::{change_text, clock, weekday_name};
use jiff::civil::Date;
use otalusta_domain::calendar::{Occurrence, Status as MeetingStatus};
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

/// The requester's view of the recommendations in words ("agrees",
/// "disagrees"), empty before she gave it.
pub fn requester_view(page: &Page, r: &Request) -> String {
    if r.requester_view.is_empty() {
        String::new()
    } else {
        page.t(&format!("requester-view-{}", r.requester_view))
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

/// A request's meeting as it actually is: "to 12.3.2026 13.00–15.00",
/// with a moved or cancelled meeting's change and reason spelled out.
/// `occ` is the calendar's meeting of `rule_date` (`None`: the rules no
/// longer give it).
pub fn meeting_line(page: &Page, occ: Option<&Occurrence>, rule_date: Date) -> String {
    let Some(o) = occ else {
        return page.ta("meeting-gone", "date", &format_date(rule_date));
    };
    let when = format!(
        "{} {} {}–{}",
        weekday_name(page, o.date),
        format_date(o.date),
        clock(o.start.time()),
        clock(o.end.time())
    );
    let mut line = match o.status {
        MeetingStatus::Scheduled => when,
        MeetingStatus::Cancelled => page.ta("meeting-line-cancelled", "meeting", &when),
        MeetingStatus::Skipped => page.ta("meeting-line-skipped", "meeting", &when),
    };
    if let Some(c) = &o.change {
        line.push_str(" (");
        line.push_str(&change_text(page, c));
        line.push(')');
    }
    line
}

/// Where the request is placed and why: "The deadline of 13.10.2022 had
/// passed." "Proposed for the meeting on …" / "On the agenda of …".
pub fn placement_text(page: &Page, r: &Request, occ: Option<&Occurrence>) -> Vec<String> {
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
            let key = if r.status.holds_place() {
                "placement-on"
            } else {
                "placement-proposed"
            };
            out.push(page.ta(key, "meeting", &meeting_line(page, occ, m)));
            if r.late {
                out.push(page.t("placement-late"));
            }
        }
        None if r.status.awaits_meeting() => out.push(page.t("placement-none")),
        None => {}
    }
    out
}
