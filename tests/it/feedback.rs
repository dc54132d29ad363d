//! Feedback (palaute) through the real router: the close-out survey in the
//! follow-up, answered once; feedback links made by the requester only,
//! with a QR code; the public face-scale page that works once, tells why
//! not afterwards, stores one answer of two at once and nothing that
//! points to the link; guessing slowed per address.

use crate::consultations::{group_id, page, send, status, submit};
use crate::helpers::*;
use otalusta_domain::role::Role;
use sha2::Digest;

async fn exec(app: &TestApp, sql: &str, id: i64) {
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .execute(app.state.db.pool())
        .await
        .unwrap();
}

/// A request of demo-requester to Haastavat erot, put in `status`.
async fn request_in(app: &TestApp, c: &reqwest::Client, st: &str) -> i64 {
    let g = group_id(app, "separation").await;
    let id = send(app, c, g, &submit(&[])).await;
    sqlx::query("UPDATE requests SET status = $1 WHERE id = $2")
        .bind(st)
        .bind(id)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    id
}

const SURVEY: &[(&str, &str)] = &[
    ("survey_useful", "4"),
    ("survey_plan_changed", "partly"),
    ("survey_avoided_other", "yes"),
    ("survey_speed", "bit-late"),
    ("survey_missing", "Koulun edustaja olisi tarvittu mukaan."),
];

async fn follow_up(
    app: &TestApp,
    c: &reqwest::Client,
    id: i64,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let mut all: Vec<(&str, &str)> = vec![("note", "Tilanne rauhoittui.")];
    all.extend_from_slice(fields);
    app.post_form(
        c,
        &format!("/requests/{id}"),
        &format!("/requests/{id}/follow-up"),
        &all,
    )
    .await
}

async fn survey_row(app: &TestApp, id: i64) -> Option<(i64, String)> {
    sqlx::query_as("SELECT survey_version_id, answers FROM survey_answers WHERE request_id = $1")
        .bind(id)
        .fetch_optional(app.state.db.pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn the_close_out_survey_comes_with_the_follow_up_and_is_answered_once() {
    let app = TestApp::spawn().await;
    let requester = app.login(Role::Requester).await;
    let id = request_in(&app, &requester, "follow-up").await;
    let (code, html) = page(&app, &requester, &format!("/requests/{id}")).await;
    assert_eq!(code, 200);
    assert!(html.contains("Loppukysely"));
    for field in [
        "survey_useful",
        "survey_plan_changed",
        "survey_avoided_other",
        "survey_speed",
        "survey_missing",
    ] {
        assert!(html.contains(&format!("name=\"{field}\"")), "{field}");
    }
    assert!(html.contains("5 – erittäin hyödyllinen"));

    // Required answers missing: the page names them, nothing is stored.
    let res = follow_up(
        &app,
        &requester,
        id,
        &[("survey_useful", "4"), ("survey_plan_changed", "no")],
    )
    .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    for field in ["survey_avoided_other", "survey_speed"] {
        assert!(html.contains(&format!("id=\"{field}-error\"")), "{field}");
    }
    assert!(html.contains("Avun nopeus: Tämä tieto on pakollinen."));
    assert!(
        html.contains("id=\"survey_useful-4\" name=\"survey_useful\" value=\"4\" checked"),
        "what was chosen stays chosen"
    );
    assert_eq!(survey_row(&app, id).await, None);
    assert_eq!(status(&app, id).await.0, "follow-up", "nothing changed");

    // Answered: stored with its version, in the questionnaire's shape.
    let res = follow_up(&app, &requester, id, SURVEY).await;
    assert_eq!(res.status(), 303);
    assert_eq!(status(&app, id).await.0, "closed");
    let (version, answers) = survey_row(&app, id).await.expect("stored");
    let (v1,): (i64,) = sqlx::query_as("SELECT id FROM survey_versions WHERE version = 1")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(version, v1);
    let json: serde_json::Value = serde_json::from_str(&answers).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "useful": {"type": "choice", "value": "4"},
            "plan_changed": {"type": "choice", "value": "partly"},
            "avoided_other": {"type": "choice", "value": "yes"},
            "speed": {"type": "choice", "value": "bit-late"},
            "missing": {"type": "text", "value": "Koulun edustaja olisi tarvittu mukaan."},
        })
    );
    let logged = audit_entries(&app, "request.survey").await;
    assert_eq!(
        logged,
        [(
            "demo-requester".to_owned(),
            id.to_string(),
            "success".to_owned()
        )]
    );

    // A second attempt is refused; the first answers stay.
    let mut other = SURVEY.to_vec();
    other[0] = ("survey_useful", "1");
    let res = follow_up(&app, &requester, id, &other).await;
    assert_eq!(res.status(), 409);
    assert_eq!(survey_row(&app, id).await.unwrap().1, answers);
    // Even when the request is in follow-up again (a survey row already
    // there): a conflict, never a second row or an overwrite.
    exec(
        &app,
        "UPDATE requests SET status = 'follow-up' WHERE id = $1",
        id,
    )
    .await;
    let res = follow_up(&app, &requester, id, &other).await;
    assert_eq!(res.status(), 409);
    assert!(res.text().await.unwrap().contains("on jo vastattu"));
    assert_eq!(survey_row(&app, id).await.unwrap().1, answers);
    assert_eq!(status(&app, id).await.0, "follow-up", "rolled back");

    // Two tabs at once: one follow-up goes through, the other is refused.
    let id2 = request_in(&app, &requester, "follow-up").await;
    let page_path = format!("/requests/{id2}");
    let token = app.csrf(&requester, &page_path).await;
    let post = |useful: &'static str| {
        let mut all: Vec<(&str, &str)> = vec![
            ("csrf", token.as_str()),
            ("note", "Rinnakkain"),
            ("survey_useful", useful),
        ];
        all.extend_from_slice(&SURVEY[1..]);
        let all: Vec<(String, String)> = all
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        let url = app.url(&format!("/requests/{id2}/follow-up"));
        let c = requester.clone();
        async move {
            c.post(url)
                .form(&all)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    let (a, b) = tokio::join!(post("2"), post("5"));
    let mut codes = [a, b];
    codes.sort();
    assert_eq!(codes, [303, 409]);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM survey_answers WHERE request_id = $1",
            Some(id2)
        )
        .await,
        1
    );
}

/// Makes a feedback link as `c`; the page's status and body.
async fn make_link(
    app: &TestApp,
    c: &reqwest::Client,
    id: i64,
    fields: &[(&str, &str)],
) -> (u16, String) {
    let res = app
        .post_form(
            c,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/feedback-links"),
            fields,
        )
        .await;
    (res.status().as_u16(), res.text().await.unwrap())
}

/// The link's secret from the page that shows it once.
fn token_in(app: &TestApp, html: &str) -> String {
    let prefix = format!("http://{}/feedback/", app.addr);
    let i = html.find(&prefix).expect("the link's address") + prefix.len();
    html[i..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

async fn new_link(
    app: &TestApp,
    c: &reqwest::Client,
    id: i64,
    audience: &str,
    lang: &str,
) -> String {
    let (code, html) = make_link(
        app,
        c,
        id,
        &[("audience", audience), ("lang", lang), ("days", "")],
    )
    .await;
    assert_eq!(code, 200, "{html}");
    token_in(app, &html)
}

async fn another_requester(app: &TestApp) -> reqwest::Client {
    create_account(app, "toinen-pyytaja", "Toinen Pyytäjä", "requester").await;
    app.login_as("toinen-pyytaja").await
}

#[tokio::test]
async fn feedback_links_are_made_by_the_requester_only_and_shown_once_with_a_qr_code() {
    let app = TestApp::spawn().await;
    let requester = app.login(Role::Requester).await;
    let id = request_in(&app, &requester, "discussed").await;
    let (_, html) = page(&app, &requester, &format!("/requests/{id}")).await;
    assert!(
        html.contains(
            "action=\"/requests/{id}/feedback-links\""
                .replace("{id}", &id.to_string())
                .as_str()
        )
    );

    // Nobody else makes one: other roles, another requester; anonymous
    // visitors are sent to log in.
    let fields = [("audience", "child"), ("lang", "fi"), ("days", "")];
    for role in [
        Role::Secretary,
        Role::Expert,
        Role::Coordinator,
        Role::Admin,
    ] {
        let c = app.login(role).await;
        assert_eq!(make_link(&app, &c, id, &fields).await.0, 403, "{role}");
    }
    let other = another_requester(&app).await;
    assert_eq!(make_link(&app, &other, id, &fields).await.0, 403);
    let anon = app.client();
    let res = app
        .post_form(
            &anon,
            "/login",
            &format!("/requests/{id}/feedback-links"),
            &fields,
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM feedback_links", None).await,
        0
    );
    let denied = audit_entries(&app, "feedback.link.create").await;
    assert_eq!(denied.len(), 5);
    assert!(denied.iter().all(|(_, _, outcome)| outcome == "denied"));

    // Bad input is named on the page.
    let (code, html) = make_link(
        &app,
        &requester,
        id,
        &[("audience", "teacher"), ("lang", "de"), ("days", "91")],
    )
    .await;
    assert_eq!(code, 422);
    for field in ["audience", "feedback_lang", "days"] {
        assert!(html.contains(&format!("id=\"{field}-error\"")), "{field}");
    }

    // The requester's link: the address and its QR code once; only the
    // hash is stored.
    let (code, html) = make_link(
        &app,
        &requester,
        id,
        &[("audience", "youth"), ("lang", "sv"), ("days", "")],
    )
    .await;
    assert_eq!(code, 200);
    assert!(
        html.contains("<svg class=\"qr\" aria-hidden=\"true\""),
        "QR as inline SVG"
    );
    assert!(!html.contains("<?xml"));
    assert!(
        html.contains("lang=\"sv\""),
        "the card in the link's language"
    );
    assert!(html.contains("Berätta vad du tycker"));
    let token = token_in(&app, &html);
    assert!(token.len() >= 40, "{token}");
    let (hash, audience, lang, created, expires, used): (
        String,
        String,
        String,
        String,
        String,
        i64,
    ) = sqlx::query_as(
        "SELECT token_hash, audience, lang, created_at, expires_at, used FROM feedback_links",
    )
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(hash, hex::encode(sha2::Sha256::digest(token.as_bytes())));
    assert_eq!((audience.as_str(), lang.as_str(), used), ("youth", "sv", 0));
    let secs = otalusta::core::db::parse_timestamp(&expires)
        .unwrap()
        .as_second()
        - otalusta::core::db::parse_timestamp(&created)
            .unwrap()
            .as_second();
    assert!(
        (secs - 30 * 86_400).abs() < 5,
        "30 days by default: {secs} s"
    );
    let logged = audit_entries(&app, "feedback.link.create").await;
    assert_eq!(
        logged[0],
        ("demo-requester".into(), id.to_string(), "success".into())
    );

    // The case page lists it, never its secret.
    let (_, html) = page(&app, &requester, &format!("/requests/{id}")).await;
    assert!(html.contains("Nuori (13–17-vuotias)"));
    assert!(html.contains("Avoin"));
    assert!(!html.contains(&token));

    // Before the meeting: no links.
    let early = request_in(&app, &requester, "accepted").await;
    assert_eq!(make_link(&app, &requester, early, &fields).await.0, 409);

    // At most twenty per request.
    for n in 0..19 {
        sqlx::query(
            "INSERT INTO feedback_links (request_id, audience, lang, token_hash, created_by, \
             created_at, expires_at) VALUES ($1, 'parent', 'fi', $2, \
             (SELECT requester_id FROM requests WHERE id = $1), $3, $3)",
        )
        .bind(id)
        .bind(format!("hash-{n}"))
        .bind(otalusta::core::db::now())
        .execute(app.state.db.pool())
        .await
        .unwrap();
    }
    let (code, html) = make_link(&app, &requester, id, &fields).await;
    assert_eq!(code, 422);
    assert!(html.contains("enimmäismäärä (20)"));
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM feedback_links", None).await,
        20
    );
}

#[tokio::test]
async fn a_feedback_link_works_once_and_says_why_not_afterwards() {
    let app = TestApp::spawn().await;
    let requester = app.login(Role::Requester).await;
    let id = request_in(&app, &requester, "closed").await;
    let token = new_link(&app, &requester, id, "child", "sv").await;
    let path = format!("/feedback/{token}");

    // A phone without an account: the page in the link's language, three
    // questions, each a fieldset of five labelled faces.
    let phone = app.client();
    let (code, html) = page(&app, &phone, &path).await;
    assert_eq!(code, 200);
    assert!(html.contains("<html lang=\"sv\">"));
    assert_eq!(html.matches("<fieldset").count(), 3);
    assert_eq!(html.matches("<legend>").count(), 3);
    assert_eq!(html.matches("type=\"radio\"").count(), 15);
    assert_eq!(html.matches("<svg class=\"face-img\"").count(), 15);
    assert!(html.contains("Hur bra lyssnade de vuxna på dig?"));
    assert!(html.contains("<label for=\"q_heard-5\">"));
    assert!(html.contains("<span>Jättebra</span>"));
    assert!(!html.contains("style="), "no inline styles");
    // `?lang=` switches.
    let (_, fi) = page(&app, &phone, &format!("{path}?lang=fi")).await;
    assert!(fi.contains("<html lang=\"fi\">") && fi.contains("Miten hyvin sinua kuunneltiin?"));

    // Nothing answered: said, and the link stays open.
    let res = app.post_form(&phone, &path, &path, &[("lang", "sv")]).await;
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Svara på minst en fråga.")
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM feedback_answers", None).await,
        0
    );

    let res = app
        .post_form(
            &phone,
            &path,
            &path,
            &[("lang", "sv"), ("q_heard", "5"), ("q_helped", "3")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let thanks = res.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(thanks, "/feedback/thanks/child/sv");
    let (code, html) = page(&app, &phone, &thanks).await;
    assert_eq!(code, 200);
    assert!(html.contains("Tack!"));
    let (answers,): (String,) = sqlx::query_as("SELECT answers FROM feedback_answers")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&answers).unwrap(),
        serde_json::json!({
            "heard": {"type": "choice", "value": "5"},
            "helped": {"type": "choice", "value": "3"},
        })
    );
    // The access log says a link of the request was used: no one, from nowhere.
    let (actor, object, addr): (Option<i64>, String, String) = sqlx::query_as(
        "SELECT actor_id, object_id, client_addr FROM audit_log WHERE action = 'feedback.link.used'",
    )
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!((actor, object, addr), (None, id.to_string(), String::new()));

    // Used: a friendly 410 in the child's words, again and again.
    let (code, html) = page(&app, &phone, &path).await;
    assert_eq!(code, 410);
    assert!(html.contains("Någon har redan svarat med den här länken."));
    assert!(html.contains("fråga den vuxna som gav dig länken"));
    let res = app
        .post_form(&phone, "/login", &path, &[("q_heard", "1")])
        .await;
    assert_eq!(res.status(), 410);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM feedback_answers", None).await,
        1
    );
    // The requester sees it answered, and cannot revoke it.
    let (_, case) = page(&app, &requester, &format!("/requests/{id}")).await;
    assert!(case.contains("Vastattu"));
    let (link_id,): (i64,) = sqlx::query_as("SELECT id FROM feedback_links")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    let res = app
        .post_form(
            &requester,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/feedback-links/{link_id}/revoke"),
            &[],
        )
        .await;
    assert_eq!(res.status(), 409);

    // Expired: 410, in a parent's words this time.
    let old = new_link(&app, &requester, id, "parent", "fi").await;
    sqlx::query("UPDATE feedback_links SET expires_at = $1 WHERE token_hash = $2")
        .bind("2020-01-01T00:00:00.000000Z")
        .bind(hex::encode(sha2::Sha256::digest(old.as_bytes())))
        .execute(app.state.db.pool())
        .await
        .unwrap();
    let (code, html) = page(&app, &phone, &format!("/feedback/{old}")).await;
    assert_eq!(code, 410);
    assert!(html.contains("Linkin voimassaoloaika on päättynyt"));
    let res = app
        .post_form(
            &phone,
            "/login",
            &format!("/feedback/{old}"),
            &[("q_heard", "4")],
        )
        .await;
    assert_eq!(res.status(), 410);

    // Guessed: 404, saying nothing of any case.
    let guess = "Zq3xY8kP0aB7cD2eF5gH1_-aaaaaaaaaaaaaaaaaaa";
    let (code, html) = page(&app, &phone, &format!("/feedback/{guess}")).await;
    assert_eq!(code, 404);
    assert!(html.contains("Tällä osoitteella ei löydy palautelomaketta"));
    assert!(!html.contains(&format!("#{id}")));

    // Revoked: gone.
    let spare = new_link(&app, &requester, id, "youth", "en").await;
    let (spare_id,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM feedback_links")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    let secretary = app.login(Role::Secretary).await;
    let res = app
        .post_form(
            &secretary,
            "/account",
            &format!("/requests/{id}/feedback-links/{spare_id}/revoke"),
            &[],
        )
        .await;
    assert_eq!(res.status(), 403, "only the requester revokes");
    let res = app
        .post_form(
            &requester,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/feedback-links/{spare_id}/revoke"),
            &[],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (code, _) = page(&app, &phone, &format!("/feedback/{spare}")).await;
    assert_eq!(code, 404);
    assert_eq!(audit_entries(&app, "feedback.link.revoke").await.len(), 2);
}

#[tokio::test]
async fn two_phones_answering_one_link_at_once_store_one_answer() {
    let app = TestApp::spawn().await;
    let requester = app.login(Role::Requester).await;
    let id = request_in(&app, &requester, "follow-up").await;
    let token = new_link(&app, &requester, id, "parent", "fi").await;
    let path = format!("/feedback/{token}");
    let mut posts = Vec::new();
    for n in 0..6 {
        let phone = app.client();
        let csrf = app.csrf(&phone, &path).await;
        let url = app.url(&path);
        let value = ((n % 5) + 1).to_string();
        posts.push(async move {
            phone
                .post(url)
                .form(&[("csrf", csrf.as_str()), ("q_understood", value.as_str())])
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        });
    }
    let mut codes = futures_util::future::join_all(posts).await;
    codes.sort();
    assert_eq!(codes, [303, 410, 410, 410, 410, 410]);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM feedback_answers", None).await,
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM feedback_links WHERE used = 1",
            None
        )
        .await,
        1
    );
}

#[tokio::test]
async fn a_feedback_answer_holds_nothing_that_points_to_its_link() {
    use sqlx::{Column, Row};
    let app = TestApp::spawn().await;
    let requester = app.login(Role::Requester).await;
    let id = request_in(&app, &requester, "closed").await;
    let token = new_link(&app, &requester, id, "youth", "fi").await;
    let path = format!("/feedback/{token}");
    let phone = app.client();
    let res = app
        .post_form(&phone, &path, &path, &[("q_understood", "2")])
        .await;
    assert_eq!(res.status(), 303);

    let row = sqlx::query("SELECT * FROM feedback_answers")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    let mut columns: Vec<String> = row.columns().iter().map(|c| c.name().to_owned()).collect();
    columns.sort();
    assert_eq!(
        columns,
        [
            "answers",
            "audience",
            "form_version",
            "id",
            "month",
            "request_id"
        ],
        "no link, account, address, agent or time"
    );
    let (answer_id, request_id, audience, version, month, answers): (
        String,
        i64,
        String,
        i64,
        String,
        String,
    ) = sqlx::query_as(
        "SELECT id, request_id, audience, form_version, month, answers FROM feedback_answers",
    )
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    let (link_id, hash, created, expires): (i64, String, String, String) =
        sqlx::query_as("SELECT id, token_hash, created_at, expires_at FROM feedback_links")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!((request_id, audience.as_str(), version), (id, "youth", 1));
    let this_month = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::get("Europe/Helsinki").unwrap())
        .strftime("%Y-%m")
        .to_string();
    assert_eq!(month, this_month, "the month, nothing finer");
    assert!(
        answer_id.len() >= 20 && answer_id.parse::<i64>().is_err(),
        "a random id"
    );
    for value in [&answer_id, &month, &answers] {
        assert_ne!(*value, link_id.to_string());
        for linked in [&hash, &token, &created, &expires] {
            assert!(!value.contains(linked.as_str()), "{value} holds {linked}");
        }
    }
    // Tracing never sees the token: the path is redacted.
    assert_eq!(
        otalusta::core::web::loggable_path(&path),
        "/feedback/[redacted]"
    );
}

#[tokio::test]
async fn guessing_feedback_links_is_slowed_per_address() {
    let app = TestApp::spawn().await;
    let requester = app.login(Role::Requester).await;
    let id = request_in(&app, &requester, "closed").await;
    let token = new_link(&app, &requester, id, "child", "fi").await;
    let guesser = app.client();
    for n in 0..20 {
        let guess = format!("GuessedTokenNumber{n:02}xxxxxxxxxxxxxxxxxxxxxx");
        let (code, _) = page(&app, &guesser, &format!("/feedback/{guess}")).await;
        assert_eq!(code, 404, "guess {n}");
    }
    // The 21st, and even a real link, from the same address: wait.
    let res = guesser
        .get(app.url("/feedback/GuessedTokenNumber20xxxxxxxxxxxxxxxxxxxxxx"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 429);
    let retry: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=600).contains(&retry), "{retry}");
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("liian monta väärää osoitetta")
    );
    let (code, _) = page(&app, &guesser, &format!("/feedback/{token}")).await;
    assert_eq!(code, 429);
    let res = app
        .post_form(
            &app.client(),
            "/login",
            &format!("/feedback/{token}"),
            &[("q_heard", "5")],
        )
        .await;
    assert_eq!(res.status(), 429, "answering too");
    // Counted in the database every node shares.
    let (failures,): (i64,) =
        sqlx::query_as("SELECT failures FROM login_throttle WHERE key = 'feedback:127.0.0.1'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(failures, 20);
    // Once the window has passed, the link works.
    sqlx::query("UPDATE login_throttle SET window_start = '2020-01-01T00:00:00.000000Z' WHERE key = 'feedback:127.0.0.1'")
        .execute(app.state.db.pool())
        .await
        .unwrap();
    let (code, _) = page(&app, &guesser, &format!("/feedback/{token}")).await;
    assert_eq!(code, 200);
}

/// Five requesters' surveys and five children's answers, through the real
/// pages, reach the statistics (and four would not: under the threshold).
#[tokio::test]
async fn surveys_and_childrens_answers_reach_the_statistics() {
    let app = TestApp::spawn().await;
    let requester = app.login(Role::Requester).await;
    for _ in 0..5 {
        let id = request_in(&app, &requester, "follow-up").await;
        assert_eq!(follow_up(&app, &requester, id, SURVEY).await.status(), 303);
        let token = new_link(&app, &requester, id, "child", "fi").await;
        let phone = app.client();
        let path = format!("/feedback/{token}");
        let csrf = app.csrf(&phone, &path).await;
        let r = phone
            .post(app.url(&path))
            .form(&[("csrf", csrf.as_str()), ("q_heard", "5"), ("q_helped", "4")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
    }
    // The counts the statistics are made of.
    let g = otalusta::stats::facts::gather(&app.state.db).await.unwrap();
    let n = |measure: &str, dim: &str, cat: &str| -> u64 {
        g.facts
            .iter()
            .filter(|f| f.measure == measure && f.dim == dim && f.cat == cat)
            .map(|f| f.n)
            .sum()
    };
    assert_eq!(n("survey", "", ""), 5);
    assert_eq!(n("survey", "useful", "4"), 5);
    assert_eq!(n("survey", "plan_changed", "partly"), 5);
    assert_eq!(n("feedback-child", "", ""), 5);
    assert_eq!(n("feedback-child", "heard", "5"), 5);
    assert_eq!(n("feedback-child", "helped", "4"), 5);
    assert_eq!(
        n("feedback-child", "understood", "none"),
        5,
        "nobody answered it"
    );
    // Published: five answers all alike would tell that nobody answered
    // anything else; so the answer's cell or the total is hidden.
    otalusta::stats::snapshot::refresh(&app.state.db)
        .await
        .unwrap();
    let researcher = app.login(Role::Researcher).await;
    let v: serde_json::Value = app
        .get_json(&researcher, "/api/v1/stats?period=all&region=all")
        .await;
    let useful = v["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "survey-useful")
        .unwrap();
    let value = |code: &str| {
        useful["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["code"] == code)
            .unwrap()["cells"][0]["value"]
            .as_i64()
    };
    assert!(value("4").is_none() || value("all").is_none(), "{useful}");
    for code in ["5", "3", "2", "1"] {
        assert_eq!(value(code), None, "a zero is small");
    }
    app.stop().await;
}
