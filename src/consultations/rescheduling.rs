//! What becomes of the cases on a meeting that is moved, cancelled or no
//! longer given by a changed rule. The secretary sees which cases and
//! requesters a change touches before it is saved, and decides: keep them
//! on the moved meeting, carry them to the next meetings with room, or
//! send them back to the queue. Each case's history records what happened
//! and its requester is told, all in the change's own transaction.

use super::store::{self, Request};
use super::views;
use super::workflow::{By, NewPlace, Step, Tell, Work};
use crate::core::error::AppResult;
use crate::core::page::Page;
use crate::groups::store::Group;
use jiff::civil::Date;
use otalusta_domain::consultations::{Destination, Event, carry_over};

/// The secretary's choice for the cases of a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// They stay on the meeting (moved to another day or hour).
    Keep,
    /// To the next meetings with a free place, in agenda order.
    Next,
    /// Back to the secretary's queue, without a meeting.
    Queue,
}

impl Decision {
    pub fn parse(s: &str) -> Option<Decision> {
        match s {
            "keep" => Some(Decision::Keep),
            "next" => Some(Decision::Next),
            "queue" => Some(Decision::Queue),
            _ => None,
        }
    }
}

/// One case a change touches, as the preview lists it.
pub struct CaseLine {
    pub number: String,
    pub href: String,
    /// Only for the group's secretary (a coordinator sees states, not people).
    pub requester: String,
    pub status: String,
}

/// The cases of a preview in words, as far as the viewer may see each (the
/// policy decides per case: the secretary sees the requester, the area's
/// coordinator the number and state; a case the viewer may not see is only
/// counted). Each case listed is written to the access log.
pub async fn case_lines(
    state: &crate::core::web::AppState,
    s: &crate::auth::Session,
    ctx: &crate::core::web::ReqCtx,
    page: &Page,
    g: &Group,
    cases: &[Request],
) -> AppResult<Vec<CaseLine>> {
    use otalusta_domain::policy::{Decision, decide};
    use otalusta_domain::role::Role;
    let mut out = Vec::with_capacity(cases.len());
    let mut shown = Vec::new();
    for r in cases {
        let role = match decide(&s.actor, &super::view_action(r, g)) {
            Decision::Allow(role @ (Role::Secretary | Role::Coordinator)) => role,
            _ => continue,
        };
        let requester = if role == Role::Secretary {
            crate::auth::store::get_user(&state.db, r.requester_id)
                .await?
                .map(|u| u.display_name)
                .unwrap_or_default()
        } else {
            String::new()
        };
        out.push(CaseLine {
            number: format!("#{}", r.id),
            href: format!("/requests/{}", r.id),
            requester,
            status: views::status_text(page, r.status),
        });
        shown.push((r.id, role));
    }
    if !shown.is_empty() {
        let mut tx = state.db.begin().await?;
        for (id, role) in shown {
            let mut e = super::log_event(
                ctx,
                s,
                Some(role),
                "request.preview",
                id,
                otalusta_domain::audit::Outcome::Success,
            );
            e.purpose = "consultation; meeting change".into();
            crate::audit::store::append(&mut tx, e).await?;
        }
        tx.commit().await?;
    }
    Ok(out)
}

/// The ids of `cases`, as the preview's hidden field carries them: the
/// change is saved only if the cases are still the ones shown.
pub fn ids_of(cases: &[Request]) -> String {
    let mut ids: Vec<i64> = cases.iter().map(|r| r.id.0).collect();
    ids.sort_unstable();
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// Applies `decision` to the cases of the meeting `leaving` (its rule date
/// and when it was to start before the change) of the locked group `g`, after the change itself is
/// written in `w`, so the calendar read here is the changed one. `reason`
/// is the change's reason.
#[allow(clippy::too_many_arguments)]
pub async fn apply(
    w: &mut Work,
    by: By<'_>,
    page: &Page,
    g: &Group,
    leaving: (Date, jiff::Timestamp),
    cases: &mut [Request],
    decision: Decision,
    reason: &str,
) -> AppResult<()> {
    let now = jiff::Timestamp::now();
    let (leaving, was_at) = leaving;
    let places = w.places(g, None).await?;
    let statuses: Vec<_> = cases.iter().map(|r| r.status).collect();
    let destinations = match decision {
        Decision::Keep => Vec::new(),
        Decision::Next => {
            // Their own places on the meeting they leave do not count.
            let mut taken = places.taken.clone();
            taken.remove(&leaving);
            carry_over(
                &statuses,
                &places.meetings,
                &taken,
                g.details.capacity,
                now,
                leaving,
                was_at,
            )
        }
        Decision::Queue => vec![Destination::Queue; cases.len()],
    };
    for (i, r) in cases.iter_mut().enumerate() {
        let mut step = match destinations.get(i) {
            None => {
                let mut step = Step::new(Event::MeetingChanged, by);
                let occ = places.meetings.iter().find(|o| o.rule_date == leaving);
                step.detail = views::meeting_line(page, occ, leaving);
                step
            }
            Some(Destination::Meeting { date, late }) => {
                let mut step = Step::new(Event::Rescheduled, by);
                let occ = places.meetings.iter().find(|o| o.rule_date == *date);
                step.detail = views::meeting_line(page, occ, *date);
                step.place = Some(NewPlace::on(g.id, Some(*date), *late));
                step
            }
            Some(Destination::Queue) => {
                let mut step = Step::new(Event::Unscheduled, by);
                step.place = Some(NewPlace::on(g.id, None, false));
                step
            }
        };
        step.reason = reason.to_owned();
        step.tell = &[Tell::Requester];
        w.transition(r, step).await?;
    }
    Ok(())
}

/// The cases still ahead of the meeting of `date`, locked in the write.
pub async fn cases_of(w: &mut Work, g: &Group, date: Date) -> AppResult<Vec<Request>> {
    let lock = w.locks_rows();
    Ok(store::awaiting_meeting_in(w.tx(), g.id, date, lock).await?)
}
