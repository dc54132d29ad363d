//! Palveluohjaus from a screening: the channels and experts that fit its
//! result, each with why, and a draft request to a suggested channel with
//! the screening's answers carried over.

use super::store;
use super::{authorize, log_event};
use crate::audit;
use crate::auth::{Ctx, CurrentUser, Session};
use crate::consultations;
use crate::core::error::{AppError, AppResult};
use crate::core::forms::CsrfForm;
use crate::core::page::{Page, render};
use crate::core::web::AppState;
use crate::groups::calendars::calendars;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::ToSpan;
use otalusta_domain::audit::Outcome;
use otalusta_domain::consultations::{Identification, place};
use otalusta_domain::ids::{ExpertId, GroupId};
use otalusta_domain::policy::{Action, decide};
use otalusta_domain::questionnaire::Answer;
use otalusta_domain::screening::Level;
use otalusta_domain::screening::evaluate::{Evaluation, evaluate};
use otalusta_domain::screening::guidance::{
    Channel, Expert, Need, NextMeeting, Suggestions, Why, suggest,
};
use serde::Deserialize;
use sqlx::AssertSqlSafe;
use std::collections::HashMap;

/// The evaluation a screening stands on: frozen when finished, else live.
pub async fn evaluation(
    state: &AppState,
    x: &store::Screening,
) -> AppResult<(store::Version, Evaluation)> {
    let v = store::version(&state.db, x.instrument_id).await?;
    let e = match x.frozen() {
        Some(e) => e,
        None => evaluate(&v.instrument, &store::views(state.db.pool(), x.id).await?),
    };
    Ok((v, e))
}

/// The facts of every active channel, as the asker `s` would meet them now.
async fn channels(state: &AppState, s: &Session) -> AppResult<Vec<Channel>> {
    let all = calendars(state).all_active(&state.db).await?;
    let levels: HashMap<i64, String> =
        sqlx::query_as::<_, (i64, String)>("SELECT id, levels FROM consultation_groups")
            .fetch_all(state.db.pool())
            .await?
            .into_iter()
            .collect();
    let asker = consultations::requests::asker(state, s).await?;
    let today = crate::groups::routes::today();
    let now = jiff::Timestamp::now();
    let mut out = Vec::new();
    for cal in all {
        let g = &cal.group;
        let meetings = cal.meetings(today, today.checked_add(6.months()).unwrap_or(today));
        let taken = cal.taken();
        let p = place(&meetings, &taken, g.details.capacity, now);
        let next = p.meeting.and_then(|d| {
            let m = meetings.iter().find(|m| m.rule_date == d)?;
            Some(NextMeeting {
                rule_date: d,
                day: m.date,
                deadline: m.deadline.date(),
                free: g
                    .details
                    .capacity
                    .saturating_sub(taken.get(&d).copied().unwrap_or(0)),
            })
        });
        out.push(Channel {
            id: g.id.0,
            name: g.details.name_fi.clone(),
            phenomena: g.details.phenomena.clone(),
            area: g.details.area.clone(),
            county: g.details.organiser.clone(),
            levels: Level::parse_list(levels.get(&g.id.0).map_or("", String::as_str)),
            remote: g.details.mode.has_video(),
            admits: consultations::requests::admits(g, &asker).is_ok(),
            next,
        });
    }
    Ok(out)
}

/// Experts tagged with any of `codes` (at most a few thousand).
async fn experts(state: &AppState, codes: &[String]) -> AppResult<Vec<(Expert, ExpertId)>> {
    if codes.is_empty() {
        return Ok(Vec::new());
    }
    let marks = crate::core::db::marks(1, codes.len());
    let sql = format!(
        "SELECT DISTINCT ep.expert_id FROM expert_phenomena ep JOIN phenomena p \
         ON p.id = ep.phenomenon_id WHERE p.code IN ({marks}) ORDER BY ep.expert_id LIMIT 3000"
    );
    let mut q = sqlx::query_as::<_, (i64,)>(AssertSqlSafe(sql));
    for c in codes {
        q = q.bind(c);
    }
    let ids: Vec<ExpertId> = q
        .fetch_all(state.db.pool())
        .await?
        .into_iter()
        .map(|(id,)| ExpertId(id))
        .collect();
    let levels: HashMap<i64, String> =
        sqlx::query_as::<_, (i64, String)>("SELECT id, levels FROM experts WHERE levels <> ''")
            .fetch_all(state.db.pool())
            .await?
            .into_iter()
            .collect();
    let profiles = crate::experts::cache::profile_cache(state)
        .get_many(&state.db, &ids)
        .await?;
    let today = crate::groups::routes::today();
    Ok(profiles
        .iter()
        .map(|e| {
            let d = &e.details;
            let mut areas = vec![d.area.clone()];
            areas.extend(d.regions.iter().filter(|r| **r != d.area).cloned());
            (
                Expert {
                    id: e.id.0,
                    name: d.name.clone(),
                    phenomena: d.phenomena.clone(),
                    areas,
                    languages: d.languages.iter().map(|l| l.to_string()).collect(),
                    levels: Level::parse_list(levels.get(&e.id.0).map_or("", String::as_str)),
                    remote: d.remote,
                    paused: !d.available_on(today),
                },
                e.id,
            )
        })
        .collect())
}

/// Ranks the suggestions for a screening.
/// The suggestions, and whether the asker's area was known (without it,
/// nothing can be suggested by place, and the page says so).
pub async fn suggestions(
    state: &AppState,
    s: &Session,
    x: &store::Screening,
    e: &Evaluation,
) -> AppResult<(Suggestions, bool)> {
    let phenomena: Vec<(String, i32)> = e
        .phenomena
        .iter()
        .map(|p| (p.code.clone(), p.weight))
        .collect();
    let codes: Vec<String> = phenomena.iter().map(|p| p.0.clone()).collect();
    let channels = channels(state, s).await?;
    let experts: Vec<Expert> = experts(state, &codes)
        .await?
        .into_iter()
        .map(|(e, _)| e)
        .collect();
    let language = if x.language == "other" {
        ""
    } else {
        x.language.as_str()
    };
    // The owner's area when the screening began; an account given its area
    // only later is served by it now.
    let (area, county) = match &x.area_code {
        Some(a) => (Some(a.clone()), x.organiser_code.clone()),
        None => crate::auth::store::get_user(&state.db, otalusta_domain::ids::UserId(x.owner_id))
            .await?
            .map(|u| (u.area_code, u.organiser_code))
            .unwrap_or((None, None)),
    };
    let need = Need {
        level: e.outcome.level(),
        phenomena: &phenomena,
        area: area.as_deref(),
        county: county.as_deref(),
        language,
    };
    Ok((suggest(&need, &channels, &experts), area.is_some()))
}

pub struct SuggestionView {
    pub id: i64,
    pub name: String,
    pub href: String,
    pub reasons: Vec<String>,
}

#[derive(Template)]
#[template(path = "screenings/guidance.html")]
pub struct GuidanceView {
    pub page: Page,
    pub id: i64,
    pub heading: String,
    pub provisional: bool,
    pub no_phenomena: bool,
    pub channels: Vec<SuggestionView>,
    pub experts: Vec<SuggestionView>,
    pub left_out: Vec<String>,
    pub from_neighbours: bool,
    pub may_open: bool,
    /// The owner's account has no area: nothing can be suggested by place.
    pub no_area: bool,
    /// Phenomena of the result no suggested channel takes, by name.
    pub uncovered: String,
}

/// A reason in words.
fn why_text(page: &Page, w: &Why, names: &HashMap<String, String>) -> String {
    let lang = page.lang.code();
    let area = |a: &str| {
        otalusta_domain::region::area(a)
            .map(|x| x.name(lang).to_owned())
            .unwrap_or_else(|| a.to_owned())
    };
    match w {
        Why::Phenomena(codes) => {
            let n: Vec<String> = codes
                .iter()
                .map(|c| names.get(c).cloned().unwrap_or(c.clone()))
                .collect();
            page.ta("suggest-why-phenomena", "names", &n.join(", "))
        }
        Why::SameCounty => page.t("suggest-why-county"),
        Why::SameArea => page.t("suggest-why-area"),
        Why::NeighbourArea(a) => page.ta("suggest-why-neighbour", "area", &area(a)),
        Why::Remote => page.t("suggest-why-remote"),
        Why::Language(l) => page.ta(
            "suggest-why-language",
            "language",
            &page.t(&format!("screening-language-{l}")),
        ),
        Why::NoLanguage(l) => page.ta(
            "suggest-why-no-language",
            "language",
            &page.t(&format!("screening-language-{l}")),
        ),
        Why::Level(l) => page.ta(
            "suggest-why-level",
            "level",
            &page.t(&format!("level-{}", l.key())),
        ),
        Why::Meeting(m) => page.tx(
            "suggest-why-meeting",
            &[
                ("day", otalusta_domain::groups::format_fi_date(m.day).into()),
                (
                    "deadline",
                    otalusta_domain::groups::format_fi_date(m.deadline).into(),
                ),
                ("free", i64::from(m.free).into()),
            ],
        ),
    }
}

pub async fn show(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let a = authorize(&state, &s, &ctx, id, "screening.guidance", false).await?;
    audit::store::record(
        &state.db,
        log_event(
            &ctx,
            &s,
            Some(a.role),
            "screening.guidance",
            id,
            Outcome::Success,
        ),
    )
    .await?;
    let (_, e) = evaluation(&state, &a.screening).await?;
    let (found, area_known) = suggestions(&state, &s, &a.screening, &e).await?;
    let names = super::routes::phenomenon_names(&state, &page).await?;
    let group_names = group_names(&state, &page, &found).await?;
    let to_view =
        |sug: &otalusta_domain::screening::guidance::Suggestion, href: String, name: String| {
            SuggestionView {
                id: sug.id,
                name,
                href,
                reasons: sug
                    .reasons
                    .iter()
                    .map(|w| why_text(&page, w, &names))
                    .collect(),
            }
        };
    let channels = found
        .channels
        .iter()
        .map(|c| {
            to_view(
                c,
                format!("/groups/{}", c.id),
                group_names.get(&c.id).cloned().unwrap_or(c.name.clone()),
            )
        })
        .collect();
    let experts = found
        .experts
        .iter()
        .map(|x| to_view(x, format!("/experts/{}", x.id), x.name.clone()))
        .collect();
    let mut left_out = Vec::new();
    let lo = found.left_out;
    if lo.no_meeting > 0 {
        left_out.push(page.tn("suggest-left-no-meeting", "count", lo.no_meeting as i64));
    }
    if lo.not_admitted > 0 {
        left_out.push(page.tn("suggest-left-not-admitted", "count", lo.not_admitted as i64));
    }
    if lo.paused > 0 {
        left_out.push(page.tn("suggest-left-paused", "count", lo.paused as i64));
    }
    let may_open = a.owner && decide(&s.actor, &Action::CreateRequest).is_allowed();
    Ok(render(&GuidanceView {
        id,
        heading: page.t(&format!("screening-outcome-{}", e.outcome.key())),
        provisional: !e.complete(),
        no_phenomena: e.phenomena.is_empty(),
        channels,
        experts,
        left_out,
        from_neighbours: found.from_neighbours,
        may_open,
        no_area: !area_known,
        uncovered: found
            .uncovered
            .iter()
            .map(|c| names.get(c).cloned().unwrap_or(c.clone()))
            .collect::<Vec<_>>()
            .join(", "),
        page,
    }))
}

/// Channel names in the page's language.
async fn group_names(
    state: &AppState,
    page: &Page,
    found: &Suggestions,
) -> AppResult<HashMap<i64, String>> {
    let mut out = HashMap::new();
    let cals = calendars(state);
    for c in &found.channels {
        if let Some(cal) = cals.get(&state.db, GroupId(c.id)).await? {
            out.insert(c.id, cal.group.details.name(page.lang.code()).to_owned());
        }
    }
    Ok(out)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OpenPost {
    pub group: String,
}

/// Opens a draft request to a channel with the screening's answers carried
/// over; the requester reads and edits it before sending.
pub async fn open_request(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<OpenPost>,
) -> AppResult<Response> {
    let a = authorize(&state, &s, &ctx, id, "screening.request", true).await?;
    let role = s.require(&Action::CreateRequest)?;
    let gid: i64 = input
        .group
        .parse()
        .map_err(|_| AppError::BadRequest("error-bad-request"))?;
    let g = crate::groups::routes::load(&state, gid).await?;
    if !g.active {
        return Err(AppError::NotFound);
    }
    let asker = consultations::requests::asker(&state, &s).await?;
    if let Err(why) = consultations::requests::admits(&g, &asker) {
        return Err(AppError::Refused {
            kind: "request-not-eligible",
            message_key: why,
        });
    }
    let (v, e) = evaluation(&state, &a.screening).await?;
    let form = consultations::store::current_form(&state.db, g.id).await?;
    let views_ = store::views(state.db.pool(), id).await?;
    let mut answers = otalusta_domain::screening::evaluate::carry_over(
        &v.instrument,
        &views_,
        &form.form,
        page.lang.code(),
    );
    if let Some(item) = form.form.item("age_band")
        && item.choices.iter().any(|c| c.key == a.screening.age_band)
    {
        answers.insert(
            "age_band".into(),
            Answer::Choice(a.screening.age_band.clone()),
        );
    }
    let mut tx = state.db.begin().await?;
    // A second click (or a second tab) opens the draft the first made.
    store::get_for_update(&mut tx, id, state.db.locks_rows()).await?;
    let existing: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM requests WHERE screening_id = $1 AND group_id = $2 \
         AND requester_id = $3 AND status = 'draft' ORDER BY id LIMIT 1",
    )
    .bind(id)
    .bind(g.id.0)
    .bind(s.actor.user_id.0)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some((rid,)) = existing {
        tx.rollback().await?;
        return Ok(Redirect::to(&format!("/requests/{rid}/edit")).into_response());
    }
    let rid = consultations::store::create(&mut tx, s.actor.user_id, g.id, form.id).await?;
    consultations::store::save_answers(&mut tx, rid, &answers, Identification::None, "", None)
        .await?;
    consultations::store::created_event(&mut tx, rid, s.actor.user_id, role).await?;
    sqlx::query("UPDATE requests SET screening_id = $1, need_level = $2 WHERE id = $3")
        .bind(id)
        .bind(e.outcome.level().key())
        .bind(rid.0)
        .execute(&mut *tx)
        .await?;
    audit::store::append_all(
        &mut tx,
        vec![
            consultations::log_event(
                &ctx,
                &s,
                Some(role),
                "request.create",
                rid,
                Outcome::Success,
            ),
            log_event(
                &ctx,
                &s,
                Some(a.role),
                "screening.request",
                id,
                Outcome::Success,
            ),
        ],
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!(
        "/requests/{}/edit?done=request-from-screening",
        rid.0
    ))
    .into_response())
}
