//! A member's chart as stored: enrollments and their notes with the shared part, sealed
//! text opened with the same associated data as the notes themselves.

use chrono::{DateTime, Utc};
use kindred_domain::chart::ChartEnrollment;
use kindred_domain::notes::{Addendum, ChartNote};
use kindred_domain::StoreError;

use super::notes::{SealedShared, SectionRow};
use super::SqliteRow;
use crate::crypto::Keyring;
use crate::errors::{code, id};
use crate::sqlite::values::Cols;

type R<T> = Result<T, StoreError>;

#[derive(sqlx::FromRow)]
pub(crate) struct ChartEnrollmentRow {
    group_id: String,
    group_name: String,
    status: String,
    created_at: DateTime<Utc>,
    active_from: Option<DateTime<Utc>>,
    active_until: Option<DateTime<Utc>>,
}

impl SqliteRow for ChartEnrollmentRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(ChartEnrollmentRow {
            group_id: c.get("group_id")?,
            group_name: c.get("group_name")?,
            status: c.get("status")?,
            created_at: c.time("created_at")?,
            active_from: c.opt_time("active_from")?,
            active_until: c.opt_time("active_until")?,
        })
    }
}

impl TryFrom<ChartEnrollmentRow> for ChartEnrollment {
    type Error = StoreError;
    fn try_from(r: ChartEnrollmentRow) -> R<Self> {
        Ok(ChartEnrollment {
            group_id: id("enrollments.group_id", &r.group_id)?,
            group_name: r.group_name,
            status: code("enrollments.status", &r.status)?,
            created_at: r.created_at,
            active_from: r.active_from,
            active_until: r.active_until,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct ChartNoteRow {
    session_id: String,
    group_id: String,
    group_name: String,
    session_starts_at: DateTime<Utc>,
    status: String,
    author_name: String,
    signed_at: Option<DateTime<Utc>>,
    cosigner_name: String,
    cosigned_at: Option<DateTime<Utc>>,
    participant_count: i32,
    topic: Vec<u8>,
    techniques: Vec<u8>,
    themes: Vec<u8>,
    observations: Vec<u8>,
    #[sqlx(flatten)]
    section: SectionRow,
}

impl SqliteRow for ChartNoteRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(ChartNoteRow {
            session_id: c.get("session_id")?,
            group_id: c.get("group_id")?,
            group_name: c.get("group_name")?,
            session_starts_at: c.time("session_starts_at")?,
            status: c.get("status")?,
            author_name: c.get("author_name")?,
            signed_at: c.opt_time("signed_at")?,
            cosigner_name: c.get("cosigner_name")?,
            cosigned_at: c.opt_time("cosigned_at")?,
            participant_count: c.get("participant_count")?,
            topic: c.get("topic")?,
            techniques: c.get("techniques")?,
            themes: c.get("themes")?,
            observations: c.get("observations")?,
            section: SectionRow {
                id: c.get("id")?,
                member_id: c.get("member_id")?,
                display_name: c.get("display_name")?,
                data: c.get("data")?,
                assessment: c.get("assessment")?,
                plan: c.get("plan")?,
                response: c.get("response")?,
                risk_level: c.get("risk_level")?,
                risk_notes: c.get("risk_notes")?,
            },
        })
    }
}

impl ChartNoteRow {
    /// Opens the note and takes its addenda from `addenda`.
    pub(crate) fn open(self, keys: &Keyring, addenda: &[Addendum]) -> R<ChartNote> {
        let shared = SealedShared {
            topic: self.topic,
            techniques: self.techniques,
            themes: self.themes,
            observations: self.observations,
        }
        .open(keys, &self.session_id)?;
        let section = self.section.open(keys)?;
        Ok(ChartNote {
            session_id: id("group_notes.session_id", &self.session_id)?,
            group_id: id("group_notes.group_id", &self.group_id)?,
            group_name: self.group_name,
            session_starts_at: self.session_starts_at,
            status: code("group_notes.status", &self.status)?,
            author_name: self.author_name,
            signed_at: self.signed_at,
            cosigner_name: self.cosigner_name,
            cosigned_at: self.cosigned_at,
            participant_count: self.participant_count,
            shared,
            addenda: addenda
                .iter()
                .filter(|a| a.member_note_id == section.id)
                .cloned()
                .collect(),
            section,
        })
    }
}
