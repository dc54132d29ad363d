//! The reference-data page: areas, their service organisers, organisations.

use super::store;
use crate::auth::CurrentUser;
use crate::core::error::AppResult;
use crate::core::page::{Page, render};
use crate::core::web::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use otalusta_domain::policy::Action;
use otalusta_domain::region::AREAS;

pub struct AreaView {
    pub code: &'static str,
    pub name: String,
    pub hospital: &'static str,
    pub organisers: Vec<String>,
    pub organisations: Vec<store::OrganisationRow>,
}

#[derive(Template)]
#[template(path = "regions.html")]
pub struct RegionsView {
    pub page: Page,
    pub areas: Vec<AreaView>,
    pub national: Vec<store::OrganisationRow>,
}

pub async fn regions(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
) -> AppResult<Response> {
    s.require(&Action::ViewReferenceData)?;
    let orgs = store::organisations(&state.db).await?;
    let lang = page.lang.code();
    let areas = AREAS
        .iter()
        .map(|a| AreaView {
            code: a.code,
            name: a.name(lang).to_owned(),
            hospital: a.hospital,
            organisers: a.organisers().map(|o| o.name(lang).to_owned()).collect(),
            organisations: orgs
                .iter()
                .filter(|o| o.area_code.as_deref() == Some(a.code))
                .cloned()
                .collect(),
        })
        .collect();
    let national = orgs.into_iter().filter(|o| o.area_code.is_none()).collect();
    Ok(render(&RegionsView {
        page,
        areas,
        national,
    }))
}
