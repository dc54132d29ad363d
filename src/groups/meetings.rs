//! One meeting's page and the secretary's one-off changes to it; "my
//! meetings" and the iCalendar feeds.

use super::calendars::calendars;
use super::ical::{self, Audience, FeedContext};
use super::routes::{RangeQuery, load, log_change, today};
use super::store::{self, Group};
use super::views::{self, MeetingView};
use crate::audit;
use crate::auth::{Ctx, CurrentUser};
use crate::consultations::own;
use crate::consultations::requests::answer_or;
use crate::consultations::rescheduling::{self, CaseLine, Decision};
use crate::consultations::workflow::{By, Work};
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
use otalusta_domain::ids::{GroupId, UserId};
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
    /// The agenda's address, for those who may read it.
    pub agenda_href: Option<String>,
    pub has_override: bool,
    pub errors: FieldErrors,
    pub form: ChangeForm,
    /// A change that touches cases, shown before it is saved.
    pub preview: Option<ChangePreview>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ChangeForm {
    pub reason: String,
    pub date: String,
    pub time: String,
    /// What becomes of the meeting's cases: `keep`, `next` or `queue`.
    pub decision: String,
    /// The cases (ids) the secretary saw in the preview.
    pub cases: String,
    pub once: String,
}

/// The cases a move or cancellation touches, and the decision asked.
pub struct ChangePreview {
    /// `move` or `cancel`: the form posts to that action again.
    pub action: &'static str,
    /// The cases the viewer may see; `total` counts them all.
    pub cases: Vec<CaseLine>,
    pub total: usize,
    pub ids: String,
    /// A cancelled meeting cannot keep its cases.
    pub may_keep: bool,
    /// The cases changed since the secretary last saw them.
    pub changed: bool,
}

#[allow(clippy::too_many_arguments)]
async fn meeting_page(
    state: &AppState,
    s: &crate::auth::Session,
    page: Page,
    g: &Group,
    date: Date,
    errors: FieldErrors,
    form: ChangeForm,
    preview: Option<ChangePreview>,
) -> AppResult<MeetingPage> {
    let cal = calendars(state)
        .get(&state.db, g.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let occ = cal.meeting(date).ok_or(AppError::NotFound)?;
    let meeting = views::meeting_view(&page, g, &occ, cal.load_of(date), jiff::Timestamp::now());
    let may_manage = otalusta_domain::policy::decide(
        &s.actor,
        &Action::ManageMeetings {
            group: g.id,
            area: &g.details.area,
        },
    )
    .is_allowed();
    let agenda_href = otalusta_domain::policy::decide(
        &s.actor,
        &Action::ViewAgenda {
            group: g.id,
            area: &g.details.area,
        },
    )
    .is_allowed()
    .then(|| format!("/groups/{}/meetings/{date}/agenda", g.id));
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
        agenda_href,
        has_override: cal.overrides.iter().any(|o| o.rule_date == date),
        errors,
        form,
        preview,
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
    let form = ChangeForm::default();
    let view = meeting_page(&state, &s, page, &g, date, FieldErrors::new(), form, None).await?;
    Ok(render(&view))
}

/// Applies a change to one meeting. When the meeting has cases, the first
/// post shows which cases and requesters it touches and asks what becomes
/// of them; the change is saved with that decision, and only if the cases
/// are still the ones shown.
#[allow(clippy::too_many_arguments)]
async fn change(
    state: &AppState,
    s: &crate::auth::Session,
    ctx: &ReqCtx,
    page: Page,
    id: i64,
    date: &str,
    form: ChangeForm,
    action: &'static str,
    make: impl FnOnce(Date, &ChangeForm, &mut FieldErrors) -> Option<OverrideKind>,
) -> AppResult<Response> {
    let g = load(state, id).await?;
    let date = rule_date(date)?;
    let role = s.require(&Action::ManageMeetings {
        group: g.id,
        area: &g.details.area,
    })?;
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
    let decision = Decision::parse(&form.decision);
    if !form.decision.is_empty()
        && (decision.is_none() || (action == "cancel" && decision == Some(Decision::Keep)))
    {
        errors.add("decision", "field-choose");
    }
    let (Some(ov), true) = (ov, errors.is_empty()) else {
        let view = meeting_page(state, s, page, &g, date, errors, form, None).await?;
        return Ok(render_invalid(&view));
    };
    let answer = format!("/groups/{id}/meetings/{date}?done=meeting-changed");
    let mut w = Work::begin(state).await?;
    if let Some(a) = w.replayed(s.actor.user_id, &form.once).await? {
        w.rollback().await?;
        return Ok(Redirect::to(&answer_or(&a, &answer)).into_response());
    }
    let g = w
        .lock_groups(&[g.id])
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let overrides = store::overrides_in(w.tx(), g.id).await?;
    let before = g.meeting(&overrides, date).ok_or(AppError::NotFound)?;
    let mut cases = rescheduling::cases_of(&mut w, &g, date).await?;
    let ids = rescheduling::ids_of(&cases);
    if !cases.is_empty() && (decision.is_none() || form.cases != ids) {
        // Show what the change touches before saving it.
        w.rollback().await?;
        let changed = !form.cases.is_empty() && form.cases != ids;
        let preview = ChangePreview {
            action,
            cases: rescheduling::case_lines(state, s, ctx, &page, &g, &cases).await?,
            total: cases.len(),
            ids,
            may_keep: action == "move",
            changed,
        };
        let view = meeting_page(state, s, page, &g, date, errors, form, Some(preview)).await?;
        let mut res = render(&view);
        if changed {
            *res.status_mut() = axum::http::StatusCode::CONFLICT;
        }
        return Ok(res);
    }
    store::set_override(w.tx(), g.id, &ov, s.actor.user_id).await?;
    log_change(w.tx(), ctx, s, role, &format!("meeting.{action}"), g.id).await?;
    if let Some(decision) = decision.filter(|_| !cases.is_empty()) {
        let by = By::Person {
            session: s,
            ctx,
            role,
        };
        rescheduling::apply(
            &mut w,
            by,
            &page,
            &g,
            (date, before.start.timestamp()),
            &mut cases,
            decision,
            &ov.reason,
        )
        .await?;
    }
    w.commit(&answer).await?;
    calendars(state).forget([g.id], true);
    Ok(Redirect::to(&answer).into_response())
}

pub async fn cancel(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path((id, date)): Path<(i64, String)>,
    CsrfForm(form): CsrfForm<ChangeForm>,
) -> AppResult<Response> {
    change(
        &state,
        &s,
        &ctx,
        page,
        id,
        &date,
        form,
        "cancel",
        |_, _, _| Some(OverrideKind::Cancel),
    )
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
    change(
        &state,
        &s,
        &ctx,
        page,
        id,
        &date,
        form,
        "move",
        |_, f, errors| {
            if parse_date(&f.date).is_none() {
                errors.add("date", "field-date");
            }
            if otalusta_domain::groups::parse_time(&f.time).is_none() {
                errors.add("time", "field-time");
            }
            parse_datetime(&f.date, &f.time).map(|new_start| OverrideKind::Move { new_start })
        },
    )
    .await
}

/// Returns a meeting to what the rule says; its cases stay on it and are
/// told its time (a cancelled meeting's cases were moved when it was
/// cancelled).
pub async fn restore(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path((id, date)): Path<(i64, String)>,
    CsrfForm(form): CsrfForm<ChangeForm>,
) -> AppResult<Response> {
    let g = load(&state, id).await?;
    let date = rule_date(&date)?;
    let role = s.require(&Action::ManageMeetings {
        group: g.id,
        area: &g.details.area,
    })?;
    let answer = format!("/groups/{id}/meetings/{date}?done=meeting-restored");
    let mut w = Work::begin(&state).await?;
    if let Some(a) = w.replayed(s.actor.user_id, &form.once).await? {
        w.rollback().await?;
        return Ok(Redirect::to(&answer_or(&a, &answer)).into_response());
    }
    let g = w
        .lock_groups(&[g.id])
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    // Requests before the access log's head, as on every path.
    let mut cases = rescheduling::cases_of(&mut w, &g, date).await?;
    let overrides = store::overrides_in(w.tx(), g.id).await?;
    let before = g.meeting(&overrides, date).ok_or(AppError::NotFound)?;
    if !store::clear_override(w.tx(), g.id, date).await? {
        return Err(AppError::NotFound);
    }
    log_change(w.tx(), &ctx, &s, role, "meeting.restore", g.id).await?;
    if !cases.is_empty() {
        let by = By::Person {
            session: &s,
            ctx: &ctx,
            role,
        };
        let reason = page.t("meeting-restored-reason");
        rescheduling::apply(
            &mut w,
            by,
            &page,
            &g,
            (date, before.start.timestamp()),
            &mut cases,
            Decision::Keep,
            &reason,
        )
        .await?;
    }
    w.commit(&answer).await?;
    calendars(&state).forget([g.id], true);
    Ok(Redirect::to(&answer).into_response())
}

// --- my meetings and the feeds --------------------------------------------------------

pub struct MyMeeting {
    pub group: String,
    pub group_href: String,
    pub meeting: MeetingView,
    pub role: String,
    /// Where it is held (the requester's rows say it: they are no members).
    pub place: String,
    pub video_link: String,
    /// The requester's case on it: its page and its time on the agenda.
    pub case: Option<(String, String)>,
    /// When the meeting itself starts (for ordering).
    start: jiff::Timestamp,
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
async fn my_groups(
    state: &AppState,
    user: UserId,
) -> AppResult<Vec<(std::sync::Arc<super::calendars::GroupCalendar>, String)>> {
    let mut out = Vec::new();
    for (id, role) in store::memberships(&state.db, user).await? {
        if let Some(c) = calendars(state).active_group(&state.db, id).await? {
            out.push((c, role));
        }
    }
    Ok(out)
}

fn where_held(g: &Group) -> (String, String) {
    (
        if g.details.mode.has_place() {
            g.details.place.clone()
        } else {
            String::new()
        },
        if g.details.mode.has_video() {
            g.details.video_link.clone()
        } else {
            String::new()
        },
    )
}

async fn my_view(
    state: &AppState,
    s: &crate::auth::Session,
    ctx: &ReqCtx,
    page: Page,
    new_feed_url: Option<String>,
    notice: Option<String>,
) -> AppResult<MyView> {
    let from = today();
    let to = from.checked_add(6.months()).unwrap_or(from);
    let now = jiff::Timestamp::now();
    let mut meetings = Vec::new();
    for (cal, role) in my_groups(state, s.actor.user_id).await? {
        let g = &cal.group;
        let role = page.t(&format!("member-role-{role}"));
        let (place, video_link) = where_held(g);
        for o in cal.meetings(from, to) {
            meetings.push(MyMeeting {
                group: g.details.name(page.lang.code()).to_owned(),
                group_href: format!("/groups/{}", g.id),
                meeting: views::meeting_view(&page, g, &o, cal.load_of(o.rule_date), now),
                role: role.clone(),
                place: place.clone(),
                video_link: video_link.clone(),
                case: None,
                start: o.start.timestamp(),
            });
        }
    }
    let own = own::of(state, s.actor.user_id, from, to).await?;
    let mut read = Vec::new();
    for m in &own {
        let g = &m.calendar.group;
        let (place, video_link) = where_held(g);
        let slot = match &m.slot {
            Some((a, b)) => page.ta(
                "my-meetings-slot",
                "slot",
                &format!("{}–{}", views::clock(a.time()), views::clock(b.time())),
            ),
            None => page.t("my-meetings-proposed"),
        };
        read.push(m.request.id);
        meetings.push(MyMeeting {
            group: g.details.name(page.lang.code()).to_owned(),
            group_href: format!("/groups/{}", g.id),
            meeting: views::meeting_view(
                &page,
                g,
                &m.meeting,
                m.calendar.load_of(m.meeting.rule_date),
                now,
            ),
            role: page.ta(
                "my-meetings-own-case",
                "number",
                &format!("#{}", m.request.id),
            ),
            place,
            video_link,
            case: Some((format!("/requests/{}", m.request.id), slot)),
            start: m.meeting.start.timestamp(),
        });
    }
    if !read.is_empty() {
        // Which of one's own cases were shown, each its own entry.
        let mut tx = state.db.begin().await?;
        for id in read {
            let e = crate::consultations::log_event(
                ctx,
                s,
                Some(otalusta_domain::role::Role::Requester),
                "request.meeting.read",
                id,
                Outcome::Success,
            );
            audit::store::append(&mut tx, e).await?;
        }
        tx.commit().await?;
    }
    meetings.sort_by(|a, b| (a.start, &a.group).cmp(&(b.start, &b.group)));
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
    Ctx(ctx): Ctx,
    page: Page,
) -> AppResult<Response> {
    s.require(&Action::ViewGroups)?;
    Ok(render(&my_view(&state, &s, &ctx, page, None, None).await?))
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
    Ok(render(
        &my_view(&state, &s, &ctx, page, Some(url), notice).await?,
    ))
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
/// Meetings a changed rule no longer gives are sent cancelled, with the
/// same UID, so calendars that had them remove them. The video link is not
/// public: only the personal feed carries it.
pub async fn group_feed(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Query(range): Query<RangeQuery>,
) -> AppResult<Response> {
    let cal = calendars(&state)
        .active_group(&state.db, GroupId(id))
        .await?
        .ok_or(AppError::NotFound)?;
    let g = &cal.group;
    let (from, to) = range.resolve(feed_range(g)).map_err(AppError::Invalid)?;
    let cx = FeedContext {
        i18n: &state.i18n,
        lang: page.lang,
        base_url: &state.config.base_url,
    };
    let events = feed_events(&cx, Audience::Public, &cal, from, to);
    let body = ical::calendar(g.details.name(page.lang.code()), events);
    Ok(ics(body, &format!("group-{id}.ics")))
}

/// A group's meetings in a range for a feed, the dropped ones cancelled.
fn feed_events(
    cx: &FeedContext<'_>,
    audience: Audience,
    cal: &super::calendars::GroupCalendar,
    from: Date,
    to: Date,
) -> Vec<ical::Event> {
    let g = &cal.group;
    let dropped = if cal.window.0 <= from && to <= cal.window.1 {
        cal.dropped
            .iter()
            .filter(|o| from <= o.rule_date && o.rule_date <= to)
            .cloned()
            .collect()
    } else {
        g.history().dropped(from, to)
    };
    cal.meetings(from, to)
        .iter()
        .chain(dropped.iter())
        .map(|o| ical::event(cx, audience, g, o, None))
        .collect()
}

/// "My meetings" behind the personal token: every group the owner belongs
/// to, and the meetings the owner's own cases are on (with their slots).
pub async fn personal_feed(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
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
    let cx = FeedContext {
        i18n: &state.i18n,
        lang,
        base_url: &state.config.base_url,
    };
    let mut events = Vec::new();
    let mut uids = std::collections::HashSet::new();
    // The own cases first: their events carry the slots (all of one's cases
    // on one meeting in one event).
    let own: Vec<_> = own::of(&state, owner, from, to)
        .await?
        .into_iter()
        .filter(|m| m.request.status.holds_place())
        .collect();
    for m in &own {
        let g = &m.calendar.group;
        let uid = ical::uid(g, &m.meeting, cx.host());
        if !uids.insert(uid.clone()) {
            continue;
        }
        let slots: Vec<String> = own
            .iter()
            .filter(|o| ical::uid(&o.calendar.group, &o.meeting, cx.host()) == uid)
            .filter_map(|o| o.slot.as_ref())
            .map(|(a, b)| format!("{}–{}", views::clock(a.time()), views::clock(b.time())))
            .collect();
        let note = (!slots.is_empty()).then(|| {
            state
                .i18n
                .t(lang, "ical-own-slot", &[("slot", slots.join(", ").into())])
        });
        events.push(ical::event(
            &cx,
            Audience::Participant,
            g,
            &m.meeting,
            note.as_deref(),
        ));
    }
    if !own.is_empty() {
        // The owner's own cases, read through the feed: each in the log,
        // under the owner (the feed's secret link is theirs).
        let mut tx = state.db.begin().await?;
        for m in &own {
            let mut e = audit::event(
                &ctx,
                None,
                Some(otalusta_domain::role::Role::Requester),
                "request.meeting.read",
                ("request", &m.request.id.to_string()),
                Outcome::Success,
            );
            e.actor_id = Some(owner.0);
            e.actor_name = user.username.clone();
            e.purpose = "consultation; personal calendar feed".into();
            audit::store::append(&mut tx, e).await?;
        }
        tx.commit().await?;
    }
    for (cal, _) in my_groups(&state, owner).await? {
        for e in feed_events(&cx, Audience::Participant, &cal, from, to) {
            if uids.insert(e.uid.clone()) {
                events.push(e);
            }
        }
    }
    let name = state.i18n.t(lang, "feed-my-name", &[]);
    let body = ical::calendar(&name, events);
    Ok(ics(body, "my-meetings.ics"))
}
