//! The front page: for a signed-in person, what waits for them (oldest
//! first) and their coming meetings, then the places their role works in.

use super::{Inbox, gather};
use crate::auth::Session;
use crate::consultations::views;
use crate::core::error::AppResult;
use crate::core::i18n::format_date;
use crate::core::page::{Page, render};
use crate::core::web::{AppState, ReqCtx};
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use otalusta_domain::inbox::{Item, Kind};
use otalusta_domain::role::Role;

/// One waiting thing as the page shows it.
pub struct ItemView {
    pub kind: &'static str,
    /// What it asks ("Käsiteltävä pyyntö", "2 lukematonta viestiä").
    pub label: String,
    /// The case: number and, when the person may see it, the start of its question.
    pub case: String,
    pub group: String,
    /// Since when it has waited, or when the meeting is.
    pub when: String,
    pub href: String,
    /// Links beside the main one (a meeting's agenda, its page).
    pub links: Vec<(String, String)>,
}

/// A role's places, with a sentence on what one does there.
pub struct Shortcut {
    pub href: String,
    pub label: String,
    pub help: String,
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomeView {
    pub page: Page,
    pub waiting: Vec<ItemView>,
    pub meetings: Vec<ItemView>,
    /// Whether this person has an inbox at all (researchers, auditors and
    /// administrators do not: their work is elsewhere).
    pub has_inbox: bool,
    pub role_help: Vec<String>,
    pub shortcuts: Vec<Shortcut>,
}

/// The page address and label of each item, in the page's language.
pub fn item_view(page: &Page, inbox: &Inbox, i: &Item) -> ItemView {
    let cal = inbox.groups.get(&i.group);
    let group = cal
        .map(|c| c.group.details.name(page.lang.code()).to_owned())
        .unwrap_or_default();
    let r = i.request.and_then(|id| inbox.requests.get(&id));
    let case = match r {
        Some(r) if i.content => {
            let t = views::title(r);
            if t.is_empty() {
                format!("#{}", r.id)
            } else {
                format!("#{} {t}", r.id)
            }
        }
        Some(r) => format!("#{}", r.id),
        None => String::new(),
    };
    let occ = cal.zip(i.meeting).and_then(|(c, d)| c.meeting(d));
    let when = match i.kind {
        Kind::Meeting => i
            .meeting
            .map(|d| views::meeting_line(page, occ.as_ref(), d))
            .unwrap_or_default(),
        Kind::FollowUpDue | Kind::FollowUpOverdue | Kind::Outcome => {
            let day = i
                .since
                .parse()
                .map(format_date)
                .unwrap_or_else(|_| i.since.clone());
            let key = if i.kind == Kind::Outcome {
                "inbox-held"
            } else {
                "inbox-due"
            };
            page.ta(key, "when", &day)
        }
        _ => page.ta("inbox-since", "when", &page.timestamp(&i.since)),
    };
    let label = match i.kind {
        Kind::Message => page.tn("inbox-message", "count", i64::from(i.count)),
        k => page.t(&format!("inbox-{}", k.key())),
    };
    let mut links = Vec::new();
    let href = match (i.kind, i.request) {
        (Kind::Draft, Some(id)) => format!("/requests/{id}/edit"),
        (Kind::Message, Some(id)) => format!("/requests/{id}#messages"),
        (Kind::Recommendations, Some(id)) => format!("/requests/{id}#recommendations"),
        (Kind::FollowUpDue | Kind::FollowUpOverdue, Some(id)) if i.content => {
            format!("/requests/{id}#follow-up")
        }
        (_, Some(id)) => format!("/requests/{id}"),
        (_, None) => {
            let d = i.meeting.map(|d| d.to_string()).unwrap_or_default();
            links.push((
                format!("/groups/{}/meetings/{d}", i.group),
                page.t("inbox-meeting-page"),
            ));
            format!("/groups/{}/meetings/{d}/agenda", i.group)
        }
    };
    ItemView {
        kind: i.kind.key(),
        label,
        case,
        group,
        when,
        href,
        links,
    }
}

pub async fn home(
    State(state): State<AppState>,
    mut page: Page,
    req: axum::extract::Request,
) -> AppResult<Response> {
    let Some(s) = req.extensions().get::<Session>().cloned() else {
        return Ok(render(&HomeView {
            page,
            waiting: Vec::new(),
            meetings: Vec::new(),
            has_inbox: false,
            role_help: Vec::new(),
            shortcuts: Vec::new(),
        }));
    };
    let ctx = req
        .extensions()
        .get::<ReqCtx>()
        .cloned()
        .expect("context layer runs first");
    let a = &s.actor;
    let has_inbox = a.has(Role::Requester)
        || a.has(Role::Secretary)
        || a.has(Role::Expert)
        || a.has(Role::Coordinator)
        || !a.member_of.is_empty();
    let (mut waiting, mut meetings) = (Vec::new(), Vec::new());
    if has_inbox {
        let inbox = gather(&state, &s.actor, true).await?;
        super::log_shown(&state, &s, &ctx, &inbox).await?;
        // The front page counts for itself (the layer leaves it out).
        page.waiting = Some(otalusta_domain::inbox::waiting(&inbox.items));
        for i in &inbox.items {
            let v = item_view(&page, &inbox, i);
            if i.kind == Kind::Meeting {
                meetings.push(v);
            } else {
                waiting.push(v);
            }
        }
    }
    let mut roles: Vec<Role> = a.grants.iter().map(|g| g.role).collect();
    roles.sort();
    roles.dedup();
    let role_help = roles
        .iter()
        .map(|r| page.t(&format!("home-role-{}", r.as_str())))
        .collect();
    let shortcuts = page
        .nav()
        .into_iter()
        .filter(|n| n.href != "/")
        .map(|n| Shortcut {
            href: n.href.to_owned(),
            help: page.t(&format!("home-shortcut{}", n.href.replace('/', "-"))),
            label: n.label,
        })
        .collect();
    Ok(render(&HomeView {
        page,
        waiting,
        meetings,
        has_inbox,
        role_help,
        shortcuts,
    }))
}
