//! Expert imports at scale (issue 15): rows without phenomena, a file of
//! 20 000 rows, a file over the limit, no rows kept once a batch is done,
//! and imported profiles searchable as soon as the done page is answered.

use crate::experts::{confirm_path, expert_count, names, search, upload};
use crate::helpers::*;
use otalusta_domain::role::Role;
use std::time::Instant;

async fn count(app: &TestApp, sql: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    n
}

/// The batch the preview page's forms name.
fn batch_of(html: &str) -> i64 {
    confirm_path(html)
        .trim_start_matches("/experts/import/")
        .trim_end_matches("/confirm")
        .parse()
        .unwrap()
}

async fn batch_state(app: &TestApp, id: i64) -> (String, i64, i64) {
    let (status, rows): (String, i64) =
        sqlx::query_as("SELECT status, row_count FROM import_batches WHERE id = $1")
            .bind(id)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    let (kept,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM import_batch_rows WHERE batch_id = $1")
            .bind(id)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    (status, rows, kept)
}

fn xlsx(rows: &[&[&str]]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

#[tokio::test]
async fn rows_without_phenomena_import_and_unknown_ones_are_refused() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let before = expert_count(&app).await;
    // CSV: an empty phenomena cell, and a file without the column at all.
    let csv = "sähköposti;nimi;nimike;alue;sektorit;ilmiöt;kielet\n\
               ei1@x.fi;Ilmiötön Yksi;psykologi;Itä-Suomi;sosiaali;;suomi\n\
               ei2@x.fi;Ilmiöllinen Kaksi;psykologi;Itä-Suomi;sosiaali;Lähisuhdeväkivalta;suomi\n";
    let no_column = "sähköposti;nimi;nimike;alue;sektorit;kielet\n\
                     ei3@x.fi;Ilmiötön Kolme;kuraattori;Itä-Suomi;opetus;suomi\n";
    let sheet = xlsx(&[
        &[
            "email",
            "name",
            "title",
            "area",
            "sectors",
            "phenomena",
            "languages",
        ],
        &[
            "ei4@x.fi",
            "Ilmiötön Neljä",
            "lääkäri",
            "ita-suomi",
            "health",
            "",
            "fi",
        ],
    ]);
    for (name, bytes) in [
        ("lista.csv", csv.as_bytes().to_vec()),
        ("sarakkeeton.csv", no_column.as_bytes().to_vec()),
        ("lista.xlsx", sheet),
    ] {
        let (status, html) = upload(&app, &c, name, bytes).await;
        assert_eq!(status, 200, "{name}: {html}");
        let res = app
            .post_form(&c, "/experts", &confirm_path(&html), &[])
            .await;
        assert_eq!(res.status(), 303, "{name}");
    }
    assert_eq!(expert_count(&app).await, before + 4);
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM expert_phenomena p JOIN experts e ON e.id = p.expert_id \
         WHERE e.email LIKE 'ei_@x.fi'",
    )
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(n, 1, "only the row that named one has a phenomenon");

    // An unknown phenomenon is still refused, with its row and column.
    let bad = "sähköposti;nimi;nimike;alue;sektorit;ilmiöt;kielet\n\
               ei5@x.fi;Viisi;psykologi;Itä-Suomi;sosiaali;;suomi\n\
               ei6@x.fi;Kuusi;psykologi;Itä-Suomi;sosiaali;Astrologia;suomi\n";
    let (status, html) = upload(&app, &c, "lista.csv", bad.as_bytes().to_vec()).await;
    assert_eq!(status, 422);
    assert!(
        html.contains(
            "<td>3</td><td><code>ilmiöt</code></td><td>Tuntematon arvo.</td><td>Astrologia</td>"
        ),
        "row 3, column ilmiöt: {html}"
    );
    assert_eq!(expert_count(&app).await, before + 4, "nothing imported");

    // A row without phenomena gets suggestions from its own text on the
    // preview (only suggested: nothing is stored from them).
    let texts = "sähköposti;nimi;nimike;alue;sektorit;ilmiöt;kielet;osaaminen;description_en\n\
                 ehd1@x.fi;Ehdotus Yksi;psykologi;Itä-Suomi;sosiaali;;suomi;\
                 Autan nuoria, joilla on ongelmia päihteiden kanssa.;\n\
                 ehd2@x.fi;Ehdotus Kaksi;psykologi;Itä-Suomi;sosiaali;;suomi;;Experience of foster care\n\
                 ehd3@x.fi;Ehdotus Kolme;psykologi;Itä-Suomi;sosiaali;;suomi;Lautapelit ja retkeily.;\n\
                 ehd4@x.fi;Ehdotus Neljä;psykologi;Itä-Suomi;sosiaali;;suomi;\
                 Hoidan syömishäiriöisiä nuoria.;\n\
                 ehd5@x.fi;Ehdotus Viisi;psykologi;Itä-Suomi;sosiaali;;suomi;\
                 Tuen lapsia, joiden vanhemmalla on psykoosi.;\n\
                 ehd6@x.fi;Ehdotus Kuusi;psykologi;Itä-Suomi;sosiaali;;suomi;\
                 Työskentelen nuorisopsykiatrisella osastolla. \
                 Tuen myös lapsia, joiden vanhemmalla on psykoosi.;\n";
    let (status, html) = upload(&app, &c, "tekstit.csv", texts.as_bytes().to_vec()).await;
    assert_eq!(status, 200, "{html}");
    let cells: Vec<&str> = html.split("<tr>").skip(2).collect();
    assert!(
        cells[0].contains("Ehdotus tekstin perusteella: Päihteiden käyttö"),
        "{}",
        cells[0]
    );
    assert!(
        cells[1].contains("Ehdotus tekstin perusteella: Vaativa sijaishuolto"),
        "{}",
        cells[1]
    );
    assert!(!cells[2].contains("Ehdotus tekstin"), "{}", cells[2]);
    // A kind of a phenomenon suggests the phenomenon: its synonyms list it.
    assert!(
        cells[3].contains("Vaativin lasten- ja nuorisopsykiatrinen ja somaattinen hoito"),
        "{}",
        cells[3]
    );
    // A parent's psychosis is the parent's: no text on psychiatric care
    // (the description is read in its language, Finnish, which sees whose
    // it is; the parent's mental health is no phenomenon of the taxonomy).
    assert!(!cells[4].contains("Ehdotus tekstin"), "{}", cells[4]);
    // What another sentence names outright still counts.
    assert!(
        cells[5].contains("Vaativin lasten- ja nuorisopsykiatrinen ja somaattinen hoito"),
        "{}",
        cells[5]
    );

    // The profile form agrees: phenomena are optional there too.
    let res = app
        .post_form(
            &c,
            "/experts/new",
            "/experts",
            &[
                ("name", "Lomakkeen Ilmiötön"),
                ("title", "psykologi"),
                ("email", "lomake@x.fi"),
                ("area", "ita-suomi"),
                ("sectors", "social"),
                ("languages", "fi"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303, "{:?}", res.text().await);
}

/// An import that updates a profile a search has just shown: the next
/// search shows it as imported (the node's held profiles are dropped when
/// the import commits, `experts::cache`).
#[tokio::test]
async fn a_reimported_profile_shows_as_imported_at_once() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let list = |name: &str| {
        format!(
            "sähköposti;nimi;nimike;alue;sektorit;ilmiöt;kielet\n\
             uusinta@x.fi;{name};psykologi;Itä-Suomi;sosiaali;custody-disputes;suomi\n"
        )
    };
    let query = [("q", "huoltoriidoissa"), ("kind", "experts")];
    for (name, before) in [
        ("Ulla Ensimmäinen", None),
        ("Ulla Toinen", Some("Ulla Ensimmäinen")),
    ] {
        let (status, html) = upload(&app, &c, "lista.csv", list(name).into_bytes()).await;
        assert_eq!(status, 200, "{html}");
        let res = app
            .post_form(&c, "/experts", &confirm_path(&html), &[])
            .await;
        assert_eq!(res.status(), 303);
        let found = names(&search(&app, &c, &query).await);
        assert!(found.contains(&name.to_owned()), "{found:?}");
        if let Some(old) = before {
            assert!(!found.contains(&old.to_owned()), "{found:?}");
        }
    }
}

/// A realistic row: about 300 bytes.
fn row(i: usize, word: &str) -> String {
    let phenomenon = if i % 7 < 4 {
        ""
    } else {
        "Lähisuhdeväkivalta"
    };
    format!(
        "henkilo{i}@esimerkki.fi;Etunimi{i} Sukunimi{i};sosiaalityöntekijä;\
         Perheneuvola {i};Itä-Suomi;sosiaali, terveys;{phenomenon};suomi, ruotsi;kyllä;\
         +358 40 {i:07};Työskentelen perheiden kanssa erotilanteissa ja lasten \
         huoltoasioissa, sovittelussa, koulujen oppilashuollossa ja verkostotyössä {word}.\n"
    )
}

#[tokio::test]
async fn twenty_thousand_rows_import_at_once_and_are_searchable_at_once() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let before = expert_count(&app).await;
    let mut csv = String::from(
        "sähköposti;nimi;nimike;organisaatio;alue;sektorit;ilmiöt;kielet;etä;puhelin;osaaminen\n",
    );
    // Distinctive words in the first row, the middle and the last row (past
    // the change feed's first batch of 5 000).
    let marked = [
        (1, "zorbikonsultaatio"),
        (12_345, "kvarkkiterapia"),
        (20_000, "mykofiilisyys"),
    ];
    for i in 1..=20_000 {
        let word = marked.iter().find(|(n, _)| *n == i).map_or("", |(_, w)| *w);
        csv.push_str(&row(i, word));
    }
    let size = csv.len();
    assert!(size > 6_000_000, "about 6 MB: {size}");
    let t = Instant::now();
    let (status, html) = upload(&app, &c, "suuri.csv", csv.into_bytes()).await;
    let preview = t.elapsed();
    assert_eq!(status, 200, "{}", &html[..html.len().min(4000)]);
    assert!(html.contains("20000 uutta ja 0 päivitettävää"), "counts");
    assert!(html.contains("… ja 19000 riviä lisää."), "the list is cut");
    let batch = batch_of(&html);
    let t = Instant::now();
    let res = app
        .post_form(
            &c,
            "/experts",
            &format!("/experts/import/{batch}/confirm"),
            &[],
        )
        .await;
    let confirm = t.elapsed();
    assert_eq!(res.status(), 303);
    let done = res.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(done, format!("/experts/import/{batch}/done"));
    eprintln!(
        "20 000-row import ({size} bytes) on {:?}: preview {:.1} s, confirm {:.1} s",
        app.engine(),
        preview.as_secs_f64(),
        confirm.as_secs_f64()
    );
    assert_eq!(expert_count(&app).await, before + 20_000);
    // Searchable at once: no waiting for the follower.
    for (i, word) in marked {
        let v = search(&app, &c, &[("q", word), ("kind", "experts")]).await;
        assert_eq!(
            names(&v),
            [format!("Etunimi{i} Sukunimi{i}")],
            "{word} finds row {i} at once"
        );
    }
    let page = c.get(app.url(&done)).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(page.contains("20000 profiilia tallennettu"), "{page}");
    assert!(page.contains("Ne löytyvät hausta nyt."), "{page}");
    assert_eq!(
        batch_state(&app, batch).await,
        ("imported".to_owned(), 20_000, 0),
        "the record stays, the rows are gone"
    );
}

#[tokio::test]
async fn a_file_over_the_limit_gets_a_page_saying_so() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let before = expert_count(&app).await;
    let mut csv = String::from("sähköposti;nimi;nimike;alue;sektorit;ilmiöt;kielet\n");
    let mut i = 0;
    while csv.len() <= 17 * 1024 * 1024 {
        i += 1;
        csv.push_str(&row(i, ""));
    }
    let (status, html) = upload(&app, &c, "liian-suuri.csv", csv.clone().into_bytes()).await;
    assert_eq!(status, 413);
    assert!(
        html.contains("Tiedosto on liian suuri: yhdessä tiedostossa voi olla enintään 16 Mt ja 20\u{a0}000 riviä."),
        "{html}"
    );
    assert!(html.contains("liian-suuri.csv"), "names the file");
    assert!(
        html.contains("action=\"/experts/import/upload\""),
        "the import page, to try again"
    );
    // In the user's language.
    let token = app.csrf(&c, "/experts/import?lang=en").await;
    let form = reqwest::multipart::Form::new()
        .text("csrf", token)
        .text("area", "ita-suomi")
        .part(
            "file",
            reqwest::multipart::Part::bytes(csv.into_bytes()).file_name("big.csv"),
        );
    let res = c
        .post(app.url("/experts/import/upload"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("one file may have at most 16 MB and 20,000 rows")
    );
    assert_eq!(expert_count(&app).await, before, "nothing imported");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM import_batches").await, 0);
}

#[tokio::test]
async fn done_discarded_and_expired_batches_keep_no_rows() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let csv = "sähköposti;nimi;nimike;alue;sektorit;kielet\n\
               pois1@x.fi;Poistettava Yksi;psykologi;Itä-Suomi;sosiaali;suomi\n\
               pois2@x.fi;Poistettava Kaksi;psykologi;Itä-Suomi;sosiaali;suomi\n";
    // Discarded.
    let (status, html) = upload(&app, &c, "a.csv", csv.as_bytes().to_vec()).await;
    assert_eq!(status, 200, "{html}");
    let discarded = batch_of(&html);
    assert_eq!(
        batch_state(&app, discarded).await,
        ("preview".to_owned(), 2, 1),
        "the rows wait for the confirmation"
    );
    let res = app
        .post_form(
            &c,
            "/experts",
            &format!("/experts/import/{discarded}/discard"),
            &[],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        batch_state(&app, discarded).await,
        ("discarded".to_owned(), 2, 0)
    );
    // Confirmed.
    let (_, html) = upload(&app, &c, "b.csv", csv.as_bytes().to_vec()).await;
    let confirmed = batch_of(&html);
    let res = app
        .post_form(&c, "/experts", &confirm_path(&html), &[])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        batch_state(&app, confirmed).await,
        ("imported".to_owned(), 2, 0)
    );
    let none = count(
        &app,
        "SELECT COUNT(*) FROM import_batch_rows r JOIN import_batches b ON b.id = r.batch_id \
         WHERE b.status <> 'preview'",
    )
    .await;
    assert_eq!(none, 0);
    // Left waiting for more than a day: the next import expires it.
    let (_, html) = upload(&app, &c, "c.csv", csv.as_bytes().to_vec()).await;
    let forgotten = batch_of(&html);
    let two_days_ago = otalusta::core::db::timestamp(
        jiff::Timestamp::now() - jiff::SignedDuration::from_hours(48),
    );
    sqlx::query("UPDATE import_batches SET created_at = $1 WHERE id = $2")
        .bind(&two_days_ago)
        .bind(forgotten)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    let (_, html) = upload(&app, &c, "d.csv", csv.as_bytes().to_vec()).await;
    let fresh = batch_of(&html);
    assert_eq!(
        batch_state(&app, forgotten).await,
        ("expired".to_owned(), 2, 0)
    );
    assert_eq!(batch_state(&app, fresh).await, ("preview".to_owned(), 2, 1));
    let res = app
        .post_form(
            &c,
            "/experts",
            &format!("/experts/import/{forgotten}/confirm"),
            &[],
        )
        .await;
    assert_eq!(res.status(), 409, "an expired batch imports nothing");
    // Who imported what, when, stays in the access log without the rows.
    let entries = audit_entries(&app, "expert.import.discard").await;
    assert_eq!(entries.len(), 1, "{entries:?}");
}
