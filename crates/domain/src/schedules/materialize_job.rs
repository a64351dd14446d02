//! Making sessions from schedules: right after a schedule is saved, and in the background
//! job that keeps every schedule's sessions [`HORIZON`] ahead of now.

use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;

use super::{overlap_warnings, plan_sessions, OverlapWarning, Schedule, Slot};
use crate::ids::{OrgId, ScheduleId};
use crate::sessions::GroupSession;
use crate::store::AppliedPlans;
use crate::{Error, Store};

/// How far ahead sessions exist: members and staff see (and calendars show) this much.
pub const HORIZON: TimeDelta = TimeDelta::weeks(16);

/// The background job extends a schedule this far past the horizon at once, so that each
/// schedule is visited about once a week rather than on every run.
pub const JOB_STEP: TimeDelta = TimeDelta::weeks(1);

/// Schedules planned and written per transaction by the job.
pub const CHUNK: i64 = 500;

/// The end of the horizon seen from `now`.
pub fn horizon_end(now: DateTime<Utc>) -> DateTime<Utc> {
    now.checked_add_signed(HORIZON).unwrap_or(now)
}

/// The background job: every active schedule whose sessions stop short of `now + HORIZON`
/// gets them up to a week past it. Returns the number of sessions added.
pub async fn materialize_due(store: &dyn Store, now: DateTime<Utc>) -> Result<usize, Error> {
    let due = horizon_end(now);
    let until = due.checked_add_signed(JOB_STEP).unwrap_or(due);
    Ok(extend(store, now, due, until).await?.inserted)
}

/// Every active schedule whose sessions stop short of `until` gets them up to `until`
/// (planning from `now`), in chunks of [`CHUNK`] schedules per transaction. What
/// [`materialize_due`] runs, with the end chosen by the caller (benchmarks, imports).
pub async fn materialize_until(
    store: &dyn Store,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<AppliedPlans, Error> {
    extend(store, now, until, until).await
}

/// Visits the schedules needing sessions before `due` once each, in id order, extending
/// them to `until`. A schedule skipped because it changed meanwhile waits for the next run
/// (whoever changed it made its sessions already).
async fn extend(
    store: &dyn Store,
    now: DateTime<Utc>,
    due: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<AppliedPlans, Error> {
    let mut done = AppliedPlans::default();
    let mut after = None;
    loop {
        let batch = store.schedules_needing_sessions(due, after, CHUNK).await?;
        let Some((last, _)) = batch.last() else {
            break;
        };
        after = Some(last.id);
        let full = i64::try_from(batch.len()).unwrap_or(i64::MAX) >= CHUNK;
        let plans = plan_batch(store, batch, now, until).await?;
        done.add(store.apply_session_plans(plans, until).await?);
        if !full {
            break;
        }
    }
    Ok(done)
}

async fn plan_batch(
    store: &dyn Store,
    batch: Vec<(Schedule, Tz)>,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Vec<(Schedule, super::SessionPlan)>, Error> {
    let ids: Vec<ScheduleId> = batch.iter().map(|(s, _)| s.id).collect();
    let mut existing: HashMap<ScheduleId, Vec<GroupSession>> = HashMap::new();
    for session in store.future_sessions_of_schedules(&ids, now).await? {
        if let Some(id) = session.schedule_id {
            existing.entry(id).or_default().push(session);
        }
    }
    Ok(batch
        .into_iter()
        .map(|(schedule, zone)| {
            let sessions = existing.remove(&schedule.id).unwrap_or_default();
            let plan = plan_sessions(&schedule, zone, &sessions, now, until);
            (schedule, plan)
        })
        .collect())
}

/// Makes one schedule's sessions match it from `now` to the horizon, at once.
pub(super) async fn materialize_schedule(
    store: &dyn Store,
    schedule: &Schedule,
    zone: Tz,
    now: DateTime<Utc>,
) -> Result<AppliedPlans, Error> {
    let until = horizon_end(now);
    let existing = store
        .future_sessions_of_schedules(&[schedule.id], now)
        .await?;
    let plan = plan_sessions(schedule, zone, &existing, now, until);
    Ok(store
        .apply_session_plans(vec![(schedule.clone(), plan)], until)
        .await?)
}

/// Overlap warnings for the organization's sessions picked by `mine` among those
/// overlapping `[from, to)`, against every other session there.
pub(super) async fn warnings_between(
    store: &dyn Store,
    org: OrgId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    mine: impl Fn(&Slot) -> bool,
) -> Result<Vec<OverlapWarning>, Error> {
    let (candidates, others): (Vec<Slot>, Vec<Slot>) = store
        .slots_between(org, from, to)
        .await?
        .into_iter()
        .partition(|s| mine(s));
    Ok(overlap_warnings(&candidates, &others))
}
