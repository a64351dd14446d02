//! Rooms' chat messages.

macro_rules! message_select {
    () => {
        "SELECT m.id, m.session_id, m.seq, m.client_id, m.author_id, \
         a.display_name AS author_name, m.body_sealed, m.sent_at, m.hidden_by, \
         m.hidden_reason_sealed, m.hidden_at \
         FROM room_messages m JOIN accounts a ON a.id = m.author_id "
    };
}

/// `$1` session, `$2` author, `$3` client id: a message already sent.
pub(crate) const BY_CLIENT_ID: &str = concat!(
    message_select!(),
    "WHERE m.session_id = $1 AND m.author_id = $2 AND m.client_id = $3"
);

/// `$1` session, `$2` seq.
pub(crate) const BY_SEQ: &str =
    concat!(message_select!(), "WHERE m.session_id = $1 AND m.seq = $2");

/// `$1` session, `$2` after this seq, `$3` limit.
pub(crate) const AFTER: &str = concat!(
    message_select!(),
    "WHERE m.session_id = $1 AND m.seq > $2 ORDER BY m.seq LIMIT $3"
);

/// `$1` session: the room's last sequence number, 0 before its first message.
pub(crate) const LAST_SEQ: &str =
    "SELECT COALESCE(MAX(seq), 0) FROM room_messages WHERE session_id = $1";

/// PostgreSQL only: the session row, locked until the transaction ends, so the room's
/// appends take their sequence numbers one after another.
pub(crate) const LOCK_ROOM: &str = "SELECT id FROM group_sessions WHERE id = $1 FOR UPDATE";

pub(crate) const INSERT: &str = "INSERT INTO room_messages (id, session_id, seq, client_id, \
     author_id, body_sealed, sent_at) VALUES ($1, $2, $3, $4, $5, $6, $7)";

/// Hides a message not hidden yet (`$1` session, `$2` seq, `$3` by, `$4` sealed reason,
/// `$5` at).
pub(crate) const HIDE: &str = "UPDATE room_messages SET hidden_by = $3, \
     hidden_reason_sealed = $4, hidden_at = $5 \
     WHERE session_id = $1 AND seq = $2 AND hidden_at IS NULL";

/// A stay in the room (`$1` session, `$2` member, `$3` joined, `$4` left); the same stay
/// recorded twice keeps the longer end.
pub(crate) const INSERT_VISIT: &str = "INSERT INTO room_visits (session_id, account_id, \
     joined_at, left_at) VALUES ($1, $2, $3, $4) \
     ON CONFLICT (session_id, account_id, joined_at) DO UPDATE SET left_at = \
     CASE WHEN excluded.left_at > room_visits.left_at THEN excluded.left_at \
     ELSE room_visits.left_at END";

/// `$1` session, `$2` member: their stays, oldest first.
pub(crate) const VISITS: &str = "SELECT joined_at, left_at FROM room_visits \
     WHERE session_id = $1 AND account_id = $2 ORDER BY joined_at";

pub(crate) const INSERT_REMOVAL: &str = "INSERT INTO room_removals (session_id, account_id, \
     removed_by, removed_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING";

pub(crate) const INSERT_END: &str = "INSERT INTO room_ends (session_id, ended_by, ended_at) \
     VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";

/// `$1` session, `$2` member, `$3` until: a mute, replacing one before it.
pub(crate) const UPSERT_MUTE: &str = "INSERT INTO room_mutes (session_id, account_id, until) \
     VALUES ($1, $2, $3) ON CONFLICT (session_id, account_id) DO UPDATE SET until = excluded.until";

pub(crate) const DELETE_MUTE: &str =
    "DELETE FROM room_mutes WHERE session_id = $1 AND account_id = $2";

/// `$1` session, `$2` now: mutes still running.
pub(crate) const MUTES: &str =
    "SELECT account_id, until FROM room_mutes WHERE session_id = $1 AND until > $2";

/// `$1` session, `$2` member: whether they were removed.
pub(crate) const REMOVED: &str = "SELECT EXISTS (SELECT 1 FROM room_removals \
     WHERE session_id = $1 AND account_id = $2)";

/// `$1` session: when the room was ended.
pub(crate) const ENDED_AT: &str = "SELECT ended_at FROM room_ends WHERE session_id = $1";

/// `$1` session, `$2` seq: the row id, to bind the sealed reason to.
pub(crate) const ID_OF: &str = "SELECT id FROM room_messages WHERE session_id = $1 AND seq = $2";
