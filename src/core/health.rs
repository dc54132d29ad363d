//! Whether the database answers, known without asking it on every request.
//!
//! When the database is unreachable every query would wait for the pool's
//! acquire timeout (the pool retries a refused connection until then), so
//! each request, `/health` included, hung for seconds before failing. So a
//! node keeps a [`DbHealth`] state instead:
//!
//! - a small background probe ([`keep_probing`]) pings the database on a
//!   connection of its own (not the pool's: a busy pool is no outage), each
//!   ping bounded by [`PING_TIMEOUT`], every [`PROBE_EVERY_UP`] while up
//!   and every [`PROBE_EVERY_DOWN`] while down, so recovery is seen within
//!   about a second, without a restart;
//! - requests that meet a connection or pool error ([`outage_class`]) mark
//!   the state down at once and wake the probe, which confirms or clears it;
//! - while down, [`gate`] answers every page and API request at once with a
//!   503 (a localized page or a problem document, `Retry-After`), and
//!   `/health` answers from the state. Static assets are served as usual.

use crate::core::db::Db;
use crate::core::error::AppError;
use crate::core::web::{self, AppState, ReqCtx};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use sqlx::{ConnectOptions, Connection};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::sync::Notify;

/// The longest one probe (connect if needed, then a query) may take.
pub const PING_TIMEOUT: Duration = Duration::from_secs(2);
/// How often the probe looks while the database answers …
pub const PROBE_EVERY_UP: Duration = Duration::from_secs(2);
/// … and while it does not.
pub const PROBE_EVERY_DOWN: Duration = Duration::from_millis(500);
/// The least time between two probes.
const PROBE_GAP: Duration = Duration::from_millis(50);
/// The `Retry-After` of a 503 while the database is down.
pub const RETRY_AFTER_SECS: u64 = 5;

/// The node's view of its database (one per `Db` handle).
#[derive(Debug)]
pub struct DbHealth {
    down: AtomicBool,
    state: Mutex<Changed>,
    wake: Notify,
}

#[derive(Clone, Copy, Debug)]
struct Changed {
    since: jiff::Timestamp,
    last_error: Option<&'static str>,
}

/// What `/health?details=1` tells: no URLs, no messages, only a class.
#[derive(Clone, Copy, Debug)]
pub struct Snapshot {
    pub up: bool,
    /// When the state last changed (or the node started).
    pub since: jiff::Timestamp,
    /// The class of the last error seen (`outage_class`), if any.
    pub last_error: Option<&'static str>,
}

impl Default for DbHealth {
    fn default() -> Self {
        DbHealth {
            down: AtomicBool::new(false),
            state: Mutex::new(Changed {
                since: jiff::Timestamp::now(),
                last_error: None,
            }),
            wake: Notify::new(),
        }
    }
}

impl DbHealth {
    pub fn is_up(&self) -> bool {
        !self.down.load(Ordering::Acquire)
    }

    /// A request saw the database fail with `class`: down, and the probe
    /// confirms (or clears) it at once.
    pub fn mark_down(&self, class: &'static str) {
        self.record_down(class);
        self.wake.notify_one();
    }

    /// The probe saw the database fail (it must not wake itself: it would
    /// spin while the database is down).
    fn record_down(&self, class: &'static str) {
        let mut s = self.state.lock().expect("health state");
        s.last_error = Some(class);
        if !self.down.swap(true, Ordering::AcqRel) {
            s.since = jiff::Timestamp::now();
            tracing::error!(
                class,
                "database unavailable: answering 503 until it is back"
            );
        }
    }

    /// The probe's ping succeeded.
    pub fn mark_up(&self) {
        let mut s = self.state.lock().expect("health state");
        if self.down.swap(false, Ordering::AcqRel) {
            s.since = jiff::Timestamp::now();
            tracing::info!("database answers again");
        }
    }

    pub fn snapshot(&self) -> Snapshot {
        let s = *self.state.lock().expect("health state");
        Snapshot {
            up: self.is_up(),
            since: s.since,
            last_error: s.last_error,
        }
    }
}

/// The class of an error that means the database cannot be reached (as
/// opposed to a query's own error), or `None`.
pub fn outage_class(e: &sqlx::Error) -> Option<&'static str> {
    match e {
        sqlx::Error::PoolTimedOut => Some("pool-timeout"),
        sqlx::Error::PoolClosed => Some("pool-closed"),
        sqlx::Error::Io(_) => Some("io"),
        sqlx::Error::Tls(_) => Some("tls"),
        sqlx::Error::Protocol(_) => Some("protocol"),
        sqlx::Error::WorkerCrashed => Some("worker-crashed"),
        sqlx::Error::Database(d) => {
            let code = d.code()?;
            // PostgreSQL: connection exceptions (08…), the server shutting
            // down or starting (57P01–57P03), too many connections (53300).
            // SQLite: the file cannot be read or opened (SQLITE_IOERR and
            // its extended codes, SQLITE_CANTOPEN).
            let sqlite_primary = code.parse::<i32>().ok().map(|c| c & 0xff);
            (code.starts_with("08")
                || matches!(&*code, "57P01" | "57P02" | "57P03" | "53300")
                || matches!(sqlite_primary, Some(10 | 14)))
            .then_some("server")
        }
        _ => None,
    }
}

/// The same for an error carried in an `anyhow` chain.
pub fn outage_class_in(e: &anyhow::Error) -> Option<&'static str> {
    e.chain()
        .find_map(|c| c.downcast_ref::<sqlx::Error>())
        .and_then(outage_class)
}

/// Keeps the node's [`DbHealth`] current; runs until aborted.
pub async fn keep_probing(db: Db) {
    let health = db.health().clone();
    let mut conn = None;
    loop {
        match tokio::time::timeout(PING_TIMEOUT, ping(&db, &mut conn)).await {
            Ok(Ok(())) => health.mark_up(),
            Ok(Err(e)) => {
                conn = None;
                health.record_down(outage_class(&e).unwrap_or("error"));
            }
            Err(_) => {
                conn = None;
                health.record_down("timeout");
            }
        }
        let every = if health.is_up() {
            PROBE_EVERY_UP
        } else {
            PROBE_EVERY_DOWN
        };
        tokio::select! {
            _ = tokio::time::sleep(every) => {}
            _ = health.wake.notified() => {}
        }
        // However often requests wake it, the probe pings at most this often.
        tokio::time::sleep(PROBE_GAP).await;
    }
}

/// One query on the probe's own connection; a connection that fails is
/// replaced once (a restarted server leaves stale ones that new ones
/// replace fine).
async fn ping(db: &Db, conn: &mut Option<sqlx::AnyConnection>) -> sqlx::Result<()> {
    // SQLite: read the schema page, so an unreadable file shows.
    let sql = match db.engine() {
        crate::core::db::Engine::Sqlite => "SELECT COUNT(*) FROM sqlite_master",
        crate::core::db::Engine::Postgres => "SELECT 1",
    };
    if db.pool().is_closed() {
        return Err(sqlx::Error::PoolClosed);
    }
    if let Some(c) = conn.as_mut()
        && sqlx::query(sql).execute(&mut *c).await.is_ok()
    {
        return Ok(());
    }
    if let Some(old) = conn.take() {
        let _ = old.close_hard().await;
    }
    let mut fresh = db.connect_options().connect().await?;
    sqlx::query(sql).execute(&mut fresh).await?;
    *conn = Some(fresh);
    Ok(())
}

/// Paths that need no database, and no session either: `/health` (which
/// answers from the state) and the static assets. They are served while
/// the database is down.
pub fn needs_no_database(path: &str) -> bool {
    path == "/health" || path == "/favicon.ico" || path.starts_with("/static/")
}

/// While the database is down, answers at once with a 503 instead of
/// letting the request wait for the pool; runs before the session layer
/// (which reads the database) and renders the answer itself.
pub async fn gate(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if needs_no_database(req.uri().path()) || state.db.is_up() {
        return next.run(req).await;
    }
    let Some(ctx) = req.extensions().get::<ReqCtx>().cloned() else {
        return next.run(req).await;
    };
    let wants_json = web::wants_json(req.headers());
    web::error_response(
        &state,
        &ctx,
        None,
        AppError::DatabaseDown("known"),
        wants_json,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connection_and_pool_errors_are_outages_query_errors_are_not() {
        let io = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        assert_eq!(outage_class(&sqlx::Error::Io(io)), Some("io"));
        assert_eq!(
            outage_class(&sqlx::Error::PoolTimedOut),
            Some("pool-timeout")
        );
        assert_eq!(outage_class(&sqlx::Error::RowNotFound), None);
        assert_eq!(outage_class(&sqlx::Error::ColumnNotFound("x".into())), None);
        let wrapped = anyhow::Error::new(sqlx::Error::PoolClosed).context("loading the page");
        assert_eq!(outage_class_in(&wrapped), Some("pool-closed"));
        assert_eq!(outage_class_in(&anyhow::anyhow!("template")), None);
    }

    #[test]
    fn the_state_records_when_it_changed_and_the_last_class() {
        let h = DbHealth::default();
        assert!(h.is_up());
        h.mark_down("io");
        let down = h.snapshot();
        assert!(!down.up);
        assert_eq!(down.last_error, Some("io"));
        h.mark_down("pool-timeout");
        assert_eq!(h.snapshot().since, down.since, "still the same outage");
        h.mark_up();
        let up = h.snapshot();
        assert!(up.up && up.since >= down.since);
        assert_eq!(up.last_error, Some("pool-timeout"));
    }

    #[test]
    fn only_health_and_static_assets_go_without_the_database() {
        for p in ["/health", "/static/app.css", "/favicon.ico"] {
            assert!(needs_no_database(p), "{p}");
        }
        for p in ["/", "/login", "/api/v1/me", "/healthz", "/static"] {
            assert!(!needs_no_database(p), "{p}");
        }
    }
}
