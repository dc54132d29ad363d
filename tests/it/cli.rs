//! The `otalusta` command line against a real database.

use crate::helpers::*;
use std::io::Write;
use std::process::{Command, Stdio};

fn otalusta(app: &TestApp, args: &[&str], stdin: &str) -> (i32, String) {
    run(
        &app.database_url,
        app.data_dir.path().to_str().unwrap(),
        args,
        stdin,
    )
}

/// `otalusta ARGS` on a database and data directory; exit code and output.
pub fn run(database: &str, data_dir: &str, args: &[&str], stdin: &str) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_otalusta"))
        .args(args)
        .args(["--database", database, "--data-dir", data_dir])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[tokio::test]
async fn user_add_list_disable() {
    let app = TestApp::spawn().await;
    let pw = "kirjastokortti ja kahvi";
    let (code, out) = otalusta(
        &app,
        &[
            "user",
            "add",
            "liisa.koordinaattori",
            "--role",
            "coordinator",
            "--area",
            "etela-suomi",
            "--display-name",
            "Liisa K",
            "--password-stdin",
        ],
        &format!("{pw}\n"),
    );
    assert_eq!(code, 0, "{out}");
    let (code, out) = otalusta(&app, &["user", "list"], "");
    assert_eq!(code, 0);
    assert!(
        out.contains("liisa.koordinaattori\tLiisa K\tcoordinator@etela-suomi\tactive"),
        "{out}"
    );

    let c = app.client();
    let res = app
        .post_form(
            &c,
            "/login",
            "/login",
            &[("username", "liisa.koordinaattori"), ("password", pw)],
        )
        .await;
    assert_eq!(res.status(), 303);

    let (code, out) = otalusta(&app, &["user", "disable", "liisa.koordinaattori"], "");
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        c.get(app.url("/account")).send().await.unwrap().status(),
        303,
        "session ended"
    );
    let (code, out) = otalusta(&app, &["audit", "verify"], "");
    assert_eq!(code, 0, "{out}");
}

#[tokio::test]
async fn user_add_refuses_bad_input_with_reasons() {
    let app = TestApp::spawn().await;
    let (code, out) = otalusta(
        &app,
        &[
            "user",
            "add",
            "x y",
            "--role",
            "coordinator",
            "--password-stdin",
        ],
        "lyhyt\n",
    );
    assert_eq!(code, 2);
    assert!(out.contains("username") && out.contains("area"), "{out}");
    let (code, out) = otalusta(&app, &["user", "add", "demo-admin", "--role", "admin"], "");
    assert_eq!(code, 2);
    assert!(out.contains("username-taken"), "{out}");
    let (code, out) = otalusta(
        &app,
        &[
            "user",
            "add",
            "uusi",
            "--role",
            "expert",
            "--password-stdin",
        ],
        "lyhyt\n",
    );
    assert_eq!(code, 2);
    assert!(out.contains("at least 12"), "{out}");
}

/// Accounts made on the command line before the service ever ran: the log
/// it wrote is checkpointed, so the service then starts and it verifies.
#[tokio::test]
async fn accounts_made_before_the_first_start_leave_a_verifiable_log() {
    let db = FreshDb::new().await;
    let dir = db.dir.path().to_str().unwrap().to_owned();
    let run = |args: &[&str], stdin: &str| run(&db.url, &dir, args, stdin);
    let (code, out) = run(
        &[
            "user",
            "add",
            "ensimmainen",
            "--role",
            "admin",
            "--password-stdin",
        ],
        "ensimmäinen ylläpitäjä kahvilla\n",
    );
    assert_eq!(code, 0, "{out}");
    let (code, out) = run(&["audit", "verify"], "");
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("intact: 1 entries, 2 signed checkpoints"),
        "{out}"
    );
    // Removing the checkpoint file is noticed by the next command too.
    std::fs::remove_file(db.dir.path().join("audit-checkpoints.jsonl")).unwrap();
    let (code, out) = run(&["user", "disable", "ensimmainen"], "");
    assert_ne!(code, 0, "{out}");
    assert!(out.contains("checkpoints were removed"), "{out}");
}

#[tokio::test]
async fn user_add_refuses_common_passwords_and_can_issue_a_temporary_one() {
    let app = TestApp::spawn().await;
    for pw in ["password1234", "Salasana2024!", "123456789012"] {
        let (code, out) = otalusta(
            &app,
            &[
                "user",
                "add",
                "uusi",
                "--role",
                "expert",
                "--password-stdin",
            ],
            &format!("{pw}\n"),
        );
        assert_eq!(code, 2, "{pw}: {out}");
        assert!(
            out.contains("too common") || out.contains("too easy to guess"),
            "{pw}: {out}"
        );
    }
    // Without the flag the person logs in directly; with it, they must
    // change the password first.
    let pw = "kirjastokortti ja kahvi";
    for (name, flag, forced) in [
        ("suoraan", None, false),
        ("vaihtaja", Some("--temporary-password"), true),
    ] {
        let mut args = vec!["user", "add", name, "--role", "expert", "--password-stdin"];
        args.extend(flag);
        let (code, out) = otalusta(&app, &args, &format!("{pw}\n"));
        assert_eq!(code, 0, "{out}");
        let c = app.client();
        let res = app
            .post_form(
                &c,
                "/login",
                "/login",
                &[("username", name), ("password", pw)],
            )
            .await;
        assert_eq!(res.status(), 303);
        let to = if forced { "/account/password" } else { "/" };
        assert_eq!(res.headers()["location"], to, "{name}");
    }
    // A generated password was issued by whoever ran the command: changed
    // at the first login.
    let (code, out) = otalusta(&app, &["user", "add", "arvottu", "--role", "expert"], "");
    assert_eq!(code, 0, "{out}");
    let generated = out
        .split("password: ")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .expect("the generated password is printed")
        .to_owned();
    let c = app.client();
    let res = app
        .post_form(
            &c,
            "/login",
            "/login",
            &[("username", "arvottu"), ("password", generated.as_str())],
        )
        .await;
    assert_eq!(res.headers()["location"], "/account/password");
}

#[tokio::test]
async fn user_disable_revokes_api_tokens() {
    let app = TestApp::spawn().await;
    let c = app.login(otalusta_domain::role::Role::Expert).await;
    let res = app
        .post_form(&c, "/account", "/account/tokens", &[("name", "skripti")])
        .await;
    let token = crate::helpers::shown_secret(&res.text().await.unwrap());
    let (code, out) = otalusta(&app, &["user", "disable", "demo-expert"], "");
    assert_eq!(code, 0, "{out}");
    let (revoked,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM api_tokens WHERE revoked_at IS NOT NULL")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(revoked, 1);
    let res = reqwest::Client::new()
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
}

#[tokio::test]
async fn serve_refuses_a_common_demo_password() {
    let app = TestApp::spawn().await;
    let (code, out) = otalusta(
        &app,
        &[
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--demo",
            "--demo-password",
            "salasana1234",
        ],
        "",
    );
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("demo password refused"), "{out}");
}
