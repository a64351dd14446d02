//! Personal access tokens for the API, stored under the hash of their secret.

pub(crate) const INSERT: &str = "INSERT INTO api_tokens \
     (id, account_id, name, token_hash, created_at, last_used_at, revoked_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7)";

pub(crate) const OF_ACCOUNT: &str = "SELECT id, account_id, name, token_hash, created_at, \
     last_used_at, revoked_at FROM api_tokens WHERE account_id = $1 \
     ORDER BY created_at DESC, id DESC";

pub(crate) const BY_HASH: &str = "SELECT id, account_id, name, token_hash, created_at, \
     last_used_at, revoked_at FROM api_tokens WHERE token_hash = $1";

/// `$1` token id, `$2` account id, `$3` now. The account check keeps it to one's own tokens.
pub(crate) const REVOKE: &str = "UPDATE api_tokens SET revoked_at = $3 \
     WHERE id = $1 AND account_id = $2 AND revoked_at IS NULL";

/// `$1` token id, `$2` now.
pub(crate) const TOUCH: &str = "UPDATE api_tokens SET last_used_at = $2 WHERE id = $1";
