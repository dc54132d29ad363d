//! A few of demo-requester's requests to Haastavat erot, in their stages:
//! one waiting for the secretary, one on the next meeting's agenda, a draft.

use crate::consultations::store;
use crate::consultations::workflow::{By, NewPlace, Step, Work};
use crate::core::db::Db;
use otalusta_domain::consultations::{Event, Identification, Status, place};
use otalusta_domain::ids::UserId;
use otalusta_domain::questionnaire::{Answer, Answers};
use otalusta_domain::role::Role;

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
    let form = store::current_form(db, gid).await?;
    let (requester,): (i64,) =
        sqlx::query_as("SELECT id FROM users WHERE username = 'demo-requester'")
            .fetch_one(db.pool())
            .await?;
    let (secretary,): (i64,) =
        sqlx::query_as("SELECT id FROM users WHERE username = 'demo-secretary'")
            .fetch_one(db.pool())
            .await?;
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
    let requester = UserId(requester);
    let secretary = UserId(secretary);
    for (pairs, stage) in cases {
        let mut w = Work::begin_db(db).await?;
        let g = w
            .lock_groups(&[gid])
            .await?
            .pop()
            .ok_or_else(|| anyhow::anyhow!("demo group"))?;
        let id = store::create(w.tx(), requester, gid, form.id).await?;
        store::save_answers(w.tx(), id, &answers(pairs), Identification::None, "", None).await?;
        store::created_event(w.tx(), id, requester, Role::Requester).await?;
        if stage != Status::Draft {
            let mut r = w.lock_request(id).await?;
            let places = w.places(&g, None).await?;
            let p = place(
                &places.meetings,
                &places.taken,
                g.details.capacity,
                jiff::Timestamp::now(),
            );
            let mut step = Step::new(
                Event::Submitted,
                By::Setup {
                    user: requester,
                    role: Role::Requester,
                },
            );
            step.place = Some(NewPlace {
                group: gid,
                meeting: p.meeting,
                placement: serde_json::to_string(&p)?,
                late: false,
            });
            w.transition(&mut r, step).await?;
            if stage == Status::Accepted {
                let mut step = Step::new(
                    Event::Accepted,
                    By::Setup {
                        user: secretary,
                        role: Role::Secretary,
                    },
                );
                step.detail = p
                    .meeting
                    .map(crate::core::i18n::format_date)
                    .unwrap_or_default();
                w.transition(&mut r, step).await?;
            }
        }
        w.commit("").await?;
    }
    Ok(())
}
