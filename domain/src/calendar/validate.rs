//! Rule validation: every problem at once, each with a translatable key.

use jiff::civil::Date;
use serde::Serialize;
use thiserror::Error;

use super::rule::{
    MAX_EVERY_N_WEEKS, MAX_LENGTH_MINUTES, MAX_NOTICE_DAYS, MeetingRule, Recurrence,
};

/// Why a rule is invalid. `key()` names the error for UI translations.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum RuleError {
    #[error("every-n-weeks interval must be 1..={MAX_EVERY_N_WEEKS}, got {n}")]
    WeeksOutOfRange { n: u32 },
    #[error("meeting length must be 1..={MAX_LENGTH_MINUTES} minutes, got {minutes}")]
    LengthOutOfRange { minutes: u32 },
    #[error("season ends {end} before it starts {start}")]
    SeasonEndsBeforeStart { start: Date, end: Date },
    #[error("notice must be 0..={MAX_NOTICE_DAYS} days before, got {days}")]
    NoticeOutOfRange { days: i32 },
    #[error("a same-day notice deadline needs a time before the meeting starts")]
    DeadlineNotBeforeMeeting,
    #[error("unknown time zone {name:?}")]
    UnknownTimeZone { name: String },
    #[error("the list of meeting dates is empty")]
    EmptyDateList,
    #[error("meeting date {date} is listed twice")]
    DuplicateDate { date: Date },
    #[error("meeting date {date} is outside the season")]
    DateOutsideSeason { date: Date },
    #[error("meeting date {date} is in a paused month")]
    DateInPausedMonth { date: Date },
    #[error("paused month must be 1..=12, got {month}")]
    MonthOutOfRange { month: i8 },
    #[error("all twelve months are paused")]
    AllMonthsPaused,
    #[error("an override needs a reason")]
    MissingReason,
}

impl RuleError {
    /// Stable key for translations, e.g. `"all-months-paused"`.
    pub fn key(&self) -> &'static str {
        match self {
            RuleError::WeeksOutOfRange { .. } => "weeks-out-of-range",
            RuleError::LengthOutOfRange { .. } => "length-out-of-range",
            RuleError::SeasonEndsBeforeStart { .. } => "season-ends-before-start",
            RuleError::NoticeOutOfRange { .. } => "notice-out-of-range",
            RuleError::DeadlineNotBeforeMeeting => "deadline-not-before-meeting",
            RuleError::UnknownTimeZone { .. } => "unknown-time-zone",
            RuleError::EmptyDateList => "empty-date-list",
            RuleError::DuplicateDate { .. } => "duplicate-date",
            RuleError::DateOutsideSeason { .. } => "date-outside-season",
            RuleError::DateInPausedMonth { .. } => "date-in-paused-month",
            RuleError::MonthOutOfRange { .. } => "month-out-of-range",
            RuleError::AllMonthsPaused => "all-months-paused",
            RuleError::MissingReason => "missing-reason",
        }
    }
}

impl MeetingRule {
    /// Every problem with the rule, not just the first, so a form can mark
    /// all fields at once.
    pub fn validate(&self) -> Result<(), Vec<RuleError>> {
        let mut errors = Vec::new();
        match &self.recurrence {
            Recurrence::NthWeekdayOfMonth { .. } => {}
            Recurrence::EveryNWeeks { n, .. } => {
                if *n == 0 || *n > MAX_EVERY_N_WEEKS {
                    errors.push(RuleError::WeeksOutOfRange { n: *n });
                }
            }
            Recurrence::Dates { dates } => self.check_dates(dates, &mut errors),
        }
        if self.length_minutes == 0 || self.length_minutes > MAX_LENGTH_MINUTES {
            errors.push(RuleError::LengthOutOfRange {
                minutes: self.length_minutes,
            });
        }
        if let (Some(start), Some(end)) = (self.season_start, self.season_end)
            && end < start
        {
            errors.push(RuleError::SeasonEndsBeforeStart { start, end });
        }
        let days = self.notice.days_before;
        if !(0..=MAX_NOTICE_DAYS).contains(&days) {
            errors.push(RuleError::NoticeOutOfRange { days });
        } else if days == 0 && self.notice.time.is_none_or(|t| t >= self.start_time) {
            errors.push(RuleError::DeadlineNotBeforeMeeting);
        }
        if let Err(e) = self.tz() {
            errors.push(e);
        }
        for &month in &self.paused_months {
            if !(1..=12).contains(&month) {
                errors.push(RuleError::MonthOutOfRange { month });
            }
        }
        if (1..=12).all(|m| self.is_paused(m)) {
            errors.push(RuleError::AllMonthsPaused);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn check_dates(&self, dates: &[Date], errors: &mut Vec<RuleError>) {
        if dates.is_empty() {
            errors.push(RuleError::EmptyDateList);
        }
        let mut sorted = dates.to_vec();
        sorted.sort();
        for pair in sorted.windows(2) {
            if pair[0] == pair[1] {
                errors.push(RuleError::DuplicateDate { date: pair[0] });
            }
        }
        for &date in dates {
            if !self.in_season(date) {
                errors.push(RuleError::DateOutsideSeason { date });
            }
            if self.is_paused(date.month()) {
                errors.push(RuleError::DateInPausedMonth { date });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::keys::{Nth, Weekday};
    use crate::calendar::rule::{DeadlinePolicy, HolidayPolicy};
    use jiff::civil::{date, time};

    fn second_thursday() -> MeetingRule {
        MeetingRule::new(
            Recurrence::NthWeekdayOfMonth {
                nth: Nth::Second,
                weekday: Weekday::Thursday,
            },
            time(13, 0, 0, 0),
            90,
        )
    }

    fn errors(rule: &MeetingRule) -> Vec<&'static str> {
        match rule.validate() {
            Ok(()) => vec![],
            Err(errs) => errs.iter().map(RuleError::key).collect(),
        }
    }

    #[test]
    fn defaults_are_valid() {
        let rule = second_thursday();
        assert_eq!(rule.validate(), Ok(()));
        assert_eq!(rule.time_zone, "Europe/Helsinki");
        assert_eq!(rule.notice.days_before, 7);
        assert_eq!(rule.notice.time_of_day(), time(23, 59, 0, 0));
        assert_eq!(rule.holiday_policy, HolidayPolicy::KeepAndWarn);
        assert_eq!(rule.deadline_policy, DeadlinePolicy::PreviousWorkingDay);
    }

    #[test]
    fn each_invalid_field_has_its_error() {
        let mut r = second_thursday();
        r.recurrence = Recurrence::EveryNWeeks {
            n: 0,
            weekday: Weekday::Monday,
            anchor: date(2024, 1, 1),
        };
        assert_eq!(errors(&r), ["weeks-out-of-range"]);

        for minutes in [0, 24 * 60 + 1] {
            let mut r = second_thursday();
            r.length_minutes = minutes;
            assert_eq!(errors(&r), ["length-out-of-range"]);
        }
        let mut r = second_thursday();
        r.length_minutes = 24 * 60;
        assert_eq!(errors(&r), Vec::<&str>::new());

        let mut r = second_thursday();
        r.season_start = Some(date(2023, 6, 30));
        r.season_end = Some(date(2022, 10, 1));
        assert_eq!(errors(&r), ["season-ends-before-start"]);

        for days in [-1, 61] {
            let mut r = second_thursday();
            r.notice.days_before = days;
            assert_eq!(errors(&r), ["notice-out-of-range"]);
        }

        let mut r = second_thursday();
        r.notice.days_before = 0;
        assert_eq!(errors(&r), ["deadline-not-before-meeting"]);
        r.notice.time = Some(time(9, 0, 0, 0));
        assert_eq!(errors(&r), Vec::<&str>::new());

        let mut r = second_thursday();
        r.time_zone = "Europe/Turku".into();
        assert_eq!(errors(&r), ["unknown-time-zone"]);

        let mut r = second_thursday();
        r.recurrence = Recurrence::Dates { dates: vec![] };
        assert_eq!(errors(&r), ["empty-date-list"]);

        let mut r = second_thursday();
        r.paused_months = (1..=12).collect();
        assert_eq!(errors(&r), ["all-months-paused"]);

        let mut r = second_thursday();
        r.paused_months = vec![0, 13];
        assert_eq!(errors(&r), ["month-out-of-range", "month-out-of-range"]);
    }

    #[test]
    fn explicit_dates_are_checked_against_season_and_pauses() {
        let mut r = second_thursday();
        r.paused_months = vec![7];
        r.season_end = Some(date(2024, 12, 31));
        r.recurrence = Recurrence::Dates {
            dates: vec![
                date(2024, 3, 1),
                date(2024, 7, 2),
                date(2025, 1, 2),
                date(2024, 3, 1),
            ],
        };
        assert_eq!(
            r.validate(),
            Err(vec![
                RuleError::DuplicateDate {
                    date: date(2024, 3, 1)
                },
                RuleError::DateInPausedMonth {
                    date: date(2024, 7, 2)
                },
                RuleError::DateOutsideSeason {
                    date: date(2025, 1, 2)
                },
            ])
        );
    }

    #[test]
    fn all_errors_are_reported_together() {
        let mut r = second_thursday();
        r.length_minutes = 0;
        r.time_zone = String::new();
        r.notice.days_before = 100;
        assert_eq!(
            errors(&r),
            [
                "length-out-of-range",
                "notice-out-of-range",
                "unknown-time-zone"
            ]
        );
    }

    #[test]
    fn policy_keys_parse() {
        assert_eq!("skip".parse(), Ok(HolidayPolicy::Skip));
        assert_eq!(
            "next-working-day".parse(),
            Ok(HolidayPolicy::NextWorkingDay)
        );
        assert_eq!("move-one-week".parse(), Ok(HolidayPolicy::MoveOneWeek));
        assert_eq!("keep-and-warn".parse(), Ok(HolidayPolicy::KeepAndWarn));
        assert_eq!(
            "previous-working-day".parse(),
            Ok(DeadlinePolicy::PreviousWorkingDay)
        );
        assert_eq!("keep-and-warn".parse(), Ok(DeadlinePolicy::KeepAndWarn));
        assert!("skip".parse::<DeadlinePolicy>().is_err());
        assert_eq!(HolidayPolicy::MoveOneWeek.to_string(), "move-one-week");
    }
}
