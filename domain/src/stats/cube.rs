//! The cube: every count at every level, and the lines (a total and the
//! cells that add up to it) that bind them.

use super::ALL;
use super::protect::Line;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One cell's address. `dim` and `cat` are empty for the measure's total;
/// `period` is `YYYY-MM`, `YYYY` or [`ALL`]; `region` an area code, `""`
/// for the national (no area), or [`ALL`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Key {
    pub measure: String,
    pub dim: String,
    pub cat: String,
    pub period: String,
    pub region: String,
}

impl Key {
    pub fn new(measure: &str, dim: &str, cat: &str, period: &str, region: &str) -> Key {
        Key {
            measure: measure.into(),
            dim: dim.into(),
            cat: cat.into(),
            period: period.into(),
            region: region.into(),
        }
    }
}

/// A category of a dimension. A category that belongs to one area (a
/// channel of that area's OT centre) exists only there: other areas' cells
/// would be zeros everyone knows, and are not cells at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    pub code: String,
    pub area: Option<String>,
}

impl Category {
    pub fn open(code: &str) -> Category {
        Category {
            code: code.into(),
            area: None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Dimension {
    pub name: String,
    /// Whether each case falls in exactly one category, so that the
    /// categories add up to the measure's total (a request's phenomena do
    /// not: one request can have several or none).
    pub additive: bool,
    /// Whether its counts are shown by month (else by year and in all):
    /// a cell no view shows is no cell, and binds no other.
    pub monthly: bool,
    pub cats: Vec<Category>,
}

#[derive(Debug, Clone)]
pub struct Measure {
    pub name: String,
    /// Whether the total is shown by month.
    pub monthly: bool,
    pub dims: Vec<Dimension>,
}

/// What the cube is made of: the months (every month between the first
/// and the last, so that an empty month is a zero, not a gap), and the
/// measures with their dimensions.
#[derive(Debug, Clone, Default)]
pub struct Spec {
    pub months: Vec<String>,
    pub measures: Vec<Measure>,
}

/// A count at the finest level: one month, one area, one category (or the
/// measure's total when `dim` is empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub measure: String,
    pub dim: String,
    pub cat: String,
    pub month: String,
    pub area: String,
    pub n: u64,
}

/// The counts and their lines, before protection.
#[derive(Debug, Default)]
pub struct Cube {
    pub keys: Vec<Key>,
    pub values: Vec<u64>,
    pub lines: Vec<Line>,
    pub index: HashMap<Key, usize>,
}

impl Cube {
    fn cell(&mut self, key: Key) -> usize {
        if let Some(i) = self.index.get(&key) {
            return *i;
        }
        let i = self.keys.len();
        self.keys.push(key.clone());
        self.values.push(0);
        self.index.insert(key, i);
        i
    }

    /// A line; one with no parts says nothing (an empty sum), and is none.
    fn line(&mut self, total: usize, parts: Vec<usize>) {
        if !parts.is_empty() {
            self.lines.push(Line { total, parts });
        }
    }

    pub fn get(&self, key: &Key) -> Option<u64> {
        self.index.get(key).map(|i| self.values[*i])
    }
}

/// Builds the dense cube: every cell of every measure at every level it
/// is shown at (zeros included: a zero is a count too), with its lines.
pub fn build(spec: &Spec, facts: &[Fact]) -> Cube {
    let mut cube = Cube::default();
    let months: BTreeSet<&str> = spec.months.iter().map(String::as_str).collect();
    let mut years: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for m in &months {
        years.entry(&m[..4]).or_default().push(m);
    }
    // The periods a series is shown for: its months (if by month), the
    // years, all.
    let periods = |monthly: bool| -> Vec<&str> {
        let by_month = months.iter().copied().filter(|_| monthly);
        by_month.chain(years.keys().copied()).chain([ALL]).collect()
    };
    for measure in &spec.measures {
        let mine: Vec<&Fact> = facts.iter().filter(|f| f.measure == measure.name).collect();
        // A measure's regions are the areas where it has any case at all:
        // an area without a single one has structural zeros only.
        let areas: BTreeSet<&str> = mine.iter().map(|f| f.area.as_str()).collect();
        // (dim, cat, areas it exists in, by month); the total first.
        let mut series: Vec<(&str, &str, Vec<&str>, bool)> =
            vec![("", "", areas.iter().copied().collect(), measure.monthly)];
        for d in &measure.dims {
            for c in &d.cats {
                let at: Vec<&str> = match &c.area {
                    Some(a) => vec![a.as_str()],
                    None => areas.iter().copied().collect(),
                };
                series.push((&d.name, &c.code, at, d.monthly && measure.monthly));
            }
        }
        for (dim, cat, at, monthly) in &series {
            let key = |p: &str, r: &str| Key::new(&measure.name, dim, cat, p, r);
            for region in at.iter().copied().chain([ALL]) {
                // Months add up to their year, years to all.
                let mut year_cells = Vec::new();
                for (y, ms) in &years {
                    let total = cube.cell(key(y, region));
                    year_cells.push(total);
                    if *monthly {
                        let parts = ms.iter().map(|m| cube.cell(key(m, region))).collect();
                        cube.line(total, parts);
                    }
                }
                let total = cube.cell(key(ALL, region));
                cube.line(total, year_cells);
            }
            // Areas add up to the whole country, in every period.
            for p in periods(*monthly) {
                let parts = at.iter().map(|a| cube.cell(key(p, a))).collect();
                let total = cube.cell(key(p, ALL));
                cube.line(total, parts);
            }
        }
        // An additive dimension's categories add up to the total.
        for d in measure.dims.iter().filter(|d| d.additive) {
            for p in periods(d.monthly && measure.monthly) {
                for region in areas.iter().copied().chain([ALL]) {
                    let parts: Vec<usize> = d
                        .cats
                        .iter()
                        .filter_map(|c| {
                            let k = Key::new(&measure.name, &d.name, &c.code, p, region);
                            cube.index.get(&k).copied()
                        })
                        .collect();
                    let total = cube.cell(Key::new(&measure.name, "", "", p, region));
                    cube.line(total, parts);
                }
            }
        }
        // The counts, added to every level they are shown at.
        for f in mine {
            if !months.contains(f.month.as_str()) {
                continue;
            }
            for p in [f.month.as_str(), &f.month[..4], ALL] {
                for r in [f.area.as_str(), ALL] {
                    let k = Key::new(&measure.name, &f.dim, &f.cat, p, r);
                    if let Some(i) = cube.index.get(&k) {
                        cube.values[*i] += f.n;
                    }
                }
            }
        }
    }
    cube
}
