//! Säilytysajan päättyminen: removing access-log entries older than the
//! retention (12 years by default, never less), from the start of the log
//! only, in batches. With each batch the database records how far entries
//! were removed and a removal record, signed with the checkpoint key, of the
//! last removed entry (its seq, hash and time); `audit verify` resumes the
//! chain from that hash only if the record holds (ARCHITECTURE.md, "The
//! access log"). The database's own trigger refuses to delete an entry that
//! is younger than 12 years or beyond the recorded point, whatever calls it.

use super::anchor::Anchor;
use super::store;
use crate::core::db::{Db, timestamp};
use otalusta_domain::audit::retention::{Retention, removable_through};
use otalusta_domain::audit::{AuditEvent, Outcome};
use std::time::Duration;

/// Entries removed per transaction: the head's lock is held meanwhile, so
/// every node's appends (every case read) wait for one batch at most.
pub const BATCH: i64 = 5_000;

/// How often a node looks for entries past the retention.
pub const EVERY: Duration = Duration::from_secs(24 * 3600);

/// What one run removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    /// Entries removed by this run.
    pub entries: i64,
    /// The log now starts after this seq.
    pub through: i64,
    /// Entries written before this moment were due.
    pub cutoff: String,
}

/// Removes what is past `retention` at `now`; `event` is the run's own log
/// entry (its object and purpose are filled in here). `None`: nothing due.
pub async fn run(
    db: &Db,
    anchor: &Anchor,
    retention: Retention,
    now: jiff::Timestamp,
    event: AuditEvent,
) -> anyhow::Result<Option<Removed>> {
    let cutoff = timestamp(retention.cutoff(now));
    let young = store::first_seq_from(db, &cutoff).await?;
    let head = store::head(db.pool()).await?;
    let Some(target) = removable_through(young, head.seq, head.removed_through) else {
        return Ok(None);
    };
    let start = head.removed_through;
    let mut through = start;
    while through < target {
        let next = (through + BATCH).min(target);
        let last: Option<(String, String)> =
            sqlx::query_as("SELECT hash, at FROM audit_log WHERE seq = $1")
                .bind(next)
                .fetch_optional(db.pool())
                .await?;
        let Some((hash, entry_at)) = last else {
            anyhow::bail!("entry {next} is missing: check the log with `otalusta audit verify`");
        };
        let record = anchor.sign_removal(next, hash, entry_at).line();
        let mut tx = db.begin().await?;
        let moved = sqlx::query(
            "UPDATE audit_head SET removed_through = $1, removed_pin = $2 \
             WHERE id = 1 AND removed_through = $3",
        )
        .bind(next)
        .bind(&record)
        .bind(through)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if moved == 0 {
            // Another node's run got here first.
            tx.rollback().await?;
            return Ok(None);
        }
        sqlx::query("DELETE FROM audit_log WHERE seq > $1 AND seq <= $2")
            .bind(through)
            .bind(next)
            .execute(&mut *tx)
            .await?;
        let mut e = event.clone();
        e.action = "audit.retention".into();
        e.object_type = "audit".into();
        e.object_id = format!("{}-{next}", through + 1);
        e.purpose = format!(
            "retention {} years: entries written before {cutoff} removed",
            retention.get()
        );
        store::append(&mut tx, e).await?;
        tx.commit().await?;
        through = next;
    }
    anchor.checkpoint(db, false).await?;
    Ok(Some(Removed {
        entries: through - start,
        through,
        cutoff,
    }))
}

/// A node's retention runs while it serves: once a day.
pub async fn keep_removing(anchor: Anchor, db: Db, retention: Retention) {
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tick.tick().await;
        let event = AuditEvent {
            at: crate::core::db::now(),
            actor_id: None,
            actor_name: "otalusta".into(),
            role: String::new(),
            action: String::new(),
            object_type: String::new(),
            object_id: String::new(),
            outcome: Outcome::Success,
            client_addr: String::new(),
            purpose: String::new(),
        };
        match run(&db, &anchor, retention, jiff::Timestamp::now(), event).await {
            Ok(Some(r)) => tracing::info!(
                removed = r.entries,
                through = r.through,
                cutoff = %r.cutoff,
                "access-log retention"
            ),
            Ok(None) => {}
            Err(e) => tracing::error!(error = %e, "access-log retention failed"),
        }
    }
}
