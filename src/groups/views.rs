//! What the group and meeting pages show: meetings, conflicts and rules in
//! words of the user's language. Every adjustment the rule made is spelled
//! out here, never hidden.

use super::store::Group;
use crate::consultations::store::Load;
use crate::core::i18n::{format_date, format_datetime};
use crate::core::page::Page;
use jiff::civil::Date;
use otalusta_domain::calendar::{
    Conflict, DeadlineResolution, ManualChange, Occurrence, Recurrence, Resolution, RuleLimit,
    Status,
};

/// A time of day the Finnish way: 9.00, 13.30.
pub fn clock(t: jiff::civil::Time) -> String {
    format!("{}.{:02}", t.hour(), t.minute())
}

/// One meeting as a row or a page.
pub struct MeetingView {
    /// The meeting's identity in URLs: the date the rule yields.
    pub rule_date: String,
    pub href: String,
    pub date: String,
    pub weekday: String,
    pub time: String,
    pub deadline: String,
    pub status: &'static str,
    pub status_text: String,
    pub held: bool,
    /// Conflicts and warnings, spelled out.
    pub notes: Vec<String>,
    /// A secretary's change and its reason.
    pub change: Option<String>,
    pub capacity: u32,
    /// Places taken by accepted cases.
    pub placed: u32,
    /// Untriaged requests proposed for it (they take no place yet).
    pub proposed: u32,
    /// The deadline has passed (as of the page's "now").
    pub deadline_passed: bool,
}

impl MeetingView {
    pub fn free(&self) -> u32 {
        self.capacity.saturating_sub(self.placed)
    }
}

fn limit_text(page: &Page, l: RuleLimit) -> String {
    page.t(match l {
        RuleLimit::OutsideSeason => "limit-outside-season",
        RuleLimit::PausedMonth => "limit-paused-month",
        RuleLimit::OutOfRange => "limit-out-of-range",
    })
}

/// A conflict in a sentence.
pub fn conflict_text(page: &Page, c: &Conflict) -> String {
    let d = |d: &Date| format_date(*d);
    match c {
        Conflict::MeetingOnHoliday {
            date,
            holiday,
            resolution,
        } => {
            let h = page.t(&format!("holiday-{}", holiday.key()));
            match resolution {
                Resolution::Skipped => page.tx(
                    "conflict-holiday-skipped",
                    &[("date", d(date).into()), ("holiday", h.into())],
                ),
                Resolution::MovedTo(to) => page.tx(
                    "conflict-holiday-moved",
                    &[
                        ("date", d(date).into()),
                        ("holiday", h.into()),
                        ("to", d(to).into()),
                    ],
                ),
                Resolution::Kept => page.tx(
                    "conflict-holiday-kept",
                    &[("date", d(date).into()), ("holiday", h.into())],
                ),
            }
        }
        Conflict::MoveBlocked { to, limit } => page.tx(
            "conflict-move-blocked",
            &[
                ("to", d(to).into()),
                ("limit", limit_text(page, *limit).into()),
            ],
        ),
        Conflict::MeetingOutsideRule { date, limit } => page.tx(
            "conflict-outside-rule",
            &[
                ("date", d(date).into()),
                ("limit", limit_text(page, *limit).into()),
            ],
        ),
        Conflict::DeadlineOnNonWorkingDay {
            date,
            holiday,
            resolution,
        } => {
            let day = match holiday {
                Some(h) => page.t(&format!("holiday-{}", h.key())),
                None => page.t("weekend"),
            };
            match resolution {
                DeadlineResolution::MovedTo(to) => page.tx(
                    "conflict-deadline-moved",
                    &[
                        ("date", d(date).into()),
                        ("day", day.into()),
                        ("to", d(to).into()),
                    ],
                ),
                DeadlineResolution::Kept => page.tx(
                    "conflict-deadline-kept",
                    &[("date", d(date).into()), ("day", day.into())],
                ),
            }
        }
        Conflict::DeadlineNotBeforeStart { .. } => page.t("conflict-deadline-not-before-start"),
        Conflict::SameDateAsAnother { other_rule_date } => page.tx(
            "conflict-same-date",
            &[("other", d(other_rule_date).into())],
        ),
    }
}

pub fn change_text(page: &Page, c: &ManualChange) -> String {
    match c {
        ManualChange::Cancelled { reason } => {
            page.ta("change-cancelled", "reason", reason.as_str())
        }
        ManualChange::Moved { from, reason } => page.tx(
            "change-moved",
            &[
                ("from", format_datetime(page.lang, from.datetime()).into()),
                ("reason", reason.as_str().into()),
            ],
        ),
        ManualChange::RuleChanged => page.t("change-rule-changed"),
    }
}

pub fn weekday_name(page: &Page, d: Date) -> String {
    let w = otalusta_domain::calendar::Weekday::from(d.weekday());
    page.t(&format!("weekday-{}", w.key()))
}

/// The view of one meeting with its load (places taken, proposals).
pub fn meeting_view(
    page: &Page,
    group: &Group,
    occ: &Occurrence,
    load: Load,
    now: jiff::Timestamp,
) -> MeetingView {
    // A meeting already over reads "Pidetty" (held), not "Pidetään".
    let over = occ.end.timestamp() <= now;
    let (status, key) = match occ.status {
        Status::Scheduled if over => ("scheduled", "meeting-status-held"),
        Status::Scheduled => ("scheduled", "meeting-status-scheduled"),
        Status::Skipped => ("skipped", "meeting-status-skipped"),
        Status::Cancelled => ("cancelled", "meeting-status-cancelled"),
    };
    MeetingView {
        rule_date: occ.rule_date.to_string(),
        href: format!("/groups/{}/meetings/{}", group.id, occ.rule_date),
        date: format_date(occ.date),
        weekday: weekday_name(page, occ.date),
        time: format!("{}–{}", clock(occ.start.time()), clock(occ.end.time())),
        deadline: format_datetime(page.lang, occ.deadline.datetime()),
        status,
        status_text: page.t(key),
        held: occ.is_held(),
        notes: occ
            .conflicts
            .iter()
            .map(|c| conflict_text(page, c))
            .collect(),
        change: occ.change.as_ref().map(|c| change_text(page, c)),
        capacity: group.details.capacity,
        placed: load.taken,
        proposed: load.proposed,
        deadline_passed: !occ.deadline_met(now),
    }
}

/// A sentence that begins with a capital letter ("joka toinen tiistai …"
/// starts the rule's sentence).
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The meeting rule in one or two sentences.
pub fn rule_text(page: &Page, group: &Group) -> Vec<String> {
    let r = &group.rule;
    let mut out = Vec::new();
    let when = match &r.recurrence {
        Recurrence::NthWeekdayOfMonth { nth, weekday } => page.tx(
            "rule-nth-weekday",
            &[
                ("nth", page.t(&format!("nth-{}", nth.key())).into()),
                (
                    "weekday",
                    page.t(&format!("weekday-{}", weekday.key())).into(),
                ),
            ],
        ),
        Recurrence::EveryNWeeks { n, weekday, anchor } => page.tx(
            "rule-every-n-weeks",
            &[
                ("n", i64::from(*n).into()),
                (
                    "weekday",
                    page.t(&format!("weekday-{}", weekday.key())).into(),
                ),
                // The recurring form: "tiistaisin", "på tisdagar".
                (
                    "weekdays",
                    page.t(&format!("weekday-on-{}", weekday.key())).into(),
                ),
                ("anchor", format_date(*anchor).into()),
            ],
        ),
        Recurrence::Dates { dates } => page.tn(
            "rule-dates",
            "count",
            i64::try_from(dates.len()).unwrap_or(0),
        ),
    };
    let end = r
        .start_time
        .checked_add(jiff::SignedDuration::from_mins(i64::from(r.length_minutes)))
        .unwrap_or(r.start_time);
    out.push(capitalised(&page.tx(
        "rule-when",
        &[
            ("when", when.into()),
            ("start", clock(r.start_time).into()),
            ("end", clock(end).into()),
        ],
    )));
    out.push(page.tx(
        "rule-notice",
        &[
            ("days", i64::from(r.notice.days_before).into()),
            ("time", clock(r.notice.time_of_day()).into()),
        ],
    ));
    if !r.paused_months.is_empty() {
        let months: Vec<String> = r
            .paused_months
            .iter()
            .map(|m| page.t(&format!("month-{m}")))
            .collect();
        out.push(page.ta("rule-paused", "months", &months.join(", ")));
    }
    if r.season_start.is_some() || r.season_end.is_some() {
        let f = |d: Option<Date>| d.map(format_date).unwrap_or_else(|| "…".into());
        out.push(page.tx(
            "rule-season",
            &[
                ("from", f(r.season_start).into()),
                ("to", f(r.season_end).into()),
            ],
        ));
    }
    out.push(
        page.tx(
            "rule-policies",
            &[
                (
                    "holiday",
                    page.t(&format!("holiday-policy-{}", r.holiday_policy.key()))
                        .into(),
                ),
                (
                    "deadline",
                    page.t(&format!("deadline-policy-{}", r.deadline_policy.key()))
                        .into(),
                ),
            ],
        ),
    );
    out
}
