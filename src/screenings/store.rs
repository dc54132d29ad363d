//! Screenings' tables: instrument versions, screenings, their team and
//! each participant's answers.

use crate::core::db::{self, Db, Tx};
use otalusta_domain::ids::UserId;
use otalusta_domain::screening::evaluate::{Evaluation, Given, View};
use otalusta_domain::screening::instrument::{Instrument, default_instrument};
use sqlx::FromRow;

/// `area_code` of the platform's default version.
pub const PLATFORM: &str = "";

/// One stored version of an instrument.
#[derive(Debug, Clone)]
pub struct Version {
    pub id: i64,
    pub area_code: String,
    pub version: i64,
    pub instrument: Instrument,
    pub created_at: String,
    pub created_by: Option<String>,
}

#[derive(FromRow)]
struct VersionRow {
    id: i64,
    area_code: String,
    version: i64,
    definition: String,
    created_at: String,
    created_by: Option<String>,
}

impl VersionRow {
    fn parse(self) -> anyhow::Result<Version> {
        Ok(Version {
            id: self.id,
            area_code: self.area_code,
            version: self.version,
            instrument: serde_json::from_str(&self.definition)?,
            created_at: self.created_at,
            created_by: self.created_by,
        })
    }
}

const VERSION_COLS: &str = "i.id, i.area_code, i.version, i.definition, i.created_at, \
    u.display_name AS created_by FROM screening_instruments i LEFT JOIN users u ON u.id = i.created_by";

/// Stores the platform's default version once (never over an edit).
pub async fn seed(db: &Db) -> anyhow::Result<()> {
    let mut tx = db.begin().await?;
    sqlx::query(
        "INSERT INTO screening_instruments (area_code, version, definition, created_at) \
         VALUES ($1, 1, $2, $3) ON CONFLICT (area_code, version) DO NOTHING",
    )
    .bind(PLATFORM)
    .bind(serde_json::to_string(&default_instrument())?)
    .bind(db::now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The version a new screening in `area` is filled with: the area's own
/// latest, else the platform's latest.
pub async fn current(db: &Db, area: Option<&str>) -> anyhow::Result<Version> {
    let sql = format!(
        "SELECT {VERSION_COLS} WHERE i.area_code IN ($1, $2) \
         ORDER BY CASE WHEN i.area_code = $1 THEN 0 ELSE 1 END, i.version DESC LIMIT 1"
    );
    let row: VersionRow = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(area.unwrap_or(PLATFORM))
        .bind(PLATFORM)
        .fetch_one(db.pool())
        .await?;
    row.parse()
}

/// The latest version of exactly `area_code` (no fallback), if any.
pub async fn latest_of(db: &Db, area_code: &str) -> anyhow::Result<Option<Version>> {
    let sql =
        format!("SELECT {VERSION_COLS} WHERE i.area_code = $1 ORDER BY i.version DESC LIMIT 1");
    sqlx::query_as::<_, VersionRow>(sqlx::AssertSqlSafe(sql))
        .bind(area_code)
        .fetch_optional(db.pool())
        .await?
        .map(VersionRow::parse)
        .transpose()
}

pub async fn version(db: &Db, id: i64) -> anyhow::Result<Version> {
    let sql = format!("SELECT {VERSION_COLS} WHERE i.id = $1");
    sqlx::query_as::<_, VersionRow>(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_one(db.pool())
        .await?
        .parse()
}

/// Every version of `area_code`, newest first.
pub async fn history(db: &Db, area_code: &str) -> anyhow::Result<Vec<Version>> {
    let sql = format!("SELECT {VERSION_COLS} WHERE i.area_code = $1 ORDER BY i.version DESC");
    sqlx::query_as::<_, VersionRow>(sqlx::AssertSqlSafe(sql))
        .bind(area_code)
        .fetch_all(db.pool())
        .await?
        .into_iter()
        .map(VersionRow::parse)
        .collect()
}

/// Saves an edit as the next version of `area_code`. Two editors saving at
/// once: the second gets a conflict (the unique version) instead of
/// silently replacing the first's.
pub async fn save_version(
    tx: &mut Tx,
    area_code: &str,
    expected: i64,
    i: &Instrument,
    by: UserId,
) -> anyhow::Result<Option<i64>> {
    let (latest,): (Option<i64>,) =
        sqlx::query_as("SELECT MAX(version) FROM screening_instruments WHERE area_code = $1")
            .bind(area_code)
            .fetch_one(&mut **tx)
            .await?;
    if latest.unwrap_or(0) != expected {
        return Ok(None);
    }
    let row: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO screening_instruments (area_code, version, definition, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (area_code, version) DO NOTHING RETURNING id",
    )
    .bind(area_code)
    .bind(expected + 1)
    .bind(serde_json::to_string(i)?)
    .bind(by.0)
    .bind(db::now())
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row.map(|r| r.0))
}

#[derive(Debug, Clone, FromRow)]
pub struct Screening {
    pub id: i64,
    pub instrument_id: i64,
    pub owner_id: i64,
    pub owner_name: String,
    pub area_code: Option<String>,
    pub organiser_code: Option<String>,
    pub age_band: String,
    pub language: String,
    pub status: String,
    pub outcome: Option<String>,
    pub score: Option<i64>,
    pub result: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub completed_at: Option<String>,
}

impl Screening {
    pub fn is_open(&self) -> bool {
        self.status == "open"
    }

    /// The evaluation frozen when it was finished.
    pub fn frozen(&self) -> Option<Evaluation> {
        self.result
            .as_deref()
            .and_then(|r| serde_json::from_str(r).ok())
    }
}

const COLS: &str = "s.id, s.instrument_id, s.owner_id, u.display_name AS owner_name, s.area_code, \
    s.organiser_code, s.age_band, s.language, s.status, s.outcome, s.score, s.result, \
    s.created_at, s.updated_at, s.completed_at FROM screenings s JOIN users u ON u.id = s.owner_id";

pub struct New<'a> {
    pub instrument_id: i64,
    pub owner: UserId,
    pub area_code: Option<&'a str>,
    pub organiser_code: Option<&'a str>,
    pub age_band: &'a str,
    pub language: &'a str,
}

pub async fn create(tx: &mut Tx, n: &New<'_>) -> sqlx::Result<i64> {
    let now = db::now();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO screenings (instrument_id, owner_id, area_code, organiser_code, age_band, \
         language, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $7) \
         RETURNING id",
    )
    .bind(n.instrument_id)
    .bind(n.owner.0)
    .bind(n.area_code)
    .bind(n.organiser_code)
    .bind(n.age_band)
    .bind(n.language)
    .bind(&now)
    .fetch_one(&mut **tx)
    .await?;
    add_participant(tx, id, n.owner, None).await?;
    Ok(id)
}

pub async fn get(db: &Db, id: i64) -> sqlx::Result<Option<Screening>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} WHERE s.id = $1"
    )))
    .bind(id)
    .fetch_optional(db.pool())
    .await
}

/// Re-reads a screening inside a write, locking it on PostgreSQL so that
/// finishing and answering do not cross.
pub async fn get_for_update(tx: &mut Tx, id: i64, lock: bool) -> sqlx::Result<Option<Screening>> {
    let lock = if lock { " FOR UPDATE OF s" } else { "" };
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} WHERE s.id = $1{lock}"
    )))
    .bind(id)
    .fetch_optional(&mut **tx)
    .await
}

/// The screenings a person owns or takes part in, newest first.
pub async fn of_user(db: &Db, user: UserId) -> sqlx::Result<Vec<Screening>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} WHERE s.id IN (SELECT screening_id FROM screening_participants \
         WHERE user_id = $1) ORDER BY s.id DESC LIMIT 500"
    )))
    .bind(user.0)
    .fetch_all(db.pool())
    .await
}

/// The screenings a person has given any answer to.
pub async fn answered_by(db: &Db, user: UserId) -> sqlx::Result<Vec<i64>> {
    let rows: Vec<(i64,)> =
        sqlx::query_as("SELECT DISTINCT screening_id FROM screening_answers WHERE user_id = $1")
            .bind(user.0)
            .fetch_all(db.pool())
            .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

#[derive(Debug, Clone, FromRow)]
pub struct Participant {
    pub user_id: i64,
    pub display_name: String,
    pub title: String,
    pub sector: Option<String>,
    pub organisation: Option<String>,
    pub comment: String,
}

pub async fn participants(db: &Db, id: i64) -> sqlx::Result<Vec<Participant>> {
    sqlx::query_as(
        "SELECT p.user_id, u.display_name, u.title, o.sector, o.name AS organisation, p.comment \
         FROM screening_participants p JOIN users u ON u.id = p.user_id \
         LEFT JOIN organisations o ON o.id = u.organisation_id \
         WHERE p.screening_id = $1 ORDER BY p.added_at, p.user_id",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await
}

pub async fn is_participant(db: &Db, id: i64, user: UserId) -> sqlx::Result<bool> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT user_id FROM screening_participants WHERE screening_id = $1 AND user_id = $2",
    )
    .bind(id)
    .bind(user.0)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.is_some())
}

/// Adds a participant; `false` when they already were one.
pub async fn add_participant(
    tx: &mut Tx,
    id: i64,
    user: UserId,
    by: Option<UserId>,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO screening_participants (screening_id, user_id, invited_by, added_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (screening_id, user_id) DO NOTHING",
    )
    .bind(id)
    .bind(user.0)
    .bind(by.map(|u| u.0))
    .bind(db::now())
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Every participant's answers, as the domain's views.
pub async fn views<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    e: E,
    id: i64,
) -> sqlx::Result<Vec<View>> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT user_id, item_key, options FROM screening_answers WHERE screening_id = $1 \
         ORDER BY user_id, item_key",
    )
    .bind(id)
    .fetch_all(e)
    .await?;
    let mut out: Vec<View> = Vec::new();
    for (who, item, options) in rows {
        let options = options
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        match out.last_mut() {
            Some(v) if v.who == who => {
                v.given.insert(item, options);
            }
            _ => out.push(View {
                who,
                given: Given::from([(item, options)]),
            }),
        }
    }
    Ok(out)
}

/// Replaces one participant's answers and comment.
pub async fn save_answers(
    tx: &mut Tx,
    id: i64,
    user: UserId,
    given: &Given,
    comment: &str,
) -> sqlx::Result<()> {
    let now = db::now();
    sqlx::query("DELETE FROM screening_answers WHERE screening_id = $1 AND user_id = $2")
        .bind(id)
        .bind(user.0)
        .execute(&mut **tx)
        .await?;
    for (item, options) in given {
        if options.is_empty() {
            continue;
        }
        sqlx::query(
            "INSERT INTO screening_answers (screening_id, user_id, item_key, options, updated_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(user.0)
        .bind(item)
        .bind(options.join(","))
        .bind(&now)
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query(
        "UPDATE screening_participants SET comment = $1 WHERE screening_id = $2 AND user_id = $3",
    )
    .bind(comment)
    .bind(id)
    .bind(user.0)
    .execute(&mut **tx)
    .await?;
    touch(tx, id).await
}

async fn touch(tx: &mut Tx, id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE screenings SET updated_at = $1 WHERE id = $2")
        .bind(db::now())
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Finishes a screening with its evaluation frozen.
pub async fn finish(tx: &mut Tx, id: i64, e: &Evaluation) -> anyhow::Result<()> {
    let now = db::now();
    sqlx::query(
        "UPDATE screenings SET status = 'done', outcome = $1, score = $2, result = $3, \
         completed_at = $4, updated_at = $4 WHERE id = $5",
    )
    .bind(e.outcome.key())
    .bind(i64::from(e.score))
    .bind(serde_json::to_string(e)?)
    .bind(&now)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Opens a finished screening again for more answers.
pub async fn reopen(tx: &mut Tx, id: i64) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE screenings SET status = 'open', outcome = NULL, score = NULL, result = NULL, \
         completed_at = NULL, updated_at = $1 WHERE id = $2",
    )
    .bind(db::now())
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The requests opened from a screening (id, group name).
pub async fn requests_from(db: &Db, id: i64) -> sqlx::Result<Vec<(i64, String)>> {
    sqlx::query_as(
        "SELECT r.id, g.name_fi FROM requests r JOIN consultation_groups g ON g.id = r.group_id \
         WHERE r.screening_id = $1 ORDER BY r.id",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await
}

/// An account the owner invites, by user name: its id and whether it may
/// screen (a professional, not disabled).
pub async fn account_by_name(db: &Db, username: &str) -> sqlx::Result<Option<(i64, bool)>> {
    sqlx::query_as::<_, (i64, i64)>("SELECT id, disabled FROM users WHERE username = $1")
        .bind(username)
        .fetch_optional(db.pool())
        .await
        .map(|r| r.map(|(id, disabled)| (id, disabled == 0)))
}
