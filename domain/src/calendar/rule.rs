//! Meeting rules (kokousrytmi) as data: stored as JSON, edited through forms,
//! validated here so every form error has a specific, translatable key.

use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

use super::keys::{Nth, Weekday, keyed_enum};
use super::validate::RuleError;

/// The zone the OT centres work in; rules default to it.
pub const DEFAULT_TIME_ZONE: &str = "Europe/Helsinki";
/// Longest accepted notice period: beyond two months nobody plans by it.
pub const MAX_NOTICE_DAYS: i32 = 60;
/// Longest accepted meeting, in minutes (one day).
pub const MAX_LENGTH_MINUTES: u32 = 24 * 60;
/// Longest accepted interval of [`Recurrence::EveryNWeeks`] (once a year).
pub const MAX_EVERY_N_WEEKS: u32 = 52;

/// Which dates the rule yields, before holidays, pauses and the season.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Recurrence {
    /// "Joka kuukauden toinen torstai": the nth (or last) weekday of a month.
    NthWeekdayOfMonth { nth: Nth, weekday: Weekday },
    /// Every `n` weeks on `weekday`. The series starts on the first such
    /// weekday on or after `anchor`; no meetings are generated before it.
    EveryNWeeks {
        n: u32,
        weekday: Weekday,
        anchor: Date,
    },
    /// An explicit list of dates, for groups without a regular rhythm.
    /// (A struct variant because internally tagged JSON cannot hold a bare
    /// list.)
    Dates { dates: Vec<Date> },
}

/// When case notices (asia tiedoksi sihteerille) are due, relative to the
/// meeting's actual date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// Calendar days before the meeting date (the seed's "viikkoa aiemmin"
    /// is 7). 0 means the same day, which requires a `time` before the start.
    pub days_before: i32,
    /// Time of day of the deadline; `None` means end of day, [`END_OF_DAY`].
    #[serde(default)]
    pub time: Option<Time>,
}

/// The deadline time when a rule names none: 23:59 local time. The whole
/// minute counts as on time (see `Occurrence::deadline_met`).
pub const END_OF_DAY: Time = Time::constant(23, 59, 0, 0);

impl Notice {
    /// The time of day the deadline falls at.
    pub fn time_of_day(&self) -> Time {
        self.time.unwrap_or(END_OF_DAY)
    }
}

impl Default for Notice {
    /// One week before, end of day: the seed group's practice.
    fn default() -> Self {
        Self {
            days_before: 7,
            time: None,
        }
    }
}

keyed_enum! {
    /// What to do when the rule yields a holiday (or Midsummer/Christmas Eve).
    /// Whatever is chosen is recorded as a `Conflict::MeetingOnHoliday`.
    pub enum HolidayPolicy ("holiday-policy") {
        /// Drop the meeting; it is still listed, marked skipped.
        Skip = "skip",
        /// Hold it on the next working day.
        NextWorkingDay = "next-working-day",
        /// Hold it on the same weekday a week later.
        MoveOneWeek = "move-one-week",
        /// Keep the date and warn; the secretary decides (default).
        KeepAndWarn = "keep-and-warn",
    }
}

impl Default for HolidayPolicy {
    /// Keep and warn: nothing changes until a person decides (an override),
    /// so a rule never moves a meeting people already planned around.
    fn default() -> Self {
        HolidayPolicy::KeepAndWarn
    }
}

keyed_enum! {
    /// What to do when the notice deadline falls on a weekend or holiday.
    pub enum DeadlinePolicy ("deadline-policy") {
        /// Move the deadline to the previous working day (default).
        PreviousWorkingDay = "previous-working-day",
        /// Keep the deadline and warn.
        KeepAndWarn = "keep-and-warn",
    }
}

impl Default for DeadlinePolicy {
    /// Previous working day: the secretary needs a working day to triage,
    /// and an earlier deadline can never make a case miss its meeting.
    fn default() -> Self {
        DeadlinePolicy::PreviousWorkingDay
    }
}

/// A consultation group's meeting rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingRule {
    pub recurrence: Recurrence,
    /// Local start time, kept across DST changes.
    pub start_time: Time,
    pub length_minutes: u32,
    /// IANA time zone name; default [`DEFAULT_TIME_ZONE`].
    #[serde(default = "default_time_zone")]
    pub time_zone: String,
    #[serde(default)]
    pub notice: Notice,
    /// Months (1–12) without meetings, e.g. `[7, 8]` for the summer break.
    #[serde(default)]
    pub paused_months: Vec<i8>,
    /// First day of the season (kausi), inclusive; `None` = open.
    #[serde(default)]
    pub season_start: Option<Date>,
    /// Last day of the season, inclusive; `None` = open.
    #[serde(default)]
    pub season_end: Option<Date>,
    #[serde(default)]
    pub holiday_policy: HolidayPolicy,
    #[serde(default)]
    pub deadline_policy: DeadlinePolicy,
}

fn default_time_zone() -> String {
    DEFAULT_TIME_ZONE.to_owned()
}

impl MeetingRule {
    /// A rule with the defaults: Helsinki time, notice 7 days before at end
    /// of day, no pauses, open season, keep-and-warn on holidays, deadlines
    /// moved to the previous working day.
    pub fn new(recurrence: Recurrence, start_time: Time, length_minutes: u32) -> Self {
        Self {
            recurrence,
            start_time,
            length_minutes,
            time_zone: default_time_zone(),
            notice: Notice::default(),
            paused_months: Vec::new(),
            season_start: None,
            season_end: None,
            holiday_policy: HolidayPolicy::default(),
            deadline_policy: DeadlinePolicy::default(),
        }
    }

    /// The rule's time zone, if the name is known.
    pub fn tz(&self) -> Result<TimeZone, RuleError> {
        TimeZone::get(&self.time_zone).map_err(|_| RuleError::UnknownTimeZone {
            name: self.time_zone.clone(),
        })
    }

    /// Whether `month` (1–12) is paused.
    pub fn is_paused(&self, month: i8) -> bool {
        self.paused_months.contains(&month)
    }

    /// Whether `date` lies within the (inclusive) season.
    pub fn in_season(&self, date: Date) -> bool {
        self.season_start.is_none_or(|s| s <= date) && self.season_end.is_none_or(|e| date <= e)
    }
}
