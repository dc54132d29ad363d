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
