//! Enrollments, their events and the roster a rule reads under the group's lock.

/// PostgreSQL: taken first in a roster change, so changes to one group queue up. (SQLite's
/// single writer and `BEGIN IMMEDIATE` already serialize every write.)
pub(crate) const LOCK_GROUP: &str = "SELECT id FROM groups WHERE id = $1 FOR UPDATE";

pub(crate) const ROSTER_GROUP: &str = "SELECT g.id, g.org_id, g.name, g.capacity, \
     g.enrollment, g.offer_hours, g.archived_at, \
     (SELECT MIN(s.starts_at) FROM group_sessions s \
       WHERE s.group_id = g.id AND s.status <> 'cancelled' \
       AND (s.schedule_id = (SELECT c.id FROM schedules c \
              WHERE c.group_id = g.id AND c.archived_at IS NULL \
              ORDER BY c.created_at DESC, c.id LIMIT 1) \
            OR NOT EXISTS (SELECT 1 FROM schedules c \
              WHERE c.group_id = g.id AND c.archived_at IS NULL))) AS cohort_starts_at \
     FROM groups g WHERE g.id = $1";

macro_rules! enrollment_columns {
    () => {
        "e.id, e.group_id, e.account_id, e.status, e.created_at, e.queue_position, \
         e.offer_expires_at, e.active_from, e.active_until, e.updated_at"
    };
}

/// `$1` group: its current enrollments with display names.
pub(crate) const ROSTER_ENTRIES: &str = concat!(
    "SELECT ",
    enrollment_columns!(),
    ", a.display_name FROM enrollments e JOIN accounts a ON a.id = e.account_id \
     WHERE e.group_id = $1 AND e.status IN ('requested', 'waitlisted', 'active') \
     ORDER BY e.created_at, e.id"
);

pub(crate) const CURRENT: &str = concat!(
    "SELECT ",
    enrollment_columns!(),
    " FROM enrollments e WHERE e.group_id = $1 AND e.account_id = $2 \
     AND e.status IN ('requested', 'waitlisted', 'active')"
);

pub(crate) const BY_ID: &str = concat!(
    "SELECT ",
    enrollment_columns!(),
    " FROM enrollments e WHERE e.id = $1"
);

/// Writes a new enrollment or the new state of one; who it is and since when never change.
pub(crate) const UPSERT: &str = "INSERT INTO enrollments (id, group_id, account_id, status, \
     created_at, queue_position, offer_expires_at, active_from, active_until, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, \
     queue_position = excluded.queue_position, offer_expires_at = excluded.offer_expires_at, \
     active_from = excluded.active_from, active_until = excluded.active_until, \
     updated_at = excluded.updated_at";

pub(crate) const INSERT_EVENT: &str = "INSERT INTO enrollment_events \
     (id, enrollment_id, action, status, actor_id, reason, seq, at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

pub(crate) const EVENTS: &str = "SELECT enrollment_id, action, status, actor_id, reason, seq, \
     at FROM enrollment_events WHERE enrollment_id = $1 ORDER BY at, seq";

pub(crate) const EXPIRED_OFFERS: &str = "SELECT DISTINCT group_id FROM enrollments \
     WHERE status = 'waitlisted' AND offer_expires_at <= $1";
