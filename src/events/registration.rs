//! Registering: a signed-in professional with one click, an outside
//! participant by e-mail (a confirmation link that works once, for
//! [`CONFIRM_VALID`](otalusta_domain::events::CONFIRM_VALID)); cancelling,
//! which moves the waitlist up in the same transaction.

use super::mail::{Kind, tell};
use super::routes::show_view;
use super::store::{self, Confirmed, Outside, Placed, SignedUp, UserRegistered};
use super::{log_event, visible_event};
use crate::audit;
use crate::auth::{Ctx, CurrentUser, Session};
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::forms::{CsrfForm, Empty};
use crate::core::page::{Page, render, render_invalid};
use crate::core::web::AppState;
use askama::Template;
use axum::Extension;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use otalusta_domain::audit::Outcome;
use otalusta_domain::events::plausible_email;
use otalusta_domain::policy::Action;
use serde::Deserialize;

/// A page that tells what a link did, with an optional button.
#[derive(Template)]
#[template(path = "events/message.html")]
pub struct MessageView {
    pub page: Page,
    pub title: String,
    pub message: String,
    /// A form posting to this path (empty: none).
    pub action: String,
    pub button: String,
    pub event_href: String,
    pub event_title: String,
}

fn message(page: Page, status: StatusCode, title: &str, text: String) -> Response {
    let v = MessageView {
        title: page.t(title),
        message: text,
        action: String::new(),
        button: String::new(),
        event_href: "/events".into(),
        event_title: page.t("events-title"),
        page,
    };
    (status, render(&v)).into_response()
}

pub async fn register(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let role = s.require(&Action::RegisterForEvent)?;
    visible_event(&state, Some(&s), id).await?;
    let mut tx = state.db.begin().await?;
    let ev = store::lock(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if ev.registration_state(super::now()).is_err() {
        tx.rollback().await?;
        return Ok(Redirect::to(&format!("/events/{id}?done=events-closed")).into_response());
    }
    let (reg, outcome) = store::register_user(&mut tx, &ev, s.actor.user_id.0).await?;
    audit::store::append(
        &mut tx,
        log_event(
            &ctx,
            Some(&s),
            Some(role),
            "event.register",
            ("event-registration", reg),
            Outcome::Success,
        ),
    )
    .await?;
    tx.commit().await?;
    let done = match outcome {
        UserRegistered::Placed(Placed::Seat) => "events-registered",
        UserRegistered::Placed(Placed::Waitlist) => "events-waitlisted",
        UserRegistered::Already => "events-already",
    };
    Ok(Redirect::to(&format!("/events/{id}?done={done}")).into_response())
}

pub async fn unregister(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let role = s.require(&Action::RegisterForEvent)?;
    visible_event(&state, Some(&s), id).await?;
    let Some(reg) = store::registration_of(&state.db, id, s.actor.user_id.0).await? else {
        return Ok(Redirect::to(&format!("/events/{id}")).into_response());
    };
    let mut tx = state.db.begin().await?;
    cancel_and_promote(&state, &mut tx, reg.id).await?;
    audit::store::append(
        &mut tx,
        log_event(
            &ctx,
            Some(&s),
            Some(role),
            "event.unregister",
            ("event-registration", reg.id),
            Outcome::Success,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/events/{id}?done=events-unregistered")).into_response())
}

/// Cancels registration `reg` and tells whoever moved up.
async fn cancel_and_promote(
    state: &AppState,
    tx: &mut crate::core::db::Tx,
    reg: i64,
) -> AppResult<bool> {
    let Some(moved) = store::cancel_registration(tx, reg).await? else {
        return Ok(false);
    };
    if let Some(first) = moved.first() {
        let ev = store::lock(tx, first.event_id)
            .await?
            .ok_or(AppError::NotFound)?;
        for r in &moved {
            tell(state, tx, r, &ev, Kind::Promoted, None).await?;
        }
    }
    Ok(true)
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct SignupPost {
    pub name: String,
    pub email: String,
    pub organisation: String,
}

/// An outside participant's sign-up: a confirmation link by e-mail. The
/// answer is the same whether or not the address was registered already
/// (that is told by e-mail, to its owner only).
pub async fn sign_up(
    State(state): State<AppState>,
    session: Option<Extension<Session>>,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<SignupPost>,
) -> AppResult<Response> {
    let s = session.as_ref().map(|Extension(s)| s);
    let e = visible_event(&state, s, id).await?;
    let mut errors = FieldErrors::new();
    let name = input.name.trim();
    if name.is_empty() {
        errors.add("name", "field-required");
    } else if name.chars().count() > 200 {
        errors.add("name", "events-error-too-long-text");
    }
    if !plausible_email(&input.email) {
        errors.add("email", "events-error-email");
    }
    if input.organisation.chars().count() > 200 {
        errors.add("organisation", "events-error-too-long-text");
    }
    if !errors.is_empty() {
        let mut v = show_view(&state, s, page, e).await?;
        v.signup = input;
        v.errors = errors;
        return Ok(render_invalid(&v));
    }
    let mut tx = state.db.begin().await?;
    let ev = store::lock(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if ev.registration_state(super::now()).is_err() {
        tx.rollback().await?;
        return Ok(Redirect::to(&format!("/events/{id}?done=events-closed")).into_response());
    }
    let signed = store::sign_up(
        &mut tx,
        &ev,
        &Outside {
            name,
            email: &input.email,
            organisation: &input.organisation,
            locale: page.lang.code(),
        },
    )
    .await?;
    let (reg_id, kind, link) = match &signed {
        SignedUp::Pending { id, token } => (*id, Kind::Confirm, format!("/events/confirm/{token}")),
        SignedUp::Already { id, cancel_token } => {
            (*id, Kind::Already, format!("/events/cancel/{cancel_token}"))
        }
    };
    let reg = store::by_id(&mut tx, reg_id)
        .await?
        .ok_or(AppError::NotFound)?;
    tell(&state, &mut tx, &reg, &ev, kind, Some(&link)).await?;
    audit::store::append(
        &mut tx,
        log_event(
            &ctx,
            s,
            s.and_then(|s| s.actor.primary_role()),
            "event.signup",
            ("event-registration", reg_id),
            Outcome::Success,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/events/{id}?done=events-check-mail")).into_response())
}

/// `GET /events/confirm/{token}`: the event and a button (a link opened
/// by a mail scanner changes nothing).
pub async fn confirm_page(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let Some(reg) = store::by_token(&state.db, &token, false).await? else {
        return Ok(link_gone(page));
    };
    let expired = reg
        .token_expires_at
        .as_deref()
        .and_then(crate::core::db::parse_timestamp)
        .is_none_or(|t| !otalusta_domain::events::link_valid(super::now(), t));
    if reg.status != "pending" {
        return Ok(link_gone(page));
    }
    if expired {
        return Ok(link_expired(page, reg.event_id));
    }
    let ev = store::get(&state.db, reg.event_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let v = MessageView {
        title: page.t("events-confirm-title"),
        message: page.tx(
            "events-confirm-text",
            &[
                ("title", ev.title.clone().into()),
                ("when", super::when(page.lang, &ev).into()),
            ],
        ),
        action: format!("/events/confirm/{token}"),
        button: page.t("events-confirm-button"),
        event_href: format!("/events/{}", ev.id),
        event_title: ev.title.clone(),
        page,
    };
    Ok(render(&v))
}

fn link_gone(page: Page) -> Response {
    let text = page.t("events-link-unknown");
    message(page, StatusCode::GONE, "events-link-title", text)
}

fn link_expired(page: Page, event: i64) -> Response {
    let text = page.ta("events-link-expired", "link", &format!("/events/{event}"));
    message(page, StatusCode::GONE, "events-link-title", text)
}

pub async fn confirm(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    page: Page,
    Path(token): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let outcome = store::confirm(&mut tx, &token, super::now()).await?;
    let (reg, placed, cancel_token) = match outcome {
        Confirmed::Placed {
            reg,
            placed,
            cancel_token,
        } => (reg, placed, cancel_token),
        Confirmed::Unknown => {
            tx.rollback().await?;
            return Ok(link_gone(page));
        }
        Confirmed::Expired => {
            tx.rollback().await?;
            let ev: Option<store::Registration> = store::by_token(&state.db, &token, false).await?;
            return Ok(link_expired(page, ev.map_or(0, |r| r.event_id)));
        }
    };
    let ev = store::lock(&mut tx, reg.event_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let cancel_link = format!("/events/cancel/{cancel_token}");
    let kind = match placed {
        Placed::Seat => Kind::Registered,
        Placed::Waitlist => Kind::Waitlisted,
    };
    tell(&state, &mut tx, &reg, &ev, kind, Some(&cancel_link)).await?;
    audit::store::append(
        &mut tx,
        log_event(
            &ctx,
            None,
            None,
            "event.confirm",
            ("event-registration", reg.id),
            Outcome::Success,
        ),
    )
    .await?;
    tx.commit().await?;
    let text = match placed {
        Placed::Seat => page.ta("events-confirmed-seat", "title", &ev.title),
        Placed::Waitlist => {
            let pos = otalusta_domain::events::waitlist_position(
                reg.id,
                &store::waitlist(&state.db, ev.id).await?,
            )
            .unwrap_or(0);
            page.tx(
                "events-confirmed-waitlist",
                &[
                    ("title", ev.title.clone().into()),
                    ("position", (pos as i64).into()),
                ],
            )
        }
    };
    let v = MessageView {
        title: page.t("events-confirmed-title"),
        message: text,
        action: String::new(),
        button: String::new(),
        event_href: format!("/events/{}", ev.id),
        event_title: ev.title.clone(),
        page,
    };
    Ok(render(&v))
}

/// `GET /events/cancel/{token}`: the outside participant's cancel page.
pub async fn cancel_link_page(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let Some(reg) = store::by_token(&state.db, &token, true).await? else {
        return Ok(link_gone(page));
    };
    let ev = store::get(&state.db, reg.event_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let v = MessageView {
        title: page.t("events-cancel-title"),
        message: page.tx(
            "events-cancel-text",
            &[
                ("title", ev.title.clone().into()),
                ("when", super::when(page.lang, &ev).into()),
            ],
        ),
        action: format!("/events/cancel/{token}"),
        button: page.t("events-cancel-button"),
        event_href: format!("/events/{}", ev.id),
        event_title: ev.title.clone(),
        page,
    };
    Ok(render(&v))
}

pub async fn cancel_link(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    page: Page,
    Path(token): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let Some(reg) = store::by_token(&state.db, &token, true).await? else {
        return Ok(link_gone(page));
    };
    let mut tx = state.db.begin().await?;
    if !cancel_and_promote(&state, &mut tx, reg.id).await? {
        tx.rollback().await?;
        return Ok(link_gone(page));
    }
    audit::store::append(
        &mut tx,
        log_event(
            &ctx,
            None,
            None,
            "event.unregister",
            ("event-registration", reg.id),
            Outcome::Success,
        ),
    )
    .await?;
    tx.commit().await?;
    let text = page.t("events-unregistered-text");
    Ok(message(
        page,
        StatusCode::OK,
        "events-unregistered-title",
        text,
    ))
}
