//! First-run setup tokens.

pub(crate) const HAS_ORGANIZATIONS: &str = "SELECT 1 FROM organizations LIMIT 1";

pub(crate) const INSERT_TOKEN: &str =
    "INSERT INTO setup_tokens (token_hash, created_at) VALUES ($1, $2)";

pub(crate) const TOKEN_IS_OPEN: &str =
    "SELECT 1 FROM setup_tokens WHERE token_hash = $1 AND used_at IS NULL";

/// `$1` token hash, `$2` now. Conditional, so of two racing requests only one changes the row.
pub(crate) const SPEND_TOKEN: &str =
    "UPDATE setup_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL";
