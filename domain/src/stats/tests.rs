use super::*;
use proptest::prelude::*;

/// The reader's attack: everything shown, "<5" as 0..=4 and a hidden cell
/// as at least 5, worked through every line (a total minus the rest, and
/// the bounds that follow) until nothing tightens. Returns each cell's
/// interval.
fn attack(shown: &[Shown], lines: &[Line]) -> Vec<(u64, u64)> {
    const MAX: u64 = 1 << 40;
    let mut b: Vec<(u64, u64)> = shown
        .iter()
        .map(|s| match s {
            Shown::Value(v) => (*v, *v),
            Shown::Small => (0, THRESHOLD - 1),
            Shown::Hidden => (THRESHOLD, MAX),
        })
        .collect();
    for _ in 0..200 {
        let mut changed = false;
        for l in lines {
            let lo_sum: u64 = l.parts.iter().map(|p| b[*p].0).sum();
            let hi_sum: u64 = l.parts.iter().map(|p| b[*p].1.min(MAX)).sum();
            let (tlo, thi) = b[l.total];
            let t = (tlo.max(lo_sum), thi.min(hi_sum));
            if t != b[l.total] {
                b[l.total] = t;
                changed = true;
            }
            for p in &l.parts {
                let (lo, hi) = b[*p];
                let others_lo = lo_sum - lo;
                let others_hi = hi_sum - hi.min(MAX);
                let n = (
                    lo.max(t.0.saturating_sub(others_hi)),
                    hi.min(t.1.saturating_sub(others_lo)),
                );
                if n != b[*p] {
                    b[*p] = n;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    b
}

/// Asserts the protection: nothing under 5 shown, and no small cell's
/// value can be pinned down from the lines.
fn assert_safe(values: &[u64], shown: &[Shown], lines: &[Line]) {
    for (i, s) in shown.iter().enumerate() {
        match s {
            Shown::Value(v) => {
                assert_eq!(*v, values[i]);
                assert!(*v >= THRESHOLD, "cell {i} shown as {v}");
            }
            Shown::Small => assert!(values[i] < THRESHOLD),
            Shown::Hidden => assert!(values[i] >= THRESHOLD),
        }
    }
    let bounds = attack(shown, lines);
    for (i, s) in shown.iter().enumerate() {
        let (lo, hi) = bounds[i];
        assert!(lo <= values[i] && values[i] <= hi, "attack unsound at {i}");
        if *s == Shown::Small {
            assert!(lo < hi, "small cell {i} = {} worked out", values[i]);
        }
    }
}

fn spec(areas: usize, cats: usize, months: usize) -> Spec {
    Spec {
        months: (0..months)
            .map(|m| format!("{}-{:02}", 2024 + m / 12, m % 12 + 1))
            .collect(),
        measures: vec![Measure {
            name: "requests".into(),
            monthly: true,
            dims: vec![
                Dimension {
                    name: "outcome".into(),
                    additive: true,
                    monthly: true,
                    cats: (0..cats)
                        .map(|c| Category::open(&format!("o{c}")))
                        .collect(),
                },
                Dimension {
                    name: "channel".into(),
                    additive: true,
                    monthly: false,
                    cats: (0..areas)
                        .map(|a| Category {
                            code: format!("g{a}"),
                            area: Some(format!("a{a}")),
                        })
                        .collect(),
                },
            ],
        }],
    }
}

/// Facts for random requests: (month, area, outcome) each.
fn facts(reqs: &[(usize, usize, usize)]) -> Vec<Fact> {
    let mut out = Vec::new();
    for &(m, a, o) in reqs {
        let month = format!("{}-{:02}", 2024 + m / 12, m % 12 + 1);
        for (dim, cat) in [
            ("", String::new()),
            ("outcome", format!("o{o}")),
            ("channel", format!("g{a}")),
        ] {
            out.push(Fact {
                measure: "requests".into(),
                dim: dim.into(),
                cat,
                month: month.clone(),
                area: format!("a{a}"),
                n: 1,
            });
        }
    }
    out
}

#[test]
fn a_lone_small_cell_takes_a_neighbour_with_it() {
    // Line 20 = 2 + 7 + 11: the 2 alone would be 20 − 18.
    let values = [20, 2, 7, 11];
    let lines = [Line {
        total: 0,
        parts: vec![1, 2, 3],
    }];
    let shown = protect(&values, &lines);
    assert_eq!(
        shown,
        [
            Shown::Value(20),
            Shown::Small,
            Shown::Hidden,
            Shown::Value(11)
        ]
    );
    assert_safe(&values, &shown, &lines);
}

#[test]
fn a_complementary_cell_leaves_the_small_one_as_unknown_as_its_mark() {
    // 2 + 6 = 8 and the 6 known to be ≥ 5 would leave the 2 at most 3:
    // the 6 is not enough, the 9 is.
    let values = [30, 2, 6, 9, 13];
    let lines = [Line {
        total: 0,
        parts: vec![1, 2, 3, 4],
    }];
    let shown = protect(&values, &lines);
    assert_eq!(shown[2], Shown::Value(6));
    assert_eq!(shown[3], Shown::Hidden);
    assert_safe(&values, &shown, &lines);
}

#[test]
fn zeros_are_small_and_a_line_of_small_cells_hides_its_total() {
    let values = [3, 0, 3];
    let lines = [Line {
        total: 0,
        parts: vec![1, 2],
    }];
    let shown = protect(&values, &lines);
    assert!(shown.iter().all(|s| *s == Shown::Small));
}

#[test]
fn two_small_cells_at_their_ceiling_need_a_third() {
    // 4 + 4 = 8 of a shown 20 would pin both at 4.
    let values = [20, 4, 4, 12];
    let lines = [Line {
        total: 0,
        parts: vec![1, 2, 3],
    }];
    let shown = protect(&values, &lines);
    assert_eq!(shown[3], Shown::Hidden);
    assert_safe(&values, &shown, &lines);
}

#[test]
fn a_channel_exists_only_in_its_own_area() {
    let cube = build(&spec(2, 2, 2), &facts(&[(0, 0, 0); 6]));
    assert!(
        cube.get(&Key::new("requests", "channel", "g0", "2024", "a0"))
            .is_some()
    );
    // Channels are shown by year, not by month: no month cell binds them.
    assert_eq!(
        cube.get(&Key::new("requests", "channel", "g0", "2024-01", "a0")),
        None
    );
    assert_eq!(
        cube.get(&Key::new("requests", "channel", "g0", "2024-01", "a1")),
        None
    );
    assert_eq!(cube.get(&Key::new("requests", "", "", ALL, ALL)), Some(6));
}

#[test]
fn bounds_carried_across_lines_cannot_pin_a_small_cell() {
    // Two areas with four requests in each of three months: every month's
    // cell is small, each area's year (12) too high to be all fours unless
    // … the whole year (24) would pin both areas at 12 and so every month at
    // 4, through two lines at once. The audit hides what stops it.
    let mut reqs = Vec::new();
    for m in 0..3 {
        for a in 0..2 {
            reqs.extend([(m, a, 0); 4]);
        }
    }
    let cube = build(&spec(2, 1, 3), &facts(&reqs));
    let shown = protect(&cube.values, &cube.lines);
    assert_safe(&cube.values, &shown, &cube.lines);
    assert_ne!(
        shown[cube.index[&Key::new("requests", "", "", "2024", ALL)]],
        Shown::Value(24)
    );
}

#[test]
fn cells_hidden_before_stay_hidden_and_the_rest_stays_safe() {
    // 20 = 2 + 7 + 11: alone the 7 would be hidden; with the 11 kept
    // hidden from before, the 11 protects the 2 and the 7 can be shown.
    let values = [20, 2, 7, 11];
    let lines = [Line {
        total: 0,
        parts: vec![1, 2, 3],
    }];
    let shown = protect_from(&values, &lines, &values, &[false, false, false, true]);
    assert_eq!(shown[3], Shown::Hidden);
    assert_eq!(shown[2], Shown::Value(7));
    assert_safe(&values, &shown, &lines);
}

#[test]
fn percentiles_need_enough_cases() {
    assert_eq!(percentiles(&[(3, 4)]), (None, None));
    assert_eq!(percentiles(&[(3, 2), (10, 3)]), (Some(10), None));
    let h: Vec<(i64, u64)> = (1..=10).map(|d| (d, 1)).collect();
    assert_eq!(percentiles(&h), (Some(5), Some(9)));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Random requests over areas, months and outcomes: the protected
    /// cube never shows a count under 5 and no small count can be worked
    /// out from any line's totals, however the reader combines them.
    #[test]
    fn no_small_cell_is_shown_or_worked_out(
        areas in 1usize..4,
        cats in 1usize..5,
        months in 1usize..15,
        reqs in proptest::collection::vec((0usize..15, 0usize..4, 0usize..5), 0..160),
    ) {
        let reqs: Vec<_> = reqs
            .into_iter()
            .map(|(m, a, o)| (m % months, a % areas, o % cats))
            .collect();
        let cube = build(&spec(areas, cats, months), &facts(&reqs));
        let shown = protect(&cube.values, &cube.lines);
        assert_safe(&cube.values, &shown, &cube.lines);
    }

    /// A single line of any values.
    #[test]
    fn any_single_line_is_safe(parts in proptest::collection::vec(0u64..30, 1..8)) {
        let mut values = vec![parts.iter().sum()];
        values.extend(parts.iter().copied());
        let lines = [Line { total: 0, parts: (1..values.len()).collect() }];
        let shown = protect(&values, &lines);
        assert_safe(&values, &shown, &lines);
    }
}
