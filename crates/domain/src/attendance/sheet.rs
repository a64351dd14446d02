//! What the store reads and writes for attendance: marks, the change log, the roster of a
//! session and drop-in registrations.

use chrono::{DateTime, Utc};

use super::{AttendanceStatus, MarkSource};
use crate::ids::{AccountId, GroupId, SessionId};
use crate::sessions::GroupSession;
use crate::Error;

/// One member's current mark at one session.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct AttendanceMark {
    pub session_id: SessionId,
    pub account_id: AccountId,
    pub status: AttendanceStatus,
    /// Minutes the member was there: the session's length when present, 0 when absent or
    /// excused.
    pub minutes: i32,
    pub source: MarkSource,
    /// Who recorded it; `None` once that account is deleted.
    pub marked_by: Option<AccountId>,
    pub marked_at: DateTime<Utc>,
    /// Of `minutes`, those spent in the session's online room (hybrid sessions combine both
    /// into this one record).
    pub online_minutes: i32,
}

/// One entry of the append-only log: a mark as it was set, by whom, when and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct AttendanceChange {
    pub session_id: SessionId,
    pub account_id: AccountId,
    pub status: AttendanceStatus,
    pub minutes: i32,
    pub source: MarkSource,
    pub changed_by: Option<AccountId>,
    pub changed_at: DateTime<Utc>,
    /// Empty is allowed before the lock; a correction after it always has one.
    pub reason: String,
}

impl AttendanceChange {
    /// The log entry that records `mark`.
    pub fn of(mark: &AttendanceMark, reason: &str) -> Self {
        AttendanceChange {
            session_id: mark.session_id,
            account_id: mark.account_id,
            status: mark.status,
            minutes: mark.minutes,
            source: mark.source,
            changed_by: mark.marked_by,
            changed_at: mark.marked_at,
            reason: reason.to_owned(),
        }
    }
}

/// A log entry with the names staff read it by.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct AttendanceChangeLine {
    pub change: AttendanceChange,
    pub member_name: String,
    /// `None` when the account that made the change is gone.
    pub changed_by_name: Option<String>,
}

/// One person expected at a session, with their mark so far.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct RosterLine {
    pub account_id: AccountId,
    pub display_name: String,
    /// Their enrollment in the group was active at the session.
    pub enrolled: bool,
    /// Registered for this session (drop-in groups), not cancelled.
    pub registered: bool,
    pub mark: Option<AttendanceMark>,
}

/// A session and its roster, read under the session's lock when marks are about to change.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct AttendanceSheet {
    pub session: GroupSession,
    /// By display name.
    pub roster: Vec<RosterLine>,
    /// The session's group note is signed: attendance is locked with it, for everyone.
    pub documented: bool,
}

impl AttendanceSheet {
    pub fn line_of(&self, account: AccountId) -> Option<&RosterLine> {
        self.roster.iter().find(|l| l.account_id == account)
    }
}

/// What a rule decided: marks to write (new or changed), their log entries, and whether the
/// session is now held.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct AttendanceWrite {
    pub marks: Vec<AttendanceMark>,
    pub changes: Vec<AttendanceChange>,
    /// Sets a scheduled session's status to held.
    pub held: bool,
}

/// A rule run by the store on the locked sheet; an `Err` rolls everything back.
pub type AttendanceDecision =
    Box<dyn FnOnce(&AttendanceSheet) -> Result<AttendanceWrite, Error> + Send>;

/// A live registration for one session of a drop-in group.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct Registration {
    pub session_id: SessionId,
    pub account_id: AccountId,
    pub display_name: String,
    pub registered_at: DateTime<Utc>,
}

/// What came of a registration, decided under the session's lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub enum RegistrationOutcome {
    Registered,
    /// Already registered: nothing changed.
    AlreadyRegistered,
    /// The live registrations already fill the group's capacity: nothing changed.
    Full,
}

/// One of a member's own marks, with the session it belongs to.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct MyMark {
    pub group_id: GroupId,
    pub group_name: String,
    pub session_id: SessionId,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: AttendanceStatus,
    pub minutes: i32,
    pub source: MarkSource,
}
