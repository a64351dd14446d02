//! Schedules and their sessions on PostgreSQL. The background job writes many thousands of
//! sessions at once, so claims and inserts bind whole arrays (`UNNEST`): one round trip per
//! few thousand rows. Reschedules and removals come from schedule edits, a few at a time,
//! and run row by row.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use kindred_domain::fields::Choice;
use kindred_domain::ids::{GroupId, OrgId, ScheduleId, SessionId};
use kindred_domain::schedules::{Schedule, SessionPlan, Slot};
use kindred_domain::sessions::GroupSession;
use kindred_domain::store::{AppliedPlans, ScheduleStore};
use kindred_domain::StoreError;
use sqlx::PgConnection;

use super::{commit, Db, PgStore, Query, R};
use crate::errors::db;
use crate::rows::{
    slots, GroupFacilitatorRow, RuleColumns, ScheduleRow, ScheduleZoneRow, SessionRow, SlotRow,
};
use crate::sql::schedules as sql;

/// Sessions per insert statement: big enough that round trips do not count, small enough
/// that one statement's arrays stay a few megabytes.
const INSERT_BATCH: usize = 5_000;

/// Binds the columns insert and update share, in their placeholder order (`$1` … `$12`).
fn bind_schedule<'q>(query: Query<'q>, s: &'q Schedule) -> Query<'q> {
    let rule = RuleColumns::of(s);
    query
        .bind(s.id.to_string())
        .bind(s.group_id.to_string())
        .bind(rule.days)
        .bind(rule.start_time)
        .bind(s.duration_minutes)
        .bind(s.interval_weeks)
        .bind(s.first_date)
        .bind(rule.end_kind)
        .bind(rule.until_date)
        .bind(rule.end_count)
        .bind(s.room.as_str())
        .bind(s.archived_at)
}

/// The schedules of `plans` still exactly as planned, now claimed (and locked) by this
/// transaction, with `materialized_until` set.
async fn claim(
    c: &mut PgConnection,
    plans: &[(Schedule, SessionPlan)],
    until: DateTime<Utc>,
) -> R<HashSet<String>> {
    let n = plans.len();
    let mut ids = Vec::with_capacity(n);
    let mut days = Vec::with_capacity(n);
    let mut starts = Vec::with_capacity(n);
    let mut durations = Vec::with_capacity(n);
    let mut intervals = Vec::with_capacity(n);
    let mut firsts = Vec::with_capacity(n);
    let mut end_kinds = Vec::with_capacity(n);
    let mut until_dates: Vec<Option<NaiveDate>> = Vec::with_capacity(n);
    let mut end_counts: Vec<Option<i32>> = Vec::with_capacity(n);
    let mut rooms = Vec::with_capacity(n);
    let mut archived = Vec::with_capacity(n);
    for (s, _) in plans {
        let rule = RuleColumns::of(s);
        ids.push(s.id.to_string());
        days.push(rule.days);
        starts.push(rule.start_time);
        durations.push(s.duration_minutes);
        intervals.push(s.interval_weeks);
        firsts.push(s.first_date);
        end_kinds.push(rule.end_kind.to_owned());
        until_dates.push(rule.until_date);
        end_counts.push(rule.end_count);
        rooms.push(s.room.clone());
        archived.push(s.archived_at.is_some());
    }
    let claimed = sqlx::query_scalar::<Db, String>(sql::CLAIM_BATCH)
        .bind(until)
        .bind(ids)
        .bind(days)
        .bind(starts)
        .bind(durations)
        .bind(intervals)
        .bind(firsts)
        .bind(end_kinds)
        .bind(until_dates)
        .bind(end_counts)
        .bind(rooms)
        .bind(archived)
        .fetch_all(&mut *c)
        .await
        .map_err(db)?;
    Ok(claimed.into_iter().collect())
}

/// Planned sessions gathered column by column for one `UNNEST` insert.
#[derive(Default)]
struct NewSessions {
    ids: Vec<String>,
    groups: Vec<String>,
    starts: Vec<DateTime<Utc>>,
    ends: Vec<DateTime<Utc>>,
    statuses: Vec<String>,
    reasons: Vec<String>,
    schedules: Vec<Option<String>>,
    dates: Vec<Option<NaiveDate>>,
    moved: Vec<bool>,
    rooms: Vec<String>,
}

impl NewSessions {
    fn push(&mut self, s: &GroupSession) {
        self.ids.push(s.id.to_string());
        self.groups.push(s.group_id.to_string());
        self.starts.push(s.starts_at);
        self.ends.push(s.ends_at);
        self.statuses.push(s.status.code().to_owned());
        self.reasons.push(s.cancel_reason.clone());
        self.schedules.push(s.schedule_id.map(|id| id.to_string()));
        self.dates.push(s.occurrence_date);
        self.moved.push(s.moved);
        self.rooms.push(s.room.clone());
    }

    fn len(&self) -> usize {
        self.ids.len()
    }

    /// Inserts what was gathered and starts over; the number of rows inserted.
    async fn flush(&mut self, c: &mut PgConnection) -> R<usize> {
        if self.ids.is_empty() {
            return Ok(0);
        }
        let batch = std::mem::take(self);
        let done = sqlx::query(sql::INSERT_PLANNED_BATCH)
            .bind(batch.ids)
            .bind(batch.groups)
            .bind(batch.starts)
            .bind(batch.ends)
            .bind(batch.statuses)
            .bind(batch.reasons)
            .bind(batch.schedules)
            .bind(batch.dates)
            .bind(batch.moved)
            .bind(batch.rooms)
            .execute(&mut *c)
            .await
            .map_err(db)?;
        Ok(count(done.rows_affected()))
    }
}

fn count(rows: u64) -> usize {
    usize::try_from(rows).unwrap_or(usize::MAX)
}

async fn apply(
    c: &mut PgConnection,
    plans: &[(Schedule, SessionPlan)],
    until: DateTime<Utc>,
) -> R<AppliedPlans> {
    let claimed = claim(c, plans, until).await?;
    let mut done = AppliedPlans::default();
    let mut new = NewSessions::default();
    for (schedule, plan) in plans {
        if !claimed.contains(&schedule.id.to_string()) {
            done.skipped += 1;
            continue;
        }
        done.schedules += 1;
        for s in &plan.insert {
            new.push(s);
            if new.len() >= INSERT_BATCH {
                done.inserted += new.flush(c).await?;
            }
        }
        for s in &plan.reschedule {
            let changed = sqlx::query(sql::RESCHEDULE)
                .bind(s.id.to_string())
                .bind(s.starts_at)
                .bind(s.ends_at)
                .bind(s.room.as_str())
                .execute(&mut *c)
                .await
                .map_err(db)?;
            done.rescheduled += count(changed.rows_affected());
        }
        for id in &plan.remove {
            let changed = sqlx::query(sql::REMOVE)
                .bind(id.to_string())
                .execute(&mut *c)
                .await
                .map_err(db)?;
            done.removed += count(changed.rows_affected());
        }
    }
    done.inserted += new.flush(c).await?;
    Ok(done)
}

async fn changed_one(s: &PgStore, query: Query<'_>) -> R<bool> {
    let done = query.execute(&s.pool).await.map_err(db)?;
    Ok(done.rows_affected() > 0)
}

#[async_trait::async_trait]
impl ScheduleStore for PgStore {
    async fn insert_schedule(&self, schedule: Schedule) -> R<()> {
        bind_schedule(sqlx::query(sql::INSERT), &schedule)
            .bind(schedule.created_at)
            .execute(&self.pool)
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn update_schedule(&self, schedule: Schedule) -> R<()> {
        if changed_one(self, bind_schedule(sqlx::query(sql::UPDATE), &schedule)).await? {
            Ok(())
        } else {
            Err(StoreError::NotFound)
        }
    }

    async fn schedule(&self, id: ScheduleId) -> R<Option<Schedule>> {
        sqlx::query_as::<Db, ScheduleRow>(sql::BY_ID)
            .bind(id.to_string())
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?
            .map(Schedule::try_from)
            .transpose()
    }

    async fn schedules_of_group(&self, group: GroupId) -> R<Vec<Schedule>> {
        sqlx::query_as::<Db, ScheduleRow>(sql::OF_GROUP)
            .bind(group.to_string())
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .into_iter()
            .map(Schedule::try_from)
            .collect()
    }

    async fn future_sessions_of_schedules(
        &self,
        schedules: &[ScheduleId],
        after: DateTime<Utc>,
    ) -> R<Vec<GroupSession>> {
        let ids: Vec<String> = schedules.iter().map(|id| id.to_string()).collect();
        sqlx::query_as::<Db, SessionRow>(sql::FUTURE_SESSIONS_BATCH)
            .bind(ids)
            .bind(after)
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .into_iter()
            .map(GroupSession::try_from)
            .collect()
    }

    /// Each write runs in its own server process: two use both cores of a small machine
    /// (the server's work is most of it: foreign-key checks and four indexes per session).
    fn plan_writers(&self) -> usize {
        2
    }

    async fn apply_session_plans(
        &self,
        plans: Vec<(Schedule, SessionPlan)>,
        materialized_until: DateTime<Utc>,
    ) -> R<AppliedPlans> {
        let mut tx = self.begin_write().await?;
        let done = apply(&mut tx, &plans, materialized_until).await?;
        commit(tx).await?;
        Ok(done)
    }

    async fn schedules_needing_sessions(
        &self,
        until: DateTime<Utc>,
        after_id: Option<ScheduleId>,
        limit: i64,
    ) -> R<Vec<(Schedule, Tz)>> {
        sqlx::query_as::<Db, ScheduleZoneRow>(sql::NEEDING_SESSIONS)
            .bind(until)
            .bind(after_id.map(|id| id.to_string()).unwrap_or_default())
            .bind(limit.max(0))
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .into_iter()
            .map(<(Schedule, Tz)>::try_from)
            .collect()
    }

    async fn cancel_session(&self, id: SessionId, reason: String, now: DateTime<Utc>) -> R<bool> {
        let query = sqlx::query(sql::CANCEL)
            .bind(id.to_string())
            .bind(reason)
            .bind(now);
        changed_one(self, query).await
    }

    async fn restore_session(&self, id: SessionId, now: DateTime<Utc>) -> R<bool> {
        let query = sqlx::query(sql::RESTORE).bind(id.to_string()).bind(now);
        changed_one(self, query).await
    }

    async fn move_session(
        &self,
        id: SessionId,
        starts_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
        room: String,
        now: DateTime<Utc>,
    ) -> R<bool> {
        let query = sqlx::query(sql::MOVE)
            .bind(id.to_string())
            .bind(starts_at)
            .bind(ends_at)
            .bind(room)
            .bind(now);
        changed_one(self, query).await
    }

    async fn slots_between(
        &self,
        org: OrgId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> R<Vec<Slot>> {
        let earliest = from
            .checked_sub_signed(sql::LONGEST_SESSION)
            .unwrap_or(from);
        let mut tx = self.begin_read().await?;
        let rows = sqlx::query_as::<Db, SlotRow>(sql::SLOTS)
            .bind(org.to_string())
            .bind(from)
            .bind(to)
            .bind(earliest)
            .fetch_all(&mut *tx)
            .await
            .map_err(db)?;
        let facilitators = sqlx::query_as::<Db, GroupFacilitatorRow>(sql::ORG_FACILITATORS)
            .bind(org.to_string())
            .fetch_all(&mut *tx)
            .await
            .map_err(db)?;
        commit(tx).await?;
        slots(rows, facilitators)
    }
}
