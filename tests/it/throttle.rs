//! Login throttling under concurrency: two servers on one database, one
//! name guessed from both at once. The count is reserved in the database
//! before each password check, so exactly `MAX_PER_USER` checks are made;
//! the address is only slowed, so others behind it still get in.

use crate::helpers::*;
use otalusta_domain::throttle::{ADDR_DELAY_CAP, ADDR_FREE, MAX_PER_USER};
use std::time::Duration;

async fn api_login(base: &str, username: &str, password: &str) -> reqwest::Response {
    reqwest::Client::new()
        .post(format!("{base}/api/v1/session"))
        .json(&serde_json::json!({"username": username, "password": password}))
        .timeout(Duration::from_secs(60))
        .send()
        .await
        .unwrap()
}

fn retry_after(res: &reqwest::Response) -> u64 {
    res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_one(app.state.db.pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn simultaneous_guesses_on_two_nodes_get_exactly_the_allowed_password_checks() {
    let a = TestApp::spawn().await;
    let (url, dir) = (a.database_url.clone(), a.data_dir.path().to_owned());
    // The second node: the same database and data directory (checkpoints).
    let b = TestApp::spawn_with(move |c| {
        c.database_url = url;
        c.data_dir = dir;
    })
    .await;
    let (on_a, on_b) = (a.url(""), b.url(""));

    // 29 wrong passwords at once, half on each node …
    let mut tasks = Vec::new();
    for i in 0..29 {
        let base = if i % 2 == 0 {
            on_a.clone()
        } else {
            on_b.clone()
        };
        tasks.push(tokio::spawn(async move {
            let res = api_login(&base, "demo-expert", "väärä-arvaus-123").await;
            (i, res.status().as_u16())
        }));
    }
    // … and the right one while they are in flight, once the checks that
    // could lock the name are reserved (were it first, it would succeed).
    let reserved = "SELECT COALESCE(MAX(failures + pending), 0) FROM login_throttle \
                    WHERE key = 'name:demo-expert'";
    while count(&a, reserved).await < MAX_PER_USER {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let right = api_login(&on_b, "demo-expert", PASSWORD).await;
    let mut statuses = vec![(29, right.status().as_u16())];
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    statuses.sort();
    let n = MAX_PER_USER as usize;
    let checked = statuses.iter().filter(|(_, s)| *s == 401).count();
    let throttled = statuses.iter().filter(|(_, s)| *s == 429).count();
    assert_eq!(checked, n, "{statuses:?}");
    assert_eq!(throttled, 30 - n, "{statuses:?}");
    assert_eq!(statuses[29].1, 429, "the right password is refused too");

    // The access log agrees: N checked and failed, the rest throttled.
    let failures = audit_entries(&a, "login").await;
    assert_eq!(failures.len(), n);
    assert!(failures.iter().all(|(_, _, o)| o == "failure"));
    assert_eq!(audit_entries(&a, "login.throttled").await.len(), 30 - n);
    let counter: (i64, i64) = sqlx::query_as(
        "SELECT failures, pending FROM login_throttle WHERE key = 'name:demo-expert'",
    )
    .fetch_one(a.state.db.pool())
    .await
    .unwrap();
    assert_eq!(counter, (MAX_PER_USER, 0));

    // The name stays locked on both nodes, for minutes, on the web too.
    let res = api_login(&on_b, "demo-expert", PASSWORD).await;
    assert_eq!(res.status(), 429);
    assert!(retry_after(&res) > 60, "locked for the rest of the window");
    let c = a.client();
    let res = a
        .post_form(
            &c,
            "/login",
            "/login",
            &[("username", "demo-expert"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), 429);
    assert!(res.text().await.unwrap().contains("minuutin kuluttua"));

    // Another account behind the same address never failed: it logs in.
    assert_eq!(
        api_login(&on_b, "demo-coordinator", PASSWORD)
            .await
            .status(),
        200
    );

    // More guesses from the address, at other names: after ADDR_FREE
    // failures in all, it is slowed (seconds, never locked).
    let mut slowed = None;
    for i in 0..(ADDR_FREE + 4) {
        let base = if i % 2 == 0 { &on_a } else { &on_b };
        let res = api_login(base, &format!("arvaus-{i}"), "väärä-arvaus-123").await;
        if res.status() == 429 {
            slowed = Some((i, retry_after(&res)));
            break;
        }
        assert_eq!(res.status(), 401, "guess {i}");
    }
    let (at, wait) = slowed.expect("the address is slowed");
    assert!(
        at >= ADDR_FREE - MAX_PER_USER,
        "slowed after {at} more failures, before {ADDR_FREE} in all"
    );
    let cap = ADDR_DELAY_CAP.as_secs() as u64;
    assert!((1..=cap).contains(&wait), "waits {wait} s");
    // The login form says how many seconds (a slow machine may let a
    // guess or two through first; each makes the next delay longer).
    let c = b.client();
    let mut said = None;
    for i in 0..4 {
        let name = format!("lomake-{i}");
        let fields = [("username", name.as_str()), ("password", "väärä-arvaus")];
        let res = b.post_form(&c, "/login", "/login", &fields).await;
        if res.status() == 429 {
            said = Some(res.text().await.unwrap());
            break;
        }
        assert_eq!(res.status(), 401);
    }
    let said = said.expect("the form is slowed too");
    assert!(said.contains("sekunnin kuluttua"), "{said}");

    // Someone else behind the address gets in after at most the delay.
    let mut waited = 0;
    loop {
        let res = api_login(&on_a, "demo-secretary", PASSWORD).await;
        if res.status() == 200 {
            break;
        }
        assert_eq!(res.status(), 429);
        let wait = retry_after(&res);
        assert!(wait <= cap, "waits {wait} s");
        waited += wait;
        assert!(waited <= 3 * cap, "kept out for {waited} s");
        tokio::time::sleep(Duration::from_secs(wait)).await;
    }
    assert_eq!(
        count(
            &a,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'login' AND outcome = 'success'"
        )
        .await,
        2
    );
    b.stop().await;
}
