use crate::helpers::*;
use otalusta::audit::anchor::Anchor;
use otalusta::core::db::Engine;
use otalusta_domain::audit::{AuditEntry, ChainKey, GENESIS_HASH, entry_hash, legacy_hash};
use otalusta_domain::role::Role;
use std::process::Command;

fn verify_cli(app: &TestApp) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_otalusta"))
        .args(["audit", "verify", "--database", &app.database_url])
        .args(["--data-dir", app.data_dir.path().to_str().unwrap()])
        .output()
        .expect("otalusta runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[tokio::test]
async fn reads_of_personal_data_are_logged_with_actor_role_and_address() {
    let app = TestApp::spawn().await;
    let admin = app.login(Role::Admin).await;
    let id = app.user_id("demo-expert").await;
    let res = admin
        .get(app.url(&format!("/admin/users/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let (actor, role, object_type, object_id, outcome, addr): (
        String,
        String,
        String,
        String,
        String,
        String,
    ) = sqlx::query_as(
        "SELECT actor_name, role, object_type, object_id, outcome, client_addr FROM audit_log \
             WHERE action = 'user.read' ORDER BY seq DESC LIMIT 1",
    )
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(
        (
            actor.as_str(),
            role.as_str(),
            object_type.as_str(),
            object_id,
            outcome.as_str(),
            addr.as_str()
        ),
        (
            "demo-admin",
            "admin",
            "user",
            id.to_string(),
            "success",
            "127.0.0.1"
        )
    );
}

#[tokio::test]
async fn the_auditor_sees_and_filters_the_log() {
    let app = TestApp::spawn().await;
    app.login(Role::Expert).await;
    let auditor = app.login(Role::Auditor).await;
    let all = auditor
        .get(app.url("/audit"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(all.contains("demo-expert") && all.contains("demo-auditor"));
    let only = auditor
        .get(app.url("/audit?actor=demo-expert"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(only.contains("demo-expert"));
    assert!(!only.contains("<td>demo-auditor</td>"), "filtered out");
    let today = jiff::Timestamp::now()
        .in_tz("Europe/Helsinki")
        .unwrap()
        .date()
        .to_string();
    let range = auditor
        .get(app.url(&format!("/audit?from={today}&to={today}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(range.contains("demo-expert"));
    let bad = auditor
        .get(app.url("/audit?from=31.02.2026"))
        .send()
        .await
        .unwrap();
    assert!(bad.text().await.unwrap().contains("aria-invalid=\"true\""));
    let verify = auditor
        .get(app.url("/audit/verify"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(verify.contains("Loki on eheä"), "{verify}");
}

#[tokio::test]
async fn the_log_cannot_be_changed_through_sql_either() {
    let app = TestApp::spawn().await;
    app.login(Role::Expert).await;
    let r = sqlx::query("UPDATE audit_log SET actor_name = 'someone' WHERE seq = 1")
        .execute(app.state.db.pool())
        .await;
    assert!(r.is_err(), "the append-only trigger refuses updates");
    let r = sqlx::query("DELETE FROM audit_log")
        .execute(app.state.db.pool())
        .await;
    assert!(r.is_err(), "and deletes");
}

#[tokio::test]
async fn verify_passes_on_an_intact_log_and_names_the_first_changed_entry() {
    let app = TestApp::spawn().await;
    for role in [Role::Expert, Role::Admin, Role::Auditor] {
        app.login(role).await;
    }
    let (code, out) = verify_cli(&app);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("intact: 3 entries"), "{out}");

    // Someone with database access edits entry 2 behind the app's back.
    let pool = app.state.db.pool();
    match app.engine() {
        Engine::Sqlite => {
            sqlx::query("DROP TRIGGER audit_log_no_update")
                .execute(pool)
                .await
                .unwrap();
        }
        Engine::Postgres => {
            sqlx::query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update")
                .execute(pool)
                .await
                .unwrap();
        }
    }
    sqlx::query("UPDATE audit_log SET client_addr = '10.0.0.66' WHERE seq = 2")
        .execute(pool)
        .await
        .unwrap();
    let (code, out) = verify_cli(&app);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("entry 2"), "{out}");
}

#[tokio::test]
async fn concurrent_writers_keep_one_chain() {
    let app = TestApp::spawn().await;
    let mut tasks = Vec::new();
    for i in 0..40 {
        let db = app.state.db.clone();
        tasks.push(tokio::spawn(async move {
            let e = otalusta_domain::audit::AuditEvent {
                at: otalusta::core::db::now(),
                actor_id: None,
                actor_name: format!("writer-{i}"),
                role: String::new(),
                action: "test.write".into(),
                object_type: "test".into(),
                object_id: i.to_string(),
                outcome: otalusta_domain::audit::Outcome::Success,
                client_addr: "127.0.0.1".into(),
                purpose: String::new(),
            };
            otalusta::audit::store::record(&db, e).await.unwrap()
        }));
    }
    let mut seqs: Vec<i64> = Vec::new();
    for t in tasks {
        seqs.push(t.await.unwrap());
    }
    seqs.sort();
    assert_eq!(seqs, (1..=40).collect::<Vec<_>>());
    let report = Anchor::new(&app.state.config)
        .verify(&app.state.db)
        .await
        .unwrap();
    assert!(report.intact(), "{:?}", report.problems);
    assert_eq!(report.entries, 40);
}

// --- Forgeries by someone who can write the database -----------------------------

/// Every entry, oldest first.
async fn entries(app: &TestApp) -> Vec<AuditEntry> {
    let mut all = otalusta::audit::store::search(&app.state.db, &Default::default(), 1000)
        .await
        .unwrap();
    all.reverse();
    all
}

/// Rewrites the log as an attacker with database access would: lifts the
/// append-only protection, replaces every row with `forged`, rechains from
/// index `from` on (with `key`, or the unkeyed v1 hash when they lack it),
/// sets the head to match, and puts the protection back to cover it.
async fn forge(app: &TestApp, mut forged: Vec<AuditEntry>, from: usize, key: Option<&ChainKey>) {
    let db = &app.state.db;
    for i in from..forged.len() {
        let prev = if i == 0 {
            GENESIS_HASH.to_owned()
        } else {
            forged[i - 1].hash.clone()
        };
        let e = &mut forged[i];
        e.prev_hash = prev;
        e.hash = match key {
            Some(k) => entry_hash(k, e.seq, &e.event, &e.prev_hash),
            None => legacy_hash(e.seq, &e.event, &e.prev_hash),
        };
    }
    let pool = db.pool();
    unprotect(app).await;
    sqlx::query("DELETE FROM audit_log")
        .execute(pool)
        .await
        .unwrap();
    write_rows(pool, &forged).await;
    if app.engine() == Engine::Postgres {
        sqlx::query("ALTER TABLE audit_log ENABLE TRIGGER USER")
            .execute(pool)
            .await
            .unwrap();
    } else {
        otalusta::audit::anchor::protect(db).await.unwrap();
    }
}

/// Inserts `entries` as they are and points the head at the last one.
async fn write_rows(pool: &sqlx::AnyPool, entries: &[AuditEntry]) {
    for e in entries {
        let v = &e.event;
        sqlx::query(
            "INSERT INTO audit_log (seq, at, actor_id, actor_name, role, action, object_type, \
             object_id, outcome, client_addr, purpose, prev_hash, hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        )
        .bind(e.seq)
        .bind(&v.at)
        .bind(v.actor_id)
        .bind(&v.actor_name)
        .bind(&v.role)
        .bind(&v.action)
        .bind(&v.object_type)
        .bind(&v.object_id)
        .bind(v.outcome.as_str())
        .bind(&v.client_addr)
        .bind(&v.purpose)
        .bind(&e.prev_hash)
        .bind(&e.hash)
        .execute(pool)
        .await
        .unwrap();
    }
    let last = entries.last().unwrap();
    sqlx::query("UPDATE audit_head SET seq = $1, hash = $2")
        .bind(last.seq)
        .bind(&last.hash)
        .execute(pool)
        .await
        .unwrap();
}

/// A server with some logins, and a checkpoint taken after them.
async fn logged_and_checkpointed() -> TestApp {
    let app = TestApp::spawn().await;
    for role in [Role::Expert, Role::Admin, Role::Auditor, Role::Secretary] {
        app.login(role).await;
    }
    let cp = Anchor::new(&app.state.config)
        .checkpoint(&app.state.db, false)
        .await
        .unwrap()
        .expect("the log grew since the start");
    assert_eq!(cp.seq, 4);
    app
}

/// What a node would say when it starts on this database and data directory.
async fn start_again(app: &TestApp) -> Result<(), String> {
    let config = (*app.state.config).clone();
    otalusta::app::build_state(config)
        .await
        .map(|_| ())
        .map_err(|e| format!("{e:#}"))
}

#[tokio::test]
async fn a_rewrite_without_the_key_is_detected_even_with_chain_and_head_recomputed() {
    let app = logged_and_checkpointed().await;
    let mut forged = entries(&app).await;
    forged[1].event.client_addr = "10.6.6.6".into();
    forge(&app, forged, 1, None).await;
    let (code, out) = verify_cli(&app);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("entry 2 was changed"), "{out}");
    // The auditor's page says so in the page's language.
    let auditor = app.login(Role::Auditor).await;
    for (lang, want) in [
        ("fi", "Merkintää 2 on muutettu"),
        ("sv", "Post 2 har ändrats"),
        ("en", "Entry 2 was changed"),
    ] {
        let page = auditor
            .get(app.url(&format!("/audit/verify?lang={lang}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains(want), "{lang}: {page}");
    }
    let refused = start_again(&app).await.unwrap_err();
    assert!(
        refused.contains("does not match the signed checkpoint"),
        "{refused}"
    );

    // Passing every entry off as an old unkeyed one does not help either:
    // the checkpoints recorded where the keyed entries start.
    sqlx::query("UPDATE audit_head SET keyed_from = 100")
        .execute(app.state.db.pool())
        .await
        .unwrap();
    let (code, out) = verify_cli(&app);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("keyed entries start at 100"), "{out}");
}

#[tokio::test]
async fn a_rewrite_with_the_stolen_key_is_caught_by_the_signed_checkpoint() {
    let app = logged_and_checkpointed().await;
    let key = app.state.config.keys.audit_chain.clone();
    let mut forged = entries(&app).await;
    forged[1].event.actor_name = "someone-else".into();
    forge(&app, forged, 1, Some(&key)).await;
    let (code, out) = verify_cli(&app);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("entry 4 is not the entry the signed checkpoint"),
        "{out}"
    );
    assert!(start_again(&app).await.is_err());
}

#[tokio::test]
async fn deleting_an_entry_and_renumbering_is_detected_with_or_without_the_key() {
    let app = logged_and_checkpointed().await;
    let key = app.state.config.keys.audit_chain.clone();
    let mut forged = entries(&app).await;
    forged.remove(2);
    for (i, e) in forged.iter_mut().enumerate() {
        e.seq = i as i64 + 1;
    }
    forge(&app, forged.clone(), 2, None).await;
    let (code, out) = verify_cli(&app);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("entry 3 was changed"), "{out}");

    forge(&app, forged, 0, Some(&key)).await;
    let (code, out) = verify_cli(&app);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("the signed checkpoint") && out.contains("the tail was removed"),
        "{out}"
    );
    let refused = start_again(&app).await.unwrap_err();
    assert!(refused.contains("rewritten or truncated"), "{refused}");
}

#[tokio::test]
async fn a_dropped_trigger_stops_the_start_until_the_protection_is_restored() {
    let app = TestApp::spawn().await;
    app.login(Role::Expert).await;
    let pool = app.state.db.pool();
    match app.engine() {
        Engine::Sqlite => sqlx::query("DROP TRIGGER audit_log_no_delete"),
        Engine::Postgres => {
            sqlx::query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update")
        }
    }
    .execute(pool)
    .await
    .unwrap();
    let refused = start_again(&app).await.unwrap_err();
    assert!(refused.contains("append-only protection"), "{refused}");
    let (code, out) = verify_cli(&app);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("protection of the log is missing"), "{out}");

    let out = Command::new(env!("CARGO_BIN_EXE_otalusta"))
        .args(["audit", "protect", "--database", &app.database_url])
        .args(["--data-dir", app.data_dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    start_again(&app).await.expect("starts once protected");
    let (code, out) = verify_cli(&app);
    assert_eq!(code, 0, "{out}");
    let (action,): (String,) =
        sqlx::query_as("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1")
            .fetch_one(pool)
            .await
            .unwrap();
    assert_eq!(action, "audit.protect", "restoring is itself logged");
}

#[tokio::test]
async fn removed_or_forged_checkpoints_are_detected() {
    let app = logged_and_checkpointed().await;
    let file = app.state.config.checkpoint_file();
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        text.lines().count(),
        2,
        "the start's and the one taken: {text}"
    );

    // A forged line (no key): the signature fails.
    let forged = text.replacen("\"seq\":4", "\"seq\":3", 1);
    std::fs::write(&file, &forged).unwrap();
    let (code, out) = verify_cli(&app);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("line 2 is not signed"), "{out}");
    assert!(start_again(&app).await.is_err());

    // The file removed: the log has keyed entries no checkpoint covers.
    std::fs::remove_file(&file).unwrap();
    let refused = start_again(&app).await.unwrap_err();
    assert!(refused.contains("checkpoints were removed"), "{refused}");
    let (code, out) = verify_cli(&app);
    assert_eq!(code, 1, "{out}");

    // The operator checks and deliberately starts a new file: logged.
    let out = Command::new(env!("CARGO_BIN_EXE_otalusta"))
        .args(["audit", "checkpoint", "--database", &app.database_url])
        .args(["--data-dir", app.data_dir.path().to_str().unwrap()])
        .env("RUST_LOG", "info")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    // The service log carries the same signed line as the file.
    let logged = String::from_utf8_lossy(&out.stderr);
    let written = std::fs::read_to_string(&file).unwrap();
    let mac = written
        .rsplit("\"mac\":\"")
        .next()
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert!(
        logged.contains("access-log checkpoint") && logged.contains(mac),
        "{logged}"
    );
    start_again(&app).await.expect("starts with the new file");
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'audit.checkpoints.start'",
    )
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(n, 1);
}

#[tokio::test]
async fn verify_holds_while_others_write() {
    let app = TestApp::spawn().await;
    let anchor = Anchor::new(&app.state.config);
    let writer = {
        let db = app.state.db.clone();
        tokio::spawn(async move {
            for i in 0..300 {
                let e = otalusta_domain::audit::AuditEvent {
                    at: otalusta::core::db::now(),
                    actor_id: None,
                    actor_name: "writer".into(),
                    role: String::new(),
                    action: "test.write".into(),
                    object_type: "test".into(),
                    object_id: i.to_string(),
                    outcome: otalusta_domain::audit::Outcome::Success,
                    client_addr: "127.0.0.1".into(),
                    purpose: String::new(),
                };
                otalusta::audit::store::record(&db, e).await.unwrap();
            }
        })
    };
    let auditor = app.login(Role::Auditor).await;
    let mut checks = 0;
    while !writer.is_finished() {
        let report = anchor.verify(&app.state.db).await.unwrap();
        assert!(report.intact(), "{:?}", report.problems);
        // The auditor's page checks the same way, with its own reads.
        let page = auditor
            .get(app.url("/audit/verify"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains("Loki on eheä"), "{page}");
        checks += 1;
    }
    writer.await.unwrap();
    assert!(checks > 0);
}

#[tokio::test]
async fn views_of_many_cases_are_logged_per_case_for_the_auditors_filter() {
    use crate::consultations::{group_id, page, send, status, submit};
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    let secretary = app.login(Role::Secretary).await;
    let expert = app.login(Role::Expert).await;
    let id = send(&app, &requester, g, &submit(&[])).await;
    let other = send(&app, &requester, g, &submit(&[])).await;

    let (code, _) = page(&app, &secretary, &format!("/groups/{g}/queue")).await;
    assert_eq!(code, 200);
    let res = app
        .post_form(
            &secretary,
            &format!("/requests/{id}"),
            &format!("/requests/{id}/accept"),
            &[("meeting", "")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let meeting = status(&app, id).await.1.expect("placed on a meeting");
    let (code, _) = page(
        &app,
        &expert,
        &format!("/groups/{g}/meetings/{meeting}/agenda"),
    )
    .await;
    assert_eq!(code, 200);
    let (code, _) = page(&app, &expert, "/requests").await;
    assert_eq!(code, 200);
    let res = requester
        .get(app.url("/api/v1/requests"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    let seen_by = async |case: i64| -> Vec<(String, String)> {
        sqlx::query_as(
            "SELECT action, actor_name FROM audit_log \
             WHERE object_type = 'request' AND object_id = $1 AND action IN \
             ('queue.read', 'agenda.read', 'request.list') ORDER BY seq",
        )
        .bind(case.to_string())
        .fetch_all(app.state.db.pool())
        .await
        .unwrap()
    };
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        seen_by(id).await,
        pairs(&[
            ("queue.read", "demo-secretary"),
            ("agenda.read", "demo-expert"),
            ("request.list", "demo-expert"),
            ("request.list", "demo-requester"),
        ])
    );
    // The case not on the agenda was in the queue and the requester's own
    // list, but the members did not see it.
    assert_eq!(
        seen_by(other).await,
        pairs(&[
            ("queue.read", "demo-secretary"),
            ("request.list", "demo-requester"),
        ])
    );
    // The auditor's filter by the case finds the views.
    let auditor = app.login(Role::Auditor).await;
    let (_, html) = page(
        &app,
        &auditor,
        &format!("/audit?object_type=request&object_id={id}"),
    )
    .await;
    for action in ["queue.read", "agenda.read", "request.list"] {
        assert!(html.contains(action), "{action} in the filtered log");
    }
}

#[tokio::test]
async fn the_auditor_finds_who_saw_one_clients_data_by_identity_code() {
    use crate::consultations::{group_id, page, send, submit};
    const HETU: &str = "131052-308T";
    let app = TestApp::spawn().await;
    let g = group_id(&app, "separation").await;
    let requester = app.login(Role::Requester).await;
    let secretary = app.login(Role::Secretary).await;
    let mut fields = submit(&[("hetu", HETU), ("basis_note", "Huoltajan suostumus")]);
    fields.push(("identification", "consent"));
    let identified = send(&app, &requester, g, &fields).await;
    let other = send(&app, &requester, g, &submit(&[])).await;
    assert_eq!(
        page(&app, &secretary, &format!("/groups/{g}/queue"))
            .await
            .0,
        200
    );

    let auditor = app.login(Role::Auditor).await;
    let res = app
        .post_form(
            &auditor,
            "/audit/client",
            "/audit/client",
            &[("hetu", " 131052-308t ")],
        )
        .await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(
        html.contains(&format!("object_id={identified}\">#{identified}</a>")),
        "{html}"
    );
    assert!(
        !html.contains(&format!(">#{other}</a>")),
        "only the client's requests"
    );
    assert!(html.contains("queue.read") && html.contains("demo-secretary"));

    let res = app
        .post_form(
            &auditor,
            "/audit/client",
            "/audit/client",
            &[("hetu", "010114B1231")],
        )
        .await;
    assert!(res.text().await.unwrap().contains("ei ole tunnistettu"));
    let res = app
        .post_form(
            &auditor,
            "/audit/client",
            "/audit/client",
            &[("hetu", "131052-308A")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("aria-invalid=\"true\""));

    // The report is logged under a pseudonym: never the code itself.
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT object_type, object_id, purpose FROM audit_log \
         WHERE action = 'audit.client-report' ORDER BY seq",
    )
    .fetch_all(app.state.db.pool())
    .await
    .unwrap();
    // The first report: the request it showed, then the client; the second
    // found nothing and names only the client.
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(
        (rows[0].0.as_str(), rows[0].1.clone()),
        ("request", identified.to_string())
    );
    assert_eq!(rows[1].0, "client");
    assert!(rows[1].2.contains(&format!("#{identified}")), "{rows:?}");
    assert!(
        rows[0].2.contains(&rows[1].1),
        "the same pseudonym: {rows:?}"
    );
    assert_eq!(rows[2].0, "client");
    let all: Vec<(String,)> =
        sqlx::query_as("SELECT object_id || purpose || actor_name FROM audit_log")
            .fetch_all(app.state.db.pool())
            .await
            .unwrap();
    assert!(
        all.iter().all(|(t,)| !t.to_uppercase().contains("131052")),
        "no identity code in the log"
    );
}

#[tokio::test]
async fn the_sink_keeps_what_was_cut_from_the_checkpoint_file() {
    let sink_dir = tempfile::tempdir().unwrap();
    let sink = sink_dir.path().join("sink.jsonl");
    let app = {
        let sink = sink.clone();
        TestApp::spawn_with(move |c| c.audit_sink = Some(sink)).await
    };
    let anchor = Anchor::new(&app.state.config);
    for role in [Role::Expert, Role::Admin] {
        app.login(role).await;
    }
    anchor
        .checkpoint(&app.state.db, false)
        .await
        .unwrap()
        .unwrap();
    for role in [Role::Auditor, Role::Secretary] {
        app.login(role).await;
    }
    anchor
        .checkpoint(&app.state.db, false)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(std::fs::read_to_string(&sink).unwrap().lines().count(), 3);

    // Someone with the key and the data directory rewrites entry 3 and
    // cuts the file's last line (a cut tail leaves the file's own chain
    // whole): the file alone is fooled, the sink is not.
    let key = app.state.config.keys.audit_chain.clone();
    let mut forged = entries(&app).await;
    forged[2].event.client_addr = "10.6.6.6".into();
    forge(&app, forged, 2, Some(&key)).await;
    let file = app.state.config.checkpoint_file();
    let text = std::fs::read_to_string(&file).unwrap();
    let kept: Vec<&str> = text.lines().collect();
    std::fs::write(&file, kept[..kept.len() - 1].join("\n") + "\n").unwrap();
    // The node refuses to start (it reads the sink too) …
    let refused = start_again(&app).await.unwrap_err();
    assert!(refused.contains("(entry 4)"), "{refused}");
    // … and `verify` without the sink would be fooled.
    let (code, out) = verify_cli(&app);
    assert_eq!(code, 0, "without the sink: {out}");
    let out = Command::new(env!("CARGO_BIN_EXE_otalusta"))
        .args(["audit", "verify", "--database", &app.database_url])
        .args(["--data-dir", app.data_dir.path().to_str().unwrap()])
        .args(["--audit-sink", sink.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("entry 4 is not the entry the signed checkpoint"),
        "{text}"
    );
}

/// A database as the version before the key left it: migrated to 0005,
/// with `n` entries hashed the unkeyed v1 way.
async fn database_before_the_key(n: i64) -> FreshDb {
    let fresh = FreshDb::new().await;
    let db = fresh.connect().await;
    let mut m = match db.engine() {
        Engine::Sqlite => sqlx::migrate!("migrations/sqlite"),
        Engine::Postgres => sqlx::migrate!("migrations/postgres"),
    };
    m.migrations = m
        .migrations
        .iter()
        .filter(|x| x.version < otalusta::audit::anchor::KEYED_MIGRATION)
        .cloned()
        .collect::<Vec<_>>()
        .into();
    m.run(db.pool()).await.unwrap();
    let mut old: Vec<AuditEntry> = Vec::new();
    for seq in 1..=n {
        let event = otalusta_domain::audit::AuditEvent {
            at: format!("2026-01-0{seq}T10:00:00.000000Z"),
            actor_id: None,
            actor_name: "demo-expert".into(),
            role: "expert".into(),
            action: "login".into(),
            object_type: "user".into(),
            object_id: "demo-expert".into(),
            outcome: otalusta_domain::audit::Outcome::Success,
            client_addr: "127.0.0.1".into(),
            purpose: String::new(),
        };
        let prev_hash = old
            .last()
            .map_or(GENESIS_HASH.to_owned(), |e| e.hash.clone());
        let hash = legacy_hash(seq, &event, &prev_hash);
        old.push(AuditEntry {
            seq,
            event,
            prev_hash,
            hash,
        });
    }
    write_rows(db.pool(), &old).await;
    db.close().await;
    fresh
}

#[tokio::test]
async fn an_upgraded_log_keeps_its_unkeyed_entries_and_is_sealed_at_the_first_start() {
    let old = database_before_the_key(3).await;
    let url = old.url.clone();
    let app = TestApp::spawn_with(move |c| c.database_url = url).await;
    app.login(Role::Expert).await;
    let (code, out) = verify_cli(&app);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("intact: 4 entries"), "{out}");
    let keyed_from: i64 = sqlx::query_scalar("SELECT keyed_from FROM audit_head")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(keyed_from, 4);
    let four = entries(&app).await.pop().unwrap();
    assert_eq!(
        four.hash,
        entry_hash(
            &app.state.config.keys.audit_chain,
            4,
            &four.event,
            &four.prev_hash
        ),
        "new entries are keyed"
    );

    // Later, the same trick by someone who can write the database and the
    // data directory but not read the key: everything rewritten unkeyed,
    // the boundary moved past it, the checkpoint file removed. Not sealed
    // again: the start is refused.
    let mut forged = entries(&app).await;
    forged[0].event.client_addr = "10.6.6.6".into();
    forge(&app, forged, 0, None).await;
    sqlx::query("UPDATE audit_head SET keyed_from = 5")
        .execute(app.state.db.pool())
        .await
        .unwrap();
    std::fs::remove_file(app.state.config.checkpoint_file()).unwrap();
    let refused = start_again(&app).await.unwrap_err();
    assert!(refused.contains("checkpoints were removed"), "{refused}");
}

#[tokio::test]
async fn a_long_list_is_logged_in_order_in_one_transaction() {
    let app = TestApp::spawn().await;
    app.login(Role::Expert).await;
    let events: Vec<_> = (0..150)
        .map(|i| otalusta_domain::audit::AuditEvent {
            at: otalusta::core::db::now(),
            actor_id: None,
            actor_name: "demo-secretary".into(),
            role: "secretary".into(),
            action: "queue.read".into(),
            object_type: "request".into(),
            object_id: i.to_string(),
            outcome: otalusta_domain::audit::Outcome::Success,
            client_addr: "127.0.0.1".into(),
            purpose: "consultation; group 1".into(),
        })
        .collect();
    let mut tx = app.state.db.begin().await.unwrap();
    let last = otalusta::audit::store::append_all(&mut tx, events)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(last, 151);
    let all = entries(&app).await;
    assert_eq!(all.len(), 151);
    assert!(
        all[1..]
            .iter()
            .enumerate()
            .all(|(i, e)| e.event.object_id == i.to_string())
    );
    let report = Anchor::new(&app.state.config)
        .verify(&app.state.db)
        .await
        .unwrap();
    assert!(report.intact(), "{:?}", report.problems);
}

#[tokio::test]
async fn a_weakened_trigger_counts_as_missing() {
    let app = TestApp::spawn().await;
    app.login(Role::Expert).await;
    let pool = app.state.db.pool();
    let weakened: &[&str] = match app.engine() {
        Engine::Sqlite => &[
            "DROP TRIGGER audit_log_no_update",
            // Still named so, still raising, but only for one column.
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE OF seq ON audit_log \
             BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
        ],
        Engine::Postgres => &[
            "DROP TRIGGER audit_log_no_update ON audit_log",
            // Updates refused, deletes let through.
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log \
             FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
        ],
    };
    // One connection: another one's cached schema could still see the old trigger.
    let mut conn = pool.acquire().await.unwrap();
    for sql in weakened {
        sqlx::query(sqlx::AssertSqlSafe(*sql))
            .execute(&mut *conn)
            .await
            .unwrap();
    }
    drop(conn);
    let refused = start_again(&app).await.unwrap_err();
    assert!(refused.contains("audit_log_no_update"), "{refused}");
    otalusta::audit::anchor::protect(&app.state.db)
        .await
        .unwrap();
    start_again(&app).await.expect("the real triggers again");
}

/// The auditor's period filter bounds the walk by sequence numbers found
/// through the time index; entries written slightly out of time order
/// (a request that waited for the head's lock, a node's clock) are still
/// all found: the result is the plain filter's, for every window.
#[tokio::test]
async fn a_period_finds_exactly_its_entries_even_out_of_time_order() {
    use otalusta::audit::store::{Filter, search};
    use otalusta::core::config::Keys;
    use otalusta::core::db::timestamp;
    let fresh = FreshDb::new().await;
    let keys = Keys::derive(TEST_KEY.as_bytes());
    let db = fresh
        .connect()
        .await
        .with_audit_key(keys.audit_chain.clone());
    db.migrate().await.unwrap();
    let base: jiff::Timestamp = "2026-03-01T00:00:00Z".parse().unwrap();
    let events: Vec<_> = (0..400i64)
        .map(|i| {
            // Ten minutes apart, each up to 50 minutes early or late.
            let jitter = (i * 37 % 101) - 50;
            let at = base + jiff::SignedDuration::from_mins(i * 10 + jitter);
            otalusta_domain::audit::AuditEvent {
                at: timestamp(at),
                actor_id: Some(1),
                actor_name: if i % 3 == 0 { "a" } else { "b" }.into(),
                role: "secretary".into(),
                action: "request.read".into(),
                object_type: "request".into(),
                object_id: (i % 7).to_string(),
                outcome: otalusta_domain::audit::Outcome::Success,
                client_addr: String::new(),
                purpose: String::new(),
            }
        })
        .collect();
    let mut tx = db.begin().await.unwrap();
    otalusta::audit::store::append_all(&mut tx, events)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    for (from_min, to_min, actor) in [
        (0, 60, ""),
        (95, 400, ""),
        (1000, 1010, ""),
        (-100, 5000, "a"),
        (3990, 4100, ""),
        (5000, 6000, ""),
        (333, 777, "b"),
    ] {
        let from = timestamp(base + jiff::SignedDuration::from_mins(from_min));
        let to = timestamp(base + jiff::SignedDuration::from_mins(to_min));
        let f = Filter {
            actor: actor.into(),
            from: Some(from.clone()),
            to: Some(to.clone()),
            ..Default::default()
        };
        let got: Vec<i64> = search(&db, &f, 1000)
            .await
            .unwrap()
            .iter()
            .map(|e| e.seq)
            .collect();
        let expected: Vec<i64> = sqlx::query_scalar(
            "SELECT seq FROM audit_log WHERE at >= $1 AND at < $2 \
             AND ($3 = '' OR actor_name = $3) ORDER BY seq DESC",
        )
        .bind(&from)
        .bind(&to)
        .bind(actor)
        .fetch_all(db.pool())
        .await
        .unwrap();
        assert_eq!(got, expected, "{from_min}–{to_min} {actor}");
    }
    db.close().await;
}

/// A log long enough to be walked in parts side by side (one per core, on
/// connections of their own): the walk still names the first break
/// wherever it lies, in either part or across the seam between them.
#[tokio::test]
async fn a_long_walk_names_the_first_break_in_any_part() {
    use otalusta::audit::store::Start;
    use otalusta::audit::walk::verify;
    use otalusta_domain::audit::{AuditEvent, BreakReason, Outcome};
    let app = TestApp::spawn().await;
    let db = &app.state.db;
    fn events(part: i64) -> Vec<AuditEvent> {
        (0..1000)
            .map(|i| AuditEvent {
                at: otalusta::core::db::now(),
                actor_id: (i % 3 != 0).then_some(i),
                actor_name: format!("user-{}", i % 17),
                role: "secretary".into(),
                action: "request.read".into(),
                object_type: "request".into(),
                object_id: (part * 1000 + i).to_string(),
                outcome: Outcome::Success,
                client_addr: "127.0.0.1".into(),
                purpose: if i % 5 == 0 {
                    "selvitys".into()
                } else {
                    String::new()
                },
            })
            .collect()
    }
    async fn append(db: otalusta::core::db::Db, part: i64) {
        let mut tx = db.begin().await.unwrap();
        otalusta::audit::store::append_all(&mut tx, events(part))
            .await
            .unwrap();
        tx.commit().await.unwrap();
    }
    let n = 60_000;
    for part in 0..n / 1000 {
        append(db.clone(), part).await;
    }
    let key = db.audit_key().unwrap();
    let walk = || verify(db, key, &[], Start::Beginning(None));
    let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert!(total >= n);
    assert_eq!(walk().await.unwrap(), Ok(total as u64));
    // Writers go on while walks run: each walk sees one moment of the log
    // (its parts the same one), never a break.
    let writer = tokio::spawn({
        let db = db.clone();
        async move {
            for part in 100..110 {
                append(db.clone(), part).await;
            }
        }
    });
    loop {
        let walked = walk().await.unwrap().expect("no break while others write");
        assert!(walked >= total as u64);
        if writer.is_finished() {
            break;
        }
    }
    writer.await.unwrap();
    let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(walk().await.unwrap(), Ok(total as u64));

    let pool = db.pool();
    unprotect(&app).await;
    let exec = |sql: &'static str| async move {
        sqlx::query(sql).execute(pool).await.unwrap();
    };
    if app.engine() == Engine::Sqlite {
        // The same bytes stored as blobs (around the seam too): still the
        // same chain, whichever part reads them.
        exec("UPDATE audit_log SET hash = CAST(hash AS BLOB), prev_hash = CAST(prev_hash AS BLOB) WHERE seq BETWEEN 29000 AND 31000").await;
        assert_eq!(walk().await.unwrap(), Ok(total as u64));
    }
    // Late in the log, in the last part.
    exec("UPDATE audit_log SET purpose = 'muu' WHERE seq = 45000").await;
    let b = walk().await.unwrap().unwrap_err();
    assert_eq!((b.seq, b.reason), (45000, BreakReason::ContentChanged));
    // Before it, entries gone around the middle, where the parts meet.
    exec("DELETE FROM audit_log WHERE seq BETWEEN 29990 AND 30100").await;
    let b = walk().await.unwrap().unwrap_err();
    assert_eq!(
        (b.seq, b.reason),
        (30101, BreakReason::Gap { expected: 29990 })
    );
    // Before that, in the first part.
    exec("UPDATE audit_log SET object_type = 'x' WHERE seq = 20000").await;
    let b = walk().await.unwrap().unwrap_err();
    assert_eq!((b.seq, b.reason), (20000, BreakReason::ContentChanged));
    // Earlier still, an actor put where there was none; then the very
    // first entry.
    exec("UPDATE audit_log SET actor_id = 4242 WHERE seq = 5001 AND actor_id IS NULL").await;
    exec("UPDATE audit_log SET actor_id = 4242 WHERE seq = 5002 AND actor_id IS NULL").await;
    exec("UPDATE audit_log SET actor_id = 4242 WHERE seq = 5003 AND actor_id IS NULL").await;
    let b = walk().await.unwrap().unwrap_err();
    assert!(
        (5001..=5003).contains(&b.seq) && b.reason == BreakReason::ContentChanged,
        "{b:?}"
    );
    if app.engine() == Engine::Sqlite {
        // SQLite keeps what it is given: text where no actor was.
        exec("UPDATE audit_log SET actor_id = 'x' WHERE seq BETWEEN 3000 AND 3002 AND actor_id IS NULL").await;
        let b = walk().await.unwrap().unwrap_err();
        assert!(
            (3000..=3002).contains(&b.seq) && b.reason == BreakReason::ContentChanged,
            "{b:?}"
        );
    }
    exec("UPDATE audit_log SET at = '2020-01-01T00:00:00.000000Z' WHERE seq = 1").await;
    let b = walk().await.unwrap().unwrap_err();
    assert_eq!((b.seq, b.reason), (1, BreakReason::ContentChanged));
}

/// Takes away the triggers that keep the log's rows from being changed or
/// deleted, as someone with the database's own rights could.
async fn unprotect(app: &TestApp) {
    let pool = app.state.db.pool();
    match app.engine() {
        Engine::Sqlite => {
            for t in ["audit_log_no_update", "audit_log_no_delete"] {
                sqlx::query(sqlx::AssertSqlSafe(format!("DROP TRIGGER {t}")))
                    .execute(pool)
                    .await
                    .unwrap();
            }
        }
        Engine::Postgres => {
            sqlx::query("ALTER TABLE audit_log DISABLE TRIGGER USER")
                .execute(pool)
                .await
                .unwrap();
        }
    }
}
