//! Demo knowledge bank: method cards for the methods the seeds name (IPC,
//! Cool Kids, MDFT, the Hehku model, Barnahus), a guide and materials, a
//! webinar recording, links to the national services, the glossary and a
//! news item. Texts written for this project; the evidence ratings are
//! examples for the demo, not assessments.

use crate::core::db::Tx;
use crate::knowledge::store::{self, Draft};
use otalusta_domain::ids::UserId;
use otalusta_domain::knowledge::{Content, Evidence, Kind, MethodCard, Texts, Visibility};
use otalusta_domain::region::Sector;

struct Demo {
    kind: Kind,
    visibility: Visibility,
    title: &'static str,
    summary: &'static str,
    body: &'static str,
    sv: Option<(&'static str, &'static str)>,
    phenomena: &'static [&'static str],
    ages: &'static [&'static str],
    sectors: &'static [Sector],
    url: &'static str,
    method: Option<(
        &'static str,
        &'static str,
        Evidence,
        &'static str,
        &'static str,
        &'static str,
    )>,
}

const EXAMPLE: &str =
    "\n\n*Demoaineisto: teksti on kirjoitettu tätä alustaa varten, ja näytön arvio on esimerkki.*";

fn items() -> Vec<Demo> {
    use Sector::*;
    vec![
        Demo {
            kind: Kind::Method,
            visibility: Visibility::Public,
            title: "IPC – interpersoonallinen ohjanta nuorten masennukseen",
            summary: "Lyhyt, vuorovaikutussuhteisiin keskittyvä ohjanta lievästi tai keskivaikeasti masentuneille nuorille peruspalveluissa.",
            body: "## Mihin IPC sopii\nIPC auttaa nuorta, jonka mieliala on laskenut ihmissuhteiden muutosten, ristiriitojen tai yksinäisyyden vuoksi. Ohjanta kestää tavallisesti 6–8 tapaamista.\n\n## Miten se toimii\n- nuori ja ohjaaja valitsevat yhden ongelma-alueen\n- tapaamisissa harjoitellaan vuorovaikutustaitoja arjessa\n- vanhemmat otetaan mukaan tarpeen mukaan\n\nJos oireet ovat vaikeita tai tilanne on **erityisen vaativa**, nuori ohjataan erityistasolle tai OT-tason konsultaatioon.",
            sv: Some((
                "IPC – interpersonell rådgivning vid depression hos unga",
                "Kort rådgivning med fokus på relationer för unga med lindrig eller medelsvår depression.",
            )),
            phenomena: &["demanding-psychiatric-care"],
            ages: &["13-15", "16-17"],
            sectors: &[Health, Education],
            url: "",
            method: Some((
                "13–17-vuotiaat nuoret, joilla lievä tai keskivaikea masennus",
                "Masennusoireiden lievittyminen ja ihmissuhdetaitojen vahvistuminen",
                Evidence::Supported,
                "Menetelmäkoulutus (noin 4 päivää) ja työnohjaus",
                "Ei lisenssiä; koulutetut ohjaajat",
                "Koulu- ja opiskeluterveydenhuolto, nuorisoasemat useilla hyvinvointialueilla",
            )),
        },
        Demo {
            kind: Kind::Method,
            visibility: Visibility::Public,
            title: "Cool Kids – ahdistuneiden lasten ja nuorten ryhmäohjelma",
            summary: "Kognitiivis-behavioraalinen ohjelma ahdistuneille lapsille ja heidän vanhemmilleen.",
            body: "Cool Kids opettaa lapselle ja vanhemmille keinoja tunnistaa ahdistusta ja kohdata pelottavia tilanteita vähitellen. Ohjelmaa käytetään ryhmissä ja yksilöllisesti.\n\n1. ahdistuksen tunnistaminen\n2. ajatusten tarkastelu\n3. asteittainen altistuminen\n4. vanhempien tukikeinot",
            sv: None,
            phenomena: &["neuropsychiatric", "school-support"],
            ages: &["7-12", "13-15", "16-17"],
            sectors: &[Health, Education, Social],
            url: "",
            method: Some((
                "7–17-vuotiaat ahdistuneet lapset ja nuoret sekä vanhemmat",
                "Ahdistusoireiden väheneminen ja arjen toimintakyvyn paraneminen",
                Evidence::WellSupported,
                "Ohjaajakoulutus ja työnohjaus",
                "Ohjelman materiaalit lisensoidaan",
                "Lasten- ja nuorisopsykiatria, perheneuvolat",
            )),
        },
        Demo {
            kind: Kind::Method,
            visibility: Visibility::Public,
            title: "MDFT – moniulotteinen perheterapia",
            summary: "Perhekeskeinen hoito nuorille, joilla on päihteiden käyttöä ja käytösongelmia.",
            body: "MDFT työskentelee samaan aikaan nuoren, vanhempien, perheen ja nuoren muun verkoston (koulu, lastensuojelu, vapaa-aika) kanssa. Tavoitteena on vähentää päihteiden käyttöä ja rikoksia sekä vahvistaa perheen vuorovaikutusta.\n\nMenetelmä sopii myös lastensuojelun ja psykiatrian yhteisasiakkaille, joiden tilanne vaatii integratiivista työotetta.",
            sv: None,
            phenomena: &["substance-use", "child-protection-psychiatry"],
            ages: &["13-15", "16-17"],
            sectors: &[Social, Health],
            url: "",
            method: Some((
                "11–18-vuotiaat nuoret, joilla on päihde- ja käytösongelmia, ja heidän perheensä",
                "Päihteiden käytön ja käytösongelmien väheneminen, perheen toimivuuden paraneminen",
                Evidence::Supported,
                "Sertifioiva koulutus (noin vuosi) ja säännöllinen laadunvarmistus",
                "Sertifiointi vaaditaan",
                "Muutamat nuorisopsykiatrian ja lastensuojelun yksiköt",
            )),
        },
        Demo {
            kind: Kind::Method,
            visibility: Visibility::Professionals,
            title: "Hehku-toimintamalli",
            summary: "OT-keskustoimintana pilotoitu monialainen malli erityisen vaativien tilanteiden tukeen.",
            body: "Hehku-mallia pilotoitiin Helsingissä OT-keskustoimintana. Siinä lapsen ja perheen ympärille kootaan monialainen tiimi, joka sopii yhteisistä tavoitteista ja vastuista.\n\nMallin kokemuksia kerätään OT-keskusten verkostossa.",
            sv: None,
            phenomena: &["child-protection-psychiatry", "substitute-care"],
            ages: &["7-12", "13-15", "16-17"],
            sectors: &[Social, Health, Education],
            url: "",
            method: Some((
                "Lapset ja nuoret, joiden tilanne on erityisen vaativa, sekä heidän perheensä",
                "Yhteensovitettu tuki ja katkeamattomat palvelut",
                Evidence::NotRated,
                "Perehdytys mallin käyttöön",
                "Ei",
                "Helsingin pilotti; laajentaminen selvitettävänä",
            )),
        },
        Demo {
            kind: Kind::Method,
            visibility: Visibility::Public,
            title: "Barnahus – lapsiystävällinen tutkinta väkivaltaepäilyissä",
            summary: "Poliisi, sosiaalitoimi ja terveydenhuolto toimivat yhdessä, jotta väkivaltaa kokenut lapsi kohdataan yhdessä paikassa.",
            body: "Kun lapseen kohdistuvaa väkivaltaa epäillään, Barnahus-käytännössä lapsen kuuleminen, tutkimukset ja tuki järjestetään yhdessä, lapsiystävällisessä paikassa. Näin lapsen ei tarvitse kertoa kokemuksistaan monta kertaa.",
            sv: Some((
                "Barnahus – barnvänlig utredning vid misstänkt våld",
                "Polis, socialtjänst och hälso- och sjukvård samarbetar så att barnet möts på ett ställe.",
            )),
            phenomena: &["violence-against-child", "domestic-violence"],
            ages: &["3-6", "7-12", "13-15", "16-17"],
            sectors: &[Social, Health],
            url: "",
            method: Some((
                "Lapset ja nuoret, joihin kohdistuneesta väkivallasta on epäily",
                "Lapsen kuormituksen väheneminen ja tutkinnan laatu",
                Evidence::NotRated,
                "Lapsen haastattelijoiden koulutus",
                "Ei",
                "Barnahus-yksiköt yliopistosairaaloiden erityisvastuualueilla",
            )),
        },
        Demo {
            kind: Kind::Guide,
            visibility: Visibility::Public,
            title: "Näin pyydät konsultaatiota OT-keskukselta",
            summary: "Esitietolomakkeen täyttäminen ilman lapsen tunnistetietoja.",
            body: "1. Valitse kanava, joka ottaa vastaan tilanteesi ilmiön.\n2. Kirjoita kysymys ryhmälle yhdellä lauseella.\n3. Kuvaa tilanne ja jo kokeillut palvelut, mutta **älä** kirjoita nimeä tai henkilötunnusta.\n4. Lähetä pyyntö ennen kokouksen määräpäivää.\n\nJos et tiedä, onko tilanne OT-tasoinen, käytä OT-seulaa.",
            sv: None,
            phenomena: &[],
            ages: &[],
            sectors: &[Social, Health, Education],
            url: "",
            method: None,
        },
        Demo {
            kind: Kind::Material,
            visibility: Visibility::Network,
            title: "Monialaisen konsultaatioryhmän pelisäännöt",
            summary: "Verkoston sisäinen pohja ryhmän toimintaohjeeksi: roolit, luottamuksellisuus ja suositusten kirjaaminen.",
            body: "Puheenjohtaja vastaa keskustelun rakenteesta, sihteeri kirjaa toimenpidesuositukset vastuineen ja aikatauluineen. Asiat käsitellään lähtökohtaisesti tunnistamattomina.",
            sv: None,
            phenomena: &["custody-disputes"],
            ages: &[],
            sectors: &[],
            url: "",
            method: None,
        },
        Demo {
            kind: Kind::Recording,
            visibility: Visibility::Professionals,
            title: "OT-webinaari: katsaus kehittämispilotteihin",
            summary: "Tallenne OT-webinaarista: Hehku-mallin, OT-seulan ja erikoissairaanhoidon ja lastensuojelun yhteistyön pilotit.",
            body: "Webinaarissa esiteltiin OT-keskushankkeiden kehittämispilotit ja keskusteltiin niiden tuloksista.",
            sv: None,
            phenomena: &["child-protection-psychiatry"],
            ages: &[],
            sectors: &[Social, Health, Education],
            url: "https://example.org/tallenteet/ot-webinaari-pilotit",
            method: None,
        },
        Demo {
            kind: Kind::Link,
            visibility: Visibility::Public,
            title: "TerveyskyläPro",
            summary: "Terveydenhuollon ammattilaisten kansallinen tietopalvelu: hoitoketjut ja menetelmät.",
            body: "",
            sv: None,
            phenomena: &[],
            ages: &[],
            sectors: &[Health],
            url: "https://www.terveyskyla.fi/",
            method: None,
        },
        Demo {
            kind: Kind::Link,
            visibility: Visibility::Public,
            title: "Sähköinen perhekeskus",
            summary: "Perheille ja ammattilaisille suunnattu kansallinen perhekeskuksen verkkopalvelu.",
            body: "",
            sv: None,
            phenomena: &[],
            ages: &[],
            sectors: &[Social, Health],
            url: "https://www.perhekeskus.fi/",
            method: None,
        },
        Demo {
            kind: Kind::Term,
            visibility: Visibility::Public,
            title: "erityisen vaativa",
            summary: "Tilanne, jossa lapsen tai nuoren tuen tarve on niin monimutkainen, ettei yksittäinen palvelu tai hyvinvointialue pysty siihen yksin vastaamaan.",
            body: "",
            sv: Some((
                "särskilt krävande",
                "En situation där barnets behov av stöd är så komplext att en enskild tjänst inte kan möta det ensam.",
            )),
            phenomena: &[],
            ages: &[],
            sectors: &[],
            url: "",
            method: None,
        },
        Demo {
            kind: Kind::Term,
            visibility: Visibility::Public,
            title: "integratiivinen",
            summary: "Työote, jossa eri sektoreiden palvelut sovitetaan yhteen yhdeksi kokonaisuudeksi lapsen ympärille.",
            body: "",
            sv: None,
            phenomena: &[],
            ages: &[],
            sectors: &[],
            url: "",
            method: None,
        },
        Demo {
            kind: Kind::Term,
            visibility: Visibility::Public,
            title: "OT-taso",
            summary: "Vaativimman tuen taso: osaamis- ja tukikeskuksen konsultaatiot ja asiantuntijaverkosto peruspalvelujen ja erityistason tukena.",
            body: "",
            sv: None,
            phenomena: &[],
            ages: &[],
            sectors: &[],
            url: "",
            method: None,
        },
        Demo {
            kind: Kind::News,
            visibility: Visibility::Public,
            title: "Tietopankki on avattu",
            summary: "OT-keskusten tietopankista löytyvät nyt menetelmäkortit, webinaaritallenteet ja verkoston käsitteet.",
            body: "Tietopankin sisällöt tarkastaa aina toinen asiantuntija tai koordinaattori ennen julkaisua. Tilaa uutiskirje, niin kuulet uusista sisällöistä ja tapahtumista.",
            sv: None,
            phenomena: &[],
            ages: &[],
            sectors: &[],
            url: "",
            method: None,
        },
    ]
}

fn content(d: &Demo) -> Content {
    let mut texts = std::collections::BTreeMap::new();
    let body = if d.method.is_some() {
        format!("{}{EXAMPLE}", d.body)
    } else {
        d.body.to_owned()
    };
    texts.insert(
        "fi".to_owned(),
        Texts {
            title: d.title.into(),
            summary: d.summary.into(),
            body,
        },
    );
    if let Some((t, s)) = d.sv {
        texts.insert(
            "sv".to_owned(),
            Texts {
                title: t.into(),
                summary: s.into(),
                body: String::new(),
            },
        );
    }
    Content {
        texts,
        phenomena: d.phenomena.iter().map(|s| (*s).to_owned()).collect(),
        age_bands: d.ages.iter().map(|s| (*s).to_owned()).collect(),
        sectors: d.sectors.to_vec(),
        professions: Vec::new(),
        organisation: "OT-keskus".into(),
        contact_expert: None,
        url: d.url.into(),
        method: d.method.map(
            |(target_group, aim, evidence, training, licence, availability)| MethodCard {
                target_group: target_group.into(),
                aim: aim.into(),
                evidence,
                training: training.into(),
                licence: licence.into(),
                availability: availability.into(),
            },
        ),
    }
}

/// Stores a demo item as `author`'s draft, submitted, and approved by
/// `reviewer` when one is given (as the workflow would).
async fn stage(
    tx: &mut Tx,
    draft: &Draft<'_>,
    author: UserId,
    reviewer: Option<UserId>,
) -> anyhow::Result<i64> {
    use otalusta_domain::knowledge::{State, Step};
    let id = store::create(tx, draft, None, author).await?;
    store::take_step(
        tx,
        id,
        1,
        State::Draft,
        State::Review,
        Step::Submit,
        author,
        "",
    )
    .await?;
    if let Some(r) = reviewer {
        store::take_step(
            tx,
            id,
            1,
            State::Review,
            State::Published,
            Step::Approve,
            r,
            "",
        )
        .await?;
    }
    Ok(id)
}

/// Creates the examples when the bank is empty: written by demo-expert,
/// approved by demo-coordinator; one past its review date, one waiting for
/// review.
pub async fn create(tx: &mut Tx) -> anyhow::Result<()> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM knowledge_items")
        .fetch_one(&mut **tx)
        .await?;
    if n > 0 {
        return Ok(());
    }
    let expert = super::groups::user_id(tx, "demo-expert").await?;
    let coordinator = super::groups::user_id(tx, "demo-coordinator").await?;
    let review_by = crate::knowledge::today() + jiff::Span::new().years(1);
    for d in items() {
        let c = content(&d);
        let draft = Draft {
            kind: d.kind,
            visibility: d.visibility,
            content: &c,
            review_by: Some(review_by),
            note: "",
        };
        stage(tx, &draft, expert, Some(coordinator)).await?;
    }
    // One past its review date (shown "to be checked" to its owner).
    sqlx::query("UPDATE knowledge_items SET review_by = $1 WHERE kind = 'material'")
        .bind((crate::knowledge::today() - jiff::Span::new().days(10)).to_string())
        .execute(&mut **tx)
        .await?;
    // A draft waiting for demo-coordinator's review.
    let d = Demo {
        kind: Kind::Guide,
        visibility: Visibility::Professionals,
        title: "Huoltoriidat ja lapsen asema: muistilista",
        summary: "Mitä ammattilaisen kannattaa selvittää, kun vanhempien erotilanne kuormittaa lasta.",
        body: "- kuka tapaa lasta ja missä\n- onko lähisuhdeväkivaltaa\n- mitä lapsi itse toivoo",
        sv: None,
        phenomena: &["custody-disputes"],
        ages: &["7-12"],
        sectors: &[Sector::Social],
        url: "",
        method: None,
    };
    let c = content(&d);
    let draft = Draft {
        kind: d.kind,
        visibility: d.visibility,
        content: &c,
        review_by: Some(review_by),
        note: "",
    };
    stage(tx, &draft, expert, None).await?;
    Ok(())
}

/// Puts the demo's past webinar's recording into the bank (published) and
/// links the two, as its organiser does after an event.
pub async fn link_past_webinar(tx: &mut Tx) -> anyhow::Result<()> {
    let row: Option<(i64, String, String, String)> = sqlx::query_as(
        "SELECT id, title, description, recording_url FROM events \
         WHERE recording_url <> '' AND knowledge_item_id IS NULL ORDER BY starts_at LIMIT 1",
    )
    .fetch_optional(&mut **tx)
    .await?;
    let Some((event, title, description, url)) = row else {
        return Ok(());
    };
    let coordinator = super::groups::user_id(tx, "demo-coordinator").await?;
    let expert = super::groups::user_id(tx, "demo-expert").await?;
    let mut texts = std::collections::BTreeMap::new();
    let summary = description
        .split("\n\n")
        .next()
        .unwrap_or_default()
        .to_owned();
    texts.insert(
        "fi".to_owned(),
        Texts {
            title,
            summary,
            body: description,
        },
    );
    let c = Content {
        texts,
        phenomena: vec!["domestic-violence".into()],
        sectors: vec![Sector::Social, Sector::Health, Sector::Education],
        organisation: "OT-keskus".into(),
        url,
        ..Default::default()
    };
    let draft = Draft {
        kind: Kind::Recording,
        visibility: Visibility::Public,
        content: &c,
        review_by: None,
        note: "",
    };
    let id = stage(tx, &draft, coordinator, Some(expert)).await?;
    store::link_event(tx, id, event).await?;
    sqlx::query("UPDATE events SET knowledge_item_id = $1 WHERE id = $2")
        .bind(id)
        .bind(event)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
