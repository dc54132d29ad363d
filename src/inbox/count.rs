//! The navigation's badge, kept per person between page views.
//!
//! Counting what waits reads every case the person handles (about 120 for
//! a county's coordinator); done on every signed-in page view it had made
//! the pages five times slower. So each node keeps each person's count and
//! counts again when the change feed says a case or its messages changed
//! (topic `case`: every count goes) or a person read a case's messages
//! (`read`: that person's count goes). Database triggers on `requests`,
//! `request_messages` and `request_reads` write both, so no write path can
//! leave them out. A count made from the groups' calendars goes when the
//! calendar cache drops any of them (its generation grows), so a meeting
//! moved on another node is never counted from the old calendar. The
//! node's own writes drop the counts at once ([`Counts::forget`] after a
//! signed-in request that is not a GET succeeds, [`Counts::forget_persons`]
//! after the case page marks messages read); other nodes' within the feed's
//! polling interval (`core::changes::FOLLOW_EVERY`; on PostgreSQL at once,
//! through NOTIFY); all of them when the day changes, and each at the
//! latest after [`MAX_AGE`]. A count begun before a drop is given but not
//! kept (`core::memo`).
//!
//! A case change drops every count, not only the counts of the persons it
//! concerns: who a case concerns (its requester, the group's secretaries,
//! the area's and county's coordinators) is the inbox rule itself, and such
//! writes are rare beside page views.

use crate::core::changes::{Change, Derived, Follower};
use crate::core::db::Db;
use crate::core::error::AppResult;
use crate::core::memo::{Memo, Ticket};
use crate::core::web::AppState;
use crate::groups::calendars::calendars;
use crate::groups::routes::today;
use jiff::civil::Date;
use otalusta_domain::ids::UserId;
use otalusta_domain::policy::Actor;
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// The longest a count is trusted without counting again.
pub const MAX_AGE: Duration = Duration::from_secs(60);

/// Persons a node holds counts for at most; beyond it the counts start over.
const MAX_HELD: usize = 50_000;

struct Held {
    /// Who was counted: another role or group membership counts anew.
    actor: Actor,
    /// The calendar cache's generation before counting.
    calendars: Ticket,
    n: usize,
}

struct Inner {
    /// The day the counts were made on (what is overdue follows the date).
    day: Date,
    by_user: Memo<UserId, Held>,
}

/// Each person's count on this node.
pub struct Counts {
    inner: RwLock<Inner>,
    follower: Follower,
}

impl Counts {
    /// No counts, following the feed from now on.
    pub async fn start(db: &Db) -> anyhow::Result<Counts> {
        Ok(Counts {
            inner: RwLock::new(Inner {
                day: today(),
                by_user: Memo::new(MAX_HELD),
            }),
            follower: Follower::start(db).await?,
        })
    }

    /// How many things wait for `a`: the count held, or counted anew.
    pub async fn waiting(&self, state: &AppState, a: &Actor) -> AppResult<usize> {
        let day = today();
        let calendars = calendars(state).generation();
        let ticket = {
            let inner = self.inner.read().expect("inbox counts");
            if inner.day == day
                && let Some(h) = inner.by_user.get(&a.user_id, MAX_AGE)
                && h.actor == *a
                && h.calendars == calendars
            {
                return Ok(h.n);
            }
            inner.by_user.ticket()
        };
        let n = super::waiting(state, a).await?;
        let mut inner = self.inner.write().expect("inbox counts");
        if inner.day != day {
            if today() != day {
                return Ok(n);
            }
            inner.day = day;
            inner.by_user.clear();
        }
        let held = Held {
            actor: a.clone(),
            calendars,
            n,
        };
        inner.by_user.keep(ticket, [(a.user_id, held)]);
        Ok(n)
    }

    /// Drops every count: call after a write of this node commits.
    pub fn forget(&self) {
        self.inner
            .write()
            .expect("inbox counts")
            .by_user
            .forget_all();
    }

    /// Drops the counts of `persons` (who read messages).
    pub fn forget_persons(&self, persons: &[UserId]) {
        let mut inner = self.inner.write().expect("inbox counts");
        inner.by_user.forget(persons);
    }
}

impl Derived for Counts {
    const NAME: &'static str = "inbox counts";

    fn follower(&self) -> &Follower {
        &self.follower
    }

    fn apply(&self, changes: &[Change]) {
        if changes.iter().any(|c| c.topic == "case") {
            self.forget();
            return;
        }
        let readers: Vec<UserId> = changes
            .iter()
            .filter(|c| c.topic == "read")
            .filter_map(|c| c.object_id.parse().ok().map(UserId))
            .collect();
        if !readers.is_empty() {
            self.forget_persons(&readers);
        }
    }
}

/// The node's counts (kept in the state's extensions).
pub fn counts(state: &AppState) -> Arc<Counts> {
    state
        .ext
        .get::<Arc<Counts>>()
        .cloned()
        .expect("build_state puts the inbox counts in the state")
}
