//! Kertakirjautuminen: single sign-on with OpenID Connect (authorization
//! code flow with PKCE) at any number of providers (`--oidc-config`).
//!
//! - `config`: the providers' file, read and checked at start;
//! - `flow`: discovery (cached), the authorization request, the code
//!   exchange and the ID token's checks (no database);
//! - `store`: pending logins (several nodes: in the database), the
//!   (provider, subject) → account links, the ID token kept with a session;
//! - `routes`: `GET /login/oidc/{provider}` and its `/callback`, the
//!   account made or updated from the claims (`otalusta_domain::sso`), the
//!   session (as a password login's), the logout at the provider.

pub mod bearer;
pub mod config;
pub mod flow;
pub mod routes;
pub mod store;

use crate::core::web::AppState;
use std::sync::Arc;

pub use config::Provider;

/// The configured providers and the flow's HTTP client and cache; one per
/// node, in the app state's extensions.
pub struct Sso {
    pub providers: Vec<Provider>,
    pub flow: flow::Flow,
    pub bearer: bearer::Cache,
}

impl Sso {
    /// Reads the providers' file (none without one).
    pub fn load(path: Option<&std::path::Path>) -> anyhow::Result<Sso> {
        let providers = match path {
            Some(p) => config::load(p)?,
            None => Vec::new(),
        };
        for p in &providers {
            tracing::info!(provider = %p.id, issuer = %p.issuer, "single sign-on provider");
        }
        Ok(Sso {
            providers,
            flow: flow::Flow::new()?,
            bearer: bearer::Cache::default(),
        })
    }

    pub fn provider(&self, id: &str) -> Option<&Provider> {
        self.providers.iter().find(|p| p.id == id)
    }
}

pub fn sso(state: &AppState) -> Arc<Sso> {
    state
        .ext
        .get::<Arc<Sso>>()
        .cloned()
        .expect("the single sign-on state is set up in build_state")
}

/// The login page's buttons: (provider id, its name).
pub fn buttons(state: &AppState) -> Vec<(String, String)> {
    sso(state)
        .providers
        .iter()
        .map(|p| (p.id.clone(), p.display_name.clone()))
        .collect()
}

pub fn router() -> axum::Router<AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route("/login/oidc/{provider}", get(routes::start))
        .route("/login/oidc/{provider}/callback", get(routes::callback))
}
