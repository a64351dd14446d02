//! Group sessions and the "my groups" line (card, enrollment status, next session).

use chrono::{DateTime, NaiveDate, Utc};
use kindred_domain::enrollments::MyGroup;
use kindred_domain::groups::GroupCard;
use kindred_domain::sessions::GroupSession;
use kindred_domain::StoreError;

use super::{CardRow, SqliteRow};
use crate::errors::{code, id};
use crate::sqlite::values::Cols;

#[derive(sqlx::FromRow)]
pub(crate) struct SessionRow {
    id: String,
    group_id: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    status: String,
    cancel_reason: String,
    schedule_id: Option<String>,
    occurrence_date: Option<NaiveDate>,
    moved: bool,
    room: String,
}

impl SqliteRow for SessionRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(SessionRow {
            id: c.get("id")?,
            group_id: c.get("group_id")?,
            starts_at: c.time("starts_at")?,
            ends_at: c.time("ends_at")?,
            status: c.get("status")?,
            cancel_reason: c.get("cancel_reason")?,
            schedule_id: c.get("schedule_id")?,
            occurrence_date: c.opt_date("occurrence_date")?,
            moved: c.get("moved")?,
            room: c.get("room")?,
        })
    }
}

impl TryFrom<SessionRow> for GroupSession {
    type Error = StoreError;
    fn try_from(r: SessionRow) -> Result<Self, StoreError> {
        Ok(GroupSession {
            id: id("group_sessions.id", &r.id)?,
            group_id: id("group_sessions.group_id", &r.group_id)?,
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            status: code("group_sessions.status", &r.status)?,
            cancel_reason: r.cancel_reason,
            schedule_id: r
                .schedule_id
                .map(|s| id("group_sessions.schedule_id", &s))
                .transpose()?,
            occurrence_date: r.occurrence_date,
            moved: r.moved,
            room: r.room,
        })
    }
}

/// A card, the enrollment's status and the next session's columns (all null when none).
#[derive(sqlx::FromRow)]
pub(crate) struct MyGroupRow {
    #[sqlx(flatten)]
    card: CardRow,
    enrollment_status: String,
    offer_expires_at: Option<DateTime<Utc>>,
    next_id: Option<String>,
    next_starts_at: Option<DateTime<Utc>>,
    next_ends_at: Option<DateTime<Utc>>,
    next_status: Option<String>,
    next_cancel_reason: Option<String>,
    next_schedule_id: Option<String>,
    next_occurrence_date: Option<NaiveDate>,
    next_moved: Option<bool>,
    next_room: Option<String>,
}

impl SqliteRow for MyGroupRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(MyGroupRow {
            card: CardRow::read(c)?,
            enrollment_status: c.get("enrollment_status")?,
            offer_expires_at: c.opt_time("offer_expires_at")?,
            next_id: c.get("next_id")?,
            next_starts_at: c.opt_time("next_starts_at")?,
            next_ends_at: c.opt_time("next_ends_at")?,
            next_status: c.get("next_status")?,
            next_cancel_reason: c.get("next_cancel_reason")?,
            next_schedule_id: c.get("next_schedule_id")?,
            next_occurrence_date: c.opt_date("next_occurrence_date")?,
            next_moved: c.get("next_moved")?,
            next_room: c.get("next_room")?,
        })
    }
}

impl TryFrom<MyGroupRow> for MyGroup {
    type Error = StoreError;
    fn try_from(r: MyGroupRow) -> Result<Self, StoreError> {
        let card = GroupCard::try_from(r.card)?;
        let next_session = match (r.next_id, r.next_starts_at, r.next_ends_at, r.next_status) {
            (Some(id), Some(starts_at), Some(ends_at), Some(status)) => {
                Some(GroupSession::try_from(SessionRow {
                    id,
                    group_id: card.id.to_string(),
                    starts_at,
                    ends_at,
                    status,
                    cancel_reason: r.next_cancel_reason.unwrap_or_default(),
                    schedule_id: r.next_schedule_id,
                    occurrence_date: r.next_occurrence_date,
                    moved: r.next_moved.unwrap_or(false),
                    room: r.next_room.unwrap_or_default(),
                })?)
            }
            _ => None,
        };
        Ok(MyGroup {
            group: card,
            status: code("enrollments.status", &r.enrollment_status)?,
            offer_expires_at: r.offer_expires_at,
            next_session,
        })
    }
}
