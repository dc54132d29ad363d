//! Turning a rule into occurrences: the rule's dates, then the holiday
//! policy, then times in the rule's zone and the notice deadline.

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, ToSpan, ZonedDateTime};

use super::holidays::{add_days, holiday, is_working_day, next_working_day, previous_working_day};
use super::keys::{Nth, Weekday};
use super::occurrence::{
    Conflict, DeadlineResolution, Occurrence, Resolution, RuleLimit, Status, finish,
};
use super::rule::{DeadlinePolicy, HolidayPolicy, MeetingRule, Recurrence};
use super::validate::RuleError;

/// How many times the holiday policy may move one meeting before it is kept
/// where it is (moving a week from Christmas Day lands on New Year's Day).
const MAX_MOVES: usize = 4;

fn days_between(a: Date, b: Date) -> i64 {
    a.duration_until(b).as_hours() / 24
}

impl MeetingRule {
    /// The dates the rule itself yields within `from..=to` and the season,
    /// outside paused months, ascending. No holiday handling.
    pub fn rule_dates(&self, from: Date, to: Date) -> Vec<Date> {
        let lo = self.season_start.map_or(from, |s| s.max(from));
        let hi = self.season_end.map_or(to, |e| e.min(to));
        if lo > hi {
            return Vec::new();
        }
        let mut dates = match &self.recurrence {
            Recurrence::NthWeekdayOfMonth { nth, weekday } => monthly(lo, hi, *nth, *weekday),
            Recurrence::EveryNWeeks { n, weekday, anchor } => {
                every_n_weeks(lo, hi, *n, *weekday, *anchor)
            }
            Recurrence::Dates { dates } => dates.clone(),
        };
        dates.retain(|d| lo <= *d && *d <= hi && !self.is_paused(d.month()));
        dates.sort();
        dates.dedup();
        dates
    }

    /// The meetings whose rule date is within `from..=to`, sorted by start,
    /// with the holiday and deadline policies applied and recorded. Skipped
    /// meetings are included (status `Skipped`). A moved meeting may end up
    /// after `to`: the window selects by rule date.
    pub fn generate(&self, from: Date, to: Date) -> Result<Vec<Occurrence>, Vec<RuleError>> {
        self.validate()?;
        let tz = self.tz().map_err(|e| vec![e])?;
        let mut out: Vec<Occurrence> = self
            .rule_dates(from, to)
            .into_iter()
            .filter_map(|d| self.occurrence(&tz, d))
            .collect();
        finish(&mut out);
        Ok(out)
    }

    /// One occurrence; `None` only at the edges of jiff's range.
    fn occurrence(&self, tz: &TimeZone, rule_date: Date) -> Option<Occurrence> {
        let (date, status, mut conflicts) = self.place(rule_date);
        let local_start = DateTime::from_parts(date, self.start_time);
        let (start, end, deadline) = self.times(tz, local_start, &mut conflicts)?;
        Some(Occurrence {
            rule_date,
            date,
            start,
            end,
            deadline,
            status,
            conflicts,
            change: None,
        })
    }

    /// Start, end and deadline of a meeting starting at local `start` in
    /// `tz`. A start in a DST gap is pushed forward by the gap (jiff's
    /// "compatible" rule); the local time is otherwise kept across DST.
    pub(crate) fn times(
        &self,
        tz: &TimeZone,
        start: DateTime,
        conflicts: &mut Vec<Conflict>,
    ) -> Option<(ZonedDateTime, ZonedDateTime, ZonedDateTime)> {
        let zoned = start.to_zoned_datetime(tz.clone()).ok()?;
        let length = SignedDuration::from_mins(i64::from(self.length_minutes));
        let end = zoned.checked_add(length).ok()?;
        let deadline = self.deadline(start.date(), &zoned, conflicts)?;
        Some((zoned, end, deadline))
    }

    /// Applies the holiday policy to `rule_date`: the actual date, whether
    /// the meeting is held, and what was done.
    fn place(&self, rule_date: Date) -> (Date, Status, Vec<Conflict>) {
        let mut conflicts = Vec::new();
        let mut date = rule_date;
        for _ in 0..MAX_MOVES {
            let Some(h) = holiday(date) else {
                return (date, Status::Scheduled, conflicts);
            };
            let on_holiday = |resolution| Conflict::MeetingOnHoliday {
                date,
                holiday: h,
                resolution,
            };
            let target = match self.holiday_policy {
                HolidayPolicy::KeepAndWarn => {
                    conflicts.push(on_holiday(Resolution::Kept));
                    return (date, Status::Scheduled, conflicts);
                }
                HolidayPolicy::Skip => {
                    conflicts.push(on_holiday(Resolution::Skipped));
                    return (rule_date, Status::Skipped, conflicts);
                }
                HolidayPolicy::NextWorkingDay => next_working_day(date),
                HolidayPolicy::MoveOneWeek => add_days(date, 7),
            };
            let (to, limit) = match target {
                None => (date, Some(RuleLimit::OutOfRange)),
                Some(t) => (t, self.limit_broken(t)),
            };
            if let Some(limit) = limit {
                conflicts.push(on_holiday(Resolution::Skipped));
                conflicts.push(Conflict::MoveBlocked { to, limit });
                return (rule_date, Status::Skipped, conflicts);
            }
            conflicts.push(on_holiday(Resolution::MovedTo(to)));
            date = to;
        }
        if let Some(h) = holiday(date) {
            conflicts.push(Conflict::MeetingOnHoliday {
                date,
                holiday: h,
                resolution: Resolution::Kept,
            });
        }
        (date, Status::Scheduled, conflicts)
    }

    /// Which limit of the rule (season, pause) `date` breaks, if any.
    pub(crate) fn limit_broken(&self, date: Date) -> Option<RuleLimit> {
        if !self.in_season(date) {
            Some(RuleLimit::OutsideSeason)
        } else if self.is_paused(date.month()) {
            Some(RuleLimit::PausedMonth)
        } else {
            None
        }
    }

    /// The notice deadline for a meeting on `meeting_date` starting at
    /// `start`, with the deadline policy applied and recorded.
    fn deadline(
        &self,
        meeting_date: Date,
        start: &ZonedDateTime,
        conflicts: &mut Vec<Conflict>,
    ) -> Option<ZonedDateTime> {
        let nominal = add_days(meeting_date, -i64::from(self.notice.days_before))?;
        let mut day = nominal;
        if !is_working_day(nominal) {
            let resolution = match self.deadline_policy {
                DeadlinePolicy::PreviousWorkingDay => match previous_working_day(nominal) {
                    Some(prev) => {
                        day = prev;
                        DeadlineResolution::MovedTo(prev)
                    }
                    None => DeadlineResolution::Kept,
                },
                DeadlinePolicy::KeepAndWarn => DeadlineResolution::Kept,
            };
            conflicts.push(Conflict::DeadlineOnNonWorkingDay {
                date: nominal,
                holiday: holiday(nominal),
                resolution,
            });
        }
        let deadline = DateTime::from_parts(day, self.notice.time_of_day())
            .to_zoned_datetime(start.time_zone().clone())
            .ok()?;
        if deadline < *start {
            return Some(deadline);
        }
        conflicts.push(Conflict::DeadlineNotBeforeStart { computed: deadline });
        start.checked_sub(SignedDuration::from_mins(1)).ok()
    }
}

fn monthly(lo: Date, hi: Date, nth: Nth, weekday: Weekday) -> Vec<Date> {
    let mut out = Vec::new();
    let mut month = lo.first_of_month();
    while month <= hi {
        if let Ok(d) = month.nth_weekday_of_month(nth.to_jiff(), weekday.to_jiff()) {
            out.push(d);
        }
        match month.checked_add(1.month()) {
            Ok(next) => month = next,
            Err(_) => break,
        }
    }
    out
}

fn every_n_weeks(lo: Date, hi: Date, n: u32, weekday: Weekday, anchor: Date) -> Vec<Date> {
    let mut out = Vec::new();
    let to_weekday = anchor.weekday().until(weekday.to_jiff());
    let (Some(first), true) = (add_days(anchor, i64::from(to_weekday)), n > 0) else {
        return out;
    };
    let step = 7 * i64::from(n);
    let skip = if first < lo {
        // Whole steps needed to reach `lo`, rounded up.
        (days_between(first, lo) + step - 1) / step
    } else {
        0
    };
    let mut day = add_days(first, skip * step);
    while let Some(d) = day.filter(|d| *d <= hi) {
        out.push(d);
        day = add_days(d, step);
    }
    out
}
