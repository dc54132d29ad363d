//! Attachments of a request: only types office and hospital systems open
//! safely, checked from the content; size limits; every read logged.

use super::requests::{draft_of, form_again, pairs_to_map, store_checked};
use super::store;
use super::workflow::{Work, unchanged};
use super::{authorize, log_event, view_action};
use crate::audit;
use crate::auth::{Ctx, CurrentUser};
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::forms::{CsrfForm, read_upload_limited};
use crate::core::page::Page;
use crate::core::web::AppState;
use axum::extract::{Multipart, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use otalusta_domain::audit::Outcome;
use otalusta_domain::policy::Action;
use otalusta_domain::role::Role;

/// Largest attachment, and all of one request's together.
pub const MAX_ATTACHMENT: usize = 5 * 1024 * 1024;
pub const MAX_ATTACHMENTS_TOTAL: i64 = 20 * 1024 * 1024;

/// The type of an upload, from its first bytes and its name; only types
/// that office and hospital systems open safely are taken.
pub fn detect_type(filename: &str, bytes: &[u8]) -> Option<&'static str> {
    let ext = filename
        .rsplit_once('.')
        .map(|(_, e)| e.to_lowercase())
        .unwrap_or_default();
    let zip = bytes.starts_with(b"PK\x03\x04");
    match ext.as_str() {
        "pdf" if bytes.starts_with(b"%PDF-") => Some("application/pdf"),
        "png" if bytes.starts_with(b"\x89PNG\r\n\x1a\n") => Some("image/png"),
        "jpg" | "jpeg" if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) => Some("image/jpeg"),
        "docx" if zip => {
            Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        }
        "xlsx" if zip => Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        "odt" if zip => Some("application/vnd.oasis.opendocument.text"),
        "txt" if std::str::from_utf8(bytes).is_ok() => Some("text/plain; charset=utf-8"),
        _ => None,
    }
}

/// A file name safe to store and send back: no paths, no quotes, no
/// control or direction characters (`otalusta_domain::text::safe_filename`).
pub fn clean_filename(name: &str) -> String {
    otalusta_domain::text::safe_filename(name, "liite")
}

/// RFC 8187's percent-encoding of a header parameter value (`filename*`):
/// every byte but the `attr-char`s encoded, a space as `%20` (form
/// encoding's `+` would be read as a plus sign).
fn ext_value(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `attachment; filename*=UTF-8''…` for a stored name, cleaned again: a
/// name stored before direction characters were removed must not reverse
/// in the save dialog either.
pub fn content_disposition(name: &str) -> String {
    format!(
        "attachment; filename*=UTF-8''{}",
        ext_value(&clean_filename(name))
    )
}

pub async fn upload(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    multipart: Multipart,
) -> AppResult<Response> {
    // A file over the limit is read and dropped (the answers before it are
    // kept and saved), so the person hears why rather than losing the form.
    let upload = read_upload_limited(multipart, &state, &ctx, &s, MAX_ATTACHMENT).await?;
    let too_large = upload.too_large;
    let file = upload.file;
    let (r, g, role) = authorize(&state, &s, &ctx, id, "attachment.create", |r, _| {
        Action::EditRequest {
            requester: r.requester_id,
        }
    })
    .await?;
    if !r.status.editable() {
        return Err(AppError::Conflict("request-not-editable"));
    }
    // Added from the form: the answers typed so far are saved with it.
    let form = store::form_version(&state.db, r.form_version_id).await?;
    let posted = pairs_to_map(upload.pairs);
    let draft = match draft_of(&state, &r, &form.form, &posted) {
        Ok(d) => d,
        Err(errors) => {
            return form_again(&state, page, Some(&r), &g, &form.form, &posted, errors).await;
        }
    };
    let mut errors = FieldErrors::new();
    let checked = match file.filter(|(_, b)| !b.is_empty() || too_large) {
        Some(_) if too_large => {
            errors.add("file", "attachment-too-large");
            None
        }
        None => {
            errors.add("file", "attachment-missing");
            None
        }
        Some((name, bytes)) => {
            let name = clean_filename(&name);
            if bytes.len() > MAX_ATTACHMENT {
                errors.add("file", "attachment-too-large");
                None
            } else if store::attachment_total(&state.db, r.id).await? + bytes.len() as i64
                > MAX_ATTACHMENTS_TOTAL
            {
                errors.add("file", "attachment-total-too-large");
                None
            } else {
                match detect_type(&name, &bytes) {
                    Some(ct) => Some((name, ct, bytes)),
                    None => {
                        errors.add("file", "attachment-type");
                        None
                    }
                }
            }
        }
    };
    let Some((name, ct, bytes)) = checked else {
        // The file is refused; the answers typed with it are saved all the
        // same, and come back with the reason.
        if let Some(c) = &draft {
            let mut w = Work::begin(&state).await?;
            let fresh = w.lock_request(r.id).await?;
            unchanged(&fresh, &r)?;
            if !fresh.status.editable() {
                return Err(AppError::Conflict("request-not-editable"));
            }
            store_checked(&mut w, &ctx, &s, role, &fresh, c).await?;
            w.commit("").await?;
        }
        let posted = if draft.is_some() {
            posted
        } else {
            stored_answers(&r, &form.form)
        };
        return form_again(&state, page, Some(&r), &g, &form.form, &posted, errors).await;
    };
    let mut w = Work::begin(&state).await?;
    let fresh = w.lock_request(r.id).await?;
    unchanged(&fresh, &r)?;
    if !fresh.status.editable() {
        return Err(AppError::Conflict("request-not-editable"));
    }
    // Two uploads at once must not pass the limit together.
    if store::attachment_total_in(w.tx(), r.id).await? + bytes.len() as i64 > MAX_ATTACHMENTS_TOTAL
    {
        return Err(AppError::Conflict("attachment-total-too-large"));
    }
    if let Some(c) = &draft {
        store_checked(&mut w, &ctx, &s, role, &fresh, c).await?;
    }
    let aid = store::add_attachment(w.tx(), r.id, &name, ct, &bytes, s.actor.user_id).await?;
    let mut e = log_event(
        &ctx,
        &s,
        Some(role),
        "attachment.create",
        r.id,
        Outcome::Success,
    );
    e.purpose = format!("consultation; attachment {aid}");
    audit::store::append(w.tx(), e).await?;
    w.commit("").await?;
    Ok(Redirect::to(&format!("/requests/{id}/edit#attachments")).into_response())
}

pub async fn download(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path((id, aid)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let (r, _, role) = authorize(&state, &s, &ctx, id, "attachment.read", view_action).await?;
    // The coordinator's overview has no case content.
    if role == Role::Coordinator && !s.actor.is_secretary_of(r.group_id) {
        audit::store::record(
            &state.db,
            log_event(
                &ctx,
                &s,
                Some(role),
                "attachment.read",
                r.id,
                Outcome::Denied,
            ),
        )
        .await?;
        return Err(AppError::Forbidden);
    }
    let (name, ct, data) = store::attachment_data(&state.db, r.id, aid)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut e = log_event(
        &ctx,
        &s,
        Some(role),
        "attachment.read",
        r.id,
        Outcome::Success,
    );
    e.purpose = format!("consultation; attachment {aid}");
    audit::store::record(&state.db, e).await?;
    let disposition = content_disposition(&name);
    Ok((
        [
            (header::CONTENT_TYPE, ct),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        data,
    )
        .into_response())
}

pub async fn delete_attachment(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path((id, aid)): Path<(i64, i64)>,
    page: Page,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (r, g, role) = authorize(&state, &s, &ctx, id, "attachment.delete", |r, _| {
        Action::EditRequest {
            requester: r.requester_id,
        }
    })
    .await?;
    if !r.status.editable() {
        return Err(AppError::Conflict("request-not-editable"));
    }
    // Removed from the form: the answers typed so far are saved too.
    let form = store::form_version(&state.db, r.form_version_id).await?;
    let posted = pairs_to_map(pairs);
    let draft = match draft_of(&state, &r, &form.form, &posted) {
        Ok(d) => d,
        Err(errors) => {
            return form_again(&state, page, Some(&r), &g, &form.form, &posted, errors).await;
        }
    };
    let mut w = Work::begin(&state).await?;
    let fresh = w.lock_request(r.id).await?;
    unchanged(&fresh, &r)?;
    if !fresh.status.editable() {
        return Err(AppError::Conflict("request-not-editable"));
    }
    if let Some(c) = &draft {
        store_checked(&mut w, &ctx, &s, role, &fresh, c).await?;
    }
    if !store::delete_attachment(w.tx(), r.id, aid).await? {
        return Err(AppError::NotFound);
    }
    let mut e = log_event(
        &ctx,
        &s,
        Some(role),
        "attachment.delete",
        r.id,
        Outcome::Success,
    );
    e.purpose = format!("consultation; attachment {aid}");
    audit::store::append(w.tx(), e).await?;
    w.commit("").await?;
    Ok(Redirect::to(&format!("/requests/{id}/edit#attachments")).into_response())
}

/// The stored answers as the form posts them.
fn stored_answers(
    r: &store::Request,
    form: &otalusta_domain::questionnaire::Questionnaire,
) -> std::collections::HashMap<String, Vec<String>> {
    let mut posted = form.to_posted(&r.answers);
    posted.insert("identification".into(), vec![r.identification.key().into()]);
    posted.insert("basis_note".into(), vec![r.basis_note.clone()]);
    posted
}
