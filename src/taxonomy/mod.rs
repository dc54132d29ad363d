//! Ilmiöt: the shared taxonomy of phenomena that groups take and experts
//! know about. Coordinators maintain it; the seed fills in what is missing.

pub mod cache;
pub mod routes;
pub mod store;

pub fn router() -> axum::Router<crate::core::web::AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route("/phenomena", get(routes::list).post(routes::create))
        .route("/phenomena/new", get(routes::new_form))
        .route(
            "/phenomena/{id}",
            get(routes::edit_form).post(routes::update),
        )
}
