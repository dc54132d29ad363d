//! The pure domain of otalusta: vocabulary, rules and the access policy.
//!
//! Architecture invariant: this crate does no I/O. It never imports sqlx, axum
//! or tokio; storage and HTTP convert to and from these types at the edge.

pub mod audit;
pub mod calendar;
pub mod consultations;
pub mod events;
pub mod experts;
pub mod feedback;
pub mod groups;
pub mod guidance;
pub mod hetu;
pub mod ids;
pub mod inbox;
pub mod knowledge;
pub mod password;
pub mod policy;
pub mod questionnaire;
pub mod region;
pub mod role;
pub mod screening;
pub mod sso;
pub mod stats;
pub mod taxonomy;
pub mod text;
pub mod throttle;
pub mod token;
