//! Roolit: the roles of DESIGN.md and how they are granted.

use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

/// A role an account holds. An account may hold several (an expert who also
/// acts as a group's secretary).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Ammattilainen: asks for consultations.
    Requester,
    /// Asiantuntija: member of the expert network or of a group.
    Expert,
    /// Sihteeri: runs a consultation group.
    Secretary,
    /// OT-koordinaattori: runs the network of one cooperation area.
    Coordinator,
    /// Tutkija: aggregated statistics only.
    Researcher,
    /// Reads the access log and nothing else.
    Auditor,
    /// Pääkäyttäjä: accounts and settings.
    Admin,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Requester,
        Role::Expert,
        Role::Secretary,
        Role::Coordinator,
        Role::Researcher,
        Role::Auditor,
        Role::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Requester => "requester",
            Role::Expert => "expert",
            Role::Secretary => "secretary",
            Role::Coordinator => "coordinator",
            Role::Researcher => "researcher",
            Role::Auditor => "auditor",
            Role::Admin => "admin",
        }
    }

    /// Whether a grant of this role must name a cooperation area.
    pub fn needs_area(self) -> bool {
        matches!(self, Role::Coordinator)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown role {0:?}; expected one of requester, expert, secretary, coordinator, researcher, auditor, admin"
)]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or_else(|| UnknownRole(s.to_owned()))
    }
}

/// One role held by an account, scoped where the role needs it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    pub role: Role,
    /// Cooperation area code (e.g. "ita-suomi") for a coordinator.
    pub area: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_round_trip() {
        for r in Role::ALL {
            assert_eq!(r.as_str().parse::<Role>().unwrap(), r);
        }
        assert!("root".parse::<Role>().is_err());
    }
}
