use chrono::{DateTime, Utc};

use crate::attendance::{
    AttendanceChangeLine, AttendanceDecision, AttendanceWrite, MyMark, Registration,
    RegistrationOutcome, RosterLine,
};
use crate::ids::{AccountId, GroupId, SessionId};
use crate::{Error, StoreError};

type R<T> = Result<T, StoreError>;

/// Attendance marks with their log, and drop-in registrations.
#[async_trait::async_trait]
pub trait AttendanceStore: Send + Sync {
    /// Who is expected at the session, by display name: members whose enrollment in the
    /// group was active at the session (`active_from` ≤ its end, and `active_until` unset or
    /// after its start), people with a live registration (drop-in groups), and anyone with
    /// a mark; each with their mark. Empty when the session does not exist.
    async fn session_roster(&self, session: SessionId) -> R<Vec<RosterLine>>;
    /// Locks the session (so marks of one session change one after another), reads its
    /// sheet, runs `decide`, and writes what it returns in one transaction: the marks
    /// (inserted or replaced), their log entries (appended), and `held` (a scheduled session
    /// becomes held). When `decide` refuses, nothing is written and its error comes back
    /// inside `Ok`. `NotFound` when the session does not exist.
    async fn change_attendance(
        &self,
        session: SessionId,
        decide: AttendanceDecision,
    ) -> R<Result<AttendanceWrite, Error>>;
    /// The session's log, oldest first (one change's entries by member name).
    async fn attendance_changes(&self, session: SessionId) -> R<Vec<AttendanceChangeLine>>;
    /// Registers the person for the session under the session's lock: `Full` when the live
    /// registrations already number `capacity`; a cancelled registration is renewed.
    /// `NotFound` when the session does not exist.
    async fn register(
        &self,
        session: SessionId,
        account: AccountId,
        now: DateTime<Utc>,
        capacity: i32,
    ) -> R<RegistrationOutcome>;
    /// Cancels the person's live registration; `false` when there was none.
    async fn cancel_registration(
        &self,
        session: SessionId,
        account: AccountId,
        now: DateTime<Utc>,
    ) -> R<bool>;
    /// Live registrations, first registered first.
    async fn registrations_of(&self, session: SessionId) -> R<Vec<Registration>>;
    /// The sessions of the group the person is registered for (not cancelled).
    async fn registered_sessions(&self, account: AccountId, group: GroupId) -> R<Vec<SessionId>>;
    /// The person's marks, newest session first, at most `limit`.
    async fn marks_of_member(&self, account: AccountId, limit: i64) -> R<Vec<MyMark>>;
}
