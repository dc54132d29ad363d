//! The client's access-log extract (703/2023 §11): for an identified
//! request its group's secretary lists every entry about it in a period, as
//! a page, CSV and PDF; exactly that request's entries, and the extract is
//! itself logged.

use crate::consultations::{group_id, page, pdf_text, send, submit};
use crate::helpers::*;
use otalusta_domain::role::Role;

const HETU: &str = "131052-308T";

/// The user names in the extract's "who" column (`Display (username)`).
fn usernames(csv_text: &str) -> Vec<String> {
    let text = csv_text.trim_start_matches('\u{feff}');
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(true)
        .from_reader(text.as_bytes());
    r.records()
        .map(|rec| {
            let who = rec.unwrap()[1].to_owned();
            who.rsplit_once(" (")
                .map(|(_, u)| u.trim_end_matches(')').to_owned())
                .unwrap_or(who)
        })
        .collect()
}

async fn logged(app: &TestApp, id: i64) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT actor_name FROM audit_log WHERE object_type = 'request' AND object_id = $1 \
         ORDER BY seq",
    )
    .bind(id.to_string())
    .fetch_all(app.state.db.pool())
    .await
    .unwrap()
}

#[tokio::test]
async fn the_extract_lists_exactly_the_clients_entries_and_is_logged() {
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    let secretary = app.login(Role::Secretary).await;
    let mut fields = submit(&[("hetu", HETU), ("basis_note", "Huoltajan suostumus")]);
    fields.push(("identification", "consent"));
    let mine = send(&app, &requester, g, &fields).await;
    let other = send(&app, &requester, g, &submit(&[])).await;
    // Reads of both, the other more often: a leak would change the count.
    assert_eq!(
        page(&app, &secretary, &format!("/requests/{mine}")).await.0,
        200
    );
    for _ in 0..3 {
        assert_eq!(
            page(&app, &secretary, &format!("/requests/{other}"))
                .await
                .0,
            200
        );
    }
    assert_eq!(
        page(&app, &secretary, &format!("/groups/{g}/queue"))
            .await
            .0,
        200
    );

    // The case page offers the extract for the identified request only.
    let (_, html) = page(&app, &secretary, &format!("/requests/{mine}")).await;
    assert!(html.contains(&format!("/requests/{mine}/access-log")));
    let (_, html) = page(&app, &secretary, &format!("/requests/{other}")).await;
    assert!(!html.contains("/access-log"));
    let (status, html) = page(&app, &secretary, &format!("/requests/{other}/access-log")).await;
    assert_eq!(status, 409);
    assert!(html.contains("tunnistetusta"), "{html}");

    // The form shows the request's first day and today.
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::get("Europe/Helsinki").unwrap())
        .date()
        .to_string();
    let (status, html) = page(&app, &secretary, &format!("/requests/{mine}/access-log")).await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("value=\"{today}\"")), "{html}");

    let res = secretary
        .get(app.url(&format!(
            "/requests/{mine}/access-log.csv?from={today}&to={today}"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains(".csv")
    );
    let text = res.text().await.unwrap();
    let expected = logged(&app, mine).await;
    // Exactly the request's entries, in order, the extract's own included.
    assert_eq!(usernames(&text), expected, "{text}");
    assert!(expected.len() >= 4, "{expected:?}");
    assert!(text.contains("Lokiote asiakkaalle"), "{text}");
    assert!(text.contains("Konsultaatio"), "{text}");

    // A period before the request: nothing but the form says so.
    let (status, html) = page(
        &app,
        &secretary,
        &format!("/requests/{mine}/access-log?from=2020-01-01&to=2020-01-31"),
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains("ei ole merkintöjä"), "{html}");

    let res = secretary
        .get(app.url(&format!(
            "/requests/{mine}/access-log.pdf?from={today}&to={today}"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let pdf = res.bytes().await.unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let words = pdf_text(&pdf);
    assert!(words.contains(&format!("pyyntö {mine}")), "{words}");
    assert!(words.contains("703/2023"), "{words}");
    assert!(words.contains("demo-secretary"), "{words}");

    // Each production is logged with its basis, period and format.
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT object_id, purpose FROM audit_log WHERE action = 'request.access-extract' \
         AND outcome = 'success' ORDER BY seq",
    )
    .fetch_all(app.state.db.pool())
    .await
    .unwrap();
    let formats: Vec<&str> = rows
        .iter()
        .map(|r| r.1.rsplit(", ").next().unwrap())
        .collect();
    assert_eq!(formats, ["csv", "page", "pdf"], "{rows:?}");
    assert!(rows.iter().all(|r| r.0 == mine.to_string()));
    assert!(
        rows[0]
            .1
            .contains(&format!("703/2023 s. 11, period {today} to {today}"))
    );

    // Bad periods get the form back with the field marked.
    for q in [
        "from=2026-13-01&to=2026-12-01",
        "from=2026-12-05&to=2026-12-01",
    ] {
        let (status, html) = page(
            &app,
            &secretary,
            &format!("/requests/{mine}/access-log?{q}"),
        )
        .await;
        assert_eq!(status, 422, "{q}");
        assert!(html.contains("aria-invalid=\"true\""), "{q}");
    }

    // A draft is the requester's alone: not even its existence shows.
    let mut draft = crate::consultations::ANSWERS.to_vec();
    draft.extend_from_slice(&[
        ("hetu", HETU),
        ("identification", "consent"),
        ("action", "save"),
    ]);
    let draft = send(&app, &requester, g, &draft).await;
    assert_eq!(crate::consultations::status(&app, draft).await.0, "draft");
    let (status, _) = page(
        &app,
        &secretary,
        &format!("/requests/{draft}/access-log.csv"),
    )
    .await;
    assert_eq!(status, 404);

    // The auditor may produce it too; the requester and an expert may not,
    // and their attempts are logged as refused.
    let auditor = app.login(Role::Auditor).await;
    let (status, _) = page(&app, &auditor, &format!("/requests/{mine}/access-log.csv")).await;
    assert_eq!(status, 200);
    let expert = app.login(Role::Expert).await;
    for c in [&requester, &expert] {
        let (status, _) = page(&app, c, &format!("/requests/{mine}/access-log.csv")).await;
        assert_eq!(status, 403);
    }
    let denied: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'request.access-extract' \
         AND outcome = 'denied' AND object_id = $1",
    )
    .bind(mine.to_string())
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(denied, 2);
}
