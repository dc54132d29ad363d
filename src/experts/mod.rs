//! Asiantuntijaverkosto: the expert network — profiles, search (with the
//! consultation channels), the public directory, spreadsheet import and
//! export.

pub mod api;
pub mod cache;
mod coverage;
mod kinds;
pub mod matching;
pub mod reconcile;
pub mod routes;
pub mod search;
pub mod store;
pub mod syntax;
pub mod thesaurus;
pub mod transfer;

use crate::core::web::AppState;

pub fn router() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/experts", get(routes::search).post(routes::create))
        .route("/experts/new", get(routes::new_form))
        .route("/experts/me", get(routes::me).post(routes::create_own))
        .route("/experts/{id}", get(routes::show).post(routes::update))
        .route("/experts/{id}/edit", get(routes::edit_form))
        .route("/experts/{id}/levels", post(routes::set_levels))
        .route("/experts/import", get(transfer::import_form))
        .route("/experts/import/{id}/discard", post(transfer::discard))
        .route("/experts/import/{id}/done", get(transfer::done))
        .route("/experts/export.csv", get(transfer::export_csv))
        .route("/experts/export.xlsx", get(transfer::export_xlsx))
        .route("/api/v1/experts", get(api::search))
        .route("/api/v1/experts/{id}", get(api::get))
        .route("/api/v1/phenomena", get(api::phenomena))
}

/// Routes that take large bodies (spreadsheets) or store many rows, with
/// their own body limit and time.
pub fn upload_router() -> axum::Router<AppState> {
    use axum::routing::post;
    axum::Router::new()
        .route("/experts/import/upload", post(transfer::upload))
        .route("/experts/import/{id}/confirm", post(transfer::confirm))
}
