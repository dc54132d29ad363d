//! One meeting's page and the secretary's one-off changes to it; "my
//! meetings" and the iCalendar feeds.

use super::ical::{self, FeedContext};
use super::routes::{RangeQuery, load, log_change, today};
use super::store::{self, Group};
use super::views::{self, MeetingView};
use crate::audit;
use crate::auth::{Ctx, CurrentUser};
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::forms::{CsrfForm, Empty};
use crate::core::page::{Page, render, render_invalid};
use crate::core::web::{AppState, ReqCtx, random_token};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::ToSpan;
use jiff::civil::Date;
use otalusta_domain::audit::Outcome;
use otalusta_domain::calendar::{Override, OverrideKind};
use otalusta_domain::groups::{parse_date, parse_datetime};
use otalusta_domain::ids::UserId;
use otalusta_domain::policy::Action;
use serde::Deserialize;

fn rule_date(s: &str) -> AppResult<Date> {
    // The date in the path is the meeting's identity: a bad one names no
    // meeting.
    s.parse::<Date>().map_err(|_| AppError::NotFound)
}

#[derive(Template)]
#[template(path = "groups/meeting.html")]
pub struct MeetingPage {
    pub page: Page,
    pub group_id: i64,
    pub group_name: String,
    pub meeting: MeetingView,
    pub place: String,
    pub video_link: String,
    pub may_manage: bool,
    pub has_override: bool,
    pub errors: FieldErrors,
    pub form: ChangeForm,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ChangeForm {
    pub reason: String,
    pub date: String,
    pub time: String,
}

async fn meeting_page(
    state: &AppState,
    s: &crate::auth::Session,
    page: Page,
    g: &Group,
    date: Date,
    errors: FieldErrors,
    form: ChangeForm,
) -> AppResult<MeetingPage> {
    let overrides = store::overrides(&state.db, g.id).await?;
    let occ = g.meeting(&overrides, date).ok_or(AppError::NotFound)?;
    let placed = super::placed_counts(&state.db, g.id).await?;
    let meeting = views::meeting_view(
        &page,
        g,
        &occ,
        placed.get(&date).copied().unwrap_or(0),
        jiff::Timestamp::now(),
    );
    let may_manage = otalusta_domain::policy::decide(
        &s.actor,
        &Action::ManageMeetings {
            group: g.id,
            area: &g.details.area,
        },
    )
    .is_allowed();
    let form = if form.date.is_empty() && form.time.is_empty() {
        ChangeForm {
            date: occ.date.to_string(),
            time: otalusta_domain::groups::format_time(occ.start.time()),
            ..form
        }
    } else {
        form
    };
    Ok(MeetingPage {
        group_id: g.id.0,
        group_name: g.details.name(page.lang.code()).to_owned(),
        meeting,
        place: if g.details.mode.has_place() {
            g.details.place.clone()
        } else {
            String::new()
        },
        video_link: if g.details.mode.has_video() {
            g.details.video_link.clone()
        } else {
            String::new()
        },
        may_manage,
        has_override: overrides.iter().any(|o| o.rule_date == date),
        errors,
        form,
        page,
    })
}

pub async fn show(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
    Path((id, date)): Path<(i64, String)>,
) -> AppResult<Response> {
    s.require(&Action::ViewGroups)?;
    let g = load(&state, id).await?;
    let date = rule_date(&date)?;
    let view = meeting_page(
        &state,
        &s,
        page,
        &g,
        date,
        FieldErrors::new(),
        ChangeForm::default(),
    )
    .await?;
    Ok(render(&view))
}

/// Applies a change to one meeting; the form comes back with its errors.
#[allow(clippy::too_many_arguments)]
async fn change(
    state: &AppState,
    s: &crate::auth::Session,
    ctx: &ReqCtx,
    page: Page,
    id: i64,
    date: &str,
    form: ChangeForm,
    make: impl FnOnce(Date, &ChangeForm, &mut FieldErrors) -> Option<OverrideKind>,
) -> AppResult<Response> {
    let g = load(state, id).await?;
    let date = rule_date(date)?;
    let role = s.require(&Action::ManageMeetings {
        group: g.id,
        area: &g.details.area,
    })?;
    let overrides = store::overrides(&state.db, g.id).await?;
    g.meeting(&overrides, date).ok_or(AppError::NotFound)?;
    let mut errors = FieldErrors::new();
    let kind = make(date, &form, &mut errors);
    let ov = kind.map(|kind| Override {
        rule_date: date,
        kind,
        reason: form.reason.trim().to_owned(),
    });
    if let Some(ov) = &ov
        && ov.validate().is_err()
    {
        errors.add("reason", "field-reason-required");
    }
    if form.reason.chars().count() > 500 {
        errors.add("reason", "field-too-long");
    }
    let (Some(ov), true) = (ov, errors.is_empty()) else {
        let view = meeting_page(state, s, page, &g, date, errors, form).await?;
        return Ok(render_invalid(&view));
    };
    let action = match ov.kind {
        OverrideKind::Cancel => "meeting.cancel",
        OverrideKind::Move { .. } => "meeting.move",
    };
    let mut tx = state.db.begin().await?;
    store::set_override(&mut tx, g.id, &ov, s.actor.user_id).await?;
    log_change(&mut tx, ctx, s, role, action, g.id).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!(
        "/groups/{id}/meetings/{date}?done=meeting-changed"
    ))
    .into_response())
}

pub async fn cancel(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path((id, date)): Path<(i64, String)>,
    CsrfForm(form): CsrfForm<ChangeForm>,
) -> AppResult<Response> {
    change(&state, &s, &ctx, page, id, &date, form, |_, _, _| {
        Some(OverrideKind::Cancel)
    })
    .await
}

pub async fn move_meeting(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path((id, date)): Path<(i64, String)>,
    CsrfForm(form): CsrfForm<ChangeForm>,
) -> AppResult<Response> {
    change(&state, &s, &ctx, page, id, &date, form, |_, f, errors| {
        if parse_date(&f.date).is_none() {
            errors.add("date", "field-date");
        }
        if otalusta_domain::groups::parse_time(&f.time).is_none() {
            errors.add("time", "field-time");
        }
        parse_datetime(&f.date, &f.time).map(|new_start| OverrideKind::Move { new_start })
    })
    .await
}

pub async fn restore(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path((id, date)): Path<(i64, String)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let g = load(&state, id).await?;
    let date = rule_date(&date)?;
    let role = s.require(&Action::ManageMeetings {
        group: g.id,
        area: &g.details.area,
    })?;
    let mut tx = state.db.begin().await?;
    if !store::clear_override(&mut tx, g.id, date).await? {
        return Err(AppError::NotFound);
    }
    log_change(&mut tx, &ctx, &s, role, "meeting.restore", g.id).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!(
        "/groups/{id}/meetings/{date}?done=meeting-restored"
    ))
    .into_response())
}

// --- my meetings and the feeds --------------------------------------------------------

pub struct MyMeeting {
    pub group: String,
    pub group_href: String,
    pub meeting: MeetingView,
    pub role: String,
}

#[derive(Template)]
#[template(path = "groups/my.html")]
pub struct MyView {
    pub page: Page,
    pub meetings: Vec<MyMeeting>,
    pub feed_created: Option<String>,
    /// Shown once, right after it was made.
    pub new_feed_url: Option<String>,
    pub notice: Option<String>,
}

/// The groups `user` belongs to, with their role there.
async fn my_groups(state: &AppState, user: UserId) -> AppResult<Vec<(Group, String)>> {
    let mut out = Vec::new();
    for (id, role) in store::memberships(&state.db, user).await? {
        if let Some(g) = store::get(&state.db, id).await? {
            out.push((g, role));
        }
    }
    Ok(out)
}

async fn my_view(
    state: &AppState,
    s: &crate::auth::Session,
    page: Page,
    new_feed_url: Option<String>,
    notice: Option<String>,
) -> AppResult<MyView> {
    let from = today();
    let to = from.checked_add(6.months()).unwrap_or(from);
    let mut meetings = Vec::new();
    for (g, role) in my_groups(state, s.actor.user_id).await? {
        let role = page.t(&format!("member-role-{role}"));
        for m in super::routes::meeting_views(state, &page, &g, from, to).await? {
            meetings.push(MyMeeting {
                group: g.details.name(page.lang.code()).to_owned(),
                group_href: format!("/groups/{}", g.id),
                meeting: m,
                role: role.clone(),
            });
        }
    }
    meetings
        .sort_by(|a, b| (&a.meeting.rule_date, &a.group).cmp(&(&b.meeting.rule_date, &b.group)));
    let feed_created = store::active_feed(&state.db, s.actor.user_id)
        .await?
        .map(|t| page.timestamp(&t));
    Ok(MyView {
        page,
        meetings,
        feed_created,
        new_feed_url,
        notice,
    })
}

pub async fn my_meetings(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
) -> AppResult<Response> {
    s.require(&Action::ViewGroups)?;
    Ok(render(&my_view(&state, &s, page, None, None).await?))
}

fn feed_event(
    ctx: &ReqCtx,
    s: &crate::auth::Session,
    action: &str,
) -> otalusta_domain::audit::AuditEvent {
    audit::event(
        ctx,
        Some(s),
        s.actor.primary_role(),
        action,
        ("user", &s.actor.user_id.to_string()),
        Outcome::Success,
    )
}

pub async fn create_feed(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    s.require(&Action::ViewGroups)?;
    let token = random_token(32);
    let mut tx = state.db.begin().await?;
    store::create_feed(&mut tx, s.actor.user_id, &token).await?;
    audit::store::append(&mut tx, feed_event(&ctx, &s, "calendar-feed.create")).await?;
    tx.commit().await?;
    let url = format!(
        "{}/calendar/{token}/meetings.ics",
        state.config.base_url.trim_end_matches('/')
    );
    let notice = Some(page.t("feed-created"));
    Ok(render(&my_view(&state, &s, page, Some(url), notice).await?))
}

pub async fn revoke_feed(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    s.require(&Action::ViewGroups)?;
    let mut tx = state.db.begin().await?;
    store::revoke_feeds(&mut tx, s.actor.user_id).await?;
    audit::store::append(&mut tx, feed_event(&ctx, &s, "calendar-feed.revoke")).await?;
    tx.commit().await?;
    Ok(Redirect::to("/meetings?done=feed-revoked").into_response())
}

fn ics(body: String, filename: &str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// The range a feed covers: the season if the rule has one, else from a
/// year back; until the season ends or 18 months ahead.
fn feed_range(g: &Group) -> (Date, Date) {
    let t = today();
    let from = g
        .rule
        .season_start
        .unwrap_or_else(|| t.checked_sub(1.year()).unwrap_or(t));
    let ahead = t.checked_add(18.months()).unwrap_or(t);
    let to = g.rule.season_end.map_or(ahead, |e| e.min(ahead).max(from));
    // Keep within the longest range a feed shows, ending at `to`.
    let earliest = to
        .checked_sub(i64::from(super::routes::MAX_RANGE_YEARS).years())
        .unwrap_or(from);
    (from.max(earliest), to)
}

/// A group's public feed: the meeting dates are not confidential (the
/// groups publish them), so calendar programs subscribe without a login.
pub async fn group_feed(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Query(range): Query<RangeQuery>,
) -> AppResult<Response> {
    let g = load(&state, id).await?;
    let (from, to) = range.resolve(feed_range(&g)).map_err(AppError::Invalid)?;
    let overrides = store::overrides(&state.db, g.id).await?;
    let occ = g.meetings(&overrides, from, to);
    let cx = FeedContext {
        i18n: &state.i18n,
        lang: page.lang,
        base_url: &state.config.base_url,
    };
    let body = ical::calendar(
        &cx,
        g.details.name(page.lang.code()),
        occ.iter().map(|o| (&g, o)),
    );
    Ok(ics(body, &format!("group-{id}.ics")))
}

/// "My meetings" behind the personal token: every group the owner belongs to.
pub async fn personal_feed(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let owner = store::feed_owner(&state.db, &token)
        .await?
        .ok_or(AppError::NotFound)?;
    let user = crate::auth::store::get_user(&state.db, owner)
        .await?
        .ok_or(AppError::NotFound)?;
    let lang = user.locale.parse().unwrap_or_default();
    let t = today();
    let from = t.checked_sub(1.year()).unwrap_or(t);
    let to = t.checked_add(18.months()).unwrap_or(t);
    let mut all = Vec::new();
    for (g, _) in my_groups(&state, owner).await? {
        let overrides = store::overrides(&state.db, g.id).await?;
        let occ = g.meetings(&overrides, from, to);
        all.push((g, occ));
    }
    let cx = FeedContext {
        i18n: &state.i18n,
        lang,
        base_url: &state.config.base_url,
    };
    let name = state.i18n.t(lang, "feed-my-name", &[]);
    let body = ical::calendar(
        &cx,
        &name,
        all.iter()
            .flat_map(|(g, occ)| occ.iter().map(move |o| (g, o))),
    );
    Ok(ics(body, "my-meetings.ics"))
}
