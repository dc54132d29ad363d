//! Asiakkaan tarkastusoikeus: the auditor's report of who has seen one
//! client's data. The client is found by identity code among the requests
//! that carry one (stored sealed, so each is opened with the data key);
//! the report lists every access-log entry of those requests, list views
//! included (they are logged per case). The code is posted, never put in a
//! URL, and the log names the client by a keyed pseudonym only.

use super::store;
use crate::auth::{Ctx, CurrentUser};
use crate::core::error::{AppResult, FieldErrors};
use crate::core::forms::CsrfForm;
use crate::core::page::{Page, render};
use crate::core::web::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use hmac::{Hmac, KeyInit, Mac};
use otalusta_domain::audit::{AuditEntry, Outcome};
use otalusta_domain::hetu::PersonalIdentityCode;
use otalusta_domain::policy::Action;
use serde::Deserialize;
use sha2::Sha256;

/// At most this many entries are shown (newest first).
const LIMIT: i64 = 1000;

#[derive(Template)]
#[template(path = "audit/client.html")]
pub struct ClientView {
    pub page: Page,
    pub hetu: String,
    pub errors: FieldErrors,
    /// `None` before a search.
    pub requests: Option<Vec<i64>>,
    pub entries: Vec<AuditEntry>,
}

#[derive(Deserialize)]
pub struct ClientForm {
    #[serde(default)]
    pub hetu: String,
}

pub async fn form(CurrentUser(s): CurrentUser, page: Page) -> AppResult<Response> {
    s.require(&Action::ViewAuditLog)?;
    Ok(render(&ClientView {
        page,
        hetu: String::new(),
        errors: FieldErrors::new(),
        requests: None,
        entries: Vec::new(),
    }))
}

/// The client's name in the log: stable per client, useless without the key.
fn pseudonym(key: &[u8; 32], code: &str) -> String {
    let mut m = <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("any key length");
    m.update(b"otalusta client pseudonym v1");
    m.update(code.as_bytes());
    hex::encode(&m.finalize().into_bytes()[..12])
}

pub async fn report(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    CsrfForm(f): CsrfForm<ClientForm>,
) -> AppResult<Response> {
    let role = s.require(&Action::ViewAuditLog)?;
    let code = match PersonalIdentityCode::parse(f.hetu.trim()) {
        Ok(c) => c,
        Err(e) => {
            let mut errors = FieldErrors::new();
            errors.add("hetu", e.key());
            let mut res = render(&ClientView {
                page,
                hetu: f.hetu,
                errors,
                requests: None,
                entries: Vec::new(),
            });
            *res.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(res);
        }
    };
    let ids =
        crate::consultations::store::of_client(&state.db, &state.config.keys.data, code.as_str())
            .await?;
    let entries = store::of_objects(&state.db, "request", &ids, LIMIT).await?;
    // One entry per request the report showed (the per-request filter
    // finds it), and one naming the client by pseudonym.
    let client = pseudonym(&state.config.keys.data, code.as_str());
    let mut events: Vec<_> = ids
        .iter()
        .map(|id| {
            let mut e = super::event(
                &ctx,
                Some(&s),
                Some(role),
                "audit.client-report",
                ("request", &id.to_string()),
                Outcome::Success,
            );
            e.purpose = format!("access report; client {client}");
            e
        })
        .collect();
    let mut e = super::event(
        &ctx,
        Some(&s),
        Some(role),
        "audit.client-report",
        ("client", &client),
        Outcome::Success,
    );
    e.purpose = format!(
        "access report; requests {}",
        ids.iter()
            .map(|i| format!("#{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    events.push(e);
    let mut tx = state.db.begin().await?;
    store::append_all(&mut tx, events).await?;
    tx.commit().await?;
    Ok(render(&ClientView {
        page,
        hetu: code.as_str().to_owned(),
        errors: FieldErrors::new(),
        requests: Some(ids),
        entries,
    }))
}
