//! The screening instrument as versioned data: sections of items, each
//! option's weight and phenomena, and the decision rules.
//!
//! The official OT-seula items are not published; [`default_instrument`]
//! is the platform's own default version, labelled so, which an OT centre
//! replaces with its own through the coordinator's editor.

use crate::calendar::keys::keyed_enum;
use crate::questionnaire::{Texts, is_choice_key, is_key};
use serde::{Deserialize, Serialize};

keyed_enum! {
    /// How an item is answered.
    pub enum ItemKind ("screening-item-kind") {
        YesNo = "yes-no",
        /// An ordered scale, e.g. 0 "not at all" … 3 "severely".
        Scale = "scale",
        SingleChoice = "single-choice",
        MultipleChoice = "multiple-choice",
    }
}

/// One answer option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opt {
    pub key: String,
    pub label: Texts,
    /// Points towards OT-level need (may be negative: resources protect).
    #[serde(default)]
    pub weight: i32,
    /// Phenomenon codes this answer points to.
    #[serde(default)]
    pub phenomena: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// `[a-z0-9_]`, unique in the instrument.
    pub key: String,
    pub kind: ItemKind,
    pub label: Texts,
    #[serde(default)]
    pub help: Texts,
    #[serde(default)]
    pub required: bool,
    pub options: Vec<Opt>,
}

impl Item {
    pub fn option(&self, key: &str) -> Option<&Opt> {
        self.options.iter().find(|o| o.key == key)
    }
}

/// A section of items, e.g. "the child's symptoms and functioning".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub key: String,
    pub title: Texts,
    pub items: Vec<Item>,
    /// The request form item (e.g. `situation`, `services_tried`) this
    /// section's answers are carried into when a draft request is made.
    #[serde(default)]
    pub carries_to: String,
}

/// An answer that OT-level support requires: without it, a high score
/// only gives "consider".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MustHave {
    pub item: String,
    /// Any of these options satisfies it.
    pub options: Vec<String>,
}

/// The decision rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rules {
    /// A score from this up, with every must-have answer: OT-level
    /// support indicated.
    pub indicated_from: i32,
    /// A score from this up: consider OT-level support.
    pub consider_from: i32,
    #[serde(default)]
    pub must_have: Vec<MustHave>,
    /// A phenomenon is named when its answers' weights add up to this.
    #[serde(default = "one")]
    pub phenomenon_from: i32,
}

fn one() -> i32 {
    1
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instrument {
    pub title: Texts,
    /// What the version is, e.g. "the platform's default version".
    #[serde(default)]
    pub note: Texts,
    pub sections: Vec<Section>,
    pub rules: Rules,
}

/// Most items in one instrument.
pub const MAX_ITEMS: usize = 80;
/// Largest weight of one option, either way.
pub const MAX_WEIGHT: i32 = 100;

/// `(path, message key)`: the path names the part of the definition, e.g.
/// `sections[1].items[2].options[0].weight`.
pub type Problems = Vec<(String, &'static str)>;

impl Instrument {
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| &s.items)
    }

    pub fn item(&self, key: &str) -> Option<&Item> {
        self.items().find(|i| i.key == key)
    }

    /// Reads an edited definition (JSON) and checks it; `known` are the
    /// taxonomy's phenomenon codes.
    pub fn parse(json: &str, known: &[&str]) -> Result<Instrument, Problems> {
        let i: Instrument = serde_json::from_str(json).map_err(|e| {
            vec![(
                format!("line {}, column {}", e.line(), e.column()),
                "screening-json-invalid",
            )]
        })?;
        i.validate(known)?;
        Ok(i)
    }

    /// Checks keys, texts, weights and rules.
    pub fn validate(&self, known: &[&str]) -> Result<(), Problems> {
        let mut p: Problems = Vec::new();
        let text = |path: String, t: &Texts, required: bool, p: &mut Problems| {
            if required && t.fi.trim().is_empty() {
                p.push((format!("{path}.fi"), "field-required"));
            }
            for s in [&t.fi, &t.sv, &t.en] {
                if s.chars().count() > 1000 || !crate::text::is_clean(s) {
                    p.push((path.clone(), "field-too-long"));
                }
            }
        };
        text("title".into(), &self.title, true, &mut p);
        text("note".into(), &self.note, false, &mut p);
        if self.sections.is_empty() {
            p.push(("sections".into(), "form-empty"));
        }
        let mut keys: Vec<&str> = Vec::new();
        for (si, s) in self.sections.iter().enumerate() {
            let sp = format!("sections[{si}]");
            if !is_key(&s.key) || self.sections[..si].iter().any(|o| o.key == s.key) {
                p.push((format!("{sp}.key"), "form-key-invalid"));
            }
            text(format!("{sp}.title"), &s.title, true, &mut p);
            if !s.carries_to.is_empty() && !is_key(&s.carries_to) {
                p.push((format!("{sp}.carries_to"), "form-key-invalid"));
            }
            for (ii, item) in s.items.iter().enumerate() {
                let ip = format!("{sp}.items[{ii}]");
                if !is_key(&item.key) {
                    p.push((format!("{ip}.key"), "form-key-invalid"));
                } else if keys.contains(&item.key.as_str()) {
                    p.push((format!("{ip}.key"), "form-key-taken"));
                }
                keys.push(&item.key);
                text(format!("{ip}.label"), &item.label, true, &mut p);
                text(format!("{ip}.help"), &item.help, false, &mut p);
                let expected = match item.kind {
                    ItemKind::YesNo => item.options.len() == 2,
                    _ => item.options.len() >= 2,
                };
                if !expected {
                    p.push((format!("{ip}.options"), "form-needs-choices"));
                }
                if item.kind == ItemKind::YesNo
                    && !(item.option("yes").is_some() && item.option("no").is_some())
                {
                    p.push((format!("{ip}.options"), "screening-yes-no-options"));
                }
                for (oi, o) in item.options.iter().enumerate() {
                    let op = format!("{ip}.options[{oi}]");
                    if !is_choice_key(&o.key) || item.options[..oi].iter().any(|x| x.key == o.key) {
                        p.push((format!("{op}.key"), "form-choice-invalid"));
                    }
                    text(format!("{op}.label"), &o.label, true, &mut p);
                    if o.weight.abs() > MAX_WEIGHT {
                        p.push((format!("{op}.weight"), "screening-weight-range"));
                    }
                    for code in &o.phenomena {
                        if !known.contains(&code.as_str()) {
                            p.push((format!("{op}.phenomena"), "screening-unknown-phenomenon"));
                        }
                    }
                }
            }
        }
        if keys.len() > MAX_ITEMS {
            p.push(("sections".into(), "form-too-many-items"));
        }
        let r = &self.rules;
        if r.consider_from > r.indicated_from {
            p.push(("rules.consider_from".into(), "screening-thresholds-order"));
        }
        if r.phenomenon_from < 1 {
            p.push(("rules.phenomenon_from".into(), "screening-weight-range"));
        }
        for (mi, m) in r.must_have.iter().enumerate() {
            let path = format!("rules.must_have[{mi}]");
            match self.item(&m.item) {
                None => p.push((path, "screening-unknown-item")),
                Some(item) => {
                    if m.options.is_empty() || m.options.iter().any(|o| item.option(o).is_none()) {
                        p.push((path, "screening-unknown-option"));
                    }
                }
            }
        }
        p.dedup();
        if p.is_empty() { Ok(()) } else { Err(p) }
    }
}

fn t(fi: &str, sv: &str, en: &str) -> Texts {
    Texts::new(fi, sv, en)
}

fn opt(key: &str, label: Texts, weight: i32, phenomena: &[&str]) -> Opt {
    Opt {
        key: key.into(),
        label,
        weight,
        phenomena: phenomena.iter().map(|s| (*s).to_owned()).collect(),
    }
}

/// A yes/no item: `yes` weighs `weight` and points to `phenomena`.
fn yes_no(key: &str, label: Texts, weight: i32, phenomena: &[&str]) -> Item {
    Item {
        key: key.into(),
        kind: ItemKind::YesNo,
        label,
        help: Texts::default(),
        required: true,
        options: vec![
            opt("yes", t("Kyllä", "Ja", "Yes"), weight, phenomena),
            opt("no", t("Ei", "Nej", "No"), 0, &[]),
        ],
    }
}

/// A 0–3 severity scale; the upper steps weigh `weights`.
fn scale(key: &str, label: Texts, weights: [i32; 4], phenomena: &[&str]) -> Item {
    let labels = [
        t("Ei lainkaan", "Inte alls", "Not at all"),
        t("Vähän", "Lite", "A little"),
        t("Selvästi", "Tydligt", "Clearly"),
        t("Vakavasti", "Allvarligt", "Severely"),
    ];
    Item {
        key: key.into(),
        kind: ItemKind::Scale,
        label,
        help: Texts::default(),
        required: true,
        options: labels
            .into_iter()
            .zip(weights)
            .enumerate()
            .map(|(i, (l, w))| opt(&i.to_string(), l, w, if w > 0 { phenomena } else { &[] }))
            .collect(),
    }
}

/// The platform's default OT-seula: built from the publicly stated
/// criteria of OT-level need (not solved by basic and specialist services;
/// complex, rare or crossing sectors; expertise one county cannot
/// organise). Labelled as the default version.
pub fn default_instrument() -> Instrument {
    let functioning = Section {
        key: "functioning".into(),
        title: t(
            "Lapsen oireet ja toimintakyky",
            "Barnets symtom och funktionsförmåga",
            "The child's symptoms and functioning",
        ),
        carries_to: "situation".into(),
        items: vec![
            scale(
                "mental_health",
                t(
                    "Psyykkiset oireet (esim. ahdistus, masennus, itsetuhoisuus, psykoottisuus)",
                    "Psykiska symtom (t.ex. ångest, depression, självskada, psykos)",
                    "Mental health symptoms (e.g. anxiety, depression, self-harm, psychosis)",
                ),
                [0, 1, 3, 5],
                &["child-protection-psychiatry"],
            ),
            scale(
                "neurodevelopment",
                t(
                    "Neuropsykiatriset haasteet (esim. ADHD, autismikirjo) arjessa",
                    "Neuropsykiatriska svårigheter (t.ex. ADHD, autism) i vardagen",
                    "Neuropsychiatric difficulties (e.g. ADHD, autism) in daily life",
                ),
                [0, 1, 2, 4],
                &["neuropsychiatric"],
            ),
            scale(
                "school",
                t(
                    "Koulunkäynnin vaikeudet tai poissaolot",
                    "Svårigheter i skolan eller frånvaro",
                    "Difficulties at school or absence",
                ),
                [0, 1, 2, 4],
                &["school-support"],
            ),
            scale(
                "substance_use",
                t(
                    "Nuoren tai vanhemman päihteiden käyttö",
                    "Den ungas eller förälderns bruk av rusmedel",
                    "Substance use by the young person or a parent",
                ),
                [0, 1, 3, 4],
                &["substance-use"],
            ),
            yes_no(
                "somatic",
                t(
                    "Vaativa tai harvinainen somaattinen sairaus, vamma tai toiminnallinen oireilu",
                    "Krävande eller sällsynt somatisk sjukdom, funktionsnedsättning eller funktionella symtom",
                    "A demanding or rare somatic illness, disability or functional symptoms",
                ),
                3,
                &["rare-diseases", "functional-disorders", "disability"],
            ),
            yes_no(
                "several_areas",
                t(
                    "Oireet näkyvät useammalla elämänalueella (koti, koulu, vapaa-aika)",
                    "Symtomen syns på flera livsområden (hem, skola, fritid)",
                    "The symptoms show in several areas of life (home, school, leisure)",
                ),
                3,
                &[],
            ),
        ],
    };
    let mut sectors = Item {
        key: "sectors_involved".into(),
        kind: ItemKind::SingleChoice,
        label: t(
            "Kuinka monen sektorin palveluja tilanteessa on mukana (sivistys, sosiaali, terveys, muut)?",
            "Från hur många sektorer deltar tjänster (bildning, socialt, hälsa, andra)?",
            "How many sectors' services are involved (education, social, health, other)?",
        ),
        help: Texts::default(),
        required: true,
        options: vec![
            opt("1", t("Yksi", "En", "One"), 0, &[]),
            opt("2", t("Kaksi", "Två", "Two"), 2, &[]),
            opt(
                "3",
                t("Kolme tai enemmän", "Tre eller fler", "Three or more"),
                4,
                &[],
            ),
        ],
    };
    sectors.help = t(
        "Sektorirajat ylittävä tilanne on yksi OT-tason tunnusmerkeistä.",
        "En situation som går över sektorsgränser är ett av kännetecknen på OT-nivå.",
        "A situation crossing sectors is one mark of OT-level need.",
    );
    let services = Section {
        key: "services".into(),
        title: t(
            "Palvelut ja tuki, joita on jo kokeiltu",
            "Tjänster och stöd som redan prövats",
            "Services and support already tried",
        ),
        carries_to: "services_tried".into(),
        items: vec![
            sectors,
            yes_no(
                "basic_tried",
                t(
                    "Peruspalveluiden tuki on kokeiltu ilman riittävää vaikutusta",
                    "Stöd från bastjänster har prövats utan tillräcklig effekt",
                    "Support from basic services has been tried without sufficient effect",
                ),
                2,
                &[],
            ),
            yes_no(
                "specialist_tried",
                t(
                    "Erityistason palvelut (esim. erikoissairaanhoito, erityinen tuki) on kokeiltu ilman riittävää vaikutusta",
                    "Tjänster på specialnivå (t.ex. specialsjukvård, särskilt stöd) har prövats utan tillräcklig effekt",
                    "Specialist services (e.g. specialised care, special support) have been tried without sufficient effect",
                ),
                4,
                &[],
            ),
            yes_no(
                "placement",
                t(
                    "Lapsi on sijoitettuna tai sijoitusta harkitaan, ja sijaishuolto on vaativaa",
                    "Barnet är placerat eller en placering övervägs, och vården är krävande",
                    "The child is placed or a placement is considered, and the care is demanding",
                ),
                3,
                &["substitute-care"],
            ),
        ],
    };
    let safety = Section {
        key: "safety".into(),
        title: t("Turvallisuus", "Säkerhet", "Safety"),
        carries_to: "situation".into(),
        items: vec![
            yes_no(
                "violence",
                t(
                    "Perheessä on väkivaltaa tai sen uhkaa",
                    "Det finns våld eller hot om våld i familjen",
                    "There is violence or a threat of violence in the family",
                ),
                4,
                &["domestic-violence"],
            ),
            yes_no(
                "violence_child",
                t(
                    "Epäillään lapseen kohdistunutta väkivaltaa tai seksuaalista hyväksikäyttöä",
                    "Misstanke om våld eller sexuella övergrepp mot barnet",
                    "Violence or sexual abuse against the child is suspected",
                ),
                5,
                &["violence-against-child", "trauma"],
            ),
            yes_no(
                "danger",
                t(
                    "Lapsi vaarantaa vakavasti omaa tai muiden turvallisuutta",
                    "Barnet äventyrar allvarligt sin egen eller andras säkerhet",
                    "The child seriously endangers their own or others' safety",
                ),
                4,
                &[],
            ),
            yes_no(
                "custody_conflict",
                t(
                    "Vanhempien erotilanne tai huoltoriita kuormittaa lasta vakavasti",
                    "Föräldrarnas separation eller vårdnadstvist belastar barnet allvarligt",
                    "The parents' separation or custody dispute burdens the child seriously",
                ),
                3,
                &["custody-disputes"],
            ),
        ],
    };
    let mut resources = scale(
        "family_resources",
        t(
            "Perheen ja lähiverkoston voimavarat tukea lasta",
            "Familjens och nätverkets resurser att stödja barnet",
            "The family's and network's resources to support the child",
        ),
        [2, 1, 0, -2],
        &[],
    );
    for (o, l) in resources.options.iter_mut().zip([
        t("Hyvin vähäiset", "Mycket små", "Very limited"),
        t("Vähäiset", "Små", "Limited"),
        t("Kohtalaiset", "Måttliga", "Moderate"),
        t("Hyvät", "Goda", "Good"),
    ]) {
        o.label = l;
    }
    let network = Section {
        key: "resources".into(),
        title: t(
            "Perheen ja verkoston voimavarat",
            "Familjens och nätverkets resurser",
            "The family's and network's resources",
        ),
        carries_to: "family".into(),
        items: vec![resources],
    };
    let expertise = Section {
        key: "expertise".into(),
        title: t(
            "Tarvittava asiantuntemus",
            "Sakkunskap som behövs",
            "The expertise needed",
        ),
        carries_to: "situation".into(),
        items: vec![
            yes_no(
                "not_local",
                t(
                    "Tarvittavaa asiantuntemusta ei voida järjestää oman hyvinvointialueen palveluista",
                    "Den sakkunskap som behövs kan inte ordnas inom det egna välfärdsområdets tjänster",
                    "The expertise needed cannot be organised by one's own wellbeing services county",
                ),
                4,
                &[],
            ),
            yes_no(
                "rare",
                t(
                    "Tilanne on harvinainen tai poikkeuksellisen monimutkainen",
                    "Situationen är sällsynt eller exceptionellt komplex",
                    "The situation is rare or exceptionally complex",
                ),
                3,
                &[],
            ),
        ],
    };
    Instrument {
        title: t(
            "OT-seula (alustan oletusversio)",
            "OT-screening (plattformens standardversion)",
            "OT screening (the platform's default version)",
        ),
        note: t(
            "Tämä on alustan oletusversio, ei virallinen OT-seula. OT-keskus korvaa sen omallaan. Tulos on suositus konsultoida, ei päätös lapsesta.",
            "Detta är plattformens standardversion, inte den officiella OT-screeningen. OT-centret ersätter den med sin egen. Resultatet är en rekommendation att konsultera, inget beslut om barnet.",
            "This is the platform's default version, not the official OT screening. The OT centre replaces it with its own. The result is a recommendation to consult, never a decision about a child.",
        ),
        sections: vec![functioning, services, safety, network, expertise],
        rules: Rules {
            indicated_from: 16,
            consider_from: 9,
            must_have: vec![
                MustHave {
                    item: "specialist_tried".into(),
                    options: vec!["yes".into()],
                },
                MustHave {
                    item: "sectors_involved".into(),
                    options: vec!["2".into(), "3".into()],
                },
            ],
            phenomenon_from: 3,
        },
    }
}
