//! The `otalusta` command line: flags and `OTALUSTA_*` environment variables.

use crate::auth::{admin, store};
use crate::core::config::{Config, Keys, ServerLimits};
use crate::core::db::Db;
use clap::{Parser, Subcommand};
use std::io::BufRead;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Parser, Debug)]
#[command(
    name = "otalusta",
    version,
    about = "The electronic platform of the OT centres"
)]
pub struct Cli {
    /// Database URL: sqlite://FILE or postgres://USER@HOST/DB (default: a SQLite file in the data directory).
    #[arg(long = "database", env = "OTALUSTA_DATABASE_URL", global = true)]
    pub database: Option<String>,
    /// Directory for the SQLite file and the secret key.
    #[arg(long, env = "OTALUSTA_DATA_DIR", default_value = "data", global = true)]
    pub data_dir: PathBuf,
    /// Secret key file (created when missing); default DATA_DIR/secret.key.
    #[arg(long, env = "OTALUSTA_SECRET_KEY_FILE", global = true)]
    pub secret_key_file: Option<PathBuf>,
    /// A second file every access-log checkpoint is appended to (e.g. on
    /// append-only or remote storage); checked by `audit verify` too.
    #[arg(long, env = "OTALUSTA_AUDIT_SINK", global = true)]
    pub audit_sink: Option<PathBuf>,
    /// Years the access log is kept (at least 12, 703/2023 and Kanta); a
    /// node removes older entries once a day, `audit retention` at once.
    #[arg(
        long,
        env = "OTALUSTA_AUDIT_RETENTION_YEARS",
        default_value_t = otalusta_domain::audit::retention::MIN_YEARS,
        global = true
    )]
    pub audit_retention_years: u16,
    /// Log format: text or json.
    #[arg(
        long,
        env = "OTALUSTA_LOG_FORMAT",
        default_value = "text",
        global = true
    )]
    pub log_format: String,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the web service.
    Serve(ServeArgs),
    /// Apply database migrations and exit.
    Migrate,
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// The access log.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// The running nodes' search indexes.
    #[command(subcommand)]
    Index(IndexCommand),
}

#[derive(Subcommand, Debug)]
pub enum IndexCommand {
    /// Every running node compares its search index with the database and
    /// repairs what differs; exit 0 when all were equal, 3 when differences
    /// were found (and repaired), 1 when a node failed or did not answer.
    Check(IndexArgs),
    /// Every running node builds its search index again from the database;
    /// exit 0 when all did, 1 when a node failed or did not answer.
    Rebuild(IndexArgs),
}

#[derive(clap::Args, Debug)]
pub struct IndexArgs {
    /// How long to wait for the nodes' answers, in seconds.
    #[arg(long, default_value_t = 120)]
    pub timeout: u64,
}

#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "OTALUSTA_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Public base URL, e.g. https://ot.example.fi (https turns on Secure cookies).
    #[arg(long, env = "OTALUSTA_BASE_URL")]
    pub base_url: Option<String>,
    /// Create the demo accounts and data (and reset the demo password).
    #[arg(long, env = "OTALUSTA_DEMO")]
    pub demo: bool,
    /// Password for the demo accounts (default: generated and printed).
    #[arg(long, env = "OTALUSTA_DEMO_PASSWORD", hide_env_values = true)]
    pub demo_password: Option<String>,
    /// Trust X-Forwarded-For (only behind a reverse proxy).
    #[arg(long, env = "OTALUSTA_TRUST_PROXY")]
    pub trust_proxy: bool,
    /// SMTP server for e-mail notifications, e.g. smtp://mail.example.fi:587 (smtps:// for TLS; user:password@ in the URL if needed).
    #[arg(long, env = "OTALUSTA_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// Sender address of notifications.
    #[arg(
        long,
        env = "OTALUSTA_MAIL_FROM",
        default_value = "OT-alusta <noreply@localhost>"
    )]
    pub mail_from: String,
    /// Accept temporary personal identity codes (individual number 900–999) in client data.
    #[arg(long, env = "OTALUSTA_ALLOW_TEMPORARY_HETU")]
    pub allow_temporary_hetu: bool,
    /// Minutes of inactivity after which a session ends.
    #[arg(long, env = "OTALUSTA_SESSION_IDLE_MINUTES", default_value_t = 30)]
    pub session_idle_minutes: u64,
    /// Seconds a client has to send a whole request head; also how long a
    /// keep-alive connection may wait idle for its next request.
    #[arg(long, env = "OTALUSTA_HEADER_TIMEOUT_SECS", default_value_t = 15)]
    pub header_timeout_secs: u64,
    /// Seconds a request may take, reading its body included (then 503).
    #[arg(long, env = "OTALUSTA_REQUEST_TIMEOUT_SECS", default_value_t = 30)]
    pub request_timeout_secs: u64,
    /// Seconds an upload (attachment, spreadsheet import) may take.
    #[arg(long, env = "OTALUSTA_UPLOAD_TIMEOUT_SECS", default_value_t = 120)]
    pub upload_timeout_secs: u64,
    /// Open client connections at most (default: the open-file limit, raised
    /// to its hard limit at start, less 256 kept for the database and files;
    /// at most 10 000).
    #[arg(long, env = "OTALUSTA_MAX_CONNECTIONS")]
    pub max_connections: Option<usize>,
    /// Connections one client address may hold (default: an eighth of
    /// --max-connections; none with --trust-proxy; 0: no share).
    #[arg(long, env = "OTALUSTA_MAX_CONNECTIONS_PER_PEER")]
    pub max_connections_per_peer: Option<usize>,
    /// Seconds requests in flight get to finish on SIGTERM or ctrl-c.
    #[arg(long, env = "OTALUSTA_SHUTDOWN_GRACE_SECS", default_value_t = 10)]
    pub shutdown_grace_secs: u64,
    /// Seconds a request waits for a database connection before it is answered 503; while the database is down, later requests are answered at once.
    #[arg(long, env = "OTALUSTA_DB_ACQUIRE_TIMEOUT_SECS", default_value_t = 3)]
    pub db_acquire_timeout_secs: u64,
    /// Single sign-on: the OpenID Connect providers' JSON file (README, "Single sign-on").
    #[arg(long, env = "OTALUSTA_OIDC_CONFIG")]
    pub oidc_config: Option<std::path::PathBuf>,
    /// Local password login: on, off (single sign-on only) or admins (administrators only: the break-glass way in).
    #[arg(long, env = "OTALUSTA_LOCAL_PASSWORDS", value_enum, default_value_t = crate::core::config::LocalPasswords::On)]
    pub local_passwords: crate::core::config::LocalPasswords,
}

impl ServeArgs {
    /// The server's limits; `open_files` is the open-file limit in force.
    pub fn server_limits(&self, open_files: Option<u64>) -> ServerLimits {
        use crate::core::server::{default_max_connections, default_per_peer};
        let secs = |s: u64| Duration::from_secs(s.max(1));
        let max_connections = self
            .max_connections
            .unwrap_or_else(|| default_max_connections(open_files))
            .max(1);
        // Behind a reverse proxy every connection comes from the proxy.
        let per_peer = match self.max_connections_per_peer {
            Some(0) => None,
            Some(n) => Some(n),
            None if self.trust_proxy => None,
            None => Some(default_per_peer(max_connections)),
        };
        ServerLimits {
            header_timeout: secs(self.header_timeout_secs),
            request_timeout: secs(self.request_timeout_secs),
            upload_timeout: secs(self.upload_timeout_secs),
            max_connections,
            max_connections_per_peer: per_peer,
            shutdown_grace: Duration::from_secs(self.shutdown_grace_secs),
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Create an account; the password is read from stdin with --password-stdin, else generated and printed.
    Add {
        username: String,
        /// Role(s): requester, expert, secretary, coordinator, researcher, auditor, admin.
        #[arg(long = "role", required = true)]
        roles: Vec<String>,
        /// Cooperation area code (required for a coordinator), e.g. ita-suomi.
        #[arg(long, default_value = "")]
        area: String,
        #[arg(long)]
        display_name: Option<String>,
        #[arg(long, default_value = "")]
        email: String,
        #[arg(long)]
        password_stdin: bool,
        /// The person must change the password at their first login (for a
        /// password you hand over; always so for a generated one).
        #[arg(long)]
        temporary_password: bool,
    },
    /// List accounts.
    List,
    /// Disable an account, end its sessions and revoke its API tokens.
    Disable { username: String },
}

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Check the keyed chain, the signed checkpoints and the append-only
    /// protection; exit 0 when intact, 1 naming every problem.
    Verify {
        /// Walk the chain from the latest signed checkpoint only (what was
        /// written since; the checkpoint pins everything before it).
        #[arg(long)]
        from_last_checkpoint: bool,
    },
    /// Remove the entries older than the retention now (what a serving
    /// node does once a day), after signing the last of them; the log
    /// records the removal. Refused when the log does not verify.
    Retention,
    /// Sign the current head into the checkpoint file now (starting a new
    /// file when it is missing, which the log records); refused when the
    /// log does not verify.
    Checkpoint,
    /// Recreate the database's append-only protection of the log (after it
    /// was found missing); the log records it.
    Protect,
}

impl Cli {
    fn database_url(&self) -> String {
        self.database
            .clone()
            .unwrap_or_else(|| Config::default_database_url(&self.data_dir))
    }

    fn secret_key_path(&self) -> PathBuf {
        self.secret_key_file
            .clone()
            .unwrap_or_else(|| self.data_dir.join("secret.key"))
    }

    fn retention(&self) -> anyhow::Result<otalusta_domain::audit::retention::Retention> {
        Ok(otalusta_domain::audit::retention::Retention::years(
            self.audit_retention_years,
        )?)
    }

    fn ensure_data_dir(&self) -> anyhow::Result<()> {
        if self.database.is_none() {
            std::fs::create_dir_all(&self.data_dir)?;
        }
        Ok(())
    }
}

pub fn init_logging(format: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}

pub async fn run(cli: Cli) -> ExitCode {
    match run_inner(cli).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("otalusta: {e:#}");
            ExitCode::from(2)
        }
    }
}

async fn run_inner(cli: Cli) -> anyhow::Result<ExitCode> {
    cli.ensure_data_dir()?;
    match &cli.command {
        Command::Serve(args) => serve(&cli, args).await,
        Command::Migrate => {
            let db = Db::connect(&cli.database_url()).await?;
            db.migrate().await?;
            crate::regions::store::sync_reference_data(&db).await?;
            println!("migrations applied");
            Ok(ExitCode::SUCCESS)
        }
        Command::User(cmd) => user(&cli, cmd).await,
        Command::Audit(cmd) => audit(&cli, cmd).await,
        Command::Index(cmd) => {
            let db = Db::connect(&cli.database_url()).await?;
            let (kind, args) = match cmd {
                IndexCommand::Check(a) => ("check", a),
                IndexCommand::Rebuild(a) => ("rebuild", a),
            };
            let code =
                crate::experts::reconcile::ask_nodes(&db, kind, Duration::from_secs(args.timeout))
                    .await?;
            db.close().await;
            Ok(ExitCode::from(code))
        }
    }
}

async fn audit(cli: &Cli, cmd: &AuditCommand) -> anyhow::Result<ExitCode> {
    use crate::audit::anchor::Anchor;
    let keys = Keys::load(&cli.secret_key_path())?;
    let db = Db::connect(&cli.database_url())
        .await?
        .with_audit_key(keys.audit_chain.clone());
    let anchor = Anchor::from_parts(
        cli.data_dir.join(crate::core::config::CHECKPOINT_FILE),
        cli.audit_sink.clone(),
        &keys,
    );
    let walk = match cmd {
        AuditCommand::Verify {
            from_last_checkpoint: true,
        } => crate::audit::anchor::Walk::FromLastCheckpoint,
        _ => crate::audit::anchor::Walk::Whole,
    };
    let report = anchor.verify_as(&db, walk).await?;
    let print = |report: &crate::audit::anchor::Report| {
        for p in &report.problems {
            println!("access log BROKEN: {p}");
        }
    };
    match cmd {
        AuditCommand::Verify { .. } => {
            if report.intact() {
                let head = crate::audit::store::head(db.pool()).await?;
                let removed = match head.removed_through {
                    0 => String::new(),
                    n => format!("; entries 1–{n} removed by retention, pinned"),
                };
                let walked = match walk {
                    crate::audit::anchor::Walk::Whole => "",
                    crate::audit::anchor::Walk::FromLastCheckpoint => {
                        " checked from the latest checkpoint"
                    }
                };
                println!(
                    "access log intact: {} entries{walked}, {} signed checkpoints{removed}",
                    report.entries, report.checkpoints
                );
                Ok(ExitCode::SUCCESS)
            } else {
                print(&report);
                Ok(ExitCode::from(1))
            }
        }
        AuditCommand::Checkpoint => {
            let fresh = report
                .problems
                .iter()
                .all(|p| matches!(p, crate::audit::anchor::Problem::NoCheckpoints(_)));
            if !fresh {
                print(&report);
                println!("no checkpoint written: the log does not verify");
                return Ok(ExitCode::from(1));
            }
            if !report.intact() {
                let mut tx = db.begin().await?;
                let mut e = cli_event("audit.checkpoints.start", otalusta_domain::ids::UserId(0));
                e.object_type = "audit".into();
                e.object_id = anchor.file.display().to_string();
                crate::audit::store::append(&mut tx, e).await?;
                tx.commit().await?;
            }
            match anchor.checkpoint(&db, true).await? {
                Some(c) => println!(
                    "checkpoint written: entry {} ({})",
                    c.seq,
                    anchor.file.display()
                ),
                None => println!("checkpoint already current"),
            }
            Ok(ExitCode::SUCCESS)
        }
        AuditCommand::Retention => {
            if !report.intact() {
                print(&report);
                println!("nothing removed: the log does not verify");
                return Ok(ExitCode::from(1));
            }
            let retention = cli.retention()?;
            let event = cli_event("audit.retention", otalusta_domain::ids::UserId(0));
            match crate::audit::retention::run(
                &db,
                &anchor,
                retention,
                jiff::Timestamp::now(),
                event,
            )
            .await?
            {
                Some(r) => println!(
                    "removed {} entries written before {} (the log now starts after entry {})",
                    r.entries, r.cutoff, r.through
                ),
                None => println!(
                    "nothing to remove: no entry is older than {} years",
                    retention.get()
                ),
            }
            Ok(ExitCode::SUCCESS)
        }
        AuditCommand::Protect => {
            crate::audit::anchor::protect(&db).await?;
            let mut tx = db.begin().await?;
            let mut e = cli_event("audit.protect", otalusta_domain::ids::UserId(0));
            e.object_type = "audit".into();
            e.object_id = "triggers".into();
            crate::audit::store::append(&mut tx, e).await?;
            tx.commit().await?;
            print(&report);
            println!("append-only protection restored");
            Ok(ExitCode::SUCCESS)
        }
    }
}

async fn serve(cli: &Cli, args: &ServeArgs) -> anyhow::Result<ExitCode> {
    let base_url = args
        .base_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", args.listen));
    let config = Config {
        listen: args.listen,
        database_url: cli.database_url(),
        data_dir: cli.data_dir.clone(),
        secure_cookies: base_url.starts_with("https://"),
        base_url: base_url.trim_end_matches('/').to_owned(),
        trust_proxy: args.trust_proxy,
        keys: Keys::load_or_create(&cli.secret_key_path())?,
        session_idle: Duration::from_secs(args.session_idle_minutes.max(1) * 60),
        session_max: Duration::from_secs(12 * 3600),
        smtp_url: args.smtp_url.clone().filter(|u| !u.trim().is_empty()),
        mail_from: args.mail_from.clone(),
        audit_sink: cli.audit_sink.clone(),
        audit_retention: cli.retention()?,
        allow_temporary_hetu: args.allow_temporary_hetu,
        server: args.server_limits(crate::core::server::raise_open_file_limit()),
        db_acquire_timeout: Duration::from_secs(args.db_acquire_timeout_secs.max(1)),
        oidc_config: args.oidc_config.clone(),
        local_passwords: args.local_passwords,
    };
    // A demo password given on the command line is chosen by a person: the
    // password rule holds for it as for any other.
    let demo_password = if args.demo {
        match crate::demo::password_or_generate(args.demo_password.as_deref()) {
            Ok(p) => Some(p),
            Err(p) => {
                eprintln!("demo password refused: {p}");
                return Ok(ExitCode::from(2));
            }
        }
    } else {
        None
    };
    let state = crate::app::build_state(config).await?;
    if let Some(password) = demo_password {
        let names = crate::demo::ensure(&state.db, &password).await?;
        println!("Demo accounts (password: {password}):");
        for n in names {
            println!("  {n}");
        }
    }
    let engine = state.db.engine();
    let limits = state.config.server.clone();
    // The port is bound once the node can answer (see `app::prepare`).
    let node = crate::app::prepare(state).await?;
    let listener = tokio::net::TcpListener::bind(args.listen).await?;
    let addr = listener.local_addr()?;
    println!("otalusta is serving at http://{addr}/ ({engine:?})");
    tracing::info!(
        max_connections = limits.max_connections,
        per_peer = ?limits.max_connections_per_peer,
        header_timeout_secs = limits.header_timeout.as_secs(),
        request_timeout_secs = limits.request_timeout.as_secs(),
        upload_timeout_secs = limits.upload_timeout.as_secs(),
        shutdown_grace_secs = limits.shutdown_grace.as_secs(),
        "connection limits"
    );
    node.serve(listener, shutdown_signal()).await?;
    println!("otalusta stopped");
    Ok(ExitCode::SUCCESS)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight (up to --shutdown-grace-secs)");
}

async fn user(cli: &Cli, cmd: &UserCommand) -> anyhow::Result<ExitCode> {
    let keys = Keys::load_or_create(&cli.secret_key_path())?;
    let db = Db::connect(&cli.database_url())
        .await?
        .with_audit_key(keys.audit_chain.clone());
    let was_keyed = db
        .has_migration(crate::audit::anchor::KEYED_MIGRATION)
        .await;
    db.migrate().await?;
    crate::regions::store::sync_reference_data(&db).await?;
    // The command line writes to the access log as the service does: only
    // to a log that checks out, and it leaves a checkpoint behind.
    let anchor = crate::audit::anchor::Anchor::from_parts(
        cli.data_dir.join(crate::core::config::CHECKPOINT_FILE),
        cli.audit_sink.clone(),
        &keys,
    );
    anchor.ensure(&db, !was_keyed).await?;
    let code = user_command(&db, cmd).await?;
    anchor.checkpoint(&db, false).await?;
    Ok(code)
}

async fn user_command(db: &Db, cmd: &UserCommand) -> anyhow::Result<ExitCode> {
    let db = db.clone();
    match cmd {
        UserCommand::Add {
            username,
            roles,
            area,
            display_name,
            email,
            password_stdin,
            temporary_password,
        } => {
            let input = admin::AccountInput {
                username: username.clone(),
                display_name: display_name.clone().unwrap_or_else(|| username.clone()),
                email: email.clone(),
                title: String::new(),
                roles: roles.clone(),
                area: area.clone(),
                organisation: String::new(),
                county: String::new(),
            };
            let grants = match admin::validate(&input) {
                Ok(g) => g,
                Err(errors) => {
                    print_field_errors(&errors);
                    return Ok(ExitCode::from(2));
                }
            };
            let (pw, generated) = if *password_stdin {
                let mut line = String::new();
                std::io::stdin().lock().read_line(&mut line)?;
                (line.trim_end_matches(['\r', '\n']).to_owned(), false)
            } else {
                (admin::generate_password(), true)
            };
            if let Err(p) = otalusta_domain::password::check_new(username, &pw) {
                eprintln!("password refused: {p}");
                return Ok(ExitCode::from(2));
            }
            let log = |id: otalusta_domain::ids::UserId| cli_event("user.create", id);
            // A generated password is printed to whoever runs the command:
            // issued, not chosen, so it is changed at the first login.
            let must_change = *temporary_password || generated;
            match admin::create_account(&db, &input, &grants, &pw, must_change, log).await {
                Ok(id) => {
                    println!(
                        "created user {} (id {id})",
                        store::normalize_username(username)
                    );
                    if generated {
                        println!("password: {pw} (to be changed at the first login)");
                    }
                    Ok(ExitCode::SUCCESS)
                }
                Err(crate::core::error::AppError::Invalid(errors)) => {
                    print_field_errors(&errors);
                    Ok(ExitCode::from(2))
                }
                Err(e) => Err(anyhow::anyhow!("{e}")),
            }
        }
        UserCommand::List => {
            for u in store::list_users(&db).await? {
                let grants =
                    store::grants_of(db.pool(), otalusta_domain::ids::UserId(u.id)).await?;
                let roles: Vec<String> = grants
                    .iter()
                    .map(|g| match &g.area {
                        Some(a) => format!("{}@{a}", g.role),
                        None => g.role.to_string(),
                    })
                    .collect();
                println!(
                    "{}\t{}\t{}\t{}",
                    u.username,
                    u.display_name,
                    roles.join(","),
                    if u.disabled != 0 {
                        "disabled"
                    } else {
                        "active"
                    }
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        UserCommand::Disable { username } => {
            let Some((u, _)) = store::find_user_by_name(&db, username).await? else {
                eprintln!("no such user: {username}");
                return Ok(ExitCode::from(2));
            };
            let mut tx = db.begin().await?;
            store::set_disabled(&mut tx, otalusta_domain::ids::UserId(u.id), true).await?;
            let event = cli_event("user.disable", otalusta_domain::ids::UserId(u.id));
            crate::audit::store::append(&mut tx, event).await?;
            tx.commit().await?;
            // A running service may trust the account's sessions a moment
            // longer: answer only when that moment is over.
            crate::auth::lease::settle_elsewhere().await;
            println!("disabled {}", u.username);
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// An access-log entry for an account change made from the command line
/// (by whoever runs the service's account on the server).
fn cli_event(
    action: &str,
    user: otalusta_domain::ids::UserId,
) -> otalusta_domain::audit::AuditEvent {
    otalusta_domain::audit::AuditEvent {
        at: crate::core::db::now(),
        actor_id: None,
        actor_name: "cli".into(),
        role: "admin".into(),
        action: action.into(),
        object_type: "user".into(),
        object_id: user.to_string(),
        outcome: otalusta_domain::audit::Outcome::Success,
        client_addr: "local".into(),
        purpose: String::new(),
    }
}

/// Field errors in English, with their codes for scripts.
fn print_field_errors(errors: &crate::core::error::FieldErrors) {
    let i18n = crate::core::i18n::I18n::load();
    for e in &errors.0 {
        let msg = i18n.t(crate::core::i18n::Lang::En, &e.code, &[]);
        eprintln!("{}: {msg} ({})", e.field, e.code);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(args: &[&str]) -> ServerLimits {
        let cli = Cli::try_parse_from([&["otalusta", "serve"], args].concat()).unwrap();
        let Command::Serve(serve) = cli.command else {
            unreachable!()
        };
        serve.server_limits(Some(1024))
    }

    #[test]
    fn a_proxy_in_front_has_no_per_address_share_unless_given_one() {
        let direct = limits(&[]);
        assert_eq!(direct.max_connections, 768);
        assert_eq!(direct.max_connections_per_peer, Some(96));
        assert_eq!(direct.header_timeout, Duration::from_secs(15));
        assert_eq!(direct.shutdown_grace, Duration::from_secs(10));
        assert_eq!(limits(&["--trust-proxy"]).max_connections_per_peer, None);
        let given = limits(&["--trust-proxy", "--max-connections-per-peer", "50"]);
        assert_eq!(given.max_connections_per_peer, Some(50));
        let none = limits(&[
            "--max-connections",
            "100",
            "--max-connections-per-peer",
            "0",
        ]);
        assert_eq!(
            (none.max_connections, none.max_connections_per_peer),
            (100, None)
        );
    }
}
