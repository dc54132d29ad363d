//! Retention of the access log: only entries older than 12 years go, from
//! the start of the log, each removal pinned by a signed checkpoint, and
//! `audit verify` (whole and from the latest checkpoint) still passes; the
//! database refuses any other delete, and a removal without its signed
//! record, or of young entries, is reported.

use crate::cli::run;
use crate::helpers::*;
use otalusta::audit::store;
use otalusta::core::config::Keys;
use otalusta::core::db::{Db, timestamp};
use otalusta_domain::audit::{AuditEvent, Outcome};

fn event(at: jiff::Timestamp, i: usize) -> AuditEvent {
    AuditEvent {
        at: timestamp(at),
        actor_id: Some(7),
        actor_name: "demo-secretary".into(),
        role: "secretary".into(),
        action: "request.read".into(),
        object_type: "request".into(),
        object_id: (i % 5).to_string(),
        outcome: Outcome::Success,
        client_addr: "127.0.0.1".into(),
        purpose: String::new(),
    }
}

/// An empty log with the installation's key.
async fn open_log(fresh: &FreshDb) -> Db {
    std::fs::write(fresh.dir.path().join("secret.key"), TEST_KEY).unwrap();
    let keys = Keys::derive(TEST_KEY.as_bytes());
    let db = fresh
        .connect()
        .await
        .with_audit_key(keys.audit_chain.clone());
    db.migrate().await.unwrap();
    db
}

async fn append(db: &Db, events: Vec<AuditEvent>) {
    let mut tx = db.begin().await.unwrap();
    store::append_all(&mut tx, events).await.unwrap();
    tx.commit().await.unwrap();
}

const START: &str = "2010-03-01T08:00:00Z";

/// A log of `old` entries from 2010, one written 12 years less a day ago,
/// and `young` from today.
async fn filled(fresh: &FreshDb, old: usize, young: usize) -> Db {
    let db = open_log(fresh).await;
    let start: jiff::Timestamp = START.parse().unwrap();
    let now = jiff::Timestamp::now();
    let almost = now
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .checked_sub(jiff::Span::new().years(12))
        .unwrap()
        .timestamp()
        + jiff::SignedDuration::from_hours(24);
    let mut events: Vec<AuditEvent> = (0..old)
        .map(|i| event(start + jiff::SignedDuration::from_mins(i as i64), i))
        .collect();
    events.push(event(almost, old));
    events.extend((0..young).map(|i| event(now, old + 1 + i)));
    append(&db, events).await;
    db
}

/// The node's checkpoints, as `serve` keeps them in its data directory.
fn node_anchor(fresh: &FreshDb) -> otalusta::audit::anchor::Anchor {
    otalusta::audit::anchor::Anchor::from_parts(
        fresh
            .dir
            .path()
            .join(otalusta::core::config::CHECKPOINT_FILE),
        None,
        &Keys::derive(TEST_KEY.as_bytes()),
    )
}

fn cli(fresh: &FreshDb, args: &[&str]) -> (i32, String) {
    run(&fresh.url, fresh.dir.path().to_str().unwrap(), args, "")
}

#[tokio::test]
async fn retention_removes_only_what_is_older_than_twelve_years_and_the_log_verifies() {
    let fresh = FreshDb::new().await;
    let db = filled(&fresh, 120, 30).await;
    let (code, out) = cli(&fresh, &["audit", "checkpoint"]);
    assert_eq!(code, 0, "{out}");

    // A retention shorter than the law's is refused before anything runs.
    let (code, out) = cli(
        &fresh,
        &["audit", "retention", "--audit-retention-years", "11"],
    );
    assert_ne!(code, 0, "{out}");
    assert!(out.contains("at least 12 years"), "{out}");
    // 151 entries and the one that records the first checkpoint file.
    assert_eq!(count(&db).await, 152);

    // Another node's data directory: the same key, its checkpoints from
    // before the removal (none of them the pin).
    let other = tempfile::tempdir().unwrap();
    for f in ["secret.key", otalusta::core::config::CHECKPOINT_FILE] {
        std::fs::copy(fresh.dir.path().join(f), other.path().join(f)).unwrap();
    }

    let (code, out) = cli(&fresh, &["audit", "retention"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("removed 119 entries"), "{out}");
    // The entry written 12 years less a day ago stays, and every young one;
    // so does the newest old one (a checkpoint after it could pin it).
    let first: i64 = sqlx::query_scalar("SELECT MIN(seq) FROM audit_log")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(first, 120);
    let head = store::head(db.pool()).await.unwrap();
    assert_eq!(head.removed_through, 119);
    // The removal is itself in the log.
    let logged: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'audit.retention' AND object_id = '1-119'",
    )
    .fetch_one(db.pool())
    .await
    .unwrap();
    assert_eq!(logged, 1);

    for args in [
        &["audit", "verify"][..],
        &["audit", "verify", "--from-last-checkpoint"][..],
    ] {
        let (code, out) = cli(&fresh, args);
        assert_eq!(code, 0, "{args:?}: {out}");
        assert!(out.contains("removed by retention"), "{out}");
    }
    // The other node checks the removal by the record stored with it …
    let other_dir = other.path().to_str().unwrap();
    let (code, out) = run(&fresh.url, other_dir, &["audit", "verify"], "");
    assert_eq!(code, 0, "{out}");
    // … and only while its signature holds.
    let pin: String = sqlx::query_scalar("SELECT removed_pin FROM audit_head WHERE id = 1")
        .fetch_one(db.pool())
        .await
        .unwrap();
    let forged = pin.replace("\"seq\":119", "\"seq\":118");
    assert_ne!(forged, pin);
    sqlx::query("UPDATE audit_head SET removed_pin = $1 WHERE id = 1")
        .bind(&forged)
        .execute(db.pool())
        .await
        .unwrap();
    let (code, out) = run(&fresh.url, other_dir, &["audit", "verify"], "");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("no removal record signed"), "{out}");
    sqlx::query("UPDATE audit_head SET removed_pin = $1 WHERE id = 1")
        .bind(&pin)
        .execute(db.pool())
        .await
        .unwrap();

    // A second run finds nothing due.
    let (code, out) = cli(&fresh, &["audit", "retention"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("nothing to remove"), "{out}");

    // The database itself refuses to delete a younger entry, even one the
    // recorded point would cover.
    sqlx::query("UPDATE audit_head SET removed_through = 125 WHERE id = 1")
        .execute(db.pool())
        .await
        .unwrap();
    let refused = sqlx::query("DELETE FROM audit_log WHERE seq = 121")
        .execute(db.pool())
        .await;
    assert!(refused.is_err(), "a young entry was deleted");
    sqlx::query("UPDATE audit_head SET removed_through = 119 WHERE id = 1")
        .execute(db.pool())
        .await
        .unwrap();
    let (code, out) = cli(&fresh, &["audit", "verify"]);
    assert_eq!(code, 0, "{out}");
    db.close().await;
}

/// A checkpoint of today that pinned the newest old entry (nothing was
/// written for a while after it): the removal stops before that entry, so
/// `verify` finds no recent checkpoint of a removed entry.
#[tokio::test]
async fn a_recent_checkpoint_of_the_newest_old_entry_is_no_false_alarm() {
    let fresh = FreshDb::new().await;
    let db = open_log(&fresh).await;
    let start: jiff::Timestamp = START.parse().unwrap();
    append(
        &db,
        (0..50)
            .map(|i| event(start + jiff::SignedDuration::from_mins(i as i64), i))
            .collect(),
    )
    .await;
    // The node's own checkpoint of today, pinning entry 50.
    let anchor = node_anchor(&fresh);
    let pinned = anchor.checkpoint(&db, true).await.unwrap().unwrap();
    assert_eq!(pinned.seq, 50);
    append(
        &db,
        (0..5).map(|i| event(jiff::Timestamp::now(), i)).collect(),
    )
    .await;
    let (code, out) = cli(&fresh, &["audit", "retention"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("removed 49 entries"), "{out}");
    assert_eq!(store::head(db.pool()).await.unwrap().removed_through, 49);
    for args in [
        &["audit", "verify"][..],
        &["audit", "verify", "--from-last-checkpoint"][..],
    ] {
        let (code, out) = cli(&fresh, args);
        assert_eq!(code, 0, "{args:?}: {out}");
    }
    db.close().await;
}

#[tokio::test]
async fn old_entries_deleted_outside_the_job_are_reported() {
    let fresh = FreshDb::new().await;
    let db = filled(&fresh, 40, 5).await;
    let (code, out) = cli(&fresh, &["audit", "checkpoint"]);
    assert_eq!(code, 0, "{out}");
    // Old enough for the trigger, but nobody signed the point first.
    sqlx::query("UPDATE audit_head SET removed_through = 30 WHERE id = 1")
        .execute(db.pool())
        .await
        .unwrap();
    sqlx::query("DELETE FROM audit_log WHERE seq <= 30")
        .execute(db.pool())
        .await
        .unwrap();
    let (code, out) = cli(&fresh, &["audit", "verify"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("no removal record signed"), "{out}");
    // Without even moving the point, the trigger refuses the delete.
    let refused = sqlx::query("DELETE FROM audit_log WHERE seq = 31")
        .execute(db.pool())
        .await;
    assert!(
        refused.is_err(),
        "an entry past the recorded point was deleted"
    );
    db.close().await;
}

async fn count(db: &Db) -> i64 {
    store::count(db).await.unwrap()
}

/// Whoever can write the database (and drop the triggers) deletes the
/// start of the log, young entries, and points `removed_through` at an
/// entry a routine checkpoint pinned: `verify` and the start refuse it.
#[tokio::test]
async fn young_entries_deleted_behind_the_triggers_are_reported() {
    let fresh = FreshDb::new().await;
    let db = filled(&fresh, 0, 10).await;
    let (code, out) = cli(&fresh, &["audit", "checkpoint"]);
    assert_eq!(code, 0, "{out}");
    let pinned = store::head(db.pool()).await.unwrap().seq;
    let mut tx = db.begin().await.unwrap();
    store::append_all(
        &mut tx,
        (0..3).map(|i| event(jiff::Timestamp::now(), i)).collect(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let (code, out) = cli(&fresh, &["audit", "checkpoint"]);
    assert_eq!(code, 0, "{out}");

    let drop = match db.engine() {
        otalusta::core::db::Engine::Sqlite => "DROP TRIGGER audit_log_no_delete",
        otalusta::core::db::Engine::Postgres => "DROP TRIGGER audit_log_no_update ON audit_log",
    };
    sqlx::query(drop).execute(db.pool()).await.unwrap();
    sqlx::query("DELETE FROM audit_log WHERE seq <= $1")
        .bind(pinned)
        .execute(db.pool())
        .await
        .unwrap();
    otalusta::audit::anchor::protect(&db).await.unwrap();
    sqlx::query("UPDATE audit_head SET removed_through = $1 WHERE id = 1")
        .bind(pinned)
        .execute(db.pool())
        .await
        .unwrap();

    for args in [
        &["audit", "verify"][..],
        &["audit", "verify", "--from-last-checkpoint"][..],
    ] {
        let (code, out) = cli(&fresh, args);
        assert_eq!(code, 1, "{args:?}: {out}");
        assert!(out.contains("no removal record signed"), "{out}");
    }
    let anchor = node_anchor(&fresh);
    let refused = anchor.ensure(&db, false).await;
    assert!(
        refused
            .as_ref()
            .is_err_and(|e| e.to_string().contains("no removal record")),
        "{refused:?}"
    );
    db.close().await;
}
