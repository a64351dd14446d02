//! Signed-in sessions, stored under the hash of their token.

pub(crate) const INSERT: &str = "INSERT INTO auth_sessions \
     (id, account_id, token_hash, csrf_token, created_at, last_seen_at, idle_timeout_secs) \
     VALUES ($1, $2, $3, $4, $5, $6, $7)";

pub(crate) const BY_TOKEN: &str = "SELECT id, account_id, token_hash, csrf_token, created_at, \
     last_seen_at, idle_timeout_secs FROM auth_sessions WHERE token_hash = $1";

/// What a request's cookie leads to, in one statement (so one snapshot, one round trip): the
/// session and its account (`a_` columns) on every row, and one row per staff role (`r_`
/// columns, NULL when the account holds none), in `accounts::ROLES_OF` order.
pub(crate) const CONTEXT_BY_TOKEN: &str = "SELECT s.id, s.account_id, s.token_hash, \
     s.csrf_token, s.created_at, s.last_seen_at, s.idle_timeout_secs, \
     a.email AS a_email, a.display_name AS a_display_name, \
     a.password_hash AS a_password_hash, a.created_at AS a_created_at, \
     r.org_id AS r_org_id, o.name AS r_org_name, r.role AS r_role \
     FROM auth_sessions s JOIN accounts a ON a.id = s.account_id \
     LEFT JOIN org_staff r ON r.account_id = s.account_id \
     LEFT JOIN organizations o ON o.id = r.org_id \
     WHERE s.token_hash = $1 \
     ORDER BY LOWER(o.name), o.name, o.id";

/// `$1` session id, `$2` now.
pub(crate) const TOUCH: &str = "UPDATE auth_sessions SET last_seen_at = $2 WHERE id = $1";

pub(crate) const DELETE: &str = "DELETE FROM auth_sessions WHERE id = $1";

/// `$1` account id, `$2` the session to keep or NULL ('' matches no id, so NULL ends them all).
pub(crate) const DELETE_OF_ACCOUNT: &str =
    "DELETE FROM auth_sessions WHERE account_id = $1 AND id <> COALESCE($2, '')";
