//! Reminders a day before an event, to each confirmed participant exactly
//! once: whichever node claims a registration (`reminded_at` set from
//! NULL) queues its e-mail in the same transaction. The same task erases
//! outside participants' personal data some time after their event.

use super::mail::{Kind, tell};
use super::store;
use crate::core::db;
use crate::core::web::AppState;
use otalusta_domain::events::{ERASE_OUTSIDE_AFTER_DAYS, REMINDER_BEFORE, reminder_due};

/// Queues the reminders due at `now`; returns how many were queued.
pub async fn send_due(state: &AppState, now: jiff::Timestamp) -> anyhow::Result<usize> {
    let candidates = store::reminder_candidates(
        &state.db,
        &db::timestamp(now),
        &db::timestamp(now + REMINDER_BEFORE),
    )
    .await?;
    let mut queued = 0;
    for (reg, event, starts_at) in candidates {
        let Some(start) = db::parse_timestamp(&starts_at) else {
            continue;
        };
        if !reminder_due(now, start, false, false) {
            continue;
        }
        let mut tx = state.db.begin().await?;
        let Some(r) = store::claim_reminder(&mut tx, reg).await? else {
            tx.rollback().await?;
            continue;
        };
        let Some(ev) = store::get(&state.db, event).await? else {
            tx.rollback().await?;
            continue;
        };
        tell(state, &mut tx, &r, &ev, Kind::Reminder, None).await?;
        tx.commit().await?;
        queued += 1;
    }
    Ok(queued)
}

/// Every five minutes: the reminders due; once an hour, the erasure of
/// outside participants' data of events past [`ERASE_OUTSIDE_AFTER_DAYS`].
pub async fn keep_sending(state: AppState) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(300));
    let mut round: u64 = 0;
    loop {
        tick.tick().await;
        match send_due(&state, jiff::Timestamp::now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(queued = n, "event reminders queued"),
            Err(e) => tracing::warn!(error = %e, "event reminders failed"),
        }
        if round.is_multiple_of(12) {
            let before = jiff::Timestamp::now()
                - jiff::SignedDuration::from_hours(24 * ERASE_OUTSIDE_AFTER_DAYS);
            match store::erase_outside(&state.db, &db::timestamp(before)).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(erased = n, "outside participants' data erased"),
                Err(e) => tracing::warn!(error = %e, "erasing outside participants' data failed"),
            }
        }
        round += 1;
    }
}
