//! Konsultaatiopyyntö: a consultation request's life, from draft to closed,
//! and where a request is placed in a group's calendar.
//!
//! draft → submitted → (triage) accepted / more information asked /
//! redirected / declined → discussed (recommendations recorded) →
//! follow-up (the requester confirmed them) → closed. Every change is a
//! [`Transition`] with an actor and, where people need one, a reason.

use crate::calendar::keys::keyed_enum;
use crate::calendar::{Occurrence, Status as MeetingStatus};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

keyed_enum! {
    /// Where a request is.
    pub enum Status ("request-status") {
        /// Luonnos: the requester is still writing.
        Draft = "draft",
        /// Lähetetty: waiting for the secretary's triage.
        Submitted = "submitted",
        /// Lisätietoja pyydetty: back with the requester, with a question.
        MoreInfo = "more-info",
        /// Hyväksytty: on a meeting's agenda.
        Accepted = "accepted",
        /// Käsitelty: the group's recommendations are recorded; the
        /// requester confirms them.
        Discussed = "discussed",
        /// Seuranta: confirmed; the requester reports later what happened.
        FollowUp = "follow-up",
        /// Suljettu.
        Closed = "closed",
        /// Hylätty, with a reason.
        Declined = "declined",
        /// Peruttu by the requester.
        Withdrawn = "withdrawn",
    }
}

impl Status {
    /// Whether the request takes one of its meeting's places. Only an
    /// accepted case does: an untriaged request is merely proposed for a
    /// meeting (the first it could make), and the secretary decides.
    pub fn holds_place(self) -> bool {
        matches!(
            self,
            Status::Accepted | Status::Discussed | Status::FollowUp | Status::Closed
        )
    }

    /// Whether a meeting it names is still ahead of it (proposed or accepted).
    pub fn awaits_meeting(self) -> bool {
        matches!(
            self,
            Status::Submitted | Status::MoreInfo | Status::Accepted
        )
    }

    /// The requester may still change the answers.
    pub fn editable(self) -> bool {
        matches!(self, Status::Draft | Status::MoreInfo)
    }

    pub fn is_open(self) -> bool {
        !matches!(self, Status::Closed | Status::Declined | Status::Withdrawn)
    }
}

keyed_enum! {
    /// What happened to a request: the history's entries.
    pub enum Event ("request-event") {
        Created = "created",
        Submitted = "submitted",
        Resubmitted = "resubmitted",
        Accepted = "accepted",
        /// Moved to another meeting of the same group.
        Rescheduled = "rescheduled",
        /// Its meeting was moved to another day or hour; it stays on it.
        MeetingChanged = "meeting-changed",
        /// Taken off its meeting and back to the secretary's queue.
        Unscheduled = "unscheduled",
        /// Its meeting was held but the case was not reached.
        NotDiscussed = "not-discussed",
        MoreInfoAsked = "more-info-asked",
        Redirected = "redirected",
        Declined = "declined",
        Withdrawn = "withdrawn",
        OutcomeRecorded = "outcome-recorded",
        Confirmed = "confirmed",
        FollowUpReported = "follow-up-reported",
    }
}

impl Event {
    /// Whether the event needs a reason people can read.
    pub fn needs_reason(self) -> bool {
        matches!(
            self,
            Event::MoreInfoAsked | Event::Redirected | Event::Declined
        )
    }
}

/// A request cannot do that from where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a request that is {from} cannot be {event}")]
pub struct TransitionError {
    pub from: Status,
    pub event: Event,
}

/// The status after `event`, or why not.
pub fn transition(from: Status, event: Event) -> Result<Status, TransitionError> {
    use Status as S;
    let to = match (from, event) {
        (S::Draft, Event::Submitted) => S::Submitted,
        (S::MoreInfo, Event::Resubmitted) => S::Submitted,
        (S::Submitted, Event::Accepted) => S::Accepted,
        (S::Submitted | S::MoreInfo | S::Accepted, Event::Rescheduled | Event::MeetingChanged) => {
            from
        }
        (S::Accepted, Event::Unscheduled) => S::Submitted,
        (S::Submitted | S::MoreInfo, Event::Unscheduled) => from,
        (S::Accepted, Event::NotDiscussed) => S::Accepted,
        (S::Submitted, Event::MoreInfoAsked) => S::MoreInfo,
        (S::Accepted, Event::MoreInfoAsked) => S::MoreInfo,
        // A redirected request waits in the other group's queue.
        (S::Submitted | S::Accepted, Event::Redirected) => S::Submitted,
        (S::Submitted | S::MoreInfo | S::Accepted, Event::Declined) => S::Declined,
        (S::Draft | S::Submitted | S::MoreInfo | S::Accepted, Event::Withdrawn) => S::Withdrawn,
        (S::Accepted, Event::OutcomeRecorded) => S::Discussed,
        (S::Discussed, Event::OutcomeRecorded) => S::Discussed,
        (S::Discussed, Event::Confirmed) => S::FollowUp,
        (S::FollowUp, Event::FollowUpReported) => S::Closed,
        _ => return Err(TransitionError { from, event }),
    };
    Ok(to)
}

/// Why a meeting was passed over when placing a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Skip {
    /// Its notice deadline had passed.
    DeadlinePassed,
    /// Every place was taken.
    Full,
    /// Cancelled or skipped (a holiday).
    NotHeld,
}

/// Where a request goes, and the meetings it could not go to, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placement {
    /// The rule date of the meeting (the meeting's identity); `None` when
    /// no coming meeting qualifies.
    pub meeting: Option<Date>,
    pub skipped: Vec<(Date, Skip)>,
}

/// The first coming meeting whose deadline `now` meets and that has a free
/// place. `meetings` sorted by start (as generation returns them);
/// `placed` counts the requests already on each meeting, by rule date.
pub fn place(
    meetings: &[Occurrence],
    placed: &HashMap<Date, u32>,
    capacity: u32,
    now: Timestamp,
) -> Placement {
    let mut skipped = Vec::new();
    for m in meetings.iter().filter(|m| m.start.timestamp() > now) {
        let why = if m.status != MeetingStatus::Scheduled {
            Some(Skip::NotHeld)
        } else if !m.deadline_met(now) {
            Some(Skip::DeadlinePassed)
        } else if placed.get(&m.rule_date).copied().unwrap_or(0) >= capacity {
            Some(Skip::Full)
        } else {
            None
        };
        match why {
            Some(w) => skipped.push((m.rule_date, w)),
            None => {
                return Placement {
                    meeting: Some(m.rule_date),
                    skipped,
                };
            }
        }
    }
    Placement {
        meeting: None,
        skipped,
    }
}

/// Where a request sent now is proposed: a resubmitted one (after more
/// information was asked) keeps the meeting it had while that is still
/// ahead and held; otherwise the first meeting it makes ([`place`]). The
/// form promises exactly this before it is sent.
pub fn propose(
    kept: Option<Date>,
    meetings: &[Occurrence],
    taken: &HashMap<Date, u32>,
    capacity: u32,
    now: Timestamp,
) -> Placement {
    let still_ahead = kept.filter(|k| {
        meetings
            .iter()
            .any(|m| m.rule_date == *k && m.is_held() && m.start.timestamp() > now)
    });
    match still_ahead {
        Some(meeting) => Placement {
            meeting: Some(meeting),
            skipped: Vec::new(),
        },
        None => place(meetings, taken, capacity, now),
    }
}

/// What a secretary choosing a meeting for a request must be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChoiceProblem {
    /// Not a coming, held meeting of the group.
    NoSuchMeeting,
    Full,
}

/// Checks a secretary's choice of meeting; `Ok(true)` when it is after the
/// deadline (allowed, by the secretary's decision, and recorded as late).
pub fn check_choice(
    meeting: Option<&Occurrence>,
    placed_there: u32,
    capacity: u32,
    now: Timestamp,
) -> Result<bool, ChoiceProblem> {
    let m = meeting
        .filter(|m| m.is_held() && m.start.timestamp() > now)
        .ok_or(ChoiceProblem::NoSuchMeeting)?;
    if placed_there >= capacity {
        return Err(ChoiceProblem::Full);
    }
    Ok(!m.deadline_met(now))
}

/// Where a case goes when its meeting is no longer held for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination {
    /// Another meeting; `late` when its notice deadline has passed (the
    /// secretary's decision made it).
    Meeting { date: Date, late: bool },
    /// Back to the secretary's queue, with no meeting.
    Queue,
}

/// Where the cases of the meeting `leaving` go, in their order: an accepted
/// case to the first held meeting after it (`after`: when it was to start)
/// with a free place (they fill the places one by one), a proposed one (not
/// triaged yet) to the first such meeting whose deadline it still makes;
/// with none in sight, the queue. Never to a meeting before the one it
/// leaves: a case is not hurried forward by a cancellation.
pub fn carry_over(
    cases: &[Status],
    meetings: &[Occurrence],
    placed: &HashMap<Date, u32>,
    capacity: u32,
    now: Timestamp,
    leaving: Date,
    after: Timestamp,
) -> Vec<Destination> {
    let mut placed = placed.clone();
    let after = after.max(now);
    let others: Vec<Occurrence> = meetings
        .iter()
        .filter(|m| m.rule_date != leaving && m.start.timestamp() > after)
        .cloned()
        .collect();
    cases
        .iter()
        .map(|status| {
            if !status.holds_place() {
                return match place(&others, &placed, capacity, now).meeting {
                    Some(date) => Destination::Meeting { date, late: false },
                    None => Destination::Queue,
                };
            }
            let next = others
                .iter()
                .find(|m| m.is_held() && placed.get(&m.rule_date).copied().unwrap_or(0) < capacity);
            match next {
                Some(m) => {
                    *placed.entry(m.rule_date).or_default() += 1;
                    Destination::Meeting {
                        date: m.rule_date,
                        late: !m.deadline_met(now),
                    }
                }
                None => Destination::Queue,
            }
        })
        .collect()
}

/// The shortest time slot a case gets on an agenda, in minutes.
pub const MIN_SLOT_MINUTES: i64 = 10;

/// The time slots of `n` cases on a meeting from `start` to `end`: the
/// meeting divided evenly, at least [`MIN_SLOT_MINUTES`] each (a crowded
/// agenda runs past the end rather than giving a case no time).
pub fn slots(
    start: &jiff::ZonedDateTime,
    end: &jiff::ZonedDateTime,
    n: usize,
) -> Vec<(jiff::ZonedDateTime, jiff::ZonedDateTime)> {
    let total = end.timestamp().duration_since(start.timestamp()).as_mins();
    let each = (total / i64::try_from(n.max(1)).unwrap_or(1)).max(MIN_SLOT_MINUTES);
    (0..n)
        .filter_map(|i| {
            let from = start
                .checked_add(jiff::SignedDuration::from_mins(
                    each * i64::try_from(i).ok()?,
                ))
                .ok()?;
            let to = from
                .checked_add(jiff::SignedDuration::from_mins(each))
                .ok()?;
            Some((from, to))
        })
        .collect()
}

/// Replays a request's history: the status it ends in, or the first event
/// that does not follow.
pub fn replay(events: &[Event]) -> Result<Status, TransitionError> {
    let mut status = Status::Draft;
    for e in events {
        status = match (status, e) {
            // The history starts with its creation.
            (Status::Draft, Event::Created) => Status::Draft,
            (s, e) => transition(s, *e)?,
        };
    }
    Ok(status)
}

keyed_enum! {
    /// On what basis a request names the child (tunnistetiedot).
    pub enum Identification ("identification") {
        /// Pseudonymous (the default): no name, no identity code.
        None = "none",
        /// The guardian's or young person's recorded consent.
        Consent = "consent",
        /// A legal basis (e.g. the Child Welfare Act).
        Statutory = "statutory",
    }
}

keyed_enum! {
    /// Whether a recommendation was carried out, reported at follow-up.
    pub enum Outcome ("recommendation-outcome") {
        Implemented = "implemented",
        Partly = "partly",
        NotImplemented = "not-implemented",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{MeetingRule, Nth, Recurrence, Weekday};
    use jiff::civil::{date, time};

    fn seed_meetings() -> Vec<Occurrence> {
        let mut r = MeetingRule::new(
            Recurrence::NthWeekdayOfMonth {
                nth: Nth::Second,
                weekday: Weekday::Thursday,
            },
            time(13, 0, 0, 0),
            120,
        );
        r.paused_months = vec![7, 8];
        r.generate(date(2022, 10, 1), date(2023, 6, 30)).unwrap()
    }

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn on_time_goes_to_the_first_meeting() {
        let p = place(
            &seed_meetings(),
            &HashMap::new(),
            3,
            at("2022-10-06T12:00:00+03:00"),
        );
        assert_eq!(p.meeting, Some(date(2022, 10, 13)));
        assert!(p.skipped.is_empty());
    }

    #[test]
    fn after_the_deadline_goes_to_the_next_and_says_why() {
        // 6.10.2022 23.59 is the deadline of 13.10.; a minute later is late.
        let p = place(
            &seed_meetings(),
            &HashMap::new(),
            3,
            at("2022-10-07T00:00:30+03:00"),
        );
        assert_eq!(p.meeting, Some(date(2022, 11, 10)));
        assert_eq!(p.skipped, vec![(date(2022, 10, 13), Skip::DeadlinePassed)]);
        let edge = place(
            &seed_meetings(),
            &HashMap::new(),
            3,
            at("2022-10-06T23:59:59+03:00"),
        );
        assert_eq!(
            edge.meeting,
            Some(date(2022, 10, 13)),
            "the deadline minute counts"
        );
    }

    #[test]
    fn a_full_meeting_is_passed_over() {
        let placed = HashMap::from([(date(2022, 10, 13), 3), (date(2022, 11, 10), 2)]);
        let p = place(
            &seed_meetings(),
            &placed,
            3,
            at("2022-10-01T09:00:00+03:00"),
        );
        assert_eq!(p.meeting, Some(date(2022, 11, 10)));
        assert_eq!(p.skipped, vec![(date(2022, 10, 13), Skip::Full)]);
    }

    #[test]
    fn nothing_left_in_the_season() {
        let p = place(
            &seed_meetings(),
            &HashMap::new(),
            3,
            at("2023-06-05T09:00:00+03:00"),
        );
        assert_eq!(p.meeting, None);
        assert_eq!(p.skipped, vec![(date(2023, 6, 8), Skip::DeadlinePassed)]);
    }

    #[test]
    fn a_secretary_may_place_late_but_not_over_capacity() {
        let m = seed_meetings();
        let now = at("2022-10-10T09:00:00+03:00");
        assert_eq!(
            check_choice(m.first(), 0, 3, now),
            Ok(true),
            "late, by decision"
        );
        assert_eq!(check_choice(m.get(1), 1, 3, now), Ok(false));
        assert_eq!(check_choice(m.first(), 3, 3, now), Err(ChoiceProblem::Full));
        assert_eq!(
            check_choice(m.first(), 0, 3, at("2022-10-14T09:00:00+03:00")),
            Err(ChoiceProblem::NoSuchMeeting),
            "a past meeting"
        );
    }

    #[test]
    fn the_life_of_a_request() {
        use Event::*;
        let mut s = Status::Draft;
        for e in [
            Submitted,
            MoreInfoAsked,
            Resubmitted,
            Accepted,
            Rescheduled,
            OutcomeRecorded,
            Confirmed,
            FollowUpReported,
        ] {
            s = transition(s, e).unwrap_or_else(|err| panic!("{err}"));
        }
        assert_eq!(s, Status::Closed);
        assert!(transition(Status::Closed, Withdrawn).is_err());
        assert!(
            transition(Status::Draft, Accepted).is_err(),
            "no triage of a draft"
        );
        assert!(transition(Status::Declined, Accepted).is_err());
        assert_eq!(
            transition(Status::Accepted, Redirected),
            Ok(Status::Submitted)
        );
        assert!(
            MoreInfoAsked.needs_reason() && Declined.needs_reason() && !Accepted.needs_reason()
        );
    }

    #[test]
    fn cases_of_a_lost_meeting_fill_the_next_places_in_order() {
        let m = seed_meetings();
        let now = at("2022-10-01T09:00:00+03:00");
        // 13.10. is lost; 10.11. has one place left, 8.12. three.
        let placed = HashMap::from([(date(2022, 11, 10), 2)]);
        let cases = [
            Status::Accepted,
            Status::Submitted,
            Status::Accepted,
            Status::Accepted,
        ];
        let to = carry_over(&cases, &m, &placed, 3, now, date(2022, 10, 13), now);
        assert_eq!(
            to,
            vec![
                Destination::Meeting {
                    date: date(2022, 11, 10),
                    late: false
                },
                // A proposal takes no place: proposed for the first meeting
                // with room whose deadline it makes (10.11. just filled).
                Destination::Meeting {
                    date: date(2022, 12, 8),
                    late: false
                },
                Destination::Meeting {
                    date: date(2022, 12, 8),
                    late: false
                },
                Destination::Meeting {
                    date: date(2022, 12, 8),
                    late: false
                },
            ]
        );
        // Past the deadline of the next one: moved there late, by decision.
        let late = carry_over(
            &[Status::Accepted],
            &m,
            &HashMap::new(),
            3,
            at("2022-11-05T09:00:00+02:00"),
            date(2022, 10, 13),
            m[0].start.timestamp(),
        );
        assert_eq!(
            late,
            vec![Destination::Meeting {
                date: date(2022, 11, 10),
                late: true
            }]
        );
        // Nothing left in the season: back to the queue.
        let none = carry_over(
            &[Status::Accepted, Status::Submitted],
            &m,
            &HashMap::new(),
            3,
            at("2023-06-05T09:00:00+03:00"),
            date(2023, 6, 8),
            m.last().unwrap().start.timestamp(),
        );
        assert_eq!(none, vec![Destination::Queue, Destination::Queue]);
        // Cancelling December's meeting in October: its cases go to the
        // meeting after it, not forward to November's.
        let dec = m.iter().find(|o| o.rule_date == date(2022, 12, 8)).unwrap();
        let later = carry_over(
            &[Status::Accepted],
            &m,
            &HashMap::new(),
            3,
            now,
            dec.rule_date,
            dec.start.timestamp(),
        );
        assert_eq!(
            later,
            vec![Destination::Meeting {
                date: date(2023, 1, 12),
                late: false
            }]
        );
    }

    #[test]
    fn a_resubmitted_request_keeps_a_meeting_still_ahead() {
        let m = seed_meetings();
        let now = at("2022-10-10T09:00:00+03:00");
        // 13.10.'s deadline has passed, but the request had it: kept.
        let kept = propose(Some(date(2022, 10, 13)), &m, &HashMap::new(), 3, now);
        assert_eq!(kept.meeting, Some(date(2022, 10, 13)));
        // A meeting already held is not kept: the first it makes instead.
        let after = at("2022-10-14T09:00:00+03:00");
        let p = propose(Some(date(2022, 10, 13)), &m, &HashMap::new(), 3, after);
        assert_eq!(p.meeting, Some(date(2022, 11, 10)));
        assert_eq!(
            propose(None, &m, &HashMap::new(), 3, now),
            place(&m, &HashMap::new(), 3, now)
        );
    }

    #[test]
    fn an_agenda_is_divided_evenly_and_never_below_ten_minutes() {
        let m = &seed_meetings()[0];
        let s = slots(&m.start, &m.end, 3);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].0, m.start);
        assert_eq!(s[2].1, m.end, "120 minutes in three slots of 40");
        let crowded = slots(&m.start, &m.end, 20);
        assert_eq!(
            crowded[1].0.time(),
            time(13, 10, 0, 0),
            "ten minutes each at least"
        );
        assert!(slots(&m.start, &m.end, 0).is_empty());
    }

    #[test]
    fn history_replays_to_its_status() {
        use Event::*;
        assert_eq!(
            replay(&[Created, Submitted, Accepted, NotDiscussed, Rescheduled]),
            Ok(Status::Accepted)
        );
        assert_eq!(
            replay(&[Created, Submitted, Accepted, Unscheduled]),
            Ok(Status::Submitted)
        );
        assert_eq!(
            replay(&[Created, Submitted, Withdrawn, Withdrawn]),
            Err(TransitionError {
                from: Status::Withdrawn,
                event: Withdrawn
            }),
            "a second withdrawal does not follow"
        );
        assert!(!Status::Submitted.holds_place() && Status::Accepted.holds_place());
    }

    #[test]
    fn every_status_and_event_pair_is_decided() {
        // No panic, and terminal states accept nothing.
        for &s in Status::ALL {
            for &e in Event::ALL {
                let r = transition(s, e);
                if !s.is_open() {
                    assert!(r.is_err(), "{s} then {e}");
                }
            }
        }
    }
}
