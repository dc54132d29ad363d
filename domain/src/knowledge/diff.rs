//! What changed between two versions, field by field, word by word.

use super::Content;
use similar::{ChangeTag, TextDiff};

/// One run of a field's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Same(String),
    Added(String),
    Removed(String),
}

/// A field that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDiff {
    /// The field's key (`title_fi`, `body_sv`, `evidence`…).
    pub field: String,
    pub changes: Vec<Change>,
}

/// The fields that differ from `old` to `new`, in the form's order.
pub fn diff(old: &Content, new: &Content) -> Vec<FieldDiff> {
    old.fields()
        .into_iter()
        .zip(new.fields())
        .filter(|((_, a), (_, b))| a != b)
        .map(|((field, a), (_, b))| {
            let d = TextDiff::from_words(&a, &b);
            let mut changes: Vec<Change> = Vec::new();
            for c in d.iter_all_changes() {
                let v = c.value().to_owned();
                // Runs of one kind join, so the page shows phrases.
                match (c.tag(), changes.last_mut()) {
                    (ChangeTag::Equal, Some(Change::Same(s)))
                    | (ChangeTag::Insert, Some(Change::Added(s)))
                    | (ChangeTag::Delete, Some(Change::Removed(s))) => s.push_str(&v),
                    (ChangeTag::Equal, _) => changes.push(Change::Same(v)),
                    (ChangeTag::Insert, _) => changes.push(Change::Added(v)),
                    (ChangeTag::Delete, _) => changes.push(Change::Removed(v)),
                }
            }
            FieldDiff { field, changes }
        })
        .collect()
}
