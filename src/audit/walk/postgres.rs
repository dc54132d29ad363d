//! The walk on PostgreSQL: connections of its own in one repeatable-read
//! snapshot (the first one's, exported to the others), the rows as binary
//! `COPY` streams parsed on the threads that check them.

use super::copy::{self, Reader};
use super::{Begin, Head, NOT_TEXT, Part, Walk, conclude, part_count, parts};
use anyhow::Context;
use futures_util::TryStreamExt;
use otalusta_domain::audit::{ChainBreak, RowRef};
use sqlx::postgres::{PgConnectOptions, PgConnection};
use sqlx::{AssertSqlSafe, ConnectOptions, Connection, Executor};
use std::str::FromStr;

/// Bytes of a stream handed over at a time.
const CHUNK: usize = 1 << 20;

const COLS: &str = "seq, at, actor_id, actor_name, role, action, object_type, object_id, \
                    outcome, client_addr, purpose, prev_hash, hash";

pub(super) async fn walk(url: &str, walk: &Walk) -> anyhow::Result<Result<u64, ChainBreak>> {
    let options = PgConnectOptions::from_str(url).context("invalid database URL")?;
    let mut conn = connect(&options).await?;
    conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        .await?;
    let (seq, hash, keyed_from, removed_through): (i64, String, i64, i64) = sqlx::query_as(
        "SELECT seq, hash, keyed_from, removed_through FROM audit_head WHERE id = 1",
    )
    .fetch_one(&mut conn)
    .await?;
    let head = Head {
        seq,
        hash,
        keyed_from,
        removed_through,
    };
    let prev: Option<String> = match &walk.start {
        super::Start::At(seq) => {
            sqlx::query_scalar("SELECT prev_hash FROM audit_log WHERE seq = $1")
                .bind(seq)
                .fetch_optional(&mut conn)
                .await?
        }
        super::Start::Beginning(_) => None,
    };
    let begin = match walk.begin(&head, |_| Ok(prev.map(String::into_bytes)))? {
        Ok(b) => b,
        Err(b) => return Ok(Err(b)),
    };
    let planned = parts(begin.from, head.seq, part_count());
    let mut others = Vec::new();
    if planned.len() > 1 {
        let snapshot: String = sqlx::query_scalar("SELECT pg_export_snapshot()")
            .fetch_one(&mut conn)
            .await?;
        anyhow::ensure!(
            snapshot.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-'),
            "an unexpected snapshot name"
        );
        for _ in 1..planned.len() {
            // A server at its connection limit: fewer parts.
            let Ok(mut c) = connect(&options).await else {
                break;
            };
            c.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .await?;
            c.execute(AssertSqlSafe(format!(
                "SET TRANSACTION SNAPSHOT '{snapshot}'"
            )))
            .await?;
            others.push(c);
        }
    }
    let starts = parts(begin.from, head.seq, others.len() + 1);
    // The last part on the first connection, unbounded above, so a row
    // beyond the head is still read (and reported).
    let last_lo = *starts.last().expect("at least one part");
    let (head, begin) = (&head, &begin);
    let earlier = others
        .iter_mut()
        .zip(starts.windows(2))
        .map(|(c, w)| walk_part(c, walk, head, begin, w[0], Some(w[1])));
    let last = walk_part(&mut conn, walk, head, begin, last_lo, None);
    let (earlier, last) =
        futures_util::future::join(futures_util::future::try_join_all(earlier), last).await;
    let mut walked = earlier?;
    walked.push(last?);
    // A part that stopped at its break left its stream unread: its
    // connection is dropped rather than closed in turn.
    if walked.iter().all(|p| p.verifier.is_ok()) {
        for c in others.into_iter().chain([conn]) {
            if let Err(e) = c.close().await {
                tracing::warn!(error = %e, "closing a connection of the access-log walk");
            }
        }
    }
    Ok(conclude(walked, head))
}

async fn connect(options: &PgConnectOptions) -> anyhow::Result<PgConnection> {
    options
        .connect()
        .await
        .context("could not connect to walk the access log")
}

/// Walks the rows with `lo <= seq < hi` (no `hi`: to the end): the
/// connection streams them, a blocking thread parses and checks them.
async fn walk_part(
    conn: &mut PgConnection,
    walk: &Walk,
    head: &Head,
    begin: &Begin,
    lo: i64,
    hi: Option<i64>,
) -> anyhow::Result<Part> {
    let after = if lo == begin.from {
        begin.after.clone()
    } else {
        sqlx::query_as::<_, (i64, String)>(
            "SELECT seq, hash FROM audit_log WHERE seq >= $1 AND seq < $2 ORDER BY seq DESC LIMIT 1",
        )
        .bind(begin.from)
        .bind(lo)
        .fetch_optional(&mut *conn)
        .await?
        .map(|(seq, hash)| (seq, hash.into_bytes()))
        .or_else(|| begin.after.clone())
    };
    let mut part = Part {
        verifier: walk.verifier(head, after.as_ref()),
    };
    if part.verifier.is_err() {
        return Ok(part);
    }
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Vec<u8>>(4);
    let check = tokio::task::spawn_blocking(move || {
        let mut reader = Reader::default();
        while let Some(chunk) = rx.blocking_recv() {
            let more = reader.feed(&chunk, |f| {
                let text = |i: usize| f[i].unwrap_or(NOT_TEXT);
                let row = RowRef {
                    seq: copy::int8(f[0])?.context("a row without seq")?,
                    at: text(1),
                    actor_id: copy::int8(f[2])?,
                    actor_name: text(3),
                    role: text(4),
                    action: text(5),
                    object_type: text(6),
                    object_id: text(7),
                    outcome: text(8),
                    client_addr: text(9),
                    purpose: text(10),
                    prev_hash: text(11),
                    hash: text(12),
                };
                Ok(part.push(&row))
            })?;
            if !more {
                return Ok(part);
            }
        }
        anyhow::ensure!(reader.ended(), "the COPY stream ended early");
        Ok(part)
    });
    // The bounds are numbers: the statement takes no parameters.
    let bound = hi.map(|hi| format!(" AND seq < {hi}")).unwrap_or_default();
    let statement = format!(
        "COPY (SELECT {COLS} FROM audit_log WHERE seq >= {lo}{bound} ORDER BY seq) \
         TO STDOUT (FORMAT binary)"
    );
    let sent = async {
        let mut stream = conn.copy_out_raw(&statement).await?;
        let mut chunk = Vec::with_capacity(CHUNK + (64 << 10));
        while let Some(bytes) = stream.try_next().await? {
            chunk.extend_from_slice(&bytes);
            if chunk.len() >= CHUNK {
                let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK + (64 << 10)));
                if tx.send(full).await.is_err() {
                    // The part found its break and stopped reading.
                    return Ok(());
                }
            }
        }
        let _ = tx.send(chunk).await;
        anyhow::Ok(())
    }
    .await;
    drop(tx);
    let part = check.await?;
    // The server's error first: the stream it cut short is only its echo.
    sent?;
    part
}
