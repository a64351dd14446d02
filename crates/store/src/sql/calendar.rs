//! Calendar feeds and the sessions they show.

pub(crate) const REVOKE_LIVE_OF_KIND: &str = "UPDATE calendar_feeds SET revoked_at = $3 \
     WHERE account_id = $1 AND kind = $2 AND revoked_at IS NULL";

pub(crate) const INSERT: &str = "INSERT INTO calendar_feeds \
     (id, account_id, kind, token_hash, show_group_names, created_at, revoked_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7)";

pub(crate) const LIVE_OF: &str = "SELECT id, account_id, kind, token_hash, show_group_names, \
     created_at, revoked_at FROM calendar_feeds WHERE account_id = $1 AND revoked_at IS NULL \
     ORDER BY kind";

pub(crate) const BY_TOKEN: &str = "SELECT id, account_id, kind, token_hash, show_group_names, \
     created_at, revoked_at FROM calendar_feeds WHERE token_hash = $1";

pub(crate) const REVOKE: &str = "UPDATE calendar_feeds SET revoked_at = $3 \
     WHERE account_id = $1 AND id = $2 AND revoked_at IS NULL";

/// The feed columns of a session `s` of group `g` at location `l`.
macro_rules! feed_columns {
    () => {
        "s.id AS session_id, g.id AS group_id, g.name AS group_name, g.time_zone, g.format, \
         s.starts_at, s.ends_at, s.status, s.cancel_reason, s.moved, l.name AS location_name, \
         l.address, l.city, l.postcode, s.room, l.kind AS location_kind"
    };
}

/// `$1` account, `$2` from, `$3` to. Driven from the person's enrollments (and drop-in
/// registrations), so it reads their groups' sessions only, through the
/// `(group_id, starts_at)` index.
pub(crate) const MEMBER_SESSIONS: &str = concat!(
    "SELECT ",
    feed_columns!(),
    " FROM enrollments e \
     JOIN group_sessions s ON s.group_id = e.group_id AND s.starts_at >= $2 AND s.starts_at < $3 \
       AND s.ends_at >= e.active_from \
       AND (e.active_until IS NULL OR s.starts_at < e.active_until) \
     JOIN groups g ON g.id = s.group_id JOIN locations l ON l.id = g.location_id \
     WHERE e.account_id = $1 AND e.active_from IS NOT NULL \
     UNION \
     SELECT ",
    feed_columns!(),
    " FROM session_registrations r \
     JOIN group_sessions s ON s.id = r.session_id AND s.starts_at >= $2 AND s.starts_at < $3 \
     JOIN groups g ON g.id = s.group_id JOIN locations l ON l.id = g.location_id \
     WHERE r.account_id = $1 AND r.cancelled_at IS NULL \
     ORDER BY starts_at, session_id"
);

pub(crate) const FACILITATOR_SESSIONS: &str = concat!(
    "SELECT ",
    feed_columns!(),
    " FROM group_facilitators f \
     JOIN group_sessions s ON s.group_id = f.group_id AND s.starts_at >= $2 AND s.starts_at < $3 \
     JOIN groups g ON g.id = s.group_id JOIN locations l ON l.id = g.location_id \
     WHERE f.account_id = $1 ORDER BY s.starts_at, s.id"
);

/// The location's columns in `LocationRow` order, then the group's.
pub(crate) const PEER_LISTINGS: &str =
    "SELECT l.id, l.org_id, l.name, l.kind, l.address, l.city, l.postcode, l.latitude, \
     l.longitude, l.created_at, l.archived_at, g.id AS group_id, g.name AS group_name, \
     g.description, g.format, g.language, g.time_zone, g.created_at AS group_created_at, \
     o.name AS org_name \
     FROM groups g JOIN organizations o ON o.id = g.org_id \
     JOIN programs p ON p.id = g.program_id JOIN locations l ON l.id = g.location_id \
     WHERE g.kind = 'peer_support' AND g.archived_at IS NULL AND p.archived_at IS NULL \
     AND o.archived_at IS NULL AND l.archived_at IS NULL ORDER BY LOWER(g.name), g.name, g.id";

/// The schedules (not archived) of the groups [`PEER_LISTINGS`] reads, in `ScheduleRow` order.
pub(crate) const PEER_LISTING_SCHEDULES: &str =
    "SELECT s.id, s.group_id, s.days, s.start_time, s.duration_minutes, s.interval_weeks, \
     s.first_date, s.end_kind, s.until_date, s.end_count, s.room, s.created_at, \
     s.archived_at FROM schedules s JOIN groups g ON g.id = s.group_id \
     JOIN organizations o ON o.id = g.org_id JOIN programs p ON p.id = g.program_id \
     JOIN locations l ON l.id = g.location_id \
     WHERE s.archived_at IS NULL AND g.kind = 'peer_support' AND g.archived_at IS NULL \
     AND p.archived_at IS NULL AND o.archived_at IS NULL AND l.archived_at IS NULL \
     ORDER BY s.group_id, s.created_at, s.id";

/// Audiences and focus areas of peer support groups that are not archived, for the feed's
/// meeting types.
pub(crate) const PEER_LISTING_TAGS: &str = "SELECT t.group_id, t.tag_kind, t.value \
     FROM group_tags t JOIN groups g ON g.id = t.group_id \
     WHERE t.tag_kind IN ('audience', 'focus_area') AND g.kind = 'peer_support' \
     AND g.archived_at IS NULL ORDER BY t.group_id, t.tag_kind, t.value";
