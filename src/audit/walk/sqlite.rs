//! The walk on SQLite: its own read connection (`rusqlite`), one deferred
//! transaction, so one snapshot of the WAL file while the app writes on.

use super::{Head, Pipeline, Walk};
use anyhow::Context;
use otalusta_domain::audit::ChainBreak;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use sqlx::sqlite::SqliteConnectOptions;
use std::str::FromStr;

/// What a text column holding something else reads as: no writer stores
/// it, so the row's hash cannot match and the walk reports the change.
const NOT_TEXT: &[u8] = b"\xff";

fn text<'a>(v: ValueRef<'a>) -> &'a [u8] {
    match v {
        ValueRef::Text(b) | ValueRef::Blob(b) => b,
        _ => NOT_TEXT,
    }
}

pub(super) fn walk(url: &str, walk: Walk) -> anyhow::Result<Result<u64, ChainBreak>> {
    let options = SqliteConnectOptions::from_str(url).context("invalid database URL")?;
    let conn = Connection::open_with_flags(
        options.get_filename(),
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .context("could not open the database to walk the access log")?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.execute_batch("PRAGMA query_only = ON; BEGIN DEFERRED")?;
    let head = conn.query_row(
        "SELECT seq, hash, keyed_from FROM audit_head WHERE id = 1",
        [],
        |r| {
            Ok(Head {
                seq: r.get(0)?,
                hash: r.get(1)?,
                keyed_from: r.get(2)?,
            })
        },
    )?;
    let begun = walk.begin(&head, |seq| {
        Ok(conn
            .query_row(
                "SELECT prev_hash FROM audit_log WHERE seq = ?1",
                [seq],
                |r| r.get(0),
            )
            .optional()?)
    })?;
    let (verifier, from) = match begun {
        Ok(v) => v,
        Err(b) => return Ok(Err(b)),
    };
    let mut pipeline = Pipeline::new(verifier, head);
    {
        let mut stmt = conn.prepare(
            "SELECT seq, at, actor_id, actor_name, role, action, object_type, object_id, \
             outcome, client_addr, purpose, prev_hash, hash \
             FROM audit_log WHERE seq >= ?1 ORDER BY seq",
        )?;
        let mut rows = stmt.query([from])?;
        while let Some(r) = rows.next()? {
            let t = |i| r.get_ref(i).map(text);
            // A stored actor that is neither a number nor empty: the row
            // was not written so, and its hash is taken as not matching.
            let (actor_id, hash) = match r.get_ref(2)? {
                ValueRef::Integer(i) => (Some(i), t(12)?),
                ValueRef::Null => (None, t(12)?),
                _ => (None, NOT_TEXT),
            };
            let more = pipeline.push(
                r.get(0)?,
                actor_id,
                [
                    t(1)?,
                    t(3)?,
                    t(4)?,
                    t(5)?,
                    t(6)?,
                    t(7)?,
                    t(8)?,
                    t(9)?,
                    t(10)?,
                    t(11)?,
                    hash,
                ],
            );
            if !more {
                break;
            }
        }
    }
    conn.execute_batch("ROLLBACK")?;
    pipeline.finish()
}
