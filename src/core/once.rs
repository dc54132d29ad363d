//! One-time form tokens: a double-clicked, resent or replayed form gets
//! the answer its first post got, and has no second effect.
//!
//! Each state-changing form carries a random `once` field. The handler
//! claims it inside the write's transaction, before changing anything: a
//! token already claimed (by a post that committed) yields that post's
//! answer, and the caller rolls back and answers the same. Two posts at
//! once queue on the token's key (PostgreSQL waits for the first
//! transaction; SQLite runs one writer at a time). Forms without the field
//! (scripts, the API) are guarded by the status checks alone.

use crate::core::db::{self, Tx};
use otalusta_domain::ids::UserId;
use sha2::Digest;

/// Longest token accepted; longer ones are ignored (never stored).
const MAX_LEN: usize = 64;

fn key(token: &str) -> String {
    hex::encode(sha2::Sha256::digest(token.as_bytes()))
}

/// What claiming a token found.
#[derive(Debug, PartialEq, Eq)]
pub enum Claim {
    /// First use (or no token): go on.
    Fresh,
    /// Used before: answer what the first post answered.
    Replay(String),
}

/// Claims `token` for `user` inside `tx`.
pub async fn claim(tx: &mut Tx, user: UserId, token: &str) -> sqlx::Result<Claim> {
    let token = token.trim();
    if token.is_empty() || token.len() > MAX_LEN {
        return Ok(Claim::Fresh);
    }
    let k = key(token);
    let inserted = sqlx::query(
        "INSERT INTO form_tokens (token_hash, user_id, answer, created_at) VALUES ($1, $2, '', $3) \
         ON CONFLICT (token_hash) DO NOTHING",
    )
    .bind(&k)
    .bind(user.0)
    .bind(db::now())
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if inserted == 1 {
        return Ok(Claim::Fresh);
    }
    let answer: Option<(String,)> =
        sqlx::query_as("SELECT answer FROM form_tokens WHERE token_hash = $1 AND user_id = $2")
            .bind(&k)
            .bind(user.0)
            .fetch_optional(&mut **tx)
            .await?;
    // Someone else's token (never given to this user) answers nothing.
    Ok(Claim::Replay(answer.map(|a| a.0).unwrap_or_default()))
}

/// Records the answer of the post that claimed `token` (same transaction).
pub async fn answer(tx: &mut Tx, token: &str, location: &str) -> sqlx::Result<()> {
    let token = token.trim();
    if token.is_empty() || token.len() > MAX_LEN {
        return Ok(());
    }
    sqlx::query("UPDATE form_tokens SET answer = $1 WHERE token_hash = $2")
        .bind(location)
        .bind(key(token))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Forgets tokens older than a day (the janitor's work).
pub async fn purge(db: &db::Db) -> sqlx::Result<u64> {
    let day_ago = db::timestamp(jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24));
    Ok(sqlx::query("DELETE FROM form_tokens WHERE created_at < $1")
        .bind(day_ago)
        .execute(db.pool())
        .await?
        .rows_affected())
}
