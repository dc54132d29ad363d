//! OT screening (OT-seula) and guidance end to end over HTTP: a team fills
//! one, its result is explained, channels are suggested and a draft request
//! carries the answers; who may see what; an edited instrument; identity
//! codes refused; a finish on a stale page; the public channel page.

use crate::helpers::*;
use otalusta_domain::role::Role;
use serde_json::Value;

/// The id in a `/screenings/{id}?…` or `/requests/{id}/…` redirect.
fn id_in(res: &reqwest::Response, prefix: &str) -> i64 {
    let loc = res.headers()["location"].to_str().unwrap();
    loc.trim_start_matches(prefix)
        .split(['?', '/', '#'])
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("no id in {loc}"))
}

async fn start(app: &TestApp, c: &reqwest::Client, age: &str) -> i64 {
    let res = app
        .post_form(
            c,
            "/screenings/new",
            "/screenings",
            &[("age_band", age), ("language", "fi")],
        )
        .await;
    assert_eq!(res.status(), 303);
    id_in(&res, "/screenings/")
}

async fn answer(app: &TestApp, c: &reqwest::Client, id: i64, fields: &[(&str, &str)]) -> u16 {
    let page = format!("/screenings/{id}");
    app.post_form(c, &page, &format!("{page}/answers"), fields)
        .await
        .status()
        .as_u16()
}

async fn body(app: &TestApp, c: &reqwest::Client, path: &str) -> (u16, String) {
    let r = c.get(app.url(path)).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn list(app: &TestApp, c: &reqwest::Client) -> Vec<Value> {
    let r = c.get(app.url("/api/v1/screenings")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    r.json::<Vec<Value>>().await.unwrap()
}

/// The hidden `seen` value of the finish form.
fn seen(html: &str) -> String {
    let i = html.find("name=\"seen\" value=\"").unwrap() + "name=\"seen\" value=\"".len();
    html[i..i + html[i..].find('"').unwrap()].to_owned()
}

/// OT-level need by the default instrument: psychiatry and child
/// protection, specialist care tried, three sectors.
const INDICATED: &[(&str, &str)] = &[
    ("q_mental_health", "3"),
    ("q_neurodevelopment", "0"),
    ("q_school", "3"),
    ("q_substance_use", "0"),
    ("q_somatic", "no"),
    ("q_several_areas", "yes"),
    ("q_sectors_involved", "3"),
    ("q_basic_tried", "yes"),
    ("q_specialist_tried", "yes"),
    ("q_placement", "yes"),
    ("q_violence", "no"),
    ("q_violence_child", "no"),
    ("q_danger", "no"),
    ("q_custody_conflict", "no"),
    ("q_family_resources", "1"),
    ("q_not_local", "yes"),
    ("q_rare", "no"),
    (
        "own_note",
        "Koulu ja lastensuojelu näkevät tilanteen eri tavoin.",
    ),
];

#[tokio::test]
async fn a_team_screens_a_case_and_opens_a_request_to_a_suggested_channel() {
    let app = TestApp::spawn().await;
    let requester = app.login(Role::Requester).await;
    let expert = app.login(Role::Expert).await;
    let id = start(&app, &requester, "13-15").await;
    // Not yet invited: the colleague sees nothing.
    assert_eq!(
        body(&app, &expert, &format!("/screenings/{id}")).await.0,
        403
    );
    assert_eq!(answer(&app, &requester, id, INDICATED).await, 303);
    let page = format!("/screenings/{id}");
    let res = app
        .post_form(
            &requester,
            &page,
            &format!("{page}/team"),
            &[("username", "demo-expert")],
        )
        .await;
    assert_eq!(res.status(), 303);
    // The colleague is told by a link only, and her list says it awaits her.
    let expert_id = app.user_id("demo-expert").await;
    let (link,): (String,) = sqlx::query_as(
        "SELECT link FROM notifications WHERE user_id = $1 AND kind = 'screening.invite'",
    )
    .bind(expert_id)
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(link, page);
    let (_, list_html) = body(&app, &expert, "/screenings").await;
    assert!(list_html.contains("odottaa vastaustasi"));
    // The colleague adds their view: substance use seen by health care.
    let (status, html) = body(&app, &expert, &page).await;
    assert_eq!(status, 200);
    assert!(html.contains("Laura Niskanen"), "who said what is shown");
    assert_eq!(
        answer(
            &app,
            &expert,
            id,
            &[("q_substance_use", "3"), ("q_school", "1")]
        )
        .await,
        303
    );
    let (_, html) = body(&app, &requester, &page).await;
    assert!(
        html.contains("OT-tason tuki on aiheellinen"),
        "the outcome in words"
    );
    assert!(
        html.contains("Mikko Hyvärinen (lastenpsykiatri): Vakavasti"),
        "the colleague's answer beside the item"
    );
    assert!(
        html.contains("näkemykset eroavat"),
        "a difference is pointed out"
    );
    assert!(
        html.contains("Psyykkiset oireet"),
        "reasons name the answers"
    );
    assert!(
        html.contains("Päihteiden käyttö"),
        "the colleague's answer names a phenomenon"
    );
    // The owner finishes: the result is frozen.
    let res = app
        .post_form(
            &requester,
            &page,
            &format!("{page}/finish"),
            &[("seen", &seen(&html))],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (outcome, status): (Option<String>, String) =
        sqlx::query_as("SELECT outcome, status FROM screenings WHERE id = $1")
            .bind(id)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(
        (outcome.as_deref(), status.as_str()),
        (Some("indicated"), "done")
    );
    // Answering a finished screening is refused, nothing changes.
    assert_eq!(answer(&app, &expert, id, &[("q_school", "3")]).await, 409);
    // Guidance: the demo groups of Itä-Suomi that take these phenomena.
    let (status, html) = body(&app, &requester, &format!("{page}/guidance")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Integroidun laitoshoidon"), "{html}");
    assert!(html.contains("Seuraava kokous"), "the meeting it can reach");
    assert!(html.contains("Palvelee tasoa: OT-taso"));
    assert!(
        !html.contains("Haastavat erot"),
        "a channel for other phenomena is not suggested"
    );
    // The colleague sees the suggestions but may not open the request.
    let (status, html_e) = body(&app, &expert, &format!("{page}/guidance")).await;
    assert_eq!(status, 200);
    assert!(!html_e.contains("Tee konsultaatiopyyntö</button>"));
    // One action: a draft request to the suggested channel.
    let (gid,): (i64,) =
        sqlx::query_as("SELECT id FROM consultation_groups WHERE name_fi LIKE 'Integroidun%'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    let res = app
        .post_form(
            &requester,
            &format!("{page}/guidance"),
            &format!("{page}/request"),
            &[("group", &gid.to_string())],
        )
        .await;
    assert_eq!(res.status(), 303);
    let rid = id_in(&res, "/requests/");
    // A second click opens the same draft, not another; the colleague may
    // not open one from the owner's screening.
    let res = app
        .post_form(
            &requester,
            &format!("{page}/guidance"),
            &format!("{page}/request"),
            &[("group", &gid.to_string())],
        )
        .await;
    assert_eq!(id_in(&res, "/requests/"), rid);
    let res = app
        .post_form(
            &expert,
            &format!("{page}/guidance"),
            &format!("{page}/request"),
            &[("group", &gid.to_string())],
        )
        .await;
    assert_eq!(res.status(), 403);
    let (drafts,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM requests WHERE screening_id = $1")
        .bind(id)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(drafts, 1);
    let (status, answers, screening, level, group): (String, String, Option<i64>, String, i64) =
        sqlx::query_as(
            "SELECT status, answers, screening_id, need_level, group_id FROM requests WHERE id = $1",
        )
        .bind(rid)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(
        (status.as_str(), screening, level.as_str(), group),
        ("draft", Some(id), "ot-taso", gid)
    );
    let answers: Value = serde_json::from_str(&answers).unwrap();
    let situation = answers["situation"]["value"].as_str().unwrap();
    assert!(situation.contains("Psyykkiset oireet"), "{situation}");
    assert!(situation.contains("Vakavasti"));
    assert!(
        answers["services_tried"]["value"]
            .as_str()
            .unwrap()
            .contains("Erityistason palvelut")
    );
    assert_eq!(answers["age_band"]["value"], "13-15");
    // The requester edits the draft as any other; the level she sees is
    // the screening's until she changes it.
    let (status, html) = body(&app, &requester, &format!("/requests/{rid}/edit")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Psyykkiset oireet"));
    assert!(html.contains("<option value=\"ot-taso\" selected>"));
    let (_, html) = body(&app, &requester, &format!("/requests/{rid}")).await;
    assert!(html.contains("Palvelutason tarve (pyytäjän arvio)</dt><dd>OT-taso"));
    assert!(
        html.contains(&format!("href=\"/screenings/{id}\"")),
        "back to the screening"
    );
    // Every step is in the access log.
    for action in [
        "screening.create",
        "screening.answer",
        "screening.invite",
        "screening.view",
        "screening.finish",
        "screening.guidance",
        "screening.request",
        "request.create",
    ] {
        assert!(
            !audit_entries(&app, action).await.is_empty(),
            "{action} logged"
        );
    }
    let denied: Vec<_> = audit_entries(&app, "screening.view")
        .await
        .into_iter()
        .filter(|e| e.2 == "denied")
        .collect();
    assert_eq!(
        denied,
        vec![(
            "demo-expert".to_owned(),
            id.to_string(),
            "denied".to_owned()
        )]
    );
}

#[tokio::test]
async fn only_the_team_sees_a_screening_and_only_professionals_screen() {
    let app = TestApp::spawn().await;
    let requester = app.login(Role::Requester).await;
    let id = start(&app, &requester, "7-12").await;
    let page = format!("/screenings/{id}");
    for role in [
        Role::Secretary,
        Role::Coordinator,
        Role::Admin,
        Role::Researcher,
    ] {
        let c = app.login(role).await;
        assert_eq!(body(&app, &c, &page).await.0, 403, "{role}");
        assert_eq!(
            body(&app, &c, &format!("{page}/guidance")).await.0,
            403,
            "{role}"
        );
    }
    let researcher = app.login(Role::Researcher).await;
    let r = researcher
        .get(app.url("/api/v1/screenings"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403, "never row-level for researchers");
    // The API lists the caller's own and those they were invited to.
    let expert = app.login(Role::Expert).await;
    assert!(list(&app, &expert).await.is_empty());
    let mine = list(&app, &requester).await;
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0]["id"], id);
    assert_eq!(mine[0]["owner"], true);
    assert_eq!(mine[0]["status"], "open");
    // A researcher is no colleague to invite; an unknown name is said so.
    for (name, why) in [
        ("demo-researcher", "vain ammattilaisen"),
        ("ei-ketaan", "ei löydy"),
    ] {
        let res = app
            .post_form(
                &requester,
                &page,
                &format!("{page}/team"),
                &[("username", name)],
            )
            .await;
        assert_eq!(res.status(), 422);
        assert!(res.text().await.unwrap().contains(why), "{name}");
    }
    let res = app
        .post_form(
            &requester,
            &page,
            &format!("{page}/team"),
            &[("username", "demo-expert")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let theirs = list(&app, &expert).await;
    assert_eq!(theirs.len(), 1);
    assert_eq!(theirs[0]["owner"], false);
    // A participant answers but does not manage.
    for action in ["finish", "reopen", "team"] {
        let res = app
            .post_form(
                &expert,
                &page,
                &format!("{page}/{action}"),
                &[("username", "demo-secretary")],
            )
            .await;
        assert_eq!(res.status(), 403, "{action}");
    }
}

#[tokio::test]
async fn a_screening_never_takes_an_identity_code_and_bad_answers_change_nothing() {
    let app = TestApp::spawn().await;
    let requester = app.login(Role::Requester).await;
    let id = start(&app, &requester, "").await;
    for fields in [
        vec![
            ("q_school", "2"),
            ("own_note", "Poika, 131052-308T, asuu isällä."),
        ],
        vec![("q_school", "9")],
        vec![("q_school", "1"), ("q_school", "2")],
    ] {
        let page = format!("/screenings/{id}");
        let res = app
            .post_form(&requester, &page, &format!("{page}/answers"), &fields)
            .await;
        assert_eq!(res.status(), 422, "{fields:?}");
        let html = res.text().await.unwrap();
        if fields.len() == 2 && fields[1].0 == "own_note" {
            assert!(html.contains("henkilötunnukselta näyttävä"), "said why");
        }
    }
    let (answers,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM screening_answers WHERE screening_id = $1")
            .bind(id)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    let (note,): (String,) =
        sqlx::query_as("SELECT comment FROM screening_participants WHERE screening_id = $1")
            .bind(id)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!((answers, note.as_str()), (0, ""));
}

#[tokio::test]
async fn finishing_on_a_page_older_than_the_answers_shows_the_new_result_first() {
    let app = TestApp::spawn().await;
    let requester = app.login(Role::Requester).await;
    let id = start(&app, &requester, "3-6").await;
    let page = format!("/screenings/{id}");
    assert_eq!(
        answer(&app, &requester, id, &[("q_school", "1")]).await,
        303
    );
    let (_, html) = body(&app, &requester, &page).await;
    let stale = seen(&html);
    app.post_form(
        &requester,
        &page,
        &format!("{page}/team"),
        &[("username", "demo-expert")],
    )
    .await;
    let expert = app.login(Role::Expert).await;
    // A colleague's answer lands after the owner's page was loaded.
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    assert_eq!(
        answer(&app, &expert, id, &[("q_violence_child", "yes")]).await,
        303
    );
    let res = app
        .post_form(
            &requester,
            &page,
            &format!("{page}/finish"),
            &[("seen", &stale)],
        )
        .await;
    assert_eq!(res.status(), 409);
    let html = res.text().await.unwrap();
    assert!(html.contains("Vastauksia on muutettu"));
    // On the fresh page: required answers are still missing, so it is not
    // finished but said why.
    let res = app
        .post_form(
            &requester,
            &page,
            &format!("{page}/finish"),
            &[("seen", &seen(&html))],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("pakollisia kysymyksiä on vastaamatta")
    );
    let (status,): (String,) = sqlx::query_as("SELECT status FROM screenings WHERE id = $1")
        .bind(id)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(status, "open");
}

#[tokio::test]
async fn an_edited_instrument_is_a_new_version_and_old_screenings_keep_their_result() {
    let app = TestApp::spawn().await;
    let requester = app.login(Role::Requester).await;
    let coordinator = app.login(Role::Coordinator).await;
    // A screening finished on the platform's default version.
    let old = start(&app, &requester, "13-15").await;
    assert_eq!(answer(&app, &requester, old, INDICATED).await, 303);
    let (_, html) = body(&app, &requester, &format!("/screenings/{old}")).await;
    let res = app
        .post_form(
            &requester,
            &format!("/screenings/{old}"),
            &format!("/screenings/{old}/finish"),
            &[("seen", &seen(&html))],
        )
        .await;
    assert_eq!(res.status(), 303);
    // The coordinator raises the OT-level threshold for her area.
    let (status, html) = body(&app, &coordinator, "/screenings/instrument").await;
    assert_eq!(status, 200);
    let i = html.find("<textarea").unwrap();
    let start_json = html[i..].find('>').unwrap() + i + 1;
    let end_json = html[start_json..].find("</textarea>").unwrap() + start_json;
    let json = html[start_json..end_json]
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    let mut def: Value = serde_json::from_str(&json).expect("the editor shows JSON");
    def["rules"]["indicated_from"] = 90.into();
    let edited = serde_json::to_string_pretty(&def).unwrap();
    // A broken definition is refused with the place named.
    let mut broken = def.clone();
    broken["rules"]["consider_from"] = 500.into();
    let res = app
        .post_form(
            &coordinator,
            "/screenings/instrument",
            "/screenings/instrument",
            &[("definition", &broken.to_string()), ("expected", "0")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("rules.consider_from"));
    let res = app
        .post_form(
            &coordinator,
            "/screenings/instrument",
            "/screenings/instrument",
            &[("definition", &edited), ("expected", "0")],
        )
        .await;
    assert_eq!(res.status(), 303);
    // A second save from the same stale page is a conflict, not a silent overwrite.
    let res = app
        .post_form(
            &coordinator,
            "/screenings/instrument",
            "/screenings/instrument",
            &[("definition", &edited), ("expected", "0")],
        )
        .await;
    assert_eq!(res.status(), 409);
    // New screenings in Itä-Suomi use the area's version 1; the old one keeps its result.
    let new = start(&app, &requester, "13-15").await;
    assert_eq!(answer(&app, &requester, new, INDICATED).await, 303);
    let (_, html) = body(&app, &requester, &format!("/screenings/{new}")).await;
    assert!(
        html.contains("Harkitse OT-tason tukea"),
        "the edited rule decides"
    );
    assert!(html.contains("OT-taso 90 pisteestä"));
    let (_, html) = body(&app, &requester, &format!("/screenings/{old}")).await;
    assert!(
        html.contains("OT-tason tuki on aiheellinen"),
        "the old result stands"
    );
    let versions: Vec<(String, i64)> = sqlx::query_as(
        "SELECT i.area_code, i.version FROM screenings s JOIN screening_instruments i \
         ON i.id = s.instrument_id WHERE s.id IN ($1, $2) ORDER BY s.id",
    )
    .bind(old)
    .bind(new)
    .fetch_all(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(
        versions,
        vec![(String::new(), 1), ("ita-suomi".to_owned(), 1)]
    );
}

#[tokio::test]
async fn a_channel_has_a_public_page_without_video_link_or_members() {
    let app = TestApp::spawn().await;
    let (gid,): (i64,) =
        sqlx::query_as("SELECT id FROM consultation_groups WHERE kind = 'separation'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    sqlx::query(
        "INSERT INTO area_contacts (area_code, name, phone, email, updated_at) \
         VALUES ('ita-suomi', 'Tarja Korhonen', '040 000 0000', 'ot@example.fi', '2026-12-01T00:00:00Z') \
         ON CONFLICT (area_code) DO UPDATE SET name = excluded.name, phone = excluded.phone, \
         email = excluded.email",
    )
    .execute(app.state.db.pool())
    .await
    .unwrap();
    let anon = app.client();
    let (status, html) = body(&app, &anon, &format!("/groups/{gid}")).await;
    assert_eq!(status, 200);
    for want in [
        "Haastavat erot",
        "Asiakkuuden kriteerit",
        "Kuka voi pyytää konsultaatiota ja miten",
        "Tarja Korhonen",
        "tel:0400000000",
        "ot@example.fi",
        "Seuraavat kokoukset",
    ] {
        assert!(html.contains(want), "{want}");
    }
    for never in ["video.example.fi", "Johanna Lind", "demo-secretary"] {
        assert!(!html.contains(never), "{never} must stay behind login");
    }
    // The public calendar feed has no video link either.
    let (_, feed) = body(&app, &anon, &format!("/groups/{gid}/calendar.ics")).await;
    assert!(!feed.contains("video.example.fi"));
    // Signed in, the group page still has the video link.
    let requester = app.login(Role::Requester).await;
    let (_, html) = body(&app, &requester, &format!("/groups/{gid}")).await;
    assert!(html.contains("video.example.fi"));
}

#[tokio::test]
async fn levels_of_need_are_one_vocabulary_on_channels_and_experts() {
    let app = TestApp::spawn().await;
    let (gid,): (i64,) =
        sqlx::query_as("SELECT id FROM consultation_groups WHERE kind = 'separation'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    let (_, html) = body(&app, &app.client(), &format!("/groups/{gid}")).await;
    assert!(
        html.contains("Palvelee tasoja</dt><dd>erityistaso, OT-taso"),
        "the channel's levels in public"
    );
    let (own,): (i64,) = sqlx::query_as(
        "SELECT e.id FROM experts e JOIN users u ON u.id = e.user_id WHERE u.username = 'demo-expert'",
    )
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    let expert = app.login(Role::Expert).await;
    let page = format!("/experts/{own}");
    let res = app
        .post_form(
            &expert,
            &page,
            &format!("{page}/levels"),
            &[("levels", "ot-taso"), ("levels", "erityistaso")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (levels,): (String,) = sqlx::query_as("SELECT levels FROM experts WHERE id = $1")
        .bind(own)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(levels, "erityistaso,ot-taso");
    let (_, html) = body(&app, &expert, &page).await;
    assert!(html.contains("erityistaso, OT-taso"));
    let res = app
        .post_form(
            &expert,
            &page,
            &format!("{page}/levels"),
            &[("levels", "huippu")],
        )
        .await;
    assert_eq!(res.status(), 400, "an unknown level is refused");
    // Another's profile is not the expert's to change.
    let (other,): (Option<i64>,) = sqlx::query_as(
        "SELECT MIN(id) FROM experts WHERE user_id IS NULL OR user_id <> (SELECT id FROM users WHERE username = 'demo-expert')",
    )
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    if let Some(other) = other {
        let res = app
            .post_form(
                &expert,
                &page,
                &format!("/experts/{other}/levels"),
                &[("levels", "ot-taso")],
            )
            .await;
        assert_eq!(res.status(), 403);
    }
}

#[tokio::test]
async fn colleagues_acting_at_once_never_lose_or_slip_in_an_answer() {
    let app = TestApp::spawn().await;
    let requester = app.login(Role::Requester).await;
    let expert = app.login(Role::Expert).await;
    let id = start(&app, &requester, "13-15").await;
    let page = format!("/screenings/{id}");
    app.post_form(
        &requester,
        &page,
        &format!("{page}/team"),
        &[("username", "demo-expert")],
    )
    .await;
    // Two participants save at the same moment: both answers are kept.
    let (a, b) = tokio::join!(
        answer(&app, &requester, id, INDICATED),
        answer(&app, &expert, id, &[("q_substance_use", "3")]),
    );
    assert_eq!((a, b), (303, 303));
    let (rows,): (i64,) = sqlx::query_as(
        "SELECT COUNT(DISTINCT user_id) FROM screening_answers WHERE screening_id = $1",
    )
    .bind(id)
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(rows, 2);
    // The owner finishes while the colleague changes an answer: exactly one
    // of them goes through, never a finished result missing an answer.
    let (_, html) = body(&app, &requester, &page).await;
    let seen_now = seen(&html);
    let finish_path = format!("{page}/finish");
    let finish_fields = [("seen", seen_now.as_str())];
    let (finish, change) = tokio::join!(
        app.post_form(&requester, &page, &finish_path, &finish_fields),
        answer(
            &app,
            &expert,
            id,
            &[("q_substance_use", "2"), ("q_school", "3")]
        ),
    );
    let finish = finish.status().as_u16();
    assert!(
        (finish, change) == (303, 409) || (finish, change) == (409, 303),
        "finish {finish}, answer {change}"
    );
    let (status, result): (String, Option<String>) =
        sqlx::query_as("SELECT status, result FROM screenings WHERE id = $1")
            .bind(id)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    if status == "done" {
        // The frozen result is the answers as stored.
        let frozen: Value = serde_json::from_str(&result.unwrap()).unwrap();
        let reasons = frozen["reasons"].as_array().unwrap();
        let substance = reasons
            .iter()
            .find(|r| r["item"] == "substance_use")
            .unwrap();
        assert_eq!(
            substance["option"], "3",
            "the colleague's change did not slip in"
        );
    }
    // Two saves of the instrument from one page at once: one version.
    let coordinator = app.login(Role::Coordinator).await;
    let definition =
        serde_json::to_string(&otalusta_domain::screening::instrument::default_instrument())
            .unwrap();
    let fields = [("definition", definition.as_str()), ("expected", "0")];
    let (x, y) = tokio::join!(
        app.post_form(
            &coordinator,
            "/screenings/instrument",
            "/screenings/instrument",
            &fields
        ),
        app.post_form(
            &coordinator,
            "/screenings/instrument",
            "/screenings/instrument",
            &fields
        ),
    );
    let mut codes = [x.status().as_u16(), y.status().as_u16()];
    codes.sort();
    assert_eq!(codes, [303, 409]);
    let (versions,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM screening_instruments WHERE area_code = 'ita-suomi'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(versions, 1);
}
