//! The requester's feedback links (palautelinkit): made on the case page
//! after the consultation, shown once with a QR code to print or show on a
//! screen, listed without their secret, revoked while unused.

use super::store::{self, Link, NewLink};
use crate::audit;
use crate::auth::{Ctx, CurrentUser, Session};
use crate::consultations::case::{Kept, case_with_errors};
use crate::consultations::store::Request;
use crate::consultations::workflow::{Work, unchanged};
use crate::consultations::{authorize, log_event};
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::forms::{CsrfForm, Empty};
use crate::core::i18n::Lang;
use crate::core::page::{Page, render};
use crate::core::web::{AppState, random_token};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use otalusta_domain::audit::Outcome;
use otalusta_domain::feedback::{Audience, MAX_LINKS, link_days, may_create_links};
use otalusta_domain::policy::Action;
use otalusta_domain::role::Role;
use serde::Deserialize;

/// One link in the case page's list: what it is for, never its secret.
pub struct LinkRow {
    pub id: i64,
    pub audience: String,
    pub lang: String,
    pub created: String,
    pub expires: String,
    /// `open`, `used` or `expired`.
    pub state_key: &'static str,
    pub state: String,
}

/// The case page's feedback section (the requester's own case only).
pub struct LinksSection {
    /// Links may be made now (after the consultation).
    pub may_create: bool,
    pub rows: Vec<LinkRow>,
    /// (key, name)
    pub audiences: Vec<(String, String)>,
    /// (code, native name)
    pub langs: Vec<(String, String)>,
    pub default_days: i64,
    pub max_days: i64,
}

fn audience_name(page: &Page, a: &str) -> String {
    page.t(&format!("feedback-audience-{a}"))
}

/// The section for `r`'s requester; `None` for anyone else and for a
/// request that never reached a meeting.
pub async fn section(
    state: &AppState,
    s: &Session,
    page: &Page,
    r: &Request,
    role: Role,
) -> AppResult<Option<LinksSection>> {
    if role != Role::Requester || r.requester_id != s.actor.user_id {
        return Ok(None);
    }
    let may_create = may_create_links(r.status);
    let links = store::links_of(&state.db, r.id).await?;
    if !may_create && links.is_empty() {
        return Ok(None);
    }
    let now = jiff::Timestamp::now();
    let rows = links
        .iter()
        .map(|l: &Link| {
            let st = l.state(now);
            LinkRow {
                id: l.id,
                audience: audience_name(page, &l.audience),
                lang: l
                    .lang
                    .parse::<Lang>()
                    .map(|x| x.native_name().to_owned())
                    .unwrap_or_default(),
                created: page.day(&l.created_at),
                expires: page.day(&l.expires_at),
                state_key: st.key(),
                state: page.t(&format!("feedback-link-state-{}", st.key())),
            }
        })
        .collect();
    Ok(Some(LinksSection {
        may_create,
        rows,
        audiences: Audience::ALL
            .iter()
            .map(|a| (a.key().to_owned(), audience_name(page, a.key())))
            .collect(),
        langs: Lang::ALL
            .iter()
            .map(|l| (l.code().to_owned(), l.native_name().to_owned()))
            .collect(),
        default_days: otalusta_domain::feedback::DEFAULT_DAYS,
        max_days: otalusta_domain::feedback::MAX_DAYS,
    }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CreateForm {
    pub audience: String,
    pub lang: String,
    pub days: String,
    pub once: String,
}

/// The page that shows a new link once: its address, a QR code and a card
/// to print in the link's language.
#[derive(Template)]
#[template(path = "feedback/link.html")]
pub struct CreatedView {
    pub page: Page,
    pub request_id: i64,
    pub url: String,
    /// The QR code as inline SVG (generated here, no typed text in it).
    pub qr_svg: String,
    pub audience: String,
    pub expires: String,
    /// The printed card's language and texts.
    pub card_lang: &'static str,
    pub card_title: String,
    pub card_text: String,
    pub card_scan: String,
    pub card_expires: String,
}

/// `POST /requests/{id}/feedback-links`: makes a one-time link.
pub async fn create(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<CreateForm>,
) -> AppResult<Response> {
    let (seen, g, role) = authorize(&state, &s, &ctx, id, "feedback.link.create", |r, _| {
        Action::CreateFeedbackLink {
            requester: r.requester_id,
        }
    })
    .await?;
    let mut errors = FieldErrors::new();
    let audience = form.audience.parse::<Audience>().ok();
    if audience.is_none() {
        errors.add("audience", "field-choose");
    }
    let lang = form.lang.parse::<Lang>().ok();
    if lang.is_none() {
        errors.add("feedback_lang", "field-choose");
    }
    let days = link_days(&form.days).unwrap_or_else(|code| {
        errors.add("days", code);
        0
    });
    if !may_create_links(seen.status) {
        return Err(AppError::Conflict("feedback-link-too-early"));
    }
    if store::links_of(&state.db, seen.id).await?.len() as i64 >= MAX_LINKS {
        errors.add("audience", "feedback-link-limit");
    }
    let (Some(audience), Some(lang), true) = (audience, lang, errors.is_empty()) else {
        let kept = Kept::new(
            "feedback-link",
            vec![
                ("audience".into(), form.audience.clone()),
                ("feedback_lang".into(), form.lang.clone()),
                ("days".into(), form.days.clone()),
            ],
        );
        return case_with_errors(&state, &s, page, &seen, &g, role, errors, kept).await;
    };
    let answer = format!("/requests/{id}?done=feedback-link-replayed#feedback");
    let mut w = Work::begin(&state).await?;
    if w.replayed(s.actor.user_id, &form.once).await?.is_some() {
        // The address was shown once; a resent form makes no second link.
        w.rollback().await?;
        return Ok(Redirect::to(&answer).into_response());
    }
    let r = w.lock_request(seen.id).await?;
    unchanged(&r, &seen)?;
    if !may_create_links(r.status) {
        return Err(AppError::Conflict("feedback-link-too-early"));
    }
    if store::count_links(w.tx(), r.id).await? >= MAX_LINKS {
        return Err(AppError::Conflict("feedback-link-limit"));
    }
    let token = random_token(32);
    let expires_at = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(24 * days);
    store::create_link(
        w.tx(),
        &NewLink {
            request: r.id,
            audience,
            lang: lang.code(),
            token_hash: &store::token_hash(&token),
            created_by: s.actor.user_id,
            expires_at,
        },
    )
    .await?;
    let mut e = log_event(
        &ctx,
        &s,
        Some(role),
        "feedback.link.create",
        r.id,
        Outcome::Success,
    );
    e.purpose = format!("feedback; audience: {}", audience.key());
    audit::store::append(w.tx(), e).await?;
    w.commit(&answer).await?;
    let url = format!(
        "{}/feedback/{token}",
        state.config.base_url.trim_end_matches('/')
    );
    let expires = page.day(&crate::core::db::timestamp(expires_at));
    let card = |key: &str| state.i18n.t(lang, key, &[]);
    let view = CreatedView {
        request_id: id,
        qr_svg: qr_svg(&url)?,
        audience: audience_name(&page, audience.key()),
        card_lang: lang.code(),
        card_title: card(&format!("feedback-card-title-{}", audience.key())),
        card_text: card(&format!("feedback-card-text-{}", audience.key())),
        card_scan: card("feedback-card-scan"),
        card_expires: state.i18n.t(
            lang,
            "feedback-card-expires",
            &[("date", expires.clone().into())],
        ),
        expires,
        url,
        page,
    };
    Ok(render(&view))
}

/// The QR code of `url` as an inline SVG element: black on white with its
/// quiet zone, hidden from screen readers (the address is beside it).
pub fn qr_svg(url: &str) -> AppResult<String> {
    use qrcode::render::svg;
    let code = qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("QR code: {e}")))?;
    let image = code
        .render::<svg::Color<'_>>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build();
    // An inline element: no XML declaration, and a class for the print size.
    let start = image.find("<svg").unwrap_or(0);
    Ok(image[start..].replacen(
        "<svg",
        "<svg class=\"qr\" aria-hidden=\"true\" focusable=\"false\"",
        1,
    ))
}

/// `POST /requests/{id}/feedback-links/{link}/revoke`: removes an unused
/// link (an answered one stays, as used).
pub async fn revoke(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    Path((id, link)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let (seen, _, role) = authorize(&state, &s, &ctx, id, "feedback.link.revoke", |r, _| {
        Action::RevokeFeedbackLink {
            requester: r.requester_id,
        }
    })
    .await?;
    let mut tx = state.db.begin().await?;
    if !store::revoke_link(&mut tx, seen.id, link).await? {
        let exists = store::link_exists(&mut tx, seen.id, link).await?;
        tx.rollback().await?;
        return Err(if exists {
            AppError::Conflict("feedback-link-used")
        } else {
            AppError::NotFound
        });
    }
    audit::store::append(
        &mut tx,
        log_event(
            &ctx,
            &s,
            Some(role),
            "feedback.link.revoke",
            seen.id,
            Outcome::Success,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!(
        "/requests/{id}?done=feedback-link-revoked#feedback"
    ))
    .into_response())
}
