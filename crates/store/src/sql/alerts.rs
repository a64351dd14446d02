//! Safety alerts.

macro_rules! alert_select {
    () => {
        "SELECT x.id, x.org_id, x.group_id, g.name AS group_name, g.time_zone, x.session_id, x.member_id, \
         m.display_name AS member_name, x.source, x.message_seq, x.category, x.raised_at, \
         x.acknowledged_by, k.display_name AS acknowledged_name, x.acknowledged_at, \
         x.ack_note_sealed \
         FROM alerts x JOIN groups g ON g.id = x.group_id \
         JOIN accounts m ON m.id = x.member_id \
         LEFT JOIN accounts k ON k.id = x.acknowledged_by "
    };
}

pub(crate) const INSERT: &str = "INSERT INTO alerts (id, org_id, group_id, session_id, \
     member_id, source, message_seq, category, raised_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

/// `$1` organization, `$2` id.
pub(crate) const ONE: &str = concat!(alert_select!(), "WHERE x.org_id = $1 AND x.id = $2");

/// `$1` organization, `$2` limit: open ones first, then the newest.
pub(crate) const OF_ORG: &str = concat!(
    alert_select!(),
    "WHERE x.org_id = $1 \
     ORDER BY (x.acknowledged_at IS NULL) DESC, x.raised_at DESC, x.id LIMIT $2"
);

/// Acknowledges an alert still open (`$1` id, `$2` by, `$3` sealed note, `$4` at).
pub(crate) const ACKNOWLEDGE: &str = "UPDATE alerts SET acknowledged_by = $2, \
     ack_note_sealed = $3, acknowledged_at = $4 WHERE id = $1 AND acknowledged_at IS NULL";
