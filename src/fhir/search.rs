//! Search parameters matched against the resources a search may show: the
//! same JSON the read answers, so a search never says more than a read.

use super::capability::{PAGING, Supported};
use serde_json::Value;

/// The parameters of a search other than paging, checked against what
/// the type supports; `Err(name)` for one it does not.
pub fn criteria<'a>(
    s: &Supported,
    params: &'a [(String, String)],
) -> Result<Vec<(&'a str, &'a str)>, String> {
    let mut out = Vec::new();
    for (k, v) in params {
        if PAGING.contains(&k.as_str()) {
            continue;
        }
        if !s.search.iter().any(|(name, _, _)| name == k) {
            return Err(k.clone());
        }
        out.push((k.as_str(), v.as_str()));
    }
    Ok(out)
}

/// A token's code: `system|code` or `code`.
fn code(token: &str) -> &str {
    token.rsplit_once('|').map(|(_, c)| c).unwrap_or(token)
}

fn codes(v: &Value) -> impl Iterator<Item = &str> {
    v.as_array()
        .into_iter()
        .flatten()
        .flat_map(|cc| cc["coding"].as_array().into_iter().flatten())
        .filter_map(|c| c["code"].as_str())
}

/// Whether resource `v` matches one parameter (a comma is "or").
pub fn matches(v: &Value, name: &str, value: &str) -> bool {
    value.split(',').any(|x| match name {
        "_id" | "group" => v["id"].as_str() == Some(x),
        "status" => v["status"].as_str() == Some(code(x)),
        "url" => {
            // `url|version` names one version.
            let (url, version) = x.split_once('|').map_or((x, None), |(u, v)| (u, Some(v)));
            v["url"].as_str() == Some(url)
                && version.is_none_or(|ver| v["version"].as_str() == Some(ver))
        }
        "version" => v["version"].as_str() == Some(x),
        "name" => {
            let n = v["name"]
                .as_str()
                .or(v["name"][0]["text"].as_str())
                .unwrap_or("");
            n.to_lowercase().contains(&x.to_lowercase())
        }
        "specialty" => codes(&v["specialty"]).any(|c| c == code(x)),
        "practitioner" => v["practitioner"]["reference"]
            .as_str()
            .is_some_and(|r| r == x || r.strip_prefix("Practitioner/") == Some(x)),
        _ => false,
    })
}

pub fn matches_all(v: &Value, criteria: &[(&str, &str)]) -> bool {
    criteria.iter().all(|(n, x)| matches(v, n, x))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fhir::capability::supported;
    use serde_json::json;

    #[test]
    fn parameters_match_the_resources_json() {
        let v = json!({"id": "4", "status": "active", "name": "Haastavat erot",
            "specialty": [{"coding": [{"system": "s", "code": "huoltoriidat"}]}]});
        assert!(matches(&v, "status", "draft,active"));
        assert!(matches(&v, "name", "haastav"));
        assert!(matches(&v, "specialty", "s|huoltoriidat"));
        assert!(!matches(&v, "_id", "5"));
        let r = json!({"practitioner": {"reference": "Practitioner/7"}});
        assert!(matches(&r, "practitioner", "7") && matches(&r, "practitioner", "Practitioner/7"));
    }

    #[test]
    fn unknown_parameters_are_named() {
        let s = supported("Task").unwrap();
        let p = vec![
            ("_count".to_owned(), "2".to_owned()),
            ("owner".to_owned(), "x".to_owned()),
        ];
        assert_eq!(criteria(s, &p), Err("owner".to_owned()));
    }
}
