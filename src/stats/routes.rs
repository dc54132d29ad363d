//! `/stats`: the tables and charts, their CSV and XLSX exports, and the
//! refresh button.

use super::view::{self, Names, Table, region_label};
use super::{Scope, latest, log, snapshot};
use crate::audit;
use crate::auth::{Ctx, CurrentUser};
use crate::core::error::{AppError, AppResult};
use crate::core::forms::CsrfForm;
use crate::core::page::{Page, render};
use crate::core::web::AppState;
use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Redirect, Response};
use otalusta_domain::experts::import::export_cell;
use otalusta_domain::stats::{ALL, MEDIAN_MIN, P90_MIN, THRESHOLD};
use serde::Deserialize;

pub struct Shown {
    pub table: Table,
    /// The chart's inline SVG, when the table has one.
    pub svg: String,
}

pub struct Choice {
    pub code: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "stats/index.html")]
pub struct StatsPage {
    pub page: Page,
    pub computed_at: String,
    pub periods: Vec<Choice>,
    pub regions: Vec<Choice>,
    pub region_name: String,
    pub query: String,
    pub tables: Vec<Shown>,
    pub threshold: u64,
    pub rule_times: String,
}

pub async fn page(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let scope = Scope::of(&s)?;
    let snap = latest(&state).await?;
    let f = scope.filter(raw.as_deref(), &snap)?;
    let names = Names::load(&state.db, page.lang.code()).await?;
    let tables = view::tables(&page, &snap, &names, &f);
    audit::store::record(&state.db, log(&ctx, &s, scope.role, "stats.view", &f)).await?;
    let mut periods: Vec<Choice> = snap
        .years()
        .into_iter()
        .map(|y| Choice {
            selected: y == f.period,
            label: y.clone(),
            code: y,
        })
        .collect();
    periods.push(Choice {
        code: ALL.into(),
        label: page.t("stats-period-all"),
        selected: f.period == ALL,
    });
    let region_codes: Vec<String> = match &scope.areas {
        Some(mine) => mine.clone(),
        None => std::iter::once(ALL.to_owned())
            .chain(snap.areas.iter().cloned())
            .collect(),
    };
    let regions = region_codes
        .into_iter()
        .map(|c| Choice {
            label: region_label(&page, &c),
            selected: c == f.region,
            code: c,
        })
        .collect();
    let shown = tables
        .into_iter()
        .map(|t| {
            let svg = if t.chart {
                super::chart::bars(&t, &page.t("stats-chart-alt"))
            } else {
                String::new()
            };
            Shown { table: t, svg }
        })
        .collect();
    let query = serde_urlencoded::to_string([("period", &f.period), ("region", &f.region)])
        .unwrap_or_default();
    Ok(render(&StatsPage {
        computed_at: page.timestamp(&snap.computed_at),
        periods,
        regions,
        region_name: region_label(&page, &f.region),
        query,
        tables: shown,
        threshold: THRESHOLD,
        rule_times: page.tx(
            "stats-rule-times",
            &[
                ("median", (MEDIAN_MIN as i64).into()),
                ("p90", (P90_MIN as i64).into()),
            ],
        ),
        page,
    }))
}

/// The tables for an export, logged.
async fn export_tables(
    state: &AppState,
    s: &crate::auth::Session,
    ctx: &crate::core::web::ReqCtx,
    page: &Page,
    raw: Option<&str>,
    format: &str,
) -> AppResult<(String, Vec<Table>)> {
    let scope = Scope::of(s)?;
    let snap = latest(state).await?;
    let f = scope.filter(raw, &snap)?;
    let names = Names::load(&state.db, page.lang.code()).await?;
    let tables = view::tables(page, &snap, &names, &f);
    audit::store::record(
        &state.db,
        log(ctx, s, scope.role, &format!("stats.export.{format}"), &f),
    )
    .await?;
    let region = if f.region.is_empty() {
        "national"
    } else {
        &f.region
    };
    Ok((format!("tilastot-{}-{region}", f.period), tables))
}

/// One CSV of every table, long form (table, row, column, value): UTF-8
/// with a byte order mark and `;` between cells, as Finnish Excel expects.
/// Hidden figures are written as the page shows them ("<5", "•").
pub async fn csv(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let (name, tables) = export_tables(&state, &s, &ctx, &page, raw.as_deref(), "csv").await?;
    let head = vec![
        page.t("stats-csv-table"),
        page.t("stats-csv-row"),
        page.t("stats-csv-column"),
        page.t("stats-csv-value"),
    ];
    let mut rows = vec![head];
    for t in &tables {
        for r in &t.rows {
            for (c, cell) in r.cells.iter().enumerate() {
                let column = t.head.get(c + 1).map(String::as_str).unwrap_or("");
                rows.push(vec![
                    t.title.clone(),
                    r.label.clone(),
                    column.to_owned(),
                    cell.text(),
                ]);
            }
        }
    }
    Ok(crate::core::web::csv_attachment(
        format!("{name}.csv"),
        rows,
    )?)
}

/// One sheet per table: numbers as numbers, hidden figures as the text
/// the page shows, every text written as text (never a formula) and
/// quoted when a spreadsheet would read it as one.
pub async fn xlsx(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let (name, tables) = export_tables(&state, &s, &ctx, &page, raw.as_deref(), "xlsx").await?;
    let err = |e: rust_xlsxwriter::XlsxError| anyhow::anyhow!("xlsx: {e}");
    let mut book = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (i, t) in tables.iter().enumerate() {
        let sheet = book.add_worksheet();
        // Sheet names: at most 31 characters, none of []:*?/\.
        let clean: String = t
            .title
            .chars()
            .filter(|c| !"[]:*?/\\'".contains(*c))
            .take(26)
            .collect();
        sheet
            .set_name(format!("{} {}", i + 1, clean.trim()))
            .map_err(err)?;
        sheet
            .write_string_with_format(0, 0, export_cell(&t.title), &bold)
            .map_err(err)?;
        for (c, h) in t.head.iter().enumerate() {
            sheet
                .write_string_with_format(2, c as u16, export_cell(h), &bold)
                .map_err(err)?;
        }
        for (r, row) in t.rows.iter().enumerate() {
            let y = r as u32 + 3;
            sheet
                .write_string(y, 0, export_cell(&row.label))
                .map_err(err)?;
            for (c, cell) in row.cells.iter().enumerate() {
                let x = c as u16 + 1;
                match (
                    cell.number(),
                    cell.is_count() || matches!(cell, view::Cell::Days(_)),
                ) {
                    (Some(n), true) => sheet.write_number(y, x, n as f64).map(|_| ()),
                    _ => sheet
                        .write_string(y, x, export_cell(&cell.text()))
                        .map(|_| ()),
                }
                .map_err(err)?;
            }
        }
        if !t.note.is_empty() {
            sheet
                .write_string(t.rows.len() as u32 + 4, 0, export_cell(&t.note))
                .map_err(err)?;
        }
    }
    let body = book.save_to_buffer().map_err(err)?;
    Ok(crate::core::web::attachment(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        format!("{name}.xlsx"),
        body,
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RefreshForm {
    pub back: String,
}

/// Computes the statistics anew now (at most once a minute: a newer
/// snapshot is kept as it is).
pub async fn refresh(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    CsrfForm(form): CsrfForm<RefreshForm>,
) -> AppResult<Response> {
    Scope::of(&s)?;
    let fresh = !snapshot::stale(&state.db, std::time::Duration::from_secs(60)).await?;
    if !fresh {
        snapshot::refresh(&state.db)
            .await
            .map_err(AppError::Internal)?;
    }
    // Back to the same view: only a plain query string is taken.
    let plain = form
        .back
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "=&-%".contains(c));
    let q = if plain && !form.back.is_empty() {
        format!("?{}&done=stats-refreshed", form.back)
    } else {
        "?done=stats-refreshed".into()
    };
    Ok(Redirect::to(&format!("/stats{q}")).into_response())
}
