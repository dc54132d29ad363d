//! Palveluohjaus: the OT centre's service-guidance log. A question comes in
//! (from the platform's form, or recorded by the coordinator from a phone
//! call or an e-mail), gets its guidance and maybe a follow-up, and is
//! closed. This module holds the rules about its age, lateness, status and
//! the forms' checks; "now" and "today" are parameters.

use jiff::Timestamp;
use jiff::civil::Date;

/// The longest question (characters).
pub const MAX_QUESTION: usize = 4000;
/// The longest guidance, follow-up note or directed note (characters).
pub const MAX_GUIDANCE: usize = 4000;
pub const MAX_NOTE: usize = 1000;
/// The longest development need (characters).
pub const MAX_NEED: usize = 2000;
/// The asker's description on a phone or e-mail question.
pub const MAX_ASKER: usize = 200;
/// An open question older than this many whole days is late.
pub const LATE_AFTER_DAYS: i64 = 7;

/// The cooperation areas whose guidance log `actor` keeps: the areas it
/// coordinates and the areas of the counties it coordinates, each once.
pub fn handled_areas(actor: &crate::policy::Actor) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for g in actor
        .grants
        .iter()
        .filter(|g| g.role == crate::role::Role::Coordinator)
    {
        let Some(code) = g.area.as_deref() else {
            continue;
        };
        let area = match crate::region::organiser(code) {
            Some(o) => Some(o.area_code),
            None => crate::region::area(code).map(|a| a.code),
        };
        if let Some(a) = area
            && !out.contains(&a)
        {
            out.push(a);
        }
    }
    out
}

/// How a question came in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    Platform,
    Phone,
    Email,
    Other,
}

impl Channel {
    /// What the coordinator may record by hand (the platform's questions
    /// come through the form).
    pub const RECORDED: [Channel; 3] = [Channel::Phone, Channel::Email, Channel::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Platform => "platform",
            Channel::Phone => "phone",
            Channel::Email => "email",
            Channel::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Channel> {
        [
            Channel::Platform,
            Channel::Phone,
            Channel::Email,
            Channel::Other,
        ]
        .into_iter()
        .find(|c| c.as_str() == s)
    }
}

/// Where a question stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Waiting for guidance.
    Open,
    /// Guidance given; a follow-up may wait.
    Answered,
    /// Guidance given and its follow-up date has come.
    FollowUpDue,
    Closed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Answered => "answered",
            Status::FollowUpDue => "follow-up-due",
            Status::Closed => "closed",
        }
    }
}

/// The facts of one question that its status depends on.
pub fn status(answered: bool, closed: bool, follow_up_on: Option<Date>, today: Date) -> Status {
    if closed {
        Status::Closed
    } else if !answered {
        Status::Open
    } else if follow_up_on.is_some_and(|d| d <= today) {
        Status::FollowUpDue
    } else {
        Status::Answered
    }
}

/// Whole days from `received` to `now` (never negative).
pub fn age_days(received: Timestamp, now: Timestamp) -> i64 {
    let secs = now.as_second() - received.as_second();
    (secs / 86_400).max(0)
}

/// An open question waiting longer than [`LATE_AFTER_DAYS`] days.
pub fn is_late(age_days: i64) -> bool {
    age_days > LATE_AFTER_DAYS
}

/// A follow-up date that has passed while the question is still open for
/// follow-up: shown as a warning, never moved.
pub fn follow_up_late(follow_up_on: Option<Date>, closed: bool, today: Date) -> bool {
    !closed && follow_up_on.is_some_and(|d| d < today)
}

/// The time from receiving a question to answering it, in the unit a
/// person reads: hours under two days, else days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerTime {
    Hours(i64),
    Days(i64),
}

pub fn answer_time(received: Timestamp, answered: Timestamp) -> AnswerTime {
    let secs = (answered.as_second() - received.as_second()).max(0);
    let hours = secs / 3600;
    if hours < 48 {
        AnswerTime::Hours(hours)
    } else {
        AnswerTime::Days(secs / 86_400)
    }
}

/// Checks a typed text: required or not, its length, and, when it must not
/// identify anyone, no identity code. Returns the problem's message key.
pub fn check_text(
    text: &str,
    required: bool,
    max: usize,
    no_identity: bool,
) -> Option<&'static str> {
    let t = text.trim();
    if required && t.is_empty() {
        Some("guidance-required")
    } else if t.chars().count() > max {
        Some("guidance-too-long")
    } else if no_identity && crate::hetu::appears_in(t) {
        Some("guidance-no-identity-code")
    } else {
        None
    }
}

/// The phenomena list as stored: known codes only, each once, in the
/// order given, joined with commas.
pub fn phenomena_list<'a>(chosen: impl IntoIterator<Item = &'a str>, known: &[&str]) -> String {
    let mut out: Vec<&str> = Vec::new();
    for c in chosen {
        let c = c.trim();
        if known.contains(&c) && !out.contains(&c) {
            out.push(c);
        }
    }
    out.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn ages_in_whole_days() {
        let r = ts("2026-03-02T08:00:00Z");
        assert_eq!(age_days(r, ts("2026-03-02T20:00:00Z")), 0);
        assert_eq!(age_days(r, ts("2026-03-05T09:00:00Z")), 3);
        assert_eq!(age_days(r, ts("2026-03-01T09:00:00Z")), 0, "never negative");
    }

    #[test]
    fn late_after_seven_days() {
        assert!(!is_late(7));
        assert!(is_late(8));
    }

    #[test]
    fn statuses() {
        let today = jiff::civil::date(2026, 3, 10);
        assert_eq!(status(false, false, None, today), Status::Open);
        assert_eq!(status(true, false, None, today), Status::Answered);
        let later = Some(jiff::civil::date(2026, 3, 20));
        assert_eq!(status(true, false, later, today), Status::Answered);
        assert_eq!(status(true, false, Some(today), today), Status::FollowUpDue);
        assert_eq!(status(true, true, Some(today), today), Status::Closed);
        assert_eq!(status(false, true, None, today), Status::Closed);
    }

    #[test]
    fn follow_up_lateness() {
        let today = jiff::civil::date(2026, 3, 10);
        let past = Some(jiff::civil::date(2026, 3, 9));
        assert!(follow_up_late(past, false, today));
        assert!(!follow_up_late(past, true, today), "closed: nothing late");
        assert!(!follow_up_late(Some(today), false, today));
        assert!(!follow_up_late(None, false, today));
    }

    #[test]
    fn answer_times() {
        let r = ts("2026-03-02T08:00:00Z");
        assert_eq!(
            answer_time(r, ts("2026-03-02T11:30:00Z")),
            AnswerTime::Hours(3)
        );
        assert_eq!(
            answer_time(r, ts("2026-03-04T07:59:00Z")),
            AnswerTime::Hours(47)
        );
        assert_eq!(
            answer_time(r, ts("2026-03-06T09:00:00Z")),
            AnswerTime::Days(4)
        );
        assert_eq!(
            answer_time(r, ts("2026-03-01T09:00:00Z")),
            AnswerTime::Hours(0)
        );
    }

    #[test]
    fn texts_checked() {
        assert_eq!(check_text("  ", true, 10, true), Some("guidance-required"));
        assert_eq!(check_text("", false, 10, true), None);
        assert_eq!(
            check_text("ääääää", true, 5, true),
            Some("guidance-too-long")
        );
        assert_eq!(check_text("äääää", true, 5, true), None);
        assert_eq!(
            check_text("Lapsi 131052-308T kysyy", true, 100, true),
            Some("guidance-no-identity-code")
        );
        assert_eq!(check_text("Lapsi 131052-308T", true, 100, false), None);
    }

    #[test]
    fn channels() {
        for c in ["platform", "phone", "email", "other"] {
            assert_eq!(Channel::parse(c).unwrap().as_str(), c);
        }
        assert_eq!(Channel::parse("fax"), None);
    }

    #[test]
    fn areas_of_area_and_county_grants() {
        use crate::role::{Grant, Role};
        let grant = |role, area: Option<&str>| Grant {
            role,
            area: area.map(str::to_owned),
        };
        let actor = crate::policy::Actor {
            user_id: crate::ids::UserId(1),
            username: "k".into(),
            grants: vec![
                grant(Role::Coordinator, Some("ita-suomi")),
                grant(Role::Coordinator, Some("keski-suomi")),
                grant(Role::Coordinator, Some("pohjois-savo")),
                grant(Role::Expert, None),
            ],
            secretary_of: vec![],
            member_of: vec![],
            county_groups: vec![],
        };
        assert_eq!(handled_areas(&actor), vec!["ita-suomi"]);
        let mut other = actor.clone();
        other.grants = vec![grant(Role::Requester, None)];
        assert!(handled_areas(&other).is_empty());
    }

    #[test]
    fn phenomena_lists() {
        let known = ["a", "b", "c"];
        assert_eq!(phenomena_list(["b", "x", "a", "b"], &known), "b,a");
        assert_eq!(phenomena_list([], &known), "");
    }
}
