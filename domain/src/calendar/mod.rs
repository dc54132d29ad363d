//! Kokousrytmi: meeting rules, Finnish public holidays and notice deadlines.
//!
//! Pure and clock-free: callers pass "today"/"now". A rule ([`MeetingRule`])
//! yields [`Occurrence`]s; every adjustment (holiday, weekend deadline,
//! override) is recorded as a [`Conflict`] or [`ManualChange`] so nothing is
//! fixed silently.

mod generate;
mod history;
mod holidays;
pub(crate) mod keys;
mod occurrence;
mod overrides;
mod rule;
mod validate;

#[cfg(test)]
mod tests;

pub use history::{PastRule, RuleHistory};
pub use holidays::{
    Holiday, easter_sunday, holiday, holidays_in_year, holidays_on, is_working_day,
    next_working_day, previous_working_day,
};
pub use keys::{Nth, ParseKeyError, Weekday};
pub use occurrence::{
    Conflict, DeadlineResolution, ManualChange, Occurrence, Resolution, RuleLimit, Status,
    next_open_meeting,
};
pub use overrides::{Override, OverrideKind};
pub use rule::{
    DEFAULT_TIME_ZONE, DeadlinePolicy, END_OF_DAY, HolidayPolicy, MAX_EVERY_N_WEEKS,
    MAX_LENGTH_MINUTES, MAX_NOTICE_DAYS, MeetingRule, Notice, Recurrence,
};
pub use validate::RuleError;
