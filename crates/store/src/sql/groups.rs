//! Groups: the row, its three vocabularies (`group_tags`) and its facilitators.

/// `$1` … `$17` are the update's parameters too; the creation time comes last.
pub(crate) const INSERT: &str = "INSERT INTO groups (id, org_id, program_id, location_id, \
     name, description, kind, enrollment, format, capacity, min_size, language, time_zone, \
     archived_at, offer_hours, billing_code, billing_modifier, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)";

/// The organization and creation time never change; `$1` id, `$2` organization.
pub(crate) const UPDATE: &str = "UPDATE groups SET program_id = $3, location_id = $4, \
     name = $5, description = $6, kind = $7, enrollment = $8, format = $9, capacity = $10, \
     min_size = $11, language = $12, time_zone = $13, archived_at = $14, offer_hours = $15, \
     billing_code = $16, billing_modifier = $17 WHERE id = $1 AND org_id = $2";

pub(crate) const DELETE_TAGS: &str = "DELETE FROM group_tags WHERE group_id = $1";

pub(crate) const DELETE_FACILITATORS: &str = "DELETE FROM group_facilitators WHERE group_id = $1";

/// A repeated code is the same fact twice, not an error.
pub(crate) const INSERT_TAG: &str = "INSERT INTO group_tags (group_id, tag_kind, value) \
     VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";

pub(crate) const INSERT_FACILITATOR: &str = "INSERT INTO group_facilitators \
     (group_id, account_id, role, lead) VALUES ($1, $2, $3, $4)";

pub(crate) const BY_ID: &str = "SELECT id, org_id, program_id, location_id, name, description, \
     kind, enrollment, format, capacity, min_size, language, time_zone, offer_hours, \
     billing_code, billing_modifier, created_at, archived_at FROM groups WHERE id = $1";

pub(crate) const TAGS: &str = "SELECT tag_kind, value FROM group_tags WHERE group_id = $1";

/// Lead first, then by display name.
pub(crate) const FACILITATORS: &str = "SELECT f.account_id, a.display_name, f.role, f.lead \
     FROM group_facilitators f JOIN accounts a ON a.id = f.account_id \
     WHERE f.group_id = $1 \
     ORDER BY f.lead DESC, LOWER(a.display_name), a.display_name, a.id";
