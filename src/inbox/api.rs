//! `GET /api/v1/inbox`: what waits for the caller, as the front page shows it.

use super::gather;
use super::routes::item_view;
use crate::auth::{Ctx, CurrentUser};
use crate::core::error::AppResult;
use crate::core::page::Page;
use crate::core::web::AppState;
use axum::Json;
use axum::extract::State;
use otalusta_domain::inbox;
use serde::Serialize;

#[derive(Serialize, utoipa::ToSchema)]
pub struct InboxItemJson {
    /// `draft`, `question`, `recommendations`, `follow-up-due`,
    /// `follow-up-overdue`, `message`, `triage`, `outcome`, `stalled`
    /// (untriaged for a week, coordinators) or `meeting` (coming within
    /// two weeks).
    pub kind: String,
    /// What it asks, in the caller's language.
    pub label: String,
    pub request_id: Option<i64>,
    pub group_id: i64,
    /// The meeting's rule date (its identity in URLs).
    pub meeting: Option<String>,
    /// Since when it has waited: a date, or an RFC 3339 UTC time.
    pub since: String,
    /// Unread messages; 1 otherwise.
    pub count: u32,
    /// The page where it is done.
    pub href: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct InboxJson {
    /// Oldest first; coming meetings last, soonest first.
    pub items: Vec<InboxItemJson>,
    /// Items that ask for action (the navigation's count): all but meetings.
    pub waiting: usize,
    /// Per kind (messages counted one by one).
    pub counts: std::collections::BTreeMap<String, u32>,
}

/// What waits for the caller: cases to act on and coming meetings.
#[utoipa::path(get, path = "/api/v1/inbox", tag = "inbox",
    responses(
        (status = 200, description = "What waits for the caller", body = InboxJson),
        (status = 401, description = "Not signed in", body = crate::api::Problem, content_type = "application/problem+json"),
        (status = 403, description = "`password-change-required`", body = crate::api::Problem, content_type = "application/problem+json"),
    ),
    security(("session" = []), ("token" = [])))]
pub async fn inbox(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
) -> AppResult<Json<InboxJson>> {
    let b = gather(&state, &s.actor, true).await?;
    super::log_shown(&state, &s, &ctx, &b).await?;
    let items = b
        .items
        .iter()
        .map(|i| {
            let v = item_view(&page, &b, i);
            InboxItemJson {
                kind: i.kind.key().to_owned(),
                label: v.label,
                request_id: i.request.map(|r| r.0),
                group_id: i.group.0,
                meeting: i.meeting.map(|d| d.to_string()),
                since: i.since.clone(),
                count: i.count,
                href: v.href,
            }
        })
        .collect();
    Ok(Json(InboxJson {
        items,
        waiting: inbox::waiting(&b.items),
        counts: inbox::counts(&b.items)
            .into_iter()
            .map(|(k, n)| (k.key().to_owned(), n))
            .collect(),
    }))
}
