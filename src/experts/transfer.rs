//! Spreadsheets in and out: coordinators' expert lists as CSV or XLSX.
//!
//! An import is checked whole and shown as a preview; nothing is stored
//! until the coordinator confirms, and then every row is stored in one
//! transaction or none is. The checked rows wait in `import_batch_rows`, so
//! the confirmation imports exactly what the preview showed, on any node;
//! confirming or discarding deletes them in the same transaction, and a
//! batch nobody confirms expires after a day (`store::expire_batches`).
//! `import_batches` keeps who imported which file, where, when and how many
//! rows, without the rows.

use super::search::SearchIndex;
use super::store;
use crate::audit;
use crate::auth::{Ctx, CurrentUser, Session};
use crate::core::db::Db;
use crate::core::error::{AppError, AppResult};
use crate::core::forms::{CsrfForm, Empty, read_upload_limited};
use crate::core::page::{Page, render, render_invalid};
use crate::core::web::{AppState, ReqCtx};
use crate::groups::routes::{Choice, today};
use askama::Template;
use axum::Extension;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use otalusta_domain::audit::Outcome;
use otalusta_domain::experts::ExpertForm;
use otalusta_domain::experts::import::{
    COLUMNS, MAX_ROWS, RowProblem, Table, TaxonomyEntry, parse_table, to_row,
};
use otalusta_domain::policy::{Action, decide};
use otalusta_domain::region::AREAS;
use serde::Deserialize;
use std::sync::Arc;

/// Largest spreadsheet accepted: 16 MiB. [`MAX_ROWS`] (20 000) rows of a
/// realistic list take about 6 MB as CSV (some 300 bytes a row) and less
/// as XLSX, so the limit leaves about 800 bytes a row.
pub const MAX_IMPORT_BYTES: usize = 16 * 1024 * 1024;

/// The import route's body limit. A body up to this is read to its end,
/// the file's bytes past [`MAX_IMPORT_BYTES`] dropped as they arrive, so the
/// client gets the page saying the file is too large (not a reset
/// connection); a larger one is answered with that page unread.
pub const IMPORT_BODY_LIMIT: usize = 4 * MAX_IMPORT_BYTES;

/// Rows the preview lists (it counts all of them).
const PREVIEW_ROWS: usize = 1000;

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

/// A count as the language writes it: "20 000" in Finnish and Swedish,
/// "20,000" in English.
fn grouped(n: usize, lang: &str) -> String {
    let sep = if lang == "en" { "," } else { "\u{a0}" };
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

// --- reading files -------------------------------------------------------------------

/// Why a file could not be read as a sheet (message keys). Takes the bytes,
/// so no second copy of the file is made.
fn read_table(filename: &str, bytes: Vec<u8>) -> Result<Table, &'static str> {
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    let lower = filename.to_lowercase();
    if is_zip || lower.ends_with(".xlsx") {
        return read_xlsx(bytes);
    }
    if lower.ends_with(".xls") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err("import-old-excel");
    }
    read_csv(&bytes)
}

/// Reads the records of a CSV file, counting them: past [`MAX_ROWS`] (and
/// one more, so the check can say so) the rest is not read.
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
        if rows.len() > MAX_ROWS + 1 {
            break;
        }
    }
    Ok(Table { headers, rows })
}

fn read_xlsx(bytes: Vec<u8>) -> Result<Table, &'static str> {
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> =
        Xlsx::new(std::io::Cursor::new(bytes)).map_err(|_| "import-bad-xlsx")?;
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
        rows: rows.take(MAX_ROWS + 2).collect(),
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
    /// The first [`PREVIEW_ROWS`] rows.
    pub rows: Vec<PreviewRow>,
    /// Rows not listed.
    pub more: usize,
    pub new_count: usize,
    pub update_count: usize,
}

/// One row of the preview.
pub struct PreviewRow {
    pub email: String,
    pub name: String,
    pub title: String,
    /// The phenomena the row names, in the user's language.
    pub phenomena: String,
    /// For a row that names no phenomena: those its own text (title and
    /// competence in fi, sv, en) names, in the user's language. Only
    /// suggested: the coordinator adds them to the file if they fit.
    pub suggested: String,
    pub update: bool,
}

fn refuse(mut view: ImportView, error: Option<&str>, problems: &[RowProblem]) -> Response {
    view.error = error.map(|k| view.page.t(k));
    view.problems = problem_views(&view.page, problems);
    render_invalid(&view)
}

/// The import page saying the file is over the limits (413).
fn too_large(mut view: ImportView) -> Response {
    let lang = view.page.lang.code().to_owned();
    view.error = Some(view.page.tx(
        "import-too-large",
        &[
            ("mb", ((MAX_IMPORT_BYTES / (1024 * 1024)) as i64).into()),
            ("rows", grouped(MAX_ROWS, &lang).into()),
        ],
    ));
    let mut res = render(&view);
    *res.status_mut() = StatusCode::PAYLOAD_TOO_LARGE;
    res
}

/// Upload: check the whole file, then show what would be imported. The
/// file is read in chunks, at most [`MAX_IMPORT_BYTES`] of it kept.
pub async fn upload(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Extension(index): Extension<Arc<SearchIndex>>,
    headers: HeaderMap,
    multipart: Multipart,
) -> AppResult<Response> {
    let view = import_view(page, &s, String::new());
    if view.areas.is_empty() {
        return Err(AppError::Forbidden);
    }
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > IMPORT_BODY_LIMIT as u64) {
        return Ok(too_large(view));
    }
    let upload = read_upload_limited(multipart, &state, &ctx, &s, MAX_IMPORT_BYTES).await?;
    let area = upload.fields.get("area").cloned().unwrap_or_default();
    let probe = if area.is_empty() {
        "ita-suomi"
    } else {
        area.as_str()
    };
    let role = s.require(&Action::TransferExperts { area: probe })?;
    let mut view = view;
    view.area = area.clone();
    if upload.too_large {
        view.filename = upload.file.map(|(name, _)| name).unwrap_or_default();
        return Ok(too_large(view));
    }
    let Some((filename, bytes)) = upload.file.filter(|(_, b)| !b.is_empty()) else {
        return Ok(refuse(view, Some("import-no-file"), &[]));
    };
    // Batches nobody confirmed within a day lose their rows now, if the
    // janitor has not done it yet.
    store::expire_batches(&state.db).await?;
    let table = match read_table(&filename, bytes) {
        Ok(t) => t,
        Err(key) => return Ok(refuse(view, Some(key), &[])),
    };
    let taxonomy = taxonomy_entries(&state).await?;
    let parsed = parse_table(&table, &taxonomy);
    drop(table);
    let rows = match parsed {
        Ok(rows) => rows,
        Err(problems) => {
            view.filename = filename;
            return Ok(refuse(view, Some("import-has-problems"), &problems));
        }
    };
    // Every row must be the coordinator's to write: its area, and an
    // existing profile (same e-mail) in an area they keep. Confirming
    // checks again, in its transaction.
    let existing = {
        let mut conn = state.db.pool().acquire().await?;
        store::ids_by_email(&mut conn).await?
    };
    let lang = view.page.lang.code().to_owned();
    let names = crate::taxonomy::cache::phenomena(&state)
        .all(&state.db)
        .await?;
    let phenomenon_name = |code: &str| {
        names
            .iter()
            .find(|n| n.code == code)
            .map(|n| n.name(&lang).to_owned())
            .unwrap_or_else(|| code.to_owned())
    };
    let allowed = |a: &str| decide(&s.actor, &Action::TransferExperts { area: a }).is_allowed();
    let mut problems = Vec::new();
    let mut previews = Vec::new();
    let (mut new_count, mut update_count) = (0, 0);
    for (i, d) in rows.iter().enumerate() {
        let row = i + 2;
        let found = existing.get(&d.email);
        if !allowed(&d.area) {
            problems.push(RowProblem {
                row,
                column: "area".into(),
                code: "import-area-not-yours",
                value: d.area.clone(),
            });
        }
        if let Some((_, a)) = found
            && !allowed(a)
        {
            problems.push(RowProblem {
                row,
                column: "email".into(),
                code: "import-email-elsewhere",
                value: d.email.clone(),
            });
        }
        if found.is_some() {
            update_count += 1;
        } else {
            new_count += 1;
        }
        if previews.len() < PREVIEW_ROWS {
            previews.push(PreviewRow {
                email: d.email.clone(),
                name: d.name.clone(),
                title: d.title.clone(),
                phenomena: d
                    .phenomena
                    .iter()
                    .map(|c| phenomenon_name(c))
                    .collect::<Vec<_>>()
                    .join(", "),
                suggested: if d.phenomena.is_empty() {
                    index
                        .suggest_phenomena(
                            &d.title,
                            [&d.description_fi, &d.description_sv, &d.description_en],
                        )
                        .iter()
                        .map(|c| phenomenon_name(c))
                        .collect::<Vec<_>>()
                        .join(", ")
                } else {
                    String::new()
                },
                update: found.is_some(),
            });
        }
    }
    drop(existing);
    if !problems.is_empty() {
        view.filename = filename;
        return Ok(refuse(view, Some("import-has-problems"), &problems));
    }
    let count = rows.len();
    let json = {
        let forms: Vec<ExpertForm> = rows.iter().map(|d| d.to_form()).collect();
        drop(rows);
        serde_json::to_string(&forms).map_err(anyhow::Error::from)?
    };
    let batch =
        store::create_batch(&state.db, s.actor.user_id, &area, &filename, &json, count).await?;
    drop(json);
    let e = audit::event(
        &ctx,
        Some(&s),
        Some(role),
        "expert.import.preview",
        ("import_batch", &batch.to_string()),
        Outcome::Success,
    );
    audit::store::record(&state.db, e).await?;
    Ok(render(&PreviewView {
        page: view.page,
        batch,
        filename,
        area: crate::experts::routes::area_name_plain(&lang, &area),
        more: count - previews.len(),
        new_count,
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

/// Brings this node's search index up to the database's change feed.
/// `catch_up` applies one batch of the feed (a few thousand changes) a
/// call; a large import wrote more, so it runs until a call finds no
/// profile to re-index, `rows` tells how many rounds that can take.
async fn make_searchable(index: &SearchIndex, db: &Db, rows: usize) -> anyhow::Result<()> {
    // Other writers' changes share the feed: a few rounds more than the rows need.
    if index.catch_up_all(db, rows / 1000 + 10).await? {
        Ok(())
    } else {
        anyhow::bail!("the change feed still had changes after the import's")
    }
}

/// Confirm: store every row in one transaction, or none; the batch's rows
/// are deleted in the same transaction. The answer comes once the search
/// index has them.
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
    let codes: Vec<String> = crate::taxonomy::store::all(&state.db)
        .await?
        .into_iter()
        .map(|p| p.code)
        .collect();
    let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
    let started = std::time::Instant::now();
    let mut tx = state.db.begin().await?;
    let Some(json) = store::batch_rows(&mut tx, id).await? else {
        return Err(AppError::Conflict("import-already-done"));
    };
    let forms: Vec<ExpertForm> = serde_json::from_str(&json).map_err(anyhow::Error::from)?;
    drop(json);
    let existing = store::ids_by_email(&mut tx).await?;
    let mut fresh = Vec::new();
    for f in &forms {
        // The taxonomy or the rights may have changed since the preview.
        let d = f
            .parse(&codes)
            .map_err(|_| AppError::Conflict("import-changed"))?;
        if !decide(&s.actor, &Action::TransferExperts { area: &d.area }).is_allowed() {
            return Err(AppError::Conflict("import-changed"));
        }
        match existing.get(&d.email) {
            Some((eid, area)) => {
                if !decide(&s.actor, &Action::TransferExperts { area }).is_allowed() {
                    return Err(AppError::Conflict("import-changed"));
                }
                store::update(&mut tx, *eid, &d).await?;
            }
            // New profiles are written together below (the file's addresses
            // are distinct: `parse_table` refuses a repeated one).
            None => fresh.push(d),
        }
    }
    let stored = forms.len();
    store::create_many(&mut tx, &fresh).await?;
    drop(fresh);
    drop(forms);
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
    // Updated profiles: this node shows them as written at once.
    super::cache::profile_cache(&state).forget(None);
    let stored_in = started.elapsed();
    let searchable = match make_searchable(&index, &state.db, stored).await {
        Ok(()) => true,
        Err(e) => {
            // The follower applies them within moments (`search::follow`).
            tracing::error!(error = %e, batch = id, "search index catch-up after an import failed");
            false
        }
    };
    tracing::info!(
        batch = id,
        rows = stored,
        store_ms = stored_in.as_millis() as u64,
        index_ms = (started.elapsed() - stored_in).as_millis() as u64,
        "import confirmed"
    );
    let to = if searchable {
        format!("/experts/import/{id}/done")
    } else {
        format!("/experts/import/{id}/done?pending=1")
    };
    Ok(Redirect::to(&to).into_response())
}

/// Discard: the batch's rows are deleted, its record stays.
pub async fn discard(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let b = waiting_batch(&state, &s, id).await?;
    let role = s.require(&Action::TransferExperts { area: &b.area_code })?;
    let mut tx = state.db.begin().await?;
    if store::finish_batch(&mut tx, id, "discarded").await? {
        let e = audit::event(
            &ctx,
            Some(&s),
            Some(role),
            "expert.import.discard",
            ("import_batch", &id.to_string()),
            Outcome::Success,
        );
        audit::store::append(&mut tx, e).await?;
    }
    tx.commit().await?;
    Ok(Redirect::to("/experts/import").into_response())
}

#[derive(Template)]
#[template(path = "experts/import_done.html")]
pub struct DoneView {
    pub page: Page,
    pub count: i64,
    pub filename: String,
    /// The search index had the rows when the page was answered.
    pub searchable: bool,
}

#[derive(Deserialize, Default)]
pub struct DoneQuery {
    /// Set when the search index could not catch up at once.
    pub pending: Option<String>,
}

pub async fn done(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<DoneQuery>,
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
        searchable: q.pending.is_none(),
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
    Ok(crate::core::web::attachment(
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
    Ok(crate::core::web::attachment(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        format!("{name}.xlsx"),
        body,
    ))
}
