//! Group sessions: single occurrences of a group.

pub(crate) const INSERT: &str = "INSERT INTO group_sessions \
     (id, group_id, starts_at, ends_at, status, cancel_reason) VALUES ($1, $2, $3, $4, $5, $6)";

/// `$1` group, `$2` from, `$3` limit: sessions still to end after `from`, earliest first,
/// whatever their status (a cancelled one is shown with its reason).
pub(crate) const OF_GROUP: &str = "SELECT id, group_id, starts_at, ends_at, status, \
     cancel_reason FROM group_sessions WHERE group_id = $1 AND ends_at > $2 \
     ORDER BY starts_at, id LIMIT $3";
