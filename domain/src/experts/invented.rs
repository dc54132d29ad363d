//! Invented experts for demo data and benchmarks: plausible people in every
//! area, with profiles in their own words, so search and filters have
//! something to show. Deterministic for a seed. Nobody here is real.

use super::{ExpertDetails, Language};
use crate::region::{AREAS, DEMO_ORGANISATIONS, Sector};
use jiff::civil::Date;

/// A small, fast, deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

const FIRST_FI: &[&str] = &[
    "Aino", "Anna", "Antti", "Eero", "Elina", "Emilia", "Hanna", "Heikki", "Helmi", "Iida",
    "Ilkka", "Jaana", "Janne", "Johanna", "Juha", "Jukka", "Kaisa", "Kari", "Katja", "Laura",
    "Leena", "Liisa", "Markku", "Marja", "Matti", "Mikko", "Minna", "Nina", "Olli", "Outi",
    "Paula", "Pekka", "Petra", "Riikka", "Sanna", "Sari", "Satu", "Timo", "Tuomas", "Tiina",
    "Veera", "Ville",
];
const LAST_FI: &[&str] = &[
    "Virtanen",
    "Korhonen",
    "Mäkinen",
    "Nieminen",
    "Mäkelä",
    "Hämäläinen",
    "Laine",
    "Heikkinen",
    "Koskinen",
    "Järvinen",
    "Lehtonen",
    "Lehtinen",
    "Saarinen",
    "Salminen",
    "Heinonen",
    "Niemi",
    "Heikkilä",
    "Kinnunen",
    "Salonen",
    "Turunen",
    "Salo",
    "Laitinen",
    "Tuominen",
    "Rantanen",
    "Karjalainen",
    "Jokinen",
    "Mattila",
    "Savolainen",
    "Lahtinen",
    "Ahonen",
    "Räsänen",
    "Partanen",
    "Hyvönen",
    "Leinonen",
    "Kokkonen",
    "Ruotsalainen",
    "Kauppinen",
    "Miettinen",
    "Pitkänen",
    "Huttunen",
];
const FIRST_SV: &[&str] = &[
    "Anders", "Annika", "Björn", "Camilla", "Erik", "Frida", "Henrik", "Ida", "Johan", "Karin",
    "Linnea", "Mats", "Sofia", "Stefan",
];
const LAST_SV: &[&str] = &[
    "Lindholm",
    "Nyström",
    "Forsman",
    "Holmberg",
    "Sundström",
    "Ekström",
    "Lindqvist",
    "Björklund",
];

fn titles(sector: Sector, swedish: bool) -> &'static [&'static str] {
    match (sector, swedish) {
        (Sector::Health, false) => &[
            "lastenpsykiatri",
            "nuorisopsykiatri",
            "lastenneurologi",
            "psykologi",
            "neuropsykologi",
            "psykiatrinen sairaanhoitaja",
            "lastenlääkäri",
            "toimintaterapeutti",
            "puheterapeutti",
        ],
        (Sector::Health, true) => &[
            "barnpsykiater",
            "ungdomspsykiater",
            "psykolog",
            "barnläkare",
        ],
        (Sector::Social, false) => &[
            "sosiaalityöntekijä",
            "johtava sosiaalityöntekijä",
            "perhetyöntekijä",
            "lastensuojelun erityissosiaalityöntekijä",
            "sosiaaliohjaaja",
            "perheterapeutti",
        ],
        (Sector::Social, true) => &["socialarbetare", "familjearbetare", "familjeterapeut"],
        (Sector::Education, false) => &[
            "erityisopettaja",
            "koulukuraattori",
            "koulupsykologi",
            "rehtori",
            "opinto-ohjaaja",
        ],
        (Sector::Education, true) => &["speciallärare", "skolkurator", "skolpsykolog"],
        (Sector::Ngo, false) => &[
            "järjestötyöntekijä",
            "eroauttamisen asiantuntija",
            "kokemusasiantuntija",
        ],
        (Sector::Ngo, true) => &["organisationsarbetare", "erfarenhetsexpert"],
        (Sector::Research, false) => &["tutkija", "yliopistonlehtori", "professori"],
        (Sector::Research, true) => &["forskare", "universitetslektor"],
    }
}

/// What an expert of a phenomenon writes about themself (Finnish, inflected
/// as people write, so the search's morphology matters).
fn story_fi(code: &str) -> &'static str {
    match code {
        "custody-disputes" => {
            "Työskentelen vaativissa huoltoriidoissa ja konfliktoituneissa eroissa. Teen riskinarviointeja ja tuen lasta tapaamisriitojen keskellä."
        }
        "domestic-violence" => {
            "Erityisosaamistani on lähisuhdeväkivallasta kärsivien perheiden tukeminen ja väkivallan riskin arviointi."
        }
        "violence-against-child" => {
            "Olen mukana lapsiin kohdistuvien väkivaltaepäilyjen selvittämisessä Barnahus-mallin mukaisesti."
        }
        "child-protection-psychiatry" => {
            "Konsultoin lastensuojelun ja nuorisopsykiatrian yhteisasiakkuuksissa, erityisesti sijoitettujen nuorten hoidossa."
        }
        "neuropsychiatric" => {
            "Tunnen neuropsykiatrisia häiriöitä, kuten ADHD:ta ja autismikirjon oireita, ja niiden vaikutuksia perheen arkeen."
        }
        "rare-diseases" => {
            "Harvinaisia sairauksia sairastavien lasten ja heidän perheidensä tukeminen on osaamisalaani."
        }
        "functional-disorders" => {
            "Hoidan toiminnallisista häiriöistä kärsiviä nuoria ja neuvon kouluja heidän tukemisessaan."
        }
        "substitute-care" => {
            "Minulla on pitkä kokemus vaativasta sijaishuollosta ja koulukodeissa asuvien nuorten tukemisesta."
        }
        "school-support" => {
            "Tuen koulunkäyntiä vaativissa tilanteissa, kuten pitkittyneissä koulupoissaoloissa."
        }
        "substance-use" => {
            "Hoidan nuorten päihteiden käyttöä MDFT-menetelmällä ja tuen päihteitä käyttävien vanhempien lapsia."
        }
        "trauma" => {
            "Traumatisoituneiden lasten hoito ja traumaperäisten oireiden tunnistaminen ovat työni ydintä."
        }
        "disability" => {
            "Teen vammaisten lasten perheiden palveluohjausta ja sovitan yhteen vaativia vammaispalveluja."
        }
        _ => "Konsultoin monialaisesti vaativissa lasten ja perheiden tilanteissa.",
    }
}

fn story_sv(code: &str) -> &'static str {
    match code {
        "custody-disputes" => {
            "Jag arbetar med svåra vårdnadstvister och konfliktfyllda separationer."
        }
        "domestic-violence" => "Jag stöder familjer som drabbats av våld i nära relationer.",
        "substitute-care" => "Jag har lång erfarenhet av krävande vård utom hemmet.",
        "school-support" => "Jag stöder skolgången för barn med långvarig skolfrånvaro.",
        _ => "Jag konsulterar i krävande situationer för barn och familjer.",
    }
}

/// The phenomena codes the stories know, in the seeded taxonomy.
const CODES: &[&str] = &[
    "custody-disputes",
    "domestic-violence",
    "violence-against-child",
    "child-protection-psychiatry",
    "neuropsychiatric",
    "rare-diseases",
    "functional-disorders",
    "substitute-care",
    "school-support",
    "substance-use",
    "trauma",
    "disability",
];

fn ascii(s: &str) -> String {
    s.to_lowercase()
        .replace('ä', "a")
        .replace('ö', "o")
        .replace('å', "a")
        .replace(' ', "")
}

/// `n` invented profiles; `today` decides who is paused (some are).
pub fn invented(n: usize, seed: u64, today: Date) -> Vec<ExpertDetails> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let area = rng.pick(AREAS);
        // Swedish speakers mostly in the west and south, as in Finland.
        let swedish = matches!(area.code, "lansi-suomi" | "etela-suomi") && rng.chance(20);
        let (first, last) = if swedish {
            (*rng.pick(FIRST_SV), *rng.pick(LAST_SV))
        } else {
            (*rng.pick(FIRST_FI), *rng.pick(LAST_FI))
        };
        let orgs: Vec<_> = DEMO_ORGANISATIONS
            .iter()
            .filter(|o| o.area_code == Some(area.code))
            .collect();
        let org = (!orgs.is_empty()).then(|| *rng.pick(&orgs));
        let sector = org.map_or(Sector::Social, |o| o.sector());
        let mut sectors = vec![sector];
        if rng.chance(20) {
            let other = *rng.pick(&Sector::ALL);
            if other != sector {
                sectors.push(other);
            }
        }
        let mut phenomena: Vec<String> = Vec::new();
        for _ in 0..1 + rng.below(3) {
            let c = (*rng.pick(CODES)).to_owned();
            if !phenomena.contains(&c) {
                phenomena.push(c);
            }
        }
        let mut regions = vec![area.code.to_owned()];
        if rng.chance(25) {
            let other = rng.pick(AREAS).code;
            if other != area.code {
                regions.push(other.to_owned());
            }
        }
        let mut languages = if swedish {
            vec![Language::Swedish, Language::Finnish]
        } else {
            vec![Language::Finnish]
        };
        if rng.chance(40) {
            languages.push(Language::English);
        }
        if rng.chance(3) {
            languages.push(*rng.pick(&[
                Language::Sami,
                Language::FinnishSignLanguage,
                Language::Russian,
                Language::Arabic,
                Language::Somali,
            ]));
        }
        let description_fi = phenomena
            .iter()
            .map(|c| story_fi(c))
            .collect::<Vec<_>>()
            .join(" ");
        let description_sv = if swedish {
            phenomena
                .iter()
                .map(|c| story_sv(c))
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            String::new()
        };
        let paused_until = rng
            .chance(6)
            .then(|| {
                today
                    .checked_add(jiff::Span::new().days(10 + rng.below(120) as i64))
                    .ok()
            })
            .flatten();
        out.push(ExpertDetails {
            name: format!("{first} {last}"),
            title: (*rng.pick(titles(sector, swedish))).to_owned(),
            organisation: org.map(|o| o.name.to_owned()).unwrap_or_default(),
            email: format!("{}.{}.{i}@ot-verkosto.example", ascii(first), ascii(last)),
            phone: if rng.chance(50) {
                format!("+358 40 {:03} {:04}", rng.below(1000), rng.below(10_000))
            } else {
                String::new()
            },
            contact_note: String::new(),
            area: area.code.to_owned(),
            regions,
            sectors,
            phenomena,
            languages,
            remote: rng.chance(70),
            paused_until,
            pause_note: if paused_until.is_some() {
                "virkavapaa".into()
            } else {
                String::new()
            },
            description_fi,
            description_sv,
            description_en: String::new(),
            listed_publicly: rng.chance(60),
            publish_contact: rng.chance(30),
        })
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invented_profiles_are_valid_and_repeatable() {
        let today = jiff::civil::date(2026, 12, 2);
        let a = invented(300, 7, today);
        assert_eq!(a, invented(300, 7, today), "same seed, same people");
        let codes: Vec<&str> = CODES.to_vec();
        let mut emails = std::collections::HashSet::new();
        for d in &a {
            assert_eq!(
                d.to_form().parse(&codes).as_ref(),
                Ok(d),
                "{} is a valid profile",
                d.name
            );
            assert!(emails.insert(d.email.clone()));
        }
        for area in AREAS {
            assert!(
                a.iter().any(|d| d.area == area.code),
                "someone in {}",
                area.code
            );
        }
        assert!(a.iter().any(|d| !d.available_on(today)), "some are paused");
        assert!(a.iter().any(|d| d.languages.contains(&Language::Swedish)));
    }
}
