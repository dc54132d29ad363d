//! The participation certificate (osallistumistodistus): a one-page PDF
//! for a participant marked as attended, naming her, the event, its
//! date(s) and organiser. Only one's own.

use super::store::{self, Event};
use super::{log_event, visible_event};
use crate::audit;
use crate::auth::{Ctx, CurrentUser};
use crate::core::error::{AppError, AppResult};
use crate::core::page::{Page, helsinki};
use crate::core::pdf::{Pdf, Style};
use crate::core::web::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use otalusta_domain::audit::Outcome;
use otalusta_domain::policy::Action;

/// The event's day(s) in Helsinki: "12.5.2026" or "12.5.2026–13.5.2026".
pub fn days(e: &Event) -> String {
    let a = e.start().to_zoned_datetime(helsinki()).date();
    let b = e.end().to_zoned_datetime(helsinki()).date();
    if a == b {
        crate::core::i18n::format_date(a)
    } else {
        format!(
            "{}–{}",
            crate::core::i18n::format_date(a),
            crate::core::i18n::format_date(b)
        )
    }
}

/// The certificate of `participant` for `e`.
pub fn write(page: &Page, e: &Event, participant: &str, organisation: &str) -> AppResult<Vec<u8>> {
    let title = page.t("events-certificate-title");
    let mut pdf = Pdf::new(&format!("{title} – {}", e.title), page.lang.code());
    pdf.space(80.0);
    pdf.centered(Style::Title, &title);
    pdf.space(40.0);
    pdf.centered(Style::Display, participant);
    if !organisation.is_empty() {
        pdf.centered(Style::Body, organisation);
    }
    pdf.space(24.0);
    pdf.centered(Style::Body, &page.t("events-certificate-attended"));
    pdf.centered(Style::Heading, &e.title);
    pdf.space(8.0);
    pdf.centered(
        Style::Body,
        &format!(
            "{} · {}",
            page.t(&format!("events-kind-{}", e.kind)),
            days(e)
        ),
    );
    let hours = e.end().duration_since(e.start()).as_secs_f64() / 3600.0;
    if hours > 0.0 && hours <= 24.0 {
        pdf.centered(
            Style::Body,
            &page.ta(
                "events-certificate-hours",
                "hours",
                &format!("{hours:.1}").replace('.', ","),
            ),
        );
    }
    if !e.organiser.is_empty() {
        pdf.space(16.0);
        pdf.centered(
            Style::Body,
            &page.ta("events-certificate-organiser", "organiser", &e.organiser),
        );
    }
    pdf.space(40.0);
    pdf.centered(Style::Small, &page.t("events-certificate-note"));
    pdf.finish(|n, total| {
        page.tx(
            "events-certificate-page",
            &[("n", (n as i64).into()), ("total", (total as i64).into())],
        )
    })
    .map_err(AppError::Internal)
}

pub async fn pdf(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let role = s.require(&Action::RegisterForEvent)?;
    let e = visible_event(&state, Some(&s), id).await?;
    let reg = store::registration_of(&state.db, id, s.actor.user_id.0).await?;
    let Some(reg) = reg.filter(|r| r.attended != 0 && r.status == "registered") else {
        audit::store::record(
            &state.db,
            log_event(
                &ctx,
                Some(&s),
                Some(role),
                "event.certificate",
                ("event", id),
                Outcome::Denied,
            ),
        )
        .await?;
        return Err(AppError::Forbidden);
    };
    let bytes = write(&page, &e, &reg.display, &reg.org)?;
    audit::store::record(
        &state.db,
        log_event(
            &ctx,
            Some(&s),
            Some(role),
            "event.certificate",
            ("event-registration", reg.id),
            Outcome::Success,
        ),
    )
    .await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"certificate-{id}.pdf\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}
