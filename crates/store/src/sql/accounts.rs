//! Accounts and the staff roles an account holds.

pub(crate) const INSERT: &str = "INSERT INTO accounts \
     (id, email, display_name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)";

pub(crate) const BY_EMAIL: &str =
    "SELECT id, email, display_name, password_hash, created_at FROM accounts WHERE email = $1";

pub(crate) const BY_ID: &str =
    "SELECT id, email, display_name, password_hash, created_at FROM accounts WHERE id = $1";

/// `$1` account id, `$2` new hash.
pub(crate) const SET_PASSWORD: &str = "UPDATE accounts SET password_hash = $2 WHERE id = $1";

pub(crate) const ROLES_OF: &str = "SELECT s.org_id, o.name AS org_name, s.role \
     FROM org_staff s JOIN organizations o ON o.id = s.org_id \
     WHERE s.account_id = $1 \
     ORDER BY LOWER(o.name), o.name, o.id";
