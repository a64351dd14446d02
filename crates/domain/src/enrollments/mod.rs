//! Enrollments: a person's membership of a group over time. The full rules (waitlists,
//! capacity races, history) arrive with scheduling; this holds the record and "my groups".

mod my_groups;

pub use my_groups::{my_groups, MyGroup};

use chrono::{DateTime, Utc};

use crate::ids::{AccountId, EnrollmentId, GroupId};
use crate::vocabulary;

vocabulary!(
    EnrollmentStatus {
        Requested => ("requested", "Requested"),
        Waitlisted => ("waitlisted", "On the waitlist"),
        Active => ("active", "Active"),
        Completed => ("completed", "Completed"),
        Withdrawn => ("withdrawn", "Withdrawn"),
        Declined => ("declined", "Declined"),
    }
);

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Enrollment {
    pub id: EnrollmentId,
    pub group_id: GroupId,
    pub account_id: AccountId,
    pub status: EnrollmentStatus,
    pub created_at: DateTime<Utc>,
}
