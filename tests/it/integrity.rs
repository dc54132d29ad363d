//! The consultation workflow under concurrency, through the real router
//! with real parallel HTTP clients, on both engines: places are never
//! over-booked, a change is made once however many times it is posted, and
//! a crowd of writers gets no server errors.

use crate::consultations::{count, dated_group, day, send, status, submit};
use crate::helpers::*;
use otalusta_domain::role::Role;
use tokio::task::JoinSet;

/// Posts `fields` (with the client's CSRF token) to `path` `n` times at once;
/// the status codes and `Location` headers, in completion order.
async fn at_once(
    app: &TestApp,
    c: &reqwest::Client,
    form_page: &str,
    path: &str,
    fields: &[(&str, &str)],
    n: usize,
) -> Vec<(u16, String)> {
    let token = app.csrf(c, form_page).await;
    let mut all: Vec<(String, String)> = vec![("csrf".into(), token)];
    all.extend(fields.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    let mut set = JoinSet::new();
    for _ in 0..n {
        let (c, url, form) = (c.clone(), app.url(path), all.clone());
        set.spawn(async move {
            let res = c.post(url).form(&form).send().await.unwrap();
            let loc = res
                .headers()
                .get("location")
                .map(|l| l.to_str().unwrap().to_owned())
                .unwrap_or_default();
            (res.status().as_u16(), loc)
        });
    }
    set.join_all().await
}

fn codes(results: &[(u16, String)]) -> Vec<u16> {
    let mut c: Vec<u16> = results.iter().map(|r| r.0).collect();
    c.sort_unstable();
    c
}

async fn history_count(app: &TestApp, id: i64, kind: &str) -> i64 {
    count(
        app,
        &format!("SELECT COUNT(*) FROM request_events WHERE request_id = {id} AND kind = '{kind}'"),
    )
    .await
}

async fn log_count(app: &TestApp, id: i64, action: &str) -> i64 {
    count(
        app,
        &format!(
            "SELECT COUNT(*) FROM audit_log WHERE object_type = 'request' \
             AND object_id = '{id}' AND action = '{action}' AND outcome = 'success'"
        ),
    )
    .await
}

#[tokio::test]
async fn simultaneous_accepts_onto_the_last_places_give_exactly_the_capacity() {
    let app = TestApp::spawn().await;
    let g = dated_group(&app, &[20, 40], "3").await;
    let requester = app.login(Role::Requester).await;
    let mut ids = Vec::new();
    for _ in 0..6 {
        ids.push(send(&app, &requester, g, &submit(&[])).await);
    }
    // Six secretaries' clicks at once, each on its own request, all onto
    // the meeting in 20 days (which has three places).
    let secretary = app.login(Role::Secretary).await;
    let token = app.csrf(&secretary, &format!("/requests/{}", ids[0])).await;
    let mut set = JoinSet::new();
    for id in &ids {
        let (c, url, token, meeting) = (
            secretary.clone(),
            app.url(&format!("/requests/{id}/accept")),
            token.clone(),
            day(20),
        );
        set.spawn(async move {
            c.post(url)
                .form(&[("csrf", token.as_str()), ("meeting", meeting.as_str())])
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        });
    }
    let mut got = set.join_all().await;
    got.sort_unstable();
    assert_eq!(
        got,
        vec![303, 303, 303, 422, 422, 422],
        "three accepted, three refused as full"
    );
    let accepted = count(
        &app,
        &format!(
            "SELECT COUNT(*) FROM requests WHERE group_id = {g} AND status = 'accepted' \
             AND meeting_date = '{}'",
            day(20)
        ),
    )
    .await;
    assert_eq!(accepted, 3);
    let events = count(
        &app,
        &format!(
            "SELECT COUNT(*) FROM request_events e JOIN requests r ON r.id = e.request_id \
             WHERE r.group_id = {g} AND e.kind = 'accepted'"
        ),
    )
    .await;
    assert_eq!(events, 3, "one history entry per acceptance");
    // The group's page and the API count the same places.
    let c = app.login(Role::Coordinator).await;
    let meetings: serde_json::Value = app
        .get_json(&c, &format!("/api/v1/groups/{g}/meetings"))
        .await;
    let m = meetings
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["rule_date"] == day(20))
        .unwrap();
    assert_eq!(
        (m["placed"].as_u64(), m["proposed"].as_u64()),
        (Some(3), Some(3))
    );
}

#[tokio::test]
async fn simultaneous_withdrawals_and_replayed_forms_have_one_effect() {
    let app = TestApp::spawn().await;
    let g = dated_group(&app, &[20], "3").await;
    let requester = app.login(Role::Requester).await;
    let queued = async || {
        count(
            &app,
            "SELECT COUNT(*) FROM notifications WHERE kind = 'queue'",
        )
        .await
    };

    // Three posts at once without a form token: one withdraws, the others
    // are told the request changed.
    let id = send(&app, &requester, g, &submit(&[])).await;
    let before = queued().await;
    let page = format!("/requests/{id}");
    let got = at_once(
        &app,
        &requester,
        &page,
        &format!("{page}/withdraw"),
        &[("confirm", "yes")],
        3,
    )
    .await;
    assert_eq!(codes(&got), vec![303, 409, 409]);
    assert_eq!(status(&app, id).await.0, "withdrawn");
    assert_eq!(history_count(&app, id, "withdrawn").await, 1);
    assert_eq!(log_count(&app, id, "request.withdraw").await, 1);
    assert_eq!(queued().await - before, 1, "the secretary is told once");

    // A double click (the same form, its token twice at once): one effect,
    // and both posts get the same answer.
    let id = send(&app, &requester, g, &submit(&[])).await;
    let page = format!("/requests/{id}");
    let got = at_once(
        &app,
        &requester,
        &page,
        &format!("{page}/withdraw"),
        &[
            ("once", "tupla-klikkaus-1"),
            ("seen", "submitted"),
            ("confirm", "yes"),
        ],
        4,
    )
    .await;
    assert!(got.iter().all(|(c, _)| *c == 303), "{got:?}");
    assert!(
        got.iter().all(|(_, l)| *l == got[0].1),
        "the same answer: {got:?}"
    );
    assert_eq!(history_count(&app, id, "withdrawn").await, 1);
    assert_eq!(log_count(&app, id, "request.withdraw").await, 1);

    // A form posted from a page that showed another status: refused.
    let id = send(&app, &requester, g, &submit(&[])).await;
    let page = format!("/requests/{id}");
    let got = at_once(
        &app,
        &requester,
        &page,
        &format!("{page}/withdraw"),
        &[("seen", "draft"), ("confirm", "yes")],
        1,
    )
    .await;
    assert_eq!(codes(&got), vec![409]);
    assert_eq!(status(&app, id).await.0, "submitted");

    // Messages: a replayed one is stored once.
    let got = at_once(
        &app,
        &requester,
        &page,
        &format!("{page}/messages"),
        &[("body", "Sama viesti kahdesti"), ("once", "viesti-1")],
        3,
    )
    .await;
    assert!(got.iter().all(|(c, _)| *c == 303), "{got:?}");
    let stored = count(
        &app,
        &format!("SELECT COUNT(*) FROM request_messages WHERE request_id = {id}"),
    )
    .await;
    assert_eq!(stored, 1);
}

#[tokio::test]
async fn a_double_sent_new_request_is_created_once() {
    let app = TestApp::spawn().await;
    let g = dated_group(&app, &[20], "3").await;
    let requester = app.login(Role::Requester).await;
    let gs = g.to_string();
    let mut fields = submit(&[("identification", "none"), ("once", "uusi-pyynto-1")]);
    fields.push(("group", gs.as_str()));
    let before = count(&app, "SELECT COUNT(*) FROM requests").await;
    let got = at_once(
        &app,
        &requester,
        &format!("/requests/new?group={g}"),
        "/requests",
        &fields,
        3,
    )
    .await;
    assert!(got.iter().all(|(c, _)| *c == 303), "{got:?}");
    assert!(
        got.iter().all(|(_, l)| *l == got[0].1),
        "the same answer: {got:?}"
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM requests").await - before,
        1
    );
}

#[tokio::test]
async fn a_draft_sent_twice_at_once_is_sent_once() {
    let app = TestApp::spawn().await;
    let g = dated_group(&app, &[20], "3").await;
    let requester = app.login(Role::Requester).await;
    let id = send(
        &app,
        &requester,
        g,
        &[("q_question", "Luonnos"), ("action", "save")],
    )
    .await;
    let page = format!("/requests/{id}/edit");
    let mut fields = submit(&[("identification", "none")]);
    fields.retain(|(k, _)| *k != "group");
    let got = at_once(
        &app,
        &requester,
        &page,
        &format!("/requests/{id}"),
        &fields,
        4,
    )
    .await;
    let sent = got.iter().filter(|(c, _)| *c == 303).count();
    assert_eq!(sent, 1, "one send, the others refused: {got:?}");
    assert!(got.iter().all(|(c, _)| *c == 303 || *c == 409), "{got:?}");
    assert_eq!(history_count(&app, id, "submitted").await, 1);
    assert_eq!(log_count(&app, id, "request.submit").await, 1);
    assert_eq!(status(&app, id).await.0, "submitted");
}

#[tokio::test]
async fn fifty_simultaneous_writers_get_no_server_error() {
    let app = TestApp::spawn().await;
    let g = dated_group(&app, &[20], "3").await;
    let requester = app.login(Role::Requester).await;
    let id = send(&app, &requester, g, &submit(&[])).await;
    let page = format!("/requests/{id}");
    // Fifty different messages at once (no shared token).
    let token = app.csrf(&requester, &page).await;
    let mut set = JoinSet::new();
    for i in 0..50 {
        let (c, url, token) = (
            requester.clone(),
            app.url(&format!("{page}/messages")),
            token.clone(),
        );
        set.spawn(async move {
            c.post(url)
                .form(&[("csrf", token), ("body", format!("Viesti {i}"))])
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        });
    }
    let got = set.join_all().await;
    assert!(got.iter().all(|c| *c == 303), "{got:?}");
    let stored = count(
        &app,
        &format!("SELECT COUNT(*) FROM request_messages WHERE request_id = {id}"),
    )
    .await;
    assert_eq!(stored, 50);
    assert_eq!(log_count(&app, id, "request.message").await, 50);
    // And fifty new requests sent at once are all proposed, none lost.
    let gs = g.to_string();
    let mut fields = submit(&[("identification", "none")]);
    fields.push(("group", gs.as_str()));
    let before = count(
        &app,
        "SELECT COUNT(*) FROM requests WHERE status = 'submitted'",
    )
    .await;
    let got = at_once(
        &app,
        &requester,
        &format!("/requests/new?group={g}"),
        "/requests",
        &fields,
        50,
    )
    .await;
    assert!(got.iter().all(|(c, _)| *c == 303), "{:?}", codes(&got));
    let after = count(
        &app,
        "SELECT COUNT(*) FROM requests WHERE status = 'submitted'",
    )
    .await;
    assert_eq!(after - before, 50);
}
