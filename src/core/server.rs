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

use crate::core::config::ServerLimits;
use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::collections::HashMap;
use std::future::Future;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::net::TcpListener;
use tokio::sync::{Notify, watch};

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
                // with nothing to free, wait for requests to end.
                let freed = (0..8).take_while(|_| registry.evict(|_| true)).count();
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
                    Signal::Drain if conn.state.busy.load(Ordering::Acquire) == 0 => break,
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Signal {
    Serve,
    /// Stopping: close when idle, else after the request in flight.
    Drain,
    /// Close now.
    Close,
}

/// What the registry and the connection's requests share.
struct ConnState {
    /// Requests of this connection inside the router now.
    busy: AtomicUsize,
    /// Milliseconds since the registry's start when it last became idle.
    idle_since: AtomicU64,
}

struct Entry {
    peer: IpAddr,
    state: Arc<ConnState>,
    signal: watch::Sender<Signal>,
    /// Told to close; no longer counted.
    closing: bool,
}

/// Every open connection, for the cap, the shares and shutdown.
struct Registry {
    epoch: Instant,
    max: usize,
    per_peer: Option<usize>,
    inner: Mutex<Inner>,
    gone: Notify,
    last_warning: Mutex<Option<Instant>>,
}

#[derive(Default)]
struct Inner {
    next_id: u64,
    conns: HashMap<u64, Entry>,
    /// Connections not closing, per peer key.
    per_peer: HashMap<IpAddr, usize>,
    /// Connections not closing.
    open: usize,
}

/// A connection's place in the registry, released when its task ends.
struct ConnGuard {
    registry: Arc<Registry>,
    id: u64,
    state: Arc<ConnState>,
}

impl Drop for ConnGuard {
    fn drop(&mut self) {
        self.registry.remove(self.id);
    }
}

/// Marks a connection busy while a request is in the router.
struct Busy(Arc<ConnGuard>);

impl Busy {
    fn start(conn: Arc<ConnGuard>) -> Busy {
        conn.state.busy.fetch_add(1, Ordering::AcqRel);
        Busy(conn)
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        let now = self.0.registry.millis();
        self.0.state.idle_since.store(now, Ordering::Release);
        self.0.state.busy.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Registry {
    fn new(max: usize, per_peer: Option<usize>) -> Registry {
        Registry {
            epoch: Instant::now(),
            max,
            per_peer: per_peer.filter(|n| *n > 0),
            inner: Mutex::new(Inner::default()),
            gone: Notify::new(),
            last_warning: Mutex::new(None),
        }
    }

    fn millis(&self) -> u64 {
        self.epoch.elapsed().as_millis() as u64
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Makes room for a connection from `peer` (closing idle ones) and
    /// registers it; `None` when only busy connections hold the places.
    fn admit(self: &Arc<Self>, peer: IpAddr) -> Option<(Arc<ConnGuard>, watch::Receiver<Signal>)> {
        if let Some(share) = self.per_peer {
            let held = self.lock().per_peer.get(&peer).copied().unwrap_or(0);
            if held >= share && !self.evict(|p| p == peer) {
                self.warn("connection refused: the client address holds its share, all busy");
                return None;
            }
        }
        if self.lock().open >= self.max && !self.evict(|_| true) {
            self.warn("connection refused: at the connection cap, all busy");
            return None;
        }
        let state = Arc::new(ConnState {
            busy: AtomicUsize::new(0),
            idle_since: AtomicU64::new(self.millis()),
        });
        let (tx, rx) = watch::channel(Signal::Serve);
        let mut inner = self.lock();
        let id = inner.next_id;
        inner.next_id += 1;
        inner.open += 1;
        *inner.per_peer.entry(peer).or_default() += 1;
        inner.conns.insert(
            id,
            Entry {
                peer,
                state: state.clone(),
                signal: tx,
                closing: false,
            },
        );
        let guard = ConnGuard {
            registry: self.clone(),
            id,
            state,
        };
        Some((Arc::new(guard), rx))
    }

    /// Closes the connection idle the longest among those whose peer
    /// `matches`; false when there is none.
    fn evict(&self, matches: impl Fn(IpAddr) -> bool) -> bool {
        let mut inner = self.lock();
        let oldest = inner
            .conns
            .iter()
            .filter(|(_, e)| !e.closing && matches(e.peer))
            .filter(|(_, e)| e.state.busy.load(Ordering::Acquire) == 0)
            .min_by_key(|(id, e)| (e.state.idle_since.load(Ordering::Acquire), **id))
            .map(|(id, _)| *id);
        let Some(id) = oldest else { return false };
        let Inner {
            conns,
            per_peer,
            open,
            ..
        } = &mut *inner;
        let entry = conns.get_mut(&id).expect("found above");
        entry.closing = true;
        let _ = entry.signal.send(Signal::Close);
        *open -= 1;
        uncount(per_peer, entry.peer);
        true
    }

    fn remove(&self, id: u64) {
        let mut inner = self.lock();
        if let Some(e) = inner.conns.remove(&id)
            && !e.closing
        {
            inner.open -= 1;
            uncount(&mut inner.per_peer, e.peer);
        }
        drop(inner);
        self.gone.notify_waiters();
    }

    fn signal_all(&self, s: Signal) {
        for e in self.lock().conns.values() {
            let _ = e.signal.send(s);
        }
    }

    /// Waits up to `limit` for every connection to end; returns how many
    /// are left.
    async fn wait_empty(&self, limit: Duration) -> usize {
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            let gone = self.gone.notified();
            let left = self.lock().conns.len();
            if left == 0 {
                return 0;
            }
            if tokio::time::timeout_at(deadline, gone).await.is_err() {
                return self.lock().conns.len();
            }
        }
    }

    /// Logs `what` at most every ten seconds (a flood must not flood the log).
    fn warn(&self, what: &str) {
        let mut last = self.last_warning.lock().unwrap_or_else(|p| p.into_inner());
        if last.is_none_or(|t| t.elapsed() >= Duration::from_secs(10)) {
            *last = Some(Instant::now());
            let open = self.lock().open;
            tracing::warn!(open, max = self.max, "{what}");
        }
    }
}

fn uncount(per_peer: &mut HashMap<IpAddr, usize>, peer: IpAddr) {
    if let Some(n) = per_peer.get_mut(&peer) {
        *n -= 1;
        if *n == 0 {
            per_peer.remove(&peer);
        }
    }
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

    #[tokio::test]
    async fn at_the_cap_the_longest_idle_goes_and_busy_ones_stay() {
        let r = Arc::new(Registry::new(2, Some(2)));
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        let (first, mut first_rx) = r.admit(a).unwrap();
        tokio::time::sleep(Duration::from_millis(5)).await;
        let (second, second_rx) = r.admit(a).unwrap();
        // A third from `a`: its share is full, its oldest idle one goes.
        let (_third, _) = r.admit(a).unwrap();
        assert_eq!(*first_rx.borrow_and_update(), Signal::Close);
        assert_eq!(*second_rx.borrow(), Signal::Serve);
        drop(first);
        // Both places busy: a newcomer is refused.
        let _busy = (Busy::start(second.clone()), Busy::start(_third.clone()));
        assert!(r.admit(b).is_none());
        drop(_busy);
        assert!(r.admit(b).is_some(), "an idle one makes room");
    }
}
