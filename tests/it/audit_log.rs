use crate::helpers::*;
use otalusta::core::db::Engine;
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
    assert_eq!(
        otalusta::audit::store::verify(&app.state.db).await.unwrap(),
        Ok(40)
    );
}
