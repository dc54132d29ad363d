//! A group's rules over time. A rule change takes effect from the day it
//! is made: the meetings before it keep the rule they were held by (their
//! agendas, attendance and minutes stay reachable), and the meetings the
//! old rule would still have given are known, so feeds can cancel them.

use std::collections::BTreeSet;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::occurrence::{ManualChange, Occurrence, Status, finish};
use super::overrides::Override;
use super::rule::MeetingRule;
use super::validate::RuleError;

/// A rule a group had: it gave the meetings whose rule dates are before
/// `until` (and on or after the `until` of the rule before it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastRule {
    pub rule: MeetingRule,
    pub until: Date,
}

/// The current rule and the rules before it, oldest first.
#[derive(Debug, Clone, Copy)]
pub struct RuleHistory<'a> {
    pub current: &'a MeetingRule,
    pub past: &'a [PastRule],
}

impl<'a> RuleHistory<'a> {
    /// Each rule with the rule dates it covers, `[from, until)`.
    fn epochs(&self) -> Vec<(Option<Date>, Option<Date>, &'a MeetingRule)> {
        let mut out = Vec::with_capacity(self.past.len() + 1);
        let mut from = None;
        for p in self.past {
            out.push((from, Some(p.until), &p.rule));
            from = Some(from.map_or(p.until, |f: Date| f.max(p.until)));
        }
        out.push((from, None, self.current));
        out
    }

    /// The meetings whose rule dates are within `from..=to`, each by the
    /// rule in force on its rule date, with `overrides` applied; sorted by
    /// start. An earlier rule that no longer validates yields none of its
    /// meetings; an invalid current rule is an error.
    pub fn schedule(
        &self,
        from: Date,
        to: Date,
        overrides: &[Override],
    ) -> Result<Vec<Occurrence>, Vec<RuleError>> {
        let mut all = Vec::new();
        for (lo, until, rule) in self.epochs() {
            let lo = lo.map_or(from, |l| l.max(from));
            let hi = match until.and_then(|u| u.yesterday().ok()) {
                Some(last) => last.min(to),
                None if until.is_some() => continue,
                None => to,
            };
            if lo > hi {
                continue;
            }
            match rule.generate(lo, hi) {
                Ok(occ) => all.extend(rule.apply_overrides(occ, overrides)),
                // An earlier rule that no longer validates (a time zone gone)
                // costs its own meetings, not the group's whole calendar.
                Err(_) if until.is_some() => continue,
                Err(e) => return Err(e),
            }
        }
        finish(&mut all);
        Ok(all)
    }

    /// The meetings earlier rules would have given within `from..=to` after
    /// they were replaced, which the schedule no longer has: cancelled
    /// (status `Cancelled`, change `RuleChanged`), so a calendar that had
    /// them removes them. Sorted by start.
    pub fn dropped(&self, from: Date, to: Date) -> Vec<Occurrence> {
        let kept: BTreeSet<Date> = match self.schedule(from, to, &[]) {
            Ok(occ) => occ.into_iter().map(|o| o.rule_date).collect(),
            Err(_) => BTreeSet::new(),
        };
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for p in self.past {
            let lo = p.until.max(from);
            if lo > to {
                continue;
            }
            let Ok(occ) = p.rule.generate(lo, to) else {
                continue;
            };
            for mut o in occ {
                if kept.contains(&o.rule_date) || !seen.insert(o.rule_date) {
                    continue;
                }
                o.status = Status::Cancelled;
                o.change = Some(ManualChange::RuleChanged);
                out.push(o);
            }
        }
        finish(&mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{HolidayPolicy, Nth, Recurrence, Weekday};
    use jiff::civil::{date, time};

    fn second(weekday: Weekday) -> MeetingRule {
        let mut r = MeetingRule::new(
            Recurrence::NthWeekdayOfMonth {
                nth: Nth::Second,
                weekday,
            },
            time(13, 0, 0, 0),
            120,
        );
        r.holiday_policy = HolidayPolicy::KeepAndWarn;
        r
    }

    #[test]
    fn meetings_before_the_change_keep_their_rule() {
        let past = [PastRule {
            rule: second(Weekday::Thursday),
            until: date(2026, 12, 3),
        }];
        let current = second(Weekday::Wednesday);
        let h = RuleHistory {
            current: &current,
            past: &past,
        };
        let dates: Vec<Date> = h
            .schedule(date(2026, 10, 1), date(2027, 1, 31), &[])
            .unwrap()
            .iter()
            .map(|o| o.rule_date)
            .collect();
        assert_eq!(
            dates,
            vec![
                date(2026, 10, 8),  // Thursday, old rule
                date(2026, 11, 12), // Thursday, old rule
                date(2026, 12, 9),  // Wednesday, new rule
                date(2027, 1, 13),  // Wednesday
            ]
        );
        // The old rule's 10.12. and 14.1. are gone: the feed cancels them.
        let dropped = h.dropped(date(2026, 10, 1), date(2027, 1, 31));
        assert_eq!(
            dropped.iter().map(|o| o.rule_date).collect::<Vec<_>>(),
            vec![date(2026, 12, 10), date(2027, 1, 14)]
        );
        assert!(
            dropped
                .iter()
                .all(|o| o.status == Status::Cancelled
                    && o.change == Some(ManualChange::RuleChanged))
        );
    }

    #[test]
    fn without_history_the_schedule_is_the_rules() {
        let r = second(Weekday::Thursday);
        let h = RuleHistory {
            current: &r,
            past: &[],
        };
        assert_eq!(
            h.schedule(date(2026, 1, 1), date(2026, 12, 31), &[])
                .unwrap(),
            r.schedule(date(2026, 1, 1), date(2026, 12, 31), &[])
                .unwrap()
        );
        assert!(h.dropped(date(2026, 1, 1), date(2026, 12, 31)).is_empty());
    }

    #[test]
    fn two_changes_on_one_day_leave_the_middle_rule_no_meetings() {
        let day = date(2026, 12, 3);
        let past = [
            PastRule {
                rule: second(Weekday::Thursday),
                until: day,
            },
            PastRule {
                rule: second(Weekday::Tuesday),
                until: day,
            },
        ];
        let current = second(Weekday::Wednesday);
        let h = RuleHistory {
            current: &current,
            past: &past,
        };
        let occ = h
            .schedule(date(2026, 11, 1), date(2027, 1, 31), &[])
            .unwrap();
        assert_eq!(occ.first().unwrap().rule_date, date(2026, 11, 12));
        assert!(
            occ.iter()
                .skip(1)
                .all(|o| o.rule_date.weekday() == jiff::civil::Weekday::Wednesday)
        );
        // Both replaced rules' coming meetings are cancelled, each once.
        let dropped: Vec<Date> = h
            .dropped(date(2026, 11, 1), date(2027, 1, 31))
            .iter()
            .map(|o| o.rule_date)
            .collect();
        assert_eq!(
            dropped,
            vec![
                date(2026, 12, 8),
                date(2026, 12, 10),
                date(2027, 1, 12),
                date(2027, 1, 14)
            ]
        );
    }
}
