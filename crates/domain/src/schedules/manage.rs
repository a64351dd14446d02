//! Schedule use cases: staff who run a group create, change and end its schedules; each save
//! makes the schedule's sessions up to the horizon at once and reports double bookings.

use std::collections::BTreeSet;

use chrono::{DateTime, TimeDelta, Utc};

use super::materialize_job::{horizon_end, materialize_schedule, warnings_between};
use super::{OverlapWarning, Schedule, ScheduleInput};
use crate::auth::Actor;
use crate::groups::{group_in_org, Group};
use crate::ids::{GroupId, OrgId, ScheduleId};
use crate::policy::{authorize, Access};
use crate::{Error, Store};

/// A saved schedule and the double bookings among its upcoming sessions. Warnings never
/// stop a save: staff decide.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ScheduleSaved {
    pub schedule: Schedule,
    pub warnings: Vec<OverlapWarning>,
}

/// A group of `org`, as its staff see it.
/// A group of `org` that the actor runs. Visitors are asked to sign in before anything is
/// looked up; a group of another organization is not found.
async fn group_to_run(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    id: GroupId,
) -> Result<Group, Error> {
    authorize(actor, Access::ViewOrg(org))?;
    let group = group_in_org(store, org, id).await?;
    authorize(actor, Access::RunGroup(&group))?;
    Ok(group)
}

/// One of the group's schedules.
async fn schedule_of(store: &dyn Store, group: &Group, id: ScheduleId) -> Result<Schedule, Error> {
    store
        .schedule(id)
        .await?
        .filter(|s| s.group_id == group.id)
        .ok_or(Error::NotFound)
}

/// The group's schedules, ended ones included, oldest first: any staff of the organization.
pub async fn schedules_of_group(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    group: GroupId,
) -> Result<Vec<Schedule>, Error> {
    authorize(actor, Access::ViewOrg(org))?;
    let group = group_in_org(store, org, group).await?;
    Ok(store.schedules_of_group(group.id).await?)
}

pub async fn create_schedule(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    group: GroupId,
    input: &ScheduleInput,
    now: DateTime<Utc>,
) -> Result<ScheduleSaved, Error> {
    let group = group_to_run(store, actor, org, group).await?;
    let spec = input.parse().map_err(Error::Invalid)?;
    if group.archived_at.is_some() {
        return Err(Error::Conflict(
            "This group is archived, so it cannot be given a new schedule.".into(),
        ));
    }
    let schedule = spec.into_new(group.id, now);
    store.insert_schedule(schedule.clone()).await?;
    saved(store, &group, schedule, now).await
}

/// Changes a schedule from now on: its future sessions that nobody changed by hand follow
/// (same ids, new times or room); moved and cancelled ones and past ones stay as they are.
pub async fn update_schedule(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    group: GroupId,
    schedule: ScheduleId,
    input: &ScheduleInput,
    now: DateTime<Utc>,
) -> Result<ScheduleSaved, Error> {
    let group = group_to_run(store, actor, org, group).await?;
    let current = schedule_of(store, &group, schedule).await?;
    let spec = input.parse().map_err(Error::Invalid)?;
    if current.archived_at.is_some() {
        return Err(Error::Conflict(
            "This schedule has ended and cannot be changed; add a new schedule instead.".into(),
        ));
    }
    if group.archived_at.is_some() {
        return Err(Error::Conflict(
            "This group is archived, so its schedule cannot be changed.".into(),
        ));
    }
    let schedule = spec.apply(current);
    store.update_schedule(schedule.clone()).await?;
    saved(store, &group, schedule, now).await
}

/// Ends a schedule: it makes no more sessions, and its future sessions that nobody changed
/// by hand and nobody registered for or was marked at are removed. Ending it again changes
/// nothing.
pub async fn archive_schedule(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    group: GroupId,
    schedule: ScheduleId,
    now: DateTime<Utc>,
) -> Result<ScheduleSaved, Error> {
    let group = group_to_run(store, actor, org, group).await?;
    let current = schedule_of(store, &group, schedule).await?;
    let schedule = Schedule {
        archived_at: current.archived_at.or(Some(now)),
        ..current
    };
    store.update_schedule(schedule.clone()).await?;
    saved(store, &group, schedule, now).await
}

/// Double bookings of the group's sessions from now to the horizon: any staff of the
/// organization.
pub async fn upcoming_warnings(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    group: GroupId,
    now: DateTime<Utc>,
) -> Result<Vec<OverlapWarning>, Error> {
    authorize(actor, Access::ViewOrg(org))?;
    let group = group_in_org(store, org, group).await?;
    let until = horizon_end(now);
    warnings_between(store, org, now, past_end(until), |s| {
        s.group_id == group.id && s.starts_at < until
    })
    .await
}

/// Makes the schedule's sessions and collects the warnings for those still to come.
async fn saved(
    store: &dyn Store,
    group: &Group,
    schedule: Schedule,
    now: DateTime<Utc>,
) -> Result<ScheduleSaved, Error> {
    materialize_schedule(store, &schedule, group.time_zone, now).await?;
    let until = horizon_end(now);
    let ids: BTreeSet<_> = store
        .future_sessions_of_schedules(&[schedule.id], now)
        .await?
        .into_iter()
        .filter(|s| s.starts_at < until)
        .map(|s| s.id)
        .collect();
    let warnings = if ids.is_empty() {
        Vec::new()
    } else {
        warnings_between(store, group.org_id, now, past_end(until), |s| {
            ids.contains(&s.session_id)
        })
        .await?
    };
    Ok(ScheduleSaved { schedule, warnings })
}

/// A session starting just before the horizon may overlap one starting just after it.
fn past_end(until: DateTime<Utc>) -> DateTime<Utc> {
    until
        .checked_add_signed(TimeDelta::days(1))
        .unwrap_or(until)
}
