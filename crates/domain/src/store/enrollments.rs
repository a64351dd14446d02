use chrono::{DateTime, Utc};

use crate::enrollments::{Enrollment, EnrollmentEvent, Roster, RosterChange, RosterDecision};
use crate::ids::{AccountId, EnrollmentId, GroupId};
use crate::{Error, StoreError};

type R<T> = Result<T, StoreError>;

/// Enrollments, their history and the waitlist.
#[async_trait::async_trait]
pub trait EnrollmentStore: Send + Sync {
    /// Locks the group's roster (so concurrent changes to one group run one after another),
    /// reads it, runs `decide`, and writes the change it returns with its events, in one
    /// transaction. When `decide` refuses, nothing is written and its error comes back
    /// inside `Ok`. `NotFound` when the group does not exist.
    async fn change_roster(
        &self,
        group: GroupId,
        decide: RosterDecision,
    ) -> R<Result<RosterChange, Error>>;
    /// The group's current roster, without locking it. `None` when the group does not exist.
    async fn roster(&self, group: GroupId) -> R<Option<Roster>>;
    /// The person's current (requested, waitlisted or active) enrollment in the group.
    async fn current_enrollment(&self, group: GroupId, account: AccountId)
        -> R<Option<Enrollment>>;
    async fn enrollment(&self, id: EnrollmentId) -> R<Option<Enrollment>>;
    /// Oldest first.
    async fn enrollment_events(&self, id: EnrollmentId) -> R<Vec<EnrollmentEvent>>;
    /// Groups with a waitlist offer that expired at or before `now`.
    async fn groups_with_expired_offers(&self, now: DateTime<Utc>) -> R<Vec<GroupId>>;
}
