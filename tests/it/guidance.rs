//! Service guidance (palveluohjaus): asking the OT centre, the
//! coordinator's queue and answers, development needs, the area contact.

use crate::helpers::*;
use otalusta_domain::role::Role;

async fn page(app: &TestApp, c: &reqwest::Client, path: &str) -> (u16, String) {
    let res = c.get(app.url(path)).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    n
}

/// The id of the newest question.
async fn newest(app: &TestApp) -> i64 {
    count(app, "SELECT MAX(id) FROM guidance_questions").await
}

/// Makes demo-researcher a coordinator of `area` (another area than the
/// demo coordinator's) and logs them in.
async fn coordinator_of(app: &TestApp, area: &str) -> reqwest::Client {
    let admin = app.login(Role::Admin).await;
    let id = app.user_id("demo-researcher").await;
    let res = app
        .post_form(
            &admin,
            &format!("/admin/users/{id}"),
            &format!("/admin/users/{id}/roles"),
            &[("roles", "coordinator"), ("area", area)],
        )
        .await;
    assert_eq!(res.status(), 303);
    app.login_as("demo-researcher").await
}

#[tokio::test]
async fn a_question_is_asked_answered_and_read_back() {
    let app = TestApp::spawn().await;
    let requester = app.login(Role::Requester).await;

    // The form offers the asker's own area first.
    let (status, html) = page(&app, &requester, "/guidance/ask").await;
    assert_eq!(status, 200);
    assert!(html.contains("value=\"ita-suomi\" selected"), "own area");
    assert!(html.contains("Kysy OT-keskukselta"));

    let text = "Miten tukea 12-vuotiasta, jonka koulunkäynti on katkennut?";
    let res = app
        .post_form(
            &requester,
            "/guidance/ask",
            "/guidance/ask",
            &[("area", "ita-suomi"), ("question", text)],
        )
        .await;
    assert_eq!(res.status(), 303);
    let to = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.starts_with("/guidance/ask/sent"), "{to}");
    let (status, html) = page(&app, &requester, &to).await;
    assert_eq!(status, 200);
    assert!(html.contains("OT-koordinaattori vastaa"), "{html}");
    assert!(html.contains("/guidance/mine"));
    assert!(html.contains("Kaisa Esimerkki"), "the area's contact");
    let id = newest(&app).await;
    assert_eq!(
        audit_entries(&app, "guidance.ask").await,
        vec![(
            "demo-requester".to_owned(),
            id.to_string(),
            "success".to_owned()
        )]
    );

    // The coordinator answers and directs it to a group of the area.
    let coordinator = app.login(Role::Coordinator).await;
    let (status, html) = page(&app, &coordinator, &format!("/guidance/{id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains(text));
    assert!(html.contains("Laura Niskanen"), "the asker's name");
    let (group,): (i64,) =
        sqlx::query_as("SELECT id FROM consultation_groups WHERE kind = 'separation'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    let g = group.to_string();
    let res = app
        .post_form(
            &coordinator,
            &format!("/guidance/{id}"),
            &format!("/guidance/{id}"),
            &[
                ("seen", seen_of(&app, &coordinator, id).await.as_str()),
                ("action", "save"),
                ("guidance", "Ohjattu oppilashuoltoon ja ryhmään."),
                ("directed_group", g.as_str()),
                ("directed_note", "Koulupsykologi"),
                ("follow_up_on", "2020-01-01"),
                ("follow_up_note", "Soita perään."),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    // The asker is told guidance arrived: a link to her questions only.
    let (links,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND kind = 'guidance.answered' \
         AND link = '/guidance/mine'",
    )
    .bind(app.user_id("demo-requester").await)
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(links, 1);
    let (status, html) = page(&app, &coordinator, &format!("/guidance/{id}")).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Seuranta myöhässä"),
        "a past follow-up is warned of"
    );
    assert!(html.contains("Vastausaika"), "time to answer shown");
    let (answered, follow): (Option<String>, Option<String>) =
        sqlx::query_as("SELECT answered_at, follow_up_on FROM guidance_questions WHERE id = $1")
            .bind(id)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert!(answered.is_some());
    assert_eq!(
        follow.as_deref(),
        Some("2020-01-01"),
        "never silently moved"
    );

    // The asker sees the guidance; the read is logged.
    let before = audit_entries(&app, "guidance.read").await.len();
    let (status, html) = page(&app, &requester, "/guidance/mine").await;
    assert_eq!(status, 200);
    assert!(html.contains("Ohjattu oppilashuoltoon ja ryhmään."));
    assert!(html.contains("Haastavat erot"), "the group named");
    let reads = audit_entries(&app, "guidance.read").await;
    // One entry per question shown: the demo's and this one.
    assert_eq!(reads.len() - before, 2);
    assert!(reads[..2].contains(&(
        "demo-requester".to_owned(),
        id.to_string(),
        "success".to_owned()
    )));

    // Closing it.
    let res = app
        .post_form(
            &coordinator,
            &format!("/guidance/{id}"),
            &format!("/guidance/{id}"),
            &[
                ("seen", seen_of(&app, &coordinator, id).await.as_str()),
                ("action", "close"),
                ("guidance", "Ohjattu oppilashuoltoon."),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (closed,): (Option<String>,) =
        sqlx::query_as("SELECT closed_at FROM guidance_questions WHERE id = $1")
            .bind(id)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert!(closed.is_some());
    assert_eq!(audit_entries(&app, "guidance.close").await.len(), 1);
    // A closed question no longer changes, and says why.
    let res = app
        .post_form(
            &coordinator,
            &format!("/guidance/{id}"),
            &format!("/guidance/{id}"),
            &[
                ("seen", seen_of(&app, &coordinator, id).await.as_str()),
                ("action", "save"),
                ("guidance", "Myöhempi muutos"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("Kysymys on jo suljettu"));
}

/// The answer form's `seen` value on the question's page.
async fn seen_of(app: &TestApp, c: &reqwest::Client, id: i64) -> String {
    let (_, html) = page(app, c, &format!("/guidance/{id}")).await;
    // A closed question has no answer form.
    let Some(i) = html.find("name=\"seen\" value=\"") else {
        return String::new();
    };
    let i = i + "name=\"seen\" value=\"".len();
    html[i..i + html[i..].find('"').unwrap()].to_owned()
}

#[tokio::test]
async fn guidance_saved_from_an_older_page_does_not_overwrite_a_colleagues() {
    let app = TestApp::spawn().await;
    let coordinator = app.login(Role::Coordinator).await;
    let (id,): (i64,) = sqlx::query_as(
        "SELECT MIN(id) FROM guidance_questions WHERE closed_at IS NULL AND area_code = 'ita-suomi'",
    )
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    let stale = seen_of(&app, &coordinator, id).await;
    let path = format!("/guidance/{id}");
    let first = [
        ("seen", stale.as_str()),
        ("action", "save"),
        ("guidance", "Ensimmäinen ohjaus."),
    ];
    let res = app.post_form(&coordinator, &path, &path, &first).await;
    assert_eq!(res.status(), 303);
    let second = [
        ("seen", stale.as_str()),
        ("action", "save"),
        ("guidance", "Toinen ohjaus samalta vanhalta sivulta."),
    ];
    let res = app.post_form(&coordinator, &path, &path, &second).await;
    assert_eq!(res.status(), 409);
    let html = res.text().await.unwrap();
    assert!(html.contains("Kollega tallensi"), "said why");
    assert!(
        html.contains("Toinen ohjaus samalta vanhalta sivulta."),
        "the typed text kept"
    );
    let (guidance,): (String,) =
        sqlx::query_as("SELECT guidance FROM guidance_questions WHERE id = $1")
            .bind(id)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(guidance, "Ensimmäinen ohjaus.");
}

#[tokio::test]
async fn an_identity_code_is_refused_and_nothing_stored() {
    let app = TestApp::spawn().await;
    let requester = app.login(Role::Requester).await;
    let before = count(&app, "SELECT COUNT(*) FROM guidance_questions").await;
    let res = app
        .post_form(
            &requester,
            "/guidance/ask",
            "/guidance/ask",
            &[
                ("area", "ita-suomi"),
                ("question", "Lapsi 131052-308T tarvitsee apua."),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("henkilötunnukselta näyttävä"), "{html}");
    // Too long and empty are refused too.
    let long = "a".repeat(4001);
    for q in ["", long.as_str()] {
        let res = app
            .post_form(
                &requester,
                "/guidance/ask",
                "/guidance/ask",
                &[("area", "ita-suomi"), ("question", q)],
            )
            .await;
        assert_eq!(res.status(), 422);
    }
    // The coordinator's recording form refuses one too.
    let coordinator = app.login(Role::Coordinator).await;
    let res = app
        .post_form(
            &coordinator,
            "/guidance/new",
            "/guidance/new",
            &[
                ("area", "ita-suomi"),
                ("channel", "phone"),
                ("asker", "Opettaja"),
                ("question", "Oppilas 131052A308T"),
                ("received_at", "2026-01-05T10:00"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM guidance_questions").await,
        before
    );
}

#[tokio::test]
async fn only_the_areas_coordinator_keeps_the_log() {
    let app = TestApp::spawn().await;
    let requester = app.login(Role::Requester).await;
    // The demo's open question from demo-requester.
    let (demo,): (i64,) =
        sqlx::query_as("SELECT MIN(id) FROM guidance_questions WHERE channel = 'platform'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    let expert = app.login(Role::Expert).await;
    assert_eq!(page(&app, &requester, "/guidance").await.0, 403);
    assert_eq!(
        page(&app, &expert, &format!("/guidance/{demo}")).await.0,
        403
    );
    assert_eq!(
        page(&app, &requester, &format!("/guidance/{demo}")).await.0,
        403
    );
    // The expert's own list does not show the requester's question.
    let (status, html) = page(&app, &expert, "/guidance/mine").await;
    assert_eq!(status, 200);
    assert!(!html.contains("koulunkäynti on katkennut"));
    let denied = audit_entries(&app, "guidance.read").await;
    assert!(
        denied.iter().any(|(who, id, out)| who == "demo-expert"
            && *id == demo.to_string()
            && out == "denied"),
        "{denied:?}"
    );

    // A coordinator of another area can neither read nor answer it.
    let other = coordinator_of(&app, "etela-suomi").await;
    assert_eq!(page(&app, &other, "/guidance").await.0, 200);
    assert_eq!(
        page(&app, &other, &format!("/guidance/{demo}")).await.0,
        403
    );
    let coordinator = app.login(Role::Coordinator).await;
    let token = app.csrf(&other, "/guidance/new").await;
    let res = other
        .post(app.url(&format!("/guidance/{demo}")))
        .form(&[
            ("csrf", token.as_str()),
            ("action", "save"),
            ("guidance", "Vieraan alueen vastaus"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    // Nor record one for the demo area.
    let res = other
        .post(app.url("/guidance/new"))
        .form(&[
            ("csrf", token.as_str()),
            ("area", "ita-suomi"),
            ("channel", "phone"),
            ("question", "Kysymys"),
            ("received_at", "2026-01-05T10:00"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let (guidance,): (String,) =
        sqlx::query_as("SELECT guidance FROM guidance_questions WHERE id = $1")
            .bind(demo)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(guidance, "");
    // The other area's queue does not list it; the own area's does.
    let (_, html) = page(&app, &other, "/guidance").await;
    assert!(!html.contains(&format!("/guidance/{demo}\"")));
    let (_, html) = page(&app, &coordinator, "/guidance").await;
    assert!(html.contains(&format!("/guidance/{demo}\"")));
}

#[tokio::test]
async fn the_queue_lists_oldest_first_with_ages_and_logs_reads() {
    let app = TestApp::spawn().await;
    let coordinator = app.login(Role::Coordinator).await;
    let now = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::get("Europe/Helsinki").unwrap());
    let local = |days: i64| {
        (now.datetime() - jiff::Span::new().days(days))
            .strftime("%Y-%m-%dT%H:%M")
            .to_string()
    };
    let mut ids = Vec::new();
    for (days, text) in [
        (2, "Kahden päivän kysymys"),
        (12, "Kahdentoista päivän kysymys"),
    ] {
        let res = app
            .post_form(
                &coordinator,
                "/guidance/new",
                "/guidance/new",
                &[
                    ("area", "ita-suomi"),
                    ("channel", "email"),
                    ("asker", "Koulukuraattori"),
                    ("question", text),
                    ("received_at", &local(days)),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        ids.push(newest(&app).await);
    }
    assert_eq!(audit_entries(&app, "guidance.record").await.len(), 2);
    let before = audit_entries(&app, "guidance.read").await.len();
    let (status, html) = page(&app, &coordinator, "/guidance").await;
    assert_eq!(status, 200);
    let old = html.find("Kahdentoista päivän kysymys").unwrap();
    let demo_open = html.find("koulunkäynti on katkennut").unwrap();
    let young = html.find("Kahden päivän kysymys").unwrap();
    assert!(old < demo_open && demo_open < young, "oldest first");
    assert!(html.contains("12 päivää"), "age in days");
    assert!(html.contains("2 päivää"));
    assert!(html.contains("Myöhässä"), "late in words");
    // Answered with a follow-up due, and closed ones, have their sections.
    assert!(html.contains("Seuranta myöhässä"));
    assert!(html.contains("Suljetut"));
    // One read entry per question shown, the coordinator's.
    let reads = audit_entries(&app, "guidance.read").await;
    let shown = count(&app, "SELECT COUNT(*) FROM guidance_questions").await;
    assert_eq!(reads.len() - before, shown as usize);
    for id in &ids {
        assert!(
            reads
                .iter()
                .any(|(who, o, _)| who == "demo-coordinator" && *o == id.to_string())
        );
    }
}

#[tokio::test]
async fn development_needs_and_the_area_contact() {
    let app = TestApp::spawn().await;
    let coordinator = app.login(Role::Coordinator).await;
    let res = app
        .post_form(
            &coordinator,
            "/guidance/needs",
            "/guidance/needs",
            &[
                ("area", "ita-suomi"),
                ("need", "Tarvitaan tutkimusta sijaishuollon siirtymistä."),
                ("phenomena", "substitute-care"),
                ("phenomena", "trauma"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = app
        .post_form(
            &coordinator,
            "/guidance/needs",
            "/guidance/needs",
            &[("area", "ita-suomi"), ("need", "Tapaus 010203-123A")],
        )
        .await;
    assert_eq!(res.status(), 422);
    // A researcher reads the list, newest first, phenomena named.
    let researcher = app.login(Role::Researcher).await;
    let (status, html) = page(&app, &researcher, "/guidance/needs").await;
    assert_eq!(status, 200);
    let new = html.find("sijaishuollon siirtymistä").unwrap();
    let demo = html.find("Eroriitojen lasten").unwrap();
    assert!(new < demo, "newest first");
    assert!(!html.contains("name=\"need\""), "no form for a researcher");
    let (_, html_en) = page(&app, &researcher, "/guidance/needs?lang=en").await;
    assert!(html_en.contains("Research and development needs"));

    // The contact: validated, then stored and readable for the public page.
    let res = app
        .post_form(
            &coordinator,
            "/guidance/contact",
            "/guidance/contact",
            &[
                ("area", "ita-suomi"),
                ("name", "Testi Koordinaattori"),
                ("phone", "soita"),
                ("email", "ei-osoite"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let res = app
        .post_form(
            &coordinator,
            "/guidance/contact",
            "/guidance/contact",
            &[
                ("area", "ita-suomi"),
                ("name", "Testi Koordinaattori"),
                ("phone", "040 000 0001"),
                ("email", "testi@example.fi"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let c = otalusta::guidance::store::area_contact(&app.state.db, "ita-suomi")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(c.name, "Testi Koordinaattori");
    assert_eq!(c.email, "testi@example.fi");
    assert!(
        otalusta::guidance::store::area_contact(&app.state.db, "etela-suomi")
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(audit_entries(&app, "area-contact.update").await.len(), 1);
}

#[tokio::test]
async fn every_guidance_page_is_translated_and_linked() {
    let app = TestApp::spawn().await;
    let (q,): (i64,) = sqlx::query_as("SELECT MIN(id) FROM guidance_questions")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    let show = format!("/guidance/{q}");
    for (role, shortcut) in [
        (Role::Coordinator, "Alueesi palveluohjauksen kysymykset"),
        (Role::Requester, "Kysy neuvoa OT-keskukselta"),
    ] {
        let c = app.login(role).await;
        let (_, home) = page(&app, &c, "/").await;
        assert!(home.contains(shortcut), "{role}: the front page's shortcut");
        let mut paths = vec!["/", "/guidance/ask", "/guidance/mine", "/guidance/needs"];
        if role == Role::Coordinator {
            paths.extend(["/guidance", "/guidance/new", "/guidance/contact", &show]);
        }
        for lang in ["fi", "sv", "en"] {
            for path in &paths {
                let (status, html) = page(&app, &c, &format!("{path}?lang={lang}")).await;
                assert_eq!(status, 200, "{role} {path}");
                // The answer field's own hint and error ids are no keys.
                let html = html
                    .replace("\"guidance-hint\"", "")
                    .replace("guidance-hint guidance-error", "")
                    .replace("\"guidance-error\"", "");
                for raw in ["guidance-", "home-shortcut-"] {
                    assert!(
                        !html.contains(raw),
                        "{role} {path} {lang}: a key untranslated: {}",
                        &html[html.find(raw).unwrap_or(0).saturating_sub(80)..]
                            .chars()
                            .take(160)
                            .collect::<String>()
                    );
                }
            }
        }
    }
}
