//! The web plumbing every route shares: state, request context, security
//! headers and the error renderer.

use crate::core::config::Config;
use crate::core::db::Db;
use crate::core::error::{ErrorInfo, FieldErrors};
use crate::core::i18n::{I18n, Lang};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use std::net::SocketAddr;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub i18n: Arc<I18n>,
    /// What capabilities derive from the database and keep per node
    /// (e.g. the groups' calendars), by type: core knows none of them.
    pub ext: Arc<axum::http::Extensions>,
}

/// Facts about the request every layer needs, set first.
#[derive(Clone, Debug)]
pub struct ReqCtx {
    pub lang: Lang,
    /// `?lang=` was given: persist it.
    pub lang_chosen: bool,
    pub client_addr: String,
    pub request_id: String,
    /// Binds the CSRF token of a visitor who is not logged in.
    pub anon_nonce: String,
    pub path: String,
    /// The query string without `lang`, for the language links.
    pub query_without_lang: String,
    pub is_api: bool,
}

/// The JSON API's paths, and FHIR's (`/fhir/r4`, a stable path): API
/// tokens authenticate there, a 401 carries the `WWW-Authenticate`
/// challenge and errors are documents, not pages.
pub fn is_api_path(path: &str) -> bool {
    path == "/api"
        || path.starts_with("/api/")
        || path == "/fhir/r4"
        || path.starts_with("/fhir/r4/")
}

pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

pub fn random_token(bytes: usize) -> String {
    use base64::Engine;
    let mut buf = vec![0u8; bytes];
    rand::fill(&mut buf[..]);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buf)
}

fn query_lang(query: Option<&str>) -> Option<Lang> {
    query?
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == "lang")
        .and_then(|(_, v)| v.parse().ok())
}

/// The client's address as our reverse proxy saw it: the rightmost entry of
/// `X-Forwarded-For`, which the proxy appended. Everything left of it came
/// from the client and can be anything, so trusting it would let one client
/// pass as many (login throttling per address) and write any address into
/// the access log. `None` when the entry is not an address (then the peer's
/// address is used).
fn forwarded_for(headers: &HeaderMap) -> Option<String> {
    let last = headers
        .get_all("x-forwarded-for")
        .iter()
        .next_back()?
        .to_str()
        .ok()?
        .rsplit(',')
        .next()?
        .trim();
    let ip = last
        .parse::<std::net::IpAddr>()
        .or_else(|_| last.parse::<SocketAddr>().map(|a| a.ip()))
        .ok()?;
    Some(ip.to_string())
}

/// Path segments whose next segment is a secret: the personal calendar
/// feed's token (`/calendar/{token}/meetings.ics`) is the feed's only key,
/// a feedback link's (`/feedback/{token}`) the link's.
const SECRET_AFTER: &[&str] = &["calendar", "feedback"];

/// A path as the log may keep it: no query string, and secret segments
/// replaced by `[redacted]`, because logs travel further than the database
/// (log shippers, support tickets) and a feed's token there would let anyone
/// read its owner's meetings. Besides the segments named in [`SECRET_AFTER`],
/// any segment that looks like a random token (20 or more URL-safe base64
/// characters, upper and lower case: our paths are lower case) is redacted,
/// so that a secret link added
/// later is not logged before someone remembers this list.
pub fn loggable_path(path: &str) -> String {
    let path = path.split(['?', '#']).next().unwrap_or("");
    let mut out = Vec::new();
    let mut secret_next = false;
    for segment in path.split('/') {
        let looks_random = segment.len() >= 20
            && segment.bytes().any(|b| b.is_ascii_uppercase())
            && segment.bytes().any(|b| b.is_ascii_lowercase())
            && segment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if (secret_next && !segment.is_empty()) || looks_random {
            out.push("[redacted]");
        } else {
            out.push(segment);
        }
        secret_next = SECRET_AFTER.contains(&segment);
    }
    out.join("/")
}

/// Builds [`ReqCtx`] and sets the language and CSRF cookies it decided on.
pub async fn context_layer(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let headers = req.headers();
    let config = &state.config;
    let chosen = query_lang(req.uri().query());
    let lang = chosen
        .or_else(|| cookie(headers, "lang").and_then(|v| v.parse().ok()))
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default();
    let existing_nonce = cookie(headers, config.csrf_cookie())
        .filter(|v| (20..=64).contains(&v.len()))
        .map(str::to_owned);
    let new_nonce = existing_nonce.is_none().then(|| random_token(18));
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into());
    let client_addr = if config.trust_proxy {
        forwarded_for(headers).unwrap_or(peer)
    } else {
        peer
    };
    let path = req.uri().path().to_owned();
    let query_without_lang = req
        .uri()
        .query()
        .map(|q| {
            q.split('&')
                .filter(|p| !p.is_empty() && p.split('=').next() != Some("lang"))
                .collect::<Vec<_>>()
                .join("&")
        })
        .unwrap_or_default();
    let ctx = ReqCtx {
        query_without_lang,
        lang,
        lang_chosen: chosen.is_some(),
        client_addr,
        request_id: random_token(9),
        anon_nonce: existing_nonce.or(new_nonce.clone()).unwrap_or_default(),
        is_api: is_api_path(&path),
        path,
    };
    let span = tracing::info_span!(
        "request",
        id = %ctx.request_id,
        method = %req.method(),
        path = %loggable_path(&ctx.path),
    );
    req.extensions_mut().insert(ctx.clone());
    let started = std::time::Instant::now();
    let mut res = tracing::Instrument::instrument(next.run(req), span.clone()).await;
    span.in_scope(|| {
        tracing::info!(
            status = res.status().as_u16(),
            ms = started.elapsed().as_millis() as u64,
            "served"
        )
    });
    let secure = if config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    if let Some(l) = chosen {
        let c = format!(
            "lang={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}",
            l.code()
        );
        append_cookie(&mut res, &c);
    }
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if let Some(nonce) = new_nonce
        && is_html
    {
        let c = format!(
            "{}={nonce}; Path=/; HttpOnly; SameSite=Strict{secure}",
            config.csrf_cookie()
        );
        append_cookie(&mut res, &c);
    }
    if let Ok(v) = HeaderValue::from_str(&ctx.request_id) {
        res.headers_mut().insert("x-request-id", v);
    }
    res
}

pub fn append_cookie(res: &mut Response, cookie: &str) {
    if let Ok(v) = HeaderValue::from_str(cookie) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
}

/// Security headers on every response.
pub async fn security_headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let is_static = req.uri().path().starts_with("/static/");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let set = |h: &mut HeaderMap, k: &'static str, v: &'static str| {
        if !h.contains_key(k) {
            h.insert(k, HeaderValue::from_static(v));
        }
    };
    set(
        h,
        "content-security-policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; \
         base-uri 'none'",
    );
    set(h, "x-content-type-options", "nosniff");
    set(h, "x-frame-options", "DENY");
    set(h, "referrer-policy", "same-origin");
    set(h, "cross-origin-opener-policy", "same-origin");
    set(h, "cross-origin-resource-policy", "same-origin");
    set(
        h,
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    );
    if state.config.secure_cookies {
        set(
            h,
            "strict-transport-security",
            "max-age=63072000; includeSubDomains",
        );
    }
    if !is_static {
        set(h, "cache-control", "no-store");
    }
    res
}

/// Refuses cross-site state changes before any handler runs. Forms carry a
/// CSRF token as well (see `forms.rs`); this is the second line, and the only
/// one for cookie-authenticated JSON calls.
pub async fn same_origin_guard(req: Request, next: Next) -> Response {
    let m = req.method();
    let changes_state = !matches!(*m, Method::GET | Method::HEAD | Method::OPTIONS);
    if changes_state && is_cross_site(req.headers()) {
        return crate::core::error::AppError::Csrf.into_response();
    }
    next.run(req).await
}

fn is_cross_site(h: &HeaderMap) -> bool {
    if let Some(site) = h.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && (site == "cross-site" || site == "same-site")
    {
        return true;
    }
    let host = h.get(header::HOST).and_then(|v| v.to_str().ok());
    match (h.get(header::ORIGIN).and_then(|v| v.to_str().ok()), host) {
        (Some("null"), _) => true,
        (Some(origin), Some(host)) => {
            let origin_host = origin
                .split_once("://")
                .map(|(_, rest)| rest)
                .unwrap_or(origin);
            origin_host != host
        }
        _ => false,
    }
}

/// Turns every error response into a localized page or a problem document.
pub async fn render_errors(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let ctx = req.extensions().get::<ReqCtx>().cloned();
    let session = req.extensions().get::<crate::auth::Session>().cloned();
    let wants_json = wants_json(req.headers());
    let res = next.run(req).await;
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let Some(ctx) = ctx else { return res };
    let info = match res.extensions().get::<ErrorInfo>() {
        Some(info) => info.clone(),
        None => {
            // A framework rejection or fallback: give it our shape.
            let ct = res
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            if ct.starts_with("text/html") || ct.contains("json") {
                return res;
            }
            let detail = read_small_body(res).await;
            let mut info = generic_info(status);
            info.detail = detail;
            return finish(&state, &ctx, session.as_ref(), status, info, wants_json);
        }
    };
    if let Some(class) = info.outage {
        state.db.health().mark_down(class);
    }
    drop(res);
    finish_with_retry(&state, &ctx, session.as_ref(), status, info, wants_json)
}

/// Whether the client asked for JSON (and not HTML).
pub fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("json") && !a.contains("text/html"))
}

/// `err` as [`render_errors`] would answer it, for the layers outside it
/// (the session layer, the database gate): never an empty body.
pub fn error_response(
    state: &AppState,
    ctx: &ReqCtx,
    session: Option<&crate::auth::Session>,
    err: crate::core::error::AppError,
    wants_json: bool,
) -> Response {
    let err = err.normalized();
    if let crate::core::error::AppError::Internal(e) = &err {
        tracing::error!(error = format!("{e:#}"), "internal error");
    }
    finish_with_retry(state, ctx, session, err.status(), err.info(), wants_json)
}

fn finish_with_retry(
    state: &AppState,
    ctx: &ReqCtx,
    session: Option<&crate::auth::Session>,
    status: StatusCode,
    info: ErrorInfo,
    wants_json: bool,
) -> Response {
    let retry = info.retry_after_secs;
    let mut out = finish(state, ctx, session, status, info, wants_json);
    if let Some(secs) = retry
        && let Ok(v) = HeaderValue::from_str(&secs.to_string())
    {
        out.headers_mut().insert(header::RETRY_AFTER, v);
    }
    out
}

async fn read_small_body(res: Response) -> Option<String> {
    let bytes = axum::body::to_bytes(res.into_body(), 4096).await.ok()?;
    let s = String::from_utf8_lossy(&bytes).trim().to_owned();
    (!s.is_empty()).then_some(s)
}

fn generic_info(status: StatusCode) -> ErrorInfo {
    let (kind, key) = match status {
        StatusCode::NOT_FOUND => ("not-found", "error-not-found"),
        StatusCode::METHOD_NOT_ALLOWED => ("method-not-allowed", "error-method-not-allowed"),
        StatusCode::PAYLOAD_TOO_LARGE => ("payload-too-large", "error-payload-too-large"),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ("unsupported-media-type", "error-bad-request"),
        StatusCode::UNPROCESSABLE_ENTITY | StatusCode::BAD_REQUEST => {
            ("bad-request", "error-bad-request")
        }
        StatusCode::REQUEST_TIMEOUT => ("timeout", "error-unavailable"),
        s if s.is_server_error() => ("internal", "error-internal"),
        _ => ("bad-request", "error-bad-request"),
    };
    ErrorInfo {
        kind,
        message_key: key,
        fields: FieldErrors::default(),
        retry_after_secs: None,
        detail: None,
        outage: None,
    }
}

fn finish(
    state: &AppState,
    ctx: &ReqCtx,
    session: Option<&crate::auth::Session>,
    status: StatusCode,
    info: ErrorInfo,
    wants_json: bool,
) -> Response {
    if ctx.is_api || wants_json {
        return problem(state, ctx, status, &info);
    }
    if info.kind == "unauthenticated" {
        let next = urlencode(&ctx.path);
        return Redirect::to(&format!("/login?next={next}")).into_response();
    }
    let page = crate::core::page::Page::new(state, ctx, session);
    let view = crate::core::page::ErrorPage {
        message: page.t(info.message_key),
        title: page.t(&format!("status-{}", status.as_u16())),
        status: status.as_u16(),
        page,
    };
    let mut res = crate::core::page::render(&view);
    *res.status_mut() = status;
    res
}

/// RFC 9457 problem details.
fn problem(state: &AppState, ctx: &ReqCtx, status: StatusCode, info: &ErrorInfo) -> Response {
    let en = Lang::En;
    let detail = info
        .detail
        .clone()
        .unwrap_or_else(|| state.i18n.t(en, info.message_key, &[]));
    let errors: Vec<_> = info
        .fields
        .0
        .iter()
        .map(|f| {
            serde_json::json!({
                "field": f.field,
                "code": f.code,
                "message": state.i18n.t(en, &f.code, &[]),
            })
        })
        .collect();
    let mut body = serde_json::json!({
        "type": format!("/api/v1/problems/{}", info.kind),
        "title": status.canonical_reason().unwrap_or("Error"),
        "status": status.as_u16(),
        "detail": detail,
        "instance": ctx.path,
        "request_id": ctx.request_id,
    });
    if !errors.is_empty() {
        body["errors"] = serde_json::Value::Array(errors);
    }
    if let Some(secs) = info.retry_after_secs {
        body["retry_after"] = secs.into();
    }
    let mut res = (status, axum::Json(body)).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    res
}

pub fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)])
        .map(|q| q.trim_start_matches('=').to_owned())
        .unwrap_or_default()
}

/// A file to download: its type, its name (ASCII, no quotes: callers make
/// it), the bytes.
pub fn attachment(content_type: &'static str, filename: String, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// A CSV download for spreadsheet programs: UTF-8 with a byte order mark,
/// `;` between cells (as Finnish Excel expects), every cell a spreadsheet
/// would run as a formula quoted as text.
pub fn csv_attachment(
    filename: String,
    rows: impl IntoIterator<Item = Vec<String>>,
) -> anyhow::Result<Response> {
    use otalusta_domain::experts::import::export_cell;
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    for row in rows {
        w.write_record(row.iter().map(|c| export_cell(c)))?;
    }
    let body = w.into_inner().map_err(|e| anyhow::anyhow!("csv: {e}"))?;
    Ok(attachment("text/csv; charset=utf-8", filename, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cross_site_detection() {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_static("127.0.0.1:8080"));
        assert!(!is_cross_site(&h));
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://127.0.0.1:8080"),
        );
        assert!(!is_cross_site(&h));
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://evil.example"),
        );
        assert!(is_cross_site(&h));
        let mut h2 = HeaderMap::new();
        h2.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(is_cross_site(&h2));
    }

    #[test]
    fn the_proxys_own_entry_of_x_forwarded_for_counts() {
        let h = |values: &[&'static str]| {
            let mut h = HeaderMap::new();
            for v in values {
                h.append("x-forwarded-for", HeaderValue::from_static(v));
            }
            forwarded_for(&h)
        };
        let some = |s: &str| Some(s.to_owned());
        assert_eq!(h(&["203.0.113.7"]), some("203.0.113.7"));
        assert_eq!(h(&["10.9.8.7, 203.0.113.7"]), some("203.0.113.7"));
        assert_eq!(h(&["1.1.1.1,2.2.2.2 ,  203.0.113.7 "]), some("203.0.113.7"));
        assert_eq!(h(&["10.9.8.7", "203.0.113.7"]), some("203.0.113.7"));
        assert_eq!(h(&["2001:db8::1"]), some("2001:db8::1"));
        assert_eq!(h(&["x, 203.0.113.7:4711"]), some("203.0.113.7"));
        assert_eq!(h(&["[2001:db8::1]:443"]), some("2001:db8::1"));
        // Not an address: the caller falls back to the peer.
        assert_eq!(h(&["203.0.113.7, garbage"]), None);
        assert_eq!(h(&["203.0.113.7, "]), None);
        assert_eq!(h(&["unknown"]), None);
        assert_eq!(h(&[]), None);
    }

    #[test]
    fn secret_path_segments_and_queries_are_not_logged() {
        let token = random_token(32);
        assert_eq!(
            loggable_path(&format!("/calendar/{token}/meetings.ics")),
            "/calendar/[redacted]/meetings.ics"
        );
        assert_eq!(
            loggable_path("/calendar/guessed/meetings.ics"),
            "/calendar/[redacted]/meetings.ics",
            "a wrong token too"
        );
        assert_eq!(
            loggable_path("/future/Zq3xY8kP0aB7cD2eF5gH1_-/x"),
            "/future/[redacted]/x",
            "anything that looks like a token"
        );
        assert_eq!(
            loggable_path("/feedback/guessed-lowercase-token-xyz"),
            "/feedback/[redacted]",
            "a feedback link, also one that does not look random"
        );
        assert_eq!(loggable_path("/requests?q=salainen&token=abc"), "/requests");
        for kept in [
            "/",
            "/groups/12/meetings/2027-01-14/agenda",
            "/groups/integrated-institutional-care-1",
            "/calendar",
            "/api/v1/groups/3/meetings",
        ] {
            assert_eq!(loggable_path(kept), kept);
        }
    }

    #[test]
    fn cookies_are_found() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; lang=sv; b=2"),
        );
        assert_eq!(cookie(&h, "lang"), Some("sv"));
        assert_eq!(cookie(&h, "x"), None);
    }
}
