//! Events (tapahtumat) end to end: the race for the last seat, the
//! waitlist moving up, e-mailed confirmation links, iCalendar, the
//! certificate, who sees what, reminders, attendance and my learning.

use crate::helpers::*;
use otalusta_domain::role::Role;
use serde_json::Value;

/// The defaults of the event form: a public webinar of Itä-Suomi on
/// 15.6.2030 10–12 Helsinki time (UTC+3).
const EVENT: &[(&str, &str)] = &[
    ("kind", "webinar"),
    ("title", "Testiwebinaari"),
    ("description", "Ensimmäinen kappale.\n\nToinen kappale."),
    ("starts", "2030-06-15T10:00"),
    ("ends", "2030-06-15T12:00"),
    ("place", "Kuopio"),
    ("online_url", "https://video.example.fi/salainen-huone"),
    ("organiser", "Itä-Suomen OT-keskus"),
    ("area", "ita-suomi"),
    ("capacity", "10"),
    ("registration_open", "1"),
    ("visibility", "public"),
];

async fn create_event(app: &TestApp, c: &reqwest::Client, fields: &[(&str, &str)]) -> i64 {
    let mut all: Vec<(&str, &str)> = EVENT
        .iter()
        .copied()
        .filter(|(k, _)| !fields.iter().any(|(f, _)| f == k))
        .collect();
    all.extend_from_slice(fields);
    let res = app.post_form(c, "/events/new", "/events", &all).await;
    assert_eq!(res.status(), 303, "event created: {:?}", res.text().await);
    res.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/events/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

async fn get(app: &TestApp, c: &reqwest::Client, path: &str) -> (u16, String) {
    let r = c.get(app.url(path)).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn post(app: &TestApp, c: &reqwest::Client, page: &str, path: &str) -> reqwest::Response {
    app.post_form(c, page, path, &[]).await
}

async fn statuses(app: &TestApp, event: i64) -> Vec<(String, String)> {
    sqlx::query_as(
        "SELECT COALESCE(u.username, r.email), r.status FROM event_registrations r \
         LEFT JOIN users u ON u.id = r.user_id WHERE r.event_id = $1 ORDER BY r.id",
    )
    .bind(event)
    .fetch_all(app.state.db.pool())
    .await
    .unwrap()
}

async fn seats_taken(app: &TestApp, event: i64) -> i64 {
    count(
        app,
        "SELECT seats_taken FROM events WHERE id = $1",
        Some(event),
    )
    .await
}

/// The newest outside e-mail's link starting with `prefix`.
async fn mailed_link(app: &TestApp, to: &str, prefix: &str) -> String {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT body FROM event_mails WHERE to_email = $1 ORDER BY id DESC")
            .bind(to)
            .fetch_all(app.state.db.pool())
            .await
            .unwrap();
    for (body,) in rows {
        if let Some(i) = body.find(prefix) {
            let rest = &body[i..];
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            return rest[..end].to_owned();
        }
    }
    panic!("no {prefix} link mailed to {to}");
}

async fn sign_up(app: &TestApp, c: &reqwest::Client, event: i64, name: &str, email: &str) {
    let page = format!("/events/{event}");
    let res = app
        .post_form(
            c,
            &page,
            &format!("{page}/signup"),
            &[
                ("name", name),
                ("email", email),
                ("organisation", "Testikoulu"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303, "{:?}", res.text().await);
}

#[tokio::test]
async fn two_registrations_racing_for_the_last_seat_get_one_seat_and_one_waitlist_place() {
    let app = TestApp::spawn().await;
    let coordinator = app.login(Role::Coordinator).await;
    let a = app.login(Role::Requester).await;
    let b = app.login(Role::Expert).await;
    for round in 0..4 {
        let id = create_event(&app, &coordinator, &[("capacity", "1")]).await;
        let page = format!("/events/{id}");
        let path = format!("{page}/register");
        let (ta, tb) = (app.csrf(&a, &page).await, app.csrf(&b, &page).await);
        let (ra, rb) = tokio::join!(
            a.post(app.url(&path)).form(&[("csrf", ta.as_str())]).send(),
            b.post(app.url(&path)).form(&[("csrf", tb.as_str())]).send(),
        );
        assert_eq!(ra.unwrap().status(), 303);
        assert_eq!(rb.unwrap().status(), 303);
        let mut got: Vec<String> = statuses(&app, id)
            .await
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        got.sort();
        assert_eq!(got, vec!["registered", "waitlist"], "round {round}");
        assert_eq!(seats_taken(&app, id).await, 1);
    }
    // The same person twice: one registration, a clear message.
    let id = create_event(&app, &coordinator, &[]).await;
    let page = format!("/events/{id}");
    let res = post(&app, &a, &page, &format!("{page}/register")).await;
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .contains("done=events-registered")
    );
    let res = post(&app, &a, &page, &format!("{page}/register")).await;
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .contains("done=events-already")
    );
    assert_eq!(statuses(&app, id).await.len(), 1);
    assert_eq!(seats_taken(&app, id).await, 1);
    // Outside sign-ups racing for the last seat by their links.
    let id = create_event(&app, &coordinator, &[("capacity", "1")]).await;
    let anon = app.client();
    sign_up(&app, &anon, id, "Maija Meikäläinen", "maija@example.org").await;
    sign_up(&app, &anon, id, "Matti Meikäläinen", "matti@example.org").await;
    let la = mailed_link(&app, "maija@example.org", "/events/confirm/").await;
    let lb = mailed_link(&app, "matti@example.org", "/events/confirm/").await;
    let token = app.csrf(&anon, &la).await;
    let (ra, rb) = tokio::join!(
        anon.post(app.url(&la))
            .form(&[("csrf", token.as_str())])
            .send(),
        anon.post(app.url(&lb))
            .form(&[("csrf", token.as_str())])
            .send(),
    );
    assert_eq!(ra.unwrap().status(), 200);
    assert_eq!(rb.unwrap().status(), 200);
    let mut got: Vec<String> = statuses(&app, id)
        .await
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    got.sort();
    assert_eq!(got, vec!["registered", "waitlist"]);
}

#[tokio::test]
async fn cancelling_moves_the_first_on_the_waitlist_up_and_tells_them() {
    let app = TestApp::spawn().await;
    let coordinator = app.login(Role::Coordinator).await;
    let a = app.login(Role::Requester).await;
    let b = app.login(Role::Expert).await;
    let c = app.login(Role::Secretary).await;
    let id = create_event(&app, &coordinator, &[("capacity", "1")]).await;
    let page = format!("/events/{id}");
    for client in [&a, &b, &c] {
        post(&app, client, &page, &format!("{page}/register")).await;
    }
    let (_, body) = get(&app, &c, &page).await;
    assert!(body.contains("varasijalla 2"), "{body}");
    let res = post(&app, &a, &page, &format!("{page}/unregister")).await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        statuses(&app, id).await,
        vec![
            ("demo-requester".to_owned(), "cancelled".to_owned()),
            ("demo-expert".to_owned(), "registered".to_owned()),
            ("demo-secretary".to_owned(), "waitlist".to_owned()),
        ]
    );
    assert_eq!(seats_taken(&app, id).await, 1);
    let expert = app.user_id("demo-expert").await;
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND kind = 'event-promoted' AND link = $2",
    )
    .bind(expert)
    .bind(&page)
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(n, 1, "the one who moved up is told");
    let (_, body) = get(&app, &c, &page).await;
    assert!(body.contains("varasijalla 1"), "{body}");
    // An outside participant on the waitlist moves up by e-mail too.
    let anon = app.client();
    sign_up(&app, &anon, id, "Ulla Ulkopuolinen", "ulla@example.org").await;
    let link = mailed_link(&app, "ulla@example.org", "/events/confirm/").await;
    let token = app.csrf(&anon, &link).await;
    anon.post(app.url(&link))
        .form(&[("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    post(&app, &b, &page, &format!("{page}/unregister")).await;
    post(&app, &c, &page, &format!("{page}/unregister")).await;
    let n = count(&app, "SELECT COUNT(*) FROM event_mails WHERE to_email = 'ulla@example.org' AND kind = 'promoted'", None).await;
    assert_eq!(n, 1);
    // She cancels by the link in her e-mail; the seat is free again.
    let cancel = mailed_link(&app, "ulla@example.org", "/events/cancel/").await;
    let (status, body) = get(&app, &anon, &cancel).await;
    assert_eq!(status, 200, "{body}");
    let token = app.csrf(&anon, &cancel).await;
    let res = anon
        .post(app.url(&cancel))
        .form(&[("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(seats_taken(&app, id).await, 0);
    let res = anon
        .post(app.url(&cancel))
        .form(&[("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 410, "a used cancel link is told kindly");
    // No outside participant's address in the access log.
    let n = count(
        &app,
        "SELECT COUNT(*) FROM audit_log WHERE actor_name LIKE '%@%' OR object_id LIKE '%@%'",
        None,
    )
    .await;
    assert_eq!(n, 0);
    let n = count(
        &app,
        "SELECT COUNT(*) FROM audit_log WHERE purpose = 'events' AND action = 'event.unregister'",
        None,
    )
    .await;
    assert_eq!(n, 4);
}

#[tokio::test]
async fn an_emailed_confirmation_link_works_once_and_not_after_it_expires() {
    let app = TestApp::spawn().await;
    let coordinator = app.login(Role::Coordinator).await;
    let id = create_event(&app, &coordinator, &[]).await;
    let anon = app.client();
    sign_up(&app, &anon, id, "Maija Meikäläinen", "Maija@Example.org").await;
    // Pending until confirmed: no seat yet.
    assert_eq!(
        statuses(&app, id).await,
        vec![("maija@example.org".to_owned(), "pending".to_owned())]
    );
    assert_eq!(seats_taken(&app, id).await, 0);
    let link = mailed_link(&app, "maija@example.org", "/events/confirm/").await;
    let (status, body) = get(&app, &anon, &link).await;
    assert_eq!(status, 200);
    assert!(body.contains("Testiwebinaari"));
    let token = app.csrf(&anon, &link).await;
    let res = anon
        .post(app.url(&link))
        .form(&[("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(statuses(&app, id).await[0].1, "registered");
    assert_eq!(seats_taken(&app, id).await, 1);
    let res = anon
        .post(app.url(&link))
        .form(&[("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 410, "the second use is refused kindly");
    assert!(res.text().await.unwrap().contains("Linkki"));
    assert_eq!(seats_taken(&app, id).await, 1);
    let (status, _) = get(&app, &anon, &link).await;
    assert_eq!(status, 410);
    let (status, _) = get(&app, &anon, "/events/confirm/tuntematon").await;
    assert_eq!(status, 410);
    // The same address again: no second registration.
    sign_up(&app, &anon, id, "Maija Meikäläinen", "maija@example.org").await;
    assert_eq!(statuses(&app, id).await.len(), 1);
    // An expired link.
    sign_up(&app, &anon, id, "Matti Meikäläinen", "matti@example.org").await;
    sqlx::query(
        "UPDATE event_registrations SET token_expires_at = $1 WHERE email = 'matti@example.org'",
    )
    .bind("2020-01-01T00:00:00.000000Z")
    .execute(app.state.db.pool())
    .await
    .unwrap();
    let link = mailed_link(&app, "matti@example.org", "/events/confirm/").await;
    let (status, body) = get(&app, &anon, &link).await;
    assert_eq!(status, 410, "{body}");
    assert!(body.contains("vanhentunut"));
    let res = anon
        .post(app.url(&link))
        .form(&[("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 410);
    assert_eq!(statuses(&app, id).await[1].1, "pending");
    // A refused sign-up form comes back with its problems.
    let page = format!("/events/{id}");
    let res = app
        .post_form(
            &anon,
            &page,
            &format!("{page}/signup"),
            &[("name", ""), ("email", "x")],
        )
        .await;
    assert_eq!(res.status(), 422);
}

const PARSE_ICS: &str = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.read())
for ev in cal.walk('VEVENT'):
    print('|'.join([str(ev['UID']), ev.decoded('DTSTART').isoformat(), ev.decoded('DTEND').isoformat(),
                    str(ev.get('SEQUENCE')), str(ev.get('STATUS')), str(ev.get('SUMMARY')),
                    str(ev.get('DESCRIPTION', '')).replace('\n', ' ')]))
"#;

fn parse_ics(ics: &str) -> Vec<Vec<String>> {
    crate::python::run(PARSE_ICS, ics)
        .lines()
        .map(|l| l.split('|').map(str::to_owned).collect())
        .collect()
}

#[tokio::test]
async fn the_calendar_feed_and_an_event_file_parse_and_carry_the_right_times() {
    let app = TestApp::spawn().await;
    let coordinator = app.login(Role::Coordinator).await;
    let id = create_event(
        &app,
        &coordinator,
        &[("title", "Kesäwebinaari; osa 1, johdanto")],
    )
    .await;
    let hidden = create_event(
        &app,
        &coordinator,
        &[
            ("title", "Vain ammattilaisille"),
            ("visibility", "professionals"),
        ],
    )
    .await;
    let anon = app.client();
    let r = anon
        .get(app.url("/events/calendar.ics"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let events = parse_ics(&r.text().await.unwrap());
    assert_eq!(events.len(), 1, "{events:?}");
    let e = &events[0];
    assert!(e[0].starts_with(&format!("event-{id}@")));
    // 15.6.2030 10.00 Helsinki (summer time) is 07.00 UTC.
    assert_eq!(e[1], "2030-06-15T07:00:00+00:00");
    assert_eq!(e[2], "2030-06-15T09:00:00+00:00");
    assert_eq!(e[3], "0");
    assert_eq!(e[4], "CONFIRMED");
    assert_eq!(e[5], "Kesäwebinaari; osa 1, johdanto");
    assert!(
        !e[6].contains("salainen-huone"),
        "no online link in the public feed"
    );
    // An edit raises SEQUENCE, a cancellation says CANCELLED; the UID stays.
    let mut fields: Vec<(&str, &str)> = EVENT.to_vec();
    fields.retain(|(k, _)| *k != "starts");
    fields.push(("starts", "2030-06-15T11:00"));
    let res = app
        .post_form(
            &coordinator,
            &format!("/events/{id}/edit"),
            &format!("/events/{id}"),
            &fields,
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = post(
        &app,
        &coordinator,
        &format!("/events/{id}"),
        &format!("/events/{id}/cancel"),
    )
    .await;
    assert_eq!(res.status(), 303);
    let body = anon
        .get(app.url("/events/calendar.ics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let events = parse_ics(&body);
    assert_eq!(events[0][0], e[0]);
    assert_eq!(events[0][1], "2030-06-15T08:00:00+00:00");
    assert_eq!(events[0][3], "2");
    assert_eq!(events[0][4], "CANCELLED");
    // One event's file; a professionals-only one is not found anonymously.
    let body = anon
        .get(app.url(&format!("/events/{id}/event.ics")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(parse_ics(&body).len(), 1);
    let (status, _) = get(&app, &anon, &format!("/events/{hidden}/event.ics")).await;
    assert_eq!(status, 404);
    // A registered participant's file carries the online link.
    let a = app.login(Role::Requester).await;
    let page = format!("/events/{hidden}");
    post(&app, &a, &page, &format!("{page}/register")).await;
    let body = a
        .get(app.url(&format!("/events/{hidden}/event.ics")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let parsed = parse_ics(&body);
    assert!(parsed[0][6].contains("salainen-huone"), "{parsed:?}");
}

const PDF_TEXT: &str = r#"
import sys, pypdf
r = pypdf.PdfReader(sys.stdin.read().strip())
print("\n".join(p.extract_text() for p in r.pages))
"#;

#[tokio::test]
async fn attendees_get_a_certificate_naming_them_and_the_event() {
    let app = TestApp::spawn().await;
    let coordinator = app.login(Role::Coordinator).await;
    let id = create_event(
        &app,
        &coordinator,
        &[("title", "Koulutus vaativasta sijaishuollosta")],
    )
    .await;
    let a = app.login(Role::Requester).await;
    let b = app.login(Role::Expert).await;
    let page = format!("/events/{id}");
    post(&app, &a, &page, &format!("{page}/register")).await;
    post(&app, &b, &page, &format!("{page}/register")).await;
    // Not before the start.
    let attendance = format!("/events/{id}/attendance");
    let (status, body) = get(&app, &coordinator, &attendance).await;
    assert_eq!(status, 200);
    assert!(!body.contains("name=\"attended\""));
    // The event has started.
    sqlx::query(
        "UPDATE events SET starts_at = '2024-03-05T07:00:00.000000Z', ends_at = '2024-03-05T09:30:00.000000Z' WHERE id = $1",
    )
    .bind(id)
    .execute(app.state.db.pool())
    .await
    .unwrap();
    let reg = count(&app, "SELECT r.id FROM event_registrations r JOIN users u ON u.id = r.user_id WHERE u.username = 'demo-requester' AND r.event_id = $1", Some(id)).await;
    let reg = reg.to_string();
    let res = app
        .post_form(
            &coordinator,
            &attendance,
            &attendance,
            &[("attended", reg.as_str())],
        )
        .await;
    assert_eq!(res.status(), 303);
    let r = a
        .get(app.url(&format!("/events/{id}/certificate.pdf")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let bytes = r.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let path = app.data_dir.path().join("certificate.pdf");
    std::fs::write(&path, &bytes).unwrap();
    let text = crate::python::run(PDF_TEXT, path.to_str().unwrap());
    let (name,): (String,) =
        sqlx::query_as("SELECT display_name FROM users WHERE username = 'demo-requester'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert!(text.contains(&name), "{text}");
    assert!(
        text.contains("Koulutus vaativasta sijaishuollosta"),
        "{text}"
    );
    assert!(text.contains("5.3.2024"), "{text}");
    assert!(text.contains("Itä-Suomen OT-keskus"), "{text}");
    // Only one's own: the expert did not attend.
    let r = b
        .get(app.url(&format!("/events/{id}/certificate.pdf")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    // My learning shows it; the participation report counts it.
    let (status, body) = get(&app, &a, "/learning").await;
    assert_eq!(status, 200);
    assert!(
        body.contains(&format!("/events/{id}/certificate.pdf")),
        "{body}"
    );
    // The participation report is the statistics' view of attendance: the
    // event by name, its one attendance a small count ("<5", never 1).
    let r = coordinator
        .get(app.url("/events/participation"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert!(
        r.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/stats?period=all")
    );
    otalusta::stats::snapshot::refresh(&app.state.db)
        .await
        .unwrap();
    let (status, body) = get(&app, &coordinator, "/stats?period=all").await;
    assert_eq!(status, 200);
    let row = body
        .split("<tr")
        .find(|r| r.contains("Koulutus vaativasta sijaishuollosta"))
        .unwrap_or_else(|| panic!("the event's row: {body}"));
    assert!(row.contains(">&#60;5</td>"), "{row}");
    assert!(!row.contains(">1</td>"), "{row}");
    let n = count(
        &app,
        "SELECT COUNT(*) FROM audit_log WHERE purpose = 'events' AND action = 'event.attendance'",
        None,
    )
    .await;
    assert_eq!(n, 1);
}

#[tokio::test]
async fn anonymous_readers_see_public_events_only_and_never_the_online_link() {
    let app = TestApp::spawn().await;
    let coordinator = app.login(Role::Coordinator).await;
    let public = create_event(&app, &coordinator, &[("title", "Avoin webinaari")]).await;
    let hidden = create_event(
        &app,
        &coordinator,
        &[
            ("title", "Suljettu koulutus"),
            ("visibility", "professionals"),
            ("kind", "training"),
        ],
    )
    .await;
    let anon = app.client();
    let (status, body) = get(&app, &anon, "/events").await;
    assert_eq!(status, 200);
    assert!(body.contains("Avoin webinaari") && !body.contains("Suljettu koulutus"));
    let (status, body) = get(&app, &anon, &format!("/events/{public}")).await;
    assert_eq!(status, 200);
    assert!(
        !body.contains("salainen-huone"),
        "no online link to anonymous"
    );
    assert!(body.contains("name=\"email\""), "the outside sign-up form");
    let (status, body) = get(&app, &anon, &format!("/events/{hidden}")).await;
    assert_eq!(status, 404);
    assert!(!body.contains("Suljettu koulutus"));
    let api: Vec<Value> = app.get_json(&anon, "/api/v1/events").await;
    assert_eq!(api.len(), 1);
    assert_eq!(api[0]["title"], "Avoin webinaari");
    assert_eq!(api[0]["starts_at"], "2030-06-15T10:00:00+03:00");
    assert!(!api[0].to_string().contains("salainen-huone"));
    // A signed-in professional sees both; the link once registered.
    let a = app.login(Role::Requester).await;
    let (_, body) = get(&app, &a, "/events").await;
    assert!(body.contains("Avoin webinaari") && body.contains("Suljettu koulutus"));
    let (_, body) = get(&app, &a, "/events?kind=training").await;
    assert!(!body.contains("Avoin webinaari") && body.contains("Suljettu koulutus"));
    let api: Vec<Value> = app.get_json(&a, "/api/v1/events").await;
    assert_eq!(api.len(), 2);
    let page = format!("/events/{hidden}");
    let (status, body) = get(&app, &a, &page).await;
    assert_eq!(status, 200);
    assert!(!body.contains("salainen-huone"));
    post(&app, &a, &page, &format!("{page}/register")).await;
    let (_, body) = get(&app, &a, &page).await;
    assert!(
        body.contains("https://video.example.fi/salainen-huone"),
        "{body}"
    );
    // The past tab.
    let (_, body) = get(&app, &anon, "/events?past=1").await;
    assert!(!body.contains("Avoin webinaari"));
}

#[tokio::test]
async fn reminders_are_queued_once_a_day_before() {
    let app = TestApp::spawn().await;
    let coordinator = app.login(Role::Coordinator).await;
    let id = create_event(&app, &coordinator, &[]).await;
    let a = app.login(Role::Requester).await;
    let page = format!("/events/{id}");
    post(&app, &a, &page, &format!("{page}/register")).await;
    let anon = app.client();
    sign_up(&app, &anon, id, "Maija Meikäläinen", "maija@example.org").await;
    let link = mailed_link(&app, "maija@example.org", "/events/confirm/").await;
    let token = app.csrf(&anon, &link).await;
    anon.post(app.url(&link))
        .form(&[("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    let now = jiff::Timestamp::now();
    // Not yet: the event is years away.
    assert_eq!(
        otalusta::events::reminders::send_due(&app.state, now)
            .await
            .unwrap(),
        0
    );
    let start = otalusta::core::db::timestamp(now + jiff::SignedDuration::from_hours(12));
    sqlx::query("UPDATE events SET starts_at = $1 WHERE id = $2")
        .bind(&start)
        .bind(id)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    let (x, y) = tokio::join!(
        otalusta::events::reminders::send_due(&app.state, now),
        otalusta::events::reminders::send_due(&app.state, now),
    );
    assert_eq!(x.unwrap() + y.unwrap(), 2, "two participants, once each");
    assert_eq!(
        otalusta::events::reminders::send_due(&app.state, now)
            .await
            .unwrap(),
        0
    );
    let n = count(
        &app,
        "SELECT COUNT(*) FROM notifications WHERE kind = 'event-reminder'",
        None,
    )
    .await;
    assert_eq!(n, 1);
    let n = count(&app, "SELECT COUNT(*) FROM event_mails WHERE kind = 'reminder' AND to_email = 'maija@example.org'", None).await;
    assert_eq!(n, 1);
}

#[tokio::test]
async fn a_refused_event_form_comes_back_and_a_coordinator_of_another_area_is_refused() {
    let app = TestApp::spawn().await;
    let coordinator = app.login(Role::Coordinator).await;
    let res = app
        .post_form(
            &coordinator,
            "/events/new",
            "/events",
            &[
                ("kind", "webinar"),
                ("title", ""),
                ("starts", "2030-06-15T10:00"),
                ("ends", "2030-06-15T09:00"),
                ("area", "ita-suomi"),
                ("capacity", "0"),
                ("visibility", "public"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("Päättymisajan"), "{body}");
    let mut fields: Vec<(&str, &str)> = EVENT.to_vec();
    fields.retain(|(k, _)| *k != "area");
    fields.push(("area", "lansi-suomi"));
    let res = app
        .post_form(&coordinator, "/events/new", "/events", &fields)
        .await;
    assert_eq!(res.status(), 403);
}

/// The page shape every page has (as `pages.rs` checks): one main, one
/// title and h1, the language, and a label for every visible input.
fn assert_shape(html: &str, path: &str) {
    assert!(html.starts_with("<!doctype html>"), "{path}");
    assert!(html.contains("<html lang=\"fi\">"), "{path}");
    assert_eq!(html.matches("<main").count(), 1, "{path}");
    assert_eq!(html.matches("<title>").count(), 1, "{path}");
    assert_eq!(
        html.matches("<h1>").count() + html.matches("<h1 ").count(),
        1,
        "{path}"
    );
    assert!(!html.contains(" style="), "{path}");
    for input in html
        .split("<input")
        .skip(1)
        .filter(|i| !i.contains("type=\"hidden\""))
    {
        let id = input
            .split("id=\"")
            .nth(1)
            .and_then(|s| s.split('"').next());
        let id = id.unwrap_or_else(|| panic!("an input without id on {path}"));
        assert!(
            html.contains(&format!("for=\"{id}\"")),
            "input {id} on {path} has no label"
        );
    }
    for select in html.split("<select").skip(1) {
        let id = select
            .split("id=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap();
        assert!(
            html.contains(&format!("for=\"{id}\"")),
            "select {id} on {path}"
        );
    }
}

#[tokio::test]
async fn every_events_page_has_its_landmarks_and_labels() {
    let app = TestApp::spawn().await;
    let coordinator = app.login(Role::Coordinator).await;
    let id = create_event(
        &app,
        &coordinator,
        &[("series", "Foorumi A"), ("kind", "forum")],
    )
    .await;
    let a = app.login(Role::Requester).await;
    let page = format!("/events/{id}");
    post(&app, &a, &page, &format!("{page}/register")).await;
    let anon = app.client();
    let edit = format!("/events/{id}/edit");
    let attendance = format!("/events/{id}/attendance");
    for (c, paths) in [
        (&anon, vec!["/events", "/events?past=1", page.as_str()]),
        (&a, vec!["/events", page.as_str(), "/learning"]),
        (
            &coordinator,
            vec!["/events/new", edit.as_str(), attendance.as_str()],
        ),
    ] {
        for path in paths {
            let (status, html) = get(&app, c, path).await;
            assert_eq!(status, 200, "{path}");
            assert_shape(&html, path);
        }
    }
    let (_, html) = get(&app, &anon, "/events").await;
    assert!(html.contains("Foorumisarja: Foorumi A"), "{html}");
}

#[tokio::test]
async fn the_demo_has_a_past_webinar_coming_events_and_a_forum_series() {
    let app = TestApp::spawn().await;
    otalusta::demo::ensure_with(&app.state.db, PASSWORD, 1)
        .await
        .unwrap();
    let rows: Vec<(String, String, i64, i64)> =
        sqlx::query_as("SELECT kind, series, capacity, seats_taken FROM events ORDER BY id")
            .fetch_all(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(rows.len(), 6, "{rows:?}");
    assert_eq!(rows.iter().filter(|r| !r.1.is_empty()).count(), 3);
    assert!(rows.iter().any(|r| r.2 - r.3 == 1), "a nearly full event");
    let a = app.login(Role::Requester).await;
    let (_, html) = get(&app, &a, "/learning").await;
    assert!(html.contains("certificate.pdf"), "{html}");
    let (_, html) = get(&app, &a, "/events?past=1").await;
    assert!(html.contains("Lähisuhdeväkivalta"), "{html}");
}
