//! Run-time configuration: flags and `OTALUSTA_*` environment variables
//! (parsed by clap in `cli`), resolved into one value kept in the app state.

use anyhow::Context;
use hmac::{Hmac, KeyInit, Mac};
use otalusta_domain::audit::ChainKey;
use sha2::Sha256;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The access log's checkpoints, in the data directory.
pub const CHECKPOINT_FILE: &str = "audit-checkpoints.jsonl";

#[derive(Clone, Debug)]
pub struct Config {
    pub listen: SocketAddr,
    pub database_url: String,
    pub data_dir: PathBuf,
    /// The public address, e.g. `https://ot.example.fi`; links in e-mails use it.
    pub base_url: String,
    /// Cookies get `Secure` (and the `__Host-` prefix) when served over https.
    pub secure_cookies: bool,
    /// Take the client address from `X-Forwarded-For`, its rightmost entry
    /// (behind one reverse proxy that appends to it, only).
    pub trust_proxy: bool,
    pub keys: Keys,
    /// A session ends after this long without requests …
    pub session_idle: Duration,
    /// … and after this long in any case.
    pub session_max: Duration,
    /// Where e-mail notifications go, e.g. `smtp://mail.example.fi:587`
    /// (`smtps://` for TLS); `None`: e-mail is off, notifications wait.
    pub smtp_url: Option<String>,
    /// The sender of notifications.
    pub mail_from: String,
    /// A second place every access-log checkpoint is appended to (e.g. a
    /// file on append-only or remote storage), besides the data directory.
    pub audit_sink: Option<PathBuf>,
    /// How long the access log is kept (12 years, never less).
    pub audit_retention: otalusta_domain::audit::retention::Retention,
    /// Client identity codes may be temporary ones (individual number
    /// 900–999); off by default.
    pub allow_temporary_hetu: bool,
    /// Time-outs and the connection cap of the HTTP server (`core::server`).
    pub server: ServerLimits,
    /// How long a query waits for a pooled database connection
    /// (`db::DEFAULT_ACQUIRE_TIMEOUT`, 3 s): see `core::health`.
    pub db_acquire_timeout: Duration,
    /// The single sign-on providers' file (`--oidc-config`); none: no
    /// single sign-on.
    pub oidc_config: Option<PathBuf>,
    /// Who may log in with a local password (`--local-passwords`).
    pub local_passwords: LocalPasswords,
}

/// Whether local passwords work (`--local-passwords on|off|admins`): with
/// single sign-on a deployment may turn them off, or keep them for
/// administrators only (the break-glass way in when the providers fail).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum LocalPasswords {
    #[default]
    On,
    Off,
    Admins,
}

impl LocalPasswords {
    /// Whether the password form is shown at all.
    pub fn any(self) -> bool {
        self != LocalPasswords::Off
    }
}

/// What one client may cost the HTTP server, and how long a stop may take
/// (`serve` flags; README, "Operations").
#[derive(Clone, Debug)]
pub struct ServerLimits {
    /// A request head must arrive whole within this; the same bound closes
    /// a keep-alive connection that waits idle for its next request.
    pub header_timeout: Duration,
    /// Handling a request, reading its body included, takes at most this
    /// (then 503 `request-timeout`) …
    pub request_timeout: Duration,
    /// … and on the upload routes (large files over slow links) and an
    /// import's confirmation this.
    pub upload_timeout: Duration,
    /// Open client connections at most; at the cap the connection idle the
    /// longest is closed for a new one.
    pub max_connections: usize,
    /// Connections one client address (an IPv6 /64) may hold at most;
    /// `None`: no share (behind a reverse proxy every connection is its).
    pub max_connections_per_peer: Option<usize>,
    /// On SIGTERM/ctrl-c requests in flight get this long to finish.
    pub shutdown_grace: Duration,
}

impl Default for ServerLimits {
    fn default() -> Self {
        ServerLimits {
            header_timeout: Duration::from_secs(15),
            request_timeout: Duration::from_secs(30),
            upload_timeout: Duration::from_secs(120),
            max_connections: 768,
            max_connections_per_peer: Some(96),
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

impl Config {
    pub fn session_cookie(&self) -> &'static str {
        if self.secure_cookies {
            "__Host-otalusta_session"
        } else {
            "otalusta_session"
        }
    }

    pub fn csrf_cookie(&self) -> &'static str {
        if self.secure_cookies {
            "__Host-otalusta_csrf"
        } else {
            "otalusta_csrf"
        }
    }

    /// Where this node writes the signed checkpoints of the access log.
    pub fn checkpoint_file(&self) -> PathBuf {
        self.data_dir.join(CHECKPOINT_FILE)
    }

    /// Default database: a SQLite file in the data directory.
    pub fn default_database_url(data_dir: &Path) -> String {
        format!("sqlite://{}", data_dir.join("otalusta.sqlite").display())
    }
}

/// Keys derived from the secret key file; never printed.
#[derive(Clone)]
pub struct Keys {
    /// Signs CSRF tokens.
    pub csrf: [u8; 32],
    /// Encrypts identifying fields at rest (kept outside the database).
    pub data: [u8; 32],
    /// Keys the access log's hash chain.
    pub audit_chain: ChainKey,
    /// Signs the access log's checkpoints.
    pub audit_checkpoint: ChainKey,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(<redacted>)")
    }
}

impl Keys {
    pub fn derive(master: &[u8]) -> Keys {
        let sub = |label: &str| -> [u8; 32] {
            let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(master)
                .expect("HMAC takes keys of any length");
            mac.update(label.as_bytes());
            mac.finalize().into_bytes().into()
        };
        Keys {
            csrf: sub("otalusta csrf v1"),
            data: sub("otalusta data v1"),
            audit_chain: ChainKey(sub("otalusta audit chain v1")),
            audit_checkpoint: ChainKey(sub("otalusta audit checkpoint v1")),
        }
    }

    /// Reads an existing secret key file (commands that only check things
    /// must not invent a key).
    pub fn load(path: &Path) -> anyhow::Result<Keys> {
        anyhow::ensure!(
            path.exists(),
            "the secret key file {} does not exist",
            path.display()
        );
        Self::load_or_create(path)
    }

    /// Reads the secret key file, creating one (mode 0600) when it is missing.
    pub fn load_or_create(path: &Path) -> anyhow::Result<Keys> {
        if !path.exists() {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("could not create {}", dir.display()))?;
            }
            let mut key = [0u8; 32];
            rand::fill(&mut key);
            write_private(path, hex::encode(key).as_bytes())
                .with_context(|| format!("could not write the secret key {}", path.display()))?;
            tracing::info!(path = %path.display(), "created a new secret key file");
        }
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("could not read the secret key {}", path.display()))?;
        let text = text.trim();
        anyhow::ensure!(
            text.len() >= 32,
            "the secret key in {} is too short: it needs at least 32 characters",
            path.display()
        );
        Ok(Keys::derive(text.as_bytes()))
    }
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}
