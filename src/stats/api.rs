//! `GET /api/v1/stats`: the same tables as `/stats`, open-data style:
//! aggregates only, the same protection, each hidden figure `null` with
//! its status.

use super::view::{self, Names};
use super::{Scope, latest, log};
use crate::audit;
use crate::auth::{Ctx, CurrentUser};
use crate::core::error::AppResult;
use crate::core::page::Page;
use crate::core::web::AppState;
use axum::Json;
use axum::extract::{RawQuery, State};
use otalusta_domain::stats::{MEDIAN_MIN, P90_MIN, THRESHOLD};
use serde::Serialize;

#[derive(Serialize, utoipa::ToSchema)]
pub struct CellJson {
    /// The figure; null when hidden or resting on too few cases.
    pub value: Option<i64>,
    /// `count`, `days` or `percent`.
    pub unit: &'static str,
    /// Empty when shown; `small` (under the threshold), `hidden` (hidden so
    /// that a small figure cannot be worked out), or `too-few` (a time or
    /// share on too few cases).
    pub status: &'static str,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RowJson {
    /// The row's code: a month `YYYY-MM`, a year, an area code, a channel
    /// id, a phenomenon code, an answer code, or `all` for a total.
    pub code: String,
    pub label: String,
    pub total: bool,
    pub cells: Vec<CellJson>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct TableJson {
    pub id: String,
    pub title: String,
    pub note: String,
    /// Column titles, the row header's first.
    pub columns: Vec<String>,
    pub rows: Vec<RowJson>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RuleJson {
    /// No published count rests on fewer cases.
    pub threshold: u64,
    pub median_min_cases: usize,
    pub p90_min_cases: usize,
    pub description: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct StatsJson {
    /// When the figures were computed (they are refreshed every 15 minutes).
    pub computed_at: String,
    /// The year, or `all`.
    pub period: String,
    /// The cooperation area code, or `all`.
    pub region: String,
    pub rule: RuleJson,
    pub tables: Vec<TableJson>,
}

/// The statistics for a period and a region.
#[utoipa::path(get, path = "/api/v1/stats", tag = "stats",
    params(
        ("period" = Option<String>, Query, description = "A year (`2026`) or `all`; default the newest year"),
        ("region" = Option<String>, Query, description = "A cooperation area code or `all` (researchers); a coordinator sees the areas they coordinate (default their first)"),
        ("lang" = Option<String>, Query, description = "Labels in `fi`, `sv` or `en`"),
    ),
    responses(
        (status = 200, description = "Aggregated, protected tables", body = StatsJson),
        (status = 400, description = "A query string that cannot be read", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 403, description = "A role without statistics, or a coordinator asking for another region", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 422, description = "No such period or region", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
    security(("session" = []), ("token" = [])))]
pub async fn stats(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    RawQuery(raw): RawQuery,
) -> AppResult<Json<StatsJson>> {
    let scope = Scope::of(&s)?;
    let snap = latest(&state).await?;
    let f = scope.filter(raw.as_deref(), &snap)?;
    let names = Names::load(&state.db, page.lang.code()).await?;
    let tables = view::tables(&page, &snap, &names, &f);
    audit::store::record(&state.db, log(&ctx, &s, scope.role, "stats.api", &f)).await?;
    Ok(Json(StatsJson {
        computed_at: snap.computed_at.clone(),
        period: f.period,
        region: f.region,
        rule: RuleJson {
            threshold: THRESHOLD,
            median_min_cases: MEDIAN_MIN,
            p90_min_cases: P90_MIN,
            description: page.t("stats-rule-api"),
        },
        tables: tables
            .into_iter()
            .map(|t| TableJson {
                id: t.id,
                title: t.title,
                note: t.note,
                columns: t.head,
                rows: t
                    .rows
                    .into_iter()
                    .map(|r| RowJson {
                        code: r.code,
                        label: r.label,
                        total: r.total,
                        cells: r
                            .cells
                            .iter()
                            .map(|c| CellJson {
                                value: c.number(),
                                unit: match c {
                                    view::Cell::Count(_) => "count",
                                    view::Cell::Days(_) => "days",
                                    view::Cell::Percent(_) => "percent",
                                },
                                status: c.status(),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    }))
}
