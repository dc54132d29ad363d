//! What every HTML page carries: language, the signed-in user, the CSRF
//! token and the navigation. Handlers take a [`Page`] and put it in their view.

use crate::auth::Session;
use crate::core::forms::csrf_token;
use crate::core::i18n::{I18n, Lang};
use crate::core::web::{AppState, ReqCtx};
use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{Html, IntoResponse, Response};
use otalusta_domain::role::Role;
use std::sync::Arc;

/// How many things wait for the signed-in person (the navigation's count),
/// put in the request's extensions by the inbox's layer.
#[derive(Clone, Copy)]
pub struct Waiting(pub usize);

#[derive(Clone)]
pub struct Page {
    pub lang: Lang,
    pub i18n: Arc<I18n>,
    pub user: Option<UserView>,
    pub csrf: String,
    pub path: String,
    /// The query string without `lang` (kept by the language links).
    pub query: String,
    pub request_id: String,
    pub waiting: Option<usize>,
}

#[derive(Clone)]
pub struct UserView {
    pub username: String,
    pub display_name: String,
    pub roles: Vec<Role>,
}

pub struct NavItem {
    pub href: &'static str,
    pub label: String,
    pub current: bool,
    /// The count beside it (the front page's waiting items).
    pub count: Option<usize>,
}

pub struct LangLink {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

impl Page {
    pub fn new(state: &AppState, ctx: &ReqCtx, session: Option<&Session>) -> Page {
        Page {
            lang: ctx.lang,
            i18n: state.i18n.clone(),
            user: session.map(|s| UserView {
                username: s.actor.username.clone(),
                display_name: s.display_name.clone(),
                roles: s.actor.grants.iter().map(|g| g.role).collect(),
            }),
            csrf: csrf_token(&state.config, ctx, session),
            path: ctx.path.clone(),
            query: ctx.query_without_lang.clone(),
            request_id: ctx.request_id.clone(),
            waiting: None,
        }
    }

    /// A fresh one-time token for a state-changing form (`once` field):
    /// see `core::once`.
    pub fn once(&self) -> String {
        crate::core::web::random_token(18)
    }

    /// The message `key` in the page's language.
    pub fn t(&self, key: &str) -> String {
        self.i18n.t(self.lang, key, &[])
    }

    /// The message `key` with one argument.
    pub fn ta(&self, key: &str, name: &str, value: &str) -> String {
        self.i18n
            .t(self.lang, key, &[(name, value.to_owned().into())])
    }

    /// A message with a number argument (plural forms).
    pub fn tn(&self, key: &str, name: &str, value: impl std::borrow::Borrow<i64>) -> String {
        self.i18n
            .t(self.lang, key, &[(name, (*value.borrow()).into())])
    }

    /// A message with several arguments.
    pub fn tx(&self, key: &str, args: &[(&str, fluent_bundle::FluentValue<'_>)]) -> String {
        self.i18n.t(self.lang, key, args)
    }

    /// The confirmation of what the previous step did (`?done=KEY` names
    /// the message `done-KEY`), when there is one.
    pub fn done_notice(&self) -> Option<String> {
        let value = self
            .query
            .split('&')
            .find_map(|p| p.strip_prefix("done="))?;
        let key = format!("done-{value}");
        (value.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            && self.i18n.has(self.lang, &key))
        .then(|| self.t(&key))
    }

    /// A form field's name for an error summary: `label-FIELD`, else the
    /// form's own `field-NAME` label, when the translations have one.
    pub fn field_label(&self, field: &str) -> Option<String> {
        [
            format!("label-{field}"),
            format!("field-{}", field.replace('_', "-")),
        ]
        .into_iter()
        .find(|k| self.i18n.has(self.lang, k))
        .map(|k| self.t(&k))
    }

    pub fn has_role(&self, role: Role) -> bool {
        self.user.as_ref().is_some_and(|u| u.roles.contains(&role))
    }

    pub fn role_name(&self, role: &Role) -> String {
        self.t(&format!("role-{}", role.as_str()))
    }

    pub fn nav(&self) -> Vec<NavItem> {
        let mut items: Vec<(&'static str, &'static str)> = vec![("/", "nav-home")];
        if self.user.is_none() {
            // The public directory of experts and the public knowledge bank.
            items.push(("/experts", "nav-experts"));
            items.push(("/knowledge", "nav-knowledge"));
            items.push(("/events", "events-nav"));
        }
        if self.user.is_some() {
            if !self.has_role(Role::Auditor)
                || self.user.as_ref().is_some_and(|u| u.roles.len() > 1)
            {
                items.push(("/experts", "nav-experts"));
                items.push(("/knowledge", "nav-knowledge"));
                if self.has_role(Role::Requester)
                    || self.has_role(Role::Secretary)
                    || self.has_role(Role::Expert)
                    || self.has_role(Role::Coordinator)
                {
                    items.push(("/requests", "nav-requests"));
                    items.push(("/screenings", "nav-screenings"));
                }
                // Service guidance: the coordinator's log, the others' question.
                if self.has_role(Role::Coordinator) {
                    items.push(("/guidance", "nav-guidance"));
                } else if self.has_role(Role::Requester)
                    || self.has_role(Role::Secretary)
                    || self.has_role(Role::Expert)
                {
                    items.push(("/guidance/ask", "nav-guidance-ask"));
                }
                items.push(("/groups", "nav-groups"));
                items.push(("/meetings", "nav-meetings"));
                items.push(("/events", "events-nav"));
                // My learning: the people who attend events (not the
                // administrator's account alone).
                if self.user.as_ref().is_some_and(|u| {
                    u.roles
                        .iter()
                        .any(|r| !matches!(r, Role::Admin | Role::Auditor))
                }) {
                    items.push(("/learning", "events-nav-learning"));
                }
                items.push(("/phenomena", "nav-phenomena"));
                if self.has_role(Role::Coordinator)
                    || self.has_role(Role::Researcher)
                    || self.has_role(Role::Admin)
                {
                    items.push(("/stats", "nav-stats"));
                }
            }
            if self.has_role(Role::Auditor) {
                items.push(("/audit", "nav-audit"));
            }
            if self.has_role(Role::Admin) {
                items.push(("/admin/users", "nav-users"));
            }
            items.push(("/regions", "nav-regions"));
            items.push(("/account", "nav-account"));
        }
        items
            .into_iter()
            .map(|(href, key)| NavItem {
                href,
                label: self.t(key),
                current: if href == "/" {
                    self.path == "/"
                } else {
                    self.path.starts_with(href)
                },
                count: (href == "/")
                    .then_some(self.waiting)
                    .flatten()
                    .filter(|n| *n > 0),
            })
            .collect()
    }

    /// The path as a same-site link: `//host` would leave the site.
    fn local_path(&self) -> &str {
        if self.path.starts_with("//") || self.path.starts_with("/\\") {
            "/"
        } else {
            &self.path
        }
    }

    pub fn lang_links(&self) -> Vec<LangLink> {
        Lang::ALL
            .into_iter()
            .map(|l| LangLink {
                code: l.code(),
                name: l.native_name(),
                // The page's own query (filters, `next`) stays.
                href: if self.query.is_empty() {
                    format!("{}?lang={}", self.local_path(), l.code())
                } else {
                    format!("{}?{}&lang={}", self.local_path(), self.query, l.code())
                },
                current: l == self.lang,
            })
            .collect()
    }

    pub fn date(&self, d: &jiff::civil::Date) -> String {
        crate::core::i18n::format_date(*d)
    }

    /// The Helsinki day of a stored UTC timestamp.
    pub fn day(&self, stored: &str) -> String {
        match crate::core::db::parse_timestamp(stored) {
            Some(ts) => self.date(&ts.to_zoned_datetime(helsinki()).date()),
            None => stored.to_owned(),
        }
    }

    /// A stored UTC timestamp shown in Helsinki time.
    pub fn timestamp(&self, stored: &str) -> String {
        match crate::core::db::parse_timestamp(stored) {
            Some(ts) => {
                let local = ts.to_zoned_datetime(helsinki()).datetime();
                crate::core::i18n::format_datetime(self.lang, local)
            }
            None => stored.to_owned(),
        }
    }
}

pub fn helsinki() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::get("Europe/Helsinki").expect("the bundled tz database has Helsinki")
}

impl FromRequestParts<AppState> for Page {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let ctx = parts
            .extensions
            .get::<ReqCtx>()
            .cloned()
            .expect("context layer runs first");
        let session = parts.extensions.get::<Session>();
        let mut page = Page::new(state, &ctx, session);
        page.waiting = parts.extensions.get::<Waiting>().map(|w| w.0);
        Ok(page)
    }
}

/// Renders a form that comes back with its problems marked (422).
pub fn render_invalid<T: Template>(view: &T) -> Response {
    let mut res = render(view);
    *res.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    res
}

/// Renders a template; a template error is an internal error, logged.
pub fn render<T: Template>(view: &T) -> Response {
    match view.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            crate::core::error::AppError::Internal(anyhow::anyhow!("template: {e}")).into_response()
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub page: Page,
    pub title: String,
    pub message: String,
    pub status: u16,
}
