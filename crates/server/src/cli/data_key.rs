//! The data-encryption key for free-text clinical content. Clinical notes arrive in a later
//! release; the key is checked at start-up now so a deployment is set up right from day one.

use std::path::Path;

use base64::Engine as _;
use sha2::{Digest as _, Sha256};

/// Reads the key from the file, else from `KINDRED_DATA_KEY`; returns a short fingerprint
/// (safe to log) or `None` when no key is configured.
pub fn load(file: Option<&Path>) -> Result<Option<String>, String> {
    let encoded = match file {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the data key file {}: {e}", path.display()))?,
        None => match std::env::var("KINDRED_DATA_KEY") {
            Ok(value) => value,
            Err(_) => return Ok(None),
        },
    };
    let key = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .map_err(|_| "the data key is not valid base64".to_owned())?;
    if key.len() != 32 {
        return Err(format!(
            "the data key must be 32 bytes; this one has {}",
            key.len()
        ));
    }
    Ok(Some(hex::encode(&Sha256::digest(&key)[..4])))
}

/// Writes a fresh random key (demo mode), readable by the owner only.
pub fn generate(path: &Path) -> Result<(), String> {
    use rand::RngCore as _;
    let mut key = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut key);
    let encoded = base64::engine::general_purpose::STANDARD.encode(key);
    std::fs::write(path, format!("{encoded}\n"))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
    }
    Ok(())
}
