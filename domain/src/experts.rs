//! Asiantuntijaverkosto: expert profiles, their checks, and the spreadsheet
//! rows coordinators import and export.
//!
//! A profile arrives as strings ([`ExpertForm`], from a form or a row) and
//! becomes a checked [`ExpertDetails`] or a list of `(field, message key)`
//! problems, every problem at once.

pub mod import;
pub mod invented;

use crate::calendar::keys::keyed_enum;
use crate::groups::{Problems, parse_date};
use crate::region::{self, Sector};
use jiff::civil::Date;

keyed_enum! {
    /// A language an expert consults in.
    pub enum Language ("language") {
        Finnish = "fi",
        Swedish = "sv",
        English = "en",
        /// saame (pohjoissaame)
        Sami = "se",
        /// suomalainen viittomakieli
        FinnishSignLanguage = "fse",
        Russian = "ru",
        Estonian = "et",
        Ukrainian = "uk",
        Arabic = "ar",
        Somali = "so",
    }
}

/// Longest name, title or organisation accepted.
pub const MAX_LINE: usize = 200;
/// Longest description of competence accepted.
pub const MAX_TEXT: usize = 4000;

/// A profile as typed (every value a string; lists as lists).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct ExpertForm {
    pub name: String,
    /// Ammattinimike / profession, e.g. "lastenpsykiatri".
    pub title: String,
    pub organisation: String,
    pub email: String,
    pub phone: String,
    /// How to reach them, e.g. "Teams tiistaisin".
    pub contact_note: String,
    /// The cooperation area the profile belongs to (its coordinators edit it).
    pub area: String,
    /// Areas the expert serves; empty means their own area.
    pub regions: Vec<String>,
    pub sectors: Vec<String>,
    /// Phenomenon codes.
    pub phenomena: Vec<String>,
    pub languages: Vec<String>,
    /// "1" when remote consultation is possible.
    pub remote: String,
    /// Paused until this date (not offered for new consultations before it).
    pub paused_until: String,
    pub pause_note: String,
    /// Osaaminen: what they know, in their own words.
    pub description_fi: String,
    pub description_sv: String,
    pub description_en: String,
    /// "1": shown in the public directory.
    pub listed_publicly: String,
    /// "1": the public directory shows the contact details too.
    pub publish_contact: String,
}

/// A checked profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpertDetails {
    pub name: String,
    pub title: String,
    pub organisation: String,
    /// Lower case; the key of imports.
    pub email: String,
    pub phone: String,
    pub contact_note: String,
    pub area: String,
    pub regions: Vec<String>,
    pub sectors: Vec<Sector>,
    pub phenomena: Vec<String>,
    pub languages: Vec<Language>,
    pub remote: bool,
    pub paused_until: Option<Date>,
    pub pause_note: String,
    pub description_fi: String,
    pub description_sv: String,
    pub description_en: String,
    pub listed_publicly: bool,
    pub publish_contact: bool,
}

impl ExpertDetails {
    /// Whether the expert takes new consultations on `today`.
    pub fn available_on(&self, today: Date) -> bool {
        self.paused_until.is_none_or(|until| until < today)
    }

    pub fn to_form(&self) -> ExpertForm {
        let flag = |b: bool| if b { "1" } else { "" }.to_owned();
        ExpertForm {
            name: self.name.clone(),
            title: self.title.clone(),
            organisation: self.organisation.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            contact_note: self.contact_note.clone(),
            area: self.area.clone(),
            regions: self.regions.clone(),
            sectors: self.sectors.iter().map(|s| s.as_str().to_owned()).collect(),
            phenomena: self.phenomena.clone(),
            languages: self.languages.iter().map(|l| l.key().to_owned()).collect(),
            remote: flag(self.remote),
            paused_until: self.paused_until.map(|d| d.to_string()).unwrap_or_default(),
            pause_note: self.pause_note.clone(),
            description_fi: self.description_fi.clone(),
            description_sv: self.description_sv.clone(),
            description_en: self.description_en.clone(),
            listed_publicly: flag(self.listed_publicly),
            publish_contact: flag(self.publish_contact),
        }
    }

    /// The description in `lang`, falling back to Finnish.
    pub fn description(&self, lang: &str) -> &str {
        let d = match lang {
            "sv" => &self.description_sv,
            "en" => &self.description_en,
            _ => &self.description_fi,
        };
        if d.is_empty() {
            &self.description_fi
        } else {
            d
        }
    }
}

/// A plausible e-mail address: one `@`, a dotted domain, no spaces.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    s.len() <= 254
        && !local.is_empty()
        && local.len() <= 64
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !domain.contains('@')
        && s.chars().all(|c| {
            c.is_ascii_graphic()
                && !matches!(
                    c,
                    '<' | '>' | '"' | ',' | ';' | '(' | ')' | '[' | ']' | '\\'
                )
        })
}

/// A phone number: digits with spaces, `+`, `-`, parentheses; 5–20 digits.
pub fn is_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    s.len() <= 30
        && (5..=20).contains(&digits)
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'))
}

fn flag(s: &str) -> bool {
    matches!(s.trim(), "1" | "on" | "true")
}

impl ExpertForm {
    /// Checks every field; `known_phenomena` are the taxonomy's codes.
    pub fn parse(&self, known_phenomena: &[&str]) -> Result<ExpertDetails, Problems> {
        let mut p: Problems = Vec::new();
        let line = |v: &str, field: &'static str, required: bool, p: &mut Problems| {
            let v = v.trim();
            if required && v.is_empty() {
                p.push((field, "field-required"));
            } else if v.chars().count() > MAX_LINE {
                p.push((field, "field-too-long"));
            } else if v.chars().any(char::is_control) {
                p.push((field, "field-control-chars"));
            }
            v.to_owned()
        };
        let name = line(&self.name, "name", true, &mut p);
        let title = line(&self.title, "title", true, &mut p);
        let organisation = line(&self.organisation, "organisation", false, &mut p);
        let contact_note = line(&self.contact_note, "contact_note", false, &mut p);
        let pause_note = line(&self.pause_note, "pause_note", false, &mut p);
        let email = self.email.trim().to_lowercase();
        if email.is_empty() {
            p.push(("email", "field-required"));
        } else if !is_email(&email) {
            p.push(("email", "field-email-invalid"));
        }
        let phone = self.phone.trim().to_owned();
        if !phone.is_empty() && !is_phone(&phone) {
            p.push(("phone", "field-phone-invalid"));
        }
        let area = self.area.trim().to_owned();
        if region::area(&area).is_none() {
            p.push(("area", "field-choose"));
        }
        let mut regions: Vec<String> = Vec::new();
        for r in &self.regions {
            let r = r.trim();
            if region::area(r).is_none() {
                p.push(("regions", "field-choose"));
            } else if !regions.iter().any(|x| x == r) {
                regions.push(r.to_owned());
            }
        }
        if regions.is_empty() && region::area(&area).is_some() {
            regions.push(area.clone());
        }
        let mut sectors = Vec::new();
        for s in &self.sectors {
            match s.parse::<Sector>() {
                Ok(s) if !sectors.contains(&s) => sectors.push(s),
                Ok(_) => {}
                Err(_) => p.push(("sectors", "field-choose")),
            }
        }
        if sectors.is_empty() && self.sectors.is_empty() {
            p.push(("sectors", "field-choose-one"));
        }
        let mut phenomena: Vec<String> = Vec::new();
        for code in &self.phenomena {
            if !known_phenomena.contains(&code.as_str()) {
                p.push(("phenomena", "field-choose"));
            } else if !phenomena.contains(code) {
                phenomena.push(code.clone());
            }
        }
        // Phenomena are optional: many profiles (and most imported lists)
        // start without them and get them later; an unknown one is refused.
        let mut languages = Vec::new();
        for l in &self.languages {
            match l.trim().parse::<Language>() {
                Ok(l) if !languages.contains(&l) => languages.push(l),
                Ok(_) => {}
                Err(_) => p.push(("languages", "field-choose")),
            }
        }
        if self.languages.is_empty() {
            p.push(("languages", "field-choose-one"));
        }
        let paused_until = match self.paused_until.trim() {
            "" => None,
            s => match parse_date(s) {
                Some(d) => Some(d),
                None => {
                    p.push(("paused_until", "field-date"));
                    None
                }
            },
        };
        let text = |v: &str, field: &'static str, p: &mut Problems| {
            let v = v.trim();
            if v.chars().count() > MAX_TEXT {
                p.push((field, "field-too-long"));
            }
            v.to_owned()
        };
        let description_fi = text(&self.description_fi, "description_fi", &mut p);
        let description_sv = text(&self.description_sv, "description_sv", &mut p);
        let description_en = text(&self.description_en, "description_en", &mut p);
        p.dedup();
        if !p.is_empty() {
            return Err(p);
        }
        Ok(ExpertDetails {
            name,
            title,
            organisation,
            email,
            phone,
            contact_note,
            area,
            regions,
            sectors,
            phenomena,
            languages,
            remote: flag(&self.remote),
            paused_until,
            pause_note,
            description_fi,
            description_sv,
            description_en,
            listed_publicly: flag(&self.listed_publicly),
            publish_contact: flag(&self.publish_contact),
        })
    }
}

#[cfg(test)]
mod tests;
