//! The group pages: list, one group with its calendar, the form that sets a
//! group up, and its members.

use super::calendars::calendars;
use super::store::{self, Group};
use super::views::{self, MeetingView};
use crate::audit;
use crate::auth::{Ctx, CurrentUser, Session};
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::forms::{CsrfForm, Empty};
use crate::core::page::{Page, helsinki, render, render_invalid};
use crate::core::web::{AppState, ReqCtx};
use crate::experts::search::SearchIndex;
use crate::taxonomy::store::PhenomenonRow;
use askama::Template;
use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::ToSpan;
use jiff::civil::Date;
use otalusta_domain::audit::Outcome;
use otalusta_domain::calendar::{DeadlinePolicy, HolidayPolicy, Nth, Weekday};
use otalusta_domain::groups::{
    GroupForm, GroupKind, MeetingMode, MemberRole, RuleForm, parse_date,
};
use otalusta_domain::ids::{GroupId, UserId};
use otalusta_domain::policy::Action;
use otalusta_domain::region::{AREAS, ORGANISERS, Sector};
use otalusta_domain::role::Role;
use serde::Deserialize;
use std::sync::Arc;

/// Today in Helsinki.
pub fn today() -> Date {
    jiff::Timestamp::now().to_zoned_datetime(helsinki()).date()
}

pub async fn load(state: &AppState, id: i64) -> AppResult<Group> {
    store::get(&state.db, GroupId(id))
        .await?
        .ok_or(AppError::NotFound)
}

/// Writes a change to a group in the access log, in the change's transaction.
pub async fn log_change(
    tx: &mut crate::core::db::Tx,
    ctx: &ReqCtx,
    s: &Session,
    role: Role,
    action: &str,
    group: GroupId,
) -> sqlx::Result<()> {
    let e = audit::event(
        ctx,
        Some(s),
        Some(role),
        action,
        ("group", &group.to_string()),
        Outcome::Success,
    );
    audit::store::append(tx, e).await.map(|_| ())
}

// --- the list -------------------------------------------------------------------

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    pub area: String,
    #[serde(default)]
    pub phenomenon: String,
}

pub struct GroupCard {
    pub href: String,
    pub name: String,
    pub kind: String,
    pub area: String,
    pub mode: String,
    pub phenomena: Vec<String>,
    pub next: Option<MeetingView>,
}

#[derive(Template)]
#[template(path = "groups/list.html")]
pub struct ListView {
    pub page: Page,
    pub groups: Vec<GroupCard>,
    pub query: ListQuery,
    pub areas: Vec<(&'static str, String)>,
    pub phenomena: Vec<(String, String)>,
    pub may_create: bool,
}

fn area_options(page: &Page) -> Vec<(&'static str, String)> {
    AREAS
        .iter()
        .map(|a| (a.code, a.name(page.lang.code()).to_owned()))
        .collect()
}

/// Where a group works: its county (if it serves one) or its area.
pub fn place_name(page: &Page, g: &Group) -> String {
    let lang = page.lang.code();
    let area = otalusta_domain::region::area(&g.details.area)
        .map(|a| a.name(lang))
        .unwrap_or("");
    match g
        .details
        .organiser
        .as_deref()
        .and_then(otalusta_domain::region::organiser)
    {
        Some(o) => format!("{} ({area})", o.name(lang)),
        None => area.to_owned(),
    }
}

pub fn phenomenon_names(page: &Page, all: &[PhenomenonRow], codes: &[String]) -> Vec<String> {
    codes
        .iter()
        .filter_map(|c| all.iter().find(|p| &p.code == c))
        .map(|p| p.name(page.lang.code()).to_owned())
        .collect()
}

pub async fn list(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
    Query(query): Query<ListQuery>,
) -> AppResult<Response> {
    s.require(&Action::ViewGroups)?;
    let all = crate::taxonomy::cache::phenomena(&state)
        .all(&state.db)
        .await?;
    let now = jiff::Timestamp::now();
    let from = today();
    let to = from.checked_add(6.months()).unwrap_or(from);
    let mut cards = Vec::new();
    for cal in calendars(&state).all_active(&state.db).await? {
        let g = &cal.group;
        if !query.area.is_empty() && g.details.area != query.area {
            continue;
        }
        if !query.phenomenon.is_empty() && !g.details.phenomena.contains(&query.phenomenon) {
            continue;
        }
        let next = cal
            .meetings
            .iter()
            .filter(|o| from <= o.rule_date && o.rule_date <= to)
            .find(|o| o.is_held() && o.deadline_met(now))
            .map(|o| views::meeting_view(&page, g, o, cal.load_of(o.rule_date), now));
        cards.push(GroupCard {
            href: format!("/groups/{}", g.id),
            name: g.details.name(page.lang.code()).to_owned(),
            kind: page.t(&format!("group-kind-{}", g.details.kind.key())),
            area: place_name(&page, g),
            mode: page.t(&format!("meeting-mode-{}", g.details.mode.key())),
            phenomena: phenomenon_names(&page, &all, &g.details.phenomena),
            next,
        });
    }
    let may_create = AREAS.iter().any(|a| {
        otalusta_domain::policy::decide(&s.actor, &Action::CreateGroup { area: a.code })
            .is_allowed()
    });
    let areas = area_options(&page);
    let phenomena = all
        .iter()
        .map(|p| (p.code.clone(), p.name(page.lang.code()).to_owned()))
        .collect();
    Ok(render(&ListView {
        page,
        groups: cards,
        query,
        areas,
        phenomena,
        may_create,
    }))
}

// --- one group ------------------------------------------------------------------

#[derive(Deserialize, Default)]
pub struct RangeQuery {
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
}

/// Longest range a page or feed shows at once.
pub const MAX_RANGE_YEARS: i16 = 5;

impl RangeQuery {
    /// The asked range, or `default` where a bound is missing; bad dates
    /// and too long ranges are the user's error, named.
    pub fn resolve(&self, default: (Date, Date)) -> Result<(Date, Date), FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut bound = |s: &str, field: &str, d: Date| {
            if s.trim().is_empty() {
                return d;
            }
            parse_date(s).unwrap_or_else(|| {
                errors.add(field, "field-date");
                d
            })
        };
        let from = bound(&self.from, "from", default.0);
        let to = bound(&self.to, "to", default.1);
        if errors.is_empty() {
            if to < from {
                errors.add("to", "range-ends-before-start");
            } else if from
                .checked_add(i64::from(MAX_RANGE_YEARS).years())
                .is_ok_and(|limit| to > limit)
            {
                errors.add("to", "range-too-long");
            }
        }
        if errors.is_empty() {
            Ok((from, to))
        } else {
            Err(errors)
        }
    }
}

pub struct MemberView {
    pub user_id: i64,
    pub name: String,
    pub title: String,
    pub role: String,
}

#[derive(Template)]
#[template(path = "groups/show.html")]
pub struct ShowView {
    pub page: Page,
    pub id: i64,
    pub name: String,
    pub description: String,
    pub criteria: String,
    pub how_to_ask: String,
    pub levels: Vec<String>,
    pub kind: String,
    pub place_name: String,
    pub mode: String,
    pub place: String,
    pub video_link: String,
    pub capacity: u32,
    pub phenomena: Vec<String>,
    pub eligible: Vec<String>,
    pub rule: Vec<String>,
    pub meetings: Vec<MeetingView>,
    pub range_from: String,
    pub range_to: String,
    pub range_errors: FieldErrors,
    pub season: Option<(String, String)>,
    pub members: Vec<MemberView>,
    pub may_edit: bool,
    /// Whether this person may edit the group's pre-information form.
    pub may_edit_form: bool,
    /// Whether this person may send the group a request, and if not, why.
    pub may_ask: bool,
    pub ask_refusal: Option<String>,
    pub member_errors: FieldErrors,
    pub member_username: String,
    pub member_roles: Vec<(&'static str, String)>,
    pub feed_url: String,
}

pub fn eligibility_text(page: &Page, g: &Group) -> Vec<String> {
    let lang = page.lang.code();
    let e = &g.details.eligibility;
    let mut out = Vec::new();
    out.push(if e.areas.is_empty() {
        page.t("eligible-any-area")
    } else {
        let names: Vec<&str> = e
            .areas
            .iter()
            .filter_map(|a| otalusta_domain::region::area(a))
            .map(|a| a.name(lang))
            .collect();
        page.ta("eligible-areas", "areas", &names.join(", "))
    });
    out.push(if e.sectors.is_empty() {
        page.t("eligible-any-sector")
    } else {
        let names: Vec<String> = e
            .sectors
            .iter()
            .map(|s| page.t(&format!("sector-{}", s.as_str())))
            .collect();
        page.ta("eligible-sectors", "sectors", &names.join(", "))
    });
    out
}

/// Meetings of `g` in a range, as views (with placed counts).
pub async fn meeting_views(
    state: &AppState,
    page: &Page,
    g: &Group,
    from: Date,
    to: Date,
) -> AppResult<Vec<MeetingView>> {
    let cal = calendars(state)
        .get(&state.db, g.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = jiff::Timestamp::now();
    Ok(cal
        .meetings(from, to)
        .iter()
        .map(|o| views::meeting_view(page, g, o, cal.load_of(o.rule_date), now))
        .collect())
}

#[allow(clippy::too_many_arguments)]
async fn show_view(
    state: &AppState,
    s: &Session,
    page: Page,
    g: &Group,
    range: &RangeQuery,
    member_errors: FieldErrors,
    member_username: String,
) -> AppResult<ShowView> {
    let may_edit = otalusta_domain::policy::decide(
        &s.actor,
        &Action::EditGroup {
            group: g.id,
            area: &g.details.area,
        },
    )
    .is_allowed();
    let may_edit_form = otalusta_domain::policy::decide(
        &s.actor,
        &Action::EditForm {
            group: g.id,
            area: &g.details.area,
        },
    )
    .is_allowed()
        || s.actor.is_secretary_of(g.id);
    let (may_ask, ask_refusal) =
        if otalusta_domain::policy::decide(&s.actor, &Action::CreateRequest).is_allowed() {
            match crate::consultations::requests::eligibility(state, s, g).await? {
                Ok(()) if crate::consultations::requests::sector_unknown(state, s, g).await? => {
                    (true, Some(page.t("request-eligible-no-organisation")))
                }
                Ok(()) => (true, None),
                Err(why) => (false, Some(page.t(why))),
            }
        } else {
            (false, None)
        };
    let default = (today(), today().checked_add(12.months()).unwrap_or(today()));
    let (range_from, range_to, range_errors, meetings) = match range.resolve(default) {
        Ok((from, to)) => {
            let m = meeting_views(state, &page, g, from, to).await?;
            (from.to_string(), to.to_string(), FieldErrors::new(), m)
        }
        Err(errors) => (range.from.clone(), range.to.clone(), errors, Vec::new()),
    };
    let all = crate::taxonomy::cache::phenomena(state)
        .all(&state.db)
        .await?;
    let members = store::members(&state.db, g.id)
        .await?
        .into_iter()
        .map(|m| MemberView {
            user_id: m.user_id,
            role: page.t(&format!("member-role-{}", m.member_role().key())),
            name: m.display_name,
            title: m.title,
        })
        .collect();
    let lang = page.lang.code();
    let description = g.details.public_text("description", lang).to_owned();
    let season = match (g.rule.season_start, g.rule.season_end) {
        (Some(a), Some(b)) => Some((a.to_string(), b.to_string())),
        _ => None,
    };
    Ok(ShowView {
        id: g.id.0,
        name: g.details.name(lang).to_owned(),
        description,
        criteria: g.details.public_text("criteria", lang).to_owned(),
        how_to_ask: g.details.public_text("how_to_ask", lang).to_owned(),
        levels: g
            .details
            .levels
            .iter()
            .map(|l| page.t(&format!("level-{}", l.key())))
            .collect(),
        kind: page.t(&format!("group-kind-{}", g.details.kind.key())),
        place_name: place_name(&page, g),
        mode: page.t(&format!("meeting-mode-{}", g.details.mode.key())),
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
        capacity: g.details.capacity,
        phenomena: phenomenon_names(&page, &all, &g.details.phenomena),
        eligible: eligibility_text(&page, g),
        rule: views::rule_text(&page, g),
        meetings,
        range_from,
        range_to,
        range_errors,
        season,
        members,
        may_edit,
        may_edit_form,
        may_ask,
        ask_refusal,
        member_errors,
        member_username,
        member_roles: MemberRole::ALL
            .iter()
            .map(|r| (r.key(), page.t(&format!("member-role-{}", r.key()))))
            .collect(),
        feed_url: format!(
            "{}/groups/{}/calendar.ics",
            state.config.base_url.trim_end_matches('/'),
            g.id
        ),
        page,
    })
}

/// The group's page: signed in, the whole page; without login, the
/// channel's public page (`public`).
pub async fn show(
    State(state): State<AppState>,
    session: Option<axum::Extension<crate::auth::Session>>,
    page: Page,
    Path(id): Path<i64>,
    Query(range): Query<RangeQuery>,
) -> AppResult<Response> {
    // Signed in, `?public=1` shows the public page as anyone sees it.
    let as_public = page.query.split('&').any(|p| p == "public=1");
    let Some(axum::Extension(s)) = session.filter(|_| !as_public) else {
        return super::public::page(&state, page, id).await;
    };
    s.require(&Action::ViewGroups)?;
    let g = load(&state, id).await?;
    let view = show_view(
        &state,
        &s,
        page,
        &g,
        &range,
        FieldErrors::new(),
        String::new(),
    )
    .await?;
    let bad_range = !view.range_errors.is_empty();
    let mut res = render(&view);
    if bad_range {
        *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(res)
}

// --- the group form ---------------------------------------------------------------

/// The group form's fields: the details and the meeting rule together.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct GroupPost {
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
    pub kind: String,
    pub area: String,
    pub organiser: String,
    pub mode: String,
    pub place: String,
    pub video_link: String,
    pub capacity: String,
    pub description_fi: String,
    pub description_sv: String,
    pub description_en: String,
    pub phenomena: Vec<String>,
    pub eligible_areas: Vec<String>,
    pub eligible_sectors: Vec<String>,
    pub criteria_fi: String,
    pub criteria_sv: String,
    pub criteria_en: String,
    pub how_to_ask_fi: String,
    pub how_to_ask_sv: String,
    pub how_to_ask_en: String,
    pub levels: Vec<String>,
    pub recurrence: String,
    pub nth: String,
    pub weekday: String,
    pub every_n: String,
    pub anchor: String,
    pub dates: String,
    pub start_time: String,
    pub length_minutes: String,
    pub notice_days: String,
    pub notice_time: String,
    pub paused_months: Vec<String>,
    pub season_start: String,
    pub season_end: String,
    pub holiday_policy: String,
    pub deadline_policy: String,
    /// "1": show the meetings this would give, do not save.
    pub preview: String,
    /// What a rule change's preview showed (see `rule_change`), and the
    /// decision for the cases of meetings the new rule no longer holds.
    pub signature: String,
    pub decision: String,
    pub once: String,
}

impl GroupPost {
    fn parts(&self) -> (GroupForm, RuleForm) {
        let p = self.clone();
        (
            GroupForm {
                name_fi: p.name_fi,
                name_sv: p.name_sv,
                name_en: p.name_en,
                kind: p.kind,
                area: p.area,
                organiser: p.organiser,
                mode: p.mode,
                place: p.place,
                video_link: p.video_link,
                capacity: p.capacity,
                description_fi: p.description_fi,
                description_sv: p.description_sv,
                description_en: p.description_en,
                phenomena: p.phenomena,
                eligible_areas: p.eligible_areas,
                eligible_sectors: p.eligible_sectors,
                criteria_fi: p.criteria_fi,
                criteria_sv: p.criteria_sv,
                criteria_en: p.criteria_en,
                how_to_ask_fi: p.how_to_ask_fi,
                how_to_ask_sv: p.how_to_ask_sv,
                how_to_ask_en: p.how_to_ask_en,
                levels: p.levels,
            },
            RuleForm {
                recurrence: p.recurrence,
                nth: p.nth,
                weekday: p.weekday,
                every_n: p.every_n,
                anchor: p.anchor,
                dates: p.dates,
                start_time: p.start_time,
                length_minutes: p.length_minutes,
                notice_days: p.notice_days,
                notice_time: p.notice_time,
                paused_months: p.paused_months,
                season_start: p.season_start,
                season_end: p.season_end,
                holiday_policy: p.holiday_policy,
                deadline_policy: p.deadline_policy,
            },
        )
    }

    fn from_parts(g: GroupForm, r: RuleForm) -> GroupPost {
        GroupPost {
            name_fi: g.name_fi,
            name_sv: g.name_sv,
            name_en: g.name_en,
            kind: g.kind,
            area: g.area,
            organiser: g.organiser,
            mode: g.mode,
            place: g.place,
            video_link: g.video_link,
            capacity: g.capacity,
            description_fi: g.description_fi,
            description_sv: g.description_sv,
            description_en: g.description_en,
            phenomena: g.phenomena,
            eligible_areas: g.eligible_areas,
            eligible_sectors: g.eligible_sectors,
            criteria_fi: g.criteria_fi,
            criteria_sv: g.criteria_sv,
            criteria_en: g.criteria_en,
            how_to_ask_fi: g.how_to_ask_fi,
            how_to_ask_sv: g.how_to_ask_sv,
            how_to_ask_en: g.how_to_ask_en,
            levels: g.levels,
            recurrence: r.recurrence,
            nth: r.nth,
            weekday: r.weekday,
            every_n: r.every_n,
            anchor: r.anchor,
            dates: r.dates,
            start_time: r.start_time,
            length_minutes: r.length_minutes,
            notice_days: r.notice_days,
            notice_time: r.notice_time,
            paused_months: r.paused_months,
            season_start: r.season_start,
            season_end: r.season_end,
            holiday_policy: r.holiday_policy,
            deadline_policy: r.deadline_policy,
            preview: String::new(),
            signature: String::new(),
            decision: String::new(),
            once: String::new(),
        }
    }

    pub fn has(&self, list: &str, value: &str) -> bool {
        let l = match list {
            "phenomena" => &self.phenomena,
            "eligible_areas" => &self.eligible_areas,
            "eligible_sectors" => &self.eligible_sectors,
            "levels" => &self.levels,
            _ => &self.paused_months,
        };
        l.iter().any(|v| v == value)
    }
}

/// A choice in a select or a group of checkboxes.
pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Template)]
#[template(path = "groups/form.html")]
pub struct FormView {
    pub page: Page,
    /// `None`: a new group.
    pub id: Option<i64>,
    pub input: GroupPost,
    pub errors: FieldErrors,
    pub kinds: Vec<Choice>,
    pub areas: Vec<Choice>,
    pub organisers: Vec<Choice>,
    pub modes: Vec<Choice>,
    pub phenomena: Vec<Choice>,
    pub sectors: Vec<Choice>,
    pub nths: Vec<Choice>,
    pub weekdays: Vec<Choice>,
    pub months: Vec<Choice>,
    pub holiday_policies: Vec<Choice>,
    pub deadline_policies: Vec<Choice>,
    /// The meetings the posted rule gives (a preview), with their conflicts.
    pub preview: Option<Vec<MeetingView>>,
    /// What saving it does to coming meetings with cases and to one-off
    /// changes (an edited group whose rule changes).
    pub consequences: Option<super::rule_change::Consequences>,
}

impl FormView {
    pub fn action(&self) -> String {
        match self.id {
            Some(id) => format!("/groups/{id}"),
            None => "/groups".into(),
        }
    }
}

fn choices<T: Copy>(
    page: &Page,
    all: &[T],
    key: impl Fn(T) -> &'static str,
    prefix: &str,
) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice {
            value: key(*v).to_owned(),
            label: page.t(&format!("{prefix}-{}", key(*v))),
        })
        .collect()
}

async fn form_view(
    state: &AppState,
    page: Page,
    id: Option<i64>,
    input: GroupPost,
    errors: FieldErrors,
    preview: Option<Vec<MeetingView>>,
) -> AppResult<FormView> {
    let lang = page.lang.code();
    let all = crate::taxonomy::cache::phenomena(state)
        .all(&state.db)
        .await?;
    Ok(FormView {
        kinds: choices(&page, GroupKind::ALL, GroupKind::key, "group-kind"),
        areas: AREAS
            .iter()
            .map(|a| Choice {
                value: a.code.into(),
                label: a.name(lang).into(),
            })
            .collect(),
        organisers: ORGANISERS
            .iter()
            .map(|o| Choice {
                value: o.code.into(),
                label: o.name(lang).into(),
            })
            .collect(),
        modes: choices(&page, MeetingMode::ALL, MeetingMode::key, "meeting-mode"),
        phenomena: all
            .iter()
            .filter(|p| p.active != 0 || input.has("phenomena", &p.code))
            .map(|p| Choice {
                value: p.code.clone(),
                label: p.name(lang).into(),
            })
            .collect(),
        sectors: Sector::ALL
            .iter()
            .map(|s| Choice {
                value: s.as_str().into(),
                label: page.t(&format!("sector-{}", s.as_str())),
            })
            .collect(),
        nths: choices(&page, Nth::ALL, Nth::key, "nth"),
        weekdays: choices(&page, Weekday::ALL, Weekday::key, "weekday"),
        months: (1..=12)
            .map(|m| Choice {
                value: m.to_string(),
                label: page.t(&format!("month-{m}")),
            })
            .collect(),
        holiday_policies: choices(
            &page,
            HolidayPolicy::ALL,
            HolidayPolicy::key,
            "holiday-policy",
        ),
        deadline_policies: choices(
            &page,
            DeadlinePolicy::ALL,
            DeadlinePolicy::key,
            "deadline-policy",
        ),
        preview,
        consequences: None,
        page,
        id,
        input,
        errors,
    })
}

fn refused(view: FormView) -> Response {
    render_invalid(&view)
}

pub async fn new_form(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
) -> AppResult<Response> {
    // Anyone who may create a group somewhere; the area is checked on save.
    let area = s
        .actor
        .coordinated_areas()
        .next()
        .map(str::to_owned)
        .unwrap_or_default();
    let probe = if area.is_empty() { "ita-suomi" } else { &area };
    s.require(&Action::CreateGroup { area: probe })?;
    let input = GroupPost::from_parts(
        GroupForm {
            area,
            kind: GroupKind::Other.key().into(),
            mode: MeetingMode::Both.key().into(),
            capacity: "3".into(),
            ..GroupForm::default()
        },
        RuleForm::suggested(),
    );
    Ok(render(
        &form_view(&state, page, None, input, FieldErrors::new(), None).await?,
    ))
}

/// The posted form checked: details and rule, or the errors.
async fn check(
    state: &AppState,
    input: &GroupPost,
) -> AppResult<
    Result<
        (
            otalusta_domain::groups::GroupDetails,
            otalusta_domain::calendar::MeetingRule,
        ),
        FieldErrors,
    >,
> {
    let all = crate::taxonomy::cache::phenomena(state)
        .all(&state.db)
        .await?;
    let codes: Vec<&str> = all.iter().map(|p| p.code.as_str()).collect();
    let (gf, rf) = input.parts();
    let details = gf.parse(&codes);
    let rule = rf.parse();
    Ok(match (details, rule) {
        (Ok(d), Ok(r)) => Ok((d, r)),
        (d, r) => {
            let mut pairs = d.err().unwrap_or_default();
            pairs.extend(r.err().unwrap_or_default());
            Err(FieldErrors::from_pairs(&pairs))
        }
    })
}

/// The first year of meetings the posted rule gives, for the preview.
fn preview_of(
    page: &Page,
    details: &otalusta_domain::groups::GroupDetails,
    rule: &otalusta_domain::calendar::MeetingRule,
) -> Vec<MeetingView> {
    let g = Group {
        id: GroupId(0),
        details: details.clone(),
        rule: rule.clone(),
        past_rules: Vec::new(),
        calendar_version: 0,
        updated_at: String::new(),
        active: true,
    };
    // The coming year; for a season already over, that season.
    let from = match (rule.season_start, rule.season_end) {
        (Some(start), Some(end)) if end < today() => start,
        (Some(start), _) => start.max(today()),
        (None, _) => today(),
    };
    let to = from.checked_add(12.months()).unwrap_or(from);
    let now = jiff::Timestamp::now();
    g.meetings(&[], from, to)
        .iter()
        .map(|o| MeetingView {
            // Not saved yet: no meeting page to link to.
            href: String::new(),
            ..views::meeting_view(page, &g, o, Default::default(), now)
        })
        .collect()
}

pub async fn create(
    State(state): State<AppState>,
    Extension(index): Extension<Arc<SearchIndex>>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    CsrfForm(input): CsrfForm<GroupPost>,
) -> AppResult<Response> {
    let area = input.area.trim().to_owned();
    // Refuse before saying anything about the form: an unknown area is the
    // only thing someone without rights learns nothing from.
    let probe = if otalusta_domain::region::area(&area).is_some() {
        area.as_str()
    } else {
        s.actor.coordinated_areas().next().unwrap_or("ita-suomi")
    };
    let role = s.require(&Action::CreateGroup { area: probe })?;
    let (details, rule) = match check(&state, &input).await? {
        Ok(ok) => ok,
        Err(errors) => {
            return Ok(refused(
                form_view(&state, page, None, input, errors, None).await?,
            ));
        }
    };
    if input.preview == "1" {
        let preview = preview_of(&page, &details, &rule);
        return Ok(render(
            &form_view(&state, page, None, input, FieldErrors::new(), Some(preview)).await?,
        ));
    }
    let mut tx = state.db.begin().await?;
    let id = store::create(&mut tx, &details, &rule).await?;
    log_change(&mut tx, &ctx, &s, role, "group.create", id).await?;
    tx.commit().await?;
    calendars(&state).forget([id], true);
    // This node's search finds the group at once (others within a poll).
    index.catch_up(&state.db).await?;
    Ok(Redirect::to(&format!("/groups/{id}?done=group-created")).into_response())
}

pub async fn edit_form(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let g = load(&state, id).await?;
    s.require(&Action::EditGroup {
        group: g.id,
        area: &g.details.area,
    })?;
    let input = GroupPost::from_parts(g.details.to_form(), RuleForm::from_rule(&g.rule));
    Ok(render(
        &form_view(&state, page, Some(id), input, FieldErrors::new(), None).await?,
    ))
}

pub async fn update(
    State(state): State<AppState>,
    Extension(index): Extension<Arc<SearchIndex>>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<GroupPost>,
) -> AppResult<Response> {
    let g = load(&state, id).await?;
    let role = s.require(&Action::EditGroup {
        group: g.id,
        area: &g.details.area,
    })?;
    let (details, rule) = match check(&state, &input).await? {
        Ok(ok) => ok,
        Err(errors) => {
            return Ok(refused(
                form_view(&state, page, Some(id), input, errors, None).await?,
            ));
        }
    };
    // Moving a group to another area needs the right to create one there.
    if details.area != g.details.area
        && s.require(&Action::CreateGroup {
            area: &details.area,
        })
        .is_err()
    {
        let mut errors = FieldErrors::new();
        errors.add("area", "group-area-not-yours");
        return Ok(refused(
            form_view(&state, page, Some(id), input, errors, None).await?,
        ));
    }
    if input.preview == "1" {
        let preview = preview_of(&page, &details, &rule);
        let after = super::rule_change::after(&g, &details, &rule);
        let who = super::rule_change::Viewer {
            session: &s,
            ctx: &ctx,
        };
        let consequences = super::rule_change::preview(&state, &who, &page, &g, &after).await?;
        let mut view = form_view(
            &state,
            page,
            Some(id),
            input,
            FieldErrors::new(),
            Some(preview),
        )
        .await?;
        view.consequences = Some(consequences).filter(|c| !c.is_empty());
        return Ok(render(&view));
    }
    let confirmed = super::rule_change::Confirmation {
        signature: &input.signature,
        decision: &input.decision,
        once: &input.once,
    };
    match super::rule_change::save(
        &state, &s, &ctx, &page, role, g.id, &details, &rule, confirmed,
    )
    .await?
    {
        super::rule_change::Saved::Done(answer) => {
            index.catch_up(&state.db).await?;
            Ok(Redirect::to(&answer).into_response())
        }
        super::rule_change::Saved::BelowTaken(_) => {
            let mut errors = FieldErrors::new();
            errors.add("capacity", "group-capacity-below-taken");
            Ok(refused(
                form_view(&state, page, Some(id), input, errors, None).await?,
            ))
        }
        super::rule_change::Saved::Confirm(c) => {
            let changed = c.changed;
            let mut view =
                form_view(&state, page, Some(id), input, FieldErrors::new(), None).await?;
            view.consequences = Some(c);
            let mut res = render(&view);
            if changed {
                *res.status_mut() = StatusCode::CONFLICT;
            }
            Ok(res)
        }
    }
}

// --- members ------------------------------------------------------------------------

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MemberForm {
    pub username: String,
    pub role: String,
}

pub async fn add_member(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<MemberForm>,
) -> AppResult<Response> {
    let g = load(&state, id).await?;
    let role = s.require(&Action::EditGroup {
        group: g.id,
        area: &g.details.area,
    })?;
    let mut errors = FieldErrors::new();
    let member_role = form.role.parse::<MemberRole>().ok();
    if member_role.is_none() {
        errors.add("member_role", "field-choose");
    }
    let username = crate::auth::store::normalize_username(&form.username);
    let user = if username.is_empty() {
        errors.add("member_username", "field-required");
        None
    } else {
        match crate::auth::store::find_user_by_name(&state.db, &username).await? {
            Some((u, _)) if u.disabled == 0 => Some(u),
            Some(_) => {
                errors.add("member_username", "member-disabled");
                None
            }
            None => {
                errors.add("member_username", "member-unknown");
                None
            }
        }
    };
    if let (Some(MemberRole::Secretary), Some(u)) = (member_role, &user) {
        let grants = crate::auth::store::grants_of(state.db.pool(), UserId(u.id)).await?;
        if !grants.iter().any(|g| g.role == Role::Secretary) {
            errors.add("member_role", "member-needs-secretary-role");
        }
    }
    let (Some(user), Some(member_role), true) = (user, member_role, errors.is_empty()) else {
        let range = RangeQuery::default();
        let view = show_view(&state, &s, page, &g, &range, errors, form.username).await?;
        return Ok(render_invalid(&view));
    };
    let mut tx = state.db.begin().await?;
    store::set_member(&mut tx, g.id, UserId(user.id), member_role).await?;
    log_change(&mut tx, &ctx, &s, role, "group.member.set", g.id).await?;
    tx.commit().await?;
    calendars(&state).forget([g.id], false);
    // The member's roles changed: every node's sessions of the old ones end.
    crate::auth::lease::settle(&state).await;
    Ok(Redirect::to(&format!("/groups/{id}?done=group-member#members")).into_response())
}

pub async fn remove_member(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path((id, user)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let g = load(&state, id).await?;
    let role = s.require(&Action::EditGroup {
        group: g.id,
        area: &g.details.area,
    })?;
    let mut tx = state.db.begin().await?;
    if !store::remove_member(&mut tx, g.id, UserId(user)).await? {
        return Err(AppError::NotFound);
    }
    log_change(&mut tx, &ctx, &s, role, "group.member.remove", g.id).await?;
    tx.commit().await?;
    calendars(&state).forget([g.id], false);
    crate::auth::lease::settle(&state).await;
    Ok(Redirect::to(&format!("/groups/{id}?done=group-member#members")).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Query strings come from anyone: any text is answered, and what
        /// passes is a sane range.
        #[test]
        fn any_range_query_is_safe(from in "\\PC{0,16}", to in "\\PC{0,16}") {
            let d = jiff::civil::date(2026, 12, 2);
            let q = RangeQuery { from, to };
            if let Ok((a, b)) = q.resolve((d, d)) {
                prop_assert!(a <= b);
                prop_assert!(b <= a.checked_add(i64::from(MAX_RANGE_YEARS).years()).unwrap());
            }
        }
    }

    #[test]
    fn ranges_are_checked() {
        let d = jiff::civil::date(2026, 12, 2);
        let q = |f: &str, t: &str| {
            RangeQuery {
                from: f.into(),
                to: t.into(),
            }
            .resolve((d, d))
        };
        assert_eq!(q("", ""), Ok((d, d)));
        assert_eq!(
            q("1.10.2022", "2023-06-30"),
            Ok((
                jiff::civil::date(2022, 10, 1),
                jiff::civil::date(2023, 6, 30)
            ))
        );
        assert_eq!(q("x", "").unwrap_err().get("from"), Some("field-date"));
        assert_eq!(
            q("2023-01-01", "2022-01-01").unwrap_err().get("to"),
            Some("range-ends-before-start")
        );
        assert_eq!(
            q("2000-01-01", "2010-01-01").unwrap_err().get("to"),
            Some("range-too-long")
        );
    }
}
