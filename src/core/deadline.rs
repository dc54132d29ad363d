//! The request time-out: handling a request, reading its body included,
//! may take so long and no longer.
//!
//! A request over its time gets 503 `request-timeout` (a page in the
//! user's language, or a problem document on `/api/`: the layer sits
//! inside `web::render_errors`) and its handler future is dropped: a write
//! transaction it held rolls back and SQLite's write turn is released
//! (`db::Tx`). `app::router` gives the upload routes (and an import's confirmation) a longer time
//! than the rest, for large files over a slow link. The layers above this one
//! (context, session) wait only for the database, which has time-outs of
//! its own; the request head has the server's header time-out
//! (`core::server`).

use crate::core::error::AppError;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::time::Duration;

/// Runs the rest of the request with at most `limit`; use it as
/// `middleware::from_fn(move |req, next| deadline::enforce(limit, req, next))`.
pub async fn enforce(limit: Duration, req: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(res) => res,
        Err(_) => {
            tracing::warn!(
                limit_secs = limit.as_secs_f64(),
                "request timed out: answered 503, handler dropped"
            );
            AppError::RequestTimeout.into_response()
        }
    }
}
