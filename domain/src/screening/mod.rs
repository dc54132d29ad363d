//! OT-seula ja palveluohjaus: recognising the most demanding (OT-level)
//! needs with a multi-actor team, and routing them with reasons.
//!
//! The instrument is data (`instrument`): items grouped in sections, each
//! answer option with a weight and the phenomena it points to, and decision
//! rules (thresholds, must-have answers). A screening keeps the version it
//! was filled with, so editing the instrument never changes an old result.
//! `evaluate` merges the team's answers and explains the outcome;
//! `guidance` ranks channels and experts for it. The result is a
//! recommendation to consult, never a decision about a child.

pub mod evaluate;
pub mod guidance;
pub mod instrument;

#[cfg(test)]
mod tests;

use crate::calendar::keys::keyed_enum;

keyed_enum! {
    /// Palvelutaso: the three levels of need the seeds use, one vocabulary
    /// for screening results, requests, channels and experts.
    pub enum Level ("level") {
        /// Perustaso: basic services.
        Basic = "perustaso",
        /// Erityistaso: specialised services.
        Special = "erityistaso",
        /// OT-taso: the most demanding level, the OT centre's.
        Ot = "ot-taso",
    }
}

impl Level {
    /// Levels from a stored comma list; unknown keys are skipped.
    pub fn parse_list(s: &str) -> Vec<Level> {
        let mut v: Vec<Level> = s.split(',').filter_map(|k| k.trim().parse().ok()).collect();
        v.sort();
        v.dedup();
        v
    }

    /// A comma list for storage.
    pub fn join(levels: &[Level]) -> String {
        levels.iter().map(|l| l.key()).collect::<Vec<_>>().join(",")
    }
}

/// Longest free-text comment one participant adds to a screening.
pub const MAX_COMMENT: usize = 2000;

/// Why a screening's free text is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentProblem {
    TooLong,
    /// Something shaped like a personal identity code: a screening never
    /// identifies the child.
    IdentityCode,
    Controls,
}

impl CommentProblem {
    pub fn key(self) -> &'static str {
        match self {
            CommentProblem::TooLong => "field-too-long",
            CommentProblem::IdentityCode => "screening-no-identity-code",
            CommentProblem::Controls => "screening-text-invalid",
        }
    }
}

/// Checks a participant's comment: short, clean, and no identity code.
pub fn check_comment(s: &str) -> Result<(), CommentProblem> {
    if s.chars().count() > MAX_COMMENT {
        Err(CommentProblem::TooLong)
    } else if !crate::text::is_clean(s) {
        Err(CommentProblem::Controls)
    } else if crate::hetu::appears_in(s) {
        Err(CommentProblem::IdentityCode)
    } else {
        Ok(())
    }
}
