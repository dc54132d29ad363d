//! The change feed and the search index on several nodes: a change that
//! commits after a higher id is not skipped, two nodes under concurrent
//! editors both end equal to the database, and `otalusta index check`
//! finds and repairs what the feed could not see.

use crate::cli::run;
use crate::helpers::*;
use otalusta::core::changes::Follower;
use otalusta::core::db::{Db, Engine};
use otalusta_domain::role::Role;
use serde_json::Value;
use std::collections::BTreeMap;
use std::time::Duration;

async fn change(tx: &mut otalusta::core::db::Tx, object: &str) {
    sqlx::query("INSERT INTO outbox (topic, object_id, at) VALUES ('expert', $1, 'x')")
        .bind(object)
        .execute(&mut **tx)
        .await
        .unwrap();
}

async fn commit_one(db: &Db, object: &str) {
    let mut tx = db.begin().await.unwrap();
    change(&mut tx, object).await;
    tx.commit().await.unwrap();
}

async fn objects(f: &Follower, db: &Db) -> Vec<String> {
    f.poll(db)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.object_id)
        .collect()
}

async fn migrated() -> (FreshDb, Db) {
    let fresh = FreshDb::new().await;
    let db = fresh.connect().await;
    db.migrate().await.unwrap();
    (fresh, db)
}

#[tokio::test]
async fn a_change_that_commits_after_a_higher_id_is_still_delivered() {
    let (_fresh, db) = migrated().await;
    if db.engine() == Engine::Sqlite {
        // One writer at a time: ids cannot become visible out of order.
        eprintln!("SQLite has one writer at a time; the case is PostgreSQL's");
        return;
    }
    let f = Follower::start(&db).await.unwrap();
    // The first writer takes its id and stays open while a second commits.
    let mut slow = db.begin().await.unwrap();
    change(&mut slow, "slow").await;
    commit_one(&db, "fast").await;
    assert_eq!(objects(&f, &db).await, vec!["fast"]);
    assert!(objects(&f, &db).await.is_empty(), "nothing twice");
    slow.commit().await.unwrap();
    assert_eq!(objects(&f, &db).await, vec!["slow"], "the late commit");
    // A rolled-back writer holds nothing up.
    let mut gone = db.begin().await.unwrap();
    change(&mut gone, "gone").await;
    commit_one(&db, "after").await;
    gone.rollback().await.unwrap();
    commit_one(&db, "later").await;
    assert_eq!(objects(&f, &db).await, vec!["after", "later"]);
    assert!(objects(&f, &db).await.is_empty());
    db.close().await;
}

#[tokio::test]
async fn changes_after_the_outbox_was_emptied_are_delivered() {
    let (_fresh, db) = migrated().await;
    commit_one(&db, "a").await;
    commit_one(&db, "b").await;
    let f = Follower::start(&db).await.unwrap();
    // The daily clean-up may empty the table; new ids must not start over
    // below where a follower stands.
    sqlx::query("DELETE FROM outbox")
        .execute(db.pool())
        .await
        .unwrap();
    commit_one(&db, "c").await;
    assert_eq!(objects(&f, &db).await, vec!["c"]);
    db.close().await;
}

/// A profile's current word: an invented one, so nothing else matches.
fn word(profile: usize, round: usize) -> String {
    let letters: String = format!("{profile:03}{round:02}")
        .chars()
        .map(|c| (b'a' + c.to_digit(10).unwrap() as u8) as char)
        .collect();
    format!("zorv{letters}")
}

/// A profile's form as the coordinator posts it.
fn profile(name: &str, text: &str) -> Vec<(&'static str, String)> {
    let local: String = name.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    [
        ("name", name),
        ("title", "konsultti"),
        ("area", "ita-suomi"),
        ("sectors", "social"),
        ("languages", "fi"),
        ("phenomena", "trauma"),
        ("email", &format!("{}@x.fi", local.to_lowercase())),
        ("description_fi", text),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect()
}

/// Posts `form` (with the CSRF token of `form_page`) to `base` + `path`.
async fn post(
    base: &str,
    c: &reqwest::Client,
    form_page: &str,
    path: &str,
    form: Vec<(&'static str, String)>,
) -> reqwest::Response {
    let page = c
        .get(format!("{base}{form_page}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mut all = vec![("csrf", extract_csrf(&page).expect("a CSRF token"))];
    all.extend(form);
    c.post(format!("{base}{path}"))
        .form(&all)
        .send()
        .await
        .unwrap()
}

async fn create(app: &TestApp, c: &reqwest::Client, name: &str, text: &str) -> i64 {
    let res = post(
        &app.url(""),
        c,
        "/experts/new",
        "/experts",
        profile(name, text),
    )
    .await;
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
    let loc = res.headers()["location"].to_str().unwrap();
    loc.trim_start_matches("/experts/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// Saves profile `id` through the node at `base`; whether it was saved.
async fn edit(base: &str, c: &reqwest::Client, id: i64, name: &str, text: &str) -> bool {
    let (form, path) = (format!("/experts/{id}/edit"), format!("/experts/{id}"));
    post(base, c, &form, &path, profile(name, text))
        .await
        .status()
        == 303
}

/// The names a node finds for the word `w` exactly (quoted: no typo
/// tolerance, which would find a marker one letter from another).
async fn found(app: &TestApp, c: &reqwest::Client, w: &str) -> Vec<String> {
    let v: Value = c
        .get(app.url("/api/v1/experts"))
        .query(&[("q", format!("\"{w}\"").as_str()), ("kind", "experts")])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["name"].as_str().unwrap().to_owned())
        .collect()
}

/// What `app` finds wrong: each profile's current word must find exactly
/// it, and each replaced word nothing.
async fn drift(
    app: &TestApp,
    c: &reqwest::Client,
    current: &BTreeMap<String, String>,
    replaced: &[String],
) -> Vec<String> {
    let mut wrong = Vec::new();
    for (name, w) in current {
        let hits = found(app, c, w).await;
        if hits != vec![name.clone()] {
            wrong.push(format!("{w} → {hits:?}, want {name}"));
        }
    }
    for w in replaced {
        let hits = found(app, c, w).await;
        if !hits.is_empty() {
            wrong.push(format!("old {w} → {hits:?}"));
        }
    }
    wrong
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_nodes_under_concurrent_editors_both_equal_the_database() {
    let a = TestApp::spawn().await;
    let url = a.database_url.clone();
    let b = TestApp::spawn_with(|c| c.database_url = url).await;
    let ca = a.login(Role::Coordinator).await;
    let cb = b.login(Role::Coordinator).await;
    const PROFILES: usize = 32;
    const EDITORS: usize = 16;
    const ROUNDS: usize = 3;
    let mut ids = Vec::new();
    for p in 0..PROFILES {
        ids.push(create(&a, &ca, &format!("Testi Henkilö {p}"), &word(p, 0)).await);
    }
    // Each editor owns two profiles; half of them write through each node.
    let mut editors = Vec::new();
    for e in 0..EDITORS {
        let (node, c) = if e % 2 == 0 { (&a, &ca) } else { (&b, &cb) };
        let (node_url, c) = (node.url(""), c.clone());
        let ids = ids.clone();
        editors.push(tokio::spawn(async move {
            for round in 1..=ROUNDS {
                for p in [e * 2, e * 2 + 1] {
                    let name = format!("Testi Henkilö {p}");
                    let saved = edit(&node_url, &c, ids[p], &name, &word(p, round)).await;
                    assert!(saved, "edit acknowledged");
                }
            }
        }));
    }
    for e in editors {
        e.await.unwrap();
    }
    let current: BTreeMap<String, String> = (0..PROFILES)
        .map(|p| (format!("Testi Henkilö {p}"), word(p, ROUNDS)))
        .collect();
    let replaced: Vec<String> = (0..PROFILES)
        .flat_map(|p| (0..ROUNDS).map(move |r| word(p, r)))
        .collect();
    // The other node hears of each change from the feed; give it the
    // follow interval a few times over, then both must equal the database.
    let mut wrong = Vec::new();
    for _ in 0..40 {
        wrong = drift(&a, &ca, &current, &replaced).await;
        wrong.extend(drift(&b, &cb, &current, &replaced).await);
        if wrong.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert!(
        wrong.is_empty(),
        "search differs from the database: {wrong:#?}"
    );
    b.stop().await;
    a.stop().await;
}

#[tokio::test]
async fn index_check_finds_and_repairs_what_the_feed_missed() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let id = create(&app, &c, "Käsin Muutettu", "zorvalku").await;
    assert!(edit(&app.url(""), &c, id, "Käsin Muutettu", "zorvalku").await);
    // A change the feed never hears of: made in the database by hand.
    sqlx::query("UPDATE experts SET description_fi = 'zorvloppu' WHERE id = $1")
        .bind(id)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    assert!(found(&app, &c, "zorvloppu").await.is_empty());
    let (db, dir) = (
        app.database_url.clone(),
        app.data_dir.path().display().to_string(),
    );
    let cli = |args: &'static [&'static str]| {
        let (db, dir) = (db.clone(), dir.clone());
        tokio::task::spawn_blocking(move || run(&db, &dir, args, ""))
    };
    let (code, out) = cli(&["index", "check"]).await.unwrap();
    assert_eq!(code, 3, "{out}");
    assert!(out.contains("1 stale"), "{out}");
    assert!(out.contains("1 repaired"), "{out}");
    assert_eq!(found(&app, &c, "zorvloppu").await, vec!["Käsin Muutettu"]);
    assert!(found(&app, &c, "zorvalku").await.is_empty());
    let (code, out) = cli(&["index", "check"]).await.unwrap();
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("equal to the database"), "{out}");
    let (code, out) = cli(&["index", "rebuild"]).await.unwrap();
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("rebuilt"), "{out}");
    assert_eq!(found(&app, &c, "zorvloppu").await, vec!["Käsin Muutettu"]);
    // The node's health tells what it last did.
    let health: Value = reqwest::get(app.url("/health?details=1"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["search_index"]["last_check"]["kind"], "rebuild");
    assert_eq!(health["search_index"]["last_check"]["missing"], 0);
    app.stop().await;
    // With no node running there is nothing to ask.
    let (fresh, db) = migrated().await;
    db.close().await;
    let (url, dir) = (fresh.url.clone(), fresh.dir.path().display().to_string());
    let (code, out) = tokio::task::spawn_blocking(move || run(&url, &dir, &["index", "check"], ""))
        .await
        .unwrap();
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("no running node"), "{out}");
}
