//! An item's attachments (liitteet): the request attachments' safe types
//! and names (`consultations::attachments`), 5 MiB each, 20 MiB an item.
//! Readers see those added before the version they read was approved:
//! a file added later waits for the next approval like any change.

use super::{load_for_work, log_event, may_edit, reader, store};
use crate::audit;
use crate::auth::{Ctx, CurrentUser, Session};
use crate::consultations::attachments::{
    MAX_ATTACHMENT, clean_filename, content_disposition, detect_type,
};
use crate::core::db::{self, Db, Tx};
use crate::core::error::{AppError, AppResult};
use crate::core::forms::{CsrfForm, Empty, read_upload_limited};
use crate::core::web::AppState;
use axum::Extension;
use axum::extract::{Multipart, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use otalusta_domain::knowledge::State as ItemState;
use otalusta_domain::role::Role;

/// All of one item's attachments together.
pub const MAX_TOTAL: i64 = 20 * 1024 * 1024;

/// An attachment as listed.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Attachment {
    pub id: i64,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub uploaded_at: String,
}

impl Attachment {
    /// `1,2 Mt`, `34 kt`.
    pub fn size_text(&self) -> String {
        if self.size >= 1024 * 1024 {
            format!("{:.1} Mt", self.size as f64 / (1024.0 * 1024.0)).replace('.', ",")
        } else {
            format!("{} kt", (self.size + 1023) / 1024)
        }
    }
}

/// The attachments in place, oldest first; `approved_by` (a timestamp)
/// keeps only those added before it.
pub async fn list(db: &Db, item: i64, approved_by: Option<&str>) -> AppResult<Vec<Attachment>> {
    let rows: Vec<Attachment> = sqlx::query_as(
        "SELECT id, filename, content_type, size, uploaded_at FROM knowledge_attachments \
         WHERE item_id = $1 AND removed_at IS NULL ORDER BY id",
    )
    .bind(item)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .filter(|a| approved_by.is_none_or(|t| a.uploaded_at.as_str() <= t))
        .collect())
}

async fn total(tx: &mut Tx, item: i64) -> sqlx::Result<i64> {
    // PostgreSQL sums BIGINTs as NUMERIC: cast back.
    let (n,): (Option<i64>,) = sqlx::query_as(
        "SELECT CAST(SUM(size) AS BIGINT) FROM knowledge_attachments WHERE item_id = $1 AND removed_at IS NULL",
    )
    .bind(item)
    .fetch_one(&mut **tx)
    .await?;
    Ok(n.unwrap_or(0))
}

fn back(id: i64, done: &str) -> Response {
    Redirect::to(&format!("/knowledge/{id}?done={done}#attachments")).into_response()
}

/// A refused file: back to the page, which says why as an error.
fn refused(id: i64, problem: &str) -> Response {
    Redirect::to(&format!("/knowledge/{id}?problem={problem}#attachments")).into_response()
}

pub async fn upload(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path(id): Path<i64>,
    multipart: Multipart,
) -> AppResult<Response> {
    let upload = read_upload_limited(multipart, &state, &ctx, &s, MAX_ATTACHMENT).await?;
    let item = load_for_work(&state, &s, id).await?;
    let role = s.require(&super::edit_action(&item))?;
    if item.state == ItemState::Archived {
        return Err(AppError::Conflict("knowledge-archived"));
    }
    let (name, bytes) = match upload.file {
        _ if upload.too_large => return Ok(refused(id, "knowledge-attachment-too-large")),
        Some((n, b)) if !b.is_empty() => (clean_filename(&n), b),
        _ => return Ok(refused(id, "knowledge-attachment-missing")),
    };
    let Some(ct) = detect_type(&name, &bytes) else {
        return Ok(refused(id, "knowledge-attachment-type"));
    };
    // A file is a change like any other: it makes the next version (the
    // item's row is claimed, so parallel uploads queue behind it), and
    // readers see it once that version is approved; an approval of an
    // older page is then refused.
    let current = store::version(&state.db, id, item.current_version)
        .await?
        .ok_or(AppError::NotFound)?;
    let note = format!("+ {name}");
    let mut tx = state.db.begin().await?;
    let bumped = store::save_version(
        &mut tx,
        id,
        item.current_version,
        &store::Draft {
            kind: current.kind,
            visibility: current.visibility,
            content: &current.content,
            review_by: item.review_by,
            note: &note,
        },
        s.actor.user_id,
    )
    .await?;
    if bumped.is_none() {
        tx.rollback().await?;
        return Err(AppError::Conflict("knowledge-moved-on"));
    }
    if total(&mut tx, id).await? + bytes.len() as i64 > MAX_TOTAL {
        tx.rollback().await?;
        return Ok(refused(id, "knowledge-attachment-total"));
    }
    let sha = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&bytes));
    let (aid,): (i64,) = sqlx::query_as(
        "INSERT INTO knowledge_attachments (item_id, filename, content_type, size, sha256, data, uploaded_by, uploaded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(id)
    .bind(&name)
    .bind(ct)
    .bind(bytes.len() as i64)
    .bind(sha)
    .bind(bytes)
    .bind(s.actor.user_id.0)
    .bind(db::now())
    .fetch_one(&mut *tx)
    .await?;
    let mut e = log_event(&ctx, &s, role, "knowledge.attachment.create", id);
    e.purpose = format!("knowledge; attachment {aid}");
    audit::store::append(&mut tx, e).await?;
    tx.commit().await?;
    Ok(back(id, "knowledge-attachment-added"))
}

pub async fn download(
    State(state): State<AppState>,
    session: Option<Extension<Session>>,
    Path((id, aid)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let s = session.as_ref().map(|e| &e.0);
    let item = store::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let worker = s.is_some_and(|s| may_edit(s, &item) || super::may_review(s, 0));
    let readable = item.published_version.is_some()
        && item.state != ItemState::Archived
        && item.visibility.readable_by(reader(s));
    let shown = if worker {
        list(&state.db, id, None).await?
    } else if readable {
        list(&state.db, id, item.published_at.as_deref()).await?
    } else {
        Vec::new()
    };
    if !shown.iter().any(|a| a.id == aid) {
        return Err(AppError::NotFound);
    }
    let (name, ct, data): (String, String, Vec<u8>) = sqlx::query_as(
        "SELECT filename, content_type, data FROM knowledge_attachments WHERE id = $1 AND item_id = $2",
    )
    .bind(aid)
    .bind(id)
    .fetch_one(state.db.pool())
    .await?;
    Ok((
        [
            (header::CONTENT_TYPE, ct),
            (header::CONTENT_DISPOSITION, content_disposition(&name)),
        ],
        data,
    )
        .into_response())
}

pub async fn remove(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path((id, aid)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let item = load_for_work(&state, &s, id).await?;
    let role: Role = s.require(&super::edit_action(&item))?;
    let mut tx = state.db.begin().await?;
    let n = sqlx::query(
        "UPDATE knowledge_attachments SET removed_at = $1, data = $4 WHERE id = $2 AND item_id = $3 AND removed_at IS NULL",
    )
    .bind(db::now())
    .bind(aid)
    .bind(id)
    // The file itself is deleted (one added by mistake may hold what
    // must not stay); its name, size and hash remain with the log entry.
    .bind(Vec::<u8>::new())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        tx.rollback().await?;
        return Err(AppError::NotFound);
    }
    let mut e = log_event(&ctx, &s, role, "knowledge.attachment.remove", id);
    e.purpose = format!("knowledge; attachment {aid}");
    audit::store::append(&mut tx, e).await?;
    tx.commit().await?;
    Ok(back(id, "knowledge-attachment-removed"))
}
