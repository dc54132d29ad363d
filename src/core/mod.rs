//! The small shared core: configuration, database, errors, languages and
//! the web plumbing. Capabilities depend on it; it depends on none of them
//! (except for the session type the page and forms read).

pub mod changes;
pub mod config;
pub mod crypto;
pub mod db;
pub mod deadline;
pub mod error;
pub mod forms;
pub mod health;
pub mod i18n;
pub mod memo;
pub mod memory;
pub mod once;
pub mod page;
pub mod pdf;
pub mod server;
pub mod web;
