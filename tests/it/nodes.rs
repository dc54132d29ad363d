//! Real `otalusta serve` processes: killed mid-write (crash safety), and two
//! of them on one database (several app nodes behind a load balancer).

use crate::helpers::*;
use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const NODE_PASSWORD: &str = "solmun-salasana-2026";

/// One `otalusta serve` child process.
pub(crate) struct Node {
    pub(crate) child: Child,
    pub(crate) addr: SocketAddr,
}

impl Node {
    /// Starts a node on a free port and waits until `/health` answers.
    async fn start(db: &FreshDb, name: &str, demo: bool) -> Node {
        Self::start_with(db, name, demo, Command::new(env!("CARGO_BIN_EXE_otalusta"))).await
    }

    /// Like `start`, with `cmd` (`otalusta`, or a wrapper whose last
    /// argument so far is it) and flags of its own.
    pub(crate) async fn start_with(db: &FreshDb, name: &str, demo: bool, mut cmd: Command) -> Node {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
        let log = std::fs::File::create(db.dir.path().join(format!("{name}.log"))).unwrap();
        cmd.arg("serve")
            .args(["--listen", &addr.to_string()])
            .args(["--database", &db.url])
            .args(["--data-dir", db.dir.path().to_str().unwrap()])
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log);
        if demo {
            cmd.args(["--demo", "--demo-password", NODE_PASSWORD]);
        }
        let mut child = cmd.spawn().expect("otalusta starts");
        let client = reqwest::Client::new();
        for _ in 0..300 {
            if let Ok(r) = client
                .get(format!("http://{addr}/health"))
                .timeout(Duration::from_secs(2))
                .send()
                .await
                && r.status() == 200
            {
                return Node { child, addr };
            }
            if let Some(status) = child.try_wait().unwrap() {
                let log = std::fs::read_to_string(db.dir.path().join(format!("{name}.log")));
                panic!("node {name} exited with {status}: {log:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("node {name} did not become healthy");
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// SIGKILL: no graceful shutdown, no flush, nothing.
    fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

async fn csrf_of(c: &reqwest::Client, url: &str) -> String {
    let html = c.get(url).send().await.unwrap().text().await.unwrap();
    extract_csrf(&html).unwrap_or_else(|| panic!("no CSRF token on {url}"))
}

async fn web_login(node: &Node, username: &str) -> reqwest::Client {
    let c = browser();
    let token = csrf_of(&c, &node.url("/login")).await;
    let res = c
        .post(node.url("/login"))
        .form(&[
            ("csrf", token.as_str()),
            ("username", username),
            ("password", NODE_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "login of {username}");
    c
}

fn audit_verify(db: &FreshDb) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_otalusta"))
        .args(["audit", "verify", "--database", &db.url])
        .args(["--data-dir", db.dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

/// Creates account `username` through the admin's form; true when the
/// service acknowledged it (the "account created" page).
async fn create_account(base: &str, c: &reqwest::Client, token: &str, username: &str) -> bool {
    let res = c
        .post(format!("{base}/admin/users"))
        .form(&[
            ("csrf", token),
            ("username", username),
            ("display_name", "Kaatumistesti"),
            ("title", "testaaja"),
            ("roles", "expert"),
            ("roles", "secretary"),
        ])
        .send()
        .await;
    match res {
        Ok(r) if r.status() == 200 => r
            .text()
            .await
            .is_ok_and(|body| body.contains(username) && body.contains("<main")),
        _ => false,
    }
}

#[tokio::test]
async fn acknowledged_writes_survive_a_sigkill_and_the_log_stays_intact() {
    let db = FreshDb::new().await;
    let node = Node::start(&db, "a", true).await;
    let admin = web_login(&node, "demo-admin").await;
    let token = csrf_of(&admin, &node.url("/admin/users/new")).await;

    let acked = Arc::new(Mutex::new(Vec::<String>::new()));
    let base = node.url("");
    let mut writers = Vec::new();
    for w in 0..6 {
        let (base, admin, token, acked) =
            (base.clone(), admin.clone(), token.clone(), acked.clone());
        writers.push(tokio::spawn(async move {
            for i in 0.. {
                let name = format!("kaatuja-{w}-{i}");
                if create_account(&base, &admin, &token, &name).await {
                    acked.lock().unwrap().push(name);
                } else {
                    break; // the node is gone
                }
            }
        }));
    }
    // Let writes flow, then kill the node while they are in flight.
    for _ in 0..600 {
        if acked.lock().unwrap().len() >= 30 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    node.kill();
    for w in writers {
        w.await.unwrap();
    }
    let acked: BTreeSet<String> = acked.lock().unwrap().iter().cloned().collect();
    assert!(
        acked.len() >= 30,
        "only {} writes before the kill",
        acked.len()
    );

    let node = Node::start(&db, "a-restarted", false).await;
    let conn = db.connect().await;
    let rows: Vec<(i64, String, i64, i64)> = sqlx::query_as(
        "SELECT u.id, u.username, \
         (SELECT COUNT(*) FROM user_roles r WHERE r.user_id = u.id), \
         (SELECT COUNT(*) FROM audit_log a WHERE a.action = 'user.create' \
            AND a.object_id = CAST(u.id AS TEXT)) \
         FROM users u WHERE u.username LIKE 'kaatuja-%'",
    )
    .fetch_all(conn.pool())
    .await
    .unwrap();
    let stored: BTreeSet<String> = rows.iter().map(|r| r.1.clone()).collect();
    let lost: Vec<_> = acked.difference(&stored).collect();
    assert!(lost.is_empty(), "acknowledged but lost: {lost:?}");
    for (id, name, roles, logged) in &rows {
        assert_eq!(*roles, 2, "{name} (id {id}) is half-written: {roles} roles");
        assert_eq!(
            *logged, 1,
            "{name} (id {id}) has {logged} access-log entries"
        );
    }
    let (code, out) = audit_verify(&db);
    assert_eq!(code, 0, "audit verify after the crash: {out}");

    // The restarted node serves the data it did not write itself.
    let admin = web_login(&node, "demo-admin").await;
    let list = admin
        .get(node.url("/admin/users"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let first = acked.iter().next().unwrap();
    assert!(
        list.contains(first.as_str()),
        "{first} listed after restart"
    );
    conn.close().await;
}

#[tokio::test]
async fn two_nodes_share_sessions_changes_and_one_log_chain() {
    let db = FreshDb::new().await;
    let a = Node::start(&db, "a", true).await;
    let b = Node::start(&db, "b", false).await;

    // Log in on A, go on on B with the same cookie (cookies ignore ports).
    let user = web_login(&a, "demo-coordinator").await;
    let on_b = user
        .get(b.url("/account"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(on_b.contains("Tarja Korhonen"), "B knows A's session");
    // A form token from B is good on A (one key, one session store).
    let token = csrf_of(&user, &b.url("/account")).await;
    let res = user
        .post(a.url("/account/tokens"))
        .form(&[("csrf", token.as_str()), ("name", "raporttiskripti")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    // The change made on A is seen on B.
    let on_b = user
        .get(b.url("/account"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        on_b.contains("raporttiskripti"),
        "B sees the token made on A"
    );
    // Logging out on B ends the session on A too.
    let token = csrf_of(&user, &b.url("/account")).await;
    let res = user
        .post(b.url("/logout"))
        .form(&[("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let res = user.get(a.url("/account")).send().await.unwrap();
    assert_eq!(
        res.status(),
        303,
        "A sends the logged-out user to the login page"
    );

    // A profile added on A is found by B's search index (its own copy,
    // kept current from the database's change feed).
    let coordinator = web_login(&a, "demo-coordinator").await;
    let token = csrf_of(&coordinator, &a.url("/experts/new")).await;
    let res = coordinator
        .post(a.url("/experts"))
        .form(&[
            ("csrf", token.as_str()),
            ("name", "Solmu Kakkonen"),
            ("title", "perheterapeutti"),
            ("email", "solmu@x.fi"),
            ("area", "ita-suomi"),
            ("sectors", "social"),
            ("phenomena", "substitute-care"),
            ("languages", "fi"),
            (
                "description_fi",
                "Tuen sijaisperheitä vaativissa tilanteissa.",
            ),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let mut found = false;
    for _ in 0..50 {
        let hits: serde_json::Value = coordinator
            .get(b.url("/api/v1/experts?q=sijaisperheiden"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if hits["hits"].to_string().contains("Solmu Kakkonen") {
            found = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(found, "B's search finds the profile made on A");

    // Both nodes append to the access log at once: one intact chain.
    let mut tasks = Vec::new();
    for i in 0..16 {
        let node_url = if i % 2 == 0 { a.url("") } else { b.url("") };
        tasks.push(tokio::spawn(async move {
            let c = browser();
            let html = c
                .get(format!("{node_url}/login"))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            let token = extract_csrf(&html).unwrap();
            let res = c
                .post(format!("{node_url}/login"))
                .form(&[
                    ("csrf", token.as_str()),
                    ("username", "demo-expert"),
                    ("password", NODE_PASSWORD),
                ])
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 303);
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let conn = db.connect().await;
    let (n, max, logins): (i64, i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), MAX(seq), \
         SUM(CASE WHEN action = 'login' AND actor_name = 'demo-expert' THEN 1 ELSE 0 END) \
         FROM audit_log",
    )
    .fetch_one(conn.pool())
    .await
    .unwrap();
    assert_eq!(logins, 16);
    assert_eq!(n, max, "sequence numbers have no gaps");
    let (code, out) = audit_verify(&db);
    assert_eq!(code, 0, "{out}");
    conn.close().await;
}

/// A node serves a busy session from memory for a moment after checking
/// it (`auth::lease`); a logout or a disabled account on another node
/// still ends it for every request sent after the change was answered.
#[tokio::test]
async fn a_session_a_node_trusts_from_memory_still_ends_at_once_everywhere() {
    let db = FreshDb::new().await;
    let a = Node::start(&db, "a", true).await;
    let b = Node::start(&db, "b", false).await;
    for how in ["logout", "disable"] {
        let user = web_login(&a, "demo-researcher").await;
        // Keep A busy with the session, so it is always fresh in A's memory.
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let busy = {
            let (c, url, stop) = (user.clone(), a.url("/account"), stop.clone());
            tokio::spawn(async move {
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let _ = c.get(&url).send().await;
                }
            })
        };
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        match how {
            "logout" => {
                let token = csrf_of(&user, &b.url("/account")).await;
                let res = user
                    .post(b.url("/logout"))
                    .form(&[("csrf", token.as_str())])
                    .send()
                    .await
                    .unwrap();
                assert_eq!(res.status(), 303);
            }
            _ => {
                let admin = web_login(&b, "demo-admin").await;
                let (id,): (i64,) =
                    sqlx::query_as("SELECT id FROM users WHERE username = 'demo-researcher'")
                        .fetch_one(db.connect().await.pool())
                        .await
                        .unwrap();
                let page = b.url(&format!("/admin/users/{id}"));
                let token = csrf_of(&admin, &page).await;
                let res = admin
                    .post(b.url(&format!("/admin/users/{id}/disable")))
                    .form(&[("csrf", token.as_str())])
                    .send()
                    .await
                    .unwrap();
                assert!(res.status().is_redirection(), "{}", res.status());
            }
        }
        // The change has been answered: A refuses the very next request.
        let res = user.get(a.url("/account")).send().await.unwrap();
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        busy.await.unwrap();
        assert_eq!(
            res.status(),
            303,
            "{how} on B ends the session on A at once"
        );
        if how == "disable" {
            let admin = web_login(&b, "demo-admin").await;
            let (id,): (i64,) =
                sqlx::query_as("SELECT id FROM users WHERE username = 'demo-researcher'")
                    .fetch_one(db.connect().await.pool())
                    .await
                    .unwrap();
            let page = b.url(&format!("/admin/users/{id}"));
            let token = csrf_of(&admin, &page).await;
            admin
                .post(b.url(&format!("/admin/users/{id}/enable")))
                .form(&[("csrf", token.as_str())])
                .send()
                .await
                .unwrap();
        }
    }
}

/// An API token one node serves from its lease is refused there on the
/// very next call once its revocation on another node has answered.
#[tokio::test]
async fn a_token_a_node_trusts_from_memory_is_refused_at_once_after_revocation() {
    let db = FreshDb::new().await;
    let a = Node::start(&db, "a", true).await;
    let b = Node::start(&db, "b", false).await;
    let owner = web_login(&b, "demo-researcher").await;
    let csrf = csrf_of(&owner, &b.url("/account")).await;
    let html = owner
        .post(b.url("/account/tokens"))
        .form(&[("csrf", csrf.as_str()), ("name", "skripti")])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = shown_secret(&html);
    let me = |c: &reqwest::Client| c.get(a.url("/api/v1/me")).bearer_auth(&token).send();
    let script = reqwest::Client::new();
    assert_eq!(me(&script).await.unwrap().status(), 200);
    // Keep A busy with the token, so it is always fresh in A's memory.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let busy = {
        let (c, url, token, stop) = (
            script.clone(),
            a.url("/api/v1/me"),
            token.clone(),
            stop.clone(),
        );
        tokio::spawn(async move {
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let _ = c.get(&url).bearer_auth(&token).send().await;
            }
        })
    };
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM api_tokens")
        .fetch_one(db.connect().await.pool())
        .await
        .unwrap();
    let csrf = csrf_of(&owner, &b.url("/account")).await;
    let res = owner
        .post(b.url(&format!("/account/tokens/{id}/revoke")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let res = me(&script).await.unwrap();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    busy.await.unwrap();
    assert_eq!(res.status(), 401, "revoked on B, refused on A at once");
}
