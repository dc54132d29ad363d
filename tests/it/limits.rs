//! The server's limits over real TCP (`core::server`, `core::deadline`):
//! header and request time-outs, the connection cap and the per-address
//! share, and stopping within the shutdown deadline. Bounds on times are
//! generous: they tell a limit that works from one that never fires.

use crate::helpers::*;
use otalusta::core::config::Config;
use otalusta::core::i18n::Lang;
use otalusta_domain::role::Role;
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

/// A connection from `source` (any 127.x.y.z works on Linux's loopback).
async fn connect_from(addr: SocketAddr, source: &str) -> TcpStream {
    let socket = TcpSocket::new_v4().unwrap();
    socket.bind(format!("{source}:0").parse().unwrap()).unwrap();
    socket.connect(addr).await.unwrap()
}

async fn send(s: &mut TcpStream, bytes: &str) {
    s.write_all(bytes.as_bytes()).await.unwrap();
    s.flush().await.unwrap();
}

/// Reads until the server closes the connection; `None` when it is still
/// open after `limit`. What it said before closing comes back.
async fn read_until_closed(s: &mut TcpStream, limit: Duration) -> Option<String> {
    let mut got = Vec::new();
    let read = tokio::time::timeout(limit, async {
        let mut buf = [0u8; 8192];
        loop {
            match s.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await;
    read.ok()
        .map(|()| String::from_utf8_lossy(&got).into_owned())
}

/// Whether the server has closed `s` (an idle connection says nothing).
async fn is_closed(s: &mut TcpStream) -> bool {
    read_until_closed(s, Duration::from_millis(100))
        .await
        .is_some()
}

fn status_of(response: &str) -> Option<u16> {
    response.strip_prefix("HTTP/1.1 ")?.get(..3)?.parse().ok()
}

fn header<'a>(response: &'a str, name: &str) -> Option<&'a str> {
    let head = response.split("\r\n\r\n").next()?;
    head.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

/// A POST whose head and first bytes are sent; the rest never comes. It
/// returns once its handler reads the body (the server's `100 Continue`).
async fn stalled_post(app: &TestApp, path: &str, headers: &str, first: &str) -> TcpStream {
    let s = TcpStream::connect(app.addr).await.unwrap();
    stall(s, path, headers, 100_000, first).await
}

async fn stall(
    mut s: TcpStream,
    path: &str,
    headers: &str,
    length: usize,
    first: &str,
) -> TcpStream {
    send(
        &mut s,
        &format!(
            "POST {path} HTTP/1.1\r\nHost: x\r\n{headers}Expect: 100-continue\r\n\
             Content-Length: {length}\r\n\r\n"
        ),
    )
    .await;
    let mut got = Vec::new();
    while !got.ends_with(b"\r\n\r\n") {
        let mut byte = [0u8; 1];
        let n = tokio::time::timeout(secs(20), s.read(&mut byte))
            .await
            .expect("the handler reads the body")
            .unwrap();
        assert_eq!(n, 1, "closed before the body was read");
        got.push(byte[0]);
    }
    assert!(got.starts_with(b"HTTP/1.1 100"), "{got:?}");
    send(&mut s, first).await;
    s
}

/// The Cookie header of a logged-in `role`, for hand-written requests.
async fn session_cookie(app: &TestApp, role: Role) -> String {
    use reqwest::cookie::CookieStore;
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    let c = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let token = app.csrf(&c, "/login").await;
    let username = otalusta::demo::username(role);
    let res = c
        .post(app.url("/login"))
        .form(&[
            ("csrf", token.as_str()),
            ("username", username.as_str()),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let url = app.url("/").parse().unwrap();
    jar.cookies(&url).unwrap().to_str().unwrap().to_owned()
}

/// A multipart upload that sends its first field and stalls.
async fn stalled_upload(app: &TestApp, cookie: &str) -> TcpStream {
    stalled_post(
        app,
        "/experts/import/upload",
        &format!("Cookie: {cookie}\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n"),
        "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n",
    )
    .await
}

async fn spawn(tweak: impl FnOnce(&mut otalusta::core::config::ServerLimits)) -> TestApp {
    TestApp::spawn_with(|c: &mut Config| tweak(&mut c.server)).await
}

#[tokio::test]
async fn half_a_head_and_an_idle_keep_alive_connection_are_closed() {
    let app = spawn(|l| l.header_timeout = secs(1)).await;
    let mut half = TcpStream::connect(app.addr).await.unwrap();
    send(&mut half, "GET /health HTTP/1.1\r\nHost: x\r\nAccept: ").await;
    let mut idle = TcpStream::connect(app.addr).await.unwrap();
    send(&mut idle, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n").await;
    let mut first = vec![0u8; 4096];
    let n = idle.read(&mut first).await.unwrap();
    assert_eq!(
        status_of(&String::from_utf8_lossy(&first[..n])),
        Some(200),
        "the keep-alive connection served a request"
    );
    assert!(
        read_until_closed(&mut half, secs(15)).await.is_some(),
        "a half-sent head is cut off after the header time-out"
    );
    assert!(
        read_until_closed(&mut idle, secs(15)).await.is_some(),
        "an idle keep-alive connection is closed after the same time"
    );
    // The server itself goes on serving.
    let res = reqwest::get(app.url("/health")).await.unwrap();
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn a_request_over_its_time_gets_503_in_the_shape_its_client_reads() {
    let app = spawn(|l| {
        l.request_timeout = secs(1);
        l.upload_timeout = secs(60);
    })
    .await;
    let cookie = session_cookie(&app, Role::Coordinator).await;
    // An upload has the longer time (started first, checked last).
    let mut upload = stalled_upload(&app, &cookie).await;

    // A page: the form's body trickles in and stops.
    let mut page = stalled_post(
        &app,
        "/login",
        "Accept-Language: sv\r\nContent-Type: application/x-www-form-urlencoded\r\n",
        "csrf=abc&username=",
    )
    .await;
    let res = read_until_closed(&mut page, secs(20))
        .await
        .expect("answered and closed");
    assert_eq!(status_of(&res), Some(503), "{res}");
    assert!(header(&res, "content-type").is_some_and(|v| v.starts_with("text/html")));
    let said = app.state.i18n.t(Lang::Sv, "error-request-timeout", &[]);
    let first_sentence = said.split('.').next().unwrap();
    assert!(res.contains(first_sentence), "Swedish page: {res}");

    // The API: a problem document.
    let mut api = stalled_post(
        &app,
        "/api/v1/session",
        "Content-Type: application/json\r\n",
        "{\"username\": \"demo-",
    )
    .await;
    let res = read_until_closed(&mut api, secs(20))
        .await
        .expect("answered and closed");
    assert_eq!(status_of(&res), Some(503), "{res}");
    assert_eq!(
        header(&res, "content-type"),
        Some("application/problem+json")
    );
    let body = res.split("\r\n\r\n").nth(1).unwrap();
    let problem: serde_json::Value = serde_json::from_str(body).unwrap();
    assert_eq!(problem["type"], "/api/v1/problems/request-timeout");
    assert_eq!(problem["status"], 503);

    assert!(
        read_until_closed(&mut upload, Duration::from_millis(500))
            .await
            .is_none(),
        "the upload is still being read after the pages' time-out"
    );
}

#[tokio::test]
async fn a_write_dropped_at_its_time_out_rolls_back_and_frees_the_database() {
    let app = spawn(|l| l.request_timeout = secs(2)).await;
    let user = app.login(Role::Expert).await;
    // Another connection holds the write lock the handler needs: SQLite's
    // file lock, or PostgreSQL's lock on the access log's head (the
    // handler has inserted its token by then and waits inside its
    // transaction).
    let other = otalusta::core::db::Db::connect(&app.database_url)
        .await
        .unwrap();
    let mut blocker = other.begin().await.unwrap();
    sqlx::query("UPDATE audit_head SET seq = seq WHERE id = 1")
        .execute(&mut *blocker)
        .await
        .unwrap();
    let res = app
        .post_form(&user, "/account", "/account/tokens", &[("name", "hidas")])
        .await;
    assert_eq!(res.status(), 503);
    assert!(res.text().await.unwrap().contains("<main"));
    blocker.rollback().await.unwrap();
    other.close().await;

    // The handler was dropped: its token is not there, and the next write
    // gets the write turn and the locks at once.
    let res = app
        .post_form(&user, "/account", "/account/tokens", &[("name", "nopea")])
        .await;
    assert_eq!(res.status(), 200);
    let names: Vec<(String,)> = sqlx::query_as("SELECT name FROM api_tokens ORDER BY id")
        .fetch_all(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(names, vec![("nopea".to_owned(),)]);
    let db = &app.state.db;
    let chain = otalusta::audit::walk::verify(
        db,
        db.audit_key().unwrap(),
        &[],
        otalusta::audit::store::Start::Beginning(None),
    )
    .await
    .unwrap();
    assert!(chain.is_ok(), "the access log's chain holds: {chain:?}");
}

#[tokio::test]
async fn idle_connections_at_the_cap_make_room_for_a_user() {
    let app = spawn(|l| {
        l.max_connections = 20;
        l.max_connections_per_peer = None;
    })
    .await;
    let mut idle = Vec::new();
    for i in 0..30 {
        let mut s = TcpStream::connect(app.addr).await.unwrap();
        if i % 2 == 0 {
            send(&mut s, "GET / HTTP/1.1\r\nHost: x\r\nX-Half: ").await;
        }
        idle.push(s);
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let c = reqwest::Client::builder()
        .timeout(secs(20))
        .build()
        .unwrap();
    let res = c.get(app.url("/login")).send().await.unwrap();
    assert_eq!(res.status(), 200, "a user is served at the cap");
    let mut closed = Vec::new();
    for s in idle.iter_mut() {
        closed.push(is_closed(s).await);
    }
    assert!(
        closed.iter().filter(|c| **c).count() >= 10,
        "at most 20 stay open: {closed:?}"
    );
    assert!(closed[0] && !closed[29], "the oldest went: {closed:?}");
}

#[tokio::test]
async fn one_address_holds_at_most_its_share() {
    let app = spawn(|l| {
        l.max_connections = 100;
        l.max_connections_per_peer = Some(3);
    })
    .await;
    let form = "Content-Type: application/x-www-form-urlencoded\r\n";
    // Three requests in handlers from one address take its share …
    let mut busy = Vec::new();
    for _ in 0..3 {
        let s = connect_from(app.addr, "127.0.0.2").await;
        busy.push(stall(s, "/login", form, 1000, "csrf=").await);
    }
    // … so its fourth connection is closed unanswered …
    let mut fourth = connect_from(app.addr, "127.0.0.2").await;
    send(&mut fourth, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n").await;
    let said = read_until_closed(&mut fourth, secs(10)).await;
    assert_eq!(said.as_deref(), Some(""), "refused without an answer");
    // … while another address is served.
    let res = reqwest::get(app.url("/health")).await.unwrap();
    assert_eq!(res.status(), 200);

    // An address whose share is idle loses its oldest idle connection.
    let mut idle = Vec::new();
    for _ in 0..3 {
        idle.push(connect_from(app.addr, "127.0.0.3").await);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut next = connect_from(app.addr, "127.0.0.3").await;
    send(
        &mut next,
        "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .await;
    let res = read_until_closed(&mut next, secs(10)).await.unwrap();
    assert_eq!(status_of(&res), Some(200), "{res}");
    assert!(is_closed(&mut idle[0]).await, "the oldest idle one went");
    assert!(!is_closed(&mut idle[2]).await, "the newest stays");
    drop(busy);
}

#[tokio::test]
async fn shutdown_closes_idle_at_once_and_in_flight_at_the_deadline() {
    let app = spawn(|l| {
        l.header_timeout = secs(60);
        l.request_timeout = secs(60);
        l.upload_timeout = secs(60);
        l.shutdown_grace = secs(4);
    })
    .await;
    let cookie = session_cookie(&app, Role::Coordinator).await;
    let mut half = TcpStream::connect(app.addr).await.unwrap();
    send(&mut half, "GET / HTTP/1.1\r\nHost: x\r\nAcc").await;
    let mut upload = stalled_upload(&app, &cookie).await;
    // A form whose body completes after the stop began gets its answer.
    let body = "csrf=abc&username=x&password=y";
    let form = "Content-Type: application/x-www-form-urlencoded\r\n";
    let connection = TcpStream::connect(app.addr).await.unwrap();
    let mut finishing = stall(connection, "/login", form, body.len(), "csrf=").await;

    let started = Instant::now();
    let stopping = tokio::spawn(app.stop());
    assert!(
        read_until_closed(&mut half, secs(3)).await.is_some(),
        "a half-sent head is closed at once"
    );
    send(&mut finishing, &body["csrf=".len()..]).await;
    let answer = read_until_closed(&mut finishing, secs(10)).await.unwrap();
    assert!(
        status_of(&answer).is_some(),
        "in flight, answered: {answer}"
    );
    assert!(
        read_until_closed(&mut upload, Duration::from_millis(500))
            .await
            .is_none(),
        "the stalled upload is given the grace time"
    );
    assert!(
        read_until_closed(&mut upload, secs(15)).await.is_some(),
        "… and closed at its end"
    );
    tokio::time::timeout(secs(15), stopping)
        .await
        .expect("the server stops after its grace time")
        .unwrap();
    assert!(started.elapsed() < secs(20));
}

/// `kill -TERM` and the exit status within `limit` (`None`: still running).
async fn terminate(
    node: &mut crate::nodes::Node,
    limit: Duration,
) -> Option<std::process::ExitStatus> {
    let pid = node.child.id().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    let until = Instant::now() + limit;
    while Instant::now() < until {
        if let Some(status) = node.child.try_wait().unwrap() {
            return Some(status);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    None
}

#[tokio::test]
async fn the_binary_stops_on_sigterm_with_a_stalled_client() {
    let db = FreshDb::new().await;
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_otalusta"));
    cmd.env("OTALUSTA_SHUTDOWN_GRACE_SECS", "2")
        .env("OTALUSTA_HEADER_TIMEOUT_SECS", "60")
        .env("OTALUSTA_REQUEST_TIMEOUT_SECS", "60");
    let mut node = crate::nodes::Node::start_with(&db, "stalled", false, cmd).await;
    let addr = node.addr;
    let mut half = TcpStream::connect(addr).await.unwrap();
    send(&mut half, "GET / HTTP/1.1\r\nHost: x\r\nAccept-Lang").await;
    let form = "Content-Type: application/x-www-form-urlencoded\r\n";
    let connection = TcpStream::connect(addr).await.unwrap();
    let mut stalled = stall(connection, "/login", form, 1000, "csrf=").await;
    let status = terminate(&mut node, secs(25))
        .await
        .expect("the node exits within its grace time (+ slack) after SIGTERM");
    assert!(status.success(), "{status}");
    let log = std::fs::read_to_string(db.dir.path().join("stalled.log")).unwrap();
    assert!(log.contains("otalusta stopped"), "{log}");
    assert!(read_until_closed(&mut half, secs(1)).await.is_some());
    assert!(read_until_closed(&mut stalled, secs(1)).await.is_some());
}

#[tokio::test]
async fn out_of_file_descriptors_a_user_is_still_served() {
    let db = FreshDb::new().await;
    // A low open-file limit and a cap above it: accepting hits EMFILE.
    let mut cmd = std::process::Command::new("prlimit");
    cmd.args(["--nofile=160:160", "--", env!("CARGO_BIN_EXE_otalusta")])
        .env("OTALUSTA_HEADER_TIMEOUT_SECS", "120")
        .env("OTALUSTA_MAX_CONNECTIONS", "1000")
        .env("OTALUSTA_MAX_CONNECTIONS_PER_PEER", "0");
    let mut node = crate::nodes::Node::start_with(&db, "emfile", false, cmd).await;
    let mut flood = Vec::new();
    for _ in 0..220 {
        flood.push(TcpStream::connect(node.addr).await.unwrap());
    }
    let c = reqwest::Client::builder()
        .timeout(secs(30))
        .build()
        .unwrap();
    let res = c
        .get(format!("http://{}/health", node.addr))
        .send()
        .await
        .expect("served while the flood holds the descriptors");
    assert_eq!(res.status(), 200);
    assert!(node.child.try_wait().unwrap().is_none(), "still running");
    let status = terminate(&mut node, secs(25)).await.expect("stops");
    assert!(status.success(), "{status}");
    let log = std::fs::read_to_string(db.dir.path().join("emfile.log")).unwrap();
    assert!(
        log.contains("accept failed"),
        "the flood ran out of descriptors: {log}"
    );
}
