//! Käyttöloki: every read or change of case data and every login is written
//! here, hash-chained (the chain itself is in `otalusta_domain::audit`).

pub mod anchor;
pub mod client;
pub mod extract;
pub mod retention;
pub mod routes;
pub mod store;
pub mod walk;

use crate::auth::Session;
use crate::core::web::ReqCtx;
use otalusta_domain::audit::{AuditEvent, Outcome};
use otalusta_domain::role::Role;

/// The auditor's pages.
pub fn router() -> axum::Router<crate::core::web::AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route("/audit", get(routes::log))
        .route("/audit/verify", get(routes::verify))
        .route("/audit/client", get(client::form).post(client::report))
        .route("/requests/{id}/access-log", get(extract::page))
        .route("/requests/{id}/access-log.csv", get(extract::csv))
        .route("/requests/{id}/access-log.pdf", get(extract::pdf))
}

/// Builds an entry for the current request.
pub fn event(
    ctx: &ReqCtx,
    session: Option<&Session>,
    role: Option<Role>,
    action: &str,
    object: (&str, &str),
    outcome: Outcome,
) -> AuditEvent {
    AuditEvent {
        at: crate::core::db::now(),
        actor_id: session.map(|s| s.actor.user_id.0),
        actor_name: session
            .map(|s| s.actor.username.clone())
            .unwrap_or_default(),
        role: role.map(|r| r.as_str().to_owned()).unwrap_or_default(),
        action: action.to_owned(),
        object_type: object.0.to_owned(),
        object_id: object.1.to_owned(),
        outcome,
        client_addr: ctx.client_addr.clone(),
        purpose: String::new(),
    }
}
