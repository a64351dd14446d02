//! Group notes, member notes and addenda. Text columns hold sealed bytes.

/// `$1` session.
pub(crate) const NOTE: &str = "SELECT n.session_id, n.org_id, n.group_id, n.author_id, \
     a.display_name AS author_name, n.status, n.topic, n.techniques, n.themes, n.observations, \
     n.participant_count, n.created_at, n.updated_at, n.signed_at, n.cosigned_by, \
     COALESCE(c.display_name, '') AS cosigner_name, n.cosigned_at \
     FROM group_notes n JOIN accounts a ON a.id = n.author_id \
     LEFT JOIN accounts c ON c.id = n.cosigned_by WHERE n.session_id = $1";

/// `$1` session: its sections in roster order.
pub(crate) const SECTIONS: &str = "SELECT m.id, m.session_id, m.member_id, \
     a.display_name, m.data, m.assessment, m.plan, m.response, m.risk_level, m.risk_notes \
     FROM member_notes m JOIN accounts a ON a.id = m.member_id \
     WHERE m.session_id = $1 ORDER BY m.position";

/// `$1` session: the addenda of its member notes, oldest first.
pub(crate) const ADDENDA: &str = "SELECT d.id, d.member_note_id, d.author_id, \
     a.display_name AS author_name, d.body, d.created_at \
     FROM note_addenda d JOIN member_notes m ON m.id = d.member_note_id \
     JOIN accounts a ON a.id = d.author_id \
     WHERE m.session_id = $1 ORDER BY d.created_at, d.id";

/// `$1` session … `$15` cosigned_at.
pub(crate) const UPSERT_NOTE: &str = "INSERT INTO group_notes (session_id, org_id, group_id, \
     author_id, status, topic, techniques, themes, observations, participant_count, \
     created_at, updated_at, signed_at, cosigned_by, cosigned_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) \
     ON CONFLICT (session_id) DO UPDATE SET author_id = excluded.author_id, \
     status = excluded.status, topic = excluded.topic, techniques = excluded.techniques, \
     themes = excluded.themes, observations = excluded.observations, \
     participant_count = excluded.participant_count, updated_at = excluded.updated_at, \
     signed_at = excluded.signed_at, cosigned_by = excluded.cosigned_by, \
     cosigned_at = excluded.cosigned_at";

/// `$1` session.
pub(crate) const DELETE_SECTIONS: &str = "DELETE FROM member_notes WHERE session_id = $1";

/// `$1` id … `$10` risk notes.
pub(crate) const INSERT_SECTION: &str = "INSERT INTO member_notes (id, session_id, member_id, \
     position, data, assessment, plan, response, risk_level, risk_notes) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

/// `$1` session: names the session's members gave on requests to join the organization.
pub(crate) const REQUEST_NAMES: &str = "SELECT DISTINCT r.account_id, r.name \
     FROM intake_requests r \
     JOIN group_sessions s ON s.id = $1 JOIN groups g ON g.id = s.group_id \
     WHERE r.org_id = g.org_id AND (\
       r.account_id IN (SELECT e.account_id FROM enrollments e WHERE e.group_id = g.id) \
       OR r.account_id IN (SELECT t.account_id FROM attendance t WHERE t.session_id = $1) \
       OR r.account_id IN (SELECT x.account_id FROM session_registrations x \
                           WHERE x.session_id = $1))";

/// `$1` session.
pub(crate) const NOTE_STATUS: &str = "SELECT status FROM group_notes WHERE session_id = $1";

/// `$1` member note.
pub(crate) const MEMBER_NOTE_REF: &str = "SELECT m.id, m.session_id, m.member_id, n.status \
     FROM member_notes m JOIN group_notes n ON n.session_id = m.session_id WHERE m.id = $1";

/// `$1` id … `$5` created_at.
pub(crate) const INSERT_ADDENDUM: &str = "INSERT INTO note_addenda \
     (id, member_note_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5)";

/// `$1` organization.
pub(crate) const COSIGN_QUEUE: &str = "SELECT n.session_id, n.group_id, g.name AS group_name, \
     g.time_zone, s.starts_at, n.author_id, a.display_name AS author_name, n.signed_at \
     FROM group_notes n JOIN groups g ON g.id = n.group_id \
     JOIN group_sessions s ON s.id = n.session_id JOIN accounts a ON a.id = n.author_id \
     WHERE n.org_id = $1 AND n.status = 'awaiting_cosign' ORDER BY n.signed_at, n.session_id";

macro_rules! undocumented {
    ($scope:literal) => {
        concat!(
            "SELECT s.id AS session_id, g.org_id, g.id AS group_id, g.name AS group_name, \
             g.time_zone, s.starts_at, s.ends_at, n.status AS note_status \
             FROM group_sessions s JOIN groups g ON g.id = s.group_id \
             LEFT JOIN group_notes n ON n.session_id = s.id ",
            $scope,
            " AND s.status <> 'cancelled' AND s.ends_at < $2 \
             AND (n.status IS NULL OR n.status <> 'signed') \
             ORDER BY s.ends_at, s.id LIMIT $3"
        )
    };
}

/// `$1` organization, `$2` ended before, `$3` limit.
pub(crate) const UNDOCUMENTED_IN_ORG: &str = undocumented!("WHERE g.org_id = $1");

/// `$1` facilitator, `$2` ended before, `$3` limit.
pub(crate) const UNDOCUMENTED_OF_FACILITATOR: &str =
    undocumented!("JOIN group_facilitators f ON f.group_id = g.id WHERE f.account_id = $1");

/// `$1` organization, `$2` member: the groups of the member's enrollments and marks there,
/// found from the member's own rows (indexed by account), a group once per row.
pub(crate) const MEMBER_GROUP_IDS: &str = "SELECT e.group_id FROM enrollments e \
     JOIN groups g ON g.id = e.group_id WHERE e.account_id = $2 AND g.org_id = $1 \
     UNION ALL SELECT s.group_id FROM attendance t JOIN group_sessions s ON s.id = t.session_id \
     JOIN groups g ON g.id = s.group_id WHERE t.account_id = $2 AND g.org_id = $1";

/// `$1` member.
pub(crate) const DISPLAY_NAME: &str = "SELECT display_name FROM accounts WHERE id = $1";

/// `$1` organization, `$2` member.
pub(crate) const CHART_ENROLLMENTS: &str = "SELECT e.group_id, g.name AS group_name, e.status, \
     e.created_at, e.active_from, e.active_until FROM enrollments e \
     JOIN groups g ON g.id = e.group_id WHERE g.org_id = $1 AND e.account_id = $2 \
     ORDER BY e.created_at DESC, e.id";

/// `$1` organization, `$2` member, `$3` limit.
pub(crate) const CHART_MARKS: &str = "SELECT g.id AS group_id, g.name AS group_name, \
     s.id AS session_id, s.starts_at, s.ends_at, t.status, t.minutes, t.source \
     FROM attendance t JOIN group_sessions s ON s.id = t.session_id \
     JOIN groups g ON g.id = s.group_id \
     WHERE g.org_id = $1 AND t.account_id = $2 ORDER BY s.starts_at DESC, s.id LIMIT $3";

/// `$1` organization, `$2` member, `$3` the member's display name (the chart has it
/// already, so no account row is looked up per note): the member's signed notes (and those
/// waiting for co-signature) with their group notes' shared part, newest session first.
pub(crate) const CHART_NOTES: &str = "SELECT n.session_id, n.group_id, g.name AS group_name, \
     s.starts_at AS session_starts_at, n.status, a.display_name AS author_name, n.signed_at, \
     COALESCE(c.display_name, '') AS cosigner_name, n.cosigned_at, n.participant_count, \
     n.topic, n.techniques, n.themes, n.observations, \
     m.id, m.member_id, CAST($3 AS TEXT) AS display_name, m.data, m.assessment, m.plan, m.response, \
     m.risk_level, m.risk_notes \
     FROM member_notes m JOIN group_notes n ON n.session_id = m.session_id \
     JOIN group_sessions s ON s.id = n.session_id JOIN groups g ON g.id = n.group_id \
     JOIN accounts a ON a.id = n.author_id \
     LEFT JOIN accounts c ON c.id = n.cosigned_by \
     WHERE n.org_id = $1 AND m.member_id = $2 AND n.status <> 'draft' \
     ORDER BY s.starts_at DESC, s.id";

/// `$1` organization, `$2` member: addenda of the member's notes, oldest first.
pub(crate) const CHART_ADDENDA: &str = "SELECT d.id, d.member_note_id, d.author_id, \
     a.display_name AS author_name, d.body, d.created_at \
     FROM note_addenda d JOIN member_notes m ON m.id = d.member_note_id \
     JOIN group_notes n ON n.session_id = m.session_id JOIN accounts a ON a.id = d.author_id \
     WHERE n.org_id = $1 AND m.member_id = $2 ORDER BY d.created_at, d.id";

/// `$1` session: whether its note is signed (attendance locks with it).
pub(crate) const DOCUMENTED: &str = "SELECT EXISTS (SELECT 1 FROM group_notes \
     WHERE session_id = $1 AND status <> 'draft')";
