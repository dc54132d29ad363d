//! Alueet ja organisaatiot: reference data every other capability refers to.

pub mod api;
pub mod routes;
pub mod store;
