//! The intake rules, as pure functions: a new request, and each staff step on one.
//!
//! - A request is open while new or contacted; only open requests take a step, and
//!   `contacted` only once. Accepted, referred and declined are final.
//! - Accepting runs the enrollment rules ([`crate::enrollments::rules::join`]) on the
//!   group's locked roster: the person becomes active when a seat is free and nobody is
//!   waiting, otherwise waitlisted (a full group, a closed cohort that has begun).
//! - A drop-in group has no enrollment: accepting records the decision and tells the
//!   person to register for the session they want, as any visitor of a drop-in group does.
//! - A person already on the group's list cannot be accepted again: staff see why.

use chrono::{DateTime, Utc};

use super::{
    IntakeAction, JoinRequest, RequestChange, RequestEvent, RequestSpec, RequestStatus, Step,
};
use crate::enrollments::RosterChange;
use crate::enrollments::{rules as enrollment_rules, EnrollmentAction, EnrollmentStatus, Roster};
use crate::fields::Choice;
use crate::groups::EnrollmentMode;
use crate::ids::{AccountId, GroupId, OrgId, RequestId};
use crate::notifications::Notification;
use crate::Error;

/// Where staff work one request.
pub fn staff_link(org: OrgId, request: RequestId) -> String {
    format!("/orgs/{org}/intake/{request}")
}

/// Where the person follows their requests.
pub const MEMBER_LINK: &str = "/dashboard";

/// A new request, its first event, and one notification for each person who works the
/// queue. The notification names the group only.
pub fn submit(
    spec: RequestSpec,
    org: OrgId,
    group: GroupId,
    group_name: &str,
    account: AccountId,
    queue_staff: &[AccountId],
    now: DateTime<Utc>,
) -> (JoinRequest, RequestEvent, Vec<Notification>) {
    let request = JoinRequest {
        id: RequestId::new(),
        org_id: org,
        group_id: group,
        group_name: group_name.to_owned(),
        account_id: account,
        name: spec.name,
        contact: spec.contact,
        availability: spec.availability,
        screening: spec.screening,
        status: RequestStatus::New,
        referral: String::new(),
        message: String::new(),
        outcome: None,
        created_at: now,
        updated_at: now,
    };
    let event = RequestEvent {
        request_id: request.id,
        action: IntakeAction::Submitted,
        status: RequestStatus::New,
        actor_id: Some(account),
        note: String::new(),
        at: now,
    };
    let link = staff_link(org, request.id);
    let notifications = queue_staff
        .iter()
        .filter(|staff| **staff != account)
        .map(|staff| {
            Notification::new(
                *staff,
                format!("New request to join {group_name}"),
                link.clone(),
                now,
            )
        })
        .collect();
    (request, event, notifications)
}

fn refuse_closed(request: &JoinRequest, action: IntakeAction) -> Result<(), Error> {
    if request.status.is_open() {
        if action == IntakeAction::Contacted && request.status == RequestStatus::Contacted {
            return Err(Error::Conflict(
                "This request is already marked as contacted.".into(),
            ));
        }
        return Ok(());
    }
    let verb = match action {
        IntakeAction::Accept => "accepted",
        IntakeAction::Refer => "referred",
        IntakeAction::Decline => "declined",
        IntakeAction::Contacted | IntakeAction::Submitted => "marked as contacted",
    };
    Err(Error::Conflict(format!(
        "This request is already {}; it cannot be {verb} now.",
        request.status.label().to_lowercase()
    )))
}

/// Accepting: the enrollment rules decide between active and waitlisted. The events are
/// the staff member's (enrolled by staff, or put on the waitlist).
fn accept(
    request: &JoinRequest,
    roster: &Roster,
    actor: AccountId,
    now: DateTime<Utc>,
) -> Result<(RosterChange, Option<EnrollmentStatus>), Error> {
    if roster.group.mode == EnrollmentMode::DropIn && !roster.group.archived {
        return Ok((RosterChange::default(), None));
    }
    if let Some(existing) = roster.entry_of(request.account_id) {
        return Err(Error::Conflict(format!(
            "This person is already on the group's list ({}). Refer or decline the request \
             instead.",
            existing.enrollment.status.label().to_lowercase()
        )));
    }
    let mut change = enrollment_rules::join(roster, request.account_id, now)?;
    for event in &mut change.events {
        let theirs = change
            .enrollments
            .iter()
            .any(|e| e.id == event.enrollment_id && e.account_id == request.account_id);
        if theirs && event.actor_id == Some(request.account_id) {
            event.actor_id = Some(actor);
            if event.action == EnrollmentAction::Joined {
                event.action = EnrollmentAction::Enrolled;
            }
            if event.reason.is_empty() {
                "Accepted from the intake queue.".clone_into(&mut event.reason);
            }
        }
    }
    let outcome = change
        .enrollments
        .iter()
        .find(|e| e.account_id == request.account_id)
        .map(|e| e.status);
    Ok((change, outcome))
}

/// What the person is told after a step; the group's name and their own status only.
fn person_notice(request: &JoinRequest, now: DateTime<Utc>) -> Notification {
    let group = &request.group_name;
    let text = match (request.status, request.outcome) {
        (RequestStatus::Contacted, _) => {
            format!("Your request to join {group}: the program has been in touch with you.")
        }
        (RequestStatus::Accepted, Some(EnrollmentStatus::Active)) => {
            format!("Your request to join {group} was accepted. You are a member of the group.")
        }
        (RequestStatus::Accepted, Some(_)) => {
            format!("Your request to join {group} was accepted. You are on the group's waitlist.")
        }
        (RequestStatus::Accepted, None) => format!(
            "Your request to join {group} was accepted. It is a drop-in group: register for \
             the session you want to come to."
        ),
        (RequestStatus::Referred, _) => format!(
            "Your request to join {group} was referred elsewhere. Your dashboard says where."
        ),
        (RequestStatus::Declined, _) => format!(
            "Your request to join {group} was declined. Your dashboard has the program's message."
        ),
        (RequestStatus::New, _) => format!("Your request to join {group} was received."),
    };
    Notification::new(request.account_id, text, MEMBER_LINK, now)
}

/// One staff step on a request, with the group's roster read under its lock.
pub fn transition(
    request: &JoinRequest,
    roster: &Roster,
    step: &Step,
    actor: AccountId,
    now: DateTime<Utc>,
) -> Result<RequestChange, Error> {
    refuse_closed(request, step.action)?;
    if request.account_id == actor {
        return Err(Error::Conflict(
            "Your own request is decided by another clinician or administrator.".into(),
        ));
    }
    let mut next = request.clone();
    let mut roster_change = RosterChange::default();
    match step.action {
        IntakeAction::Contacted => next.status = RequestStatus::Contacted,
        IntakeAction::Accept => {
            let (change, outcome) = accept(request, roster, actor, now)?;
            roster_change = change;
            next.status = RequestStatus::Accepted;
            next.outcome = outcome;
        }
        IntakeAction::Refer => {
            next.status = RequestStatus::Referred;
            next.referral.clone_from(&step.referral);
        }
        IntakeAction::Decline => {
            next.status = RequestStatus::Declined;
            next.message.clone_from(&step.message);
        }
        IntakeAction::Submitted => {
            return Err(Error::invalid("action", "A request is sent only once."));
        }
    }
    next.updated_at = now;
    let event = RequestEvent {
        request_id: request.id,
        action: step.action,
        status: next.status,
        actor_id: Some(actor),
        note: step.note.clone(),
        at: now,
    };
    let notifications = vec![person_notice(&next, now)];
    Ok(RequestChange {
        request: next,
        event,
        roster: roster_change,
        notifications,
    })
}
