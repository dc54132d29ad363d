//! Rows of the log as the database gives them: borrowed bytes, so a walk
//! over millions of entries checks them without building an entry each.

use super::AuditEvent;

/// One stored row, borrowed. Text fields are the stored bytes (the hash is
/// over bytes, so nothing needs to be valid UTF-8 to be checked).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowRef<'a> {
    pub seq: i64,
    pub at: &'a [u8],
    pub actor_id: Option<i64>,
    pub actor_name: &'a [u8],
    pub role: &'a [u8],
    pub action: &'a [u8],
    pub object_type: &'a [u8],
    pub object_id: &'a [u8],
    pub outcome: &'a [u8],
    pub client_addr: &'a [u8],
    pub purpose: &'a [u8],
    pub prev_hash: &'a [u8],
    pub hash: &'a [u8],
}

impl<'a> RowRef<'a> {
    pub fn of(seq: i64, e: &'a AuditEvent, prev_hash: &'a str, hash: &'a str) -> Self {
        RowRef {
            seq,
            at: e.at.as_bytes(),
            actor_id: e.actor_id,
            actor_name: e.actor_name.as_bytes(),
            role: e.role.as_bytes(),
            action: e.action.as_bytes(),
            object_type: e.object_type.as_bytes(),
            object_id: e.object_id.as_bytes(),
            outcome: e.outcome.as_str().as_bytes(),
            client_addr: e.client_addr.as_bytes(),
            purpose: e.purpose.as_bytes(),
            prev_hash: prev_hash.as_bytes(),
            hash: hash.as_bytes(),
        }
    }
}
