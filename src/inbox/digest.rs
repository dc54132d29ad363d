//! Päivittäinen kooste: the optional daily e-mail that says something
//! waits, with a link to the front page and no case content (not even how
//! many cases or which). Sent from 7.00 Helsinki time, once a day per
//! person whichever node gets there first (`auth::store::claim_digest`).

use super::waiting;
use crate::auth::store;
use crate::core::web::AppState;
use otalusta_domain::ids::UserId;

/// The hour (Helsinki) from which the day's digests go.
pub const SEND_FROM_HOUR: i8 = 7;

/// Queues today's digest for everyone who wants one and has something
/// waiting; returns how many were queued. Those with nothing waiting are
/// marked done for the day too.
pub async fn send_due(state: &AppState, today: jiff::civil::Date) -> anyhow::Result<usize> {
    let day = today.to_string();
    let mut queued = 0;
    for id in store::digest_due(&state.db, &day).await? {
        // One account's failure is logged and the others still get theirs.
        match send_one(state, id, &day).await {
            Ok(true) => queued += 1,
            Ok(false) => {}
            Err(e) => tracing::warn!(user = id, error = %e, "daily digest of one account failed"),
        }
    }
    Ok(queued)
}

/// Today's digest of account `id`: queued when something waits (true).
async fn send_one(state: &AppState, id: i64, day: &str) -> anyhow::Result<bool> {
    let Some(actor) = store::actor_of(&state.db, UserId(id)).await? else {
        return Ok(false);
    };
    let n = waiting(state, &actor)
        .await
        .map_err(|e| anyhow::anyhow!("inbox of {id}: {e}"))?;
    let mut tx = state.db.begin().await?;
    let queued = store::claim_digest(&mut tx, id, day).await? && n > 0;
    if queued {
        crate::notify::enqueue(&mut tx, UserId(id), "digest", "/").await?;
    }
    tx.commit().await?;
    Ok(queued)
}

/// Every ten minutes: once it is past [`SEND_FROM_HOUR`] in Helsinki, the
/// day's digests that are still due.
pub async fn keep_sending(state: AppState) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(600));
    loop {
        tick.tick().await;
        let now = jiff::Timestamp::now()
            .to_zoned_datetime(crate::core::page::helsinki())
            .datetime();
        if now.hour() < SEND_FROM_HOUR {
            continue;
        }
        match send_due(&state, now.date()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(queued = n, "daily digests queued"),
            Err(e) => tracing::warn!(error = %e, "daily digest failed"),
        }
    }
}
