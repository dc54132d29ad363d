//! Uutiskirje: the newsletter. Anyone subscribes with an e-mail address
//! (double opt-in: nothing is sent before the link in the confirmation
//! e-mail is used, within 48 hours); every newsletter carries a one-click
//! unsubscribe link (RFC 8058), which forgets the address. A coordinator
//! composes one from the public items published since the last newsletter
//! and the coming public events, and sends it.

use super::store;
use crate::audit;
use crate::auth::{Ctx, CurrentUser};
use crate::core::db;
use crate::core::error::{AppError, AppResult, FieldErrors};
use crate::core::forms::CsrfForm;
use crate::core::i18n::Lang;
use crate::core::page::{Page, render, render_invalid};
use crate::core::web::{AppState, random_token};
use crate::events::registration::MessageView;
use crate::events::store::{queue_mail, token_hash};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use hmac::{KeyInit, Mac};
use otalusta_domain::knowledge::{Kind, Visibility};
use otalusta_domain::policy::Action;
use serde::Deserialize;

/// How long a confirmation link works.
const CONFIRM_HOURS: i64 = 48;
/// A new confirmation e-mail to the same address at most this often.
const RESEND_MINUTES: i64 = 10;

#[derive(Template)]
#[template(path = "knowledge/newsletter.html")]
pub struct SubscribeView {
    pub page: Page,
    pub email: String,
    pub lang: String,
    pub errors: FieldErrors,
}

pub async fn form(page: Page) -> AppResult<Response> {
    let lang = page.lang.code().to_owned();
    Ok(render(&SubscribeView {
        page,
        email: String::new(),
        lang,
        errors: FieldErrors::new(),
    }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SubscribePost {
    pub email: String,
    pub lang: String,
}

fn later(hours: i64, minutes: i64) -> String {
    db::timestamp(
        jiff::Timestamp::now()
            + jiff::SignedDuration::from_hours(hours)
            + jiff::SignedDuration::from_mins(minutes),
    )
}

fn message(
    page: Page,
    status: StatusCode,
    title: &str,
    text: String,
    action: String,
    button: &str,
) -> Response {
    let v = MessageView {
        title: page.t(title),
        message: text,
        action,
        button: if button.is_empty() {
            String::new()
        } else {
            page.t(button)
        },
        event_href: "/knowledge".into(),
        event_title: page.t("knowledge-title"),
        page,
    };
    (status, render(&v)).into_response()
}

/// A page that only says `key` (no button).
fn say(page: Page, status: StatusCode, key: &str) -> Response {
    let text = page.t(key);
    message(page, status, "newsletter-title", text, String::new(), "")
}

/// Subscribing: the same answer whether or not the address is known, so
/// the page tells no one who subscribes.
pub async fn subscribe(
    State(state): State<AppState>,
    page: Page,
    CsrfForm(p): CsrfForm<SubscribePost>,
) -> AppResult<Response> {
    let email = p.email.trim().to_lowercase();
    let lang: Lang = p.lang.parse().unwrap_or(page.lang);
    if !otalusta_domain::experts::is_email(&email) || email.len() > 254 {
        let v = SubscribeView {
            email: p.email,
            lang: lang.code().into(),
            errors: FieldErrors::from_pairs(&[("email", "field-email-invalid")]),
            page,
        };
        return Ok(render_invalid(&v));
    }
    let token = random_token(24);
    let mut tx = state.db.begin().await?;
    // Requests never confirmed are forgotten once their link has expired.
    sqlx::query(
        "DELETE FROM newsletter_subscribers WHERE confirmed_at IS NULL AND confirm_expires_at < $1",
    )
    .bind(db::now())
    .execute(&mut *tx)
    .await?;
    let existing: Option<(i64, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT id, confirmed_at, confirm_expires_at FROM newsletter_subscribers WHERE email = $1",
    )
    .bind(&email)
    .fetch_optional(&mut *tx)
    .await?;
    let send = match existing {
        // Subscribed already: nothing to confirm.
        Some((_, Some(_), _)) => false,
        // Asked a moment ago: no second e-mail yet (no mail bombing).
        Some((_, None, Some(expires))) if expires > later(CONFIRM_HOURS, -RESEND_MINUTES) => false,
        Some((id, None, _)) => {
            // Only if no one asked meanwhile (two requests at once: one e-mail).
            sqlx::query(
                "UPDATE newsletter_subscribers SET confirm_hash = $1, confirm_expires_at = $2, lang = $3 \
                 WHERE id = $4 AND confirmed_at IS NULL AND (confirm_expires_at IS NULL OR confirm_expires_at <= $5)",
            )
            .bind(token_hash(&token))
            .bind(later(CONFIRM_HOURS, 0))
            .bind(lang.code())
            .bind(id)
            .bind(later(CONFIRM_HOURS, -RESEND_MINUTES))
            .execute(&mut *tx)
            .await?
            .rows_affected()
                > 0
        }
        None => sqlx::query(
            "INSERT INTO newsletter_subscribers (email, lang, confirm_hash, confirm_expires_at, \
                 unsubscribe_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (email) DO NOTHING",
        )
        .bind(&email)
        .bind(lang.code())
        .bind(token_hash(&token))
        .bind(later(CONFIRM_HOURS, 0))
        .bind(random_token(16))
        .bind(db::now())
        .execute(&mut *tx)
        .await?
        .rows_affected()
            > 0,
    };
    if send {
        let link = format!(
            "{}/newsletter/confirm?token={token}",
            state.config.base_url.trim_end_matches('/')
        );
        let subject = state.i18n.t(lang, "newsletter-confirm-subject", &[]);
        let body = state
            .i18n
            .t(lang, "newsletter-confirm-body", &[("link", link.into())]);
        queue_mail(&mut tx, &email, "newsletter-confirm", &subject, &body).await?;
    }
    tx.commit().await?;
    Ok(message(
        page,
        StatusCode::OK,
        "newsletter-title",
        String::new() + &state.i18n.t(lang, "newsletter-check-mail", &[]),
        String::new(),
        "",
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TokenQuery {
    pub token: String,
    pub id: i64,
}

/// The confirmation link opens a page with a button: a mail scanner that
/// opens links confirms nothing.
pub async fn confirm_page(
    State(state): State<AppState>,
    page: Page,
    Query(q): Query<TokenQuery>,
) -> AppResult<Response> {
    let found: Option<(Option<String>,)> = sqlx::query_as(
        "SELECT confirm_expires_at FROM newsletter_subscribers WHERE confirm_hash = $1 AND confirmed_at IS NULL",
    )
    .bind(token_hash(&q.token))
    .fetch_optional(state.db.pool())
    .await?;
    match found {
        Some((Some(expires),)) if expires > db::now() => Ok(message(
            page,
            StatusCode::OK,
            "newsletter-title",
            String::new(),
            format!(
                "/newsletter/confirm?token={}",
                crate::core::web::urlencode(&q.token)
            ),
            "newsletter-confirm-button",
        )),
        _ => Ok(say(page, StatusCode::GONE, "newsletter-link-gone")),
    }
}

pub async fn confirm(
    State(state): State<AppState>,
    page: Page,
    Query(q): Query<TokenQuery>,
    CsrfForm(_): CsrfForm<crate::core::forms::Empty>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    // Once: the hash is cleared as it is used.
    let done = sqlx::query(
        "UPDATE newsletter_subscribers SET confirmed_at = $1, confirm_hash = NULL, confirm_expires_at = NULL \
         WHERE confirm_hash = $2 AND confirmed_at IS NULL AND confirm_expires_at > $1",
    )
    .bind(db::now())
    .bind(token_hash(&q.token))
    .execute(&mut *tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    if done == 0 {
        return Ok(say(page, StatusCode::GONE, "newsletter-link-gone"));
    }
    Ok(say(page, StatusCode::OK, "newsletter-confirmed"))
}

/// The unsubscribe token of subscriber `id` with nonce `nonce`: keyed, so
/// no table of tokens is kept, and a new subscription gets a new one.
fn unsubscribe_token(state: &AppState, id: i64, nonce: &str) -> String {
    let mut mac = <hmac::Hmac<sha2::Sha256> as KeyInit>::new_from_slice(&state.config.keys.csrf)
        .expect("HMAC takes keys of any length");
    mac.update(format!("newsletter-unsubscribe|{id}|{nonce}").as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

fn unsubscribe_url(state: &AppState, id: i64, nonce: &str) -> String {
    format!(
        "{}/newsletter/unsubscribe?id={id}&token={}",
        state.config.base_url.trim_end_matches('/'),
        unsubscribe_token(state, id, nonce)
    )
}

async fn unsubscriber(state: &AppState, q: &TokenQuery) -> AppResult<Option<i64>> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT unsubscribe_hash FROM newsletter_subscribers WHERE id = $1 AND email IS NOT NULL",
    )
    .bind(q.id)
    .fetch_optional(state.db.pool())
    .await?;
    Ok(row
        .filter(|(nonce,)| {
            crate::core::forms::tokens_match(&unsubscribe_token(state, q.id, nonce), q.token.trim())
        })
        .map(|_| q.id))
}

pub async fn unsubscribe_page(
    State(state): State<AppState>,
    page: Page,
    Query(q): Query<TokenQuery>,
) -> AppResult<Response> {
    if unsubscriber(&state, &q).await?.is_none() {
        return Ok(say(page, StatusCode::OK, "newsletter-unsubscribed"));
    }
    Ok(message(
        page,
        StatusCode::OK,
        "newsletter-title",
        String::new(),
        format!(
            "/newsletter/unsubscribe?id={}&token={}",
            q.id,
            crate::core::web::urlencode(&q.token)
        ),
        "newsletter-unsubscribe-button",
    ))
}

/// Unsubscribing: the page's button, or a mail program's one-click POST
/// (`List-Unsubscribe=One-Click`, no session, no CSRF token: the keyed
/// token is the proof). The address is forgotten.
pub async fn unsubscribe(
    State(state): State<AppState>,
    page: Page,
    Query(q): Query<TokenQuery>,
    _body: axum::body::Bytes,
) -> AppResult<Response> {
    if let Some(id) = unsubscriber(&state, &q).await? {
        let mut tx = state.db.begin().await?;
        // Nothing more goes to the address, and the outbox forgets it too.
        sqlx::query(
            "DELETE FROM event_mails WHERE kind LIKE 'newsletter%' AND sent_at IS NULL \
             AND to_email = (SELECT email FROM newsletter_subscribers WHERE id = $1)",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "UPDATE event_mails SET to_email = '' WHERE kind LIKE 'newsletter%' \
             AND to_email = (SELECT email FROM newsletter_subscribers WHERE id = $1)",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "UPDATE newsletter_subscribers SET email = NULL, confirm_hash = NULL, unsubscribed_at = $1 WHERE id = $2",
        )
        .bind(db::now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
    }
    Ok(say(page, StatusCode::OK, "newsletter-unsubscribed"))
}

/// What a newsletter carries.
pub struct Contents {
    pub items: Vec<store::Listed>,
    pub events: Vec<crate::events::store::Event>,
    pub since: String,
    pub last_issue: i64,
}

async fn contents(state: &AppState) -> AppResult<Contents> {
    let last: Option<(i64, String)> =
        sqlx::query_as("SELECT id, sent_at FROM newsletter_issues ORDER BY id DESC LIMIT 1")
            .fetch_optional(state.db.pool())
            .await?;
    let (last_issue, since) = match last {
        Some((id, at)) => (id, at),
        None => (
            0,
            db::timestamp(jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24 * 30)),
        ),
    };
    let mut items: Vec<store::Listed> = store::published(&state.db, &[Visibility::Public])
        .await?
        .into_iter()
        .filter(|l| {
            l.item
                .published_at
                .as_deref()
                .is_some_and(|p| p > since.as_str())
        })
        .filter(|l| l.item.kind != Kind::Term)
        .collect();
    items.sort_by_key(|l| l.item.kind != Kind::News);
    let now = db::now();
    let horizon = db::timestamp(jiff::Timestamp::now() + jiff::SignedDuration::from_hours(24 * 90));
    let mut events: Vec<_> = crate::events::store::list(&state.db, false)
        .await?
        .into_iter()
        .filter(|e| {
            e.is_public() && !e.is_cancelled() && e.starts_at > now && e.starts_at < horizon
        })
        .collect();
    events.sort_by(|a, b| a.starts_at.cmp(&b.starts_at));
    Ok(Contents {
        items,
        events,
        since,
        last_issue,
    })
}

/// The newsletter's text in `lang`.
fn compose(state: &AppState, lang: Lang, intro: &str, c: &Contents, unsubscribe: &str) -> String {
    let base = state.config.base_url.trim_end_matches('/');
    let t = |k: &str| state.i18n.t(lang, k, &[]);
    let mut out = String::new();
    if !intro.trim().is_empty() {
        out.push_str(intro.trim());
        out.push_str("\n\n");
    }
    if !c.items.is_empty() {
        out.push_str(&format!("{}\n\n", t("newsletter-new-items")));
        for l in &c.items {
            let tx = l.content.texts_in(lang.code());
            out.push_str(&format!(
                "* {}\n  {}\n  {base}/knowledge/{}\n\n",
                tx.title, tx.summary, l.item.id
            ));
        }
    }
    if !c.events.is_empty() {
        out.push_str(&format!("{}\n\n", t("newsletter-coming-events")));
        for e in &c.events {
            out.push_str(&format!(
                "* {}\n  {}\n  {base}/events/{}\n\n",
                e.title,
                crate::events::when(lang, e),
                e.id
            ));
        }
    }
    out.push_str(&format!(
        "--\n{}\n{}\n",
        t("newsletter-national"),
        state.i18n.t(
            lang,
            "newsletter-unsubscribe-line",
            &[("link", unsubscribe.to_owned().into())]
        )
    ));
    out
}

#[derive(Template)]
#[template(path = "knowledge/newsletter_compose.html")]
pub struct ComposeView {
    pub page: Page,
    pub subject: String,
    pub intro: String,
    pub preview: String,
    pub subscribers: i64,
    pub last_issue: i64,
    pub empty: bool,
    pub errors: FieldErrors,
}

async fn subscribers(state: &AppState) -> AppResult<i64> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM newsletter_subscribers WHERE confirmed_at IS NOT NULL AND email IS NOT NULL",
    )
    .fetch_one(state.db.pool())
    .await?;
    Ok(n)
}

pub async fn compose_form(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    page: Page,
) -> AppResult<Response> {
    s.require(&Action::ManageNewsletter)?;
    let c = contents(&state).await?;
    let subject = page.ta(
        "newsletter-default-subject",
        "day",
        &page.date(&super::today()),
    );
    let preview = compose(&state, page.lang, "", &c, "…");
    Ok(render(&ComposeView {
        subject,
        intro: String::new(),
        preview,
        subscribers: subscribers(&state).await?,
        last_issue: c.last_issue,
        empty: c.items.is_empty() && c.events.is_empty(),
        errors: FieldErrors::new(),
        page,
    }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ComposePost {
    pub subject: String,
    pub intro: String,
    pub last_issue: i64,
}

pub async fn send(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Ctx(ctx): Ctx,
    page: Page,
    CsrfForm(p): CsrfForm<ComposePost>,
) -> AppResult<Response> {
    let role = s.require(&Action::ManageNewsletter)?;
    let c = contents(&state).await?;
    let mut errors = FieldErrors::new();
    let subject = p.subject.trim();
    if subject.is_empty() || subject.chars().count() > 200 || subject.contains(['\r', '\n']) {
        errors.add("subject", "field-required");
    }
    if p.intro.chars().count() > 5_000 {
        errors.add("intro", "field-too-long");
    }
    if c.items.is_empty() && c.events.is_empty() && p.intro.trim().is_empty() {
        errors.add("intro", "newsletter-nothing-to-send");
    }
    if !errors.is_empty() {
        let preview = compose(&state, page.lang, &p.intro, &c, "…");
        let v = ComposeView {
            subject: p.subject.clone(),
            intro: p.intro.clone(),
            preview,
            subscribers: subscribers(&state).await?,
            last_issue: c.last_issue,
            empty: c.items.is_empty() && c.events.is_empty(),
            errors,
            page,
        };
        return Ok(render_invalid(&v));
    }
    let mut tx = state.db.begin().await?;
    // Two coordinators sending from one page: the second is refused.
    let (last,): (Option<i64>,) = sqlx::query_as("SELECT MAX(id) FROM newsletter_issues")
        .fetch_one(&mut *tx)
        .await?;
    if last.unwrap_or(0) != p.last_issue {
        tx.rollback().await?;
        return Err(AppError::Conflict("newsletter-sent-already"));
    }
    let to: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT id, email, lang, unsubscribe_hash FROM newsletter_subscribers \
         WHERE confirmed_at IS NOT NULL AND email IS NOT NULL ORDER BY id",
    )
    .fetch_all(&mut *tx)
    .await?;
    let items: Vec<i64> = c.items.iter().map(|l| l.item.id).collect();
    let events: Vec<i64> = c.events.iter().map(|e| e.id).collect();
    let stored: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO newsletter_issues (subject, intro, items, events, recipients, sent_by, sent_at, follows) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (follows) DO NOTHING RETURNING id",
    )
    .bind(subject)
    .bind(p.intro.trim())
    .bind(serde_json::to_string(&items).map_err(anyhow::Error::from)?)
    .bind(serde_json::to_string(&events).map_err(anyhow::Error::from)?)
    .bind(to.len() as i64)
    .bind(s.actor.user_id.0)
    .bind(db::now())
    .bind(p.last_issue)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((issue,)) = stored else {
        // A colleague's send of the same page got there first.
        tx.rollback().await?;
        return Err(AppError::Conflict("newsletter-sent-already"));
    };
    for (id, email, lang, nonce) in &to {
        let lang: Lang = lang.parse().unwrap_or_default();
        let url = unsubscribe_url(&state, *id, nonce);
        let body = compose(&state, lang, &p.intro, &c, &url);
        sqlx::query(
            "INSERT INTO event_mails (to_email, kind, subject, body, created_at, list_unsubscribe) \
             VALUES ($1, 'newsletter', $2, $3, $4, $5)",
        )
        .bind(email)
        .bind(subject)
        .bind(&body)
        .bind(db::now())
        .bind(&url)
        .execute(&mut *tx)
        .await?;
    }
    let mut e = audit::event(
        &ctx,
        Some(&s),
        Some(role),
        "newsletter.send",
        ("newsletter", &issue.to_string()),
        otalusta_domain::audit::Outcome::Success,
    );
    e.purpose = format!("{} recipients", to.len());
    audit::store::append(&mut tx, e).await?;
    tx.commit().await?;
    Ok(Redirect::to("/knowledge/newsletter?done=newsletter-sent").into_response())
}
