//! Reference data in the database, kept equal to the domain's constants.

use crate::core::db::{self, Db};
use otalusta_domain::region::{AREAS, DemoOrganisation, ORGANISERS};
use sqlx::FromRow;

/// Writes the areas and organisers (idempotent; names follow the code).
pub async fn sync_reference_data(db: &Db) -> sqlx::Result<()> {
    let mut tx = db.begin().await?;
    for (i, a) in AREAS.iter().enumerate() {
        sqlx::query(
            "INSERT INTO areas (code, name_fi, name_sv, name_en, hospital, sort_order) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO UPDATE SET \
             name_fi = excluded.name_fi, name_sv = excluded.name_sv, name_en = excluded.name_en, \
             hospital = excluded.hospital, sort_order = excluded.sort_order",
        )
        .bind(a.code)
        .bind(a.name_fi)
        .bind(a.name_sv)
        .bind(a.name_en)
        .bind(a.hospital)
        .bind(i as i64)
        .execute(&mut *tx)
        .await?;
    }
    for o in ORGANISERS {
        sqlx::query(
            "INSERT INTO organisers (code, area_code, kind, name_fi, name_sv, name_en) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO UPDATE SET \
             area_code = excluded.area_code, kind = excluded.kind, name_fi = excluded.name_fi, \
             name_sv = excluded.name_sv, name_en = excluded.name_en",
        )
        .bind(o.code)
        .bind(o.area_code)
        .bind(o.kind.as_str())
        .bind(o.name_fi)
        .bind(o.name_sv)
        .bind(o.name_en)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

#[derive(Debug, Clone, FromRow, serde::Serialize)]
pub struct OrganisationRow {
    pub id: i64,
    pub name: String,
    pub short_name: String,
    pub sector: String,
    pub area_code: Option<String>,
}

pub async fn insert_organisation(tx: &mut db::Tx, o: &DemoOrganisation) -> sqlx::Result<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO organisations (name, short_name, sector, area_code, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(o.name)
    .bind(o.short_name.unwrap_or(""))
    .bind(o.sector().as_str())
    .bind(o.area_code)
    .bind(db::now())
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

pub async fn organisations(db: &Db) -> sqlx::Result<Vec<OrganisationRow>> {
    sqlx::query_as(
        "SELECT id, name, short_name, sector, area_code FROM organisations ORDER BY name",
    )
    .fetch_all(db.pool())
    .await
}
