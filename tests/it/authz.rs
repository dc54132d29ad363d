//! Roles × routes: every route, every role, what it may reach.
//! Every new route adds its row here.

use crate::helpers::*;
use otalusta_domain::role::Role;
use std::collections::HashMap;

use Role::*;

const ALL: &[Role] = &Role::ALL;
/// Everyone but the auditor, who reads the access log and nothing else.
const NOT_AUDITOR: &[Role] = &[Requester, Expert, Secretary, Coordinator, Researcher, Admin];
/// The people who work with children and families.
const PROFESSIONALS: &[Role] = &[Requester, Expert, Secretary, Coordinator];

/// Who gets in; everybody else gets 403 (or the login page / 401 when anonymous).
struct Row {
    method: &'static str,
    /// `{name}` placeholders are filled from [`Ids`].
    path: &'static str,
    allowed: &'static [Role],
    /// Anonymous visitors get this status (303 = to the login page).
    anonymous: u16,
    /// Form fields for POST rows (the CSRF token is added).
    form: &'static [(&'static str, &'static str)],
}

const fn get(path: &'static str, allowed: &'static [Role]) -> Row {
    Row {
        method: "GET",
        path,
        allowed,
        anonymous: 303,
        form: &[],
    }
}

const fn api(path: &'static str, allowed: &'static [Role]) -> Row {
    Row {
        method: "GET",
        path,
        allowed,
        anonymous: 401,
        form: &[],
    }
}

const fn public(path: &'static str) -> Row {
    Row {
        method: "GET",
        path,
        allowed: ALL,
        anonymous: 200,
        form: &[],
    }
}

/// Open to anonymous visitors (200) and to the roles `allowed`.
const fn open(path: &'static str, allowed: &'static [Role]) -> Row {
    Row {
        method: "GET",
        path,
        allowed,
        anonymous: 200,
        form: &[],
    }
}

const fn post(
    path: &'static str,
    allowed: &'static [Role],
    form: &'static [(&'static str, &'static str)],
) -> Row {
    Row {
        method: "POST",
        path,
        allowed,
        anonymous: 303,
        form,
    }
}

fn table() -> Vec<Row> {
    vec![
        public("/"),
        public("/health"),
        public("/api/v1/openapi.json"),
        public("/api/v1/areas"),
        get("/account", ALL),
        get("/account/password", ALL),
        get("/regions", ALL),
        get("/audit", &[Auditor]),
        get("/audit/verify", &[Auditor]),
        get("/audit/client", &[Auditor]),
        post("/audit/client", &[Auditor], &[("hetu", "131052-308T")]),
        get("/admin/users", &[Admin]),
        get("/admin/users/new", &[Admin]),
        // Anyone may see their own account; only the admin others'.
        get("/admin/users/{expert}", &[Admin, Expert]),
        api("/api/v1/me", ALL),
        post("/account/tokens", ALL, &[("name", "")]),
        post("/account/digest", ALL, &[]),
        post("/admin/users", &[Admin], &[("username", "")]),
        post("/admin/users/{researcher}/enable", &[Admin], &[]),
        // {spare} is an account no client is logged in as.
        post(
            "/admin/users/{spare}/roles",
            &[Admin],
            &[("roles", "expert")],
        ),
        post("/admin/users/{spare}/password", &[Admin], &[]),
        // Consultation groups: {group} is Haastavat erot (demo-secretary is
        // its secretary), {master} the MASTER group (not theirs); both in
        // Itä-Suomi, demo-coordinator's area.
        get("/groups", NOT_AUDITOR),
        get("/groups/new", &[Coordinator, Admin]),
        // Without login, the channel's public page.
        open("/groups/{group}", NOT_AUDITOR),
        get("/groups/{group}/edit", &[Secretary, Coordinator, Admin]),
        get("/groups/{master}/edit", &[Coordinator, Admin]),
        get("/groups/{group}/meetings/2027-01-14", NOT_AUDITOR),
        public("/groups/{group}/calendar.ics"),
        get("/meetings", NOT_AUDITOR),
        api("/api/v1/groups", NOT_AUDITOR),
        api("/api/v1/groups/{group}", NOT_AUDITOR),
        api("/api/v1/groups/{group}/meetings", NOT_AUDITOR),
        post("/groups", &[Coordinator, Admin], &[("area", "ita-suomi")]),
        post("/groups/{group}", &[Secretary, Coordinator, Admin], &[]),
        post(
            "/groups/{group}/members",
            &[Secretary, Coordinator, Admin],
            &[("username", "")],
        ),
        post(
            "/groups/{master}/members",
            &[Coordinator, Admin],
            &[("username", "")],
        ),
        post(
            "/groups/{group}/meetings/2027-01-14/cancel",
            &[Secretary, Coordinator],
            &[("reason", "")],
        ),
        post(
            "/groups/{master}/meetings/2027-01-12/cancel",
            &[Coordinator],
            &[("reason", "")],
        ),
        post(
            "/groups/{group}/meetings/2027-01-14/restore",
            &[Secretary, Coordinator],
            &[],
        ),
        post("/meetings/feed/revoke", NOT_AUDITOR, &[]),
        // The expert network: {own} is demo-expert's profile (published in
        // the public directory). The spreadsheet upload is multipart and
        // tested in experts.rs.
        open("/experts", NOT_AUDITOR),
        open("/experts/{own}", NOT_AUDITOR),
        get("/experts/new", &[Coordinator, Admin]),
        get("/experts/me", NOT_AUDITOR),
        get("/experts/{own}/edit", &[Expert, Coordinator, Admin]),
        get("/experts/import", &[Coordinator, Admin]),
        get("/experts/export.csv?area=ita-suomi", &[Coordinator, Admin]),
        get("/experts/export.xlsx?area=ita-suomi", &[Coordinator, Admin]),
        get("/phenomena", NOT_AUDITOR),
        get("/phenomena/new", &[Coordinator, Admin]),
        get("/phenomena/1", &[Coordinator, Admin]),
        api("/api/v1/experts", NOT_AUDITOR),
        api("/api/v1/experts/{own}", NOT_AUDITOR),
        api("/api/v1/phenomena", NOT_AUDITOR),
        post("/experts", &[Coordinator, Admin], &[("area", "ita-suomi")]),
        post("/experts/{own}", &[Expert, Coordinator, Admin], &[]),
        post(
            "/experts/{own}/levels",
            &[Expert, Coordinator, Admin],
            &[("levels", "ot-taso")],
        ),
        post("/experts/me", NOT_AUDITOR, &[]),
        post("/phenomena", &[Coordinator, Admin], &[]),
        post("/phenomena/1", &[Coordinator, Admin], &[]),
        // Consultation requests: {req} is demo-requester's request to
        // Haastavat erot, accepted on its meeting {meeting} (so on the agenda
        // its members see). Researchers, auditors and administrators never
        // see a case. The attachment upload is multipart (consultations.rs).
        get("/requests", &[Requester, Expert, Secretary, Coordinator]),
        get("/requests/new?group={group}", &[Requester]),
        get(
            "/requests/{req}",
            &[Requester, Expert, Secretary, Coordinator],
        ),
        get("/requests/{req}/edit", &[Requester]),
        // The client's access-log extract: the group's secretary and the
        // auditor ({req} is pseudonymous: they get 409, the others 403).
        get("/requests/{req}/access-log", &[Secretary, Auditor]),
        get("/requests/{req}/access-log.csv", &[Secretary, Auditor]),
        get("/requests/{req}/access-log.pdf", &[Secretary, Auditor]),
        get("/groups/{group}/queue", &[Secretary]),
        get("/groups/{master}/queue", &[]),
        get(
            "/groups/{group}/meetings/{meeting}/agenda",
            &[Expert, Secretary, Coordinator],
        ),
        get("/groups/{group}/form", &[Secretary, Coordinator, Admin]),
        api("/api/v1/requests", ALL),
        // The inbox: everyone has one (empty for roles without cases).
        api("/api/v1/inbox", ALL),
        // Screenings: {screening} is demo-requester's, nobody invited.
        get("/screenings", PROFESSIONALS),
        get("/screenings/new", PROFESSIONALS),
        get("/screenings/{screening}", &[Requester]),
        get("/screenings/{screening}/guidance", &[Requester]),
        get("/screenings/instrument", &[Coordinator, Admin]),
        api("/api/v1/screenings", PROFESSIONALS),
        post(
            "/screenings",
            PROFESSIONALS,
            &[("age_band", "7-12"), ("language", "fi")],
        ),
        post(
            "/screenings/{screening}/answers",
            &[Requester],
            &[("q_school", "1")],
        ),
        post(
            "/screenings/{screening}/team",
            &[Requester],
            &[("username", "")],
        ),
        post(
            "/screenings/{screening}/finish",
            &[Requester],
            &[("seen", "stale")],
        ),
        post("/screenings/{screening}/reopen", &[Requester], &[]),
        post(
            "/screenings/{screening}/request",
            &[Requester],
            &[("group", "0")],
        ),
        post(
            "/screenings/instrument",
            &[Coordinator, Admin],
            &[("definition", "{")],
        ),
        api(
            "/api/v1/requests/{req}",
            &[Requester, Expert, Secretary, Coordinator],
        ),
        // FHIR R4: the statement, the phenomena, the groups and published
        // experts as the public pages; the forms signed in; {req}'s
        // resources as its JSON (CarePlan: not discussed yet, 404); the
        // transaction (POST /fhir/r4) is `fhir_transaction_by_role`.
        public("/fhir/r4/metadata"),
        public("/fhir/r4/CodeSystem/phenomena"),
        public("/fhir/r4/HealthcareService"),
        public("/fhir/r4/HealthcareService/{group}"),
        open("/fhir/r4/Practitioner/{own}", NOT_AUDITOR),
        open(
            "/fhir/r4/PractitionerRole?specialty=custody-disputes",
            NOT_AUDITOR,
        ),
        api("/fhir/r4/Questionnaire", NOT_AUDITOR),
        api("/fhir/r4/Questionnaire/{group}", NOT_AUDITOR),
        api("/fhir/r4/Questionnaire/{group}/_history/1", NOT_AUDITOR),
        api("/fhir/r4/ServiceRequest", ALL),
        api("/fhir/r4/Task?status=accepted", ALL),
        api(
            "/fhir/r4/ServiceRequest/{req}",
            &[Requester, Expert, Secretary, Coordinator],
        ),
        api(
            "/fhir/r4/QuestionnaireResponse/{req}",
            &[Requester, Expert, Secretary, Coordinator],
        ),
        api(
            "/fhir/r4/Task/{req}",
            &[Requester, Expert, Secretary, Coordinator],
        ),
        api(
            "/fhir/r4/Appointment/{req}",
            &[Requester, Expert, Secretary, Coordinator],
        ),
        api(
            "/fhir/r4/CarePlan/{req}",
            &[Requester, Expert, Secretary, Coordinator],
        ),
        post(
            "/requests",
            &[Requester],
            &[("group", "1"), ("action", "save")],
        ),
        post("/requests/{req}/accept", &[Secretary], &[("meeting", "")]),
        post("/requests/{req}/ask", &[Secretary], &[("reason", "")]),
        post("/requests/{req}/decline", &[Secretary], &[("reason", "")]),
        post("/requests/{req}/redirect", &[Secretary], &[]),
        post("/requests/{req}/outcome", &[Secretary], &[]),
        post(
            "/requests/{req}/messages",
            &[Requester, Secretary],
            &[("body", "")],
        ),
        post("/requests/{req}/identity", &[Requester, Secretary], &[]),
        post("/requests/{req}/confirm", &[Requester], &[]),
        post("/requests/{req}/follow-up", &[Requester], &[]),
        post(
            "/groups/{group}/meetings/{meeting}/attendance",
            &[Secretary],
            &[],
        ),
        post(
            "/groups/{group}/meetings/{meeting}/agenda/move",
            &[Secretary],
            &[("request", "x")],
        ),
        post("/groups/{group}/form/items", &[Coordinator, Admin], &[]),
        // Last: it changes the request.
        post("/requests/{req}/withdraw", &[Requester], &[]),
        get("/requests/{req}/withdraw", &[Requester]),
        // The minutes: the whole meeting for its group and coordinator,
        // her own case's part for the requester.
        get(
            "/groups/{group}/meetings/{meeting}/minutes",
            &[Secretary, Expert, Coordinator, Requester],
        ),
        get(
            "/groups/{group}/meetings/{meeting}/minutes.pdf",
            &[Secretary, Expert, Coordinator, Requester],
        ),
        // Service guidance: {q} is the demo's open question from
        // demo-requester to Itä-Suomi, demo-coordinator's area.
        get("/guidance", &[Coordinator]),
        get("/guidance/ask", PROFESSIONALS),
        get("/guidance/ask/sent?area=ita-suomi", PROFESSIONALS),
        get("/guidance/mine", PROFESSIONALS),
        get("/guidance/new", &[Coordinator]),
        get("/guidance/{q}", &[Coordinator]),
        get(
            "/guidance/needs",
            &[Requester, Expert, Secretary, Coordinator, Researcher],
        ),
        get("/guidance/contact", &[Coordinator]),
        post("/guidance/ask", PROFESSIONALS, &[("question", "")]),
        post("/guidance/new", &[Coordinator], &[]),
        post("/guidance/{q}", &[Coordinator], &[("action", "save")]),
        post("/guidance/needs", &[Coordinator], &[]),
        post("/guidance/contact", &[Coordinator], &[]),
        // The knowledge bank: {kitem} a public item by demo-expert,
        // {kint} a network-internal one; both published.
        open("/knowledge", ALL),
        open("/knowledge/{kitem}", ALL),
        Row {
            anonymous: 404,
            ..get(
                "/knowledge/{kint}",
                &[Expert, Secretary, Coordinator, Admin],
            )
        },
        open("/api/v1/knowledge", ALL),
        open("/api/v1/knowledge/{kitem}", ALL),
        get("/knowledge/new", &[Expert, Coordinator, Admin]),
        get("/knowledge/manage", &[Expert, Coordinator, Admin]),
        get("/knowledge/{kitem}/edit", &[Expert, Coordinator, Admin]),
        get("/knowledge/{kitem}/versions", &[Expert, Coordinator, Admin]),
        get(
            "/knowledge/{kitem}/diff?from=1&to=1",
            &[Expert, Coordinator, Admin],
        ),
        post("/knowledge", &[Expert, Coordinator, Admin], &[]),
        post(
            "/knowledge/{kitem}/edit",
            &[Expert, Coordinator, Admin],
            &[],
        ),
        post(
            "/knowledge/{kitem}/step",
            &[Expert, Coordinator, Admin],
            &[("step", "archive"), ("expected", "0")],
        ),
        post("/knowledge/{kitem}/save", ALL, &[]),
        post("/events/{event}/knowledge", &[Coordinator, Admin], &[]),
        post(
            "/knowledge/{kitem}/attachments/1/remove",
            &[Expert, Coordinator, Admin],
            &[],
        ),
        public("/newsletter"),
        // Single sign-on: open to everyone (the login itself); no provider is
        // configured here, so every provider is unknown (404).
        Row {
            method: "GET",
            path: "/login/oidc/nobody",
            allowed: ALL,
            anonymous: 404,
            form: &[],
        },
        Row {
            method: "GET",
            path: "/login/oidc/nobody/callback",
            allowed: ALL,
            anonymous: 404,
            form: &[],
        },
        get("/knowledge/newsletter", &[Coordinator, Admin]),
        post("/knowledge/newsletter", &[Coordinator, Admin], &[]),
        // Events: {event} a coming public event of Itä-Suomi (the
        // coordinator's area), {event2} one to cancel, {pastevent} a past
        // one demo-requester attended. Anonymous readers see public ones.
        open("/events", NOT_AUDITOR),
        open("/events/{event}", NOT_AUDITOR),
        public("/events/calendar.ics"),
        open("/events/{event}/event.ics", NOT_AUDITOR),
        open("/api/v1/events", NOT_AUDITOR),
        get("/events/new", &[Coordinator, Admin]),
        get("/events/{event}/edit", &[Coordinator, Admin]),
        get("/events/{event}/attendance", &[Coordinator, Admin]),
        get("/events/participation", &[Coordinator, Admin]),
        get("/stats", &[Coordinator, Researcher, Admin]),
        get("/stats/export.csv", &[Coordinator, Researcher, Admin]),
        get("/stats/export.xlsx", &[Coordinator, Researcher, Admin]),
        api("/api/v1/stats", &[Coordinator, Researcher, Admin]),
        post("/stats/refresh", &[Coordinator, Researcher, Admin], &[]),
        get("/learning", REGISTRANTS),
        get("/events/{pastevent}/certificate.pdf", &[Requester]),
        post("/events", &[Coordinator, Admin], &[("area", "ita-suomi")]),
        post("/events/{event}", &[Coordinator, Admin], &[]),
        post("/events/{event}/register", REGISTRANTS, &[]),
        post("/events/{event}/unregister", REGISTRANTS, &[]),
        post("/events/{event}/attendance", &[Coordinator, Admin], &[]),
        post(
            "/events/{event}/signup",
            NOT_AUDITOR,
            &[("name", "Ulla"), ("email", "ulla@example.org")],
        ),
        post("/events/{event2}/cancel", &[Coordinator, Admin], &[]),
        // Feedback links: the requester's own case ({req} is accepted, not
        // yet discussed, so making one is refused with 409, and link 1 does
        // not exist: 404). The public page answers everyone; an unknown
        // link is a 404 page.
        post(
            "/requests/{req}/feedback-links",
            &[Requester],
            &[("audience", "child"), ("lang", "fi")],
        ),
        post("/requests/{req}/feedback-links/1/revoke", &[Requester], &[]),
        Row {
            anonymous: 404,
            ..open("/feedback/UnknownFeedbackToken-0123456789abc", ALL)
        },
        Row {
            anonymous: 404,
            ..post(
                "/feedback/UnknownFeedbackToken-0123456789abc",
                ALL,
                &[("q_heard", "5")],
            )
        },
        public("/feedback/thanks/child/fi"),
    ]
}

/// Who registers for events: professionals and researchers.
const REGISTRANTS: &[Role] = &[Requester, Expert, Secretary, Coordinator, Researcher];

/// The events of the rows: {event}, {event2} and {pastevent}.
async fn events(app: &TestApp, m: &mut HashMap<&'static str, String>) {
    use otalusta::events::store;
    let coordinator = app.user_id("demo-coordinator").await;
    let requester = app.user_id("demo-requester").await;
    for (key, starts, ends) in [
        (
            "event",
            "2030-06-15T07:00:00.000000Z",
            "2030-06-15T09:00:00.000000Z",
        ),
        (
            "event2",
            "2030-06-16T07:00:00.000000Z",
            "2030-06-16T09:00:00.000000Z",
        ),
        (
            "pastevent",
            "2030-06-17T07:00:00.000000Z",
            "2030-06-17T09:00:00.000000Z",
        ),
    ] {
        let input = store::EventInput {
            kind: "webinar".into(),
            series: String::new(),
            title: format!("Tapahtuma {key}"),
            description: String::new(),
            starts_at: starts.into(),
            ends_at: ends.into(),
            place: "Kuopio".into(),
            online_url: String::new(),
            organiser: "OT-keskus".into(),
            responsible_id: Some(coordinator),
            area_code: Some("ita-suomi".into()),
            phenomena: String::new(),
            capacity: 50,
            registration_open: true,
            registration_deadline: None,
            visibility: "public".into(),
            recording_url: String::new(),
        };
        let mut tx = app.state.db.begin().await.unwrap();
        let id = store::create(&mut tx, &input, coordinator).await.unwrap();
        if key == "pastevent" {
            let ev = store::lock(&mut tx, id).await.unwrap().unwrap();
            store::register_user(&mut tx, &ev, requester).await.unwrap();
            sqlx::query(
                "UPDATE events SET starts_at = '2024-01-10T07:00:00.000000Z', \
                 ends_at = '2024-01-10T09:00:00.000000Z' WHERE id = $1",
            )
            .bind(id)
            .execute(&mut *tx)
            .await
            .unwrap();
            sqlx::query("UPDATE event_registrations SET attended = 1 WHERE event_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await
                .unwrap();
        }
        tx.commit().await.unwrap();
        m.insert(key, id.to_string());
    }
}

async fn ids(app: &TestApp) -> HashMap<&'static str, String> {
    let mut m = HashMap::new();
    m.insert("expert", app.user_id("demo-expert").await.to_string());
    m.insert(
        "researcher",
        app.user_id("demo-researcher").await.to_string(),
    );
    let (own,): (i64,) = sqlx::query_as(
        "SELECT e.id FROM experts e JOIN users u ON u.id = e.user_id WHERE u.username = 'demo-expert'",
    )
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    m.insert("own", own.to_string());
    m.insert("spare", spare_account(app).await.to_string());
    let (q,): (i64,) =
        sqlx::query_as("SELECT MIN(id) FROM guidance_questions WHERE channel = 'platform'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    m.insert("q", q.to_string());
    // A request on the agenda of Haastavat erot.
    let (group,): (i64,) =
        sqlx::query_as("SELECT id FROM consultation_groups WHERE kind = 'separation'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    let requester = app.login(Requester).await;
    let g = group.to_string();
    let mut fields: Vec<(&str, &str)> = vec![
        ("group", g.as_str()),
        ("action", "submit"),
        ("q_question", "Kysymys"),
        ("q_age_band", "7-12"),
        ("q_situation", "Tilanne"),
        ("q_family", "Perhe"),
        ("q_services_tried", "Palvelut"),
        ("q_urgency", "normal"),
        ("q_participants", "Osallistujat"),
    ];
    fields.push(("identification", "none"));
    let res = app
        .post_form(
            &requester,
            &format!("/requests/new?group={group}"),
            "/requests",
            &fields,
        )
        .await;
    assert_eq!(res.status(), 303);
    let req: String = res.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/requests/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let secretary = app.login(Secretary).await;
    let res = app
        .post_form(
            &secretary,
            &format!("/requests/{req}"),
            &format!("/requests/{req}/accept"),
            &[("meeting", "")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (meeting,): (String,) = sqlx::query_as("SELECT meeting_date FROM requests WHERE id = $1")
        .bind(req.parse::<i64>().unwrap())
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    m.insert("req", req);
    m.insert("meeting", meeting);
    let res = app
        .post_form(
            &requester,
            "/screenings/new",
            "/screenings",
            &[("age_band", "7-12"), ("language", "fi")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let screening = res.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/screenings/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    m.insert("screening", screening);
    let expert = app.login(Expert).await;
    let coordinator = app.login(Coordinator).await;
    for (key, visibility) in [("kitem", "public"), ("kint", "network")] {
        let res = app
            .post_form(
                &expert,
                "/knowledge/new",
                "/knowledge",
                &[
                    ("kind", "guide"),
                    ("visibility", visibility),
                    ("title_fi", "Opas"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let id: String = res.headers()["location"]
            .to_str()
            .unwrap()
            .trim_start_matches("/knowledge/")
            .split('?')
            .next()
            .unwrap()
            .to_owned();
        for (c, step) in [(&expert, "submit"), (&coordinator, "approve")] {
            let res = app
                .post_form(
                    c,
                    "/knowledge/manage",
                    &format!("/knowledge/{id}/step"),
                    &[("step", step), ("expected", "1")],
                )
                .await;
            assert_eq!(res.status(), 303);
        }
        m.insert(key, id);
    }
    for (key, kind) in [
        ("group", "separation"),
        ("master", "statutory-child-protection"),
    ] {
        let (id,): (i64,) = sqlx::query_as("SELECT id FROM consultation_groups WHERE kind = $1")
            .bind(kind)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
        m.insert(key, id.to_string());
    }
    events(app, &mut m).await;
    m
}

/// An account for the rows that change accounts, so no client's own
/// session is touched.
async fn spare_account(app: &TestApp) -> i64 {
    create_account(app, "varalla", "Varalla", "researcher").await
}

fn fill(path: &str, ids: &HashMap<&'static str, String>) -> String {
    let mut p = path.to_owned();
    for (k, v) in ids {
        p = p.replace(&format!("{{{k}}}"), v);
    }
    p
}

#[tokio::test]
async fn every_role_reaches_only_what_it_may() {
    let app = TestApp::spawn().await;
    let ids = ids(&app).await;
    let mut failures = Vec::new();
    let anon = app.client();
    let mut clients = Vec::new();
    for role in Role::ALL {
        clients.push((role, app.login(role).await));
    }
    for row in table() {
        let path = fill(row.path, &ids);
        // Anonymous.
        let status = match row.method {
            "GET" => anon
                .get(app.url(&path))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16(),
            _ => app
                .post_form(&anon, "/login", &path, row.form)
                .await
                .status()
                .as_u16(),
        };
        if status != row.anonymous {
            failures.push(format!(
                "anonymous {} {path}: {status}, expected {}",
                row.method, row.anonymous
            ));
        }
        for (role, c) in &clients {
            let allowed = row.allowed.contains(role);
            let status = match row.method {
                "GET" => c
                    .get(app.url(&path))
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16(),
                _ => app
                    .post_form(c, "/account", &path, row.form)
                    .await
                    .status()
                    .as_u16(),
            };
            let ok = if allowed {
                status != 403 && status != 401 && status < 500
            } else {
                status == 403
            };
            if !ok {
                failures.push(format!(
                    "{role} {} {path}: {status}, allowed={allowed}",
                    row.method
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "access matrix violations:\n{}",
        failures.join("\n")
    );
}

#[tokio::test]
async fn every_post_route_needs_the_csrf_token() {
    let app = TestApp::spawn().await;
    let ids = ids(&app).await;
    let admin = app.login(Admin).await;
    for row in table().into_iter().filter(|r| r.method == "POST") {
        let path = fill(row.path, &ids);
        let res = admin
            .post(app.url(&path))
            .form(row.form)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "POST {path} without a token");
    }
    let res = admin.post(app.url("/logout")).send().await.unwrap();
    assert_eq!(res.status(), 403, "even logout");
}

#[tokio::test]
async fn a_denied_look_at_someone_else_is_logged() {
    let app = TestApp::spawn().await;
    let ids = ids(&app).await;
    let c = app.login(Requester).await;
    let res = c
        .get(app.url(&format!("/admin/users/{}", ids["expert"])))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let body = res.text().await.unwrap();
    assert!(body.contains("Ei käyttöoikeutta"), "localized 403 page");
    let reads = audit_entries(&app, "user.read").await;
    assert_eq!(
        reads,
        vec![(
            "demo-requester".to_owned(),
            ids["expert"].clone(),
            "denied".to_owned()
        )]
    );
}

/// `POST /fhir/r4` (a transaction Bundle, JSON: no form row above): only a
/// requester creates requests (an empty transaction: 400), everyone else
/// gets 403, an anonymous caller 401.
#[tokio::test]
async fn fhir_transaction_by_role() {
    let app = TestApp::spawn().await;
    let body = r#"{"resourceType":"Bundle","type":"transaction","entry":[]}"#;
    let post = |c: &reqwest::Client| {
        c.post(app.url("/fhir/r4"))
            .header("content-type", "application/fhir+json")
            .body(body)
            .send()
    };
    assert_eq!(post(&app.client()).await.unwrap().status(), 401);
    for role in Role::ALL {
        let c = app.login(role).await;
        let status = post(&c).await.unwrap().status();
        let want = if role == Requester { 400 } else { 403 };
        assert_eq!(status, want, "{role}");
    }
}
