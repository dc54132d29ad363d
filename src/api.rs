//! The JSON API's shared parts: the OpenAPI description and problem details.

use crate::core::error::AppError;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use utoipa::OpenApi;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};

/// RFC 9457 problem details, as every API error is answered.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI reference naming the kind, e.g. `/api/v1/problems/validation`.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    pub instance: String,
    pub request_id: String,
    /// Field-level problems of a validation error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ProblemField>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ProblemField {
    pub field: String,
    pub code: String,
    pub message: String,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Health {
    /// `ok` or `unavailable`.
    pub status: String,
    /// Finnish word analysis of the search: `voikko`, or `fallback` (Snowball
    /// stemming and n-grams) when libvoikko is not installed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search_morphology: Option<String>,
    /// With `?details=1`: the node's view of its database.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database: Option<DatabaseHealth>,
    /// With `?details=1`: this node's search index (`node`, `documents`) and
    /// its last comparison with the database (`last_check`: `at`, `kind`,
    /// `database`, `index`, `missing`, `stale`, `extra`, `repaired`, or
    /// `null` before the first).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub search_index: Option<serde_json::Value>,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct DatabaseHealth {
    /// Since when the database has answered (or not), RFC 3339 UTC.
    pub since: String,
    /// The class of the last database error the node saw (`io`,
    /// `pool-timeout`, `timeout`, `server`, …); never a message or a URL.
    pub last_error: Option<String>,
}

/// A JSON body that did not parse is the client's error, with the parser's
/// words (they name the field and never carry server internals).
pub fn json_rejection(r: JsonRejection) -> AppError {
    tracing::debug!(rejection = %r.body_text(), "JSON body rejected");
    match r {
        JsonRejection::MissingJsonContentType(_) => AppError::BadRequest("error-json-content-type"),
        JsonRejection::BytesRejection(_) => AppError::PayloadTooLarge,
        _ => AppError::BadRequest("error-json-invalid"),
    }
}

struct SecurityAddon;

impl utoipa::Modify for SecurityAddon {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new("otalusta_session"))),
        );
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "otalusta API", version = "1",
        description = "The JSON API of otalusta, the OT centres' platform. Errors are RFC 9457 problem details. \
            Personal API tokens (`Authorization: Bearer otl_…`, made on the account page) have a scope: \
            a `read` token may only GET and HEAD (anything else: 403 `token-read-only`). \
            An unknown, expired or revoked token gets 401 on every path, with \
            `WWW-Authenticate: Bearer realm=\"otalusta\", error=\"invalid_token\"`. \
            A session or token whose password was issued by an administrator gets 403 \
            `password-change-required` until the password is changed on the web."),
    paths(
        crate::app::health,
        crate::auth::api::login,
        crate::auth::api::logout,
        crate::auth::api::whoami,
        crate::regions::api::list_areas,
        crate::groups::api::list,
        crate::groups::api::get,
        crate::groups::api::meetings,
        crate::experts::api::search,
        crate::experts::api::get,
        crate::experts::api::phenomena,
        crate::consultations::api::list,
        crate::consultations::api::get,
        crate::inbox::api::inbox,
        crate::screenings::api::list,
        crate::knowledge::api::list,
        crate::knowledge::api::show,
        crate::events::api::list,
        crate::stats::api::stats,
    ),
    components(schemas(Problem, ProblemField, Health)),
    modifiers(&SecurityAddon),
    tags((name = "session", description = "Log in and out"),
         (name = "regions", description = "Cooperation areas and service organisers"),
         (name = "groups", description = "Consultation groups and their meetings"),
         (name = "experts", description = "The expert network, its search and the taxonomy"),
         (name = "requests", description = "Consultation requests (case data: every read is logged)"),
         (name = "inbox", description = "What waits for the caller (the cases it names are logged)"),
         (name = "screenings", description = "OT screenings the caller owns or takes part in (each one listed is logged)"),
         (name = "knowledge", description = "The knowledge bank (tietopankki): public items without login, more for professionals and the network"),
         (name = "events", description = "Events (webinars, trainings, forum series): public ones without login"),
         (name = "stats", description = "Aggregated statistics with small-cell protection (coordinators: their region; researchers: every region)")),
)]
pub struct ApiDoc;

pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
