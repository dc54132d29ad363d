//! The published statistics: computed from the whole data at once,
//! protected, and stored as one row, so that every node shows the same
//! figures and a view is a lookup, however large the data grows.

use super::facts::{self, Gathered};
use crate::core::db::{self, Db};
use otalusta_domain::stats::{ALL, Key, Shown, audit, build, percentiles, protect_from};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

/// A time cell: median and 90th percentile in days (none when too few).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TimeCell {
    pub measure: String,
    pub period: String,
    pub region: String,
    pub median: Option<i64>,
    pub p90: Option<i64>,
}

/// The share of recommendations carried out, in per cent: shown only where
/// the count of follow-ups beside it is shown.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ShareCell {
    pub period: String,
    pub region: String,
    pub percent: Option<u64>,
}

/// The stored form: cells as compact rows `[measure, dim, cat, period,
/// region, value]` with -1 for "<5" and -2 for a complementary hidden cell.
#[derive(Debug, Serialize, Deserialize)]
struct Stored {
    months: Vec<String>,
    areas: Vec<String>,
    cells: Vec<(String, String, String, String, String, i64)>,
    times: Vec<TimeCell>,
    #[serde(default)]
    shares: Vec<ShareCell>,
    /// The complementary cells' true values (never shown: kept so that the
    /// next snapshot keeps them hidden while they stay).
    #[serde(default)]
    hidden: Vec<(Key, u64)>,
}

#[derive(Debug, Default)]
pub struct Snapshot {
    pub id: i64,
    pub computed_at: String,
    pub months: Vec<String>,
    /// Areas (and `""`, national) with any case at all.
    pub areas: Vec<String>,
    pub cells: HashMap<Key, Shown>,
    pub times: HashMap<(String, String, String), TimeCell>,
    pub shares: HashMap<(String, String), Option<u64>>,
}

impl Snapshot {
    pub fn get(
        &self,
        measure: &str,
        dim: &str,
        cat: &str,
        period: &str,
        region: &str,
    ) -> Option<Shown> {
        self.cells
            .get(&Key::new(measure, dim, cat, period, region))
            .copied()
    }

    pub fn time(&self, measure: &str, period: &str, region: &str) -> Option<&TimeCell> {
        self.times
            .get(&(measure.to_owned(), period.to_owned(), region.to_owned()))
    }

    /// The share of recommendations carried out (per cent), if shown.
    pub fn share(&self, period: &str, region: &str) -> Option<u64> {
        self.shares
            .get(&(period.to_owned(), region.to_owned()))
            .copied()
            .flatten()
    }

    /// The years in the data, newest first.
    pub fn years(&self) -> Vec<String> {
        let y: BTreeSet<String> = self.months.iter().map(|m| m[..4].to_owned()).collect();
        y.into_iter().rev().collect()
    }
}

/// The cells hidden to protect others in the snapshot before, with their
/// true values: kept hidden while their value stays, so that two snapshots
/// side by side show no more than each alone.
pub type Before = HashMap<Key, u64>;

/// The protected statistics, ready to store.
pub struct Computed {
    stored: Stored,
}

/// Computes the protected statistics from the data; refuses (an error)
/// when the final audit finds a small cell a reader could pin down.
pub fn compute(g: &Gathered, before: &Before) -> anyhow::Result<Computed> {
    let cube = build(&g.spec, &g.facts);
    // What hiding a cell costs: its value, four times that in a year or a
    // month (read most; "all years" least), eight times for a measure's
    // total (the figure every table ends with).
    let cost: Vec<u64> = cube
        .keys
        .iter()
        .zip(&cube.values)
        .map(|(k, v)| {
            let period = if k.period == ALL { 1 } else { 4 };
            let total = if k.dim.is_empty() { 8 } else { 1 };
            v * period * total
        })
        .collect();
    let kept: Vec<bool> = cube
        .keys
        .iter()
        .zip(&cube.values)
        .map(|(k, v)| before.get(k) == Some(v))
        .collect();
    let shown = protect_from(&cube.values, &cube.lines, &cost, &kept);
    let bounds = audit(&shown, &cube.lines);
    if let Some(i) =
        (0..shown.len()).find(|i| shown[*i] == Shown::Small && bounds[*i].0 == bounds[*i].1)
    {
        anyhow::bail!(
            "statistics not published: {:?} could be worked out",
            cube.keys[i]
        );
    }
    let areas: BTreeSet<String> = g.facts.iter().map(|f| f.area.clone()).collect();
    // Times at every level: months, years, all; areas and the whole.
    let mut hist: HashMap<(String, String, String), Vec<(i64, u64)>> = HashMap::new();
    for ((measure, month, area), h) in &g.times {
        for p in [month.as_str(), year(month), ALL] {
            for r in [area.as_str(), ALL] {
                hist.entry((measure.to_string(), p.to_owned(), r.to_owned()))
                    .or_default()
                    .extend(h.iter().copied());
            }
        }
    }
    let times = hist
        .into_iter()
        .map(|((measure, period, region), h)| {
            let (median, p90) = percentiles(&h);
            TimeCell {
                measure,
                period,
                region,
                median,
                p90,
            }
        })
        .collect();
    // The share carried out, at the levels the follow-ups are shown at.
    let mut sums: HashMap<(String, String), (u64, u64)> = HashMap::new();
    for ((month, area), (done, all)) in &g.shares {
        for p in [year(month), ALL] {
            for r in [area.as_str(), ALL] {
                let e = sums.entry((p.to_owned(), r.to_owned())).or_default();
                e.0 += done;
                e.1 += all;
            }
        }
    }
    let index: HashMap<&Key, usize> = cube.keys.iter().enumerate().map(|(i, k)| (k, i)).collect();
    let shares = sums
        .into_iter()
        .map(|((period, region), (done, all))| {
            let key = Key::new("follow-ups", "", "", &period, &region);
            let count_shown = index.get(&key).is_some_and(|i| shown[*i].value().is_some());
            ShareCell {
                percent: (count_shown && all > 0).then(|| (done * 100 + all / 2) / all),
                period,
                region,
            }
        })
        .collect();
    drop(index);
    let mut cells = Vec::with_capacity(shown.len());
    let mut hidden = Vec::new();
    for ((k, s), v) in cube.keys.into_iter().zip(shown).zip(cube.values) {
        let shown = match s {
            Shown::Value(v) => v as i64,
            Shown::Small => -1,
            Shown::Hidden => {
                hidden.push((k.clone(), v));
                -2
            }
        };
        cells.push((k.measure, k.dim, k.cat, k.period, k.region, shown));
    }
    Ok(Computed {
        stored: Stored {
            months: g.spec.months.clone(),
            areas: areas.into_iter().collect(),
            cells,
            times,
            shares,
            hidden,
        },
    })
}

fn year(month: &str) -> &str {
    month.get(..4).unwrap_or(month)
}

/// Reads the data, protects it (keeping hidden what the newest snapshot
/// hid, while its value stays) and stores it as the newest snapshot,
/// keeping the three before it. When another node published while this
/// one computed, it computes again from that one (so that what it stores
/// carries the other's hidden cells, and is at least as new as the call).
/// Returns the new snapshot's id.
pub async fn refresh(db: &Db) -> anyhow::Result<i64> {
    let mut tries = 0;
    loop {
        tries += 1;
        let previous: Option<(i64, String)> =
            sqlx::query_as("SELECT id, body FROM stats_snapshots ORDER BY id DESC LIMIT 1")
                .fetch_optional(db.pool())
                .await?;
        let before: Before = match &previous {
            Some((_, body)) => serde_json::from_str::<Stored>(body)
                .map(|s| s.hidden.into_iter().collect())
                .unwrap_or_default(),
            None => Before::new(),
        };
        let g = facts::gather(db).await?;
        let body = serde_json::to_string(&compute(&g, &before)?.stored)?;
        let mut tx = db.begin().await?;
        let newest: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM stats_snapshots ORDER BY id DESC LIMIT 1")
                .fetch_optional(&mut *tx)
                .await?;
        if let Some((n,)) = newest
            && Some(n) != previous.as_ref().map(|p| p.0)
        {
            // Another refresh published while this one computed.
            tx.rollback().await?;
            if tries < 5 {
                continue;
            }
            anyhow::bail!("statistics refresh gave way to others five times");
        }
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO stats_snapshots (computed_at, body) VALUES ($1, $2) RETURNING id",
        )
        .bind(db::now())
        .bind(body)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM stats_snapshots WHERE id < $1 - 3")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        return Ok(id);
    }
}

/// The newest snapshot, parsed once per node.
#[derive(Default)]
pub struct Cache(Mutex<Option<Arc<Snapshot>>>);

impl Cache {
    pub async fn latest(&self, db: &Db) -> anyhow::Result<Option<Arc<Snapshot>>> {
        let newest: Option<(i64, String)> =
            sqlx::query_as("SELECT id, computed_at FROM stats_snapshots ORDER BY id DESC LIMIT 1")
                .fetch_optional(db.pool())
                .await?;
        let Some((id, computed_at)) = newest else {
            return Ok(None);
        };
        if let Some(s) = self.0.lock().expect("stats cache").as_ref()
            && s.id == id
        {
            return Ok(Some(s.clone()));
        }
        let (body,): (String,) = sqlx::query_as("SELECT body FROM stats_snapshots WHERE id = $1")
            .bind(id)
            .fetch_one(db.pool())
            .await?;
        let stored: Stored = serde_json::from_str(&body)?;
        let snap = Arc::new(Snapshot {
            id,
            computed_at,
            months: stored.months,
            areas: stored.areas,
            cells: stored
                .cells
                .into_iter()
                .map(|(m, d, c, p, r, v)| {
                    let shown = match v {
                        -1 => Shown::Small,
                        v if v < 0 => Shown::Hidden,
                        v => Shown::Value(v as u64),
                    };
                    (Key::new(&m, &d, &c, &p, &r), shown)
                })
                .collect(),
            times: stored
                .times
                .into_iter()
                .map(|t| ((t.measure.clone(), t.period.clone(), t.region.clone()), t))
                .collect(),
            shares: stored
                .shares
                .into_iter()
                .map(|c| ((c.period, c.region), c.percent))
                .collect(),
        });
        *self.0.lock().expect("stats cache") = Some(snap.clone());
        Ok(Some(snap))
    }
}

/// How old the newest snapshot may grow before a node computes the next.
pub const EVERY: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Keeps the statistics fresh: a node computes a new snapshot when the
/// newest is older than [`EVERY`] (or missing).
pub async fn keep_fresh(db: Db) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
    loop {
        tick.tick().await;
        match stale(&db, EVERY).await {
            Ok(true) => {
                if let Err(e) = refresh(&db).await {
                    tracing::warn!(error = %e, "statistics refresh failed");
                }
            }
            Ok(false) => {}
            Err(e) => tracing::warn!(error = %e, "statistics check failed"),
        }
    }
}

/// Whether the newest snapshot is older than `age` (or there is none).
pub async fn stale(db: &Db, age: std::time::Duration) -> sqlx::Result<bool> {
    let newest: Option<(String,)> =
        sqlx::query_as("SELECT computed_at FROM stats_snapshots ORDER BY id DESC LIMIT 1")
            .fetch_optional(db.pool())
            .await?;
    let Some(at) = newest.and_then(|n| db::parse_timestamp(&n.0)) else {
        return Ok(true);
    };
    let age = jiff::SignedDuration::try_from(age).unwrap_or_default();
    Ok(jiff::Timestamp::now().duration_since(at) > age)
}
