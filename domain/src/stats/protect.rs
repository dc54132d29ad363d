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
    let mut shown: Vec<Shown> = values
        .iter()
        .map(|&v| {
            if v < THRESHOLD {
                Shown::Small
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
    let mut queue: VecDeque<usize> = (0..lines.len()).collect();
    let mut queued = vec![true; lines.len()];
    while let Some(i) = queue.pop_front() {
        queued[i] = false;
        let line = &lines[i];
        let Some(hide) = next_to_hide(values, &shown, line) else {
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
    shown
}

/// The cell this line needs hidden next, if any.
fn next_to_hide(values: &[u64], shown: &[Shown], line: &Line) -> Option<usize> {
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
    // The smallest shown cell that makes up the deficit, else the largest;
    // the total when no cell is left.
    let mut open: Vec<usize> = line.parts.iter().copied().filter(|c| !hidden(*c)).collect();
    open.sort_by_key(|c| (values[*c], *c));
    open.iter()
        .copied()
        .find(|c| values[*c].saturating_sub(THRESHOLD) >= deficit)
        .or_else(|| open.last().copied())
        .or((!total_hidden).then_some(line.total))
}
