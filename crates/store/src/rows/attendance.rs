//! Attendance marks, the log, registrations and a member's marks.

use chrono::{DateTime, Utc};
use kindred_domain::attendance::{
    AttendanceChange, AttendanceChangeLine, AttendanceMark, MyMark, Registration, RosterLine,
};
use kindred_domain::ids::SessionId;
use kindred_domain::StoreError;

use super::SqliteRow;
use crate::errors::{code, id};
use crate::sqlite::values::Cols;

/// A person on a session's roster; the mark's columns are all null when there is none.
#[derive(sqlx::FromRow)]
pub(crate) struct RosterLineRow {
    account_id: String,
    display_name: String,
    enrolled: bool,
    registered: bool,
    status: Option<String>,
    minutes: Option<i32>,
    source: Option<String>,
    marked_by: Option<String>,
    marked_at: Option<DateTime<Utc>>,
    online_minutes: Option<i32>,
}

impl SqliteRow for RosterLineRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(RosterLineRow {
            account_id: c.get("account_id")?,
            display_name: c.get("display_name")?,
            enrolled: c.get("enrolled")?,
            registered: c.get("registered")?,
            status: c.get("status")?,
            minutes: c.get("minutes")?,
            source: c.get("source")?,
            marked_by: c.get("marked_by")?,
            marked_at: c.opt_time("marked_at")?,
            online_minutes: c.get("online_minutes")?,
        })
    }
}

impl RosterLineRow {
    pub(crate) fn into_line(self, session: SessionId) -> Result<RosterLine, StoreError> {
        let account_id = id("attendance.account_id", &self.account_id)?;
        let mark = match (self.status, self.minutes, self.source, self.marked_at) {
            (Some(status), Some(minutes), Some(source), Some(marked_at)) => Some(AttendanceMark {
                session_id: session,
                account_id,
                status: code("attendance.status", &status)?,
                minutes,
                source: code("attendance.source", &source)?,
                marked_by: self
                    .marked_by
                    .map(|a| id("attendance.marked_by", &a))
                    .transpose()?,
                marked_at,
                online_minutes: self.online_minutes.unwrap_or(0),
            }),
            _ => None,
        };
        Ok(RosterLine {
            account_id,
            display_name: self.display_name,
            enrolled: self.enrolled,
            registered: self.registered,
            mark,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct ChangeRow {
    session_id: String,
    account_id: String,
    status: String,
    minutes: i32,
    source: String,
    changed_by: Option<String>,
    changed_at: DateTime<Utc>,
    reason: String,
    member_name: String,
    changed_by_name: Option<String>,
}

impl SqliteRow for ChangeRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(ChangeRow {
            session_id: c.get("session_id")?,
            account_id: c.get("account_id")?,
            status: c.get("status")?,
            minutes: c.get("minutes")?,
            source: c.get("source")?,
            changed_by: c.get("changed_by")?,
            changed_at: c.time("changed_at")?,
            reason: c.get("reason")?,
            member_name: c.get("member_name")?,
            changed_by_name: c.get("changed_by_name")?,
        })
    }
}

impl TryFrom<ChangeRow> for AttendanceChangeLine {
    type Error = StoreError;
    fn try_from(r: ChangeRow) -> Result<Self, StoreError> {
        Ok(AttendanceChangeLine {
            change: AttendanceChange {
                session_id: id("attendance_changes.session_id", &r.session_id)?,
                account_id: id("attendance_changes.account_id", &r.account_id)?,
                status: code("attendance_changes.status", &r.status)?,
                minutes: r.minutes,
                source: code("attendance_changes.source", &r.source)?,
                changed_by: r
                    .changed_by
                    .map(|a| id("attendance_changes.changed_by", &a))
                    .transpose()?,
                changed_at: r.changed_at,
                reason: r.reason,
            },
            member_name: r.member_name,
            changed_by_name: r.changed_by_name,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct RegistrationRow {
    session_id: String,
    account_id: String,
    display_name: String,
    registered_at: DateTime<Utc>,
}

impl SqliteRow for RegistrationRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(RegistrationRow {
            session_id: c.get("session_id")?,
            account_id: c.get("account_id")?,
            display_name: c.get("display_name")?,
            registered_at: c.time("registered_at")?,
        })
    }
}

impl TryFrom<RegistrationRow> for Registration {
    type Error = StoreError;
    fn try_from(r: RegistrationRow) -> Result<Self, StoreError> {
        Ok(Registration {
            session_id: id("session_registrations.session_id", &r.session_id)?,
            account_id: id("session_registrations.account_id", &r.account_id)?,
            display_name: r.display_name,
            registered_at: r.registered_at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct MyMarkRow {
    group_id: String,
    group_name: String,
    session_id: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    status: String,
    minutes: i32,
    source: String,
}

impl SqliteRow for MyMarkRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(MyMarkRow {
            group_id: c.get("group_id")?,
            group_name: c.get("group_name")?,
            session_id: c.get("session_id")?,
            starts_at: c.time("starts_at")?,
            ends_at: c.time("ends_at")?,
            status: c.get("status")?,
            minutes: c.get("minutes")?,
            source: c.get("source")?,
        })
    }
}

impl TryFrom<MyMarkRow> for MyMark {
    type Error = StoreError;
    fn try_from(r: MyMarkRow) -> Result<Self, StoreError> {
        Ok(MyMark {
            group_id: id("groups.id", &r.group_id)?,
            group_name: r.group_name,
            session_id: id("group_sessions.id", &r.session_id)?,
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            status: code("attendance.status", &r.status)?,
            minutes: r.minutes,
            source: code("attendance.source", &r.source)?,
        })
    }
}
