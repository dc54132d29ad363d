//! Oma osaaminen ("my learning", `/learning`): a signed-in person's coming
//! events, the ones attended and their certificates. The page is a list
//! of sections so that other capabilities (the knowledge bank's saved
//! materials) add theirs without changing the template.

use super::store;
use crate::auth::CurrentUser;
use crate::core::error::AppResult;
use crate::core::page::{Page, render};
use crate::core::web::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use otalusta_domain::policy::Action;

/// One line of a section.
pub struct Item {
    pub href: String,
    pub title: String,
    /// When, or what it is.
    pub detail: String,
    /// A status word ("jonossa: 2.").
    pub note: String,
}

/// A section of the page: a heading, its lines, what it says when empty.
pub struct Section {
    pub id: &'static str,
    pub title: String,
    pub items: Vec<Item>,
    pub empty: String,
}

#[derive(Template)]
#[template(path = "events/learning.html")]
pub struct LearningView {
    pub page: Page,
    pub sections: Vec<Section>,
}

/// The events' sections of `user`'s page.
pub async fn event_sections(state: &AppState, page: &Page, user: i64) -> AppResult<Vec<Section>> {
    let now = crate::core::db::now();
    let mine = store::of_user(&state.db, user).await?;
    let mut coming = Vec::new();
    let mut attended = Vec::new();
    let mut certificates = Vec::new();
    for (r, e) in &mine {
        let detail = super::when(page.lang, e);
        if e.ends_at >= now && !e.is_cancelled() {
            let note = if r.status == "waitlist" {
                let pos = otalusta_domain::events::waitlist_position(
                    r.id,
                    &store::waitlist(&state.db, e.id).await?,
                )
                .unwrap_or(0);
                page.tn("events-waitlist-position", "position", pos as i64)
            } else {
                page.t("events-status-registered")
            };
            coming.push(Item {
                href: format!("/events/{}", e.id),
                title: e.title.clone(),
                detail,
                note,
            });
        } else if r.attended != 0 && r.status == "registered" {
            attended.push(Item {
                href: format!("/events/{}", e.id),
                title: e.title.clone(),
                detail: detail.clone(),
                note: if e.recording_url.is_empty() {
                    String::new()
                } else {
                    page.t("events-recording-available")
                },
            });
            certificates.push(Item {
                href: format!("/events/{}/certificate.pdf", e.id),
                title: page.ta("events-certificate-of", "title", &e.title),
                detail,
                note: String::new(),
            });
        }
    }
    Ok(vec![
        Section {
            id: "coming",
            title: page.t("events-learning-coming"),
            items: coming,
            empty: page.t("events-learning-coming-none"),
        },
        Section {
            id: "attended",
            title: page.t("events-learning-attended"),
            items: attended,
            empty: page.t("events-learning-attended-none"),
        },
        Section {
            id: "certificates",
            title: page.t("events-learning-certificates"),
            items: certificates,
            empty: page.t("events-learning-certificates-none"),
        },
    ])
}

pub async fn page(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
) -> AppResult<Response> {
    s.require(&Action::RegisterForEvent)?;
    let mut sections = event_sections(&state, &page, s.actor.user_id.0).await?;
    sections.push(crate::knowledge::item::saved_section(&state, &page, &s).await?);
    Ok(render(&LearningView { page, sections }))
}
