//! Group agreements and their signatures.

/// `$1` organization: its latest version.
pub(crate) const LATEST: &str = "SELECT org_id, version, title, body, published_at, \
     published_by FROM agreement_versions WHERE org_id = $1 ORDER BY version DESC LIMIT 1";

/// `$1` organization: its latest version number, 0 when it has none.
pub(crate) const LATEST_VERSION: &str =
    "SELECT COALESCE(MAX(version), 0) FROM agreement_versions WHERE org_id = $1";

/// Stores a version unless that number is taken (one row changed, or none).
pub(crate) const INSERT_VERSION: &str = "INSERT INTO agreement_versions (org_id, version, \
     title, body, published_at, published_by) VALUES ($1, $2, $3, $4, $5, $6) \
     ON CONFLICT (org_id, version) DO NOTHING";

/// A signature; a second one of the same version changes nothing.
pub(crate) const SIGN: &str = "INSERT INTO agreement_signatures (org_id, version, account_id, \
     typed_name, signed_at) VALUES ($1, $2, $3, $4, $5) \
     ON CONFLICT (org_id, account_id, version) DO NOTHING";

/// `$1` organization, `$2` account, `$3` version.
pub(crate) const SIGNATURE: &str = "SELECT org_id, version, account_id, typed_name, signed_at \
     FROM agreement_signatures WHERE org_id = $1 AND account_id = $2 AND version = $3";

/// `$1` organization, `$2` account: their signature of the highest version.
pub(crate) const LATEST_SIGNATURE: &str = "SELECT org_id, version, account_id, typed_name, \
     signed_at FROM agreement_signatures WHERE org_id = $1 AND account_id = $2 \
     ORDER BY version DESC LIMIT 1";

/// `$1` organization: every signature, newest first.
pub(crate) const SIGNATURES_OF: &str = "SELECT org_id, version, account_id, typed_name, \
     signed_at FROM agreement_signatures WHERE org_id = $1 \
     ORDER BY signed_at DESC, version DESC, account_id";
