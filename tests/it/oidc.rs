//! Single sign-on with OpenID Connect against a real provider: npm's
//! `oidc-provider` (e2e/oidc/provider.mjs, installed by `npm ci` in e2e/),
//! driven like a browser (cookie jar, redirects followed by hand).

use crate::helpers::*;
use otalusta::core::config::LocalPasswords;
use otalusta_domain::role::Role;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use tokio::io::{AsyncBufReadExt, BufReader};

const SECRET: &str = "test client secret";

fn e2e_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("e2e")
}

/// A port free now (the provider is started with it after the platform,
/// whose address its redirect URIs need).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A running test provider; stopped when dropped.
struct Idp {
    child: tokio::process::Child,
    port: u16,
    accounts: PathBuf,
    _dir: tempfile::TempDir,
}

impl Idp {
    fn issuer(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Starts the provider on `port` for the platform at `app`, with
    /// `clients` as (client id, the platform's provider id, mode).
    async fn start(port: u16, app: &str, clients: &[(&str, &str, &str)]) -> Idp {
        let dir = e2e_dir();
        assert!(
            dir.join("node_modules/oidc-provider").is_dir(),
            "the OpenID provider for the tests is missing: run `npm ci` in e2e/ \
             (scripts/test.sh does it through scripts/lib.sh ensure_e2e_packages)"
        );
        let tmp = tempfile::tempdir().unwrap();
        let accounts = tmp.path().join("accounts.json");
        std::fs::write(&accounts, "{}").unwrap();
        let clients: Vec<_> = clients
            .iter()
            .map(|(id, provider, mode)| {
                json!({"client_id": id, "client_secret": SECRET, "provider": provider, "mode": mode})
            })
            .collect();
        let mut child = tokio::process::Command::new("node")
            .arg("oidc/provider.mjs")
            .current_dir(&dir)
            .env("OIDC_PORT", port.to_string())
            .env("OIDC_APP", app)
            .env("OIDC_CLIENTS", serde_json::to_string(&clients).unwrap())
            .env("OIDC_ACCOUNTS", &accounts)
            .stdout(Stdio::piped())
            .stderr(if std::env::var("TEST_LOG").is_ok() {
                Stdio::inherit()
            } else {
                Stdio::null()
            })
            .kill_on_drop(true)
            .spawn()
            .expect("node runs (Debian's nodejs)");
        // Its output is read to the end (a closed pipe would stop it).
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let (ready_tx, ready_rx) = tokio::sync::oneshot::channel();
        tokio::spawn(async move {
            let mut ready_tx = Some(ready_tx);
            while let Ok(Some(line)) = lines.next_line().await {
                if line.starts_with("listening")
                    && let Some(tx) = ready_tx.take()
                {
                    let _ = tx.send(());
                }
            }
        });
        let ready = tokio::time::timeout(std::time::Duration::from_secs(20), ready_rx).await;
        assert!(
            matches!(ready, Ok(Ok(()))),
            "the test provider did not start"
        );
        Idp {
            child,
            port,
            accounts,
            _dir: tmp,
        }
    }

    /// Stops the provider and starts it again on its port: a new signing
    /// key with a new key id, as after a key rotation.
    async fn restart(mut self, app: &str, clients: &[(&str, &str, &str)]) -> Idp {
        let port = self.port;
        self.child.kill().await.expect("the provider stops");
        drop(self);
        Idp::start(port, app, clients).await
    }

    fn set_account(&self, login: &str, claims: serde_json::Value) {
        let mut all: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&self.accounts).unwrap()).unwrap();
        all[login] = claims;
        std::fs::write(&self.accounts, all.to_string()).unwrap();
    }
}

impl Drop for Idp {
    fn drop(&mut self) {
        let _ = self.child.start_kill();
    }
}

/// One provider entry of the platform's configuration file.
fn provider_entry(
    id: &str,
    name: &str,
    issuer: &str,
    client: &str,
    approval: bool,
) -> serde_json::Value {
    json!({
        "id": id,
        "display_name": name,
        "issuer": issuer,
        "client_id": client,
        "client_secret_file": "secret.txt",
        "scopes": ["openid", "profile", "email", "groups"],
        "claims": {"username": "preferred_username", "email": "email", "display_name": "name", "organisation": "org"},
        "default_roles": ["requester"],
        "mappings": [
            {"claim": "groups", "value": "ot-experts", "roles": ["expert"]},
            {"claim": "groups", "value": "ot-secretaries", "roles": ["secretary"]},
            {"claim": "groups", "value": "ot-coordinators", "roles": ["coordinator"], "area": "ita-suomi"},
            {"claim": "groups", "value": "ot-admins", "roles": ["admin"]}
        ],
        "require_approval": approval,
        "algorithms": ["RS256"],
        "clock_skew_secs": 5
    })
}

/// Writes the configuration (and the secret file) into a directory of its own.
fn write_config(providers: Vec<serde_json::Value>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("secret.txt"), format!("{SECRET}\n")).unwrap();
    let path = dir.path().join("oidc.json");
    std::fs::write(&path, json!({ "providers": providers }).to_string()).unwrap();
    (dir, path)
}

/// The platform with `providers` configured (issuers at the given ports).
async fn spawn(
    providers: Vec<serde_json::Value>,
    local: LocalPasswords,
) -> (TestApp, tempfile::TempDir) {
    let (dir, path) = write_config(providers);
    let app = TestApp::spawn_with(|c| {
        c.oidc_config = Some(path);
        c.local_passwords = local;
    })
    .await;
    (app, dir)
}

fn location(res: &reqwest::Response) -> String {
    res.headers()
        .get("location")
        .unwrap_or_else(|| panic!("no Location in {} answer", res.status()))
        .to_str()
        .unwrap()
        .to_owned()
}

fn absolute(base: &str, loc: &str) -> String {
    if loc.starts_with("http") {
        loc.to_owned()
    } else {
        format!("{base}{loc}")
    }
}

fn form_action(html: &str) -> Option<String> {
    let i = html.find("<form")?;
    let rest = &html[i..];
    let a = rest.find("action=\"")? + 8;
    let end = rest[a..].find('"')?;
    Some(
        rest[a..a + end]
            .replace("&#x2F;", "/")
            .replace("&amp;", "&"),
    )
}

fn hidden_prompt(html: &str) -> String {
    html.split("name=\"prompt\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or("login")
        .to_owned()
}

/// Begins a login at `provider` and signs in as `login` at the provider;
/// returns the platform's callback URL (not yet visited).
async fn to_callback(
    app: &TestApp,
    c: &reqwest::Client,
    idp: &Idp,
    provider: &str,
    login: &str,
) -> String {
    let res = c
        .get(app.url(&format!("/login/oidc/{provider}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "start: {}", res.text().await.unwrap());
    let url = location(&res);
    assert!(url.starts_with(&idp.issuer()), "{url}");
    through_provider(app, c, idp, url, login).await
}

/// Follows the provider's pages from `url` (signing in as `login`) until
/// it sends the browser back to the platform; returns that URL.
async fn through_provider(
    app: &TestApp,
    c: &reqwest::Client,
    idp: &Idp,
    mut url: String,
    login: &str,
) -> String {
    let app_base = app.url("");
    for _ in 0..12 {
        if url.starts_with(&app_base) {
            return url;
        }
        let res = c.get(&url).send().await.unwrap();
        if res.status().is_redirection() {
            url = absolute(&idp.issuer(), &location(&res));
            continue;
        }
        let status = res.status();
        let html = res.text().await.unwrap();
        assert_eq!(status, 200, "provider page {url}: {html}");
        let action = form_action(&html).unwrap_or_else(|| panic!("no form on {url}: {html}"));
        let prompt = hidden_prompt(&html);
        let res = c
            .post(absolute(&idp.issuer(), &action))
            .form(&[
                ("prompt", prompt.as_str()),
                ("login", login),
                ("password", "any"),
            ])
            .send()
            .await
            .unwrap();
        assert!(
            res.status().is_redirection(),
            "provider form: {}",
            res.status()
        );
        url = absolute(&idp.issuer(), &location(&res));
    }
    panic!("the provider never sent the browser back: {url}");
}

/// A whole login; returns the platform's answer to the callback.
async fn sso_login(
    app: &TestApp,
    c: &reqwest::Client,
    idp: &Idp,
    provider: &str,
    login: &str,
) -> reqwest::Response {
    let url = to_callback(app, c, idp, provider, login).await;
    c.get(url).send().await.unwrap()
}

async fn log_rows(app: &TestApp, action: &str) -> Vec<(String, String, String)> {
    sqlx::query_as(
        "SELECT actor_name, outcome, purpose FROM audit_log WHERE action = $1 ORDER BY seq",
    )
    .bind(action)
    .fetch_all(app.state.db.pool())
    .await
    .unwrap()
}

async fn roles_of(app: &TestApp, username: &str) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT r.role FROM user_roles r JOIN users u ON u.id = r.user_id \
         WHERE u.username = $1 ORDER BY r.role",
    )
    .bind(username)
    .fetch_all(app.state.db.pool())
    .await
    .unwrap()
}

async fn signed_in(app: &TestApp, c: &reqwest::Client) -> bool {
    c.get(app.url("/account")).send().await.unwrap().status() == 200
}

#[tokio::test]
async fn first_login_maps_roles_and_later_logins_update_them() {
    let port = free_port();
    let issuer = format!("http://127.0.0.1:{port}");
    let (app, _cfg) = spawn(
        vec![provider_entry(
            "kshky",
            "Keski-Suomen hyvinvointialue",
            &issuer,
            "platform",
            false,
        )],
        LocalPasswords::On,
    )
    .await;
    let idp = Idp::start(port, &app.url(""), &[("platform", "kshky", "normal")]).await;
    // The login page offers the provider.
    let page = app
        .client()
        .get(app.url("/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Kirjaudu: Keski-Suomen hyvinvointialue"),
        "{page}"
    );
    assert!(page.contains("href=\"/login/oidc/kshky\""), "{page}");

    idp.set_account(
        "anna",
        json!({"name": "Anna Asiantuntija", "groups": ["ot-experts"], "email": "anna@kshky.fi"}),
    );
    let c = app.client();
    let res = sso_login(&app, &c, &idp, "kshky", "anna").await;
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
    assert_eq!(location(&res), "/");
    assert!(signed_in(&app, &c).await);
    assert_eq!(roles_of(&app, "anna").await, ["expert", "requester"]);
    let (name, email): (String, String) =
        sqlx::query_as("SELECT display_name, email FROM users WHERE username = 'anna'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(
        (name.as_str(), email.as_str()),
        ("Anna Asiantuntija", "anna@kshky.fi")
    );
    let created = log_rows(&app, "user.sso.create").await;
    assert_eq!(created.len(), 1);
    assert!(
        created[0].2.contains("roles expert, requester"),
        "{created:?}"
    );
    let logins = log_rows(&app, "login").await;
    assert!(
        logins.iter().any(|(who, outcome, purpose)| who == "anna"
            && outcome == "success"
            && purpose == "oidc kshky"),
        "{logins:?}"
    );

    // Logout ends the session here and links to the provider's end-session
    // endpoint with the ID token as hint (a link: the logout form's redirect
    // to another origin would be stopped by `form-action 'self'`).
    let res = app.post_form(&c, "/", "/logout", &[]).await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    let to = page
        .split("id=\"provider-logout\" href=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or_else(|| panic!("no link to the provider: {page}"))
        .replace("&amp;", "&")
        .replace("&#x2f;", "/")
        .replace("&#x2F;", "/");
    assert!(to.starts_with(&format!("{issuer}/session/end")), "{to}");
    assert!(to.contains("id_token_hint="), "{to}");
    assert!(to.contains("post_logout_redirect_uri=http"), "{to}");
    // The provider takes it (its own confirmation page).
    let res = c.get(&to).send().await.unwrap();
    assert_eq!(res.status(), 200, "{to}");
    assert!(!signed_in(&app, &c).await);

    // The groups changed at the provider: the next login follows, and says so.
    idp.set_account(
        "anna",
        json!({"name": "Anna Sihteeri", "groups": ["ot-secretaries"], "email": "anna@kshky.fi"}),
    );
    let c = app.client();
    let res = sso_login(&app, &c, &idp, "kshky", "anna").await;
    assert_eq!(res.status(), 303);
    assert_eq!(roles_of(&app, "anna").await, ["requester", "secretary"]);
    let updated = log_rows(&app, "user.sso.update").await;
    assert_eq!(updated.len(), 1, "{updated:?}");
    assert!(
        updated[0]
            .2
            .contains("display_name Anna Asiantuntija -> Anna Sihteeri"),
        "{updated:?}"
    );
    assert!(
        updated[0]
            .2
            .contains("roles expert, requester -> requester, secretary"),
        "{updated:?}"
    );
    // Same person, same account: one link.
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM oidc_links", None).await,
        1
    );
    // The account has no password that could ever match.
    let res = app
        .post_form(
            &app.client(),
            "/login",
            "/login",
            &[("username", "anna"), ("password", "!sso")],
        )
        .await;
    assert_eq!(res.status(), 401);
    // A login with nothing changed logs no update.
    let res = sso_login(&app, &app.client(), &idp, "kshky", "anna").await;
    assert_eq!(res.status(), 303);
    assert_eq!(log_rows(&app, "user.sso.update").await.len(), 1);
}

#[tokio::test]
async fn an_account_waits_for_approval() {
    let port = free_port();
    let issuer = format!("http://127.0.0.1:{port}");
    let (app, _cfg) = spawn(
        vec![provider_entry(
            "kshky",
            "Keski-Suomen hyvinvointialue",
            &issuer,
            "platform",
            true,
        )],
        LocalPasswords::On,
    )
    .await;
    let idp = Idp::start(port, &app.url(""), &[("platform", "kshky", "normal")]).await;
    let c = app.client();
    let res = sso_login(&app, &c, &idp, "kshky", "ville").await;
    assert_eq!(res.status(), 403);
    let page = res.text().await.unwrap();
    assert!(page.contains("odottaa hyväksyntää"), "{page}");
    assert!(!signed_in(&app, &c).await);
    let refused = log_rows(&app, "login.oidc").await;
    assert_eq!(refused.last().unwrap().1, "denied");
    assert_eq!(refused.last().unwrap().2, "pending-approval");
    // Again: still waiting, no second account.
    let res = sso_login(&app, &app.client(), &idp, "kshky", "ville").await;
    assert_eq!(res.status(), 403);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM users WHERE username LIKE 'ville%'",
            None
        )
        .await,
        1
    );
    // The administrator approves (enables) the account on the admin pages.
    let id = app.user_id("ville").await;
    let admin = app.login(Role::Admin).await;
    let users = admin
        .get(app.url("/admin/users"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(users.contains("ville"), "{users}");
    assert!(users.contains("odottaa hyväksyntää"), "{users}");
    let shown = admin
        .get(app.url(&format!("/admin/users/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        shown.contains("Keski-Suomen hyvinvointialue (odottaa hyväksyntää)"),
        "{shown}"
    );
    let res = app
        .post_form(
            &admin,
            &format!("/admin/users/{id}"),
            &format!("/admin/users/{id}/enable"),
            &[],
        )
        .await;
    assert_eq!(res.status(), 303);
    let c = app.client();
    let res = sso_login(&app, &c, &idp, "kshky", "ville").await;
    assert_eq!(res.status(), 303);
    assert!(signed_in(&app, &c).await);
    // Disabled later by the administrator: refused as disabled, not "waiting".
    let res = app
        .post_form(
            &admin,
            &format!("/admin/users/{id}"),
            &format!("/admin/users/{id}/disable"),
            &[],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = sso_login(&app, &app.client(), &idp, "kshky", "ville").await;
    assert_eq!(res.status(), 403);
    assert_eq!(
        log_rows(&app, "login.oidc").await.last().unwrap().2,
        "account-disabled"
    );
}

#[tokio::test]
async fn bad_id_tokens_are_refused_with_a_page_and_a_log_entry() {
    let port = free_port();
    let issuer = format!("http://127.0.0.1:{port}");
    let (app, _cfg) = spawn(
        vec![
            provider_entry("aud", "Väärä yleisö", &issuer, "c-aud", false),
            provider_entry("old", "Vanhentunut", &issuer, "c-old", false),
            provider_entry("tamper", "Muokattu", &issuer, "c-tamper", false),
        ],
        LocalPasswords::On,
    )
    .await;
    let idp = Idp::start(
        port,
        &app.url(""),
        &[
            ("c-aud", "aud", "wrong-aud"),
            ("c-old", "old", "expired"),
            ("c-tamper", "tamper", "tampered"),
        ],
    )
    .await;
    for (provider, name, reason) in [
        ("aud", "Väärä yleisö", "audience"),
        ("old", "Vanhentunut", "expired"),
        ("tamper", "Muokattu", "signature"),
    ] {
        let c = app.client();
        let res = sso_login(&app, &c, &idp, provider, "eve").await;
        assert_eq!(res.status(), 403, "{provider}");
        let page = res.text().await.unwrap();
        assert!(
            page.contains("Kirjautuminen ei onnistunut"),
            "{provider}: {page}"
        );
        assert!(page.contains(name), "{provider}: {page}");
        assert!(!signed_in(&app, &c).await, "{provider}");
        let last = log_rows(&app, "login.oidc").await.pop().unwrap();
        assert_eq!(
            (last.1.as_str(), last.2.as_str()),
            ("denied", reason),
            "{provider}"
        );
    }
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM oidc_links", None).await,
        0
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM users WHERE username LIKE 'eve%'",
            None
        )
        .await,
        0
    );
}

/// A provider rotates its signing key (here: restarted with a new key and
/// key id) while the platform holds its old keys: the first login signed
/// with the new key reads the keys again and succeeds rather than failing
/// once; a token whose signature is wrong is still refused after the keys
/// were read again.
#[tokio::test]
async fn a_rotated_signing_key_is_read_at_the_first_login_it_signs() {
    let port = free_port();
    let issuer = format!("http://127.0.0.1:{port}");
    let (app, _cfg) = spawn(
        vec![
            provider_entry("county", "Hyvinvointialue", &issuer, "c-county", false),
            provider_entry("tamper", "Muokattu", &issuer, "c-tamper", false),
        ],
        LocalPasswords::On,
    )
    .await;
    let clients = [
        ("c-county", "county", "normal"),
        ("c-tamper", "tamper", "tampered"),
    ];
    let idp = Idp::start(port, &app.url(""), &clients).await;
    let c = app.client();
    sso_login(&app, &c, &idp, "county", "alice").await;
    assert!(signed_in(&app, &c).await, "before the rotation");

    let idp = idp.restart(&app.url(""), &clients).await;
    // Two people at once: whichever fails its check first reads the keys,
    // the other takes what it read.
    let (c1, c2) = (app.client(), app.client());
    let (r1, r2) = tokio::join!(
        sso_login(&app, &c1, &idp, "county", "bob"),
        sso_login(&app, &c2, &idp, "county", "carol")
    );
    for (res, c) in [(r1, &c1), (r2, &c2)] {
        assert_eq!(res.status(), 303, "{:?}", res.text().await);
        assert!(signed_in(&app, c).await, "a first login after the rotation");
    }
    let rows = log_rows(&app, "login.oidc").await;
    assert!(
        rows.iter().all(|r| r.1 == "success"),
        "no login failed: {rows:?}"
    );
    // A tampered token: the keys are current, the signature still wrong.
    let c = app.client();
    let res = sso_login(&app, &c, &idp, "tamper", "eve").await;
    assert_eq!(res.status(), 403);
    assert!(!signed_in(&app, &c).await);
    let last = log_rows(&app, "login.oidc").await.pop().unwrap();
    assert_eq!((last.1.as_str(), last.2.as_str()), ("denied", "signature"));
}

#[tokio::test]
async fn a_state_works_once_and_only_in_its_browser() {
    let port = free_port();
    let issuer = format!("http://127.0.0.1:{port}");
    let (app, _cfg) = spawn(
        vec![provider_entry(
            "kshky",
            "Keski-Suomen hyvinvointialue",
            &issuer,
            "platform",
            false,
        )],
        LocalPasswords::On,
    )
    .await;
    let idp = Idp::start(port, &app.url(""), &[("platform", "kshky", "normal")]).await;
    let c = app.client();
    let callback = to_callback(&app, &c, &idp, "kshky", "anna").await;
    // Another browser with the callback URL (no cookie): refused, and the
    // state is spent.
    let res = app.client().get(&callback).send().await.unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(
        log_rows(&app, "login.oidc").await.pop().unwrap().2,
        "state-browser"
    );
    let res = c.get(&callback).send().await.unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(
        log_rows(&app, "login.oidc").await.pop().unwrap().2,
        "state-unknown"
    );

    // A successful callback replayed: refused.
    let c = app.client();
    let callback = to_callback(&app, &c, &idp, "kshky", "anna").await;
    let res = c.get(&callback).send().await.unwrap();
    assert_eq!(res.status(), 303);
    let res = c.get(&callback).send().await.unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(
        log_rows(&app, "login.oidc").await.pop().unwrap().2,
        "state-unknown"
    );
    // The person cancels at the provider: its error comes back, logged.
    let c = app.client();
    let res = c.get(app.url("/login/oidc/kshky")).send().await.unwrap();
    let auth = location(&res);
    let state = auth
        .split(['?', '&'])
        .find_map(|kv| kv.strip_prefix("state="))
        .unwrap()
        .to_owned();
    let res = c
        .get(app.url(&format!(
            "/login/oidc/kshky/callback?state={state}&error=access_denied%3Cscript%3E"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(
        log_rows(&app, "login.oidc").await.pop().unwrap().2,
        "provider-error: access_deniedscript"
    );
    // Without a state at all.
    let res = c
        .get(app.url("/login/oidc/kshky/callback?code=x"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    // An unknown provider.
    let res = c.get(app.url("/login/oidc/nobody")).send().await.unwrap();
    assert_eq!(res.status(), 404);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM oidc_pending", None).await,
        0
    );
}

#[tokio::test]
async fn a_provider_that_is_down_gets_a_clear_page_and_passwords_still_work() {
    let port = free_port();
    let (app, _cfg) = spawn(
        vec![provider_entry(
            "down",
            "Alhaalla oleva palvelu",
            &format!("http://127.0.0.1:{port}"),
            "platform",
            false,
        )],
        LocalPasswords::On,
    )
    .await;
    let c = app.client();
    let res = c.get(app.url("/login/oidc/down")).send().await.unwrap();
    assert_eq!(res.status(), 502);
    let page = res.text().await.unwrap();
    assert!(page.contains("Alhaalla oleva palvelu"), "{page}");
    assert!(page.contains("ei juuri nyt saada yhteyttä"), "{page}");
    let last = log_rows(&app, "login.oidc").await.pop().unwrap();
    assert_eq!(
        (last.1.as_str(), last.2.as_str()),
        ("failure", "provider-unavailable")
    );
    // In English too.
    let res = c
        .get(app.url("/login/oidc/down?lang=en"))
        .send()
        .await
        .unwrap();
    assert!(res.text().await.unwrap().contains("cannot be reached"));
    let c = app.login(Role::Requester).await;
    assert!(signed_in(&app, &c).await);
}

#[tokio::test]
async fn two_providers_at_once_keep_their_people_apart() {
    let (p1, p2) = (free_port(), free_port());
    let (app, _cfg) = spawn(
        vec![
            provider_entry(
                "one",
                "Ensimmäinen",
                &format!("http://127.0.0.1:{p1}"),
                "platform-1",
                false,
            ),
            provider_entry(
                "two",
                "Toinen",
                &format!("http://127.0.0.1:{p2}"),
                "platform-2",
                false,
            ),
        ],
        LocalPasswords::On,
    )
    .await;
    let idp1 = Idp::start(p1, &app.url(""), &[("platform-1", "one", "normal")]).await;
    let idp2 = Idp::start(p2, &app.url(""), &[("platform-2", "two", "normal")]).await;
    idp2.set_account("sam", json!({"groups": ["ot-experts"]}));
    let page = app
        .client()
        .get(app.url("/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Kirjaudu: Ensimmäinen") && page.contains("Kirjaudu: Toinen"));
    let c1 = app.client();
    assert_eq!(
        sso_login(&app, &c1, &idp1, "one", "sam").await.status(),
        303
    );
    let c2 = app.client();
    assert_eq!(
        sso_login(&app, &c2, &idp2, "two", "sam").await.status(),
        303
    );
    // The same login name at two providers is two people: two accounts.
    assert_eq!(roles_of(&app, "sam").await, ["requester"]);
    assert_eq!(roles_of(&app, "sam.two").await, ["expert", "requester"]);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM oidc_links", None).await,
        2
    );
    // A state begun at one provider does not finish at the other.
    let c = app.client();
    let callback = to_callback(&app, &c, &idp1, "one", "sam").await;
    let res = c
        .get(callback.replace("/oidc/one/", "/oidc/two/"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(
        log_rows(&app, "login.oidc").await.pop().unwrap().2,
        "state-provider"
    );
}

#[tokio::test]
async fn local_passwords_can_be_switched_off() {
    let port = free_port();
    let issuer = format!("http://127.0.0.1:{port}");
    let (app, _cfg) = spawn(
        vec![provider_entry(
            "kshky",
            "Keski-Suomen hyvinvointialue",
            &issuer,
            "platform",
            false,
        )],
        LocalPasswords::Off,
    )
    .await;
    let idp = Idp::start(port, &app.url(""), &[("platform", "kshky", "normal")]).await;
    let page = app
        .client()
        .get(app.url("/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!page.contains("name=\"password\""), "{page}");
    assert!(page.contains("Kirjaudu: Keski-Suomen hyvinvointialue"));
    let admin = otalusta::demo::username(Role::Admin);
    // The page has no form to post; the API's login goes the same way.
    let c = app.client();
    let res = c
        .post(app.url("/api/v1/session"))
        .json(&json!({"username": admin, "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let last = log_rows(&app, "login").await.pop().unwrap();
    assert_eq!(
        (last.1.as_str(), last.2.as_str()),
        ("denied", "local passwords off")
    );
    assert!(!signed_in(&app, &c).await);
    // Single sign-on works.
    assert_eq!(
        sso_login(&app, &c, &idp, "kshky", "anna").await.status(),
        303
    );
    assert!(signed_in(&app, &c).await);
}

#[tokio::test]
async fn break_glass_keeps_passwords_for_administrators_only() {
    let (app, _cfg) = spawn(
        vec![provider_entry(
            "kshky",
            "Keski-Suomen hyvinvointialue",
            &format!("http://127.0.0.1:{}", free_port()),
            "platform",
            false,
        )],
        LocalPasswords::Admins,
    )
    .await;
    let requester = otalusta::demo::username(Role::Requester);
    let c = app.client();
    let wrong = app
        .post_form(
            &c,
            "/login",
            "/login",
            &[("username", &requester), ("password", "not-the-password")],
        )
        .await
        .status();
    let res = app
        .post_form(
            &c,
            "/login",
            "/login",
            &[("username", &requester), ("password", PASSWORD)],
        )
        .await;
    // The right password is answered as a wrong one: no oracle.
    assert_eq!(res.status(), wrong);
    assert_ne!(res.status(), 303);
    let last = log_rows(&app, "login").await.pop().unwrap();
    assert_eq!(last.2, "local passwords for administrators only");
    let c = app.login(Role::Admin).await;
    assert!(signed_in(&app, &c).await);
}

/// An access token from the provider for `client` (code flow with PKCE
/// done by the test itself, as a script's own OAuth client would).
async fn access_token(
    app: &TestApp,
    idp: &Idp,
    client: &str,
    provider: &str,
    login: &str,
) -> String {
    use base64::Engine;
    use sha2::Digest;
    let c = app.client();
    let verifier = otalusta::core::web::random_token(48);
    let challenge = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(sha2::Sha256::digest(verifier.as_bytes()));
    let redirect = app.url(&format!("/login/oidc/{provider}/callback"));
    let enc = otalusta::core::web::urlencode;
    let start = format!(
        "{}/auth?response_type=code&client_id={client}&redirect_uri={}&scope=openid%20profile\
         &state=state-of-the-script&nonce=nonce-of-the-script&code_challenge={challenge}\
         &code_challenge_method=S256",
        idp.issuer(),
        enc(&redirect)
    );
    let back = through_provider(app, &c, idp, start, login).await;
    let code = back
        .split(['?', '&'])
        .find_map(|kv| kv.strip_prefix("code="))
        .unwrap_or_else(|| panic!("no code in {back}"))
        .to_owned();
    let res = reqwest::Client::new()
        .post(format!("{}/token", idp.issuer()))
        .basic_auth(client, Some(SECRET))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", code.as_str()),
            ("redirect_uri", redirect.as_str()),
            ("code_verifier", verifier.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    body["access_token"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_providers_access_token_reads_the_api_for_a_linked_account() {
    let port = free_port();
    let issuer = format!("http://127.0.0.1:{port}");
    let mut entry = provider_entry(
        "kshky",
        "Keski-Suomen hyvinvointialue",
        &issuer,
        "platform",
        false,
    );
    entry["accept_access_tokens"] = json!(true);
    let (app, _cfg) = spawn(vec![entry], LocalPasswords::On).await;
    let idp = Idp::start(
        port,
        &app.url(""),
        &[
            ("platform", "kshky", "normal"),
            ("script", "kshky", "normal"),
        ],
    )
    .await;
    // anna signs in once (the link); bob never did.
    assert_eq!(
        sso_login(&app, &app.client(), &idp, "kshky", "anna")
            .await
            .status(),
        303
    );
    let token = access_token(&app, &idp, "script", "kshky", "anna").await;
    let api = reqwest::Client::new();
    let res = api
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let me: serde_json::Value = res.json().await.unwrap();
    assert_eq!(me["username"], "anna", "{me}");
    // Read only.
    let res = api
        .delete(app.url("/api/v1/session"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    // Not on the pages.
    let res = app
        .client()
        .get(app.url("/account"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    // A person without an account here, and a token the provider never gave.
    let bob = access_token(&app, &idp, "script", "kshky", "bob").await;
    for t in [bob.as_str(), "not-a-token-of-anyone"] {
        let res = api
            .get(app.url("/api/v1/me"))
            .bearer_auth(t)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 401, "{t}");
    }
}

/// Without `accept_access_tokens` a provider never sees a Bearer token, and
/// its access tokens open nothing.
#[tokio::test]
async fn access_tokens_open_nothing_unless_the_provider_opted_in() {
    let port = free_port();
    let issuer = format!("http://127.0.0.1:{port}");
    let (app, _cfg) = spawn(
        vec![provider_entry(
            "kshky",
            "Keski-Suomen hyvinvointialue",
            &issuer,
            "platform",
            false,
        )],
        LocalPasswords::On,
    )
    .await;
    let idp = Idp::start(
        port,
        &app.url(""),
        &[
            ("platform", "kshky", "normal"),
            ("script", "kshky", "normal"),
        ],
    )
    .await;
    assert_eq!(
        sso_login(&app, &app.client(), &idp, "kshky", "anna")
            .await
            .status(),
        303
    );
    let token = access_token(&app, &idp, "script", "kshky", "anna").await;
    let res = reqwest::Client::new()
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
}

#[tokio::test]
async fn one_persons_first_logins_at_once_make_one_account() {
    let port = free_port();
    let (app, _cfg) = spawn(
        vec![provider_entry(
            "kshky",
            "Keski-Suomen hyvinvointialue",
            &format!("http://127.0.0.1:{port}"),
            "platform",
            false,
        )],
        LocalPasswords::On,
    )
    .await;
    let idp = Idp::start(port, &app.url(""), &[("platform", "kshky", "normal")]).await;
    idp.set_account("olli", json!({"groups": ["ot-experts"]}));
    // Four browsers (or tabs on four nodes) back from the provider at once.
    let mut tabs = Vec::new();
    for _ in 0..4 {
        let c = app.client();
        let callback = to_callback(&app, &c, &idp, "kshky", "olli").await;
        tabs.push((c, callback));
    }
    let answers =
        futures_util::future::join_all(tabs.iter().map(|(c, url)| c.get(url.as_str()).send()))
            .await;
    for res in answers {
        let res = res.unwrap();
        assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
    }
    for (c, _) in &tabs {
        assert!(signed_in(&app, c).await);
    }
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM oidc_links", None).await,
        1
    );
    assert_eq!(roles_of(&app, "olli").await, ["expert", "requester"]);
    assert_eq!(log_rows(&app, "user.sso.create").await.len(), 1);
}
