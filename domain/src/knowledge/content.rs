//! An item's content as one versioned whole, and the form it is typed in.

use super::{Evidence, Kind, Visibility};
use crate::groups::{Problems, parse_date};
use crate::region::Sector;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The languages an item has versions in.
pub const LANGS: [&str; 3] = ["fi", "sv", "en"];
/// The age bands of the pre-information form (`questionnaire::default_form`).
pub const AGE_BANDS: [&str; 6] = ["0-2", "3-6", "7-12", "13-15", "16-17", "18-25"];
pub const MAX_TITLE: usize = 200;
pub const MAX_SUMMARY: usize = 1_000;
pub const MAX_BODY: usize = 50_000;
/// Longest line of a method card or an organisation.
const MAX_LINE: usize = 500;

/// One language version's texts. The body is Markdown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Texts {
    pub title: String,
    pub summary: String,
    pub body: String,
}

/// What the field's clearinghouses record about a method.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MethodCard {
    /// Kohderyhmä, in words ("7–12-vuotiaat ahdistuneet lapset ja vanhemmat").
    pub target_group: String,
    /// Tavoite.
    pub aim: String,
    pub evidence: Evidence,
    /// Koulutus: what training a practitioner needs.
    pub training: String,
    /// Lisenssi: whether a licence or certification is needed.
    pub licence: String,
    /// Saatavuus: where the method is available in Finland.
    pub availability: String,
}

/// An item's content: everything a version holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Content {
    /// Language versions by code (fi, sv, en); at least one with a title.
    pub texts: BTreeMap<String, Texts>,
    /// Phenomenon codes of the shared taxonomy.
    pub phenomena: Vec<String>,
    pub age_bands: Vec<String>,
    pub sectors: Vec<Sector>,
    /// Ammattiryhmät, in words ("sosiaalityöntekijät", "opettajat").
    pub professions: Vec<String>,
    /// Vastuuorganisaatio.
    pub organisation: String,
    /// The expert to contact about it (an expert profile's id).
    pub contact_expert: Option<i64>,
    /// Where it is held: a recording, a national service's page.
    pub url: String,
    pub method: Option<MethodCard>,
}

impl Content {
    /// The texts in `lang`, else Finnish, else the first there is.
    pub fn texts_in(&self, lang: &str) -> &Texts {
        static EMPTY: Texts = Texts {
            title: String::new(),
            summary: String::new(),
            body: String::new(),
        };
        self.texts
            .get(lang)
            .filter(|t| !t.title.is_empty())
            .or_else(|| self.texts.get("fi").filter(|t| !t.title.is_empty()))
            .or_else(|| self.texts.values().find(|t| !t.title.is_empty()))
            .unwrap_or(&EMPTY)
    }

    /// The languages it has a version in.
    pub fn languages(&self) -> Vec<&str> {
        LANGS
            .into_iter()
            .filter(|l| self.texts.get(*l).is_some_and(|t| !t.title.is_empty()))
            .collect()
    }

    /// The fields as `(key, text)`, in a fixed order (for diffs).
    pub fn fields(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for l in LANGS {
            let t = self.texts.get(l).cloned().unwrap_or_default();
            out.push((format!("title_{l}"), t.title));
            out.push((format!("summary_{l}"), t.summary));
            out.push((format!("body_{l}"), t.body));
        }
        out.push(("phenomena".into(), self.phenomena.join(", ")));
        out.push(("age_bands".into(), self.age_bands.join(", ")));
        let sectors: Vec<&str> = self.sectors.iter().map(|s| s.as_str()).collect();
        out.push(("sectors".into(), sectors.join(", ")));
        out.push(("professions".into(), self.professions.join(", ")));
        out.push(("organisation".into(), self.organisation.clone()));
        out.push((
            "contact_expert".into(),
            self.contact_expert
                .map(|i| i.to_string())
                .unwrap_or_default(),
        ));
        out.push(("url".into(), self.url.clone()));
        let m = self.method.as_ref();
        let f = |g: fn(&MethodCard) -> String| m.map(g).unwrap_or_default();
        out.push(("target_group".into(), f(|m| m.target_group.clone())));
        out.push(("aim".into(), f(|m| m.aim.clone())));
        out.push(("evidence".into(), f(|m| m.evidence.key().to_owned())));
        out.push(("training".into(), f(|m| m.training.clone())));
        out.push(("licence".into(), f(|m| m.licence.clone())));
        out.push(("availability".into(), f(|m| m.availability.clone())));
        out
    }
}

/// An item as typed in the editor (every value a string; lists as lists).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct KnowledgeForm {
    pub kind: String,
    pub visibility: String,
    pub title_fi: String,
    pub summary_fi: String,
    pub body_fi: String,
    pub title_sv: String,
    pub summary_sv: String,
    pub body_sv: String,
    pub title_en: String,
    pub summary_en: String,
    pub body_en: String,
    pub phenomena: Vec<String>,
    pub age_bands: Vec<String>,
    pub sectors: Vec<String>,
    /// Comma-separated.
    pub professions: String,
    pub organisation: String,
    pub contact_expert: String,
    pub url: String,
    pub target_group: String,
    pub aim: String,
    pub evidence: String,
    pub training: String,
    pub licence: String,
    pub availability: String,
    /// Tarkistettava viimeistään: the review-by date.
    pub review_by: String,
    /// What this version changed, in the editor's words (the history's note).
    pub note: String,
    /// The version the editor was loaded at (a stale save is refused).
    pub expected: String,
}

/// A checked form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub kind: Kind,
    pub visibility: Visibility,
    pub content: Content,
    pub review_by: Option<Date>,
}

fn check_line(
    v: &str,
    field: &'static str,
    max: usize,
    required: bool,
    p: &mut Problems,
) -> String {
    let v = v.trim();
    if required && v.is_empty() {
        p.push((field, "field-required"));
    } else if v.chars().count() > max {
        p.push((field, "field-too-long"));
    } else if v
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        p.push((field, "field-control-chars"));
    } else if crate::hetu::appears_in(v) {
        // The knowledge bank never holds client data.
        p.push((field, "knowledge-identity-code"));
    }
    v.replace("\r\n", "\n")
}

/// Whether a link may be stored: http(s) only, never `javascript:`.
pub fn is_web_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && s.len() > "https://".len()
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

impl KnowledgeForm {
    /// Checks every field at once; `known_phenomena` are the taxonomy's
    /// codes, `today` says whether the review-by date is past.
    pub fn parse(&self, known_phenomena: &[&str], today: Date) -> Result<Parsed, Problems> {
        let mut p: Problems = Vec::new();
        let kind = self.kind.parse::<Kind>().ok();
        if kind.is_none() {
            p.push(("kind", "field-choose"));
        }
        let visibility = self.visibility.parse::<Visibility>().ok();
        if visibility.is_none() {
            p.push(("visibility", "field-choose"));
        }
        let mut texts = BTreeMap::new();
        let langs: [(&str, [&String; 3], [&'static str; 3]); 3] = [
            (
                "fi",
                [&self.title_fi, &self.summary_fi, &self.body_fi],
                ["title_fi", "summary_fi", "body_fi"],
            ),
            (
                "sv",
                [&self.title_sv, &self.summary_sv, &self.body_sv],
                ["title_sv", "summary_sv", "body_sv"],
            ),
            (
                "en",
                [&self.title_en, &self.summary_en, &self.body_en],
                ["title_en", "summary_en", "body_en"],
            ),
        ];
        for (lang, [t, s, b], [tf, sf, bf]) in langs {
            let title = check_line(t, tf, MAX_TITLE, false, &mut p);
            let summary = check_line(s, sf, MAX_SUMMARY, false, &mut p);
            let body = check_line(b, bf, MAX_BODY, false, &mut p);
            if title.is_empty() && (!summary.is_empty() || !body.is_empty()) {
                // A language version without a title would be unlisted.
                p.push((tf, "knowledge-title-missing"));
            }
            if title.contains('\n') {
                p.push((tf, "field-control-chars"));
            }
            if !title.is_empty() {
                texts.insert(
                    lang.to_owned(),
                    Texts {
                        title,
                        summary,
                        body,
                    },
                );
            }
        }
        if texts.is_empty() && !p.iter().any(|(f, _)| f.starts_with("title_")) {
            p.push(("title_fi", "knowledge-no-language"));
        }
        let mut phenomena: Vec<String> = Vec::new();
        for code in &self.phenomena {
            if !known_phenomena.contains(&code.as_str()) {
                p.push(("phenomena", "field-choose"));
            } else if !phenomena.contains(code) {
                phenomena.push(code.clone());
            }
        }
        let mut age_bands: Vec<String> = Vec::new();
        for a in &self.age_bands {
            if !AGE_BANDS.contains(&a.as_str()) {
                p.push(("age_bands", "field-choose"));
            } else if !age_bands.contains(a) {
                age_bands.push(a.clone());
            }
        }
        age_bands.sort_by_key(|a| AGE_BANDS.iter().position(|b| b == a));
        let mut sectors = Vec::new();
        for s in &self.sectors {
            match s.parse::<Sector>() {
                Ok(s) if !sectors.contains(&s) => sectors.push(s),
                Ok(_) => {}
                Err(_) => p.push(("sectors", "field-choose")),
            }
        }
        sectors.sort();
        let professions_line =
            check_line(&self.professions, "professions", MAX_LINE, false, &mut p);
        let mut professions: Vec<String> = Vec::new();
        for x in professions_line
            .split(',')
            .map(str::trim)
            .filter(|x| !x.is_empty())
        {
            if !professions.iter().any(|y| y == x) {
                professions.push(x.to_owned());
            }
        }
        let organisation = check_line(&self.organisation, "organisation", MAX_LINE, false, &mut p);
        let contact_expert = match self.contact_expert.trim() {
            "" => None,
            s => match s.parse::<i64>() {
                Ok(i) if i > 0 => Some(i),
                _ => {
                    p.push(("contact_expert", "field-choose"));
                    None
                }
            },
        };
        let url = self.url.trim().to_owned();
        let needs_url = matches!(kind, Some(Kind::Link | Kind::Recording));
        if url.is_empty() && needs_url {
            p.push(("url", "field-required"));
        } else if !url.is_empty() && !is_web_url(&url) {
            p.push(("url", "knowledge-url-invalid"));
        } else if url.len() > 2_000 {
            p.push(("url", "field-too-long"));
        }
        let method = if kind == Some(Kind::Method) {
            let target_group =
                check_line(&self.target_group, "target_group", MAX_LINE, true, &mut p);
            let aim = check_line(&self.aim, "aim", MAX_LINE, true, &mut p);
            let training = check_line(&self.training, "training", MAX_LINE, false, &mut p);
            let licence = check_line(&self.licence, "licence", MAX_LINE, false, &mut p);
            let availability =
                check_line(&self.availability, "availability", MAX_LINE, false, &mut p);
            match self.evidence.parse::<Evidence>() {
                Ok(evidence) => Some(MethodCard {
                    target_group,
                    aim,
                    evidence,
                    training,
                    licence,
                    availability,
                }),
                Err(_) => {
                    // "Not rated" is a rating of its own: chosen, never assumed.
                    p.push(("evidence", "field-choose"));
                    None
                }
            }
        } else {
            None
        };
        let review_by = match self.review_by.trim() {
            "" => None,
            s => match parse_date(s) {
                Some(d) if d < today => {
                    p.push(("review_by", "knowledge-review-by-past"));
                    None
                }
                Some(d) => Some(d),
                None => {
                    p.push(("review_by", "field-date"));
                    None
                }
            },
        };
        if !p.is_empty() {
            return Err(p);
        }
        Ok(Parsed {
            kind: kind.expect("checked"),
            visibility: visibility.expect("checked"),
            content: Content {
                texts,
                phenomena,
                age_bands,
                sectors,
                professions,
                organisation,
                contact_expert,
                url,
                method,
            },
            review_by,
        })
    }

    /// The form showing a stored version.
    pub fn from_content(
        kind: Kind,
        visibility: Visibility,
        c: &Content,
        review_by: Option<Date>,
    ) -> KnowledgeForm {
        let t = |l: &str| c.texts.get(l).cloned().unwrap_or_default();
        let (fi, sv, en) = (t("fi"), t("sv"), t("en"));
        let m = c.method.as_ref();
        KnowledgeForm {
            kind: kind.key().into(),
            visibility: visibility.key().into(),
            title_fi: fi.title,
            summary_fi: fi.summary,
            body_fi: fi.body,
            title_sv: sv.title,
            summary_sv: sv.summary,
            body_sv: sv.body,
            title_en: en.title,
            summary_en: en.summary,
            body_en: en.body,
            phenomena: c.phenomena.clone(),
            age_bands: c.age_bands.clone(),
            sectors: c.sectors.iter().map(|s| s.as_str().to_owned()).collect(),
            professions: c.professions.join(", "),
            organisation: c.organisation.clone(),
            contact_expert: c.contact_expert.map(|i| i.to_string()).unwrap_or_default(),
            url: c.url.clone(),
            target_group: m.map(|m| m.target_group.clone()).unwrap_or_default(),
            aim: m.map(|m| m.aim.clone()).unwrap_or_default(),
            evidence: m.map(|m| m.evidence.key().to_owned()).unwrap_or_default(),
            training: m.map(|m| m.training.clone()).unwrap_or_default(),
            licence: m.map(|m| m.licence.clone()).unwrap_or_default(),
            availability: m.map(|m| m.availability.clone()).unwrap_or_default(),
            review_by: review_by.map(|d| d.to_string()).unwrap_or_default(),
            note: String::new(),
            expected: String::new(),
        }
    }
}
