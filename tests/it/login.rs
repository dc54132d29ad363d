use crate::helpers::*;
use otalusta_domain::role::Role;

#[tokio::test]
async fn every_demo_role_logs_in_and_out() {
    let app = TestApp::spawn().await;
    for role in Role::ALL {
        let c = app.login(role).await;
        let home = c
            .get(app.url("/"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(home.contains("Tervetuloa"), "{role}: {home}");
        let res = app.post_form(&c, "/", "/logout", &[]).await;
        assert_eq!(res.status(), 303);
        let res = c.get(app.url("/account")).send().await.unwrap();
        assert_eq!(res.status(), 303, "{role} still logged in after logout");
        assert!(
            res.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/login")
        );
    }
    let logins = audit_entries(&app, "login").await;
    assert_eq!(logins.iter().filter(|(_, _, o)| o == "success").count(), 7);
    assert_eq!(audit_entries(&app, "logout").await.len(), 7);
}

#[tokio::test]
async fn wrong_password_is_refused_without_saying_which_part() {
    let app = TestApp::spawn().await;
    let c = app.client();
    for (user, pw) in [
        ("demo-admin", "väärä salasana"),
        ("ei-ole-olemassa", PASSWORD),
    ] {
        let res = app
            .post_form(
                &c,
                "/login",
                "/login",
                &[("username", user), ("password", pw)],
            )
            .await;
        assert_eq!(res.status(), 401);
        let body = res.text().await.unwrap();
        assert!(
            body.contains("Käyttäjätunnus tai salasana on väärin."),
            "{body}"
        );
        assert!(body.contains("aria-invalid=\"true\""));
    }
    // The session did not start.
    let res = c.get(app.url("/account")).send().await.unwrap();
    assert_eq!(res.status(), 303);
    let failures = audit_entries(&app, "login").await;
    assert_eq!(failures.len(), 2);
    assert!(failures.iter().all(|(_, _, o)| o == "failure"));
}

#[tokio::test]
async fn empty_fields_get_the_form_back() {
    let app = TestApp::spawn().await;
    let c = app.client();
    let res = app
        .post_form(
            &c,
            "/login",
            "/login",
            &[("username", "demo-admin"), ("password", "")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("Anna käyttäjätunnus ja salasana."));
    assert!(
        body.contains("value=\"demo-admin\""),
        "the user name is kept"
    );
}

#[tokio::test]
async fn five_failures_throttle_the_account_with_a_clear_message() {
    let app = TestApp::spawn().await;
    let c = app.client();
    for _ in 0..5 {
        let res = app
            .post_form(
                &c,
                "/login",
                "/login",
                &[("username", "demo-expert"), ("password", "arvaus-arvaus")],
            )
            .await;
        assert_eq!(res.status(), 401);
    }
    // Now even the right password is refused, with the time to wait.
    let res = app
        .post_form(
            &c,
            "/login",
            "/login",
            &[("username", "demo-expert"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), 429);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("Liian monta epäonnistunutta kirjautumisyritystä"),
        "{body}"
    );
    assert!(body.contains("minuutin kuluttua"));
    // Another account is not affected.
    app.login(Role::Auditor).await;
    // The API says the same as a problem document.
    let res = c
        .post(app.url("/api/v1/session"))
        .json(&serde_json::json!({"username": "demo-expert", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 429);
    assert!(res.headers().contains_key("retry-after"));
    assert_eq!(audit_entries(&app, "login.throttled").await.len(), 2);
}

#[tokio::test]
async fn session_cookie_is_httponly_and_samesite() {
    let app = TestApp::spawn().await;
    let c = app.client();
    let token = app.csrf(&c, "/login").await;
    let res = c
        .post(app.url("/login"))
        .form(&[
            ("csrf", token.as_str()),
            ("username", "demo-admin"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("otalusta_session="))
        .expect("session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http in tests");
    // The token itself is never stored: only its hash.
    let value = cookie.split(';').next().unwrap().split_once('=').unwrap().1;
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM sessions WHERE token_hash = $1")
        .bind(value)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(n, 0);
}

#[tokio::test]
async fn secure_cookies_over_https() {
    let app = TestApp::spawn_with(|c| {
        c.secure_cookies = true;
        c.base_url = "https://ot.example.fi".into();
    })
    .await;
    let c = app.client();
    let res = c
        .post(app.url("/api/v1/session"))
        .json(&serde_json::json!({"username": "demo-admin", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(
        cookie.starts_with("__Host-otalusta_session=") && cookie.contains("; Secure"),
        "{cookie}"
    );
    assert!(res.headers().contains_key("strict-transport-security"));
}

#[tokio::test]
async fn password_change_checks_rules_and_ends_other_sessions() {
    let app = TestApp::spawn().await;
    let a = app.login(Role::Requester).await;
    let b = app.login(Role::Requester).await;
    let res = app
        .post_form(
            &a,
            "/account",
            "/account/password",
            &[("current", "väärä"), ("new", "lyhyt"), ("confirm", "eri")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("Nykyinen salasana on väärin."));
    assert!(body.contains("vähintään 12 merkkiä"));
    assert!(body.contains("Salasanat eivät täsmää."));
    let new = "uusi pitkä salalause 2026";
    let res = app
        .post_form(
            &a,
            "/account",
            "/account/password",
            &[("current", PASSWORD), ("new", new), ("confirm", new)],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        a.get(app.url("/account")).send().await.unwrap().status(),
        200
    );
    assert_eq!(
        b.get(app.url("/account")).send().await.unwrap().status(),
        303,
        "other session ended"
    );
    let c = app.client();
    let res = app
        .post_form(
            &c,
            "/login",
            "/login",
            &[("username", "demo-requester"), ("password", new)],
        )
        .await;
    assert_eq!(res.status(), 303);
}

#[tokio::test]
async fn disabled_account_cannot_log_in_and_loses_its_sessions() {
    let app = TestApp::spawn().await;
    let user = app.login(Role::Researcher).await;
    let admin = app.login(Role::Admin).await;
    let id = app.user_id("demo-researcher").await;
    let path = format!("/admin/users/{id}");
    let res = app
        .post_form(&admin, &path, &format!("{path}/disable"), &[])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        user.get(app.url("/account")).send().await.unwrap().status(),
        303
    );
    let c = app.client();
    let res = app
        .post_form(
            &c,
            "/login",
            "/login",
            &[("username", "demo-researcher"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), 401);
}

#[tokio::test]
async fn next_parameter_is_local_only() {
    let app = TestApp::spawn().await;
    let c = app.client();
    for (next, expected) in [
        ("/regions", "/regions"),
        ("//evil.example/x", "/"),
        ("https://evil.example", "/"),
        // Browsers drop the tab and go to evil.example.
        ("/\t/evil.example/path", "/"),
        ("/\\evil.example", "/"),
        // Line breaks: never into a header, no 500.
        ("/\r\nSet-Cookie: x=1", "/"),
    ] {
        let token = app.csrf(&c, "/login").await;
        let res = c
            .post(app.url("/login"))
            .form(&[
                ("csrf", token.as_str()),
                ("username", "demo-expert"),
                ("password", PASSWORD),
                ("next", next),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "next={next:?}");
        assert_eq!(res.headers()["location"], expected, "next={next:?}");
        app.post_form(&c, "/", "/logout", &[]).await;
    }
    // Other control characters: the form is refused before any session is
    // made or any login logged.
    let sessions = async || -> i64 {
        sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap()
    };
    let logins = async || -> i64 {
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'login'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap()
    };
    let (before, logged) = (sessions().await, logins().await);
    for next in ["/\u{7f}x", "/\u{0}x", "/\u{1b}[2J"] {
        let token = app.csrf(&c, "/login").await;
        let res = c
            .post(app.url("/login"))
            .form(&[
                ("csrf", token.as_str()),
                ("username", "demo-expert"),
                ("password", PASSWORD),
                ("next", next),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 400, "next={next:?}");
    }
    assert_eq!((sessions().await, logins().await), (before, logged));
}

/// Behind `--trust-proxy` the client is the address our proxy appended to
/// `X-Forwarded-For` (the rightmost); what the client wrote left of it is
/// not believed: rotating it neither escapes the per-address slowdown nor
/// reaches the access log.
#[tokio::test]
async fn a_spoofed_forwarded_for_neither_escapes_the_throttle_nor_reaches_the_log() {
    let app = TestApp::spawn_with(|c| c.trust_proxy = true).await;
    let c = app.client();
    let attempt = async |i: usize, forwarded: String| {
        // A new user name each time: only the address can throttle.
        c.post(app.url("/api/v1/session"))
            .header("x-forwarded-for", forwarded)
            .json(&serde_json::json!({"username": format!("arvaus-{i}"), "password": "väärin"}))
            .send()
            .await
            .unwrap()
            .status()
    };
    let free = otalusta_domain::throttle::ADDR_FREE as usize;
    for i in 0..free {
        let status = attempt(i, format!("10.66.{}.{}, 203.0.113.7", i / 200, i % 200 + 1)).await;
        assert_eq!(status, 401, "attempt {i}");
    }
    // Slowed: the next check waits 1 s, then 2, 4, 5 (the cap); a slow
    // machine may get one or two more checks in before it catches up.
    let mut slowed = false;
    for i in 0..4 {
        let status = attempt(free + i, format!("10.99.99.{i}, 203.0.113.7")).await;
        if status == 429 {
            slowed = true;
            break;
        }
    }
    assert!(slowed, "a fresh left-hand address does not help");
    // Another client behind the same proxy is not affected.
    assert_eq!(attempt(free + 10, "198.51.100.4".into()).await, 401);
    // An unreadable entry counts as the proxy itself (the peer).
    assert_eq!(attempt(free + 11, "203.0.113.7, garbage".into()).await, 401);

    let addrs: Vec<(String,)> =
        sqlx::query_as("SELECT DISTINCT client_addr FROM audit_log WHERE action LIKE 'login%' ORDER BY client_addr")
            .fetch_all(app.state.db.pool())
            .await
            .unwrap();
    let addrs: Vec<String> = addrs.into_iter().map(|(a,)| a).collect();
    assert_eq!(addrs, ["127.0.0.1", "198.51.100.4", "203.0.113.7"]);
    let (spoofed,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM login_throttle WHERE key LIKE 'addr:10.%'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(spoofed, 0);
}
