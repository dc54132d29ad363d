//! The network as FHIR: consultation groups as `HealthcareService`,
//! experts as `Practitioner` with a `PractitionerRole` (their phenomena as
//! specialties). What is shown follows the public pages: a group's page has
//! no video link and no members; a published profile's contact details
//! only when the expert published them.

use super::codesystem;
use crate::experts::store::Expert;
use crate::groups::store::Group;
use crate::taxonomy::store::PhenomenonRow;
use otalusta_domain::groups::MeetingMode;
use serde_json::{Value, json};

pub fn healthcare_service(base: &str, g: &Group, all: &[PhenomenonRow]) -> Value {
    let d = &g.details;
    let mut v = json!({
        "resourceType": "HealthcareService",
        "id": g.id.0.to_string(),
        "meta": {"lastUpdated": g.updated_at},
        "active": g.active,
        "name": d.name("fi"),
        "type": [{"text": d.kind.key()}],
        "specialty": d.phenomena.iter().map(|c| json!({"coding": [codesystem::coding(base, c, all)]})).collect::<Vec<_>>(),
        "appointmentRequired": true,
        "extraDetails": d.public_text("description", "fi"),
    });
    if v["extraDetails"] == "" {
        v.as_object_mut().expect("an object").remove("extraDetails");
    }
    let criteria = d.public_text("criteria", "fi");
    if !criteria.is_empty() {
        v["eligibility"] = json!([{"comment": criteria}]);
    }
    let how = d.public_text("how_to_ask", "fi");
    if !how.is_empty() {
        v["program"] = json!([{"text": how}]);
    }
    let modes: &[&str] = match d.mode {
        MeetingMode::Remote => &["remote"],
        MeetingMode::InPerson => &["in-person"],
        MeetingMode::Both => &["remote", "in-person"],
    };
    v["characteristic"] = json!(modes.iter().map(|m| json!({"text": m})).collect::<Vec<_>>());
    if let Some(o) = &d.organiser {
        v["providedBy"] = json!({"display": o});
    }
    v
}

/// An expert; `contact`: whether the caller may see the contact details
/// (signed in with the right to view experts, or published).
pub fn practitioner(e: &Expert, contact: bool) -> Value {
    let d = &e.details;
    let mut v = json!({
        "resourceType": "Practitioner",
        "id": e.id.0.to_string(),
        "meta": {"lastUpdated": e.updated_at},
        "active": true,
        "name": [{"text": d.name}],
        "communication": d.languages.iter().map(|l| json!({
            "coding": [{"system": "urn:ietf:bcp:47", "code": l.key()}]
        })).collect::<Vec<_>>(),
    });
    if !d.title.is_empty() {
        v["qualification"] = json!([{"code": {"text": d.title}}]);
    }
    if contact {
        let mut telecom = Vec::new();
        if !d.email.is_empty() {
            telecom.push(json!({"system": "email", "value": d.email, "use": "work"}));
        }
        if !d.phone.is_empty() {
            telecom.push(json!({"system": "phone", "value": d.phone, "use": "work"}));
        }
        if !telecom.is_empty() {
            v["telecom"] = json!(telecom);
        }
    }
    v
}

/// An expert's role in the network: organisation, phenomena, groups
/// (`groups`: the ids the caller may see), and a pause.
pub fn practitioner_role(base: &str, e: &Expert, groups: &[i64], all: &[PhenomenonRow]) -> Value {
    let d = &e.details;
    let mut v = json!({
        "resourceType": "PractitionerRole",
        "id": e.id.0.to_string(),
        "meta": {"lastUpdated": e.updated_at},
        "active": true,
        "practitioner": {"reference": format!("Practitioner/{}", e.id.0), "display": d.name},
        "specialty": d.phenomena.iter().map(|c| json!({"coding": [codesystem::coding(base, c, all)]})).collect::<Vec<_>>(),
    });
    if !d.organisation.is_empty() {
        v["organization"] = json!({"display": d.organisation});
    }
    if !d.title.is_empty() {
        v["code"] = json!([{"text": d.title}]);
    }
    if !groups.is_empty() {
        v["healthcareService"] = json!(
            groups
                .iter()
                .map(|g| json!({"reference": format!("HealthcareService/{g}")}))
                .collect::<Vec<_>>()
        );
    }
    if let Some(until) = d.paused_until {
        let note = if d.pause_note.is_empty() {
            "Ei ota uusia konsultaatioita".to_owned()
        } else {
            d.pause_note.clone()
        };
        v["notAvailable"] = json!([{"description": note, "during": {"end": until.to_string()}}]);
    }
    v
}
