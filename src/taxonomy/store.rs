//! The taxonomy in the database.

use crate::core::db::{self, Db};
use otalusta_domain::taxonomy::PHENOMENA;
use sqlx::FromRow;

#[derive(Debug, Clone, FromRow, serde::Serialize)]
pub struct PhenomenonRow {
    pub id: i64,
    pub code: String,
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
    pub description_fi: String,
    pub description_sv: String,
    pub description_en: String,
    pub synonyms: String,
    pub active: i64,
}

impl PhenomenonRow {
    pub fn name(&self, lang: &str) -> &str {
        let n = match lang {
            "sv" => &self.name_sv,
            "en" => &self.name_en,
            _ => &self.name_fi,
        };
        if n.is_empty() { &self.name_fi } else { n }
    }

    pub fn description(&self, lang: &str) -> &str {
        let d = match lang {
            "sv" => &self.description_sv,
            "en" => &self.description_en,
            _ => &self.description_fi,
        };
        if d.is_empty() {
            &self.description_fi
        } else {
            d
        }
    }
}

/// Inserts the seeded phenomena whose codes are missing; never overwrites
/// a coordinator's edits.
pub async fn seed(db: &Db) -> sqlx::Result<()> {
    let mut tx = db.begin().await?;
    for (i, p) in PHENOMENA.iter().enumerate() {
        sqlx::query(
            "INSERT INTO phenomena (code, name_fi, name_sv, name_en, description_fi, \
             description_sv, description_en, synonyms, sort_order, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (code) DO NOTHING",
        )
        .bind(p.code)
        .bind(p.name_fi)
        .bind(p.name_sv)
        .bind(p.name_en)
        .bind(p.description_fi)
        .bind(p.description_sv)
        .bind(p.description_en)
        .bind(p.synonyms)
        .bind(i as i64)
        .bind(db::now())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

const COLS: &str = "id, code, name_fi, name_sv, name_en, description_fi, description_sv, \
                    description_en, synonyms, active";

/// Every phenomenon in display order (inactive ones too: old groups and
/// profiles still name them).
pub async fn all(db: &Db) -> sqlx::Result<Vec<PhenomenonRow>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM phenomena ORDER BY sort_order, id"
    )))
    .fetch_all(db.pool())
    .await
}

pub async fn get(db: &Db, id: i64) -> sqlx::Result<Option<PhenomenonRow>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM phenomena WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(db.pool())
    .await
}

pub async fn code_taken(db: &Db, code: &str) -> sqlx::Result<bool> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM phenomena WHERE code = $1")
        .bind(code)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.is_some())
}

/// Tells other nodes' taxonomy caches that a phenomenon changed.
async fn announce(tx: &mut db::Tx, id: i64) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO outbox (topic, object_id, at) VALUES ('phenomenon', $1, $2)")
        .bind(id.to_string())
        .bind(db::now())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Profiles and groups that name a phenomenon: their search entries change
/// with its names and synonyms.
async fn announce_users(tx: &mut db::Tx, id: i64) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO outbox (topic, object_id, at) \
         SELECT 'expert', CAST(expert_id AS TEXT), $2 FROM expert_phenomena WHERE phenomenon_id = $1",
    )
    .bind(id)
    .bind(db::now())
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO outbox (topic, object_id, at) \
         SELECT 'group', CAST(group_id AS TEXT), $2 FROM group_phenomena WHERE phenomenon_id = $1",
    )
    .bind(id)
    .bind(db::now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn create(
    tx: &mut db::Tx,
    d: &otalusta_domain::taxonomy::PhenomenonDetails,
) -> sqlx::Result<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO phenomena (code, name_fi, name_sv, name_en, description_fi, description_sv, \
         description_en, synonyms, active, sort_order, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, \
         (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM phenomena), $10) RETURNING id",
    )
    .bind(&d.code)
    .bind(&d.name_fi)
    .bind(&d.name_sv)
    .bind(&d.name_en)
    .bind(&d.description_fi)
    .bind(&d.description_sv)
    .bind(&d.description_en)
    .bind(&d.synonyms)
    .bind(db::flag(d.active))
    .bind(db::now())
    .fetch_one(&mut **tx)
    .await?;
    announce(tx, id).await?;
    Ok(id)
}

/// Updates everything but the code.
pub async fn update(
    tx: &mut db::Tx,
    id: i64,
    d: &otalusta_domain::taxonomy::PhenomenonDetails,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE phenomena SET name_fi = $1, name_sv = $2, name_en = $3, description_fi = $4, \
         description_sv = $5, description_en = $6, synonyms = $7, active = $8, updated_at = $9 \
         WHERE id = $10",
    )
    .bind(&d.name_fi)
    .bind(&d.name_sv)
    .bind(&d.name_en)
    .bind(&d.description_fi)
    .bind(&d.description_sv)
    .bind(&d.description_en)
    .bind(&d.synonyms)
    .bind(db::flag(d.active))
    .bind(db::now())
    .bind(id)
    .execute(&mut **tx)
    .await?;
    announce(tx, id).await?;
    announce_users(tx, id).await
}
