//! A channel's public page (`/groups/{id}` without login): what it is for,
//! its client criteria, who may ask and how, its area and county, the
//! area OT coordinator's contact and the coming meetings' days. Never the
//! video link or the members: those stay behind login.

use super::routes::{eligibility_text, load, phenomenon_names, place_name};
use crate::core::error::AppResult;
use crate::core::page::{Page, render};
use crate::core::web::AppState;
use crate::guidance::store::{AreaContact, area_contact};
use askama::Template;
use jiff::ToSpan;

#[derive(Template)]
#[template(path = "groups/public.html")]
pub struct PublicView {
    pub page: Page,
    pub id: i64,
    pub name: String,
    pub description: String,
    pub criteria: String,
    pub how_to_ask: String,
    pub kind: String,
    pub place_name: String,
    pub mode: String,
    pub phenomena: Vec<String>,
    pub levels: Vec<String>,
    pub eligible: Vec<String>,
    pub rule: Vec<String>,
    pub meetings: Vec<String>,
    pub contact: Option<AreaContact>,
    pub area_name: String,
    pub active: bool,
}

pub async fn show(state: &AppState, page: Page, id: i64) -> AppResult<PublicView> {
    let g = load(state, id).await?;
    let all = crate::taxonomy::store::all(&state.db).await?;
    let lang = page.lang.code();
    let d = &g.details;
    let today = super::routes::today();
    let meetings = match super::calendars::calendars(state)
        .get(&state.db, g.id)
        .await?
    {
        Some(cal) => cal
            .meetings(today, today.checked_add(4.months()).unwrap_or(today))
            .iter()
            .filter(|m| m.is_held())
            .take(4)
            .map(|m| {
                page.tx(
                    "group-public-meeting",
                    &[
                        (
                            "day",
                            otalusta_domain::groups::format_fi_date(m.date).into(),
                        ),
                        (
                            "deadline",
                            otalusta_domain::groups::format_fi_date(m.deadline.date()).into(),
                        ),
                    ],
                )
            })
            .collect(),
        None => Vec::new(),
    };
    Ok(PublicView {
        id: g.id.0,
        name: d.name(lang).to_owned(),
        description: d.public_text("description", lang).to_owned(),
        criteria: d.public_text("criteria", lang).to_owned(),
        how_to_ask: d.public_text("how_to_ask", lang).to_owned(),
        kind: page.t(&format!("group-kind-{}", d.kind.key())),
        place_name: place_name(&page, &g),
        mode: page.t(&format!("meeting-mode-{}", d.mode.key())),
        phenomena: phenomenon_names(&page, &all, &d.phenomena),
        levels: d
            .levels
            .iter()
            .map(|l| page.t(&format!("level-{}", l.key())))
            .collect(),
        eligible: eligibility_text(&page, &g),
        rule: super::views::rule_text(&page, &g),
        meetings,
        contact: area_contact(&state.db, &d.area).await?,
        area_name: otalusta_domain::region::area(&d.area)
            .map(|a| a.name(lang).to_owned())
            .unwrap_or_default(),
        active: g.active,
        page,
    })
}

/// The page for anyone.
pub async fn page(state: &AppState, page: Page, id: i64) -> AppResult<axum::response::Response> {
    Ok(render(&show(state, page, id).await?))
}
