//! Personal API tokens: scope, expiry, revocation with the account, the API
//! only, and the 401 challenge.

use crate::helpers::*;
use otalusta_domain::role::Role;
use serde_json::Value;

/// Creates a token on the account page with `fields` besides the name.
async fn create(app: &TestApp, c: &reqwest::Client, fields: &[(&str, &str)]) -> String {
    let mut all = vec![("name", "skripti")];
    all.extend_from_slice(fields);
    let res = app.post_form(c, "/account", "/account/tokens", &all).await;
    assert_eq!(res.status(), 200, "{fields:?}");
    shown_secret(&res.text().await.unwrap())
}

async fn token_row(app: &TestApp, secret: &str) -> (String, String, String) {
    sqlx::query_as("SELECT scope, created_at, expires_at FROM api_tokens WHERE prefix = $1")
        .bind(&secret[..12])
        .fetch_one(app.state.db.pool())
        .await
        .unwrap()
}

fn challenge(res: &reqwest::Response) -> String {
    res.headers()
        .get("www-authenticate")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

#[tokio::test]
async fn a_read_token_reads_and_a_full_token_writes() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    // Left out, the scope is read and the life 90 days.
    let read = create(&app, &c, &[]).await;
    let (scope, created, expires) = token_row(&app, &read).await;
    assert_eq!(scope, "read");
    let created: jiff::Timestamp = created.parse().unwrap();
    let expires: jiff::Timestamp = expires.parse().unwrap();
    assert_eq!(
        expires.duration_since(created).as_hours(),
        90 * 24,
        "{created} → {expires}"
    );
    let full = create(&app, &c, &[("scope", "full"), ("days", "365")]).await;
    let (scope, created, expires) = token_row(&app, &full).await;
    assert_eq!(scope, "full");
    let created: jiff::Timestamp = created.parse().unwrap();
    let expires: jiff::Timestamp = expires.parse().unwrap();
    assert_eq!(expires.duration_since(created).as_hours(), 365 * 24);

    let bare = reqwest::Client::new();
    for t in [&read, &full] {
        let res = bare
            .get(app.url("/api/v1/me"))
            .bearer_auth(t)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let res = bare
            .head(app.url("/api/v1/groups"))
            .bearer_auth(t)
            .send()
            .await
            .unwrap();
        assert_ne!(res.status(), 403, "HEAD is a read");
    }
    // Writes with the read token: refused, with their own problem type.
    for req in [
        bare.delete(app.url("/api/v1/session")),
        bare.post(app.url("/api/v1/session"))
            .json(&serde_json::json!({"username": "demo-admin", "password": PASSWORD})),
        bare.put(app.url("/api/v1/me")),
        bare.patch(app.url("/api/v1/requests/1")),
    ] {
        let res = req.bearer_auth(&read).send().await.unwrap();
        assert_eq!(res.status(), 403);
        assert_eq!(res.headers()["content-type"], "application/problem+json");
        let p: Value = res.json().await.unwrap();
        assert_eq!(p["type"], "/api/v1/problems/token-read-only");
        assert!(p["detail"].as_str().unwrap().contains("read only"));
    }
    // The full token may (a token's logout ends nothing: 204).
    let res = bare
        .delete(app.url("/api/v1/session"))
        .bearer_auth(&full)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);

    // The list says what each token may do and when it ends; the log too.
    let page = c
        .get(app.url("/account"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Vain luku: avaimella voi hakea tietoja"));
    assert!(page.contains("Täydet: avaimella voi myös muuttaa"));
    assert!(page.contains("Vanhenee"));
    let (purpose,): (String,) = sqlx::query_as(
        "SELECT purpose FROM audit_log WHERE action = 'token.create' ORDER BY seq DESC LIMIT 1",
    )
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(purpose, "scope full, 365 days");
}

#[tokio::test]
async fn token_settings_out_of_bounds_are_refused_with_reasons() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Requester).await;
    for (fields, field, message) in [
        (
            [("scope", "admin"), ("days", "30")],
            "scope-error",
            "Valitse oikeuksiksi joko vain luku tai täydet.",
        ),
        (
            [("scope", "read"), ("days", "366")],
            "days-error",
            "väliltä 1–365",
        ),
        (
            [("scope", "full"), ("days", "0")],
            "days-error",
            "väliltä 1–365",
        ),
        (
            [("scope", "full"), ("days", "ikuisesti")],
            "days-error",
            "väliltä 1–365",
        ),
    ] {
        let mut all = vec![("name", "skripti")];
        all.extend_from_slice(&fields);
        let res = app.post_form(&c, "/account", "/account/tokens", &all).await;
        assert_eq!(res.status(), 422, "{fields:?}");
        let body = res.text().await.unwrap();
        assert!(body.contains(&format!("id=\"{field}\"")), "{fields:?}");
        assert!(body.contains(message), "{fields:?}");
        assert!(!body.contains("class=\"secret\""), "no token made");
    }
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM api_tokens")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(n, 0);
}

#[tokio::test]
async fn expired_revoked_and_unknown_tokens_get_401_with_a_challenge() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Expert).await;
    let token = create(&app, &c, &[("days", "1")]).await;
    let bare = reqwest::Client::new();

    // No credentials: the challenge names the realm only.
    let res = bare.get(app.url("/api/v1/me")).send().await.unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(challenge(&res), "Bearer realm=\"otalusta\"");
    // A wrong password is a 401 of the API too.
    let res = bare
        .post(app.url("/api/v1/session"))
        .json(&serde_json::json!({"username": "demo-expert", "password": "väärä"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(challenge(&res), "Bearer realm=\"otalusta\"");

    // An unknown token, even where no login is needed.
    for path in ["/api/v1/me", "/api/v1/areas"] {
        let res = bare
            .get(app.url(path))
            .bearer_auth("otl_not-a-token")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 401, "{path}");
        assert_eq!(
            challenge(&res),
            "Bearer realm=\"otalusta\", error=\"invalid_token\""
        );
        let p: Value = res.json().await.unwrap();
        assert_eq!(p["type"], "/api/v1/problems/unauthenticated");
    }

    // The day passes.
    let res = bare
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let past =
        otalusta::core::db::timestamp(jiff::Timestamp::now() - jiff::SignedDuration::from_secs(1));
    sqlx::query("UPDATE api_tokens SET expires_at = $1")
        .bind(&past)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    // Written beside the app: nodes trust the token they checked for the
    // lease (its real end holds to the second: the lease never outlives it).
    tokio::time::sleep(otalusta::auth::lease::LEASE).await;
    let res = bare
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    assert!(challenge(&res).contains("error=\"invalid_token\""));
    let page = c
        .get(app.url("/account"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Vanhentunut"), "shown as expired");
}

#[tokio::test]
async fn a_token_is_no_login_on_the_web_pages() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Admin).await;
    let token = create(&app, &c, &[("scope", "full")]).await;
    let bare = app.client();
    for path in ["/account", "/admin/users", "/groups"] {
        let res = bare
            .get(app.url(path))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{path}");
        assert!(
            res.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/login"),
            "{path}"
        );
    }
    let home = bare
        .get(app.url("/"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!home.contains("Tervetuloa"), "anonymous on the front page");
    // A form with a token: anonymous, so the page's login rules apply.
    let csrf = app.csrf(&bare, "/login").await;
    let res = bare
        .post(app.url("/account/tokens"))
        .bearer_auth(&token)
        .form(&[("csrf", csrf.as_str()), ("name", "toinen")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM api_tokens")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(n, 1);
}

#[tokio::test]
async fn disabling_an_account_revokes_its_tokens_for_good() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Researcher).await;
    let token = create(&app, &c, &[("scope", "full")]).await;
    let bare = reqwest::Client::new();
    let me = || async {
        bare.get(app.url("/api/v1/me"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .status()
    };
    assert_eq!(me().await, 200);
    let admin = app.login(Role::Admin).await;
    let id = app.user_id("demo-researcher").await;
    let page = format!("/admin/users/{id}");
    let res = app
        .post_form(&admin, &page, &format!("{page}/disable"), &[])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(me().await, 401);
    let res = app
        .post_form(&admin, &page, &format!("{page}/enable"), &[])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(me().await, 401, "enabling the account does not revive it");
    let (revoked,): (Option<String>,) = sqlx::query_as("SELECT revoked_at FROM api_tokens")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert!(revoked.is_some());
}

#[tokio::test]
async fn the_fuzzers_token_script_makes_working_tokens() {
    let app = TestApp::spawn().await;
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/api_token.py");
    let bare = reqwest::Client::new();
    for (extra, scope) in [(None, "full"), (Some("read"), "read")] {
        let mut cmd = std::process::Command::new(crate::python::python());
        cmd.arg(script)
            .args([app.url(""), "demo-admin".into(), PASSWORD.into()]);
        if let Some(s) = extra {
            cmd.arg(s);
        }
        // The server runs on this test's thread: wait for python off it.
        let out = tokio::task::spawn_blocking(move || cmd.output())
            .await
            .unwrap()
            .expect("python runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let token = String::from_utf8(out.stdout).unwrap().trim().to_owned();
        assert!(token.starts_with("otl_"), "{token}");
        assert_eq!(token_row(&app, &token).await.0, scope);
        let res = bare
            .get(app.url("/api/v1/me"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
    }
}

/// A token's use is recorded, but at most once a minute: not a write on
/// every call.
#[tokio::test]
async fn a_tokens_use_is_recorded_at_most_once_a_minute() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Expert).await;
    let token = create(&app, &c, &[]).await;
    let used = || async {
        let (at,): (Option<String>,) =
            sqlx::query_as("SELECT last_used_at FROM api_tokens WHERE prefix = $1")
                .bind(&token[..12])
                .fetch_one(app.state.db.pool())
                .await
                .unwrap();
        at
    };
    assert_eq!(used().await, None);
    let bare = reqwest::Client::new();
    let me = || async {
        let res = bare
            .get(app.url("/api/v1/me"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
    };
    me().await;
    let first = used().await.expect("recorded");
    me().await;
    assert_eq!(
        used().await.as_deref(),
        Some(first.as_str()),
        "not again within the minute"
    );
    // A minute later it is recorded again.
    let old =
        otalusta::core::db::timestamp(jiff::Timestamp::now() - jiff::SignedDuration::from_secs(61));
    sqlx::query("UPDATE api_tokens SET last_used_at = $1")
        .bind(&old)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    // Read (and recorded) again once the node's lease of it has run out.
    tokio::time::sleep(otalusta::auth::lease::LEASE).await;
    me().await;
    let again = used().await.expect("recorded");
    assert!(again > old, "{again} after {old}");
}
