//! Group sessions: single occurrences of a group.

macro_rules! session_columns {
    () => {
        "id, group_id, starts_at, ends_at, status, cancel_reason, schedule_id, \
         occurrence_date, moved, room"
    };
}

pub(crate) const INSERT: &str = concat!(
    "INSERT INTO group_sessions (",
    session_columns!(),
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
);

/// `$1` group, `$2` from, `$3` limit: sessions still to end after `from`, earliest first,
/// whatever their status (a cancelled one is shown with its reason).
pub(crate) const OF_GROUP: &str = concat!(
    "SELECT ",
    session_columns!(),
    " FROM group_sessions WHERE group_id = $1 AND ends_at > $2 ORDER BY starts_at, id LIMIT $3"
);

pub(crate) const BY_ID: &str = concat!(
    "SELECT ",
    session_columns!(),
    " FROM group_sessions WHERE id = $1"
);
