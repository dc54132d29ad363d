//! The providers' configuration file (`--oidc-config`, README "Single
//! sign-on (OpenID Connect)"): read and checked once at start.

use anyhow::{Context, bail};
use otalusta_domain::role::Role;
use otalusta_domain::sso::Rule;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The file: `{"providers": [...]}`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    providers: Vec<ProviderFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProviderFile {
    id: String,
    display_name: String,
    issuer: String,
    client_id: String,
    client_secret_file: PathBuf,
    #[serde(default = "default_scopes")]
    scopes: Vec<String>,
    #[serde(default)]
    claims: ClaimNames,
    #[serde(default)]
    default_roles: Vec<Role>,
    #[serde(default)]
    mappings: Vec<Rule>,
    #[serde(default)]
    require_approval: bool,
    #[serde(default = "default_algorithms")]
    algorithms: Vec<String>,
    #[serde(default = "default_skew")]
    clock_skew_secs: u64,
    #[serde(default)]
    accept_access_tokens: bool,
}

fn default_scopes() -> Vec<String> {
    vec!["openid".into(), "profile".into(), "email".into()]
}

fn default_algorithms() -> Vec<String> {
    vec!["RS256".into()]
}

fn default_skew() -> u64 {
    60
}

/// Which claims give the account's fields.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ClaimNames {
    pub username: String,
    pub email: String,
    pub display_name: String,
    /// Its value is matched against the organisations' names (a mapping
    /// rule's `organisation` wins).
    pub organisation: Option<String>,
}

impl Default for ClaimNames {
    fn default() -> Self {
        ClaimNames {
            username: "preferred_username".into(),
            email: "email".into(),
            display_name: "name".into(),
            organisation: None,
        }
    }
}

/// One provider, checked.
#[derive(Clone)]
pub struct Provider {
    pub id: String,
    pub display_name: String,
    pub issuer: String,
    pub client_id: String,
    /// Read from `client_secret_file`; never logged (`Debug` hides it).
    pub client_secret: String,
    pub scopes: Vec<String>,
    pub claims: ClaimNames,
    pub default_roles: Vec<Role>,
    pub mappings: Vec<Rule>,
    pub require_approval: bool,
    pub algorithms: Vec<openidconnect::core::CoreJwsSigningAlgorithm>,
    pub clock_skew: std::time::Duration,
    /// The provider's access tokens open the API (read only) for linked
    /// accounts, checked at its userinfo endpoint. Off by default: userinfo
    /// does not say which application a token was issued to, so turn it on
    /// only for a provider whose `sub` is per application (pairwise) or
    /// that issues tokens to this platform alone.
    pub accept_access_tokens: bool,
}

impl std::fmt::Debug for Provider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Provider")
            .field("id", &self.id)
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .finish_non_exhaustive()
    }
}

/// Reads and checks the configuration file.
pub fn load(path: &Path) -> anyhow::Result<Vec<Provider>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("could not read the OIDC configuration {}", path.display()))?;
    let file: File = serde_json::from_str(&text)
        .with_context(|| format!("the OIDC configuration {} is not valid", path.display()))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut out: Vec<Provider> = Vec::new();
    for p in file.providers {
        let id = p.id.trim().to_owned();
        if id.is_empty()
            || id.len() > 40
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            bail!("OIDC provider id {id:?}: use 1-40 characters a-z, 0-9 and -");
        }
        if out.iter().any(|o| o.id == id) {
            bail!("OIDC provider id {id:?} is given twice");
        }
        let issuer = p.issuer.trim().trim_end_matches('/').to_owned();
        let url = url_of(&issuer).with_context(|| format!("OIDC provider {id}: issuer"))?;
        if url.scheme() != "https" && !is_loopback(&url) {
            bail!("OIDC provider {id}: the issuer must be https (http only on 127.0.0.1)");
        }
        let secret_path = if p.client_secret_file.is_absolute() {
            p.client_secret_file.clone()
        } else {
            dir.join(&p.client_secret_file)
        };
        let client_secret = std::fs::read_to_string(&secret_path)
            .with_context(|| {
                format!(
                    "OIDC provider {id}: could not read the client secret file {}",
                    secret_path.display()
                )
            })?
            .trim()
            .to_owned();
        if client_secret.is_empty() {
            bail!("OIDC provider {id}: the client secret file is empty");
        }
        let mut scopes = p.scopes;
        if !scopes.iter().any(|s| s == "openid") {
            scopes.insert(0, "openid".into());
        }
        let mut algorithms = Vec::new();
        for a in &p.algorithms {
            if a == "none" || a.starts_with("HS") {
                bail!("OIDC provider {id}: algorithm {a} is not allowed (use RS*, PS*, ES*)");
            }
            let alg: openidconnect::core::CoreJwsSigningAlgorithm =
                serde_json::from_value(serde_json::Value::String(a.clone()))
                    .with_context(|| format!("OIDC provider {id}: unknown algorithm {a}"))?;
            algorithms.push(alg);
        }
        if algorithms.is_empty() {
            bail!("OIDC provider {id}: name at least one signature algorithm");
        }
        for (i, rule) in p.mappings.iter().enumerate() {
            let roles: Vec<String> = rule.roles.iter().map(|r| r.as_str().to_owned()).collect();
            let mut errors = crate::core::error::FieldErrors::new();
            if !roles.is_empty() {
                super::super::admin::check_access(
                    &roles,
                    rule.area.as_deref().unwrap_or(""),
                    &mut errors,
                );
            }
            if let Some(c) = &rule.county
                && !otalusta_domain::region::counties().any(|o| o.code == c)
            {
                bail!(
                    "OIDC provider {id}: mapping {} names an unknown county {c}",
                    i + 1
                );
            }
            if !errors.is_empty() {
                bail!(
                    "OIDC provider {id}: mapping {} ({}={}) is not valid: {errors:?}",
                    i + 1,
                    rule.claim,
                    rule.value
                );
            }
        }
        out.push(Provider {
            id,
            display_name: p.display_name.trim().to_owned(),
            issuer,
            client_id: p.client_id,
            client_secret,
            scopes,
            claims: p.claims,
            default_roles: p.default_roles,
            mappings: p.mappings,
            require_approval: p.require_approval,
            algorithms,
            clock_skew: std::time::Duration::from_secs(p.clock_skew_secs.min(600)),
            accept_access_tokens: p.accept_access_tokens,
        });
    }
    Ok(out)
}

fn url_of(s: &str) -> anyhow::Result<openidconnect::url::Url> {
    Ok(openidconnect::url::Url::parse(s)?)
}

fn is_loopback(url: &openidconnect::url::Url) -> bool {
    url.scheme() == "http" && matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_json(json: serde_json::Value) -> anyhow::Result<Vec<Provider>> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("secret"), "s3cret\n").unwrap();
        let path = dir.path().join("oidc.json");
        std::fs::write(&path, json.to_string()).unwrap();
        load(&path)
    }

    fn provider(extra: serde_json::Value) -> serde_json::Value {
        let mut p = serde_json::json!({
            "id": "entra", "display_name": "Entra", "client_id": "c",
            "issuer": "https://login.microsoftonline.com/t/v2.0/",
            "client_secret_file": "secret"
        });
        for (k, v) in extra.as_object().unwrap() {
            p[k] = v.clone();
        }
        serde_json::json!({ "providers": [p] })
    }

    #[test]
    fn a_provider_is_read_with_its_defaults_and_the_secret_hidden() {
        let p = load_json(provider(serde_json::json!({})))
            .unwrap()
            .remove(0);
        assert_eq!(p.issuer, "https://login.microsoftonline.com/t/v2.0");
        assert_eq!(p.client_secret, "s3cret");
        assert_eq!(p.scopes, ["openid", "profile", "email"]);
        assert_eq!(p.algorithms.len(), 1);
        assert_eq!(p.clock_skew.as_secs(), 60);
        assert!(!format!("{p:?}").contains("s3cret"));
    }

    #[test]
    fn unsafe_or_wrong_settings_are_refused_at_start() {
        for (extra, says) in [
            (serde_json::json!({"algorithms": ["none"]}), "not allowed"),
            (serde_json::json!({"algorithms": ["HS256"]}), "not allowed"),
            (
                serde_json::json!({"issuer": "http://idp.example.fi"}),
                "https",
            ),
            (serde_json::json!({"id": "Bad Id"}), "a-z"),
            (
                serde_json::json!({"client_secret_file": "missing"}),
                "client secret",
            ),
            (
                serde_json::json!({"mappings": [{"claim": "groups", "value": "x", "roles": ["coordinator"]}]}),
                "not valid",
            ),
            (serde_json::json!({"unknown_key": 1}), "not valid"),
        ] {
            let e = load_json(provider(extra.clone())).unwrap_err();
            assert!(format!("{e:#}").contains(says), "{extra}: {e:#}");
        }
    }
}
