//! The database goes away and comes back. A node in between answers at
//! once (503: a localized page, a problem document, `/health`), never with
//! an empty body and never after the old 10-second wait, and serves again
//! when the database is back, without a restart.
//!
//! PostgreSQL only: a TCP proxy (real sockets, below) sits between the node
//! and its database and is cut and restored. SQLite is a file inside the
//! process: there is no connection to lose, and an unreadable file cannot
//! be made without root (open descriptors keep working), so there the test
//! says it is skipped.

use crate::helpers::*;
use otalusta_domain::role::Role;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// A TCP proxy to one upstream that can be cut (new connections refused,
/// open ones dropped) and restored on the same port.
struct Proxy {
    addr: SocketAddr,
    upstream: SocketAddr,
    tasks: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl Proxy {
    async fn start(upstream: SocketAddr) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let proxy = Proxy {
            addr: listener.local_addr().unwrap(),
            upstream,
            tasks: Arc::default(),
        };
        proxy.serve(listener);
        proxy
    }

    fn serve(&self, listener: TcpListener) {
        let (upstream, tasks) = (self.upstream, self.tasks.clone());
        let accept = tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                let pipe = tokio::spawn(async move {
                    if let Ok(mut outbound) = TcpStream::connect(upstream).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                });
                tasks.lock().unwrap().push(pipe);
            }
        });
        self.tasks.lock().unwrap().push(accept);
    }

    /// Closes the listening socket (connections are refused) and every
    /// open connection (the database's sockets close under the node).
    async fn cut(&self) {
        let tasks: Vec<_> = self.tasks.lock().unwrap().drain(..).collect();
        for t in tasks {
            t.abort();
            let _ = t.await;
        }
        // Refused now, not accepted by a listener that is still closing.
        assert!(TcpStream::connect(self.addr).await.is_err(), "proxy is cut");
    }

    async fn restore(&self) {
        self.serve(TcpListener::bind(self.addr).await.unwrap());
    }
}

/// `url` with its host and port replaced by the proxy's.
fn via(url: &str, proxy: SocketAddr) -> String {
    let mut u = reqwest::Url::parse(url).unwrap();
    u.set_host(Some(&proxy.ip().to_string())).unwrap();
    u.set_port(Some(proxy.port())).unwrap();
    u.to_string()
}

struct Answer {
    status: u16,
    content_type: String,
    retry_after: Option<String>,
    body: String,
    took: Duration,
}

async fn get(c: &reqwest::Client, url: &str) -> Answer {
    let started = Instant::now();
    let res = c.get(url).send().await.unwrap();
    let header = |name: &str| {
        res.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let content_type = header("content-type").unwrap_or_default();
    let retry_after = header("retry-after");
    let status = res.status().as_u16();
    let body = res.text().await.unwrap();
    Answer {
        status,
        content_type,
        retry_after,
        body,
        took: started.elapsed(),
    }
}

/// While the database is known to be down, every answer comes at once.
const AT_ONCE: Duration = Duration::from_secs(2);
/// The first request after the cut may wait for the pool (3 s by
/// default) before the node knows: still far below the old 10 s.
const FIRST_AFTER_CUT: Duration = Duration::from_secs(7);

#[tokio::test]
async fn a_lost_database_is_answered_at_once_and_its_return_is_served_without_a_restart() {
    let Some(admin) = postgres_admin_url() else {
        eprintln!(
            "outage test skipped on SQLite: the database is a file inside the process, \
             with no connection to cut (set OTALUSTA_TEST_POSTGRES_URL to run it)"
        );
        return;
    };
    let admin_url = reqwest::Url::parse(&admin).unwrap();
    let upstream = tokio::net::lookup_host((
        admin_url.host_str().unwrap(),
        admin_url.port().unwrap_or(5432),
    ))
    .await
    .unwrap()
    .next()
    .unwrap();
    let proxy = Proxy::start(upstream).await;
    let proxy_addr = proxy.addr;
    let app = TestApp::spawn_with(move |c| c.database_url = via(&c.database_url, proxy_addr)).await;
    assert!(app.database_url.contains(&proxy_addr.to_string()));

    let person = app.login(Role::Requester).await;
    let page = app.url("/account");
    let api = app.url("/api/v1/requests");
    assert_eq!(get(&person, &page).await.status, 200);
    assert_eq!(get(&person, &api).await.status, 200);

    proxy.cut().await;

    // The first request finds out (unless the probe was quicker).
    let first = get(&person, &page).await;
    assert_eq!(first.status, 503, "{}", first.body);
    assert!(
        first.took < FIRST_AFTER_CUT,
        "first answer took {:?}",
        first.took
    );
    assert!(first.body.contains("<main"), "a whole page: {}", first.body);

    // Now the node knows: everything answers at once.
    let health = get(&person, &app.url("/health")).await;
    assert_eq!(health.status, 503);
    assert_eq!(health.body, r#"{"status":"unavailable"}"#);
    assert!(health.took < AT_ONCE, "/health took {:?}", health.took);

    let page_down = get(&person, &page).await;
    assert_eq!(page_down.status, 503);
    assert!(page_down.took < AT_ONCE, "page took {:?}", page_down.took);
    assert!(page_down.content_type.starts_with("text/html"));
    assert!(
        page_down
            .body
            .contains("Palvelu ei juuri nyt saa yhteyttä tietokantaansa."),
        "{}",
        page_down.body
    );
    assert_eq!(page_down.retry_after.as_deref(), Some("5"));
    let swedish = get(&app.client(), &app.url("/account?lang=sv")).await;
    assert_eq!(swedish.status, 503);
    assert!(
        swedish
            .body
            .contains("Tjänsten når just nu inte sin databas."),
        "{}",
        swedish.body
    );

    let api_down = get(&person, &api).await;
    assert_eq!(api_down.status, 503);
    assert!(api_down.took < AT_ONCE, "API took {:?}", api_down.took);
    assert_eq!(api_down.content_type, "application/problem+json");
    let problem: serde_json::Value = serde_json::from_str(&api_down.body).unwrap();
    assert_eq!(problem["type"], "/api/v1/problems/unavailable");
    assert_eq!(problem["status"], 503);
    assert!(problem["detail"].as_str().unwrap().contains("database"));

    // Without a session too, and the login page.
    let anonymous = app.client();
    let login = get(&anonymous, &app.url("/login")).await;
    assert_eq!(login.status, 503);
    assert!(login.took < AT_ONCE);
    // What needs no database is served.
    let css = get(&anonymous, &app.url("/static/app.css")).await;
    assert_eq!(css.status, 200);
    // Details say since when and what kind of error, no more.
    let details = get(&anonymous, &app.url("/health?details=1")).await;
    let details: serde_json::Value = serde_json::from_str(&details.body).unwrap();
    assert_eq!(details["status"], "unavailable");
    assert!(details["database"]["since"].is_string(), "{details}");
    assert!(details["database"]["last_error"].is_string(), "{details}");
    assert!(!details.to_string().contains("postgres"), "{details}");

    // The database is back: the node sees it within moments, no restart.
    proxy.restore().await;
    let back = Instant::now();
    loop {
        if get(&anonymous, &app.url("/health")).await.status == 200 {
            break;
        }
        assert!(back.elapsed() < Duration::from_secs(10), "still down");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let page_back = get(&person, &page).await;
    assert_eq!(page_back.status, 200, "{}", page_back.body);
    let api_back = get(&person, &api).await;
    assert_eq!(api_back.status, 200, "{}", api_back.body);
    // The session survived the outage: it is in the database.
    assert!(page_back.body.contains("demo-requester"));
}
