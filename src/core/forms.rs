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
use axum::http::header;
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
    pub file: Option<(String, Vec<u8>)>,
}

/// Reads a multipart upload; the body limit of the route bounds it, and a
/// wrong or missing CSRF token refuses it.
pub async fn read_upload(
    mut multipart: axum::extract::Multipart,
    state: &AppState,
    ctx: &ReqCtx,
    session: &Session,
) -> Result<Upload, AppError> {
    let bad = |_| AppError::BadRequest("error-bad-request");
    let mut fields = std::collections::HashMap::new();
    let mut file = None;
    while let Some(field) = multipart.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or("").to_owned();
        if name == "file" {
            let filename = field.file_name().unwrap_or("").to_owned();
            let bytes = field.bytes().await.map_err(|_| AppError::PayloadTooLarge)?;
            file = Some((filename, bytes.to_vec()));
        } else {
            fields.insert(name, field.text().await.map_err(bad)?);
        }
    }
    let sent = fields.get("csrf").map(String::as_str).unwrap_or("");
    if !tokens_match(sent, &csrf_token(&state.config, ctx, Some(session))) {
        return Err(AppError::Csrf);
    }
    refuse_control_chars(fields.iter().flat_map(|(k, v)| [k.as_str(), v.as_str()]))?;
    Ok(Upload { fields, file })
}
