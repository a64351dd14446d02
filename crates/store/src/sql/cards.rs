//! Group cards: a group in a list, with its organization, program, location, lead role and
//! number of active members, all from one query; and a member's "my groups".

/// The card's columns over `groups g` joined by `card_joins!`. The status and lead codes are
/// `EnrollmentStatus::Active` and the one lead facilitator (a unique index keeps it one).
macro_rules! card_columns {
    () => {
        "g.id, g.org_id, o.name AS org_name, p.name AS program_name, \
         l.name AS location_name, g.name, g.kind, g.enrollment, g.format, g.capacity, \
         (SELECT COUNT(*) FROM enrollments ae WHERE ae.group_id = g.id AND ae.status = 'active') \
           AS active_members, \
         (SELECT f.role FROM group_facilitators f WHERE f.group_id = g.id AND f.lead LIMIT 1) \
           AS lead_role, \
         g.time_zone, g.archived_at"
    };
}

macro_rules! card_joins {
    () => {
        " JOIN organizations o ON o.id = g.org_id \
          JOIN programs p ON p.id = g.program_id \
          JOIN locations l ON l.id = g.location_id "
    };
}

/// Name order that reads naturally and is the same on both backends for plain names.
macro_rules! by_name {
    () => {
        " ORDER BY LOWER(g.name), g.name, g.id"
    };
}

pub(crate) const OF_ORG: &str = concat!(
    "SELECT ",
    card_columns!(),
    " FROM groups g",
    card_joins!(),
    "WHERE g.org_id = $1",
    by_name!()
);

/// Every organization's open groups: not archived, nor their program or organization.
pub(crate) const PUBLIC: &str = concat!(
    "SELECT ",
    card_columns!(),
    " FROM groups g",
    card_joins!(),
    "WHERE g.archived_at IS NULL AND p.archived_at IS NULL AND o.archived_at IS NULL",
    by_name!()
);

pub(crate) const ACTIVE_MEMBER_COUNT: &str =
    "SELECT COUNT(*) FROM enrollments WHERE group_id = $1 AND status = 'active'";

/// `$1` account, `$2` now. Each current enrollment with its card and the group's next
/// session that is not held (picked by a correlated subquery), so the page costs no query per
/// group. A cancelled next session is shown, so nobody travels to a session that is off.
pub(crate) const OF_MEMBER: &str = concat!(
    "SELECT ",
    card_columns!(),
    ", e.status AS enrollment_status, e.offer_expires_at, n.id AS next_id, n.starts_at AS next_starts_at, \
     n.ends_at AS next_ends_at, n.status AS next_status, \
     n.cancel_reason AS next_cancel_reason, n.schedule_id AS next_schedule_id, \
     n.occurrence_date AS next_occurrence_date, n.moved AS next_moved, n.room AS next_room \
     FROM enrollments e JOIN groups g ON g.id = e.group_id",
    card_joins!(),
    "LEFT JOIN group_sessions n ON n.id = ( \
       SELECT x.id FROM group_sessions x \
       WHERE x.group_id = g.id AND x.status <> 'held' AND x.starts_at > $2 \
       ORDER BY x.starts_at, x.id LIMIT 1) \
     WHERE e.account_id = $1 AND e.status IN ('requested', 'waitlisted', 'active')",
    by_name!()
);
