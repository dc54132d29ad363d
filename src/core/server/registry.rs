//! Every open connection of `core::server`: the cap, the per-address
//! shares, which connection is idle the longest, and the signals that
//! close connections (one idle for a newcomer, all at shutdown).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{Notify, watch};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Signal {
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
pub(super) struct Registry {
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
pub(super) struct ConnGuard {
    registry: Arc<Registry>,
    id: u64,
    state: Arc<ConnState>,
}

impl ConnGuard {
    /// Whether a request of this connection is in the router now.
    pub(super) fn is_busy(&self) -> bool {
        self.state.busy.load(Ordering::Acquire) > 0
    }
}

impl Drop for ConnGuard {
    fn drop(&mut self) {
        self.registry.remove(self.id);
    }
}

/// Marks a connection busy while a request is in the router.
pub(super) struct Busy(Arc<ConnGuard>);

impl Busy {
    pub(super) fn start(conn: Arc<ConnGuard>) -> Busy {
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
    pub(super) fn new(max: usize, per_peer: Option<usize>) -> Registry {
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
    pub(super) fn admit(
        self: &Arc<Self>,
        peer: IpAddr,
    ) -> Option<(Arc<ConnGuard>, watch::Receiver<Signal>)> {
        if let Some(share) = self.per_peer {
            let held = self.lock().per_peer.get(&peer).copied().unwrap_or(0);
            if held >= share && !self.evict(|p| p == peer) {
                self.warn("connection refused: the client address holds its share, all busy");
                return None;
            }
        }
        let open = self.lock().open;
        if open >= self.max && !self.evict(|_| true) {
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
    pub(super) fn evict(&self, matches: impl Fn(IpAddr) -> bool) -> bool {
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

    pub(super) fn signal_all(&self, s: Signal) {
        for e in self.lock().conns.values() {
            let _ = e.signal.send(s);
        }
    }

    /// Waits up to `limit` for every connection to end; returns how many
    /// are left.
    pub(super) async fn wait_empty(&self, limit: Duration) -> usize {
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
    pub(super) fn warn(&self, what: &str) {
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
