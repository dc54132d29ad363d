use crate::helpers::*;
use serde_json::{Value, json};

#[tokio::test]
async fn api_session_login_me_and_logout() {
    let app = TestApp::spawn().await;
    let c = app.client();
    let res = c.get(app.url("/api/v1/me")).send().await.unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["status"], 401);
    assert_eq!(p["type"], "/api/v1/problems/unauthenticated");

    let res = c
        .post(app.url("/api/v1/session"))
        .json(&json!({"username": "demo-secretary", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let me: Value = res.json().await.unwrap();
    assert_eq!(me["roles"], json!(["secretary"]));
    let me: Value = app.get_json(&c, "/api/v1/me").await;
    assert_eq!(me["username"], "demo-secretary");
    // The same cookie works for the web pages.
    assert_eq!(
        c.get(app.url("/account")).send().await.unwrap().status(),
        200
    );
    let res = c.delete(app.url("/api/v1/session")).send().await.unwrap();
    assert_eq!(res.status(), 204);
    assert_eq!(
        c.get(app.url("/api/v1/me")).send().await.unwrap().status(),
        401
    );
}

#[tokio::test]
async fn bad_api_input_gets_problem_details_not_500() {
    let app = TestApp::spawn().await;
    let c = app.client();
    let cases: Vec<(reqwest::RequestBuilder, u16)> = vec![
        (
            c.post(app.url("/api/v1/session"))
                .header("content-type", "application/json")
                .body("{not json"),
            400,
        ),
        (c.post(app.url("/api/v1/session")).body("username=x"), 400),
        (
            c.post(app.url("/api/v1/session"))
                .json(&json!({"username": 5})),
            400,
        ),
        (
            c.post(app.url("/api/v1/session"))
                .json(&json!({"username": "", "password": ""})),
            422,
        ),
        (
            c.post(app.url("/api/v1/session"))
                .json(&json!({"username": "demo-admin", "password": "x"})),
            401,
        ),
        (c.get(app.url("/api/v1/nothing-here")), 404),
        (c.put(app.url("/api/v1/session")), 405),
    ];
    for (req, status) in cases {
        let res = req.send().await.unwrap();
        assert_eq!(res.status().as_u16(), status);
        assert_eq!(res.headers()["content-type"], "application/problem+json");
        let p: Value = res.json().await.unwrap();
        assert_eq!(p["status"], status);
        assert!(p["detail"].as_str().is_some_and(|d| !d.is_empty()));
        if status == 422 {
            let fields: Vec<&str> = p["errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["field"].as_str().unwrap())
                .collect();
            assert_eq!(fields, ["username", "password"]);
        }
    }
}

#[tokio::test]
async fn personal_api_token_works_until_revoked() {
    let app = TestApp::spawn().await;
    let c = app.login(otalusta_domain::role::Role::Coordinator).await;
    let res = app
        .post_form(&c, "/account", "/account/tokens", &[("name", "raportit")])
        .await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    let token = shown_secret(&html);
    assert!(token.starts_with("otl_"));
    let bare = reqwest::Client::new();
    let me: Value = bare
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["username"], "demo-coordinator");
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM api_tokens")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    let res = app
        .post_form(&c, "/account", &format!("/account/tokens/{id}/revoke"), &[])
        .await;
    assert_eq!(res.status(), 303);
    let res = bare
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
}

#[tokio::test]
async fn openapi_description_is_3_1_and_lists_the_session_paths() {
    let app = TestApp::spawn().await;
    let doc: Value = app
        .client()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    for p in ["/api/v1/session", "/api/v1/me", "/api/v1/areas", "/health"] {
        assert!(doc["paths"].get(p).is_some(), "{p} missing");
    }
}
