//! Enrollments: a person's membership of a group over time, with its waitlist and history.
//!
//! The rules live in [`rules`] as pure functions over a [`Roster`]: the store locks the
//! group's roster, hands it to the rule, and writes the [`RosterChange`] it returns in the
//! same transaction. That is how the last seat goes to exactly one of two people who take it
//! at the same moment, on both databases.

mod events;
mod my_groups;
mod roster;
pub mod rules;
mod use_cases;

pub use events::{EnrollmentAction, EnrollmentEvent};
pub use my_groups::{my_groups, MyGroup};
pub use roster::{Roster, RosterChange, RosterDecision, RosterEntry, RosterGroup};
pub use use_cases::{
    accept_offer, decline_offer, enrollment_history, group_roster, join_group, leave_group,
    my_place, reorder_waitlist, settle_expired_offers, staff_change, MyPlace, ReorderInput,
    RosterView, StaffAction, StaffChangeInput,
};

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

impl EnrollmentStatus {
    /// Requested, waitlisted and active enrollments are current; the rest are history.
    pub fn is_current(self) -> bool {
        matches!(self, Self::Requested | Self::Waitlisted | Self::Active)
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct Enrollment {
    pub id: EnrollmentId,
    pub group_id: GroupId,
    pub account_id: AccountId,
    pub status: EnrollmentStatus,
    pub created_at: DateTime<Utc>,
    /// Place on the waitlist: lower goes first. Only set while waitlisted.
    pub queue_position: Option<i64>,
    /// A freed seat offered to this waitlisted person, held until then.
    pub offer_expires_at: Option<DateTime<Utc>>,
    /// When the person became active, and when that ended (completed or withdrawn).
    pub active_from: Option<DateTime<Utc>>,
    pub active_until: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

impl Enrollment {
    /// An enrollment recorded as it already stands (demo data, imports): active ones active
    /// since `created_at`, waitlisted ones at the end of the queue given by `queue_position`.
    pub fn recorded(
        group_id: GroupId,
        account_id: AccountId,
        status: EnrollmentStatus,
        created_at: DateTime<Utc>,
        queue_position: i64,
    ) -> Self {
        Enrollment {
            id: EnrollmentId::new(),
            group_id,
            account_id,
            status,
            created_at,
            queue_position: (status == EnrollmentStatus::Waitlisted).then_some(queue_position),
            offer_expires_at: None,
            active_from: (status == EnrollmentStatus::Active).then_some(created_at),
            active_until: None,
            updated_at: created_at,
        }
    }

    /// Takes a seat at `now`: an active member, or an open offer held for this person.
    pub fn holds_seat(&self, now: DateTime<Utc>) -> bool {
        self.status == EnrollmentStatus::Active || self.has_open_offer(now)
    }

    /// The order of the waitlist: place in the queue, then who asked first.
    pub fn queue_key(&self) -> (Option<i64>, DateTime<Utc>) {
        (self.queue_position, self.created_at)
    }

    /// Holds an unexpired offer of a seat at `now`.
    pub fn has_open_offer(&self, now: DateTime<Utc>) -> bool {
        self.status == EnrollmentStatus::Waitlisted
            && self.offer_expires_at.is_some_and(|until| until > now)
    }
}

#[cfg(test)]
mod rules_tests;
