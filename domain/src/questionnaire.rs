//! Esitietolomake: the pre-information form as a versioned questionnaire.
//!
//! A coordinator edits a group's form; every change makes a new version,
//! and a request keeps the version it was filled with, so its answers
//! always read against the questions that were asked. Answers arrive as
//! form strings and are checked here: a draft only for well-formed values,
//! a submission also for the required ones.

use crate::calendar::keys::keyed_enum;
use crate::groups::parse_date;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Problems: `(field name, message key)`.
pub type Problems = Vec<(String, &'static str)>;

keyed_enum! {
    /// What kind of answer an item takes.
    pub enum ItemKind ("item-kind") {
        Text = "text",
        LongText = "long-text",
        SingleChoice = "single-choice",
        MultipleChoice = "multiple-choice",
        Date = "date",
        Number = "number",
        YesNo = "yes-no",
    }
}

impl ItemKind {
    pub fn has_choices(self) -> bool {
        matches!(self, ItemKind::SingleChoice | ItemKind::MultipleChoice)
    }
}

/// A text in the three UI languages; Finnish is required, the others fall
/// back to it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Texts {
    pub fi: String,
    #[serde(default)]
    pub sv: String,
    #[serde(default)]
    pub en: String,
}

impl Texts {
    pub fn new(fi: &str, sv: &str, en: &str) -> Texts {
        Texts {
            fi: fi.into(),
            sv: sv.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: &str) -> &str {
        let t = match lang {
            "sv" => &self.sv,
            "en" => &self.en,
            _ => &self.fi,
        };
        if t.is_empty() { &self.fi } else { t }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub key: String,
    pub label: Texts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Stable within the form: `[a-z0-9_]`, the answer's key.
    pub key: String,
    pub kind: ItemKind,
    pub label: Texts,
    #[serde(default)]
    pub help: Texts,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// Bounds of a number.
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub max: Option<i64>,
}

impl Item {
    /// The HTML form field name of this item.
    pub fn field(&self) -> String {
        format!("q_{}", self.key)
    }

    pub fn choice_label(&self, key: &str, lang: &str) -> String {
        self.choices
            .iter()
            .find(|c| c.key == key)
            .map(|c| c.label.get(lang).to_owned())
            .unwrap_or_else(|| key.to_owned())
    }
}

/// Longest one-line answer.
pub const MAX_TEXT: usize = 500;
/// Longest free-text answer.
pub const MAX_LONG_TEXT: usize = 10_000;
/// Most items in one form.
pub const MAX_ITEMS: usize = 60;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Questionnaire {
    pub items: Vec<Item>,
}

/// One answer, typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "kebab-case")]
pub enum Answer {
    Text(String),
    Choice(String),
    Choices(Vec<String>),
    Date(Date),
    Number(i64),
    YesNo(bool),
}

pub type Answers = BTreeMap<String, Answer>;

/// How strictly answers are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Saving a draft: values must be well-formed, none is required yet.
    Draft,
    /// Sending: the required items must be answered too.
    Submit,
}

pub fn is_key(s: &str) -> bool {
    (1..=40).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// A choice's key: like an item key, hyphens allowed ("0-2").
pub fn is_choice_key(s: &str) -> bool {
    (1..=40).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

fn no_controls(s: &str) -> bool {
    !s.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
}

impl Questionnaire {
    pub fn item(&self, key: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.key == key)
    }

    /// The answers in a posted form (`q_KEY` fields); unknown fields are
    /// ignored, as the form may carry other fields too.
    pub fn read(
        &self,
        posted: &HashMap<String, Vec<String>>,
        check: Check,
    ) -> Result<Answers, Problems> {
        let mut answers = Answers::new();
        let mut p: Problems = Vec::new();
        for item in &self.items {
            let field = item.field();
            let values: Vec<&str> = posted
                .get(&field)
                .map(|v| {
                    v.iter()
                        .map(|s| s.trim())
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default();
            let mut bad = |code| p.push((field.clone(), code));
            if values.is_empty() {
                if check == Check::Submit && item.required {
                    bad("field-required");
                }
                continue;
            }
            let first = values[0];
            let answer = match item.kind {
                ItemKind::Text | ItemKind::LongText => {
                    let max = if item.kind == ItemKind::Text {
                        MAX_TEXT
                    } else {
                        MAX_LONG_TEXT
                    };
                    if first.chars().count() > max {
                        bad("field-too-long");
                        continue;
                    }
                    if !no_controls(first) {
                        bad("field-control-chars");
                        continue;
                    }
                    Answer::Text(first.to_owned())
                }
                ItemKind::SingleChoice => {
                    if values.len() > 1 || !item.choices.iter().any(|c| c.key == first) {
                        bad("field-choose");
                        continue;
                    }
                    Answer::Choice(first.to_owned())
                }
                ItemKind::MultipleChoice => {
                    let mut keys: Vec<String> = Vec::new();
                    let mut ok = true;
                    for v in &values {
                        if !item.choices.iter().any(|c| c.key == *v) {
                            ok = false;
                        } else if !keys.iter().any(|k| k == v) {
                            keys.push((*v).to_owned());
                        }
                    }
                    if !ok {
                        bad("field-choose");
                        continue;
                    }
                    Answer::Choices(keys)
                }
                ItemKind::Date => match parse_date(first) {
                    Some(d) => Answer::Date(d),
                    None => {
                        bad("field-date");
                        continue;
                    }
                },
                ItemKind::Number => {
                    let n = (first.len() <= 12)
                        .then(|| first.parse::<i64>().ok())
                        .flatten();
                    match n {
                        Some(n)
                            if item.min.is_none_or(|m| n >= m)
                                && item.max.is_none_or(|m| n <= m) =>
                        {
                            Answer::Number(n)
                        }
                        Some(_) => {
                            bad("field-number-range");
                            continue;
                        }
                        None => {
                            bad("field-number");
                            continue;
                        }
                    }
                }
                ItemKind::YesNo => match first {
                    "yes" => Answer::YesNo(true),
                    "no" => Answer::YesNo(false),
                    _ => {
                        bad("field-choose");
                        continue;
                    }
                },
            };
            answers.insert(item.key.clone(), answer);
        }
        if p.is_empty() { Ok(answers) } else { Err(p) }
    }

    /// Required items without an answer (a stored draft checked again at
    /// submission, e.g. after the form got a new required item).
    pub fn missing(&self, answers: &Answers) -> Vec<&Item> {
        self.items
            .iter()
            .filter(|i| i.required && !answers.contains_key(&i.key))
            .collect()
    }

    /// The answers as form values, for showing a draft again.
    pub fn to_posted(&self, answers: &Answers) -> HashMap<String, Vec<String>> {
        let mut out = HashMap::new();
        for item in &self.items {
            let Some(a) = answers.get(&item.key) else {
                continue;
            };
            let v = match a {
                Answer::Text(s) | Answer::Choice(s) => vec![s.clone()],
                Answer::Choices(v) => v.clone(),
                Answer::Date(d) => vec![d.to_string()],
                Answer::Number(n) => vec![n.to_string()],
                Answer::YesNo(b) => vec![if *b { "yes" } else { "no" }.to_owned()],
            };
            out.insert(item.field(), v);
        }
        out
    }

    /// Checks a form definition (the coordinator's editor).
    pub fn validate(&self) -> Result<(), Problems> {
        let mut p: Problems = Vec::new();
        if self.items.is_empty() {
            p.push(("items".into(), "form-empty"));
        }
        if self.items.len() > MAX_ITEMS {
            p.push(("items".into(), "form-too-many-items"));
        }
        for (i, item) in self.items.iter().enumerate() {
            let field = |name: &str| name.to_owned();
            if !is_key(&item.key) {
                p.push((field("key"), "form-key-invalid"));
            }
            if self.items[..i].iter().any(|o| o.key == item.key) {
                p.push((field("key"), "form-key-taken"));
            }
            if item.label.fi.trim().is_empty() {
                p.push((field("label_fi"), "field-required"));
            }
            for t in [
                &item.label.fi,
                &item.label.sv,
                &item.label.en,
                &item.help.fi,
                &item.help.sv,
                &item.help.en,
            ] {
                if t.chars().count() > 1000 || !no_controls(t) {
                    p.push((field("label_fi"), "field-too-long"));
                }
            }
            if item.kind.has_choices() {
                if item.choices.len() < 2 {
                    p.push((field("choices"), "form-needs-choices"));
                }
                for (j, c) in item.choices.iter().enumerate() {
                    if !is_choice_key(&c.key) || item.choices[..j].iter().any(|o| o.key == c.key) {
                        p.push((field("choices"), "form-choice-invalid"));
                    }
                    if c.label.fi.trim().is_empty() {
                        p.push((field("choices"), "form-choice-invalid"));
                    }
                }
            } else if !item.choices.is_empty() {
                p.push((field("choices"), "form-no-choices-here"));
            }
            if let (Some(a), Some(b)) = (item.min, item.max)
                && a > b
            {
                p.push((field("max"), "form-min-above-max"));
            }
        }
        p.dedup();
        if p.is_empty() { Ok(()) } else { Err(p) }
    }
}

/// A choice with its label in the three languages.
pub(crate) fn choice(key: &str, fi: &str, sv: &str, en: &str) -> Choice {
    Choice {
        key: key.into(),
        label: Texts::new(fi, sv, en),
    }
}

/// An item without choices or bounds (add them after).
pub(crate) fn item(key: &str, kind: ItemKind, required: bool, label: Texts, help: Texts) -> Item {
    Item {
        key: key.into(),
        kind,
        label,
        help,
        required,
        choices: Vec::new(),
        min: None,
        max: None,
    }
}

/// The form groups start with: what the seeds say the worker tells the
/// group, without identifying the child.
pub fn default_form() -> Questionnaire {
    use ItemKind::*;
    let mut age = item(
        "age_band",
        SingleChoice,
        true,
        Texts::new(
            "Lapsen tai nuoren ikä",
            "Barnets eller den ungas ålder",
            "The child's age",
        ),
        Texts::new(
            "Ikäryhmä riittää: lasta ei tunnisteta.",
            "Åldersgruppen räcker: barnet identifieras inte.",
            "The age group is enough: the child is not identified.",
        ),
    );
    age.choices = vec![
        choice("0-2", "0–2 vuotta", "0–2 år", "0–2 years"),
        choice("3-6", "3–6 vuotta", "3–6 år", "3–6 years"),
        choice("7-12", "7–12 vuotta", "7–12 år", "7–12 years"),
        choice("13-15", "13–15 vuotta", "13–15 år", "13–15 years"),
        choice("16-17", "16–17 vuotta", "16–17 år", "16–17 years"),
        choice(
            "18-25",
            "18–25 vuotta (jälkihuolto)",
            "18–25 år (eftervård)",
            "18–25 years (aftercare)",
        ),
    ];
    let mut gender = item(
        "gender",
        SingleChoice,
        false,
        Texts::new(
            "Sukupuoli (vapaaehtoinen)",
            "Kön (frivilligt)",
            "Gender (optional)",
        ),
        Texts::default(),
    );
    gender.choices = vec![
        choice("girl", "tyttö", "flicka", "girl"),
        choice("boy", "poika", "pojke", "boy"),
        choice(
            "other",
            "muu tai ei halua kertoa",
            "annat eller vill inte säga",
            "other or prefers not to say",
        ),
    ];
    let mut urgency = item(
        "urgency",
        SingleChoice,
        true,
        Texts::new("Kiireellisyys", "Brådska", "Urgency"),
        Texts::new(
            "Kiireellisessä tilanteessa ota yhteyttä myös puhelimitse.",
            "I brådskande fall, kontakta också per telefon.",
            "If it is urgent, call as well.",
        ),
    );
    urgency.choices = vec![
        choice("normal", "tavallinen", "normal", "normal"),
        choice(
            "soon",
            "kuukauden sisällä",
            "inom en månad",
            "within a month",
        ),
        choice("urgent", "kiireellinen", "brådskande", "urgent"),
    ];
    Questionnaire {
        items: vec![
            item(
                "question",
                LongText,
                true,
                Texts::new(
                    "Kysymys konsultaatioryhmälle",
                    "Frågan till konsultationsgruppen",
                    "Your question to the group",
                ),
                Texts::new(
                    "Mihin tarvitset ryhmän apua? Muotoile yksi tai kaksi selkeää kysymystä.",
                    "Vad behöver du gruppens hjälp med? Formulera en eller två tydliga frågor.",
                    "What do you need the group's help with? One or two clear questions.",
                ),
            ),
            age,
            gender,
            item(
                "municipality",
                Text,
                false,
                Texts::new(
                    "Kunta (vapaaehtoinen)",
                    "Kommun (frivilligt)",
                    "Municipality (optional)",
                ),
                Texts::new(
                    "Jätä tyhjäksi, jos kunta voisi tunnistaa lapsen.",
                    "Lämna tomt om kommunen kunde identifiera barnet.",
                    "Leave empty if the municipality could identify the child.",
                ),
            ),
            item(
                "situation",
                LongText,
                true,
                Texts::new(
                    "Lapsen tai nuoren tilanne",
                    "Barnets eller den ungas situation",
                    "The child's situation",
                ),
                Texts::new(
                    "Kuvaa tilanne ilman nimiä ja tunnistetietoja.",
                    "Beskriv situationen utan namn och identifierande uppgifter.",
                    "Describe the situation without names or identifying details.",
                ),
            ),
            item(
                "family",
                LongText,
                true,
                Texts::new(
                    "Perhe ja läheisverkosto",
                    "Familjen och nätverket",
                    "Family and network",
                ),
                Texts::default(),
            ),
            item(
                "services_tried",
                LongText,
                true,
                Texts::new(
                    "Jo kokeillut palvelut ja tuki",
                    "Tjänster och stöd som redan prövats",
                    "Services and support already tried",
                ),
                Texts::default(),
            ),
            item(
                "assessments",
                LongText,
                false,
                Texts::new(
                    "Tehdyt arviot ja tutkimukset",
                    "Gjorda bedömningar och undersökningar",
                    "Assessments made",
                ),
                Texts::default(),
            ),
            urgency,
            item(
                "participants",
                LongText,
                true,
                Texts::new(
                    "Ketkä osallistuvat konsultaatioon",
                    "Vem deltar i konsultationen",
                    "Who takes part",
                ),
                Texts::new(
                    "Ammattilaiset tehtävänimikkeineen; perheenjäsenet roolin mukaan (esim. äiti).",
                    "Yrkesutbildade med titel; familjemedlemmar enligt roll (t.ex. mamma).",
                    "Professionals with their titles; family members by role (e.g. mother).",
                ),
            ),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posted(pairs: &[(&str, &str)]) -> HashMap<String, Vec<String>> {
        let mut m: HashMap<String, Vec<String>> = HashMap::new();
        for (k, v) in pairs {
            m.entry((*k).into()).or_default().push((*v).into());
        }
        m
    }

    #[test]
    fn the_default_form_is_valid_and_asks_what_the_seeds_say() {
        let f = default_form();
        f.validate().unwrap();
        for key in [
            "question",
            "age_band",
            "situation",
            "family",
            "services_tried",
            "assessments",
            "urgency",
            "participants",
        ] {
            assert!(f.item(key).is_some(), "{key}");
        }
    }

    #[test]
    fn a_draft_may_be_incomplete_a_submission_may_not() {
        let f = default_form();
        let p = posted(&[("q_question", "Miten tukea?"), ("q_age_band", "7-12")]);
        let a = f.read(&p, Check::Draft).unwrap();
        assert_eq!(a.get("age_band"), Some(&Answer::Choice("7-12".into())));
        let err = f.read(&p, Check::Submit).unwrap_err();
        assert!(err.contains(&("q_situation".into(), "field-required")));
        assert!(!err.iter().any(|(f, _)| f == "q_question"));
        assert_eq!(f.missing(&a).len(), 5);
    }

    #[test]
    fn every_kind_is_checked() {
        let mut f = default_form();
        let mut n = item(
            "children",
            ItemKind::Number,
            false,
            Texts::new("Lapsia", "", ""),
            Texts::default(),
        );
        n.min = Some(0);
        n.max = Some(20);
        f.items.push(n);
        f.items.push(item(
            "met",
            ItemKind::Date,
            false,
            Texts::new("Tavattu", "", ""),
            Texts::default(),
        ));
        f.items.push(item(
            "ok",
            ItemKind::YesNo,
            false,
            Texts::new("Lupa", "", ""),
            Texts::default(),
        ));
        let p = posted(&[
            ("q_age_band", "99"),
            ("q_children", "21"),
            ("q_met", "31.2.2026"),
            ("q_ok", "maybe"),
            ("q_municipality", &"x".repeat(501)),
        ]);
        let err = f.read(&p, Check::Draft).unwrap_err();
        for want in [
            ("q_age_band", "field-choose"),
            ("q_children", "field-number-range"),
            ("q_met", "field-date"),
            ("q_ok", "field-choose"),
            ("q_municipality", "field-too-long"),
        ] {
            assert!(
                err.contains(&(want.0.to_owned(), want.1)),
                "{want:?} in {err:?}"
            );
        }
        let ok = posted(&[("q_children", "3"), ("q_met", "1.12.2026"), ("q_ok", "yes")]);
        let a = f.read(&ok, Check::Draft).unwrap();
        assert_eq!(a["children"], Answer::Number(3));
        assert_eq!(
            f.read(&f.to_posted(&a), Check::Draft).unwrap(),
            a,
            "round trip"
        );
    }

    #[test]
    fn a_form_definition_is_checked() {
        let mut f = default_form();
        f.items[1].choices.truncate(1);
        f.items[2].key = "question".into();
        let err = f.validate().unwrap_err();
        assert!(err.iter().any(|(_, c)| *c == "form-needs-choices"));
        assert!(err.iter().any(|(_, c)| *c == "form-key-taken"));
    }

    #[test]
    fn answers_serialize_with_their_types() {
        let a = Answer::Date(jiff::civil::date(2026, 12, 2));
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            r#"{"type":"date","value":"2026-12-02"}"#
        );
    }

    proptest::proptest! {
        #[test]
        fn any_posted_values_are_answered_without_panicking(
            pairs in proptest::collection::vec(("q_[a-z_]{1,14}", "\\PC{0,30}"), 0..20)
        ) {
            let f = default_form();
            let mut m: HashMap<String, Vec<String>> = HashMap::new();
            for (k, v) in pairs {
                m.entry(k).or_default().push(v);
            }
            for check in [Check::Draft, Check::Submit] {
                if let Ok(a) = f.read(&m, check) {
                    proptest::prop_assert_eq!(f.read(&f.to_posted(&a), Check::Draft).unwrap(), a);
                }
            }
        }
    }
}
