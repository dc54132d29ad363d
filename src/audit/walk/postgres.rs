//! The walk on PostgreSQL: its own connection, one repeatable-read
//! snapshot, the rows as a binary `COPY` stream parsed on the thread that
//! follows the chain.

use super::copy::{self, Reader};
use super::{Head, Pipeline, Walk};
use anyhow::Context;
use futures_util::TryStreamExt;
use otalusta_domain::audit::ChainBreak;
use sqlx::postgres::{PgConnectOptions, PgConnection};
use sqlx::{ConnectOptions, Connection, Executor};
use std::str::FromStr;

/// Bytes of the stream handed over at a time.
const CHUNK: usize = 1 << 20;

pub(super) async fn walk(url: &str, walk: Walk) -> anyhow::Result<Result<u64, ChainBreak>> {
    let options = PgConnectOptions::from_str(url).context("invalid database URL")?;
    let mut conn: PgConnection = options
        .connect()
        .await
        .context("could not connect to walk the access log")?;
    conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        .await?;
    let (seq, hash, keyed_from): (i64, String, i64) =
        sqlx::query_as("SELECT seq, hash, keyed_from FROM audit_head WHERE id = 1")
            .fetch_one(&mut conn)
            .await?;
    let head = Head {
        seq,
        hash,
        keyed_from,
    };
    let prev = match &walk.start {
        super::Start::At(seq) => {
            sqlx::query_scalar("SELECT prev_hash FROM audit_log WHERE seq = $1")
                .bind(seq)
                .fetch_optional(&mut conn)
                .await?
        }
        super::Start::Beginning(_) => None,
    };
    let (verifier, from) = match walk.begin(&head, |_| Ok(prev))? {
        Ok(v) => v,
        Err(b) => return Ok(Err(b)),
    };
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Vec<u8>>(4);
    let follow = tokio::task::spawn_blocking(move || {
        let mut pipeline = Pipeline::new(verifier, head);
        let mut reader = Reader::default();
        while let Some(chunk) = rx.blocking_recv() {
            let more = reader.feed(&chunk, |f| {
                let text = |i: usize| f[i].unwrap_or_default();
                let seq = copy::int8(f[0])?.context("a row without seq")?;
                Ok(pipeline.push(
                    seq,
                    copy::int8(f[2])?,
                    [
                        text(1),
                        text(3),
                        text(4),
                        text(5),
                        text(6),
                        text(7),
                        text(8),
                        text(9),
                        text(10),
                        text(11),
                        text(12),
                    ],
                ))
            })?;
            if !more {
                return pipeline.finish();
            }
        }
        anyhow::ensure!(reader.ended(), "the COPY stream ended early");
        pipeline.finish()
    });
    // `from` is a number: the statement takes no parameters.
    let statement = format!(
        "COPY (SELECT seq, at, actor_id, actor_name, role, action, object_type, object_id, \
         outcome, client_addr, purpose, prev_hash, hash FROM audit_log \
         WHERE seq >= {from} ORDER BY seq) TO STDOUT (FORMAT binary)"
    );
    let sent = async {
        let mut stream = conn.copy_out_raw(&statement).await?;
        let mut chunk = Vec::with_capacity(CHUNK + (64 << 10));
        while let Some(bytes) = stream.try_next().await? {
            chunk.extend_from_slice(&bytes);
            if chunk.len() >= CHUNK {
                let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK + (64 << 10)));
                if tx.send(full).await.is_err() {
                    // The walk found its break and stopped reading.
                    return Ok(false);
                }
            }
        }
        let _ = tx.send(chunk).await;
        anyhow::Ok(true)
    }
    .await;
    drop(tx);
    let walked = follow.await??;
    match sent {
        // Read to the end: the snapshot is let go of as usual.
        Ok(true) => conn.close().await?,
        // Stopped inside the stream: the connection is dropped with it.
        Ok(false) => {}
        Err(e) => return Err(e),
    }
    Ok(walked)
}
