//! Retrieval metrics with binary relevance. `ranked` is what an engine
//! returned, best first; `relevant` the ground truth.

use std::collections::HashSet;

/// The share of the relevant items among all hits (1 when nothing is
/// relevant).
pub fn recall(ranked: &[usize], relevant: &HashSet<usize>) -> f64 {
    if relevant.is_empty() {
        return 1.0;
    }
    let found = ranked.iter().filter(|i| relevant.contains(i)).count();
    found as f64 / relevant.len() as f64
}

/// The share of relevant items among the first `k` hits, counted over the
/// hits there are (fewer than `k` hits are not padded); 0 without hits.
pub fn precision_at(ranked: &[usize], relevant: &HashSet<usize>, k: usize) -> f64 {
    let top = &ranked[..ranked.len().min(k)];
    if top.is_empty() {
        return 0.0;
    }
    top.iter().filter(|i| relevant.contains(i)).count() as f64 / top.len() as f64
}

/// Normalised discounted cumulative gain of the first `k` hits: the ideal
/// list puts min(k, |relevant|) relevant items first, so a short list of
/// correct hits still scores below 1 when more were to be found.
pub fn ndcg_at(ranked: &[usize], relevant: &HashSet<usize>, k: usize) -> f64 {
    let gain = |rank: usize| 1.0 / ((rank + 2) as f64).log2();
    let dcg: f64 = ranked
        .iter()
        .take(k)
        .enumerate()
        .filter(|(_, i)| relevant.contains(i))
        .map(|(r, _)| gain(r))
        .sum();
    let ideal: f64 = (0..relevant.len().min(k)).map(gain).sum();
    if ideal == 0.0 { 1.0 } else { dcg / ideal }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(v: &[usize]) -> HashSet<usize> {
        v.iter().copied().collect()
    }

    #[test]
    fn recall_counts_relevant_hits_anywhere() {
        assert_eq!(recall(&[1, 2, 3, 4], &set(&[2, 4, 9, 10])), 0.5);
        assert_eq!(recall(&[], &set(&[1])), 0.0);
        assert_eq!(recall(&[5], &set(&[])), 1.0);
    }

    #[test]
    fn precision_looks_at_the_first_k_hits_only() {
        let rel = set(&[1, 2]);
        assert_eq!(precision_at(&[1, 2, 3, 4], &rel, 2), 1.0);
        assert_eq!(precision_at(&[3, 1, 2, 4], &rel, 2), 0.5);
        assert_eq!(precision_at(&[1, 9], &rel, 10), 0.5);
        assert_eq!(precision_at(&[], &rel, 10), 0.0);
    }

    #[test]
    fn ndcg_rewards_relevant_hits_early() {
        let rel = set(&[1, 2]);
        assert!((ndcg_at(&[1, 2, 3], &rel, 10) - 1.0).abs() < 1e-12);
        assert!((ndcg_at(&[2, 1], &rel, 10) - 1.0).abs() < 1e-12);
        let late = ndcg_at(&[3, 1, 2], &rel, 10);
        let ideal = 1.0 + 1.0 / 3f64.log2();
        let want = (1.0 / 3f64.log2() + 1.0 / 4f64.log2()) / ideal;
        assert!((late - want).abs() < 1e-12);
        // One of two relevant items found: less than 1 even at rank 1.
        assert!(ndcg_at(&[1], &rel, 10) < 1.0);
        assert_eq!(ndcg_at(&[], &rel, 10), 0.0);
        assert_eq!(ndcg_at(&[3, 4], &set(&[]), 10), 1.0);
        // Only the first k count.
        assert_eq!(ndcg_at(&[3, 4, 1], &rel, 2), 0.0);
    }
}
