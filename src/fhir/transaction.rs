//! Reading the transaction `Bundle` a client system sends to create a
//! request (a `QuestionnaireResponse` and a `ServiceRequest`) into the
//! fields of the request form, so the form's own rules
//! (`consultations::requests::create_checked`) check and store it.
//! Only the Bundle's shape is checked here; every answer's rules are the
//! form's.

use super::codesystem;
use super::outcome::Issue;
use super::questionnaire;
use serde_json::Value;
use std::collections::HashMap;

/// A request as the form would have posted it.
#[derive(Debug, Default)]
pub struct Incoming {
    pub group: i64,
    /// The form version the answers were given to, when named.
    pub version: Option<i64>,
    pub posted: HashMap<String, Vec<String>>,
    /// The kinds of the Bundle's entries, in order (the response's entries
    /// follow them).
    pub order: Vec<&'static str>,
    /// Sent (`completed`/`active`) rather than saved as a draft.
    pub submit: bool,
    /// The items answered (their `linkId`s), to check against the form.
    pub links: Vec<String>,
}

/// What is wrong with a Bundle: `structural` problems (400: not a
/// transaction of the two resources) or answers that cannot be read (422).
#[derive(Debug)]
pub struct Refusal {
    pub structural: bool,
    pub issues: Vec<Issue>,
}

/// The longest `Bundle.identifier.value` taken as a retry key.
const MAX_IDENTIFIER: usize = 256;

/// The one-time key of a Bundle's identifier for one caller: a hash, so
/// any identifier fits, and per user, so two client systems that count
/// from 1 never answer each other's requests.
pub fn once_key(user: i64, identifier: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(format!("{user}\u{1f}{identifier}").as_bytes());
    format!("fhir:{}", hex::encode(&digest[..16]))
}

pub fn item_expr(link: &str) -> String {
    format!("QuestionnaireResponse.item.where(linkId='{link}')")
}

/// An answer's value as the form's field would carry it.
fn answer_value(a: &Value) -> Option<String> {
    if let Some(s) = a["valueString"].as_str() {
        return Some(s.to_owned());
    }
    if let Some(c) = a["valueCoding"]["code"].as_str() {
        return Some(c.to_owned());
    }
    if let Some(n) = a["valueInteger"].as_i64() {
        return Some(n.to_string());
    }
    if let Some(b) = a["valueBoolean"].as_bool() {
        return Some(if b { "yes" } else { "no" }.to_owned());
    }
    if let Some(d) = a["valueDate"].as_str() {
        return Some(d.to_owned());
    }
    if let Some(n) = a.get("valueDecimal").filter(|v| v.is_number()) {
        return Some(n.to_string());
    }
    None
}

/// The group id of `HealthcareService/{id}` (relative or under `base`).
fn group_of(base: &str, reference: &str) -> Option<i64> {
    let r = reference
        .strip_prefix(base)
        .map(|r| r.trim_start_matches('/'))
        .unwrap_or(reference);
    r.strip_prefix("HealthcareService/")?.parse().ok()
}

pub fn read(base: &str, bundle: &Value) -> Result<Incoming, Refusal> {
    let structural = |issues: Vec<Issue>| Refusal {
        structural: true,
        issues,
    };
    if bundle["resourceType"] != "Bundle" {
        return Err(structural(vec![
            Issue::new("structure", "Expected a Bundle").at("Bundle"),
        ]));
    }
    if bundle["type"] != "transaction" {
        return Err(structural(vec![
            Issue::new("value", "The Bundle's type must be transaction").at("Bundle.type"),
        ]));
    }
    let entries = bundle["entry"].as_array().cloned().unwrap_or_default();
    let mut qr = None;
    let mut sr = None;
    let mut order = Vec::new();
    let mut issues = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let method = e["request"]["method"].as_str().unwrap_or("POST");
        if method != "POST" {
            issues.push(
                Issue::new("not-supported", "Only POST (create) entries are supported")
                    .at(format!("Bundle.entry[{i}].request.method")),
            );
        }
        match e["resource"]["resourceType"].as_str() {
            Some("QuestionnaireResponse") if qr.is_none() => {
                qr = Some(&e["resource"]);
                order.push("QuestionnaireResponse");
            }
            Some("ServiceRequest") if sr.is_none() => {
                sr = Some(&e["resource"]);
                order.push("ServiceRequest");
            }
            _ => issues.push(
                Issue::new(
                    "not-supported",
                    "A transaction creates one QuestionnaireResponse and one ServiceRequest",
                )
                .at(format!("Bundle.entry[{i}].resource")),
            ),
        }
    }
    let (Some(qr), Some(sr)) = (qr, sr) else {
        issues.push(
            Issue::new(
                "required",
                "The Bundle needs a QuestionnaireResponse and a ServiceRequest",
            )
            .at("Bundle.entry"),
        );
        return Err(structural(issues));
    };
    if !issues.is_empty() {
        return Err(structural(issues));
    }
    // Which group: the response's questionnaire, or the request's performer.
    let from_q = qr["questionnaire"]
        .as_str()
        .map(|c| questionnaire::parse_canonical(base, c));
    let from_p = sr["performer"][0]["reference"]
        .as_str()
        .map(|r| group_of(base, r));
    let mut group = None;
    let mut version = None;
    match from_q {
        Some(Some((g, v))) => {
            group = Some(g);
            version = v;
        }
        Some(None) => issues.push(
            Issue::new("value", "Not a form of this service")
                .at("QuestionnaireResponse.questionnaire"),
        ),
        None => {}
    }
    match (from_p, group) {
        (Some(Some(p)), Some(g)) if p != g => issues.push(
            Issue::new(
                "value",
                "The performer is not the group whose form was answered",
            )
            .at("ServiceRequest.performer"),
        ),
        (Some(Some(p)), None) => group = Some(p),
        (Some(None), _) => issues.push(
            Issue::new(
                "value",
                "The performer must be a HealthcareService of this service",
            )
            .at("ServiceRequest.performer"),
        ),
        _ => {}
    }
    let Some(group) = group else {
        issues.push(
            Issue::new(
                "required",
                "Name the group: QuestionnaireResponse.questionnaire or ServiceRequest.performer",
            )
            .at("ServiceRequest.performer"),
        );
        return Err(Refusal {
            structural: false,
            issues,
        });
    };
    let qr_status = qr["status"].as_str().unwrap_or("");
    let sr_status = sr["status"].as_str().unwrap_or("");
    let submit = match (qr_status, sr_status) {
        ("completed", "active") => true,
        ("in-progress", "draft") => false,
        _ => {
            issues.push(Issue::new("value", "Send with QuestionnaireResponse.status completed and ServiceRequest.status active, or save a draft with in-progress and draft").at("QuestionnaireResponse.status"));
            false
        }
    };
    if sr["intent"] != "order" {
        issues.push(
            Issue::new("value", "ServiceRequest.intent must be order").at("ServiceRequest.intent"),
        );
    }
    // Pseudonymous only: an identified request (with its basis) is made
    // on the web form, where the identity code is sealed as it is typed.
    let named = sr["subject"].get("reference").is_some()
        || sr["subject"].get("identifier").is_some()
        || sr.get("contained").is_some()
        || qr["subject"].get("reference").is_some()
        || qr["subject"].get("identifier").is_some()
        || qr.get("contained").is_some();
    if named {
        issues.push(Issue::new("security", "Requests sent over FHIR are pseudonymous: give the subject as a display text only (identified requests are made on the web form)").at("ServiceRequest.subject"));
    }
    let mut posted: HashMap<String, Vec<String>> = HashMap::new();
    let mut links = Vec::new();
    let system = codesystem::system(base);
    let mut phenomena = Vec::new();
    for (i, rc) in sr["reasonCode"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        for c in rc["coding"].as_array().into_iter().flatten() {
            if c["system"].as_str() == Some(system.as_str())
                && let Some(code) = c["code"].as_str()
            {
                phenomena.push(code.to_owned());
            } else {
                issues.push(
                    Issue::new("code-invalid", format!("Reasons are codes of {system}"))
                        .at(format!("ServiceRequest.reasonCode[{i}]")),
                );
            }
        }
    }
    posted.insert("phenomena_shown".into(), vec!["1".into()]);
    posted.insert("phenomena".into(), phenomena);
    posted.insert("identification".into(), vec!["none".into()]);
    for (i, item) in qr["item"].as_array().into_iter().flatten().enumerate() {
        let Some(link) = item["linkId"].as_str() else {
            issues.push(
                Issue::new("required", "An item without linkId")
                    .at(format!("QuestionnaireResponse.item[{i}]")),
            );
            continue;
        };
        links.push(link.to_owned());
        let values = posted.entry(format!("q_{link}")).or_default();
        for a in item["answer"].as_array().into_iter().flatten() {
            match answer_value(a) {
                Some(v) => values.push(v),
                None => issues.push(Issue::new("value", "An answer needs one of valueString, valueCoding, valueInteger, valueBoolean, valueDate").at(item_expr(link))),
            }
        }
    }
    if submit {
        posted.insert("action".into(), vec!["submit".into()]);
    }
    // A retried Bundle (same identifier) gets the first one's answer; the
    // caller's own key is made of it with the caller (`once_key`).
    if let Some(value) = bundle["identifier"]["value"].as_str() {
        if value.len() > MAX_IDENTIFIER {
            issues.push(
                Issue::new(
                    "value",
                    format!("Bundle.identifier.value is longer than {MAX_IDENTIFIER} characters"),
                )
                .at("Bundle.identifier.value"),
            );
        } else {
            let system = bundle["identifier"]["system"].as_str().unwrap_or("");
            posted.insert("once".into(), vec![format!("{system}|{value}")]);
        }
    }
    if !issues.is_empty() {
        return Err(Refusal {
            structural: false,
            issues,
        });
    }
    Ok(Incoming {
        group,
        version,
        posted,
        order,
        submit,
        links,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const BASE: &str = "https://h/fhir/r4";

    fn bundle(sr_subject: Value) -> Value {
        json!({
            "resourceType": "Bundle", "type": "transaction",
            "identifier": {"value": "abc"},
            "entry": [
                {"resource": {"resourceType": "QuestionnaireResponse", "status": "completed",
                    "questionnaire": "https://h/fhir/r4/Questionnaire/3|1",
                    "item": [
                        {"linkId": "question", "answer": [{"valueString": "Miten?"}]},
                        {"linkId": "age_band", "answer": [{"valueCoding": {"code": "7-12"}}]}
                    ]},
                 "request": {"method": "POST", "url": "QuestionnaireResponse"}},
                {"resource": {"resourceType": "ServiceRequest", "status": "active", "intent": "order",
                    "subject": sr_subject,
                    "performer": [{"reference": "HealthcareService/3"}],
                    "reasonCode": [{"coding": [{"system": "https://h/fhir/r4/CodeSystem/phenomena", "code": "huoltoriidat"}]}]},
                 "request": {"method": "POST", "url": "ServiceRequest"}}
            ]
        })
    }

    #[test]
    fn a_bundle_becomes_the_forms_fields() {
        let inc = read(BASE, &bundle(json!({"display": "lapsi"}))).unwrap();
        assert_eq!(inc.group, 3);
        assert_eq!(inc.version, Some(1));
        assert!(inc.submit);
        assert_eq!(inc.posted["q_question"], ["Miten?"]);
        assert_eq!(inc.posted["q_age_band"], ["7-12"]);
        assert_eq!(inc.posted["phenomena"], ["huoltoriidat"]);
        // The identifier as `system|value` (none here); the handler makes
        // the caller's own key of it.
        assert_eq!(inc.posted["once"], ["|abc"]);
        assert_eq!(inc.order, ["QuestionnaireResponse", "ServiceRequest"]);
    }

    #[test]
    fn retry_keys_are_per_user_and_fit_any_identifier() {
        let a = once_key(1, "urn:x|1");
        assert_eq!(a, once_key(1, "urn:x|1"));
        assert_ne!(a, once_key(2, "urn:x|1"));
        assert_ne!(a, once_key(1, "urn:y|1"));
        assert!(once_key(1, &"9".repeat(256)).len() <= 64);
    }

    #[test]
    fn a_named_subject_and_a_bad_answer_are_each_reported() {
        let mut b = bundle(json!({"reference": "Patient/1"}));
        b["entry"][0]["resource"]["item"][1]["answer"][0] = json!({"valueQuantity": {"value": 1}});
        let r = read(BASE, &b).unwrap_err();
        assert!(!r.structural);
        let exprs: Vec<&str> = r.issues.iter().map(|i| i.expression[0].as_str()).collect();
        assert!(exprs.contains(&"ServiceRequest.subject"), "{exprs:?}");
        assert!(
            exprs.contains(&"QuestionnaireResponse.item.where(linkId='age_band')"),
            "{exprs:?}"
        );
    }

    #[test]
    fn not_a_transaction_is_structural() {
        let r = read(BASE, &json!({"resourceType": "Bundle", "type": "batch"})).unwrap_err();
        assert!(r.structural);
        let r = read(
            BASE,
            &json!({"resourceType": "Bundle", "type": "transaction", "entry": []}),
        )
        .unwrap_err();
        assert!(r.structural);
    }
}
