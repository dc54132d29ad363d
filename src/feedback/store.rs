//! Feedback's tables: survey versions and answers, feedback links, the
//! unlinkable feedback answers, and the counters of guessed links.
//!
//! Every write takes the caller's transaction; reads that decide a write
//! read through it too.

use crate::core::db::{self, Db, Tx};
use otalusta_domain::feedback::{Audience, Guesses, default_survey};
use otalusta_domain::ids::{RequestId, UserId};
use otalusta_domain::questionnaire::{Answers, Questionnaire};
use sha2::Digest;

/// One stored survey version.
#[derive(Debug, Clone)]
pub struct SurveyVersion {
    pub id: i64,
    pub version: i64,
    pub survey: Questionnaire,
}

/// Stores survey version 1 once (never over a later one).
pub async fn seed(db: &Db) -> anyhow::Result<()> {
    let mut tx = db.begin().await?;
    sqlx::query(
        "INSERT INTO survey_versions (version, definition, created_at) VALUES (1, $1, $2) \
         ON CONFLICT (version) DO NOTHING",
    )
    .bind(serde_json::to_string(&default_survey())?)
    .bind(db::now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The current survey: the highest version.
pub async fn current_survey(db: &Db) -> anyhow::Result<SurveyVersion> {
    let (id, version, definition): (i64, i64, String) = sqlx::query_as(
        "SELECT id, version, definition FROM survey_versions ORDER BY version DESC LIMIT 1",
    )
    .fetch_one(db.pool())
    .await?;
    Ok(SurveyVersion {
        id,
        version,
        survey: serde_json::from_str(&definition)?,
    })
}

/// Stores the survey's answers of `request`, once: `false` when the
/// request has answers already (they are kept as they are).
pub async fn answer_survey(
    tx: &mut Tx,
    request: RequestId,
    version_id: i64,
    answers: &Answers,
) -> anyhow::Result<bool> {
    let n = sqlx::query(
        "INSERT INTO survey_answers (request_id, survey_version_id, answers, answered_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (request_id) DO NOTHING",
    )
    .bind(request.0)
    .bind(version_id)
    .bind(serde_json::to_string(answers)?)
    .bind(db::now())
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Whether `request`'s survey has been answered.
pub async fn survey_answered(db: &Db, request: RequestId) -> sqlx::Result<bool> {
    let n: Option<(i64,)> = sqlx::query_as("SELECT 1 FROM survey_answers WHERE request_id = $1")
        .bind(request.0)
        .fetch_optional(db.pool())
        .await?;
    Ok(n.is_some())
}

/// The stored form of a link's secret: only this is kept.
pub fn token_hash(token: &str) -> String {
    hex::encode(sha2::Sha256::digest(token.as_bytes()))
}

/// A feedback link as stored (never its secret).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Link {
    pub id: i64,
    pub request_id: i64,
    pub audience: String,
    pub lang: String,
    pub created_at: String,
    pub expires_at: String,
    pub used: i64,
}

impl Link {
    pub fn audience(&self) -> Audience {
        self.audience.parse().unwrap_or(Audience::Parent)
    }

    pub fn state(&self, now: jiff::Timestamp) -> otalusta_domain::feedback::LinkState {
        let expires = db::parse_timestamp(&self.expires_at).unwrap_or(now);
        otalusta_domain::feedback::link_state(self.used == 1, expires, now)
    }
}

const LINK_COLS: &str = "id, request_id, audience, lang, created_at, expires_at, used";

/// The links of a request, newest first.
pub async fn links_of(db: &Db, request: RequestId) -> sqlx::Result<Vec<Link>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {LINK_COLS} FROM feedback_links WHERE request_id = $1 ORDER BY id DESC"
    )))
    .bind(request.0)
    .fetch_all(db.pool())
    .await
}

/// How many links `request` has, counted in the transaction.
pub async fn count_links(tx: &mut Tx, request: RequestId) -> sqlx::Result<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM feedback_links WHERE request_id = $1")
        .bind(request.0)
        .fetch_one(&mut **tx)
        .await?;
    Ok(n)
}

/// What a new link is.
pub struct NewLink<'a> {
    pub request: RequestId,
    pub audience: Audience,
    pub lang: &'a str,
    pub token_hash: &'a str,
    pub created_by: UserId,
    pub expires_at: jiff::Timestamp,
}

pub async fn create_link(tx: &mut Tx, l: &NewLink<'_>) -> sqlx::Result<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO feedback_links (request_id, audience, lang, token_hash, created_by, \
         created_at, expires_at, used) VALUES ($1, $2, $3, $4, $5, $6, $7, 0) RETURNING id",
    )
    .bind(l.request.0)
    .bind(l.audience.key())
    .bind(l.lang)
    .bind(l.token_hash)
    .bind(l.created_by.0)
    .bind(db::now())
    .bind(db::timestamp(l.expires_at))
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

/// Removes an unused link of `request`: `false` when there is no such
/// link or it has been answered (an answered link stays, as "used").
pub async fn revoke_link(tx: &mut Tx, request: RequestId, link: i64) -> sqlx::Result<bool> {
    let n =
        sqlx::query("DELETE FROM feedback_links WHERE id = $1 AND request_id = $2 AND used = 0")
            .bind(link)
            .bind(request.0)
            .execute(&mut **tx)
            .await?
            .rows_affected();
    Ok(n == 1)
}

/// Whether `request` has link `link` (read through the transaction).
pub async fn link_exists(tx: &mut Tx, request: RequestId, link: i64) -> sqlx::Result<bool> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM feedback_links WHERE id = $1 AND request_id = $2")
            .bind(link)
            .bind(request.0)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(row.is_some())
}

/// The link whose secret hashes to `hash`, read through `tx`.
pub async fn link_by_hash(tx: &mut Tx, hash: &str) -> sqlx::Result<Option<Link>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {LINK_COLS} FROM feedback_links WHERE token_hash = $1"
    )))
    .bind(hash)
    .fetch_optional(&mut **tx)
    .await
}

/// The same, outside a write (showing the form).
pub async fn find_link(db: &Db, hash: &str) -> sqlx::Result<Option<Link>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {LINK_COLS} FROM feedback_links WHERE token_hash = $1"
    )))
    .bind(hash)
    .fetch_optional(db.pool())
    .await
}

/// Marks link `id` used if it is still open at `now`: the one guard that
/// makes a link work once, however many answers race for it (PostgreSQL
/// makes the second wait for the first's commit and then finds nothing to
/// update; SQLite has one writer at a time).
pub async fn claim_link(tx: &mut Tx, id: i64, now: jiff::Timestamp) -> sqlx::Result<bool> {
    let n = sqlx::query(
        "UPDATE feedback_links SET used = 1 WHERE id = $1 AND used = 0 AND expires_at > $2",
    )
    .bind(id)
    .bind(db::timestamp(now))
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// What an answer keeps: nothing about the link it came through or who
/// gave it; a random id, so not even the order of answers shows.
pub struct NewAnswer<'a> {
    pub request_id: i64,
    pub audience: Audience,
    pub form_version: i64,
    pub month: &'a str,
    pub answers: &'a Answers,
}

pub async fn insert_answer(tx: &mut Tx, a: &NewAnswer<'_>) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO feedback_answers (id, request_id, audience, form_version, month, answers) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(crate::core::web::random_token(18))
    .bind(a.request_id)
    .bind(a.audience.key())
    .bind(a.form_version)
    .bind(a.month)
    .bind(serde_json::to_string(a.answers)?)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

// --- guessed links ----------------------------------------------------------------
//
// An address's unknown links are counted in `login_throttle`, under the key
// `feedback:<address>` (`failures` the count, `window_start` its window):
// the table every node shares and the janitor already empties of ended
// windows, beside the login counters' `name:` and `addr:` keys.

fn guess_key(addr: &str) -> String {
    format!("feedback:{addr}")
}

/// The address's count of unknown links.
pub async fn guesses(db: &Db, addr: &str) -> sqlx::Result<Guesses> {
    let row: Option<(i64, String)> =
        sqlx::query_as("SELECT failures, window_start FROM login_throttle WHERE key = $1")
            .bind(guess_key(addr))
            .fetch_optional(db.pool())
            .await?;
    Ok(row
        .map(|(count, start)| Guesses {
            count,
            window_start: db::parse_timestamp(&start),
        })
        .unwrap_or_default())
}

/// Counts one unknown link from `addr`, in one statement (simultaneous
/// guesses on any node all count): a window that has ended starts anew.
pub async fn count_guess(db: &Db, addr: &str, now: jiff::Timestamp) -> sqlx::Result<()> {
    let window_over = db::timestamp(now - otalusta_domain::feedback::GUESS_WINDOW);
    let now = db::timestamp(now);
    let mut tx = db.begin().await?;
    sqlx::query(
        "INSERT INTO login_throttle (key, failures, pending, window_start, last_at) \
         VALUES ($1, 1, 0, $2, $2) ON CONFLICT (key) DO UPDATE SET \
         failures = CASE WHEN login_throttle.window_start <= $3 THEN 1 \
                         ELSE login_throttle.failures + 1 END, \
         window_start = CASE WHEN login_throttle.window_start <= $3 THEN $2 \
                             ELSE login_throttle.window_start END, \
         last_at = $2",
    )
    .bind(guess_key(addr))
    .bind(&now)
    .bind(&window_over)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}
