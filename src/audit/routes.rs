//! The auditor's view of the access log: filters, paging, chain check.
//! There is deliberately no route that changes an entry.

use super::anchor::Problem;
use super::store::{self, Filter};
use crate::auth::{Ctx, CurrentUser};
use crate::core::db;
use crate::core::error::{AppResult, FieldErrors};
use crate::core::page::{Page, helsinki, render};
use crate::core::web::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use otalusta_domain::audit::{AuditEntry, Outcome};
use otalusta_domain::policy::Action;
use serde::Deserialize;

const PAGE_SIZE: i64 = 100;

#[derive(Deserialize, Default)]
pub struct AuditQuery {
    #[serde(default)]
    pub actor: String,
    #[serde(default)]
    pub object_type: String,
    #[serde(default)]
    pub object_id: String,
    /// Dates as an `<input type="date">` sends them (YYYY-MM-DD), inclusive.
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    pub before: Option<i64>,
}

#[derive(Template)]
#[template(path = "audit/log.html")]
pub struct LogView {
    pub page: Page,
    pub q: AuditQuery,
    pub entries: Vec<AuditEntry>,
    pub errors: FieldErrors,
    pub next_before: Option<i64>,
    pub next_query: String,
}

/// The role of an entry in the reader's language (`role-<key>`); the stored
/// code itself when there is no such message (and nothing for no role).
pub fn role_text(page: &Page, role: &str) -> String {
    named(page, &format!("role-{role}"), role)
}

/// The action of an entry in the reader's language: `audit-action-<code>`
/// with the code's dots as hyphens (`request.read` →
/// `audit-action-request-read`); the code itself when there is no message.
pub fn action_text(page: &Page, code: &str) -> String {
    named(
        page,
        &format!("audit-action-{}", code.replace('.', "-")),
        code,
    )
}

fn named(page: &Page, key: &str, code: &str) -> String {
    if code.is_empty() || !page.i18n.has(page.lang, key) {
        return code.to_owned();
    }
    page.t(key)
}

/// A date from the filter as the start of that day in Helsinki, stored form.
pub(super) fn day_start(s: &str, plus_days: i64) -> Option<String> {
    let d: jiff::civil::Date = s.trim().parse().ok()?;
    let d = d.checked_add(jiff::Span::new().days(plus_days)).ok()?;
    let z = d.to_zoned_datetime(helsinki()).ok()?;
    Some(db::timestamp(z.timestamp()))
}

pub async fn log(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Query(q): Query<AuditQuery>,
) -> AppResult<Response> {
    let role = s.require(&Action::ViewAuditLog)?;
    let mut errors = FieldErrors::new();
    let mut f = Filter {
        actor: q.actor.clone(),
        object_type: q.object_type.clone(),
        object_id: q.object_id.clone(),
        before_seq: q.before,
        ..Default::default()
    };
    if !q.from.trim().is_empty() {
        f.from = day_start(&q.from, 0);
        if f.from.is_none() {
            errors.add("from", "date-invalid");
        }
    }
    if !q.to.trim().is_empty() {
        f.to = day_start(&q.to, 1);
        if f.to.is_none() {
            errors.add("to", "date-invalid");
        }
    }
    let entries = if errors.is_empty() {
        store::search(&state.db, &f, PAGE_SIZE).await?
    } else {
        Vec::new()
    };
    let e = super::event(
        &ctx,
        Some(&s),
        Some(role),
        "audit.read",
        ("audit_log", ""),
        Outcome::Success,
    );
    store::record(&state.db, e).await?;
    let next_before = (entries.len() as i64 == PAGE_SIZE)
        .then(|| entries.last().map(|e| e.seq))
        .flatten();
    let next_query = serde_urlencoded::to_string([
        ("actor", q.actor.as_str()),
        ("object_type", q.object_type.as_str()),
        ("object_id", q.object_id.as_str()),
        ("from", q.from.as_str()),
        ("to", q.to.as_str()),
    ])
    .unwrap_or_default();
    Ok(render(&LogView {
        page,
        q,
        entries,
        errors,
        next_before,
        next_query,
    }))
}

#[derive(Template)]
#[template(path = "audit/verify.html")]
pub struct VerifyView {
    pub page: Page,
    pub count: i64,
    pub checkpoints: i64,
    /// Every problem found, in the page's language.
    pub broken: Vec<String>,
}

pub async fn verify(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
) -> AppResult<Response> {
    let role = s.require(&Action::ViewAuditLog)?;
    let report = super::anchor::Anchor::new(&state.config)
        .verify(&state.db)
        .await?;
    let e = super::event(
        &ctx,
        Some(&s),
        Some(role),
        "audit.verify",
        ("audit_log", ""),
        Outcome::Success,
    );
    store::record(&state.db, e).await?;
    Ok(render(&VerifyView {
        count: report.entries as i64,
        checkpoints: report.checkpoints as i64,
        broken: report
            .problems
            .iter()
            .map(|p| problem_text(&page, p))
            .collect(),
        page,
    }))
}

/// A problem in the reader's language (the command line prints the
/// English `Display`).
fn problem_text(page: &Page, p: &Problem) -> String {
    use fluent_bundle::FluentValue;
    use otalusta_domain::audit::BreakReason as R;
    use otalusta_domain::audit::checkpoint::FileProblem as F;
    let n = |v: i64| FluentValue::from(v);
    let s = |v: String| FluentValue::from(v);
    match p {
        Problem::Chain(b) => {
            let seq = ("seq", n(b.seq));
            match &b.reason {
                R::ContentChanged => page.tx("audit-problem-changed", &[seq]),
                R::PrevHashMismatch => page.tx("audit-problem-order", &[seq]),
                R::Gap { expected } => {
                    page.tx("audit-problem-gap", &[("missing", n(*expected)), seq])
                }
                R::Truncated { head_seq } => {
                    page.tx("audit-problem-truncated", &[seq, ("written", n(*head_seq))])
                }
                R::HeadMismatch => page.tx("audit-problem-head", &[seq]),
                R::CheckpointMismatch { at } => page.tx(
                    "audit-problem-checkpoint",
                    &[seq, ("at", s(page.timestamp(at)))],
                ),
                R::CheckpointBeyondEnd { checkpoint_seq, at } => page.tx(
                    "audit-problem-beyond-end",
                    &[
                        seq,
                        ("recorded", n(*checkpoint_seq)),
                        ("at", s(page.timestamp(at))),
                    ],
                ),
                R::BoundaryMoved { recorded, stored } => page.tx(
                    "audit-problem-boundary",
                    &[("stored", n(*stored)), ("recorded", n(*recorded))],
                ),
            }
        }
        Problem::File(path, f) => {
            let file = ("file", s(path.display().to_string()));
            let (key, line) = match f {
                F::Unreadable { line } => ("audit-problem-file-unreadable", line),
                F::Forged { line } => ("audit-problem-file-forged", line),
                F::Removed { line } => ("audit-problem-file-removed", line),
            };
            page.tx(key, &[file, ("line", n(*line as i64))])
        }
        Problem::NoCheckpoints(path) => page.tx(
            "audit-problem-no-checkpoints",
            &[("file", s(path.display().to_string()))],
        ),
        Problem::Removal(seq, why) => {
            use otalusta_domain::audit::retention::RemovalProblem as W;
            let through = ("seq", n(*seq));
            match why {
                W::Unsigned => page.tx("audit-problem-removal-unsigned", &[through]),
                W::OtherEntry { recorded } => page.tx(
                    "audit-problem-removal-other",
                    &[through, ("recorded", n(*recorded))],
                ),
                W::TooYoung { entry_at } => page.tx(
                    "audit-problem-removal-young",
                    &[through, ("at", s(page.timestamp(entry_at)))],
                ),
                W::PinnedRecently { seq: pinned, at } => page.tx(
                    "audit-problem-removal-pinned",
                    &[
                        through,
                        ("pinned", n(*pinned)),
                        ("at", s(page.timestamp(at))),
                    ],
                ),
            }
        }
        Problem::RemovedStillThere(seq, left) => page.tx(
            "audit-problem-removal-left",
            &[("seq", n(*seq)), ("left", n(*left))],
        ),
        Problem::Unprotected(missing) => page.tx(
            "audit-problem-unprotected",
            &[("what", s(missing.join(", ")))],
        ),
    }
}
