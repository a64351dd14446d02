//! Intake use cases: each asks the policy first.
//!
//! The requester sees their own requests. The queue is worked by the organization's
//! clinicians and administrators (`ClinicalOrg`): a request carries contact details and
//! may carry screening answers, and deciding who enters a group is a clinical step.
//! Anyone else gets the answer for a request that does not exist.

use chrono::{DateTime, Utc};

use super::{
    parse_request, parse_step, review, rules, AttachedScreening, IntakeAction, JoinRequest,
    RequestEvent, RequestInput, RequestStatus, TransitionInput,
};
use crate::audit::{AuditAction, AuditEvent, AuditObject, Trail};
use crate::auth::Actor;
use crate::fields::Choice;
use crate::ids::{GroupId, OrgId, RequestId};
use crate::policy::{self, authorize, signed_in, Access};
use crate::{Error, Store, StoreError};

const ALREADY_ASKED: &str =
    "You already have an open request to join this group; the program will be in touch.";

/// The signed-in person asks to join a group. One open request per person and group; a
/// person already on the group's list is told so. The queue's staff are notified.
pub async fn request_to_join(
    store: &dyn Store,
    actor: &Actor,
    group: GroupId,
    input: &RequestInput,
    now: DateTime<Utc>,
) -> Result<JoinRequest, Error> {
    let me = signed_in(actor)?.account_id;
    let group = store
        .group(group)
        .await?
        .filter(|g| g.archived_at.is_none())
        .ok_or(Error::NotFound)?;
    let spec = parse_request(input)?;
    if store.open_request(group.id, me).await?.is_some() {
        return Err(Error::Conflict(ALREADY_ASKED.into()));
    }
    if let Some(current) = store.current_enrollment(group.id, me).await? {
        return Err(Error::Conflict(format!(
            "You are already on this group's list ({}).",
            current.status.label().to_lowercase()
        )));
    }
    let queue_staff: Vec<_> = store
        .staff_of(group.org_id)
        .await?
        .into_iter()
        .filter(|s| policy::clinical(s.role))
        .map(|s| s.account_id)
        .collect();
    let (request, event, notifications) = rules::submit(
        spec,
        group.org_id,
        group.id,
        &group.name,
        me,
        &queue_staff,
        now,
    );
    match store
        .submit_request(request.clone(), event, notifications)
        .await
    {
        Ok(()) => Ok(request),
        Err(StoreError::Duplicate(_)) => Err(Error::Conflict(ALREADY_ASKED.into())),
        Err(other) => Err(other.into()),
    }
}

/// The signed-in person's requests, newest first.
pub async fn my_requests(store: &dyn Store, actor: &Actor) -> Result<Vec<JoinRequest>, Error> {
    let me = authorize(actor, Access::OwnAccount)?.ok_or(Error::Unauthenticated)?;
    Ok(store.requests_of_account(me.account_id).await?)
}

/// One request as its staff or the person who sent it see it, with its history.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct RequestView {
    pub request: JoinRequest,
    pub history: Vec<RequestEvent>,
    /// The attached screening: a screening result, not a diagnosis.
    pub screening: Option<AttachedScreening>,
}

async fn view(store: &dyn Store, request: JoinRequest) -> Result<RequestView, Error> {
    let history = store.request_events(request.id).await?;
    let screening = request.screening.as_ref().map(review);
    Ok(RequestView {
        request,
        history,
        screening,
    })
}

/// One of the signed-in person's own requests; anyone else's is not found.
pub async fn my_request(
    store: &dyn Store,
    actor: &Actor,
    id: RequestId,
) -> Result<RequestView, Error> {
    let me = authorize(actor, Access::OwnAccount)?.ok_or(Error::Unauthenticated)?;
    let request = store
        .join_request(id)
        .await?
        .filter(|r| r.account_id == me.account_id)
        .ok_or(Error::NotFound)?;
    let mut view = view(store, request).await?;
    // Staff notes and who took each step are for the history; the person reads the status
    // and the message.
    for event in &mut view.history {
        event.note.clear();
        if event.action != IntakeAction::Submitted {
            event.actor_id = None;
        }
    }
    Ok(view)
}

/// The organization's queue, oldest first, optionally of one status (a status code; an
/// unknown one is refused at `status`).
pub async fn intake_queue(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    status: &str,
) -> Result<Vec<JoinRequest>, Error> {
    authorize(actor, Access::ClinicalOrg(org))?;
    let status = match status.trim() {
        "" | "all" => None,
        code => Some(RequestStatus::from_code(code).ok_or_else(|| {
            Error::invalid(
                "status",
                format!(
                    "Unknown status \"{}\"; use one of: all, new, contacted, accepted, \
                     referred, declined.",
                    code.chars().take(40).collect::<String>()
                ),
            )
        })?),
    };
    let mut queue = store.requests_of_org(org, status).await?;
    // Open requests whose screening signals risk come first; otherwise oldest first.
    queue.sort_by_key(|r| !(r.status.is_open() && r.is_urgent()));
    Ok(queue)
}

/// One request of the organization's queue, with its history and attached screening; the
/// look is recorded in the audit trail (what a person wrote about themselves is clinical).
pub async fn intake_request(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    id: RequestId,
    trail: &Trail,
    now: DateTime<Utc>,
) -> Result<RequestView, Error> {
    let object = AuditObject {
        kind: "join_request",
        id: id.to_string(),
    };
    let look = AuditEvent::by(actor, org, AuditAction::RequestView, object, trail, now);
    if let Err(error) = authorize(actor, Access::ClinicalOrg(org)) {
        return Err(crate::audit::refused(store, look, error).await);
    }
    let (request, history) = store
        .staff_request(org, id, look)
        .await?
        .ok_or(Error::NotFound)?;
    let screening = request.screening.as_ref().map(review);
    Ok(RequestView {
        request,
        history,
        screening,
    })
}

/// New requests waiting in the queue, for those who work it; `None` for everyone else.
pub async fn new_request_count(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
) -> Result<Option<i64>, Error> {
    if authorize(actor, Access::ClinicalOrg(org)).is_err() {
        return Ok(None);
    }
    Ok(Some(store.count_requests(org, RequestStatus::New).await?))
}

/// A staff step: contacted, accept, refer (where to) or decline (a message to the person).
/// The step, the enrollment accepting makes and the person's notification are written
/// together under the group's lock.
pub async fn transition_request(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    id: RequestId,
    input: &TransitionInput,
    now: DateTime<Utc>,
) -> Result<JoinRequest, Error> {
    let me = authorize(actor, Access::ClinicalOrg(org))?
        .ok_or(Error::Unauthenticated)?
        .account_id;
    store
        .join_request(id)
        .await?
        .filter(|r| r.org_id == org)
        .ok_or(Error::NotFound)?;
    let step = parse_step(input)?;
    let change = store
        .change_request(
            id,
            Box::new(move |request, roster| rules::transition(request, roster, &step, me, now)),
        )
        .await??;
    Ok(change.request)
}
