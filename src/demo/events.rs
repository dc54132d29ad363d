//! Invented events: a past webinar with its recording and demo-requester's
//! attendance, a coming training and webinar (the webinar nearly full),
//! and a forum series of three sessions. Times relative to today.

use crate::core::db::{self, Db};
use crate::events::store::{self, EventInput};

async fn user(db: &Db, name: &str) -> anyhow::Result<i64> {
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM users WHERE username = $1")
        .bind(name)
        .fetch_one(db.pool())
        .await?;
    Ok(id)
}

/// `days` from today at `hour`.00 Helsinki time, lasting `hours`.
fn at(days: i64, hour: i8, hours: i64) -> (String, String) {
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(crate::core::page::helsinki())
        .date();
    let day = today
        .checked_add(jiff::Span::new().days(days))
        .unwrap_or(today);
    let start = day
        .at(hour, 0, 0, 0)
        .to_zoned_datetime(crate::core::page::helsinki())
        .map(|z| z.timestamp())
        .unwrap_or_default();
    let end = start + jiff::SignedDuration::from_hours(hours);
    (db::timestamp(start), db::timestamp(end))
}

#[allow(clippy::too_many_arguments)]
fn event(
    kind: &str,
    series: &str,
    title: &str,
    description: &str,
    when: (String, String),
    place: &str,
    online: &str,
    area: Option<&str>,
    phenomena: &str,
    capacity: i64,
    visibility: &str,
    recording: &str,
    responsible: i64,
) -> EventInput {
    EventInput {
        kind: kind.into(),
        series: series.into(),
        title: title.into(),
        description: description.into(),
        starts_at: when.0,
        ends_at: when.1,
        place: place.into(),
        online_url: online.into(),
        organiser: "Itä-Suomen OT-keskus".into(),
        responsible_id: Some(responsible),
        area_code: area.map(str::to_owned),
        phenomena: phenomena.into(),
        capacity,
        registration_open: true,
        registration_deadline: None,
        visibility: visibility.into(),
        recording_url: recording.into(),
    }
}

pub async fn create(db: &Db) -> anyhow::Result<()> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM events")
        .fetch_one(db.pool())
        .await?;
    if n > 0 {
        return Ok(());
    }
    let coordinator = user(db, "demo-coordinator").await?;
    let requester = user(db, "demo-requester").await?;
    let expert = user(db, "demo-expert").await?;
    let secretary = user(db, "demo-secretary").await?;
    let researcher = user(db, "demo-researcher").await?;
    let events = [
        (
            event(
                "webinar",
                "",
                "Lähisuhdeväkivalta lapsen arjessa – tunnistaminen ja puheeksi otto",
                "Webinaarissa käydään läpi, miten lähisuhdeväkivalta näkyy lapsen arjessa ja miten asian voi ottaa puheeksi.\n\nTallenne on katsottavissa tapahtuman jälkeen.",
                at(-30, 13, 2),
                "",
                "https://video.example.fi/webinaari-lahisuhdevakivalta",
                Some("ita-suomi"),
                "domestic-violence",
                100,
                "public",
                "https://video.example.fi/tallenteet/lahisuhdevakivalta",
                coordinator,
            ),
            vec![requester, expert],
        ),
        (
            event(
                "training",
                "",
                "Vaativa sijaishuolto: moniammatillinen työskentely",
                "Kaksipäiväinen koulutus sijaishuollon, koulun ja psykiatrian yhteistyöstä.\n\nKoulutus on tarkoitettu ammattilaisille, jotka työskentelevät vaativassa sijaishuollossa.",
                at(21, 9, 7),
                "Kuopion yliopistollinen sairaala, auditorio 2",
                "",
                Some("ita-suomi"),
                "substitute-care",
                40,
                "public",
                "",
                coordinator,
            ),
            vec![secretary],
        ),
        (
            event(
                "webinar",
                "",
                "Barnahus-toimintamalli ammattilaisille",
                "Lyhyt johdatus Barnahus-toimintamalliin, kun epäillään lapseen kohdistunutta väkivaltaa.",
                at(7, 14, 1),
                "",
                "https://video.example.fi/webinaari-barnahus",
                None,
                "violence-against-child",
                3,
                "public",
                "",
                coordinator,
            ),
            vec![expert, secretary],
        ),
    ];
    let series = "Haastavat erot -foorumi";
    let mut all: Vec<(EventInput, Vec<i64>)> = events.into_iter().collect();
    for (i, days) in [14i64, 42, 70].into_iter().enumerate() {
        all.push((
            event(
                "forum",
                series,
                &format!("Haastavat erot -foorumi, tapaaminen {}", i + 1),
                "Ammattilaisten foorumi vaativista huoltoriidoista ja haastavista eroista: tapausten pohjalta keskustelua ilman tunnistetietoja.",
                at(days, 14, 2),
                "",
                "https://video.example.fi/foorumi-haastavat-erot",
                Some("ita-suomi"),
                "custody-disputes",
                25,
                if i == 0 { "public" } else { "professionals" },
                "",
                coordinator,
            ),
            vec![researcher],
        ));
    }
    for (input, participants) in all {
        let mut tx = db.begin().await?;
        let id = store::create(&mut tx, &input, coordinator).await?;
        for p in participants {
            let ev = store::lock(&mut tx, id)
                .await?
                .ok_or_else(|| anyhow::anyhow!("event {id}"))?;
            store::register_user(&mut tx, &ev, p).await?;
        }
        tx.commit().await?;
    }
    // demo-requester attended the past webinar.
    sqlx::query(
        "UPDATE event_registrations SET attended = 1 WHERE user_id = $1 AND event_id = \
         (SELECT MIN(id) FROM events)",
    )
    .bind(requester)
    .execute(db.pool())
    .await?;
    Ok(())
}
