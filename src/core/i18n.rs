//! Kielet: Finnish first, Swedish and English, from Fluent resources.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::str::FromStr;

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fi,
    Sv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The language's own name, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fi => "suomi",
            Lang::Sv => "svenska",
            Lang::En => "English",
        }
    }

    /// Picks the best match from an `Accept-Language` header.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(f32, Lang)> = None;
        for part in header.split(',') {
            let mut it = part.trim().split(';');
            let tag = it.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = it
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("");
            if let Ok(lang) = primary.parse::<Lang>()
                && best.is_none_or(|(bq, _)| q > bq)
            {
                best = Some((q, lang));
            }
        }
        best.map(|(_, l)| l)
    }
}

impl FromStr for Lang {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "fi" => Ok(Lang::Fi),
            "sv" => Ok(Lang::Sv),
            "en" => Ok(Lang::En),
            _ => Err(()),
        }
    }
}

/// Each language's messages: `locales/<lang>/*.ftl` joined by build.rs.
const SOURCES: [(Lang, &str); 3] = [
    (Lang::Fi, include_str!(concat!(env!("OUT_DIR"), "/fi.ftl"))),
    (Lang::Sv, include_str!(concat!(env!("OUT_DIR"), "/sv.ftl"))),
    (Lang::En, include_str!(concat!(env!("OUT_DIR"), "/en.ftl"))),
];

/// The translation bundles, built once at start.
pub struct I18n {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("I18n")
    }
}

impl I18n {
    pub fn load() -> I18n {
        let bundles = SOURCES
            .iter()
            .map(|(lang, src)| {
                let res = FluentResource::try_new((*src).to_owned())
                    .unwrap_or_else(|(_, e)| panic!("{}.ftl does not parse: {e:?}", lang.code()));
                let id = lang.code().parse().expect("valid language id");
                let mut b = FluentBundle::new_concurrent(vec![id]);
                b.set_use_isolating(false);
                b.add_resource(res).expect("no duplicate message ids");
                (*lang, b)
            })
            .collect();
        I18n { bundles }
    }

    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        &self
            .bundles
            .iter()
            .find(|(l, _)| *l == lang)
            .expect("all languages loaded")
            .1
    }

    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.bundle(lang).has_message(key)
    }

    /// The message `key` in `lang`; a missing key shows itself (and tests fail).
    pub fn t(&self, lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let bundle = self.bundle(lang);
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            tracing::warn!(key, lang = lang.code(), "missing translation");
            return key.to_owned();
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, v.clone());
        }
        let mut errors = vec![];
        bundle
            .format_pattern(pattern, (!args.is_empty()).then_some(&fargs), &mut errors)
            .into_owned()
    }

    /// Message ids defined in one language's resource.
    pub fn keys(lang: Lang) -> Vec<String> {
        let src = SOURCES.iter().find(|(l, _)| *l == lang).expect("source").1;
        let res = FluentResource::try_new(src.to_owned()).expect("parses");
        res.entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }
}

/// Finnish date format: 13.10.2022 (no leading zeros).
pub fn format_date(d: jiff::civil::Date) -> String {
    format!("{}.{}.{}", d.day(), d.month(), d.year())
}

/// Finnish date and time: 13.10.2022 klo 13.00 (Swedish and English use the
/// same numbers; only the word differs).
pub fn format_datetime(lang: Lang, dt: jiff::civil::DateTime) -> String {
    let word = match lang {
        Lang::Fi => "klo",
        Lang::Sv => "kl.",
        Lang::En => "at",
    };
    format!(
        "{} {word} {}.{:02}",
        format_date(dt.date()),
        dt.hour(),
        dt.minute()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_language_has_the_same_messages() {
        let fi: BTreeSet<_> = I18n::keys(Lang::Fi).into_iter().collect();
        for lang in [Lang::Sv, Lang::En] {
            let other: BTreeSet<_> = I18n::keys(lang).into_iter().collect();
            let missing: Vec<_> = fi.difference(&other).collect();
            let extra: Vec<_> = other.difference(&fi).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
            assert!(extra.is_empty(), "{} has extra {extra:?}", lang.code());
        }
    }

    #[test]
    fn messages_format_without_isolation_marks() {
        let i = I18n::load();
        let s = i.t(Lang::Fi, "login-throttled", &[("minutes", 5.into())]);
        assert!(s.contains('5') && !s.contains('\u{2068}'), "{s}");
    }

    #[test]
    fn finnish_dates() {
        let d = jiff::civil::date(2022, 10, 13);
        assert_eq!(format_date(d), "13.10.2022");
        assert_eq!(
            format_datetime(Lang::Fi, d.at(9, 5, 0, 0)),
            "13.10.2022 klo 9.05"
        );
    }

    #[test]
    fn accept_language() {
        assert_eq!(
            Lang::from_accept_language("sv-FI,sv;q=0.9,en;q=0.8"),
            Some(Lang::Sv)
        );
        assert_eq!(Lang::from_accept_language("de, en;q=0.5"), Some(Lang::En));
        assert_eq!(Lang::from_accept_language("de"), None);
    }
}
