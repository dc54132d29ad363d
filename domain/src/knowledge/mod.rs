//! Tietopankki: the knowledge bank's items (method cards, guides,
//! materials, webinar recordings, links, glossary terms, news), who may read
//! them, their review workflow and what changed between versions.
//!
//! An item's content is versioned as a whole ([`Content`]): every save is a
//! new version, readers see the last approved one, and a second person
//! approves (never the version's author).

mod content;
mod diff;
#[cfg(test)]
mod tests;
mod workflow;

pub use content::{
    AGE_BANDS, Content, KnowledgeForm, LANGS, MAX_BODY, MAX_SUMMARY, MAX_TITLE, MethodCard, Parsed,
    Texts,
};
pub use diff::{Change, FieldDiff, diff};
pub use workflow::{State, Step, WorkflowError, step};

use crate::calendar::keys::keyed_enum;
use crate::policy::Actor;
use crate::role::Role;
use jiff::civil::Date;

keyed_enum! {
    /// What an item is.
    pub enum Kind ("knowledge-kind") {
        /// Menetelmäkortti: an evidence-based method, with what the field's
        /// clearinghouses record about it.
        Method = "method",
        /// Opas: guidance for professionals.
        Guide = "guide",
        /// Materiaali: slides, leaflets, forms.
        Material = "material",
        /// Webinaaritallenne.
        Recording = "recording",
        /// Linkki: material held by a national service (TerveyskyläPro,
        /// Sähköinen perhekeskus).
        Link = "link",
        /// Käsite: one of the network's defined terms.
        Term = "term",
        /// Uutinen.
        News = "news",
    }
}

keyed_enum! {
    /// Who may read an item.
    pub enum Visibility ("knowledge-visibility") {
        /// Anyone, without logging in: families and professionals alike.
        Public = "public",
        /// Logged-in users.
        Professionals = "professionals",
        /// The OT network: experts, secretaries, coordinators, administrators.
        Network = "network",
    }
}

keyed_enum! {
    /// The California Evidence-Based Clearinghouse for Child Welfare's
    /// Scientific Rating Scale (CEBC, cebc4cw.org): the published scale a
    /// method card's evidence is rated on. Each rating's meaning is shown
    /// beside it (`knowledge-evidence-*-meaning`).
    pub enum Evidence ("evidence") {
        /// 1 – Well-Supported by Research Evidence.
        WellSupported = "cebc-1",
        /// 2 – Supported by Research Evidence.
        Supported = "cebc-2",
        /// 3 – Promising Research Evidence.
        Promising = "cebc-3",
        /// 4 – Evidence Fails to Demonstrate Effect.
        Fails = "cebc-4",
        /// 5 – Concerning Practice.
        Concerning = "cebc-5",
        /// NR – Not able to be Rated.
        NotRated = "cebc-nr",
    }
}

/// Who is reading, as far as visibility goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Audience {
    Anonymous,
    Professional,
    Network,
}

/// The roles of the OT network itself (network-internal items).
const NETWORK: [Role; 4] = [
    Role::Expert,
    Role::Secretary,
    Role::Coordinator,
    Role::Admin,
];

/// The audience an actor (or nobody) belongs to.
pub fn audience(actor: Option<&Actor>) -> Audience {
    match actor {
        None => Audience::Anonymous,
        Some(a) if NETWORK.iter().any(|r| a.has(*r)) => Audience::Network,
        Some(_) => Audience::Professional,
    }
}

impl Visibility {
    /// The least audience that may read it.
    pub fn audience(self) -> Audience {
        match self {
            Visibility::Public => Audience::Anonymous,
            Visibility::Professionals => Audience::Professional,
            Visibility::Network => Audience::Network,
        }
    }

    pub fn readable_by(self, a: Audience) -> bool {
        a >= self.audience()
    }

    /// The visibilities an audience reads (for a query's `IN (…)`).
    pub fn readable(a: Audience) -> Vec<Visibility> {
        Visibility::ALL
            .iter()
            .copied()
            .filter(|v| v.readable_by(a))
            .collect()
    }
}

/// Tarkistettava: past its review-by date, so its owner must check it is
/// still right (the item stays readable, marked).
pub fn to_be_checked(review_by: Option<Date>, today: Date) -> bool {
    review_by.is_some_and(|d| d < today)
}
