//! Storage of single sign-on: pending logins (state → nonce, PKCE verifier,
//! the browser's cookie hash), the (provider, subject) → account links, and
//! the ID token kept with a session.

use crate::core::db::{self, Db, Tx};
use otalusta_domain::ids::UserId;
use sqlx::FromRow;

/// A login begun at a provider, waiting for its callback.
#[derive(Debug, FromRow)]
pub struct Pending {
    pub provider: String,
    pub browser_hash: String,
    pub nonce: String,
    pub pkce_verifier: String,
    pub next_path: String,
    pub expires_at: String,
}

pub struct NewPending<'a> {
    pub state_hash: &'a str,
    pub provider: &'a str,
    pub browser_hash: &'a str,
    pub nonce: &'a str,
    pub pkce_verifier: &'a str,
    pub next_path: &'a str,
    pub expires_at: &'a str,
}

pub async fn insert_pending(db: &Db, p: &NewPending<'_>) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO oidc_pending (state_hash, provider, browser_hash, nonce, pkce_verifier, \
         next_path, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(p.state_hash)
    .bind(p.provider)
    .bind(p.browser_hash)
    .bind(p.nonce)
    .bind(p.pkce_verifier)
    .bind(p.next_path)
    .bind(db::now())
    .bind(p.expires_at)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Takes the pending login of `state_hash`: deleted in the same statement,
/// so of two callbacks with one state (on any nodes) only one gets it.
pub async fn take_pending(db: &Db, state_hash: &str) -> sqlx::Result<Option<Pending>> {
    sqlx::query_as(
        "DELETE FROM oidc_pending WHERE state_hash = $1 \
         RETURNING provider, browser_hash, nonce, pkce_verifier, next_path, expires_at",
    )
    .bind(state_hash)
    .fetch_optional(db.pool())
    .await
}

/// Logins in progress (not expired).
pub async fn live_pending(db: &Db) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM oidc_pending WHERE expires_at > $1")
        .bind(db::now())
        .fetch_one(db.pool())
        .await
}

pub async fn purge_expired_pending(db: &Db) -> sqlx::Result<u64> {
    let r = sqlx::query("DELETE FROM oidc_pending WHERE expires_at < $1")
        .bind(db::now())
        .execute(db.pool())
        .await?;
    Ok(r.rows_affected())
}

/// The account linked to a provider's subject.
#[derive(Debug, FromRow)]
pub struct Link {
    pub user_id: i64,
    pub pending: i64,
}

pub async fn find_link(tx: &mut Tx, provider: &str, subject: &str) -> sqlx::Result<Option<Link>> {
    sqlx::query_as("SELECT user_id, pending FROM oidc_links WHERE provider = $1 AND subject = $2")
        .bind(provider)
        .bind(subject)
        .fetch_optional(&mut **tx)
        .await
}

pub async fn insert_link(
    tx: &mut Tx,
    provider: &str,
    subject: &str,
    user: UserId,
    pending: bool,
) -> sqlx::Result<()> {
    let now = db::now();
    sqlx::query(
        "INSERT INTO oidc_links (provider, subject, user_id, pending, created_at, last_login_at) \
         VALUES ($1, $2, $3, $4, $5, $5)",
    )
    .bind(provider)
    .bind(subject)
    .bind(user.0)
    .bind(db::flag(pending))
    .bind(&now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A login through the link: its time, and the approval seen (an enabled
/// account is approved).
pub async fn touch_link(
    tx: &mut Tx,
    provider: &str,
    subject: &str,
    approved: bool,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE oidc_links SET last_login_at = $1, \
         pending = CASE WHEN $2 = 1 THEN 0 ELSE pending END \
         WHERE provider = $3 AND subject = $4",
    )
    .bind(db::now())
    .bind(db::flag(approved))
    .bind(provider)
    .bind(subject)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The account linked to a provider's subject and approved.
pub async fn linked_user(db: &Db, provider: &str, subject: &str) -> sqlx::Result<Option<i64>> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT user_id FROM oidc_links WHERE provider = $1 AND subject = $2 AND pending = 0",
    )
    .bind(provider)
    .bind(subject)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|(id,)| id))
}

/// An account's links: (provider id, waiting for approval).
pub async fn links_of(db: &Db, user: UserId) -> sqlx::Result<Vec<(String, bool)>> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT provider, pending FROM oidc_links WHERE user_id = $1 ORDER BY provider",
    )
    .bind(user.0)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(p, pending)| (p, pending != 0))
        .collect())
}

/// The linked accounts still waiting for approval (the admin's list shows them).
pub async fn pending_users(db: &Db) -> sqlx::Result<Vec<i64>> {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT l.user_id FROM oidc_links l JOIN users u ON u.id = l.user_id \
         WHERE l.pending = 1 AND u.disabled = 1",
    )
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// Name, e-mail and disabled flag of an account, read in `tx`.
pub async fn profile_of(tx: &mut Tx, id: UserId) -> sqlx::Result<Option<(String, String, i64)>> {
    sqlx::query_as("SELECT display_name, email, disabled FROM users WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut **tx)
        .await
}

pub async fn set_profile(tx: &mut Tx, id: UserId, name: &str, email: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET display_name = $1, email = $2 WHERE id = $3")
        .bind(name)
        .bind(email)
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Marks a new account disabled (waiting for approval).
pub async fn hold(tx: &mut Tx, id: UserId) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET disabled = 1 WHERE id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn username_taken(db: &Db, username: &str) -> sqlx::Result<bool> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE username = $1")
        .bind(username)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.is_some())
}

/// The organisation of this name (case-insensitive), if exactly one.
pub async fn organisation_named(db: &Db, name: &str) -> sqlx::Result<Option<i64>> {
    let rows: Vec<(i64,)> =
        sqlx::query_as("SELECT id FROM organisations WHERE lower(name) = lower($1) LIMIT 2")
            .bind(name.trim())
            .fetch_all(db.pool())
            .await?;
    Ok(match rows.as_slice() {
        [(id,)] => Some(*id),
        _ => None,
    })
}

/// Keeps the provider and its ID token with the session just made.
pub async fn attach_to_session(
    tx: &mut Tx,
    session_token: &str,
    provider: &str,
    id_token: &str,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE sessions SET oidc_provider = $1, oidc_id_token = $2 WHERE token_hash = $3")
        .bind(provider)
        .bind(id_token)
        .bind(crate::auth::store::token_hash(session_token))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The provider and ID token of a session begun at a provider.
pub async fn session_login(db: &Db, hash: &str) -> sqlx::Result<Option<(String, String)>> {
    let row: Option<(Option<String>, Option<String>)> =
        sqlx::query_as("SELECT oidc_provider, oidc_id_token FROM sessions WHERE token_hash = $1")
            .bind(hash)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.and_then(|(p, t)| Some((p?, t?))))
}
