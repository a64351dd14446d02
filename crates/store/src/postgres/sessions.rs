//! Group sessions: single occurrences of a group.

use chrono::{DateTime, Utc};
use kindred_domain::fields::Choice;
use kindred_domain::ids::{GroupId, SessionId};
use kindred_domain::sessions::GroupSession;

use super::{Db, PgStore, R};
use crate::errors::db;
use crate::rows::SessionRow;
use crate::sql::sessions as sql;

pub(super) async fn insert_session(s: &PgStore, session: GroupSession) -> R<()> {
    sqlx::query(sql::INSERT)
        .bind(session.id.to_string())
        .bind(session.group_id.to_string())
        .bind(session.starts_at)
        .bind(session.ends_at)
        .bind(session.status.code())
        .bind(session.cancel_reason)
        .bind(session.schedule_id.map(|id| id.to_string()))
        .bind(session.occurrence_date)
        .bind(session.moved)
        .bind(session.room)
        .execute(&s.pool)
        .await
        .map_err(db)?;
    Ok(())
}

pub(super) async fn sessions_of_group(
    s: &PgStore,
    group: GroupId,
    from: DateTime<Utc>,
    limit: i64,
) -> R<Vec<GroupSession>> {
    sqlx::query_as::<Db, SessionRow>(sql::OF_GROUP)
        .bind(group.to_string())
        .bind(from)
        .bind(limit.max(0))
        .fetch_all(&s.pool)
        .await
        .map_err(db)?
        .into_iter()
        .map(GroupSession::try_from)
        .collect()
}

pub(super) async fn session(s: &PgStore, id: SessionId) -> R<Option<GroupSession>> {
    sqlx::query_as::<Db, SessionRow>(sql::BY_ID)
        .bind(id.to_string())
        .fetch_optional(&s.pool)
        .await
        .map_err(db)?
        .map(GroupSession::try_from)
        .transpose()
}
