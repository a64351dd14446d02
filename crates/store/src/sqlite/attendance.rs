//! Attendance on SQLite. Marking and registering run inside one `BEGIN IMMEDIATE`
//! transaction on the single writer, so no other write comes between reading the sheet (or
//! counting the registrations) and writing what was decided.

use chrono::{DateTime, Utc};
use kindred_domain::attendance::{
    AttendanceChange, AttendanceChangeLine, AttendanceDecision, AttendanceMark, AttendanceSheet,
    AttendanceWrite, MyMark, Registration, RegistrationOutcome, RosterLine,
};
use kindred_domain::fields::Choice;
use kindred_domain::ids::{AccountId, GroupId, SessionId};
use kindred_domain::store::AttendanceStore;
use kindred_domain::{Error, StoreError};
use rusqlite::Connection;

use super::exec::{all, execute, exists, ids, scalar};
use super::values::ts;
use super::{sessions, SqliteStore, R};
use crate::rows::{ChangeRow, MyMarkRow, RegistrationRow, RosterLineRow};
use crate::sql::attendance as sql;
use crate::sql::notes as notes_sql;

pub(crate) fn roster(c: &Connection, session: SessionId) -> R<Vec<RosterLine>> {
    all::<RosterLineRow>(c, sql::ROSTER, &[&session.to_string()])?
        .into_iter()
        .map(|row| row.into_line(session))
        .collect()
}

fn upsert_mark(c: &Connection, m: &AttendanceMark) -> R<()> {
    execute(
        c,
        sql::UPSERT_MARK,
        &[
            &m.session_id.to_string(),
            &m.account_id.to_string(),
            &m.status.code(),
            &m.minutes,
            &m.source.code(),
            &m.marked_by.map(|a| a.to_string()),
            &ts(m.marked_at),
            &m.online_minutes,
        ],
    )?;
    Ok(())
}

fn insert_change(c: &Connection, e: &AttendanceChange) -> R<()> {
    execute(
        c,
        sql::INSERT_CHANGE,
        &[
            &uuid::Uuid::new_v4().to_string(),
            &e.session_id.to_string(),
            &e.account_id.to_string(),
            &e.status.code(),
            &e.minutes,
            &e.source.code(),
            &e.changed_by.map(|a| a.to_string()),
            &ts(e.changed_at),
            &e.reason,
        ],
    )?;
    Ok(())
}

#[async_trait::async_trait]
impl AttendanceStore for SqliteStore {
    async fn session_roster(&self, session: SessionId) -> R<Vec<RosterLine>> {
        self.read(|c| roster(c, session))
    }

    async fn change_attendance(
        &self,
        session: SessionId,
        decide: AttendanceDecision,
    ) -> R<Result<AttendanceWrite, Error>> {
        self.write_tx(move |c| {
            let found = sessions::session(c, session)?.ok_or(StoreError::NotFound)?;
            let sheet = AttendanceSheet {
                roster: roster(c, session)?,
                session: found,
                documented: scalar(c, notes_sql::DOCUMENTED, &[&session.to_string()])?,
            };
            let write = match decide(&sheet) {
                Ok(write) => write,
                Err(refused) => return Ok(Err(refused)),
            };
            for m in &write.marks {
                upsert_mark(c, m)?;
            }
            for e in &write.changes {
                insert_change(c, e)?;
            }
            if write.held {
                execute(c, sql::HOLD_SESSION, &[&session.to_string()])?;
            }
            Ok(Ok(write))
        })
        .await
    }

    async fn attendance_changes(&self, session: SessionId) -> R<Vec<AttendanceChangeLine>> {
        self.read(|c| {
            all::<ChangeRow>(c, sql::CHANGES, &[&session.to_string()])?
                .into_iter()
                .map(AttendanceChangeLine::try_from)
                .collect()
        })
    }

    async fn register(
        &self,
        session: SessionId,
        account: AccountId,
        now: DateTime<Utc>,
        capacity: i32,
    ) -> R<RegistrationOutcome> {
        self.write_tx(move |c| {
            let (session, account) = (session.to_string(), account.to_string());
            if !exists(c, sql::SESSION_EXISTS, &[&session])? {
                return Err(StoreError::NotFound);
            }
            if exists(c, sql::IS_REGISTERED, &[&session, &account])? {
                return Ok(RegistrationOutcome::AlreadyRegistered);
            }
            let live: i64 = scalar(c, sql::COUNT_REGISTERED, &[&session])?;
            if live >= i64::from(capacity) {
                return Ok(RegistrationOutcome::Full);
            }
            execute(c, sql::UPSERT_REGISTRATION, &[&session, &account, &ts(now)])?;
            Ok(RegistrationOutcome::Registered)
        })
        .await
    }

    async fn cancel_registration(
        &self,
        session: SessionId,
        account: AccountId,
        now: DateTime<Utc>,
    ) -> R<bool> {
        self.write(move |c| {
            let changed = execute(
                c,
                sql::CANCEL_REGISTRATION,
                &[&session.to_string(), &account.to_string(), &ts(now)],
            )?;
            Ok(changed > 0)
        })
        .await
    }

    async fn registrations_of(&self, session: SessionId) -> R<Vec<Registration>> {
        self.read(|c| {
            all::<RegistrationRow>(c, sql::REGISTRATIONS, &[&session.to_string()])?
                .into_iter()
                .map(Registration::try_from)
                .collect()
        })
    }

    async fn registered_sessions(&self, account: AccountId, group: GroupId) -> R<Vec<SessionId>> {
        self.read(|c| {
            ids(
                c,
                sql::REGISTERED_SESSIONS,
                &[&account.to_string(), &group.to_string()],
                "session_registrations.session_id",
            )
        })
    }

    async fn marks_of_member(&self, account: AccountId, limit: i64) -> R<Vec<MyMark>> {
        self.read(|c| {
            all::<MyMarkRow>(
                c,
                sql::MARKS_OF_MEMBER,
                &[&account.to_string(), &limit.max(0)],
            )?
            .into_iter()
            .map(MyMark::try_from)
            .collect()
        })
    }
}
