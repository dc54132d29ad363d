//! Pienten lukujen suojaus: primary and complementary suppression.
//!
//! 1. *Primary*: every count under [`THRESHOLD`] (zero too) is hidden and
//!    shown as "<5".
//! 2. *Complementary*: on every line (a total and the cells that add up to
//!    it), a hidden cell never stands alone, or it would be the total minus
//!    the rest. And where a line's total is shown, the hidden cells' sum
//!    must leave the small ones as unknown as "<5" says: a reader knows that
//!    each complementary cell is at least 5, so the sum minus 5 for each of
//!    them must still be at least 4. Otherwise one more cell is hidden: the
//!    smallest that is enough, or the total when nothing is left.
//!
//! Hiding only grows, so the loop ends; lines are revisited whenever one of
//! their cells is hidden, so the result holds for every line at once.
//!
//! 3. *Audit*: lines bind one another (a year's cell is a part of the
//!    regions' line and the total of the months'), so a reader can carry
//!    bounds from line to line. [`audit`] does what such a reader does,
//!    until nothing tightens; a small cell that comes out exact gets the
//!    nearest shown cell on its chain of lines hidden, and the audit runs
//!    again.

use super::THRESHOLD;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// A total and the cells that add up to it (indexes into the cube).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub total: usize,
    pub parts: Vec<usize>,
}

/// How a cell is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Shown {
    Value(u64),
    /// Under the threshold: "<5".
    Small,
    /// Hidden so that a small cell cannot be worked out.
    Hidden,
}

impl Shown {
    pub fn value(self) -> Option<u64> {
        match self {
            Shown::Value(v) => Some(v),
            _ => None,
        }
    }
}

/// The slack a shown total must leave over the hidden cells.
const SLACK: u64 = THRESHOLD - 1;

/// Protects the cube's values along its lines.
pub fn protect(values: &[u64], lines: &[Line]) -> Vec<Shown> {
    protect_with(values, lines, values)
}

/// [`protect`] with a cost of hiding each cell (among the cells that would
/// do, the cheapest is hidden): e.g. its value, more for the cells of the
/// views read most.
pub fn protect_with(values: &[u64], lines: &[Line], cost: &[u64]) -> Vec<Shown> {
    protect_from(values, lines, cost, &vec![false; values.len()])
}

/// [`protect_with`] starting from cells already hidden (`kept`: e.g. what
/// the previous publication hid, so that two publications side by side
/// show no more than each alone).
pub fn protect_from(values: &[u64], lines: &[Line], cost: &[u64], kept: &[bool]) -> Vec<Shown> {
    let mut shown: Vec<Shown> = values
        .iter()
        .zip(kept)
        .map(|(&v, &kept)| {
            if v < THRESHOLD {
                Shown::Small
            } else if kept {
                Shown::Hidden
            } else {
                Shown::Value(v)
            }
        })
        .collect();
    let mut on: Vec<Vec<usize>> = vec![Vec::new(); values.len()];
    for (i, l) in lines.iter().enumerate() {
        on[l.total].push(i);
        for p in &l.parts {
            on[*p].push(i);
        }
    }
    local(
        values,
        cost,
        lines,
        &on,
        &mut shown,
        (0..lines.len()).collect(),
    );
    // The audit: hide what a reader could carry across lines to a small
    // cell's exact value, then protect the lines locally again.
    for _ in 0..1000 {
        let bounds = audit(&shown, lines);
        let exposed: Vec<usize> = (0..values.len())
            .filter(|c| shown[*c] == Shown::Small && bounds[*c].0 == bounds[*c].1)
            .collect();
        if exposed.is_empty() {
            break;
        }
        let mut touched = Vec::new();
        for c in exposed {
            if let Some(h) = nearest_shown(c, cost, &shown, lines, &on) {
                shown[h] = Shown::Hidden;
                touched.extend(on[h].iter().copied());
            }
        }
        if touched.is_empty() {
            break;
        }
        local(
            values,
            cost,
            lines,
            &on,
            &mut shown,
            touched.into_iter().collect(),
        );
    }
    shown
}

/// The lines' own rules, from the lines in `queue` on.
fn local(
    values: &[u64],
    cost: &[u64],
    lines: &[Line],
    on: &[Vec<usize>],
    shown: &mut [Shown],
    mut queue: VecDeque<usize>,
) {
    let mut queued = vec![false; lines.len()];
    for i in &queue {
        queued[*i] = true;
    }
    while let Some(i) = queue.pop_front() {
        queued[i] = false;
        let line = &lines[i];
        let Some(hide) = next_to_hide(values, cost, shown, line) else {
            continue;
        };
        shown[hide] = Shown::Hidden;
        for j in &on[hide] {
            if !queued[*j] {
                queued[*j] = true;
                queue.push_back(*j);
            }
        }
        // This line may need more still.
        if !queued[i] {
            queued[i] = true;
            queue.push_back(i);
        }
    }
}

/// What a reader can tell of every cell: its bounds, from the shown
/// figures, "<5" as 0..=4 and a hidden cell as at least 5, carried through
/// every line (a total is at least the sum of its parts' lower bounds and at
/// most that of their upper ones, a part at least the total's lower bound
/// less the others' upper ones …) until nothing tightens.
pub fn audit(shown: &[Shown], lines: &[Line]) -> Vec<(u64, u64)> {
    const OPEN: i128 = 1 << 40;
    let mut b: Vec<(i128, i128)> = shown
        .iter()
        .map(|s| match s {
            Shown::Value(v) => (*v as i128, *v as i128),
            Shown::Small => (0, THRESHOLD as i128 - 1),
            Shown::Hidden => (THRESHOLD as i128, OPEN),
        })
        .collect();
    for _ in 0..500 {
        let mut changed = false;
        for l in lines {
            let lo: i128 = l.parts.iter().map(|p| b[*p].0).sum();
            let hi: i128 = l.parts.iter().map(|p| b[*p].1).sum();
            let (tlo, thi) = b[l.total];
            let t = (tlo.max(lo), thi.min(hi).min(OPEN));
            changed |= t != b[l.total];
            b[l.total] = t;
            for p in &l.parts {
                // The others' bounds, from the sums before this line's
                // changes (looser, so still true).
                let (plo, phi) = b[*p];
                let n = (plo.max(t.0 - (hi - phi)), phi.min(t.1 - (lo - plo)));
                changed |= n != b[*p];
                b[*p] = n;
            }
        }
        if !changed {
            break;
        }
    }
    b.into_iter()
        .map(|(lo, hi)| (lo.max(0) as u64, hi.max(0) as u64))
        .collect()
}

/// The shown cell nearest to `cell` through the lines (the smallest of the
/// nearest), whose hiding cuts what pins it.
fn nearest_shown(
    cell: usize,
    cost: &[u64],
    shown: &[Shown],
    lines: &[Line],
    on: &[Vec<usize>],
) -> Option<usize> {
    let mut seen = vec![false; shown.len()];
    seen[cell] = true;
    let mut level = vec![cell];
    while !level.is_empty() {
        let mut next = Vec::new();
        for c in level {
            for l in &on[c] {
                let line = &lines[*l];
                for &d in line.parts.iter().chain([&line.total]) {
                    if !seen[d] {
                        seen[d] = true;
                        next.push(d);
                    }
                }
            }
        }
        if let Some(best) = next
            .iter()
            .copied()
            .filter(|d| shown[*d].value().is_some())
            .min_by_key(|d| (cost[*d], *d))
        {
            return Some(best);
        }
        level = next;
    }
    None
}

/// The cell this line needs hidden next, if any.
fn next_to_hide(values: &[u64], cost: &[u64], shown: &[Shown], line: &Line) -> Option<usize> {
    let hidden = |c: usize| shown[c].value().is_none();
    let hidden_parts: Vec<usize> = line.parts.iter().copied().filter(|c| hidden(*c)).collect();
    let total_hidden = hidden(line.total);
    let count = hidden_parts.len() + usize::from(total_hidden);
    if count == 0 {
        return None;
    }
    let small = hidden_parts
        .iter()
        .filter(|c| shown[**c] == Shown::Small)
        .count() as u64;
    // What a reader can bound once the total is shown: the hidden cells'
    // sum, of which each complementary cell takes at least 5.
    let mut deficit = 0;
    let mut need = count < 2;
    if !total_hidden && small > 0 {
        let sum: u64 = hidden_parts.iter().map(|c| values[*c]).sum();
        let complementary = hidden_parts.len() as u64 - small;
        let left = sum.saturating_sub(THRESHOLD * complementary);
        deficit = SLACK.saturating_sub(left);
        // Small cells alone whose sum is near their ceiling would each be
        // pinned near 4: they need a complementary cell beside them.
        let pinned = complementary == 0 && sum > SLACK * (small - 1);
        need |= deficit > 0 || pinned;
    }
    if !need {
        return None;
    }
    // The cheapest shown cell that is enough: a part that makes up the
    // deficit, or the shown total (hidden, it leaves nothing to subtract
    // from); else the largest part.
    let mut open: Vec<usize> = line.parts.iter().copied().filter(|c| !hidden(*c)).collect();
    open.sort_by_key(|c| (values[*c], *c));
    let enough = open
        .iter()
        .copied()
        .filter(|c| values[*c].saturating_sub(THRESHOLD) >= deficit)
        .chain((!total_hidden).then_some(line.total))
        .min_by_key(|c| (cost[*c], *c));
    enough.or_else(|| open.last().copied())
}
