//! Työjono: each person's front page and `GET /api/v1/inbox` — what waits
//! for them, gathered from the cases and meetings they are part of. The
//! rule of what waits is `otalusta_domain::inbox`; this module reads its
//! facts and shows them. Every case an inbox shows is in the access log
//! (`consultations::log_cases`); the navigation's count reads no content
//! and logs nothing.

pub mod api;
pub mod count;
pub mod digest;
pub mod routes;

use crate::auth::Session;
use crate::consultations::store::{self, Request};
use crate::core::error::AppResult;
use crate::core::web::AppState;
use crate::groups::calendars::{GroupCalendar, calendars};
use crate::groups::routes::today;
use jiff::ToSpan;
use otalusta_domain::consultations::Status;
use otalusta_domain::ids::{GroupId, RequestId};
use otalusta_domain::inbox::{self, Case, Item, MEETINGS_AHEAD_DAYS, Meeting, Viewer};
use otalusta_domain::policy::Actor;
use otalusta_domain::role::Role;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

pub fn router() -> axum::Router<AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route("/", get(routes::home))
        .route("/api/v1/inbox", get(api::inbox))
}

/// One person's inbox with what its items refer to.
pub struct Inbox {
    pub items: Vec<Item>,
    pub requests: HashMap<RequestId, Request>,
    pub groups: BTreeMap<GroupId, Arc<GroupCalendar>>,
}

fn viewer(a: &Actor) -> Viewer {
    let mut v = Viewer::new(a.user_id);
    v.requester = a.has(Role::Requester);
    v.secretary_of = a
        .member_of
        .iter()
        .copied()
        .filter(|g| a.is_secretary_of(*g))
        .collect();
    // Coming meetings are listed for who may read their agendas: the
    // secretary and the expert members.
    v.member_of = a
        .member_of
        .iter()
        .copied()
        .filter(|g| a.has(Role::Expert) || a.is_secretary_of(*g))
        .collect();
    v
}

/// Gathers the inbox of `a`. `meetings`: also the coming meetings (the
/// navigation's count leaves them out: they ask for no action).
pub async fn gather(state: &AppState, a: &Actor, meetings: bool) -> AppResult<Inbox> {
    let (mut items, groups) = gather_items(state, a, meetings).await?;
    // The full requests only of the cases shown, in one query.
    let mut ids: Vec<RequestId> = items.iter().filter_map(|i| i.request).collect();
    ids.sort_unstable();
    ids.dedup();
    let requests: HashMap<RequestId, Request> = store::get_many(&state.db, &ids)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    // A case gone between the two reads is not shown.
    items.retain(|i| i.request.is_none_or(|id| requests.contains_key(&id)));
    Ok(Inbox {
        items,
        requests,
        groups,
    })
}

/// The items of `a`'s inbox and the groups they refer to, read from each
/// case's few columns the rule needs (`store::CaseRow`).
async fn gather_items(
    state: &AppState,
    a: &Actor,
    meetings: bool,
) -> AppResult<(Vec<Item>, BTreeMap<GroupId, Arc<GroupCalendar>>)> {
    let mut v = viewer(a);
    let mut requests: HashMap<RequestId, store::CaseRow> = HashMap::new();
    if v.requester {
        for r in store::cases_of_requester(&state.db, a.user_id).await? {
            requests.insert(r.id, r);
        }
    }
    let secretary_of: Vec<GroupId> = v.secretary_of.iter().copied().collect();
    for r in store::active_cases_of_groups(&state.db, &secretary_of).await? {
        requests.insert(r.id, r);
    }
    let areas: Vec<String> = a.coordinated_areas().map(str::to_owned).collect();
    for area in &areas {
        for r in store::waiting_cases_of_area(&state.db, area).await? {
            v.coordinated.insert(r.group_id);
            requests.entry(r.id).or_insert(r);
        }
    }
    if a.has(Role::Coordinator) {
        // A county's coordinator: the groups serving her county.
        let county = a.county_groups.to_vec();
        for r in store::active_cases_of_groups(&state.db, &county).await? {
            if matches!(r.status, Status::Submitted | Status::FollowUp) {
                v.coordinated.insert(r.group_id);
                requests.entry(r.id).or_insert(r);
            }
        }
    }
    let unread = store::unread(&state.db, a.user_id).await?;
    let missing: Vec<RequestId> = unread
        .keys()
        .filter(|id| !requests.contains_key(id))
        .copied()
        .collect();
    for r in store::cases(&state.db, &missing).await? {
        requests.insert(r.id, r);
    }
    // The groups the items refer to, with their calendars (meeting days).
    let cache = calendars(state);
    let mut groups: BTreeMap<GroupId, Arc<GroupCalendar>> = BTreeMap::new();
    let mut wanted: Vec<GroupId> = requests.values().map(|r| r.group_id).collect();
    if meetings {
        wanted.extend(v.member_of.iter().copied());
    }
    for g in wanted {
        if let std::collections::btree_map::Entry::Vacant(e) = groups.entry(g)
            && let Some(cal) = cache.get(&state.db, g).await?
        {
            e.insert(cal);
        }
    }
    let cases: Vec<Case> = requests
        .values()
        .map(|r| {
            let (n, first) = unread
                .get(&r.id)
                .map(|(n, at)| (*n, Some(at.clone())))
                .unwrap_or((0, None));
            Case {
                id: r.id,
                group: r.group_id,
                requester: r.requester_id,
                status: r.status,
                meeting: r.meeting_date,
                meeting_day: r
                    .meeting_date
                    .and_then(|d| groups.get(&r.group_id)?.meeting(d))
                    .map(|o| o.date),
                follow_up_due: r.follow_up_due,
                updated_at: r.updated_at.clone(),
                submitted_at: r.submitted_at.clone(),
                unread: n,
                first_unread_at: first,
            }
        })
        .collect();
    let today = today();
    let mut coming = Vec::new();
    if meetings {
        // Rule dates a little either side: a moved meeting keeps its rule date.
        let from = today.checked_sub(14.days()).unwrap_or(today);
        let to = today
            .checked_add((MEETINGS_AHEAD_DAYS + 14).days())
            .unwrap_or(today);
        for g in &v.member_of {
            if let Some(cal) = groups.get(g) {
                coming.extend(cal.meetings(from, to).into_iter().map(|o| Meeting {
                    group: *g,
                    rule_date: o.rule_date,
                    day: o.date,
                    cancelled: !o.is_held(),
                }));
            }
        }
    }
    Ok((inbox::items(&v, &cases, &coming, today), groups))
}

/// Writes the access log of the cases an inbox named: one entry per case,
/// under the role each was shown under (her own case: requester; her
/// group's: secretary; her area's, without content: coordinator).
pub async fn log_shown(
    state: &AppState,
    s: &Session,
    ctx: &crate::core::web::ReqCtx,
    b: &Inbox,
) -> AppResult<()> {
    let mut by_role: BTreeMap<Role, Vec<RequestId>> = BTreeMap::new();
    for i in &b.items {
        let Some(id) = i.request else { continue };
        let role = match b.requests.get(&id) {
            _ if !i.content => Role::Coordinator,
            Some(r) if r.requester_id == s.actor.user_id && s.actor.has(Role::Requester) => {
                Role::Requester
            }
            _ => Role::Secretary,
        };
        let ids = by_role.entry(role).or_default();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    for (role, ids) in by_role {
        crate::consultations::log_cases(
            state,
            s,
            ctx,
            Some(role),
            "request.inbox",
            &ids,
            ("inbox", &ids.len().to_string()),
        )
        .await?;
    }
    Ok(())
}

/// How many things wait for `a` (the navigation's badge).
pub async fn waiting(state: &AppState, a: &Actor) -> AppResult<usize> {
    Ok(inbox::waiting(&gather_items(state, a, false).await?.0))
}

/// How long the navigation's count may take before the page goes without it.
const COUNT_WITHIN: std::time::Duration = std::time::Duration::from_secs(2);

/// The navigation's count for signed-in page views: put where
/// `core::page::Page` finds it. A failure only leaves the count out.
pub async fn count_layer(
    axum::extract::State(state): axum::extract::State<AppState>,
    mut req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let path = req.uri().path();
    // Pages only: not the API, files (minutes, feeds, exports, attachments)
    // or the front page, which gathers the whole inbox itself.
    let page_view = req.method() == axum::http::Method::GET
        && path != "/"
        && !crate::core::web::is_api_path(path)
        && !path.starts_with("/static/")
        && !path.contains("/attachments/")
        && ![".pdf", ".ics", ".csv", ".xlsx"]
            .iter()
            .any(|x| path.ends_with(x));
    if page_view
        && let Some(s) = req.extensions().get::<Session>().cloned()
        && s.token_hash.is_some()
        && !s.must_change_password
    {
        // Bounded: a slow database leaves the count out rather than the page.
        let counts = count::counts(&state);
        match tokio::time::timeout(COUNT_WITHIN, counts.waiting(&state, &s.actor)).await {
            Ok(Ok(n)) => {
                req.extensions_mut().insert(crate::core::page::Waiting(n));
            }
            Ok(Err(e)) => tracing::warn!(error = %e, "inbox count failed"),
            Err(_) => tracing::warn!("inbox count took too long; left out"),
        }
    }
    // A signed-in write that succeeded (and so committed) shows on the next
    // page at once; a refused or anonymous one does not drop the counts.
    let write = req.extensions().get::<Session>().is_some()
        && !matches!(
            *req.method(),
            axum::http::Method::GET | axum::http::Method::HEAD
        );
    let res = next.run(req).await;
    if write && (res.status().is_success() || res.status().is_redirection()) {
        count::counts(&state).forget();
    }
    res
}
