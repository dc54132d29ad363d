//! PostgreSQL's binary `COPY` format, as much of it as the walk reads:
//! a header, then per row a field count and each field behind its length
//! (-1: NULL), then a count of -1.

use anyhow::{bail, ensure};

const SIGNATURE: &[u8] = b"PGCOPY\n\xff\r\n\0";

/// One row's fields (`None`: NULL), borrowed from the stream's bytes.
pub(super) type Fields<'a> = [Option<&'a [u8]>; COLUMNS];

/// The walk's columns: seq, at, actor_id, then ten text fields.
pub(super) const COLUMNS: usize = 13;

/// Reads rows from the stream's bytes as they arrive, whatever the chunks.
#[derive(Default)]
pub(super) struct Reader {
    pending: Vec<u8>,
    header_read: bool,
    ended: bool,
}

impl Reader {
    /// Takes the next chunk; calls `row` for every whole row now in hand
    /// (stopping when it returns `false`); `Ok(false)` once stopped.
    pub fn feed(
        &mut self,
        chunk: &[u8],
        mut row: impl FnMut(&Fields<'_>) -> anyhow::Result<bool>,
    ) -> anyhow::Result<bool> {
        ensure!(!self.ended, "data after the end of the COPY stream");
        self.pending.extend_from_slice(chunk);
        let mut at = 0;
        let buf = &self.pending[..];
        if !self.header_read {
            if buf.len() < SIGNATURE.len() + 8 {
                return Ok(true);
            }
            ensure!(buf.starts_with(SIGNATURE), "not a binary COPY stream");
            let ext = u32::from_be_bytes(buf[15..19].try_into().expect("4 bytes")) as usize;
            if buf.len() < 19 + ext {
                return Ok(true);
            }
            at = 19 + ext;
            self.header_read = true;
        }
        let mut go_on = true;
        let mut fields: Fields<'_> = [None; COLUMNS];
        loop {
            match parse_row(&buf[at..], &mut fields)? {
                Parsed::Incomplete => break,
                Parsed::End => {
                    self.ended = true;
                    at = buf.len();
                    break;
                }
                Parsed::Row(used) => {
                    at += used;
                    if !row(&fields)? {
                        go_on = false;
                        break;
                    }
                }
            }
        }
        self.pending.drain(..at);
        Ok(go_on)
    }

    /// Whether the stream's end marker was read.
    pub fn ended(&self) -> bool {
        self.ended
    }
}

enum Parsed {
    Incomplete,
    End,
    /// A row, read into the fields, of this many bytes.
    Row(usize),
}

fn parse_row<'a>(buf: &'a [u8], fields: &mut Fields<'a>) -> anyhow::Result<Parsed> {
    let Some(count) = buf.get(..2) else {
        return Ok(Parsed::Incomplete);
    };
    let count = i16::from_be_bytes(count.try_into().expect("2 bytes"));
    if count == -1 {
        return Ok(Parsed::End);
    }
    if count as usize != COLUMNS {
        bail!("a COPY row of {count} fields, not {COLUMNS}");
    }
    let mut at = 2;
    for f in fields.iter_mut() {
        let Some(len) = buf.get(at..at + 4) else {
            return Ok(Parsed::Incomplete);
        };
        let len = i32::from_be_bytes(len.try_into().expect("4 bytes"));
        at += 4;
        if len < 0 {
            *f = None;
            continue;
        }
        let Some(bytes) = buf.get(at..at + len as usize) else {
            return Ok(Parsed::Incomplete);
        };
        *f = Some(bytes);
        at += len as usize;
    }
    Ok(Parsed::Row(at))
}

/// A `bigint` field.
pub(super) fn int8(f: Option<&[u8]>) -> anyhow::Result<Option<i64>> {
    f.map(|b| {
        <[u8; 8]>::try_from(b)
            .map(i64::from_be_bytes)
            .map_err(|_| anyhow::anyhow!("a bigint of {} bytes", b.len()))
    })
    .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream(rows: &[Fields<'_>]) -> Vec<u8> {
        let mut out = SIGNATURE.to_vec();
        out.extend(0u32.to_be_bytes());
        out.extend(4u32.to_be_bytes());
        out.extend(b"ext!");
        for r in rows {
            out.extend((COLUMNS as i16).to_be_bytes());
            for f in r {
                match f {
                    None => out.extend((-1i32).to_be_bytes()),
                    Some(b) => {
                        out.extend((b.len() as i32).to_be_bytes());
                        out.extend(*b);
                    }
                }
            }
        }
        out.extend((-1i16).to_be_bytes());
        out
    }

    #[test]
    fn rows_read_back_whatever_the_chunks() {
        let seven = 7i64.to_be_bytes();
        let a: Fields<'_> = std::array::from_fn(|i| match i {
            0 => Some(&seven[..]),
            2 => None,
            _ => Some(&b"text"[..]),
        });
        let b: Fields<'_> = std::array::from_fn(|i| (i != 5).then_some(&b""[..]));
        let bytes = stream(&[a, b, a]);
        for size in [1, 3, 7, 64, bytes.len()] {
            let mut r = Reader::default();
            let mut got: Vec<Vec<Option<Vec<u8>>>> = Vec::new();
            for chunk in bytes.chunks(size) {
                assert!(
                    r.feed(chunk, |f| {
                        got.push(f.iter().map(|x| x.map(<[u8]>::to_vec)).collect());
                        Ok(true)
                    })
                    .unwrap()
                );
            }
            assert!(r.ended(), "chunks of {size}");
            assert_eq!(got.len(), 3);
            assert_eq!(int8(got[0][0].as_deref()).unwrap(), Some(7));
            assert_eq!(got[0][2], None);
            assert_eq!(got[1][5], None);
            assert_eq!(got[1][6].as_deref(), Some(&b""[..]));
            assert_eq!(got[2][12].as_deref(), Some(&b"text"[..]));
        }
    }

    #[test]
    fn a_foreign_stream_or_row_is_an_error() {
        assert!(Reader::default().feed(&[0u8; 40], |_| Ok(true)).is_err());
        let mut bytes = stream(&[]);
        let end = bytes.len() - 2;
        bytes[end..].copy_from_slice(&3i16.to_be_bytes());
        bytes.extend([0u8; 30]);
        assert!(Reader::default().feed(&bytes, |_| Ok(true)).is_err());
        assert!(int8(Some(&[1, 2, 3][..])).is_err());
    }
}
