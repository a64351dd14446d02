//! Requests to join, their history, and notifications.

macro_rules! request_columns {
    () => {
        "r.id, r.org_id, r.group_id, g.name AS group_name, r.account_id, r.name, r.contact, \
         r.contact_sealed, r.availability, r.availability_sealed, r.screening, \
         r.screening_sealed, r.status, r.referral, r.referral_sealed, r.message, \
         r.message_sealed, r.outcome, r.created_at, r.updated_at"
    };
}

macro_rules! request_select {
    () => {
        concat!(
            "SELECT ",
            request_columns!(),
            " FROM intake_requests r JOIN groups g ON g.id = r.group_id "
        )
    };
}

/// The free text goes in sealed (`$6`, `$7`, `$8`, `$10`, `$11`); its text columns stay
/// empty.
pub(crate) const INSERT: &str = "INSERT INTO intake_requests (id, org_id, group_id, \
     account_id, name, contact, contact_sealed, availability, availability_sealed, screening, \
     screening_sealed, status, referral, referral_sealed, message, message_sealed, outcome, \
     created_at, updated_at) \
     VALUES ($1, $2, $3, $4, $5, '', $6, '', $7, NULL, $8, $9, '', $10, '', $11, $12, $13, $14)";

/// A step changes only where the request stands; who asked and what they wrote stay.
/// Referral and message are sealed (`$3`, `$4`).
pub(crate) const UPDATE: &str = "UPDATE intake_requests SET status = $2, referral = '', \
     referral_sealed = $3, message = '', message_sealed = $4, outcome = $5, updated_at = $6 \
     WHERE id = $1";

pub(crate) const BY_ID: &str = concat!(request_select!(), "WHERE r.id = $1");

/// The group a request belongs to (PostgreSQL locks it before reading the request).
pub(crate) const GROUP_OF: &str = "SELECT group_id FROM intake_requests WHERE id = $1";

pub(crate) const OPEN: &str = concat!(
    request_select!(),
    "WHERE r.group_id = $1 AND r.account_id = $2 AND r.status IN ('new', 'contacted')"
);

pub(crate) const OF_ACCOUNT: &str = concat!(
    request_select!(),
    "WHERE r.account_id = $1 ORDER BY r.created_at DESC, r.id"
);

/// `$1` organization, `$2` account: the account's requests to that organization.
pub(crate) const OF_ACCOUNT_IN_ORG: &str = concat!(
    request_select!(),
    "WHERE r.account_id = $2 AND r.org_id = $1 ORDER BY r.created_at DESC, r.id"
);

/// `$2` a status code, or `''` for every status.
pub(crate) const OF_ORG: &str = concat!(
    request_select!(),
    "WHERE r.org_id = $1 AND ($2 = '' OR r.status = $2) ORDER BY r.created_at, r.id"
);

pub(crate) const COUNT: &str =
    "SELECT COUNT(*) FROM intake_requests WHERE org_id = $1 AND status = $2";

/// `seq` counts the request's earlier steps, so steps that share their time keep order.
/// The note goes in sealed (`$6`).
pub(crate) const INSERT_EVENT: &str = "INSERT INTO intake_request_events \
     (id, request_id, action, status, actor_id, note, note_sealed, seq, at) \
     VALUES ($1, $2, $3, $4, $5, '', $6, \
     (SELECT COUNT(*) FROM intake_request_events WHERE request_id = $2), $7)";

pub(crate) const EVENTS: &str = "SELECT id, request_id, action, status, actor_id, note, \
     note_sealed, at FROM intake_request_events WHERE request_id = $1 ORDER BY seq";

pub(crate) const INSERT_NOTIFICATION: &str = "INSERT INTO notifications \
     (id, account_id, text, link, created_at, read_at) VALUES ($1, $2, $3, $4, $5, $6)";

/// `$2`: true for unread ones only.
pub(crate) const NOTIFICATIONS_OF: &str = "SELECT id, account_id, text, link, created_at, \
     read_at FROM notifications WHERE account_id = $1 AND ($2 = FALSE OR read_at IS NULL) \
     ORDER BY created_at DESC, id LIMIT $3";

pub(crate) const MARK_READ: &str = "UPDATE notifications SET read_at = COALESCE(read_at, $3) \
     WHERE id = $1 AND account_id = $2";

pub(crate) const MARK_ALL_READ: &str =
    "UPDATE notifications SET read_at = $2 WHERE account_id = $1 AND read_at IS NULL";
