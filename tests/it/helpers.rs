//! `TestApp`: a real server on a free port with a fresh database.

use otalusta::core::config::{Config, Keys};
use otalusta::core::db::Engine;
use otalusta::core::web::AppState;
use otalusta_domain::role::Role;
use reqwest::redirect::Policy;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::sync::oneshot;

pub const PASSWORD: &str = "testi-salasana-123";
/// The test servers' key file content.
pub const TEST_KEY: &str = "test key material, at least thirty-two bytes";

pub struct TestApp {
    pub addr: SocketAddr,
    pub state: AppState,
    pub database_url: String,
    pub data_dir: tempfile::TempDir,
    pg_db: Option<(String, String)>,
    stop: Option<oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
}

pub fn postgres_admin_url() -> Option<String> {
    std::env::var("OTALUSTA_TEST_POSTGRES_URL")
        .ok()
        .filter(|s| !s.is_empty())
}

/// A fresh database URL: a SQLite file in `dir`, or a new PostgreSQL database.
pub async fn fresh_database(dir: &std::path::Path) -> (String, Option<(String, String)>) {
    match postgres_admin_url() {
        Some(admin) => {
            let name = format!(
                "t_{}",
                otalusta::core::web::random_token(9)
                    .to_lowercase()
                    .replace(['-', '_'], "x")
            );
            let db = otalusta::core::db::Db::connect(&admin)
                .await
                .expect("admin connection");
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(db.pool())
                .await
                .expect("create test database");
            db.close().await;
            let (base, _) = admin.rsplit_once('/').expect("URL with a database");
            (format!("{base}/{name}"), Some((admin, name)))
        }
        None => (
            format!("sqlite://{}", dir.join("test.sqlite").display()),
            None,
        ),
    }
}

/// A fresh database for tests that run `otalusta` processes themselves;
/// a PostgreSQL database is dropped with the guard.
pub struct FreshDb {
    pub url: String,
    pub dir: tempfile::TempDir,
    pg_db: Option<(String, String)>,
}

impl FreshDb {
    pub async fn new() -> FreshDb {
        let dir = tempfile::tempdir().expect("temp dir");
        let (url, pg_db) = fresh_database(dir.path()).await;
        FreshDb { url, dir, pg_db }
    }

    pub async fn connect(&self) -> otalusta::core::db::Db {
        otalusta::core::db::Db::connect(&self.url)
            .await
            .expect("test database")
    }
}

impl Drop for FreshDb {
    fn drop(&mut self) {
        if let Some((admin, name)) = self.pg_db.take() {
            drop_database(admin, name);
        }
    }
}

fn drop_database(admin: String, name: String) {
    // Drop cannot be async: do it on a runtime of its own.
    let _ = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            if let Ok(db) = otalusta::core::db::Db::connect(&admin).await {
                let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                    "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                )))
                .execute(db.pool())
                .await;
                db.close().await;
            }
        });
    })
    .join();
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    pub async fn spawn_with(tweak: impl FnOnce(&mut Config)) -> TestApp {
        if std::env::var("TEST_LOG").is_ok() {
            let _ = tracing_subscriber::fmt()
                .with_env_filter("info,sqlx=warn")
                .try_init();
        }
        let data_dir = tempfile::tempdir().expect("temp dir");
        let (database_url, pg_db) = fresh_database(data_dir.path()).await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        // The key file the command line (`audit verify`) reads too.
        std::fs::write(data_dir.path().join("secret.key"), TEST_KEY).unwrap();
        let mut config = Config {
            listen: addr,
            database_url: database_url.clone(),
            data_dir: data_dir.path().to_owned(),
            base_url: format!("http://{addr}"),
            secure_cookies: false,
            trust_proxy: false,
            keys: Keys::derive(TEST_KEY.as_bytes()),
            session_idle: Duration::from_secs(1800),
            session_max: Duration::from_secs(3600),
            smtp_url: None,
            mail_from: "OT-alusta <noreply@ot.example>".into(),
            audit_sink: None,
            audit_retention: Default::default(),
            allow_temporary_hetu: false,
            server: Default::default(),
            db_acquire_timeout: otalusta::core::db::DEFAULT_ACQUIRE_TIMEOUT,
            oidc_config: None,
            local_passwords: Default::default(),
        };
        tweak(&mut config);
        // A test may point the server at a database of its own.
        let database_url = config.database_url.clone();
        let state = otalusta::app::build_state(config).await.expect("state");
        // The named demo data; tests make the experts they search for.
        otalusta::demo::ensure_with(&state.db, PASSWORD, 0)
            .await
            .expect("demo data");
        let (tx, rx) = oneshot::channel::<()>();
        let st = state.clone();
        let server = tokio::spawn(async move {
            otalusta::app::serve(listener, st, async {
                let _ = rx.await;
            })
            .await
            .expect("server runs");
        });
        TestApp {
            addr,
            state,
            database_url,
            data_dir,
            pg_db,
            stop: Some(tx),
            server: Some(server),
        }
    }

    pub fn engine(&self) -> Engine {
        self.state.db.engine()
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// GETs `path` with `c` and reads the answer as JSON.
    pub async fn get_json<T: serde::de::DeserializeOwned>(
        &self,
        c: &reqwest::Client,
        path: &str,
    ) -> T {
        c.get(self.url(path))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// A browser-like client: keeps cookies, does not follow redirects.
    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .build()
            .unwrap()
    }

    /// The CSRF token of the form on `path`, as this client sees it.
    pub async fn csrf(&self, c: &reqwest::Client, path: &str) -> String {
        let body = c
            .get(self.url(path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        extract_csrf(&body).unwrap_or_else(|| panic!("no csrf field on {path}"))
    }

    /// Logs `username` in through the web form; returns the client.
    pub async fn login_as(&self, username: &str) -> reqwest::Client {
        let c = self.client();
        let token = self.csrf(&c, "/login").await;
        let res = c
            .post(self.url("/login"))
            .form(&[
                ("csrf", token.as_str()),
                ("username", username),
                ("password", PASSWORD),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "login of {username} failed");
        c
    }

    pub async fn login(&self, role: Role) -> reqwest::Client {
        self.login_as(&otalusta::demo::username(role)).await
    }

    /// Posts a form with the right CSRF token (taken from `form_page`).
    pub async fn post_form(
        &self,
        c: &reqwest::Client,
        form_page: &str,
        path: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let token = self.csrf(c, form_page).await;
        let mut all: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        c.post(self.url(path)).form(&all).send().await.unwrap()
    }

    pub async fn user_id(&self, username: &str) -> i64 {
        let (id,): (i64,) = sqlx::query_as("SELECT id FROM users WHERE username = $1")
            .bind(username)
            .fetch_one(self.state.db.pool())
            .await
            .unwrap();
        id
    }

    /// Stops the server (graceful) and closes the database.
    pub async fn stop(mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(h) = self.server.take() {
            let _ = h.await;
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some((admin, name)) = self.pg_db.take() {
            if let Some(h) = self.server.take() {
                h.abort();
            }
            drop_database(admin, name);
        }
    }
}

pub fn extract_csrf(html: &str) -> Option<String> {
    let i = html.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    let rest = &html[i..];
    Some(rest[..rest.find('"')?].to_owned())
}

/// Audit entries (action, actor, object_id, outcome) newest first.
pub async fn audit_entries(app: &TestApp, action: &str) -> Vec<(String, String, String)> {
    sqlx::query_as(
        "SELECT actor_name, object_id, outcome FROM audit_log WHERE action = $1 ORDER BY seq DESC",
    )
    .bind(action)
    .fetch_all(app.state.db.pool())
    .await
    .unwrap()
}

/// Creates a consultation group through the coordinator's form: a remote
/// group of Itä-Suomi meeting the first Monday of each month, with
/// `fields` added or replacing these. Returns its id.
#[allow(dead_code)]
pub async fn create_group(app: &TestApp, c: &reqwest::Client, fields: &[(&str, &str)]) -> i64 {
    let defaults = [
        ("name_fi", "Testiryhmä"),
        ("kind", "other"),
        ("area", "ita-suomi"),
        ("mode", "remote"),
        ("video_link", "https://video.example.fi/t"),
        ("capacity", "2"),
        ("recurrence", "nth-weekday"),
        ("nth", "1"),
        ("weekday", "mon"),
        ("start_time", "09:00"),
        ("length_minutes", "60"),
        ("notice_days", "7"),
        ("holiday_policy", "skip"),
        ("deadline_policy", "previous-working-day"),
    ];
    let mut all: Vec<(&str, &str)> = defaults
        .into_iter()
        .filter(|(k, _)| !fields.iter().any(|(f, _)| f == k))
        .collect();
    all.extend_from_slice(fields);
    let res = app.post_form(c, "/groups/new", "/groups", &all).await;
    assert_eq!(res.status(), 303, "group created: {:?}", res.text().await);
    res.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/groups/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// The one number a query answers (`SELECT COUNT(*) …`), with `$1` bound
/// to `id` when given.
#[allow(dead_code)]
pub async fn count(app: &TestApp, sql: &str, id: Option<i64>) -> i64 {
    let mut q = sqlx::query_as::<_, (i64,)>(sqlx::AssertSqlSafe(sql.to_owned()));
    if let Some(id) = id {
        q = q.bind(id);
    }
    q.fetch_one(app.state.db.pool()).await.unwrap().0
}

/// A new account with one role (no area), made as the admin would; returns
/// its id. Its password is the test password.
pub async fn create_account(app: &TestApp, username: &str, display: &str, role: &str) -> i64 {
    use otalusta::auth::admin;
    let input = admin::AccountInput {
        username: username.into(),
        display_name: display.into(),
        roles: vec![role.into()],
        ..Default::default()
    };
    let grants = admin::validate(&input).unwrap();
    let log = |id: otalusta_domain::ids::UserId| otalusta_domain::audit::AuditEvent {
        at: otalusta::core::db::now(),
        actor_id: None,
        actor_name: "test".into(),
        role: "admin".into(),
        action: "user.create".into(),
        object_type: "user".into(),
        object_id: id.to_string(),
        outcome: otalusta_domain::audit::Outcome::Success,
        client_addr: "local".into(),
        purpose: String::new(),
    };
    admin::create_account(&app.state.db, &input, &grants, PASSWORD, false, log)
        .await
        .unwrap()
        .0
}

/// Clients that GET their pages without pause until stopped (every answer
/// must be 200): load beside what a test checks after each write.
pub struct Hammer {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    served: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Hammer {
    /// One task per (client, URL).
    pub fn start(targets: Vec<(reqwest::Client, String)>) -> Hammer {
        use std::sync::atomic::Ordering;
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let served = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let tasks = targets
            .into_iter()
            .map(|(c, url)| {
                let (stop, served) = (stop.clone(), served.clone());
                tokio::spawn(async move {
                    while !stop.load(Ordering::Relaxed) {
                        let res = c.get(&url).send().await.unwrap();
                        assert_eq!(res.status(), 200, "{url}");
                        res.bytes().await.unwrap();
                        served.fetch_add(1, Ordering::Relaxed);
                    }
                })
            })
            .collect();
        Hammer {
            stop,
            served,
            tasks,
        }
    }

    /// Stops them: how many answers they had (each a 200).
    pub async fn stop(self) -> usize {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        for t in self.tasks {
            t.await.expect("every answer was 200");
        }
        self.served.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// The secret shown once on a page (`<code class="secret">`).
pub fn shown_secret(html: &str) -> String {
    html.split("<code class=\"secret\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .expect("a secret on the page")
        .to_owned()
}
