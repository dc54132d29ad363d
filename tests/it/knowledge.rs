//! The knowledge bank end to end over HTTP: Finnish inflected queries find
//! items (judged by concept, not by the words the index holds), hostile
//! Markdown renders inert, the three visibility levels, the review
//! workflow with its history and diff, editors racing, facets.

use crate::helpers::*;
use otalusta_domain::role::Role;
use serde_json::Value;

/// The id in a `/knowledge/{id}?…` redirect.
fn id_in(res: &reqwest::Response) -> i64 {
    let loc = res.headers()["location"].to_str().unwrap();
    loc.trim_start_matches("/knowledge/")
        .split(['?', '/'])
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("no id in {loc}"))
}

/// Creates a draft through the editor; returns its id.
async fn create(app: &TestApp, c: &reqwest::Client, fields: &[(&str, &str)]) -> i64 {
    let mut all: Vec<(&str, &str)> = vec![("kind", "guide"), ("visibility", "public")];
    all.retain(|(k, _)| !fields.iter().any(|(f, _)| f == k));
    all.extend_from_slice(fields);
    let res = app.post_form(c, "/knowledge/new", "/knowledge", &all).await;
    assert_eq!(res.status(), 303, "{:?}", res.text().await);
    id_in(&res)
}

async fn step(
    app: &TestApp,
    c: &reqwest::Client,
    id: i64,
    step: &str,
    expected: i64,
    comment: &str,
) -> u16 {
    let e = expected.to_string();
    app.post_form(
        c,
        "/knowledge/manage",
        &format!("/knowledge/{id}/step"),
        &[("step", step), ("expected", &e), ("comment", comment)],
    )
    .await
    .status()
    .as_u16()
}

/// Submits version `v` and has the coordinator approve it.
async fn publish(
    app: &TestApp,
    author: &reqwest::Client,
    reviewer: &reqwest::Client,
    id: i64,
    v: i64,
) {
    assert_eq!(step(app, author, id, "submit", v, "").await, 303);
    assert_eq!(step(app, reviewer, id, "approve", v, "").await, 303);
}

async fn get(app: &TestApp, c: &reqwest::Client, path: &str) -> (u16, String) {
    let r = c.get(app.url(path)).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn api_titles(app: &TestApp, c: &reqwest::Client, query: &str) -> Vec<String> {
    let r = c
        .get(app.url(&format!("/api/v1/knowledge?{query}")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["texts"]["fi"]["title"].as_str().unwrap().to_owned())
        .collect()
}

/// Items written for this test in ordinary professional Finnish, each with
/// the concept a reader would file it under (the judgement), never with
/// the words the queries use in the same form.
const COLLECTION: &[(&str, &str, &str, &str)] = &[
    (
        "anxiety",
        "Ahdistuneen lapsen tukeminen koulussa",
        "Keinoja opettajalle, kun oppilas pelkää ja jännittää tunneilla.",
        "Rauhoittumisen hetket ja ennakointi auttavat.",
    ),
    (
        "anxiety",
        "Paniikkioireet nuorella",
        "Nuoren ahdistushäiriön tunnistaminen ja hoitoonohjaus.",
        "Kouluterveydenhoitaja on usein ensimmäinen, joka kuulee oireista.",
    ),
    (
        "custody",
        "Huoltoriidan keskellä elävä lapsi",
        "Miten vanhempien pitkä riitely huoltajuudesta näkyy lapsen arjessa.",
        "Lapsen mielipide selvitetään ikätason mukaan.",
    ),
    (
        "custody",
        "Eron jälkeinen yhteistyövanhemmuus",
        "Tapaamisista ja asumisesta sopiminen, kun huoltoriita pitkittyy.",
        "Sovittelu ja perheasioiden palvelut.",
    ),
    (
        "substance",
        "Nuorten päihteidenkäyttö",
        "Alkoholin ja huumeiden käytön puheeksiotto vastaanotolla.",
        "Mini-interventio ja jatko-ohjaus.",
    ),
    (
        "substance",
        "Päihdeongelmaisen vanhemman lapsi",
        "Lapsen tukeminen, kun vanhempi juo tai käyttää huumeita.",
        "Lapselle kerrotaan ikätasoisesti, ettei tilanne ole hänen syytään.",
    ),
    (
        "violence",
        "Lähisuhdeväkivallan tunnistaminen",
        "Perheen sisäinen väkivalta ja lapsen turvallisuus.",
        "Riskinarvio ja turvasuunnitelma.",
    ),
    (
        "violence",
        "Epäily lapseen kohdistuneesta väkivallasta",
        "Yhteistyö poliisin kanssa ja lapsen kuuleminen.",
        "Lasta ei haastatella useaan kertaan.",
    ),
    (
        "absence",
        "Koulupoissaolot ja koulukieltäytyminen",
        "Kun oppilas ei pysty menemään kouluun viikkoihin.",
        "Yhteistyö kodin ja oppilashuollon kanssa.",
    ),
    (
        "bullying",
        "Koulukiusaamisen ehkäisy",
        "Koulukiusaaminen ja sen tunnistaminen luokassa.",
        "Koko koulun yhteinen toimintamalli.",
    ),
    (
        "neuro",
        "ADHD-oireisen lapsen arki",
        "Neuropsykiatrisen valmennuksen keinoja perheelle.",
        "Struktuuri, kuvat ja palkitseminen.",
    ),
    (
        "foster",
        "Sijaishuollossa olevan nuoren koulunkäynti",
        "Lastenkodissa asuvan nuoren oppimisen tuki.",
        "Yhteistyö koulun ja sijaishuoltopaikan välillä.",
    ),
];

/// Queries in other inflections, compounds and derivations than the
/// texts use, with the concept a reader looking for them means.
const QUERIES: &[(&str, &str)] = &[
    ("ahdistukseen", "anxiety"),
    ("ahdistuneille lapsille", "anxiety"),
    ("huoltoriidoissa", "custody"),
    ("päihteiden käyttö", "substance"),
    ("väkivaltaa", "violence"),
    ("koulupoissaoloihin", "absence"),
    ("sijaishuoltoon", "foster"),
    ("neuropsykiatrinen valmennus", "neuro"),
    ("kuka osaa auttaa huoltoriidoissa", "custody"),
];

#[tokio::test]
async fn finnish_inflected_queries_find_the_items_about_them() {
    let app = TestApp::spawn().await;
    let expert = app.login(Role::Expert).await;
    let coordinator = app.login(Role::Coordinator).await;
    for (_, title, summary, body) in COLLECTION {
        let id = create(
            &app,
            &expert,
            &[
                ("title_fi", title),
                ("summary_fi", summary),
                ("body_fi", body),
            ],
        )
        .await;
        publish(&app, &expert, &coordinator, id, 1).await;
    }
    let anonymous = app.client();
    let (mut recall_sum, mut precision_sum) = (0.0, 0.0);
    for (q, concept) in QUERIES {
        let relevant: Vec<&str> = COLLECTION
            .iter()
            .filter(|(c, ..)| c == concept)
            .map(|(_, t, ..)| *t)
            .collect();
        let found = api_titles(&app, &anonymous, &format!("q={}", urlencode(q))).await;
        let hits = relevant
            .iter()
            .filter(|t| found.iter().any(|f| f == *t))
            .count();
        let recall = hits as f64 / relevant.len() as f64;
        // R-precision: of the first |relevant| results, how many are relevant.
        let top = found.iter().take(relevant.len());
        let precise = top.filter(|f| relevant.contains(&f.as_str())).count();
        let precision = precise as f64 / relevant.len() as f64;
        println!("{q:40} recall {recall:.2} R-precision {precision:.2} {found:?}");
        recall_sum += recall;
        precision_sum += precision;
        assert!(!found.is_empty(), "{q} found nothing");
    }
    let n = QUERIES.len() as f64;
    let (recall, precision) = (recall_sum / n, precision_sum / n);
    println!("mean recall {recall:.2}, mean R-precision {precision:.2}");
    // Measured 0.94: "ahdistuneille lapsille" misses "Paniikkioireet
    // nuorella" (ahdistushäiriö: a compound part's derivation is not linked).
    assert!(recall >= 0.9, "mean recall {recall:.2}");
    assert!(precision >= 0.9, "mean R-precision {precision:.2}");
    // Why each matched is said: the base form met in the title.
    let r: Value = app
        .get_json(&anonymous, "/api/v1/knowledge?q=huoltoriidoissa")
        .await;
    let why = &r["items"][0]["why"][0];
    assert_eq!(why["term"], "huoltoriidoissa");
    assert!(
        why["found"].as_str().unwrap().contains("huoltoriita"),
        "{why}"
    );
    // A typo is corrected and said so on the page.
    let (_, html) = get(&app, &anonymous, "/knowledge?q=paihteiden").await;
    assert!(html.contains("Tarkoititko"), "no did-you-mean");
    assert!(html.contains("Nuorten päihteidenkäyttö"));
    // Of Voikko's corrections, the one the bank has meets and is named
    // ("koulukiusaminen": "koulukiusainen" is offered first).
    let r: Value = app
        .get_json(&anonymous, "/api/v1/knowledge?q=koulukiusaminen")
        .await;
    assert_eq!(r["did_you_mean"], "koulukiusaaminen", "{r}");
    assert_eq!(
        r["items"][0]["texts"]["fi"]["title"],
        "Koulukiusaamisen ehkäisy"
    );
    // Excluding a word drops the items with it.
    let found = api_titles(&app, &anonymous, "q=huoltoriita%20-sovittelu").await;
    assert_eq!(found, ["Huoltoriidan keskellä elävä lapsi"]);
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn hostile_markdown_is_shown_inert() {
    let app = TestApp::spawn().await;
    let expert = app.login(Role::Expert).await;
    let coordinator = app.login(Role::Coordinator).await;
    let body = "<script>document.title='x'</script>\n\n<img src=x onerror=\"alert(1)\">\n\n\
                [klikkaa](javascript:alert(2)) <a href=\"JaVaScRiPt:alert(3)\" onmouseover=\"alert(4)\">a</a>\n\n\
                <svg onload=alert(5)></svg> [hyvä](https://example.org/ok)";
    let id = create(
        &app,
        &expert,
        &[("title_fi", "Turvallisuustesti"), ("body_fi", body)],
    )
    .await;
    publish(&app, &expert, &coordinator, id, 1).await;
    let (status, html) = get(&app, &app.client(), &format!("/knowledge/{id}")).await;
    assert_eq!(status, 200);
    let main = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
    let lower = main.to_lowercase();
    for bad in [
        "<script",
        "onerror",
        "onmouseover",
        "onload",
        "javascript:",
        "<svg",
    ] {
        assert!(!lower.contains(bad), "{bad} in {main}");
    }
    assert!(main.contains("href=\"https://example.org/ok\""));
    // The stored text is kept as written (the editor shows it again).
    let (_, form) = get(&app, &expert, &format!("/knowledge/{id}/edit")).await;
    assert!(
        form.contains("script&#62;document.title"),
        "the source is kept, escaped: {form}"
    );
}

#[tokio::test]
async fn each_audience_reads_what_its_visibility_allows() {
    let app = TestApp::spawn().await;
    let expert = app.login(Role::Expert).await;
    let coordinator = app.login(Role::Coordinator).await;
    let mut ids = Vec::new();
    for (vis, title) in [
        ("public", "Julkinen opas vanhemmille"),
        ("professionals", "Ammattilaisten opas"),
        ("network", "Verkoston sisäinen ohje"),
    ] {
        let id = create(&app, &expert, &[("visibility", vis), ("title_fi", title)]).await;
        publish(&app, &expert, &coordinator, id, 1).await;
        ids.push(id);
    }
    let draft = create(&app, &expert, &[("title_fi", "Keskeneräinen opas")]).await;
    let anonymous = app.client();
    let requester = app.login(Role::Requester).await;
    let secretary = app.login(Role::Secretary).await;
    let cases: [(&reqwest::Client, &str, [u16; 4]); 3] = [
        (&anonymous, "anonymous", [200, 404, 404, 404]),
        (&requester, "requester", [200, 200, 403, 403]),
        (&secretary, "secretary", [200, 200, 200, 403]),
    ];
    for (c, who, expected) in cases {
        let listed = api_titles(&app, c, "").await;
        for (i, id) in ids.iter().chain([&draft]).enumerate() {
            let (page, _) = get(&app, c, &format!("/knowledge/{id}")).await;
            assert_eq!(page, expected[i], "{who} page of item {i}");
            let api = c
                .get(app.url(&format!("/api/v1/knowledge/{id}")))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16();
            assert_eq!(
                api == 200,
                expected[i] == 200,
                "{who} API of item {i}: {api}"
            );
            assert_eq!(
                listed.len(),
                expected.iter().filter(|s| **s == 200).count(),
                "{who} list: {listed:?}"
            );
        }
        let (_, html) = get(&app, c, "/knowledge").await;
        assert_eq!(
            html.contains("Verkoston sisäinen ohje"),
            expected[2] == 200,
            "{who} list page"
        );
        assert!(!html.contains("Keskeneräinen opas"), "{who} sees a draft");
    }
}

#[tokio::test]
async fn a_second_person_reviews_and_readers_see_the_published_version() {
    let app = TestApp::spawn().await;
    let expert = app.login(Role::Expert).await;
    let coordinator = app.login(Role::Coordinator).await;
    let anonymous = app.client();
    let id = create(
        &app,
        &expert,
        &[
            ("title_fi", "Cool Kids"),
            ("summary_fi", "Ahdistuneiden lasten ryhmä."),
        ],
    )
    .await;
    assert_eq!(
        get(&app, &anonymous, &format!("/knowledge/{id}")).await.0,
        404,
        "a draft is not shown"
    );
    assert_eq!(step(&app, &expert, id, "submit", 1, "").await, 303);
    // The author cannot approve their own text.
    assert_eq!(step(&app, &expert, id, "approve", 1, "").await, 403);
    // Returning says why.
    assert_eq!(step(&app, &coordinator, id, "return", 1, " ").await, 422);
    assert_eq!(
        step(&app, &coordinator, id, "return", 1, "Lähde puuttuu").await,
        303
    );
    assert_eq!(step(&app, &expert, id, "submit", 1, "").await, 303);
    assert_eq!(step(&app, &coordinator, id, "approve", 1, "").await, 303);
    let (status, html) = get(&app, &anonymous, &format!("/knowledge/{id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Ahdistuneiden lasten ryhmä."));
    // A new version waits for review; readers keep the published one.
    let edit = format!("/knowledge/{id}/edit");
    let v2 = [
        ("kind", "guide"),
        ("visibility", "public"),
        ("title_fi", "Cool Kids"),
        ("summary_fi", "Ahdistuneiden nuorten ryhmä."),
        ("expected", "1"),
        ("note", "nuoret"),
    ];
    let res = app.post_form(&expert, &edit, &edit, &v2).await;
    assert_eq!(res.status(), 303);
    let (_, html) = get(&app, &anonymous, &format!("/knowledge/{id}")).await;
    assert!(
        html.contains("Ahdistuneiden lasten ryhmä."),
        "readers see version 1"
    );
    // A save from a page loaded before version 2: refused, the text kept.
    let mut stale = v2;
    stale[3] = ("summary_fi", "Vanhalta sivulta kirjoitettu.");
    let res = app.post_form(&coordinator, &edit, &edit, &stale).await;
    assert_eq!(res.status(), 409);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Vanhalta sivulta kirjoitettu.")
    );
    // History and the diff.
    let (_, versions) = get(&app, &coordinator, &format!("/knowledge/{id}/versions")).await;
    assert!(
        versions.contains("Lähde puuttuu"),
        "the return's comment is in the history"
    );
    assert!(versions.contains("nuoret"), "the version's note");
    let (status, diff) = get(
        &app,
        &coordinator,
        &format!("/knowledge/{id}/diff?from=1&to=2"),
    )
    .await;
    assert_eq!(status, 200);
    assert!(diff.contains("<del>lasten</del>"), "{diff}");
    assert!(diff.contains("<ins>nuorten</ins>"), "{diff}");
    publish(&app, &expert, &coordinator, id, 2).await;
    let (_, html) = get(&app, &anonymous, &format!("/knowledge/{id}")).await;
    assert!(
        html.contains("Ahdistuneiden nuorten ryhmä."),
        "version 2 published"
    );
    // Archived: gone for readers; restored, it is a draft to review anew.
    assert_eq!(step(&app, &expert, id, "archive", 2, "").await, 303);
    assert_eq!(
        get(&app, &anonymous, &format!("/knowledge/{id}")).await.0,
        404
    );
    assert!(api_titles(&app, &anonymous, "").await.is_empty());
    assert_eq!(step(&app, &expert, id, "restore", 2, "").await, 303);
    assert_eq!(
        get(&app, &anonymous, &format!("/knowledge/{id}")).await.0,
        404
    );
    assert!(api_titles(&app, &anonymous, "").await.is_empty());
    // Every change is in the access log, by whom.
    for (action, who) in [
        ("knowledge.create", "demo-expert"),
        ("knowledge.save", "demo-expert"),
        ("knowledge.return", "demo-coordinator"),
        ("knowledge.approve", "demo-coordinator"),
        ("knowledge.archive", "demo-expert"),
        ("knowledge.restore", "demo-expert"),
    ] {
        let e = audit_entries(&app, action).await;
        assert!(
            e.iter()
                .any(|(actor, object, _)| actor == who && *object == id.to_string()),
            "{action}: {e:?}"
        );
    }
    // The author heard of the review's outcome.
    let n = count(
        &app,
        "SELECT COUNT(*) FROM notifications WHERE kind = 'knowledge' AND user_id = $1",
        Some(app.user_id("demo-expert").await),
    )
    .await;
    assert_eq!(n, 3, "returned once, approved twice");
}

#[tokio::test]
async fn two_editors_saving_at_once_make_one_version() {
    let app = TestApp::spawn().await;
    let expert = app.login(Role::Expert).await;
    let coordinator = app.login(Role::Coordinator).await;
    let id = create(&app, &expert, &[("title_fi", "Kilpa")]).await;
    let edit = format!("/knowledge/{id}/edit");
    let (a, b) = tokio::join!(
        app.post_form(
            &expert,
            &edit,
            &edit,
            &[
                ("kind", "guide"),
                ("visibility", "public"),
                ("title_fi", "A"),
                ("expected", "1")
            ]
        ),
        app.post_form(
            &coordinator,
            &edit,
            &edit,
            &[
                ("kind", "guide"),
                ("visibility", "public"),
                ("title_fi", "B"),
                ("expected", "1")
            ]
        ),
    );
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort();
    assert_eq!(statuses, [303, 409]);
    let n = count(
        &app,
        "SELECT COUNT(*) FROM knowledge_versions WHERE item_id = $1",
        Some(id),
    )
    .await;
    assert_eq!(n, 2);
}

#[tokio::test]
async fn method_cards_facets_and_checks() {
    let app = TestApp::spawn().await;
    let expert = app.login(Role::Expert).await;
    let coordinator = app.login(Role::Coordinator).await;
    // A method card names its evidence on the CEBC scale, with its meaning.
    let mut card = vec![
        ("kind", "method"),
        ("title_fi", "MDFT – moniulotteinen perheterapia"),
        ("title_sv", "MDFT – multidimensionell familjeterapi"),
    ];
    let res = app
        .post_form(&expert, "/knowledge/new", "/knowledge", &card)
        .await;
    assert_eq!(
        res.status(),
        422,
        "aim, target group and evidence are required"
    );
    let html = res.text().await.unwrap();
    assert!(
        html.contains("href=\"#evidence\""),
        "the error summary names the evidence"
    );
    card.extend([
        ("target_group", "11–18-vuotiaat ja perheet"),
        ("aim", "Päihteiden käytön väheneminen"),
        ("evidence", "cebc-2"),
        ("phenomena", "substance-use"),
        ("age_bands", "13-15"),
        ("sectors", "social"),
    ]);
    let method = create(&app, &expert, &card).await;
    publish(&app, &expert, &coordinator, method, 1).await;
    let guide = create(
        &app,
        &expert,
        &[("title_fi", "Päihdeopas"), ("phenomena", "substance-use")],
    )
    .await;
    publish(&app, &expert, &coordinator, guide, 1).await;
    let anonymous = app.client();
    let (_, html) = get(&app, &anonymous, &format!("/knowledge/{method}")).await;
    assert!(html.contains("2 – Tutkimusnäyttö tukee"));
    assert!(html.contains("CEBC"), "the scale is named");
    // Swedish readers get the Swedish version where there is one.
    let (_, sv) = get(&app, &anonymous, &format!("/knowledge/{method}?lang=sv")).await;
    assert!(
        sv.contains("<h1 lang=\"sv\">MDFT – multidimensionell familjeterapi</h1>"),
        "{sv}"
    );
    // Facets: the kind filter narrows the items, not the kind facet's counts.
    let v: Value = app
        .get_json(&anonymous, "/api/v1/knowledge?kind=method")
        .await;
    assert_eq!(v["total"], 1);
    assert_eq!(v["facets"]["kind"]["method"], 1);
    assert_eq!(v["facets"]["kind"]["guide"], 1);
    assert_eq!(v["facets"]["evidence"]["cebc-2"], 1);
    // An English query finds the card through its phenomenon's English name.
    assert!(
        api_titles(&app, &anonymous, "q=substance%20use")
            .await
            .contains(&"MDFT – moniulotteinen perheterapia".to_owned())
    );
    assert_eq!(
        api_titles(&app, &anonymous, "evidence=cebc-2&phenomenon=substance-use")
            .await
            .len(),
        1
    );
    let bad = anonymous
        .get(app.url("/api/v1/knowledge?kind=poem"))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    // Identity codes and past review dates are refused, saying so.
    let res = app
        .post_form(
            &expert,
            "/knowledge/new",
            "/knowledge",
            &[
                ("kind", "guide"),
                ("visibility", "public"),
                ("title_fi", "X"),
                ("body_fi", "Asiakas 131052-308T"),
                ("review_by", "2020-01-01"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("henkilötunnus"));
    assert!(html.contains("Tarkistuspäivä on jo mennyt"));
    // Past its review date: marked for readers, listed for its owner.
    sqlx::query("UPDATE knowledge_items SET review_by = '2020-01-01' WHERE id = $1")
        .bind(guide)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    let (_, html) = get(&app, &anonymous, &format!("/knowledge/{guide}?lang=fi")).await;
    assert!(html.contains("tarkistuspäivä"), "to be checked: {html}");
    let (_, mine) = get(&app, &expert, "/knowledge/manage").await;
    assert!(mine.contains("Tarkistettava"));
    // Saving an item for oneself, and taking it away.
    let requester = app.login(Role::Requester).await;
    let page = format!("/knowledge/{guide}");
    let res = app
        .post_form(&requester, &page, &format!("{page}/save"), &[])
        .await;
    assert_eq!(res.status(), 303);
    let (_, html) = get(&app, &requester, &page).await;
    assert!(html.contains("Poista omista materiaaleista"));
}

#[tokio::test]
async fn an_events_recording_goes_into_the_bank_after_the_event() {
    let app = TestApp::spawn().await;
    let coordinator = app.login(Role::Coordinator).await;
    let expert = app.login(Role::Expert).await;
    let fields = [
        ("kind", "webinar"),
        ("title", "Huoltoriidat ja lapsen ääni"),
        (
            "description",
            "Webinaari vaativista eroista.\n\nToinen kappale.",
        ),
        ("starts", "2030-06-15T10:00"),
        ("ends", "2030-06-15T12:00"),
        ("place", "Kuopio"),
        ("organiser", "Itä-Suomen OT-keskus"),
        ("area", "ita-suomi"),
        ("capacity", "10"),
        ("registration_open", "1"),
        ("visibility", "public"),
        ("phenomena", "custody-disputes"),
        (
            "recording_url",
            "https://video.example.fi/tallenteet/huoltoriidat",
        ),
    ];
    let res = app
        .post_form(&coordinator, "/events/new", "/events", &fields)
        .await;
    assert_eq!(res.status(), 303);
    let event: i64 = res.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/events/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let page = format!("/events/{event}");
    let to_bank = format!("/events/{event}/knowledge");
    // Not before it is over.
    let res = app.post_form(&coordinator, &page, &to_bank, &[]).await;
    assert_eq!(res.status(), 409);
    sqlx::query("UPDATE events SET starts_at = '2024-03-05T07:00:00.000000Z', ends_at = '2024-03-05T09:30:00.000000Z' WHERE id = $1")
        .bind(event)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    let (_, html) = get(&app, &coordinator, &page).await;
    assert!(
        html.contains(&format!("action=\"{to_bank}\"")),
        "the organiser is offered the button"
    );
    // A participant may not.
    let requester = app.login(Role::Requester).await;
    assert_eq!(
        app.post_form(&requester, &page, &to_bank, &[])
            .await
            .status(),
        403
    );
    // Two clicks at once make one item.
    let (a, b) = tokio::join!(
        app.post_form(&coordinator, &page, &to_bank, &[]),
        app.post_form(&coordinator, &page, &to_bank, &[]),
    );
    assert_eq!(
        (a.status(), b.status()),
        (303.try_into().unwrap(), 303.try_into().unwrap())
    );
    let (n, kid): (i64, i64) =
        sqlx::query_as("SELECT COUNT(*), MAX(id) FROM knowledge_items WHERE event_id = $1")
            .bind(event)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(n, 1);
    let v: Value = {
        let (kind, url): (String, String) = sqlx::query_as(
            "SELECT i.kind, v.content FROM knowledge_items i JOIN knowledge_versions v ON v.item_id = i.id WHERE i.id = $1",
        )
        .bind(kid)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
        assert_eq!(kind, "recording");
        serde_json::from_str(&url).unwrap()
    };
    assert_eq!(v["url"], "https://video.example.fi/tallenteet/huoltoriidat");
    assert_eq!(v["phenomena"][0], "custody-disputes");
    // Reviewed and published like any item; then both pages link.
    publish(&app, &coordinator, &expert, kid, 1).await;
    let anonymous = app.client();
    let (_, html) = get(&app, &anonymous, &page).await;
    assert!(
        html.contains(&format!("href=\"/knowledge/{kid}\"")),
        "the event links to its recording"
    );
    let (_, html) = get(&app, &anonymous, &format!("/knowledge/{kid}")).await;
    assert!(
        html.contains(&format!("href=\"/events/{event}\"")),
        "the item links to its event"
    );
    // Saved materials are on "my learning".
    let kpage = format!("/knowledge/{kid}");
    app.post_form(&requester, &kpage, &format!("{kpage}/save"), &[])
        .await;
    let (_, learning) = get(&app, &requester, "/learning").await;
    assert!(learning.contains("Tallennetut materiaalit"));
    assert!(learning.contains(&format!("href=\"/knowledge/{kid}\"")));
}

/// The newest e-mail to `to` of `kind`: (body, list_unsubscribe).
async fn mail_to(app: &TestApp, to: &str, kind: &str) -> Option<(String, Option<String>)> {
    sqlx::query_as(
        "SELECT body, list_unsubscribe FROM event_mails WHERE to_email = $1 AND kind = $2 ORDER BY id DESC LIMIT 1",
    )
    .bind(to)
    .bind(kind)
    .fetch_optional(app.state.db.pool())
    .await
    .unwrap()
}

fn link_in(body: &str, base: &str) -> String {
    let i = body
        .find(base)
        .unwrap_or_else(|| panic!("no {base} in {body}"));
    body[i..].split_whitespace().next().unwrap().to_owned()
}

#[tokio::test]
async fn the_newsletter_is_double_opt_in_and_one_click_to_leave() {
    let app = TestApp::spawn().await;
    let anonymous = app.client();
    let subscribe = |email: &'static str| {
        let (app, c) = (&app, &anonymous);
        async move {
            app.post_form(
                c,
                "/newsletter",
                "/newsletter",
                &[("email", email), ("lang", "fi")],
            )
            .await
            .status()
            .as_u16()
        }
    };
    assert_eq!(subscribe("liisa@example.org").await, 200);
    assert_eq!(subscribe("liisa@example.org").await, 200);
    assert_eq!(subscribe("matti@example.org").await, 200);
    assert_eq!(
        app.post_form(
            &anonymous,
            "/newsletter",
            "/newsletter",
            &[("email", "ei-osoite")]
        )
        .await
        .status(),
        422
    );
    let n = count(
        &app,
        "SELECT COUNT(*) FROM event_mails WHERE to_email = 'liisa@example.org'",
        None,
    )
    .await;
    assert_eq!(n, 1, "asking twice at once sends one confirmation");
    let (body, _) = mail_to(&app, "liisa@example.org", "newsletter-confirm")
        .await
        .unwrap();
    let link = link_in(&body, &app.url("/newsletter/confirm?token="));
    let path = link.trim_start_matches(&app.url(""));
    // Opening the link confirms nothing; its button does, once.
    let (status, _) = get(&app, &anonymous, path).await;
    assert_eq!(status, 200);
    let res = app.post_form(&anonymous, path, path, &[]).await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("Tilaus on vahvistettu"));
    assert_eq!(
        app.post_form(&anonymous, "/newsletter", path, &[])
            .await
            .status(),
        410
    );
    // Matti's link has expired.
    sqlx::query("UPDATE newsletter_subscribers SET confirm_expires_at = '2020-01-01T00:00:00Z' WHERE email = 'matti@example.org'")
        .execute(app.state.db.pool())
        .await
        .unwrap();
    let (body, _) = mail_to(&app, "matti@example.org", "newsletter-confirm")
        .await
        .unwrap();
    let mpath = link_in(&body, &app.url("/newsletter/confirm?token="))
        .trim_start_matches(&app.url(""))
        .to_owned();
    assert_eq!(get(&app, &anonymous, &mpath).await.0, 410);
    // A coordinator sends what is new: the published public item.
    let expert = app.login(Role::Expert).await;
    let coordinator = app.login(Role::Coordinator).await;
    let id = create(
        &app,
        &expert,
        &[("kind", "news"), ("title_fi", "Uusi opas julkaistu")],
    )
    .await;
    publish(&app, &expert, &coordinator, id, 1).await;
    let requester = app.login(Role::Requester).await;
    assert_eq!(get(&app, &requester, "/knowledge/newsletter").await.0, 403);
    let (status, compose) = get(&app, &coordinator, "/knowledge/newsletter").await;
    assert_eq!(status, 200);
    assert!(compose.contains("1 vahvistettu tilaaja"), "{compose}");
    assert!(compose.contains("Uusi opas julkaistu"));
    let send = [
        ("subject", "Uutiskirje joulukuu"),
        ("intro", "Hyvää joulua!"),
        ("last_issue", "0"),
    ];
    let res = app
        .post_form(
            &coordinator,
            "/knowledge/newsletter",
            "/knowledge/newsletter",
            &send,
        )
        .await;
    assert_eq!(res.status(), 303);
    // Sent twice from one page: refused.
    let res = app
        .post_form(
            &coordinator,
            "/knowledge/newsletter",
            "/knowledge/newsletter",
            &send,
        )
        .await;
    assert_eq!(res.status(), 409);
    assert!(
        mail_to(&app, "matti@example.org", "newsletter")
            .await
            .is_none(),
        "unconfirmed get nothing"
    );
    let (body, unsubscribe) = mail_to(&app, "liisa@example.org", "newsletter")
        .await
        .unwrap();
    assert!(
        body.contains("Hyvää joulua!") && body.contains("Uusi opas julkaistu"),
        "{body}"
    );
    assert!(body.contains(&format!("/knowledge/{id}")));
    let unsubscribe = unsubscribe.expect("the one-click address is kept for the header");
    assert!(body.contains(&unsubscribe));
    // A wrong token removes no one.
    let wrong = format!("{}0", unsubscribe);
    reqwest::Client::new()
        .post(&wrong)
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    let still: Option<(String,)> = sqlx::query_as(
        "SELECT email FROM newsletter_subscribers WHERE email = 'liisa@example.org'",
    )
    .fetch_optional(app.state.db.pool())
    .await
    .unwrap();
    assert!(still.is_some());
    // A mail program's one-click POST: no session, no CSRF token.
    let res = reqwest::Client::new()
        .post(&unsubscribe)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let left = count(
        &app,
        "SELECT COUNT(*) FROM newsletter_subscribers WHERE email = 'liisa@example.org'",
        None,
    )
    .await;
    assert_eq!(left, 0, "the address is forgotten");
    let e = audit_entries(&app, "newsletter.send").await;
    assert_eq!(e.len(), 1);
}

async fn attach(app: &TestApp, c: &reqwest::Client, id: i64, name: &str, bytes: Vec<u8>) -> String {
    let token = app.csrf(c, &format!("/knowledge/{id}")).await;
    let form = reqwest::multipart::Form::new().text("csrf", token).part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
    );
    let res = c
        .post(app.url(&format!("/knowledge/{id}/attachments")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    res.headers()["location"].to_str().unwrap().to_owned()
}

#[tokio::test]
async fn attachments_show_to_readers_once_approved() {
    let app = TestApp::spawn().await;
    let expert = app.login(Role::Expert).await;
    let coordinator = app.login(Role::Coordinator).await;
    let id = create(&app, &expert, &[("title_fi", "Opas liitteineen")]).await;
    publish(&app, &expert, &coordinator, id, 1).await;
    let pdf = b"%PDF-1.4\n% test\n".to_vec();
    let loc = attach(&app, &expert, id, "ohje.pdf", pdf.clone()).await;
    assert!(loc.contains("done=knowledge-attachment-added"), "{loc}");
    // Refused, saying why: a script named as a PDF, an unknown type.
    let loc = attach(
        &app,
        &expert,
        id,
        "ohje.pdf",
        b"<script>alert(1)</script>".to_vec(),
    )
    .await;
    assert!(loc.contains("problem=knowledge-attachment-type"), "{loc}");
    let (_, html) = get(&app, &expert, &loc).await;
    assert!(
        html.contains("class=\"notice error\""),
        "the refusal is shown as an error"
    );
    let loc = attach(&app, &expert, id, "x.exe", b"MZ".to_vec()).await;
    assert!(loc.contains("problem=knowledge-attachment-type"));
    let aid = count(
        &app,
        "SELECT id FROM knowledge_attachments WHERE item_id = $1",
        Some(id),
    )
    .await;
    let file = format!("/knowledge/{id}/attachments/{aid}");
    // Added after the approved version: not for readers yet.
    let anonymous = app.client();
    assert_eq!(get(&app, &anonymous, &file).await.0, 404);
    let (_, page) = get(&app, &anonymous, &format!("/knowledge/{id}")).await;
    assert!(!page.contains("ohje.pdf"));
    let (_, page) = get(&app, &expert, &format!("/knowledge/{id}")).await;
    assert!(page.contains("ohje.pdf") && page.contains("odottaa seuraavaa hyväksyntää"));
    // A requester cannot add one.
    let requester = app.login(Role::Requester).await;
    let token = app.csrf(&requester, &format!("/knowledge/{id}")).await;
    let form = reqwest::multipart::Form::new().text("csrf", token).part(
        "file",
        reqwest::multipart::Part::bytes(pdf.clone()).file_name("x.pdf"),
    );
    let res = requester
        .post(app.url(&format!("/knowledge/{id}/attachments")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    // The file made version 2: an approval from a page of version 1 is
    // refused, the approval of version 2 shows it.
    assert_eq!(step(&app, &expert, id, "submit", 2, "").await, 303);
    assert_eq!(step(&app, &coordinator, id, "approve", 1, "").await, 409);
    assert_eq!(get(&app, &anonymous, &file).await.0, 404);
    assert_eq!(step(&app, &coordinator, id, "approve", 2, "").await, 303);
    let res = anonymous.get(app.url(&file)).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    assert_eq!(res.bytes().await.unwrap().to_vec(), pdf);
    // Removed: gone at once.
    let res = app
        .post_form(
            &expert,
            &format!("/knowledge/{id}"),
            &format!("{file}/remove"),
            &[],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(get(&app, &anonymous, &file).await.0, 404);
    let left = count(
        &app,
        "SELECT COUNT(*) FROM knowledge_attachments WHERE id = $1 AND LENGTH(data) > 0",
        Some(aid),
    )
    .await;
    assert_eq!(left, 0, "the removed file's bytes are gone");
}

#[tokio::test]
async fn an_author_cannot_approve_her_text_after_a_colleagues_save() {
    let app = TestApp::spawn().await;
    let expert = app.login(Role::Expert).await;
    let coordinator = app.login(Role::Coordinator).await;
    let id = create(&app, &expert, &[("title_fi", "Oma teksti")]).await;
    // The coordinator saves version 2 unchanged: version 1 is still the expert's text.
    let edit = format!("/knowledge/{id}/edit");
    let same = [
        ("kind", "guide"),
        ("visibility", "public"),
        ("title_fi", "Oma teksti"),
        ("expected", "1"),
    ];
    assert_eq!(
        app.post_form(&coordinator, &edit, &edit, &same)
            .await
            .status(),
        303
    );
    assert_eq!(step(&app, &expert, id, "submit", 2, "").await, 303);
    assert_eq!(step(&app, &expert, id, "approve", 2, "").await, 403);
    let (_, page) = get(&app, &expert, &format!("/knowledge/{id}")).await;
    assert!(
        !page.contains("value=\"approve\""),
        "no approve button for an author"
    );
    let (_, manage) = get(&app, &expert, "/knowledge/manage").await;
    let review = &manage[manage.find("review-h").unwrap()..manage.find("mine-h").unwrap()];
    assert!(
        !review.contains("Oma teksti"),
        "not among what waits for her review"
    );
    // Nor the coordinator, who wrote version 2; an administrator is no reviewer.
    assert_eq!(step(&app, &coordinator, id, "approve", 2, "").await, 403);
    let admin = app.login(Role::Admin).await;
    assert_eq!(step(&app, &admin, id, "approve", 2, "").await, 403);
    // Reviewing shows what the version asks for.
    let (_, page) = get(&app, &coordinator, &format!("/knowledge/{id}")).await;
    assert!(
        page.contains("näkyvyys: Julkinen"),
        "the reviewer sees the visibility"
    );
}

#[tokio::test]
async fn two_coordinators_sending_the_newsletter_at_once_send_it_once() {
    let app = TestApp::spawn().await;
    let anonymous = app.client();
    app.post_form(
        &anonymous,
        "/newsletter",
        "/newsletter",
        &[("email", "a@example.org"), ("lang", "fi")],
    )
    .await;
    sqlx::query("UPDATE newsletter_subscribers SET confirmed_at = '2026-01-01T00:00:00Z'")
        .execute(app.state.db.pool())
        .await
        .unwrap();
    let a = app.login(Role::Coordinator).await;
    let b = app.login(Role::Admin).await;
    let (ta, tb) = (
        app.csrf(&a, "/knowledge/newsletter").await,
        app.csrf(&b, "/knowledge/newsletter").await,
    );
    let form = |t: String| {
        vec![
            ("subject", "Kirje".to_owned()),
            ("intro", "Tervehdys".to_owned()),
            ("last_issue", "0".to_owned()),
            ("csrf", t),
        ]
    };
    let (ra, rb) = tokio::join!(
        a.post(app.url("/knowledge/newsletter"))
            .form(&form(ta))
            .send(),
        b.post(app.url("/knowledge/newsletter"))
            .form(&form(tb))
            .send(),
    );
    let mut statuses = [ra.unwrap().status().as_u16(), rb.unwrap().status().as_u16()];
    statuses.sort();
    assert_eq!(statuses, [303, 409]);
    let n = count(
        &app,
        "SELECT COUNT(*) FROM event_mails WHERE kind = 'newsletter'",
        None,
    )
    .await;
    assert_eq!(n, 1, "one e-mail to the one subscriber");
    // A page number that is not one is a named error.
    let r = anonymous
        .get(app.url("/api/v1/knowledge?page=x"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    // A parameter given twice counts once.
    let r = anonymous
        .get(app.url("/api/v1/knowledge?page=null&page=1&kind=news&kind=method"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}
