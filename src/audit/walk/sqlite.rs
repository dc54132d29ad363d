//! The walk on SQLite: read connections of its own (`rusqlite`), each in
//! one deferred transaction, so one snapshot of the WAL file each while the
//! app writes on.

use super::{Begin, Head, NOT_TEXT, Part, Walk, conclude, part_count, parts};
use anyhow::Context;
use otalusta_domain::audit::{ChainBreak, RowRef};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use sqlx::sqlite::SqliteConnectOptions;
use std::path::Path;
use std::str::FromStr;

const COLS: &str = "seq, at, actor_id, actor_name, role, action, object_type, object_id, \
                    outcome, client_addr, purpose, prev_hash, hash";

pub(super) fn walk(url: &str, walk: &Walk) -> anyhow::Result<Result<u64, ChainBreak>> {
    let options = SqliteConnectOptions::from_str(url).context("invalid database URL")?;
    let path = options.get_filename();
    let conn = open(path)?;
    let head = read_head(&conn)?;
    let begin = match walk.begin(&head, |seq| {
        Ok(conn
            .query_row(
                "SELECT prev_hash FROM audit_log WHERE seq = ?1",
                [seq],
                |r| Ok(text(r.get_ref(0)?).to_vec()),
            )
            .optional()?)
    })? {
        Ok(b) => b,
        Err(b) => return Ok(Err(b)),
    };
    let starts = parts(begin.from, head.seq, part_count());
    let walked = std::thread::scope(|s| -> anyhow::Result<Vec<Part>> {
        // The earlier parts on connections of their own; the last in the
        // first snapshot, unbounded above, so a row beyond the head is
        // still read (and reported).
        let earlier: Vec<_> = starts
            .windows(2)
            .map(|w| {
                let (lo, hi) = (w[0], w[1]);
                let (head, begin) = (&head, &begin);
                s.spawn(move || -> anyhow::Result<Option<Part>> {
                    let c = open(path)?;
                    if read_head(&c)?.removed_through != head.removed_through {
                        // Retention removed entries in between: this
                        // snapshot holds other rows than the first.
                        return Ok(None);
                    }
                    let part = walk_part(&c, walk, head, begin, lo, Some(hi))?;
                    c.execute_batch("ROLLBACK")?;
                    Ok(Some(part))
                })
            })
            .collect();
        let last_lo = *starts.last().expect("at least one part");
        let last = walk_part(&conn, walk, &head, &begin, last_lo, None)?;
        let mut all = Vec::new();
        for handle in earlier {
            let part = handle
                .join()
                .map_err(|_| anyhow::anyhow!("a thread of the walk failed"))??;
            match part {
                Some(p) => all.push(p),
                None => {
                    return Ok(vec![walk_part(
                        &conn, walk, &head, &begin, begin.from, None,
                    )?]);
                }
            }
        }
        all.push(last);
        Ok(all)
    })?;
    conn.execute_batch("ROLLBACK")?;
    Ok(conclude(walked, &head))
}

/// A read connection in a deferred transaction: its snapshot is taken at
/// its first read.
fn open(path: &Path) -> anyhow::Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .context("could not open the database to walk the access log")?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    // Pages read through a mapping rather than a system call each, up to
    // 64 GiB (SQLite's own cap of 2 GB is raised at build:
    // `.cargo/config.toml`).
    conn.execute_batch("PRAGMA query_only = ON; PRAGMA mmap_size = 68719476736; BEGIN DEFERRED")?;
    Ok(conn)
}

fn read_head(conn: &Connection) -> anyhow::Result<Head> {
    Ok(conn.query_row(
        "SELECT seq, hash, keyed_from, removed_through FROM audit_head WHERE id = 1",
        [],
        |r| {
            Ok(Head {
                seq: r.get(0)?,
                hash: r.get(1)?,
                keyed_from: r.get(2)?,
                removed_through: r.get(3)?,
            })
        },
    )?)
}

fn text<'a>(v: ValueRef<'a>) -> &'a [u8] {
    match v {
        ValueRef::Text(b) | ValueRef::Blob(b) => b,
        _ => NOT_TEXT,
    }
}

/// Walks the rows with `lo <= seq < hi` (no `hi`: to the end).
fn walk_part(
    conn: &Connection,
    walk: &Walk,
    head: &Head,
    begin: &Begin,
    lo: i64,
    hi: Option<i64>,
) -> anyhow::Result<Part> {
    let after = if lo == begin.from {
        begin.after.clone()
    } else {
        conn.query_row(
            "SELECT seq, hash FROM audit_log WHERE seq >= ?1 AND seq < ?2 ORDER BY seq DESC LIMIT 1",
            [begin.from, lo],
            |r| Ok((r.get(0)?, text(r.get_ref(1)?).to_vec())),
        )
        .optional()?
        .or_else(|| begin.after.clone())
    };
    let mut part = Part {
        verifier: walk.verifier(head, after.as_ref()),
    };
    if part.verifier.is_err() {
        return Ok(part);
    }
    let mut stmt = match hi {
        Some(_) => conn.prepare(&format!(
            "SELECT {COLS} FROM audit_log WHERE seq >= ?1 AND seq < ?2 ORDER BY seq"
        ))?,
        None => conn.prepare(&format!(
            "SELECT {COLS} FROM audit_log WHERE seq >= ?1 ORDER BY seq"
        ))?,
    };
    let mut rows = match hi {
        Some(hi) => stmt.query([lo, hi])?,
        None => stmt.query([lo])?,
    };
    while let Some(r) = rows.next()? {
        let t = |i| r.get_ref(i).map(text);
        // A stored actor that is neither a number nor empty: the row was
        // not written so, and its hash is taken as not matching.
        let (actor_id, hash) = match r.get_ref(2)? {
            ValueRef::Integer(i) => (Some(i), t(12)?),
            ValueRef::Null => (None, t(12)?),
            _ => (None, NOT_TEXT),
        };
        let row = RowRef {
            seq: r.get(0)?,
            at: t(1)?,
            actor_id,
            actor_name: t(3)?,
            role: t(4)?,
            action: t(5)?,
            object_type: t(6)?,
            object_id: t(7)?,
            outcome: t(8)?,
            client_addr: t(9)?,
            purpose: t(10)?,
            prev_hash: t(11)?,
            hash,
        };
        if !part.push(&row) {
            break;
        }
    }
    Ok(part)
}
