//! Schedules and their sessions on SQLite. Plans are written in one `BEGIN IMMEDIATE`
//! transaction on the single writer, each statement prepared once and run for every row.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use kindred_domain::fields::Choice;
use kindred_domain::ids::{GroupId, OrgId, ScheduleId, SessionId};
use kindred_domain::schedules::{Schedule, SessionPlan, Slot};
use kindred_domain::sessions::GroupSession;
use kindred_domain::store::{AppliedPlans, ScheduleStore};
use kindred_domain::StoreError;
use rusqlite::{Connection, ToSql};

use super::exec::{all, execute, optional, Repeated};
use super::values::{opt_day, opt_ts, ts, Day};
use super::{SqliteStore, R};
use crate::rows::{
    slots, GroupFacilitatorRow, RuleColumns, ScheduleRow, ScheduleZoneRow, SessionRow, SlotRow,
};
use crate::sql::schedules as sql;

/// Inserts the schedule, or updates it (`NotFound` when it does not exist).
fn write_schedule(c: &Connection, s: &Schedule, insert: bool) -> R<()> {
    let rule = RuleColumns::of(s);
    let (id, group) = (s.id.to_string(), s.group_id.to_string());
    let (first, until) = (Day(s.first_date), opt_day(rule.until_date));
    let (archived, created) = (opt_ts(s.archived_at), ts(s.created_at));
    let mut params: Vec<&dyn ToSql> = vec![
        &id,
        &group,
        &rule.days,
        &rule.start_time,
        &s.duration_minutes,
        &s.interval_weeks,
        &first,
        &rule.end_kind,
        &until,
        &rule.end_count,
        &s.room,
        &archived,
    ];
    if insert {
        params.push(&created);
        execute(c, sql::INSERT, &params)?;
    } else if execute(c, sql::UPDATE, &params)? == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Whether the schedule is still as planned; if so, records how far its sessions go.
fn claim(c: &Connection, s: &Schedule, until: DateTime<Utc>) -> R<bool> {
    let rule = RuleColumns::of(s);
    let (first, until_date) = (Day(s.first_date), opt_day(rule.until_date));
    let changed = execute(
        c,
        sql::CLAIM,
        &[
            &s.id.to_string(),
            &ts(until),
            &rule.days,
            &rule.start_time,
            &s.duration_minutes,
            &s.interval_weeks,
            &first,
            &rule.end_kind,
            &until_date,
            &rule.end_count,
            &s.room,
            &s.archived_at.is_some(),
        ],
    )?;
    Ok(changed > 0)
}

fn apply(
    c: &Connection,
    plans: &[(Schedule, SessionPlan)],
    until: DateTime<Utc>,
) -> R<AppliedPlans> {
    let mut done = AppliedPlans::default();
    let mut insert = Repeated::new(c, sql::INSERT_PLANNED, 10)?;
    let mut reschedule = Repeated::new(c, sql::RESCHEDULE, 4)?;
    let mut remove = Repeated::new(c, sql::REMOVE, 1)?;
    for (schedule, plan) in plans {
        if !claim(c, schedule, until)? {
            done.skipped += 1;
            continue;
        }
        done.schedules += 1;
        for s in &plan.insert {
            done.inserted += insert.run(&[
                &s.id.to_string(),
                &s.group_id.to_string(),
                &ts(s.starts_at),
                &ts(s.ends_at),
                &s.status.code(),
                &s.cancel_reason,
                &s.schedule_id.map(|id| id.to_string()),
                &opt_day(s.occurrence_date),
                &s.moved,
                &s.room,
            ])?;
        }
        for s in &plan.reschedule {
            done.rescheduled +=
                reschedule.run(&[&s.id.to_string(), &ts(s.starts_at), &ts(s.ends_at), &s.room])?;
        }
        for id in &plan.remove {
            done.removed += remove.run(&[&id.to_string()])?;
        }
    }
    Ok(done)
}

fn future_sessions(
    c: &Connection,
    schedules: &[ScheduleId],
    after: DateTime<Utc>,
) -> R<Vec<GroupSession>> {
    let after = ts(after);
    let mut sessions = Vec::new();
    for id in schedules {
        for row in all::<SessionRow>(c, sql::FUTURE_SESSIONS, &[&id.to_string(), &after])? {
            sessions.push(GroupSession::try_from(row)?);
        }
    }
    sessions.sort_by_key(|s| (s.starts_at, s.id));
    Ok(sessions)
}

fn slots_between(
    c: &Connection,
    org: OrgId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> R<Vec<Slot>> {
    let org = org.to_string();
    let earliest = from
        .checked_sub_signed(sql::LONGEST_SESSION)
        .unwrap_or(from);
    let rows = all::<SlotRow>(c, sql::SLOTS, &[&org, &ts(from), &ts(to), &ts(earliest)])?;
    let facilitators = all::<GroupFacilitatorRow>(c, sql::ORG_FACILITATORS, &[&org])?;
    slots(rows, facilitators)
}

#[async_trait::async_trait]
impl ScheduleStore for SqliteStore {
    async fn insert_schedule(&self, schedule: Schedule) -> R<()> {
        self.write(move |c| write_schedule(c, &schedule, true))
            .await
    }

    async fn update_schedule(&self, schedule: Schedule) -> R<()> {
        self.write(move |c| write_schedule(c, &schedule, false))
            .await
    }

    async fn schedule(&self, id: ScheduleId) -> R<Option<Schedule>> {
        self.read(|c| {
            optional::<ScheduleRow>(c, sql::BY_ID, &[&id.to_string()])?
                .map(Schedule::try_from)
                .transpose()
        })
    }

    async fn schedules_of_group(&self, group: GroupId) -> R<Vec<Schedule>> {
        self.read(|c| {
            all::<ScheduleRow>(c, sql::OF_GROUP, &[&group.to_string()])?
                .into_iter()
                .map(Schedule::try_from)
                .collect()
        })
    }

    async fn future_sessions_of_schedules(
        &self,
        schedules: &[ScheduleId],
        after: DateTime<Utc>,
    ) -> R<Vec<GroupSession>> {
        self.read_snapshot(|c| future_sessions(c, schedules, after))
    }

    async fn apply_session_plans(
        &self,
        plans: Vec<(Schedule, SessionPlan)>,
        materialized_until: DateTime<Utc>,
    ) -> R<AppliedPlans> {
        self.write_tx(move |c| apply(c, &plans, materialized_until))
            .await
    }

    async fn schedules_needing_sessions(
        &self,
        until: DateTime<Utc>,
        after_id: Option<ScheduleId>,
        limit: i64,
    ) -> R<Vec<(Schedule, Tz)>> {
        let after = after_id.map(|id| id.to_string()).unwrap_or_default();
        self.read(|c| {
            all::<ScheduleZoneRow>(
                c,
                sql::NEEDING_SESSIONS,
                &[&ts(until), &after, &limit.max(0)],
            )?
            .into_iter()
            .map(<(Schedule, Tz)>::try_from)
            .collect()
        })
    }

    async fn cancel_session(&self, id: SessionId, reason: String, now: DateTime<Utc>) -> R<bool> {
        self.write(move |c| Ok(execute(c, sql::CANCEL, &[&id.to_string(), &reason, &ts(now)])? > 0))
            .await
    }

    async fn restore_session(&self, id: SessionId, now: DateTime<Utc>) -> R<bool> {
        self.write(move |c| Ok(execute(c, sql::RESTORE, &[&id.to_string(), &ts(now)])? > 0))
            .await
    }

    async fn move_session(
        &self,
        id: SessionId,
        starts_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
        room: String,
        now: DateTime<Utc>,
    ) -> R<bool> {
        self.write(move |c| {
            let params: [&dyn ToSql; 5] = [
                &id.to_string(),
                &ts(starts_at),
                &ts(ends_at),
                &room,
                &ts(now),
            ];
            Ok(execute(c, sql::MOVE, &params)? > 0)
        })
        .await
    }

    async fn slots_between(
        &self,
        org: OrgId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> R<Vec<Slot>> {
        self.read_snapshot(|c| slots_between(c, org, from, to))
    }
}
