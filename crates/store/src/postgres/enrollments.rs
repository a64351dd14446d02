//! Enrollments and a member's "my groups" on PostgreSQL. A roster change locks the group's
//! row first (`FOR UPDATE`), so two people taking the last seat at once queue up there and
//! the second one reads the roster the first one wrote.

use chrono::{DateTime, Utc};
use kindred_domain::enrollments::{
    Enrollment, EnrollmentEvent, MyGroup, Roster, RosterChange, RosterDecision, RosterEntry,
    RosterGroup,
};
use kindred_domain::fields::Choice;
use kindred_domain::ids::{AccountId, EnrollmentId, GroupId};
use kindred_domain::store::EnrollmentStore;
use kindred_domain::{Error, StoreError};
use sqlx::PgConnection;

use super::{commit, Db, PgStore, R};
use crate::errors::db;
use crate::rows::{EnrollmentRow, EventRow, MyGroupRow, RosterEntryRow, RosterGroupRow};
use crate::sql::{cards as cards_sql, enrollments as sql};

pub(super) async fn roster(c: &mut PgConnection, group: GroupId) -> R<Option<Roster>> {
    let row = sqlx::query_as::<Db, RosterGroupRow>(sql::ROSTER_GROUP)
        .bind(group.to_string())
        .fetch_optional(&mut *c)
        .await
        .map_err(db)?;
    let Some(row) = row else {
        return Ok(None);
    };
    let entries = sqlx::query_as::<Db, RosterEntryRow>(sql::ROSTER_ENTRIES)
        .bind(group.to_string())
        .fetch_all(&mut *c)
        .await
        .map_err(db)?
        .into_iter()
        .map(RosterEntry::try_from)
        .collect::<R<Vec<_>>>()?;
    Ok(Some(Roster {
        group: RosterGroup::try_from(&row)?,
        entries,
        cohort_starts_at: row.cohort_starts_at,
    }))
}

async fn upsert(c: &mut PgConnection, e: &Enrollment) -> R<()> {
    sqlx::query(sql::UPSERT)
        .bind(e.id.to_string())
        .bind(e.group_id.to_string())
        .bind(e.account_id.to_string())
        .bind(e.status.code())
        .bind(e.created_at)
        .bind(e.queue_position)
        .bind(e.offer_expires_at)
        .bind(e.active_from)
        .bind(e.active_until)
        .bind(e.updated_at)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    Ok(())
}

async fn insert_event(c: &mut PgConnection, e: &EnrollmentEvent) -> R<()> {
    sqlx::query(sql::INSERT_EVENT)
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(e.enrollment_id.to_string())
        .bind(e.action.code())
        .bind(e.status.code())
        .bind(e.actor_id.map(|a| a.to_string()))
        .bind(&e.reason)
        .bind(e.seq)
        .bind(e.at)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    Ok(())
}

/// Writes what a rule decided: the enrollments, then their events.
pub(super) async fn write_change(c: &mut PgConnection, change: &RosterChange) -> R<()> {
    for e in &change.enrollments {
        upsert(&mut *c, e).await?;
    }
    for e in &change.events {
        insert_event(&mut *c, e).await?;
    }
    Ok(())
}

/// Takes the group's lock for a roster change; `NotFound` when there is no such group.
pub(super) async fn lock_group(c: &mut PgConnection, group: GroupId) -> R<()> {
    let locked = sqlx::query(sql::LOCK_GROUP)
        .bind(group.to_string())
        .fetch_optional(&mut *c)
        .await
        .map_err(db)?;
    if locked.is_none() {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

pub(super) async fn insert_enrollment(s: &PgStore, e: Enrollment) -> R<()> {
    let mut c = s.pool.acquire().await.map_err(db)?;
    upsert(&mut c, &e).await?;
    tracing::debug!(enrollment_id = %e.id, group_id = %e.group_id, "enrollment recorded");
    Ok(())
}

pub(super) async fn groups_of_member(
    s: &PgStore,
    account: AccountId,
    now: DateTime<Utc>,
) -> R<Vec<MyGroup>> {
    sqlx::query_as::<Db, MyGroupRow>(cards_sql::OF_MEMBER)
        .bind(account.to_string())
        .bind(now)
        .fetch_all(&s.pool)
        .await
        .map_err(db)?
        .into_iter()
        .map(MyGroup::try_from)
        .collect()
}

#[async_trait::async_trait]
impl EnrollmentStore for PgStore {
    async fn change_roster(
        &self,
        group: GroupId,
        decide: RosterDecision,
    ) -> R<Result<RosterChange, Error>> {
        let mut tx = self.begin_write().await?;
        lock_group(&mut tx, group).await?;
        let roster = roster(&mut tx, group).await?.ok_or(StoreError::NotFound)?;
        let change = match decide(&roster) {
            Ok(change) => change,
            // Dropping the transaction rolls it back; nothing was written.
            Err(refused) => return Ok(Err(refused)),
        };
        write_change(&mut tx, &change).await?;
        commit(tx).await?;
        Ok(Ok(change))
    }

    async fn roster(&self, group: GroupId) -> R<Option<Roster>> {
        let mut tx = self.begin_read().await?;
        let roster = roster(&mut tx, group).await?;
        commit(tx).await?;
        Ok(roster)
    }

    async fn current_enrollment(
        &self,
        group: GroupId,
        account: AccountId,
    ) -> R<Option<Enrollment>> {
        sqlx::query_as::<Db, EnrollmentRow>(sql::CURRENT)
            .bind(group.to_string())
            .bind(account.to_string())
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?
            .map(Enrollment::try_from)
            .transpose()
    }

    async fn enrollment(&self, id: EnrollmentId) -> R<Option<Enrollment>> {
        sqlx::query_as::<Db, EnrollmentRow>(sql::BY_ID)
            .bind(id.to_string())
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?
            .map(Enrollment::try_from)
            .transpose()
    }

    async fn enrollment_events(&self, id: EnrollmentId) -> R<Vec<EnrollmentEvent>> {
        sqlx::query_as::<Db, EventRow>(sql::EVENTS)
            .bind(id.to_string())
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .into_iter()
            .map(EnrollmentEvent::try_from)
            .collect()
    }

    async fn groups_with_expired_offers(&self, now: DateTime<Utc>) -> R<Vec<GroupId>> {
        sqlx::query_scalar::<Db, String>(sql::EXPIRED_OFFERS)
            .bind(now)
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .iter()
            .map(|raw| crate::errors::id("enrollments.group_id", raw))
            .collect()
    }
}
