//! The organizations' own technique plans and session plans.

pub(crate) const INSERT: &str = "INSERT INTO techniques (id, org_id, kind, title, content, \
     archived, created_by, created_at, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

/// The owner and the author never change.
pub(crate) const UPDATE: &str = "UPDATE techniques SET kind = $3, title = $4, content = $5, \
     archived = $6, updated_at = $7 WHERE id = $1 AND org_id = $2";

pub(crate) const BY_ID: &str = "SELECT id, org_id, kind, title, content, archived \
     FROM techniques WHERE org_id = $1 AND id = $2";

pub(crate) const OF_ORG: &str = "SELECT id, org_id, kind, title, content, archived \
     FROM techniques WHERE org_id = $1 ORDER BY title, id";

pub(crate) const PLAN: &str = "SELECT id, session_id, position, technique_id, snapshot, \
     added_by, added_at FROM session_plan_items WHERE session_id = $1 \
     ORDER BY position, added_at, id";

pub(crate) const INSERT_ITEM: &str = "INSERT INTO session_plan_items (id, session_id, \
     position, technique_id, snapshot, added_by, added_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7)";

pub(crate) const SET_POSITION: &str =
    "UPDATE session_plan_items SET position = $3 WHERE id = $1 AND session_id = $2";

pub(crate) const DELETE_ITEM: &str =
    "DELETE FROM session_plan_items WHERE id = $1 AND session_id = $2";
