//! Tilastot: the statistics' figures and their disclosure control.
//!
//! Every count any view shows (the page, CSV, XLSX, the API) is a cell of
//! one *cube*: counts by period (month → year → all), region (cooperation
//! area → the whole country) and a category of a dimension (a channel, a
//! triage outcome, an answer …, or the measure's total). The cube is
//! protected as a whole, once ([`protect`]), before anything is shown;
//! views only pick cells of it. So two views (two periods, two regions, a
//! table and its export) can never be combined to uncover more than the
//! cube itself shows, and within the cube no hidden cell can be worked out
//! from the totals of any line it sits on.
//!
//! Median and 90th percentile times are not counts and are not additive:
//! they are shown only when they rest on enough cases ([`MEDIAN_MIN`],
//! [`P90_MIN`]), so that neither is one person's value.

mod cube;
mod protect;
#[cfg(test)]
mod tests;

pub use cube::{Category, Cube, Dimension, Fact, Key, Measure, Spec, build};
pub use protect::{Line, Shown, audit, protect, protect_from, protect_with};

/// No published count rests on fewer cases than this.
pub const THRESHOLD: u64 = 5;
/// A median needs this many cases.
pub const MEDIAN_MIN: usize = 5;
/// A 90th percentile needs this many: with fewer it is one of the few
/// slowest cases' own value.
pub const P90_MIN: usize = 10;

/// The period "all" (every month in the data).
pub const ALL: &str = "all";

/// The median and 90th percentile of a histogram of whole days
/// (`(days, how many)`), each only when it rests on enough cases.
pub fn percentiles(hist: &[(i64, u64)]) -> (Option<i64>, Option<i64>) {
    let mut h: Vec<(i64, u64)> = hist.iter().copied().filter(|x| x.1 > 0).collect();
    h.sort_unstable();
    let n: u64 = h.iter().map(|x| x.1).sum();
    // The nearest-rank percentile: the smallest value with at least p % of
    // the cases at or below it.
    let rank = |p: u64| {
        let want = (n * p).div_ceil(100).max(1);
        let mut seen = 0;
        for (v, c) in &h {
            seen += c;
            if seen >= want {
                return Some(*v);
            }
        }
        None
    };
    let n = n as usize;
    (
        (n >= MEDIAN_MIN).then(|| rank(50)).flatten(),
        (n >= P90_MIN).then(|| rank(90)).flatten(),
    )
}

/// The year of a period (`2025-03` → `2025`), none for a year or "all".
pub fn year_of(period: &str) -> Option<&str> {
    (period.len() == 7).then(|| &period[..4])
}
