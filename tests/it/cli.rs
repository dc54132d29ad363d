//! The `otalusta` command line against a real database.

use crate::helpers::*;
use std::io::Write;
use std::process::{Command, Stdio};

fn otalusta(app: &TestApp, args: &[&str], stdin: &str) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_otalusta"))
        .args(args)
        .args(["--database", &app.database_url])
        .args(["--data-dir", app.data_dir.path().to_str().unwrap()])
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
    let run = |args: &[&str], stdin: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_otalusta"))
            .args(args)
            .args(["--database", &db.url, "--data-dir", &dir])
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
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        (out.status.code().unwrap_or(-1), text)
    };
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
