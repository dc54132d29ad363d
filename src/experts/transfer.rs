//! Spreadsheets in and out: coordinators' expert lists as CSV or XLSX.
//!
//! An import is checked whole and shown as a preview; nothing is stored
//! until the coordinator confirms, and then every row is stored in one
//! transaction or none is. The checked rows wait in `import_batches`, so the
//! confirmation imports exactly what the preview showed, on any node.

use super::search::SearchIndex;
use super::store;
use crate::audit;
use crate::auth::{Ctx, CurrentUser, Session};
use crate::core::error::{AppError, AppResult};
use crate::core::forms::{CsrfForm, Empty, read_upload};
use crate::core::page::{Page, render, render_invalid};
use crate::core::web::{AppState, ReqCtx};
use crate::groups::routes::{Choice, today};
use askama::Template;
use axum::Extension;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use otalusta_domain::audit::Outcome;
use otalusta_domain::experts::ExpertForm;
use otalusta_domain::experts::import::{
    COLUMNS, RowProblem, Table, TaxonomyEntry, parse_table, to_row,
};
use otalusta_domain::policy::{Action, decide};
use otalusta_domain::region::AREAS;
use serde::Deserialize;
use std::sync::Arc;

/// Largest spreadsheet accepted.
pub const MAX_UPLOAD: usize = 5 * 1024 * 1024;

pub async fn taxonomy_entries(state: &AppState) -> AppResult<Vec<TaxonomyEntry>> {
    Ok(crate::taxonomy::store::all(&state.db)
        .await?
        .into_iter()
        .map(|p| TaxonomyEntry {
            code: p.code,
            names: vec![p.name_fi, p.name_sv, p.name_en],
        })
        .collect())
}

/// The areas `s` may import to or export from.
fn my_areas(page: &Page, s: &Session) -> Vec<Choice> {
    AREAS
        .iter()
        .filter(|a| decide(&s.actor, &Action::TransferExperts { area: a.code }).is_allowed())
        .map(|a| Choice {
            value: a.code.into(),
            label: a.name(page.lang.code()).into(),
        })
        .collect()
}

// --- reading files -------------------------------------------------------------------

/// Why a file could not be read as a sheet (message keys).
fn read_table(filename: &str, bytes: &[u8]) -> Result<Table, &'static str> {
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    let lower = filename.to_lowercase();
    if is_zip || lower.ends_with(".xlsx") {
        return read_xlsx(bytes);
    }
    if lower.ends_with(".xls") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err("import-old-excel");
    }
    read_csv(bytes)
}

fn read_csv(bytes: &[u8]) -> Result<Table, &'static str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| "import-not-utf8")?;
    let first = text.lines().next().unwrap_or("");
    // Finnish spreadsheet programs write `;`; others `,`.
    let delimiter = if first.matches(';').count() >= first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let headers = match records.next() {
        Some(Ok(r)) => r.iter().map(str::to_owned).collect(),
        Some(Err(_)) => return Err("import-bad-csv"),
        None => return Err("import-empty"),
    };
    let mut rows = Vec::new();
    for r in records {
        let r = r.map_err(|_| "import-bad-csv")?;
        rows.push(r.iter().map(str::to_owned).collect());
        if rows.len() > otalusta_domain::experts::import::MAX_ROWS + 1 {
            break;
        }
    }
    Ok(Table { headers, rows })
}

fn read_xlsx(bytes: &[u8]) -> Result<Table, &'static str> {
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> =
        Xlsx::new(std::io::Cursor::new(bytes.to_vec())).map_err(|_| "import-bad-xlsx")?;
    let range = book
        .worksheet_range_at(0)
        .ok_or("import-empty")?
        .map_err(|_| "import-bad-xlsx")?;
    let cell = |c: &Data| match c {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "1" } else { "0" }.into(),
        // An Excel date is days since 30.12.1899.
        Data::DateTime(d) => jiff::civil::date(1899, 12, 30)
            .checked_add(jiff::Span::new().days(d.as_f64().floor() as i64))
            .map(|day| day.to_string())
            .unwrap_or_default(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(_) => String::new(),
    };
    let mut rows = range.rows().map(|r| r.iter().map(cell).collect::<Vec<_>>());
    let headers = rows.next().ok_or("import-empty")?;
    Ok(Table {
        headers,
        rows: rows
            .take(otalusta_domain::experts::import::MAX_ROWS + 2)
            .collect(),
    })
}

// --- the import pages ------------------------------------------------------------------

#[derive(Template)]
#[template(path = "experts/import.html")]
pub struct ImportView {
    pub page: Page,
    pub areas: Vec<Choice>,
    pub area: String,
    /// A file-level problem (message), e.g. not a spreadsheet.
    pub error: Option<String>,
    pub problems: Vec<ProblemView>,
    pub filename: String,
    pub columns: String,
}

pub struct ProblemView {
    pub row: String,
    pub column: String,
    pub message: String,
    pub value: String,
}

fn problem_views(page: &Page, problems: &[RowProblem]) -> Vec<ProblemView> {
    problems
        .iter()
        .map(|p| ProblemView {
            row: if p.row == 0 {
                page.t("import-header-row")
            } else {
                p.row.to_string()
            },
            column: p.column.clone(),
            message: page.t(p.code),
            value: p.value.clone(),
        })
        .collect()
}

fn import_view(page: Page, s: &Session, area: String) -> ImportView {
    let areas = my_areas(&page, s);
    ImportView {
        areas,
        area,
        error: None,
        problems: Vec::new(),
        filename: String::new(),
        columns: COLUMNS.join(", "),
        page,
    }
}

pub async fn import_form(CurrentUser(s): CurrentUser, page: Page) -> AppResult<Response> {
    let view = import_view(page, &s, String::new());
    if view.areas.is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok(render(&view))
}

#[derive(Template)]
#[template(path = "experts/import_preview.html")]
pub struct PreviewView {
    pub page: Page,
    pub batch: i64,
    pub filename: String,
    pub area: String,
    pub rows: Vec<PreviewRow>,
    pub new_count: usize,
    pub update_count: usize,
}

pub struct PreviewRow {
    pub email: String,
    pub name: String,
    pub title: String,
    pub phenomena: String,
    pub update: bool,
}

fn refuse(mut view: ImportView, error: Option<&str>, problems: &[RowProblem]) -> Response {
    view.error = error.map(|k| view.page.t(k));
    view.problems = problem_views(&view.page, problems);
    render_invalid(&view)
}

/// Upload: check the whole file, then show what would be imported.
pub async fn upload(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    multipart: Multipart,
) -> AppResult<Response> {
    let upload = read_upload(multipart, &state, &ctx, &s).await?;
    let area = upload.fields.get("area").cloned().unwrap_or_default();
    let file = upload.file;
    let probe = if area.is_empty() {
        "ita-suomi"
    } else {
        area.as_str()
    };
    let role = s.require(&Action::TransferExperts { area: probe })?;
    let view = import_view(page, &s, area.clone());
    let Some((filename, bytes)) = file.filter(|(_, b)| !b.is_empty()) else {
        return Ok(refuse(view, Some("import-no-file"), &[]));
    };
    let table = match read_table(&filename, &bytes) {
        Ok(t) => t,
        Err(key) => return Ok(refuse(view, Some(key), &[])),
    };
    let taxonomy = taxonomy_entries(&state).await?;
    let rows = match parse_table(&table, &taxonomy) {
        Ok(rows) => rows,
        Err(problems) => {
            let mut view = view;
            view.filename = filename;
            return Ok(refuse(view, Some("import-has-problems"), &problems));
        }
    };
    // Every row must be the coordinator's to write: its area, and an
    // existing profile (same e-mail) in an area they keep.
    let mut problems = Vec::new();
    let mut tx = state.db.begin().await?;
    let mut previews = Vec::new();
    for (i, d) in rows.iter().enumerate() {
        let row = i + 2;
        let existing = store::id_by_email(&mut tx, &d.email).await?;
        let allowed = |a: &str| decide(&s.actor, &Action::TransferExperts { area: a }).is_allowed();
        if !allowed(&d.area) {
            problems.push(RowProblem {
                row,
                column: "area".into(),
                code: "import-area-not-yours",
                value: d.area.clone(),
            });
        }
        if let Some((_, a)) = &existing
            && !allowed(a)
        {
            problems.push(RowProblem {
                row,
                column: "email".into(),
                code: "import-email-elsewhere",
                value: d.email.clone(),
            });
        }
        previews.push(PreviewRow {
            email: d.email.clone(),
            name: d.name.clone(),
            title: d.title.clone(),
            phenomena: d.phenomena.join(", "),
            update: existing.is_some(),
        });
    }
    tx.rollback().await?;
    if !problems.is_empty() {
        let mut view = view;
        view.filename = filename;
        return Ok(refuse(view, Some("import-has-problems"), &problems));
    }
    let forms: Vec<ExpertForm> = rows.iter().map(|d| d.to_form()).collect();
    let json = serde_json::to_string(&forms).map_err(anyhow::Error::from)?;
    let batch = store::create_batch(
        &state.db,
        s.actor.user_id,
        &area,
        &filename,
        &json,
        rows.len(),
    )
    .await?;
    let e = audit::event(
        &ctx,
        Some(&s),
        Some(role),
        "expert.import.preview",
        ("import_batch", &batch.to_string()),
        Outcome::Success,
    );
    audit::store::record(&state.db, e).await?;
    let names = crate::taxonomy::cache::phenomena(&state)
        .all(&state.db)
        .await?;
    let lang = view.page.lang.code().to_owned();
    for p in &mut previews {
        p.phenomena = p
            .phenomena
            .split(", ")
            .map(|c| {
                names
                    .iter()
                    .find(|n| n.code == c)
                    .map(|n| n.name(&lang).to_owned())
                    .unwrap_or_else(|| c.to_owned())
            })
            .collect::<Vec<_>>()
            .join(", ");
    }
    let update_count = previews.iter().filter(|p| p.update).count();
    Ok(render(&PreviewView {
        page: view.page,
        batch,
        filename,
        area: crate::experts::routes::area_name_plain(&lang, &area),
        new_count: previews.len() - update_count,
        update_count,
        rows: previews,
    }))
}

async fn waiting_batch(state: &AppState, s: &Session, id: i64) -> AppResult<store::BatchRow> {
    let b = store::batch(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if b.user_id != s.actor.user_id.0 {
        return Err(AppError::Forbidden);
    }
    if b.status != "preview" {
        return Err(AppError::Conflict("import-already-done"));
    }
    Ok(b)
}

/// Confirm: store every row in one transaction, or none.
pub async fn confirm(
    State(state): State<AppState>,
    Extension(index): Extension<Arc<SearchIndex>>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let b = waiting_batch(&state, &s, id).await?;
    let role = s.require(&Action::TransferExperts { area: &b.area_code })?;
    let forms: Vec<ExpertForm> = serde_json::from_str(&b.rows_json).map_err(anyhow::Error::from)?;
    let codes: Vec<String> = crate::taxonomy::store::all(&state.db)
        .await?
        .into_iter()
        .map(|p| p.code)
        .collect();
    let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
    let mut tx = state.db.begin().await?;
    let mut stored = 0usize;
    for f in &forms {
        // The taxonomy or the rights may have changed since the preview.
        let d = f
            .parse(&codes)
            .map_err(|_| AppError::Conflict("import-changed"))?;
        if !decide(&s.actor, &Action::TransferExperts { area: &d.area }).is_allowed() {
            return Err(AppError::Conflict("import-changed"));
        }
        match store::id_by_email(&mut tx, &d.email).await? {
            Some((eid, area)) => {
                if !decide(&s.actor, &Action::TransferExperts { area: &area }).is_allowed() {
                    return Err(AppError::Conflict("import-changed"));
                }
                store::update(&mut tx, eid, &d).await?;
            }
            None => {
                store::create(&mut tx, &d, None).await?;
            }
        }
        stored += 1;
    }
    if !store::finish_batch(&mut tx, id, "imported").await? {
        return Err(AppError::Conflict("import-already-done"));
    }
    let mut e = audit::event(
        &ctx,
        Some(&s),
        Some(role),
        "expert.import",
        ("import_batch", &id.to_string()),
        Outcome::Success,
    );
    e.purpose = format!("{stored} rows");
    audit::store::append(&mut tx, e).await?;
    tx.commit().await?;
    index.catch_up(&state.db).await?;
    Ok(Redirect::to(&format!("/experts/import/{id}/done")).into_response())
}

pub async fn discard(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    waiting_batch(&state, &s, id).await?;
    let mut tx = state.db.begin().await?;
    store::finish_batch(&mut tx, id, "discarded").await?;
    tx.commit().await?;
    Ok(Redirect::to("/experts/import").into_response())
}

#[derive(Template)]
#[template(path = "experts/import_done.html")]
pub struct DoneView {
    pub page: Page,
    pub count: i64,
    pub filename: String,
}

pub async fn done(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let b = store::batch(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if b.user_id != s.actor.user_id.0 || b.status != "imported" {
        return Err(AppError::NotFound);
    }
    Ok(render(&DoneView {
        page,
        count: b.row_count,
        filename: b.filename,
    }))
}

// --- export -------------------------------------------------------------------------------

#[derive(Deserialize, Default)]
pub struct ExportQuery {
    #[serde(default)]
    pub area: String,
}

async fn export_rows(
    state: &AppState,
    s: &Session,
    ctx: &ReqCtx,
    area: &str,
    format: &str,
) -> AppResult<(String, Vec<Vec<String>>)> {
    let role = s.require(&Action::TransferExperts { area })?;
    let taxonomy = taxonomy_entries(state).await?;
    let rows = store::all(&state.db, Some(area))
        .await?
        .iter()
        .map(|e| to_row(&e.details, &taxonomy))
        .collect();
    let mut e = audit::event(
        ctx,
        Some(s),
        Some(role),
        "expert.export",
        ("area", area),
        Outcome::Success,
    );
    e.purpose = format.to_owned();
    audit::store::record(&state.db, e).await?;
    Ok((format!("asiantuntijat-{area}-{}", today()), rows))
}

fn attachment(content_type: &'static str, filename: String, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// CSV for spreadsheet programs: UTF-8 with a byte order mark, `;` between
/// cells (as Finnish Excel expects). The rows come from `to_row`, which
/// quotes every cell a spreadsheet would run as a formula.
pub async fn export_csv(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Query(q): Query<ExportQuery>,
) -> AppResult<Response> {
    let (name, rows) = export_rows(&state, &s, &ctx, q.area.trim(), "csv").await?;
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    w.write_record(COLUMNS).map_err(anyhow::Error::from)?;
    for r in &rows {
        w.write_record(r).map_err(anyhow::Error::from)?;
    }
    let body = w.into_inner().map_err(|e| anyhow::anyhow!("csv: {e}"))?;
    Ok(attachment(
        "text/csv; charset=utf-8",
        format!("{name}.csv"),
        body,
    ))
}

pub async fn export_xlsx(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Query(q): Query<ExportQuery>,
) -> AppResult<Response> {
    let (name, rows) = export_rows(&state, &s, &ctx, q.area.trim(), "xlsx").await?;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let err = |e: rust_xlsxwriter::XlsxError| anyhow::anyhow!("xlsx: {e}");
    for (c, h) in COLUMNS.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, *h, &bold)
            .map_err(err)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            // Text, always: a phone number or a date stays as written. The
            // formula quote of `to_row` stays too: editing a text cell in
            // Excel would otherwise turn `=…` into a live formula.
            sheet.write_string(r as u32 + 1, c as u16, v).map_err(err)?;
        }
    }
    let body = book.save_to_buffer().map_err(err)?;
    Ok(attachment(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        format!("{name}.xlsx"),
        body,
    ))
}
