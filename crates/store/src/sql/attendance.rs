//! Attendance marks, their append-only log, and drop-in registrations.

/// PostgreSQL: taken first when marks or registrations of a session change, so changes to
/// one session queue up. (SQLite's single writer and `BEGIN IMMEDIATE` already serialize
/// every write.)
pub(crate) const LOCK_SESSION: &str = "SELECT id FROM group_sessions WHERE id = $1 FOR UPDATE";

/// `$1` session: who is expected, by display name, with their marks. Members whose
/// enrollment was active at the session (from at or before its end, until after its
/// start), live registrations when the group is drop-in, and anyone with a mark.
pub(crate) const ROSTER: &str = "WITH s AS (\
       SELECT id, group_id, starts_at, ends_at FROM group_sessions WHERE id = $1), \
     enrolled AS (\
       SELECT e.account_id FROM enrollments e JOIN s ON e.group_id = s.group_id \
       WHERE e.active_from IS NOT NULL AND e.active_from <= s.ends_at \
       AND (e.active_until IS NULL OR e.active_until > s.starts_at)), \
     registered AS (\
       SELECT r.account_id FROM session_registrations r JOIN s ON r.session_id = s.id \
       JOIN groups g ON g.id = s.group_id \
       WHERE r.cancelled_at IS NULL AND g.enrollment = 'drop_in'), \
     people AS (\
       SELECT account_id FROM enrolled UNION SELECT account_id FROM registered \
       UNION SELECT account_id FROM attendance WHERE session_id = $1) \
     SELECT a.id AS account_id, a.display_name, \
       EXISTS (SELECT 1 FROM enrolled x WHERE x.account_id = a.id) AS enrolled, \
       EXISTS (SELECT 1 FROM registered x WHERE x.account_id = a.id) AS registered, \
       t.status, t.minutes, t.source, t.marked_by, t.marked_at, t.online_minutes \
     FROM people p JOIN accounts a ON a.id = p.account_id \
     LEFT JOIN attendance t ON t.session_id = $1 AND t.account_id = a.id \
     ORDER BY a.display_name, a.id";

/// Writes a new mark or replaces one; the log keeps what it was.
pub(crate) const UPSERT_MARK: &str = "INSERT INTO attendance \
     (session_id, account_id, status, minutes, source, marked_by, marked_at, online_minutes) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
     ON CONFLICT (session_id, account_id) DO UPDATE SET status = excluded.status, \
     minutes = excluded.minutes, source = excluded.source, marked_by = excluded.marked_by, \
     marked_at = excluded.marked_at, online_minutes = excluded.online_minutes";

pub(crate) const INSERT_CHANGE: &str = "INSERT INTO attendance_changes \
     (id, session_id, account_id, status, minutes, source, changed_by, changed_at, reason) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

/// Marking a session holds it; a cancelled or already held one stays as it is.
pub(crate) const HOLD_SESSION: &str =
    "UPDATE group_sessions SET status = 'held' WHERE id = $1 AND status = 'scheduled'";

/// `$1` session: its log with the member's and the author's names, oldest first.
pub(crate) const CHANGES: &str = "SELECT c.session_id, c.account_id, c.status, c.minutes, \
     c.source, c.changed_by, c.changed_at, c.reason, m.display_name AS member_name, \
     b.display_name AS changed_by_name \
     FROM attendance_changes c JOIN accounts m ON m.id = c.account_id \
     LEFT JOIN accounts b ON b.id = c.changed_by \
     WHERE c.session_id = $1 ORDER BY c.changed_at, m.display_name, c.id";

/// SQLite: whether the session exists (PostgreSQL learns it from `LOCK_SESSION`).
pub(crate) const SESSION_EXISTS: &str = "SELECT 1 FROM group_sessions WHERE id = $1";

/// `$1` session, `$2` account: a live registration.
pub(crate) const IS_REGISTERED: &str = "SELECT 1 FROM session_registrations \
     WHERE session_id = $1 AND account_id = $2 AND cancelled_at IS NULL";

pub(crate) const COUNT_REGISTERED: &str = "SELECT COUNT(*) FROM session_registrations \
     WHERE session_id = $1 AND cancelled_at IS NULL";

/// A new registration, or a cancelled one renewed.
pub(crate) const UPSERT_REGISTRATION: &str = "INSERT INTO session_registrations \
     (session_id, account_id, registered_at, cancelled_at) VALUES ($1, $2, $3, NULL) \
     ON CONFLICT (session_id, account_id) DO UPDATE \
     SET registered_at = excluded.registered_at, cancelled_at = NULL";

pub(crate) const CANCEL_REGISTRATION: &str = "UPDATE session_registrations SET cancelled_at = $3 \
     WHERE session_id = $1 AND account_id = $2 AND cancelled_at IS NULL";

pub(crate) const REGISTRATIONS: &str = "SELECT r.session_id, r.account_id, a.display_name, \
     r.registered_at FROM session_registrations r JOIN accounts a ON a.id = r.account_id \
     WHERE r.session_id = $1 AND r.cancelled_at IS NULL ORDER BY r.registered_at, a.display_name";

/// `$1` account, `$2` limit: their marks, newest session first.
pub(crate) const MARKS_OF_MEMBER: &str = "SELECT g.id AS group_id, g.name AS group_name, \
     s.id AS session_id, s.starts_at, s.ends_at, t.status, t.minutes, t.source \
     FROM attendance t JOIN group_sessions s ON s.id = t.session_id \
     JOIN groups g ON g.id = s.group_id \
     WHERE t.account_id = $1 ORDER BY s.starts_at DESC, s.id LIMIT $2";

/// `$1` account, `$2` group.
pub(crate) const REGISTERED_SESSIONS: &str = "SELECT r.session_id FROM session_registrations r \
     JOIN group_sessions s ON s.id = r.session_id \
     WHERE r.account_id = $1 AND s.group_id = $2 AND r.cancelled_at IS NULL";
