//! A consultation request as FHIR: its answers as a
//! `QuestionnaireResponse`, the request itself as a `ServiceRequest`, where
//! it stands as a `Task`, the group's recommendations as a `CarePlan` and
//! its meeting as an `Appointment`. All share the request's id.
//!
//! Cases are pseudonymous: the subject is a display text, never a
//! `Patient`, unless the request is identified and the caller may see the
//! identity code ([`Subject::Identified`]).

use super::{codesystem, questionnaire};
use crate::consultations::store::{FormVersion, RecommendationRow, Request};
use crate::taxonomy::store::PhenomenonRow;
use otalusta_domain::calendar::Occurrence;
use otalusta_domain::consultations::{Outcome, Status};
use otalusta_domain::questionnaire::Answer;
use serde_json::{Value, json};

/// The Finnish personal identity code's OID.
pub const HETU_SYSTEM: &str = "urn:oid:1.2.246.21";

/// Who the case is about, as the caller may see it.
pub enum Subject {
    Pseudonymous,
    /// Identified, but the caller may not see the code.
    Hidden,
    /// Identified, shown to this caller (the code itself).
    Identified(String),
}

fn subject(s: &Subject) -> Value {
    match s {
        Subject::Pseudonymous => json!({"display": "Pseudonyymi asiakas"}),
        Subject::Hidden => json!({"display": "Tunnistettu asiakas"}),
        Subject::Identified(_) => json!({"reference": "#client"}),
    }
}

fn contained(s: &Subject) -> Option<Value> {
    match s {
        Subject::Identified(code) => Some(json!([{
            "resourceType": "Patient",
            "id": "client",
            "identifier": [{"system": HETU_SYSTEM, "value": code}],
        }])),
        _ => None,
    }
}

fn meta(r: &Request) -> Value {
    json!({"lastUpdated": r.updated_at})
}

fn service_request_status(s: Status) -> &'static str {
    match s {
        Status::Draft => "draft",
        Status::Submitted
        | Status::MoreInfo
        | Status::Accepted
        | Status::Discussed
        | Status::FollowUp => "active",
        Status::Closed => "completed",
        Status::Declined | Status::Withdrawn => "revoked",
    }
}

/// `content`: whether the caller may see the answers (a coordinator sees
/// the request without them).
pub fn questionnaire_response(base: &str, r: &Request, form: &FormVersion, content: bool) -> Value {
    let g = r.group_id.0;
    let mut items = Vec::new();
    if content {
        for item in &form.form.items {
            let Some(a) = r.answers.get(&item.key) else {
                continue;
            };
            let system = questionnaire::choice_system(base, g, &item.key);
            let coding = |k: &str| json!({"valueCoding": {"system": system, "code": k, "display": item.choice_label(k, "fi")}});
            let answer: Vec<Value> = match a {
                Answer::Text(s) => vec![json!({"valueString": s})],
                Answer::Choice(k) => vec![coding(k)],
                Answer::Choices(ks) => ks.iter().map(|k| coding(k)).collect(),
                Answer::Date(d) => vec![json!({"valueDate": d.to_string()})],
                Answer::Number(n) => vec![json!({"valueInteger": n})],
                Answer::YesNo(b) => vec![json!({"valueBoolean": b})],
            };
            items.push(json!({"linkId": item.key, "text": item.label.fi, "answer": answer}));
        }
    }
    let mut v = json!({
        "resourceType": "QuestionnaireResponse",
        "id": r.id.0.to_string(),
        "meta": meta(r),
        "questionnaire": questionnaire::canonical(base, g, form.version),
        "basedOn": [{"reference": format!("ServiceRequest/{}", r.id.0)}],
        "status": if r.status.editable() { "in-progress" } else { "completed" },
        "authored": r.submitted_at.as_deref().unwrap_or(&r.created_at),
        "subject": {"display": "Pseudonyymi asiakas"},
    });
    if !items.is_empty() {
        v["item"] = json!(items);
    }
    v
}

pub fn service_request(
    base: &str,
    r: &Request,
    phenomena: &[String],
    all: &[PhenomenonRow],
    who: &Subject,
) -> Value {
    let mut v = json!({
        "resourceType": "ServiceRequest",
        "id": r.id.0.to_string(),
        "meta": meta(r),
        "status": service_request_status(r.status),
        "intent": "order",
        "category": [{"text": "konsultaatiopyyntö"}],
        "code": {"text": "Konsultaatio"},
        "subject": subject(who),
        "authoredOn": r.submitted_at.as_deref().unwrap_or(&r.created_at),
        "performer": [{"reference": format!("HealthcareService/{}", r.group_id.0)}],
        "supportingInfo": [{"reference": format!("QuestionnaireResponse/{}", r.id.0)}],
    });
    if !phenomena.is_empty() {
        v["reasonCode"] = json!(
            phenomena
                .iter()
                .map(|c| json!({"coding": [codesystem::coding(base, c, all)]}))
                .collect::<Vec<_>>()
        );
    }
    if let Some(c) = contained(who) {
        v["contained"] = c;
    }
    v
}

/// The request's status as a `Task`'s; `reason` the last reason people
/// were given (declined, more information asked).
pub fn task(r: &Request, reason: Option<&str>) -> Value {
    let status = match r.status {
        Status::Draft => "draft",
        Status::Submitted => "requested",
        Status::MoreInfo => "on-hold",
        Status::Accepted => "accepted",
        Status::Discussed | Status::FollowUp => "in-progress",
        Status::Closed => "completed",
        Status::Declined => "rejected",
        Status::Withdrawn => "cancelled",
    };
    let mut v = json!({
        "resourceType": "Task",
        "id": r.id.0.to_string(),
        "meta": meta(r),
        "basedOn": [{"reference": format!("ServiceRequest/{}", r.id.0)}],
        "status": status,
        "businessStatus": {"coding": [{"code": r.status.key()}], "text": r.status.key()},
        "intent": "order",
        "focus": {"reference": format!("ServiceRequest/{}", r.id.0)},
        "for": {"display": "Pseudonyymi asiakas"},
        "authoredOn": r.created_at,
        "lastModified": r.updated_at,
        "owner": {"reference": format!("HealthcareService/{}", r.group_id.0)},
    });
    if let Some(reason) = reason.filter(|s| !s.is_empty())
        && matches!(
            r.status,
            Status::Declined | Status::MoreInfo | Status::Submitted
        )
    {
        v["statusReason"] = json!({"text": reason});
    }
    v
}

/// Whether the request has recommendations to show as a `CarePlan`.
pub fn has_care_plan(r: &Request) -> bool {
    matches!(
        r.status,
        Status::Discussed | Status::FollowUp | Status::Closed
    )
}

pub fn care_plan(r: &Request, recs: &[RecommendationRow]) -> Value {
    let activity: Vec<Value> = recs
        .iter()
        .map(|rec| {
            let status = match rec.outcome() {
                Some(Outcome::Implemented) => "completed",
                Some(Outcome::Partly) => "in-progress",
                Some(Outcome::NotImplemented) => "stopped",
                None => "not-started",
            };
            let mut detail = json!({"status": status, "description": rec.action});
            if !rec.responsible.is_empty() {
                detail["performer"] = json!([{"display": rec.responsible}]);
            }
            if let Some(due) = &rec.due_date {
                detail["scheduledPeriod"] = json!({"end": due});
            }
            if !rec.outcome_note.is_empty() {
                detail["statusReason"] = json!({"text": rec.outcome_note});
            }
            json!({"detail": detail})
        })
        .collect();
    let mut v = json!({
        "resourceType": "CarePlan",
        "id": r.id.0.to_string(),
        "meta": meta(r),
        "basedOn": [{"reference": format!("ServiceRequest/{}", r.id.0)}],
        "status": if r.status == Status::Closed { "completed" } else { "active" },
        "intent": "plan",
        "title": "Toimenpidesuositukset",
        "subject": {"display": "Pseudonyymi asiakas"},
        "author": {"reference": format!("HealthcareService/{}", r.group_id.0)},
    });
    if !r.summary.is_empty() {
        v["description"] = json!(r.summary);
    }
    if !activity.is_empty() {
        v["activity"] = json!(activity);
    }
    v
}

fn instant(z: &jiff::ZonedDateTime) -> String {
    z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// The request's meeting as an `Appointment`; `None` without a meeting.
pub fn appointment(r: &Request, meeting: Option<&Occurrence>) -> Option<Value> {
    let date = r.meeting_date?;
    // Only a proposed or cancelled appointment may lack its times (FHIR's
    // app-3): a meeting the rules no longer give is cancelled.
    let status = match (r.status, meeting) {
        (_, Some(m)) if !m.is_held() => "cancelled",
        (Status::Submitted | Status::MoreInfo, _) => "proposed",
        (_, None) => "cancelled",
        (Status::Accepted, _) => "booked",
        (Status::Discussed | Status::FollowUp | Status::Closed, _) => "fulfilled",
        _ => "cancelled",
    };
    let mut v = json!({
        "resourceType": "Appointment",
        "id": r.id.0.to_string(),
        "meta": meta(r),
        "status": status,
        "description": "Konsultaatioryhmän kokous",
        "basedOn": [{"reference": format!("ServiceRequest/{}", r.id.0)}],
        "participant": [{
            "actor": {"reference": format!("HealthcareService/{}", r.group_id.0)},
            "status": if status == "proposed" { "needs-action" } else { "accepted" },
        }],
        "identifier": [{"system": "urn:otalusta:meeting", "value": format!("{}/{}", r.group_id.0, date)}],
    });
    if let Some(m) = meeting {
        v["start"] = json!(instant(&m.start));
        v["end"] = json!(instant(&m.end));
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use otalusta_domain::consultations::Identification;
    use otalusta_domain::ids::{GroupId, RequestId, UserId};

    fn request(status: Status) -> Request {
        Request {
            id: RequestId(5),
            requester_id: UserId(1),
            group_id: GroupId(2),
            form_version_id: 1,
            status,
            answers: Default::default(),
            identification: Identification::None,
            basis_note: String::new(),
            identity_cipher: None,
            meeting_date: Some(jiff::civil::date(2027, 1, 14)),
            placement: String::new(),
            late: false,
            agenda_position: None,
            summary: String::new(),
            requester_record: String::new(),
            follow_up_due: None,
            follow_up_note: String::new(),
            requester_view: String::new(),
            requester_comment: String::new(),
            need_level: String::new(),
            concluded_level: String::new(),
            screening_id: None,
            created_at: "2026-12-01T10:00:00.000000Z".into(),
            submitted_at: None,
            updated_at: "2026-12-01T10:00:00.000000Z".into(),
        }
    }

    #[test]
    fn a_tasks_status_follows_the_request_with_the_reason_of_a_refusal() {
        let t = task(&request(Status::Declined), Some("Ei ryhmän asia."));
        assert_eq!(t["status"], "rejected");
        assert_eq!(t["statusReason"]["text"], "Ei ryhmän asia.");
        assert_eq!(t["businessStatus"]["text"], "declined");
        for (s, want) in [
            (Status::Submitted, "requested"),
            (Status::Accepted, "accepted"),
            (Status::Discussed, "in-progress"),
            (Status::Closed, "completed"),
            (Status::Withdrawn, "cancelled"),
        ] {
            assert_eq!(task(&request(s), None)["status"], want, "{s}");
        }
        assert!(
            task(&request(Status::Accepted), Some("x"))
                .get("statusReason")
                .is_none()
        );
    }

    #[test]
    fn only_an_identified_subject_the_caller_may_see_is_a_patient() {
        let r = request(Status::Submitted);
        let sr = service_request("https://h/fhir/r4", &r, &[], &[], &Subject::Pseudonymous);
        assert!(sr.get("contained").is_none());
        assert!(sr["subject"].get("reference").is_none());
        let sr = service_request("https://h/fhir/r4", &r, &[], &[], &Subject::Hidden);
        assert!(sr.get("contained").is_none());
        let sr = service_request(
            "https://h/fhir/r4",
            &r,
            &[],
            &[],
            &Subject::Identified("131052-308T".into()),
        );
        assert_eq!(sr["subject"]["reference"], "#client");
        assert_eq!(sr["contained"][0]["identifier"][0]["system"], HETU_SYSTEM);
    }

    #[test]
    fn an_appointment_without_its_times_is_proposed_or_cancelled() {
        let a = appointment(&request(Status::Accepted), None).unwrap();
        assert_eq!(a["status"], "cancelled");
        let a = appointment(&request(Status::Submitted), None).unwrap();
        assert_eq!(a["status"], "proposed");
        let mut r = request(Status::Draft);
        r.meeting_date = None;
        assert!(appointment(&r, None).is_none());
    }
}
