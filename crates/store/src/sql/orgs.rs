//! Organizations and the staff roles held in them.

pub(crate) const INSERT: &str =
    "INSERT INTO organizations (id, name, created_at) VALUES ($1, $2, $3)";

pub(crate) const BY_ID: &str = "SELECT id, name, created_at FROM organizations WHERE id = $1";

/// One role per person per organization: a new role replaces the old one.
pub(crate) const SET_STAFF_ROLE: &str = "INSERT INTO org_staff (org_id, account_id, role) \
     VALUES ($1, $2, $3) \
     ON CONFLICT (org_id, account_id) DO UPDATE SET role = excluded.role";

pub(crate) const REMOVE_STAFF_ROLE: &str =
    "DELETE FROM org_staff WHERE org_id = $1 AND account_id = $2";

pub(crate) const STAFF_OF: &str = "SELECT s.account_id, a.display_name, a.email, s.role \
     FROM org_staff s JOIN accounts a ON a.id = s.account_id \
     WHERE s.org_id = $1 \
     ORDER BY LOWER(a.display_name), a.display_name, a.id";
