//! The seeds' consultation groups and their members.

use crate::auth::{admin, password, store};
use otalusta_domain::ids::UserId;
use otalusta_domain::role::{Grant, Role};

/// Group members who are not demo logins: their password is random and
/// never shown, so nobody can sign in as them.
pub const MEMBERS: &[(&str, &str, &str, &[Role])] = &[
    (
        "sari.heikkinen",
        "Sari Heikkinen",
        "psykologi, perheneuvola",
        &[Role::Expert],
    ),
    (
        "antti.ruotsalainen",
        "Antti Ruotsalainen",
        "sosiaalityöntekijä, lastensuojelu",
        &[Role::Expert],
    ),
    (
        "kaisa.turunen",
        "Kaisa Turunen",
        "lakimies",
        &[Role::Expert],
    ),
    (
        "helena.kokkonen",
        "Helena Kokkonen",
        "suunnittelija, KOSKE",
        &[Role::Secretary, Role::Expert],
    ),
    (
        "juha.partanen",
        "Juha Partanen",
        "lastenpsykiatri, KYS",
        &[Role::Expert],
    ),
    (
        "minna.laitinen",
        "Minna Laitinen",
        "erityisopettaja",
        &[Role::Expert],
    ),
    (
        "petri.nevalainen",
        "Petri Nevalainen",
        "nuorisopsykiatri, KYS",
        &[Role::Expert],
    ),
    (
        "outi.rasanen",
        "Outi Räsänen",
        "sihteeri, ISO",
        &[Role::Secretary, Role::Expert],
    ),
];

pub async fn user_id(tx: &mut crate::core::db::Tx, username: &str) -> sqlx::Result<UserId> {
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM users WHERE username = $1")
        .bind(username)
        .fetch_one(&mut **tx)
        .await?;
    Ok(UserId(id))
}

/// The seeds' groups: Haastavat erot of Keski-Suomi with its real rule, the
/// statutory expert group (MASTER) of Keski-Suomi, and the integrated
/// institutional care consultation of Itä-Suomi.
pub async fn create(tx: &mut crate::core::db::Tx) -> anyhow::Result<()> {
    use jiff::civil::{date, time};
    use otalusta_domain::calendar::{HolidayPolicy, MeetingRule, Notice, Nth, Recurrence, Weekday};
    use otalusta_domain::groups::{Eligibility, GroupDetails, GroupKind, MeetingMode, MemberRole};
    use otalusta_domain::screening::Level;
    let hidden = password::hash(admin::generate_password()).await?;
    for (username, display, title, roles) in MEMBERS {
        let grants: Vec<Grant> = roles
            .iter()
            .map(|r| Grant {
                role: *r,
                area: None,
            })
            .collect();
        store::insert_user(
            tx,
            &store::NewUser {
                username,
                display_name: display,
                email: &format!("{username}@example.invalid"),
                title,
                organisation_id: None,
                area_code: Some("ita-suomi"),
                organiser_code: None,
                password_hash: &hidden,
                grants: &grants,
                must_change_password: false,
            },
        )
        .await?;
    }
    let details = |name_fi: &str,
                   name_sv: &str,
                   name_en: &str,
                   kind,
                   organiser: Option<&str>,
                   mode,
                   capacity,
                   phenomena: &[&str],
                   desc: [&str; 3]| {
        GroupDetails {
        name_fi: name_fi.into(),
        name_sv: name_sv.into(),
        name_en: name_en.into(),
        kind,
        area: "ita-suomi".into(),
        organiser: organiser.map(str::to_owned),
        mode,
        place: "Jyväskylä, Keski-Suomen sosiaalialan osaamiskeskus (KOSKE)".into(),
        video_link: "https://video.example.fi/ot-konsultaatio".into(),
        capacity,
        description_fi: desc[0].into(),
        description_sv: desc[1].into(),
        description_en: desc[2].into(),
        phenomena: phenomena.iter().map(|p| (*p).to_owned()).collect(),
        eligibility: Eligibility {
            areas: vec!["ita-suomi".into()],
            sectors: vec![],
        },
        levels: vec![Level::Special, Level::Ot],
        criteria_fi: "Lapsen, nuoren tai perheen tilanne on vaativa ja monialainen, eikä perus- ja erityistason palveluiden tuki ole riittänyt.".into(),
        criteria_sv: "Barnets, den ungas eller familjens situation är krävande och sektorsövergripande, och stödet från tjänster på bas- och specialnivå har inte räckt till.".into(),
        criteria_en: "The situation of the child, young person or family is demanding and crosses sectors, and basic and specialised services have not been enough.".into(),
        how_to_ask_fi: "Sivistys-, sosiaali- ja terveyspalveluiden ammattilaiset alueelta: täytä alustalla esitietolomake ja lähetä se viimeistään kokouksen ilmoituspäivänä. Lasta ei tunnisteta ilman suostumusta tai lakiperustetta.".into(),
        how_to_ask_sv: "Yrkesverksamma inom bildning, socialvård och hälsovård i området: fyll i förhandsuppgifterna på plattformen och skicka dem senast mötets anmälningsdag. Barnet identifieras inte utan samtycke eller lagstöd.".into(),
        how_to_ask_en: "Education, social and health professionals of the area: fill in the pre-information form on the platform and send it by the meeting's notice day. The child is not identified without consent or a legal basis.".into(),
    }
    };

    // "Joka kuukauden toinen torstai (asia tiedoksi sihteerille viikkoa aiemmin)".
    let mut erot = MeetingRule::new(
        Recurrence::NthWeekdayOfMonth {
            nth: Nth::Second,
            weekday: Weekday::Thursday,
        },
        time(13, 0, 0, 0),
        120,
    );
    erot.notice = Notice {
        days_before: 7,
        time: None,
    };
    erot.paused_months = vec![7, 8];
    erot.season_start = Some(date(2022, 10, 1));
    let erot_id = crate::groups::store::create(
        tx,
        &details(
            "Haastavat erot -konsultaatioryhmä",
            "Konsultationsgruppen för svåra separationer",
            "Difficult separations consultation group",
            GroupKind::Separation,
            Some("keski-suomi"),
            MeetingMode::Both,
            3,
            &["custody-disputes", "domestic-violence"],
            [
                "Moniammatillinen konsultaatiotyöryhmä haasteellisiin tai konfliktoituneisiin erotilanteisiin. Työntekijä osallistuu itse konsultaatioon ja kirjaa ryhmältä saadut toimenpidesuositukset.",
                "Mångprofessionell konsultationsgrupp för svåra eller konfliktfyllda separationer. Arbetstagaren deltar själv i konsultationen och antecknar gruppens åtgärdsrekommendationer.",
                "A multi-professional consultation group for difficult or high-conflict separations. The worker takes part in the consultation and records the group's recommendations.",
            ],
        ),
        &erot,
    )
    .await?;

    let mut master = MeetingRule::new(
        Recurrence::EveryNWeeks {
            n: 2,
            weekday: Weekday::Tuesday,
            anchor: date(2026, 1, 13),
        },
        time(12, 30, 0, 0),
        180,
    );
    master.notice = Notice {
        days_before: 10,
        time: Some(time(12, 0, 0, 0)),
    };
    master.paused_months = vec![7];
    master.holiday_policy = HolidayPolicy::NextWorkingDay;
    let master_id = crate::groups::store::create(
        tx,
        &details(
            "Lastensuojelun moniammatillinen asiantuntijaryhmä (MASTER), Keski-Suomi",
            "Barnskyddets mångprofessionella expertgrupp (MASTER), Mellersta Finland",
            "Child-protection multi-professional expert group (MASTER), Central Finland",
            GroupKind::StatutoryChildProtection,
            Some("keski-suomi"),
            MeetingMode::Both,
            4,
            &["child-protection-psychiatry", "substitute-care", "rare-diseases", "functional-disorders"],
            [
                "Lakisääteinen lastensuojelun moniammatillinen asiantuntijaryhmä, jota KOSKE koordinoi. Ryhmään on saatu erityisasiantuntemusta KYSin harvinaisten sairauksien ja toiminnallisten häiriöiden työryhmistä.",
                "Barnskyddets lagstadgade mångprofessionella expertgrupp, som koordineras av KOSKE. Gruppen har fått specialkompetens från KYS arbetsgrupper för sällsynta sjukdomar och funktionella störningar.",
                "The statutory multi-professional child-protection expert group, coordinated by KOSKE, with special expertise from KYS's teams for rare diseases and functional disorders.",
            ],
        ),
        &master,
    )
    .await?;

    let mut laitos = MeetingRule::new(
        Recurrence::NthWeekdayOfMonth {
            nth: Nth::Last,
            weekday: Weekday::Wednesday,
        },
        time(9, 0, 0, 0),
        90,
    );
    laitos.notice = Notice {
        days_before: 14,
        time: None,
    };
    laitos.paused_months = vec![7];
    laitos.holiday_policy = HolidayPolicy::Skip;
    let mut laitos_details = details(
        "Integroidun laitoshoidon konsultaatio, Itä-Suomi",
        "Konsultation för integrerad institutionsvård, Östra Finland",
        "Integrated institutional care consultation, Eastern Finland",
        GroupKind::IntegratedInstitutionalCare,
        None,
        MeetingMode::Remote,
        2,
        &[
            "substitute-care",
            "school-support",
            "child-protection-psychiatry",
        ],
        [
            "Toiminnallisesti integroidun vaativan sijaishuollon lastensuojelulaitoksen konsultaatiomalli: lastensuojelu, lasten- ja nuorisopsykiatria ja koulu yhdessä.",
            "Konsultationsmodell för en funktionellt integrerad barnskyddsanstalt inom krävande vård utom hemmet: barnskydd, barn- och ungdomspsykiatri och skola tillsammans.",
            "The consultation model of a functionally integrated child-protection institution for demanding substitute care: child protection, child and adolescent psychiatry and school together.",
        ],
    );
    laitos_details.place.clear();
    let laitos_id = crate::groups::store::create(tx, &laitos_details, &laitos).await?;

    let memberships: &[(otalusta_domain::ids::GroupId, &str, MemberRole)] = &[
        (erot_id, "sari.heikkinen", MemberRole::Chair),
        (erot_id, "demo-secretary", MemberRole::Secretary),
        (erot_id, "demo-expert", MemberRole::Member),
        (erot_id, "antti.ruotsalainen", MemberRole::Member),
        (erot_id, "kaisa.turunen", MemberRole::Substitute),
        (master_id, "juha.partanen", MemberRole::Chair),
        (master_id, "helena.kokkonen", MemberRole::Secretary),
        (master_id, "demo-expert", MemberRole::Member),
        (master_id, "minna.laitinen", MemberRole::Member),
        (laitos_id, "petri.nevalainen", MemberRole::Chair),
        (laitos_id, "outi.rasanen", MemberRole::Secretary),
        (laitos_id, "minna.laitinen", MemberRole::Member),
    ];
    for (group, username, role) in memberships {
        let user = user_id(tx, username).await?;
        crate::groups::store::set_member(tx, *group, user, *role).await?;
    }
    Ok(())
}
