//! Palaute (issue 19, the feedback half): the requester's close-out survey
//! (loppukysely, part of the follow-up: `survey.rs`), and feedback from
//! children, youth and parents through one-time links (asiakasosallisuus):
//! the requester makes and revokes them on the case page (`links.rs`), the
//! family answers on a public page without an account (`answer.rs`).
//! Tables and counters: `store.rs`. Rules: `otalusta_domain::feedback`.
//!
//! Nobody reads an individual answer in the UI: they reach people only as
//! the statistics. A feedback answer is stored apart from its link, with
//! nothing that identifies who gave it.

pub mod answer;
pub mod links;
pub mod store;
pub mod survey;

use crate::core::web::AppState;

pub fn router() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/requests/{id}/feedback-links", post(links::create))
        .route(
            "/requests/{id}/feedback-links/{link}/revoke",
            post(links::revoke),
        )
        .route("/feedback/thanks/{audience}/{lang}", get(answer::thanks))
        .route("/feedback/{token}", get(answer::show).post(answer::answer))
}
