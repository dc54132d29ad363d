//! The one path of every change to a request's status.
//!
//! A change runs in one write transaction ([`Work`]): the groups whose
//! meetings it places cases on are locked first (on PostgreSQL; SQLite has
//! one writer at a time), then the request, re-read there. The domain
//! transition is applied to that fresh row, places are counted inside the
//! transaction, the status is updated only if it is still the one read,
//! and the history, the access-log entry and the notifications are written
//! through the same transaction. Nothing in here reads through the pool.
//!
//! Lock order, on every path: groups (by id), then requests (by id), then
//! the access log's head. A change that breaks it could deadlock on
//! PostgreSQL; [`Work::transition`] refuses a placement on a group it has
//! not locked.

use super::store::{self, Request};
use crate::audit;
use crate::auth::Session;
use crate::core::db::{self, Db, Tx};
use crate::core::error::{AppError, AppResult};
use crate::core::once::{self, Claim};
use crate::core::web::{AppState, ReqCtx};
use crate::groups::calendars::Calendars;
use crate::groups::store::Group;
use jiff::ToSpan;
use jiff::civil::Date;
use otalusta_domain::audit::Outcome;
use otalusta_domain::calendar::Occurrence;
use otalusta_domain::consultations::{Event, Placement, transition};
use otalusta_domain::ids::{GroupId, RequestId, UserId};
use otalusta_domain::role::Role;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// Who makes a change.
#[derive(Clone, Copy)]
pub enum By<'a> {
    /// A signed-in person, under the role the policy allowed: the change
    /// is written to the access log.
    Person {
        session: &'a Session,
        ctx: &'a ReqCtx,
        role: Role,
    },
    /// Setting up data (the demo): in the history, not an access.
    Setup { user: UserId, role: Role },
}

impl<'a> By<'a> {
    pub fn person(session: &'a Session, ctx: &'a ReqCtx, role: Role) -> By<'a> {
        By::Person { session, ctx, role }
    }

    fn user(&self) -> UserId {
        match self {
            By::Person { session, .. } => session.actor.user_id,
            By::Setup { user, .. } => *user,
        }
    }

    fn role(&self) -> Role {
        match self {
            By::Person { role, .. } | By::Setup { role, .. } => *role,
        }
    }
}

/// Whom a change is told to (a link, never content).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Tell {
    Nobody,
    Requester,
    /// The secretaries of this group.
    Secretaries(GroupId),
}

/// Where a change puts the request.
#[derive(Clone, Debug)]
pub struct NewPlace {
    pub group: GroupId,
    /// The meeting (its rule date); `None`: no meeting.
    pub meeting: Option<Date>,
    /// Why earlier meetings were passed over (JSON of `Placement`).
    pub placement: String,
    /// After the meeting's notice deadline, by the secretary's decision.
    pub late: bool,
}

impl NewPlace {
    /// A meeting chosen (or kept) by a person: no meetings were passed over.
    pub fn on(group: GroupId, meeting: Option<Date>, late: bool) -> NewPlace {
        let placement = serde_json::to_string(&Placement {
            meeting,
            skipped: Vec::new(),
        })
        .expect("a placement always serializes");
        NewPlace {
            group,
            meeting,
            placement,
            late,
        }
    }
}

/// One status change.
pub struct Step<'a> {
    pub event: Event,
    pub by: By<'a>,
    /// Shown in the history (required by the domain for some events).
    pub reason: String,
    /// E.g. the meeting or the group it went to, in words.
    pub detail: String,
    pub place: Option<NewPlace>,
    /// The access log's action; `None`: `request.<event>`.
    pub log_as: Option<&'a str>,
    pub tell: &'a [Tell],
}

impl<'a> Step<'a> {
    pub fn new(event: Event, by: By<'a>) -> Step<'a> {
        Step {
            event,
            by,
            reason: String::new(),
            detail: String::new(),
            place: None,
            log_as: None,
            tell: &[],
        }
    }
}

/// A group's meetings and the places taken on them, as seen inside the
/// transaction.
pub struct Places {
    pub meetings: Vec<Occurrence>,
    /// Accepted cases per meeting (rule date).
    pub taken: HashMap<Date, u32>,
}

/// One write in progress.
pub struct Work {
    tx: Tx,
    /// This node's calendars, told at commit which groups changed.
    calendars: Option<Arc<Calendars>>,
    locks_rows: bool,
    locked_groups: BTreeSet<GroupId>,
    /// Groups whose places changed: their calendars are announced.
    touched: BTreeSet<GroupId>,
    once: Option<(UserId, String)>,
}

impl Work {
    pub async fn begin(state: &AppState) -> AppResult<Work> {
        let mut w = Work::begin_db(&state.db).await?;
        w.calendars = Some(crate::groups::calendars::calendars(state));
        Ok(w)
    }

    /// A write without a node's caches (setting up data).
    pub async fn begin_db(db: &Db) -> AppResult<Work> {
        Ok(Work {
            tx: db.begin().await?,
            calendars: None,
            locks_rows: db.locks_rows(),
            locked_groups: BTreeSet::new(),
            touched: BTreeSet::new(),
            once: None,
        })
    }

    /// Whether this write locks the rows it reads for a change.
    pub fn locks_rows(&self) -> bool {
        self.locks_rows
    }

    /// The transaction, for the writes that go with a change (answers,
    /// recommendations, messages).
    pub fn tx(&mut self) -> &mut Tx {
        &mut self.tx
    }

    /// Claims the form's one-time token: `Some(answer)` when the same form
    /// was posted before (answer it the same and change nothing).
    pub async fn replayed(&mut self, user: UserId, token: &str) -> AppResult<Option<String>> {
        match once::claim(&mut self.tx, user, token).await? {
            Claim::Fresh => {
                self.once = Some((user, token.to_owned()));
                Ok(None)
            }
            Claim::Replay(answer) => Ok(Some(answer)),
        }
    }

    /// Locks and reads groups (inactive ones too), in id order.
    pub async fn lock_groups(&mut self, ids: &[GroupId]) -> AppResult<Vec<Group>> {
        let mut sorted: Vec<GroupId> = ids.to_vec();
        sorted.sort();
        sorted.dedup();
        let mut out = Vec::new();
        for id in sorted {
            let g = crate::groups::store::get_for_update(&mut self.tx, id, self.locks_rows)
                .await?
                .ok_or(AppError::NotFound)?;
            self.locked_groups.insert(id);
            out.push(g);
        }
        Ok(out)
    }

    /// Locks and reads a request afresh.
    pub async fn lock_request(&mut self, id: RequestId) -> AppResult<Request> {
        store::get_for_update(&mut self.tx, id, self.locks_rows)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// The group's coming meetings (a year) and the places taken on them,
    /// not counting `except` (a request moving within the group).
    pub async fn places(&mut self, g: &Group, except: Option<RequestId>) -> AppResult<Places> {
        let today = crate::groups::routes::today();
        let overrides = crate::groups::store::overrides_in(&mut self.tx, g.id).await?;
        let meetings = g.meetings(
            &overrides,
            today,
            today.checked_add(12.months()).unwrap_or(today),
        );
        let taken = store::taken_in(&mut self.tx, g.id, except).await?;
        Ok(Places { meetings, taken })
    }

    /// Applies `step` to the locked, fresh request `r` (updated in place).
    pub async fn transition(&mut self, r: &mut Request, step: Step<'_>) -> AppResult<()> {
        let to = transition(r.status, step.event)
            .map_err(|_| AppError::Conflict("request-wrong-state"))?;
        let now = db::now();
        // Where it will be, and whether it newly takes a place there.
        let (group, meeting) = match &step.place {
            Some(p) => (p.group, p.meeting),
            None => (r.group_id, r.meeting_date),
        };
        let takes_new_place = to.holds_place()
            && meeting.is_some()
            && (!r.status.holds_place() || (group, meeting) != (r.group_id, r.meeting_date));
        if (step.place.is_some() || takes_new_place) && !self.locked_groups.contains(&group) {
            return Err(AppError::Internal(anyhow::anyhow!(
                "placing request {} on group {group} without its lock",
                r.id
            )));
        }
        // The last guard of capacity: counted here, in the transaction.
        if takes_new_place && let Some(m) = meeting {
            let g = crate::groups::store::get_for_update(&mut self.tx, group, false)
                .await?
                .ok_or(AppError::NotFound)?;
            let taken = store::taken_in(&mut self.tx, group, Some(r.id)).await?;
            if taken.get(&m).copied().unwrap_or(0) >= g.details.capacity {
                return Err(AppError::Conflict("triage-meeting-full"));
            }
        }
        if let Some(p) = &step.place {
            store::place(&mut self.tx, r.id, p.group, p.meeting, &p.placement, p.late).await?;
            self.touched.insert(r.group_id);
            self.touched.insert(p.group);
        }
        // Any change of state of a request on a meeting changes that
        // meeting's load (places taken, requests proposed).
        if r.meeting_date.is_some() && r.status != to {
            self.touched.insert(r.group_id);
        }
        let submitted = matches!(step.event, Event::Submitted | Event::Resubmitted);
        let changed = sqlx::query(
            "UPDATE requests SET status = $1, updated_at = $2, \
             submitted_at = CASE WHEN $3 = 1 THEN $2 ELSE submitted_at END, \
             closed_at = CASE WHEN $4 = 1 THEN $2 ELSE closed_at END \
             WHERE id = $5 AND status = $6",
        )
        .bind(to.key())
        .bind(&now)
        .bind(db::flag(submitted))
        .bind(db::flag(!to.is_open()))
        .bind(r.id.0)
        .bind(r.status.key())
        .execute(&mut *self.tx)
        .await?
        .rows_affected();
        if changed != 1 {
            return Err(AppError::Conflict("request-changed"));
        }
        sqlx::query(
            "INSERT INTO request_events (request_id, at, actor_id, role, kind, from_status, \
             to_status, reason, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(r.id.0)
        .bind(&now)
        .bind(step.by.user().0)
        .bind(step.by.role().as_str())
        .bind(step.event.key())
        .bind(r.status.key())
        .bind(to.key())
        .bind(&step.reason)
        .bind(&step.detail)
        .execute(&mut *self.tx)
        .await?;
        if let By::Person { session, ctx, role } = step.by {
            let action = step
                .log_as
                .map(str::to_owned)
                .unwrap_or_else(|| format!("request.{}", step.event.key()));
            audit::store::append(
                &mut self.tx,
                super::log_event(ctx, session, Some(role), &action, r.id, Outcome::Success),
            )
            .await?;
        }
        for t in step.tell {
            match *t {
                Tell::Nobody => {}
                Tell::Requester => {
                    crate::notify::enqueue(
                        &mut self.tx,
                        r.requester_id,
                        step.event.key(),
                        &format!("/requests/{}", r.id),
                    )
                    .await?;
                }
                Tell::Secretaries(g) => tell_secretaries(&mut self.tx, g).await?,
            }
        }
        if let Some(p) = step.place {
            r.group_id = p.group;
            r.meeting_date = p.meeting;
            r.placement = p.placement;
            r.late = p.late;
            r.agenda_position = None;
        }
        r.status = to;
        r.updated_at = now;
        Ok(())
    }

    /// Records the answer of the form's token, tells other nodes whose
    /// calendars changed, and commits.
    pub async fn commit(mut self, answer: &str) -> AppResult<()> {
        if let Some((_, token)) = &self.once {
            once::answer(&mut self.tx, token, answer).await?;
        }
        let touched = std::mem::take(&mut self.touched);
        for g in &touched {
            crate::groups::store::announce_places(&mut self.tx, *g).await?;
        }
        self.tx.commit().await?;
        if let Some(c) = &self.calendars {
            c.forget(touched, false);
        }
        Ok(())
    }

    /// The last step of a change from a form: applies it, commits, and
    /// answers with a redirect to `answer` (what a replay of the form gets).
    pub async fn finish(
        mut self,
        r: &mut Request,
        step: Step<'_>,
        answer: &str,
    ) -> AppResult<axum::response::Response> {
        use axum::response::IntoResponse;
        self.transition(r, step).await?;
        self.commit(answer).await?;
        Ok(axum::response::Redirect::to(answer).into_response())
    }

    /// Gives up (nothing written).
    pub async fn rollback(self) -> AppResult<()> {
        self.tx.rollback().await?;
        Ok(())
    }
}

/// Notifies a group's secretaries (a link to the queue, nothing else),
/// reading the members through the transaction.
pub async fn tell_secretaries(tx: &mut Tx, group: GroupId) -> sqlx::Result<()> {
    for m in crate::groups::store::members_in(tx, group).await? {
        if m.role == "secretary" {
            crate::notify::enqueue(
                tx,
                UserId(m.user_id),
                "queue",
                &format!("/groups/{group}/queue"),
            )
            .await?;
        }
    }
    Ok(())
}

/// The status the person's page showed (the form's `seen` field); a
/// change made meanwhile by someone else is a conflict, never overwritten.
pub fn expect_seen(fresh: &Request, seen: &str) -> AppResult<()> {
    match seen.trim() {
        "" => Ok(()),
        s if s == fresh.status.key() => Ok(()),
        _ => Err(AppError::Conflict("request-changed")),
    }
}

/// The request read afresh is still the one the policy allowed a moment
/// ago (same group, same requester): otherwise the decision is not made on
/// it (a redirect may have moved it to another group's secretary).
pub fn unchanged(fresh: &Request, authorised: &Request) -> AppResult<()> {
    if fresh.group_id != authorised.group_id || fresh.requester_id != authorised.requester_id {
        return Err(AppError::Conflict("request-changed"));
    }
    Ok(())
}
