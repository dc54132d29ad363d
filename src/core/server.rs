//! The HTTP server loop: accepting connections, what one client may hold,
//! and stopping within a deadline.
//!
//! `axum::serve` has no time-outs, no connection cap and a graceful
//! shutdown that waits for every connection forever: one client sending
//! half a request head kept a stopping node alive, and a thousand idle
//! connections took every file descriptor. This loop drives hyper's HTTP/1
//! connections itself so that:
//!
//! - a request head must arrive within `header_timeout` (hyper's
//!   `header_read_timeout` with a timer; hyper starts that clock whenever
//!   it waits for a head, so it also closes idle keep-alive connections);
//! - at `max_connections` the connection idle the longest (no request in a
//!   handler; half a head is idle) is closed for the new one, and a client
//!   address holding its share (`max_connections_per_peer`) loses its own
//!   oldest idle connection instead: a flood of idle connections cannot
//!   lock a normal user out, and busy connections are bounded by the
//!   request time-out (`core::deadline`);
//! - accept errors (EMFILE when descriptors run out) close an idle
//!   connection and wait a moment, never spin;
//! - on shutdown idle connections close at once, requests in flight get
//!   `shutdown_grace` to finish, then whatever is left is dropped (a
//!   dropped handler's transaction rolls back), and `run` returns.
//!
//! "Idle" means no request in the router: a response the handler has
//! returned but hyper is still writing to a slow client counts as idle, so
//! a large download (an attachment) may be cut by eviction at the cap or
//! by a stop, never held open by a client that does not read.

use crate::core::config::ServerLimits;
use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use registry::{Busy, ConnGuard, Registry, Signal};
use std::future::Future;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::watch;

mod registry;

/// Descriptors kept back from client connections: the database pool and
/// SQLite's files, the logs, the checkpoint files, SMTP, the runtime's own.
const FD_RESERVE: u64 = 256;
/// Above this many connections memory, not descriptors, is what runs out.
const MAX_DEFAULT_CONNECTIONS: u64 = 10_000;

/// Raises the soft open-file limit to the hard one; returns the limit in
/// force (`None` where it cannot be read).
pub fn raise_open_file_limit() -> Option<u64> {
    #[cfg(unix)]
    {
        let mut lim = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit/setrlimit only read and write the struct given.
        unsafe {
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) != 0 {
                return None;
            }
            if lim.rlim_cur < lim.rlim_max {
                let mut raised = lim;
                raised.rlim_cur = lim.rlim_max.min(1 << 20);
                if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                    lim = raised;
                }
            }
        }
        #[allow(clippy::unnecessary_cast)] // rlim_t is not u64 on every unix
        Some(lim.rlim_cur as u64)
    }
    #[cfg(not(unix))]
    None
}

/// The default connection cap for an open-file limit: the limit less a
/// reserve (a quarter of a small limit), at most 10 000.
pub fn default_max_connections(open_files: Option<u64>) -> usize {
    let limit = open_files.unwrap_or(1024);
    let reserve = FD_RESERVE.min(limit / 4);
    (limit - reserve).clamp(16, MAX_DEFAULT_CONNECTIONS) as usize
}

/// The default share of one client address: an eighth of the cap.
pub fn default_per_peer(max_connections: usize) -> usize {
    (max_connections / 8).max(8)
}

/// Serves `router` on `listener` until `shutdown` resolves, then stops
/// within `limits.shutdown_grace` (see the module documentation).
pub async fn run(
    listener: TcpListener,
    router: Router,
    limits: &ServerLimits,
    shutdown: impl Future<Output = ()>,
) {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    let registry = Arc::new(Registry::new(
        limits.max_connections.max(1),
        limits.max_connections_per_peer,
    ));
    tokio::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            biased;
            () = &mut shutdown => break,
            r = listener.accept() => r,
        };
        let (stream, peer) = match accepted {
            Ok(a) => a,
            Err(e) if is_connection_error(&e) => continue,
            Err(e) => {
                // Out of descriptors (or memory): free a few and breathe;
                // with nothing to free, or another error, wait a little.
                let freed = if out_of_resources(&e) {
                    (0..8).take_while(|_| registry.evict(|_| true)).count()
                } else {
                    0
                };
                registry.warn(&format!("accept failed: {e}"));
                let pause = if freed > 0 { 10 } else { 100 };
                tokio::select! {
                    () = &mut shutdown => break,
                    () = tokio::time::sleep(Duration::from_millis(pause)) => continue,
                }
            }
        };
        let Some((conn, signal)) = registry.admit(peer_key(peer.ip())) else {
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let served = serve_connection(http.clone(), stream, peer, router.clone(), conn, signal);
        tokio::spawn(served);
    }
    drop(listener);
    registry.signal_all(Signal::Drain);
    let left = registry.wait_empty(limits.shutdown_grace).await;
    if left > 0 {
        tracing::warn!(
            connections = left,
            "shutdown deadline: closing requests still in flight"
        );
        registry.signal_all(Signal::Close);
        registry.wait_empty(Duration::from_secs(2)).await;
    }
}

/// Errors of one connection that came and went before it was accepted.
fn is_connection_error(e: &std::io::Error) -> bool {
    use std::io::ErrorKind::*;
    matches!(
        e.kind(),
        ConnectionAborted | ConnectionReset | ConnectionRefused | Interrupted
    )
}

/// Descriptors or memory ran out: closing idle connections helps.
fn out_of_resources(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    if let Some(code) = e.raw_os_error() {
        return matches!(
            code,
            libc::EMFILE | libc::ENFILE | libc::ENOBUFS | libc::ENOMEM
        );
    }
    e.kind() == std::io::ErrorKind::OutOfMemory
}

/// A client address for the per-peer share: IPv6 by its /64 (one host
/// usually has a whole /64), IPv4 (also IPv4-mapped) as is.
fn peer_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(Ipv6Addr::from(u128::from(v6) & !((1u128 << 64) - 1))),
        },
        v4 => v4,
    }
}

/// Drives one connection until it ends or the registry closes it.
async fn serve_connection(
    http: hyper::server::conn::http1::Builder,
    stream: tokio::net::TcpStream,
    peer: SocketAddr,
    router: Router,
    conn: Arc<ConnGuard>,
    mut signal: watch::Receiver<Signal>,
) {
    let state = conn.clone();
    let service = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
        // Handlers read the client address as axum's `ConnectInfo`.
        req.extensions_mut().insert(ConnectInfo(peer));
        let busy = Busy::start(state.clone());
        let call = tower::ServiceExt::oneshot(router.clone(), req);
        async move {
            let res = call.await;
            drop(busy);
            res
        }
    });
    let connection = http.serve_connection(TokioIo::new(stream), service);
    tokio::pin!(connection);
    let mut draining = false;
    loop {
        tokio::select! {
            res = connection.as_mut() => {
                if let Err(e) = res {
                    tracing::debug!(error = %e, "connection ended");
                }
                break;
            }
            changed = signal.changed() => {
                let s = if changed.is_ok() { *signal.borrow_and_update() } else { Signal::Close };
                match s {
                    Signal::Serve => {}
                    Signal::Close => break,
                    Signal::Drain if !conn.is_busy() => break,
                    Signal::Drain => {
                        // Answer the request in flight, then close.
                        if !draining {
                            draining = true;
                            connection.as_mut().graceful_shutdown();
                        }
                    }
                }
            }
        }
    }
    // Dropping `connection` here closes the socket and drops a handler
    // still running; `conn` leaves the registry with it.
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_cap_keeps_a_reserve() {
        assert_eq!(default_max_connections(Some(1024)), 768);
        assert_eq!(default_max_connections(Some(20_000)), 10_000);
        assert_eq!(default_max_connections(Some(4096)), 3840);
        assert_eq!(default_max_connections(Some(64)), 48);
        assert_eq!(default_max_connections(None), 768);
        assert_eq!(default_per_peer(768), 96);
        assert_eq!(default_per_peer(20), 8);
    }

    #[test]
    fn an_ipv6_client_is_its_64() {
        let key = |s: &str| peer_key(s.parse().unwrap()).to_string();
        assert_eq!(key("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::");
        assert_eq!(key("2001:db8:1:2:bbbb::9"), "2001:db8:1:2::");
        assert_eq!(key("::ffff:203.0.113.7"), "203.0.113.7");
        assert_eq!(key("203.0.113.7"), "203.0.113.7");
    }
}
