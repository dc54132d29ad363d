//! The review workflow: luonnos → tarkastettavana → julkaistu → arkistoitu.

use crate::calendar::keys::keyed_enum;

keyed_enum! {
    /// Where an item's newest version stands.
    pub enum State ("knowledge-state") {
        /// Luonnos: being written; readers see the last published version, if any.
        Draft = "draft",
        /// Tarkastettavana: waiting for a second person's approval.
        Review = "review",
        /// Julkaistu: the newest version is what readers see.
        Published = "published",
        /// Arkistoitu: no longer shown to readers.
        Archived = "archived",
    }
}

keyed_enum! {
    /// A step of the workflow.
    pub enum Step ("knowledge-step") {
        /// Lähetä tarkastettavaksi.
        Submit = "submit",
        /// Hyväksy ja julkaise.
        Approve = "approve",
        /// Palauta luonnokseksi (with a comment).
        Return = "return",
        Archive = "archive",
        /// Palauta arkistosta luonnokseksi.
        Restore = "restore",
    }
}

/// Why a step cannot be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WorkflowError {
    /// Not from this state (e.g. approving a draft nobody submitted).
    #[error("knowledge-step-not-now")]
    NotNow,
    /// The version's author approving their own text.
    #[error("knowledge-self-review")]
    SelfReview,
    /// Returning without saying why.
    #[error("knowledge-comment-required")]
    CommentRequired,
}

impl WorkflowError {
    /// The message key.
    pub fn key(self) -> &'static str {
        match self {
            WorkflowError::NotNow => "knowledge-step-not-now",
            WorkflowError::SelfReview => "knowledge-self-review",
            WorkflowError::CommentRequired => "knowledge-comment-required",
        }
    }
}

/// The state after `step`: `is_author` says whether the actor wrote the
/// version under review, `comment` what they said.
pub fn step(
    from: State,
    step: Step,
    is_author: bool,
    comment: &str,
) -> Result<State, WorkflowError> {
    use State::*;
    match (from, step) {
        (Draft, Step::Submit) => Ok(Review),
        (Review, Step::Approve) if is_author => Err(WorkflowError::SelfReview),
        (Review, Step::Approve) => Ok(Published),
        (Review, Step::Return) if comment.trim().is_empty() => Err(WorkflowError::CommentRequired),
        (Review, Step::Return) => Ok(Draft),
        (Draft | Review | Published, Step::Archive) => Ok(Archived),
        (Archived, Step::Restore) => Ok(Draft),
        _ => Err(WorkflowError::NotNow),
    }
}

impl State {
    /// Whether a new version may be saved: not while archived.
    pub fn editable(self) -> bool {
        self != State::Archived
    }
}
