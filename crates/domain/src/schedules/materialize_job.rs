//! Making sessions from schedules: right after a schedule is saved, and in the background
//! job that keeps every schedule's sessions [`HORIZON`] ahead of now.

use std::collections::HashMap;
use std::future::{poll_fn, Future};
use std::pin::pin;
use std::task::Poll;

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;

use super::{overlap_warnings, plan_sessions, OverlapWarning, Schedule, SessionPlan, Slot};
use crate::ids::{OrgId, ScheduleId};
use crate::sessions::GroupSession;
use crate::store::AppliedPlans;
use crate::{Error, Store};

/// How far ahead sessions exist: members and staff see (and calendars show) this much.
pub const HORIZON: TimeDelta = TimeDelta::weeks(16);

/// The background job extends a schedule this far past the horizon at once, so that each
/// schedule is visited about once a week rather than on every run.
pub const JOB_STEP: TimeDelta = TimeDelta::weeks(1);

/// Schedules planned together by the job, then written in one transaction per writer the
/// store takes. With 500, a year of sessions for 10,000 groups took a third longer on SQLite
/// (each commit writes out every index page it touched, and a year's start times touch all
/// of that index). In that bulk case one chunk holds SQLite's write lock for a second or two;
/// the weekly extension writes a couple of sessions per schedule.
pub const CHUNK: i64 = 2000;

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
/// (whoever changed it made its sessions already). While one chunk is written, the next is
/// read and planned: the database works on one core, the planning on the other.
async fn extend(
    store: &dyn Store,
    now: DateTime<Utc>,
    due: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<AppliedPlans, Error> {
    let mut done = AppliedPlans::default();
    let writers = store.plan_writers().max(1);
    let mut next = plan_chunk(store, now, due, until, None).await?;
    while let Some(chunk) = next {
        let writes = split(chunk.plans, writers)
            .into_iter()
            .map(|part| store.apply_session_plans(part, until))
            .collect();
        let plan_more = async {
            match chunk.last {
                Some(last) => plan_chunk(store, now, due, until, Some(last)).await,
                None => Ok(None),
            }
        };
        let (written, planned) = join(join_all(writes), plan_more).await;
        for part in written {
            done.add(part?);
        }
        next = planned?;
    }
    Ok(done)
}

/// Splits plans into up to `parts` runs of neighbours (schedules next to each other in id
/// order stay together, which keeps each write's index pages close).
fn split<T>(mut items: Vec<T>, parts: usize) -> Vec<Vec<T>> {
    let size = items.len().div_ceil(parts.max(1)).max(1);
    let mut runs = Vec::new();
    while items.len() > size {
        let rest = items.split_off(size);
        runs.push(items);
        items = rest;
    }
    runs.push(items);
    runs
}

/// Plans for one chunk of schedules.
struct Chunk {
    plans: Vec<(Schedule, SessionPlan)>,
    /// The last schedule's id when the chunk was full (more may follow).
    last: Option<ScheduleId>,
}

/// Reads up to [`CHUNK`] schedules needing sessions after `after` and plans them. `None`
/// when there are none left.
async fn plan_chunk(
    store: &dyn Store,
    now: DateTime<Utc>,
    due: DateTime<Utc>,
    until: DateTime<Utc>,
    after: Option<ScheduleId>,
) -> Result<Option<Chunk>, Error> {
    let batch = store.schedules_needing_sessions(due, after, CHUNK).await?;
    let Some((last, _)) = batch.last() else {
        return Ok(None);
    };
    let full = i64::try_from(batch.len()).unwrap_or(i64::MAX) >= CHUNK;
    let last = full.then_some(last.id);
    let ids: Vec<ScheduleId> = batch.iter().map(|(s, _)| s.id).collect();
    let mut existing: HashMap<ScheduleId, Vec<GroupSession>> = HashMap::new();
    for session in store.future_sessions_of_schedules(&ids, now).await? {
        if let Some(id) = session.schedule_id {
            existing.entry(id).or_default().push(session);
        }
    }
    let plans = batch
        .into_iter()
        .map(|(schedule, zone)| {
            let sessions = existing.remove(&schedule.id).unwrap_or_default();
            let plan = plan_sessions(&schedule, zone, &sessions, now, until);
            (schedule, plan)
        })
        .collect();
    Ok(Some(Chunk { plans, last }))
}

/// Runs futures at once on this task; their outputs in order once all are done.
async fn join_all<F: Future>(futures: Vec<F>) -> Vec<F::Output> {
    let mut futures: Vec<_> = futures.into_iter().map(Box::pin).collect();
    let mut outputs: Vec<Option<F::Output>> = futures.iter().map(|_| None).collect();
    poll_fn(|cx| {
        for (future, output) in futures.iter_mut().zip(outputs.iter_mut()) {
            if output.is_none() {
                if let Poll::Ready(v) = future.as_mut().poll(cx) {
                    *output = Some(v);
                }
            }
        }
        if outputs.iter().all(Option::is_some) {
            Poll::Ready(outputs.iter_mut().filter_map(Option::take).collect())
        } else {
            Poll::Pending
        }
    })
    .await
}

/// Runs two futures at once on this task; both outputs once both are done. (The domain has
/// no async runtime of its own; this is all it needs of one.)
async fn join<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let mut a = pin!(a);
    let mut b = pin!(b);
    let (mut out_a, mut out_b) = (None, None);
    poll_fn(|cx| {
        if out_a.is_none() {
            if let Poll::Ready(v) = a.as_mut().poll(cx) {
                out_a = Some(v);
            }
        }
        if out_b.is_none() {
            if let Poll::Ready(v) = b.as_mut().poll(cx) {
                out_b = Some(v);
            }
        }
        match (out_a.take(), out_b.take()) {
            (Some(a), Some(b)) => Poll::Ready((a, b)),
            (a, b) => {
                (out_a, out_b) = (a, b);
                Poll::Pending
            }
        }
    })
    .await
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_are_split_into_runs_of_neighbours() {
        let runs = |n: usize, parts: usize| -> Vec<Vec<usize>> { split((0..n).collect(), parts) };
        assert_eq!(runs(5, 2), [vec![0, 1, 2], vec![3, 4]]);
        assert_eq!(runs(4, 1), [vec![0, 1, 2, 3]]);
        assert_eq!(runs(1, 3), [vec![0]]);
        assert_eq!(runs(0, 2), [Vec::<usize>::new()]);
        assert_eq!(runs(6, 0), [vec![0, 1, 2, 3, 4, 5]]);
    }
}
