//! The knowledge bank's tables: items, their versions and review steps,
//! saved items.

use crate::core::db::{self, Db, Tx};
use jiff::civil::Date;
use otalusta_domain::ids::UserId;
use otalusta_domain::knowledge::{Content, Kind, State, Step, Visibility};
use sqlx::FromRow;

/// An item's row: what readers see is `published_version`.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: i64,
    pub kind: Kind,
    pub visibility: Visibility,
    pub state: State,
    pub owner_id: i64,
    pub owner_name: String,
    pub area_code: Option<String>,
    pub current_version: i64,
    pub published_version: Option<i64>,
    pub review_by: Option<Date>,
    pub event_id: Option<i64>,
    pub updated_at: String,
    pub published_at: Option<String>,
}

#[derive(FromRow)]
struct ItemRow {
    id: i64,
    kind: String,
    visibility: String,
    state: String,
    owner_id: i64,
    owner_name: String,
    area_code: Option<String>,
    current_version: i64,
    published_version: Option<i64>,
    review_by: Option<String>,
    event_id: Option<i64>,
    updated_at: String,
    published_at: Option<String>,
}

impl ItemRow {
    fn parse(self) -> anyhow::Result<Item> {
        Ok(Item {
            id: self.id,
            kind: self.kind.parse()?,
            visibility: self.visibility.parse()?,
            state: self.state.parse()?,
            owner_id: self.owner_id,
            owner_name: self.owner_name,
            area_code: self.area_code,
            current_version: self.current_version,
            published_version: self.published_version,
            review_by: self.review_by.and_then(|d| d.parse().ok()),
            event_id: self.event_id,
            updated_at: self.updated_at,
            published_at: self.published_at,
        })
    }
}

const ITEM_SELECT: &str = "i.id, i.kind, i.visibility, i.state, i.owner_id, \
    u.display_name AS owner_name, i.area_code, i.current_version, i.published_version, \
    i.review_by, i.event_id, i.updated_at, i.published_at";
const ITEM_FROM: &str = "FROM knowledge_items i JOIN users u ON u.id = i.owner_id";

/// One saved version.
#[derive(Debug, Clone)]
pub struct Version {
    pub version: i64,
    pub kind: Kind,
    pub visibility: Visibility,
    pub content: Content,
    pub author_id: i64,
    pub author_name: String,
    pub note: String,
    pub created_at: String,
}

#[derive(FromRow)]
struct VersionRow {
    version: i64,
    kind: String,
    visibility: String,
    content: String,
    author_id: i64,
    author_name: String,
    note: String,
    created_at: String,
}

impl VersionRow {
    fn parse(self) -> anyhow::Result<Version> {
        Ok(Version {
            version: self.version,
            kind: self.kind.parse()?,
            visibility: self.visibility.parse()?,
            content: serde_json::from_str(&self.content)?,
            author_id: self.author_id,
            author_name: self.author_name,
            note: self.note,
            created_at: self.created_at,
        })
    }
}

const VERSION_COLS: &str = "v.version, v.kind, v.visibility, v.content, v.author_id, \
    u.display_name AS author_name, v.note, v.created_at \
    FROM knowledge_versions v JOIN users u ON u.id = v.author_id";

/// What a new version holds.
pub struct Draft<'a> {
    pub kind: Kind,
    pub visibility: Visibility,
    pub content: &'a Content,
    pub review_by: Option<Date>,
    pub note: &'a str,
}

async fn insert_version(
    tx: &mut Tx,
    id: i64,
    version: i64,
    d: &Draft<'_>,
    by: UserId,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO knowledge_versions (item_id, version, kind, visibility, content, author_id, note, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id)
    .bind(version)
    .bind(d.kind.key())
    .bind(d.visibility.key())
    .bind(serde_json::to_string(d.content)?)
    .bind(by.0)
    .bind(d.note)
    .bind(db::now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A new item as a draft (version 1) owned by `by`.
pub async fn create(
    tx: &mut Tx,
    d: &Draft<'_>,
    area: Option<&str>,
    by: UserId,
) -> anyhow::Result<i64> {
    let now = db::now();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO knowledge_items (kind, visibility, state, owner_id, area_code, current_version, \
         review_by, created_at, updated_at) VALUES ($1, $2, 'draft', $3, $4, 1, $5, $6, $6) RETURNING id",
    )
    .bind(d.kind.key())
    .bind(d.visibility.key())
    .bind(by.0)
    .bind(area)
    .bind(d.review_by.map(|d| d.to_string()))
    .bind(&now)
    .fetch_one(&mut **tx)
    .await?;
    insert_version(tx, id, 1, d, by).await?;
    Ok(id)
}

/// Saves the next version unless someone saved one after `expected` (then
/// `None`, nothing written). The item becomes a draft again; readers keep
/// seeing the published version until the new one is approved.
pub async fn save_version(
    tx: &mut Tx,
    id: i64,
    expected: i64,
    d: &Draft<'_>,
    by: UserId,
) -> anyhow::Result<Option<i64>> {
    let next = expected + 1;
    let claimed = sqlx::query(
        "UPDATE knowledge_items SET current_version = $1, state = 'draft', review_by = $2, \
         updated_at = $3 WHERE id = $4 AND current_version = $5 AND state <> 'archived'",
    )
    .bind(next)
    .bind(d.review_by.map(|d| d.to_string()))
    .bind(db::now())
    .bind(id)
    .bind(expected)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if claimed == 0 {
        return Ok(None);
    }
    insert_version(tx, id, next, d, by).await?;
    Ok(Some(next))
}

/// Takes a workflow step on version `expected` from state `from` to `to`;
/// `false` when the item moved on meanwhile (nothing written). Approving
/// publishes the version with its kind and visibility.
#[allow(clippy::too_many_arguments)]
pub async fn take_step(
    tx: &mut Tx,
    id: i64,
    expected: i64,
    from: State,
    to: State,
    step: Step,
    by: UserId,
    comment: &str,
) -> anyhow::Result<bool> {
    let now = db::now();
    let changed = if step == Step::Approve {
        sqlx::query(
            "UPDATE knowledge_items SET state = $1, published_version = current_version, \
             kind = (SELECT kind FROM knowledge_versions WHERE item_id = $3 AND version = $4), \
             visibility = (SELECT visibility FROM knowledge_versions WHERE item_id = $3 AND version = $4), \
             published_at = $2, updated_at = $2 \
             WHERE id = $3 AND current_version = $4 AND state = $5",
        )
    } else if step == Step::Archive {
        // Withdrawn for good: restoring it makes a draft that is reviewed
        // again before anyone reads it.
        sqlx::query(
            "UPDATE knowledge_items SET state = $1, updated_at = $2, published_version = NULL, \
             published_at = NULL WHERE id = $3 AND current_version = $4 AND state = $5",
        )
    } else {
        sqlx::query(
            "UPDATE knowledge_items SET state = $1, updated_at = $2 \
             WHERE id = $3 AND current_version = $4 AND state = $5",
        )
    }
    .bind(to.key())
    .bind(&now)
    .bind(id)
    .bind(expected)
    .bind(from.key())
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO knowledge_reviews (item_id, version, step, actor_id, comment, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(expected)
    .bind(step.key())
    .bind(by.0)
    .bind(comment)
    .bind(&now)
    .execute(&mut **tx)
    .await?;
    Ok(true)
}

pub async fn get(db: &Db, id: i64) -> anyhow::Result<Option<Item>> {
    let sql = format!("SELECT {ITEM_SELECT} {ITEM_FROM} WHERE i.id = $1");
    sqlx::query_as::<_, ItemRow>(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(db.pool())
        .await?
        .map(ItemRow::parse)
        .transpose()
}

pub async fn version(db: &Db, id: i64, version: i64) -> anyhow::Result<Option<Version>> {
    let sql = format!("SELECT {VERSION_COLS} WHERE v.item_id = $1 AND v.version = $2");
    sqlx::query_as::<_, VersionRow>(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .bind(version)
        .fetch_optional(db.pool())
        .await?
        .map(VersionRow::parse)
        .transpose()
}

/// Every version, newest first.
pub async fn versions(db: &Db, id: i64) -> anyhow::Result<Vec<Version>> {
    let sql = format!("SELECT {VERSION_COLS} WHERE v.item_id = $1 ORDER BY v.version DESC");
    sqlx::query_as::<_, VersionRow>(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_all(db.pool())
        .await?
        .into_iter()
        .map(VersionRow::parse)
        .collect()
}

/// One workflow step as recorded.
#[derive(Debug, Clone, FromRow)]
pub struct Review {
    pub version: i64,
    pub step: String,
    pub actor_name: String,
    pub comment: String,
    pub created_at: String,
}

pub async fn reviews(db: &Db, id: i64) -> anyhow::Result<Vec<Review>> {
    Ok(sqlx::query_as(
        "SELECT r.version, r.step, u.display_name AS actor_name, r.comment, r.created_at \
         FROM knowledge_reviews r JOIN users u ON u.id = r.actor_id \
         WHERE r.item_id = $1 ORDER BY r.id DESC",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?)
}

/// A listed item with the version that stands for it.
#[derive(Debug, Clone)]
pub struct Listed {
    pub item: Item,
    pub version: i64,
    pub content: Content,
}

#[derive(FromRow)]
struct ListedRow {
    #[sqlx(flatten)]
    item: ItemRow,
    version: i64,
    content: String,
}

impl ListedRow {
    fn parse(self) -> anyhow::Result<Listed> {
        Ok(Listed {
            item: self.item.parse()?,
            version: self.version,
            content: serde_json::from_str(&self.content)?,
        })
    }
}

async fn listed(
    db: &Db,
    join_on: &str,
    filter: &str,
    bind: Option<i64>,
) -> anyhow::Result<Vec<Listed>> {
    let sql = format!(
        "SELECT {ITEM_SELECT}, kv.version AS version, kv.content AS content {ITEM_FROM} \
         JOIN knowledge_versions kv ON kv.item_id = i.id AND kv.version = {join_on} \
         WHERE {filter} ORDER BY i.id DESC"
    );
    let mut q = sqlx::query_as::<_, ListedRow>(sqlx::AssertSqlSafe(sql));
    if let Some(b) = bind {
        q = q.bind(b);
    }
    q.fetch_all(db.pool())
        .await?
        .into_iter()
        .map(ListedRow::parse)
        .collect()
}

/// The published items readers of `visibilities` may see, newest first.
pub async fn published(db: &Db, visibilities: &[Visibility]) -> anyhow::Result<Vec<Listed>> {
    let list: Vec<String> = visibilities
        .iter()
        .map(|v| format!("'{}'", v.key()))
        .collect();
    let filter = format!(
        "i.published_version IS NOT NULL AND i.state <> 'archived' AND i.visibility IN ({})",
        list.join(", ")
    );
    listed(db, "i.published_version", &filter, None).await
}

/// Items `user` owns, with their newest version.
pub async fn owned_by(db: &Db, user: UserId) -> anyhow::Result<Vec<Listed>> {
    listed(db, "i.current_version", "i.owner_id = $1", Some(user.0)).await
}

/// Items waiting for a reviewer, with the version under review.
pub async fn in_review(db: &Db) -> anyhow::Result<Vec<Listed>> {
    listed(db, "i.current_version", "i.state = 'review'", None).await
}

/// Every item with its newest version (coordinators' overview).
pub async fn all_current(db: &Db) -> anyhow::Result<Vec<Listed>> {
    listed(db, "i.current_version", "i.state <> 'archived'", None).await
}

/// Saves or unsaves an item for `user`; returns whether it is saved now.
pub async fn toggle_saved(tx: &mut Tx, user: UserId, id: i64) -> anyhow::Result<bool> {
    let removed = sqlx::query("DELETE FROM knowledge_saved WHERE user_id = $1 AND item_id = $2")
        .bind(user.0)
        .bind(id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    if removed > 0 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO knowledge_saved (user_id, item_id, saved_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id, item_id) DO NOTHING",
    )
    .bind(user.0)
    .bind(id)
    .bind(db::now())
    .execute(&mut **tx)
    .await?;
    Ok(true)
}

pub async fn is_saved(db: &Db, user: UserId, id: i64) -> anyhow::Result<bool> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT item_id FROM knowledge_saved WHERE user_id = $1 AND item_id = $2")
            .bind(user.0)
            .bind(id)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.is_some())
}

/// The ids `user` saved, newest first.
pub async fn saved_ids(db: &Db, user: UserId) -> anyhow::Result<Vec<i64>> {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT item_id FROM knowledge_saved WHERE user_id = $1 ORDER BY saved_at DESC",
    )
    .bind(user.0)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// Marks `id` as the recording or materials of `event`.
pub async fn link_event(tx: &mut Tx, id: i64, event: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE knowledge_items SET event_id = $1 WHERE id = $2")
        .bind(event)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Whether `user` wrote a version of `id` after its published one (or any,
/// when none is published): such a person is an author of what a review
/// would publish, and may not approve it.
pub async fn wrote_unpublished(
    db: &Db,
    id: i64,
    published: Option<i64>,
    user: UserId,
) -> anyhow::Result<bool> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT version FROM knowledge_versions WHERE item_id = $1 AND version > $2 AND author_id = $3 LIMIT 1",
    )
    .bind(id)
    .bind(published.unwrap_or(0))
    .bind(user.0)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.is_some())
}

/// The published glossary terms readers of `visibilities` may see: id,
/// the texts (no other content read).
pub async fn terms(db: &Db, visibilities: &[Visibility]) -> anyhow::Result<Vec<Listed>> {
    let list: Vec<String> = visibilities
        .iter()
        .map(|v| format!("'{}'", v.key()))
        .collect();
    let filter = format!(
        "i.kind = 'term' AND i.published_version IS NOT NULL AND i.state <> 'archived' AND i.visibility IN ({})",
        list.join(", ")
    );
    listed(db, "i.published_version", &filter, None).await
}
