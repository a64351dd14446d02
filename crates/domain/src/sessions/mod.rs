//! Sessions: single occurrences of a group, materialized from its schedules (or recorded
//! directly, as the demo and imports do).

mod list;
mod lookup;

pub use list::{sessions_of_group, LIST_LIMIT, RECENT_DAYS};
pub use lookup::{session_for_staff, session_in_org};

use chrono::{DateTime, NaiveDate, Utc};

use crate::ids::{GroupId, ScheduleId, SessionId};
use crate::vocabulary;

vocabulary!(
    SessionStatus {
        Scheduled => ("scheduled", "Scheduled"),
        Cancelled => ("cancelled", "Cancelled"),
        Held => ("held", "Held"),
    }
);

#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct GroupSession {
    pub id: SessionId,
    pub group_id: GroupId,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: SessionStatus,
    /// Shown to members when a session is cancelled.
    pub cancel_reason: String,
    /// The schedule this session was materialized from, if any.
    pub schedule_id: Option<ScheduleId>,
    /// The local date of the schedule's occurrence this session stands for. Together with
    /// `schedule_id` it is the occurrence's identity: unique, and unchanged by a move.
    pub occurrence_date: Option<NaiveDate>,
    /// Moved by staff away from its scheduled time; schedule edits leave it alone.
    pub moved: bool,
    /// The room at the group's location, if the location has rooms ("" when none).
    pub room: String,
}

impl GroupSession {
    /// Length of the session in whole minutes.
    pub fn minutes(&self) -> i64 {
        (self.ends_at - self.starts_at).num_minutes()
    }

    /// Changed by hand (moved or cancelled): a schedule edit must not touch it.
    pub fn changed_by_hand(&self) -> bool {
        self.moved || self.status == SessionStatus::Cancelled
    }
}
