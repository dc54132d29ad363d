//! The expert network of the demo: profiles of the demo accounts and group
//! members, and a few hundred invented experts across the five areas.

use crate::experts::store;
use otalusta_domain::experts::invented::invented;
use otalusta_domain::experts::{ExpertDetails, Language};
use otalusta_domain::region::Sector;

/// How many invented experts the demo has.
pub const INVENTED: usize = 300;

/// A named profile: (user name, organisation, sectors, phenomena, description).
type Own = (
    &'static str,
    &'static str,
    &'static [Sector],
    &'static [&'static str],
    &'static str,
);

const OWN: &[Own] = &[
    (
        "demo-expert",
        "KYS Lasten ja nuorten osaamiskeskus",
        &[Sector::Health],
        &[
            "child-protection-psychiatry",
            "neuropsychiatric",
            "custody-disputes",
        ],
        "Lastenpsykiatri, joka konsultoi lastensuojelun ja psykiatrian yhteisasiakkuuksissa ja kompleksisissa neuropsykiatrisissa tilanteissa. Mukana Haastavat erot -ryhmässä ja MASTER-ryhmässä.",
    ),
    (
        "sari.heikkinen",
        "Jyväskylän perheneuvola",
        &[Sector::Social, Sector::Health],
        &["custody-disputes", "domestic-violence"],
        "Psykologi, joka tukee lapsia vaativissa huoltoriidoissa ja eroissa; Haastavat erot -ryhmän puheenjohtaja.",
    ),
    (
        "juha.partanen",
        "KYS Lasten ja nuorten osaamiskeskus",
        &[Sector::Health],
        &[
            "rare-diseases",
            "functional-disorders",
            "child-protection-psychiatry",
        ],
        "Lastenpsykiatri KYSin harvinaisten sairauksien ja toiminnallisten häiriöiden työryhmistä.",
    ),
    (
        "minna.laitinen",
        "Jyväskylän kaupunki, perusopetus",
        &[Sector::Education],
        &["school-support", "substitute-care"],
        "Erityisopettaja, joka tukee sijoitettujen lasten koulunkäyntiä ja vaativaa koulunkäynnin tukea.",
    ),
];

pub async fn create(tx: &mut crate::core::db::Tx, count: usize) -> anyhow::Result<()> {
    for (username, org, sectors, phenomena, description) in OWN {
        let user = super::groups::user_id(tx, username).await?;
        let (name, title, email): (String, String, String) =
            sqlx::query_as("SELECT display_name, title, email FROM users WHERE id = $1")
                .bind(user.0)
                .fetch_one(&mut **tx)
                .await?;
        let d = ExpertDetails {
            name,
            title: title.split(',').next().unwrap_or("").trim().to_owned(),
            organisation: (*org).to_owned(),
            email,
            phone: String::new(),
            contact_note: "Teams tai puhelin arkisin".into(),
            area: "ita-suomi".into(),
            regions: vec!["ita-suomi".into()],
            sectors: sectors.to_vec(),
            phenomena: phenomena.iter().map(|p| (*p).to_owned()).collect(),
            languages: vec![Language::Finnish, Language::English],
            remote: true,
            paused_until: None,
            pause_note: String::new(),
            description_fi: (*description).to_owned(),
            description_sv: String::new(),
            description_en: String::new(),
            listed_publicly: true,
            publish_contact: false,
        };
        store::create(tx, &d, Some(user)).await?;
    }
    let today = crate::groups::routes::today();
    for d in invented(count, 2022, today) {
        store::create(tx, &d, None).await?;
    }
    Ok(())
}
