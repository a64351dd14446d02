//! Storage of schedules and of the sessions materialized from them.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::ids::{GroupId, OrgId, ScheduleId, SessionId};
use crate::schedules::{Schedule, SessionPlan, Slot};
use crate::sessions::GroupSession;
use crate::StoreError;

type R<T> = Result<T, StoreError>;

/// What [`ScheduleStore::apply_session_plans`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AppliedPlans {
    /// Schedules whose plan was applied.
    pub schedules: usize,
    /// Schedules whose plan was dropped because the schedule changed (or went) since it was
    /// read: whoever changed it plans it again.
    pub skipped: usize,
    /// Sessions added (an occurrence that already had one is not counted).
    pub inserted: usize,
    /// Sessions given new times or a new room.
    pub rescheduled: usize,
    /// Sessions deleted.
    pub removed: usize,
}

impl AppliedPlans {
    pub fn add(&mut self, other: AppliedPlans) {
        self.schedules += other.schedules;
        self.skipped += other.skipped;
        self.inserted += other.inserted;
        self.rescheduled += other.rescheduled;
        self.removed += other.removed;
    }
}

/// Schedules and their sessions. Changes a person makes to one session (cancel, restore,
/// move) are conditional on its state, so a late request cannot undo a newer one: they
/// return `false` when the session is not (or no longer) in the state the change needs.
#[async_trait::async_trait]
pub trait ScheduleStore: Send + Sync {
    async fn insert_schedule(&self, schedule: Schedule) -> R<()>;
    /// Writes the schedule's rule, room and archiving; its group and creation time never
    /// change. `NotFound` when it does not exist.
    async fn update_schedule(&self, schedule: Schedule) -> R<()>;
    async fn schedule(&self, id: ScheduleId) -> R<Option<Schedule>>;
    /// Archived ones included, oldest first.
    async fn schedules_of_group(&self, group: GroupId) -> R<Vec<Schedule>>;
    /// Sessions of these schedules starting after `after`, whatever their status, ordered by
    /// start.
    async fn future_sessions_of_schedules(
        &self,
        schedules: &[ScheduleId],
        after: DateTime<Utc>,
    ) -> R<Vec<GroupSession>>;
    /// Applies each plan in one transaction, for the schedules still as planned (every field
    /// the plan depends on unchanged; others are skipped and counted):
    /// - inserts its new sessions, skipping occurrences that already have one;
    /// - reschedules by id only sessions still untouched (not moved, still scheduled);
    /// - removes by id only sessions still untouched that nothing refers to yet
    ///   (registrations, attendance);
    /// - sets the schedule's `materialized_until`.
    /// How many [`apply_session_plans`](Self::apply_session_plans) calls may usefully run at
    /// once: the job splits its work this many ways.
    fn plan_writers(&self) -> usize {
        1
    }
    async fn apply_session_plans(
        &self,
        plans: Vec<(Schedule, SessionPlan)>,
        materialized_until: DateTime<Utc>,
    ) -> R<AppliedPlans>;
    /// Up to `limit` schedules after `after_id` (in id order) that are not archived, whose
    /// group is not archived, and whose sessions were not yet made up to `until`
    /// (`materialized_until` null or before it), each with its group's time zone.
    async fn schedules_needing_sessions(
        &self,
        until: DateTime<Utc>,
        after_id: Option<ScheduleId>,
        limit: i64,
    ) -> R<Vec<(Schedule, Tz)>>;
    /// A scheduled session that has not ended at `now` becomes cancelled with the reason.
    async fn cancel_session(&self, id: SessionId, reason: String, now: DateTime<Utc>) -> R<bool>;
    /// A cancelled session that has not started at `now` is scheduled again, its reason
    /// cleared.
    async fn restore_session(&self, id: SessionId, now: DateTime<Utc>) -> R<bool>;
    /// A scheduled session that has not ended at `now` gets new times and room and is
    /// marked moved (schedule edits leave it alone from then on); it keeps its id and
    /// occurrence.
    async fn move_session(
        &self,
        id: SessionId,
        starts_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
        room: String,
        now: DateTime<Utc>,
    ) -> R<bool>;
    /// Every session that is not cancelled, of the organization's groups that are not
    /// archived, overlapping `[from, to)`, as overlap checks need it; ordered by start.
    async fn slots_between(
        &self,
        org: OrgId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> R<Vec<Slot>>;
}
