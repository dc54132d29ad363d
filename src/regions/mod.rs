//! Alueet ja organisaatiot: reference data every other capability refers to.

pub mod api;
pub mod routes;
pub mod store;

/// The reference-data page and API.
pub fn router() -> axum::Router<crate::core::web::AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route("/regions", get(routes::regions))
        .route("/api/v1/areas", get(api::list_areas))
}
