//! Form bodies with CSRF protection.
//!
//! Every state-changing HTML form posts a `csrf` field. The token is an HMAC
//! of the session (or, before login, of a random cookie) under a server key,
//! so it cannot be forged cross-site, and it needs no storage.

use crate::auth::Session;
use crate::core::config::Config;
use crate::core::error::AppError;
use crate::core::web::{AppState, ReqCtx};
use axum::extract::{FromRequest, Request};
use axum::http::{StatusCode, header};
use base64::Engine;
use hmac::{Hmac, KeyInit, Mac};
use serde::de::DeserializeOwned;
use sha2::Sha256;

/// Largest request body accepted anywhere but the upload routes: forms and
/// JSON alike (the longest text people type, a request's answers, is far
/// below it). File uploads are multipart and have their own limit.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// Refuses text with control characters people never type (NUL, escape…;
/// `otalusta_domain::text`): nothing of such a body is stored, and the
/// message says why. Every form field goes through here, so no handler can
/// forget it.
pub fn refuse_control_chars<'a>(texts: impl IntoIterator<Item = &'a str>) -> Result<(), AppError> {
    if texts.into_iter().all(otalusta_domain::text::is_clean) {
        Ok(())
    } else {
        Err(AppError::BadRequest("error-control-characters"))
    }
}

pub fn csrf_token(config: &Config, ctx: &ReqCtx, session: Option<&Session>) -> String {
    let binding = match session.and_then(|s| s.token_hash.as_deref()) {
        Some(hash) => format!("s:{hash}"),
        None => format!("a:{}", ctx.anon_nonce),
    };
    let mut mac =
        <Hmac<Sha256> as KeyInit>::new_from_slice(&config.keys.csrf).expect("any key length");
    mac.update(binding.as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
}

pub fn tokens_match(a: &str, b: &str) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// A form with no fields but the CSRF token (a button).
#[derive(serde::Deserialize)]
pub struct Empty {}

/// An urlencoded form whose `csrf` field has been checked.
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, AppError> {
        let is_form = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        let ctx = req
            .extensions()
            .get::<ReqCtx>()
            .cloned()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("no request context")))?;
        let session = req.extensions().get::<Session>().cloned();
        if !is_form {
            // Without a form body there is no token either.
            return Err(AppError::Csrf);
        }
        let bytes = axum::body::to_bytes(req.into_body(), BODY_LIMIT)
            .await
            .map_err(|_| AppError::PayloadTooLarge)?;
        let pairs: Vec<(String, String)> = serde_html_form::from_bytes(&bytes)
            .map_err(|_| AppError::BadRequest("error-bad-request"))?;
        let sent = pairs
            .iter()
            .find(|(k, _)| k == "csrf")
            .map(|(_, v)| v.as_str())
            .unwrap_or("");
        let expected = csrf_token(&state.config, &ctx, session.as_ref());
        if !tokens_match(sent, &expected) {
            tracing::warn!("rejected a form with a missing or wrong CSRF token");
            return Err(AppError::Csrf);
        }
        refuse_control_chars(pairs.iter().flat_map(|(k, v)| [k.as_str(), v.as_str()]))?;
        let value = serde_html_form::from_bytes(&bytes).map_err(|e| {
            tracing::debug!(error = %e, "form did not deserialize");
            AppError::BadRequest("error-bad-request")
        })?;
        Ok(CsrfForm(value))
    }
}

/// A multipart form carrying one file: its text fields and the file
/// (name, bytes), read after the CSRF token was checked.
pub struct Upload {
    pub fields: std::collections::HashMap<String, String>,
    /// The text fields in order, every value of a repeated name (checkboxes).
    pub pairs: Vec<(String, String)>,
    pub file: Option<(String, Vec<u8>)>,
    /// The file was larger than the reader's limit: its bytes were read
    /// and dropped (`file` holds its name and no bytes).
    pub too_large: bool,
}

/// Reads a multipart upload; the body limit of the route bounds it, and a
/// wrong or missing CSRF token refuses it.
pub async fn read_upload(
    multipart: axum::extract::Multipart,
    state: &AppState,
    ctx: &ReqCtx,
    session: &Session,
) -> Result<Upload, AppError> {
    let upload = read_upload_limited(multipart, state, ctx, session, usize::MAX).await?;
    if upload.too_large {
        return Err(AppError::PayloadTooLarge);
    }
    Ok(upload)
}

/// Reads a multipart upload chunk by chunk, keeping at most `max_file`
/// bytes of the file: past that the rest is read and dropped (so the client
/// gets the answer instead of a reset connection) and `too_large` is set.
/// The route's body limit (`DefaultBodyLimit`) ends the reading too; that
/// also counts as too large. A wrong or missing CSRF token refuses it.
pub async fn read_upload_limited(
    mut multipart: axum::extract::Multipart,
    state: &AppState,
    ctx: &ReqCtx,
    session: &Session,
    max_file: usize,
) -> Result<Upload, AppError> {
    let bad = |_| AppError::BadRequest("error-bad-request");
    let over_limit =
        |e: &axum::extract::multipart::MultipartError| e.status() == StatusCode::PAYLOAD_TOO_LARGE;
    let mut fields = std::collections::HashMap::new();
    let mut pairs = Vec::new();
    let mut file = None;
    let mut too_large = false;
    'fields: loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) if over_limit(&e) => {
                too_large = true;
                break;
            }
            Err(e) => return Err(bad(e)),
        };
        let name = field.name().unwrap_or("").to_owned();
        if name == "file" {
            let filename = field.file_name().unwrap_or("").to_owned();
            let mut bytes = Vec::new();
            loop {
                match field.chunk().await {
                    Ok(Some(chunk)) if too_large => drop(chunk),
                    Ok(Some(chunk)) if bytes.len() + chunk.len() > max_file => {
                        too_large = true;
                        bytes = Vec::new();
                    }
                    Ok(Some(chunk)) => bytes.extend_from_slice(&chunk),
                    Ok(None) => break,
                    // A body limit, or a body cut short: as before the
                    // file is refused as too large.
                    Err(_) => {
                        too_large = true;
                        file = Some((filename, Vec::new()));
                        break 'fields;
                    }
                }
            }
            file = Some((filename, bytes));
        } else {
            match field.text().await {
                Ok(text) => {
                    pairs.push((name.clone(), text.clone()));
                    fields.insert(name, text);
                }
                Err(e) if over_limit(&e) => {
                    too_large = true;
                    break;
                }
                Err(e) => return Err(bad(e)),
            }
        }
    }
    let sent = fields.get("csrf").map(String::as_str).unwrap_or("");
    if !tokens_match(sent, &csrf_token(&state.config, ctx, Some(session))) {
        return Err(AppError::Csrf);
    }
    refuse_control_chars(pairs.iter().flat_map(|(k, v)| [k.as_str(), v.as_str()]))?;
    Ok(Upload {
        fields,
        pairs,
        file,
        too_large,
    })
}

/// A posted form whose fields may repeat (checkboxes, rows), by name.
pub fn pairs_to_map(
    pairs: Vec<(String, String)>,
) -> std::collections::HashMap<String, Vec<String>> {
    let mut m: std::collections::HashMap<String, Vec<String>> = std::collections::HashMap::new();
    for (k, v) in pairs {
        m.entry(k).or_default().push(v);
    }
    m
}

/// The first value of a field, or empty.
pub fn one<'a>(m: &'a std::collections::HashMap<String, Vec<String>>, key: &str) -> &'a str {
    m.get(key)
        .and_then(|v| v.first())
        .map(String::as_str)
        .unwrap_or("")
}
