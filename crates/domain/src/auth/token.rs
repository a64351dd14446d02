use base64::Engine as _;
use rand::RngCore as _;
use sha2::{Digest as _, Sha256};

/// A 256-bit random secret handed to a client once (session cookie, API token, setup link).
#[derive(Clone, PartialEq, Eq)]
pub struct SecretToken(String);

impl std::fmt::Debug for SecretToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretToken(..)")
    }
}

impl serde::Serialize for SecretToken {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl SecretToken {
    pub fn generate() -> Self {
        Self::generate_prefixed("")
    }

    /// A prefix lets people and secret scanners recognise what kind of token leaked.
    pub fn generate_prefixed(prefix: &str) -> Self {
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        Self(format!(
            "{prefix}{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
        ))
    }

    /// A token as presented by a client.
    pub fn presented(value: &str) -> Self {
        Self(value.to_owned())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn hash(&self) -> TokenHash {
        TokenHash(hex::encode(Sha256::digest(self.0.as_bytes())))
    }
}

/// SHA-256 of a secret token, hex-encoded: what storage keeps instead of the token.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TokenHash(pub String);

#[cfg(test)]
mod tests {
    use super::SecretToken;

    #[test]
    fn tokens_are_random_and_hash_stably() {
        let a = SecretToken::generate();
        let b = SecretToken::generate();
        assert_ne!(a, b);
        assert_eq!(a.expose().len(), 43);
        assert_eq!(a.hash(), SecretToken::presented(a.expose()).hash());
        assert_eq!(a.hash().0.len(), 64);
    }
}
