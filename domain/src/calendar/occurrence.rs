//! What generation produces: one meeting occurrence, with every adjustment
//! that was made to it recorded as a [`Conflict`] for the UI to show.

use std::collections::BTreeMap;

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp, ZonedDateTime};
use serde::{Deserialize, Serialize};

use super::holidays::Holiday;

/// Whether the meeting takes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Scheduled,
    /// Dropped by the holiday policy (see the conflicts for why).
    Skipped,
    /// Cancelled by a secretary's override (see `change`).
    Cancelled,
}

/// How a meeting that fell on a holiday was resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "date", rename_all = "kebab-case")]
pub enum Resolution {
    MovedTo(Date),
    Skipped,
    Kept,
}

/// How a deadline that fell on a non-working day was resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "date", rename_all = "kebab-case")]
pub enum DeadlineResolution {
    MovedTo(Date),
    Kept,
}

/// A limit of the rule that a date breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleLimit {
    OutsideSeason,
    PausedMonth,
    /// Beyond the supported calendar (year ±9999).
    OutOfRange,
}

/// Something the rule could not do plainly. Never fixed silently: each
/// adjustment is listed so the UI can say e.g. "siirretty: helatorstai".
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Conflict {
    /// The meeting date is a holiday (or Midsummer/Christmas Eve).
    MeetingOnHoliday {
        date: Date,
        holiday: Holiday,
        resolution: Resolution,
    },
    /// The holiday policy wanted to move the meeting to `to`, but that date
    /// breaks the rule, so the meeting was skipped instead.
    MoveBlocked { to: Date, limit: RuleLimit },
    /// A secretary moved the meeting to a date the rule excludes; kept.
    MeetingOutsideRule { date: Date, limit: RuleLimit },
    /// The notice deadline fell on a weekend (`holiday: None`) or holiday.
    DeadlineOnNonWorkingDay {
        date: Date,
        holiday: Option<Holiday>,
        resolution: DeadlineResolution,
    },
    /// The computed deadline was not before the start (possible only for a
    /// same-day deadline across a DST gap); it was set one minute before the
    /// start.
    DeadlineNotBeforeStart { computed: ZonedDateTime },
    /// Another held meeting of the same rule is on the same date.
    SameDateAsAnother { other_rule_date: Date },
}

impl Conflict {
    /// Stable key for translations, e.g. `"meeting-on-holiday"`.
    pub fn key(&self) -> &'static str {
        match self {
            Conflict::MeetingOnHoliday { .. } => "meeting-on-holiday",
            Conflict::MoveBlocked { .. } => "move-blocked",
            Conflict::MeetingOutsideRule { .. } => "meeting-outside-rule",
            Conflict::DeadlineOnNonWorkingDay { .. } => "deadline-on-non-working-day",
            Conflict::DeadlineNotBeforeStart { .. } => "deadline-not-before-start",
            Conflict::SameDateAsAnother { .. } => "same-date-as-another",
        }
    }

    /// True for conflicts about the notice deadline rather than the meeting.
    pub fn is_about_deadline(&self) -> bool {
        matches!(
            self,
            Conflict::DeadlineOnNonWorkingDay { .. } | Conflict::DeadlineNotBeforeStart { .. }
        )
    }
}

/// A secretary's one-off change, kept beside the occurrence so the UI shows
/// what was changed, from what, and why.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ManualChange {
    Cancelled {
        reason: String,
    },
    Moved {
        from: ZonedDateTime,
        reason: String,
    },
    /// The group's rule changed and no longer gives this meeting.
    RuleChanged,
}

/// One meeting of a rule.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Occurrence {
    /// The date the rule itself yields; identifies the occurrence (overrides
    /// refer to it) even when the meeting moves.
    pub rule_date: Date,
    /// The actual date after the holiday policy and overrides.
    pub date: Date,
    pub start: ZonedDateTime,
    pub end: ZonedDateTime,
    /// Last moment to send a case for this meeting (the whole minute counts).
    pub deadline: ZonedDateTime,
    pub status: Status,
    /// Every adjustment and warning, in the order they arose.
    pub conflicts: Vec<Conflict>,
    /// Set when an override cancelled or moved the meeting.
    pub change: Option<ManualChange>,
}

impl Occurrence {
    /// Whether the meeting takes place.
    pub fn is_held(&self) -> bool {
        self.status == Status::Scheduled
    }

    /// Whether a case sent at `sent` meets this meeting's deadline. The
    /// deadline minute itself counts (a deadline shown as 23.59 accepts
    /// 23:59:59).
    pub fn deadline_met(&self, sent: Timestamp) -> bool {
        let end_of_minute = self.deadline.timestamp() + SignedDuration::from_mins(1);
        sent < end_of_minute
    }
}

/// The first held meeting whose deadline `now` still meets: where a case
/// submitted now can be scheduled. `occurrences` must be sorted (as
/// generation returns them).
pub fn next_open_meeting(occurrences: &[Occurrence], now: Timestamp) -> Option<&Occurrence> {
    occurrences
        .iter()
        .find(|o| o.is_held() && o.deadline_met(now))
}

/// Sorts by start, then rule date, and recomputes `SameDateAsAnother`.
pub(crate) fn finish(occurrences: &mut [Occurrence]) {
    occurrences.sort_by(|a, b| (&a.start, a.rule_date).cmp(&(&b.start, b.rule_date)));
    for o in occurrences.iter_mut() {
        o.conflicts
            .retain(|c| !matches!(c, Conflict::SameDateAsAnother { .. }));
    }
    let mut by_date: BTreeMap<Date, Vec<usize>> = BTreeMap::new();
    for (i, o) in occurrences.iter().enumerate() {
        if o.is_held() {
            by_date.entry(o.date).or_default().push(i);
        }
    }
    for same_day in by_date.values().filter(|v| v.len() > 1) {
        for &i in same_day {
            for &j in same_day {
                if i != j {
                    let other_rule_date = occurrences[j].rule_date;
                    occurrences[i]
                        .conflicts
                        .push(Conflict::SameDateAsAnother { other_rule_date });
                }
            }
        }
    }
}
