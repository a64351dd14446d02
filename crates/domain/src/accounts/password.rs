use argon2::password_hash::{
    rand_core::OsRng, PasswordHasher as _, PasswordVerifier as _, SaltString,
};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::{Error, FieldErrors};

/// A password as typed. Never logged, never stored, dropped after hashing.
#[derive(Clone)]
pub struct Password(String);

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(..)")
    }
}

impl Password {
    pub const MIN: usize = 12;
    pub const MAX: usize = 128;

    /// Length rules per ASVS L2: at least 12 characters, at most 128, anything printable.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let length = raw.chars().count();
        if length < Self::MIN {
            return Err(format!(
                "Use at least {} characters; a few words in a row work well.",
                Self::MIN
            ));
        }
        if length > Self::MAX {
            return Err(format!("Use at most {} characters.", Self::MAX));
        }
        Ok(Self(raw.to_owned()))
    }

    pub(crate) fn parse_into(errors: &mut FieldErrors, field: &str, raw: &str) -> Option<Self> {
        Self::parse(raw).map_err(|m| errors.add(field, m)).ok()
    }

    /// A password as typed at sign-in, where rules are not re-checked (old accounts may predate them).
    pub fn attempt(raw: &str) -> Self {
        Self(raw.to_owned())
    }

    /// Hashes with argon2id (19 MiB, 2 passes, 1 lane). CPU-heavy: callers run it off the async runtime.
    pub fn hash(&self) -> Result<PasswordHash, Error> {
        let salt = SaltString::generate(&mut OsRng);
        argon2()?
            .hash_password(self.0.as_bytes(), &salt)
            .map(|h| PasswordHash(h.to_string()))
            .map_err(|e| Error::Storage(format!("password hashing failed: {e}")))
    }

    /// Constant-work check; a malformed stored hash counts as a mismatch.
    pub fn verify(&self, hash: &PasswordHash) -> bool {
        let Ok(parsed) = argon2::PasswordHash::new(&hash.0) else {
            return false;
        };
        argon2()
            .map(|a| a.verify_password(self.0.as_bytes(), &parsed).is_ok())
            .unwrap_or(false)
    }
}

fn argon2() -> Result<Argon2<'static>, Error> {
    let params = Params::new(19 * 1024, 2, 1, None)
        .map_err(|e| Error::Storage(format!("argon2 parameters: {e}")))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// A PHC-format argon2id hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordHash(pub String);

impl PasswordHash {
    /// A valid hash of a random password, verified against when the account does not exist,
    /// so an unknown email costs the same time as a wrong password.
    pub const DUMMY: &'static str =
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2q8tLKtHgBlOQw0ApWQ5QtFh/Xq4e0Z0kR1sT/7kZzY";
}

/// Runs hashing where it does not block other work. The server implements it with a
/// blocking-thread pool; tests may run it inline.
#[async_trait::async_trait]
pub trait PasswordHasher: Send + Sync {
    async fn hash(&self, password: Password) -> Result<PasswordHash, Error>;
    async fn verify(&self, password: Password, hash: PasswordHash) -> bool;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_then_verify() {
        let password = Password::parse("correct horse battery").unwrap();
        let hash = password.hash().unwrap();
        assert!(hash.0.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(password.verify(&hash));
        assert!(!Password::attempt("wrong horse battery").verify(&hash));
    }

    #[test]
    fn dummy_hash_parses_and_matches_nothing_typed() {
        assert!(argon2::PasswordHash::new(PasswordHash::DUMMY).is_ok());
        assert!(!Password::attempt("").verify(&PasswordHash(PasswordHash::DUMMY.into())));
    }

    #[test]
    fn length_rules() {
        assert!(Password::parse("short").is_err());
        assert!(Password::parse(&"x".repeat(129)).is_err());
        assert!(Password::parse("twelve chars").is_ok());
    }
}
