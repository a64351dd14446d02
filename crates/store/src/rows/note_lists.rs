//! Notes without their text: where a member note sits, the co-sign queue, and sessions
//! still missing documentation.

use chrono::{DateTime, Utc};
use kindred_domain::notes::{CosignItem, UndocumentedSession};
use kindred_domain::store::MemberNoteRef;
use kindred_domain::StoreError;

use super::SqliteRow;
use crate::errors::{code, id, time_zone};
use crate::sqlite::values::Cols;

type R<T> = Result<T, StoreError>;

#[derive(sqlx::FromRow)]
pub(crate) struct NoteRefRow {
    id: String,
    session_id: String,
    member_id: String,
    status: String,
}

impl SqliteRow for NoteRefRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(NoteRefRow {
            id: c.get("id")?,
            session_id: c.get("session_id")?,
            member_id: c.get("member_id")?,
            status: c.get("status")?,
        })
    }
}

impl TryFrom<NoteRefRow> for MemberNoteRef {
    type Error = StoreError;
    fn try_from(r: NoteRefRow) -> R<Self> {
        Ok(MemberNoteRef {
            id: id("member_notes.id", &r.id)?,
            session_id: id("member_notes.session_id", &r.session_id)?,
            member_id: id("member_notes.member_id", &r.member_id)?,
            status: code("group_notes.status", &r.status)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct CosignRow {
    session_id: String,
    group_id: String,
    group_name: String,
    time_zone: String,
    starts_at: DateTime<Utc>,
    author_id: String,
    author_name: String,
    signed_at: Option<DateTime<Utc>>,
}

impl SqliteRow for CosignRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(CosignRow {
            session_id: c.get("session_id")?,
            group_id: c.get("group_id")?,
            group_name: c.get("group_name")?,
            time_zone: c.get("time_zone")?,
            starts_at: c.time("starts_at")?,
            author_id: c.get("author_id")?,
            author_name: c.get("author_name")?,
            signed_at: c.opt_time("signed_at")?,
        })
    }
}

impl TryFrom<CosignRow> for CosignItem {
    type Error = StoreError;
    fn try_from(r: CosignRow) -> R<Self> {
        Ok(CosignItem {
            session_id: id("group_notes.session_id", &r.session_id)?,
            group_id: id("group_notes.group_id", &r.group_id)?,
            group_name: r.group_name,
            time_zone: time_zone(&r.time_zone)?,
            starts_at: r.starts_at,
            author_id: id("group_notes.author_id", &r.author_id)?,
            author_name: r.author_name,
            signed_at: r.signed_at.unwrap_or(r.starts_at),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct UndocumentedRow {
    session_id: String,
    org_id: String,
    group_id: String,
    group_name: String,
    time_zone: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    note_status: Option<String>,
}

impl SqliteRow for UndocumentedRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(UndocumentedRow {
            session_id: c.get("session_id")?,
            org_id: c.get("org_id")?,
            group_id: c.get("group_id")?,
            group_name: c.get("group_name")?,
            time_zone: c.get("time_zone")?,
            starts_at: c.time("starts_at")?,
            ends_at: c.time("ends_at")?,
            note_status: c.get("note_status")?,
        })
    }
}

impl TryFrom<UndocumentedRow> for UndocumentedSession {
    type Error = StoreError;
    fn try_from(r: UndocumentedRow) -> R<Self> {
        Ok(UndocumentedSession {
            session_id: id("group_sessions.id", &r.session_id)?,
            org_id: id("groups.org_id", &r.org_id)?,
            group_id: id("groups.id", &r.group_id)?,
            group_name: r.group_name,
            time_zone: time_zone(&r.time_zone)?,
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            note_status: r
                .note_status
                .as_deref()
                .map(|s| code("group_notes.status", s))
                .transpose()?,
        })
    }
}
