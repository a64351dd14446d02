use chrono::{DateTime, Utc};

use super::{Enrollment, EnrollmentEvent, EnrollmentStatus};
use crate::groups::EnrollmentMode;
use crate::ids::{GroupId, OrgId};
use crate::Error;

/// What the enrollment rules need to know about a group.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct RosterGroup {
    pub id: GroupId,
    pub org_id: OrgId,
    pub name: String,
    pub capacity: i32,
    pub mode: EnrollmentMode,
    /// 0: a freed seat goes to the next person at once; otherwise it is offered for this long.
    pub offer_hours: i32,
    pub archived: bool,
}

/// One current enrollment with the person's display name.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct RosterEntry {
    pub enrollment: Enrollment,
    pub display_name: String,
}

/// A group's current enrollments (requested, waitlisted, active), read under the group's
/// lock when a rule is about to change them.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Roster {
    pub group: RosterGroup,
    pub entries: Vec<RosterEntry>,
    /// Start of the current cohort's first session (closed cohorts): the first session of
    /// the newest schedule, or of the group when it has no schedule.
    pub cohort_starts_at: Option<DateTime<Utc>>,
}

impl Roster {
    pub fn entry_of(&self, account: crate::ids::AccountId) -> Option<&RosterEntry> {
        self.entries
            .iter()
            .find(|e| e.enrollment.account_id == account)
    }

    /// Active members, by display name.
    pub fn active(&self) -> Vec<&RosterEntry> {
        let mut active: Vec<_> = self
            .entries
            .iter()
            .filter(|e| e.enrollment.status == EnrollmentStatus::Active)
            .collect();
        active.sort_by(|a, b| a.display_name.cmp(&b.display_name));
        active
    }

    /// The waitlist in the order seats are given.
    pub fn waitlist(&self) -> Vec<&RosterEntry> {
        let mut waiting: Vec<_> = self
            .entries
            .iter()
            .filter(|e| e.enrollment.status == EnrollmentStatus::Waitlisted)
            .collect();
        waiting.sort_by_key(|e| e.enrollment.queue_key());
        waiting
    }

    /// Seats not taken by active members or held by open offers.
    pub fn free_seats(&self, now: DateTime<Utc>) -> i32 {
        seats_left(
            self.group.capacity,
            self.entries.iter().map(|e| &e.enrollment),
            now,
        )
    }

    /// A closed cohort takes no new active members once its first session has begun.
    pub fn cohort_closed(&self, now: DateTime<Utc>) -> bool {
        self.group.mode == EnrollmentMode::ClosedCohort
            && self.cohort_starts_at.is_some_and(|start| start <= now)
    }
}

/// Capacity less the seats taken by active members and open offers.
pub(super) fn seats_left<'a>(
    capacity: i32,
    enrollments: impl Iterator<Item = &'a Enrollment>,
    now: DateTime<Utc>,
) -> i32 {
    let taken = enrollments.filter(|e| e.holds_seat(now)).count();
    capacity - i32::try_from(taken).unwrap_or(i32::MAX)
}

/// What a rule decided: enrollments to write (new or changed) and the events to append.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct RosterChange {
    pub enrollments: Vec<Enrollment>,
    pub events: Vec<EnrollmentEvent>,
}

impl RosterChange {
    pub fn is_empty(&self) -> bool {
        self.enrollments.is_empty() && self.events.is_empty()
    }
}

/// A rule run by the store on the locked roster; an `Err` rolls everything back.
pub type RosterDecision = Box<dyn FnOnce(&Roster) -> Result<RosterChange, Error> + Send>;
