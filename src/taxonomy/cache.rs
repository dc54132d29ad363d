//! The taxonomy as the pages show it, read once per node: most pages name
//! phenomena, and they change seldom. Dropped when the change feed says a
//! phenomenon changed (at once for this node's own edits).

use super::store::{self, PhenomenonRow};
use crate::core::changes::{Change, Derived, Follower};
use crate::core::db::Db;
use crate::core::web::AppState;
use std::sync::{Arc, RwLock};

pub struct Phenomena {
    all: RwLock<Option<Arc<Vec<PhenomenonRow>>>>,
    follower: Follower,
}

impl Phenomena {
    /// Empty, following the feed from now on.
    pub async fn start(db: &Db) -> anyhow::Result<Phenomena> {
        Ok(Phenomena {
            all: RwLock::new(None),
            follower: Follower::start(db).await?,
        })
    }

    /// Every phenomenon in display order (as `store::all`).
    pub async fn all(&self, db: &Db) -> sqlx::Result<Arc<Vec<PhenomenonRow>>> {
        if let Some(all) = self.all.read().expect("taxonomy cache").clone() {
            return Ok(all);
        }
        let all = Arc::new(store::all(db).await?);
        *self.all.write().expect("taxonomy cache") = Some(all.clone());
        Ok(all)
    }

    pub fn forget(&self) {
        *self.all.write().expect("taxonomy cache") = None;
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
