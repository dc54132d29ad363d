//! Login throttling's counters in the database (`login_throttle`), changed
//! only inside the caller's transaction with their rows locked, so the
//! count holds however many requests and nodes log in at once. The rules
//! are `otalusta_domain::throttle`; this module only reads and writes.

use crate::core::db::{self, Tx};
use otalusta_domain::throttle::{self, Counter, Refusal};
use sqlx::AssertSqlSafe;

/// The two counters of one login: the user name's and the address's.
#[derive(Clone, Debug)]
pub struct Keys {
    name: String,
    addr: String,
}

impl Keys {
    /// `username` already normalised.
    pub fn new(username: &str, client_addr: &str) -> Keys {
        Keys {
            name: format!("name:{username}"),
            addr: format!("addr:{client_addr}"),
        }
    }
}

/// What a reserved check turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    WrongPassword,
    RightPassword,
}

/// Reserves a password check for `keys`, or says why not; the caller
/// commits (and logs a refusal in the same transaction). The time is read
/// once the rows are locked, so it is never earlier than a reservation
/// this one waited for.
pub async fn reserve(tx: &mut Tx, lock: bool, keys: &Keys) -> sqlx::Result<Result<(), Refusal>> {
    let (name, addr) = lock_both(tx, lock, keys).await?;
    let now = jiff::Timestamp::now();
    if let Err(refusal) = throttle::decide(name, addr, now) {
        return Ok(Err(refusal));
    }
    save(tx, &keys.name, name.reserved(now)).await?;
    save(tx, &keys.addr, addr.reserved(now)).await?;
    Ok(Ok(()))
}

/// Reports the outcome of a check [`reserve`] allowed.
pub async fn report(tx: &mut Tx, lock: bool, keys: &Keys, outcome: Outcome) -> sqlx::Result<()> {
    let (name, addr) = lock_both(tx, lock, keys).await?;
    let now = jiff::Timestamp::now();
    let (name, addr) = match outcome {
        Outcome::WrongPassword => (name.failed(now), addr.failed(now)),
        Outcome::RightPassword => (name.succeeded(now, true), addr.succeeded(now, false)),
    };
    save(tx, &keys.name, name).await?;
    save(tx, &keys.addr, addr).await
}

/// Counters whose window ended before `before` (a janitor's clean-up:
/// such a row counts nothing).
pub async fn purge(tx: &mut Tx, before: jiff::Timestamp) -> sqlx::Result<u64> {
    let before = db::timestamp(before);
    let r = sqlx::query("DELETE FROM login_throttle WHERE window_start < $1 AND last_at < $1")
        .bind(&before)
        .execute(&mut **tx)
        .await?;
    Ok(r.rows_affected())
}

/// Makes sure both rows exist, then reads them locked (PostgreSQL:
/// `FOR UPDATE`, in key order so that two logins never wait for each
/// other crosswise; SQLite: the transaction already holds the write lock).
async fn lock_both(tx: &mut Tx, lock: bool, keys: &Keys) -> sqlx::Result<(Counter, Counter)> {
    // "addr:" sorts before "name:": rows are created in key order too.
    sqlx::query("INSERT INTO login_throttle (key) VALUES ($1), ($2) ON CONFLICT (key) DO NOTHING")
        .bind(&keys.addr)
        .bind(&keys.name)
        .execute(&mut **tx)
        .await?;
    let lock = if lock { " FOR UPDATE" } else { "" };
    let rows: Vec<(String, i64, i64, String, String)> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT key, failures, pending, window_start, last_at FROM login_throttle \
         WHERE key = $1 OR key = $2 ORDER BY key{lock}"
    )))
    .bind(&keys.addr)
    .bind(&keys.name)
    .fetch_all(&mut **tx)
    .await?;
    let find = |key: &str| {
        rows.iter()
            .find(|r| r.0 == key)
            .map(|(_, failures, pending, start, last)| Counter {
                failures: *failures,
                pending: *pending,
                window_start: db::parse_timestamp(start),
                last_at: db::parse_timestamp(last),
            })
            .unwrap_or_default()
    };
    Ok((find(&keys.name), find(&keys.addr)))
}

async fn save(tx: &mut Tx, key: &str, c: Counter) -> sqlx::Result<()> {
    let ts = |t: Option<jiff::Timestamp>| t.map(db::timestamp).unwrap_or_default();
    sqlx::query(
        "UPDATE login_throttle SET failures = $1, pending = $2, window_start = $3, last_at = $4 \
         WHERE key = $5",
    )
    .bind(c.failures)
    .bind(c.pending)
    .bind(ts(c.window_start))
    .bind(ts(c.last_at))
    .bind(key)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
