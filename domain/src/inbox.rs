//! Työjono: what waits for one person, from the facts of the cases and
//! meetings they are part of. The front page, the navigation's count and
//! `GET /api/v1/inbox` all read this one list, oldest first.
//!
//! Who sees what: a requester their own cases (drafts to send, questions to
//! answer, recommendations to read and confirm, follow-ups due, messages);
//! a secretary their groups' cases (requests to triage, messages from
//! requesters, outcomes to record after a meeting, overdue follow-ups); a
//! member their groups' coming meetings; a coordinator their area's cases
//! left waiting, without content (pseudonymous).

use crate::calendar::keys::keyed_enum;
use crate::consultations::Status;
use crate::ids::{GroupId, RequestId, UserId};
use jiff::ToSpan;
use jiff::civil::Date;
use std::collections::BTreeSet;

keyed_enum! {
    /// What an item asks of the person.
    pub enum Kind ("inbox-kind") {
        /// A draft not yet sent.
        Draft = "draft",
        /// The secretary asked for more information.
        Question = "question",
        /// The group's recommendations are recorded: read and confirm them.
        Recommendations = "recommendations",
        /// The follow-up report is due (today or within the week).
        FollowUpDue = "follow-up-due",
        /// The follow-up report is late.
        FollowUpOverdue = "follow-up-overdue",
        /// Messages on a case not read yet.
        Message = "message",
        /// A sent request waits for the secretary's decision.
        Triage = "triage",
        /// The meeting is past and the case's outcome is not recorded.
        Outcome = "outcome",
        /// A request untriaged for a week or more (coordinator's view).
        Stalled = "stalled",
        /// A coming meeting (within two weeks): its agenda, or one's own case on it.
        Meeting = "meeting",
    }
}

/// How far ahead coming meetings are listed.
pub const MEETINGS_AHEAD_DAYS: i32 = 14;
/// A follow-up is shown this many days before it is due.
pub const FOLLOW_UP_NOTICE_DAYS: i32 = 7;
/// A request untriaged this long is shown to the area's coordinators.
pub const STALLED_AFTER_DAYS: i32 = 7;

/// The person the inbox is for.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user: UserId,
    pub requester: bool,
    pub secretary_of: BTreeSet<GroupId>,
    pub member_of: BTreeSet<GroupId>,
    /// Groups of the areas this person coordinates.
    pub coordinated: BTreeSet<GroupId>,
}

impl Viewer {
    pub fn new(user: UserId) -> Viewer {
        Viewer {
            user,
            requester: false,
            secretary_of: BTreeSet::new(),
            member_of: BTreeSet::new(),
            coordinated: BTreeSet::new(),
        }
    }
}

/// One case as the inbox needs it.
#[derive(Debug, Clone)]
pub struct Case {
    pub id: RequestId,
    pub group: GroupId,
    pub requester: UserId,
    pub status: Status,
    /// The meeting's rule date (proposed or placed).
    pub meeting: Option<Date>,
    /// The day the meeting is actually held (moved meetings), if known.
    pub meeting_day: Option<Date>,
    pub follow_up_due: Option<Date>,
    /// Stored UTC timestamps (RFC 3339, sortable as text).
    pub updated_at: String,
    pub submitted_at: Option<String>,
    /// Messages by others the viewer has not read, and when the first came.
    pub unread: u32,
    pub first_unread_at: Option<String>,
}

/// A coming meeting of a group the viewer belongs to.
#[derive(Debug, Clone)]
pub struct Meeting {
    pub group: GroupId,
    pub rule_date: Date,
    /// The day it is held (a moved meeting's new day).
    pub day: Date,
    pub cancelled: bool,
}

/// One thing waiting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub kind: Kind,
    pub group: GroupId,
    pub request: Option<RequestId>,
    /// The meeting's rule date (its identity in URLs).
    pub meeting: Option<Date>,
    /// Since when it has waited (a date or a timestamp; sorts as text).
    pub since: String,
    /// How many (unread messages); 1 otherwise.
    pub count: u32,
    /// Whether the viewer may see the case's content (a coordinator's
    /// items are pseudonymous).
    pub content: bool,
}

/// Everything waiting for `viewer`, oldest first; coming meetings last,
/// soonest first.
pub fn items(viewer: &Viewer, cases: &[Case], meetings: &[Meeting], today: Date) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    let notice = today
        .checked_add(FOLLOW_UP_NOTICE_DAYS.days())
        .unwrap_or(today);
    let ahead = today
        .checked_add(MEETINGS_AHEAD_DAYS.days())
        .unwrap_or(today);
    let stalled = today
        .checked_sub(STALLED_AFTER_DAYS.days())
        .unwrap_or(today)
        .to_string();
    let push = |out: &mut Vec<Item>, kind, c: &Case, since: String, content| {
        if !out
            .iter()
            .any(|i| i.kind == kind && i.request == Some(c.id))
        {
            out.push(Item {
                kind,
                group: c.group,
                request: Some(c.id),
                meeting: c.meeting,
                since,
                count: 1,
                content,
            });
        }
    };
    for c in cases {
        let own = viewer.requester && c.requester == viewer.user;
        let secretary = viewer.secretary_of.contains(&c.group);
        if own {
            match c.status {
                Status::Draft => push(&mut out, Kind::Draft, c, c.updated_at.clone(), true),
                Status::MoreInfo => push(&mut out, Kind::Question, c, c.updated_at.clone(), true),
                Status::Discussed => push(
                    &mut out,
                    Kind::Recommendations,
                    c,
                    c.updated_at.clone(),
                    true,
                ),
                Status::FollowUp => match c.follow_up_due {
                    Some(d) if d < today => {
                        push(&mut out, Kind::FollowUpOverdue, c, d.to_string(), true)
                    }
                    Some(d) if d <= notice => {
                        push(&mut out, Kind::FollowUpDue, c, d.to_string(), true)
                    }
                    _ => {}
                },
                _ => {}
            }
            if let Some(day) = own_meeting_day(c)
                && today <= day
                && day <= ahead
            {
                push(&mut out, Kind::Meeting, c, day.to_string(), true);
            }
        }
        if secretary && c.status != Status::Draft {
            match c.status {
                Status::Submitted => push(
                    &mut out,
                    Kind::Triage,
                    c,
                    c.submitted_at
                        .clone()
                        .unwrap_or_else(|| c.updated_at.clone()),
                    true,
                ),
                Status::Accepted => {
                    if let Some(day) = c.meeting_day.or(c.meeting)
                        && day < today
                    {
                        push(&mut out, Kind::Outcome, c, day.to_string(), true);
                    }
                }
                Status::FollowUp => {
                    if let Some(d) = c.follow_up_due.filter(|d| *d < today) {
                        push(&mut out, Kind::FollowUpOverdue, c, d.to_string(), true);
                    }
                }
                _ => {}
            }
        }
        if (own || secretary)
            && c.unread > 0
            && !out
                .iter()
                .any(|i| i.kind == Kind::Message && i.request == Some(c.id))
        {
            out.push(Item {
                kind: Kind::Message,
                group: c.group,
                request: Some(c.id),
                meeting: c.meeting,
                since: c
                    .first_unread_at
                    .clone()
                    .unwrap_or_else(|| c.updated_at.clone()),
                count: c.unread,
                content: true,
            });
        }
        if !own && !secretary && viewer.coordinated.contains(&c.group) {
            // Pseudonymous: the coordinator sees that a case waits, not what it is.
            match c.status {
                Status::Submitted => {
                    if let Some(at) = c.submitted_at.as_ref().filter(|at| **at < stalled) {
                        push(&mut out, Kind::Stalled, c, at.clone(), false);
                    }
                }
                Status::FollowUp => {
                    if let Some(d) = c.follow_up_due.filter(|d| *d < today) {
                        push(&mut out, Kind::FollowUpOverdue, c, d.to_string(), false);
                    }
                }
                _ => {}
            }
        }
    }
    for m in meetings {
        let mine = viewer.member_of.contains(&m.group) || viewer.secretary_of.contains(&m.group);
        if mine && !m.cancelled && today <= m.day && m.day <= ahead {
            out.push(Item {
                kind: Kind::Meeting,
                group: m.group,
                request: None,
                meeting: Some(m.rule_date),
                since: m.day.to_string(),
                count: 1,
                content: true,
            });
        }
    }
    out.sort_by(|a, b| {
        (a.kind == Kind::Meeting, &a.since, a.request, a.group).cmp(&(
            b.kind == Kind::Meeting,
            &b.since,
            b.request,
            b.group,
        ))
    });
    out
}

/// The day of the meeting a requester's own case is on or proposed for.
fn own_meeting_day(c: &Case) -> Option<Date> {
    matches!(
        c.status,
        Status::Submitted | Status::MoreInfo | Status::Accepted
    )
    .then_some(c.meeting_day.or(c.meeting))
    .flatten()
}

/// Counts per kind (the navigation's badge, the API's summary).
pub fn counts(items: &[Item]) -> Vec<(Kind, u32)> {
    Kind::ALL
        .iter()
        .filter_map(|k| {
            let n: u32 = items
                .iter()
                .filter(|i| i.kind == *k)
                .map(|i| if *k == Kind::Message { i.count } else { 1 })
                .sum();
            (n > 0).then_some((*k, n))
        })
        .collect()
}

/// What the navigation's badge counts: what asks for action, not the
/// meetings merely coming.
pub fn waiting(items: &[Item]) -> usize {
    items.iter().filter(|i| i.kind != Kind::Meeting).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const ME: UserId = UserId(1);
    const OTHER: UserId = UserId(2);
    const G: GroupId = GroupId(10);
    const H: GroupId = GroupId(11);

    fn case(id: i64, requester: UserId, group: GroupId, status: Status) -> Case {
        Case {
            id: RequestId(id),
            group,
            requester,
            status,
            meeting: None,
            meeting_day: None,
            follow_up_due: None,
            updated_at: format!("2026-11-{:02}T08:00:00.000000Z", id),
            submitted_at: Some(format!("2026-11-{:02}T08:00:00.000000Z", id)),
            unread: 0,
            first_unread_at: None,
        }
    }

    fn requester() -> Viewer {
        Viewer {
            user: ME,
            requester: true,
            ..Viewer::new(ME)
        }
    }

    fn kinds(items: &[Item]) -> Vec<(Kind, i64)> {
        items
            .iter()
            .map(|i| (i.kind, i.request.map_or(-1, |r| r.0)))
            .collect()
    }

    const TODAY: Date = date(2026, 12, 4);

    #[test]
    fn a_requester_sees_what_asks_for_her_action_oldest_first() {
        let mut follow = case(3, ME, G, Status::FollowUp);
        follow.follow_up_due = Some(date(2026, 12, 1));
        let mut later = case(4, ME, G, Status::FollowUp);
        later.follow_up_due = Some(date(2027, 3, 1));
        let cases = [
            case(5, ME, G, Status::Discussed),
            case(2, ME, G, Status::MoreInfo),
            case(1, ME, G, Status::Draft),
            follow,
            later,
            case(6, ME, G, Status::Closed),
            case(7, OTHER, G, Status::MoreInfo),
        ];
        let got = kinds(&items(&requester(), &cases, &[], TODAY));
        assert_eq!(
            got,
            vec![
                (Kind::Draft, 1),
                (Kind::Question, 2),
                (Kind::Recommendations, 5),
                (Kind::FollowUpOverdue, 3),
            ]
        );
    }

    #[test]
    fn a_follow_up_shows_a_week_before_it_is_due() {
        let mut c = case(3, ME, G, Status::FollowUp);
        c.follow_up_due = Some(date(2026, 12, 11));
        assert_eq!(
            kinds(&items(&requester(), &[c.clone()], &[], TODAY)),
            vec![(Kind::FollowUpDue, 3)]
        );
        c.follow_up_due = Some(date(2026, 12, 12));
        assert!(items(&requester(), &[c], &[], TODAY).is_empty());
    }

    #[test]
    fn a_secretary_sees_only_her_groups_and_not_drafts() {
        let v = Viewer {
            user: ME,
            secretary_of: [G].into(),
            member_of: [G].into(),
            ..Viewer::new(ME)
        };
        let mut held = case(2, OTHER, G, Status::Accepted);
        held.meeting = Some(date(2026, 12, 1));
        let mut coming = case(3, OTHER, G, Status::Accepted);
        coming.meeting = Some(date(2026, 12, 8));
        let mut msg = case(4, OTHER, G, Status::Closed);
        msg.unread = 2;
        msg.first_unread_at = Some("2026-12-02T09:00:00.000000Z".into());
        let cases = [
            case(1, OTHER, G, Status::Submitted),
            held,
            coming,
            msg,
            case(5, OTHER, H, Status::Submitted),
            case(6, OTHER, G, Status::Draft),
        ];
        let meetings = [
            Meeting {
                group: G,
                rule_date: date(2026, 12, 8),
                day: date(2026, 12, 8),
                cancelled: false,
            },
            Meeting {
                group: H,
                rule_date: date(2026, 12, 9),
                day: date(2026, 12, 9),
                cancelled: false,
            },
        ];
        let got = items(&v, &cases, &meetings, TODAY);
        assert_eq!(
            kinds(&got),
            vec![
                (Kind::Triage, 1),
                (Kind::Outcome, 2),
                (Kind::Message, 4),
                (Kind::Meeting, -1),
            ]
        );
        assert_eq!(got[2].count, 2);
        assert_eq!(got[3].meeting, Some(date(2026, 12, 8)));
        assert_eq!(waiting(&got), 3);
        assert_eq!(
            counts(&got),
            vec![
                (Kind::Message, 2),
                (Kind::Triage, 1),
                (Kind::Outcome, 1),
                (Kind::Meeting, 1)
            ]
        );
    }

    #[test]
    fn a_moved_meeting_counts_by_its_new_day_and_a_cancelled_one_not_at_all() {
        let v = Viewer {
            user: ME,
            member_of: [G].into(),
            ..Viewer::new(ME)
        };
        let m = |day, cancelled| Meeting {
            group: G,
            rule_date: date(2026, 12, 20),
            day,
            cancelled,
        };
        assert_eq!(
            items(&v, &[], &[m(date(2026, 12, 10), false)], TODAY).len(),
            1
        );
        assert!(items(&v, &[], &[m(date(2026, 12, 19), false)], TODAY).is_empty());
        assert!(items(&v, &[], &[m(date(2026, 12, 10), true)], TODAY).is_empty());
    }

    #[test]
    fn a_requester_sees_the_meeting_her_case_is_on() {
        let mut c = case(1, ME, G, Status::Accepted);
        c.meeting = Some(date(2026, 12, 15));
        c.meeting_day = Some(date(2026, 12, 16));
        let got = items(&requester(), &[c], &[], TODAY);
        assert_eq!(kinds(&got), vec![(Kind::Meeting, 1)]);
        assert_eq!(got[0].since, "2026-12-16");
        assert_eq!(waiting(&got), 0);
    }

    #[test]
    fn a_coordinator_sees_stalled_and_overdue_cases_without_content() {
        let v = Viewer {
            user: ME,
            coordinated: [G].into(),
            ..Viewer::new(ME)
        };
        let mut overdue = case(3, OTHER, G, Status::FollowUp);
        overdue.follow_up_due = Some(date(2026, 12, 3));
        let mut fresh = case(2, OTHER, G, Status::Submitted);
        fresh.submitted_at = Some("2026-12-01T08:00:00.000000Z".into());
        let mut msg = case(4, OTHER, G, Status::Accepted);
        msg.unread = 1;
        let got = items(
            &v,
            &[case(1, OTHER, G, Status::Submitted), fresh, overdue, msg],
            &[],
            TODAY,
        );
        assert_eq!(
            kinds(&got),
            vec![(Kind::Stalled, 1), (Kind::FollowUpOverdue, 3)]
        );
        assert!(got.iter().all(|i| !i.content));
    }

    #[test]
    fn one_item_per_kind_and_case_even_for_two_roles() {
        // A secretary who sent a request to her own group.
        let v = Viewer {
            user: ME,
            requester: true,
            secretary_of: [G].into(),
            ..Viewer::new(ME)
        };
        let mut c = case(1, ME, G, Status::FollowUp);
        c.follow_up_due = Some(date(2026, 12, 1));
        c.unread = 1;
        let got = items(&v, &[c], &[], TODAY);
        assert_eq!(
            kinds(&got),
            vec![(Kind::Message, 1), (Kind::FollowUpOverdue, 1)]
        );
    }
}
