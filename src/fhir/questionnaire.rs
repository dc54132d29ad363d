//! A group's pre-information form (esitietolomake) as a `Questionnaire`:
//! the resource id is the group's, each saved form version is a resource
//! version (`meta.versionId`, `version`), and the canonical URL names the
//! group, so a `QuestionnaireResponse` points at `url|version`.

use crate::consultations::store::FormVersion;
use otalusta_domain::questionnaire::{Item, ItemKind, Texts};
use serde_json::{Value, json};

/// The canonical URL of a group's form.
pub fn url(base: &str, group: i64) -> String {
    format!("{base}/Questionnaire/{group}")
}

/// `url|version` as a response's `questionnaire`.
pub fn canonical(base: &str, group: i64, version: i64) -> String {
    format!("{}|{version}", url(base, group))
}

/// The group id and version (if any) of a canonical `url[|version]` of
/// this endpoint's forms.
pub fn parse_canonical(base: &str, canonical: &str) -> Option<(i64, Option<i64>)> {
    let (u, v) = match canonical.split_once('|') {
        Some((u, v)) => (u, Some(v.parse().ok()?)),
        None => (canonical, None),
    };
    let id = u
        .strip_prefix(base)?
        .strip_prefix("/Questionnaire/")?
        .parse()
        .ok()?;
    Some((id, v))
}

fn item_type(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Text => "string",
        ItemKind::LongText => "text",
        ItemKind::SingleChoice | ItemKind::MultipleChoice => "choice",
        ItemKind::Date => "date",
        ItemKind::Number => "integer",
        ItemKind::YesNo => "boolean",
    }
}

/// The code system of one item's choices.
pub fn choice_system(base: &str, group: i64, item: &str) -> String {
    format!("{}/choices/{item}", url(base, group))
}

/// The Swedish and English of a text as FHIR's translation extension (on
/// the element's `_text`/`_display`); `None` when there are none.
pub fn translations(t: &Texts) -> Option<Value> {
    let ext: Vec<Value> = [("sv", &t.sv), ("en", &t.en)]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(lang, v)| {
            json!({
                "url": "http://hl7.org/fhir/StructureDefinition/translation",
                "extension": [{"url": "lang", "valueCode": lang}, {"url": "content", "valueString": v}],
            })
        })
        .collect();
    (!ext.is_empty()).then(|| json!({ "extension": ext }))
}

fn item(base: &str, group: i64, i: &Item) -> Value {
    let mut v = json!({
        "linkId": i.key,
        "text": i.label.fi,
        "type": item_type(i.kind),
        "required": i.required,
    });
    if i.kind == ItemKind::MultipleChoice {
        v["repeats"] = json!(true);
    }
    if i.kind == ItemKind::Text {
        v["maxLength"] = json!(otalusta_domain::questionnaire::MAX_TEXT);
    }
    if i.kind == ItemKind::LongText {
        v["maxLength"] = json!(otalusta_domain::questionnaire::MAX_LONG_TEXT);
    }
    if i.kind.has_choices() {
        let system = choice_system(base, group, &i.key);
        v["answerOption"] = json!(
            i.choices
                .iter()
                .map(|c| {
                    let mut coding =
                        json!({"system": system, "code": c.key, "display": c.label.fi});
                    if let Some(t) = translations(&c.label) {
                        coding["_display"] = t;
                    }
                    json!({ "valueCoding": coding })
                })
                .collect::<Vec<_>>()
        );
    }
    let mut ext = Vec::new();
    if let Some(min) = i.min {
        ext.push(
            json!({"url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": min}),
        );
    }
    if let Some(max) = i.max {
        ext.push(
            json!({"url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueInteger": max}),
        );
    }
    if !ext.is_empty() {
        v["extension"] = json!(ext);
    }
    if let Some(t) = translations(&i.label) {
        v["_text"] = t;
    }
    if !i.help.fi.is_empty() {
        let mut help = json!({
            "linkId": format!("{}-help", i.key),
            "text": i.help.fi,
            "type": "display",
        });
        if let Some(t) = translations(&i.help) {
            help["_text"] = t;
        }
        v["item"] = json!([help]);
    }
    v
}

/// `active`: whether the group takes requests and this is its current form.
pub fn questionnaire(base: &str, group_name: &str, f: &FormVersion, active: bool) -> Value {
    let g = f.group_id.0;
    json!({
        "resourceType": "Questionnaire",
        "id": g.to_string(),
        "meta": {"versionId": f.version.to_string(), "lastUpdated": f.created_at},
        "url": url(base, g),
        "version": f.version.to_string(),
        "name": format!("Esitietolomake{g}"),
        "title": format!("Esitietolomake: {group_name}"),
        "status": if active { "active" } else { "retired" },
        "date": f.created_at,
        "language": "fi",
        "subjectType": ["Patient"],
        "item": f.form.items.iter().map(|i| item(base, g, i)).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use otalusta_domain::ids::GroupId;
    use otalusta_domain::questionnaire::default_form;

    #[test]
    fn each_form_version_is_a_resource_version_with_the_groups_url() {
        let f = FormVersion {
            id: 9,
            group_id: GroupId(3),
            version: 2,
            form: default_form(),
            created_at: "2026-12-01T10:00:00.000000Z".into(),
        };
        let q = questionnaire("https://h/fhir/r4", "Haastavat erot", &f, true);
        assert_eq!(q["id"], "3");
        assert_eq!(q["meta"]["versionId"], "2");
        assert_eq!(q["url"], "https://h/fhir/r4/Questionnaire/3");
        let items = q["item"].as_array().unwrap();
        assert_eq!(items.len(), f.form.items.len());
        let age = items.iter().find(|i| i["linkId"] == "age_band").unwrap();
        assert_eq!(age["type"], "choice");
        assert!(age["answerOption"].as_array().unwrap().len() > 1);
        let sv = &age["_text"]["extension"][0];
        assert_eq!(sv["extension"][0]["valueCode"], "sv");
        assert_eq!(
            sv["extension"][1]["valueString"],
            "Barnets eller den ungas ålder"
        );
        assert_eq!(
            parse_canonical("https://h/fhir/r4", &canonical("https://h/fhir/r4", 3, 2)),
            Some((3, Some(2)))
        );
        assert_eq!(
            parse_canonical("https://h/fhir/r4", "https://x/Questionnaire/3"),
            None
        );
    }
}
