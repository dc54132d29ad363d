//! Migrations reach the same schema on both engines: each run compares its
//! engine's tables and columns with the committed snapshot.

use crate::helpers::*;
use otalusta::core::db::{Db, Engine};

const SNAPSHOT: &str = "tests/it/schema.snapshot";

async fn describe(db: &Db) -> String {
    let rows: Vec<(String, String)> = match db.engine() {
        Engine::Sqlite => sqlx::query_as(
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%' \
             ORDER BY m.name, p.name",
        )
        .fetch_all(db.pool())
        .await
        .unwrap(),
        Engine::Postgres => sqlx::query_as(
            "SELECT table_name::text, column_name::text FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name NOT LIKE '_sqlx%' \
             ORDER BY table_name, column_name",
        )
        .fetch_all(db.pool())
        .await
        .unwrap(),
    };
    let mut out = String::new();
    for (t, c) in rows {
        out.push_str(&format!("{t}.{c}\n"));
    }
    out
}

#[tokio::test]
async fn migrations_from_empty_reach_the_snapshot_schema() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _guard) = fresh_database(dir.path()).await;
    let db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    // Running again is a no-op.
    db.migrate().await.unwrap();
    let schema = describe(&db).await;
    if std::env::var("UPDATE_SNAPSHOT").is_ok() {
        std::fs::write(SNAPSHOT, &schema).unwrap();
    }
    let expected =
        std::fs::read_to_string(SNAPSHOT).expect("snapshot exists (UPDATE_SNAPSHOT=1 writes it)");
    assert_eq!(
        schema,
        expected,
        "{:?} schema differs from {SNAPSHOT}",
        db.engine()
    );
    db.close().await;
    if let Some((admin, name)) = _guard {
        let a = Db::connect(&admin).await.unwrap();
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE {name} WITH (FORCE)"
        )))
        .execute(a.pool())
        .await
        .unwrap();
    }
}

/// Migration 0019 gives the seeded domestic-violence synonyms "våld" and
/// "violence" where the list is the one seeded before it, and keeps a
/// coordinator's own list.
#[tokio::test]
async fn the_violence_synonyms_reach_an_unedited_list_only() {
    const OLD: &str = "perheväkivalta, parisuhdeväkivalta, väkivalta, kotiväkivalta, \
                       väkivaltainen parisuhde, familjevåld, våld i nära relationer, \
                       partnervåld, family violence, domestic abuse, intimate partner violence";
    let new = otalusta_domain::taxonomy::seed_phenomenon("domestic-violence")
        .unwrap()
        .synonyms;
    let words = otalusta_domain::taxonomy::split_synonyms(new);
    assert!(words.contains(&"våld") && words.contains(&"violence"));
    for (before, after) in [
        (OLD, new),
        (
            "lähisuhdeväkivalta, oma lista",
            "lähisuhdeväkivalta, oma lista",
        ),
    ] {
        let fresh = FreshDb::new().await;
        let db = fresh.connect().await;
        let mut m = match db.engine() {
            Engine::Sqlite => sqlx::migrate!("migrations/sqlite"),
            Engine::Postgres => sqlx::migrate!("migrations/postgres"),
        };
        let all = m.migrations.clone();
        m.migrations = all
            .iter()
            .filter(|x| x.version < 19)
            .cloned()
            .collect::<Vec<_>>()
            .into();
        m.run(db.pool()).await.unwrap();
        sqlx::query(
            "INSERT INTO phenomena (code, name_fi, name_sv, name_en, description_fi, \
             description_sv, description_en, synonyms, sort_order, updated_at) \
             VALUES ('domestic-violence', 'L', 'V', 'D', '', '', '', $1, 1, '2026-01-01T00:00:00Z')",
        )
        .bind(before)
        .execute(db.pool())
        .await
        .unwrap();
        db.migrate().await.unwrap();
        let (now,): (String,) =
            sqlx::query_as("SELECT synonyms FROM phenomena WHERE code = 'domestic-violence'")
                .fetch_one(db.pool())
                .await
                .unwrap();
        assert_eq!(now, after);
        db.close().await;
    }
}
