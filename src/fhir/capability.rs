//! What the FHIR endpoint supports, as one table: the router's dispatch,
//! the search parameters each search accepts and the `CapabilityStatement`
//! all read it, so the statement says exactly what is served.

use serde_json::{Value, json};

/// A resource type served: read by id, search with these parameters
/// (name, FHIR search parameter type, documentation).
pub struct Supported {
    pub kind: &'static str,
    pub search: &'static [(&'static str, &'static str, &'static str)],
    /// `GET /{kind}/{id}/_history/{vid}`.
    pub vread: bool,
    /// Readable without signing in (as the public pages are).
    pub public: bool,
}

const ID: (&str, &str, &str) = ("_id", "token", "The resource id");
const STATUS: (&str, &str, &str) = ("status", "token", "The resource's status code");

pub const RESOURCES: &[Supported] = &[
    Supported {
        kind: "CapabilityStatement",
        search: &[],
        vread: false,
        public: true,
    },
    Supported {
        kind: "CodeSystem",
        search: &[ID, ("url", "uri", "The code system's canonical URL")],
        vread: false,
        public: true,
    },
    Supported {
        kind: "HealthcareService",
        search: &[
            ID,
            ("name", "string", "A part of the group's name"),
            ("specialty", "token", "A phenomenon code the group takes"),
        ],
        vread: false,
        public: true,
    },
    Supported {
        kind: "Practitioner",
        search: &[ID, ("name", "string", "A part of the expert's name")],
        vread: false,
        public: true,
    },
    Supported {
        kind: "PractitionerRole",
        search: &[
            ID,
            ("specialty", "token", "A phenomenon code of the expert"),
            ("practitioner", "reference", "Practitioner/{id}"),
        ],
        vread: false,
        public: true,
    },
    Supported {
        kind: "Questionnaire",
        search: &[
            ID,
            (
                "group",
                "token",
                "The consultation group's id (HealthcareService)",
            ),
            ("url", "uri", "The form's canonical URL"),
            STATUS,
            ("version", "token", "The form version"),
        ],
        vread: true,
        public: false,
    },
    Supported {
        kind: "QuestionnaireResponse",
        search: &[ID, STATUS],
        vread: false,
        public: false,
    },
    Supported {
        kind: "ServiceRequest",
        search: &[ID, STATUS],
        vread: false,
        public: false,
    },
    Supported {
        kind: "Task",
        search: &[ID, STATUS],
        vread: false,
        public: false,
    },
    Supported {
        kind: "CarePlan",
        search: &[ID, STATUS],
        vread: false,
        public: false,
    },
    Supported {
        kind: "Appointment",
        search: &[ID, STATUS],
        vread: false,
        public: false,
    },
];

/// Paging parameters every search takes.
pub const PAGING: &[&str] = &["_count", "_offset", "_format"];

pub fn supported(kind: &str) -> Option<&'static Supported> {
    RESOURCES.iter().find(|r| r.kind == kind)
}

/// The `CapabilityStatement` of `/fhir/r4/metadata`; `base` is the
/// endpoint's absolute URL (`https://host/fhir/r4`).
pub fn statement(base: &str, software_version: &str) -> Value {
    let resource: Vec<Value> = RESOURCES
        .iter()
        .filter(|r| r.kind != "CapabilityStatement")
        .map(|r| {
            let mut interaction = vec![json!({"code": "read"}), json!({"code": "search-type"})];
            if r.vread {
                interaction.push(json!({"code": "vread"}));
            }
            let mut v = json!({
                "type": r.kind,
                "interaction": interaction,
                "versioning": if r.vread { "versioned" } else { "no-version" },
                "readHistory": false,
                "searchParam": r.search.iter().map(|(name, kind, doc)| json!({
                    "name": name, "type": kind, "documentation": doc,
                })).collect::<Vec<_>>(),
            });
            if matches!(r.kind, "QuestionnaireResponse" | "ServiceRequest") {
                v["interaction"]
                    .as_array_mut()
                    .expect("an array")
                    .push(json!({"code": "create", "documentation": "Only inside a transaction Bundle, the QuestionnaireResponse and ServiceRequest of one request together"}));
            }
            v
        })
        .collect();
    json!({
        "resourceType": "CapabilityStatement",
        "id": "otalusta",
        "url": format!("{base}/metadata"),
        "name": "OtalustaFhirServer",
        "title": "OT-alusta FHIR R4",
        "status": "active",
        "date": "2026-12-04",
        "publisher": "otalusta",
        "kind": "instance",
        "software": {"name": "otalusta", "version": software_version},
        "implementation": {
            "description": "OT-alusta: consultation requests, forms, groups and experts",
            "url": base,
        },
        "fhirVersion": "4.0.1",
        "format": ["json", "application/fhir+json"],
        "rest": [{
            "mode": "server",
            "documentation": "Case data (requests and what follows from them) is shown by the platform's access policy and every access is written to its access log.",
            "security": {
                "cors": false,
                "description": "A personal API token (Authorization: Bearer) or the web session cookie. Groups, published experts, the phenomena and this statement are public.",
            },
            "resource": resource,
            "interaction": [{"code": "transaction", "documentation": "A Bundle of a QuestionnaireResponse and a ServiceRequest creates a consultation request"}],
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_statement_lists_every_served_type_with_its_search_parameters() {
        let s = statement("https://ot.example/fhir/r4", "1.0.0");
        assert_eq!(s["fhirVersion"], "4.0.1");
        let types: Vec<&str> = s["rest"][0]["resource"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["type"].as_str().unwrap())
            .collect();
        assert_eq!(types.len(), RESOURCES.len() - 1);
        assert!(types.contains(&"Questionnaire") && types.contains(&"Task"));
        let q = s["rest"][0]["resource"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["type"] == "Questionnaire")
            .unwrap();
        assert!(
            q["searchParam"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["name"] == "group")
        );
        assert!(supported("Patient").is_none());
    }
}
