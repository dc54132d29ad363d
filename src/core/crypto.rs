//! Field-level protection of identifying data: sealed with a key that lives
//! outside the database (derived from the secret key file), so a copy of
//! the database or its backups does not reveal it.

use base64::Engine;
use chacha20poly1305::XChaCha20Poly1305;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};

/// Binds a sealed value to what it is, so it cannot be moved to another use.
const PURPOSE: &[u8] = b"otalusta identity code v1";

/// base64(nonce ‖ ciphertext) of `plain`.
pub fn seal(key: &[u8; 32], plain: &str) -> String {
    let cipher = XChaCha20Poly1305::new_from_slice(key).expect("a 32-byte key");
    let mut nonce = [0u8; 24];
    rand::fill(&mut nonce[..]);
    let sealed = cipher
        .encrypt(
            (&nonce).into(),
            Payload {
                msg: plain.as_bytes(),
                aad: PURPOSE,
            },
        )
        .expect("encryption of a short value cannot fail");
    let mut out = nonce.to_vec();
    out.extend_from_slice(&sealed);
    base64::engine::general_purpose::STANDARD.encode(out)
}

/// The plain value, or `None` if it was not sealed with this key.
pub fn open(key: &[u8; 32], sealed: &str) -> Option<String> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(sealed)
        .ok()?;
    if bytes.len() < 24 + 16 {
        return None;
    }
    let (nonce, body) = bytes.split_at(24);
    let nonce: [u8; 24] = nonce.try_into().ok()?;
    let cipher = XChaCha20Poly1305::new_from_slice(key).ok()?;
    let plain = cipher
        .decrypt(
            (&nonce).into(),
            Payload {
                msg: body,
                aad: PURPOSE,
            },
        )
        .ok()?;
    String::from_utf8(plain).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_values_open_with_their_key_only() {
        let key = [7u8; 32];
        let a = seal(&key, "131052-308T");
        let b = seal(&key, "131052-308T");
        assert_ne!(a, b, "a fresh nonce each time");
        assert!(!a.contains("131052"));
        assert_eq!(open(&key, &a).as_deref(), Some("131052-308T"));
        assert_eq!(open(&[8u8; 32], &a), None, "another key");
        let mut tampered = base64::engine::general_purpose::STANDARD
            .decode(&a)
            .unwrap();
        let last = tampered.len() - 1;
        tampered[last] ^= 1;
        let tampered = base64::engine::general_purpose::STANDARD.encode(tampered);
        assert_eq!(open(&key, &tampered), None, "tampering is detected");
        assert_eq!(open(&key, "not base64!"), None);
    }
}
