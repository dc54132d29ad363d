//! A requester's own meetings: the meetings their cases are on (or
//! proposed for), as the calendar has them, with the time slot of their
//! case on the agenda. "My meetings" and the personal feed show them.

use super::store::{self, Request};
use crate::core::error::AppResult;
use crate::core::web::AppState;
use crate::groups::calendars::{GroupCalendar, calendars};
use jiff::civil::Date;
use otalusta_domain::calendar::Occurrence;
use otalusta_domain::consultations::slots;
use otalusta_domain::ids::UserId;
use std::sync::Arc;

/// One case of the requester on one meeting.
pub struct OwnMeeting {
    pub calendar: Arc<GroupCalendar>,
    pub meeting: Occurrence,
    pub request: Request,
    /// The case's time on the agenda (accepted cases only).
    pub slot: Option<(jiff::ZonedDateTime, jiff::ZonedDateTime)>,
}

/// The requester's cases on meetings whose rule dates are in `from..=to`.
pub async fn of(
    state: &AppState,
    user: UserId,
    from: Date,
    to: Date,
) -> AppResult<Vec<OwnMeeting>> {
    let mut out = Vec::new();
    for r in store::awaiting_of_requester(&state.db, user).await? {
        let Some(date) = r.meeting_date.filter(|d| from <= *d && *d <= to) else {
            continue;
        };
        let Some(cal) = calendars(state).get(&state.db, r.group_id).await? else {
            continue;
        };
        let Some(meeting) = cal.meeting(date) else {
            continue;
        };
        let slot = if r.status.holds_place() {
            let agenda = store::on_meeting(&state.db, r.group_id, date).await?;
            agenda.iter().position(|c| c.id == r.id).and_then(|i| {
                slots(&meeting.start, &meeting.end, agenda.len())
                    .into_iter()
                    .nth(i)
            })
        } else {
            None
        };
        out.push(OwnMeeting {
            calendar: cal,
            meeting,
            request: r,
            slot,
        });
    }
    out.sort_by(|a, b| {
        (&a.meeting.start, a.slot.as_ref().map(|s| &s.0))
            .cmp(&(&b.meeting.start, b.slot.as_ref().map(|s| &s.0)))
    });
    Ok(out)
}
