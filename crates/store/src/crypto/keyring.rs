//! The data keys: one active key that seals, older ones that still open what they sealed.

use base64::Engine as _;
use chacha20poly1305::{Key, KeyInit as _, XChaCha20Poly1305};
use kindred_domain::StoreError;
use rand::RngCore as _;
use sha2::{Digest as _, Sha256};
use zeroize::{Zeroize as _, Zeroizing};

/// The length of a data key in bytes.
pub const KEY_LEN: usize = 32;

/// A key's id: the first four bytes of SHA-256 of the key, written in every value it seals.
pub(crate) type KeyId = [u8; 4];

/// One data key. The cipher holds the key and wipes it when dropped; the bytes are kept
/// nowhere else.
pub(super) struct DataKey {
    pub(super) id: KeyId,
    pub(super) cipher: XChaCha20Poly1305,
}

/// The data keys Kindred seals free-text clinical content with. The last key is the active
/// one (every new value is sealed under it); earlier keys only open values sealed before a
/// rotation. `Debug` shows key ids, never key bytes.
pub struct Keyring {
    /// Oldest first; the active key last. Empty: no key is configured.
    pub(super) keys: Vec<DataKey>,
}

impl Keyring {
    /// Reads a key file: one base64 key (32 bytes) per line, `#` comments and blank lines
    /// ignored. The LAST key is the active one. Errors name the line, never its content.
    pub fn parse(text: &str) -> Result<Keyring, String> {
        let mut keys: Vec<DataKey> = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let number = index + 1;
            let decoded = Zeroizing::new(
                base64::engine::general_purpose::STANDARD
                    .decode(line)
                    .map_err(|_| format!("line {number}: the data key is not valid base64"))?,
            );
            let bytes: [u8; KEY_LEN] = decoded.as_slice().try_into().map_err(|_| {
                format!(
                    "line {number}: a data key must be {KEY_LEN} bytes; this one has {}",
                    decoded.len()
                )
            })?;
            let key = data_key(bytes);
            if keys.iter().any(|k| k.id == key.id) {
                return Err(format!(
                    "line {number}: key {} is listed twice",
                    hex::encode(key.id)
                ));
            }
            keys.push(key);
        }
        if keys.is_empty() {
            return Err("the key file holds no data key".to_owned());
        }
        Ok(Keyring { keys })
    }

    /// A ring of one key, active.
    pub fn single(key: [u8; KEY_LEN]) -> Keyring {
        Keyring {
            keys: vec![data_key(key)],
        }
    }

    /// A fresh random key from the operating system's generator.
    pub fn generate_key() -> [u8; KEY_LEN] {
        let mut key = [0u8; KEY_LEN];
        rand::rngs::OsRng.fill_bytes(&mut key);
        key
    }

    /// No key at all: every seal and open fails with "no data key is configured". For tools
    /// that never touch sealed columns (migrations, account administration).
    pub fn none() -> Keyring {
        Keyring { keys: Vec::new() }
    }

    /// Whether a key is configured.
    pub fn is_configured(&self) -> bool {
        !self.keys.is_empty()
    }

    /// The active key's id as 8 hex digits (empty when no key is configured).
    pub fn active_id(&self) -> String {
        self.keys
            .last()
            .map(|k| hex::encode(k.id))
            .unwrap_or_default()
    }

    /// Every key's id, oldest first, the active one last.
    pub fn ids(&self) -> Vec<String> {
        self.keys.iter().map(|k| hex::encode(k.id)).collect()
    }

    /// The id of a key, as [`Keyring::active_id`] would show it (the fingerprint an
    /// operator can compare without seeing the key).
    pub fn id_of(key: &[u8; KEY_LEN]) -> String {
        hex::encode(key_id(key))
    }

    pub(super) fn active(&self) -> Result<&DataKey, StoreError> {
        self.keys.last().ok_or_else(not_configured)
    }

    pub(super) fn by_id(&self, id: &KeyId) -> Result<&DataKey, StoreError> {
        if self.keys.is_empty() {
            return Err(not_configured());
        }
        self.keys.iter().find(|k| &k.id == id).ok_or_else(|| {
            StoreError::Backend(format!(
                "a value is sealed under data key {}, which is not in the key ring (it holds {})",
                hex::encode(id),
                self.ids().join(", ")
            ))
        })
    }

    /// The active key's id as raw bytes (what sealed values carry).
    pub(crate) fn active_raw_id(&self) -> Option<KeyId> {
        self.keys.last().map(|k| k.id)
    }
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keyring")
            .field("active", &self.active_id())
            .field("ids", &self.ids())
            .finish()
    }
}

fn key_id(key: &[u8; KEY_LEN]) -> KeyId {
    let digest = Sha256::digest(key);
    let mut id = [0u8; 4];
    id.copy_from_slice(&digest[..4]);
    id
}

/// Builds the cipher and wipes the caller's copy of the bytes.
fn data_key(mut bytes: [u8; KEY_LEN]) -> DataKey {
    let id = key_id(&bytes);
    let cipher = XChaCha20Poly1305::new(&Key::from(bytes));
    bytes.zeroize();
    DataKey { id, cipher }
}

pub(super) fn not_configured() -> StoreError {
    StoreError::Backend("no data key is configured".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(key: &[u8; KEY_LEN]) -> String {
        base64::engine::general_purpose::STANDARD.encode(key)
    }

    #[test]
    fn the_last_key_of_a_file_is_active_and_comments_are_skipped() {
        let (a, b) = ([1u8; KEY_LEN], [2u8; KEY_LEN]);
        let text = format!("# old key\n{}\n\n  {}  \n# end\n", encoded(&a), encoded(&b));
        let ring = Keyring::parse(&text).unwrap();
        assert_eq!(ring.ids(), vec![Keyring::id_of(&a), Keyring::id_of(&b)]);
        assert_eq!(ring.active_id(), Keyring::id_of(&b));
        assert_eq!(ring.active_id().len(), 8);
    }

    #[test]
    fn bad_files_are_refused_without_echoing_their_content() {
        let short = base64::engine::general_purpose::STANDARD.encode([7u8; 16]);
        let refused = Keyring::parse(&format!("# c\n{short}\n")).unwrap_err();
        assert!(
            refused.contains("line 2") && refused.contains("32 bytes"),
            "{refused}"
        );
        assert!(!refused.contains(&short));
        let refused = Keyring::parse("not base64 at all!").unwrap_err();
        assert!(
            refused.contains("base64") && !refused.contains("at all"),
            "{refused}"
        );
        assert!(Keyring::parse("# nothing\n\n").is_err());
        let twice = format!("{}\n{}\n", encoded(&[3; 32]), encoded(&[3; 32]));
        assert!(Keyring::parse(&twice).unwrap_err().contains("twice"));
    }

    #[test]
    fn debug_shows_ids_and_never_key_bytes() {
        let key = [0xabu8; KEY_LEN];
        let shown = format!("{:?}", Keyring::single(key));
        assert!(shown.contains(&Keyring::id_of(&key)), "{shown}");
        assert!(!shown.contains(&encoded(&key)));
        assert!(!shown.contains(&hex::encode(key)), "{shown}");
        assert!(!shown.contains("171, 171"), "{shown}");
    }

    #[test]
    fn generated_keys_differ() {
        assert_ne!(Keyring::generate_key(), Keyring::generate_key());
        assert!(!Keyring::none().is_configured());
        assert_eq!(Keyring::none().active_id(), "");
    }
}
