//! Expert profiles in the database.

use crate::core::db::{self, Db, Tx};
use futures_util::TryStreamExt;
use otalusta_domain::experts::{ExpertDetails, Language};
use otalusta_domain::ids::{ExpertId, UserId};
use otalusta_domain::region::Sector;
use sqlx::{AssertSqlSafe, FromRow};
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub struct Expert {
    pub id: ExpertId,
    pub user_id: Option<UserId>,
    pub details: ExpertDetails,
    pub updated_at: String,
}

#[derive(FromRow)]
struct Row {
    id: i64,
    user_id: Option<i64>,
    name: String,
    title: String,
    organisation: String,
    email: String,
    phone: String,
    contact_note: String,
    area_code: String,
    remote: i64,
    paused_until: Option<String>,
    pause_note: String,
    description_fi: String,
    description_sv: String,
    description_en: String,
    listed_publicly: i64,
    publish_contact: i64,
    updated_at: String,
}

const COLS: &str = "id, user_id, name, title, organisation, email, phone, contact_note, \
                    area_code, remote, paused_until, pause_note, description_fi, description_sv, \
                    description_en, listed_publicly, publish_contact, updated_at";

/// The list-valued parts of profiles, by expert id.
#[derive(Default)]
struct Links {
    sectors: HashMap<i64, Vec<Sector>>,
    phenomena: HashMap<i64, Vec<String>>,
    languages: HashMap<i64, Vec<Language>>,
    regions: HashMap<i64, Vec<String>>,
}

/// The list parts of the given profiles (all when `only` is `None`) in one
/// query: each query is a round trip to the database's worker, so a page of
/// results costs two queries, not five per profile.
async fn links(db: &Db, only: Option<&[i64]>) -> sqlx::Result<Links> {
    let mut l = Links::default();
    if only.is_some_and(<[i64]>::is_empty) {
        return Ok(l);
    }
    let n = only.map_or(0, <[i64]>::len);
    // Placeholders are numbered per branch: engines differ on reusing one.
    let cond = |col: &str, branch: usize| match only {
        Some(_) => format!(
            " WHERE {col} IN ({})",
            (1..=n)
                .map(|i| format!("${}", branch * n + i))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        None => String::new(),
    };
    let sql = format!(
        "SELECT kind, expert_id, pos, value FROM (\
         SELECT 's' AS kind, expert_id, CAST(0 AS BIGINT) AS pos, sector AS value FROM expert_sectors{} \
         UNION ALL SELECT 'p', e.expert_id, CAST(e.position AS BIGINT), p.code \
         FROM expert_phenomena e JOIN phenomena p ON p.id = e.phenomenon_id{} \
         UNION ALL SELECT 'l', expert_id, CAST(position AS BIGINT), lang FROM expert_languages{} \
         UNION ALL SELECT 'r', expert_id, CAST(position AS BIGINT), area_code FROM expert_regions{}\
         ) links ORDER BY expert_id, kind, pos, value",
        cond("expert_id", 0),
        cond("e.expert_id", 1),
        cond("expert_id", 2),
        cond("expert_id", 3),
    );
    let mut q = sqlx::query_as::<_, (String, i64, i64, String)>(AssertSqlSafe(sql));
    if let Some(ids) = only {
        for _ in 0..4 {
            for id in ids {
                q = q.bind(*id);
            }
        }
    }
    let mut rows = q.fetch(db.pool());
    while let Some((kind, id, _, value)) = rows.try_next().await? {
        match kind.as_str() {
            "s" => {
                if let Ok(s) = value.parse() {
                    l.sectors.entry(id).or_default().push(s);
                }
            }
            "p" => l.phenomena.entry(id).or_default().push(value),
            "l" => {
                if let Ok(lang) = value.parse() {
                    l.languages.entry(id).or_default().push(lang);
                }
            }
            _ => l.regions.entry(id).or_default().push(value),
        }
    }
    Ok(l)
}

fn assemble(r: Row, l: &mut Links) -> Expert {
    Expert {
        id: ExpertId(r.id),
        user_id: r.user_id.map(UserId),
        details: ExpertDetails {
            name: r.name,
            title: r.title,
            organisation: r.organisation,
            email: r.email,
            phone: r.phone,
            contact_note: r.contact_note,
            area: r.area_code,
            regions: l.regions.remove(&r.id).unwrap_or_default(),
            sectors: l.sectors.remove(&r.id).unwrap_or_default(),
            phenomena: l.phenomena.remove(&r.id).unwrap_or_default(),
            languages: l.languages.remove(&r.id).unwrap_or_default(),
            remote: r.remote != 0,
            paused_until: r.paused_until.and_then(|d| d.parse().ok()),
            pause_note: r.pause_note,
            description_fi: r.description_fi,
            description_sv: r.description_sv,
            description_en: r.description_en,
            listed_publicly: r.listed_publicly != 0,
            publish_contact: r.publish_contact != 0,
        },
        updated_at: r.updated_at,
    }
}

pub async fn get(db: &Db, id: ExpertId) -> sqlx::Result<Option<Expert>> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLS} FROM experts WHERE id = $1"
    )))
    .bind(id.0)
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else { return Ok(None) };
    let mut l = links(db, Some(&[row.id])).await?;
    Ok(Some(assemble(row, &mut l)))
}

/// The profiles of `ids` in that order (missing ones left out): a page of
/// search results in two queries.
pub async fn get_many(db: &Db, ids: &[ExpertId]) -> sqlx::Result<Vec<Expert>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let raw: Vec<i64> = ids.iter().map(|i| i.0).collect();
    let marks = db::marks(1, raw.len());
    let mut q = sqlx::query_as::<_, Row>(AssertSqlSafe(format!(
        "SELECT {COLS} FROM experts WHERE id IN ({marks})"
    )));
    for id in &raw {
        q = q.bind(*id);
    }
    let rows = q.fetch_all(db.pool()).await?;
    let mut l = links(db, Some(&raw)).await?;
    let mut by_id: HashMap<i64, Expert> = rows
        .into_iter()
        .map(|r| (r.id, assemble(r, &mut l)))
        .collect();
    Ok(raw.iter().filter_map(|id| by_id.remove(id)).collect())
}

pub async fn of_user(db: &Db, user: UserId) -> sqlx::Result<Option<Expert>> {
    let id: Option<(i64,)> = sqlx::query_as("SELECT id FROM experts WHERE user_id = $1")
        .bind(user.0)
        .fetch_optional(db.pool())
        .await?;
    match id {
        Some((id,)) => get(db, ExpertId(id)).await,
        None => Ok(None),
    }
}

/// Every profile, or those of one area, by name (bulk: five queries in all).
pub async fn all(db: &Db, area: Option<&str>) -> sqlx::Result<Vec<Expert>> {
    let mut l = links(db, None).await?;
    let sql = match area {
        Some(_) => format!("SELECT {COLS} FROM experts WHERE area_code = $1 ORDER BY name, id"),
        None => format!("SELECT {COLS} FROM experts ORDER BY name, id"),
    };
    let mut q = sqlx::query_as::<_, Row>(AssertSqlSafe(sql));
    if let Some(a) = area {
        q = q.bind(a);
    }
    let rows = q.fetch_all(db.pool()).await?;
    Ok(rows.into_iter().map(|r| assemble(r, &mut l)).collect())
}

pub async fn count(db: &Db) -> sqlx::Result<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM experts")
        .fetch_one(db.pool())
        .await?;
    Ok(n)
}

/// Writes the list parts of a profile; `fresh`: a profile just created has
/// none to delete first.
async fn write_links(tx: &mut Tx, id: i64, d: &ExpertDetails, fresh: bool) -> sqlx::Result<()> {
    let tables: &[&str] = if fresh {
        &[]
    } else {
        &[
            "expert_sectors",
            "expert_phenomena",
            "expert_languages",
            "expert_regions",
        ]
    };
    for table in tables {
        sqlx::query(AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE expert_id = $1"
        )))
        .bind(id)
        .execute(&mut **tx)
        .await?;
    }
    for s in &d.sectors {
        sqlx::query("INSERT INTO expert_sectors (expert_id, sector) VALUES ($1, $2)")
            .bind(id)
            .bind(s.as_str())
            .execute(&mut **tx)
            .await?;
    }
    for (i, code) in d.phenomena.iter().enumerate() {
        sqlx::query(
            "INSERT INTO expert_phenomena (expert_id, phenomenon_id, position) \
             SELECT $1, id, $3 FROM phenomena WHERE code = $2",
        )
        .bind(id)
        .bind(code)
        .bind(i as i64)
        .execute(&mut **tx)
        .await?;
    }
    for (i, l) in d.languages.iter().enumerate() {
        sqlx::query("INSERT INTO expert_languages (expert_id, lang, position) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(l.key())
            .bind(i as i64)
            .execute(&mut **tx)
            .await?;
    }
    for (i, a) in d.regions.iter().enumerate() {
        sqlx::query(
            "INSERT INTO expert_regions (expert_id, area_code, position) VALUES ($1, $2, $3)",
        )
        .bind(id)
        .bind(a)
        .bind(i as i64)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Tells every node's search index that a profile changed.
pub async fn announce(tx: &mut Tx, topic: &str, id: i64) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO outbox (topic, object_id, at) VALUES ($1, $2, $3)")
        .bind(topic)
        .bind(id.to_string())
        .bind(db::now())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn create(
    tx: &mut Tx,
    d: &ExpertDetails,
    user: Option<UserId>,
) -> sqlx::Result<ExpertId> {
    let now = db::now();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO experts (user_id, name, title, organisation, email, phone, contact_note, \
         area_code, remote, paused_until, pause_note, description_fi, description_sv, \
         description_en, listed_publicly, publish_contact, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17) \
         RETURNING id",
    )
    .bind(user.map(|u| u.0))
    .bind(&d.name)
    .bind(&d.title)
    .bind(&d.organisation)
    .bind(&d.email)
    .bind(&d.phone)
    .bind(&d.contact_note)
    .bind(&d.area)
    .bind(db::flag(d.remote))
    .bind(d.paused_until.map(|p| p.to_string()))
    .bind(&d.pause_note)
    .bind(&d.description_fi)
    .bind(&d.description_sv)
    .bind(&d.description_en)
    .bind(db::flag(d.listed_publicly))
    .bind(db::flag(d.publish_contact))
    .bind(&now)
    .fetch_one(&mut **tx)
    .await?;
    write_links(tx, id, d, true).await?;
    announce(tx, "expert", id).await?;
    Ok(ExpertId(id))
}

/// A value for [`insert_rows`].
enum Bind {
    Int(i64),
    Text(String),
    Null,
}

/// Inserts `rows` (each `cols` values) with multi-row `VALUES`, as few
/// statements as the engines' limits on bound values allow; `head` is
/// `INSERT INTO t (a, b)`, `tail` e.g. a `RETURNING` clause, whose rows are
/// returned.
async fn insert_rows<T>(
    tx: &mut Tx,
    head: &str,
    cols: usize,
    tail: &str,
    rows: Vec<Vec<Bind>>,
) -> sqlx::Result<Vec<T>>
where
    T: Send + Unpin + for<'r> FromRow<'r, sqlx::any::AnyRow>,
{
    // Far below the engines' limits (SQLite 32 766, PostgreSQL 65 535):
    // binding costs grow faster than the number of values (a 20 000-row
    // import stored in 14 s with 2 000 values a statement, 7 s with 400).
    const MAX_VALUES: usize = 400;
    let per = (MAX_VALUES / cols).max(1);
    let mut out = Vec::new();
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<Vec<Bind>> = rows.by_ref().take(per).collect();
        let marks = (0..chunk.len())
            .map(|r| {
                let row = (1..=cols)
                    .map(|c| format!("${}", r * cols + c))
                    .collect::<Vec<_>>()
                    .join(", ");
                format!("({row})")
            })
            .collect::<Vec<_>>()
            .join(", ");
        let mut q = sqlx::query_as::<_, T>(AssertSqlSafe(format!("{head} VALUES {marks} {tail}")));
        for v in chunk.into_iter().flatten() {
            q = match v {
                Bind::Int(i) => q.bind(i),
                Bind::Text(s) => q.bind(s),
                Bind::Null => q.bind(None::<String>),
            };
        }
        out.extend(q.fetch_all(&mut **tx).await?);
    }
    Ok(out)
}

/// Creates many profiles at once (an import's new rows): a handful of
/// statements for every few hundred profiles instead of some seven a
/// profile, each announced to the search indexes like [`create`]. The
/// e-mail addresses must be new and distinct. Returns the ids in order.
pub async fn create_many(tx: &mut Tx, all: &[ExpertDetails]) -> sqlx::Result<Vec<ExpertId>> {
    use Bind::{Int, Null, Text};
    if all.is_empty() {
        return Ok(Vec::new());
    }
    let now = db::now();
    let rows = all
        .iter()
        .map(|d| {
            vec![
                Text(d.name.clone()),
                Text(d.title.clone()),
                Text(d.organisation.clone()),
                Text(d.email.clone()),
                Text(d.phone.clone()),
                Text(d.contact_note.clone()),
                Text(d.area.clone()),
                Int(db::flag(d.remote)),
                d.paused_until.map_or(Null, |p| Text(p.to_string())),
                Text(d.pause_note.clone()),
                Text(d.description_fi.clone()),
                Text(d.description_sv.clone()),
                Text(d.description_en.clone()),
                Int(db::flag(d.listed_publicly)),
                Int(db::flag(d.publish_contact)),
                Text(now.clone()),
                Text(now.clone()),
            ]
        })
        .collect();
    let created: Vec<(i64, String)> = insert_rows(
        tx,
        "INSERT INTO experts (name, title, organisation, email, phone, contact_note, \
         area_code, remote, paused_until, pause_note, description_fi, description_sv, \
         description_en, listed_publicly, publish_contact, created_at, updated_at)",
        17,
        "RETURNING id, email",
        rows,
    )
    .await?;
    // The order of RETURNING rows is not promised: match them by address.
    let by_email: HashMap<String, i64> = created.into_iter().map(|(id, e)| (e, id)).collect();
    let ids: Vec<i64> = all
        .iter()
        .map(|d| {
            by_email
                .get(&d.email)
                .copied()
                .ok_or(sqlx::Error::RowNotFound)
        })
        .collect::<Result<_, _>>()?;
    let phenomena: HashMap<String, i64> =
        sqlx::query_as::<_, (String, i64)>("SELECT code, id FROM phenomena")
            .fetch_all(&mut **tx)
            .await?
            .into_iter()
            .collect();
    let (mut sectors, mut phen, mut langs, mut regions, mut outbox) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (d, &id) in all.iter().zip(&ids) {
        for s in &d.sectors {
            sectors.push(vec![Int(id), Text(s.as_str().into())]);
        }
        for (i, code) in d.phenomena.iter().enumerate() {
            if let Some(&p) = phenomena.get(code) {
                phen.push(vec![Int(id), Int(p), Int(i as i64)]);
            }
        }
        for (i, l) in d.languages.iter().enumerate() {
            langs.push(vec![Int(id), Text(l.key().into()), Int(i as i64)]);
        }
        for (i, a) in d.regions.iter().enumerate() {
            regions.push(vec![Int(id), Text(a.clone()), Int(i as i64)]);
        }
        outbox.push(vec![
            Text("expert".into()),
            Text(id.to_string()),
            Text(now.clone()),
        ]);
    }
    for (head, cols, rows) in [
        ("INSERT INTO expert_sectors (expert_id, sector)", 2, sectors),
        (
            "INSERT INTO expert_phenomena (expert_id, phenomenon_id, position)",
            3,
            phen,
        ),
        (
            "INSERT INTO expert_languages (expert_id, lang, position)",
            3,
            langs,
        ),
        (
            "INSERT INTO expert_regions (expert_id, area_code, position)",
            3,
            regions,
        ),
        ("INSERT INTO outbox (topic, object_id, at)", 3, outbox),
    ] {
        insert_rows::<()>(tx, head, cols, "", rows).await?;
    }
    Ok(ids.into_iter().map(ExpertId).collect())
}

pub async fn update(tx: &mut Tx, id: ExpertId, d: &ExpertDetails) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE experts SET name = $1, title = $2, organisation = $3, email = $4, phone = $5, \
         contact_note = $6, area_code = $7, remote = $8, paused_until = $9, pause_note = $10, \
         description_fi = $11, description_sv = $12, description_en = $13, \
         listed_publicly = $14, publish_contact = $15, updated_at = $16 WHERE id = $17",
    )
    .bind(&d.name)
    .bind(&d.title)
    .bind(&d.organisation)
    .bind(&d.email)
    .bind(&d.phone)
    .bind(&d.contact_note)
    .bind(&d.area)
    .bind(db::flag(d.remote))
    .bind(d.paused_until.map(|p| p.to_string()))
    .bind(&d.pause_note)
    .bind(&d.description_fi)
    .bind(&d.description_sv)
    .bind(&d.description_en)
    .bind(db::flag(d.listed_publicly))
    .bind(db::flag(d.publish_contact))
    .bind(db::now())
    .bind(id.0)
    .execute(&mut **tx)
    .await?;
    write_links(tx, id.0, d, false).await?;
    announce(tx, "expert", id.0).await
}

/// The profile with this e-mail address (the key of imports).
pub async fn id_by_email(tx: &mut Tx, email: &str) -> sqlx::Result<Option<(ExpertId, String)>> {
    let row: Option<(i64, String)> =
        sqlx::query_as("SELECT id, area_code FROM experts WHERE email = $1")
            .bind(email)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(row.map(|(id, area)| (ExpertId(id), area)))
}

/// Every profile's id and area by e-mail address: an import's rows are
/// matched against it in one query, not one per row.
pub async fn ids_by_email(
    conn: &mut sqlx::AnyConnection,
) -> sqlx::Result<HashMap<String, (ExpertId, String)>> {
    let mut out = HashMap::new();
    let mut rows =
        sqlx::query_as::<_, (i64, String, String)>("SELECT id, email, area_code FROM experts")
            .fetch(conn);
    while let Some((id, email, area)) = rows.try_next().await? {
        out.insert(email, (ExpertId(id), area));
    }
    Ok(out)
}

pub async fn email_taken(db: &Db, email: &str, except: Option<ExpertId>) -> sqlx::Result<bool> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM experts WHERE email = $1")
        .bind(email)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.is_some_and(|(id,)| Some(ExpertId(id)) != except))
}

// --- imports waiting for confirmation ------------------------------------------------

/// An import batch: who, where, which file, how many rows and what became of
/// it. The rows themselves (names, e-mail addresses) are in
/// `import_batch_rows` only while the batch waits for confirmation.
#[derive(Debug, Clone, FromRow)]
pub struct BatchRow {
    pub id: i64,
    pub user_id: i64,
    pub area_code: String,
    pub filename: String,
    pub row_count: i64,
    pub status: String,
}

/// How long a checked file waits for its confirmation; then the batch
/// expires and its rows are deleted.
pub const BATCH_TTL: jiff::SignedDuration = jiff::SignedDuration::from_hours(24);

pub async fn create_batch(
    db: &Db,
    user: UserId,
    area: &str,
    filename: &str,
    rows_json: &str,
    count: usize,
) -> sqlx::Result<i64> {
    let mut tx = db.begin().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO import_batches (user_id, area_code, filename, row_count, status, \
         created_at) VALUES ($1, $2, $3, $4, 'preview', $5) RETURNING id",
    )
    .bind(user.0)
    .bind(area)
    .bind(filename)
    .bind(count as i64)
    .bind(db::now())
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("INSERT INTO import_batch_rows (batch_id, rows_json) VALUES ($1, $2)")
        .bind(id)
        .bind(rows_json)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn batch(db: &Db, id: i64) -> sqlx::Result<Option<BatchRow>> {
    sqlx::query_as(
        "SELECT id, user_id, area_code, filename, row_count, status \
         FROM import_batches WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await
}

/// The checked rows of a waiting batch (JSON); `None` once it is done.
pub async fn batch_rows(tx: &mut Tx, id: i64) -> sqlx::Result<Option<String>> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT rows_json FROM import_batch_rows WHERE batch_id = $1")
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(row.map(|(j,)| j))
}

/// Marks a batch done and deletes its rows, in the caller's transaction;
/// false when it was not waiting (confirmed twice).
pub async fn finish_batch(tx: &mut Tx, id: i64, status: &str) -> sqlx::Result<bool> {
    let r = sqlx::query(
        "UPDATE import_batches SET status = $1, finished_at = $2 WHERE id = $3 AND status = 'preview'",
    )
    .bind(status)
    .bind(db::now())
    .bind(id)
    .execute(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM import_batch_rows WHERE batch_id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(r.rows_affected() == 1)
}

/// Batches that waited longer than [`BATCH_TTL`] expire and lose their
/// rows (the janitor's work, and every new import's). Returns how many.
pub async fn expire_batches(db: &Db) -> sqlx::Result<u64> {
    let before = db::timestamp(jiff::Timestamp::now() - BATCH_TTL);
    let mut tx = db.begin().await?;
    let r = sqlx::query(
        "UPDATE import_batches SET status = 'expired', finished_at = $1 \
         WHERE status = 'preview' AND created_at < $2",
    )
    .bind(db::now())
    .bind(&before)
    .execute(&mut *tx)
    .await?;
    if r.rows_affected() > 0 {
        sqlx::query(
            "DELETE FROM import_batch_rows WHERE batch_id IN \
             (SELECT id FROM import_batches WHERE status <> 'preview')",
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(r.rows_affected())
}
