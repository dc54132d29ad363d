//! Signed-in requests without a database read each: a node trusts a
//! session (or an API token, keyed `api-token:<hash>`) it has checked in
//! the database for a short lease ([`LEASE`]), and every change that ends
//! or narrows sessions or tokens (logout, a revoked token, a disabled
//! account, a new password, a membership removed) waits out that lease
//! after it commits, before it answers ([`settle`]).
//!
//! So a change still takes effect at once, on every node: whoever has seen
//! its answer (the person logging out, the administrator, the command line)
//! can send no request that any node serves under the old session. Only
//! requests already in flight when the change commits may see the old one,
//! as they could when every request read the database. The lease is taken
//! from the moment *before* the database read, so its end never comes later
//! than a lease of a read that the change could have missed.

use super::Session;
use crate::core::web::AppState;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// How long a node serves a session from memory after checking it.
pub const LEASE: Duration = Duration::from_millis(300);
/// Entries kept at most; beyond it the expired ones go (and then all).
const MAX_ENTRIES: usize = 10_000;

struct Entry {
    session: Session,
    checked: Instant,
    /// The session's own absolute end.
    expires: jiff::Timestamp,
}

#[derive(Default)]
pub struct Leases {
    by_token: RwLock<HashMap<String, Entry>>,
}

impl Leases {
    /// The session of `token_hash` if this node checked it within the lease.
    pub fn get(&self, token_hash: &str) -> Option<Session> {
        let map = self.by_token.read().expect("session leases");
        let e = map.get(token_hash)?;
        (e.checked.elapsed() < LEASE && jiff::Timestamp::now() < e.expires)
            .then(|| e.session.clone())
    }

    /// Records a session read from the database; `checked` is the moment
    /// before the read began.
    pub fn put(
        &self,
        token_hash: &str,
        session: Session,
        checked: Instant,
        expires: jiff::Timestamp,
    ) {
        let mut map = self.by_token.write().expect("session leases");
        if map.len() >= MAX_ENTRIES {
            map.retain(|_, e| e.checked.elapsed() < LEASE);
            if map.len() >= MAX_ENTRIES {
                map.clear();
            }
        }
        map.insert(
            token_hash.to_owned(),
            Entry {
                session,
                checked,
                expires,
            },
        );
    }

    /// Drops one session (its account's saved language changed).
    pub fn forget(&self, token_hash: &str) {
        self.by_token
            .write()
            .expect("session leases")
            .remove(token_hash);
    }

    fn forget_all(&self) {
        self.by_token.write().expect("session leases").clear();
    }
}

/// The node's leases (kept in the state's extensions).
pub fn leases(state: &AppState) -> Arc<Leases> {
    state
        .ext
        .get::<Arc<Leases>>()
        .cloned()
        .expect("build_state puts the session leases in the state")
}

/// After a change to sessions, accounts, roles or memberships has
/// committed: this node forgets what it trusted, and the change waits until
/// every node's lease of an older read has run out.
pub async fn settle(state: &AppState) {
    leases(state).forget_all();
    tokio::time::sleep(LEASE).await;
}

/// The same for a process without leases of its own (the command line):
/// the running service may hold a lease of the old state.
pub async fn settle_elsewhere() {
    tokio::time::sleep(LEASE).await;
}
