//! The demo's synthetic history (`demo::history`): the requests it writes
//! and the statistics computed from them.

use crate::helpers::{TestApp, count};
use otalusta::demo::history;
use otalusta_domain::role::Role;
use otalusta_domain::stats::Shown;

#[tokio::test]
async fn history_makes_requests_the_statistics_count() {
    let app = TestApp::spawn().await;
    let db = &app.state.db;
    // The close-out survey's version 1 is seeded at start: the history
    // answers it.
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM survey_versions", None).await,
        1
    );
    assert!(!history::exists(db).await.unwrap());
    history::generate(db, 300, 1).await.unwrap();
    assert!(history::exists(db).await.unwrap());
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM requests", None).await,
        300
    );
    let requester = app.user_id(history::ACCOUNT).await;
    assert_eq!(
        count(
            &app,
            "SELECT disabled FROM users WHERE id = $1",
            Some(requester)
        )
        .await,
        1,
        "nobody signs in as the history's requester"
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM requests WHERE requester_id <> $1",
            Some(requester)
        )
        .await,
        0
    );
    // Every request was submitted; the discussed ones have a meeting, an
    // outcome and recommendations; most closed ones answered the survey.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM request_events WHERE kind = 'submitted'",
            None
        )
        .await,
        300
    );
    let closed = count(
        &app,
        "SELECT COUNT(*) FROM requests WHERE status = 'closed'",
        None,
    )
    .await;
    assert!(closed > 150, "most are closed: {closed}");
    for sql in [
        "SELECT COUNT(*) FROM requests WHERE status IN ('closed', 'follow-up') AND meeting_date IS NULL",
        "SELECT COUNT(*) FROM requests r WHERE status = 'closed' AND NOT EXISTS \
         (SELECT 1 FROM recommendations c WHERE c.request_id = r.id AND c.outcome IS NOT NULL)",
        "SELECT COUNT(*) FROM requests r WHERE status IN ('closed', 'follow-up') AND NOT EXISTS \
         (SELECT 1 FROM request_events e WHERE e.request_id = r.id AND e.kind = 'outcome-recorded')",
        "SELECT COUNT(*) FROM requests r WHERE NOT EXISTS \
         (SELECT 1 FROM request_phenomena p WHERE p.request_id = r.id)",
    ] {
        assert_eq!(count(&app, sql, None).await, 0, "{sql}");
    }
    let surveys = count(&app, "SELECT COUNT(*) FROM survey_answers", None).await;
    assert!(
        surveys > closed / 2 && surveys <= closed,
        "{surveys} of {closed}"
    );
    assert!(count(&app, "SELECT COUNT(*) FROM feedback_answers", None).await > 0);
    // A request made the ordinary way afterwards gets a new id.
    let (gid, form): (i64, i64) =
        sqlx::query_as("SELECT group_id, form_version_id FROM requests LIMIT 1")
            .fetch_one(db.pool())
            .await
            .unwrap();
    let mut tx = db.begin().await.unwrap();
    let id = otalusta::consultations::store::create(
        &mut tx,
        otalusta_domain::ids::UserId(requester),
        otalusta_domain::ids::GroupId(gid),
        form,
    )
    .await
    .unwrap();
    tx.rollback().await.unwrap();
    assert!(id.0 > 300, "{id:?}");

    otalusta::stats::snapshot::refresh(db).await.unwrap();
    let snap = otalusta::stats::snapshot::Cache::default()
        .latest(db)
        .await
        .unwrap()
        .expect("a snapshot");
    // The counts are all there; published, each is the true figure or
    // hidden (the first, partial year's small cells may take the all-years
    // total with them).
    let g = otalusta::stats::facts::gather(db).await.unwrap();
    let sum = |measure: &str| -> u64 {
        g.facts
            .iter()
            .filter(|f| f.measure == measure && f.dim.is_empty())
            .map(|f| f.n)
            .sum()
    };
    assert_eq!(sum("requests"), 300);
    assert_eq!(sum("survey") as i64, surveys);
    assert!(matches!(
        snap.get("requests", "", "", "all", "all"),
        Some(Shown::Value(300) | Shown::Hidden)
    ));
    let years: u64 = snap
        .years()
        .iter()
        .filter_map(|y| snap.get("requests", "", "", y, "all")?.value())
        .sum();
    assert!(years > 0 && years <= 300, "the years' published totals");
    let researcher = app.login(Role::Researcher).await;
    let res = researcher.get(app.url("/stats")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    app.stop().await;
}
