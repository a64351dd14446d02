use chrono::{DateTime, Utc};

use super::EnrollmentStatus;
use crate::ids::{AccountId, EnrollmentId};
use crate::vocabulary;

vocabulary!(
    /// What happened to an enrollment. Each change appends one event; none is rewritten.
    EnrollmentAction {
        Joined => ("joined", "Joined"),
        Waitlisted => ("waitlisted", "Put on the waitlist"),
        Promoted => ("promoted", "Given a freed seat"),
        Offered => ("offered", "Offered a freed seat"),
        OfferAccepted => ("offer_accepted", "Accepted the offered seat"),
        OfferDeclined => ("offer_declined", "Declined the offered seat"),
        OfferExpired => ("offer_expired", "Offer expired; back in the queue"),
        Reordered => ("reordered", "Moved on the waitlist"),
        Withdrawn => ("withdrawn", "Left the group"),
        Removed => ("removed", "Removed by staff"),
        Completed => ("completed", "Completed the group"),
        Declined => ("declined", "Request declined"),
        Enrolled => ("enrolled", "Enrolled by staff"),
    }
);

#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct EnrollmentEvent {
    pub enrollment_id: EnrollmentId,
    pub action: EnrollmentAction,
    /// The enrollment's status after the event.
    pub status: EnrollmentStatus,
    /// Who did it; `None` when the system did (a seat freed, an offer expired).
    pub actor_id: Option<AccountId>,
    pub reason: String,
    pub at: DateTime<Utc>,
    /// Orders the events of one change, which share their time.
    pub seq: i32,
}
