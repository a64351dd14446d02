//! Enrollments and a member's "my groups".

use chrono::{DateTime, Utc};
use kindred_domain::enrollments::{Enrollment, MyGroup};
use kindred_domain::fields::Choice;
use kindred_domain::ids::AccountId;

use super::cards::{card_columns, card_joins, BY_NAME};
use super::{Db, SqlStore, R};
use crate::errors::db;
use crate::rows::MyGroupRow;

pub(super) async fn insert_enrollment(s: &SqlStore, e: Enrollment) -> R<()> {
    sqlx::query(
        "INSERT INTO enrollments (id, group_id, account_id, status, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(e.id.to_string())
    .bind(e.group_id.to_string())
    .bind(e.account_id.to_string())
    .bind(e.status.code())
    .bind(e.created_at)
    .execute(&s.write)
    .await
    .map_err(db)?;
    tracing::debug!(enrollment_id = %e.id, group_id = %e.group_id, "enrollment recorded");
    Ok(())
}

/// One query: each current enrollment with its card and the group's next scheduled session
/// (picked by a correlated subquery), so the page costs no query per group.
pub(super) async fn groups_of_member(
    s: &SqlStore,
    account: AccountId,
    now: DateTime<Utc>,
) -> R<Vec<MyGroup>> {
    let sql = concat!(
        "SELECT ",
        card_columns!(),
        ", e.status AS enrollment_status, n.id AS next_id, n.starts_at AS next_starts_at, \
         n.ends_at AS next_ends_at, n.status AS next_status, \
         n.cancel_reason AS next_cancel_reason \
         FROM enrollments e JOIN groups g ON g.id = e.group_id",
        card_joins!(),
        "LEFT JOIN group_sessions n ON n.id = ( \
           SELECT x.id FROM group_sessions x \
           WHERE x.group_id = g.id AND x.status = 'scheduled' AND x.starts_at > $2 \
           ORDER BY x.starts_at, x.id LIMIT 1) \
         WHERE e.account_id = $1 AND e.status IN ('requested', 'waitlisted', 'active')"
    );
    sqlx::query_as::<Db, MyGroupRow>(&format!("{sql}{BY_NAME}"))
        .bind(account.to_string())
        .bind(now)
        .fetch_all(&s.read)
        .await
        .map_err(db)?
        .into_iter()
        .map(MyGroup::try_from)
        .collect()
}
