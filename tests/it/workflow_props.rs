//! A property of the whole workflow, through the real router on both
//! engines: random sequences of requests, triage decisions, withdrawals,
//! redirects, moved and cancelled meetings and rule changes. After every
//! step no meeting holds more accepted cases than its places, every
//! request still waiting for a meeting points at a meeting the calendar
//! holds and shows it as the calendar has it, and every request's history
//! replays to its stored status. No step answers with a server error.

use crate::consultations::{ANSWERS, dated_group, group_fields};
use crate::helpers::*;
use otalusta_domain::consultations::{Event, Status, replay};
use otalusta_domain::role::Role;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    Submit,
    /// Accept request `i` onto its proposal, or onto meeting `j`.
    Accept(usize, Option<usize>),
    Ask(usize),
    Resubmit(usize),
    Decline(usize),
    Withdraw(usize),
    Redirect(usize),
    /// Move meeting `j` by `d` days with decision `k` (keep, next, queue).
    Move(usize, i64, usize),
    /// Cancel meeting `j` with decision next (0) or queue (1).
    Cancel(usize, usize),
    /// Change the rule to date list `v`, decision next (0) or queue (1).
    Rule(usize, usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => Just(Op::Submit),
        4 => (0..8usize, proptest::option::of(0..5usize)).prop_map(|(i, j)| Op::Accept(i, j)),
        1 => (0..8usize).prop_map(Op::Ask),
        1 => (0..8usize).prop_map(Op::Resubmit),
        1 => (0..8usize).prop_map(Op::Decline),
        1 => (0..8usize).prop_map(Op::Withdraw),
        1 => (0..8usize).prop_map(Op::Redirect),
        2 => (0..5usize, 1..4i64, 0..3usize).prop_map(|(j, d, k)| Op::Move(j, d, k)),
        1 => (0..5usize, 0..2usize).prop_map(|(j, k)| Op::Cancel(j, k)),
        1 => (0..3usize, 0..2usize).prop_map(|(v, k)| Op::Rule(v, k)),
    ]
}

/// The date lists the rule switches between (days from today).
const RULES: [&[i64]; 3] = [
    &[10, 17, 24, 31, 38],
    &[10, 20, 24, 35, 45],
    &[12, 17, 28, 38, 50],
];

struct World {
    app: TestApp,
    requester: reqwest::Client,
    secretary: reqwest::Client,
    coordinator: reqwest::Client,
    group: i64,
    other: i64,
    requests: Vec<i64>,
}

/// The value of the hidden field `name` in `html`.
fn hidden(html: &str, name: &str) -> Option<String> {
    let key = format!("name=\"{name}\" value=\"");
    let i = html.find(&key)? + key.len();
    Some(html[i..i + html[i..].find('"')?].to_owned())
}

impl World {
    async fn post(
        &self,
        c: &reqwest::Client,
        page: &str,
        path: &str,
        f: &[(&str, String)],
    ) -> (u16, String) {
        let fields: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let res = self.app.post_form(c, page, path, &fields).await;
        let code = res.status().as_u16();
        (code, res.text().await.unwrap())
    }

    fn pick(&self, i: usize) -> Option<i64> {
        (!self.requests.is_empty()).then(|| self.requests[i % self.requests.len()])
    }

    /// The group's coming meetings (rule dates), as the API gives them.
    async fn meetings(&self, g: i64) -> Vec<serde_json::Value> {
        self.coordinator
            .get(self.app.url(&format!("/api/v1/groups/{g}/meetings")))
            .send()
            .await
            .unwrap()
            .json::<Vec<serde_json::Value>>()
            .await
            .unwrap()
    }

    /// A meeting change that may ask about its cases first: posts again
    /// with the decision and the cases the preview showed.
    async fn change(
        &self,
        page: &str,
        path: &str,
        mut f: Vec<(&'static str, String)>,
        decision: &str,
    ) -> u16 {
        let (code, html) = self.post(&self.secretary, page, path, &f).await;
        if code != 200 {
            return code;
        }
        let Some(cases) = hidden(&html, "cases") else {
            return code;
        };
        f.push(("cases", cases));
        f.push(("decision", decision.into()));
        self.post(&self.secretary, page, path, &f).await.0
    }

    async fn step(&mut self, op: &Op) -> u16 {
        let decisions = ["keep", "next", "queue"];
        match op {
            Op::Submit => {
                let mut f: Vec<(&str, String)> =
                    ANSWERS.iter().map(|(k, v)| (*k, v.to_string())).collect();
                f.push(("group", self.group.to_string()));
                f.push(("identification", "none".into()));
                f.push(("action", "submit".into()));
                let page = format!("/requests/new?group={}", self.group);
                let res = self
                    .app
                    .post_form(
                        &self.requester,
                        &page,
                        "/requests",
                        &f.iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>(),
                    )
                    .await;
                let code = res.status().as_u16();
                if let Some(loc) = res.headers().get("location") {
                    let id = loc.to_str().unwrap().trim_start_matches("/requests/");
                    self.requests
                        .push(id.split('?').next().unwrap().parse().unwrap());
                }
                code
            }
            Op::Accept(i, j) => {
                let Some(id) = self.pick(*i) else { return 0 };
                let meeting = match j {
                    None => String::new(),
                    Some(j) => {
                        let m = self.meetings(self.group).await;
                        m.get(j % m.len().max(1))
                            .map(|m| m["rule_date"].as_str().unwrap().to_owned())
                            .unwrap_or_default()
                    }
                };
                let p = format!("/requests/{id}");
                self.post(
                    &self.secretary,
                    &p,
                    &format!("{p}/accept"),
                    &[("meeting", meeting), ("reason", "ominaisuustesti".into())],
                )
                .await
                .0
            }
            Op::Ask(i) | Op::Decline(i) => {
                let Some(id) = self.pick(*i) else { return 0 };
                let p = format!("/requests/{id}");
                let action = if matches!(op, Op::Ask(_)) {
                    "ask"
                } else {
                    "decline"
                };
                self.post(
                    &self.secretary,
                    &p,
                    &format!("{p}/{action}"),
                    &[("reason", "Syy".into())],
                )
                .await
                .0
            }
            Op::Resubmit(i) => {
                let Some(id) = self.pick(*i) else { return 0 };
                let mut f: Vec<(&str, String)> =
                    ANSWERS.iter().map(|(k, v)| (*k, v.to_string())).collect();
                f.push(("identification", "none".into()));
                f.push(("action", "submit".into()));
                let p = format!("/requests/{id}");
                self.post(&self.requester, &p, &p, &f).await.0
            }
            Op::Withdraw(i) => {
                let Some(id) = self.pick(*i) else { return 0 };
                let p = format!("/requests/{id}");
                self.post(&self.requester, &p, &format!("{p}/withdraw"), &[])
                    .await
                    .0
            }
            Op::Redirect(i) => {
                let Some(id) = self.pick(*i) else { return 0 };
                let p = format!("/requests/{id}");
                let target = self.other.to_string();
                self.post(
                    &self.secretary,
                    &p,
                    &format!("{p}/redirect"),
                    &[("group", target), ("reason", "Toinen ryhmä".into())],
                )
                .await
                .0
            }
            Op::Move(j, d, k) => {
                let Some((page, m)) = self.meeting(*j).await else {
                    return 0;
                };
                let date: jiff::civil::Date = m["date"].as_str().unwrap().parse().unwrap();
                let to = date.checked_add(jiff::Span::new().days(*d)).unwrap();
                let f = vec![
                    ("date", to.to_string()),
                    ("time", "14:30".into()),
                    ("reason", "Siirto".into()),
                ];
                self.change(&page, &format!("{page}/move"), f, decisions[*k % 3])
                    .await
            }
            Op::Cancel(j, k) => {
                let Some((page, _)) = self.meeting(*j).await else {
                    return 0;
                };
                let f = vec![("reason", "Peruttu".into())];
                self.change(&page, &format!("{page}/cancel"), f, decisions[1 + *k % 2])
                    .await
            }
            Op::Rule(v, k) => {
                let page = format!("/groups/{}/edit", self.group);
                let path = format!("/groups/{}", self.group);
                let mut f = group_fields(RULES[*v % 3], "2");
                let (code, html) = self.post(&self.coordinator, &page, &path, &f).await;
                if code != 200 {
                    return code;
                }
                let Some(signature) = hidden(&html, "signature") else {
                    return code;
                };
                f.push(("signature", signature));
                f.push(("decision", decisions[1 + *k % 2].into()));
                self.post(&self.coordinator, &page, &path, &f).await.0
            }
        }
    }

    /// The `j`th coming meeting of the group: its page and its JSON.
    async fn meeting(&self, j: usize) -> Option<(String, serde_json::Value)> {
        let m = self.meetings(self.group).await;
        let m = m.get(j % m.len().max(1))?.clone();
        let page = format!(
            "/groups/{}/meetings/{}",
            self.group,
            m["rule_date"].as_str().unwrap()
        );
        Some((page, m))
    }

    /// The invariants, checked against the database and the API.
    async fn check(&self, after: &Op) {
        let db = self.app.state.db.pool();
        for g in [self.group, self.other] {
            let (cap,): (i64,) =
                sqlx::query_as("SELECT capacity FROM consultation_groups WHERE id = $1")
                    .bind(g)
                    .fetch_one(db)
                    .await
                    .unwrap();
            let rows: Vec<(String, i64)> = sqlx::query_as(
                "SELECT meeting_date, COUNT(*) FROM requests WHERE group_id = $1 \
                 AND meeting_date IS NOT NULL AND status IN ('accepted', 'discussed', 'follow-up', 'closed') \
                 GROUP BY meeting_date",
            )
            .bind(g)
            .fetch_all(db)
            .await
            .unwrap();
            for (d, n) in rows {
                assert!(
                    n <= cap,
                    "after {after:?}: meeting {d} of group {g} holds {n} > {cap}"
                );
            }
            let held: std::collections::HashMap<String, serde_json::Value> = self
                .meetings(g)
                .await
                .into_iter()
                .map(|m| (m["rule_date"].as_str().unwrap().to_owned(), m))
                .collect();
            let waiting: Vec<(i64, String)> = sqlx::query_as(
                "SELECT id, meeting_date FROM requests WHERE group_id = $1 AND meeting_date IS NOT NULL \
                 AND status IN ('submitted', 'more-info', 'accepted')",
            )
            .bind(g)
            .fetch_all(db)
            .await
            .unwrap();
            for (id, d) in waiting {
                let m = held.get(&d).unwrap_or_else(|| {
                    panic!("after {after:?}: request {id} points at {d}, not in the calendar")
                });
                assert_eq!(
                    m["status"], "scheduled",
                    "after {after:?}: request {id} on a meeting not held"
                );
                // The request shows the meeting as the calendar has it.
                let r: serde_json::Value = self
                    .secretary
                    .get(self.app.url(&format!("/api/v1/requests/{id}")))
                    .send()
                    .await
                    .unwrap()
                    .json()
                    .await
                    .unwrap();
                assert_eq!(
                    r["meeting_detail"]["start"], m["start"],
                    "after {after:?}: request {id} shows another time than the calendar"
                );
            }
        }
        for id in &self.requests {
            let (stored,): (String,) = sqlx::query_as("SELECT status FROM requests WHERE id = $1")
                .bind(id)
                .fetch_one(db)
                .await
                .unwrap();
            let kinds: Vec<(String,)> =
                sqlx::query_as("SELECT kind FROM request_events WHERE request_id = $1 ORDER BY id")
                    .bind(id)
                    .fetch_all(db)
                    .await
                    .unwrap();
            let events: Vec<Event> = kinds.iter().map(|(k,)| k.parse().unwrap()).collect();
            assert_eq!(
                replay(&events),
                Ok(stored.parse::<Status>().unwrap()),
                "after {after:?}: the history of {id} ({kinds:?}) replays to its status"
            );
        }
    }
}

async fn run(ops: Vec<Op>) {
    let app = TestApp::spawn().await;
    let group = dated_group(&app, RULES[0], "2").await;
    let other = dated_group(&app, &[12, 26], "1").await;
    let mut w = World {
        requester: app.login(Role::Requester).await,
        secretary: app.login(Role::Secretary).await,
        coordinator: app.login(Role::Coordinator).await,
        app,
        group,
        other,
        requests: Vec::new(),
    };
    for op in &ops {
        let code = w.step(op).await;
        assert!(code < 500, "{op:?} answered {code} (steps: {ops:?})");
        w.check(op).await;
    }
    // Every submit made a request (the walk is not vacuous).
    let submits = ops.iter().filter(|o| matches!(o, Op::Submit)).count();
    assert_eq!(w.requests.len(), submits);
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 8,
        max_shrink_iters: 20,
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_sequence_overbooks_orphans_or_rewrites_history(ops in proptest::collection::vec(op(), 10..30)) {
        let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
        rt.block_on(run(ops));
    }
}
