//! One storage handle for both engines.
//!
//! Queries go through sqlx's `Any` driver so there is one code path: SQL is
//! written in the dialect both engines accept (`$1` placeholders, `RETURNING`,
//! TEXT timestamps), and only the few places that truly differ branch on
//! [`Engine`]. The portable column types are fixed in ARCHITECTURE.md.

use crate::core::health::DbHealth;
use anyhow::Context;
use otalusta_domain::audit::ChainKey;
use sqlx::AnyConnection;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, AnyPool, Executor, Transaction};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, OwnedMutexGuard};

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// The longest a SQLite writer waits for its turn.
const WRITE_TURN_TIMEOUT: Duration = Duration::from_secs(20);

/// The longest a query waits for a pooled connection (`--db-acquire-timeout`).
/// Short, because while the database is unreachable the pool keeps retrying
/// for this long before it fails, and a request waits with it (sqlx's own
/// default is 30 s, ours was 10 s); the health state (`core::health`) then
/// answers the following requests at once.
pub const DEFAULT_ACQUIRE_TIMEOUT: Duration = Duration::from_secs(3);

/// How a [`Db`] handle connects.
#[derive(Clone, Copy, Debug)]
pub struct DbOptions {
    pub acquire_timeout: Duration,
}

impl Default for DbOptions {
    fn default() -> Self {
        DbOptions {
            acquire_timeout: DEFAULT_ACQUIRE_TIMEOUT,
        }
    }
}

#[derive(Clone)]
pub struct Db {
    pool: AnyPool,
    engine: Engine,
    /// SQLite has one writer at a time: writers of this process queue here
    /// for their turn *before* taking a pooled connection, so a queue of
    /// writers never holds every connection while the one writing needs
    /// another (which gave "database is locked" and pool time-outs).
    write_gate: Arc<Mutex<()>>,
    /// Keys the access log's chain; without it nothing can be logged.
    audit_key: Option<Arc<ChainKey>>,
    /// Whether the database answers (kept by `health::keep_probing`).
    health: Arc<DbHealth>,
    /// For connections outside the pool (the health probe's).
    options: AnyConnectOptions,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db").field("engine", &self.engine).finish()
    }
}

/// A write transaction. It derefs to the connection, so queries take
/// `&mut *tx` (or `&mut **tx` through a `&mut Tx`). Every read a write
/// depends on goes through it too, never through the pool: on PostgreSQL a
/// pooled read would not see the transaction's own rows, and either engine
/// could wait for a connection that the queue of writers holds.
pub struct Tx {
    inner: Transaction<'static, Any>,
    /// Held until the transaction ends (SQLite only).
    _turn: Option<OwnedMutexGuard<()>>,
    audit_key: Option<Arc<ChainKey>>,
}

impl Tx {
    /// The key of the access log's chain, when the handle has one.
    pub fn audit_key(&self) -> Option<&ChainKey> {
        self.audit_key.as_deref()
    }

    pub async fn commit(self) -> sqlx::Result<()> {
        self.inner.commit().await
    }

    pub async fn rollback(self) -> sqlx::Result<()> {
        self.inner.rollback().await
    }
}

impl std::ops::Deref for Tx {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        &self.inner
    }
}

impl std::ops::DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.inner
    }
}

impl Db {
    /// Connects to `url` (`sqlite://FILE` or `postgres://…`) with the
    /// default options; a missing SQLite file is created.
    pub async fn connect(url: &str) -> anyhow::Result<Db> {
        Self::connect_with(url, DbOptions::default()).await
    }

    /// Connects to `url` with `opts`.
    pub async fn connect_with(url: &str, opts: DbOptions) -> anyhow::Result<Db> {
        sqlx::any::install_default_drivers();
        let engine = if url.starts_with("sqlite:") {
            Engine::Sqlite
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Engine::Postgres
        } else {
            anyhow::bail!("unsupported database URL: expected sqlite://FILE or postgres://…");
        };
        let url = match engine {
            Engine::Sqlite if !url.contains("mode=") => {
                let sep = if url.contains('?') { '&' } else { '?' };
                format!("{url}{sep}mode=rwc")
            }
            _ => url.to_owned(),
        };
        let options = AnyConnectOptions::from_str(&url).context("invalid database URL")?;
        let pool = AnyPoolOptions::new()
            .max_connections(match engine {
                Engine::Sqlite => 8,
                Engine::Postgres => 16,
            })
            .acquire_timeout(opts.acquire_timeout)
            // A SQLite connection lives in this process: pinging it before
            // every use only costs a hand-over to its thread. A PostgreSQL
            // connection is checked, so a restarted server costs no errors.
            .test_before_acquire(engine == Engine::Postgres)
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if engine == Engine::Sqlite {
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                        conn.execute("PRAGMA busy_timeout = 10000").await?;
                        conn.execute("PRAGMA synchronous = FULL").await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options.clone())
            .await
            .context("could not connect to the database")?;
        if engine == Engine::Sqlite {
            // WAL is a property of the file: set once, kept by every connection.
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await
                .context("could not switch SQLite to WAL mode")?;
        }
        Ok(Db {
            pool,
            engine,
            write_gate: Arc::new(Mutex::new(())),
            audit_key: None,
            health: Arc::new(DbHealth::default()),
            options,
        })
    }

    /// This handle's writes can append to the access log, keyed with `key`.
    pub fn with_audit_key(mut self, key: ChainKey) -> Db {
        self.audit_key = Some(Arc::new(key));
        self
    }

    pub fn audit_key(&self) -> Option<&ChainKey> {
        self.audit_key.as_deref()
    }

    /// A read-only transaction that sees one moment of the database, while
    /// others keep writing (PostgreSQL: repeatable read; SQLite in WAL mode:
    /// a deferred transaction's snapshot starts at its first read).
    pub async fn snapshot(&self) -> sqlx::Result<Transaction<'static, Any>> {
        let mut tx = self.pool.begin().await?;
        if self.engine == Engine::Postgres {
            sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .execute(&mut *tx)
                .await?;
        }
        Ok(tx)
    }

    /// Applies pending migrations of this engine.
    pub async fn migrate(&self) -> anyhow::Result<()> {
        let migrator = match self.engine {
            Engine::Sqlite => &SQLITE_MIGRATIONS,
            Engine::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator
            .run(&self.pool)
            .await
            .context("database migration failed")?;
        Ok(())
    }

    /// Whether migration `version` had been applied (false on a new database).
    pub async fn has_migration(&self, version: i64) -> bool {
        sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM _sqlx_migrations WHERE version = $1 AND success",
        )
        .bind(version)
        .fetch_one(&self.pool)
        .await
        .is_ok_and(|n| n > 0)
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Starts a write transaction. On SQLite it waits for this process's
    /// turn, then takes the write lock at once (`BEGIN IMMEDIATE`), so
    /// writers queue instead of failing on upgrade; other processes on the
    /// same file (the command line) are waited for by `busy_timeout`.
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        match self.engine {
            Engine::Sqlite => {
                // A writer that waits this long is stuck (or a transaction
                // began inside another): fail like a pool time-out, never hang.
                let turn =
                    tokio::time::timeout(WRITE_TURN_TIMEOUT, self.write_gate.clone().lock_owned())
                        .await
                        .map_err(|_| sqlx::Error::PoolTimedOut)?;
                let inner = self.pool.begin_with("BEGIN IMMEDIATE").await?;
                Ok(Tx {
                    inner,
                    _turn: Some(turn),
                    audit_key: self.audit_key.clone(),
                })
            }
            Engine::Postgres => Ok(Tx {
                inner: self.pool.begin().await?,
                _turn: None,
                audit_key: self.audit_key.clone(),
            }),
        }
    }

    /// Whether transactions should lock the rows they change (`FOR UPDATE`):
    /// PostgreSQL runs writers side by side; SQLite runs one at a time.
    pub fn locks_rows(&self) -> bool {
        self.engine == Engine::Postgres
    }

    /// Whether the database answers, as this node last saw it; a closed
    /// pool (the node is stopping) never does.
    #[must_use]
    pub fn is_up(&self) -> bool {
        if self.pool.is_closed() {
            if self.health.is_up() {
                self.health.mark_down("pool-closed");
            }
            return false;
        }
        self.health.is_up()
    }

    /// The state as `/health?details=1` tells it.
    pub fn health_snapshot(&self) -> crate::core::health::Snapshot {
        let _ = self.is_up();
        self.health.snapshot()
    }

    /// The node's database health state (see `core::health`).
    pub fn health(&self) -> &Arc<DbHealth> {
        &self.health
    }

    /// The options the pool connects with, for a connection of one's own.
    pub fn connect_options(&self) -> &AnyConnectOptions {
        &self.options
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// The versions (number, description) each engine's migrations define.
pub fn migration_versions(engine: Engine) -> Vec<(i64, String)> {
    let m = match engine {
        Engine::Sqlite => &SQLITE_MIGRATIONS,
        Engine::Postgres => &POSTGRES_MIGRATIONS,
    };
    m.iter()
        .map(|m| (m.version, m.description.to_string()))
        .collect()
}

/// Current time in the stored form: UTC, RFC 3339, microseconds, `Z`.
/// `n` bind parameters numbered from `first`, for an `IN (…)` list:
/// `marks(2, 3)` is `$2, $3, $4`. Both engines cap the number of
/// parameters (SQLite 32 766): bind long lists in chunks.
pub fn marks(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How many values an `IN (…)` list binds at most at once.
pub const IN_CHUNK: usize = 500;

pub fn now() -> String {
    timestamp(jiff::Timestamp::now())
}

pub fn timestamp(ts: jiff::Timestamp) -> String {
    ts.strftime("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

/// Parses a stored timestamp.
pub fn parse_timestamp(s: &str) -> Option<jiff::Timestamp> {
    s.parse().ok()
}

/// Stores a flag as 0/1 (the `Any` driver has no portable boolean).
pub fn flag(b: bool) -> i64 {
    i64::from(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_number_the_parameters_from_the_first() {
        assert_eq!(marks(1, 3), "$1, $2, $3");
        assert_eq!(marks(2, 1), "$2");
        assert_eq!(marks(1, 0), "");
    }

    #[test]
    fn timestamps_are_fixed_width_and_sortable() {
        let a = timestamp("2026-01-02T03:04:05Z".parse().unwrap());
        let b = timestamp("2026-01-02T03:04:05.5Z".parse().unwrap());
        assert_eq!(a, "2026-01-02T03:04:05.000000Z");
        assert_eq!(b, "2026-01-02T03:04:05.500000Z");
        assert!(a < b);
        assert_eq!(
            parse_timestamp(&b),
            Some("2026-01-02T03:04:05.5Z".parse().unwrap())
        );
    }

    #[test]
    fn both_engines_define_the_same_migrations() {
        assert_eq!(
            migration_versions(Engine::Sqlite),
            migration_versions(Engine::Postgres)
        );
    }
}
