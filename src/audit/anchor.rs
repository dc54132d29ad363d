//! Anchoring the access log outside the database: signed checkpoints of its
//! head in a file of the data directory (and the service log, and an
//! optional sink), the check of its append-only triggers, and the full
//! verification that combines both with the keyed chain.
//!
//! What this stops and what it cannot is the threat model in
//! ARCHITECTURE.md ("The access log").

use super::store;
use crate::core::config::{Config, Keys};
use crate::core::db::{Db, Engine};
use anyhow::{Context, bail};
use otalusta_domain::audit::checkpoint::{self, Checkpoint, FileProblem};
use otalusta_domain::audit::retention::{Removal, RemovalProblem, check_removal};
use otalusta_domain::audit::{ChainBreak, ChainKey};
use std::fmt;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The migration that keyed the log (`0006_security`): a start that applies
/// it may seal the unkeyed entries that were there before.
pub const KEYED_MIGRATION: i64 = 6;

/// How often a node checkpoints the head when the log has grown.
pub const EVERY: Duration = Duration::from_secs(60);

/// Where checkpoints go and the keys that sign and check them.
#[derive(Clone, Debug)]
pub struct Anchor {
    pub file: PathBuf,
    pub sink: Option<PathBuf>,
    chain_key: ChainKey,
    key: ChainKey,
}

/// Why the log cannot be trusted.
#[derive(Debug)]
pub enum Problem {
    /// The entries themselves (content, order, head, checkpoints).
    Chain(ChainBreak),
    /// A checkpoint file is damaged.
    File(PathBuf, FileProblem),
    /// The log has keyed entries but no checkpoint file covers them.
    NoCheckpoints(PathBuf),
    /// The database no longer refuses changes to the log.
    Unprotected(Vec<&'static str>),
    /// The log says entries up to this seq were removed by retention, but
    /// the removal cannot be trusted.
    Removal(i64, RemovalProblem),
    /// The log says entries up to this seq were removed, but entry `.1` is
    /// still there (and would never be checked).
    RemovedStillThere(i64, i64),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Chain(b) => write!(f, "entry {}: {b}", b.seq),
            Problem::File(path, p) => write!(f, "{}: {p}", path.display()),
            Problem::NoCheckpoints(path) => write!(
                f,
                "the log has keyed entries but the checkpoint file {} is missing or empty: \
                 checkpoints were removed",
                path.display()
            ),
            Problem::Removal(seq, p) => write!(
                f,
                "the log says entries 1–{seq} were removed by retention, but {p}: \
                 they were deleted outside the retention job"
            ),
            Problem::RemovedStillThere(seq, entry) => write!(
                f,
                "the log says entries 1–{seq} were removed, but entry {entry} is still there"
            ),
            Problem::Unprotected(missing) => write!(
                f,
                "the database's append-only protection of the log is missing or disabled: {}",
                missing.join(", ")
            ),
        }
    }
}

/// How much of the chain a check walks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Walk {
    /// Every entry there is.
    Whole,
    /// From the latest signed checkpoint on (what changed since it).
    FromLastCheckpoint,
}

/// The result of a full check.
#[derive(Debug)]
pub struct Report {
    pub entries: u64,
    pub checkpoints: usize,
    /// Every problem found (the chain's first break, files, triggers).
    pub problems: Vec<Problem>,
}

impl Report {
    pub fn intact(&self) -> bool {
        self.problems.is_empty()
    }
}

impl Anchor {
    pub fn new(config: &Config) -> Anchor {
        Anchor::from_parts(
            config.checkpoint_file(),
            config.audit_sink.clone(),
            &config.keys,
        )
    }

    pub fn from_parts(file: PathBuf, sink: Option<PathBuf>, keys: &Keys) -> Anchor {
        Anchor {
            file,
            sink,
            chain_key: keys.audit_chain.clone(),
            key: keys.audit_checkpoint.clone(),
        }
    }

    /// The checkpoints of this node's file; `Ok(None)` when it is missing.
    pub fn read(&self) -> Result<Option<Vec<Checkpoint>>, Problem> {
        read_file(&self.key, &self.file, true)
    }

    /// Everything: triggers, checkpoint files, and the whole chain against
    /// them.
    pub async fn verify(&self, db: &Db) -> anyhow::Result<Report> {
        self.verify_as(db, Walk::Whole).await
    }

    /// Triggers, checkpoint files, and the chain from `walk`.
    pub async fn verify_as(&self, db: &Db, walk: Walk) -> anyhow::Result<Report> {
        let mut problems = Vec::new();
        let missing = missing_protection(db).await?;
        if !missing.is_empty() {
            problems.push(Problem::Unprotected(missing));
        }
        let mut pins = Vec::new();
        match self.read() {
            Ok(Some(c)) => pins.extend(c),
            Ok(None) => {}
            Err(p) => problems.push(p),
        }
        let file_checkpoints = pins.len();
        if let Some(sink) = &self.sink {
            match read_file(&self.key, sink, false) {
                Ok(c) => pins.extend(c.unwrap_or_default()),
                Err(p) => problems.push(p),
            }
        }
        let head = store::head(db.pool()).await?;
        if file_checkpoints == 0 && head.seq >= head.keyed_from {
            problems.push(Problem::NoCheckpoints(self.file.clone()));
        }
        let start = match self.removal(db, &head, &pins).await? {
            Ok(start) => start,
            Err(p) => {
                problems.push(p);
                store::Start::Beginning(None)
            }
        };
        let start = match walk {
            Walk::Whole => start,
            // From the file's latest checkpoint: the entries before it were
            // checked when it was taken (and it pins its own entry).
            Walk::FromLastCheckpoint => match pins
                .iter()
                .filter(|c| c.seq > head.removed_through)
                .max_by_key(|c| c.seq)
            {
                Some(c) => store::Start::At(c.seq),
                None => start,
            },
        };
        let entries = match super::walk::verify(db, &self.chain_key, &pins, start).await? {
            Ok(n) => n,
            Err(b) => {
                problems.push(Problem::Chain(b));
                0
            }
        };
        Ok(Report {
            entries,
            checkpoints: pins.len(),
            problems,
        })
    }

    /// Signs the current head and appends it, unless the file's last
    /// checkpoint already has it (`force`: append anyway).
    pub async fn checkpoint(&self, db: &Db, force: bool) -> anyhow::Result<Option<Checkpoint>> {
        let head = store::head(db.pool()).await?;
        let anchor = self.clone();
        let written = tokio::task::spawn_blocking(move || anchor.append(head, force))
            .await
            .context("checkpoint task")??;
        if let Some(c) = &written {
            // The service log is the second copy (often shipped elsewhere).
            tracing::info!(
                target: "otalusta::audit::checkpoint",
                seq = c.seq,
                hash = %c.hash,
                keyed_from = c.keyed_from,
                mac = %c.mac,
                "access-log checkpoint"
            );
        }
        Ok(written)
    }

    /// Where the chain starts: after the entries retention removed, from
    /// the hash its signed record gives, if the record holds (signed, for
    /// this point, the entry old enough, no recent checkpoint pinned a
    /// removed entry) and nothing up to the point is left.
    async fn removal(
        &self,
        db: &Db,
        head: &store::Head,
        pins: &[Checkpoint],
    ) -> anyhow::Result<Result<store::Start, Problem>> {
        let through = head.removed_through;
        if through == 0 {
            return Ok(Ok(store::Start::Beginning(None)));
        }
        let now = jiff::Timestamp::now();
        match check_removal(&self.key, &head.removed_pin, through, pins, now) {
            Err(p) => Ok(Err(Problem::Removal(through, p))),
            Ok(last) => {
                let left: Option<i64> = sqlx::query_scalar("SELECT MIN(seq) FROM audit_log")
                    .fetch_one(db.pool())
                    .await?;
                match left {
                    Some(seq) if seq <= through => {
                        Ok(Err(Problem::RemovedStillThere(through, seq)))
                    }
                    _ => Ok(Ok(store::Start::Beginning(Some(last)))),
                }
            }
        }
    }

    /// The signed record of removing the entries up to `seq` (retention).
    pub fn sign_removal(&self, seq: i64, hash: String, entry_at: String) -> Removal {
        Removal::new(&self.key, crate::core::db::now(), seq, hash, entry_at)
    }

    fn append(&self, head: store::Head, force: bool) -> anyhow::Result<Option<Checkpoint>> {
        if let Some(dir) = self.file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut f = std::fs::OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(&self.file)
            .with_context(|| format!("could not open {}", self.file.display()))?;
        // Nodes sharing the directory take turns, so the file stays one chain.
        f.lock()?;
        drop_torn_tail(&mut f)?;
        let last = last_line(&mut f)?
            .map(|l| serde_json::from_str::<Checkpoint>(&l))
            .transpose()
            .with_context(|| format!("the last line of {} is unreadable", self.file.display()))?;
        if !force
            && let Some(l) = &last
            && l.seq == head.seq
            && l.hash == head.hash
        {
            return Ok(None);
        }
        let prev = last.as_ref().map_or(checkpoint::FIRST, |l| l.mac.as_str());
        let c = Checkpoint::new(
            &self.key,
            crate::core::db::now(),
            head.seq,
            head.hash,
            head.keyed_from,
            prev,
        );
        let line = checkpoint::line(&c) + "\n";
        f.write_all(line.as_bytes())?;
        f.sync_data()?;
        drop(f);
        if let Some(sink) = &self.sink {
            let mut s = std::fs::OpenOptions::new()
                .append(true)
                .create(true)
                .open(sink)
                .with_context(|| format!("could not open the audit sink {}", sink.display()))?;
            s.lock()?;
            s.write_all(line.as_bytes())?;
            s.sync_data()?;
        }
        Ok(Some(c))
    }

    /// At start: refuse to serve a log that is unprotected or does not match
    /// the last checkpoint of the file or of the sink. A log with entries
    /// and no checkpoint file is refused too, except right after the
    /// migration that introduced the key (`just_keyed`): then its entries
    /// (all unkeyed) are checked once and sealed by the first checkpoint.
    pub async fn ensure(&self, db: &Db, just_keyed: bool) -> anyhow::Result<()> {
        let missing = missing_protection(db).await?;
        if !missing.is_empty() {
            bail!(
                "{}. Refusing to start: check the log with `otalusta audit verify`, \
                 then restore the protection with `otalusta audit protect`.",
                Problem::Unprotected(missing)
            );
        }
        // The files before the head: a checkpoint another node writes
        // meanwhile is then never ahead of the head read here.
        let refuse =
            |p: Problem| anyhow::anyhow!("{p}. Refusing to start: see `otalusta audit verify`.");
        let file = self.read().map_err(refuse)?;
        let sink = match &self.sink {
            Some(path) => read_file(&self.key, path, false).map_err(refuse)?,
            None => None,
        };
        let head = store::head(db.pool()).await?;
        let lasts: Vec<Checkpoint> = [&file, &sink]
            .into_iter()
            .filter_map(|c| {
                c.as_ref()
                    .and_then(|c| c.iter().max_by_key(|c| c.seq).cloned())
            })
            // An entry retention removed is checked by `verify`, from its pin.
            .filter(|c| c.seq > head.removed_through)
            .collect();
        if file.as_ref().is_none_or(|c| c.is_empty()) && head.seq > 0 && !just_keyed {
            bail!(
                "{}. Refusing to start: check the log with `otalusta audit verify`; if it is \
                 intact, `otalusta audit checkpoint` starts a new file (which the log records).",
                Problem::NoCheckpoints(self.file.clone())
            );
        }
        if head.removed_through > 0 {
            let pins: Vec<Checkpoint> = [&file, &sink]
                .into_iter()
                .flatten()
                .flatten()
                .cloned()
                .collect();
            if let Err(p) = self.removal(db, &head, &pins).await? {
                bail!("{p}. Refusing to start: see `otalusta audit verify`.");
            }
        }
        if lasts.is_empty()
            && let Err(b) =
                super::walk::verify(db, &self.chain_key, &[], store::Start::Beginning(None)).await?
        {
            bail!("{}. Refusing to start.", Problem::Chain(b));
        }
        for c in lasts {
            let recorded = if c.seq > 0 {
                store::hash_of(db, c.seq).await?
            } else {
                Some(c.hash.clone())
            };
            if c.keyed_from != head.keyed_from
                || c.seq > head.seq
                || recorded.as_deref() != Some(c.hash.as_str())
            {
                bail!(
                    "the access log does not match the signed checkpoint of {} (entry {}): \
                     it was rewritten or truncated. Refusing to start: see `otalusta audit verify`.",
                    c.at,
                    c.seq
                );
            }
        }
        self.checkpoint(db, false).await?;
        Ok(())
    }
}

fn read_file(
    key: &ChainKey,
    path: &Path,
    chained: bool,
) -> Result<Option<Vec<Checkpoint>>, Problem> {
    // Shared lock: a node appending right now finishes its line first.
    let read = || -> std::io::Result<String> {
        let mut f = std::fs::File::open(path)?;
        f.lock_shared()?;
        let mut text = String::new();
        f.read_to_string(&mut text)?;
        Ok(text)
    };
    match read() {
        Ok(text) => checkpoint::read(key, &text, chained)
            .map(Some)
            .map_err(|p| Problem::File(path.to_owned(), p)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(_) => Err(Problem::File(
            path.to_owned(),
            FileProblem::Unreadable { line: 0 },
        )),
    }
}

/// Cuts off a last line a crash left without its newline (never a whole
/// checkpoint: a line is written with its newline in one write).
fn drop_torn_tail(f: &mut std::fs::File) -> std::io::Result<()> {
    let len = f.seek(SeekFrom::End(0))?;
    if len == 0 {
        return Ok(());
    }
    let mut last = [0u8; 1];
    f.seek(SeekFrom::Start(len - 1))?;
    f.read_exact(&mut last)?;
    if last[0] == b'\n' {
        return Ok(());
    }
    let mut from = len;
    let mut keep = 0;
    while from > 0 {
        let step = from.min(4096);
        from -= step;
        f.seek(SeekFrom::Start(from))?;
        let mut chunk = vec![0; step as usize];
        f.read_exact(&mut chunk)?;
        if let Some(i) = chunk.iter().rposition(|b| *b == b'\n') {
            keep = from + i as u64 + 1;
            break;
        }
    }
    tracing::warn!(
        bytes = len - keep,
        "dropping a checkpoint line cut short by a crash"
    );
    f.set_len(keep)?;
    Ok(())
}

/// The last non-empty line of a file, reading only its tail.
fn last_line(f: &mut std::fs::File) -> std::io::Result<Option<String>> {
    let len = f.seek(SeekFrom::End(0))?;
    let mut from = len;
    let mut tail = Vec::new();
    while from > 0 {
        let step = from.min(4096);
        from -= step;
        f.seek(SeekFrom::Start(from))?;
        let mut chunk = vec![0; step as usize];
        f.read_exact(&mut chunk)?;
        chunk.extend_from_slice(&tail);
        tail = chunk;
        let text = String::from_utf8_lossy(&tail);
        let trimmed = text.trim_end();
        if let Some(i) = trimmed.rfind('\n') {
            return Ok(Some(trimmed[i + 1..].to_owned()));
        }
    }
    let text = String::from_utf8_lossy(&tail);
    let trimmed = text.trim();
    Ok((!trimmed.is_empty()).then(|| trimmed.to_owned()))
}

/// SQLite's triggers as the migration and `protect` write them (blanks
/// collapsed): a weakened one (`WHEN 0`, `UPDATE OF seq`) is not these.
const SQLITE_TRIGGERS: [(&str, &str); 2] = [
    (
        "audit_log_no_update",
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log \
         BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    ),
    (
        "audit_log_no_delete",
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log \
         WHEN OLD.seq > (SELECT removed_through FROM audit_head WHERE id = 1) \
           OR OLD.at >= strftime('%Y-%m-%dT%H:%M:%S', 'now', '-12 years') \
         BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    ),
];

/// PostgreSQL's triggers by `pg_trigger.tgtype` (row 1, before 2, delete 8,
/// update 16, truncate 32): before update or delete of each row, and before
/// truncate; enabled, with no condition and no column list.
const PG_TRIGGERS: [(&str, i16); 2] = [
    ("audit_log_no_update", 1 + 2 + 8 + 16),
    ("audit_log_no_truncate", 2 + 32),
];

/// The function both PostgreSQL triggers run: only retention's deletes of
/// entries older than 12 years, up to the recorded point, pass.
const PG_FUNCTION: &str = "BEGIN \
    IF TG_OP = 'DELETE' \
       AND OLD.seq <= (SELECT removed_through FROM audit_head WHERE id = 1) \
       AND OLD.at < to_char((now() AT TIME ZONE 'UTC') - interval '12 years', 'YYYY-MM-DD\"T\"HH24:MI:SS') \
    THEN RETURN OLD; END IF; \
    RAISE EXCEPTION 'audit_log is append-only'; END";

fn collapsed(sql: &str) -> String {
    sql.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(';')
        .trim()
        .to_owned()
}

/// The append-only triggers (and their function) that are missing, off or
/// weakened.
pub async fn missing_protection(db: &Db) -> anyhow::Result<Vec<&'static str>> {
    let mut missing = Vec::new();
    match db.engine() {
        Engine::Sqlite => {
            let rows: Vec<(String, String)> = sqlx::query_as(
                "SELECT name, COALESCE(sql, '') FROM sqlite_master WHERE type = 'trigger'",
            )
            .fetch_all(db.pool())
            .await?;
            for (name, expected) in SQLITE_TRIGGERS {
                let ok = rows
                    .iter()
                    .any(|(n, sql)| n == name && collapsed(sql) == collapsed(expected));
                if !ok {
                    missing.push(name);
                }
            }
        }
        Engine::Postgres => {
            let rows: Vec<(String, i16, String)> = sqlx::query_as(
                "SELECT t.tgname::text, t.tgtype, p.prosrc FROM pg_trigger t \
                 JOIN pg_proc p ON p.oid = t.tgfoid \
                 WHERE t.tgrelid = 'audit_log'::regclass AND NOT t.tgisinternal \
                   AND t.tgenabled IN ('O', 'A') AND t.tgqual IS NULL \
                   AND t.tgattr::text = '' AND p.proname = 'audit_log_append_only'",
            )
            .fetch_all(db.pool())
            .await?;
            for (name, tgtype) in PG_TRIGGERS {
                let ok = rows.iter().any(|(n, t, src)| {
                    n == name && *t == tgtype && collapsed(src) == collapsed(PG_FUNCTION)
                });
                if !ok {
                    missing.push(name);
                }
            }
        }
    }
    Ok(missing)
}

/// Recreates the append-only triggers (the operator's `audit protect`).
pub async fn protect(db: &Db) -> anyhow::Result<()> {
    let pg_function = format!(
        "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger \
         LANGUAGE plpgsql AS $fn$ {PG_FUNCTION} $fn$"
    );
    let statements: &[&str] = match db.engine() {
        Engine::Sqlite => &[
            "DROP TRIGGER IF EXISTS audit_log_no_update",
            "DROP TRIGGER IF EXISTS audit_log_no_delete",
            SQLITE_TRIGGERS[0].1,
            SQLITE_TRIGGERS[1].1,
        ],
        Engine::Postgres => &[
            &pg_function,
            "DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log",
            "DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log",
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log \
             FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
            "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log \
             FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
        ],
    };
    let mut tx = db.begin().await?;
    for s in statements {
        sqlx::query(sqlx::AssertSqlSafe(*s))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A node's checkpoints while it serves: every [`EVERY`] when the log grew.
pub async fn keep_checkpointing(anchor: Anchor, db: Db) {
    let mut tick = tokio::time::interval(EVERY);
    tick.tick().await;
    loop {
        tick.tick().await;
        if let Err(e) = anchor.checkpoint(&db, false).await {
            tracing::error!(error = %e, "access-log checkpoint failed");
        }
    }
}
