//! `GET /login/oidc/{provider}` sends the browser to the provider;
//! `GET /login/oidc/{provider}/callback` takes it back: the pending login is
//! taken (once), the code exchanged, the ID token checked, the account made
//! or updated from the claims, and the session begun as a password login's.

use super::{Provider, Sso, flow, sso, store as oidc_store};
use crate::audit;
use crate::auth::routes::{NextQuery, safe_next, session_cookie};
use crate::auth::{Ctx, admin, store};
use crate::core::db;
use crate::core::error::{AppError, AppResult};
use crate::core::page::{Page, render};
use crate::core::web::{AppState, ReqCtx, append_cookie, cookie, random_token};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use otalusta_domain::audit::Outcome;
use otalusta_domain::ids::UserId;
use otalusta_domain::role::Role;
use otalusta_domain::sso::{self, Profile};
use serde::Deserialize;

/// How long a login may stay at the provider.
const PENDING_SECS: i64 = 600;
/// Logins in progress at most (all providers, all nodes).
const MAX_PENDING: i64 = 10_000;
/// What an account made by single sign-on has for a password: no password
/// hash, so no password ever matches.
const NO_PASSWORD: &str = "!sso";

fn browser_cookie(state: &AppState) -> &'static str {
    if state.config.secure_cookies {
        "__Host-otalusta_oidc"
    } else {
        "otalusta_oidc"
    }
}

fn set_browser_cookie(state: &AppState, value: &str, max_age: i64) -> String {
    let secure = if state.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    format!(
        "{}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}",
        browser_cookie(state)
    )
}

/// The redirect URI registered at the provider.
pub fn callback_url(state: &AppState, p: &Provider) -> String {
    format!("{}/login/oidc/{}/callback", state.config.base_url, p.id)
}

/// A page about a single sign-on that did not end in a session.
#[derive(Template)]
#[template(path = "oidc_message.html")]
pub struct MessageView {
    pub page: Page,
    pub title: String,
    pub message: String,
    /// The local login form still works: link to it.
    pub local_login: bool,
}

fn message(
    state: &AppState,
    page: Page,
    status: StatusCode,
    title_key: &str,
    message_key: &str,
    provider: &str,
) -> Response {
    let title = page.t(title_key);
    let message = page.ta(message_key, "provider", provider);
    let mut res = render(&MessageView {
        page,
        title,
        message,
        local_login: state.config.local_passwords.any(),
    });
    *res.status_mut() = status;
    res
}

fn event(
    ctx: &ReqCtx,
    p: &Provider,
    outcome: Outcome,
    purpose: String,
) -> otalusta_domain::audit::AuditEvent {
    let mut e = audit::event(ctx, None, None, "login.oidc", ("provider", &p.id), outcome);
    e.purpose = purpose;
    e
}

pub async fn start(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    page: Page,
    Path(id): Path<String>,
    Query(q): Query<NextQuery>,
) -> AppResult<Response> {
    let sso = sso(&state);
    let p = sso.provider(&id).ok_or(AppError::NotFound)?;
    let next = safe_next(q.next.as_deref());
    if page.user.is_some() {
        return Ok(Redirect::to(&next).into_response());
    }
    let begun = match sso.flow.begin(p, &callback_url(&state, p)).await {
        Ok(b) => b,
        Err(e) => return refused(&state, &ctx, page, p, &e).await,
    };
    // Logins begun and not come back are kept ten minutes; a flood of
    // them is refused rather than stored.
    if oidc_store::live_pending(&state.db).await? >= MAX_PENDING {
        let e = flow::FlowError::Unavailable("too many logins in progress".into());
        return refused(&state, &ctx, page, p, &e).await;
    }
    let browser = random_token(32);
    let expires =
        db::timestamp(jiff::Timestamp::now() + jiff::SignedDuration::from_secs(PENDING_SECS));
    oidc_store::insert_pending(
        &state.db,
        &oidc_store::NewPending {
            state_hash: &store::token_hash(&begun.state),
            provider: &p.id,
            browser_hash: &store::token_hash(&browser),
            nonce: &begun.nonce,
            pkce_verifier: &begun.pkce_verifier,
            next_path: &next,
            expires_at: &expires,
        },
    )
    .await?;
    let mut res = Redirect::to(&begun.url).into_response();
    append_cookie(
        &mut res,
        &set_browser_cookie(&state, &browser, PENDING_SECS),
    );
    Ok(res)
}

/// A flow that failed: logged with its reason, and a page naming the provider.
async fn refused(
    state: &AppState,
    ctx: &ReqCtx,
    page: Page,
    p: &Provider,
    e: &flow::FlowError,
) -> AppResult<Response> {
    tracing::warn!(provider = %p.id, reason = e.reason(), detail = e.detail(), "single sign-on refused");
    let outcome = match e {
        flow::FlowError::Unavailable(_) => Outcome::Failure,
        flow::FlowError::Refused { .. } => Outcome::Denied,
    };
    let purpose = match e {
        // The provider's own error code (`access_denied`, …), as a code.
        flow::FlowError::Refused {
            reason: "provider-error",
            detail,
        } if !detail.is_empty() => format!("provider-error: {detail}"),
        _ => e.reason().to_owned(),
    };
    audit::store::record(&state.db, event(ctx, p, outcome, purpose)).await?;
    Ok(match e {
        flow::FlowError::Unavailable(_) => message(
            state,
            page,
            StatusCode::BAD_GATEWAY,
            "sso-unavailable-title",
            "sso-unavailable",
            &p.display_name,
        ),
        flow::FlowError::Refused { .. } => message(
            state,
            page,
            StatusCode::FORBIDDEN,
            "sso-refused-title",
            "sso-refused",
            &p.display_name,
        ),
    })
}

#[derive(Deserialize, Default)]
pub struct CallbackQuery {
    pub code: Option<String>,
    pub state: Option<String>,
    pub error: Option<String>,
}

/// A refusal before the flow's checks (state, browser, provider's error).
async fn refuse(
    state: &AppState,
    ctx: &ReqCtx,
    page: Page,
    p: &Provider,
    reason: &'static str,
) -> AppResult<Response> {
    refused(
        state,
        ctx,
        page,
        p,
        &flow::FlowError::Refused {
            reason,
            detail: String::new(),
        },
    )
    .await
}

pub async fn callback(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    page: Page,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<CallbackQuery>,
) -> AppResult<Response> {
    let sso = sso(&state);
    let p = sso.provider(&id).ok_or(AppError::NotFound)?;
    let Some(state_param) = q.state.as_deref().filter(|s| !s.is_empty()) else {
        return refuse(&state, &ctx, page, p, "state-missing").await;
    };
    // Taken whatever comes next: a state is good for one callback.
    let Some(pending) =
        oidc_store::take_pending(&state.db, &store::token_hash(state_param)).await?
    else {
        return refuse(&state, &ctx, page, p, "state-unknown").await;
    };
    let browser_ok = cookie(&headers, browser_cookie(&state))
        .is_some_and(|b| store::token_hash(b) == pending.browser_hash);
    let fresh =
        db::parse_timestamp(&pending.expires_at).is_some_and(|t| t > jiff::Timestamp::now());
    let reason = if pending.provider != p.id {
        Some("state-provider")
    } else if !browser_ok {
        Some("state-browser")
    } else if !fresh {
        Some("state-expired")
    } else if q.error.is_some() {
        Some("provider-error")
    } else if q.code.as_deref().is_none_or(str::is_empty) {
        Some("code-missing")
    } else {
        None
    };
    if let Some(reason) = reason {
        let detail: String = q
            .error
            .as_deref()
            .filter(|_| reason == "provider-error")
            .unwrap_or("")
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
            .take(40)
            .collect();
        let e = flow::FlowError::Refused { reason, detail };
        let mut res = refused(&state, &ctx, page, p, &e).await?;
        append_cookie(&mut res, &set_browser_cookie(&state, "", 0));
        return Ok(res);
    }
    let code = q.code.unwrap_or_default();
    let verified = match sso
        .flow
        .finish(
            p,
            &callback_url(&state, p),
            &code,
            &pending.nonce,
            &pending.pkce_verifier,
        )
        .await
    {
        Ok(v) => v,
        Err(e) => {
            let mut res = refused(&state, &ctx, page, p, &e).await?;
            append_cookie(&mut res, &set_browser_cookie(&state, "", 0));
            return Ok(res);
        }
    };
    let next = &pending.next_path;
    let mut res = match sign_in(&state, &ctx, page.clone(), &sso, p, &verified, next).await {
        // The same person's first login finished in another tab or node
        // meanwhile: the account is there now, sign in to it.
        Err(e) if is_duplicate(&e) => sign_in(&state, &ctx, page, &sso, p, &verified, next).await?,
        other => other?,
    };
    append_cookie(&mut res, &set_browser_cookie(&state, "", 0));
    Ok(res)
}

/// A unique key refused a row another transaction just wrote.
fn is_duplicate(e: &AppError) -> bool {
    let AppError::Internal(e) = e else {
        return false;
    };
    e.chain().any(|c| {
        matches!(c.downcast_ref::<sqlx::Error>(),
            Some(sqlx::Error::Database(d)) if d.is_unique_violation())
    })
}

/// What the claims say about the person, as the account keeps it.
async fn profile_from(state: &AppState, p: &Provider, claims: &sso::Claims) -> AppResult<Profile> {
    let first = |name: &str| {
        claims
            .get(name)
            .and_then(|v| v.first())
            .map(|s| s.trim().to_owned())
            .unwrap_or_default()
    };
    let mut access = sso::map_access(&p.mappings, &p.default_roles, claims);
    if access.organisation.is_none()
        && let Some(claim) = &p.claims.organisation
    {
        let name = first(claim);
        if !name.is_empty() {
            access.organisation = oidc_store::organisation_named(&state.db, &name).await?;
        }
    }
    // The account's area as the administrator's form would store it.
    access.area = access
        .area
        .as_deref()
        .and_then(admin::user_area)
        .map(str::to_owned);
    let email = first(&p.claims.email);
    let email = if email.contains('@') && email.len() <= 254 && !email.contains(char::is_whitespace)
    {
        email
    } else {
        String::new()
    };
    let display_name: String = first(&p.claims.display_name).chars().take(120).collect();
    Ok(Profile {
        display_name,
        email,
        access,
    })
}

/// A user name for a new account, not yet taken.
async fn new_username(
    state: &AppState,
    p: &Provider,
    claims: &sso::Claims,
    subject: &str,
) -> AppResult<Option<String>> {
    let claimed = claims
        .get(&p.claims.username)
        .and_then(|v| v.first())
        .and_then(|s| sso::username_from(s));
    let hashed = sso::username_from(&format!("{}-{}", p.id, &store::token_hash(subject)[..10]));
    let mut candidates = Vec::new();
    if let Some(c) = claimed {
        let mut with_provider = format!("{c}.{}", p.id);
        with_provider = sso::username_from(&with_provider).unwrap_or(with_provider);
        candidates.push(c);
        candidates.push(with_provider);
    }
    candidates.extend(hashed);
    for c in candidates {
        if admin::valid_username(&c) && !oidc_store::username_taken(&state.db, &c).await? {
            return Ok(Some(c));
        }
    }
    Ok(None)
}

/// The account of a verified person: made at the first login, updated
/// from the claims at later ones; then the session, or the page saying why
/// there is none.
async fn sign_in(
    state: &AppState,
    ctx: &ReqCtx,
    page: Page,
    _sso: &Sso,
    p: &Provider,
    v: &flow::Verified,
    next: &str,
) -> AppResult<Response> {
    let mut after = profile_from(state, p, &v.claims).await?;
    let lock = state.db.locks_rows();
    let mut tx = state.db.begin().await?;
    let link = oidc_store::find_link(&mut tx, &p.id, &v.subject).await?;
    let (user_id, created, pending) = match link {
        Some(link) => {
            let id = UserId(link.user_id);
            store::lock_admins(&mut tx, lock).await?;
            let (area, affiliation, grants) = store::lock_access(&mut tx, id, lock)
                .await?
                .ok_or(AppError::NotFound)?;
            let (name, email, _) = oidc_store::profile_of(&mut tx, id)
                .await?
                .ok_or(AppError::NotFound)?;
            if after.display_name.is_empty() {
                after.display_name = name.clone();
            }
            let before = Profile {
                display_name: name,
                email,
                access: sso::Access {
                    grants,
                    area,
                    organisation: affiliation.organisation_id,
                    county: affiliation.county,
                },
            };
            let changes = sso::changes(&before, &after);
            if !changes.is_empty() {
                oidc_store::set_profile(&mut tx, id, &after.display_name, &after.email).await?;
                store::set_access(
                    &mut tx,
                    id,
                    after.access.area.as_deref(),
                    &store::Affiliation {
                        organisation_id: after.access.organisation,
                        county: after.access.county.clone(),
                    },
                    &after.access.grants,
                )
                .await?;
                if store::enabled_admins(&mut tx).await? == 0 {
                    // The provider would leave nobody to manage accounts.
                    tx.rollback().await?;
                    let e = flow::FlowError::Refused {
                        reason: "last-admin",
                        detail: String::new(),
                    };
                    return refused(state, ctx, page, p, &e).await;
                }
                let mut e = audit::event(
                    ctx,
                    None,
                    None,
                    "user.sso.update",
                    ("user", &id.to_string()),
                    Outcome::Success,
                );
                e.purpose = format!("{}: {}", p.id, changes.join("; "));
                audit::store::append(&mut tx, e).await?;
            }
            (id, false, link.pending != 0)
        }
        None => {
            let Some(username) = new_username(state, p, &v.claims, &v.subject).await? else {
                tx.rollback().await?;
                let e = flow::FlowError::Refused {
                    reason: "username",
                    detail: String::new(),
                };
                return refused(state, ctx, page, p, &e).await;
            };
            if after.display_name.is_empty() {
                after.display_name = username.clone();
            }
            let id = store::insert_user(
                &mut tx,
                &store::NewUser {
                    username: &username,
                    display_name: &after.display_name,
                    email: &after.email,
                    title: "",
                    organisation_id: after.access.organisation,
                    area_code: after.access.area.as_deref(),
                    organiser_code: after.access.county.as_deref(),
                    password_hash: NO_PASSWORD,
                    grants: &after.access.grants,
                    must_change_password: false,
                },
            )
            .await?;
            if p.require_approval {
                oidc_store::hold(&mut tx, id).await?;
            }
            oidc_store::insert_link(&mut tx, &p.id, &v.subject, id, p.require_approval).await?;
            let mut e = audit::event(
                ctx,
                None,
                None,
                "user.sso.create",
                ("user", &id.to_string()),
                Outcome::Success,
            );
            e.actor_name = username;
            e.purpose = format!(
                "{}: roles {}{}",
                p.id,
                dash(&sso::roles_text(&after.access.grants)),
                if p.require_approval {
                    "; waiting for approval"
                } else {
                    ""
                }
            );
            audit::store::append(&mut tx, e).await?;
            (id, true, p.require_approval)
        }
    };
    let user = store::get_user_in(&mut tx, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let disabled = user.disabled != 0;
    oidc_store::touch_link(&mut tx, &p.id, &v.subject, !disabled).await?;
    if disabled {
        let reason = if pending {
            "pending-approval"
        } else {
            "account-disabled"
        };
        let mut e = event(ctx, p, Outcome::Denied, reason.to_owned());
        e.actor_id = Some(user.id);
        e.actor_name = user.username.clone();
        audit::store::append(&mut tx, e).await?;
        tx.commit().await?;
        if created {
            crate::auth::lease::settle(state).await;
        }
        return Ok(if pending {
            let mut res = message(
                state,
                page,
                StatusCode::FORBIDDEN,
                "sso-pending-title",
                "sso-pending",
                &p.display_name,
            );
            *res.status_mut() = StatusCode::FORBIDDEN;
            res
        } else {
            message(
                state,
                page,
                StatusCode::FORBIDDEN,
                "sso-refused-title",
                "sso-disabled",
                &p.display_name,
            )
        });
    }
    let token = random_token(32);
    let expires = db::timestamp(
        jiff::Timestamp::now()
            + jiff::SignedDuration::try_from(state.config.session_max).unwrap_or_default(),
    );
    store::create_session(&mut tx, user_id, &token, &expires).await?;
    oidc_store::attach_to_session(&mut tx, &token, &p.id, &v.id_token).await?;
    let mut e = audit::event(
        ctx,
        None,
        None,
        "login",
        ("user", &user.username),
        Outcome::Success,
    );
    e.actor_id = Some(user.id);
    e.actor_name = user.username.clone();
    e.purpose = format!("oidc {}", p.id);
    audit::store::append(&mut tx, e).await?;
    tx.commit().await?;
    // Roles may have changed: every node reads its sessions again.
    crate::auth::lease::settle(state).await;
    let mut res = Redirect::to(next).into_response();
    append_cookie(&mut res, &session_cookie(state, &token));
    Ok(res)
}

fn dash(s: &str) -> &str {
    if s.is_empty() { "-" } else { s }
}

/// The page after the platform's logout of a session begun at a provider
/// with an `end_session_endpoint`: a link to that endpoint, with the ID
/// token as hint and the platform's front page to come back to. A link,
/// not a redirect: the logout is a form, and the pages' `form-action
/// 'self'` would stop a form's redirect to the provider.
#[derive(Template)]
#[template(path = "oidc_logout.html")]
pub struct LogoutView {
    pub page: Page,
    pub provider: String,
    pub url: String,
}

/// The provider's end-session URL for a session (and the provider's name).
pub async fn logout_url(state: &AppState, token_hash: &str) -> Option<(String, String)> {
    let (provider, id_token) = oidc_store::session_login(&state.db, token_hash)
        .await
        .ok()??;
    let sso = sso(state);
    let p = sso.provider(&provider)?;
    let m = sso.flow.metadata(p).await.ok()?;
    let end = m.additional_metadata().end_session_endpoint.as_ref()?;
    let mut url = end.url().clone();
    url.query_pairs_mut()
        .append_pair("id_token_hint", &id_token)
        .append_pair("client_id", &p.client_id)
        .append_pair(
            "post_logout_redirect_uri",
            &format!("{}/", state.config.base_url),
        );
    Some((url.to_string(), p.display_name.clone()))
}

/// Who may log in with a password under `--local-passwords admins`.
pub fn is_break_glass(grants: &[otalusta_domain::role::Grant]) -> bool {
    grants.iter().any(|g| g.role == Role::Admin)
}
