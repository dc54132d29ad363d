//! Whole profiles as a node last read them, by id: a page of search
//! results (page or API) then asks the database nothing about the profiles
//! it already holds. Under load that one narrow query per search had halved
//! the requests a node answers (SQLite's worker hand-off on every request).
//!
//! Kept current like the groups' calendars: every write of a profile goes
//! through `store::create`, `create_many` or `update`, which put it in the
//! change feed (`outbox`, topic `expert`). A node drops what the feed names
//! at once for its own writes ([`ProfileCache::forget`] after commit, where
//! the search index catches up too), within the feed's polling interval for
//! other nodes' writes (on PostgreSQL at once, through NOTIFY), and every
//! profile at the latest after [`MAX_AGE`]; a read begun before a drop is
//! served but not kept (`core::memo`). The search index follows the
//! same feed, so a signed-in page shows a profile as current as the index
//! that found it, give or take the moment between the two followers. A
//! write that went round those store functions (and so the feed) would show
//! only after `MAX_AGE`: there is none.
//!
//! The public directory must not show for a moment what an expert has just
//! unlisted or hidden on another node, so it asks for the hits' current
//! `updated_at` ([`ProfileCache::get_many_checked`]) and reads again the
//! profiles whose stamp differs: `create` and `update` set it to the
//! commit's time in microseconds.
//!
//! Phenomena are held by code, which is never renamed or deleted. At most
//! [`MAX_HELD`] profiles are held; beyond it the cache starts over.

use super::store::{self, Expert};
use crate::core::changes::{Change, Derived, Follower};
use crate::core::db::{self, Db};
use crate::core::memo::Memo;
use otalusta_domain::ids::ExpertId;
use sqlx::AssertSqlSafe;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// Profiles a node holds at most.
pub const MAX_HELD: usize = 20_000;

/// The longest a profile is trusted without reading it again.
pub const MAX_AGE: Duration = Duration::from_secs(600);

pub struct ProfileCache {
    held: RwLock<Memo<ExpertId, Arc<Expert>>>,
    follower: Follower,
}

/// The node's profile cache (kept in the state's extensions).
pub fn profile_cache(state: &crate::core::web::AppState) -> Arc<ProfileCache> {
    state
        .ext
        .get::<Arc<ProfileCache>>()
        .cloned()
        .expect("build_state puts the profile cache in the state")
}

impl ProfileCache {
    /// Nothing held, following the feed from now on.
    pub async fn start(db: &Db) -> sqlx::Result<ProfileCache> {
        Ok(ProfileCache {
            held: RwLock::new(Memo::new(MAX_HELD)),
            follower: Follower::start(db).await?,
        })
    }

    /// The profiles of `ids` by id (missing ones left out); `checked`: as
    /// the database holds them now (the public directory).
    pub async fn by_id(
        &self,
        db: &Db,
        ids: &[ExpertId],
        checked: bool,
    ) -> sqlx::Result<HashMap<ExpertId, Arc<Expert>>> {
        let found = match checked {
            true => self.get_many_checked(db, ids).await?,
            false => self.get_many(db, ids).await?,
        };
        Ok(found.into_iter().map(|e| (e.id, e)).collect())
    }

    /// The profiles of `ids` in that order (missing ones left out), as
    /// current as the change feed this node has followed.
    pub async fn get_many(&self, db: &Db, ids: &[ExpertId]) -> sqlx::Result<Vec<Arc<Expert>>> {
        self.read(db, ids, None).await
    }

    /// [`ProfileCache::get_many`] for the public directory: each profile as
    /// the database holds it now (one narrow query of the stamps).
    pub async fn get_many_checked(
        &self,
        db: &Db,
        ids: &[ExpertId],
    ) -> sqlx::Result<Vec<Arc<Expert>>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let marks = db::marks(1, ids.len());
        let mut q = sqlx::query_as::<_, (i64, String)>(AssertSqlSafe(format!(
            "SELECT id, updated_at FROM experts WHERE id IN ({marks})"
        )));
        for id in ids {
            q = q.bind(id.0);
        }
        let stamps: HashMap<ExpertId, String> = q
            .fetch_all(db.pool())
            .await?
            .into_iter()
            .map(|(id, at)| (ExpertId(id), at))
            .collect();
        // Deleted ones are not asked for at all.
        let present: Vec<ExpertId> = ids
            .iter()
            .copied()
            .filter(|id| stamps.contains_key(id))
            .collect();
        self.read(db, &present, Some(&stamps)).await
    }

    /// Held profiles (with the stamp given, when given), the rest read.
    async fn read(
        &self,
        db: &Db,
        ids: &[ExpertId],
        stamps: Option<&HashMap<ExpertId, String>>,
    ) -> sqlx::Result<Vec<Arc<Expert>>> {
        let mut held: HashMap<ExpertId, Arc<Expert>> = HashMap::new();
        let mut stale = Vec::new();
        let ticket = {
            let memo = self.held.read().expect("profile cache");
            for id in ids {
                let current = memo
                    .get(id, MAX_AGE)
                    .filter(|e| stamps.is_none_or(|s| s.get(id) == Some(&e.updated_at)));
                match current {
                    Some(e) => {
                        held.insert(*id, e.clone());
                    }
                    None => stale.push(*id),
                }
            }
            memo.ticket()
        };
        if !stale.is_empty() {
            let fresh: Vec<Arc<Expert>> = store::get_many(db, &stale)
                .await?
                .into_iter()
                .map(Arc::new)
                .collect();
            let mut memo = self.held.write().expect("profile cache");
            memo.keep(ticket, fresh.iter().map(|e| (e.id, e.clone())));
            held.extend(fresh.into_iter().map(|e| (e.id, e)));
        }
        Ok(ids.iter().filter_map(|id| held.remove(id)).collect())
    }

    /// Drops `ids` (every profile when `None`): call after a write of this
    /// node commits.
    pub fn forget(&self, ids: Option<&[ExpertId]>) {
        let mut memo = self.held.write().expect("profile cache");
        match ids {
            Some(ids) => memo.forget(ids),
            None => memo.forget_all(),
        }
    }
}

impl Derived for ProfileCache {
    const NAME: &'static str = "profile cache";

    fn follower(&self) -> &Follower {
        &self.follower
    }

    /// Profiles named are read again when next asked for; an operator's
    /// index check or rebuild (`index`) drops them all.
    fn apply(&self, changes: &[Change]) {
        if changes.iter().any(|c| c.topic == "index") {
            self.forget(None);
            return;
        }
        let ids: Vec<ExpertId> = changes
            .iter()
            .filter(|c| c.topic == "expert")
            .filter_map(|c| c.object_id.parse().ok().map(ExpertId))
            .collect();
        if !ids.is_empty() {
            self.forget(Some(&ids));
        }
    }
}
