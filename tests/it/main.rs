//! The one integration-test binary: real HTTP through the real router, on
//! SQLite by default and on PostgreSQL when `OTALUSTA_TEST_POSTGRES_URL`
//! names a server (scripts/test.sh starts a throw-away one).

mod helpers;
mod hostile;
mod integrity;
mod python;

mod admin;
mod api;
mod audit_log;
mod authz;
mod cli;
mod consultations;
mod csrf;
mod daily;
mod events;
mod experts;
mod extract;
mod feed;
mod feedback;
mod fhir;
mod groups;
mod guidance;
mod history;
mod import;
mod inbox;
mod knowledge;
mod limits;
mod login;
mod meeting_changes;
mod nodes;
mod oidc;
mod outage;
mod pages;
mod passwords;
mod retention;
mod schema;
mod screenings;
mod search_cases;
mod search_quality;
mod stats;
mod throttle;
mod tokens;
mod workflow_props;
