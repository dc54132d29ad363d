//! Typed identifiers: a `GroupId` can never be passed where a `UserId` is meant.

/// Declares an `i64`-backed id newtype with the traits every id needs.
#[macro_export]
macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse::<i64>().map($name)
            }
        }
    };
}

id_type!(
    /// Käyttäjä: an account.
    UserId
);
id_type!(
    /// Organisaatio.
    OrganisationId
);
id_type!(
    /// Konsultaatioryhmä: a consultation group (channel).
    GroupId
);
id_type!(
    /// Kokous: one meeting of a group.
    MeetingId
);
id_type!(
    /// Konsultaatiopyyntö: a consultation request (a case).
    RequestId
);
id_type!(
    /// Asiantuntija: an expert profile.
    ExpertId
);
id_type!(
    /// Ilmiö: a phenomenon / competence in the shared taxonomy.
    PhenomenonId
);
