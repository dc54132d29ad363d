//! The taxonomy as the pages show it, read once per node: most pages name
//! phenomena, and they change seldom. Dropped when the change feed says a
//! phenomenon changed (at once for this node's own edits), and read again
//! after [`MAX_AGE`] whatever happens (a node that seeds new phenomena at
//! start announces nothing).

use super::store::{self, PhenomenonRow};
use crate::core::changes::{Change, Derived, Follower};
use crate::core::db::Db;
use crate::core::memo::Memo;
use crate::core::web::AppState;
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// The longest the taxonomy is trusted without a reload.
pub const MAX_AGE: Duration = Duration::from_secs(600);

pub struct Phenomena {
    /// The whole taxonomy, held under the one key `()`.
    all: RwLock<Memo<(), Arc<Vec<PhenomenonRow>>>>,
    follower: Follower,
}

impl Phenomena {
    /// Empty, following the feed from now on.
    pub async fn start(db: &Db) -> anyhow::Result<Phenomena> {
        Ok(Phenomena {
            all: RwLock::new(Memo::new(1)),
            follower: Follower::start(db).await?,
        })
    }

    /// Every phenomenon in display order (as `store::all`).
    pub async fn all(&self, db: &Db) -> sqlx::Result<Arc<Vec<PhenomenonRow>>> {
        let ticket = {
            let memo = self.all.read().expect("taxonomy cache");
            if let Some(all) = memo.get(&(), MAX_AGE) {
                return Ok(all.clone());
            }
            memo.ticket()
        };
        let all = Arc::new(store::all(db).await?);
        let mut memo = self.all.write().expect("taxonomy cache");
        memo.keep(ticket, [((), all.clone())]);
        Ok(all)
    }

    pub fn forget(&self) {
        self.all.write().expect("taxonomy cache").forget_all();
    }
}

impl Derived for Phenomena {
    const NAME: &'static str = "taxonomy cache";

    fn follower(&self) -> &Follower {
        &self.follower
    }

    fn apply(&self, changes: &[Change]) {
        if changes.iter().any(|c| c.topic == "phenomenon") {
            self.forget();
        }
    }
}

/// The node's taxonomy cache (kept in the state's extensions).
pub fn phenomena(state: &AppState) -> Arc<Phenomena> {
    state
        .ext
        .get::<Arc<Phenomena>>()
        .cloned()
        .expect("build_state puts the taxonomy cache in the state")
}
