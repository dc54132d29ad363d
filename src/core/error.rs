//! One error type for the web layer.
//!
//! Handlers return `Result<_, AppError>`. An error becomes a response with
//! its status and an [`ErrorInfo`] extension; the `render_errors` middleware
//! (see `web.rs`) turns that into a page in the user's language or an
//! RFC 9457 problem document, because only it knows the language and
//! whether the client is the API. The user never sees internal detail; the
//! log gets it with the request id.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// A field-level validation problem: `key` names the message in the
/// translation files.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub code: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: &str, code: &str) {
        self.0.push(FieldError {
            field: field.to_owned(),
            code: code.to_owned(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first problem with `field`, for marking it in a form.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.code.as_str())
    }

    /// From a domain form's `(field, message key)` problems.
    pub fn from_pairs(pairs: &[(&str, &str)]) -> Self {
        let mut e = Self::new();
        for (field, code) in pairs {
            e.add(field, code);
        }
        e
    }

    /// `Err(Invalid)` when anything was added.
    pub fn into_result(self) -> Result<(), AppError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(self))
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("authentication required")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    /// Forbidden for a reason the client can act on: `kind` is the problem
    /// type (e.g. `token-read-only`), `message_key` the explanation.
    #[error("forbidden: {kind}")]
    Refused {
        kind: &'static str,
        message_key: &'static str,
    },
    #[error("missing or invalid CSRF token")]
    Csrf,
    #[error("invalid input")]
    Invalid(FieldErrors),
    /// A request that cannot be served as sent; the key names the message.
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64 },
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("service unavailable")]
    Unavailable,
    /// Handling the request took longer than the request time-out
    /// (`core::deadline`).
    #[error("request timed out")]
    RequestTimeout,
    /// The database cannot be reached (the class of the error, see
    /// `health::outage_class`): 503 with `Retry-After`, and the node's
    /// database health is marked down by whoever renders it.
    #[error("database unavailable: {0}")]
    DatabaseDown(&'static str),
    #[error("internal error: {0:#}")]
    Internal(#[from] anyhow::Error),
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::RowNotFound => AppError::NotFound,
            other => match crate::core::health::outage_class(&other) {
                Some(class) => AppError::DatabaseDown(class),
                None => AppError::Internal(anyhow::Error::new(other)),
            },
        }
    }
}

/// What the error renderer needs; carried in the response extensions.
#[derive(Clone, Debug)]
pub struct ErrorInfo {
    /// Stable machine name, also the last part of the problem `type`.
    pub kind: &'static str,
    /// Message key of the user-facing explanation.
    pub message_key: &'static str,
    pub fields: FieldErrors,
    pub retry_after_secs: Option<u64>,
    /// Detail for API clients from a framework rejection (never internals).
    pub detail: Option<String>,
    /// The database could not be reached (the error's class).
    pub outage: Option<&'static str>,
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::Refused { .. } | AppError::Csrf => {
                StatusCode::FORBIDDEN
            }
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Unavailable | AppError::RequestTimeout | AppError::DatabaseDown(_) => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn info(&self) -> ErrorInfo {
        let (kind, message_key) = match self {
            AppError::NotFound => ("not-found", "error-not-found"),
            AppError::Unauthenticated => ("unauthenticated", "error-unauthenticated"),
            AppError::Forbidden => ("forbidden", "error-forbidden"),
            AppError::Refused { kind, message_key } => (*kind, *message_key),
            AppError::Csrf => ("csrf", "error-csrf"),
            AppError::Invalid(_) => ("validation", "error-validation"),
            AppError::BadRequest(key) => ("bad-request", *key),
            AppError::Conflict(key) => ("conflict", *key),
            AppError::TooManyRequests { .. } => ("too-many-requests", "error-too-many-requests"),
            AppError::PayloadTooLarge => ("payload-too-large", "error-payload-too-large"),
            AppError::Unavailable => ("unavailable", "error-unavailable"),
            AppError::RequestTimeout => ("request-timeout", "error-request-timeout"),
            AppError::DatabaseDown(_) => ("unavailable", "error-database-unavailable"),
            AppError::Internal(_) => ("internal", "error-internal"),
        };
        ErrorInfo {
            kind,
            message_key,
            fields: match self {
                AppError::Invalid(f) => f.clone(),
                _ => FieldErrors::default(),
            },
            retry_after_secs: match self {
                AppError::TooManyRequests { retry_after_secs } => Some(*retry_after_secs),
                AppError::DatabaseDown(_) => Some(crate::core::health::RETRY_AFTER_SECS),
                _ => None,
            },
            detail: None,
            outage: match self {
                AppError::DatabaseDown(class) => Some(class),
                _ => None,
            },
        }
    }

    /// An internal error caused by an unreachable database (a `sqlx`
    /// error anywhere in its chain) becomes [`AppError::DatabaseDown`]:
    /// a handler that wrapped it with context still answers 503, not 500.
    pub fn normalized(self) -> AppError {
        match self {
            AppError::Internal(e) => match crate::core::health::outage_class_in(&e) {
                Some(class) => AppError::DatabaseDown(class),
                None => AppError::Internal(e),
            },
            other => other,
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let this = self.normalized();
        if let AppError::DatabaseDown(class) = &this {
            tracing::warn!(class, "database unavailable");
        }
        if let AppError::Internal(e) = &this {
            // The full chain goes to the log (the request id joins it to the
            // user's error page); the body never carries it.
            tracing::error!(error = format!("{e:#}"), "internal error");
        }
        let mut res = this.status().into_response();
        res.extensions_mut().insert(this.info());
        res
    }
}

pub type AppResult<T> = Result<T, AppError>;
