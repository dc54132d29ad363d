//! Hostile input: script and SQL payloads in every text field the app
//! stores, rendered inert everywhere and stored verbatim; oversized bodies
//! refused with 413 before they are read whole. Every feature that stores
//! text adds its form to [`stored_text_fields`].

use crate::helpers::*;
use futures_util::stream;
use otalusta_domain::role::Role;

/// Payloads that break out of HTML text, attributes or SQL string literals.
const PAYLOADS: &[&str] = &[
    "<script>alert('xss')</script>",
    "\"><img src=x onerror=alert(1)>",
    "' OR '1'='1' --",
    "Robert'); DROP TABLE users;--",
    "{{7*7}} ${7*7} <!--",
];

/// What a payload must never appear as in a page: live markup.
const LIVE: &[&str] = &["<script>alert", "<img src=x", "onerror=alert(1)>", "<!--"];

/// A form that stores text, where the stored text is shown again, and the
/// SQL that reads the stored value back.
struct Stored {
    role: Role,
    form_page: &'static str,
    action: &'static str,
    /// The form's fields with `{p}` where the payload goes.
    fields: &'static [(&'static str, &'static str)],
    /// Pages that show the stored value.
    shown_on: &'static [&'static str],
    /// `SELECT` of the stored value; `$1` is bound to a marker in the value.
    read_back: &'static str,
}

fn stored_text_fields() -> Vec<Stored> {
    vec![
        Stored {
            role: Role::Admin,
            form_page: "/admin/users/new",
            action: "/admin/users",
            fields: &[
                ("username", "{u}"),
                ("display_name", "{p}"),
                ("title", "{p}"),
                ("email", "x@example.invalid"),
                ("roles", "expert"),
            ],
            shown_on: &["/admin/users"],
            read_back: "SELECT display_name FROM users WHERE username = $1",
        },
        Stored {
            role: Role::Expert,
            form_page: "/account",
            action: "/account/tokens",
            fields: &[("name", "{p}")],
            shown_on: &["/account"],
            read_back: "SELECT name FROM api_tokens WHERE name LIKE '%' || $1 || '%'",
        },
        Stored {
            role: Role::Coordinator,
            form_page: "/groups/new",
            action: "/groups",
            fields: &[
                ("name_fi", "{p}"),
                ("name_sv", "{p}"),
                ("description_fi", "{p}"),
                ("place", "{p}"),
                ("kind", "other"),
                ("area", "ita-suomi"),
                ("mode", "both"),
                ("video_link", "https://video.example.fi/x"),
                ("capacity", "2"),
                ("recurrence", "nth-weekday"),
                ("nth", "1"),
                ("weekday", "mon"),
                ("start_time", "09:00"),
                ("length_minutes", "60"),
                ("notice_days", "7"),
                ("holiday_policy", "skip"),
                ("deadline_policy", "keep-and-warn"),
            ],
            shown_on: &["/groups"],
            read_back: "SELECT place FROM consultation_groups WHERE place LIKE '%' || $1 || '%'",
        },
        Stored {
            role: Role::Coordinator,
            form_page: "/experts/new",
            action: "/experts",
            fields: &[
                ("name", "{p}"),
                ("title", "{p}"),
                ("organisation", "{p}"),
                ("description_fi", "{p}"),
                ("email", "{u}@x.fi"),
                ("area", "ita-suomi"),
                ("sectors", "social"),
                ("phenomena", "trauma"),
                ("languages", "fi"),
            ],
            shown_on: &["/experts?phenomenon=trauma&kind=experts"],
            read_back: "SELECT name FROM experts WHERE name LIKE '%' || $1 || '%'",
        },
        Stored {
            // The demo's first group is Haastavat erot, demo-secretary's.
            role: Role::Secretary,
            form_page: "/groups/1/meetings/2027-01-14",
            action: "/groups/1/meetings/2027-01-14/cancel",
            fields: &[("reason", "{p}")],
            shown_on: &[
                "/groups/1/meetings/2027-01-14",
                "/groups/1?from=2027-01-01&to=2027-01-31",
            ],
            read_back: "SELECT reason FROM meeting_overrides WHERE reason LIKE '%' || $1 || '%'",
        },
    ]
}

/// The text a browser shows for `html`'s character references.
fn decode_entities(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|e| *e <= 8);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => name
                    .strip_prefix("#x")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn assert_inert(html: &str, page: &str) {
    for live in LIVE {
        assert!(
            !html.contains(live),
            "{page} renders a payload live: {live}"
        );
    }
}

#[tokio::test]
async fn payloads_are_stored_verbatim_and_rendered_inert() {
    let app = TestApp::spawn().await;
    for (n, case) in stored_text_fields().iter().enumerate() {
        let c = app.login(case.role).await;
        for (i, payload) in PAYLOADS.iter().enumerate() {
            let username = format!("hostile-{n}-{i}");
            // A marker that finds the stored row again without trusting LIKE on
            // the payload itself.
            let value = format!("{payload} m{n}x{i}");
            let fields: Vec<(&str, String)> = case
                .fields
                .iter()
                .map(|(k, v)| (*k, v.replace("{p}", &value).replace("{u}", &username)))
                .collect();
            let borrowed: Vec<(&str, &str)> =
                fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let res = app
                .post_form(&c, case.form_page, case.action, &borrowed)
                .await;
            assert!(
                res.status().is_success() || res.status().is_redirection(),
                "{} with {payload:?}: {}",
                case.action,
                res.status()
            );
            assert_inert(&res.text().await.unwrap(), case.action);
            let key = if case.read_back.contains("username") {
                username.clone()
            } else {
                format!("m{n}x{i}")
            };
            let (stored,): (String,) = sqlx::query_as(sqlx::AssertSqlSafe(case.read_back))
                .bind(&key)
                .fetch_one(app.state.db.pool())
                .await
                .unwrap_or_else(|e| panic!("{} did not store {payload:?}: {e}", case.action));
            assert_eq!(stored, value, "{} stores the text as given", case.action);
            for page in case.shown_on {
                let html = c
                    .get(app.url(page))
                    .send()
                    .await
                    .unwrap()
                    .text()
                    .await
                    .unwrap();
                assert_inert(&html, page);
                assert!(
                    decode_entities(&html).contains(&value),
                    "{page} shows {value:?}, escaped"
                );
            }
        }
    }
    // The injected SQL ran nowhere: the tables are all there.
    let (users,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert!(users >= 7 + PAYLOADS.len() as i64);
}

#[tokio::test]
async fn query_string_filters_stay_parameterised() {
    let app = TestApp::spawn().await;
    let auditor = app.login(Role::Auditor).await;
    for payload in PAYLOADS {
        for field in ["actor", "object_type", "object_id", "from", "to"] {
            let res = auditor
                .get(app.url("/audit"))
                .query(&[(field, *payload)])
                .send()
                .await
                .unwrap();
            let status = res.status().as_u16();
            let html = res.text().await.unwrap();
            assert!(
                status == 200 || status == 422,
                "/audit?{field}={payload:?}: {status}"
            );
            assert_inert(&html, "/audit");
            if field == "actor" && status == 200 {
                // "' OR '1'='1" would match every entry if it reached SQL as code.
                assert!(
                    !html.contains("demo-auditor</td>"),
                    "/audit?actor={payload:?} matched entries"
                );
            }
        }
    }
}

#[tokio::test]
async fn oversized_json_and_streamed_bodies_get_413() {
    let app = TestApp::spawn().await;
    let c = app.client();
    let big = format!(
        "{{\"username\":\"demo-admin\",\"password\":\"{}\"}}",
        "x".repeat(2 * 1024 * 1024)
    );
    let res = c
        .post(app.url("/api/v1/session"))
        .header("content-type", "application/json")
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    assert_eq!(
        res.headers()["content-type"],
        "application/problem+json",
        "API errors are problem documents"
    );
    // No Content-Length: the body arrives in chunks and is cut off at the
    // limit instead of being read to the end.
    let admin = app.login(Role::Admin).await;
    let token = app.csrf(&admin, "/account").await;
    let head = format!("csrf={token}&name=");
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> = std::iter::once(Ok(head.into_bytes()))
        .chain((0..64).map(|_| Ok(vec![b'a'; 64 * 1024])))
        .collect();
    let res = admin
        .post(app.url("/account/tokens"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(reqwest::Body::wrap_stream(stream::iter(chunks)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM api_tokens")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(n, 0, "nothing stored from a refused body");
}

#[tokio::test]
async fn case_text_is_stored_verbatim_and_rendered_inert() {
    let app = TestApp::spawn().await;
    let (group,): (i64,) =
        sqlx::query_as("SELECT id FROM consultation_groups WHERE kind = 'separation'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    let requester = app.login(Role::Requester).await;
    let secretary = app.login(Role::Secretary).await;
    let g = group.to_string();
    for payload in PAYLOADS {
        let fields = [
            ("group", g.as_str()),
            ("action", "submit"),
            ("q_question", payload),
            ("q_age_band", "7-12"),
            ("q_situation", payload),
            ("q_family", payload),
            ("q_services_tried", payload),
            ("q_urgency", "normal"),
            ("q_participants", payload),
            ("q_municipality", payload),
        ];
        let res = app
            .post_form(
                &requester,
                &format!("/requests/new?group={group}"),
                "/requests",
                &fields,
            )
            .await;
        assert_eq!(res.status(), 303, "{payload:?}");
        let id = res.headers()["location"]
            .to_str()
            .unwrap()
            .trim_start_matches("/requests/")
            .split('?')
            .next()
            .unwrap()
            .to_owned();
        let res = app
            .post_form(
                &secretary,
                &format!("/requests/{id}"),
                &format!("/requests/{id}/messages"),
                &[("body", payload)],
            )
            .await;
        assert_eq!(res.status(), 303);
        for (who, c) in [("requester", &requester), ("secretary", &secretary)] {
            for path in [
                format!("/requests/{id}"),
                "/requests".to_owned(),
                format!("/groups/{group}/queue"),
            ] {
                let res = c.get(app.url(&path)).send().await.unwrap();
                if res.status() == 403 {
                    continue;
                }
                let html = res.text().await.unwrap();
                assert_inert(&html, &path);
                if path.starts_with("/requests/") {
                    assert!(
                        decode_entities(&html).contains(payload),
                        "{who} sees {payload:?} on {path}"
                    );
                }
            }
        }
        let (body,): (String,) =
            sqlx::query_as("SELECT body FROM request_messages ORDER BY id DESC LIMIT 1")
                .fetch_one(app.state.db.pool())
                .await
                .unwrap();
        assert_eq!(body, payload.trim(), "stored as written");
    }
}

/// Forms and JSON share one documented limit, 1 MiB (`app::BODY_LIMIT`):
/// a form right at it is read (and judged on its fields), one byte more
/// is refused with 413 before anything is stored.
#[tokio::test]
async fn forms_are_read_up_to_the_documented_body_limit() {
    let app = TestApp::spawn().await;
    let admin = app.login(Role::Admin).await;
    let token = app.csrf(&admin, "/account").await;
    let head = format!("csrf={token}&name=");
    let limit = otalusta::app::BODY_LIMIT;
    assert_eq!(limit, 1024 * 1024, "the limit the documentation names");
    let post = async |len: usize| {
        let body = format!("{head}{}", "a".repeat(len - head.len()));
        assert_eq!(body.len(), len);
        let res = admin
            .post(app.url("/account/tokens"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        (res.status().as_u16(), res.text().await.unwrap())
    };
    // Well above the 256 KiB forms were once cut at.
    for len in [512 * 1024, limit] {
        let (status, html) = post(len).await;
        assert_eq!(status, 422, "{len} bytes: read, the name is too long");
        assert!(!html.contains("liian suuri: lomakkeen"), "{len} bytes");
    }
    let (status, html) = post(limit + 1).await;
    assert_eq!(status, 413);
    assert!(html.contains("lomakkeen enimmäiskoko on 1 Mt"), "{html}");
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM api_tokens")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(n, 0);
}

/// NUL and the other C0 controls but TAB, CR and LF are refused in every
/// form, multipart form and JSON body, with a message that says so; nothing
/// of the body is stored. Tabs and line breaks are kept.
#[tokio::test]
async fn control_characters_in_text_are_refused_and_not_stored() {
    let app = TestApp::spawn().await;
    let (group,): (i64,) =
        sqlx::query_as("SELECT id FROM consultation_groups WHERE kind = 'separation'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    let requester = app.login(Role::Requester).await;
    let secretary = app.login(Role::Secretary).await;
    let g = group.to_string();
    let mut fields = crate::consultations::submit(&[]);
    fields.push(("group", g.as_str()));
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
    let id = res.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/requests/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let messages = async || -> Vec<String> {
        sqlx::query_as::<_, (String,)>("SELECT body FROM request_messages ORDER BY id")
            .fetch_all(app.state.db.pool())
            .await
            .unwrap()
            .into_iter()
            .map(|(b,)| b)
            .collect()
    };
    for bad in [
        "Hei\u{0}maailma",
        "\u{1b}[2J\u{1b}[31mpunainen",
        "askel\u{8}\u{8}",
        "sivu\u{c}vaihto",
        "loppu\u{7f}",
    ] {
        let res = app
            .post_form(
                &secretary,
                &format!("/requests/{id}"),
                &format!("/requests/{id}/messages"),
                &[("body", bad)],
            )
            .await;
        assert_eq!(res.status(), 400, "{bad:?}");
        let html = res.text().await.unwrap();
        assert!(
            html.contains("Tekstissä on näkymättömiä ohjausmerkkejä"),
            "{bad:?}: {html}"
        );
    }
    assert!(messages().await.is_empty(), "nothing stored");
    // A control character in a field name is refused too.
    let res = app
        .post_form(
            &secretary,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/messages"),
            &[("body", "ok"), ("x\u{0}", "y")],
        )
        .await;
    assert_eq!(res.status(), 400);
    // Tabs and line breaks are how people write.
    let fine = "Rivi 1\r\n\tRivi 2\nRivi 3";
    let res = app
        .post_form(
            &secretary,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/messages"),
            &[("body", fine)],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(messages().await, [fine.to_owned()]);

    // The JSON API: a problem document saying the same in English.
    let res = app
        .client()
        .post(app.url("/api/v1/session"))
        .json(&serde_json::json!({"username": "demo-admin\u{0}", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let problem: serde_json::Value = res.json().await.unwrap();
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("invisible control characters"),
        "{problem}"
    );
    // Multipart forms: the text fields beside the file.
    let coordinator = app.login(Role::Coordinator).await;
    let token = app.csrf(&coordinator, "/experts/import").await;
    let form = reqwest::multipart::Form::new()
        .text("csrf", token)
        .text("area", "ita-suomi\u{0}")
        .part(
            "file",
            reqwest::multipart::Part::bytes(b"email;name\n".to_vec()).file_name("a.csv"),
        );
    let res = coordinator
        .post(app.url("/experts/import/upload"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let (batches,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM import_batches")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(batches, 0);
}
