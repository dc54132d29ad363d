//! Meetings as the cases see them: a cancelled or moved meeting asks what
//! becomes of its cases and tells each requester; a rule change shows its
//! consequences first and its feed cancels the dropped meetings; the
//! requester's own meetings and slots; a case the meeting did not reach;
//! the form's promise after more information was asked.

use crate::consultations::{count, dated_group, day, group_fields, page, send, status, submit};
use crate::groups::{parse_ics, text};
use crate::helpers::*;
use otalusta_domain::role::Role;

async fn accept(app: &TestApp, secretary: &reqwest::Client, id: i64, meeting: &str) {
    let res = app
        .post_form(
            secretary,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/accept"),
            &[("meeting", meeting)],
        )
        .await;
    assert_eq!(res.status(), 303, "accepting #{id}");
}

async fn events(app: &TestApp, id: i64) -> Vec<(String, String)> {
    sqlx::query_as("SELECT kind, reason FROM request_events WHERE request_id = $1 ORDER BY id")
        .bind(id)
        .fetch_all(app.state.db.pool())
        .await
        .unwrap()
}

async fn told(app: &TestApp, id: i64, kind: &str) -> i64 {
    count(
        app,
        &format!(
            "SELECT COUNT(*) FROM notifications WHERE link = '/requests/{id}' AND kind = '{kind}'"
        ),
    )
    .await
}

fn hidden(html: &str, name: &str) -> String {
    let key = format!("name=\"{name}\" value=\"");
    let i = html.find(&key).unwrap_or_else(|| panic!("no {name} field")) + key.len();
    html[i..i + html[i..].find('"').unwrap()].to_owned()
}

#[tokio::test]
async fn cancelling_a_meeting_with_cases_asks_first_and_carries_them_on() {
    let app = TestApp::spawn().await;
    let g = dated_group(&app, &[20, 27, 34], "2").await;
    let requester = app.login(Role::Requester).await;
    let secretary = app.login(Role::Secretary).await;
    let (r1, r2, r3) = (
        send(&app, &requester, g, &submit(&[])).await,
        send(&app, &requester, g, &submit(&[])).await,
        send(&app, &requester, g, &submit(&[])).await,
    );
    accept(&app, &secretary, r1, "").await;
    accept(&app, &secretary, r2, "").await;
    let mp = format!("/groups/{g}/meetings/{}", day(20));
    let cancel = format!("{mp}/cancel");

    // The first post names the cases and their requester, and saves nothing.
    let res = app
        .post_form(
            &secretary,
            &mp,
            &cancel,
            &[("reason", "Puheenjohtaja estynyt")],
        )
        .await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    for id in [r1, r2, r3] {
        assert!(html.contains(&format!("#{id}")), "names #{id}");
    }
    assert!(html.contains("Laura Niskanen") && html.contains("Kokouksessa on 3 asiaa"));
    assert!(
        !html.contains("id=\"decision-keep\""),
        "a cancelled meeting keeps nothing"
    );
    let overrides = "SELECT COUNT(*) FROM meeting_overrides";
    assert_eq!(count(&app, overrides).await, 0, "nothing saved yet");

    // Confirmed on a list that is no longer true: refused, shown again.
    let stale = format!("{r1},{r2}");
    let res = app
        .post_form(
            &secretary,
            &mp,
            &cancel,
            &[
                ("reason", "Puheenjohtaja estynyt"),
                ("decision", "next"),
                ("cases", &stale),
            ],
        )
        .await;
    assert_eq!(res.status(), 409);
    assert!(res.text().await.unwrap().contains("muuttuivat sillä välin"));
    assert_eq!(count(&app, overrides).await, 0);

    // Confirmed: the accepted cases fill the next meeting's two places,
    // the proposal goes to the first meeting with room.
    let ids = hidden(&html, "cases");
    let res = app
        .post_form(
            &secretary,
            &mp,
            &cancel,
            &[
                ("reason", "Puheenjohtaja estynyt"),
                ("decision", "next"),
                ("cases", &ids),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        status(&app, r1).await,
        ("accepted".into(), Some(day(27)), 0)
    );
    assert_eq!(
        status(&app, r2).await,
        ("accepted".into(), Some(day(27)), 0)
    );
    assert_eq!(
        status(&app, r3).await,
        ("submitted".into(), Some(day(34)), 0)
    );
    for id in [r1, r2, r3] {
        let e = events(&app, id).await;
        assert_eq!(
            e.last().unwrap(),
            &("rescheduled".to_owned(), "Puheenjohtaja estynyt".to_owned()),
            "#{id}'s history says why"
        );
        assert_eq!(
            told(&app, id, "rescheduled").await,
            1,
            "#{id}'s requester is told"
        );
        let logged = count(
            &app,
            &format!(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'request.rescheduled' \
                 AND object_id = '{id}'"
            ),
        )
        .await;
        assert_eq!(logged, 1, "the change to #{id} is in the access log");
    }
    let (_, html) = page(&app, &requester, &format!("/requests/{r1}")).await;
    assert!(html.contains("Puheenjohtaja estynyt"));

    // Cancelling the next one too, back to the queue this time.
    let mp = format!("/groups/{g}/meetings/{}", day(27));
    let res = app
        .post_form(
            &secretary,
            &mp,
            &format!("{mp}/cancel"),
            &[("reason", "Lakko")],
        )
        .await;
    let ids = hidden(&res.text().await.unwrap(), "cases");
    let res = app
        .post_form(
            &secretary,
            &mp,
            &format!("{mp}/cancel"),
            &[("reason", "Lakko"), ("decision", "queue"), ("cases", &ids)],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(status(&app, r1).await, ("submitted".into(), None, 0));
    assert_eq!(events(&app, r1).await.last().unwrap().0, "unscheduled");
    let (_, queue) = page(&app, &secretary, &format!("/groups/{g}/queue")).await;
    assert!(queue.contains(&format!("#{r1}")));
}

#[tokio::test]
async fn a_rule_change_shows_its_consequences_and_the_feed_cancels_the_dropped_meetings() {
    let app = TestApp::spawn().await;
    // A meeting last week (held under the old rule), two coming ones.
    let g = dated_group(&app, &[-7, 20, 27], "2").await;
    let requester = app.login(Role::Requester).await;
    let secretary = app.login(Role::Secretary).await;
    let coordinator = app.login(Role::Coordinator).await;
    let r1 = send(&app, &requester, g, &submit(&[])).await;
    accept(&app, &secretary, r1, "").await;
    assert_eq!(status(&app, r1).await.1, Some(day(20)));
    // A one-off change to the meeting of 27 days (no cases on it).
    let mp = format!("/groups/{g}/meetings/{}", day(27));
    let d28 = day(28);
    let res = app
        .post_form(
            &secretary,
            &mp,
            &format!("{mp}/move"),
            &[
                ("date", d28.as_str()),
                ("time", "10:00"),
                ("reason", "Tila varattu"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let before = parse_ics(
        &text(&app.client(), app.url(&format!("/groups/{g}/calendar.ics")))
            .await
            .1,
    );

    // The new rule: other days (last week's stays).
    let fields = |extra: &[(&'static str, String)]| {
        let mut f = group_fields(&[-7, 21, 35], "2");
        f.extend_from_slice(extra);
        f
    };
    let post = async |f: Vec<(&'static str, String)>| {
        let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let res = app
            .post_form(
                &coordinator,
                &format!("/groups/{g}/edit"),
                &format!("/groups/{g}"),
                &f,
            )
            .await;
        (res.status().as_u16(), res.text().await.unwrap())
    };
    // The preview says what the change does before anything is saved.
    let (code, html) = post(fields(&[("preview", "1".into())])).await;
    assert_eq!(code, 200);
    assert!(html.contains("jäävät pois") && html.contains(&format!("#{r1}")));
    assert!(html.contains("kertaluonteiset muutokset poistuvat") && html.contains("Tila varattu"));
    // Saving without confirming shows the same and saves nothing.
    let (code, html) = post(fields(&[])).await;
    assert_eq!(code, 200);
    assert!(html.contains("id=\"consequences\""));
    assert_eq!(status(&app, r1).await.1, Some(day(20)), "not saved");
    let signature = hidden(&html, "signature");
    let (code, _) = post(fields(&[
        ("signature", signature),
        ("decision", "next".into()),
    ]))
    .await;
    assert_eq!(code, 303);

    // The case went to the new rule's first meeting with room.
    assert_eq!(
        status(&app, r1).await,
        ("accepted".into(), Some(day(21)), 0)
    );
    assert_eq!(
        events(&app, r1).await.last().unwrap(),
        &(
            "rescheduled".to_owned(),
            "Ryhmän kokousrytmi muuttui.".to_owned()
        )
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM meeting_overrides").await,
        0,
        "the orphan went"
    );
    // Last week's meeting keeps its page: it was held by the old rule.
    let (code, _) = page(
        &app,
        &secretary,
        &format!("/groups/{g}/meetings/{}", day(-7)),
    )
    .await;
    assert_eq!(code, 200);
    // The feed cancels the dropped meetings under their old UIDs.
    let after = parse_ics(
        &text(&app.client(), app.url(&format!("/groups/{g}/calendar.ics")))
            .await
            .1,
    );
    for d in [day(20), day(27)] {
        let uid = before
            .iter()
            .find(|e| e["uid"].as_str().unwrap().contains(&format!("meeting-{d}")))
            .unwrap()["uid"]
            .clone();
        let e = after
            .iter()
            .find(|e| e["uid"] == uid)
            .unwrap_or_else(|| panic!("{d} is in the feed"));
        assert_eq!(e["status"], "CANCELLED", "{d}");
        assert!(
            e["description"]
                .as_str()
                .unwrap()
                .contains("kokousrytmi muuttui")
        );
    }
    assert!(after.iter().any(|e| {
        e["uid"]
            .as_str()
            .unwrap()
            .contains(&format!("meeting-{}", day(21)))
            && e["status"] == "CONFIRMED"
    }));
}

#[tokio::test]
async fn a_requester_sees_the_meeting_of_their_case_and_its_slot() {
    let app = TestApp::spawn().await;
    let g = dated_group(&app, &[20], "3").await;
    let requester = app.login(Role::Requester).await;
    let secretary = app.login(Role::Secretary).await;
    let (r1, r2) = (
        send(&app, &requester, g, &submit(&[])).await,
        send(&app, &requester, g, &submit(&[])).await,
    );
    let (_, html) = page(&app, &requester, "/meetings").await;
    assert!(
        html.contains("Ehdotettu, sihteeri ei ole vielä vahvistanut"),
        "a proposal is shown as one"
    );
    accept(&app, &secretary, r1, "").await;
    accept(&app, &secretary, r2, "").await;
    // Two cases in 120 minutes: an hour each, in agenda order.
    let (_, html) = page(&app, &requester, "/meetings").await;
    assert!(html.contains("Oma asia klo 13.00–14.00") && html.contains("Oma asia klo 14.00–15.00"));
    assert!(
        html.contains("https://video.example.fi/x"),
        "where it is held"
    );
    let (_, case) = page(&app, &requester, &format!("/requests/{r1}")).await;
    assert!(
        case.contains(&format!("href=\"/groups/{g}/meetings/{}\"", day(20))),
        "the request links to its meeting"
    );
    let logged = count(
        &app,
        &format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'request.meeting.read' \
             AND object_id IN ('{r1}', '{r2}')"
        ),
    )
    .await;
    assert!(logged >= 2, "each case shown is logged");
    // The personal feed has the meeting with both slots.
    let res = app
        .post_form(&requester, "/meetings", "/meetings/feed", &[])
        .await;
    let html = res.text().await.unwrap();
    let i = html.find("/calendar/").unwrap();
    let path = &html[i..i + html[i..].find("</code>").unwrap()];
    let feed = parse_ics(&text(&app.client(), app.url(path)).await.1);
    let e = feed
        .iter()
        .find(|e| {
            e["uid"]
                .as_str()
                .unwrap()
                .contains(&format!("group-{g}-meeting-{}", day(20)))
        })
        .expect("the requester's meeting is in their feed");
    assert!(
        e["description"]
            .as_str()
            .unwrap()
            .contains("13.00–14.00, 14.00–15.00"),
        "{e}"
    );
}

#[tokio::test]
async fn a_case_the_meeting_did_not_reach_is_recorded_and_offered_the_next_meeting() {
    let app = TestApp::spawn().await;
    let g = dated_group(&app, &[20, 27], "2").await;
    let requester = app.login(Role::Requester).await;
    let secretary = app.login(Role::Secretary).await;
    let r1 = send(&app, &requester, g, &submit(&[])).await;
    accept(&app, &secretary, r1, "").await;
    let path = format!("/requests/{r1}/not-discussed");
    let case = format!("/requests/{r1}");
    let res = app
        .post_form(
            &secretary,
            &case,
            &path,
            &[("decision", "next"), ("reason", "Aika loppui")],
        )
        .await;
    assert_eq!(res.status(), 422, "the meeting has not started");
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Kokous ei ole vielä alkanut")
    );
    // Held today, an hour ago.
    let earlier = jiff::Timestamp::now()
        .checked_sub(jiff::SignedDuration::from_mins(61))
        .unwrap()
        .to_zoned_datetime(jiff::tz::TimeZone::get("Europe/Helsinki").unwrap());
    let mp = format!("/groups/{g}/meetings/{}", day(20));
    let d = earlier.date().to_string();
    let t = format!("{:02}:{:02}", earlier.hour(), earlier.minute());
    let ids = r1.to_string();
    let res = app
        .post_form(
            &secretary,
            &mp,
            &format!("{mp}/move"),
            &[
                ("date", &d),
                ("time", &t),
                ("reason", "Aikaistettu"),
                ("decision", "keep"),
                ("cases", &ids),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (_, html) = page(&app, &secretary, &case).await;
    assert!(
        html.contains("Asiaa ei ehditty käsitellä"),
        "offered once the meeting began"
    );
    let res = app
        .post_form(
            &secretary,
            &case,
            &path,
            &[("decision", "next"), ("reason", "Aika loppui")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        status(&app, r1).await,
        ("accepted".into(), Some(day(27)), 0)
    );
    let kinds: Vec<String> = events(&app, r1).await.into_iter().map(|e| e.0).collect();
    assert!(
        kinds.ends_with(&["not-discussed".to_owned(), "rescheduled".to_owned()]),
        "{kinds:?}"
    );
    assert_eq!(told(&app, r1, "rescheduled").await, 1);
}

#[tokio::test]
async fn after_more_information_the_form_promises_the_meeting_it_is_sent_to() {
    let app = TestApp::spawn().await;
    let g = dated_group(&app, &[20, 40], "1").await;
    let requester = app.login(Role::Requester).await;
    let secretary = app.login(Role::Secretary).await;
    let r1 = send(&app, &requester, g, &submit(&[])).await;
    let res = app
        .post_form(
            &secretary,
            &format!("/requests/{r1}"),
            &format!("/requests/{r1}/ask"),
            &[("reason", "Kuka osallistuu?")],
        )
        .await;
    assert_eq!(res.status(), 303);
    // Meanwhile another case takes the meeting's only place.
    let r2 = send(&app, &requester, g, &submit(&[])).await;
    accept(&app, &secretary, r2, "").await;
    let (_, form) = page(&app, &requester, &format!("/requests/{r1}/edit")).await;
    let promised = otalusta::core::i18n::format_date(day(20).parse().unwrap());
    assert!(
        form.contains("käsitellään kokouksessa") && form.contains(&promised),
        "the form promises the meeting it keeps"
    );
    let res = app
        .post_form(
            &requester,
            &format!("/requests/{r1}/edit"),
            &format!("/requests/{r1}"),
            &submit(&[("identification", "none")]),
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        status(&app, r1).await,
        ("submitted".into(), Some(day(20)), 0),
        "sent where promised"
    );
}

#[tokio::test]
async fn a_preview_shows_each_viewer_only_what_the_policy_allows_and_logs_it() {
    let app = TestApp::spawn().await;
    let g = dated_group(&app, &[20, 27], "2").await;
    let requester = app.login(Role::Requester).await;
    let secretary = app.login(Role::Secretary).await;
    let r1 = send(&app, &requester, g, &submit(&[])).await;
    accept(&app, &secretary, r1, "").await;
    let mp = format!("/groups/{g}/meetings/{}", day(20));
    // The area's coordinator may cancel the meeting too: sees the case's
    // number and state, not who asked.
    let coordinator = app.login(Role::Coordinator).await;
    let res = app
        .post_form(
            &coordinator,
            &mp,
            &format!("{mp}/cancel"),
            &[("reason", "Syy")],
        )
        .await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains(&format!("#{r1}")) && html.contains("Kokouksessa on 1 asia"));
    assert!(
        !html.contains("Laura Niskanen"),
        "no requester for the coordinator"
    );
    let logged = |who: &'static str| {
        let app = &app;
        async move {
            count(
                app,
                &format!(
                    "SELECT COUNT(*) FROM audit_log WHERE action = 'request.preview' \
                     AND object_id = '{r1}' AND actor_name = '{who}'"
                ),
            )
            .await
        }
    };
    assert_eq!(
        logged("demo-coordinator").await,
        1,
        "the case shown is logged"
    );
    let res = app
        .post_form(
            &secretary,
            &mp,
            &format!("{mp}/cancel"),
            &[("reason", "Syy")],
        )
        .await;
    assert!(
        res.text().await.unwrap().contains("Laura Niskanen"),
        "the secretary sees who asked"
    );
    assert_eq!(logged("demo-secretary").await, 1);
}

#[tokio::test]
async fn capacity_cannot_go_below_the_places_already_taken() {
    let app = TestApp::spawn().await;
    let g = dated_group(&app, &[20], "2").await;
    let requester = app.login(Role::Requester).await;
    let secretary = app.login(Role::Secretary).await;
    for _ in 0..2 {
        let r = send(&app, &requester, g, &submit(&[])).await;
        accept(&app, &secretary, r, "").await;
    }
    let coordinator = app.login(Role::Coordinator).await;
    let owned = group_fields(&[20], "1");
    let fields: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app
        .post_form(
            &coordinator,
            &format!("/groups/{g}/edit"),
            &format!("/groups/{g}"),
            &fields,
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("enemmän hyväksyttyjä asioita")
    );
    let cap = count(
        &app,
        &format!("SELECT capacity FROM consultation_groups WHERE id = {g}"),
    )
    .await;
    assert_eq!(cap, 2, "nothing saved");
}
