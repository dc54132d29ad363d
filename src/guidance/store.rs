//! The service-guidance log, development needs and the areas' OT
//! coordinator contacts in the database.

use crate::core::db::{self, Db, Tx};
use sqlx::FromRow;

/// One question of the log with the names its pages show.
#[derive(Debug, Clone, FromRow)]
pub struct QuestionRow {
    pub id: i64,
    pub area_code: String,
    pub channel: String,
    pub asked_by: Option<i64>,
    /// Who asked, as recorded (phone and e-mail questions).
    pub asker: String,
    /// The asking account's name (platform questions), else empty.
    pub asker_name: String,
    pub question: String,
    pub received_at: String,
    pub guidance: String,
    pub directed_group: Option<i64>,
    pub group_fi: String,
    pub group_sv: String,
    pub group_en: String,
    pub directed_note: String,
    pub answered_at: Option<String>,
    pub follow_up_on: Option<String>,
    pub follow_up_note: String,
    pub closed_at: Option<String>,
}

impl QuestionRow {
    /// What a coordinator's page showed of the answer: a save checks it
    /// against the row in its transaction, so a colleague's guidance saved
    /// meanwhile is never overwritten unseen.
    pub fn fingerprint(&self) -> String {
        use sha2::Digest;
        let mut h = sha2::Sha256::new();
        for part in [
            self.guidance.as_str(),
            &self
                .directed_group
                .map(|g| g.to_string())
                .unwrap_or_default(),
            &self.directed_note,
            self.follow_up_on.as_deref().unwrap_or(""),
            &self.follow_up_note,
            self.closed_at.as_deref().unwrap_or(""),
        ] {
            h.update(part.as_bytes());
            h.update([0u8]);
        }
        hex::encode(&h.finalize()[..16])
    }

    /// The directed group's name in `lang` (empty when none).
    pub fn group_name(&self, lang: &str) -> &str {
        let n = match lang {
            "sv" => &self.group_sv,
            "en" => &self.group_en,
            _ => &self.group_fi,
        };
        if n.is_empty() { &self.group_fi } else { n }
    }
}

const SELECT: &str = "SELECT q.id, q.area_code, q.channel, q.asked_by, q.asker, \
     COALESCE(u.display_name, '') AS asker_name, q.question, q.received_at, q.guidance, \
     q.directed_group, COALESCE(g.name_fi, '') AS group_fi, COALESCE(g.name_sv, '') AS group_sv, \
     COALESCE(g.name_en, '') AS group_en, q.directed_note, q.answered_at, q.follow_up_on, \
     q.follow_up_note, q.closed_at \
     FROM guidance_questions q \
     LEFT JOIN users u ON u.id = q.asked_by \
     LEFT JOIN consultation_groups g ON g.id = q.directed_group";

pub struct NewQuestion<'a> {
    pub area_code: &'a str,
    pub channel: &'a str,
    pub asked_by: Option<i64>,
    pub asker: &'a str,
    pub question: &'a str,
    pub received_at: &'a str,
    pub recorded_by: i64,
}

pub async fn insert(tx: &mut Tx, q: &NewQuestion<'_>) -> sqlx::Result<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO guidance_questions (area_code, channel, asked_by, asker, question, \
         received_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(q.area_code)
    .bind(q.channel)
    .bind(q.asked_by)
    .bind(q.asker)
    .bind(q.question)
    .bind(q.received_at)
    .bind(q.recorded_by)
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

pub async fn get(db: &Db, id: i64) -> sqlx::Result<Option<QuestionRow>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE q.id = $1")))
        .bind(id)
        .fetch_optional(db.pool())
        .await
}

/// Re-read inside a write.
pub async fn get_in(tx: &mut Tx, id: i64) -> sqlx::Result<Option<QuestionRow>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE q.id = $1")))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
}

/// The questions of `areas` not yet closed, oldest first.
pub async fn open_in(db: &Db, areas: &[String]) -> sqlx::Result<Vec<QuestionRow>> {
    let mut out = Vec::new();
    for a in areas {
        let rows: Vec<QuestionRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SELECT} WHERE q.area_code = $1 AND q.closed_at IS NULL ORDER BY q.received_at, q.id"
        )))
        .bind(a)
        .fetch_all(db.pool())
        .await?;
        out.extend(rows);
    }
    out.sort_by(|a, b| (&a.received_at, a.id).cmp(&(&b.received_at, b.id)));
    Ok(out)
}

/// The `limit` last closed questions of `areas`, last closed first.
pub async fn closed_in(db: &Db, areas: &[String], limit: i64) -> sqlx::Result<Vec<QuestionRow>> {
    let mut out = Vec::new();
    for a in areas {
        let rows: Vec<QuestionRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SELECT} WHERE q.area_code = $1 AND q.closed_at IS NOT NULL \
             ORDER BY q.closed_at DESC, q.id DESC LIMIT $2"
        )))
        .bind(a)
        .bind(limit)
        .fetch_all(db.pool())
        .await?;
        out.extend(rows);
    }
    out.sort_by(|a, b| (&b.closed_at, b.id).cmp(&(&a.closed_at, a.id)));
    out.truncate(usize::try_from(limit).unwrap_or(0));
    Ok(out)
}

/// The questions `user` asked through the platform, newest first.
pub async fn asked_by(db: &Db, user: i64) -> sqlx::Result<Vec<QuestionRow>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE q.asked_by = $1 ORDER BY q.received_at DESC, q.id DESC"
    )))
    .bind(user)
    .fetch_all(db.pool())
    .await
}

pub struct Answer<'a> {
    pub guidance: &'a str,
    pub directed_group: Option<i64>,
    pub directed_note: &'a str,
    pub follow_up_on: Option<&'a str>,
    pub follow_up_note: &'a str,
    pub by: i64,
    pub close: bool,
}

/// Saves the guidance; the first time it is given is when the question was
/// answered. `close` closes it too. Only a question still open changes.
pub async fn answer(tx: &mut Tx, id: i64, a: &Answer<'_>) -> sqlx::Result<bool> {
    let now = db::now();
    let answered = !a.guidance.trim().is_empty();
    let res = sqlx::query(
        "UPDATE guidance_questions SET guidance = $2, directed_group = $3, directed_note = $4, \
         follow_up_on = $5, follow_up_note = $6, \
         answered_at = CASE WHEN $7 = 1 THEN COALESCE(answered_at, $8) ELSE answered_at END, \
         answered_by = CASE WHEN $7 = 1 THEN COALESCE(answered_by, $9) ELSE answered_by END, \
         closed_at = CASE WHEN $10 = 1 THEN $8 ELSE NULL END \
         WHERE id = $1 AND closed_at IS NULL",
    )
    .bind(id)
    .bind(a.guidance)
    .bind(a.directed_group)
    .bind(a.directed_note)
    .bind(a.follow_up_on)
    .bind(a.follow_up_note)
    .bind(db::flag(answered))
    .bind(&now)
    .bind(a.by)
    .bind(db::flag(a.close))
    .execute(&mut **tx)
    .await?;
    Ok(res.rows_affected() == 1)
}

/// The account's own cooperation area, when it has one.
pub async fn user_area(db: &Db, user: i64) -> sqlx::Result<Option<String>> {
    let row: Option<(Option<String>,)> =
        sqlx::query_as("SELECT area_code FROM users WHERE id = $1")
            .bind(user)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.and_then(|(a,)| a))
}

/// A consultation group a question may be directed to.
#[derive(Debug, Clone, FromRow)]
pub struct GroupChoice {
    pub id: i64,
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
}

impl GroupChoice {
    pub fn name(&self, lang: &str) -> &str {
        let n = match lang {
            "sv" => &self.name_sv,
            "en" => &self.name_en,
            _ => &self.name_fi,
        };
        if n.is_empty() { &self.name_fi } else { n }
    }
}

/// The active groups of `area`, by name.
pub async fn groups_of(db: &Db, area: &str) -> sqlx::Result<Vec<GroupChoice>> {
    sqlx::query_as(
        "SELECT id, name_fi, name_sv, name_en FROM consultation_groups \
         WHERE area_code = $1 AND active = 1 ORDER BY name_fi, id",
    )
    .bind(area)
    .fetch_all(db.pool())
    .await
}

/// One development need (no client data by rule).
#[derive(Debug, Clone, FromRow)]
pub struct NeedRow {
    pub id: i64,
    pub area_code: String,
    pub need: String,
    pub phenomena: String,
    pub created_at: String,
}

pub async fn insert_need(
    tx: &mut Tx,
    area: &str,
    need: &str,
    phenomena: &str,
    by: i64,
) -> sqlx::Result<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO development_needs (area_code, need, phenomena, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(area)
    .bind(need)
    .bind(phenomena)
    .bind(by)
    .bind(db::now())
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

/// Every development need, newest first.
pub async fn needs(db: &Db) -> sqlx::Result<Vec<NeedRow>> {
    sqlx::query_as(
        "SELECT id, area_code, need, phenomena, created_at FROM development_needs \
         ORDER BY created_at DESC, id DESC",
    )
    .fetch_all(db.pool())
    .await
}

/// The OT coordinator's contact of a cooperation area, shown on the public
/// pages.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct AreaContact {
    pub name: String,
    pub phone: String,
    pub email: String,
}

impl AreaContact {
    /// The phone number as a `tel:` link target.
    pub fn tel(&self) -> String {
        self.phone.chars().filter(|c| !c.is_whitespace()).collect()
    }
}

/// `area_code`'s OT coordinator contact, if one is set.
pub async fn area_contact(db: &Db, area_code: &str) -> sqlx::Result<Option<AreaContact>> {
    sqlx::query_as("SELECT name, phone, email FROM area_contacts WHERE area_code = $1")
        .bind(area_code)
        .fetch_optional(db.pool())
        .await
}

pub async fn set_area_contact(tx: &mut Tx, area_code: &str, c: &AreaContact) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO area_contacts (area_code, name, phone, email, updated_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (area_code) DO UPDATE SET \
         name = excluded.name, phone = excluded.phone, email = excluded.email, \
         updated_at = excluded.updated_at",
    )
    .bind(area_code)
    .bind(&c.name)
    .bind(&c.phone)
    .bind(&c.email)
    .bind(db::now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}
