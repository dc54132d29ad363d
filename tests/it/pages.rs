use crate::helpers::*;
use otalusta_domain::role::Role;

fn assert_page_shape(html: &str, lang: &str) {
    assert!(html.starts_with("<!doctype html>"));
    assert!(
        html.contains(&format!("<html lang=\"{lang}\">")),
        "lang {lang}"
    );
    assert_eq!(html.matches("<main").count(), 1, "one main");
    assert_eq!(html.matches("<title>").count(), 1, "one title");
    assert_eq!(
        html.matches("<h1>").count() + html.matches("<h1 ").count(),
        1,
        "one h1"
    );
    assert!(!html.contains("<script"), "no inline or other script");
    assert!(!html.contains(" style="), "no inline style");
}

#[tokio::test]
async fn language_switch_persists_across_pages_and_sessions() {
    let app = TestApp::spawn().await;
    let c = app.client();
    let fi = c
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_page_shape(&fi, "fi");
    assert!(fi.contains("Kirjaudu sisään"));
    let sv = c
        .get(app.url("/?lang=sv"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_page_shape(&sv, "sv");
    assert!(sv.contains("Logga in"));
    let login = c
        .get(app.url("/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_page_shape(&login, "sv");
    assert!(login.contains("Användarnamn"));
    // The choice is saved for the account too.
    let u = app.login(Role::Expert).await;
    u.get(app.url("/?lang=en")).send().await.unwrap();
    let (locale,): (String,) =
        sqlx::query_as("SELECT locale FROM users WHERE username = 'demo-expert'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(locale, "en");
    let fresh = app.login(Role::Expert).await;
    let page = fresh
        .get(app.url("/account"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_page_shape(&page, "en");
    assert!(page.contains("My account"));
}

#[tokio::test]
async fn accept_language_picks_the_first_language() {
    let app = TestApp::spawn().await;
    let html = app
        .client()
        .get(app.url("/"))
        .header("accept-language", "sv-FI,sv;q=0.9,fi;q=0.5")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_page_shape(&html, "sv");
}

#[tokio::test]
async fn every_logged_in_page_has_landmarks_labels_and_security_headers() {
    let app = TestApp::spawn().await;
    let id = app.user_id("demo-expert").await;
    let user_path = format!("/admin/users/{id}");
    // The demo's open service-guidance question.
    let (q,): (i64,) =
        sqlx::query_as("SELECT MIN(id) FROM guidance_questions WHERE closed_at IS NULL")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    let q_path = format!("/guidance/{q}");
    for (role, paths) in [
        (
            Role::Admin,
            vec![
                "/",
                "/account",
                "/account/password",
                "/regions",
                "/admin/users",
                "/admin/users/new",
                user_path.as_str(),
            ],
        ),
        (Role::Auditor, vec!["/audit", "/audit/verify"]),
        (
            Role::Coordinator,
            vec![
                "/guidance",
                "/guidance/new",
                q_path.as_str(),
                "/guidance/needs",
                "/guidance/contact",
                "/guidance/ask",
                "/guidance/mine",
            ],
        ),
    ] {
        let c = app.login(role).await;
        for path in paths {
            let res = c.get(app.url(path)).send().await.unwrap();
            assert_eq!(res.status(), 200, "{path}");
            let csp = res.headers()["content-security-policy"]
                .to_str()
                .unwrap()
                .to_owned();
            assert!(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"));
            assert_eq!(res.headers()["x-content-type-options"], "nosniff");
            let html = res.text().await.unwrap();
            assert_page_shape(&html, "fi");
            // Every input that is not hidden has a label.
            for id in html
                .split("<input")
                .skip(1)
                .filter(|i| !i.contains("type=\"hidden\""))
            {
                let id = id.split("id=\"").nth(1).and_then(|s| s.split('"').next());
                let id = id.unwrap_or_else(|| panic!("an input without id on {path}"));
                assert!(
                    html.contains(&format!("for=\"{id}\"")),
                    "input {id} on {path} has no label"
                );
            }
        }
    }
}

#[tokio::test]
async fn dates_are_shown_in_finnish_format() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Admin).await;
    let id = app.user_id("demo-expert").await;
    let html = c
        .get(app.url(&format!("/admin/users/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let today = jiff::Timestamp::now()
        .in_tz("Europe/Helsinki")
        .unwrap()
        .date();
    let finnish = format!("{}.{}.{} klo", today.day(), today.month(), today.year());
    assert!(html.contains(&finnish), "expected {finnish}");
}

#[tokio::test]
async fn unknown_page_is_a_localized_404() {
    let app = TestApp::spawn().await;
    let res = app
        .client()
        .get(app.url("/ei-ole?lang=en"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let html = res.text().await.unwrap();
    assert_page_shape(&html, "en");
    assert!(html.contains("Page not found"));
}

#[tokio::test]
async fn health_answers_503_when_the_database_is_gone() {
    let app = TestApp::spawn().await;
    let c = app.client();
    let res = c.get(app.url("/health")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap(),
        serde_json::json!({"status": "ok"})
    );
    app.state.db.close().await;
    let res = c.get(app.url("/health")).send().await.unwrap();
    assert_eq!(res.status(), 503);
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap()["status"],
        "unavailable"
    );
}

#[tokio::test]
async fn an_oversized_form_is_refused_with_413() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Admin).await;
    let token = app.csrf(&c, "/account").await;
    let big = "x".repeat(2 * 1024 * 1024);
    let res = c
        .post(app.url("/account/tokens"))
        .form(&[("csrf", token.as_str()), ("name", big.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    assert!(res.text().await.unwrap().contains("liian suuri"));
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM api_tokens")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(n, 0);
}

#[tokio::test]
async fn graceful_stop_finishes_and_closes() {
    let app = TestApp::spawn().await;
    let url = app.url("/health");
    assert_eq!(reqwest::get(&url).await.unwrap().status(), 200);
    app.stop().await;
    assert!(reqwest::get(&url).await.is_err(), "no longer listening");
}

#[tokio::test]
async fn a_language_chosen_before_login_is_kept_and_saved() {
    let app = TestApp::spawn().await;
    let c = app.client();
    c.get(app.url("/login?lang=en")).send().await.unwrap();
    let token = app.csrf(&c, "/login").await;
    let res = c
        .post(app.url("/login"))
        .form(&[
            ("csrf", token.as_str()),
            ("username", "demo-expert"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let html = c
        .get(app.url("/account"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_page_shape(&html, "en");
    let (locale,): (String,) =
        sqlx::query_as("SELECT locale FROM users WHERE username = 'demo-expert'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(locale, "en");
}

#[tokio::test]
async fn language_links_keep_the_query_and_stay_on_the_site() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Auditor).await;
    let html = c
        .get(app.url("/audit?actor=demo-auditor&lang=fi"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("href=\"/audit?actor=demo-auditor&#38;lang=sv\"")
            || html.contains("href=\"/audit?actor=demo-auditor&amp;lang=sv\""),
        "the filter stays when the language changes"
    );
    let anon = app.client();
    let html = anon
        .get(app.url("//evil.example/x"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        !html.contains("href=\"//evil.example"),
        "no link off the site"
    );
}

#[tokio::test]
async fn a_finished_step_is_confirmed_and_only_known_steps_are() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let html = c
        .get(app.url("/phenomena?done=phenomenon-saved"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("role=\"status\">Ilmiö on tallennettu.</p>"));
    for bad in ["nothing", "%3Cscript%3E", "phenomenon-saved%20x"] {
        let html = c
            .get(app.url(&format!("/phenomena?done={bad}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(!html.contains("notice success"), "{bad}");
    }
}
