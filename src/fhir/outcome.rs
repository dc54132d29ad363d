//! `OperationOutcome`: every FHIR error answer, built from the platform's
//! problem documents (so the session layer's, the guard's and the
//! handlers' errors all read the same) or from a form's field problems.

use serde_json::{Value, json};

/// One issue: FHIR's severity is always `error` here.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// FHIR's issue type (`invalid`, `required`, `forbidden`, …).
    pub code: &'static str,
    pub diagnostics: String,
    /// FHIRPath expressions of what the issue is about.
    pub expression: Vec<String>,
}

impl Issue {
    pub fn new(code: &'static str, diagnostics: impl Into<String>) -> Issue {
        Issue {
            code,
            diagnostics: diagnostics.into(),
            expression: Vec::new(),
        }
    }

    pub fn at(mut self, expression: impl Into<String>) -> Issue {
        self.expression.push(expression.into());
        self
    }
}

pub fn outcome(issues: &[Issue]) -> Value {
    let issue: Vec<Value> = issues
        .iter()
        .map(|i| {
            let mut v = json!({
                "severity": "error",
                "code": i.code,
                "diagnostics": i.diagnostics,
            });
            if !i.expression.is_empty() {
                v["expression"] = json!(i.expression);
            }
            v
        })
        .collect();
    json!({ "resourceType": "OperationOutcome", "issue": issue })
}

/// FHIR's issue type for an HTTP status.
pub fn code_of_status(status: u16) -> &'static str {
    match status {
        400 => "structure",
        401 => "login",
        403 => "forbidden",
        404 | 410 => "not-found",
        405 | 406 | 415 => "not-supported",
        409 => "conflict",
        413 => "too-costly",
        422 => "invalid",
        429 => "throttled",
        503 | 504 => "transient",
        _ => "exception",
    }
}

/// Where a field of the request form lives in the transaction Bundle a
/// client sends: the answers are the `QuestionnaireResponse`'s items by
/// `linkId`, the rest the `ServiceRequest`'s.
pub fn expression_of_field(field: &str) -> String {
    if let Some(key) = field.strip_prefix("q_") {
        return format!("QuestionnaireResponse.item.where(linkId='{key}')");
    }
    match field {
        "phenomena" => "ServiceRequest.reasonCode".into(),
        "identification" | "hetu" | "basis_note" => "ServiceRequest.subject".into(),
        "group" => "ServiceRequest.performer".into(),
        "need_level" => "ServiceRequest.priority".into(),
        other => other.to_owned(),
    }
}

/// An RFC 9457 problem document (`core::web`'s shape: `status`, `detail`,
/// `errors[] {field, message}`) as an `OperationOutcome`.
pub fn from_problem(problem: &Value) -> Value {
    let status = problem["status"].as_u64().unwrap_or(500) as u16;
    let detail = problem["detail"]
        .as_str()
        .or(problem["title"].as_str())
        .unwrap_or("error")
        .to_owned();
    let mut issues: Vec<Issue> = problem["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| {
                    let field = e["field"].as_str().unwrap_or("");
                    let code = match e["code"].as_str() {
                        Some("field-required")
                        | Some("request-hetu-required")
                        | Some("request-basis-required") => "required",
                        _ => "invalid",
                    };
                    Issue::new(code, e["message"].as_str().unwrap_or("invalid"))
                        .at(expression_of_field(field))
                })
                .collect()
        })
        .unwrap_or_default();
    if issues.is_empty() {
        issues.push(Issue::new(code_of_status(status), detail));
    }
    outcome(&issues)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_with_field_errors_becomes_issues_pointing_at_the_items() {
        let p = json!({
            "status": 422, "detail": "invalid input",
            "errors": [
                {"field": "q_question", "code": "field-required", "message": "Required."},
                {"field": "phenomena", "code": "field-choose", "message": "Choose."}
            ]
        });
        let o = from_problem(&p);
        assert_eq!(o["resourceType"], "OperationOutcome");
        assert_eq!(o["issue"][0]["code"], "required");
        assert_eq!(
            o["issue"][0]["expression"][0],
            "QuestionnaireResponse.item.where(linkId='question')"
        );
        assert_eq!(o["issue"][1]["expression"][0], "ServiceRequest.reasonCode");
    }

    #[test]
    fn a_plain_problem_becomes_one_issue_of_its_status() {
        let o = from_problem(&json!({"status": 403, "detail": "not allowed"}));
        assert_eq!(o["issue"][0]["code"], "forbidden");
        assert_eq!(o["issue"][0]["diagnostics"], "not allowed");
        assert!(o["issue"][0].get("expression").is_none());
        assert_eq!(code_of_status(401), "login");
    }
}
