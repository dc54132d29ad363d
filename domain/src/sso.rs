//! Kertakirjautuminen (single sign-on): what a provider's claims give an
//! account here, and what changed since the last login. Plain rules: the
//! OpenID Connect flow itself is in the server's `auth::oidc`.

use crate::role::{Grant, Role};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The claims of a verified ID token, each as its string values: a string
/// claim has one, an array of strings (e.g. `groups`) one per item, a number
/// or a boolean its text.
pub type Claims = BTreeMap<String, Vec<String>>;

/// One line of a provider's mapping: when `claim` holds `value`, the
/// account gets `roles` (a coordinator's scoped to `area`), and, when
/// given, the `organisation` (its id here) and `county`.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub claim: String,
    pub value: String,
    #[serde(default)]
    pub roles: Vec<Role>,
    /// A cooperation area's or a county's code (a county scopes a coordinator
    /// to the groups serving it).
    #[serde(default)]
    pub area: Option<String>,
    #[serde(default)]
    pub organisation: Option<i64>,
    #[serde(default)]
    pub county: Option<String>,
}

/// What the mapping gives an account.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Access {
    /// Sorted by role, no duplicates.
    pub grants: Vec<Grant>,
    /// The area of the first matching rule that names one.
    pub area: Option<String>,
    pub organisation: Option<i64>,
    pub county: Option<String>,
}

impl Rule {
    fn matches(&self, claims: &Claims) -> bool {
        claims
            .get(&self.claim)
            .is_some_and(|vs| vs.iter().any(|v| v == &self.value))
    }
}

/// The access `claims` give under `rules`, with `default_roles` for
/// everyone the provider signs in. The first matching rule that names an
/// area, organisation or county decides it; roles add up. A coordinator
/// grant without an area is left out (it would mean every area).
pub fn map_access(rules: &[Rule], default_roles: &[Role], claims: &Claims) -> Access {
    let mut access = Access::default();
    let mut grants = Vec::new();
    for role in default_roles {
        if !role.needs_area() {
            grants.push(Grant {
                role: *role,
                area: None,
            });
        }
    }
    for rule in rules.iter().filter(|r| r.matches(claims)) {
        if access.area.is_none() {
            access.area = rule.area.clone();
        }
        if access.organisation.is_none() {
            access.organisation = rule.organisation;
        }
        if access.county.is_none() {
            access.county = rule.county.clone();
        }
        for role in &rule.roles {
            match (role.needs_area(), &rule.area) {
                (false, _) => grants.push(Grant {
                    role: *role,
                    area: None,
                }),
                (true, Some(area)) => grants.push(Grant {
                    role: *role,
                    area: Some(area.clone()),
                }),
                (true, None) => {}
            }
        }
    }
    grants.sort_by(|a, b| (a.role, &a.area).cmp(&(b.role, &b.area)));
    grants.dedup();
    access.grants = grants;
    access
}

/// What a provider says about a person, as kept on the account.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Profile {
    pub display_name: String,
    pub email: String,
    pub access: Access,
}

/// The fields that differ between `before` and `after`, in words for the
/// access log: `email a@x -> b@x; roles expert -> expert, secretary`.
/// Empty when nothing changed.
pub fn changes(before: &Profile, after: &Profile) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = |name: &str, a: String, b: String| {
        if a != b {
            out.push(format!("{name} {} -> {}", dash(&a), dash(&b)));
        }
    };
    field(
        "display_name",
        before.display_name.clone(),
        after.display_name.clone(),
    );
    field("email", before.email.clone(), after.email.clone());
    field(
        "roles",
        roles_text(&before.access.grants),
        roles_text(&after.access.grants),
    );
    field(
        "area",
        before.access.area.clone().unwrap_or_default(),
        after.access.area.clone().unwrap_or_default(),
    );
    field(
        "organisation",
        opt(before.access.organisation),
        opt(after.access.organisation),
    );
    field(
        "county",
        before.access.county.clone().unwrap_or_default(),
        after.access.county.clone().unwrap_or_default(),
    );
    out
}

fn opt(v: Option<i64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn dash(s: &str) -> &str {
    if s.is_empty() { "-" } else { s }
}

/// `coordinator@ita-suomi, expert`: grants by name, as the log reads them.
pub fn roles_text(grants: &[Grant]) -> String {
    let mut v: Vec<String> = grants
        .iter()
        .map(|g| match &g.area {
            Some(a) => format!("{}@{a}", g.role.as_str()),
            None => g.role.as_str().to_owned(),
        })
        .collect();
    v.sort();
    v.join(", ")
}

/// A user name for a new account from what the provider calls the person
/// (e.g. `preferred_username` `Anna.Virtanen@kshky.fi`): lower case, the
/// letters the platform's names allow (`a-z 0-9 . _ -`), others as `-`,
/// starting with a letter or digit, at most 64 characters. `None` when
/// nothing usable is left.
pub fn username_from(claim: &str) -> Option<String> {
    let mut s: String = claim
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'a'..='z' | '0'..='9' | '.' | '_' | '-' => c,
            'ä' => 'a',
            'ö' | 'ø' => 'o',
            'å' => 'a',
            _ => '-',
        })
        .collect();
    s = s.trim_start_matches(['.', '_', '-']).to_owned();
    s.truncate(64);
    let s = s.trim_end_matches(['.', '_', '-']).to_owned();
    (s.len() >= 2).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(pairs: &[(&str, &[&str])]) -> Claims {
        pairs
            .iter()
            .map(|(k, vs)| (k.to_string(), vs.iter().map(|v| v.to_string()).collect()))
            .collect()
    }

    fn rule(value: &str, roles: &[Role], area: Option<&str>) -> Rule {
        Rule {
            claim: "groups".into(),
            value: value.into(),
            roles: roles.to_vec(),
            area: area.map(str::to_owned),
            ..Default::default()
        }
    }

    #[test]
    fn matching_rules_add_their_roles_to_the_default_ones() {
        let rules = [
            rule("ot-experts", &[Role::Expert], None),
            rule("ot-coord", &[Role::Coordinator], Some("ita-suomi")),
            rule("other", &[Role::Admin], None),
        ];
        let c = claims(&[("groups", &["ot-experts", "ot-coord", "x"])]);
        let a = map_access(&rules, &[Role::Requester], &c);
        assert_eq!(
            roles_text(&a.grants),
            "coordinator@ita-suomi, expert, requester"
        );
        assert_eq!(a.area.as_deref(), Some("ita-suomi"));
        let none = map_access(&rules, &[], &claims(&[("groups", &["nobody"])]));
        assert!(none.grants.is_empty());
    }

    #[test]
    fn a_coordinator_without_an_area_is_never_granted() {
        let rules = [rule("g", &[Role::Coordinator, Role::Expert], None)];
        let a = map_access(&rules, &[Role::Coordinator], &claims(&[("groups", &["g"])]));
        assert_eq!(roles_text(&a.grants), "expert");
    }

    #[test]
    fn the_first_rule_naming_an_organisation_decides_it() {
        let mut r1 = rule("a", &[Role::Expert], None);
        r1.organisation = Some(3);
        r1.county = Some("keski-suomi".into());
        let mut r2 = rule("b", &[Role::Expert], None);
        r2.organisation = Some(4);
        let a = map_access(&[r1, r2], &[], &claims(&[("groups", &["b", "a"])]));
        assert_eq!(a.organisation, Some(3));
        assert_eq!(a.county.as_deref(), Some("keski-suomi"));
        assert_eq!(a.grants.len(), 1);
    }

    #[test]
    fn changes_name_only_what_differs() {
        let before = Profile {
            display_name: "Anna".into(),
            email: "a@x.fi".into(),
            access: map_access(&[], &[Role::Expert], &Claims::new()),
        };
        assert!(changes(&before, &before).is_empty());
        let mut after = before.clone();
        after.email = "anna@x.fi".into();
        after.access = map_access(&[], &[Role::Expert, Role::Secretary], &Claims::new());
        assert_eq!(
            changes(&before, &after),
            vec![
                "email a@x.fi -> anna@x.fi".to_owned(),
                "roles expert -> expert, secretary".to_owned()
            ]
        );
        let empty = Profile::default();
        assert_eq!(changes(&empty, &before)[0], "display_name - -> Anna");
    }

    #[test]
    fn user_names_are_made_of_allowed_letters() {
        assert_eq!(
            username_from("Anna.Virtanen@KSHKY.fi").as_deref(),
            Some("anna.virtanen-kshky.fi")
        );
        assert_eq!(username_from("  Jörö Mäki ").as_deref(), Some("joro-maki"));
        assert_eq!(username_from("--x").as_deref(), None);
        assert_eq!(username_from("").as_deref(), None);
        assert_eq!(username_from(&"a".repeat(100)).unwrap().len(), 64);
    }
}
