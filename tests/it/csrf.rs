use crate::helpers::*;
use otalusta_domain::role::Role;

#[tokio::test]
async fn login_without_or_with_a_wrong_token_is_refused() {
    let app = TestApp::spawn().await;
    let c = app.client();
    c.get(app.url("/login")).send().await.unwrap();
    for token in [None, Some("forged-token"), Some("")] {
        let mut form = vec![("username", "demo-admin"), ("password", PASSWORD)];
        if let Some(t) = token {
            form.push(("csrf", t));
        }
        let res = c.post(app.url("/login")).form(&form).send().await.unwrap();
        assert_eq!(res.status(), 403, "token {token:?}");
        let body = res.text().await.unwrap();
        assert!(
            body.contains("Lomakkeen suojaustunniste ei täsmännyt"),
            "{body}"
        );
    }
    assert!(
        audit_entries(&app, "login").await.is_empty(),
        "no login was attempted"
    );
}

#[tokio::test]
async fn a_token_from_another_session_does_not_work() {
    let app = TestApp::spawn().await;
    let alice = app.login(Role::Admin).await;
    let mallory = app.login(Role::Requester).await;
    let mallory_token = app.csrf(&mallory, "/account").await;
    let id = app.user_id("demo-expert").await;
    let res = alice
        .post(app.url(&format!("/admin/users/{id}/disable")))
        .form(&[("csrf", mallory_token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let (disabled,): (i64,) = sqlx::query_as("SELECT disabled FROM users WHERE id = $1")
        .bind(id)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(disabled, 0);
}

#[tokio::test]
async fn cross_site_requests_are_refused_even_with_a_token() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Requester).await;
    let token = app.csrf(&c, "/account").await;
    let res = c
        .post(app.url("/account/tokens"))
        .header("origin", "https://evil.example")
        .form(&[("csrf", token.as_str()), ("name", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    // A cookie-authenticated API call from another site is refused too.
    let res = c
        .delete(app.url("/api/v1/session"))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    assert_eq!(
        c.get(app.url("/account")).send().await.unwrap().status(),
        200,
        "still logged in"
    );
}
