//! The rows reports are computed from: attendance marks with their session, group, program
//! and member, and enrollment spans.

/// `$1` organization, `$2` from, `$3` to, then the scope's parameter as `$4`. Sessions are
/// found by start time through `(group_id, starts_at)` or `starts_at`; their marks through
/// the attendance primary key.
macro_rules! facts {
    ($scope:literal) => {
        concat!(
            "SELECT s.id AS session_id, s.starts_at, s.ends_at, g.time_zone, g.id AS group_id, \
             g.name AS group_name, g.kind, p.level_of_care, g.billing_code, g.billing_modifier, \
             COALESCE((SELECT fa.display_name FROM group_facilitators f \
               JOIN accounts fa ON fa.id = f.account_id \
               WHERE f.group_id = g.id AND f.lead LIMIT 1), '') AS facilitator_name, \
             a.account_id, m.display_name AS member_name, a.status, a.minutes \
             FROM group_sessions s \
             JOIN groups g ON g.id = s.group_id \
             JOIN programs p ON p.id = g.program_id \
             JOIN attendance a ON a.session_id = s.id \
             JOIN accounts m ON m.id = a.account_id \
             WHERE g.org_id = $1 AND s.starts_at >= $2 AND s.starts_at < $3 ",
            $scope,
            " ORDER BY s.starts_at, s.id, m.display_name, a.account_id"
        )
    };
}

pub(crate) const FACTS_OF_ORG: &str = facts!("");
pub(crate) const FACTS_OF_GROUP: &str = facts!("AND s.group_id = $4");
pub(crate) const FACTS_OF_MEMBER: &str = facts!("AND a.account_id = $4");

pub(crate) const SPANS: &str = "SELECT e.account_id, a.display_name AS member_name, \
     e.active_from, e.active_until FROM enrollments e JOIN accounts a ON a.id = e.account_id \
     WHERE e.group_id = $1 AND e.active_from IS NOT NULL ORDER BY e.active_from, e.id";

pub(crate) const EVER_ENROLLED_IN_ORG: &str = "SELECT 1 FROM enrollments e \
     JOIN groups g ON g.id = e.group_id WHERE e.account_id = $1 AND g.org_id = $2 LIMIT 1";
