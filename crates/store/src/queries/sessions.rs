//! Group sessions: single occurrences of a group.

use chrono::{DateTime, Utc};
use kindred_domain::fields::Choice;
use kindred_domain::ids::GroupId;
use kindred_domain::sessions::GroupSession;

use super::{Db, SqlStore, R};
use crate::errors::db;
use crate::rows::SessionRow;

pub(super) async fn insert_session(s: &SqlStore, session: GroupSession) -> R<()> {
    sqlx::query(
        "INSERT INTO group_sessions (id, group_id, starts_at, ends_at, status, cancel_reason) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(session.id.to_string())
    .bind(session.group_id.to_string())
    .bind(session.starts_at)
    .bind(session.ends_at)
    .bind(session.status.code())
    .bind(session.cancel_reason)
    .execute(&s.write)
    .await
    .map_err(db)?;
    Ok(())
}

/// Sessions still to end after `from`, earliest first, whatever their status (a cancelled
/// one is shown with its reason).
pub(super) async fn sessions_of_group(
    s: &SqlStore,
    group: GroupId,
    from: DateTime<Utc>,
    limit: i64,
) -> R<Vec<GroupSession>> {
    sqlx::query_as::<Db, SessionRow>(
        "SELECT id, group_id, starts_at, ends_at, status, cancel_reason FROM group_sessions \
         WHERE group_id = $1 AND ends_at > $2 ORDER BY starts_at, id LIMIT $3",
    )
    .bind(group.to_string())
    .bind(from)
    .bind(limit.max(0))
    .fetch_all(&s.read)
    .await
    .map_err(db)?
    .into_iter()
    .map(GroupSession::try_from)
    .collect()
}
