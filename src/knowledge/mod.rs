//! Tietopankki: method cards, guides, materials, webinar recordings, links
//! to the national services, the glossary (käsitteet) and news; their
//! review workflow and versions; the search; saved items. The rules are
//! `otalusta_domain::knowledge`.
//!
//! Items are not case data: reads are not logged, every change is (who
//! saved, submitted, approved, returned or archived what).

pub mod api;
pub mod attachments;
pub mod browse;
pub mod editor;
pub mod from_event;
pub mod item;
pub mod markdown;
pub mod newsletter;
pub mod search;
pub mod store;
pub mod views;

use crate::audit;
use crate::auth::Session;
use crate::core::error::{AppError, AppResult};
use crate::core::web::{AppState, ReqCtx};
use otalusta_domain::audit::{AuditEvent, Outcome};
use otalusta_domain::knowledge::{Audience, audience};
use otalusta_domain::policy::{Action, decide};
use otalusta_domain::role::Role;
use std::sync::Arc;
use store::Item;

pub fn router() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/knowledge", get(browse::list).post(editor::create))
        .route("/knowledge/new", get(editor::new_form))
        .route("/knowledge/manage", get(editor::manage))
        .route("/knowledge/{id}", get(item::show))
        .route(
            "/knowledge/{id}/edit",
            get(editor::edit_form).post(editor::save),
        )
        .route("/knowledge/{id}/step", post(editor::step))
        .route("/knowledge/{id}/versions", get(item::versions))
        .route("/knowledge/{id}/diff", get(item::diff))
        .route("/knowledge/{id}/save", post(item::toggle_saved))
        .route(
            "/knowledge/{id}/attachments/{aid}",
            get(attachments::download),
        )
        .route(
            "/knowledge/{id}/attachments/{aid}/remove",
            post(attachments::remove),
        )
        .route("/events/{id}/knowledge", post(from_event::create))
        .route(
            "/newsletter",
            get(newsletter::form).post(newsletter::subscribe),
        )
        .route(
            "/newsletter/confirm",
            get(newsletter::confirm_page).post(newsletter::confirm),
        )
        .route(
            "/newsletter/unsubscribe",
            get(newsletter::unsubscribe_page).post(newsletter::unsubscribe),
        )
        .route(
            "/knowledge/newsletter",
            get(newsletter::compose_form).post(newsletter::send),
        )
        .route("/api/v1/knowledge", get(api::list))
        .route("/api/v1/knowledge/{id}", get(api::show))
}

/// The attachment upload (multipart, the upload routes' body limit).
pub fn upload_router() -> axum::Router<AppState> {
    axum::Router::new().route(
        "/knowledge/{id}/attachments",
        axum::routing::post(attachments::upload),
    )
}

/// The analysed versions kept for search (one per node).
pub fn cache(state: &AppState) -> Arc<search::Cache> {
    state
        .ext
        .get::<Arc<search::Cache>>()
        .cloned()
        .unwrap_or_default()
}

/// Who reads: anonymous, a professional, the network.
pub fn reader(s: Option<&Session>) -> Audience {
    audience(s.map(|s| &s.actor))
}

/// An access-log entry about an item.
pub fn log_event(ctx: &ReqCtx, s: &Session, role: Role, action: &str, id: i64) -> AuditEvent {
    let mut e = audit::event(
        ctx,
        Some(s),
        Some(role),
        action,
        ("knowledge_item", &id.to_string()),
        Outcome::Success,
    );
    e.purpose = "knowledge".into();
    e
}

/// Whether `s` may edit `item` (its owner, the area's coordinator, an
/// administrator).
pub fn may_edit(s: &Session, item: &Item) -> bool {
    decide(&s.actor, &edit_action(item)).is_allowed()
}

pub fn edit_action(item: &Item) -> Action<'_> {
    Action::EditKnowledge {
        owner: otalusta_domain::ids::UserId(item.owner_id),
        area: item.area_code.as_deref(),
    }
}

/// Whether `s` may review (a second expert or coordinator).
pub fn may_review(s: &Session, author: i64) -> bool {
    decide(
        &s.actor,
        &Action::ReviewKnowledge {
            author: otalusta_domain::ids::UserId(author),
        },
    )
    .is_allowed()
}

/// Who a review of `item`'s newest version (by `version_author`) counts
/// as its author: the caller too, when she wrote any version since the
/// published one (a colleague's later save must not let her approve her
/// own text).
pub async fn review_author(
    state: &AppState,
    s: &Session,
    item: &Item,
    version_author: i64,
) -> AppResult<i64> {
    let caller = s.actor.user_id;
    if caller.0 != version_author
        && store::wrote_unpublished(&state.db, item.id, item.published_version, caller).await?
    {
        return Ok(caller.0);
    }
    Ok(version_author)
}

/// Loads an item for someone who works on it (editors and reviewers see
/// drafts); others are refused.
pub async fn load_for_work(state: &AppState, s: &Session, id: i64) -> AppResult<Item> {
    let item = store::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let reviewer = decide(
        &s.actor,
        &Action::ReviewKnowledge {
            author: otalusta_domain::ids::UserId(0),
        },
    )
    .is_allowed();
    if may_edit(s, &item) || reviewer {
        Ok(item)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Today in Helsinki.
pub fn today() -> jiff::civil::Date {
    crate::groups::routes::today()
}
