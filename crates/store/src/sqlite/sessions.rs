//! Group sessions on SQLite.

use chrono::{DateTime, Utc};
use kindred_domain::fields::Choice;
use kindred_domain::ids::{GroupId, SessionId};
use kindred_domain::sessions::GroupSession;
use rusqlite::Connection;

use super::exec::{all, execute, optional};
use super::values::{opt_day, ts};
use super::R;
use crate::rows::SessionRow;
use crate::sql::sessions as sql;

pub(super) fn insert_session(c: &Connection, s: &GroupSession) -> R<()> {
    execute(
        c,
        sql::INSERT,
        &[
            &s.id.to_string(),
            &s.group_id.to_string(),
            &ts(s.starts_at),
            &ts(s.ends_at),
            &s.status.code(),
            &s.cancel_reason,
            &s.schedule_id.map(|id| id.to_string()),
            &opt_day(s.occurrence_date),
            &s.moved,
            &s.room,
        ],
    )?;
    Ok(())
}

pub(super) fn sessions_of_group(
    c: &Connection,
    group: GroupId,
    from: DateTime<Utc>,
    limit: i64,
) -> R<Vec<GroupSession>> {
    all::<SessionRow>(
        c,
        sql::OF_GROUP,
        &[&group.to_string(), &ts(from), &limit.max(0)],
    )?
    .into_iter()
    .map(GroupSession::try_from)
    .collect()
}

pub(super) fn session(c: &Connection, id: SessionId) -> R<Option<GroupSession>> {
    optional::<SessionRow>(c, sql::BY_ID, &[&id.to_string()])?
        .map(GroupSession::try_from)
        .transpose()
}
