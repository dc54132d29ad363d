//! The consultation workflow through the real router, as the requester,
//! the secretary and the group's members live it: draft to closed, where a
//! request is placed, every triage outcome, the identity code, who may see
//! what, bad input, and e-mail through a real SMTP server.

use crate::helpers::*;
use crate::python;
use otalusta_domain::role::Role;
use std::time::Duration;

/// Every required answer of the default form.
pub(crate) const ANSWERS: &[(&str, &str)] = &[
    (
        "q_question",
        "Miten tukea lasta vanhempien riitaisessa erossa?",
    ),
    ("q_age_band", "7-12"),
    (
        "q_situation",
        "Lapsi oireilee koulussa, vanhemmat riitelevät tapaamisista.",
    ),
    ("q_family", "Kaksi vanhempaa, kaksi sisarusta."),
    ("q_services_tried", "Perheneuvola, sovittelu."),
    ("q_urgency", "normal"),
    ("q_participants", "Sosiaalityöntekijä ja koulukuraattori."),
];

pub(crate) async fn group_id(app: &TestApp, kind: &str) -> i64 {
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM consultation_groups WHERE kind = $1")
        .bind(kind)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    id
}

pub(crate) async fn status(app: &TestApp, id: i64) -> (String, Option<String>, i64) {
    sqlx::query_as("SELECT status, meeting_date, late FROM requests WHERE id = $1")
        .bind(id)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap()
}

pub(crate) async fn count(app: &TestApp, sql: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    n
}

/// Sends a request to `group` with `fields` (the group id and CSRF token
/// are added); returns the new request's id.
pub(crate) async fn send(
    app: &TestApp,
    c: &reqwest::Client,
    group: i64,
    fields: &[(&str, &str)],
) -> i64 {
    let g = group.to_string();
    let mut all: Vec<(&str, &str)> = vec![("group", g.as_str())];
    if !fields.iter().any(|(k, _)| *k == "identification") {
        all.push(("identification", "none"));
    }
    all.extend_from_slice(fields);
    let res = app
        .post_form(
            c,
            &format!("/requests/new?group={group}"),
            "/requests",
            &all,
        )
        .await;
    assert_eq!(res.status(), 303, "request created: {:?}", res.text().await);
    let loc = res.headers()["location"].to_str().unwrap().to_owned();
    loc.trim_start_matches("/requests/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

pub(crate) fn submit(extra: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    let mut v = ANSWERS.to_vec();
    v.push(("action", "submit"));
    v.extend_from_slice(extra);
    v
}

/// The text of a PDF as Python's pypdf extracts it (whitespace folded).
pub(crate) fn pdf_text(pdf: &[u8]) -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(pdf);
    python::run(
        "import sys, io, base64, pypdf\n\
         r = pypdf.PdfReader(io.BytesIO(base64.b64decode(sys.stdin.read())))\n\
         print(' '.join(' '.join((p.extract_text() or '').split()) for p in r.pages))",
        &b64,
    )
}

pub(crate) async fn page(app: &TestApp, c: &reqwest::Client, path: &str) -> (u16, String) {
    let r = c.get(app.url(path)).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

#[tokio::test]
async fn a_case_goes_from_draft_to_closed() {
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    let secretary = app.login(Role::Secretary).await;
    let expert = app.login(Role::Expert).await;

    // A draft: saved half-way, resumable.
    let id = send(
        &app,
        &requester,
        g,
        &[("q_question", "Luonnos"), ("action", "save")],
    )
    .await;
    assert_eq!(status(&app, id).await.0, "draft");
    let (_, html) = page(&app, &requester, &format!("/requests/{id}/edit")).await;
    assert!(html.contains(">Luonnos</textarea>"), "the draft comes back");
    // Sending it with a required answer missing: the field is named.
    let mut partial = submit(&[]);
    partial.retain(|(k, _)| *k != "q_family");
    let res = app
        .post_form(
            &requester,
            &format!("/requests/{id}/edit"),
            &format!("/requests/{id}"),
            &partial,
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("id=\"q_family-error\""));
    assert_eq!(status(&app, id).await.0, "draft", "nothing changed");

    let res = app
        .post_form(
            &requester,
            &format!("/requests/{id}/edit"),
            &format!("/requests/{id}"),
            &submit(&[]),
        )
        .await;
    let code = res.status();
    let body = res.text().await.unwrap();
    let errs: Vec<&str> = body.lines().filter(|l| l.contains("field-error")).collect();
    assert_eq!(code, 303, "{errs:?}");
    let (st, meeting, _) = status(&app, id).await;
    assert_eq!(st, "submitted");
    let meeting = meeting.expect("placed on a meeting");
    // The secretary's queue shows it; the member does not see it yet.
    let (code, queue) = page(&app, &secretary, &format!("/groups/{g}/queue")).await;
    assert_eq!(code, 200);
    assert!(queue.contains(&format!("#{id}")));
    let (code, _) = page(&app, &expert, &format!("/requests/{id}")).await;
    assert_eq!(code, 403, "not on the agenda yet");

    // Accepted on the meeting it was placed on.
    let res = app
        .post_form(
            &secretary,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/accept"),
            &[("meeting", "")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(status(&app, id).await.0, "accepted");
    let (code, agenda) = page(
        &app,
        &expert,
        &format!("/groups/{g}/meetings/{meeting}/agenda"),
    )
    .await;
    assert_eq!(code, 200);
    assert!(agenda.contains(&format!("#{id}")) && agenda.contains("Miten tukea lasta"));
    let (code, case) = page(&app, &expert, &format!("/requests/{id}")).await;
    assert_eq!(code, 200, "on the agenda, the members see the case");
    assert!(case.contains("Perheneuvola, sovittelu."));

    // Recommendations only once the meeting has begun.
    let outcome = [
        ("summary", "Ryhmä suosittaa yhteistä tapaamista."),
        ("rec_action", "Järjestetään verkostotapaaminen"),
        ("rec_responsible", "sosiaalityöntekijä"),
        ("rec_due", "2027-01-31"),
        ("rec_action", "Koulun tukitoimet"),
        ("rec_responsible", "koulukuraattori"),
        ("rec_due", ""),
        ("concluded_level", "ot-taso"),
    ];
    let res = app
        .post_form(
            &secretary,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/outcome"),
            &outcome,
        )
        .await;
    assert_eq!(res.status(), 422);
    let refused = res.text().await.unwrap();
    assert!(refused.contains("Kokous ei ole vielä alkanut"));
    // What was typed comes back in the form, not lost.
    assert!(refused.contains(">Ryhmä suosittaa yhteistä tapaamista.</textarea>"));
    assert!(refused.contains(">Koulun tukitoimet</textarea>"));
    assert!(refused.contains("value=\"koulukuraattori\""));
    assert!(
        refused.contains("<option value=\"ot-taso\" selected>"),
        "the level chosen too"
    );
    // The meeting is held early this time: the secretary moves it to today.
    let earlier = jiff::Timestamp::now()
        .checked_sub(jiff::SignedDuration::from_mins(61))
        .unwrap()
        .to_zoned_datetime(jiff::tz::TimeZone::get("Europe/Helsinki").unwrap());
    let (d, t) = (
        earlier.date().to_string(),
        format!("{:02}:{:02}", earlier.hour(), earlier.minute()),
    );
    let mp = format!("/groups/{g}/meetings/{meeting}");
    // The meeting has a case: the first post says so and asks what
    // becomes of it; nothing is saved yet.
    let res = app
        .post_form(
            &secretary,
            &mp,
            &format!("{mp}/move"),
            &[("date", &d), ("time", &t), ("reason", "aikaistettu")],
        )
        .await;
    assert_eq!(res.status(), 200);
    let preview = res.text().await.unwrap();
    assert!(preview.contains(&format!("#{id}")), "names the case");
    assert!(preview.contains("Kokouksessa on 1 asia"));
    let res = app
        .post_form(
            &secretary,
            &mp,
            &format!("{mp}/move"),
            &[
                ("date", &d),
                ("time", &t),
                ("reason", "aikaistettu"),
                ("decision", "keep"),
                ("cases", &id.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    // The requester's page shows the meeting's new time and why.
    let (_, html) = page(&app, &requester, &format!("/requests/{id}")).await;
    assert!(html.contains(&format!("{}.{:02}", earlier.hour(), earlier.minute())));
    assert!(html.contains("aikaistettu"), "the reason reaches the case");
    let res = app
        .post_form(
            &secretary,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/outcome"),
            &outcome,
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(status(&app, id).await.0, "discussed");
    let (_, html) = page(&app, &requester, &format!("/requests/{id}")).await;
    assert!(
        html.contains("Palvelutaso (ryhmän johtopäätös)</dt><dd>OT-taso"),
        "the group's conclusion on the level"
    );

    // The requester confirms with their own record, her view of the
    // recommendations and a follow-up time; disagreeing needs a why.
    for (fields, missing) in [
        (vec![("follow_up_months", "3")], "view"),
        (
            vec![("view", "disagree"), ("follow_up_months", "3")],
            "comment",
        ),
    ] {
        let res = app
            .post_form(
                &requester,
                &format!("/requests/{id}"),
                &format!("/requests/{id}/confirm"),
                &fields,
            )
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(
            html.contains(&format!("id=\"{missing}-error\"")),
            "{missing}"
        );
    }
    assert_eq!(status(&app, id).await.0, "discussed", "nothing changed");
    let res = app
        .post_form(
            &requester,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/confirm"),
            &[
                ("record", "Sovittu äidin kanssa."),
                ("view", "disagree"),
                ("comment", "Koulun tukitoimet eivät riitä yksin."),
                ("follow_up_months", "3"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(status(&app, id).await.0, "follow-up");
    let (_, html) = page(&app, &requester, &format!("/requests/{id}")).await;
    assert!(html.contains("Koulun tukitoimet eivät riitä yksin."));

    // The minutes: a page and a PDF an independent reader opens, naming
    // the case, the recommendations and the requester's disagreement.
    let (code, minutes) = page(
        &app,
        &secretary,
        &format!("/groups/{g}/meetings/{meeting}/minutes"),
    )
    .await;
    assert_eq!(code, 200);
    assert!(minutes.contains("Järjestetään verkostotapaaminen"));
    for (who, c) in [("secretary", &secretary), ("requester", &requester)] {
        let r = c
            .get(app.url(&format!("/groups/{g}/meetings/{meeting}/minutes.pdf")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{who}");
        assert_eq!(r.headers()["content-type"], "application/pdf");
        let pdf = r.bytes().await.unwrap();
        let text = pdf_text(&pdf);
        for expected in [
            format!("#{id}"),
            "Järjestetään verkostotapaaminen".to_owned(),
            "Koulun tukitoimet".to_owned(),
            "koulukuraattori".to_owned(),
            "eri mieltä".to_owned(),
        ] {
            assert!(text.contains(&expected), "{who}: {expected} in {text}");
        }
    }
    // Members read them too; someone with no case there does not.
    let (code, _) = page(
        &app,
        &expert,
        &format!("/groups/{g}/meetings/{meeting}/minutes.pdf"),
    )
    .await;
    assert_eq!(code, 200);
    let researcher = app.login(Role::Researcher).await;
    let (code, _) = page(
        &app,
        &researcher,
        &format!("/groups/{g}/meetings/{meeting}/minutes.pdf"),
    )
    .await;
    assert_eq!(code, 403);
    let (rec1, rec2): (i64, i64) = {
        let ids: Vec<(i64,)> = sqlx::query_as(
            "SELECT id FROM recommendations WHERE request_id = $1 ORDER BY position",
        )
        .bind(id)
        .fetch_all(app.state.db.pool())
        .await
        .unwrap();
        (ids[0].0, ids[1].0)
    };
    // At follow-up, each recommendation's fate; "not done" needs a why.
    let f1 = format!("outcome_{rec1}");
    let f2 = format!("outcome_{rec2}");
    let n2 = format!("note_{rec2}");
    let res = app
        .post_form(
            &requester,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/follow-up"),
            &[
                (&f1, "implemented"),
                (&f2, "not-implemented"),
                ("note", "Tilanne rauhoittui."),
            ],
        )
        .await;
    assert_eq!(res.status(), 422, "a why is asked for");
    let res = app
        .post_form(
            &requester,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/follow-up"),
            &[
                (&f1, "implemented"),
                (&f2, "not-implemented"),
                (&n2, "koulu ei ehtinyt"),
                ("note", "Tilanne rauhoittui."),
                ("survey_useful", "4"),
                ("survey_plan_changed", "partly"),
                ("survey_avoided_other", "yes"),
                ("survey_speed", "in-time"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(status(&app, id).await.0, "closed");

    // The history names every step, who took it and when.
    let (_, html) = page(&app, &requester, &format!("/requests/{id}")).await;
    for step in [
        "Luonnos aloitettu",
        "Pyyntö lähetetty",
        "Hyväksytty kokoukseen",
        "Toimenpidesuositukset kirjattu",
        "Suositukset vahvistettu",
        "Seuranta raportoitu",
    ] {
        assert!(html.contains(step), "history has {step}");
    }
    assert!(html.contains("Johanna Lind (Sihteeri)"));
    assert!(html.contains("Ei toteutunut: koulu ei ehtinyt"));
    // Every read and change is in the access log.
    for action in [
        "request.create",
        "request.submit",
        "request.accepted",
        "request.outcome",
        "request.confirm",
        "request.follow-up",
        "request.read",
        "agenda.read",
    ] {
        assert!(
            !audit_entries(&app, action).await.is_empty(),
            "{action} logged"
        );
    }
}

/// The form fields of a group meeting on `days` (from today) with
/// `capacity` places: the tests' groups, created and edited with them.
pub(crate) fn group_fields(days: &[i64], capacity: &str) -> Vec<(&'static str, String)> {
    let dates: Vec<String> = days.iter().map(|d| day(*d)).collect();
    vec![
        ("name_fi", "Päiväryhmä".into()),
        ("kind", "other".into()),
        ("area", "ita-suomi".into()),
        ("mode", "remote".into()),
        ("video_link", "https://video.example.fi/x".into()),
        ("capacity", capacity.into()),
        ("recurrence", "dates".into()),
        ("dates", dates.join("\n")),
        ("start_time", "13:00".into()),
        ("length_minutes", "120".into()),
        ("notice_days", "7".into()),
        ("holiday_policy", "keep-and-warn".into()),
        ("deadline_policy", "keep-and-warn".into()),
    ]
}

/// A group meeting on the listed dates (days from today), notice a week
/// before, `capacity` cases each.
pub(crate) async fn dated_group(app: &TestApp, days: &[i64], capacity: &str) -> i64 {
    let coordinator = app.login(Role::Coordinator).await;
    let owned = group_fields(days, capacity);
    let fields: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app
        .post_form(&coordinator, "/groups/new", "/groups", &fields)
        .await;
    assert_eq!(res.status(), 303, "{:?}", res.text().await);
    let id: i64 = res.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/groups/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let res = app
        .post_form(
            &coordinator,
            &format!("/groups/{id}"),
            &format!("/groups/{id}/members"),
            &[("username", "demo-secretary"), ("role", "secretary")],
        )
        .await;
    assert_eq!(res.status(), 303);
    id
}

pub(crate) fn day(d: i64) -> String {
    otalusta::groups::routes::today()
        .checked_add(jiff::Span::new().days(d))
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn requests_are_placed_by_deadline_and_capacity() {
    let app = TestApp::spawn().await;
    // In 3 days (its deadline passed), in 20 and in 40 days; one case each.
    let g = dated_group(&app, &[3, 20, 40], "1").await;
    let requester = app.login(Role::Requester).await;
    let first = send(&app, &requester, g, &submit(&[])).await;
    assert_eq!(
        status(&app, first).await.1,
        Some(day(20)),
        "on time for the second"
    );
    let (_, html) = page(&app, &requester, &format!("/requests/{first}")).await;
    let d3 = otalusta::core::i18n::format_date(
        otalusta::groups::routes::today()
            .checked_add(jiff::Span::new().days(3))
            .unwrap(),
    );
    assert!(
        html.contains(&format!("Kokouksen {d3} määräaika oli mennyt.")),
        "says why"
    );
    // An untriaged request takes no place: the second is proposed for
    // the same meeting, and the secretary decides.
    let second = send(&app, &requester, g, &submit(&[])).await;
    assert_eq!(status(&app, second).await.1, Some(day(20)));
    let secretary = app.login(Role::Secretary).await;
    let accept = async |id: i64, fields: &[(&str, &str)]| {
        app.post_form(
            &secretary,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/accept"),
            fields,
        )
        .await
    };
    assert_eq!(accept(first, &[("meeting", "")]).await.status(), 303);
    // Now the meeting is full: the second cannot be accepted there.
    let res = accept(second, &[("meeting", "")]).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("Kokous on täynnä"));
    let res = accept(second, &[("meeting", &day(20))]).await;
    assert_eq!(res.status(), 422);
    // A later request is proposed past the full meeting, and told why.
    let third = send(&app, &requester, g, &submit(&[])).await;
    assert_eq!(status(&app, third).await.1, Some(day(40)));
    let (_, html) = page(&app, &requester, &format!("/requests/{third}")).await;
    assert!(html.contains("oli täynnä"));

    // The secretary may take one late, by a recorded decision, with a reason.
    let res = accept(second, &[("meeting", &day(3))]).await;
    assert_eq!(res.status(), 422, "a late addition needs its reason");
    assert!(res.text().await.unwrap().contains("perustelu myöhäiselle"));
    assert_eq!(status(&app, second).await.0, "submitted", "nothing changed");
    let res = accept(
        second,
        &[
            ("meeting", &day(3)),
            ("reason", "Kiireellinen, sovittu puhelimessa"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let (st, meeting, late) = status(&app, second).await;
    assert_eq!((st.as_str(), meeting, late), ("accepted", Some(day(3)), 1));
    let (_, html) = page(&app, &requester, &format!("/requests/{second}")).await;
    assert!(html.contains("määräajan jälkeen sihteerin päätöksellä"));
    assert!(
        html.contains("Kiireellinen, sovittu puhelimessa"),
        "the reason is in the history"
    );
    // The group's calendar counts the places.
    let (_, html) = page(&app, &requester, &format!("/groups/{g}")).await;
    assert!(html.contains("0 / 1"), "full meetings show no free places");
}

#[tokio::test]
async fn every_triage_outcome_tells_the_requester() {
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let master = group_id(&app, "statutory-child-protection").await;
    let requester = app.login(Role::Requester).await;
    let secretary = app.login(Role::Secretary).await;

    // More information: the question goes back with the request.
    let a = send(&app, &requester, g, &submit(&[])).await;
    let res = app
        .post_form(
            &secretary,
            &format!("/requests/{a}"),
            &format!("/requests/{a}/ask"),
            &[("reason", " ")],
        )
        .await;
    assert_eq!(res.status(), 422, "a question is needed");
    let res = app
        .post_form(
            &secretary,
            &format!("/requests/{a}"),
            &format!("/requests/{a}/ask"),
            &[("reason", "Mitä koulu on jo kokeillut?")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(status(&app, a).await.0, "more-info");
    let (_, html) = page(&app, &requester, &format!("/requests/{a}/edit")).await;
    assert!(
        html.contains("Mitä koulu on jo kokeillut?"),
        "the requester sees the question"
    );
    let res = app
        .post_form(
            &requester,
            &format!("/requests/{a}/edit"),
            &format!("/requests/{a}"),
            &submit(&[("q_assessments", "Koulun tukitoimet kokeiltu.")]),
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(status(&app, a).await.0, "submitted", "back in the queue");

    // Redirect: to MASTER's queue, which demo-secretary does not keep.
    let res = app
        .post_form(
            &secretary,
            &format!("/requests/{a}"),
            &format!("/requests/{a}/redirect"),
            &[
                ("group", &master.to_string()),
                ("reason", "Lakisääteinen asiantuntijaryhmä sopii paremmin."),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (gid,): (i64,) = sqlx::query_as("SELECT group_id FROM requests WHERE id = $1")
        .bind(a)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(gid, master);
    assert_eq!(status(&app, a).await.0, "submitted");
    let (code, _) = page(&app, &secretary, &format!("/requests/{a}")).await;
    assert_eq!(code, 403, "no longer this secretary's case");
    let (_, html) = page(&app, &requester, &format!("/requests/{a}")).await;
    assert!(html.contains("Ohjattu ryhmälle Lastensuojelun moniammatillinen asiantuntijaryhmä"));
    assert!(html.contains("Lakisääteinen asiantuntijaryhmä sopii paremmin."));

    // Decline, with the reason.
    let b = send(&app, &requester, g, &submit(&[])).await;
    let res = app
        .post_form(
            &secretary,
            &format!("/requests/{b}"),
            &format!("/requests/{b}/decline"),
            &[("reason", "Ei kuulu ryhmän ilmiöihin.")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(status(&app, b).await.0, "declined");
    let (_, html) = page(&app, &requester, &format!("/requests/{b}")).await;
    assert!(html.contains("Ei kuulu ryhmän ilmiöihin."));
    // A declined request takes no more decisions.
    let res = app
        .post_form(
            &secretary,
            &format!("/requests/{b}"),
            &format!("/requests/{b}/accept"),
            &[("meeting", "")],
        )
        .await;
    assert_eq!(res.status(), 409);
    // Each decision left a notification for the requester: a link only.
    assert!(count(&app, "SELECT COUNT(*) FROM notifications WHERE kind IN ('more-info-asked', 'redirected', 'declined')").await >= 3);
}

const HETU: &str = "131052-308T";
const HETU_2023: &str = "010114B1231";

/// A valid identity code for `date` with `sign` and individual number `n`.
fn identity_code(date: jiff::civil::Date, sign: char, n: u16) -> String {
    let body = format!(
        "{:02}{:02}{:02}{n:03}",
        date.day(),
        date.month(),
        date.year() % 100
    );
    let q = "0123456789ABCDEFHJKLMNPRSTUVWXY"
        .chars()
        .nth((body.parse::<u64>().unwrap() % 31) as usize)
        .unwrap();
    format!("{}{sign}{}{q}", &body[..6], &body[6..])
}

/// Posts a consented, identified request with `hetu`; (status, page).
async fn identified(app: &TestApp, c: &reqwest::Client, g: i64, hetu: &str) -> (u16, String) {
    let g_s = g.to_string();
    let mut fields = submit(&[("basis_note", "Huoltajan suostumus")]);
    fields.push(("hetu", hetu));
    fields.push(("group", &g_s));
    fields.push(("identification", "consent"));
    let res = app
        .post_form(c, &format!("/requests/new?group={g}"), "/requests", &fields)
        .await;
    (res.status().as_u16(), res.text().await.unwrap())
}

#[tokio::test]
async fn future_births_and_temporary_codes_are_refused_unless_temporary_ones_are_allowed() {
    let today = otalusta::groups::routes::today();
    let tomorrow = identity_code(today.tomorrow().unwrap(), 'A', 123);
    let temporary = identity_code(jiff::civil::date(2014, 1, 1), 'B', 950);
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    let (status, html) = identified(&app, &requester, g, &tomorrow).await;
    assert_eq!(status, 422);
    assert!(
        html.contains("Henkilötunnuksen syntymäaika on tulevaisuudessa."),
        "{html}"
    );
    let (status, html) = identified(&app, &requester, g, &temporary).await;
    assert_eq!(status, 422);
    assert!(
        html.contains("Väliaikaista henkilötunnusta (yksilönumero 900–999) ei voi käyttää tässä."),
        "{html}"
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM requests").await, 0);
    // Born today is fine.
    let (status, _) = identified(&app, &requester, g, &identity_code(today, 'A', 123)).await;
    assert_eq!(status, 303);
    drop(app);

    // --allow-temporary-hetu: the temporary code goes through; a future
    // birth still does not.
    let app = TestApp::spawn_with(|c| c.allow_temporary_hetu = true).await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    let (status, _) = identified(&app, &requester, g, &temporary).await;
    assert_eq!(status, 303);
    let (status, _) = identified(&app, &requester, g, &tomorrow).await;
    assert_eq!(status, 422);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM requests").await, 1);
}

#[tokio::test]
async fn an_identity_code_is_sealed_and_shown_only_to_the_requester_and_the_secretary() {
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    // Without a basis, no code; a wrong check character is named.
    let g_s = g.to_string();
    let mut bad = submit(&[("hetu", HETU)]);
    bad.push(("group", &g_s));
    bad.push(("identification", "none"));
    let res = app
        .post_form(
            &requester,
            &format!("/requests/new?group={g}"),
            "/requests",
            &bad,
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("ilman suostumusta"));
    let mut wrong = submit(&[
        ("hetu", "131052-308A"),
        ("basis_note", "Huoltajan suostumus"),
    ]);
    wrong.push(("group", &g_s));
    wrong.push(("identification", "consent"));
    let res = app
        .post_form(
            &requester,
            &format!("/requests/new?group={g}"),
            "/requests",
            &wrong,
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("tarkistusmerkki ei täsmää")
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM requests").await,
        0,
        "nothing stored half-way"
    );

    let res = app
        .post_form(
            &requester,
            &format!("/requests/new?group={g}"),
            "/requests",
            &{
                let mut v = submit(&[
                    ("hetu", HETU),
                    ("basis_note", "Huoltajan kirjallinen suostumus"),
                ]);
                v.push(("group", &g_s));
                v.push(("identification", "consent"));
                v
            },
        )
        .await;
    assert_eq!(res.status(), 303);
    let id: i64 = res.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/requests/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    // The 2023 century signs are valid too.
    let other = send(&app, &requester, g, &{
        let mut v = submit(&[
            ("hetu", HETU_2023),
            ("basis_note", "Lastensuojelulaki 14 §"),
        ]);
        v.retain(|(k, _)| *k != "identification");
        v.push(("identification", "statutory"));
        v
    })
    .await;
    assert!(other > id);

    // The raw code is nowhere in the database.
    match app.engine() {
        otalusta::core::db::Engine::Sqlite => {
            sqlx::query("PRAGMA wal_checkpoint(FULL)")
                .execute(app.state.db.pool())
                .await
                .unwrap();
            for file in ["test.sqlite", "test.sqlite-wal"] {
                let path = app.data_dir.path().join(file);
                if let Ok(bytes) = std::fs::read(&path) {
                    let hay = String::from_utf8_lossy(&bytes);
                    assert!(
                        !hay.contains(HETU) && !hay.contains("131052"),
                        "{file} holds the code"
                    );
                    assert!(!hay.contains(HETU_2023), "{file} holds the code");
                }
            }
        }
        otalusta::core::db::Engine::Postgres => {
            for table in [
                "requests",
                "request_events",
                "audit_log",
                "request_messages",
                "notifications",
            ] {
                let n = count(&app, &format!("SELECT COUNT(*) FROM {table} t WHERE CAST(t.* AS TEXT) LIKE '%131052%' OR CAST(t.* AS TEXT) LIKE '%010114%'")).await;
                assert_eq!(n, 0, "{table} holds the code");
            }
        }
    }
    let (cipher,): (String,) = sqlx::query_as("SELECT identity_cipher FROM requests WHERE id = $1")
        .bind(id)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(
        otalusta::core::crypto::open(&app.state.config.keys.data, &cipher).as_deref(),
        Some(HETU)
    );

    // The two who may see it do, each showing logged; no one else.
    let secretary = app.login(Role::Secretary).await;
    for c in [&requester, &secretary] {
        let res = app
            .post_form(
                c,
                &format!("/requests/{id}"),
                &format!("/requests/{id}/identity"),
                &[],
            )
            .await;
        assert_eq!(res.status(), 200);
        assert!(res.text().await.unwrap().contains(HETU));
    }
    let (_, plain) = page(&app, &secretary, &format!("/requests/{id}")).await;
    assert!(!plain.contains(HETU), "not shown without asking");
    let res = app
        .post_form(
            &secretary,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/accept"),
            &[("meeting", "")],
        )
        .await;
    assert_eq!(res.status(), 303);
    for role in [
        Role::Expert,
        Role::Coordinator,
        Role::Researcher,
        Role::Auditor,
        Role::Admin,
    ] {
        let c = app.login(role).await;
        let res = app
            .post_form(&c, "/account", &format!("/requests/{id}/identity"), &[])
            .await;
        assert_eq!(res.status(), 403, "{role} is refused");
    }
    let shown = audit_entries(&app, "request.identity.read").await;
    assert_eq!(shown.iter().filter(|e| e.2 == "success").count(), 2);
    assert_eq!(shown.iter().filter(|e| e.2 == "denied").count(), 5);
}

#[tokio::test]
async fn who_may_see_a_case_and_every_refusal_is_logged() {
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let master = group_id(&app, "statutory-child-protection").await;
    let requester = app.login(Role::Requester).await;
    let draft = send(
        &app,
        &requester,
        g,
        &[("q_question", "Keskeneräinen"), ("action", "save")],
    )
    .await;
    let sent = send(&app, &requester, master, &submit(&[])).await;
    // demo-secretary keeps Haastavat erot, not MASTER; demo-expert sits in both.
    let secretary = app.login(Role::Secretary).await;
    let (code, _) = page(&app, &secretary, &format!("/requests/{sent}")).await;
    assert_eq!(
        code, 403,
        "a secretary of another group tries the id by hand"
    );
    let (code, _) = page(&app, &secretary, &format!("/requests/{draft}")).await;
    assert_eq!(
        code, 404,
        "a draft is the requester's alone: not even its existence shows"
    );
    let (code, _) = page(&app, &secretary, &format!("/api/v1/requests/{sent}")).await;
    assert_eq!(code, 403);
    let (code, _) = page(&app, &secretary, "/requests/999999").await;
    assert_eq!(code, 404);
    for role in [Role::Researcher, Role::Auditor, Role::Admin] {
        let c = app.login(role).await;
        let (code, _) = page(&app, &c, &format!("/requests/{sent}")).await;
        assert_eq!(code, 403, "{role} never sees a request");
    }
    // The area's coordinator sees the state, not the content.
    let coordinator = app.login(Role::Coordinator).await;
    let (code, html) = page(&app, &coordinator, &format!("/requests/{sent}")).await;
    assert_eq!(code, 200);
    assert!(!html.contains("Miten tukea lasta") && !html.contains("Perheneuvola"));
    let (_, list) = page(&app, &coordinator, "/requests").await;
    assert!(list.contains(&format!("#{sent}")) && !list.contains("Miten tukea lasta"));
    let log: Vec<(String, String, String)> = audit_entries(&app, "request.read").await;
    let denied: Vec<_> = log.iter().filter(|e| e.2 == "denied").collect();
    assert!(
        denied
            .iter()
            .any(|e| e.0 == "demo-secretary" && e.1 == sent.to_string()),
        "{log:?}"
    );
    assert!(denied.iter().any(|e| e.0 == "demo-researcher"));
    assert!(
        log.iter()
            .any(|e| e.0 == "demo-secretary" && e.1 == "999999" && e.2 == "failure"),
        "unknown ids too"
    );
}

#[tokio::test]
async fn a_draft_withdrawn_unsent_stays_its_writers_alone() {
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    let mut answers = ANSWERS.to_vec();
    answers.extend_from_slice(&[
        ("identification", "consent"),
        ("basis_note", "Huoltajan suostumus"),
        ("hetu", HETU),
        ("action", "save"),
    ]);
    let draft = send(&app, &requester, g, &answers).await;
    let withdrawn = send(&app, &requester, g, &answers).await;
    let res = app
        .post_form(
            &requester,
            &format!("/requests/{withdrawn}/withdraw"),
            &format!("/requests/{withdrawn}/withdraw"),
            &[("seen", "draft"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(status(&app, withdrawn).await.0, "withdrawn");
    let sent = send(&app, &requester, g, &submit(&[])).await;
    // demo-secretary keeps this group; demo-coordinator its area.
    let secretary = app.login(Role::Secretary).await;
    let coordinator = app.login(Role::Coordinator).await;
    for id in [draft, withdrawn] {
        for c in [&secretary, &coordinator] {
            for path in [
                format!("/requests/{id}"),
                format!("/api/v1/requests/{id}"),
                format!("/fhir/r4/ServiceRequest/{id}"),
                format!("/fhir/r4/QuestionnaireResponse/{id}"),
                format!("/fhir/r4/Task/{id}"),
            ] {
                let (code, _) = page(&app, c, &path).await;
                assert_eq!(code, 404, "{path}: not even its existence shows");
            }
        }
        // Nor is its identity code opened, or a message taken.
        let res = app
            .post_form(
                &secretary,
                "/account",
                &format!("/requests/{id}/identity"),
                &[],
            )
            .await;
        assert_eq!(res.status(), 404);
        let res = app
            .post_form(
                &secretary,
                "/account",
                &format!("/requests/{id}/messages"),
                &[("body", "Hei")],
            )
            .await;
        assert_eq!(res.status(), 404);
    }
    assert!(
        !audit_entries(&app, "request.identity.read")
            .await
            .iter()
            .any(|e| e.2 == "success"),
        "no identity code was shown"
    );
    // The lists: the sent request is there, the unsent ones are not.
    for c in [&secretary, &coordinator] {
        let (_, html) = page(&app, c, "/requests").await;
        assert!(html.contains(&format!("#{sent}")));
        let api: serde_json::Value = app.get_json(c, "/api/v1/requests").await;
        let ids: Vec<i64> = api
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_i64().unwrap())
            .collect();
        assert!(ids.contains(&sent));
        let bundle: serde_json::Value = app.get_json(c, "/fhir/r4/ServiceRequest?_count=100").await;
        let fhir_ids: Vec<String> = bundle["entry"]
            .as_array()
            .map(|es| {
                es.iter()
                    .map(|e| e["resource"]["id"].as_str().unwrap_or("").to_owned())
                    .collect()
            })
            .unwrap_or_default();
        assert!(fhir_ids.contains(&sent.to_string()), "{fhir_ids:?}");
        for id in [draft, withdrawn] {
            assert!(!html.contains(&format!("#{id}")));
            assert!(!ids.contains(&id));
            assert!(!fhir_ids.contains(&id.to_string()));
        }
    }
    // Its writer still has it.
    let (code, html) = page(&app, &requester, &format!("/requests/{withdrawn}")).await;
    assert_eq!(code, 200);
    assert!(html.contains(&format!("#{withdrawn}")));
}

#[tokio::test]
async fn bad_and_oversized_input_is_refused_and_nothing_is_stored_half_way() {
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    let g_s = g.to_string();
    let long = "x".repeat(10_001);
    let res = app
        .post_form(
            &requester,
            &format!("/requests/new?group={g}"),
            "/requests",
            &[
                ("group", g_s.as_str()),
                ("identification", "none"),
                ("action", "save"),
                ("q_age_band", "99"),
                ("q_question", long.as_str()),
                ("q_urgency", "now!"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    for field in ["q_age_band", "q_question", "q_urgency"] {
        assert!(
            html.contains(&format!("id=\"{field}-error\"")),
            "{field} marked"
        );
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM requests").await, 0);
    let res = app
        .post_form(
            &requester,
            &format!("/requests/new?group={g}"),
            "/requests",
            &[("group", "kaikki"), ("action", "save")],
        )
        .await;
    assert_eq!(res.status(), 400);
    let big = "y".repeat(2 * 1024 * 1024);
    let res = app
        .post_form(
            &requester,
            &format!("/requests/new?group={g}"),
            "/requests",
            &[("group", g_s.as_str()), ("q_question", big.as_str())],
        )
        .await;
    assert_eq!(res.status(), 413);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM requests").await, 0);

    // Attachments: the type is checked from the content, the size too.
    let id = send(&app, &requester, g, &[("action", "save")]).await;
    let (code, html) = up(&app, &requester, id, "ohjelma.exe", b"MZ\x90\x00".to_vec()).await;
    assert_eq!(code, 422);
    assert!(html.contains("Tätä tiedostotyyppiä ei voi liittää"));
    let (code, _) = up(
        &app,
        &requester,
        id,
        "raportti.pdf",
        b"<html>not a pdf".to_vec(),
    )
    .await;
    assert_eq!(code, 422, "the content must match the name");
    let mut pdf = b"%PDF-1.7\n".to_vec();
    pdf.resize(5 * 1024 * 1024 + 10, b'0');
    let (code, html) = up(&app, &requester, id, "iso.pdf", pdf.clone()).await;
    assert_eq!(code, 422);
    assert!(html.contains("Liite on liian suuri"));
    pdf.resize(7 * 1024 * 1024, b'0');
    let (code, _) = up(&app, &requester, id, "valtava.pdf", pdf).await;
    assert_eq!(code, 413, "far too large: refused before it is read whole");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM attachments").await, 0);
    let (code, _) = up(
        &app,
        &requester,
        id,
        "../../lausunto \"1\".pdf",
        b"%PDF-1.4 small".to_vec(),
    )
    .await;
    assert_eq!(code, 303);
    let (name,): (String,) = sqlx::query_as("SELECT filename FROM attachments")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(name, "lausunto 1.pdf", "no path, no quotes");
    let (aid,): (i64,) = sqlx::query_as("SELECT id FROM attachments")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    let res = requester
        .get(app.url(&format!("/requests/{id}/attachments/{aid}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert!(!audit_entries(&app, "attachment.read").await.is_empty());
}

#[tokio::test]
async fn direction_characters_never_reach_an_attachments_name() {
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    let id = send(&app, &requester, g, &[("action", "save")]).await;
    // "kuva<RLO>gpj.txt" reads as "kuvatxt.jpg" in a file manager.
    let (code, _) = up(
        &app,
        &requester,
        id,
        "oma kuva\u{202e}gpj\u{2066}\u{200f}.txt",
        b"teksti".to_vec(),
    )
    .await;
    assert_eq!(code, 303);
    let (aid, name): (i64, String) = sqlx::query_as("SELECT id, filename FROM attachments")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(name, "oma kuvagpj.txt", "stored without them");
    let disposition = async |aid: i64| {
        requester
            .get(app.url(&format!("/requests/{id}/attachments/{aid}")))
            .send()
            .await
            .unwrap()
            .headers()["content-disposition"]
            .to_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        disposition(aid).await,
        "attachment; filename*=UTF-8''oma%20kuvagpj.txt"
    );
    // A name stored before names were cleaned is cleaned on the way out.
    sqlx::query("UPDATE attachments SET filename = $1 WHERE id = $2")
        .bind("vanha\u{202e}fdp.exe\u{202c}.txt")
        .bind(aid)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(
        disposition(aid).await,
        "attachment; filename*=UTF-8''vanhafdp.exe.txt"
    );
    let (_, html) = page(&app, &requester, &format!("/requests/{id}/edit")).await;
    assert!(html.contains("vanhafdp.exe.txt"), "{html}");
    assert!(!html.contains('\u{202e}'));
}

/// Uploads one attachment through the form; (status, page).
async fn up(
    app: &TestApp,
    c: &reqwest::Client,
    id: i64,
    name: &str,
    bytes: Vec<u8>,
) -> (u16, String) {
    let html = c
        .get(app.url(&format!("/requests/{id}/edit")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = extract_csrf(&html).unwrap();
    let form = reqwest::multipart::Form::new().text("csrf", token).part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
    );
    let res = c
        .post(app.url(&format!("/requests/{id}/attachments")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

/// A real SMTP server (Python's aiosmtpd) that writes every message it
/// gets into `dir`.
struct Smtp {
    child: std::process::Child,
    port: u16,
    dir: tempfile::TempDir,
}

impl Smtp {
    fn start() -> Smtp {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let dir = tempfile::tempdir().unwrap();
        let code = r#"
import asyncio, sys, os
from aiosmtpd.controller import Controller
out = sys.argv[2]
class Save:
    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(out, "%d.eml" % len(os.listdir(out)))
        with open(name + ".tmp", "wb") as f:
            f.write(("X-Rcpt: %s\n" % ",".join(envelope.rcpt_tos)).encode() + envelope.original_content)
        os.rename(name + ".tmp", name)
        return "250 OK"
c = Controller(Save(), hostname="127.0.0.1", port=int(sys.argv[1]))
c.start()
print("ready", flush=True)
asyncio.get_event_loop().run_forever()
"#;
        let mut child = std::process::Command::new(python::python())
            .args(["-c", code, &port.to_string(), dir.path().to_str().unwrap()])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::inherit())
            .spawn()
            .expect("python runs");
        use std::io::BufRead;
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(
            line.trim(),
            "ready",
            "aiosmtpd started (tests/requirements.txt)"
        );
        Smtp { child, port, dir }
    }

    async fn wait_for(&self, n: usize) -> Vec<String> {
        for _ in 0..100 {
            let mut mails: Vec<String> = std::fs::read_dir(self.dir.path())
                .unwrap()
                .filter_map(|e| e.ok())
                .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
                .map(|e| std::fs::read_to_string(e.path()).unwrap())
                .collect();
            if mails.len() >= n {
                mails.sort();
                return mails;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("fewer than {n} e-mails arrived");
    }
}

impl Drop for Smtp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test]
async fn notifications_arrive_by_smtp_with_a_link_and_no_case_content() {
    let smtp = Smtp::start();
    let port = smtp.port;
    let app = TestApp::spawn_with(|c| c.smtp_url = Some(format!("smtp://127.0.0.1:{port}"))).await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    let id = send(&app, &requester, g, &submit(&[])).await;
    let mails = smtp.wait_for(1).await;
    let to_secretary = &mails[0];
    assert!(to_secretary.contains("X-Rcpt: demo-secretary@example.invalid"));
    assert!(
        to_secretary.contains(&format!("{}/groups/{g}/queue", app.url(""))),
        "a link: {to_secretary}"
    );
    let secretary = app.login(Role::Secretary).await;
    let res = app
        .post_form(
            &secretary,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/ask"),
            &[("reason", "Kuinka vanha sisarus on?")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let mails = smtp.wait_for(2).await;
    let to_requester = mails
        .iter()
        .find(|m| m.contains("X-Rcpt: demo-requester@example.invalid"))
        .expect("the requester is told");
    assert!(to_requester.contains(&format!("/requests/{id}")));
    for mail in &mails {
        let text = mail.to_lowercase();
        for secret in [
            "sisarus",
            "riitaisessa",
            "haastavat",
            "erot",
            "perheneuvola",
            "7-12",
        ] {
            assert!(
                !text.contains(secret),
                "an e-mail carries case content ({secret}): {mail}"
            );
        }
    }
    // The mailer marks a notification sent after the server took it: the
    // mark may follow the file by a moment.
    let mut sent = 0;
    for _ in 0..50 {
        (sent,) = sqlx::query_as("SELECT COUNT(*) FROM notifications WHERE sent_at IS NOT NULL")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
        if sent >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(sent >= 2, "{sent} marked sent");
}

#[tokio::test]
async fn a_group_takes_requests_only_from_whom_it_says() {
    let app = TestApp::spawn().await;
    let coordinator = app.login(Role::Coordinator).await;
    let gid = create_group(
        &app,
        &coordinator,
        &[
            ("name_fi", "Vain Etelä-Suomi"),
            ("video_link", "https://video.example.fi/e"),
            ("eligible_areas", "etela-suomi"),
        ],
    )
    .await;
    // demo-requester works in Itä-Suomi.
    let requester = app.login(Role::Requester).await;
    let res = requester
        .get(app.url(&format!("/requests/new?group={gid}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403, "refused with the reason, not a conflict");
    let html = res.text().await.unwrap();
    assert!(html.contains("ottaa pyyntöjä vastaan vain"));
    assert!(html.contains("yhteistyöalueilta"), "the area is the reason");
    // The group's page says so before the form, and offers no form.
    let (code, html) = page(&app, &requester, &format!("/groups/{gid}")).await;
    assert_eq!(code, 200);
    assert!(html.contains("eikä tilisi alue ole niiden joukossa"));
    assert!(!html.contains(&format!("/requests/new?group={gid}")));
    let g = gid.to_string();
    let mut all: Vec<(&str, &str)> = vec![("group", g.as_str())];
    all.extend_from_slice(&submit(&[]));
    let res = app
        .post_form(&requester, "/requests", "/requests", &all)
        .await;
    assert_eq!(res.status(), 403);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM requests").await, 0);
}
