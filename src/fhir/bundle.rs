//! Bundles: a search's `searchset` with its paging links, and the
//! `transaction-response` of a created request.

use serde_json::{Value, json};

pub const DEFAULT_COUNT: usize = 50;
pub const MAX_COUNT: usize = 200;

/// A page of a search: `_count` (capped) and `_offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub count: usize,
    pub offset: usize,
}

impl Paging {
    /// Reads `_count` and `_offset`; `Err(parameter)` when one is not a
    /// number.
    pub fn read(params: &[(String, String)]) -> Result<Paging, &'static str> {
        let mut p = Paging {
            count: DEFAULT_COUNT,
            offset: 0,
        };
        for (k, v) in params {
            match k.as_str() {
                "_count" => p.count = v.parse().map_err(|_| "_count")?,
                "_offset" => p.offset = v.parse().map_err(|_| "_offset")?,
                _ => {}
            }
        }
        p.count = p.count.min(MAX_COUNT);
        Ok(p)
    }

    /// The indexes of `total` matches this page shows.
    pub fn range(&self, total: usize) -> std::ops::Range<usize> {
        let start = self.offset.min(total);
        start..start.saturating_add(self.count).min(total)
    }
}

/// `resources` are this page's (already cut by `paging`) of `total`
/// matches; `query` are the search parameters other than paging, for the
/// links.
pub fn searchset(
    base: &str,
    kind: &str,
    query: &[(String, String)],
    paging: Paging,
    total: usize,
    resources: Vec<Value>,
) -> Value {
    let link = |offset: usize| {
        let mut pairs: Vec<(String, String)> = query
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "_count" | "_offset" | "_format"))
            .cloned()
            .collect();
        pairs.push(("_count".into(), paging.count.to_string()));
        pairs.push(("_offset".into(), offset.to_string()));
        let qs = serde_urlencoded::to_string(&pairs).unwrap_or_default();
        format!("{base}/{kind}?{qs}")
    };
    let mut links = vec![
        json!({"relation": "self", "url": link(paging.offset)}),
        json!({"relation": "first", "url": link(0)}),
    ];
    let next = paging.offset.saturating_add(paging.count);
    if next < total && paging.count > 0 {
        links.push(json!({"relation": "next", "url": link(next)}));
    }
    if paging.offset > 0 {
        links.push(json!({"relation": "previous", "url": link(paging.offset.saturating_sub(paging.count))}));
    }
    let entry: Vec<Value> = resources
        .into_iter()
        .map(|r| {
            let full = format!(
                "{base}/{}/{}",
                r["resourceType"].as_str().unwrap_or(kind),
                r["id"].as_str().unwrap_or("")
            );
            json!({"fullUrl": full, "resource": r, "search": {"mode": "match"}})
        })
        .collect();
    json!({
        "resourceType": "Bundle",
        "type": "searchset",
        "total": total,
        "link": links,
        "entry": entry,
    })
}

/// The answer to a transaction that created these resources
/// (`Type/id` each), in the order the client sent them.
/// `replayed`: a retried Bundle whose resources exist already (200).
pub fn transaction_response(
    created: &[(String, String)],
    last_updated: &str,
    replayed: bool,
) -> Value {
    let status = if replayed { "200 OK" } else { "201 Created" };
    let entry: Vec<Value> = created
        .iter()
        .map(|(kind, id)| {
            json!({"response": {
                "status": status,
                "location": format!("{kind}/{id}"),
                "lastModified": last_updated,
            }})
        })
        .collect();
    json!({"resourceType": "Bundle", "type": "transaction-response", "entry": entry})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paging_links_carry_the_query_and_stop_at_the_end() {
        let q = vec![("status".to_owned(), "active".to_owned())];
        let p = Paging {
            count: 2,
            offset: 2,
        };
        let b = searchset(
            "https://h/fhir/r4",
            "Task",
            &q,
            p,
            5,
            vec![json!({"resourceType": "Task", "id": "7"})],
        );
        assert_eq!(b["total"], 5);
        let rels: Vec<&str> = b["link"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["relation"].as_str().unwrap())
            .collect();
        assert_eq!(rels, ["self", "first", "next", "previous"]);
        assert_eq!(
            b["link"][2]["url"],
            "https://h/fhir/r4/Task?status=active&_count=2&_offset=4"
        );
        assert_eq!(b["entry"][0]["fullUrl"], "https://h/fhir/r4/Task/7");
        let last = searchset(
            "https://h/fhir/r4",
            "Task",
            &q,
            Paging {
                count: 2,
                offset: 4,
            },
            5,
            vec![],
        );
        assert!(
            !last["link"]
                .as_array()
                .unwrap()
                .iter()
                .any(|l| l["relation"] == "next")
        );
    }

    #[test]
    fn paging_reads_and_caps_the_count() {
        let p = Paging::read(&[("_count".into(), "1000".into())]).unwrap();
        assert_eq!(p.count, MAX_COUNT);
        assert_eq!(
            Paging::read(&[("_offset".into(), "x".into())]),
            Err("_offset")
        );
        assert_eq!(
            Paging {
                count: 10,
                offset: 8
            }
            .range(9),
            8..9
        );
    }
}
