//! Storage of the access log: append in a transaction, read, verify.

use crate::core::db::{Db, Tx};
use otalusta_domain::audit::{AuditEntry, AuditEvent, Outcome, next_entry};
use sqlx::AssertSqlSafe;
use sqlx::FromRow;

#[derive(FromRow)]
struct Row {
    seq: i64,
    at: String,
    actor_id: Option<i64>,
    actor_name: String,
    role: String,
    action: String,
    object_type: String,
    object_id: String,
    outcome: String,
    client_addr: String,
    purpose: String,
    prev_hash: String,
    hash: String,
}

impl Row {
    fn into_entry(self) -> AuditEntry {
        AuditEntry {
            seq: self.seq,
            event: AuditEvent {
                at: self.at,
                actor_id: self.actor_id,
                actor_name: self.actor_name,
                role: self.role,
                action: self.action,
                object_type: self.object_type,
                object_id: self.object_id,
                // An unknown outcome cannot come from the app; keep the
                // verifier honest by mapping it to a value whose hash fails.
                outcome: Outcome::parse(&self.outcome).unwrap_or(Outcome::Failure),
                client_addr: self.client_addr,
                purpose: self.purpose,
            },
            prev_hash: self.prev_hash,
            hash: self.hash,
        }
    }
}

const COLS: &str = "seq, at, actor_id, actor_name, role, action, object_type, object_id, \
                    outcome, client_addr, purpose, prev_hash, hash";

/// Rows per INSERT (13 parameters each; SQLite allows 32 766).
const INSERT_ROWS: usize = 64;

/// Appends one entry inside the caller's transaction. The head row's update
/// takes its lock first, so concurrent writers (even on other nodes) queue
/// and the chain stays one line.
pub async fn append(tx: &mut Tx, event: AuditEvent) -> sqlx::Result<i64> {
    append_all(tx, vec![event]).await
}

/// Appends entries in order inside the caller's transaction (one per case
/// of a list view); returns the last seq. The head is taken once.
pub async fn append_all(tx: &mut Tx, events: Vec<AuditEvent>) -> sqlx::Result<i64> {
    let Some(key) = tx.audit_key().cloned() else {
        // Never write an entry that could not be verified later.
        return Err(sqlx::Error::Configuration(
            "the access-log key is not loaded".into(),
        ));
    };
    let n = events.len() as i64;
    let (new_seq, mut prev_hash): (i64, String) =
        sqlx::query_as("UPDATE audit_head SET seq = seq + $1 WHERE id = 1 RETURNING seq, hash")
            .bind(n)
            .fetch_one(&mut **tx)
            .await?;
    let mut seq = new_seq - n;
    let mut entries = Vec::with_capacity(events.len());
    for event in events {
        let prev = (seq > 0).then_some((seq, prev_hash.as_str()));
        let entry = next_entry(&key, prev, event);
        seq = entry.seq;
        prev_hash = entry.hash.clone();
        entries.push(entry);
    }
    // Many rows per statement: the head's lock is held for a few round
    // trips, not one per case of a long list.
    for chunk in entries.chunks(INSERT_ROWS) {
        let rows: Vec<String> = (0..chunk.len())
            .map(|r| {
                let marks: Vec<String> = (1..=13).map(|c| format!("${}", r * 13 + c)).collect();
                format!("({})", marks.join(", "))
            })
            .collect();
        let sql = format!("INSERT INTO audit_log ({COLS}) VALUES {}", rows.join(", "));
        let mut q = sqlx::query(AssertSqlSafe(sql));
        for entry in chunk {
            let e = &entry.event;
            q = q
                .bind(entry.seq)
                .bind(&e.at)
                .bind(e.actor_id)
                .bind(&e.actor_name)
                .bind(&e.role)
                .bind(&e.action)
                .bind(&e.object_type)
                .bind(&e.object_id)
                .bind(e.outcome.as_str())
                .bind(&e.client_addr)
                .bind(&e.purpose)
                .bind(&entry.prev_hash)
                .bind(&entry.hash);
        }
        q.execute(&mut **tx).await?;
    }
    sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
        .bind(&prev_hash)
        .execute(&mut **tx)
        .await?;
    Ok(seq)
}

/// Appends one entry in a transaction of its own (reads, logins).
pub async fn record(db: &Db, event: AuditEvent) -> sqlx::Result<i64> {
    let mut tx = db.begin().await?;
    let seq = append(&mut tx, event).await?;
    tx.commit().await?;
    Ok(seq)
}

/// The head of the log: the last seq, its hash, the first keyed seq, and
/// the last seq retention removed (0: none).
#[derive(Clone, Debug, FromRow)]
pub struct Head {
    pub seq: i64,
    pub hash: String,
    pub keyed_from: i64,
    pub removed_through: i64,
    /// The signed removal record of entry `removed_through`
    /// (`otalusta_domain::audit::retention::Removal`; empty when nothing
    /// was removed).
    pub removed_pin: String,
}

pub async fn head<'e, E>(exec: E) -> sqlx::Result<Head>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query_as(
        "SELECT seq, hash, keyed_from, removed_through, removed_pin FROM audit_head WHERE id = 1",
    )
    .fetch_one(exec)
    .await
}

/// The hash recorded for entry `seq`, if there is one.
pub async fn hash_of(db: &Db, seq: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT hash FROM audit_log WHERE seq = $1")
        .bind(seq)
        .fetch_optional(db.pool())
        .await
}

/// Where a walk of the log starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
    /// At the first entry there is: after what retention removed, whose
    /// last hash a signed checkpoint gave (`None` when nothing was removed,
    /// or when the caller has no such checkpoint: then a removal is a gap).
    Beginning(Option<(i64, String)>),
    /// At entry `seq`, taking its `prev_hash` as given: the entries before
    /// it were checked before (an incremental check from a checkpoint).
    At(i64),
}

/// Filters of the auditor's view.
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct Filter {
    #[serde(default)]
    pub actor: String,
    #[serde(default)]
    pub object_type: String,
    #[serde(default)]
    pub object_id: String,
    /// Inclusive UTC bounds in the stored timestamp form.
    #[serde(skip)]
    pub from: Option<String>,
    #[serde(skip)]
    pub to: Option<String>,
    #[serde(skip)]
    pub before_seq: Option<i64>,
}

/// How far an entry's time may run ahead of or behind its place in the
/// chain. `at` is taken when the event is made and `seq` when it is
/// appended under the head's lock, so a request that waits, or a node
/// whose clock is off, writes slightly out of time order; a day is far
/// beyond either.
const TIME_ORDER_SLACK: jiff::SignedDuration = jiff::SignedDuration::from_hours(24);

fn shifted(at: &str, by: jiff::SignedDuration) -> String {
    crate::core::db::parse_timestamp(at)
        .map(|t| crate::core::db::timestamp(t + by))
        .unwrap_or_else(|| at.to_owned())
}

/// The smallest seq of an entry written at or after `at` (by the `at`
/// index: the first such entry's time, then the entries of a day after it).
pub async fn first_seq_from(db: &Db, at: &str) -> sqlx::Result<Option<i64>> {
    let first: Option<String> =
        sqlx::query_scalar("SELECT at FROM audit_log WHERE at >= $1 ORDER BY at LIMIT 1")
            .bind(at)
            .fetch_optional(db.pool())
            .await?;
    let Some(first) = first else {
        return Ok(None);
    };
    // `seq + 0`: a prepared statement's generic plan would otherwise find
    // MIN(seq) by walking the primary key from the start, filtering on `at`
    // (seconds at ten million entries), instead of reading the day's
    // entries through the `at` index.
    sqlx::query_scalar("SELECT MIN(seq + 0) FROM audit_log WHERE at >= $1 AND at <= $2")
        .bind(at)
        .bind(shifted(&first, TIME_ORDER_SLACK))
        .fetch_one(db.pool())
        .await
}

/// The largest seq of an entry written before `at`.
async fn last_seq_before(db: &Db, at: &str) -> sqlx::Result<Option<i64>> {
    let last: Option<String> =
        sqlx::query_scalar("SELECT at FROM audit_log WHERE at < $1 ORDER BY at DESC LIMIT 1")
            .bind(at)
            .fetch_optional(db.pool())
            .await?;
    let Some(last) = last else {
        return Ok(None);
    };
    // `seq + 0`: as in `first_seq_from`.
    sqlx::query_scalar("SELECT MAX(seq + 0) FROM audit_log WHERE at < $1 AND at >= $2")
        .bind(at)
        .bind(shifted(&last, -TIME_ORDER_SLACK))
        .fetch_one(db.pool())
        .await
}

/// The auditor's view: newest first. A period also bounds the entries'
/// sequence numbers (found through the `at` index), so that the newest
/// of a month five years back are found by walking that month only.
pub async fn search(db: &Db, f: &Filter, limit: i64) -> sqlx::Result<Vec<AuditEntry>> {
    let mut sql = format!("SELECT {COLS} FROM audit_log WHERE 1 = 1");
    let mut seq_bounds = Vec::new();
    if let Some(from) = &f.from {
        match first_seq_from(db, from).await? {
            Some(lo) => seq_bounds.push(format!(" AND seq >= {lo}")),
            None => return Ok(Vec::new()),
        }
    }
    if let Some(to) = &f.to {
        match last_seq_before(db, to).await? {
            Some(hi) => seq_bounds.push(format!(" AND seq <= {hi}")),
            None => return Ok(Vec::new()),
        }
    }
    for b in &seq_bounds {
        sql.push_str(b);
    }
    let mut args: Vec<String> = Vec::new();
    let mut push = |cond: &str, v: String, sql: &mut String| {
        args.push(v);
        sql.push_str(&format!(" AND {cond} ${}", args.len()));
    };
    if !f.actor.trim().is_empty() {
        push("actor_name =", f.actor.trim().to_lowercase(), &mut sql);
    }
    if !f.object_type.trim().is_empty() {
        push("object_type =", f.object_type.trim().to_owned(), &mut sql);
    }
    if !f.object_id.trim().is_empty() {
        push("object_id =", f.object_id.trim().to_owned(), &mut sql);
    }
    if let Some(from) = &f.from {
        push("at >=", from.clone(), &mut sql);
    }
    if let Some(to) = &f.to {
        push("at <", to.clone(), &mut sql);
    }
    let mut q_seq = None;
    if let Some(before) = f.before_seq {
        q_seq = Some(before);
        sql.push_str(&format!(" AND seq < ${}", args.len() + 1));
    }
    sql.push_str(&format!(
        " ORDER BY seq DESC LIMIT {}",
        limit.clamp(1, 1000)
    ));
    let mut q = sqlx::query_as::<_, Row>(AssertSqlSafe(sql));
    for a in &args {
        q = q.bind(a);
    }
    if let Some(s) = q_seq {
        q = q.bind(s);
    }
    Ok(q.fetch_all(db.pool())
        .await?
        .into_iter()
        .map(Row::into_entry)
        .collect())
}

/// The entries about any of `ids` (of `object_type`), newest first.
pub async fn of_objects(
    db: &Db,
    object_type: &str,
    ids: &[i64],
    limit: i64,
) -> sqlx::Result<Vec<AuditEntry>> {
    let mut out = Vec::new();
    // Bound in chunks: both engines cap the number of parameters.
    for chunk in ids.chunks(crate::core::db::IN_CHUNK) {
        let sql = format!(
            "SELECT {COLS} FROM audit_log WHERE object_type = $1 AND object_id IN ({}) \
             ORDER BY seq DESC LIMIT {}",
            crate::core::db::marks(2, chunk.len()),
            limit.clamp(1, 10_000)
        );
        let mut q = sqlx::query_as::<_, Row>(AssertSqlSafe(sql)).bind(object_type);
        for id in chunk {
            q = q.bind(id.to_string());
        }
        out.extend(
            q.fetch_all(db.pool())
                .await?
                .into_iter()
                .map(Row::into_entry),
        );
    }
    out.sort_by_key(|e| std::cmp::Reverse(e.seq));
    out.truncate(limit.max(0) as usize);
    Ok(out)
}

/// The entries about one object written in `[from, to)`, oldest first; at
/// most `limit`.
pub async fn of_object_between(
    db: &Db,
    object: (&str, &str),
    from: &str,
    to: &str,
    limit: i64,
) -> sqlx::Result<Vec<AuditEntry>> {
    let sql = format!(
        "SELECT {COLS} FROM audit_log WHERE object_type = $1 AND object_id = $2 \
         AND at >= $3 AND at < $4 ORDER BY seq LIMIT {}",
        limit.max(1)
    );
    Ok(sqlx::query_as::<_, Row>(AssertSqlSafe(sql))
        .bind(object.0)
        .bind(object.1)
        .bind(from)
        .bind(to)
        .fetch_all(db.pool())
        .await?
        .into_iter()
        .map(Row::into_entry)
        .collect())
}

pub async fn count(db: &Db) -> sqlx::Result<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log")
        .fetch_one(db.pool())
        .await?;
    Ok(n)
}
