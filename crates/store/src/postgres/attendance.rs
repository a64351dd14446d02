//! Attendance on PostgreSQL. Marking and registering lock the session's row first
//! (`FOR UPDATE`), so two changes of one session queue up there and the second one reads
//! what the first one wrote: the last place of a drop-in session goes to exactly one person.

use chrono::{DateTime, Utc};
use kindred_domain::attendance::{
    AttendanceChange, AttendanceChangeLine, AttendanceDecision, AttendanceMark, AttendanceSheet,
    AttendanceWrite, MyMark, Registration, RegistrationOutcome, RosterLine,
};
use kindred_domain::fields::Choice;
use kindred_domain::ids::{AccountId, GroupId, SessionId};
use kindred_domain::sessions::GroupSession;
use kindred_domain::store::AttendanceStore;
use kindred_domain::{Error, StoreError};
use sqlx::PgConnection;

use super::{commit, Db, PgStore, R};
use crate::errors::db;
use crate::rows::{ChangeRow, MyMarkRow, RegistrationRow, RosterLineRow, SessionRow};
use crate::sql::{attendance as sql, sessions as sessions_sql};

pub(crate) async fn roster(c: &mut PgConnection, session: SessionId) -> R<Vec<RosterLine>> {
    sqlx::query_as::<Db, RosterLineRow>(sql::ROSTER)
        .bind(session.to_string())
        .fetch_all(&mut *c)
        .await
        .map_err(db)?
        .into_iter()
        .map(|row| row.into_line(session))
        .collect()
}

/// Locks the session's row; `NotFound` when there is none.
pub(crate) async fn lock_session(c: &mut PgConnection, session: SessionId) -> R<()> {
    sqlx::query(sql::LOCK_SESSION)
        .bind(session.to_string())
        .fetch_optional(&mut *c)
        .await
        .map_err(db)?
        .map(|_| ())
        .ok_or(StoreError::NotFound)
}

async fn upsert_mark(c: &mut PgConnection, m: &AttendanceMark) -> R<()> {
    sqlx::query(sql::UPSERT_MARK)
        .bind(m.session_id.to_string())
        .bind(m.account_id.to_string())
        .bind(m.status.code())
        .bind(m.minutes)
        .bind(m.source.code())
        .bind(m.marked_by.map(|a| a.to_string()))
        .bind(m.marked_at)
        .bind(m.online_minutes)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    Ok(())
}

async fn insert_change(c: &mut PgConnection, e: &AttendanceChange) -> R<()> {
    sqlx::query(sql::INSERT_CHANGE)
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(e.session_id.to_string())
        .bind(e.account_id.to_string())
        .bind(e.status.code())
        .bind(e.minutes)
        .bind(e.source.code())
        .bind(e.changed_by.map(|a| a.to_string()))
        .bind(e.changed_at)
        .bind(&e.reason)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    Ok(())
}

#[async_trait::async_trait]
impl AttendanceStore for PgStore {
    async fn session_roster(&self, session: SessionId) -> R<Vec<RosterLine>> {
        let mut c = self.pool.acquire().await.map_err(db)?;
        roster(&mut c, session).await
    }

    async fn change_attendance(
        &self,
        session: SessionId,
        decide: AttendanceDecision,
    ) -> R<Result<AttendanceWrite, Error>> {
        let mut tx = self.begin_write().await?;
        lock_session(&mut tx, session).await?;
        let found = sqlx::query_as::<Db, SessionRow>(sessions_sql::BY_ID)
            .bind(session.to_string())
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?;
        let sheet = AttendanceSheet {
            session: GroupSession::try_from(found)?,
            roster: roster(&mut tx, session).await?,
            documented: sqlx::query_scalar::<Db, bool>(crate::sql::notes::DOCUMENTED)
                .bind(session.to_string())
                .fetch_one(&mut *tx)
                .await
                .map_err(db)?,
        };
        let write = match decide(&sheet) {
            Ok(write) => write,
            // Dropping the transaction rolls it back; nothing was written.
            Err(refused) => return Ok(Err(refused)),
        };
        for m in &write.marks {
            upsert_mark(&mut tx, m).await?;
        }
        for e in &write.changes {
            insert_change(&mut tx, e).await?;
        }
        if write.held {
            sqlx::query(sql::HOLD_SESSION)
                .bind(session.to_string())
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        commit(tx).await?;
        Ok(Ok(write))
    }

    async fn attendance_changes(&self, session: SessionId) -> R<Vec<AttendanceChangeLine>> {
        sqlx::query_as::<Db, ChangeRow>(sql::CHANGES)
            .bind(session.to_string())
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .into_iter()
            .map(AttendanceChangeLine::try_from)
            .collect()
    }

    async fn register(
        &self,
        session: SessionId,
        account: AccountId,
        now: DateTime<Utc>,
        capacity: i32,
    ) -> R<RegistrationOutcome> {
        let mut tx = self.begin_write().await?;
        lock_session(&mut tx, session).await?;
        let (session, account) = (session.to_string(), account.to_string());
        let already = sqlx::query(sql::IS_REGISTERED)
            .bind(&session)
            .bind(&account)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
        if already.is_some() {
            return Ok(RegistrationOutcome::AlreadyRegistered);
        }
        let live: i64 = sqlx::query_scalar(sql::COUNT_REGISTERED)
            .bind(&session)
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?;
        if live >= i64::from(capacity) {
            return Ok(RegistrationOutcome::Full);
        }
        sqlx::query(sql::UPSERT_REGISTRATION)
            .bind(&session)
            .bind(&account)
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        commit(tx).await?;
        Ok(RegistrationOutcome::Registered)
    }

    async fn cancel_registration(
        &self,
        session: SessionId,
        account: AccountId,
        now: DateTime<Utc>,
    ) -> R<bool> {
        let done = sqlx::query(sql::CANCEL_REGISTRATION)
            .bind(session.to_string())
            .bind(account.to_string())
            .bind(now)
            .execute(&self.pool)
            .await
            .map_err(db)?;
        Ok(done.rows_affected() > 0)
    }

    async fn registrations_of(&self, session: SessionId) -> R<Vec<Registration>> {
        sqlx::query_as::<Db, RegistrationRow>(sql::REGISTRATIONS)
            .bind(session.to_string())
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .into_iter()
            .map(Registration::try_from)
            .collect()
    }

    async fn registered_sessions(&self, account: AccountId, group: GroupId) -> R<Vec<SessionId>> {
        sqlx::query_scalar::<Db, String>(sql::REGISTERED_SESSIONS)
            .bind(account.to_string())
            .bind(group.to_string())
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .iter()
            .map(|raw| crate::errors::id("session_registrations.session_id", raw))
            .collect()
    }

    async fn marks_of_member(&self, account: AccountId, limit: i64) -> R<Vec<MyMark>> {
        sqlx::query_as::<Db, MyMarkRow>(sql::MARKS_OF_MEMBER)
            .bind(account.to_string())
            .bind(limit.max(0))
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .into_iter()
            .map(MyMark::try_from)
            .collect()
    }
}
