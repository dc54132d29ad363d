//! A provider's access token as `Authorization: Bearer` on `/api/v1` for an
//! account linked to it: the token is checked at the provider's userinfo
//! endpoint (its `sub` must be linked here), and the answer kept for a
//! minute. Such a session may read (GET, HEAD) only.

use super::{sso, store as oidc_store};
use crate::auth::{Session, store};
use crate::core::web::AppState;
use otalusta_domain::ids::UserId;
use otalusta_domain::token::Scope;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a provider's answer about a token is trusted.
const TTL: Duration = Duration::from_secs(60);
/// Most tokens remembered; past it, the memory starts afresh.
const MAX: usize = 10_000;

/// Token hash → (when asked, the linked account or none).
#[derive(Default)]
pub struct Cache(Mutex<HashMap<String, (Instant, Option<i64>)>>);

impl Cache {
    fn get(&self, key: &str) -> Option<Option<i64>> {
        let map = self.0.lock().expect("bearer cache");
        map.get(key)
            .filter(|(at, _)| at.elapsed() < TTL)
            .map(|(_, user)| *user)
    }

    fn put(&self, key: String, user: Option<i64>) {
        let mut map = self.0.lock().expect("bearer cache");
        if map.len() >= MAX {
            map.retain(|_, (at, _)| at.elapsed() < TTL);
            if map.len() >= MAX {
                map.clear();
            }
        }
        map.insert(key, (Instant::now(), user));
    }
}

/// The longest a provider access token's check may take, all providers
/// together.
const BEARER_DEADLINE: std::time::Duration = std::time::Duration::from_secs(3);

/// The account a provider's access token belongs to, if linked here.
async fn linked_account(state: &AppState, token: &str) -> sqlx::Result<Option<i64>> {
    let sso = sso(state);
    if !sso.providers.iter().any(|p| p.accept_access_tokens) {
        return Ok(None);
    }
    let key = store::token_hash(token);
    if let Some(user) = sso.bearer.get(&key) {
        return Ok(user);
    }
    // Only providers that opted in ever see a token, and the whole check
    // has one deadline (it runs before the request's own time-out).
    let check = async {
        for p in sso.providers.iter().filter(|p| p.accept_access_tokens) {
            match sso.flow.userinfo_subject(p, token).await {
                Ok(Some(sub)) => {
                    if let Some(user) = oidc_store::linked_user(&state.db, &p.id, &sub).await? {
                        return Ok(Some(user));
                    }
                }
                Ok(None) => {}
                Err(e) => {
                    tracing::warn!(provider = %p.id, reason = e.reason(), detail = e.detail(), "userinfo check failed");
                }
            }
        }
        Ok::<_, sqlx::Error>(None)
    };
    let found = match tokio::time::timeout(BEARER_DEADLINE, check).await {
        Ok(found) => found?,
        Err(_) => {
            tracing::warn!("access-token check at the providers timed out");
            None
        }
    };
    sso.bearer.put(key, found);
    Ok(found)
}

/// A read-only session for a provider's access token of a linked, enabled
/// account.
pub async fn session(state: &AppState, token: &str) -> sqlx::Result<Option<Session>> {
    let Some(id) = linked_account(state, token).await? else {
        return Ok(None);
    };
    let Some(user) = store::get_user(&state.db, UserId(id)).await? else {
        return Ok(None);
    };
    if user.disabled != 0 {
        return Ok(None);
    }
    let Some(actor) = store::actor_of(&state.db, UserId(id)).await? else {
        return Ok(None);
    };
    Ok(Some(Session {
        actor,
        display_name: user.display_name,
        locale: user.locale,
        token_hash: None,
        scope: Some(Scope::Read),
        must_change_password: false,
    }))
}
