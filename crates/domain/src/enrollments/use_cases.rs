//! Enrollment use cases: each asks the policy, then runs a rule on the locked roster.

use chrono::{DateTime, Utc};

use super::rules;
use super::{Enrollment, EnrollmentAction, EnrollmentEvent, Roster, RosterChange};
use crate::auth::Actor;
use crate::fields::{choice, id, lenient_string, number_in, optional_text};
use crate::groups::{group_in_org, Group};
use crate::ids::{EnrollmentId, GroupId, OrgId};
use crate::policy::{authorize, signed_in, Access};
use crate::{vocabulary, Error, FieldErrors, Store};

/// A group that is open to the public: not archived.
async fn open_group(store: &dyn Store, id: GroupId) -> Result<Group, Error> {
    store
        .group(id)
        .await?
        .filter(|g| g.archived_at.is_none())
        .ok_or(Error::NotFound)
}

async fn run(
    store: &dyn Store,
    group: GroupId,
    decide: super::RosterDecision,
) -> Result<RosterChange, Error> {
    store.change_roster(group, decide).await?
}

/// The signed-in person asks to join a group: active when a seat is free, otherwise
/// waitlisted. Returns their enrollment.
pub async fn join_group(
    store: &dyn Store,
    actor: &Actor,
    group: GroupId,
    now: DateTime<Utc>,
) -> Result<Enrollment, Error> {
    let me = signed_in(actor)?.account_id;
    open_group(store, group).await?;
    let change = run(store, group, Box::new(move |r| rules::join(r, me, now))).await?;
    change
        .enrollments
        .into_iter()
        .find(|e| e.account_id == me)
        .ok_or(Error::NotFound)
}

/// The signed-in person leaves the group (or its waitlist); their seat moves on.
pub async fn leave_group(
    store: &dyn Store,
    actor: &Actor,
    group: GroupId,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let me = signed_in(actor)?.account_id;
    let mine = store
        .current_enrollment(group, me)
        .await?
        .ok_or_else(|| Error::Conflict("You are not on this group's list.".into()))?;
    run(
        store,
        group,
        Box::new(move |r| {
            rules::end_enrollment(r, mine.id, EnrollmentAction::Withdrawn, me, "", now)
        }),
    )
    .await?;
    Ok(())
}

/// The signed-in person takes the seat they were offered.
pub async fn accept_offer(
    store: &dyn Store,
    actor: &Actor,
    group: GroupId,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let me = signed_in(actor)?.account_id;
    run(
        store,
        group,
        Box::new(move |r| rules::accept_offer(r, me, now)),
    )
    .await?;
    Ok(())
}

/// The signed-in person turns down the seat they were offered.
pub async fn decline_offer(
    store: &dyn Store,
    actor: &Actor,
    group: GroupId,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let me = signed_in(actor)?.account_id;
    run(
        store,
        group,
        Box::new(move |r| rules::decline_offer(r, me, now)),
    )
    .await?;
    Ok(())
}

/// A group's roster as its staff see it: active members, the waitlist in order, offers.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct RosterView {
    pub roster: Roster,
    pub free_seats: i32,
    /// Whether the viewer may change the roster (facilitators and administrators).
    pub can_run: bool,
}

pub async fn group_roster(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    group: GroupId,
    now: DateTime<Utc>,
) -> Result<RosterView, Error> {
    authorize(actor, Access::ViewOrg(org))?;
    let g = group_in_org(store, org, group).await?;
    let can_run = authorize(actor, Access::RunGroup(&g)).is_ok();
    let roster = store.roster(group).await?.ok_or(Error::NotFound)?;
    Ok(RosterView {
        free_seats: roster.free_seats(now).max(0),
        roster,
        can_run,
    })
}

vocabulary!(
    /// What staff may do to one enrollment from the roster.
    StaffAction {
        Remove => ("remove", "Remove from the group"),
        Complete => ("complete", "Mark as completed"),
    }
);

/// A roster change by staff, as typed into the form or sent to the API.
#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct StaffChangeInput {
    #[serde(default)]
    pub enrollment_id: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub reason: String,
}

pub async fn staff_change(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    group: GroupId,
    input: StaffChangeInput,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let g = group_in_org(store, org, group).await?;
    let me = authorize(actor, Access::RunGroup(&g))?
        .ok_or(Error::Unauthenticated)?
        .account_id;
    let mut errors = FieldErrors::new();
    let enrollment: Option<EnrollmentId> = id(&mut errors, "enrollment_id", &input.enrollment_id);
    let action: Option<StaffAction> = choice(&mut errors, "action", &input.action);
    let reason = optional_text(&mut errors, "reason", &input.reason, 500);
    if action == Some(StaffAction::Remove) && reason.is_empty() {
        errors.add(
            "reason",
            "Say why this person is removed; it is kept in their history.",
        );
    }
    let (Some(enrollment), Some(action)) = (enrollment, action) else {
        return Err(Error::Invalid(errors));
    };
    errors.into_result(())?;
    let action = match action {
        StaffAction::Remove => EnrollmentAction::Removed,
        StaffAction::Complete => EnrollmentAction::Completed,
    };
    run(
        store,
        group,
        Box::new(move |r| rules::end_enrollment(r, enrollment, action, me, &reason, now)),
    )
    .await?;
    Ok(())
}

/// Moving one person on the waitlist, as typed into the form or sent to the API.
#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct ReorderInput {
    #[serde(default)]
    pub enrollment_id: String,
    /// 1 = next in line.
    #[serde(default, deserialize_with = "lenient_string")]
    #[schema(value_type = i32)]
    pub position: String,
    #[serde(default)]
    pub reason: String,
}

pub async fn reorder_waitlist(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    group: GroupId,
    input: ReorderInput,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let g = group_in_org(store, org, group).await?;
    let me = authorize(actor, Access::RunGroup(&g))?
        .ok_or(Error::Unauthenticated)?
        .account_id;
    let mut errors = FieldErrors::new();
    let enrollment: Option<EnrollmentId> = id(&mut errors, "enrollment_id", &input.enrollment_id);
    let position = number_in(&mut errors, "position", &input.position, 1, 10_000);
    let Some(enrollment) = enrollment else {
        return Err(Error::Invalid(errors));
    };
    errors.into_result(())?;
    let reason = input.reason;
    run(
        store,
        group,
        Box::new(move |r| rules::reorder(r, enrollment, position, me, &reason, now)),
    )
    .await?;
    Ok(())
}

/// Every change of one enrollment, oldest first: for the person and the group's staff.
pub async fn enrollment_history(
    store: &dyn Store,
    actor: &Actor,
    id: EnrollmentId,
) -> Result<Vec<EnrollmentEvent>, Error> {
    let me = signed_in(actor)?;
    let enrollment = store.enrollment(id).await?.ok_or(Error::NotFound)?;
    if enrollment.account_id != me.account_id {
        let group = store
            .group(enrollment.group_id)
            .await?
            .ok_or(Error::NotFound)?;
        authorize(actor, Access::ViewOrg(group.org_id))?;
    }
    Ok(store.enrollment_events(id).await?)
}

/// Hands freed seats on after offers expire; the background job runs this.
pub async fn settle_expired_offers(store: &dyn Store, now: DateTime<Utc>) -> Result<usize, Error> {
    let groups = store.groups_with_expired_offers(now).await?;
    for group in &groups {
        run(store, *group, Box::new(move |r| Ok(rules::settle(r, now)))).await?;
    }
    Ok(groups.len())
}

/// Where the signed-in person stands in a group: their current enrollment, their place in
/// the queue when waiting, and whether a seat is being held for them.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct MyPlace {
    pub enrollment: Enrollment,
    /// 1 = next in line; only while waitlisted.
    pub waitlist_place: Option<usize>,
    pub offer_open: bool,
}

/// `None` for visitors and for people with no current enrollment in the group.
pub async fn my_place(
    store: &dyn Store,
    actor: &Actor,
    group: GroupId,
    now: DateTime<Utc>,
) -> Result<Option<MyPlace>, Error> {
    let Some(me) = actor.signed_in() else {
        return Ok(None);
    };
    let Some(enrollment) = store.current_enrollment(group, me.account_id).await? else {
        return Ok(None);
    };
    let waitlist_place = if enrollment.status == super::EnrollmentStatus::Waitlisted {
        let roster = store.roster(group).await?.ok_or(Error::NotFound)?;
        roster
            .waitlist()
            .iter()
            .position(|e| e.enrollment.id == enrollment.id)
            .map(|i| i + 1)
    } else {
        None
    };
    Ok(Some(MyPlace {
        offer_open: enrollment.has_open_offer(now),
        enrollment,
        waitlist_place,
    }))
}
