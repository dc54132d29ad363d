//! The statistics' tables for a period and a region: each a slice of the
//! protected snapshot, labelled in the reader's language. The page, the
//! exports and the API all show these same tables.

use super::facts::{AUDIENCES, FACES, FEEDBACK_ITEMS, FOLLOW_UP_RESULTS, NONE, OUTCOMES, SURVEY};
use super::snapshot::Snapshot;
use crate::core::db::Db;
use crate::core::page::Page;
use otalusta_domain::questionnaire::Questionnaire;
use otalusta_domain::stats::{ALL, Shown};
use std::collections::HashMap;

/// One figure as shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell {
    Count(Shown),
    /// Days, or none when too few cases.
    Days(Option<i64>),
    /// A share in per cent, or none when it rests on a hidden count.
    Percent(Option<u64>),
}

impl Cell {
    pub fn text(&self) -> String {
        match self {
            Cell::Count(Shown::Value(v)) => v.to_string(),
            Cell::Count(Shown::Small) => "<5".into(),
            Cell::Count(Shown::Hidden) => HIDDEN.into(),
            Cell::Days(Some(d)) => d.to_string(),
            Cell::Percent(Some(p)) => format!("{p} %"),
            Cell::Days(None) | Cell::Percent(None) => "–".into(),
        }
    }

    /// The number, if the cell shows one.
    pub fn number(&self) -> Option<i64> {
        match self {
            Cell::Count(s) => s.value().map(|v| v as i64),
            Cell::Days(d) => *d,
            Cell::Percent(p) => p.map(|p| p as i64),
        }
    }

    /// `small` (under five), `hidden` (hidden to protect a small one),
    /// `too-few` (a time or share on too few cases) or empty.
    pub fn status(&self) -> &'static str {
        match self {
            Cell::Count(Shown::Small) => "small",
            Cell::Count(Shown::Hidden) => "hidden",
            Cell::Days(None) | Cell::Percent(None) => "too-few",
            _ => "",
        }
    }

    pub fn is_count(&self) -> bool {
        matches!(self, Cell::Count(_))
    }
}

/// The mark of a cell hidden to protect a small one.
pub const HIDDEN: &str = "•";

#[derive(Debug, Clone)]
pub struct Row {
    pub code: String,
    pub label: String,
    pub cells: Vec<Cell>,
    /// A total row (set apart on the page).
    pub total: bool,
}

#[derive(Debug, Clone)]
pub struct Table {
    pub id: String,
    pub title: String,
    pub note: String,
    /// The row header's title, then each column's.
    pub head: Vec<String>,
    pub rows: Vec<Row>,
    /// Whether a bar chart of the first column is drawn beside it.
    pub chart: bool,
}

/// What the reader chose, checked against what they may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// A year (`2025`) or [`ALL`].
    pub period: String,
    /// An area code or [`ALL`] (researchers, administrators).
    pub region: String,
}

/// Names the tables need that live in the database.
pub struct Names {
    channels: HashMap<String, String>,
    /// Events: the title and the day.
    events: Vec<(String, String)>,
    phenomena: HashMap<String, String>,
    survey: Option<Questionnaire>,
}

impl Names {
    pub async fn load(db: &Db, lang: &str) -> sqlx::Result<Names> {
        let groups: Vec<(i64, String, String, String)> =
            sqlx::query_as("SELECT id, name_fi, name_sv, name_en FROM consultation_groups")
                .fetch_all(db.pool())
                .await?;
        let phen: Vec<(String, String, String, String)> =
            sqlx::query_as("SELECT code, name_fi, name_sv, name_en FROM phenomena")
                .fetch_all(db.pool())
                .await?;
        let pick = |fi: String, sv: String, en: String| match lang {
            "sv" if !sv.is_empty() => sv,
            "en" if !en.is_empty() => en,
            _ => fi,
        };
        let events: Vec<(i64, String, String)> =
            sqlx::query_as("SELECT id, title, starts_at FROM events ORDER BY starts_at, id")
                .fetch_all(db.pool())
                .await?;
        let survey: Option<(String,)> =
            sqlx::query_as("SELECT definition FROM survey_versions ORDER BY version DESC LIMIT 1")
                .fetch_optional(db.pool())
                .await?;
        Ok(Names {
            events: events
                .into_iter()
                .map(|(id, title, at)| {
                    let day = at.get(..10).unwrap_or_default();
                    (id.to_string(), format!("{title} ({day})"))
                })
                .collect(),
            channels: groups
                .into_iter()
                .map(|(id, fi, sv, en)| (id.to_string(), pick(fi, sv, en)))
                .collect(),
            phenomena: phen
                .into_iter()
                .map(|(c, fi, sv, en)| (c, pick(fi, sv, en)))
                .collect(),
            survey: survey.and_then(|s| serde_json::from_str(&s.0).ok()),
        })
    }
}

/// The label of a region code.
pub fn region_label(page: &Page, code: &str) -> String {
    match code {
        ALL => page.t("stats-region-all"),
        "" => page.t("stats-region-national"),
        c => otalusta_domain::region::area(c)
            .map(|a| a.name(page.lang.code()).to_owned())
            .unwrap_or_else(|| c.to_owned()),
    }
}

fn period_label(page: &Page, p: &str) -> String {
    match p {
        ALL => page.t("stats-total"),
        p if p.len() == 7 => {
            let month: i64 = p[5..].parse().unwrap_or(1);
            format!("{} {}", page.t(&format!("stats-month-{month}")), &p[..4])
        }
        p => p.to_owned(),
    }
}

/// The rows of the time axis: the months of a year, or the years.
fn periods(snap: &Snapshot, f: &Filter) -> Vec<String> {
    if f.period == ALL {
        let mut y = snap.years();
        y.reverse();
        y
    } else {
        snap.months
            .iter()
            .filter(|m| m.starts_with(&f.period))
            .cloned()
            .collect()
    }
}

fn count(snap: &Snapshot, measure: &str, dim: &str, cat: &str, p: &str, r: &str) -> Cell {
    // A cell the cube does not have is a structural zero: shown as small.
    Cell::Count(snap.get(measure, dim, cat, p, r).unwrap_or(Shown::Small))
}

/// A table of one measure's categories (rows) in the chosen period and
/// region, with the total last.
fn by_category(
    snap: &Snapshot,
    f: &Filter,
    measure: &str,
    dim: &str,
    cats: &[(String, String)],
    with_total: &str,
) -> Vec<Row> {
    let mut rows: Vec<Row> = cats
        .iter()
        .filter(|(c, _)| snap.get(measure, dim, c, &f.period, &f.region).is_some())
        .map(|(c, label)| Row {
            code: c.clone(),
            label: label.clone(),
            cells: vec![count(snap, measure, dim, c, &f.period, &f.region)],
            total: false,
        })
        .collect();
    if !with_total.is_empty() {
        rows.push(Row {
            code: ALL.into(),
            label: with_total.to_owned(),
            cells: vec![count(snap, measure, "", "", &f.period, &f.region)],
            total: true,
        });
    }
    rows
}

/// Rows along the time axis (the months of the year, or the years), then
/// the chosen period's total.
fn by_period(
    page: &Page,
    f: &Filter,
    periods: &[String],
    cells: impl Fn(&str) -> Vec<Cell>,
) -> Vec<Row> {
    periods
        .iter()
        .map(|p| (p.as_str(), period_label(page, p), false))
        .chain([(f.period.as_str(), page.t("stats-total"), true)])
        .map(|(p, label, total)| Row {
            code: p.to_owned(),
            label,
            cells: cells(p),
            total,
        })
        .collect()
}

/// Every table for the filter.
pub fn tables(page: &Page, snap: &Snapshot, names: &Names, f: &Filter) -> Vec<Table> {
    let lang = page.lang.code();
    let t = |k: &str| page.t(k);
    let mut out = Vec::new();
    let time_rows = periods(snap, f);
    let row_head = if f.period == ALL {
        t("stats-year")
    } else {
        t("stats-month")
    };

    // Requests by month (or year) and triage outcome.
    let outcome_head = |first: String| {
        let mut head = vec![first, t("stats-requests")];
        head.extend(OUTCOMES.iter().map(|o| t(&format!("stats-outcome-{o}"))));
        head
    };
    // The requests and each triage outcome in a period and a region.
    let outcomes = |p: &str, r: &str| {
        let mut cells = vec![count(snap, "requests", "", "", p, r)];
        cells.extend(
            OUTCOMES
                .iter()
                .map(|o| count(snap, "requests", "outcome", o, p, r)),
        );
        cells
    };
    let head = outcome_head(row_head.clone());
    let rows = by_period(page, f, &time_rows, |p| outcomes(p, &f.region));
    out.push(Table {
        id: "requests-by-month".into(),
        title: t("stats-requests-by-month"),
        note: t("stats-requests-by-month-note"),
        head,
        rows,
        chart: true,
    });

    // By region (all regions only).
    if f.region == ALL {
        let head = outcome_head(t("stats-region"));
        let mut rows = Vec::new();
        for r in snap.areas.iter().map(String::as_str).chain([ALL]) {
            if snap.get("requests", "", "", &f.period, r).is_none() {
                continue;
            }
            rows.push(Row {
                code: r.to_owned(),
                label: region_label(page, r),
                cells: outcomes(&f.period, r),
                total: r == ALL,
            });
        }
        out.push(Table {
            id: "requests-by-region".into(),
            title: t("stats-requests-by-region"),
            note: String::new(),
            head,
            rows,
            chart: false,
        });
    }

    // By channel and by phenomenon.
    let mut channels: Vec<(String, String)> = names
        .channels
        .iter()
        .map(|(id, n)| (id.clone(), n.clone()))
        .collect();
    channels.sort_by(|a, b| a.1.cmp(&b.1));
    out.push(Table {
        id: "requests-by-channel".into(),
        title: t("stats-requests-by-channel"),
        note: String::new(),
        head: vec![t("stats-channel"), t("stats-requests")],
        rows: by_category(snap, f, "requests", "channel", &channels, &t("stats-total")),
        chart: true,
    });
    let mut phen: Vec<(String, String)> = names
        .phenomena
        .iter()
        .map(|(c, n)| (c.clone(), n.clone()))
        .collect();
    phen.sort_by(|a, b| a.1.cmp(&b.1));
    out.push(Table {
        id: "requests-by-phenomenon".into(),
        title: t("stats-requests-by-phenomenon"),
        note: t("stats-requests-by-phenomenon-note"),
        head: vec![t("stats-phenomenon"), t("stats-requests")],
        rows: by_category(snap, f, "requests", "phenomenon", &phen, ""),
        chart: true,
    });

    // Times.
    let rows = by_period(page, f, &time_rows, |p| {
        let mut cells = Vec::new();
        for m in ["to-meeting", "to-recommendation"] {
            let c = snap.time(m, p, &f.region);
            cells.push(Cell::Days(c.and_then(|c| c.median)));
            cells.push(Cell::Days(c.and_then(|c| c.p90)));
        }
        cells
    });
    out.push(Table {
        id: "times".into(),
        title: t("stats-times"),
        note: t("stats-times-note"),
        head: vec![
            row_head.clone(),
            t("stats-to-meeting-median"),
            t("stats-to-meeting-p90"),
            t("stats-to-recommendation-median"),
            t("stats-to-recommendation-p90"),
        ],
        rows,
        chart: false,
    });

    // Follow-ups: requests by what came of their recommendations, and the
    // share of recommendations carried out.
    let cats: Vec<(String, String)> = FOLLOW_UP_RESULTS
        .iter()
        .map(|o| (o.to_string(), t(&format!("stats-follow-up-{o}"))))
        .collect();
    let mut rows = by_category(snap, f, "follow-ups", "result", &cats, &t("stats-total"));
    rows.push(Row {
        code: "share-implemented".into(),
        label: t("stats-share-implemented"),
        cells: vec![Cell::Percent(snap.share(&f.period, &f.region))],
        total: true,
    });
    out.push(Table {
        id: "recommendations".into(),
        title: t("stats-recommendations"),
        note: t("stats-recommendations-note"),
        head: vec![t("stats-outcome"), t("stats-requests")],
        rows,
        chart: false,
    });

    // The requesters' close-out survey: one table per question.
    for (q, choices) in SURVEY {
        let item = names
            .survey
            .as_ref()
            .and_then(|s| s.items.iter().find(|i| i.key == q));
        let mut cats: Vec<(String, String)> = choices
            .iter()
            .map(|c| {
                let label = item
                    .map(|i| i.choice_label(c, lang))
                    .unwrap_or_else(|| c.to_string());
                (c.to_string(), label)
            })
            .collect();
        cats.push((NONE.into(), t("stats-no-answer")));
        out.push(Table {
            id: format!("survey-{q}"),
            title: item
                .map(|i| i.label.get(lang).to_owned())
                .unwrap_or_else(|| q.to_owned()),
            note: String::new(),
            head: vec![t("stats-answer"), t("stats-answers")],
            rows: by_category(snap, f, "survey", q, &cats, &t("stats-total")),
            chart: true,
        });
    }

    // Children's, youths' and parents' feedback: faces by question.
    for aud in AUDIENCES {
        let measure = format!("feedback-{aud}");
        let mut head = vec![t("stats-face")];
        head.extend(
            FEEDBACK_ITEMS
                .iter()
                .map(|q| t(&format!("stats-feedback-{q}"))),
        );
        let mut rows: Vec<Row> = FACES
            .iter()
            .chain([&NONE])
            .map(|face| Row {
                code: face.to_string(),
                label: if *face == NONE {
                    t("stats-no-answer")
                } else {
                    t(&format!("stats-face-{face}"))
                },
                cells: FEEDBACK_ITEMS
                    .iter()
                    .map(|q| count(snap, &measure, q, face, &f.period, &f.region))
                    .collect(),
                total: false,
            })
            .collect();
        let total = count(snap, &measure, "", "", &f.period, &f.region);
        rows.push(Row {
            code: ALL.into(),
            label: t("stats-answered"),
            cells: vec![total; FEEDBACK_ITEMS.len()],
            total: true,
        });
        out.push(Table {
            id: measure.clone(),
            title: t(&format!("stats-feedback-{aud}")),
            note: String::new(),
            head,
            rows,
            chart: false,
        });
    }

    // Event participation by sector.
    let mut sectors: Vec<(String, String)> = snap
        .cells
        .keys()
        .filter(|k| {
            k.measure == "attendance" && k.dim == "sector" && k.period == ALL && k.region == ALL
        })
        .map(|k| {
            let label = if k.cat == "unknown" {
                t("events-sector-unknown")
            } else {
                t(&format!("sector-{}", k.cat))
            };
            (k.cat.clone(), label)
        })
        .collect();
    sectors.sort();
    out.push(Table {
        id: "attendance".into(),
        title: t("stats-attendance"),
        note: t("stats-attendance-note"),
        head: vec![t("stats-sector"), t("stats-attended")],
        rows: by_category(snap, f, "attendance", "sector", &sectors, &t("stats-total")),
        chart: false,
    });
    out.push(Table {
        id: "attendance-by-event".into(),
        title: t("stats-attendance-by-event"),
        note: String::new(),
        head: vec![t("stats-event"), t("stats-attended")],
        rows: by_category(
            snap,
            f,
            "attendance",
            "event",
            &names.events,
            &t("stats-total"),
        ),
        chart: false,
    });
    out
}
