//! Three invented screenings of demo-requester's with demo-expert as a
//! colleague: one finished with OT-level support indicated, one "consider",
//! one still open. No child is named: an age band and a language only.

use crate::core::db::Db;
use crate::screenings::store;
use otalusta_domain::ids::UserId;
use otalusta_domain::screening::evaluate::{Given, evaluate};

fn given(pairs: &[(&str, &str)]) -> Given {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), vec![(*v).to_owned()]))
        .collect()
}

async fn user(db: &Db, name: &str) -> anyhow::Result<(UserId, Option<String>, Option<String>)> {
    let (id, area, county): (i64, Option<String>, Option<String>) =
        sqlx::query_as("SELECT id, area_code, organiser_code FROM users WHERE username = $1")
            .bind(name)
            .fetch_one(db.pool())
            .await?;
    Ok((UserId(id), area, county))
}

type Case<'a> = (
    &'a str,
    &'a str,
    &'a [(&'a str, &'a str)],
    &'a [(&'a str, &'a str)],
    [&'a str; 2],
    bool,
);

pub async fn create(db: &Db) -> anyhow::Result<()> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM screenings")
        .fetch_one(db.pool())
        .await?;
    if n > 0 {
        return Ok(());
    }
    store::seed(db).await?;
    let (owner, area, county) = user(db, "demo-requester").await?;
    let (colleague, ..) = user(db, "demo-expert").await?;
    let v = store::current(db, area.as_deref()).await?;
    let cases: [Case<'_>; 3] = [
        (
            "13-15",
            "fi",
            &[
                ("mental_health", "3"),
                ("neurodevelopment", "1"),
                ("school", "3"),
                ("substance_use", "2"),
                ("somatic", "no"),
                ("several_areas", "yes"),
                ("sectors_involved", "3"),
                ("basic_tried", "yes"),
                ("specialist_tried", "yes"),
                ("placement", "yes"),
                ("violence", "no"),
                ("violence_child", "no"),
                ("danger", "yes"),
                ("custody_conflict", "no"),
                ("family_resources", "1"),
                ("not_local", "yes"),
                ("rare", "no"),
            ],
            &[
                ("mental_health", "3"),
                ("neurodevelopment", "2"),
                ("substance_use", "3"),
                ("specialist_tried", "yes"),
            ],
            [
                "Sijoitus on katkennut kahdesti; koulu ja nuorisopsykiatria toivovat yhteistä suunnitelmaa.",
                "Nuorisopsykiatrian poliklinikan arvio: osastojakso ei ole ratkaissut tilannetta.",
            ],
            true,
        ),
        (
            "7-12",
            "sv",
            &[
                ("mental_health", "1"),
                ("neurodevelopment", "0"),
                ("school", "2"),
                ("substance_use", "0"),
                ("somatic", "no"),
                ("several_areas", "yes"),
                ("sectors_involved", "2"),
                ("basic_tried", "yes"),
                ("specialist_tried", "no"),
                ("placement", "no"),
                ("violence", "yes"),
                ("violence_child", "no"),
                ("danger", "no"),
                ("custody_conflict", "yes"),
                ("family_resources", "1"),
                ("not_local", "no"),
                ("rare", "no"),
            ],
            &[("custody_conflict", "yes"), ("violence", "yes")],
            [
                "Vanhempien erosta on kulunut kaksi vuotta; tapaamiset päättyvät usein riitaan.",
                "",
            ],
            true,
        ),
        (
            "3-6",
            "fi",
            &[
                ("neurodevelopment", "2"),
                ("somatic", "yes"),
                ("sectors_involved", "2"),
            ],
            &[],
            ["", ""],
            false,
        ),
    ];
    for (age, language, mine, theirs, notes, done) in cases {
        let mut tx = db.begin().await?;
        let id = store::create(
            &mut tx,
            &store::New {
                instrument_id: v.id,
                owner,
                area_code: area.as_deref(),
                organiser_code: county.as_deref(),
                age_band: age,
                language,
            },
        )
        .await?;
        store::save_answers(&mut tx, id, owner, &given(mine), notes[0]).await?;
        if !theirs.is_empty() {
            store::add_participant(&mut tx, id, colleague, Some(owner)).await?;
            store::save_answers(&mut tx, id, colleague, &given(theirs), notes[1]).await?;
        }
        if done {
            let views = store::views(&mut *tx, id).await?;
            store::finish(&mut tx, id, &evaluate(&v.instrument, &views)).await?;
        }
        tx.commit().await?;
    }
    Ok(())
}
