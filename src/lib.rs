//! otalusta: the electronic platform of the Finnish OT centres
//! (lasten, nuorten ja perheiden osaamis- ja tukikeskus).
//!
//! See ARCHITECTURE.md for the map of the modules.

pub mod api;
pub mod app;
pub mod audit;
pub mod auth;
pub mod cli;
pub mod consultations;
pub mod core;
pub mod demo;
pub mod events;
pub mod experts;
pub mod feedback;
pub mod fhir;
pub mod groups;
pub mod guidance;
pub mod inbox;
pub mod knowledge;
pub mod notify;
pub mod regions;
pub mod screenings;
pub mod stats;
pub mod taxonomy;
