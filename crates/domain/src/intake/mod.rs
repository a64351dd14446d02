//! Requests to join a group and the organization's intake queue.
//!
//! A person asks to join a group (name or pseudonym, how to reach them, availability, and
//! optionally the answers of a self-screening). The organization's clinicians and
//! administrators work the queue: new → contacted → accepted / referred / declined. Every
//! step is appended to the request's history with who, when and why. Accepting runs the
//! enrollment rules on the group's locked roster in the same transaction as the step, so
//! the person becomes active or waitlisted exactly as if they had joined themselves.

mod input;
pub mod rules;
mod screening;
mod use_cases;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

pub use input::{parse_request, parse_step, RequestInput, RequestSpec, Step, TransitionInput};
pub use screening::{answers_among, check_answers, review, AttachedScreening, ScreeningAnswer};
pub use use_cases::{
    intake_queue, intake_request, my_request, my_requests, new_request_count, request_to_join,
    transition_request, RequestView,
};

use crate::enrollments::{EnrollmentStatus, Roster, RosterChange};
use crate::ids::{AccountId, GroupId, OrgId, RequestId};
use crate::notifications::Notification;
use crate::{vocabulary, Error};

vocabulary!(
    /// Where a request to join stands in the intake queue.
    RequestStatus {
        New => ("new", "New"),
        Contacted => ("contacted", "Contacted"),
        Accepted => ("accepted", "Accepted"),
        Referred => ("referred", "Referred elsewhere"),
        Declined => ("declined", "Declined"),
    }
);

impl RequestStatus {
    /// New and contacted requests are still being worked; the others are decided.
    pub fn is_open(self) -> bool {
        matches!(self, Self::New | Self::Contacted)
    }
}

vocabulary!(
    /// One step in a request's history. Staff take the last four; `submitted` is the
    /// person's own.
    IntakeAction {
        Submitted => ("submitted", "Request sent"),
        Contacted => ("contacted", "Mark as contacted"),
        Accept => ("accept", "Accept"),
        Refer => ("refer", "Refer elsewhere"),
        Decline => ("decline", "Decline"),
    }
);

/// A person's request to join one group.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct JoinRequest {
    pub id: RequestId,
    pub org_id: OrgId,
    pub group_id: GroupId,
    /// The group's name, for lists (read with the request).
    pub group_name: String,
    /// The member account that asked.
    pub account_id: AccountId,
    /// Name or pseudonym, as the person wants to be called.
    pub name: String,
    /// How to reach them (phone, email, a time to call), in their words.
    pub contact: String,
    pub availability: String,
    /// Answers of a self-screening the person chose to attach (`phq-9.q1` → `"2"`).
    pub screening: Option<BTreeMap<String, String>>,
    pub status: RequestStatus,
    /// Where the person was referred, when referred.
    pub referral: String,
    /// The message to the person, when declined.
    pub message: String,
    /// When accepted: the enrollment it led to (active or waitlisted). `None` for a
    /// drop-in group, which needs no enrollment.
    pub outcome: Option<EnrollmentStatus>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl JoinRequest {
    /// The attached screening answered PHQ-9 item 9 above "not at all": the request is to be
    /// acted on first. Read from that answer alone, so it holds even for stored answers that
    /// no longer make a complete screen.
    pub fn is_urgent(&self) -> bool {
        self.screening
            .as_ref()
            .is_some_and(crate::screening::urgent)
    }
}

/// One step of a request's history. Appended, never rewritten.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct RequestEvent {
    pub request_id: RequestId,
    pub action: IntakeAction,
    /// The request's status after the step.
    pub status: RequestStatus,
    pub actor_id: Option<AccountId>,
    /// Why, in the words of whoever took the step.
    pub note: String,
    pub at: DateTime<Utc>,
}

/// What a step decided: the request as it becomes, its event, the roster change that
/// accepting made (empty otherwise) and who to tell.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestChange {
    pub request: JoinRequest,
    pub event: RequestEvent,
    pub roster: RosterChange,
    pub notifications: Vec<Notification>,
}

/// A step run by the store on the request and its group's roster, both read under the
/// group's lock; an `Err` rolls everything back.
pub type RequestDecision =
    Box<dyn FnOnce(&JoinRequest, &Roster) -> Result<RequestChange, Error> + Send>;

#[cfg(test)]
mod rules_tests;
