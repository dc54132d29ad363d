//! Expert search on the issue 15 collection (`testdata/search/`): loads the
//! profiles through the app's store, runs every query as the search page
//! does and prints the figures per category (see also
//! `cargo run --release --example search_quality`), then holds the engine to
//! the figures it reached: no wrong person of the hand-written cases, every
//! query finding someone (but a [`Bar`]'s known ones), mean recall and P@10, and
//! recall per category. `SEARCH_QUALITY_QUERIES=1` prints every query's
//! figures, `SEARCH_QUALITY_SHOW="query|query"` their first hits (and with
//! `SEARCH_QUALITY_MISSED=1` the relevant profiles it missed).

#[path = "../../examples/search_quality/collection.rs"]
mod collection;

use collection::{AppEngine, Collection};

#[tokio::test]
async fn search_quality_collection() {
    let col = Collection::load().expect("the collection in testdata/search");
    check(&col, &Bar::TARGETS).await;
}

/// The outside collection (`testdata/search-outside/`): written by a
/// session that had not seen the engine, its thesaurus or the first
/// collection, so its figures say how the search does on wording it was not
/// built around. Held to the same bar.
#[tokio::test]
async fn search_quality_outside_collection() {
    let col = Collection::load_from(&collection::outside_dir())
        .expect("the collection in testdata/search-outside");
    let bar = Bar {
        known_misses: OUTSIDE_KNOWN_MISSES,
        ..Bar::TARGETS
    };
    check(&col, &bar).await;
}

/// Must-find cases of the outside collection the search still misses:
/// (query, a piece of the profile, why). Each profile tells its thing in a
/// sentence of its own words, which no entry of the thesaurus names (gaps
/// to close, listed so that any other case failing is caught).
const OUTSIDE_KNOWN_MISSES: &[(&str, &str, &str)] = &[
    (
        "huoltoriita",
        "kumman luona lapsi asuu",
        "parents who have argued in court over whom the child lives with",
    ),
    (
        "itsetuhoisuus",
        "viiltelevät",
        "self-harm told with verbs; the thesaurus keeps self-harm apart from suicidality",
    ),
];

/// The blind collection (`testdata/search-blind/`): written by a third
/// session that saw neither the engine nor the two collections, after the
/// engine's rules had been written from their misses, so it measures them
/// on wording none of them was built around. It meets the issue's
/// targets since the rules its misses led to (BENCHMARKS.md; first
/// measured: recall 0.70, typos 0.69, 20 queries below P@10 0.95; then
/// 0.82, 0.83 and 7, the last since words used in another sense are read
/// apart; 5 and P@10 0.99 since a thing asked for comes before its
/// siblings under a broad phenomenon; 3 since a parent's illness is the
/// parent's; 2 since a parent's dual diagnosis is their mental health
/// too; 1 since a form of a thing is a step below it, not a quarter; none
/// since words said apart name a thing within one clause), held above
/// them for recall, so they cannot fall back unnoticed. Its misses have
/// since been read for rules, so it no longer measures them blind.
#[tokio::test]
async fn search_quality_blind_collection() {
    let col = Collection::load_from(&collection::blind_dir())
        .expect("the collection in testdata/search-blind");
    let bar = Bar {
        known_misses: BLIND_KNOWN_MISSES,
        zero_hits: &[],
        recall: 0.81,
        p10: 0.99,
        ..Bar::TARGETS
    };
    check(&col, &bar).await;
}

/// The fresh collection (`testdata/search-fresh/`): written by a fourth
/// session that saw neither the engine nor the three collections, and
/// measured first on the engine as the blind collection's misses had left
/// it (commit 42d113b), to see whether those rules hold on wording none of
/// them was written from. First measured: recall 0.76, typos 0.795, P@10
/// 0.92 with 26 queries below 0.95; held to the figures reached since
/// (BENCHMARKS.md; 7 below 0.95 since words used in another sense are
/// read apart, 5 since a baby names a family with one, 3 since young
/// people's substance use is told apart, 2 since an intellectual
/// disability is told from other disabilities, 1 since violence as a
/// subject of novels is read apart).
#[tokio::test]
async fn search_quality_fresh_collection() {
    let col = Collection::load_from(&collection::fresh_dir())
        .expect("the collection in testdata/search-fresh");
    let bar = Bar {
        known_misses: FRESH_KNOWN_MISSES,
        zero_hits: &[],
        most_below: 1,
        recall: 0.82,
        p10: 0.99,
        ..Bar::TARGETS
    };
    check(&col, &bar).await;
}

/// Cases of the fresh collection the search fails, as first measured but
/// those of a word used in another sense (`thesaurus::OTHER_SENSES`):
/// (query, a piece of the profile, why).
const FRESH_KNOWN_MISSES: &[(&str, &str, &str)] = &[
    (
        "lapsen sijoitus",
        "säätiön sijoitustoiminnasta",
        "investing, another sijoitus",
    ),
    (
        "placering av barn",
        "placeringar i en pensionsfond",
        "investments (read apart now; found by \"barn\" alone)",
    ),
    (
        "nuorten rikokset",
        "rikosromaaneja",
        "crime novels as a hobby",
    ),
    (
        "alkoholiongelma",
        "alkoholilupa-asioista",
        "a restaurant's alcohol licences",
    ),
    (
        "depression in adolescents",
        "Great Depression",
        "economic history (read apart now; found by \"adolescents\" alone)",
    ),
    (
        "päihteet",
        "Opioidiriippuvuuden korvaushoito",
        "opioid substitution treatment",
    ),
    (
        "lapsiin kohdistuva väkivalta",
        "seksuaalinen houkuttelu verkossa",
        "grooming as violence against a child",
    ),
    (
        "vammaisuus",
        "älyllinen kehitys on selvästi",
        "intellectual disability told by its signs",
    ),
    (
        "mental health problems",
        "masennusoireilu ja perhekodit",
        "depression as a mental disorder",
    ),
    (
        "toiminnalliset häiriöt",
        "ei löydy elimellistä syytä",
        "functional symptoms told by their signs",
    ),
];

/// Cases of the blind collection the search fails, as first measured but
/// colleagues called a gang (`thesaurus::OTHER_SENSES`):
/// (query, a piece of the profile, why).
const BLIND_KNOWN_MISSES: &[(&str, &str, &str)] = &[
    (
        "kodittomat nuoret",
        "kodittomille kissoille",
        "homeless cats",
    ),
    (
        "syömishäiriöt",
        "laihduttavat vaarallisesti",
        "anorexia told by its signs",
    ),
    (
        "viiltely",
        "cut themselves",
        "English cutting, Finnish query",
    ),
    (
        "ensamkommande barn",
        "ilman vanhempiaan",
        "unaccompanied minors told in Finnish words",
    ),
    (
        "peliriippuvuus",
        "valvoo koneella aamuun asti",
        "problem gaming in lay words",
    ),
];

/// The fifth collection (`testdata/search-fifth/`): written by a fifth
/// session that saw neither the engine nor the four collections, and
/// measured first on the engine as the fresh collection's misses had left
/// it (commit 14efd36), nothing changed before it: recall 0.74, compounds
/// 0.56, typos 0.77, P@10 0.97 with 14 queries below 0.95 and
/// "nepsyvalmennus" finding nobody (BENCHMARKS.md). Held to the figures
/// reached since (three entries from its misses: recall 0.76, compounds
/// 0.61; a compound whose first part Finnish does not know read as if
/// hyphenated: "nepsyvalmennus" found, compounds 0.68; psychosis and
/// anxiety told in lay words: recall 0.78, typos 0.80; words used in
/// another sense read apart: 7 queries below P@10 0.95, P@10 0.98; a
/// baby naming a family with one: 5 below, P@10 0.99, compounds 0.73;
/// Barnahus interviews a thing of their own: 4 below; a narrower thing
/// before a sibling: 3 below, P@10 0.99; a foster home a kind of
/// substitute care: 2 below), so they cannot fall back unnoticed.
#[tokio::test]
async fn search_quality_fifth_collection() {
    let col = Collection::load_from(&collection::fifth_dir())
        .expect("the collection in testdata/search-fifth");
    let bar = Bar {
        known_misses: FIFTH_KNOWN_MISSES,
        zero_hits: &[],
        most_below: 2,
        recall: 0.75,
        p10: 0.99,
        categories: &[
            ("compound", 0.71),
            ("compound-split", 0.64),
            ("swedish", 0.73),
            ("english", 0.75),
            ("question", 0.85),
        ],
        typo: 0.8,
    };
    check(&col, &bar).await;
}

/// Cases of the fifth collection the search fails (those first measured
/// but "kehitysvamma" ↛ "älyllinen toimintarajoite", met since, and the
/// eight wrong senses, read apart since: `thesaurus::OTHER_SENSES`):
/// (query, a piece of the profile, why).
const FIFTH_KNOWN_MISSES: &[(&str, &str, &str)] = &[
    (
        "koulupoissaolot",
        "jäävät aamuisin kotiin",
        "school absence in lay words",
    ),
    (
        "ensamkommande barn",
        "ilman huoltajaa Suomeen saapuneille",
        "unaccompanied minors in Finnish words",
    ),
    ("jengit", "katuryhmien", "street groups recruiting minors"),
    (
        "asunnottomuus",
        "ei ole vakituista osoitetta",
        "homelessness in lay words",
    ),
];

/// What a collection is held to: the targets, or for a collection
/// that does not reach them yet the figures it reached.
struct Bar {
    /// Hand-written cases allowed to fail: (query, a piece of the profile, why).
    known_misses: &'static [(&'static str, &'static str, &'static str)],
    /// Queries allowed to find nobody.
    zero_hits: &'static [&'static str],
    /// Queries allowed below P@10 0.95 (the issue asks for none).
    most_below: usize,
    /// Least mean recall and mean P@10.
    recall: f64,
    p10: f64,
    /// Least mean recall per category, and of the typo queries.
    categories: &'static [(&'static str, f64)],
    typo: f64,
}

impl Bar {
    /// The targets: recall 0.75 overall, 0.6 for compounds and for
    /// Swedish and English queries, 0.8 for typos, P@10 0.95 on every query.
    const TARGETS: Bar = Bar {
        known_misses: &[],
        zero_hits: &[],
        most_below: 0,
        recall: 0.75,
        p10: 0.95,
        categories: &[
            ("compound", 0.6),
            ("compound-split", 0.6),
            ("swedish", 0.6),
            ("english", 0.6),
            ("question", 0.7),
        ],
        typo: 0.8,
    };
}

/// Runs the collection's queries and cases and holds the engine to `bar`.
async fn check(col: &Collection, bar: &Bar) {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = AppEngine::build(dir.path(), &col.profiles)
        .await
        .expect("the collection stored and indexed");
    let scores = collection::run_app(&app, col);
    println!(
        "{}",
        collection::engine_table("otalusta", &col.queries, &scores)
    );
    if std::env::var_os("SEARCH_QUALITY_QUERIES").is_some() {
        for (q, s) in col.queries.iter().zip(&scores) {
            println!(
                "{:<14} {:<50} hits {:>4} recall {:>5.2} P@10 {:>4.2}",
                q.category, q.q, s.hits, s.recall, s.p10
            );
        }
    }
    // SEARCH_QUALITY_SHOW="a query|another": their first ten hits, for tuning.
    let shown = std::env::var("SEARCH_QUALITY_SHOW").unwrap_or_default();
    for q in shown.split('|').filter(|q| !q.is_empty()) {
        println!(
            "## {q} total {}",
            app.index.search(&AppEngine::page_query(q), app.today).total
        );
        let query = col.queries.iter().find(|x| x.q == q);
        let mut sq = AppEngine::page_query(q);
        sq.limit = 10;
        for h in app.index.search(&sq, app.today).hits {
            let otalusta::experts::search::HitKind::Expert(id) = h.kind else {
                continue;
            };
            let i = app.ids[&id.0];
            let p = &col.profiles[i];
            println!("  {:.1} {:?}", h.score, h.reasons);
            let mark = query.map_or(' ', |x| {
                if col.relevant(x).contains(&i) {
                    '+'
                } else {
                    '-'
                }
            });
            println!("{mark} {:?} {}", p.concepts, p.description);
        }
        if std::env::var_os("SEARCH_QUALITY_MISSED").is_some()
            && let Some(query) = query
        {
            let ranked = app.search(q);
            let relevant = col.relevant(query);
            println!("{} relevant", relevant.len());
            for i in relevant {
                let rank = ranked.iter().position(|r| *r == i);
                if rank.is_none_or(|r| r >= 10) {
                    println!("missed at {rank:?}: {}", col.profiles[i].description);
                }
            }
        }
    }
    let cases = collection::case_profiles(col);
    let case_dir = tempfile::tempdir().expect("temp dir");
    let case_app = AppEngine::build(case_dir.path(), &cases)
        .await
        .expect("the cases stored and indexed");
    // SEARCH_QUALITY_CASES=1: the shown queries' hits among the cases'
    // profiles (where a forbidden one is found), with their reasons.
    if std::env::var_os("SEARCH_QUALITY_CASES").is_some() {
        for q in shown.split('|').filter(|q| !q.is_empty()) {
            println!("## cases: {q}");
            for h in case_app
                .index
                .search(&AppEngine::page_query(q), case_app.today)
                .hits
            {
                if let otalusta::experts::search::HitKind::Expert(id) = h.kind {
                    let p = &cases[case_app.ids[&id.0]];
                    println!("  {:.1} {:?}\n    {}", h.score, h.reasons, p.description);
                }
            }
        }
    }
    let mut failures = collection::failing_cases(col, |i, q| case_app.search(q).contains(&i));
    for failure in &failures {
        println!("- {failure}");
    }
    let is = |f: &String, (q, text, _): &(&str, &str, &str)| {
        f.contains(&format!(": \"{q}\" ")) && f.contains(text)
    };
    let mended: Vec<&str> = bar
        .known_misses
        .iter()
        .filter(|m| !failures.iter().any(|f| is(f, m)))
        .map(|(q, _, _)| *q)
        .collect();
    failures.retain(|f| !bar.known_misses.iter().any(|m| is(f, m)));
    if !app.morphology_ok() {
        eprintln!(
            "Voikko is not available: the figures above are the fallback's; thresholds skipped"
        );
        return;
    }
    assert!(
        mended.is_empty(),
        "known misses now right, take them off the list: {mended:?}"
    );
    assert!(
        failures.is_empty(),
        "wrong people found or right ones missed"
    );
    let zero: Vec<&str> = col
        .queries
        .iter()
        .zip(&scores)
        .filter(|(_, s)| s.hits == 0)
        .map(|(q, _)| q.q.as_str())
        .collect();
    println!("queries that find nobody: {zero:?}");
    let new: Vec<&&str> = zero.iter().filter(|q| !bar.zero_hits.contains(q)).collect();
    assert!(new.is_empty(), "queries that find nobody: {new:?}");
    // The figures reached (BENCHMARKS.md), kept from falling back.
    let all = collection::summarise(&scores);
    assert!(all.recall >= bar.recall, "mean recall {:.2}", all.recall);
    assert!(all.p10 >= bar.p10, "mean P@10 {:.2}", all.p10);
    assert!(
        all.p10_below_95 <= bar.most_below,
        "{} queries with P@10 below 0.95",
        all.p10_below_95
    );
    for &(category, least) in bar.categories.iter().chain(&[("typo", bar.typo)]) {
        let s = collection::summarise(
            col.queries
                .iter()
                .zip(&scores)
                .filter(|(q, _)| q.category == category)
                .map(|(_, s)| s),
        );
        assert!(
            s.recall >= least,
            "{category}: recall {:.2} < {least}",
            s.recall
        );
    }
}

/// A large index is split into one segment per searching thread and each
/// search scores the segments side by side: on the collection split from
/// 1 000 documents up, every query finds the same profiles with the same
/// scores as on the whole index.
#[tokio::test]
async fn a_split_index_finds_what_a_whole_one_does() {
    let col = Collection::load().expect("the collection in testdata/search");
    let dir = tempfile::tempdir().expect("temp dir");
    let whole = AppEngine::build(dir.path(), &col.profiles)
        .await
        .expect("the collection stored and indexed");
    let split = otalusta::experts::search::SearchIndex::build_parallel_from(
        &whole.db,
        std::sync::Arc::new(otalusta::experts::search::TextAnalysis::load()),
        1000,
    )
    .await
    .expect("the split index");
    assert_eq!(whole.index.segments(), 1);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    assert_eq!(split.segments(), threads.min(4));
    if threads < 2 {
        eprintln!("one core: the index is not split, the comparison is trivial");
    }
    assert_eq!(split.documents(), whole.index.documents());
    for q in &col.queries {
        let mut sq = AppEngine::page_query(&q.q);
        sq.limit = col.profiles.len() + 100;
        // The page's two searches in one pass: channels, then experts.
        let kinds = [
            otalusta::experts::search::SearchQuery {
                experts: false,
                groups: true,
                ..sq.clone()
            },
            otalusta::experts::search::SearchQuery {
                experts: true,
                groups: false,
                ..sq.clone()
            },
        ];
        let hits = |index: &otalusta::experts::search::SearchIndex| {
            let mut all = vec![index.search(&sq, whole.today)];
            all.extend(index.search_many(&kinds, whole.today));
            all.into_iter()
                .map(|r| {
                    // Each hit's document (its kind holds the id) and score.
                    let mut hits: Vec<(String, String)> = r
                        .hits
                        .iter()
                        .map(|h| (format!("{:.4}", h.score), format!("{:?}", h.kind)))
                        .collect();
                    // Equal scores may come in another order from two segments.
                    hits.sort();
                    (r.total, hits)
                })
                .collect::<Vec<_>>()
        };
        let found = hits(&whole.index);
        assert!(found[0].0 > 0, "{}", q.q);
        assert_eq!(found, hits(&split), "{}", q.q);
    }
}
