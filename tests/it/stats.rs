//! Statistics: every output (page, CSV, XLSX, JSON) shows the same
//! protected figures, none under 5; coordinators see their own region,
//! researchers every region and never a case.

use crate::helpers::{TestApp, count};
use otalusta_domain::role::Role;
use otalusta_domain::stats::Shown;
use serde_json::Value;

/// Two more channels in other areas, then `n` submitted requests over
/// three areas and 14 months with a pseudo-random status, and a channel
/// whose name a spreadsheet would run as a formula.
async fn seed(app: &TestApp, n: usize, mut x: u64) -> usize {
    let db = &app.state.db;
    let (gid, rule): (i64, String) =
        sqlx::query_as("SELECT id, rule FROM consultation_groups ORDER BY id LIMIT 1")
            .fetch_one(db.pool())
            .await
            .unwrap();
    let (form,): (i64,) = sqlx::query_as(
        "INSERT INTO form_versions (group_id, version, definition, created_at) \
         VALUES ($1, 99, '{\"items\":[]}', '2025-01-01T00:00:00Z') RETURNING id",
    )
    .bind(gid)
    .fetch_one(db.pool())
    .await
    .unwrap();
    let mut groups = vec![gid];
    for (name, area) in [
        ("=HYPERLINK(\"http://x.example\")", "lansi-suomi"),
        ("Pohjoisen ryhmä", "pohjois-suomi"),
    ] {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO consultation_groups (name_fi, kind, area_code, mode, capacity, rule, created_at, updated_at) \
             VALUES ($1, 'other', $2, 'remote', 8, $3, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z') RETURNING id",
        )
        .bind(name)
        .bind(area)
        .bind(&rule)
        .fetch_one(db.pool())
        .await
        .unwrap();
        groups.push(id);
    }
    let requester = app.user_id("demo-requester").await;
    let statuses = [
        "closed",
        "closed",
        "declined",
        "withdrawn",
        "submitted",
        "more-info",
        "follow-up",
    ];
    let mut submitted = 0;
    for _ in 0..n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let g = groups[(x % 5).min(2) as usize];
        let month = 1 + (x >> 8) % 14;
        let (y, m) = if month > 12 {
            (2026, month - 12)
        } else {
            (2025, month)
        };
        let status = statuses[((x >> 16) % statuses.len() as u64) as usize];
        let at = format!("{y}-{m:02}-{:02}T10:00:00Z", 1 + (x >> 24) % 27);
        sqlx::query(
            "INSERT INTO requests (requester_id, group_id, form_version_id, status, created_at, submitted_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $5, $5)",
        )
        .bind(requester)
        .bind(g)
        .bind(form)
        .bind(status)
        .bind(&at)
        .execute(db.pool())
        .await
        .unwrap();
        submitted += 1;
    }
    otalusta::stats::snapshot::refresh(db).await.unwrap();
    submitted
}

async fn json(c: &reqwest::Client, app: &TestApp, q: &str) -> Value {
    let r = c
        .get(app.url(&format!("/api/v1/stats?{q}")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "{q}");
    r.json().await.unwrap()
}

/// Each cell as the page shows it: (table title, row label, column, text).
fn texts(v: &Value) -> Vec<(String, String, String, String)> {
    let mut out = Vec::new();
    for t in v["tables"].as_array().unwrap() {
        let cols = t["columns"].as_array().unwrap();
        for r in t["rows"].as_array().unwrap() {
            for (i, c) in r["cells"].as_array().unwrap().iter().enumerate() {
                let text = match (
                    c["value"].as_i64(),
                    c["status"].as_str().unwrap(),
                    c["unit"].as_str().unwrap(),
                ) {
                    (Some(n), _, "percent") => format!("{n} %"),
                    (Some(n), _, _) => n.to_string(),
                    (None, "small", _) => "<5".into(),
                    (None, "hidden", _) => "•".into(),
                    _ => "–".into(),
                };
                out.push((
                    t["title"].as_str().unwrap().to_owned(),
                    r["label"].as_str().unwrap().to_owned(),
                    cols[i + 1].as_str().unwrap().to_owned(),
                    text,
                ));
            }
        }
    }
    out
}

/// No count under 5 in the JSON.
fn assert_no_small_count(v: &Value, what: &str) {
    for t in v["tables"].as_array().unwrap() {
        for r in t["rows"].as_array().unwrap() {
            for c in r["cells"].as_array().unwrap() {
                if c["unit"] == "count"
                    && let Some(n) = c["value"].as_i64()
                {
                    assert!(n >= 5, "{what}: {} / {} shows {n}", t["id"], r["code"]);
                }
            }
        }
    }
}

const XLSX_CELLS: &str = r#"
import sys, io, base64, json, openpyxl
wb = openpyxl.load_workbook(io.BytesIO(base64.b64decode(sys.stdin.read())))
out = {"formulas": 0, "sheets": []}
for ws in wb.worksheets:
    cells = []
    for row in ws.iter_rows():
        for c in row:
            if c.data_type == "f":
                out["formulas"] += 1
            if c.value is not None:
                cells.append([c.row, c.column, c.value if isinstance(c.value, (int, float)) else str(c.value)])
    out["sheets"].append(cells)
print(json.dumps(out))
"#;

#[tokio::test]
async fn every_output_shows_the_same_protected_figures() {
    let app = TestApp::spawn().await;
    let total = seed(&app, 260, 0x9E37_79B9_7F4A_7C15).await;
    let researcher = app.login(Role::Researcher).await;
    let all = json(&researcher, &app, "period=all&region=all").await;
    assert_no_small_count(&all, "all");
    // The grand total is the true count.
    let by_month = &all["tables"][0];
    let last = by_month["rows"].as_array().unwrap().last().unwrap();
    assert_eq!(last["cells"][0]["value"].as_i64(), Some(total as i64));
    for q in [
        "period=2025&region=all",
        "period=2026&region=lansi-suomi",
        "period=all&region=pohjois-suomi",
    ] {
        let v = json(&researcher, &app, q).await;
        assert_no_small_count(&v, q);
        // The page shows exactly the API's figures, in the same order.
        let html = researcher
            .get(app.url(&format!("/stats?{q}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let tds: Vec<String> = html
            .split("<td class=\"num")
            .skip(1)
            .map(|s| {
                let s = &s[s.find('>').unwrap() + 1..];
                s[..s.find("</td>").unwrap()]
                    .replace("&#60;", "<")
                    .replace("&lt;", "<")
            })
            .collect();
        let want: Vec<String> = texts(&v).into_iter().map(|t| t.3).collect();
        assert_eq!(tds, want, "{q}: page and API differ");
        // The CSV too.
        let csv_body = researcher
            .get(app.url(&format!("/stats/export.csv?{q}")))
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
        let mut rd = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(&csv_body[3..]);
        let rows: Vec<(String, String, String, String)> =
            rd.deserialize().map(|r| r.unwrap()).collect();
        let expected: Vec<(String, String, String, String)> = texts(&v)
            .into_iter()
            .map(|(t, r, c, x)| {
                let q = |s: String| otalusta_domain::experts::import::export_cell(&s);
                (q(t), q(r), q(c), x)
            })
            .collect();
        assert_eq!(rows, expected, "{q}: CSV and API differ");
    }
    // The channel named like a formula is neutralised in the CSV.
    let csv_body = researcher
        .get(app.url("/stats/export.csv?period=all&region=all"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(csv_body.contains("'=HYPERLINK"), "formula quoted");
    assert!(!csv_body.contains(";=HYPERLINK") && !csv_body.contains("\n=HYPERLINK"));
    app.stop().await;
}

#[tokio::test]
async fn the_xlsx_export_opens_without_formulas_and_hides_small_counts() {
    use base64::Engine as _;
    let app = TestApp::spawn().await;
    seed(&app, 120, 77).await;
    let researcher = app.login(Role::Researcher).await;
    let v = json(&researcher, &app, "period=all&region=all").await;
    let body = researcher
        .get(app.url("/stats/export.xlsx?period=all&region=all"))
        .send()
        .await
        .unwrap();
    assert_eq!(body.status(), 200);
    let bytes = body.bytes().await.unwrap();
    let out: Value = serde_json::from_str(&crate::python::run(
        XLSX_CELLS,
        &base64::engine::general_purpose::STANDARD.encode(&bytes),
    ))
    .unwrap();
    assert_eq!(out["formulas"], 0, "no formula cells");
    let tables = v["tables"].as_array().unwrap();
    let sheets = out["sheets"].as_array().unwrap();
    assert_eq!(sheets.len(), tables.len());
    let mut formula_like = 0;
    for (t, sheet) in tables.iter().zip(sheets) {
        for cell in sheet.as_array().unwrap() {
            let (row, col) = (cell[0].as_i64().unwrap(), cell[1].as_i64().unwrap());
            if let Some(s) = cell[2].as_str() {
                assert!(!s.starts_with('='), "{s}");
                formula_like += usize::from(s.starts_with("'="));
                continue;
            }
            // Figures from row 4, column 2 on: the API's cell there.
            let n = cell[2].as_f64().unwrap() as i64;
            let api = &t["rows"][(row - 4) as usize]["cells"][(col - 2) as usize];
            assert_eq!(api["value"].as_i64(), Some(n), "{} r{row} c{col}", t["id"]);
            if api["unit"] == "count" {
                assert!(n >= 5, "{}: {n}", t["id"]);
            }
        }
    }
    assert!(
        formula_like > 0,
        "the formula-like channel name is there, quoted"
    );
    app.stop().await;
}

#[tokio::test]
async fn coordinators_see_their_region_and_researchers_no_case() {
    let app = TestApp::spawn().await;
    seed(&app, 60, 5).await;
    let coordinator = app.login(Role::Coordinator).await;
    // Their own area by default; another region or the whole country refused.
    let own = json(&coordinator, &app, "").await;
    assert_eq!(own["region"], "ita-suomi");
    for q in ["region=lansi-suomi", "region=all"] {
        let r = coordinator
            .get(app.url(&format!("/api/v1/stats?{q}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403, "{q}");
        let r = coordinator
            .get(app.url(&format!("/stats/export.csv?{q}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403, "{q}");
    }
    // Unknown period or region: a named field error.
    let r = coordinator
        .get(app.url("/api/v1/stats?period=1999"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let p: Value = r.json().await.unwrap();
    assert!(p.to_string().contains("period"), "{p}");
    // Researchers: every region, but no case, no list, no access log.
    let researcher = app.login(Role::Researcher).await;
    assert_eq!(json(&researcher, &app, "region=all").await["region"], "all");
    let id = count(&app, "SELECT MIN(id) FROM requests", None).await;
    for path in [
        "/requests".to_owned(),
        format!("/requests/{id}"),
        "/api/v1/requests".to_owned(),
        format!("/api/v1/requests/{id}"),
        "/audit".to_owned(),
        "/inbox".to_owned(),
    ] {
        let r = researcher.get(app.url(&path)).send().await.unwrap();
        let status = r.status();
        let body = r.text().await.unwrap();
        // Refused, or (a list of one's own) empty.
        assert!(
            status == 403 || status == 404 || (status == 200 && body.trim() == "[]"),
            "{path}: {status} {body:.200}"
        );
    }
    // A requester has no statistics at all; every look is logged.
    let requester = app.login(Role::Requester).await;
    let r = requester.get(app.url("/stats")).send().await.unwrap();
    assert_eq!(r.status(), 403);
    assert!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'stats.%'",
            None
        )
        .await
            >= 2
    );
    app.stop().await;
}

#[tokio::test]
async fn the_refresh_button_recomputes_at_most_once_a_minute() {
    let app = TestApp::spawn().await;
    // The node computes a first snapshot when it starts (none is there):
    // let it finish, or it may land after `before` below.
    let started = std::time::Instant::now();
    while count(&app, "SELECT COUNT(*) FROM stats_snapshots", None).await == 0 {
        assert!(started.elapsed().as_secs() < 30, "no first snapshot");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    seed(&app, 10, 3).await;
    let before = count(&app, "SELECT MAX(id) FROM stats_snapshots", None).await;
    let c = app.login(Role::Coordinator).await;
    let r = app
        .post_form(&c, "/stats", "/stats/refresh", &[("back", "period=all")])
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        r.headers()["location"],
        "/stats?period=all&done=stats-refreshed"
    );
    // The snapshot from the seed is under a minute old: kept.
    assert_eq!(
        count(&app, "SELECT MAX(id) FROM stats_snapshots", None).await,
        before
    );
    sqlx::query("UPDATE stats_snapshots SET computed_at = '2020-01-01T00:00:00Z'")
        .execute(app.state.db.pool())
        .await
        .unwrap();
    let r = app
        .post_form(
            &c,
            "/stats",
            "/stats/refresh",
            &[("back", "x\r\nSet-Cookie: a=b")],
        )
        .await;
    assert_eq!(r.headers()["location"], "/stats?done=stats-refreshed");
    assert!(count(&app, "SELECT MAX(id) FROM stats_snapshots", None).await > before);
    app.stop().await;
}

#[tokio::test]
async fn a_request_names_its_phenomena_and_the_statistics_count_them() {
    use crate::consultations::{group_id, page, send, submit};
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    let codes: Vec<(String,)> =
        sqlx::query_as("SELECT code FROM phenomena WHERE active = 1 ORDER BY code LIMIT 6")
            .fetch_all(app.state.db.pool())
            .await
            .unwrap();
    let (a, b) = (codes[0].0.as_str(), codes[1].0.as_str());
    // Six at once, or a code not in the taxonomy: refused, nothing stored.
    let before = count(&app, "SELECT COUNT(*) FROM requests", None).await;
    for extra in [
        codes
            .iter()
            .map(|c| ("phenomena", c.0.as_str()))
            .collect::<Vec<_>>(),
        vec![("phenomena", "no-such-thing")],
    ] {
        let gs = g.to_string();
        let mut fields = vec![("group", gs.as_str()), ("phenomena_shown", "1")];
        let answers: Vec<(&str, &str)> = submit(&[]);
        fields.extend(answers);
        fields.extend(extra);
        let r = app
            .post_form(
                &requester,
                &format!("/requests/new?group={g}"),
                "/requests",
                &fields,
            )
            .await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("phenomena-error"));
    }
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM requests", None).await,
        before
    );
    // Five requests naming two phenomena: stored, shown, counted.
    let mut last = 0;
    for _ in 0..5 {
        let mut fields: Vec<(&str, &str)> = submit(&[("phenomena_shown", "1")]);
        // The same one twice counts once.
        fields.extend([("phenomena", a), ("phenomena", b), ("phenomena", a)]);
        last = send(&app, &requester, g, &fields).await;
    }
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM request_phenomena WHERE request_id = $1",
            Some(last)
        )
        .await,
        2
    );
    let (_, html) = page(&app, &requester, &format!("/requests/{last}")).await;
    let (name,): (String,) = sqlx::query_as("SELECT name_fi FROM phenomena WHERE code = $1")
        .bind(a)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert!(html.contains(&name), "the case page names the phenomenon");
    otalusta::stats::snapshot::refresh(&app.state.db)
        .await
        .unwrap();
    let researcher = app.login(Role::Researcher).await;
    let v = json(&researcher, &app, "period=all&region=all").await;
    let t = v["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "requests-by-phenomenon")
        .unwrap();
    let row = t["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == a)
        .unwrap();
    assert_eq!(row["cells"][0]["value"].as_i64(), Some(5));
    app.stop().await;
}

/// Two snapshots side by side show no more than each alone: a cell hidden
/// to protect another stays hidden while its value stays, however the
/// rest of the data moves.
#[tokio::test]
async fn the_next_snapshot_keeps_hidden_what_has_not_changed() {
    for seed_no in [0xDEAD_BEEF_u64, 7, 1234, 99] {
        next_snapshot(seed_no).await;
    }
}

async fn next_snapshot(seed_no: u64) {
    let app = TestApp::spawn().await;
    seed(&app, 120, seed_no).await;
    let db = &app.state.db;
    let first = otalusta::stats::snapshot::Cache::default()
        .latest(db)
        .await
        .unwrap()
        .unwrap();
    // New requests in 2026 only: 2025's cells keep their values.
    let (gid, form): (i64, i64) =
        sqlx::query_as("SELECT group_id, form_version_id FROM requests ORDER BY id LIMIT 1")
            .fetch_one(db.pool())
            .await
            .unwrap();
    let requester = app.user_id("demo-requester").await;
    for (i, status) in [
        "withdrawn",
        "closed",
        "declined",
        "closed",
        "submitted",
        "more-info",
    ]
    .iter()
    .cycle()
    .take(40)
    .enumerate()
    {
        sqlx::query(
            "INSERT INTO requests (requester_id, group_id, form_version_id, status, created_at, submitted_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $5, $5)",
        )
        .bind(requester)
        .bind(gid)
        .bind(form)
        .bind(status)
        .bind(format!("2026-0{}-10T10:00:00Z", 1 + i % 2))
        .execute(db.pool())
        .await
        .unwrap();
    }
    otalusta::stats::snapshot::refresh(db).await.unwrap();
    let second = otalusta::stats::snapshot::Cache::default()
        .latest(db)
        .await
        .unwrap()
        .unwrap();
    assert!(second.id > first.id);
    let mut kept = 0;
    for (key, shown) in &first.cells {
        if key.period.starts_with("2025") && *shown == Shown::Hidden {
            assert_eq!(second.cells.get(key), Some(&Shown::Hidden), "{key:?}");
            kept += 1;
        }
    }
    assert!(kept > 0, "the data hid something in 2025");
    app.stop().await;
}
