//! Schedules, and the sessions they make: planned writes, changes by hand, overlap slots.
//!
//! Days are stored as comma-separated day codes Monday first (`tue,thu`), the start time as
//! `HH:MM` local text, dates as DATE (PostgreSQL) or `YYYY-MM-DD` text (SQLite).
//!
//! The statements ending in `_BATCH` are PostgreSQL's only: they bind whole arrays, which
//! SQLite has no type for. SQLite runs the one-row statement beside each of them in a loop
//! on one prepared statement inside the same transaction, which is as fast there (no round
//! trips), while PostgreSQL would pay one round trip per row.

macro_rules! schedule_columns {
    () => {
        "s.id, s.group_id, s.days, s.start_time, s.duration_minutes, s.interval_weeks, \
         s.first_date, s.end_kind, s.until_date, s.end_count, s.room, s.created_at, \
         s.archived_at"
    };
}

macro_rules! session_columns {
    () => {
        "id, group_id, starts_at, ends_at, status, cancel_reason, schedule_id, \
         occurrence_date, moved, room"
    };
}

/// `$1` … `$12` are the update's parameters too; the creation time comes last.
pub(crate) const INSERT: &str = "INSERT INTO schedules (id, group_id, days, start_time, \
     duration_minutes, interval_weeks, first_date, end_kind, until_date, end_count, room, \
     archived_at, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";

/// The group and creation time never change, nor does how far sessions were made.
pub(crate) const UPDATE: &str = "UPDATE schedules SET days = $3, start_time = $4, \
     duration_minutes = $5, interval_weeks = $6, first_date = $7, end_kind = $8, \
     until_date = $9, end_count = $10, room = $11, archived_at = $12 \
     WHERE id = $1 AND group_id = $2";

pub(crate) const BY_ID: &str = concat!(
    "SELECT ",
    schedule_columns!(),
    " FROM schedules s WHERE s.id = $1"
);

pub(crate) const OF_GROUP: &str = concat!(
    "SELECT ",
    schedule_columns!(),
    " FROM schedules s WHERE s.group_id = $1 ORDER BY s.created_at, s.id"
);

/// `$1` until, `$2` the last id of the previous page ("" for the first), `$3` limit.
pub(crate) const NEEDING_SESSIONS: &str = concat!(
    "SELECT ",
    schedule_columns!(),
    ", g.time_zone FROM schedules s JOIN groups g ON g.id = s.group_id \
     WHERE s.archived_at IS NULL AND g.archived_at IS NULL \
     AND (s.materialized_until IS NULL OR s.materialized_until < $1) AND s.id > $2 \
     ORDER BY s.id LIMIT $3"
);

/// `$1` schedule, `$2` after.
pub(crate) const FUTURE_SESSIONS: &str = concat!(
    "SELECT ",
    session_columns!(),
    " FROM group_sessions WHERE schedule_id = $1 AND starts_at > $2 ORDER BY starts_at, id"
);

/// `$1` schedules (array), `$2` after.
pub(crate) const FUTURE_SESSIONS_BATCH: &str = concat!(
    "SELECT ",
    session_columns!(),
    " FROM group_sessions WHERE schedule_id = ANY($1) AND starts_at > $2 \
     ORDER BY starts_at, id"
);

/// Sets `materialized_until` (`$2`) only while the schedule is still exactly as planned
/// (`$3` … `$12` as in [`UPDATE`], `$12` whether it is archived): one row changed means
/// its plan may be applied. On PostgreSQL the row stays locked until the transaction ends.
pub(crate) const CLAIM: &str = "UPDATE schedules SET materialized_until = $2 \
     WHERE id = $1 AND days = $3 AND start_time = $4 AND duration_minutes = $5 \
     AND interval_weeks = $6 AND first_date = $7 AND end_kind = $8 \
     AND until_date IS NOT DISTINCT FROM $9 AND end_count IS NOT DISTINCT FROM $10 \
     AND room = $11 AND (archived_at IS NOT NULL) = $12";

/// [`CLAIM`] for many schedules at once; returns the ids claimed. `$1` materialized until.
pub(crate) const CLAIM_BATCH: &str = "UPDATE schedules s SET materialized_until = $1 \
     FROM UNNEST($2::text[], $3::text[], $4::text[], $5::int4[], $6::int4[], $7::date[], \
       $8::text[], $9::date[], $10::int4[], $11::text[], $12::bool[]) \
       AS p(id, days, start_time, duration_minutes, interval_weeks, first_date, end_kind, \
            until_date, end_count, room, archived) \
     WHERE s.id = p.id AND s.days = p.days AND s.start_time = p.start_time \
     AND s.duration_minutes = p.duration_minutes AND s.interval_weeks = p.interval_weeks \
     AND s.first_date = p.first_date AND s.end_kind = p.end_kind \
     AND s.until_date IS NOT DISTINCT FROM p.until_date \
     AND s.end_count IS NOT DISTINCT FROM p.end_count AND s.room = p.room \
     AND (s.archived_at IS NOT NULL) = p.archived \
     RETURNING s.id";

/// A planned session; an occurrence that already has one keeps it.
pub(crate) const INSERT_PLANNED: &str = concat!(
    "INSERT INTO group_sessions (",
    session_columns!(),
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
     ON CONFLICT (schedule_id, occurrence_date) DO NOTHING"
);

/// [`INSERT_PLANNED`] for many sessions: one array per column.
pub(crate) const INSERT_PLANNED_BATCH: &str = concat!(
    "INSERT INTO group_sessions (",
    session_columns!(),
    ") SELECT * FROM UNNEST($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], \
       $5::text[], $6::text[], $7::text[], $8::date[], $9::bool[], $10::text[]) \
     ON CONFLICT (schedule_id, occurrence_date) DO NOTHING"
);

/// New times and room for a session nobody has changed by hand.
pub(crate) const RESCHEDULE: &str = "UPDATE group_sessions \
     SET starts_at = $2, ends_at = $3, room = $4 \
     WHERE id = $1 AND moved = FALSE AND status = 'scheduled'";

/// Removes a session nobody has changed by hand, registered for or been marked at.
pub(crate) const REMOVE: &str = "DELETE FROM group_sessions \
     WHERE id = $1 AND moved = FALSE AND status = 'scheduled' \
     AND NOT EXISTS (SELECT 1 FROM session_registrations r WHERE r.session_id = $1) \
     AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = $1) \
     AND NOT EXISTS (SELECT 1 FROM attendance_changes c WHERE c.session_id = $1)";

/// `$1` id, `$2` reason, `$3` now.
pub(crate) const CANCEL: &str = "UPDATE group_sessions \
     SET status = 'cancelled', cancel_reason = $2 \
     WHERE id = $1 AND status = 'scheduled' AND ends_at > $3";

/// `$1` id, `$2` now.
pub(crate) const RESTORE: &str = "UPDATE group_sessions \
     SET status = 'scheduled', cancel_reason = '' \
     WHERE id = $1 AND status = 'cancelled' AND starts_at > $2";

/// `$1` id, `$2` starts, `$3` ends, `$4` room, `$5` now.
pub(crate) const MOVE: &str = "UPDATE group_sessions \
     SET starts_at = $2, ends_at = $3, room = $4, moved = TRUE \
     WHERE id = $1 AND status = 'scheduled' AND ends_at > $5";

/// No session lasts longer: [`SLOTS`] looks this far back for sessions still going on.
pub(crate) const LONGEST_SESSION: chrono::TimeDelta = chrono::TimeDelta::days(2);

/// `$1` organization, sessions overlapping `[$2, $3)`. `$4` is `$2` less
/// [`LONGEST_SESSION`], a lower bound on their start so the start index serves the range.
pub(crate) const SLOTS: &str = "SELECT s.id AS session_id, s.group_id, g.name AS group_name, \
     s.starts_at, s.ends_at, g.location_id, s.room \
     FROM group_sessions s JOIN groups g ON g.id = s.group_id \
     WHERE g.org_id = $1 AND g.archived_at IS NULL AND s.status <> 'cancelled' \
     AND s.starts_at >= $4 AND s.starts_at < $3 AND s.ends_at > $2 \
     ORDER BY s.starts_at, s.id";

/// The facilitators of the organization's groups that are not archived.
pub(crate) const ORG_FACILITATORS: &str = "SELECT f.group_id, f.account_id \
     FROM group_facilitators f JOIN groups g ON g.id = f.group_id \
     WHERE g.org_id = $1 AND g.archived_at IS NULL";
