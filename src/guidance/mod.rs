//! Palveluohjaus: the OT centre's service-guidance log. Professionals ask
//! the OT centre through the platform; the area's OT coordinator records
//! questions received by phone or e-mail, answers and directs them, follows
//! them up, and records the research and development needs noticed in cases
//! (without client data) for the network. The area's OT coordinator contact
//! (`store::area_contact`) is shown on the public pages.

pub mod routes;
pub mod store;

pub fn router() -> axum::Router<crate::core::web::AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route("/guidance", get(routes::queue))
        .route("/guidance/ask", get(routes::ask_form).post(routes::ask))
        .route("/guidance/ask/sent", get(routes::sent))
        .route("/guidance/mine", get(routes::mine))
        .route(
            "/guidance/new",
            get(routes::record_form).post(routes::record),
        )
        .route("/guidance/needs", get(routes::needs).post(routes::add_need))
        .route(
            "/guidance/contact",
            get(routes::contact_form).post(routes::set_contact),
        )
        .route("/guidance/{id}", get(routes::show).post(routes::answer))
}
