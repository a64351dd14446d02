//! Calendar feeds and feed sessions.

use chrono::{DateTime, Utc};
use kindred_domain::auth::TokenHash;
use kindred_domain::calendar::{CalendarFeed, FeedSession};
use kindred_domain::StoreError;

use super::SqliteRow;
use crate::errors::{code, id, time_zone};
use crate::sqlite::values::Cols;

#[derive(sqlx::FromRow)]
pub(crate) struct FeedRow {
    id: String,
    account_id: String,
    kind: String,
    token_hash: String,
    show_group_names: bool,
    created_at: DateTime<Utc>,
    revoked_at: Option<DateTime<Utc>>,
}

impl SqliteRow for FeedRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(FeedRow {
            id: c.get("id")?,
            account_id: c.get("account_id")?,
            kind: c.get("kind")?,
            token_hash: c.get("token_hash")?,
            show_group_names: c.get("show_group_names")?,
            created_at: c.time("created_at")?,
            revoked_at: c.opt_time("revoked_at")?,
        })
    }
}

impl TryFrom<FeedRow> for CalendarFeed {
    type Error = StoreError;
    fn try_from(r: FeedRow) -> Result<Self, StoreError> {
        Ok(CalendarFeed {
            id: id("calendar_feeds.id", &r.id)?,
            account_id: id("calendar_feeds.account_id", &r.account_id)?,
            kind: code("calendar_feeds.kind", &r.kind)?,
            show_group_names: r.show_group_names,
            token_hash: TokenHash(r.token_hash),
            created_at: r.created_at,
            revoked_at: r.revoked_at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct FeedSessionRow {
    session_id: String,
    group_id: String,
    group_name: String,
    time_zone: String,
    format: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    status: String,
    cancel_reason: String,
    moved: bool,
    location_name: String,
    address: String,
    city: String,
    postcode: String,
    room: String,
    location_kind: String,
}

impl SqliteRow for FeedSessionRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(FeedSessionRow {
            session_id: c.get("session_id")?,
            group_id: c.get("group_id")?,
            group_name: c.get("group_name")?,
            time_zone: c.get("time_zone")?,
            format: c.get("format")?,
            starts_at: c.time("starts_at")?,
            ends_at: c.time("ends_at")?,
            status: c.get("status")?,
            cancel_reason: c.get("cancel_reason")?,
            moved: c.get("moved")?,
            location_name: c.get("location_name")?,
            address: c.get("address")?,
            city: c.get("city")?,
            postcode: c.get("postcode")?,
            room: c.get("room")?,
            location_kind: c.get("location_kind")?,
        })
    }
}

impl TryFrom<FeedSessionRow> for FeedSession {
    type Error = StoreError;
    fn try_from(r: FeedSessionRow) -> Result<Self, StoreError> {
        Ok(FeedSession {
            session_id: id("group_sessions.id", &r.session_id)?,
            group_id: id("groups.id", &r.group_id)?,
            group_name: r.group_name,
            time_zone: time_zone(&r.time_zone)?,
            format: code("groups.format", &r.format)?,
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            status: code("group_sessions.status", &r.status)?,
            cancel_reason: r.cancel_reason,
            moved: r.moved,
            location_name: r.location_name,
            address: r.address,
            city: r.city,
            postcode: r.postcode,
            room: r.room,
            online: r.location_kind == "online",
        })
    }
}
