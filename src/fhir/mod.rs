//! HL7 FHIR R4 (JSON) under `/fhir/r4`, for the client systems of the
//! wellbeing services counties: the groups' forms as `Questionnaire`s, a
//! request as `QuestionnaireResponse` + `ServiceRequest` with its `Task`,
//! `CarePlan` and `Appointment`, the network as `HealthcareService`,
//! `Practitioner` and `PractitionerRole`, and the phenomena as a
//! `CodeSystem`. Creating a request is a transaction `Bundle` mapped onto
//! the request form's own checks and storage.
//!
//! The mapping is pure (one file per resource family, unit-tested); the
//! handlers (`routes.rs`) ask the same policy and write the same access log
//! as the HTML and JSON routes. Authentication is the session layer's: an
//! API token (`Authorization: Bearer`) or the session cookie, `/fhir/r4`
//! being an API path there (`core::web::is_api_path`). Every error answer
//! is an `OperationOutcome` ([`outcome_layer`]).

pub mod bundle;
pub mod capability;
pub mod case;
pub mod codesystem;
pub mod directory;
pub mod outcome;
pub mod questionnaire;
pub mod routes;
pub mod search;
pub mod transaction;

use crate::core::web::AppState;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

/// The endpoint's path.
pub const PATH: &str = "/fhir/r4";

pub const CONTENT_TYPE: &str = "application/fhir+json; charset=utf-8";

pub fn router() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route(PATH, post(routes::transaction))
        .route("/fhir/r4/metadata", get(routes::metadata))
        .route("/fhir/r4/{kind}", get(routes::search))
        .route("/fhir/r4/{kind}/{id}", get(routes::read))
        .route("/fhir/r4/{kind}/{id}/_history/{vid}", get(routes::vread))
        .layer(axum::middleware::from_fn(format_layer))
}

/// Whether `path` is the FHIR endpoint's.
pub fn is_fhir_path(path: &str) -> bool {
    path == PATH || path.starts_with("/fhir/r4/")
}

/// `v` as JSON with every resource's `resourceType` first (FHIR's JSON
/// format asks for it; `serde_json` keeps keys sorted).
pub fn to_json(v: &Value) -> String {
    fn write(v: &Value, out: &mut String) {
        match v {
            Value::Object(m) => {
                out.push('{');
                let keys = m
                    .get_key_value("resourceType")
                    .map(|(k, _)| k.as_str())
                    .into_iter()
                    .chain(
                        m.keys()
                            .map(String::as_str)
                            .filter(|k| *k != "resourceType"),
                    );
                for (i, k) in keys.enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&Value::from(k).to_string());
                    out.push(':');
                    write(&m[k], out);
                }
                out.push('}');
            }
            Value::Array(a) => {
                out.push('[');
                for (i, x) in a.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write(x, out);
                }
                out.push(']');
            }
            other => out.push_str(&other.to_string()),
        }
    }
    let mut out = String::new();
    write(v, &mut out);
    out
}

/// A FHIR JSON answer.
pub fn respond(status: StatusCode, body: &Value) -> Response {
    let mut res = (status, to_json(body)).into_response();
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
    res
}

/// JSON only: `_format` (`json`, `application/json`,
/// `application/fhir+json`) and `Accept` asking for something else get 406.
async fn format_layer(req: Request, next: Next) -> Response {
    let format_ok = req
        .uri()
        .query()
        .map(|q| {
            serde_urlencoded::from_str::<Vec<(String, String)>>(q)
                .unwrap_or_default()
                .iter()
                .filter(|(k, _)| k == "_format")
                .all(|(_, v)| {
                    matches!(
                        v.as_str(),
                        "json"
                            | "application/json"
                            | "application/fhir+json"
                            | "application/json+fhir"
                    )
                })
        })
        .unwrap_or(true);
    let accept_ok = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|a| a.contains("json") || a.contains("*/*") || a.trim().is_empty());
    if !(format_ok && accept_ok) {
        return respond(
            StatusCode::NOT_ACCEPTABLE,
            &outcome::outcome(&[outcome::Issue::new(
                "not-supported",
                "Only JSON is served (application/fhir+json)",
            )]),
        );
    }
    next.run(req).await
}

/// Every error answer on the FHIR paths as an `OperationOutcome`: the
/// problem documents of the session layer, the guard, the error renderer
/// and the handlers, keeping their status and headers
/// (`WWW-Authenticate`, `Retry-After`). Outermost but the context, so it
/// sees the session layer's and the database gate's answers too.
pub async fn outcome_layer(req: Request, next: Next) -> Response {
    if !is_fhir_path(req.uri().path()) {
        return next.run(req).await;
    }
    let res = next.run(req).await;
    let status = res.status();
    let problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/problem+json"));
    if !(status.is_client_error() || status.is_server_error()) || !problem {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let body = axum::body::to_bytes(body, 64 * 1024)
        .await
        .ok()
        .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
        .unwrap_or_else(|| serde_json::json!({"status": status.as_u16()}));
    let out = to_json(&outcome::from_problem(&body));
    parts
        .headers
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, axum::body::Body::from(out))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn resource_type_comes_first_at_every_level() {
        let v = json!({"type": "searchset", "resourceType": "Bundle",
            "entry": [{"resource": {"id": "1", "resourceType": "Task"}}], "a": "\"x\""});
        let s = super::to_json(&v);
        assert!(s.starts_with(r#"{"resourceType":"Bundle","#), "{s}");
        assert!(s.contains(r#"{"resourceType":"Task","id":"1"}"#), "{s}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&s).unwrap(), v);
    }
}
