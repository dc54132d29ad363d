//! Password rules where people choose passwords, and the first-login change
//! of passwords an administrator issued.

use crate::helpers::*;
use otalusta_domain::role::Role;
use serde_json::{Value, json};

async fn web_login(
    app: &TestApp,
    username: &str,
    password: &str,
) -> (reqwest::Client, u16, String) {
    let c = app.client();
    let res = app
        .post_form(
            &c,
            "/login",
            "/login",
            &[("username", username), ("password", password)],
        )
        .await;
    let status = res.status().as_u16();
    let location = res
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (c, status, location)
}

async fn must_change(app: &TestApp, username: &str) -> i64 {
    let (flag,): (i64,) =
        sqlx::query_as("SELECT must_change_password FROM users WHERE username = $1")
            .bind(username)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    flag
}

#[tokio::test]
async fn own_password_change_refuses_common_and_guessable_passwords() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Requester).await;
    for (new, message) in [
        ("Salasana1234", "Salasana on liian yleinen"),
        ("password1234", "Salasana on liian yleinen"),
        ("qwertyuiop12", "Salasana on liian yleinen"),
        ("123456789012", "Salasana on liian helppo arvata"),
        ("aaaaaaaaaaaa", "Salasana on liian helppo arvata"),
    ] {
        let res = app
            .post_form(
                &c,
                "/account",
                "/account/password",
                &[("current", PASSWORD), ("new", new), ("confirm", new)],
            )
            .await;
        assert_eq!(res.status(), 422, "{new}");
        let body = res.text().await.unwrap();
        assert!(body.contains(message), "{new}: {body}");
        assert!(body.contains("id=\"new-error\""), "{new}: at the field");
    }
    // In Swedish too.
    let res = app
        .post_form(
            &c,
            "/account",
            "/account/password?lang=sv",
            &[
                ("current", PASSWORD),
                ("new", "Salasana1234"),
                ("confirm", "Salasana1234"),
            ],
        )
        .await;
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Lösenordet är för vanligt")
    );
    // Nothing changed: the old password still works.
    let (_, status, _) = web_login(&app, "demo-requester", PASSWORD).await;
    assert_eq!(status, 303);
}

#[tokio::test]
async fn an_account_the_admin_creates_must_change_its_password_first() {
    let app = TestApp::spawn().await;
    let admin = app.login(Role::Admin).await;
    let res = app
        .post_form(
            &admin,
            "/admin/users/new",
            "/admin/users",
            &[
                ("username", "uusi.kayttaja"),
                ("display_name", "Uusi Käyttäjä"),
                ("roles", "expert"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let initial = shown_secret(&res.text().await.unwrap());
    assert_eq!(must_change(&app, "uusi.kayttaja").await, 1);

    // The login leads to the password page, and so does every other page.
    let (c, status, location) = web_login(&app, "uusi.kayttaja", &initial).await;
    assert_eq!((status, location.as_str()), (303, "/account/password"));
    let page = c
        .get(app.url("/account/password"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("pääkäyttäjän antama alkusalasana"), "{page}");
    for path in ["/", "/groups", "/account", "/experts", "/admin/users"] {
        let res = c.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 303, "{path}");
        assert_eq!(res.headers()["location"], "/account/password", "{path}");
    }
    // A form elsewhere is not taken either.
    let res = app
        .post_form(
            &c,
            "/account/password",
            "/account/tokens",
            &[("name", "ohitus")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (tokens,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM api_tokens")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(tokens, 0);
    // What a page needs stays open.
    for path in ["/health", "/static/app.css"] {
        assert_eq!(c.get(app.url(path)).send().await.unwrap().status(), 200);
    }
    // The API says why, with its own problem type.
    let res = c.get(app.url("/api/v1/me")).send().await.unwrap();
    assert_eq!(res.status(), 403);
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["type"], "/api/v1/problems/password-change-required");
    // An API login gets the same answer and no session.
    let api = app.client();
    let res = api
        .post(app.url("/api/v1/session"))
        .json(&json!({"username": "uusi.kayttaja", "password": initial}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert!(res.headers().get("set-cookie").is_none());
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["type"], "/api/v1/problems/password-change-required");
    assert!(p["detail"].as_str().unwrap().contains("/account/password"));

    // The new password follows the rules; the page stays the password page.
    let res = app
        .post_form(
            &c,
            "/account/password",
            "/account/password",
            &[
                ("current", &initial),
                ("new", "kissa1234567"),
                ("confirm", "kissa1234567"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("liian yleinen"), "{body}");
    assert!(body.contains("pääkäyttäjän antama alkusalasana"));
    assert!(!body.contains("API-avaimet"), "not the whole account page");

    let own = "oma salalause kesämökiltä";
    let res = app
        .post_form(
            &c,
            "/account/password",
            "/account/password",
            &[("current", &initial), ("new", own), ("confirm", own)],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(must_change(&app, "uusi.kayttaja").await, 0);
    assert_eq!(
        c.get(app.url("/groups")).send().await.unwrap().status(),
        200
    );
    let res = api
        .post(app.url("/api/v1/session"))
        .json(&json!({"username": "uusi.kayttaja", "password": own}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    // The refused API login was logged as refused.
    let logins = audit_entries(&app, "login").await;
    assert!(
        logins
            .iter()
            .any(|(actor, _, outcome)| actor == "uusi.kayttaja" && outcome == "denied"),
        "{logins:?}"
    );
}

#[tokio::test]
async fn a_password_reset_by_the_admin_ends_sessions_and_must_be_changed() {
    let app = TestApp::spawn().await;
    let admin = app.login(Role::Admin).await;
    let researcher = app.login(Role::Researcher).await;
    let id = app.user_id("demo-researcher").await;
    let page = format!("/admin/users/{id}");
    let res = app
        .post_form(&admin, &page, &format!("{page}/password"), &[])
        .await;
    assert_eq!(res.status(), 200);
    let body = res.text().await.unwrap();
    assert!(body.contains("demo-researcher"));
    let issued = shown_secret(&body);
    assert!(otalusta_domain::password::check_new("demo-researcher", &issued).is_ok());

    assert_eq!(
        researcher
            .get(app.url("/account"))
            .send()
            .await
            .unwrap()
            .status(),
        303,
        "the old session ended"
    );
    let (_, status, _) = web_login(&app, "demo-researcher", PASSWORD).await;
    assert_eq!(status, 401, "the old password no longer works");
    let (c, status, location) = web_login(&app, "demo-researcher", &issued).await;
    assert_eq!((status, location.as_str()), (303, "/account/password"));
    assert_eq!(c.get(app.url("/")).send().await.unwrap().status(), 303);
    let shown = admin
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(shown.contains("salasana vaihdettava seuraavalla kirjautumisella"));
    let log = audit_entries(&app, "user.password.reset").await;
    assert_eq!(
        log,
        [(
            "demo-admin".to_owned(),
            id.to_string(),
            "success".to_owned()
        )]
    );

    // Not one's own: that is the account page's form.
    let own = app.user_id("demo-admin").await;
    let res = app
        .post_form(&admin, &page, &format!("/admin/users/{own}/password"), &[])
        .await;
    assert_eq!(res.status(), 409);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Et voi antaa itsellesi alkusalasanaa")
    );
    assert_eq!(must_change(&app, "demo-admin").await, 0);
}

#[tokio::test]
/// A new password is issued when the old one may be known to someone else:
/// the tokens made with the account go too, and stay gone after the change.
async fn an_issued_password_revokes_the_accounts_api_tokens() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Expert).await;
    let res = app
        .post_form(&c, "/account", "/account/tokens", &[("name", "skripti")])
        .await;
    let token = shown_secret(&res.text().await.unwrap());
    let bare = reqwest::Client::new();
    let me = |t: String| {
        let req = bare.get(app.url("/api/v1/me")).bearer_auth(t);
        async move { req.send().await.unwrap() }
    };
    assert_eq!(me(token.clone()).await.status(), 200);
    let admin = app.login(Role::Admin).await;
    let id = app.user_id("demo-expert").await;
    let page = format!("/admin/users/{id}");
    let res = app
        .post_form(&admin, &page, &format!("{page}/password"), &[])
        .await;
    assert_eq!(res.status(), 200);
    let res = me(token).await;
    assert_eq!(res.status(), 401);
    assert_eq!(
        res.headers()["www-authenticate"],
        "Bearer realm=\"otalusta\", error=\"invalid_token\""
    );
}
