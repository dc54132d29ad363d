//! Konsultaatiot: the consultation workflow — a professional's request with
//! its pre-information form, the secretary's triage, the meeting's agenda,
//! the group's recommendations and the follow-up.
//!
//! Every read or change of a request is case data: it goes through
//! [`authorize`], which asks the policy and writes the access log, refused
//! attempts included.

pub mod after;
pub mod agenda;
pub mod api;
pub mod attachments;
pub mod case;
pub mod formedit;
pub mod minutes;
pub mod own;
pub mod requests;
pub mod rescheduling;
pub mod store;
pub mod triage;
pub mod views;
pub mod workflow;

use crate::audit;
use crate::auth::Session;
use crate::core::error::{AppError, AppResult};
use crate::core::web::{AppState, ReqCtx};
use crate::groups::store::Group;
use otalusta_domain::audit::Outcome;
use otalusta_domain::consultations::Status;
use otalusta_domain::ids::RequestId;
use otalusta_domain::policy::{Action, Decision, decide};
use otalusta_domain::role::Role;
use store::Request;

pub fn router() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/requests", get(requests::list).post(requests::create))
        .route("/requests/new", get(requests::new_form))
        .route("/requests/{id}", get(case::show).post(requests::save))
        .route("/requests/{id}/edit", get(requests::edit_form))
        .route(
            "/requests/{id}/withdraw",
            get(requests::withdraw_form).post(requests::withdraw),
        )
        .route("/requests/{id}/messages", post(case::message))
        .route("/requests/{id}/identity", post(case::identity))
        .route(
            "/requests/{id}/attachments/{aid}",
            get(attachments::download),
        )
        .route(
            "/requests/{id}/attachments/{aid}/delete",
            post(attachments::delete_attachment),
        )
        .route("/requests/{id}/confirm", post(after::confirm))
        .route("/requests/{id}/follow-up", post(after::follow_up))
        .route("/requests/{id}/accept", post(triage::accept))
        .route("/requests/{id}/ask", post(triage::ask))
        .route("/requests/{id}/redirect", post(triage::redirect))
        .route("/requests/{id}/decline", post(triage::decline))
        .route("/requests/{id}/outcome", post(triage::outcome))
        .route("/requests/{id}/not-discussed", post(triage::not_discussed))
        .route("/groups/{id}/queue", get(triage::queue))
        .route("/groups/{id}/meetings/{date}/agenda", get(agenda::show))
        .route("/groups/{id}/meetings/{date}/minutes", get(minutes::show))
        .route(
            "/groups/{id}/meetings/{date}/minutes.pdf",
            get(minutes::pdf),
        )
        .route(
            "/groups/{id}/meetings/{date}/agenda/move",
            post(agenda::move_case),
        )
        .route(
            "/groups/{id}/meetings/{date}/attendance",
            post(agenda::attendance),
        )
        .route("/groups/{id}/form", get(formedit::show))
        .route("/groups/{id}/form/items", post(formedit::save_item))
        .route(
            "/groups/{id}/form/items/{key}/{op}",
            post(formedit::item_op),
        )
        .route("/api/v1/requests", get(api::list))
        .route("/api/v1/requests/{id}", get(api::get))
}

/// Attachment uploads, with their own body limit.
pub fn upload_router() -> axum::Router<AppState> {
    use axum::routing::post;
    axum::Router::new().route("/requests/{id}/attachments", post(attachments::upload))
}

/// The requester as an agenda or the minutes name her: "name, title".
pub async fn requester_name(state: &AppState, r: &Request) -> AppResult<String> {
    Ok(crate::auth::store::get_user(&state.db, r.requester_id)
        .await?
        .map(|u| {
            if u.title.is_empty() {
                u.display_name
            } else {
                format!("{}, {}", u.display_name, u.title)
            }
        })
        .unwrap_or_default())
}

/// Whether a request is on its group's agenda (which members then see).
pub fn on_agenda(r: &Request) -> bool {
    r.meeting_date.is_some()
        && matches!(
            r.status,
            Status::Accepted | Status::Discussed | Status::FollowUp | Status::Closed
        )
}

/// The facts the policy needs about a request. A draft is its writer's
/// alone: nobody else has been sent it; so is a draft withdrawn before it
/// was ever sent.
pub fn view_action<'a>(r: &Request, g: &'a Group) -> Action<'a> {
    if !r.was_sent() {
        return Action::EditRequest {
            requester: r.requester_id,
        };
    }
    Action::ViewRequest {
        requester: r.requester_id,
        group: r.group_id,
        area: &g.details.area,
        on_agenda: on_agenda(r),
    }
}

pub fn log_event(
    ctx: &ReqCtx,
    s: &Session,
    role: Option<Role>,
    action: &str,
    id: RequestId,
    outcome: Outcome,
) -> otalusta_domain::audit::AuditEvent {
    let mut e = audit::event(
        ctx,
        Some(s),
        role,
        action,
        ("request", &id.to_string()),
        outcome,
    );
    e.purpose = "consultation".into();
    e
}

/// Logs a view that showed several cases at once (a list, a queue, an
/// agenda): one entry per case under `action`, so the auditor's per-case
/// filter finds who saw it, naming the view in the purpose, and one entry
/// for the view itself; all in one transaction.
pub async fn log_cases(
    state: &AppState,
    s: &Session,
    ctx: &ReqCtx,
    role: Option<Role>,
    action: &str,
    cases: &[RequestId],
    view: (&str, &str),
) -> AppResult<()> {
    let mut events: Vec<_> = cases
        .iter()
        .map(|id| {
            let mut e = log_event(ctx, s, role, action, *id, Outcome::Success);
            e.purpose = format!("consultation; {} {}", view.0, view.1);
            e
        })
        .collect();
    events.push(audit::event(
        ctx,
        Some(s),
        role,
        action,
        view,
        Outcome::Success,
    ));
    let mut tx = state.db.begin().await?;
    audit::store::append_all(&mut tx, events).await?;
    tx.commit().await?;
    Ok(())
}

/// Loads a request and checks `action` on it; every attempt, allowed or
/// not (an unknown id too), is written to the access log as `log_as`.
pub async fn authorize(
    state: &AppState,
    s: &Session,
    ctx: &ReqCtx,
    id: i64,
    log_as: &str,
    action: impl for<'a> Fn(&Request, &'a Group) -> Action<'a>,
) -> AppResult<(Request, Group, Role)> {
    let rid = RequestId(id);
    let found = match store::get(&state.db, rid).await? {
        Some(r) => crate::groups::store::get_any(&state.db, r.group_id)
            .await?
            .map(|g| (r, g)),
        None => None,
    };
    let Some((r, g)) = found else {
        audit::store::record(
            &state.db,
            log_event(
                ctx,
                s,
                s.actor.primary_role(),
                log_as,
                rid,
                Outcome::Failure,
            ),
        )
        .await?;
        return Err(AppError::NotFound);
    };
    // A request never sent is its writer's alone, whatever the action (an
    // identity code, a message, a triage): to anyone else it is not there.
    let unsent = !r.was_sent() && r.requester_id != s.actor.user_id;
    let decision = if unsent {
        Decision::Deny
    } else {
        decide(&s.actor, &action(&r, &g))
    };
    match decision {
        Decision::Allow(role) => Ok((r, g, role)),
        Decision::Deny => {
            audit::store::record(
                &state.db,
                log_event(ctx, s, s.actor.primary_role(), log_as, rid, Outcome::Denied),
            )
            .await?;
            Err(if unsent {
                AppError::NotFound
            } else {
                AppError::Forbidden
            })
        }
    }
}
