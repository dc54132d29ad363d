//! Rows of the log as the database gives them: borrowed bytes, so a walk
//! over millions of entries hashes them without building an entry each.

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

/// How many text fields a row has (all but `seq` and `actor_id`), in the
/// order of [`Batch::push`].
pub const TEXT_FIELDS: usize = 11;

/// Rows in one buffer, handed from the thread that reads them to the
/// threads that hash them.
#[derive(Debug, Default)]
pub struct Batch {
    bytes: Vec<u8>,
    rows: Vec<Slots>,
}

#[derive(Debug)]
struct Slots {
    seq: i64,
    actor_id: Option<i64>,
    /// Where each text field ends in `bytes` (each starts where the one
    /// before ended; the first where the row before's last did).
    ends: [u32; TEXT_FIELDS],
}

impl Batch {
    pub fn with_capacity(rows: usize) -> Self {
        Batch {
            bytes: Vec::with_capacity(rows * 512),
            rows: Vec::with_capacity(rows),
        }
    }

    /// Appends a row; `text`: at, actor_name, role, action, object_type,
    /// object_id, outcome, client_addr, purpose, prev_hash, hash.
    pub fn push(&mut self, seq: i64, actor_id: Option<i64>, text: [&[u8]; TEXT_FIELDS]) {
        let mut ends = [0u32; TEXT_FIELDS];
        for (end, field) in ends.iter_mut().zip(text) {
            self.bytes.extend_from_slice(field);
            *end = u32::try_from(self.bytes.len()).expect("a batch under 4 GiB");
        }
        self.rows.push(Slots {
            seq,
            actor_id,
            ends,
        });
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Bytes held: readers cut batches by size as well as by rows.
    pub fn bytes(&self) -> usize {
        self.bytes.len()
    }

    /// Keeps the first `n` rows.
    pub fn truncate(&mut self, n: usize) {
        if n < self.rows.len() {
            let end = n
                .checked_sub(1)
                .map_or(0, |i| self.rows[i].ends[TEXT_FIELDS - 1]);
            self.rows.truncate(n);
            self.bytes.truncate(end as usize);
        }
    }

    pub fn row(&self, i: usize) -> RowRef<'_> {
        let s = &self.rows[i];
        let start = i
            .checked_sub(1)
            .map_or(0, |p| self.rows[p].ends[TEXT_FIELDS - 1]);
        let mut f = [&[][..]; TEXT_FIELDS];
        let mut from = start as usize;
        for (k, end) in s.ends.iter().enumerate() {
            f[k] = &self.bytes[from..*end as usize];
            from = *end as usize;
        }
        RowRef {
            seq: s.seq,
            at: f[0],
            actor_id: s.actor_id,
            actor_name: f[1],
            role: f[2],
            action: f[3],
            object_type: f[4],
            object_id: f[5],
            outcome: f[6],
            client_addr: f[7],
            purpose: f[8],
            prev_hash: f[9],
            hash: f[10],
        }
    }

    pub fn rows(&self) -> impl Iterator<Item = RowRef<'_>> {
        (0..self.len()).map(|i| self.row(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_come_back_as_pushed_and_truncate_keeps_the_first() {
        let mut b = Batch::with_capacity(2);
        let text = |s: &'static str| -> [&'static [u8]; TEXT_FIELDS] {
            std::array::from_fn(|i| if i % 2 == 0 { s.as_bytes() } else { &b""[..] })
        };
        b.push(7, Some(3), text("abc"));
        b.push(8, None, text("de"));
        assert_eq!(b.len(), 2);
        let r = b.row(1);
        assert_eq!(
            (r.seq, r.actor_id, r.at, r.actor_name, r.hash),
            (8, None, &b"de"[..], &b""[..], &b"de"[..])
        );
        assert_eq!(b.row(0).role, b"abc");
        b.truncate(1);
        assert_eq!(b.len(), 1);
        assert_eq!(b.bytes(), 6 * 3);
        assert_eq!(b.row(0).hash, b"abc");
    }
}
