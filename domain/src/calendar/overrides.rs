//! One-off changes (poikkeukset) a secretary makes to single meetings
//! without touching the rule: cancel, or move, always with a reason.

use std::collections::BTreeSet;

use jiff::civil::{Date, DateTime};
use serde::{Deserialize, Serialize};

use super::holidays::holiday;
use super::occurrence::{
    Conflict, ManualChange, Occurrence, Resolution, RuleLimit, Status, finish,
};
use super::rule::MeetingRule;
use super::validate::RuleError;

/// What an override does.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "kebab-case")]
pub enum OverrideKind {
    Cancel,
    /// Move to a new local start (in the rule's time zone); the length stays.
    Move {
        new_start: DateTime,
    },
}

/// A secretary's change to the occurrence the rule yields on `rule_date`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Override {
    pub rule_date: Date,
    /// Flattened: JSON reads `{"rule_date", "action": "move", "new_start", "reason"}`.
    #[serde(flatten)]
    pub kind: OverrideKind,
    /// Shown to participants, e.g. "puheenjohtaja estynyt".
    pub reason: String,
}

impl Override {
    pub fn cancel(rule_date: Date, reason: impl Into<String>) -> Self {
        Self {
            rule_date,
            kind: OverrideKind::Cancel,
            reason: reason.into(),
        }
    }

    pub fn move_to(rule_date: Date, new_start: DateTime, reason: impl Into<String>) -> Self {
        Self {
            rule_date,
            kind: OverrideKind::Move { new_start },
            reason: reason.into(),
        }
    }

    /// A change without a reason is not accepted: participants must see why.
    pub fn validate(&self) -> Result<(), RuleError> {
        if self.reason.trim().is_empty() {
            Err(RuleError::MissingReason)
        } else {
            Ok(())
        }
    }
}

impl MeetingRule {
    /// Applies overrides to generated occurrences. The last override for a
    /// rule date wins. A cancelled meeting stays listed (`Cancelled`); a moved
    /// one gets fresh conflicts for its new date and deadline (a holiday or a
    /// date outside the rule is warned about but kept: a person chose it),
    /// and `change` records where it was and why.
    pub fn apply_overrides(
        &self,
        mut occurrences: Vec<Occurrence>,
        overrides: &[Override],
    ) -> Vec<Occurrence> {
        for occ in &mut occurrences {
            let Some(ov) = overrides
                .iter()
                .rev()
                .find(|o| o.rule_date == occ.rule_date)
            else {
                continue;
            };
            match &ov.kind {
                OverrideKind::Cancel => {
                    occ.status = Status::Cancelled;
                    occ.change = Some(ManualChange::Cancelled {
                        reason: ov.reason.clone(),
                    });
                }
                OverrideKind::Move { new_start } => {
                    self.move_occurrence(occ, *new_start, &ov.reason)
                }
            }
        }
        finish(&mut occurrences);
        occurrences
    }

    fn move_occurrence(&self, occ: &mut Occurrence, new_start: DateTime, reason: &str) {
        let date = new_start.date();
        let mut conflicts = Vec::new();
        let tz = occ.start.time_zone().clone();
        let Some((start, end, deadline)) = self.times(&tz, new_start, &mut conflicts) else {
            occ.conflicts.push(Conflict::MoveBlocked {
                to: date,
                limit: RuleLimit::OutOfRange,
            });
            return;
        };
        let mut meeting = Vec::new();
        if let Some(h) = holiday(date) {
            meeting.push(Conflict::MeetingOnHoliday {
                date,
                holiday: h,
                resolution: Resolution::Kept,
            });
        }
        if let Some(limit) = self.limit_broken(date) {
            meeting.push(Conflict::MeetingOutsideRule { date, limit });
        }
        meeting.append(&mut conflicts);
        occ.change = Some(ManualChange::Moved {
            from: occ.start.clone(),
            reason: reason.to_owned(),
        });
        occ.date = date;
        occ.start = start;
        occ.end = end;
        occ.deadline = deadline;
        occ.status = Status::Scheduled;
        occ.conflicts = meeting;
    }

    /// Generates and applies overrides in one go: the list the UI shows.
    pub fn schedule(
        &self,
        from: Date,
        to: Date,
        overrides: &[Override],
    ) -> Result<Vec<Occurrence>, Vec<RuleError>> {
        Ok(self.apply_overrides(self.generate(from, to)?, overrides))
    }

    /// Overrides dated within `from..=to` that match no date the rule yields
    /// (e.g. after the rule was edited), so the UI can show them instead of
    /// dropping them silently.
    pub fn orphan_overrides<'a>(
        &self,
        overrides: &'a [Override],
        from: Date,
        to: Date,
    ) -> Vec<&'a Override> {
        let yielded: BTreeSet<Date> = self.rule_dates(from, to).into_iter().collect();
        overrides
            .iter()
            .filter(|o| from <= o.rule_date && o.rule_date <= to)
            .filter(|o| !yielded.contains(&o.rule_date))
            .collect()
    }
}
