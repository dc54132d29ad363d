//! Each person's inbox (`GET /api/v1/inbox` and the front page): what waits
//! for whom as a case moves, read and unread per person, a coordinator's
//! pseudonymous view, and the access log of what an inbox showed.

use crate::consultations::{group_id, page, send, submit};
use crate::helpers::*;
use otalusta_domain::role::Role;
use serde_json::Value;

async fn inbox(app: &TestApp, c: &reqwest::Client) -> Value {
    let r = c.get(app.url("/api/v1/inbox")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

/// The kinds of the items about request `id`.
fn kinds_of(inbox: &Value, id: i64) -> Vec<String> {
    inbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["request_id"].as_i64() == Some(id))
        .map(|i| i["kind"].as_str().unwrap().to_owned())
        .collect()
}

async fn exec(app: &TestApp, sql: &str, id: i64) {
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .execute(app.state.db.pool())
        .await
        .unwrap();
}

#[tokio::test]
async fn what_waits_moves_with_the_case_and_messages_are_unread_until_seen() {
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    let secretary = app.login(Role::Secretary).await;
    let expert = app.login(Role::Expert).await;

    let id = send(&app, &requester, g, &submit(&[])).await;
    // Sent: the secretary has it to triage, the requester nothing to do.
    assert_eq!(kinds_of(&inbox(&app, &secretary).await, id), ["triage"]);
    let mine = kinds_of(&inbox(&app, &requester).await, id);
    assert!(
        mine.iter().all(|k| k == "meeting"),
        "only the meeting it is proposed for: {mine:?}"
    );
    assert!(kinds_of(&inbox(&app, &expert).await, id).is_empty());

    // The front page leads there, and the navigation counts it.
    let (code, home) = page(&app, &secretary, "/").await;
    assert_eq!(code, 200);
    assert!(home.contains(&format!("href=\"/requests/{id}\"")), "{home}");
    assert!(home.contains("class=\"count\""));

    // A question back: the requester has it, the secretary no longer.
    let res = app
        .post_form(
            &secretary,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/ask"),
            &[("reason", "Mitä koulu on jo kokeillut?")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(kinds_of(&inbox(&app, &requester).await, id).contains(&"question".to_owned()));
    assert!(kinds_of(&inbox(&app, &secretary).await, id).is_empty());

    // A message from the requester: unread for the secretary (counted one
    // by one) until she opens the case; the writer has nothing unread.
    for body in ["Koulu on kokeillut tukiopetusta.", "Ja pienryhmää."] {
        let res = app
            .post_form(
                &requester,
                &format!("/requests/{id}"),
                &format!("/requests/{id}/messages"),
                &[("body", body)],
            )
            .await;
        assert_eq!(res.status(), 303);
    }
    let b = inbox(&app, &secretary).await;
    assert_eq!(kinds_of(&b, id), ["message"]);
    assert_eq!(b["counts"]["message"], 2);
    assert!(!kinds_of(&inbox(&app, &requester).await, id).contains(&"message".to_owned()));
    let (code, _) = page(&app, &secretary, &format!("/requests/{id}")).await;
    assert_eq!(code, 200);
    assert!(kinds_of(&inbox(&app, &secretary).await, id).is_empty());
    // Only what comes after the last reading is unread.
    let res = app
        .post_form(
            &requester,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/messages"),
            &[("body", "Vielä yksi asia.")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(inbox(&app, &secretary).await["counts"]["message"], 1);
    // A case no longer in work (closed) still brings its unread message:
    // read by id, not among the group's active cases.
    exec(
        &app,
        "UPDATE requests SET status = 'closed' WHERE id = $1",
        id,
    )
    .await;
    assert_eq!(kinds_of(&inbox(&app, &secretary).await, id), ["message"]);

    // Every case an inbox showed is in the access log under the viewer.
    let entries = audit_entries(&app, "request.inbox").await;
    assert!(
        entries
            .iter()
            .any(|(actor, object, _)| actor == "demo-secretary" && object == &id.to_string()),
        "{entries:?}"
    );
}

#[tokio::test]
async fn held_meetings_overdue_follow_ups_and_stalled_requests_surface() {
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    let secretary = app.login(Role::Secretary).await;
    let coordinator = app.login(Role::Coordinator).await;

    // Untriaged for eight days: the area's coordinator sees it, without
    // its content; the secretary still has it to triage.
    let stalled = send(&app, &requester, g, &submit(&[])).await;
    exec(
        &app,
        "UPDATE requests SET submitted_at = '2020-01-01T08:00:00.000000Z' WHERE id = $1",
        stalled,
    )
    .await;
    let b = inbox(&app, &coordinator).await;
    assert_eq!(kinds_of(&b, stalled), ["stalled"]);
    let item = b["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["request_id"].as_i64() == Some(stalled))
        .unwrap();
    assert!(
        !item.to_string().contains("Miten tukea"),
        "no content: {item}"
    );
    let (_, home) = page(&app, &coordinator, "/").await;
    assert!(home.contains(&format!("#{stalled}")));
    assert!(
        !home.contains("Miten tukea lasta"),
        "pseudonymous front page"
    );

    // Accepted on a meeting that has been held, with no outcome yet.
    let held = send(&app, &requester, g, &submit(&[])).await;
    exec(
        &app,
        "UPDATE requests SET status = 'accepted', meeting_date = '2026-01-15' WHERE id = $1",
        held,
    )
    .await;
    assert_eq!(kinds_of(&inbox(&app, &secretary).await, held), ["outcome"]);

    // A follow-up past its day: the requester, the secretary and the
    // coordinator all see it late.
    let late = send(&app, &requester, g, &submit(&[])).await;
    exec(
        &app,
        "UPDATE requests SET status = 'follow-up', follow_up_due = '2026-01-31' WHERE id = $1",
        late,
    )
    .await;
    for c in [&requester, &secretary, &coordinator] {
        assert_eq!(kinds_of(&inbox(&app, c).await, late), ["follow-up-overdue"]);
    }
    // Oldest first: untriaged since 2020 before due in January 2026.
    let order: Vec<i64> = inbox(&app, &coordinator).await["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["request_id"].as_i64())
        .filter(|r| [stalled, late].contains(r))
        .collect();
    assert_eq!(order, [stalled, late]);
}

/// The navigation's badge on a page other than the front page (0 when none).
async fn badge(app: &TestApp, c: &reqwest::Client) -> u64 {
    let (code, html) = page(app, c, "/groups").await;
    assert_eq!(code, 200);
    html.split_once("<span class=\"count\">")
        .map_or(0, |(_, rest)| {
            rest.split('<').next().unwrap().trim().parse().unwrap()
        })
}

/// `c` writes a message in case `id`.
async fn message(app: &TestApp, c: &reqwest::Client, id: i64) {
    let res = app
        .post_form(
            c,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/messages"),
            &[("body", "Koulu on kokeillut tukiopetusta.")],
        )
        .await;
    assert_eq!(res.status(), 303);
}

/// Rows of the change feed with `topic` about `object`.
async fn fed(app: &TestApp, topic: &str, object: &str) -> i64 {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM outbox WHERE topic = $1 AND object_id = $2")
            .bind(topic)
            .bind(object)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    n
}

/// The badge is kept between page views (`inbox::count`) and still follows
/// every change: at once for what this node writes and for a case page that
/// marked messages read, through the change feed for a write the node did
/// not make (another node's; here SQL beside the app).
#[tokio::test]
async fn the_navigation_count_follows_every_change() {
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    let secretary = app.login(Role::Secretary).await;
    let waiting = |c| {
        let app = &app;
        async move { inbox(app, c).await["waiting"].as_u64().unwrap() }
    };
    let before = badge(&app, &secretary).await;
    assert_eq!(before, waiting(&secretary).await);

    // Sent on this node: counted on the secretary's next page.
    let id = send(&app, &requester, g, &submit(&[])).await;
    assert!(fed(&app, "case", &id.to_string()).await > 0);
    let sent = badge(&app, &secretary).await;
    assert!(sent > before, "{before} → {sent}");
    assert_eq!(sent, waiting(&secretary).await);
    assert_eq!(badge(&app, &secretary).await, sent, "held between views");

    // A message: one more; opening the case reads it, one less next page.
    message(&app, &requester, id).await;
    let unread = badge(&app, &secretary).await;
    assert!(unread > sent, "{sent} → {unread}");
    let (reader,): (i64,) =
        sqlx::query_as("SELECT id FROM users WHERE username = 'demo-secretary'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    let reads = fed(&app, "read", &reader.to_string()).await;
    let (code, _) = page(&app, &secretary, &format!("/requests/{id}")).await;
    assert_eq!(code, 200);
    assert_eq!(badge(&app, &secretary).await, sent);
    assert!(
        fed(&app, "read", &reader.to_string()).await > reads,
        "the reading is in the change feed (other nodes drop her count)"
    );

    // Closed by a write this node did not make: the database's trigger puts
    // it in the change feed, and the badge follows within the feed's poll.
    let before_close = fed(&app, "case", &id.to_string()).await;
    exec(
        &app,
        "UPDATE requests SET status = 'closed' WHERE id = $1",
        id,
    )
    .await;
    assert!(
        fed(&app, "case", &id.to_string()).await > before_close,
        "the trigger wrote the change feed"
    );
    let closed = waiting(&secretary).await;
    assert!(closed < sent, "{sent} → {closed}");
    let mut seen = Vec::new();
    for _ in 0..100 {
        let n = badge(&app, &secretary).await;
        seen.push(n);
        if n == closed {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(seen.last(), Some(&closed), "{seen:?}");
}

/// Many views of the navigation while cases are sent, written to and read:
/// after each write has been answered, the next view counts what waits —
/// no count begun before the write is kept after it — for the person the
/// write concerned and for a coordinator who only watches.
#[tokio::test]
async fn the_navigation_count_is_right_after_each_write_amid_many_views() {
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    let secretary = app.login(Role::Secretary).await;
    let coordinator = app.login(Role::Coordinator).await;
    let hammer = Hammer::start(
        (0..4)
            .map(|i| {
                (
                    [&secretary, &coordinator][i % 2].clone(),
                    app.url("/groups"),
                )
            })
            .collect(),
    );
    let right = |c: &reqwest::Client, when: String| {
        let (app, c) = (&app, c.clone());
        async move {
            let shown = badge(app, &c).await;
            let waiting = inbox(app, &c).await["waiting"].as_u64().unwrap();
            assert_eq!(shown, waiting, "{when}");
        }
    };
    for round in 0..5 {
        let id = send(&app, &requester, g, &submit(&[])).await;
        right(&secretary, format!("round {round}: sent")).await;
        right(&coordinator, format!("round {round}: sent, coordinator")).await;
        message(&app, &requester, id).await;
        right(&secretary, format!("round {round}: message")).await;
        let (code, _) = page(&app, &secretary, &format!("/requests/{id}")).await;
        assert_eq!(code, 200);
        right(&secretary, format!("round {round}: read")).await;
    }
    assert!(hammer.stop().await > 0, "the others viewed meanwhile");
}

#[tokio::test]
async fn roles_without_cases_have_no_inbox_and_strangers_none_at_all() {
    let app = TestApp::spawn().await;
    let researcher = app.login(Role::Researcher).await;
    let b = inbox(&app, &researcher).await;
    assert_eq!(b["items"].as_array().unwrap().len(), 0);
    assert_eq!(b["waiting"], 0);
    let (code, home) = page(&app, &researcher, "/").await;
    assert_eq!(code, 200);
    assert!(!home.contains("id=\"waiting-h\""));
    let r = app
        .client()
        .get(app.url("/api/v1/inbox"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn the_daily_digest_goes_once_to_whom_something_waits_and_names_no_case() {
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    let secretary = app.login(Role::Secretary).await;
    let researcher = app.login(Role::Researcher).await;
    send(&app, &requester, g, &submit(&[])).await;
    // The secretary (a request to triage) and the researcher (nothing
    // waits) switch it on; the requester does not.
    for c in [&secretary, &researcher] {
        let res = app
            .post_form(c, "/account", "/account/digest", &[("digest", "on")])
            .await;
        assert_eq!(res.status(), 303);
    }
    let (_, html) = page(&app, &secretary, "/account?done=digest-on").await;
    assert!(html.contains("id=\"digest\" name=\"digest\" value=\"on\" checked"));
    assert!(
        html.contains("sähköpostipalvelinta"),
        "truthful: no mail server here"
    );
    let digests = async || -> Vec<(i64, String)> {
        sqlx::query_as("SELECT user_id, link FROM notifications WHERE kind = 'digest' ORDER BY id")
            .fetch_all(app.state.db.pool())
            .await
            .unwrap()
    };
    let today = otalusta::groups::routes::today();
    let n = otalusta::inbox::digest::send_due(&app.state, today)
        .await
        .unwrap();
    assert_eq!(n, 1);
    let sent = digests().await;
    assert_eq!(
        sent,
        [(app.user_id("demo-secretary").await, "/".to_owned())],
        "only whom something waits for, and only a link to the front page"
    );
    // Once a day, however often it runs (several nodes, every ten minutes).
    let again = otalusta::inbox::digest::send_due(&app.state, today)
        .await
        .unwrap();
    assert_eq!(again, 0);
    assert_eq!(digests().await.len(), 1);
    let tomorrow = today.checked_add(jiff::Span::new().days(1)).unwrap();
    otalusta::inbox::digest::send_due(&app.state, tomorrow)
        .await
        .unwrap();
    assert_eq!(digests().await.len(), 2);
    // Switched off: no more.
    let res = app
        .post_form(&secretary, "/account", "/account/digest", &[])
        .await;
    assert_eq!(res.status(), 303);
    let later = tomorrow.checked_add(jiff::Span::new().days(1)).unwrap();
    otalusta::inbox::digest::send_due(&app.state, later)
        .await
        .unwrap();
    assert_eq!(digests().await.len(), 2);
}
