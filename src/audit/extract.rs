//! Tarkastusoikeus: the client's access-log extract (703/2023 §11). For an
//! identified request, the group's secretary (on the client's request) or
//! an auditor lists who read or changed the client's data, when, in which
//! role and on what basis, for a chosen period, as a page, CSV or PDF.
//! Producing it is itself logged, and the next extract shows that too.

use super::routes::{action_text, day_start, role_text};
use super::store;
use crate::auth::{Ctx, CurrentUser, Session};
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::page::{Page, helsinki, render};
use crate::core::pdf::{Pdf, Style};
use crate::core::web::{AppState, ReqCtx};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use otalusta_domain::audit::{AuditEntry, Outcome};
use otalusta_domain::policy::Action;
use serde::Deserialize;
use std::collections::HashMap;

/// At most this many entries in one extract; a longer period is refused
/// with a request to split it (never cut silently).
pub const LIMIT: i64 = 20_000;

#[derive(Deserialize, Default, Clone)]
pub struct PeriodQuery {
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
}

/// One line of the extract, in the reader's language.
pub struct Line {
    pub when: String,
    pub who: String,
    pub role: String,
    pub action: String,
    pub basis: String,
    pub outcome: String,
}

pub struct Extract {
    pub lines: Vec<Line>,
    /// The period as dates (`from`–`to`, both inclusive, Helsinki days).
    pub from: String,
    pub to: String,
}

#[derive(Template)]
#[template(path = "audit/extract.html")]
pub struct ExtractView {
    pub page: Page,
    pub id: i64,
    pub q: PeriodQuery,
    pub errors: FieldErrors,
    pub extract: Option<Extract>,
    /// The period as a query string for the download links.
    pub query: String,
}

enum Format {
    Page,
    Csv,
    Pdf,
}

impl Format {
    fn name(&self) -> &'static str {
        match self {
            Format::Page => "page",
            Format::Csv => "csv",
            Format::Pdf => "pdf",
        }
    }
}

/// The checked period: the typed dates (defaults: the request's first day
/// and today) and their bounds as stored timestamps.
fn period(q: &PeriodQuery, created_at: &str) -> Result<(PeriodQuery, String, String), FieldErrors> {
    let today = jiff::Timestamp::now().to_zoned_datetime(helsinki()).date();
    let first = crate::core::db::parse_timestamp(created_at)
        .map(|t| t.to_zoned_datetime(helsinki()).date())
        .unwrap_or(today);
    let typed = PeriodQuery {
        from: match q.from.trim() {
            "" => first.to_string(),
            s => s.to_owned(),
        },
        to: match q.to.trim() {
            "" => today.to_string(),
            s => s.to_owned(),
        },
    };
    let mut errors = FieldErrors::new();
    let from = day_start(&typed.from, 0);
    let to = day_start(&typed.to, 1);
    if from.is_none() {
        errors.add("from", "date-invalid");
    }
    if to.is_none() {
        errors.add("to", "date-invalid");
    }
    match (from, to) {
        (Some(from), Some(to)) if from < to => Ok((typed, from, to)),
        (Some(_), Some(_)) => {
            errors.add("to", "access-extract-period-order");
            Err(errors)
        }
        _ => Err(errors),
    }
}

/// Display names of the users who appear, by user name.
async fn display_names(
    state: &AppState,
    entries: &[AuditEntry],
) -> AppResult<HashMap<String, String>> {
    let mut names: Vec<&str> = entries
        .iter()
        .map(|e| e.event.actor_name.as_str())
        .collect();
    names.sort_unstable();
    names.dedup();
    let mut out = HashMap::new();
    for chunk in names.chunks(crate::core::db::IN_CHUNK) {
        let sql = format!(
            "SELECT username, display_name FROM users WHERE username IN ({})",
            crate::core::db::marks(1, chunk.len())
        );
        let mut q = sqlx::query_as::<_, (String, String)>(sqlx::AssertSqlSafe(sql));
        for n in chunk {
            q = q.bind(*n);
        }
        out.extend(q.fetch_all(state.db.pool()).await?);
    }
    Ok(out)
}

/// The basis of an access in the reader's language: the stored purpose's
/// first part (`consultation; list requests` → "consultation") by its
/// message `audit-basis-<code>`, then the rest as written.
fn basis(page: &Page, purpose: &str) -> String {
    let (code, rest) = purpose.split_once(';').unwrap_or((purpose, ""));
    let key = format!("audit-basis-{}", code.trim().replace([' ', '\''], "-"));
    let head = if !code.trim().is_empty() && page.i18n.has(page.lang, &key) {
        page.t(&key)
    } else {
        code.trim().to_owned()
    };
    match rest.trim() {
        "" => head,
        rest => format!("{head} ({rest})"),
    }
}

/// A draft is the requester's alone (not even its existence is shown); a
/// pseudonymous request has no client to hand an extract to.
fn refuse_unless_submitted_and_identified(
    r: &crate::consultations::store::Request,
) -> AppResult<()> {
    if !r.was_sent() {
        return Err(AppError::NotFound);
    }
    if r.identity_cipher.is_none() {
        return Err(AppError::Conflict("access-extract-pseudonymous"));
    }
    Ok(())
}

/// Checks who asks and for which request, logs the extract, and reads it.
/// `Ok(Err(view))`: the period was refused (the form with its errors).
async fn prepare(
    state: &AppState,
    s: &Session,
    ctx: &ReqCtx,
    page: &Page,
    id: i64,
    q: &PeriodQuery,
    format: Format,
) -> AppResult<Result<Extract, FieldErrors>> {
    let (r, _, role) =
        crate::consultations::authorize(state, s, ctx, id, "request.access-extract", |r, _| {
            Action::ProduceAccessExtract { group: r.group_id }
        })
        .await?;
    refuse_unless_submitted_and_identified(&r)?;
    let (typed, from, to) = match period(q, &r.created_at) {
        Ok(p) => p,
        Err(errors) => return Ok(Err(errors)),
    };
    let mut e = crate::consultations::log_event(
        ctx,
        s,
        Some(role),
        "request.access-extract",
        r.id,
        Outcome::Success,
    );
    e.purpose = format!(
        "client's right of access; 703/2023 s. 11, period {} to {}, {}",
        typed.from,
        typed.to,
        format.name()
    );
    store::record(&state.db, e).await?;
    let object = r.id.to_string();
    let entries =
        store::of_object_between(&state.db, ("request", &object), &from, &to, LIMIT + 1).await?;
    if entries.len() as i64 > LIMIT {
        let mut errors = FieldErrors::new();
        errors.add("to", "access-extract-too-long");
        return Ok(Err(errors));
    }
    let names = display_names(state, &entries).await?;
    let lines = entries
        .iter()
        .map(|e| {
            let ev = &e.event;
            let who = match names.get(&ev.actor_name) {
                Some(d) => format!("{d} ({})", ev.actor_name),
                None if ev.actor_name.is_empty() => page.t("access-extract-nobody"),
                None => ev.actor_name.clone(),
            };
            Line {
                when: page.timestamp(&ev.at),
                who,
                role: role_text(page, &ev.role),
                action: action_text(page, &ev.action),
                basis: basis(page, &ev.purpose),
                outcome: page.t(&format!("outcome-{}", ev.outcome.as_str())),
            }
        })
        .collect();
    Ok(Ok(Extract {
        lines,
        from: typed.from,
        to: typed.to,
    }))
}

fn refused(page: Page, id: i64, q: PeriodQuery, errors: FieldErrors) -> Response {
    let mut res = render(&ExtractView {
        page,
        id,
        q,
        errors,
        extract: None,
        query: String::new(),
    });
    *res.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    res
}

/// The form, and the extract itself once a period is chosen.
pub async fn page(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<PeriodQuery>,
) -> AppResult<Response> {
    if q.from.is_empty() && q.to.is_empty() {
        // Only the form: check the caller and the request, show defaults.
        let (r, _, _) = crate::consultations::authorize(
            &state,
            &s,
            &ctx,
            id,
            "request.access-extract",
            |r, _| Action::ProduceAccessExtract { group: r.group_id },
        )
        .await?;
        refuse_unless_submitted_and_identified(&r)?;
        let defaults = period(&q, &r.created_at)
            .map(|(typed, _, _)| typed)
            .unwrap_or_default();
        return Ok(render(&ExtractView {
            page,
            id,
            q: defaults,
            errors: FieldErrors::new(),
            extract: None,
            query: String::new(),
        }));
    }
    match prepare(&state, &s, &ctx, &page, id, &q, Format::Page).await? {
        Ok(extract) => {
            let query = serde_urlencoded::to_string([
                ("from", extract.from.as_str()),
                ("to", extract.to.as_str()),
            ])
            .unwrap_or_default();
            Ok(render(&ExtractView {
                page,
                id,
                q,
                errors: FieldErrors::new(),
                extract: Some(extract),
                query,
            }))
        }
        Err(errors) => Ok(refused(page, id, q, errors)),
    }
}

fn head(page: &Page) -> Vec<String> {
    [
        "access-extract-when",
        "access-extract-who",
        "access-extract-role",
        "access-extract-action",
        "access-extract-basis",
        "access-extract-outcome",
    ]
    .iter()
    .map(|k| page.t(k))
    .collect()
}

/// What a download handler receives: the request's parts.
type Download = (
    State<AppState>,
    CurrentUser,
    Ctx,
    Page,
    Path<i64>,
    Query<PeriodQuery>,
);

/// The extract for a download, or the form with the period's problems.
async fn download(
    parts: Download,
    format: Format,
) -> AppResult<Result<(Extract, Page, Session, i64), Response>> {
    let (State(state), CurrentUser(s), Ctx(ctx), page, Path(id), Query(q)) = parts;
    Ok(
        match prepare(&state, &s, &ctx, &page, id, &q, format).await? {
            Ok(x) => Ok((x, page, s, id)),
            Err(errors) => Err(refused(page, id, q, errors)),
        },
    )
}

pub async fn csv(
    state: State<AppState>,
    user: CurrentUser,
    ctx: Ctx,
    page: Page,
    id: Path<i64>,
    q: Query<PeriodQuery>,
) -> AppResult<Response> {
    let (extract, page, _, id) =
        match download((state, user, ctx, page, id, q), Format::Csv).await? {
            Ok(x) => x,
            Err(form) => return Ok(form),
        };
    let rows = std::iter::once(head(&page)).chain(
        extract
            .lines
            .into_iter()
            .map(|l| vec![l.when, l.who, l.role, l.action, l.basis, l.outcome]),
    );
    Ok(crate::core::web::csv_attachment(
        format!("lokiote-{id}-{}-{}.csv", extract.from, extract.to),
        rows,
    )?)
}

pub async fn pdf(
    state: State<AppState>,
    user: CurrentUser,
    ctx: Ctx,
    page: Page,
    id: Path<i64>,
    q: Query<PeriodQuery>,
) -> AppResult<Response> {
    let (extract, page, s, id) =
        match download((state, user, ctx, page, id, q), Format::Pdf).await? {
            Ok(x) => x,
            Err(form) => return Ok(form),
        };
    let title = page.ta("access-extract-title", "id", &id.to_string());
    let mut doc = Pdf::new(&title, page.lang.code());
    doc.text(Style::Title, &title);
    doc.text(
        Style::Body,
        &format!(
            "{}: {} – {}",
            page.t("access-extract-period"),
            page.date(&extract.from.parse().map_err(anyhow::Error::from)?),
            page.date(&extract.to.parse().map_err(anyhow::Error::from)?),
        ),
    );
    doc.text(
        Style::Body,
        &format!(
            "{}: {}, {}",
            page.t("access-extract-produced"),
            page.timestamp(&crate::core::db::now()),
            s.display_name
        ),
    );
    doc.text(Style::Small, &page.t("access-extract-lead"));
    if extract.lines.is_empty() {
        doc.text(Style::Body, &page.t("access-extract-empty"));
    }
    let h = head(&page);
    for l in &extract.lines {
        doc.text(Style::Subheading, &format!("{} · {}", l.when, l.who));
        doc.text(
            Style::Item,
            &format!(
                "{}: {}; {}: {}; {}: {}; {}: {}",
                h[2], l.role, h[3], l.action, h[4], l.basis, h[5], l.outcome
            ),
        );
    }
    let of = page.t("access-extract-page");
    let bytes = doc.finish(|n, total| format!("{title} · {of} {n}/{total}"))?;
    Ok(crate::core::web::attachment(
        "application/pdf",
        format!("lokiote-{id}-{}-{}.pdf", extract.from, extract.to),
        bytes,
    ))
}
