//! The platform's own `CodeSystem` of phenomena (ilmiöt), with Finnish
//! displays and Swedish and English designations; experts' and groups'
//! specialties and a request's reasons are codes of it.

use crate::taxonomy::store::PhenomenonRow;
use serde_json::{Value, json};

pub const ID: &str = "phenomena";

/// The system URL of phenomenon codes.
pub fn system(base: &str) -> String {
    format!("{base}/CodeSystem/{ID}")
}

/// A phenomenon code as a `Coding` (display in Finnish when known).
pub fn coding(base: &str, code: &str, all: &[PhenomenonRow]) -> Value {
    let mut c = json!({"system": system(base), "code": code});
    if let Some(p) = all.iter().find(|p| p.code == code) {
        c["display"] = json!(p.name("fi"));
    }
    c
}

pub fn code_system(base: &str, all: &[PhenomenonRow]) -> Value {
    let concept: Vec<Value> = all
        .iter()
        .map(|p| {
            let mut designation = Vec::new();
            for (lang, value) in [("fi", &p.name_fi), ("sv", &p.name_sv), ("en", &p.name_en)] {
                if !value.is_empty() {
                    designation.push(json!({"language": lang, "value": value}));
                }
            }
            let mut c = json!({
                "code": p.code,
                "display": p.name("fi"),
                "designation": designation,
            });
            if !p.description_fi.is_empty() {
                c["definition"] = json!(p.description_fi);
            }
            if p.active == 0 {
                c["property"] = json!([{"code": "inactive", "valueBoolean": true}]);
            }
            c
        })
        .collect();
    json!({
        "resourceType": "CodeSystem",
        "id": ID,
        "url": system(base),
        "name": "OtalustaPhenomena",
        "title": "Ilmiöt (OT-alusta)",
        "status": "active",
        "language": "fi",
        "caseSensitive": true,
        "content": "complete",
        "count": concept.len(),
        "property": [{"code": "inactive", "type": "boolean", "uri": "http://hl7.org/fhir/concept-properties#inactive"}],
        "concept": concept,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn row(code: &str, fi: &str, sv: &str, en: &str) -> PhenomenonRow {
        PhenomenonRow {
            id: 1,
            code: code.into(),
            name_fi: fi.into(),
            name_sv: sv.into(),
            name_en: en.into(),
            description_fi: String::new(),
            description_sv: String::new(),
            description_en: String::new(),
            synonyms: String::new(),
            active: 1,
        }
    }

    #[test]
    fn concepts_carry_all_three_languages() {
        let all = [row(
            "huoltoriidat",
            "Huoltoriidat",
            "Vårdnadstvister",
            "Custody disputes",
        )];
        let cs = code_system("https://h/fhir/r4", &all);
        assert_eq!(cs["url"], "https://h/fhir/r4/CodeSystem/phenomena");
        let d = cs["concept"][0]["designation"].as_array().unwrap();
        assert_eq!(d.len(), 3);
        assert_eq!(d[1]["language"], "sv");
        assert_eq!(d[1]["value"], "Vårdnadstvister");
        assert_eq!(
            coding("https://h/fhir/r4", "huoltoriidat", &all)["display"],
            "Huoltoriidat"
        );
    }
}
