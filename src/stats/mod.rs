//! Tilastot: statistics for coordinators (their region) and researchers
//! (every region, aggregated only), with small-cell protection.
//!
//! `facts` reads the counts, `snapshot` protects and stores them (the
//! rules are `otalusta_domain::stats`), `view` slices a period and a region
//! into tables, `chart` draws them, `routes` and `api` serve them.

pub mod api;
pub mod chart;
pub mod facts;
pub mod routes;
pub mod snapshot;
pub mod view;

use crate::audit;
use crate::auth::Session;
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::web::{AppState, ReqCtx};
use otalusta_domain::audit::{AuditEvent, Outcome};
use otalusta_domain::policy::Action;
use otalusta_domain::role::Role;
use otalusta_domain::stats::ALL;
use snapshot::{Cache, Snapshot};
use std::sync::Arc;
use view::Filter;

pub fn router() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/stats", get(routes::page))
        .route("/stats/export.csv", get(routes::csv))
        .route("/stats/export.xlsx", get(routes::xlsx))
        .route("/stats/refresh", post(routes::refresh))
        .route("/api/v1/stats", get(api::stats))
}

/// Who may see what: every region and the whole country (researchers,
/// administrators), or the areas one coordinates.
pub struct Scope {
    pub role: Role,
    /// None: every region.
    pub areas: Option<Vec<String>>,
}

impl Scope {
    pub fn of(s: &Session) -> AppResult<Scope> {
        let role = s.require(&Action::ViewStatistics)?;
        if s.actor.has(Role::Researcher) || s.actor.has(Role::Admin) {
            return Ok(Scope { role, areas: None });
        }
        let areas = otalusta_domain::region::AREAS
            .iter()
            .map(|a| a.code)
            .filter(|a| s.actor.coordinates(a) || s.actor.coordinates_county_in(a))
            .map(str::to_owned)
            .collect();
        Ok(Scope {
            role,
            areas: Some(areas),
        })
    }

    /// The filter asked for (`period`, `region` from the query string; a
    /// parameter given twice counts once), checked.
    pub fn filter(&self, raw: Option<&str>, snap: &Snapshot) -> AppResult<Filter> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
            .map_err(|_| AppError::BadRequest("stats-bad-query"))?;
        let get = |k: &str| {
            pairs
                .iter()
                .rev()
                .find(|p| p.0 == k)
                .map(|p| p.1.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let mut errors = FieldErrors::new();
        let years = snap.years();
        let period = get("period").unwrap_or_else(|| years.first().cloned().unwrap_or(ALL.into()));
        if period != ALL && !years.contains(&period) {
            errors.add("period", "stats-no-such-period");
        }
        let region = match (&self.areas, get("region")) {
            (None, r) => r.unwrap_or_else(|| ALL.into()),
            (Some(mine), None) => mine.first().cloned().unwrap_or_default(),
            (Some(_), Some(r)) => r,
        };
        let known = region == ALL
            || otalusta_domain::region::area(&region).is_some()
            || (region.is_empty() && self.areas.is_none());
        if !known {
            errors.add("region", "stats-no-such-region");
        }
        errors.into_result()?;
        if let Some(mine) = &self.areas
            && !mine.contains(&region)
        {
            return Err(AppError::Refused {
                kind: "stats-other-region",
                message_key: "stats-other-region",
            });
        }
        Ok(Filter { period, region })
    }
}

/// The newest snapshot, computed now if there is none yet.
pub async fn latest(state: &AppState) -> AppResult<Arc<Snapshot>> {
    let cache = state.ext.get::<Arc<Cache>>().cloned().unwrap_or_default();
    if let Some(s) = cache.latest(&state.db).await.map_err(AppError::Internal)? {
        return Ok(s);
    }
    snapshot::refresh(&state.db)
        .await
        .map_err(AppError::Internal)?;
    cache
        .latest(&state.db)
        .await
        .map_err(AppError::Internal)?
        .ok_or(AppError::Unavailable)
}

/// An access-log entry: who looked at or exported which statistics.
pub fn log(ctx: &ReqCtx, s: &Session, role: Role, action: &str, f: &Filter) -> AuditEvent {
    let mut e = audit::event(
        ctx,
        Some(s),
        Some(role),
        action,
        ("stats", &format!("{}/{}", f.period, f.region)),
        Outcome::Success,
    );
    e.purpose = "statistics".into();
    e
}
