//! Planning the sessions a schedule should have from now to a horizon, against those it has.
//! Pure: the caller fetches the schedule's future sessions and applies the plan.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeDelta, Utc};
use chrono_tz::Tz;

use super::recurrence::{occurrences, Occurrence};
use super::Schedule;
use crate::ids::SessionId;
use crate::sessions::{GroupSession, SessionStatus};

/// What to change so that a schedule's future sessions match it.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct SessionPlan {
    /// New sessions for occurrences that have none, ordered by start.
    pub insert: Vec<GroupSession>,
    /// Existing sessions with their new times or room (same id), ordered by start.
    pub reschedule: Vec<GroupSession>,
    /// Untouched sessions whose occurrence the schedule no longer produces.
    pub remove: Vec<SessionId>,
}

impl SessionPlan {
    pub fn is_empty(&self) -> bool {
        self.insert.is_empty() && self.reschedule.is_empty() && self.remove.is_empty()
    }
}

/// Plans the sessions of `schedule` for occurrences starting in `(now, horizon_end]`.
///
/// `existing` are the schedule's sessions starting after `now`; a schedule has at most one
/// session per occurrence date. Sessions changed by hand (moved or cancelled) are never
/// touched and keep their occurrence taken. A session without an occurrence date is not the
/// schedule's to manage and is left alone. Untouched sessions beyond the horizon stay as long
/// as the schedule still produces their occurrence, so a shorter horizon removes nothing.
pub fn plan_sessions(
    schedule: &Schedule,
    zone: Tz,
    existing: &[GroupSession],
    now: DateTime<Utc>,
    horizon_end: DateTime<Utc>,
) -> SessionPlan {
    let produced = produced(schedule, zone, existing, now, horizon_end);
    let mut plan = SessionPlan::default();
    let mut taken = BTreeSet::new();
    for session in existing {
        let Some(date) = session.occurrence_date else {
            continue;
        };
        taken.insert(date);
        if session.changed_by_hand() {
            continue;
        }
        match produced.get(&date) {
            None => plan.remove.push(session.id),
            Some(o) => {
                if session.starts_at != o.starts_at
                    || session.ends_at != o.ends_at
                    || session.room != schedule.room
                {
                    plan.reschedule.push(GroupSession {
                        starts_at: o.starts_at,
                        ends_at: o.ends_at,
                        room: schedule.room.clone(),
                        ..session.clone()
                    });
                }
            }
        }
    }
    plan.insert = produced
        .values()
        .filter(|o| o.starts_at <= horizon_end && !taken.contains(&o.date))
        .map(|o| new_session(schedule, o, now))
        .collect();
    plan.insert.sort_by_key(|s| s.starts_at);
    plan.reschedule.sort_by_key(|s| s.starts_at);
    plan
}

/// Occurrences starting after `now`, up to the horizon or the last existing occurrence date,
/// whichever is later, keyed by date. None for an archived schedule.
fn produced(
    schedule: &Schedule,
    zone: Tz,
    existing: &[GroupSession],
    now: DateTime<Utc>,
    horizon_end: DateTime<Utc>,
) -> BTreeMap<NaiveDate, Occurrence> {
    if schedule.archived_at.is_some() {
        return BTreeMap::new();
    }
    // A local date's start lies within two days of its midnight read as UTC.
    let last_existing = existing
        .iter()
        .filter_map(|s| s.occurrence_date)
        .max()
        .and_then(|d| d.checked_add_days(Days::new(2)))
        .map(|d| d.and_time(NaiveTime::MIN).and_utc());
    let end = last_existing.map_or(horizon_end, |d| d.max(horizon_end));
    // `occurrences` excludes its end; one nanosecond more includes a start at exactly `end`.
    let to = end
        .checked_add_signed(TimeDelta::nanoseconds(1))
        .unwrap_or(end);
    occurrences(schedule, zone, now, to)
        .into_iter()
        .filter(|o| o.starts_at > now)
        .map(|o| (o.date, o))
        .collect()
}

/// Ids made in order (see [`SessionId::ordered`]): the store writes them faster.
fn new_session(schedule: &Schedule, o: &Occurrence, now: DateTime<Utc>) -> GroupSession {
    GroupSession {
        id: SessionId::ordered(now),
        group_id: schedule.group_id,
        starts_at: o.starts_at,
        ends_at: o.ends_at,
        status: SessionStatus::Scheduled,
        cancel_reason: String::new(),
        schedule_id: Some(schedule.id),
        occurrence_date: Some(o.date),
        moved: false,
        room: schedule.room.clone(),
    }
}
