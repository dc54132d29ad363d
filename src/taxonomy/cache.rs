//! The taxonomy as the pages show it, read once per node: most pages name
//! phenomena, and they change seldom. Dropped when the change feed says a
//! phenomenon changed (at once for this node's own edits), and read again
//! after [`MAX_AGE`] whatever happens (a node that seeds new phenomena at
//! start announces nothing).

use super::store::{self, PhenomenonRow};
use crate::core::changes::{Change, Derived, Follower};
use crate::core::db::Db;
use crate::core::web::AppState;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// The longest the taxonomy is trusted without a reload.
pub const MAX_AGE: Duration = Duration::from_secs(600);

struct Inner {
    all: Option<(Arc<Vec<PhenomenonRow>>, Instant)>,
    /// Grows with every `forget`: a read that began before one is not kept.
    generation: u64,
}

pub struct Phenomena {
    inner: RwLock<Inner>,
    follower: Follower,
}

impl Phenomena {
    /// Empty, following the feed from now on.
    pub async fn start(db: &Db) -> anyhow::Result<Phenomena> {
        Ok(Phenomena {
            inner: RwLock::new(Inner {
                all: None,
                generation: 0,
            }),
            follower: Follower::start(db).await?,
        })
    }

    /// Every phenomenon in display order (as `store::all`).
    pub async fn all(&self, db: &Db) -> sqlx::Result<Arc<Vec<PhenomenonRow>>> {
        let generation = {
            let inner = self.inner.read().expect("taxonomy cache");
            if let Some((all, at)) = &inner.all
                && at.elapsed() < MAX_AGE
            {
                return Ok(all.clone());
            }
            inner.generation
        };
        let all = Arc::new(store::all(db).await?);
        let mut inner = self.inner.write().expect("taxonomy cache");
        if inner.generation == generation {
            inner.all = Some((all.clone(), Instant::now()));
        }
        Ok(all)
    }

    pub fn forget(&self) {
        let mut inner = self.inner.write().expect("taxonomy cache");
        inner.generation += 1;
        inner.all = None;
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
