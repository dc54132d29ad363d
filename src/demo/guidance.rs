//! Demo service guidance for demo-coordinator's area (Itä-Suomi): a few
//! questions in their stages, two development needs and the area's OT
//! coordinator contact (invented).

use crate::core::db::{self, Tx};
use crate::guidance::store::{self, AreaContact};

const AREA: &str = "ita-suomi";

async fn user(tx: &mut Tx, name: &str) -> sqlx::Result<i64> {
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM users WHERE username = $1")
        .bind(name)
        .fetch_one(&mut **tx)
        .await?;
    Ok(id)
}

fn ago(hours: i64) -> String {
    db::timestamp(jiff::Timestamp::now() - jiff::SignedDuration::from_hours(hours))
}

fn day_from_now(days: i64) -> String {
    (crate::core::page::helsinki()
        .to_datetime(jiff::Timestamp::now())
        .date()
        + jiff::Span::new().days(days))
    .to_string()
}

/// Creates the examples when the log is empty.
pub async fn create(tx: &mut Tx) -> anyhow::Result<()> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM guidance_questions")
        .fetch_one(&mut **tx)
        .await?;
    if n > 0 {
        return Ok(());
    }
    let requester = user(tx, "demo-requester").await?;
    let coordinator = user(tx, "demo-coordinator").await?;
    let group: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM consultation_groups WHERE area_code = $1 AND kind = 'separation'",
    )
    .bind(AREA)
    .fetch_optional(&mut **tx)
    .await?;
    let group = group.map(|(g,)| g);

    // Open, from the platform, waiting three days.
    store::insert(
        tx,
        &store::NewQuestion {
            area_code: AREA,
            channel: "platform",
            asked_by: Some(requester),
            asker: "",
            question: "Perheneuvolan asiakkaana on 11-vuotias, jonka koulunkäynti on \
                       katkennut puoli vuotta sitten. Kuuluuko tilanne OT-keskuksen \
                       konsultaatioon vai ensin koulun oppilashuoltoon?",
            received_at: &ago(3 * 24 + 2),
            recorded_by: requester,
        },
    )
    .await?;

    // By phone, answered and directed to a group.
    let id = store::insert(
        tx,
        &store::NewQuestion {
            area_code: AREA,
            channel: "phone",
            asked_by: None,
            asker: "Lastensuojelun sosiaalityöntekijä, Pohjois-Karjala",
            question: "Eroperheen lapsi kieltäytyy tapaamisista; vanhemmat riitelevät \
                       huoltoasioista. Mistä saa monialaista konsultaatiota?",
            received_at: &ago(10 * 24),
            recorded_by: coordinator,
        },
    )
    .await?;
    answer(
        tx,
        id,
        "Ohjattu Haastavat erot -konsultaatioryhmään; kerrottu pyynnön tekemisestä alustalla.",
        group,
        "",
        None,
        "",
        coordinator,
        &ago(9 * 24),
        false,
    )
    .await?;

    // By e-mail, answered with a follow-up date that has passed.
    let id = store::insert(
        tx,
        &store::NewQuestion {
            area_code: AREA,
            channel: "email",
            asked_by: None,
            asker: "Koulukuraattori, Pohjois-Savo",
            question: "Nuoren päihteiden käyttö ja koulupoissaolot lisääntyneet; \
                       kotiin tarjottu tuki ei ole riittänyt. Millaisia palveluja alueella on?",
            received_at: &ago(20 * 24),
            recorded_by: coordinator,
        },
    )
    .await?;
    answer(
        tx,
        id,
        "Kerrottu nuorisopsykiatrian ja päihdepalvelujen yhteistyöstä sekä MDFT-menetelmästä.",
        None,
        "Nuorisopsykiatrian poliklinikka, päihdetyön asiantuntija",
        Some(&day_from_now(-2)),
        "Kysy kuraattorilta, saatiinko yhteys poliklinikkaan.",
        coordinator,
        &ago(19 * 24),
        false,
    )
    .await?;

    // Answered and closed.
    let id = store::insert(
        tx,
        &store::NewQuestion {
            area_code: AREA,
            channel: "phone",
            asked_by: None,
            asker: "Varhaiskasvatuksen erityisopettaja",
            question: "Miten OT-keskuksen konsultaatioon pääsee ja kuka voi pyytää sitä?",
            received_at: &ago(30 * 24),
            recorded_by: coordinator,
        },
    )
    .await?;
    answer(
        tx,
        id,
        "Kerrottu, että ammattilainen voi pyytää konsultaatiota alustalla; annettu ohjeet.",
        None,
        "",
        None,
        "",
        coordinator,
        &ago(30 * 24 - 5),
        true,
    )
    .await?;

    for (need, phenomena) in [
        (
            "Eroriitojen lasten tuen vaikuttavuudesta tarvitaan tutkimusta: kysymyksiä tulee \
             usein, mutta näyttöön perustuvia menetelmiä on vähän.",
            "custody-disputes",
        ),
        (
            "Koulupoissaolojen ja nuorten päihteiden käytön yhdistelmässä palveluketju on \
             epäselvä; tarvitaan alueellinen toimintamalli.",
            "school-support,substance-use",
        ),
    ] {
        store::insert_need(tx, AREA, need, phenomena, coordinator).await?;
    }
    store::set_area_contact(
        tx,
        AREA,
        &AreaContact {
            name: "Kaisa Esimerkki".into(),
            phone: "040 000 0000".into(),
            email: "ot-koordinaattori.ita-suomi@example.fi".into(),
        },
    )
    .await?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn answer(
    tx: &mut Tx,
    id: i64,
    guidance: &str,
    group: Option<i64>,
    note: &str,
    follow_up_on: Option<&str>,
    follow_up_note: &str,
    by: i64,
    at: &str,
    close: bool,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE guidance_questions SET guidance = $2, directed_group = $3, directed_note = $4, \
         follow_up_on = $5, follow_up_note = $6, answered_by = $7, answered_at = $8, \
         closed_at = $9 WHERE id = $1",
    )
    .bind(id)
    .bind(guidance)
    .bind(group)
    .bind(note)
    .bind(follow_up_on)
    .bind(follow_up_note)
    .bind(by)
    .bind(at)
    .bind(close.then_some(at))
    .execute(&mut **tx)
    .await?;
    Ok(())
}
