//! The coordinator's instrument editor: the definition as JSON, checked
//! part by part; each save is a new version, and screenings keep theirs.
//! A coordinator edits their area's version (the first save copies the one
//! in use); an administrator the platform's default.

use super::store;
use crate::audit;
use crate::auth::{Ctx, CurrentUser, Session};
use crate::core::error::{AppError, AppResult};
use crate::core::forms::CsrfForm;
use crate::core::page::{Page, render, render_invalid};
use crate::core::web::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use otalusta_domain::audit::Outcome;
use otalusta_domain::policy::{Action, decide};
use otalusta_domain::screening::instrument::Instrument;
use serde::Deserialize;

/// The `area_code` of the version the caller may edit: their coordinated
/// area's, or the platform's for an administrator.
pub fn editable_area(s: &Session) -> Option<String> {
    if let Some(area) = s.actor.coordinated_areas().next()
        && decide(&s.actor, &Action::EditInstrument { area: Some(area) }).is_allowed()
    {
        return Some(area.to_owned());
    }
    decide(&s.actor, &Action::EditInstrument { area: None })
        .is_allowed()
        .then(|| store::PLATFORM.to_owned())
}

pub struct VersionRow {
    pub version: i64,
    pub at: String,
    pub by: String,
}

#[derive(Template)]
#[template(path = "screenings/instrument.html")]
pub struct EditorView {
    pub page: Page,
    pub area_name: String,
    pub definition: String,
    pub expected: i64,
    /// `(where, message)` of a refused definition.
    pub problems: Vec<(String, String)>,
    pub history: Vec<VersionRow>,
    pub conflict: bool,
}

fn area_name(page: &Page, area: &str) -> String {
    otalusta_domain::region::area(area)
        .map(|a| a.name(page.lang.code()).to_owned())
        .unwrap_or_else(|| page.t("screening-platform-version"))
}

async fn view(
    state: &AppState,
    page: Page,
    area: &str,
    definition: Option<String>,
    problems: Vec<(String, String)>,
    conflict: bool,
) -> AppResult<EditorView> {
    let own = store::latest_of(&state.db, area).await?;
    let in_use = match &own {
        Some(v) => v.clone(),
        None => store::current(&state.db, (!area.is_empty()).then_some(area)).await?,
    };
    let definition = match definition {
        Some(d) => d,
        None => serde_json::to_string_pretty(&in_use.instrument).map_err(anyhow::Error::from)?,
    };
    let history = store::history(&state.db, area)
        .await?
        .into_iter()
        .map(|v| VersionRow {
            version: v.version,
            at: page.day(&v.created_at),
            by: v.created_by.unwrap_or_default(),
        })
        .collect();
    Ok(EditorView {
        area_name: area_name(&page, area),
        definition,
        expected: own.map_or(0, |v| v.version),
        problems,
        history,
        conflict,
        page,
    })
}

pub async fn form(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
) -> AppResult<Response> {
    let area = editable_area(&s).ok_or(AppError::Forbidden)?;
    Ok(render(
        &view(&state, page, &area, None, Vec::new(), false).await?,
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EditorPost {
    pub definition: String,
    pub expected: String,
}

pub async fn save(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    CsrfForm(input): CsrfForm<EditorPost>,
) -> AppResult<Response> {
    let area = editable_area(&s).ok_or(AppError::Forbidden)?;
    let role = s.require(&Action::EditInstrument {
        area: (!area.is_empty()).then_some(area.as_str()),
    })?;
    let phenomena = crate::taxonomy::cache::phenomena(&state)
        .all(&state.db)
        .await?;
    let known: Vec<&str> = phenomena.iter().map(|p| p.code.as_str()).collect();
    let parsed: Result<Instrument, _> = Instrument::parse(&input.definition, &known);
    let instrument = match parsed {
        Ok(i) => i,
        Err(problems) => {
            let problems = problems
                .into_iter()
                .map(|(at, key)| (at, page.t(key)))
                .collect();
            let v = view(&state, page, &area, Some(input.definition), problems, false).await?;
            return Ok(render_invalid(&v));
        }
    };
    let expected: i64 = input.expected.parse().unwrap_or(-1);
    let mut tx = state.db.begin().await?;
    let Some(id) =
        store::save_version(&mut tx, &area, expected, &instrument, s.actor.user_id).await?
    else {
        tx.rollback().await?;
        // Someone saved a version after this page was loaded.
        let v = view(
            &state,
            page,
            &area,
            Some(input.definition),
            Vec::new(),
            true,
        )
        .await?;
        let mut res = render(&v);
        *res.status_mut() = axum::http::StatusCode::CONFLICT;
        return Ok(res);
    };
    let mut e = audit::event(
        &ctx,
        Some(&s),
        Some(role),
        "instrument.save",
        ("screening_instrument", &id.to_string()),
        Outcome::Success,
    );
    e.purpose = if area.is_empty() {
        "platform".into()
    } else {
        area.clone()
    };
    audit::store::append(&mut tx, e).await?;
    tx.commit().await?;
    Ok(Redirect::to("/screenings/instrument?done=instrument-saved").into_response())
}
