//! Tapahtumat: webinars, trainings and forum series. The pure rules of
//! registration (a seat or the waitlist, who moves up), reminders and the
//! checks of an event's form. "Now" is always a parameter.

use jiff::{SignedDuration, Timestamp};

/// What kind of event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Webinar,
    Training,
    /// One session of a forum series (the series is the events sharing a
    /// series name).
    Forum,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Webinar, Kind::Training, Kind::Forum];

    pub fn key(self) -> &'static str {
        match self {
            Kind::Webinar => "webinar",
            Kind::Training => "training",
            Kind::Forum => "forum",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == s)
    }
}

/// Who sees an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    /// Listed at `/events` without login, in the public calendar feed.
    Public,
    /// Signed-in users only.
    Professionals,
}

impl Visibility {
    pub fn key(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Professionals => "professionals",
        }
    }

    pub fn parse(s: &str) -> Option<Visibility> {
        match s {
            "public" => Some(Visibility::Public),
            "professionals" => Some(Visibility::Professionals),
            _ => None,
        }
    }
}

/// Where a confirmed registration lands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    Seat,
    Waitlist,
}

/// A seat while one is free, else the waitlist.
pub fn placement(capacity: i64, seats_taken: i64) -> Placement {
    if seats_taken < capacity {
        Placement::Seat
    } else {
        Placement::Waitlist
    }
}

/// One waiting registration: when it joined the waitlist (stored UTC
/// text, sortable) and its id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Waiting {
    pub id: i64,
    pub queued_at: String,
}

/// Who moves up when `free` seats open: the first in the queue, by the
/// time they joined it and then by id (two at the same microsecond keep
/// the order they were stored in).
pub fn promotions(free: i64, waiting: &[Waiting]) -> Vec<i64> {
    let mut queue: Vec<&Waiting> = waiting.iter().collect();
    queue.sort_by(|a, b| a.queued_at.cmp(&b.queued_at).then(a.id.cmp(&b.id)));
    queue
        .into_iter()
        .take(usize::try_from(free.max(0)).unwrap_or(0))
        .map(|w| w.id)
        .collect()
}

/// A waiting registration's place in the queue (1 = next to move up).
pub fn waitlist_position(id: i64, waiting: &[Waiting]) -> Option<usize> {
    promotions(i64::try_from(waiting.len()).unwrap_or(i64::MAX), waiting)
        .iter()
        .position(|w| *w == id)
        .map(|i| i + 1)
}

/// How long before the start the reminder goes.
pub const REMINDER_BEFORE: SignedDuration = SignedDuration::from_hours(24);

/// Whether a confirmed participant's reminder is due: not yet sent, the
/// event not cancelled or started, and its start within
/// [`REMINDER_BEFORE`].
pub fn reminder_due(now: Timestamp, starts_at: Timestamp, reminded: bool, cancelled: bool) -> bool {
    !reminded && !cancelled && now < starts_at && starts_at - REMINDER_BEFORE <= now
}

/// Why a registration is not taken now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Closed {
    Cancelled,
    Started,
    NotOpen,
    DeadlinePassed,
}

impl Closed {
    pub fn key(self) -> &'static str {
        match self {
            Closed::Cancelled => "events-closed-cancelled",
            Closed::Started => "events-closed-started",
            Closed::NotOpen => "events-closed-not-open",
            Closed::DeadlinePassed => "events-closed-deadline",
        }
    }
}

/// Whether registrations are taken at `now`.
pub fn registration_state(
    now: Timestamp,
    starts_at: Timestamp,
    open: bool,
    deadline: Option<Timestamp>,
    cancelled: bool,
) -> Result<(), Closed> {
    if cancelled {
        Err(Closed::Cancelled)
    } else if now >= starts_at {
        Err(Closed::Started)
    } else if !open {
        Err(Closed::NotOpen)
    } else if deadline.is_some_and(|d| now > d) {
        Err(Closed::DeadlinePassed)
    } else {
        Ok(())
    }
}

/// Attendance is marked from the event's start on.
pub fn attendance_open(now: Timestamp, starts_at: Timestamp) -> bool {
    now >= starts_at
}

/// How long an e-mailed confirmation link works.
pub const CONFIRM_VALID: SignedDuration = SignedDuration::from_hours(48);

/// After how many days past an event its outside participants' names and
/// addresses are erased (their registration stays, as a count).
pub const ERASE_OUTSIDE_AFTER_DAYS: i64 = 90;

/// Whether a link stored with `expires_at` still works at `now`.
pub fn link_valid(now: Timestamp, expires_at: Timestamp) -> bool {
    now < expires_at
}

/// A plausible e-mail address: one `@`, something on both sides, a dot in
/// the domain, no spaces; at most 254 characters.
pub fn plausible_email(s: &str) -> bool {
    let s = s.trim();
    if s.len() > 254 || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        }
        None => false,
    }
}

/// A link a person typed for an event (online meeting, recording): http(s)
/// only, no spaces.
pub fn plausible_url(s: &str) -> bool {
    let s = s.trim();
    (s.starts_with("https://") || s.starts_with("http://"))
        && s.len() > 10
        && s.len() <= 500
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The checks of an event's times: the end after the start, at most two
/// weeks long, a registration deadline not after the start.
pub fn check_times(
    starts_at: Timestamp,
    ends_at: Timestamp,
    deadline: Option<Timestamp>,
) -> Vec<(&'static str, &'static str)> {
    let mut problems = Vec::new();
    if ends_at <= starts_at {
        problems.push(("ends", "events-error-end-before-start"));
    } else if ends_at.duration_since(starts_at) > SignedDuration::from_hours(24 * 14) {
        problems.push(("ends", "events-error-too-long"));
    }
    if deadline.is_some_and(|d| d > starts_at) {
        problems.push(("deadline", "events-error-deadline-after-start"));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn w(id: i64, at: &str) -> Waiting {
        Waiting {
            id,
            queued_at: at.to_owned(),
        }
    }

    #[test]
    fn a_seat_until_full_then_the_waitlist() {
        assert_eq!(placement(2, 0), Placement::Seat);
        assert_eq!(placement(2, 1), Placement::Seat);
        assert_eq!(placement(2, 2), Placement::Waitlist);
        assert_eq!(placement(2, 3), Placement::Waitlist);
    }

    #[test]
    fn the_first_to_queue_moves_up_first() {
        let q = [
            w(5, "2026-01-02T10:00:00.000000Z"),
            w(3, "2026-01-02T10:00:01.000000Z"),
            w(9, "2026-01-01T09:00:00.000000Z"),
            w(4, "2026-01-02T10:00:00.000000Z"),
        ];
        assert_eq!(promotions(1, &q), vec![9]);
        assert_eq!(promotions(3, &q), vec![9, 4, 5]);
        assert_eq!(promotions(10, &q), vec![9, 4, 5, 3]);
        assert!(promotions(0, &q).is_empty());
        assert!(promotions(-1, &q).is_empty());
        assert_eq!(waitlist_position(5, &q), Some(3));
        assert_eq!(waitlist_position(9, &q), Some(1));
        assert_eq!(waitlist_position(7, &q), None);
    }

    #[test]
    fn a_reminder_is_due_within_a_day_before_the_start_once() {
        let start = ts("2026-03-10T08:00:00Z");
        assert!(!reminder_due(
            ts("2026-03-09T07:59:00Z"),
            start,
            false,
            false
        ));
        assert!(reminder_due(
            ts("2026-03-09T08:00:00Z"),
            start,
            false,
            false
        ));
        assert!(reminder_due(
            ts("2026-03-10T07:00:00Z"),
            start,
            false,
            false
        ));
        assert!(!reminder_due(
            ts("2026-03-10T07:00:00Z"),
            start,
            true,
            false
        ));
        assert!(!reminder_due(
            ts("2026-03-10T07:00:00Z"),
            start,
            false,
            true
        ));
        assert!(!reminder_due(
            ts("2026-03-10T08:00:00Z"),
            start,
            false,
            false
        ));
    }

    #[test]
    fn registration_closes_for_a_reason() {
        let start = ts("2026-03-10T08:00:00Z");
        let now = ts("2026-03-01T08:00:00Z");
        assert_eq!(registration_state(now, start, true, None, false), Ok(()));
        assert_eq!(
            registration_state(now, start, true, None, true),
            Err(Closed::Cancelled)
        );
        assert_eq!(
            registration_state(start, start, true, None, false),
            Err(Closed::Started)
        );
        assert_eq!(
            registration_state(now, start, false, None, false),
            Err(Closed::NotOpen)
        );
        assert_eq!(
            registration_state(now, start, true, Some(ts("2026-02-28T00:00:00Z")), false),
            Err(Closed::DeadlinePassed)
        );
        assert!(attendance_open(start, start));
        assert!(!attendance_open(now, start));
    }

    #[test]
    fn links_expire() {
        let exp = ts("2026-03-10T08:00:00Z");
        assert!(link_valid(ts("2026-03-10T07:59:59Z"), exp));
        assert!(!link_valid(exp, exp));
    }

    #[test]
    fn form_checks() {
        assert!(plausible_email("maija.m@example.fi"));
        assert!(!plausible_email("maija m@example.fi"));
        assert!(!plausible_email("maija@example"));
        assert!(!plausible_email("@example.fi"));
        assert!(!plausible_email("a@b@c.fi"));
        assert!(plausible_url("https://video.example.fi/abc"));
        assert!(!plausible_url("javascript:alert(1)"));
        assert!(!plausible_url("https://x.fi/a b"));
        let s = ts("2026-03-10T08:00:00Z");
        assert!(check_times(s, ts("2026-03-10T10:00:00Z"), None).is_empty());
        assert_eq!(
            check_times(s, s, None),
            vec![("ends", "events-error-end-before-start")]
        );
        assert_eq!(
            check_times(
                s,
                ts("2026-04-10T10:00:00Z"),
                Some(ts("2026-03-11T00:00:00Z"))
            ),
            vec![
                ("ends", "events-error-too-long"),
                ("deadline", "events-error-deadline-after-start")
            ]
        );
        assert_eq!(Kind::parse("forum"), Some(Kind::Forum));
        assert_eq!(Kind::parse("x"), None);
        assert_eq!(
            Visibility::parse("professionals"),
            Some(Visibility::Professionals)
        );
    }
}
