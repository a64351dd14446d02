//! Enrollments, their events and rosters.

use chrono::{DateTime, Utc};
use kindred_domain::enrollments::{Enrollment, EnrollmentEvent, RosterEntry, RosterGroup};
use kindred_domain::StoreError;

use super::SqliteRow;
use crate::errors::{code, id};
use crate::sqlite::values::Cols;

#[derive(sqlx::FromRow)]
pub(crate) struct EnrollmentRow {
    id: String,
    group_id: String,
    account_id: String,
    status: String,
    created_at: DateTime<Utc>,
    queue_position: Option<i64>,
    offer_expires_at: Option<DateTime<Utc>>,
    active_from: Option<DateTime<Utc>>,
    active_until: Option<DateTime<Utc>>,
    updated_at: Option<DateTime<Utc>>,
}

impl SqliteRow for EnrollmentRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(EnrollmentRow {
            id: c.get("id")?,
            group_id: c.get("group_id")?,
            account_id: c.get("account_id")?,
            status: c.get("status")?,
            created_at: c.time("created_at")?,
            queue_position: c.get("queue_position")?,
            offer_expires_at: c.opt_time("offer_expires_at")?,
            active_from: c.opt_time("active_from")?,
            active_until: c.opt_time("active_until")?,
            updated_at: c.opt_time("updated_at")?,
        })
    }
}

impl TryFrom<EnrollmentRow> for Enrollment {
    type Error = StoreError;
    fn try_from(r: EnrollmentRow) -> Result<Self, StoreError> {
        Ok(Enrollment {
            id: id("enrollments.id", &r.id)?,
            group_id: id("enrollments.group_id", &r.group_id)?,
            account_id: id("enrollments.account_id", &r.account_id)?,
            status: code("enrollments.status", &r.status)?,
            created_at: r.created_at,
            queue_position: r.queue_position,
            offer_expires_at: r.offer_expires_at,
            active_from: r.active_from,
            active_until: r.active_until,
            updated_at: r.updated_at.unwrap_or(r.created_at),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct RosterEntryRow {
    #[sqlx(flatten)]
    enrollment: EnrollmentRow,
    display_name: String,
}

impl SqliteRow for RosterEntryRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(RosterEntryRow {
            enrollment: EnrollmentRow::read(c)?,
            display_name: c.get("display_name")?,
        })
    }
}

impl TryFrom<RosterEntryRow> for RosterEntry {
    type Error = StoreError;
    fn try_from(r: RosterEntryRow) -> Result<Self, StoreError> {
        Ok(RosterEntry {
            enrollment: r.enrollment.try_into()?,
            display_name: r.display_name,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct RosterGroupRow {
    id: String,
    org_id: String,
    name: String,
    capacity: i32,
    enrollment: String,
    offer_hours: i32,
    archived_at: Option<DateTime<Utc>>,
    pub(crate) cohort_starts_at: Option<DateTime<Utc>>,
}

impl SqliteRow for RosterGroupRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(RosterGroupRow {
            id: c.get("id")?,
            org_id: c.get("org_id")?,
            name: c.get("name")?,
            capacity: c.get("capacity")?,
            enrollment: c.get("enrollment")?,
            offer_hours: c.get("offer_hours")?,
            archived_at: c.opt_time("archived_at")?,
            cohort_starts_at: c.opt_time("cohort_starts_at")?,
        })
    }
}

impl TryFrom<&RosterGroupRow> for RosterGroup {
    type Error = StoreError;
    fn try_from(r: &RosterGroupRow) -> Result<Self, StoreError> {
        Ok(RosterGroup {
            id: id("groups.id", &r.id)?,
            org_id: id("groups.org_id", &r.org_id)?,
            name: r.name.clone(),
            capacity: r.capacity,
            mode: code("groups.enrollment", &r.enrollment)?,
            offer_hours: r.offer_hours,
            archived: r.archived_at.is_some(),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct EventRow {
    enrollment_id: String,
    action: String,
    status: String,
    actor_id: Option<String>,
    reason: String,
    seq: i32,
    at: DateTime<Utc>,
}

impl SqliteRow for EventRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(EventRow {
            enrollment_id: c.get("enrollment_id")?,
            action: c.get("action")?,
            status: c.get("status")?,
            actor_id: c.get("actor_id")?,
            reason: c.get("reason")?,
            seq: c.get("seq")?,
            at: c.time("at")?,
        })
    }
}

impl TryFrom<EventRow> for EnrollmentEvent {
    type Error = StoreError;
    fn try_from(r: EventRow) -> Result<Self, StoreError> {
        Ok(EnrollmentEvent {
            enrollment_id: id("enrollment_events.enrollment_id", &r.enrollment_id)?,
            action: code("enrollment_events.action", &r.action)?,
            status: code("enrollment_events.status", &r.status)?,
            actor_id: r
                .actor_id
                .map(|a| id("enrollment_events.actor_id", &a))
                .transpose()?,
            reason: r.reason,
            seq: r.seq,
            at: r.at,
        })
    }
}
