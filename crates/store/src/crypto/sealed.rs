//! Sealing one value: `[1u8 version][4-byte key id][24-byte random nonce][ciphertext+tag]`,
//! XChaCha20-Poly1305 with the value's place (`table.column:row_id`) as associated data, so
//! a value copied to another row or column does not open there.

use chacha20poly1305::aead::{Aead as _, Payload};
use chacha20poly1305::XNonce;
use kindred_domain::StoreError;
use rand::RngCore as _;

use super::keyring::{KeyId, Keyring};

/// The format version written first in every sealed value.
pub(crate) const VERSION: u8 = 1;
const ID_LEN: usize = 4;
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;
const HEADER: usize = 1 + ID_LEN + NONCE_LEN;

/// The associated data of a value: where it lives, `table.column:row_id`.
pub(crate) fn aad(table: &str, column: &str, row_id: &str) -> String {
    format!("{table}.{column}:{row_id}")
}

/// The id of the key a sealed value was sealed under, if it has the known shape.
pub(crate) fn key_id_of(sealed: &[u8]) -> Option<KeyId> {
    if sealed.len() < HEADER + TAG_LEN || sealed.first() != Some(&VERSION) {
        return None;
    }
    sealed.get(1..1 + ID_LEN)?.try_into().ok()
}

impl Keyring {
    /// Seals `plaintext` under the active key with a fresh random nonce.
    pub(crate) fn seal(&self, aad: &str, plaintext: &str) -> Result<Vec<u8>, StoreError> {
        let key = self.active()?;
        let mut nonce = [0u8; NONCE_LEN];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let sealed = key
            .cipher
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: plaintext.as_bytes(),
                    aad: aad.as_bytes(),
                },
            )
            .map_err(|_| StoreError::Backend(format!("sealing {aad} failed")))?;
        let mut out = Vec::with_capacity(HEADER + sealed.len());
        out.push(VERSION);
        out.extend_from_slice(&key.id);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    /// Opens a value sealed by [`Keyring::seal`] under any key of the ring, for the same
    /// `aad`. A changed byte, another row's value or an unknown key is an error.
    pub(crate) fn open(&self, aad: &str, sealed: &[u8]) -> Result<String, StoreError> {
        if !self.is_configured() {
            return Err(super::keyring::not_configured());
        }
        match sealed.first() {
            Some(&VERSION) => {}
            Some(other) => {
                return Err(StoreError::Backend(format!(
                    "the sealed value of {aad} has unknown format version {other}"
                )))
            }
            None => {
                return Err(StoreError::Backend(format!(
                    "the sealed value of {aad} is empty"
                )))
            }
        }
        let (Some(id), Some(nonce), Some(body)) = (
            key_id_of(sealed),
            sealed.get(1 + ID_LEN..HEADER),
            sealed.get(HEADER..),
        ) else {
            return Err(StoreError::Backend(format!(
                "the sealed value of {aad} is too short"
            )));
        };
        let key = self.by_id(&id)?;
        let nonce: [u8; NONCE_LEN] = nonce
            .try_into()
            .map_err(|_| StoreError::Backend(format!("the sealed value of {aad} is too short")))?;
        let opened = key
            .cipher
            .decrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: body,
                    aad: aad.as_bytes(),
                },
            )
            .map_err(|_| {
                StoreError::Backend(format!(
                    "the sealed value of {aad} did not open: it was altered, or it belongs to \
                     another row or column"
                ))
            })?;
        String::from_utf8(opened)
            .map_err(|_| StoreError::Backend(format!("the sealed value of {aad} is not text")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: [u8; 32] = [0x11; 32];
    const B: [u8; 32] = [0x22; 32];

    impl Keyring {
        fn is_current(&self, sealed: &[u8]) -> bool {
            matches!((key_id_of(sealed), self.active_raw_id()), (Some(a), Some(b)) if a == b)
        }
    }

    fn message(error: StoreError) -> String {
        error.to_string()
    }

    #[test]
    fn a_value_opens_where_it_was_sealed_and_has_the_stated_layout() {
        let ring = Keyring::single(A);
        let here = aad("intake_requests", "contact_sealed", "r1");
        assert_eq!(here, "intake_requests.contact_sealed:r1");
        let sealed = ring.seal(&here, "call after 6pm").unwrap();
        assert_eq!(sealed[0], VERSION);
        assert_eq!(hex::encode(&sealed[1..5]), Keyring::id_of(&A));
        assert_eq!(sealed.len(), 1 + 4 + 24 + "call after 6pm".len() + 16);
        assert_eq!(ring.open(&here, &sealed).unwrap(), "call after 6pm");
        assert!(ring.is_current(&sealed));
        // A fresh nonce each time: the same text never seals to the same bytes.
        assert_ne!(ring.seal(&here, "call after 6pm").unwrap(), sealed);
        assert_eq!(
            ring.open(&here, &ring.seal(&here, "").unwrap()).unwrap(),
            ""
        );
    }

    #[test]
    fn a_value_does_not_open_for_another_row_or_column() {
        let ring = Keyring::single(A);
        let sealed = ring
            .seal(&aad("intake_requests", "contact_sealed", "r1"), "secret")
            .unwrap();
        for elsewhere in [
            aad("intake_requests", "contact_sealed", "r2"),
            aad("intake_requests", "message_sealed", "r1"),
            aad("intake_request_events", "contact_sealed", "r1"),
        ] {
            let refused = message(ring.open(&elsewhere, &sealed).unwrap_err());
            assert!(refused.contains("did not open"), "{refused}");
        }
    }

    #[test]
    fn any_flipped_byte_fails() {
        let ring = Keyring::single(A);
        let here = aad("t", "c", "1");
        let sealed = ring.seal(&here, "a note").unwrap();
        for i in 0..sealed.len() {
            let mut bad = sealed.clone();
            bad[i] ^= 0x01;
            assert!(
                ring.open(&here, &bad).is_err(),
                "byte {i} flipped still opened"
            );
        }
        assert!(ring.open(&here, &sealed[..sealed.len() - 1]).is_err());
        assert!(ring.open(&here, &[]).is_err());
    }

    #[test]
    fn an_unknown_key_is_named_and_older_keys_still_open() {
        let here = aad("t", "c", "1");
        let under_a = Keyring::single(A).seal(&here, "kept").unwrap();
        let refused = message(Keyring::single(B).open(&here, &under_a).unwrap_err());
        assert!(refused.contains(&Keyring::id_of(&A)), "{refused}");
        assert!(refused.contains("not in the key ring"), "{refused}");

        let both = Keyring::parse(&format!("{}\n{}\n", base64_of(&A), base64_of(&B))).unwrap();
        assert_eq!(both.open(&here, &under_a).unwrap(), "kept");
        assert!(!both.is_current(&under_a));
        let under_b = both.seal(&here, "new").unwrap();
        assert_eq!(hex::encode(&under_b[1..5]), Keyring::id_of(&B));
        assert!(both.is_current(&under_b));
    }

    #[test]
    fn without_a_key_nothing_seals_or_opens() {
        let none = Keyring::none();
        let refused = message(none.seal("t.c:1", "x").unwrap_err());
        assert_eq!(refused, "no data key is configured");
        let sealed = Keyring::single(A).seal("t.c:1", "x").unwrap();
        assert_eq!(
            message(none.open("t.c:1", &sealed).unwrap_err()),
            "no data key is configured"
        );
    }

    fn base64_of(key: &[u8; 32]) -> String {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD.encode(key)
    }
}
