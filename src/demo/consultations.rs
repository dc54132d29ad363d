//! A few of demo-requester's requests to Haastavat erot, in their stages:
//! one waiting for the secretary, one on the next meeting's agenda, a draft.

use crate::consultations::store;
use crate::core::db::Db;
use otalusta_domain::consultations::{Event, Identification, Status, place};
use otalusta_domain::questionnaire::{Answer, Answers};

fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs
        .iter()
        .map(|(k, v)| {
            let a = if matches!(*k, "age_band" | "urgency" | "gender") {
                Answer::Choice((*v).to_owned())
            } else {
                Answer::Text((*v).to_owned())
            };
            ((*k).to_owned(), a)
        })
        .collect()
}

pub async fn create(db: &Db) -> anyhow::Result<()> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM requests")
        .fetch_one(db.pool())
        .await?;
    if n > 0 {
        return Ok(());
    }
    let (gid,): (i64,) =
        sqlx::query_as("SELECT id FROM consultation_groups WHERE kind = 'separation'")
            .fetch_one(db.pool())
            .await?;
    let gid = otalusta_domain::ids::GroupId(gid);
    let g = crate::groups::store::get(db, gid)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo group"))?;
    let form = store::current_form(db, gid).await?;
    let (requester,): (i64,) =
        sqlx::query_as("SELECT id FROM users WHERE username = 'demo-requester'")
            .fetch_one(db.pool())
            .await?;
    let (secretary,): (i64,) =
        sqlx::query_as("SELECT id FROM users WHERE username = 'demo-secretary'")
            .fetch_one(db.pool())
            .await?;
    let requester = otalusta_domain::ids::UserId(requester);
    let secretary = otalusta_domain::ids::UserId(secretary);
    let cases: [(&[(&str, &str)], Status); 3] = [
        (
            &[
                (
                    "question",
                    "Miten tukea 9-vuotiasta, jonka vanhemmat kiistelevät tapaamisista jo kolmatta vuotta?",
                ),
                ("age_band", "7-12"),
                (
                    "situation",
                    "Lapsi on alkanut oireilla koulussa: väsymystä, poissaoloja ja vetäytymistä. Vanhempien välillä on ollut useita tapaamisriitoja käräjäoikeudessa.",
                ),
                (
                    "family",
                    "Kaksi vanhempaa eri kunnissa, yksi sisarus. Isovanhemmat tukevat.",
                ),
                (
                    "services_tried",
                    "Perheneuvola, sovittelu käräjäoikeudessa, lastenvalvojan sopimukset.",
                ),
                ("urgency", "soon"),
                (
                    "participants",
                    "Sosiaalityöntekijä (pyytäjä), koulukuraattori.",
                ),
            ],
            Status::Submitted,
        ),
        (
            &[
                (
                    "question",
                    "Tarvitsemme riskinarvion konfliktoituneessa erossa, jossa on ollut lähisuhdeväkivaltaa.",
                ),
                ("age_band", "3-6"),
                (
                    "situation",
                    "Äiti on kertonut aiemmasta väkivallasta; isä kiistää. Lapsi pelkää vaihtotilanteita.",
                ),
                ("family", "Kaksi vanhempaa, lapsi asuu äidin luona."),
                (
                    "services_tried",
                    "Lastensuojelun selvitys, valvotut tapaamiset.",
                ),
                ("assessments", "Lastenpsykiatrinen arvio 2025."),
                ("urgency", "urgent"),
                (
                    "participants",
                    "Sosiaalityöntekijä, lastenpsykiatrian sairaanhoitaja.",
                ),
            ],
            Status::Accepted,
        ),
        (
            &[(
                "question",
                "Luonnos: kysymys koulunkäynnin tuesta sijoituksen aikana.",
            )],
            Status::Draft,
        ),
    ];
    let from = crate::groups::routes::today();
    let to = from
        .checked_add(jiff::Span::new().months(12))
        .unwrap_or(from);
    let overrides = crate::groups::store::overrides(db, gid).await?;
    let meetings = g.meetings(&overrides, from, to);
    for (pairs, stage) in cases {
        let mut tx = db.begin().await?;
        let id = store::create(&mut tx, requester, gid, form.id).await?;
        store::save_answers(&mut tx, id, &answers(pairs), Identification::None, "", None).await?;
        let mut r = store::get_for_update(&mut tx, id, false)
            .await?
            .ok_or_else(|| anyhow::anyhow!("demo request"))?;
        store::set_status(
            &mut tx,
            &r,
            Status::Draft,
            Event::Created,
            Some((requester, "requester")),
            "",
            "",
        )
        .await?;
        if stage != Status::Draft {
            let placed = std::collections::HashMap::new();
            let p = place(
                &meetings,
                &placed,
                g.details.capacity,
                jiff::Timestamp::now(),
            );
            store::place(
                &mut tx,
                id,
                gid,
                p.meeting,
                &serde_json::to_string(&p)?,
                false,
            )
            .await?;
            store::set_status(
                &mut tx,
                &r,
                Status::Submitted,
                Event::Submitted,
                Some((requester, "requester")),
                "",
                "",
            )
            .await?;
            r.status = Status::Submitted;
            if stage == Status::Accepted {
                let detail = p
                    .meeting
                    .map(crate::core::i18n::format_date)
                    .unwrap_or_default();
                store::set_status(
                    &mut tx,
                    &r,
                    Status::Accepted,
                    Event::Accepted,
                    Some((secretary, "secretary")),
                    "",
                    &detail,
                )
                .await?;
            }
        }
        tx.commit().await?;
    }
    Ok(())
}
