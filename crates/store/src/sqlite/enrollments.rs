//! Enrollments on SQLite. A roster change runs inside one `BEGIN IMMEDIATE` transaction on
//! the single writer, so no other write can come between reading the roster and writing
//! the rule's decision.

use chrono::{DateTime, Utc};
use kindred_domain::enrollments::{
    Enrollment, EnrollmentEvent, Roster, RosterChange, RosterDecision, RosterEntry, RosterGroup,
};
use kindred_domain::fields::Choice;
use kindred_domain::ids::{AccountId, EnrollmentId, GroupId};
use kindred_domain::store::EnrollmentStore;
use kindred_domain::{Error, StoreError};
use rusqlite::Connection;

use super::exec::{all, execute, ids, optional};
use super::values::{opt_ts, ts};
use super::{SqliteStore, R};
use crate::rows::{EnrollmentRow, EventRow, RosterEntryRow, RosterGroupRow};
use crate::sql::enrollments as sql;

pub(super) fn roster(c: &Connection, group: GroupId) -> R<Option<Roster>> {
    let Some(row) = optional::<RosterGroupRow>(c, sql::ROSTER_GROUP, &[&group.to_string()])? else {
        return Ok(None);
    };
    let entries = all::<RosterEntryRow>(c, sql::ROSTER_ENTRIES, &[&group.to_string()])?
        .into_iter()
        .map(RosterEntry::try_from)
        .collect::<R<Vec<_>>>()?;
    Ok(Some(Roster {
        group: RosterGroup::try_from(&row)?,
        entries,
        cohort_starts_at: row.cohort_starts_at,
    }))
}

pub(super) fn upsert(c: &Connection, e: &Enrollment) -> R<()> {
    execute(
        c,
        sql::UPSERT,
        &[
            &e.id.to_string(),
            &e.group_id.to_string(),
            &e.account_id.to_string(),
            &e.status.code(),
            &ts(e.created_at),
            &e.queue_position,
            &opt_ts(e.offer_expires_at),
            &opt_ts(e.active_from),
            &opt_ts(e.active_until),
            &ts(e.updated_at),
        ],
    )?;
    Ok(())
}

fn insert_event(c: &Connection, e: &EnrollmentEvent) -> R<()> {
    execute(
        c,
        sql::INSERT_EVENT,
        &[
            &uuid::Uuid::new_v4().to_string(),
            &e.enrollment_id.to_string(),
            &e.action.code(),
            &e.status.code(),
            &e.actor_id.map(|a| a.to_string()),
            &e.reason,
            &e.seq,
            &ts(e.at),
        ],
    )?;
    Ok(())
}

/// Writes what a rule decided: the enrollments, then their events.
pub(super) fn write_change(c: &Connection, change: &RosterChange) -> R<()> {
    for e in &change.enrollments {
        upsert(c, e)?;
    }
    for e in &change.events {
        insert_event(c, e)?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl EnrollmentStore for SqliteStore {
    async fn change_roster(
        &self,
        group: GroupId,
        decide: RosterDecision,
    ) -> R<Result<RosterChange, Error>> {
        self.write_tx(move |c| {
            let roster = roster(c, group)?.ok_or(StoreError::NotFound)?;
            let change = match decide(&roster) {
                Ok(change) => change,
                Err(refused) => return Ok(Err(refused)),
            };
            write_change(c, &change)?;
            Ok(Ok(change))
        })
        .await
    }

    async fn roster(&self, group: GroupId) -> R<Option<Roster>> {
        self.read_snapshot(|c| roster(c, group))
    }

    async fn current_enrollment(
        &self,
        group: GroupId,
        account: AccountId,
    ) -> R<Option<Enrollment>> {
        self.read(|c| {
            optional::<EnrollmentRow>(c, sql::CURRENT, &[&group.to_string(), &account.to_string()])?
                .map(Enrollment::try_from)
                .transpose()
        })
    }

    async fn enrollment(&self, id: EnrollmentId) -> R<Option<Enrollment>> {
        self.read(|c| {
            optional::<EnrollmentRow>(c, sql::BY_ID, &[&id.to_string()])?
                .map(Enrollment::try_from)
                .transpose()
        })
    }

    async fn enrollment_events(&self, id: EnrollmentId) -> R<Vec<EnrollmentEvent>> {
        self.read(|c| {
            all::<EventRow>(c, sql::EVENTS, &[&id.to_string()])?
                .into_iter()
                .map(EnrollmentEvent::try_from)
                .collect()
        })
    }

    async fn groups_with_expired_offers(&self, now: DateTime<Utc>) -> R<Vec<GroupId>> {
        self.read(|c| ids(c, sql::EXPIRED_OFFERS, &[&ts(now)], "enrollments.group_id"))
    }
}
