//! Reads the counts at the finest level (month × area × category) from
//! the database: grouped in SQL, so that a million requests come back as a
//! few thousand rows. A case's month is the month its request was
//! submitted (an event's, the month it was held).

use crate::core::db::{Db, Engine};
use otalusta_domain::stats::{Category, Dimension, Fact, Measure, Spec};
use std::collections::{BTreeMap, BTreeSet};

/// Survey questions with choices the statistics count (the free text
/// `missing` is never counted), and their choice codes.
pub const SURVEY: [(&str, &[&str]); 4] = [
    ("useful", &["5", "4", "3", "2", "1"]),
    ("plan_changed", &["yes", "partly", "no"]),
    ("avoided_other", &["yes", "no", "dont-know"]),
    ("speed", &["in-time", "bit-late", "too-late"]),
];
pub const AUDIENCES: [&str; 3] = ["child", "youth", "parent"];
pub const FEEDBACK_ITEMS: [&str; 3] = ["heard", "understood", "helped"];
pub const FACES: [&str; 5] = ["5", "4", "3", "2", "1"];
/// Triage outcomes: where a submitted request stands.
pub const OUTCOMES: [&str; 5] = ["accepted", "waiting", "more-info", "declined", "withdrawn"];
/// What came of a request's recommendations at follow-up: all carried
/// out, some (or partly), none.
pub const FOLLOW_UP_RESULTS: [&str; 3] = ["all", "some", "none"];
/// The category of an answer not given (or of another survey version).
pub const NONE: &str = "none";

/// Recommendations carried out and recorded at follow-up, per month and
/// area: the share's numerator and denominator.
pub type Shares = BTreeMap<(String, String), (u64, u64)>;

/// The triage outcome of a request's status.
pub fn outcome(status: &str) -> &'static str {
    match status {
        "accepted" | "discussed" | "follow-up" | "closed" => "accepted",
        "more-info" => "more-info",
        "declined" => "declined",
        "withdrawn" => "withdrawn",
        _ => "waiting",
    }
}

/// Days from submission to the meeting (`to-meeting`) and to the first
/// recorded recommendations (`to-recommendation`), as histograms.
pub type Times = BTreeMap<(&'static str, String, String), Vec<(i64, u64)>>;

pub struct Gathered {
    pub spec: Spec,
    pub facts: Vec<Fact>,
    pub times: Times,
    pub shares: Shares,
}

type Row = (String, String, String, i64);

fn days(engine: Engine, later: &str, earlier: &str) -> String {
    match engine {
        Engine::Sqlite => format!(
            "CAST(julianday(substr({later}, 1, 10)) - julianday(substr({earlier}, 1, 10)) AS BIGINT)"
        ),
        Engine::Postgres => format!(
            "(CAST(substr({later}, 1, 10) AS DATE) - CAST(substr({earlier}, 1, 10) AS DATE))"
        ),
    }
}

fn answer(engine: Engine, column: &str, key: &str) -> String {
    match engine {
        Engine::Sqlite => format!("COALESCE(json_extract({column}, '$.{key}.value'), '')"),
        Engine::Postgres => {
            format!("COALESCE(CAST({column} AS JSON) -> '{key}' ->> 'value', '')")
        }
    }
}

const FROM_REQUESTS: &str = "FROM requests r JOIN consultation_groups g ON g.id = r.group_id";
const MONTH: &str = "substr(r.submitted_at, 1, 7)";

async fn rows(db: &Db, sql: String) -> sqlx::Result<Vec<Row>> {
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .fetch_all(db.pool())
        .await
}

fn fact(measure: &str, dim: &str, cat: &str, month: &str, area: &str, n: i64) -> Fact {
    Fact {
        measure: measure.into(),
        dim: dim.into(),
        cat: cat.into(),
        month: month.into(),
        area: area.into(),
        n: n.max(0) as u64,
    }
}

fn fixed(name: &str, cats: &[&str]) -> Dimension {
    Dimension {
        name: name.into(),
        additive: true,
        monthly: false,
        cats: cats.iter().map(|c| Category::open(c)).collect(),
    }
}

/// Everything the statistics count, read from the database.
pub async fn gather(db: &Db) -> sqlx::Result<Gathered> {
    let e = db.engine();
    let mut facts = Vec::new();
    let mut measures = Vec::new();

    // Requests by channel and triage outcome.
    let req: Vec<(String, String, i64, String, i64)> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {MONTH}, g.area_code, r.group_id, r.status, COUNT(*) {FROM_REQUESTS} \
         WHERE r.submitted_at IS NOT NULL GROUP BY {MONTH}, g.area_code, r.group_id, r.status"
        )))
        .fetch_all(db.pool())
        .await?;
    let mut channels = BTreeMap::new();
    for (m, a, g, status, n) in &req {
        channels.insert(*g, a.clone());
        facts.push(fact("requests", "", "", m, a, *n));
        facts.push(fact("requests", "channel", &g.to_string(), m, a, *n));
        facts.push(fact("requests", "outcome", outcome(status), m, a, *n));
    }
    let phen = rows(
        db,
        format!(
            "SELECT {MONTH}, g.area_code, p.code, COUNT(*) {FROM_REQUESTS} \
             JOIN request_phenomena rp ON rp.request_id = r.id JOIN phenomena p ON p.id = rp.phenomenon_id \
             WHERE r.submitted_at IS NOT NULL GROUP BY {MONTH}, g.area_code, p.code"
        ),
    )
    .await?;
    let phenomena: BTreeSet<String> = phen.iter().map(|r| r.2.clone()).collect();
    for (m, a, p, n) in &phen {
        facts.push(fact("requests", "phenomenon", p, m, a, *n));
    }
    measures.push(Measure {
        name: "requests".into(),
        // The one table by month: requests and their triage outcomes.
        monthly: true,
        dims: vec![
            Dimension {
                name: "channel".into(),
                additive: true,
                monthly: false,
                cats: channels
                    .iter()
                    .map(|(g, a)| Category {
                        code: g.to_string(),
                        area: Some(a.clone()),
                    })
                    .collect(),
            },
            Dimension {
                monthly: true,
                ..fixed("outcome", &OUTCOMES)
            },
            Dimension {
                name: "phenomenon".into(),
                additive: false,
                monthly: false,
                cats: phenomena.iter().map(|p| Category::open(p)).collect(),
            },
        ],
    });

    // Follow-ups: each request once, by what came of its recommendations
    // (a count of recommendations would let one child's case make a cell
    // of five); the share carried out is the recommendations' ratio, shown
    // only beside a shown count of requests.
    let recs: Vec<(String, String, i64, i64, i64)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {MONTH}, g.area_code, r.id, \
         CAST(SUM(CASE WHEN rec.outcome = 'implemented' THEN 1 ELSE 0 END) AS BIGINT), COUNT(*) \
         {FROM_REQUESTS} JOIN recommendations rec ON rec.request_id = r.id \
         WHERE r.submitted_at IS NOT NULL AND rec.outcome IS NOT NULL \
         GROUP BY {MONTH}, g.area_code, r.id"
    )))
    .fetch_all(db.pool())
    .await?;
    let mut results: BTreeMap<(String, String, &'static str), i64> = BTreeMap::new();
    let mut shares = Shares::new();
    for (m, a, _, done, all) in &recs {
        let result = if done == all {
            "all"
        } else if *done > 0 {
            "some"
        } else {
            "none"
        };
        *results.entry((m.clone(), a.clone(), result)).or_default() += 1;
        let e = shares.entry((m.clone(), a.clone())).or_default();
        e.0 += *done as u64;
        e.1 += *all as u64;
    }
    for ((m, a, result), n) in &results {
        facts.push(fact("follow-ups", "", "", m, a, *n));
        facts.push(fact("follow-ups", "result", result, m, a, *n));
    }
    measures.push(Measure {
        name: "follow-ups".into(),
        monthly: false,
        dims: vec![fixed("result", &FOLLOW_UP_RESULTS)],
    });

    // The requesters' close-out surveys: one measure, each question a
    // dimension of it (every question is required, so all share the total
    // of surveys; an answer of another version counts as "none").
    let cols: Vec<String> = SURVEY
        .iter()
        .map(|(q, _)| answer(e, "s.answers", q))
        .collect();
    let survey: Vec<(String, String, String, String, String, String, i64)> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {MONTH}, g.area_code, {c}, COUNT(*) {FROM_REQUESTS} \
             JOIN survey_answers s ON s.request_id = r.id WHERE r.submitted_at IS NOT NULL \
             GROUP BY {MONTH}, g.area_code, {c}",
            c = cols.join(", ")
        )))
        .fetch_all(db.pool())
        .await?;
    for (m, a, a1, a2, a3, a4, n) in &survey {
        facts.push(fact("survey", "", "", m, a, *n));
        for ((q, choices), v) in SURVEY.iter().zip([a1, a2, a3, a4]) {
            let cat = if choices.contains(&v.as_str()) {
                v
            } else {
                NONE
            };
            facts.push(fact("survey", q, cat, m, a, *n));
        }
    }
    measures.push(Measure {
        name: "survey".into(),
        monthly: false,
        dims: SURVEY
            .iter()
            .map(|(q, choices)| {
                let mut cats = choices.to_vec();
                cats.push(NONE);
                fixed(q, &cats)
            })
            .collect(),
    });

    // Children's, youths' and parents' feedback.
    let cols: Vec<String> = FEEDBACK_ITEMS
        .iter()
        .map(|q| answer(e, "f.answers", q))
        .collect();
    let feedback: Vec<(String, String, String, String, String, String, i64)> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {MONTH}, g.area_code, f.audience, {c}, COUNT(*) {FROM_REQUESTS} \
             JOIN feedback_answers f ON f.request_id = r.id WHERE r.submitted_at IS NOT NULL \
             GROUP BY {MONTH}, g.area_code, f.audience, {c}",
            c = cols.join(", ")
        )))
        .fetch_all(db.pool())
        .await?;
    // Each audience one measure, each question a dimension (unanswered:
    // "none"), so that all share the audience's total of answers. The unit
    // is the respondent: each answer is one person's.
    for (m, a, aud, h, u, hp, n) in &feedback {
        if !AUDIENCES.contains(&aud.as_str()) {
            continue;
        }
        let name = format!("feedback-{aud}");
        facts.push(fact(&name, "", "", m, a, *n));
        for (q, v) in FEEDBACK_ITEMS.iter().zip([h, u, hp]) {
            let cat = if FACES.contains(&v.as_str()) { v } else { NONE };
            facts.push(fact(&name, q, cat, m, a, *n));
        }
    }
    for aud in AUDIENCES {
        let mut cats = FACES.to_vec();
        cats.push(NONE);
        measures.push(Measure {
            name: format!("feedback-{aud}"),
            monthly: false,
            dims: FEEDBACK_ITEMS.iter().map(|q| fixed(q, &cats)).collect(),
        });
    }

    // Event participation by the participant's sector and by event (an
    // event belongs to its area, or to none: national).
    let att: Vec<(String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT substr(e.starts_at, 1, 7), COALESCE(e.area_code, ''), COALESCE(o.sector, 'unknown'), e.id, COUNT(*) \
         FROM event_registrations r JOIN events e ON e.id = r.event_id \
         LEFT JOIN users u ON u.id = r.user_id LEFT JOIN organisations o ON o.id = u.organisation_id \
         WHERE r.attended = 1 AND r.status = 'registered' \
         GROUP BY substr(e.starts_at, 1, 7), COALESCE(e.area_code, ''), COALESCE(o.sector, 'unknown'), e.id",
    )
    .fetch_all(db.pool())
    .await?;
    let sectors: BTreeSet<String> = att.iter().map(|r| r.2.clone()).collect();
    let events: BTreeMap<i64, String> = att.iter().map(|r| (r.3, r.1.clone())).collect();
    for (m, a, s, e, n) in &att {
        facts.push(fact("attendance", "", "", m, a, *n));
        facts.push(fact("attendance", "sector", s, m, a, *n));
        facts.push(fact("attendance", "event", &e.to_string(), m, a, *n));
    }
    measures.push(Measure {
        name: "attendance".into(),
        monthly: false,
        dims: vec![
            Dimension {
                name: "sector".into(),
                additive: true,
                monthly: false,
                cats: sectors.iter().map(|s| Category::open(s)).collect(),
            },
            Dimension {
                name: "event".into(),
                additive: true,
                monthly: false,
                cats: events
                    .iter()
                    .map(|(id, area)| Category {
                        code: id.to_string(),
                        area: Some(area.clone()),
                    })
                    .collect(),
            },
        ],
    });

    // Times, as day histograms per month and area.
    let mut times = Times::new();
    let meeting = days(e, "r.meeting_date", "r.submitted_at");
    let to_meeting: Vec<(String, String, i64, i64)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {MONTH}, g.area_code, {meeting}, COUNT(*) {FROM_REQUESTS} \
         WHERE r.submitted_at IS NOT NULL AND r.meeting_date IS NOT NULL \
         AND r.status IN ('discussed', 'follow-up', 'closed') \
         GROUP BY {MONTH}, g.area_code, {meeting}"
    )))
    .fetch_all(db.pool())
    .await?;
    let first = days(e, "x.at", "r.submitted_at");
    let to_rec: Vec<(String, String, i64, i64)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {MONTH}, g.area_code, {first}, COUNT(*) {FROM_REQUESTS} \
         JOIN (SELECT request_id, MIN(at) AS at FROM request_events WHERE kind = 'outcome-recorded' \
               GROUP BY request_id) x ON x.request_id = r.id \
         WHERE r.submitted_at IS NOT NULL GROUP BY {MONTH}, g.area_code, {first}"
    )))
    .fetch_all(db.pool())
    .await?;
    for (name, list) in [("to-meeting", to_meeting), ("to-recommendation", to_rec)] {
        for (m, a, d, n) in list {
            times
                .entry((name, m, a))
                .or_default()
                .push((d, n.max(0) as u64));
        }
    }

    let mut months: BTreeSet<String> = facts.iter().map(|f| f.month.clone()).collect();
    months.retain(|m| m.len() == 7);
    let spec = Spec {
        months: dense(&months),
        measures,
    };
    Ok(Gathered {
        spec,
        facts,
        times,
        shares,
    })
}

/// Every month from the first to the last.
fn dense(months: &BTreeSet<String>) -> Vec<String> {
    let parse =
        |m: &str| -> Option<(i32, i32)> { Some((m[..4].parse().ok()?, m[5..].parse().ok()?)) };
    let (Some(first), Some(last)) = (
        months.first().and_then(|m| parse(m)),
        months.last().and_then(|m| parse(m)),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let (mut y, mut m) = first;
    while (y, m) <= last {
        out.push(format!("{y:04}-{m:02}"));
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    out
}
