//! Regions: cooperation areas, service organisers and sectors.
//!
//! Reference data as constants. The application seeds these into the database
//! idempotently, keyed by `code`: codes are stable and never reused; names may
//! be corrected.
//!
//! - Five cooperation areas (yhteistyöalue, YTA; Government decree 91/2022),
//!   each with one OT centre at its university hospital.
//! - The organisers of social and health services (sote-järjestäjä): the 21
//!   wellbeing services counties (hyvinvointialue), the City of Helsinki and
//!   the HUS Group. Helsinki and HUS are not counties; [`OrganiserKind`] says
//!   which is which.
//! - [`DEMO_ORGANISATIONS`]: organisations named in the project's source
//!   documents, plus a few plausible ones so that every area has health,
//!   social and education organisations. Demo data, not a register.

use Sector::{Education, Health, Ngo, Research, Social};
use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

/// The sector of an organisation or an expert: the "si-so-te" of the OT
/// network, plus NGOs and research.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sector {
    /// Sivistys: early childhood education, schools, education.
    Education,
    /// Sosiaali: social services, child protection.
    Social,
    /// Terveys: health care, hospitals.
    Health,
    /// Järjestö: non-governmental organisations.
    Ngo,
    /// Tutkimus: universities and research institutes.
    Research,
}

impl Sector {
    pub const ALL: [Sector; 5] = [
        Sector::Education,
        Sector::Social,
        Sector::Health,
        Sector::Ngo,
        Sector::Research,
    ];

    /// The stable key: `"education"`, `"social"`, `"health"`, `"ngo"`,
    /// `"research"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Sector::Education => "education",
            Sector::Social => "social",
            Sector::Health => "health",
            Sector::Ngo => "ngo",
            Sector::Research => "research",
        }
    }

    /// The Finnish term (sivistys, sosiaali, terveys, järjestö, tutkimus).
    pub fn name_fi(self) -> &'static str {
        match self {
            Sector::Education => "sivistys",
            Sector::Social => "sosiaali",
            Sector::Health => "terveys",
            Sector::Ngo => "järjestö",
            Sector::Research => "tutkimus",
        }
    }
}

impl fmt::Display for Sector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown sector {0:?}; expected one of education, social, health, ngo, research")]
pub struct UnknownSector(pub String);

impl FromStr for Sector {
    type Err = UnknownSector;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Sector::ALL
            .into_iter()
            .find(|x| x.as_str() == s.trim())
            .ok_or_else(|| UnknownSector(s.to_owned()))
    }
}

/// What kind of body organises social and health services in an area.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OrganiserKind {
    /// Hyvinvointialue (21 of them).
    WellbeingServicesCounty,
    /// Helsingin kaupunki, which organises its own social and health services.
    City,
    /// HUS-yhtymä, the joint authority for specialised health care in Uusimaa.
    HusGroup,
}

impl OrganiserKind {
    pub const ALL: [OrganiserKind; 3] = [
        OrganiserKind::WellbeingServicesCounty,
        OrganiserKind::City,
        OrganiserKind::HusGroup,
    ];

    /// The stable key: `"wellbeing-services-county"`, `"city"`, `"hus-group"`.
    pub fn as_str(self) -> &'static str {
        match self {
            OrganiserKind::WellbeingServicesCounty => "wellbeing-services-county",
            OrganiserKind::City => "city",
            OrganiserKind::HusGroup => "hus-group",
        }
    }
}

impl fmt::Display for OrganiserKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown organiser kind {0:?}; expected one of wellbeing-services-county, city, hus-group")]
pub struct UnknownOrganiserKind(pub String);

impl FromStr for OrganiserKind {
    type Err = UnknownOrganiserKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        OrganiserKind::ALL
            .into_iter()
            .find(|x| x.as_str() == s.trim())
            .ok_or_else(|| UnknownOrganiserKind(s.to_owned()))
    }
}

/// Picks the name for a UI language: `"sv"` and `"en"` (also `"sv-FI"`,
/// `"en-GB"`…), anything else Finnish.
fn pick(lang: &str, fi: &'static str, sv: &'static str, en: &'static str) -> &'static str {
    match lang.get(..2) {
        Some(l) if l.eq_ignore_ascii_case("sv") => sv,
        Some(l) if l.eq_ignore_ascii_case("en") => en,
        _ => fi,
    }
}

/// A cooperation area (yhteistyöalue, YTA) and its OT centre.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Area {
    /// Stable code, e.g. `"ita-suomi"`.
    pub code: &'static str,
    pub name_fi: &'static str,
    pub name_sv: &'static str,
    /// English name (no official English names exist; DESIGN.md's wording).
    pub name_en: &'static str,
    /// The university hospital hosting the area's OT centre: OYS, KYS, TAYS,
    /// TYKS or HUS.
    pub hospital: &'static str,
}

impl Area {
    /// The name in a UI language (`"fi"`, `"sv"`, `"en"`; default Finnish).
    pub fn name(&self, lang: &str) -> &'static str {
        pick(lang, self.name_fi, self.name_sv, self.name_en)
    }

    /// The service organisers of this area.
    pub fn organisers(&self) -> impl Iterator<Item = &'static Organiser> + use<> {
        organisers_in(self.code)
    }
}

/// An organiser of social and health services: a wellbeing services county,
/// the City of Helsinki or the HUS Group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Organiser {
    /// Stable code, e.g. `"keski-suomi"`, `"helsinki"`, `"hus"`.
    pub code: &'static str,
    /// The code of its cooperation area.
    pub area_code: &'static str,
    pub kind: OrganiserKind,
    /// Statistics Finland's wellbeing services county code (`"01"`–`"21"`,
    /// `"90"` for Helsinki); HUS has none.
    pub statistics_code: Option<&'static str>,
    pub name_fi: &'static str,
    pub name_sv: &'static str,
    pub name_en: &'static str,
}

impl Organiser {
    /// The name in a UI language (`"fi"`, `"sv"`, `"en"`; default Finnish).
    pub fn name(&self, lang: &str) -> &'static str {
        pick(lang, self.name_fi, self.name_sv, self.name_en)
    }

    /// Its cooperation area.
    pub fn area(&self) -> &'static Area {
        area(self.area_code).expect("every organiser's area is in AREAS (tested)")
    }

    pub fn is_county(&self) -> bool {
        self.kind == OrganiserKind::WellbeingServicesCounty
    }
}

/// The five cooperation areas, in the order DOMAIN-FACTS.md lists them.
pub const AREAS: &[Area] = &[
    Area {
        code: "pohjois-suomi",
        name_fi: "Pohjois-Suomen yhteistyöalue",
        name_sv: "Norra Finlands samarbetsområde",
        name_en: "Northern Finland cooperation area",
        hospital: "OYS",
    },
    Area {
        code: "ita-suomi",
        name_fi: "Itä-Suomen yhteistyöalue",
        name_sv: "Östra Finlands samarbetsområde",
        name_en: "Eastern Finland cooperation area",
        hospital: "KYS",
    },
    Area {
        code: "sisa-suomi",
        name_fi: "Sisä-Suomen yhteistyöalue",
        name_sv: "Inre Finlands samarbetsområde",
        name_en: "Inland Finland cooperation area",
        hospital: "TAYS",
    },
    Area {
        code: "lansi-suomi",
        name_fi: "Länsi-Suomen yhteistyöalue",
        name_sv: "Västra Finlands samarbetsområde",
        name_en: "Western Finland cooperation area",
        hospital: "TYKS",
    },
    Area {
        code: "etela-suomi",
        name_fi: "Etelä-Suomen yhteistyöalue",
        name_sv: "Södra Finlands samarbetsområde",
        name_en: "Southern Finland cooperation area",
        hospital: "HUS",
    },
];

/// The cooperation areas sharing a border with `area` (by their counties'
/// borders): where service guidance looks next when nothing fits at home.
pub fn neighbours(area: &str) -> &'static [&'static str] {
    match area {
        "pohjois-suomi" => &["ita-suomi", "sisa-suomi", "lansi-suomi"],
        "ita-suomi" => &["pohjois-suomi", "sisa-suomi", "etela-suomi"],
        "sisa-suomi" => &["pohjois-suomi", "ita-suomi", "lansi-suomi", "etela-suomi"],
        "lansi-suomi" => &["pohjois-suomi", "sisa-suomi", "etela-suomi"],
        "etela-suomi" => &["ita-suomi", "sisa-suomi", "lansi-suomi"],
        _ => &[],
    }
}

/// Shorthand for a wellbeing services county.
const fn county(
    code: &'static str,
    area_code: &'static str,
    statistics_code: &'static str,
    name_fi: &'static str,
    name_sv: &'static str,
    name_en: &'static str,
) -> Organiser {
    Organiser {
        code,
        area_code,
        kind: OrganiserKind::WellbeingServicesCounty,
        statistics_code: Some(statistics_code),
        name_fi,
        name_sv,
        name_en,
    }
}

/// The 21 wellbeing services counties, the City of Helsinki and the HUS
/// Group, grouped by cooperation area.
pub const ORGANISERS: &[Organiser] = &[
    // Pohjois-Suomi (OYS)
    county(
        "pohjois-pohjanmaa",
        "pohjois-suomi",
        "19",
        "Pohjois-Pohjanmaan hyvinvointialue",
        "Norra Österbottens välfärdsområde",
        "Wellbeing services county of North Ostrobothnia",
    ),
    county(
        "keski-pohjanmaa",
        "pohjois-suomi",
        "18",
        "Keski-Pohjanmaan hyvinvointialue",
        "Mellersta Österbottens välfärdsområde",
        "Wellbeing services county of Central Ostrobothnia",
    ),
    county(
        "kainuu",
        "pohjois-suomi",
        "20",
        "Kainuun hyvinvointialue",
        "Kajanalands välfärdsområde",
        "Wellbeing services county of Kainuu",
    ),
    county(
        "lappi",
        "pohjois-suomi",
        "21",
        "Lapin hyvinvointialue",
        "Lapplands välfärdsområde",
        "Wellbeing services county of Lapland",
    ),
    // Itä-Suomi (KYS)
    county(
        "pohjois-savo",
        "ita-suomi",
        "13",
        "Pohjois-Savon hyvinvointialue",
        "Norra Savolax välfärdsområde",
        "Wellbeing services county of North Savo",
    ),
    county(
        "keski-suomi",
        "ita-suomi",
        "15",
        "Keski-Suomen hyvinvointialue",
        "Mellersta Finlands välfärdsområde",
        "Wellbeing services county of Central Finland",
    ),
    county(
        "etela-savo",
        "ita-suomi",
        "12",
        "Etelä-Savon hyvinvointialue",
        "Södra Savolax välfärdsområde",
        "Wellbeing services county of South Savo",
    ),
    county(
        "pohjois-karjala",
        "ita-suomi",
        "14",
        "Pohjois-Karjalan hyvinvointialue",
        "Norra Karelens välfärdsområde",
        "Wellbeing services county of North Karelia",
    ),
    // Sisä-Suomi (TAYS)
    county(
        "pirkanmaa",
        "sisa-suomi",
        "08",
        "Pirkanmaan hyvinvointialue",
        "Birkalands välfärdsområde",
        "Wellbeing services county of Pirkanmaa",
    ),
    county(
        "kanta-hame",
        "sisa-suomi",
        "07",
        "Kanta-Hämeen hyvinvointialue",
        "Egentliga Tavastlands välfärdsområde",
        "Wellbeing services county of Kanta-Häme",
    ),
    county(
        "etela-pohjanmaa",
        "sisa-suomi",
        "16",
        "Etelä-Pohjanmaan hyvinvointialue",
        "Södra Österbottens välfärdsområde",
        "Wellbeing services county of South Ostrobothnia",
    ),
    // Länsi-Suomi (TYKS)
    county(
        "varsinais-suomi",
        "lansi-suomi",
        "05",
        "Varsinais-Suomen hyvinvointialue",
        "Egentliga Finlands välfärdsområde",
        "Wellbeing services county of Southwest Finland",
    ),
    county(
        "satakunta",
        "lansi-suomi",
        "06",
        "Satakunnan hyvinvointialue",
        "Satakunta välfärdsområde",
        "Wellbeing services county of Satakunta",
    ),
    county(
        "pohjanmaa",
        "lansi-suomi",
        "17",
        "Pohjanmaan hyvinvointialue",
        "Österbottens välfärdsområde",
        "Wellbeing services county of Ostrobothnia",
    ),
    // Etelä-Suomi (HUS)
    county(
        "etela-karjala",
        "etela-suomi",
        "11",
        "Etelä-Karjalan hyvinvointialue",
        "Södra Karelens välfärdsområde",
        "Wellbeing services county of South Karelia",
    ),
    county(
        "ita-uusimaa",
        "etela-suomi",
        "01",
        "Itä-Uudenmaan hyvinvointialue",
        "Östra Nylands välfärdsområde",
        "Wellbeing services county of East Uusimaa",
    ),
    county(
        "keski-uusimaa",
        "etela-suomi",
        "02",
        "Keski-Uudenmaan hyvinvointialue",
        "Mellersta Nylands välfärdsområde",
        "Wellbeing services county of Central Uusimaa",
    ),
    county(
        "kymenlaakso",
        "etela-suomi",
        "10",
        "Kymenlaakson hyvinvointialue",
        "Kymmenedalens välfärdsområde",
        "Wellbeing services county of Kymenlaakso",
    ),
    county(
        "lansi-uusimaa",
        "etela-suomi",
        "03",
        "Länsi-Uudenmaan hyvinvointialue",
        "Västra Nylands välfärdsområde",
        "Wellbeing services county of West Uusimaa",
    ),
    county(
        "paijat-hame",
        "etela-suomi",
        "09",
        "Päijät-Hämeen hyvinvointialue",
        "Päijänne-Tavastlands välfärdsområde",
        "Wellbeing services county of Päijät-Häme",
    ),
    county(
        "vantaa-kerava",
        "etela-suomi",
        "04",
        "Vantaan ja Keravan hyvinvointialue",
        "Vanda och Kervo välfärdsområde",
        "Wellbeing services county of Vantaa and Kerava",
    ),
    Organiser {
        code: "helsinki",
        area_code: "etela-suomi",
        kind: OrganiserKind::City,
        statistics_code: Some("90"),
        name_fi: "Helsingin kaupunki",
        name_sv: "Helsingfors stad",
        name_en: "City of Helsinki",
    },
    Organiser {
        code: "hus",
        area_code: "etela-suomi",
        kind: OrganiserKind::HusGroup,
        statistics_code: None,
        name_fi: "HUS-yhtymä",
        name_sv: "HUS-sammanslutningen",
        name_en: "HUS Group",
    },
];

/// The cooperation area with this code.
pub fn area(code: &str) -> Option<&'static Area> {
    AREAS.iter().find(|a| a.code == code)
}

/// The service organiser with this code.
pub fn organiser(code: &str) -> Option<&'static Organiser> {
    ORGANISERS.iter().find(|o| o.code == code)
}

/// The service organisers of a cooperation area (none for an unknown code).
pub fn organisers_in(area_code: &str) -> impl Iterator<Item = &'static Organiser> + use<'_> {
    ORGANISERS.iter().filter(move |o| o.area_code == area_code)
}

/// The 21 wellbeing services counties (without Helsinki and HUS).
pub fn counties() -> impl Iterator<Item = &'static Organiser> {
    ORGANISERS.iter().filter(|o| o.is_county())
}

/// A demo organisation. Seeded by `code` like the rest of this module.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct DemoOrganisation {
    /// Stable code, e.g. `"koske"`.
    pub code: &'static str,
    /// The name as the organisation uses it (Finnish).
    pub name: &'static str,
    /// Customary abbreviation, e.g. `"KOSKE"`, where one exists.
    pub short_name: Option<&'static str>,
    /// Its sectors, the primary one first; never empty.
    pub sectors: &'static [Sector],
    /// Its cooperation area; `None` for a national organisation.
    pub area_code: Option<&'static str>,
    /// The service organiser it is part of, if any.
    pub organiser_code: Option<&'static str>,
}

impl DemoOrganisation {
    /// The primary sector.
    pub fn sector(&self) -> Sector {
        self.sectors[0]
    }

    /// The short name if there is one, otherwise the name.
    pub fn display_name(&self) -> &'static str {
        self.short_name.unwrap_or(self.name)
    }
}

const fn demo(
    code: &'static str,
    name: &'static str,
    short_name: Option<&'static str>,
    sectors: &'static [Sector],
    area_code: Option<&'static str>,
    organiser_code: Option<&'static str>,
) -> DemoOrganisation {
    DemoOrganisation {
        code,
        name,
        short_name,
        sectors,
        area_code,
        organiser_code,
    }
}

/// Organisations for demo data: those named in the source documents, and a
/// few plausible ones so that every area has a health, a social and an
/// education organisation and a university.
pub const DEMO_ORGANISATIONS: &[DemoOrganisation] = &[
    // Itä-Suomi: the pilot area of the source documents.
    demo(
        "kys-lasten-ja-nuorten-osaamiskeskus",
        "KYS Lasten ja nuorten osaamiskeskus",
        Some("KYS"),
        &[Health],
        Some("ita-suomi"),
        Some("pohjois-savo"),
    ),
    demo(
        "iso",
        "Itä-Suomen sosiaalialan osaamiskeskus",
        Some("ISO"),
        &[Social],
        Some("ita-suomi"),
        None,
    ),
    demo(
        "koske",
        "Keski-Suomen sosiaalialan osaamiskeskus",
        Some("KOSKE"),
        &[Social],
        Some("ita-suomi"),
        None,
    ),
    demo(
        "siun-sote",
        "Siun sote – Pohjois-Karjalan hyvinvointialue",
        Some("Siun sote"),
        &[Health, Social],
        Some("ita-suomi"),
        Some("pohjois-karjala"),
    ),
    demo(
        "keski-suomi-perheneuvola",
        "Keski-Suomen hyvinvointialue, perheneuvola",
        None,
        &[Social],
        Some("ita-suomi"),
        Some("keski-suomi"),
    ),
    demo(
        "jyvaskyla-perusopetus",
        "Jyväskylän kaupungin perusopetus",
        None,
        &[Education],
        Some("ita-suomi"),
        None,
    ),
    demo(
        "kuopio-kasvatus-ja-opetus",
        "Kuopion kaupunki, kasvatus ja opetus",
        None,
        &[Education],
        Some("ita-suomi"),
        None,
    ),
    demo(
        "viola",
        "VIOLA – väkivallasta vapaaksi ry",
        Some("Viola ry"),
        &[Ngo],
        Some("ita-suomi"),
        None,
    ),
    demo(
        "uef",
        "Itä-Suomen yliopisto",
        Some("UEF"),
        &[Research],
        Some("ita-suomi"),
        None,
    ),
    demo(
        "jyu",
        "Jyväskylän yliopisto",
        Some("JYU"),
        &[Research],
        Some("ita-suomi"),
        None,
    ),
    // National.
    demo(
        "etkl",
        "Ensi- ja turvakotien liitto",
        Some("ETKL"),
        &[Ngo],
        None,
        None,
    ),
    // Etelä-Suomi.
    demo(
        "socca",
        "Uudenmaan sosiaalialan osaamiskeskus Socca",
        Some("Socca"),
        &[Social],
        Some("etela-suomi"),
        None,
    ),
    demo(
        "hus-lasten-ja-nuorten-sairaudet",
        "HUS Lasten ja nuorten sairaudet",
        None,
        &[Health],
        Some("etela-suomi"),
        Some("hus"),
    ),
    demo(
        "helsinki-kasvatus-ja-koulutus",
        "Helsingin kaupunki, kasvatuksen ja koulutuksen toimiala",
        None,
        &[Education],
        Some("etela-suomi"),
        Some("helsinki"),
    ),
    demo(
        "helsingin-yliopisto",
        "Helsingin yliopisto",
        None,
        &[Research],
        Some("etela-suomi"),
        None,
    ),
    // Pohjois-Suomi.
    demo(
        "oys-lastenpsykiatria",
        "OYS Lastenpsykiatria",
        None,
        &[Health],
        Some("pohjois-suomi"),
        Some("pohjois-pohjanmaa"),
    ),
    demo(
        "poske",
        "Pohjois-Suomen sosiaalialan osaamiskeskus",
        Some("Poske"),
        &[Social],
        Some("pohjois-suomi"),
        None,
    ),
    demo(
        "oulu-perusopetus",
        "Oulun kaupungin perusopetus",
        None,
        &[Education],
        Some("pohjois-suomi"),
        None,
    ),
    demo(
        "oulun-yliopisto",
        "Oulun yliopisto",
        None,
        &[Research],
        Some("pohjois-suomi"),
        None,
    ),
    // Sisä-Suomi.
    demo(
        "tays-lastenpsykiatria",
        "TAYS Lastenpsykiatria",
        None,
        &[Health],
        Some("sisa-suomi"),
        Some("pirkanmaa"),
    ),
    demo(
        "pirkanmaa-lastensuojelu",
        "Pirkanmaan hyvinvointialue, lastensuojelu",
        None,
        &[Social],
        Some("sisa-suomi"),
        Some("pirkanmaa"),
    ),
    demo(
        "tampere-perusopetus",
        "Tampereen kaupungin perusopetus",
        None,
        &[Education],
        Some("sisa-suomi"),
        None,
    ),
    demo(
        "tampereen-yliopisto",
        "Tampereen yliopisto",
        None,
        &[Research],
        Some("sisa-suomi"),
        None,
    ),
    // Länsi-Suomi.
    demo(
        "tyks-lastenpsykiatria",
        "TYKS Lastenpsykiatria",
        None,
        &[Health],
        Some("lansi-suomi"),
        Some("varsinais-suomi"),
    ),
    demo(
        "varsinais-suomi-lastensuojelu",
        "Varsinais-Suomen hyvinvointialue, lastensuojelu",
        None,
        &[Social],
        Some("lansi-suomi"),
        Some("varsinais-suomi"),
    ),
    demo(
        "turku-perusopetus",
        "Turun kaupungin perusopetus",
        None,
        &[Education],
        Some("lansi-suomi"),
        None,
    ),
    demo(
        "turun-yliopisto",
        "Turun yliopisto",
        None,
        &[Research],
        Some("lansi-suomi"),
        None,
    ),
];

/// The demo organisation with this code.
pub fn demo_organisation(code: &str) -> Option<&'static DemoOrganisation> {
    DEMO_ORGANISATIONS.iter().find(|o| o.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn neighbouring_areas_are_symmetric_known_and_not_themselves() {
        for a in AREAS {
            let n = neighbours(a.code);
            assert!(!n.is_empty(), "{}", a.code);
            for b in n {
                assert!(area(b).is_some(), "{b}");
                assert_ne!(*b, a.code);
                assert!(neighbours(b).contains(&a.code), "{} ↔ {b}", a.code);
            }
        }
        // The north and the south do not meet.
        assert!(!neighbours("pohjois-suomi").contains(&"etela-suomi"));
    }

    fn is_code(s: &str) -> bool {
        !s.is_empty()
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--")
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    }

    fn names_fi_in(area_code: &str) -> BTreeSet<&'static str> {
        organisers_in(area_code).map(|o| o.name_fi).collect()
    }

    fn set<'a>(names: &[&'a str]) -> BTreeSet<&'a str> {
        names.iter().copied().collect()
    }

    #[test]
    fn five_areas_with_their_hospitals() {
        assert_eq!(AREAS.len(), 5);
        let hospitals: Vec<_> = AREAS.iter().map(|a| (a.code, a.hospital)).collect();
        assert_eq!(
            hospitals,
            [
                ("pohjois-suomi", "OYS"),
                ("ita-suomi", "KYS"),
                ("sisa-suomi", "TAYS"),
                ("lansi-suomi", "TYKS"),
                ("etela-suomi", "HUS"),
            ]
        );
    }

    #[test]
    fn twenty_one_counties_one_city_one_hus() {
        assert_eq!(counties().count(), 21);
        let kinds = |k| ORGANISERS.iter().filter(|o| o.kind == k).count();
        assert_eq!(kinds(OrganiserKind::WellbeingServicesCounty), 21);
        assert_eq!(kinds(OrganiserKind::City), 1);
        assert_eq!(kinds(OrganiserKind::HusGroup), 1);
        assert_eq!(ORGANISERS.len(), 23);
        assert_eq!(organiser("helsinki").unwrap().kind, OrganiserKind::City);
        assert_eq!(organiser("hus").unwrap().kind, OrganiserKind::HusGroup);
        assert!(!organiser("helsinki").unwrap().is_county());
    }

    #[test]
    fn membership_matches_domain_facts() {
        assert_eq!(
            names_fi_in("pohjois-suomi"),
            set(&[
                "Pohjois-Pohjanmaan hyvinvointialue",
                "Keski-Pohjanmaan hyvinvointialue",
                "Kainuun hyvinvointialue",
                "Lapin hyvinvointialue",
            ])
        );
        assert_eq!(
            names_fi_in("ita-suomi"),
            set(&[
                "Pohjois-Savon hyvinvointialue",
                "Keski-Suomen hyvinvointialue",
                "Etelä-Savon hyvinvointialue",
                "Pohjois-Karjalan hyvinvointialue",
            ])
        );
        assert_eq!(
            names_fi_in("sisa-suomi"),
            set(&[
                "Pirkanmaan hyvinvointialue",
                "Kanta-Hämeen hyvinvointialue",
                "Etelä-Pohjanmaan hyvinvointialue",
            ])
        );
        assert_eq!(
            names_fi_in("lansi-suomi"),
            set(&[
                "Varsinais-Suomen hyvinvointialue",
                "Satakunnan hyvinvointialue",
                "Pohjanmaan hyvinvointialue",
            ])
        );
        assert_eq!(
            names_fi_in("etela-suomi"),
            set(&[
                "Etelä-Karjalan hyvinvointialue",
                "Itä-Uudenmaan hyvinvointialue",
                "Keski-Uudenmaan hyvinvointialue",
                "Kymenlaakson hyvinvointialue",
                "Länsi-Uudenmaan hyvinvointialue",
                "Päijät-Hämeen hyvinvointialue",
                "Vantaan ja Keravan hyvinvointialue",
                "Helsingin kaupunki",
                "HUS-yhtymä",
            ])
        );
        // The same membership by code.
        let codes = |a| organisers_in(a).map(|o| o.code).collect::<BTreeSet<_>>();
        assert_eq!(
            codes("ita-suomi"),
            set(&[
                "pohjois-savo",
                "keski-suomi",
                "etela-savo",
                "pohjois-karjala"
            ])
        );
        assert_eq!(organisers_in("atlantis").count(), 0);
        let total: usize = AREAS.iter().map(|a| a.organisers().count()).sum();
        assert_eq!(total, ORGANISERS.len());
    }

    #[test]
    fn every_organiser_has_an_existing_area() {
        for o in ORGANISERS {
            assert!(area(o.area_code).is_some(), "{}", o.code);
            assert_eq!(o.area().code, o.area_code);
        }
    }

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut all = BTreeSet::new();
        let codes = AREAS
            .iter()
            .map(|a| a.code)
            .chain(ORGANISERS.iter().map(|o| o.code));
        for code in codes {
            assert!(is_code(code), "{code}");
            assert!(all.insert(code), "duplicate code {code}");
        }
        let mut demo_codes = BTreeSet::new();
        for o in DEMO_ORGANISATIONS {
            assert!(is_code(o.code), "{}", o.code);
            assert!(demo_codes.insert(o.code), "duplicate code {}", o.code);
        }
        let stats: Vec<_> = ORGANISERS
            .iter()
            .filter_map(|o| o.statistics_code)
            .collect();
        let unique: BTreeSet<_> = stats.iter().collect();
        assert_eq!(stats.len(), unique.len());
        let mut county_stats: Vec<_> = counties().map(|o| o.statistics_code.unwrap()).collect();
        county_stats.sort();
        let expected: Vec<String> = (1..=21).map(|n| format!("{n:02}")).collect();
        assert_eq!(county_stats, expected);
    }

    #[test]
    fn names_in_three_languages() {
        for a in AREAS {
            for n in [a.name_fi, a.name_sv, a.name_en, a.hospital] {
                assert!(!n.trim().is_empty(), "{}", a.code);
            }
            assert!(a.name_fi.ends_with(" yhteistyöalue"), "{}", a.name_fi);
            assert!(a.name_sv.ends_with(" samarbetsområde"), "{}", a.name_sv);
            assert!(a.name_en.ends_with(" cooperation area"), "{}", a.name_en);
        }
        for o in ORGANISERS {
            for n in [o.name_fi, o.name_sv, o.name_en] {
                assert!(!n.trim().is_empty(), "{}", o.code);
                assert_eq!(n, n.trim());
            }
            if o.is_county() {
                assert!(o.name_fi.ends_with(" hyvinvointialue"), "{}", o.name_fi);
                assert!(o.name_sv.ends_with(" välfärdsområde"), "{}", o.name_sv);
                assert!(
                    o.name_en.starts_with("Wellbeing services county of "),
                    "{}",
                    o.name_en
                );
            }
        }
        let names =
            |f: fn(&Organiser) -> &str| ORGANISERS.iter().map(f).collect::<BTreeSet<_>>().len();
        assert_eq!(names(|o| o.name_fi), ORGANISERS.len());
        assert_eq!(names(|o| o.name_sv), ORGANISERS.len());
        assert_eq!(names(|o| o.name_en), ORGANISERS.len());
    }

    #[test]
    fn names_by_language() {
        let ks = organiser("keski-suomi").unwrap();
        assert_eq!(ks.name("fi"), "Keski-Suomen hyvinvointialue");
        assert_eq!(ks.name("sv"), "Mellersta Finlands välfärdsområde");
        assert_eq!(ks.name("sv-FI"), "Mellersta Finlands välfärdsområde");
        assert_eq!(
            ks.name("en"),
            "Wellbeing services county of Central Finland"
        );
        assert_eq!(ks.name("de"), "Keski-Suomen hyvinvointialue");
        assert_eq!(ks.name(""), "Keski-Suomen hyvinvointialue");
        let hus = organiser("hus").unwrap();
        assert_eq!(
            [hus.name("fi"), hus.name("sv"), hus.name("en")],
            ["HUS-yhtymä", "HUS-sammanslutningen", "HUS Group"]
        );
        let hki = organiser("helsinki").unwrap();
        assert_eq!(
            [hki.name("fi"), hki.name("sv"), hki.name("en")],
            ["Helsingin kaupunki", "Helsingfors stad", "City of Helsinki"]
        );
        assert_eq!(
            area("ita-suomi").unwrap().name("fi"),
            "Itä-Suomen yhteistyöalue"
        );
        assert!(area("nowhere").is_none());
        assert!(organiser("nowhere").is_none());
    }

    #[test]
    fn sector_keys_round_trip() {
        let keys: Vec<_> = Sector::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(keys, ["education", "social", "health", "ngo", "research"]);
        for s in Sector::ALL {
            assert_eq!(s.as_str().parse::<Sector>().unwrap(), s);
            assert_eq!(s.to_string(), s.as_str());
            assert!(!s.name_fi().is_empty());
        }
        assert!("sote".parse::<Sector>().is_err());
        assert_eq!(" ngo ".parse::<Sector>().unwrap(), Sector::Ngo);
    }

    #[test]
    fn organiser_kind_keys_round_trip() {
        for k in OrganiserKind::ALL {
            assert_eq!(k.as_str().parse::<OrganiserKind>().unwrap(), k);
            assert_eq!(k.to_string(), k.as_str());
        }
        assert!("county".parse::<OrganiserKind>().is_err());
    }

    fn deserialize<T: serde::de::DeserializeOwned>(s: &str) -> Result<T, serde::de::value::Error> {
        use serde::de::IntoDeserializer;
        T::deserialize(s.into_deserializer())
    }

    #[test]
    fn serde_keys_match_as_str() {
        for s in Sector::ALL {
            assert_eq!(deserialize::<Sector>(s.as_str()), Ok(s));
        }
        for k in OrganiserKind::ALL {
            assert_eq!(deserialize::<OrganiserKind>(k.as_str()), Ok(k));
        }
        assert!(deserialize::<Sector>("sote").is_err());
    }

    #[test]
    fn demo_organisations_are_consistent() {
        for o in DEMO_ORGANISATIONS {
            assert!(!o.name.trim().is_empty(), "{}", o.code);
            assert!(!o.sectors.is_empty(), "{}", o.code);
            let distinct: BTreeSet<_> = o.sectors.iter().collect();
            assert_eq!(distinct.len(), o.sectors.len(), "{}", o.code);
            if let Some(a) = o.area_code {
                assert!(area(a).is_some(), "{}: {a}", o.code);
            }
            if let Some(code) = o.organiser_code {
                let org = organiser(code).unwrap_or_else(|| panic!("{}: {code}", o.code));
                assert_eq!(Some(org.area_code), o.area_code, "{}", o.code);
            }
            if let Some(s) = o.short_name {
                assert!(!s.trim().is_empty());
            }
        }
    }

    #[test]
    fn demo_organisations_from_the_seeds() {
        let expect = [
            (
                "kys-lasten-ja-nuorten-osaamiskeskus",
                Some("KYS"),
                Health,
                Some("ita-suomi"),
            ),
            ("iso", Some("ISO"), Social, Some("ita-suomi")),
            ("koske", Some("KOSKE"), Social, Some("ita-suomi")),
            ("socca", Some("Socca"), Social, Some("etela-suomi")),
            ("etkl", Some("ETKL"), Ngo, None),
            ("viola", Some("Viola ry"), Ngo, Some("ita-suomi")),
            ("siun-sote", Some("Siun sote"), Health, Some("ita-suomi")),
            ("uef", Some("UEF"), Research, Some("ita-suomi")),
            ("jyu", Some("JYU"), Research, Some("ita-suomi")),
        ];
        for (code, short, sector, area_code) in expect {
            let o = demo_organisation(code).unwrap_or_else(|| panic!("{code}"));
            assert_eq!(o.short_name, short, "{code}");
            assert_eq!(o.sector(), sector, "{code}");
            assert_eq!(o.area_code, area_code, "{code}");
        }
        assert!(
            demo_organisation("siun-sote")
                .unwrap()
                .sectors
                .contains(&Social)
        );
        assert_eq!(demo_organisation("koske").unwrap().display_name(), "KOSKE");
        for name in [
            "Helsingin yliopisto",
            "Oulun yliopisto",
            "Tampereen yliopisto",
            "Turun yliopisto",
            "Jyväskylän kaupungin perusopetus",
            "HUS Lasten ja nuorten sairaudet",
        ] {
            assert!(DEMO_ORGANISATIONS.iter().any(|o| o.name == name), "{name}");
        }
    }

    #[test]
    fn every_area_has_health_social_education_and_research() {
        for a in AREAS {
            for sector in [Health, Social, Education, Research] {
                let found = DEMO_ORGANISATIONS
                    .iter()
                    .any(|o| o.area_code == Some(a.code) && o.sectors.contains(&sector));
                assert!(found, "{} has no {sector} organisation", a.code);
            }
        }
    }
}
