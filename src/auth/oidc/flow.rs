//! The OpenID Connect exchanges with a provider: discovery (cached), the
//! authorization request (code flow, PKCE S256, state, nonce), the code
//! exchange and the ID token's checks. No database here.

use super::config::Provider;
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreIdTokenVerifier};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce, OAuth2TokenResponse,
    PkceCodeChallenge, PkceCodeVerifier, ProviderMetadataWithLogout, RedirectUrl, Scope,
    TokenResponse,
};
use otalusta_domain::sso::Claims;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a provider's discovery document (and its signing keys) is
/// used before it is fetched again.
const DISCOVERY_TTL: Duration = Duration::from_secs(600);
/// A signature our keys do not verify reads the provider's keys again,
/// unless another did this recently.
const KEYS_AGAIN_AFTER: Duration = Duration::from_secs(10);
/// Every request to a provider ends within this.
const HTTP_TIMEOUT: Duration = Duration::from_secs(10);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Largest answer read from a provider.
const MAX_BODY: usize = 1024 * 1024;

pub type Metadata = ProviderMetadataWithLogout;

/// Why a login at a provider failed.
#[derive(Debug)]
pub enum FlowError {
    /// The provider could not be reached or answered nonsense (its
    /// discovery, keys or token endpoint): it is down for us.
    Unavailable(String),
    /// The provider answered, and the answer is refused: `reason` is the
    /// access log's and the page's short name (`audience`, `expired`,
    /// `signature`, `nonce`, `issuer`, `algorithm`, `token-exchange`, ...).
    Refused {
        reason: &'static str,
        detail: String,
    },
}

impl FlowError {
    pub fn reason(&self) -> &'static str {
        match self {
            FlowError::Unavailable(_) => "provider-unavailable",
            FlowError::Refused { reason, .. } => reason,
        }
    }

    pub fn detail(&self) -> &str {
        match self {
            FlowError::Unavailable(d) => d,
            FlowError::Refused { detail, .. } => detail,
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct HttpError(String);

type Connector = hyper_rustls::HttpsConnector<hyper_util::client::legacy::connect::HttpConnector>;

/// openidconnect's HTTP client: hyper's, over rustls (ring, the webpki
/// roots, as lettre has them). It never follows a redirect (a provider's
/// answer cannot send us elsewhere: no server-side request forgery through
/// one), every request ends within [`HTTP_TIMEOUT`], answers are read up to
/// [`MAX_BODY`], and no proxy is taken from the environment.
pub struct Http(
    hyper_util::client::legacy::Client<Connector, http_body_util::Full<hyper::body::Bytes>>,
);

impl Http {
    pub fn new() -> anyhow::Result<Http> {
        let mut roots = rustls::RootCertStore::empty();
        roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_no_client_auth();
        let mut http = hyper_util::client::legacy::connect::HttpConnector::new();
        http.enforce_http(false);
        http.set_connect_timeout(Some(CONNECT_TIMEOUT));
        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_or_http()
            .enable_http1()
            .wrap_connector(http);
        let client =
            hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
                .build(connector);
        Ok(Http(client))
    }

    /// One request, within the time-out and the size limit.
    async fn send(
        &self,
        req: openidconnect::HttpRequest,
    ) -> Result<openidconnect::HttpResponse, HttpError> {
        use http_body_util::BodyExt;
        if !secure_enough(req.uri()) {
            // Discovery may name any endpoint: keys, tokens and user
            // information travel over TLS, as the issuer itself must.
            return Err(HttpError(format!(
                "the provider named a plain-http endpoint: {}",
                req.uri().host().unwrap_or("")
            )));
        }
        let (parts, body) = req.into_parts();
        let req = hyper::Request::from_parts(parts, http_body_util::Full::new(body.into()));
        let work = async {
            let res = self
                .0
                .request(req)
                .await
                .map_err(|e| HttpError(error_chain(&e)))?;
            let (parts, body) = res.into_parts();
            let body = http_body_util::Limited::new(body, MAX_BODY)
                .collect()
                .await
                .map_err(|e| HttpError(format!("the provider's answer: {e}")))?
                .to_bytes();
            Ok(hyper::Response::from_parts(parts, body.to_vec()))
        };
        tokio::time::timeout(HTTP_TIMEOUT, work)
            .await
            .map_err(|_| HttpError("the provider did not answer in time".into()))?
    }
}

/// https, or plain http only to this machine (the tests' provider).
fn secure_enough(uri: &hyper::Uri) -> bool {
    match uri.scheme_str() {
        Some("https") => true,
        Some("http") => matches!(
            uri.host(),
            Some("127.0.0.1" | "localhost" | "[::1]" | "::1")
        ),
        _ => false,
    }
}

impl<'c> openidconnect::AsyncHttpClient<'c> for Http {
    type Error = HttpError;
    type Future = std::pin::Pin<
        Box<
            dyn std::future::Future<Output = Result<openidconnect::HttpResponse, HttpError>>
                + Send
                + 'c,
        >,
    >;

    fn call(&'c self, request: openidconnect::HttpRequest) -> Self::Future {
        Box::pin(self.send(request))
    }
}

/// A provider's client as made from its discovery document.
type Client = CoreClient<
    openidconnect::EndpointSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointMaybeSet,
    openidconnect::EndpointMaybeSet,
>;

/// The providers and their cached discovery documents.
pub struct Flow {
    http: Http,
    cache: Mutex<HashMap<String, (Instant, Arc<Metadata>)>>,
    /// When a failed signature check last read each provider's keys again.
    /// Held while reading them: one reading at a time.
    read_again: tokio::sync::Mutex<HashMap<String, Instant>>,
}

/// A login begun: where to send the browser, and what to keep.
pub struct Begun {
    pub url: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

/// A verified ID token.
pub struct Verified {
    pub subject: String,
    pub claims: Claims,
    /// The ID token as received, for the logout at the provider.
    pub id_token: String,
}

impl Flow {
    pub fn new() -> anyhow::Result<Flow> {
        Ok(Flow {
            http: Http::new()?,
            cache: Mutex::new(HashMap::new()),
            read_again: tokio::sync::Mutex::new(HashMap::new()),
        })
    }

    /// The provider's discovery document, fetched at most every
    /// [`DISCOVERY_TTL`]; a failure is not cached.
    pub async fn metadata(&self, p: &Provider) -> Result<Arc<Metadata>, FlowError> {
        if let Some((at, m)) = self.cache.lock().expect("cache").get(&p.id)
            && at.elapsed() < DISCOVERY_TTL
        {
            return Ok(m.clone());
        }
        self.fetch(p).await
    }

    /// Reads the provider's document (and keys) and keeps it.
    async fn fetch(&self, p: &Provider) -> Result<Arc<Metadata>, FlowError> {
        let issuer =
            IssuerUrl::new(p.issuer.clone()).map_err(|e| FlowError::Unavailable(e.to_string()))?;
        let m = Metadata::discover_async(issuer, &self.http)
            .await
            .map_err(|e| FlowError::Unavailable(error_chain(&e)))?;
        let m = Arc::new(m);
        self.cache
            .lock()
            .expect("cache")
            .insert(p.id.clone(), (Instant::now(), m.clone()));
        Ok(m)
    }

    /// The provider's document and keys read again after `used` failed to
    /// check a signature (the provider may have rotated its keys): another
    /// login's newer copy when there is one (logins that fail at once wait
    /// for one reading); `None` when a failed check read them within
    /// [`KEYS_AGAIN_AFTER`] (so a run of bad tokens cannot make us fetch on
    /// each), or the reading failed (the token stays refused for its
    /// signature, not for the provider).
    async fn keys_again(&self, p: &Provider, used: &Arc<Metadata>) -> Option<Arc<Metadata>> {
        let mut again = self.read_again.lock().await;
        let newer = self
            .cache
            .lock()
            .expect("cache")
            .get(&p.id)
            .filter(|(_, m)| !Arc::ptr_eq(m, used))
            .map(|(_, m)| m.clone());
        if newer.is_some() {
            return newer;
        }
        if again
            .get(&p.id)
            .is_some_and(|at| at.elapsed() < KEYS_AGAIN_AFTER)
        {
            return None;
        }
        again.insert(p.id.clone(), Instant::now());
        match self.fetch(p).await {
            Ok(m) => Some(m),
            Err(e) => {
                tracing::warn!(provider = %p.id, error = %e.detail(), "reading a provider's keys again failed");
                None
            }
        }
    }

    fn client(p: &Provider, m: &Metadata, redirect: &str) -> Result<Client, FlowError> {
        let redirect = RedirectUrl::new(redirect.to_owned())
            .map_err(|e| FlowError::Unavailable(e.to_string()))?;
        Ok(CoreClient::from_provider_metadata(
            m.clone(),
            ClientId::new(p.client_id.clone()),
            Some(ClientSecret::new(p.client_secret.clone())),
        )
        .set_redirect_uri(redirect))
    }

    /// The authorization request: code flow with PKCE (S256), a fresh
    /// state and nonce.
    pub async fn begin(&self, p: &Provider, redirect: &str) -> Result<Begun, FlowError> {
        let m = self.metadata(p).await?;
        let client = Self::client(p, &m, redirect)?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut req = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .set_pkce_challenge(challenge);
        for s in p.scopes.iter().filter(|s| *s != "openid") {
            req = req.add_scope(Scope::new(s.clone()));
        }
        let (url, state, nonce) = req.url();
        Ok(Begun {
            url: url.to_string(),
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
        })
    }

    /// Exchanges the code (with the PKCE verifier) and checks the ID
    /// token: signature with the provider's keys and a pinned algorithm,
    /// issuer, audience (this client only), expiry (with the clock-skew
    /// limit) and nonce.
    pub async fn finish(
        &self,
        p: &Provider,
        redirect: &str,
        code: &str,
        nonce: &str,
        pkce_verifier: &str,
    ) -> Result<Verified, FlowError> {
        let m = self.metadata(p).await?;
        let client = Self::client(p, &m, redirect)?;
        let token = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|e| FlowError::Unavailable(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier.to_owned()))
            .request_async(&self.http)
            .await
            .map_err(|e| match e {
                openidconnect::RequestTokenError::Request(e) => {
                    FlowError::Unavailable(error_chain(&e))
                }
                other => FlowError::Refused {
                    reason: "token-exchange",
                    detail: error_chain(&other),
                },
            })?;
        let _ = token.access_token();
        let id_token = token.id_token().ok_or(FlowError::Refused {
            reason: "id-token-missing",
            detail: "the token response has no ID token".into(),
        })?;
        let skew = p.clock_skew;
        let nonce = Nonce::new(nonce.to_owned());
        let check = |client: &Client| {
            let verifier: CoreIdTokenVerifier<'_> = client
                .id_token_verifier()
                .set_allowed_algs(p.algorithms.clone())
                .set_time_fn(move || {
                    chrono_now() - chrono::Duration::from_std(skew).unwrap_or_default()
                });
            id_token
                .claims(&verifier, &nonce)
                .map(|c| c.subject().as_str().to_owned())
        };
        let subject = match check(&client) {
            Ok(s) => s,
            // Signed with a key we do not hold (or no longer match): read
            // the provider's keys again and check once more, so a key
            // rotation costs no login.
            Err(e) if key_unknown(&e) => match self.keys_again(p, &m).await {
                Some(m) => check(&Self::client(p, &m, redirect)?).map_err(refusal)?,
                None => return Err(refusal(e)),
            },
            Err(e) => return Err(refusal(e)),
        };
        let raw = id_token.to_string();
        Ok(Verified {
            subject,
            claims: payload_claims(&raw).ok_or(FlowError::Refused {
                reason: "claims",
                detail: "the ID token's claims could not be read".into(),
            })?,
            id_token: raw,
        })
    }
}

impl Flow {
    /// The `sub` the provider's userinfo endpoint gives for an access
    /// token; `None` when it refuses the token (or has no endpoint).
    pub async fn userinfo_subject(
        &self,
        p: &Provider,
        token: &str,
    ) -> Result<Option<String>, FlowError> {
        let m = self.metadata(p).await?;
        let Some(url) = m.userinfo_endpoint() else {
            return Ok(None);
        };
        let req = openidconnect::http::Request::builder()
            .method("GET")
            .uri(url.as_str())
            .header("authorization", format!("Bearer {token}"))
            .header("accept", "application/json")
            .body(Vec::new())
            .map_err(|e| FlowError::Unavailable(e.to_string()))?;
        let res = self
            .http
            .send(req)
            .await
            .map_err(|e| FlowError::Unavailable(e.0))?;
        if !res.status().is_success() {
            return Ok(None);
        }
        let value: serde_json::Value = match serde_json::from_slice(res.body()) {
            Ok(v) => v,
            Err(_) => return Ok(None),
        };
        Ok(value.get("sub").and_then(|s| s.as_str()).map(str::to_owned))
    }
}

fn chrono_now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

/// Whether the ID token's signature failed in a way new keys could mend:
/// no key of ours has its key id, or the key of that id does not verify it
/// (a provider that reused an id). A refused algorithm is not.
fn key_unknown(e: &openidconnect::ClaimsVerificationError) -> bool {
    use openidconnect::ClaimsVerificationError as C;
    use openidconnect::SignatureVerificationError as S;
    matches!(
        e,
        C::SignatureVerification(S::NoMatchingKey | S::AmbiguousKeyId(_) | S::CryptoError(_))
    )
}

fn refusal(e: openidconnect::ClaimsVerificationError) -> FlowError {
    use openidconnect::ClaimsVerificationError as C;
    use openidconnect::SignatureVerificationError as S;
    let reason = match &e {
        C::Expired(_) => "expired",
        C::InvalidAudience(_) => "audience",
        C::InvalidIssuer(_) => "issuer",
        C::InvalidNonce(_) => "nonce",
        C::SignatureVerification(S::DisallowedAlg(_) | S::UnsupportedAlg(_)) => "algorithm",
        C::SignatureVerification(_) => "signature",
        _ => "id-token",
    };
    FlowError::Refused {
        reason,
        detail: error_chain(&e),
    }
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(inner) = src {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        src = inner.source();
    }
    s
}

/// The claims of a JWT whose signature was checked, as strings.
fn payload_claims(jwt: &str) -> Option<Claims> {
    use base64::Engine;
    let payload = jwt.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    let value: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(&bytes).ok()?;
    Some(json_claims(&value))
}

/// A JSON object's members as claim values.
pub fn json_claims(value: &serde_json::Map<String, serde_json::Value>) -> Claims {
    use serde_json::Value;
    let text = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    };
    value
        .iter()
        .map(|(k, v)| {
            let vs = match v {
                Value::Array(items) => items.iter().filter_map(text).collect(),
                other => text(other).into_iter().collect(),
            };
            (k.clone(), vs)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_tls_or_this_machine() {
        let ok = |u: &str| secure_enough(&u.parse().unwrap());
        assert!(ok("https://login.example.fi/keys"));
        assert!(ok("http://127.0.0.1:4000/jwks"));
        assert!(ok("http://localhost/jwks"));
        assert!(!ok("http://login.example.fi/keys"));
        assert!(!ok("http://127.0.0.1.example.fi/keys"));
        assert!(!ok("ftp://login.example.fi/keys"));
    }

    #[tokio::test]
    async fn a_plain_http_endpoint_is_refused_before_any_connection() {
        let http = Http::new().unwrap();
        let req = openidconnect::http::Request::builder()
            .uri("http://login.example.invalid/token")
            .body(Vec::new())
            .unwrap();
        let e = http.send(req).await.unwrap_err();
        assert!(e.to_string().contains("plain-http"), "{e}");
    }
}
