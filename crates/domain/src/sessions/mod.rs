//! Sessions: single occurrences of a group. Schedules that create them come later; for now
//! they are recorded directly (demo data, imports).

use chrono::{DateTime, Utc};

use crate::ids::{GroupId, SessionId};
use crate::vocabulary;

vocabulary!(
    SessionStatus {
        Scheduled => ("scheduled", "Scheduled"),
        Cancelled => ("cancelled", "Cancelled"),
        Held => ("held", "Held"),
    }
);

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct GroupSession {
    pub id: SessionId,
    pub group_id: GroupId,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: SessionStatus,
    /// Shown to members when a session is cancelled.
    pub cancel_reason: String,
}
