//! The navigation's badge, kept per person between page views.
//!
//! Counting what waits reads every case the person handles (about 120 for
//! a county's coordinator); done on every signed-in page view it had made
//! the pages five times slower. So each node keeps each person's count and
//! drops them all when the change feed says a case, its messages or who
//! has read them changed (topic `case`, written by triggers on `requests`,
//! `request_messages` and `request_reads`, so no write path can leave it
//! out) or a group's meetings did (`group`, `places`): at once for the
//! node's own writes ([`Counts::forget`] after every request that is not a
//! GET, and after the case page marks messages read), within the feed's
//! polling interval (`core::changes::FOLLOW_EVERY`; on PostgreSQL at once
//! through NOTIFY) for other nodes' writes, when the day changes, and at
//! the latest after [`MAX_AGE`].
//!
//! All counts go at once, not only the persons a change concerns: who a
//! case concerns (its requester, the group's secretaries, the area's and
//! county's coordinators) is the inbox rule itself, and writes are rare
//! beside page views.

use crate::core::changes::{Change, Derived, Follower};
use crate::core::db::Db;
use crate::core::error::AppResult;
use crate::core::web::AppState;
use crate::groups::routes::today;
use jiff::civil::Date;
use otalusta_domain::ids::UserId;
use otalusta_domain::policy::Actor;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// The longest a count is trusted without counting again.
pub const MAX_AGE: Duration = Duration::from_secs(60);

/// Persons a node holds counts for at most; beyond it the counts start over.
const MAX_HELD: usize = 50_000;

struct Held {
    /// Who was counted: another role or group membership counts anew.
    actor: Actor,
    n: usize,
    at: Instant,
}

struct Inner {
    /// Grows with every `forget`: a count begun before one is not kept (it
    /// may have read what the forgotten change replaced).
    generation: u64,
    /// The day the counts were made on (what is overdue follows the date).
    day: Date,
    by_user: HashMap<UserId, Held>,
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
                generation: 0,
                day: today(),
                by_user: HashMap::new(),
            }),
            follower: Follower::start(db).await?,
        })
    }

    /// How many things wait for `a`: the count held, or counted anew.
    pub async fn waiting(&self, state: &AppState, a: &Actor) -> AppResult<usize> {
        let day = today();
        let generation = {
            let inner = self.inner.read().expect("inbox counts");
            if inner.day == day
                && let Some(h) = inner.by_user.get(&a.user_id)
                && h.actor == *a
                && h.at.elapsed() < MAX_AGE
            {
                return Ok(h.n);
            }
            inner.generation
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
        if inner.generation == generation {
            if inner.by_user.len() >= MAX_HELD {
                inner.by_user.clear();
            }
            inner.by_user.insert(
                a.user_id,
                Held {
                    actor: a.clone(),
                    n,
                    at: Instant::now(),
                },
            );
        }
        Ok(n)
    }

    /// Drops every count: call after a write of this node commits.
    pub fn forget(&self) {
        let mut inner = self.inner.write().expect("inbox counts");
        inner.generation += 1;
        inner.by_user.clear();
    }
}

impl Derived for Counts {
    const NAME: &'static str = "inbox counts";

    fn follower(&self) -> &Follower {
        &self.follower
    }

    fn apply(&self, changes: &[Change]) {
        if changes
            .iter()
            .any(|c| matches!(c.topic.as_str(), "case" | "group" | "places"))
        {
            self.forget();
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
