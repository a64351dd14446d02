//! Notes as stored: text columns are sealed bytes, opened here with the row's id as
//! associated data, so a value moved to another row or column does not open.

use chrono::{DateTime, Utc};
use kindred_domain::notes::{Addendum, GroupNote, MemberSection, SharedPart};
use kindred_domain::StoreError;

use super::SqliteRow;
use crate::crypto::{
    Keyring, ADDENDUM_BODY, MEMBER_ASSESSMENT, MEMBER_DATA, MEMBER_PLAN, MEMBER_RESPONSE,
    MEMBER_RISK_NOTES, NOTE_OBSERVATIONS, NOTE_TECHNIQUES, NOTE_THEMES, NOTE_TOPIC,
};
use crate::errors::{code, id};
use crate::sqlite::values::Cols;

type R<T> = Result<T, StoreError>;

/// The shared part's four sealed columns, keyed by the session id.
pub(crate) struct SealedShared {
    pub topic: Vec<u8>,
    pub techniques: Vec<u8>,
    pub themes: Vec<u8>,
    pub observations: Vec<u8>,
}

impl SealedShared {
    pub(crate) fn seal(keys: &Keyring, session: &str, shared: &SharedPart) -> R<Self> {
        Ok(SealedShared {
            topic: NOTE_TOPIC.seal(keys, session, &shared.topic)?,
            techniques: NOTE_TECHNIQUES.seal(keys, session, &shared.techniques)?,
            themes: NOTE_THEMES.seal(keys, session, &shared.themes)?,
            observations: NOTE_OBSERVATIONS.seal(keys, session, &shared.observations)?,
        })
    }

    pub(crate) fn open(&self, keys: &Keyring, session: &str) -> R<SharedPart> {
        Ok(SharedPart {
            topic: NOTE_TOPIC.open(keys, session, &self.topic)?,
            techniques: NOTE_TECHNIQUES.open(keys, session, &self.techniques)?,
            themes: NOTE_THEMES.open(keys, session, &self.themes)?,
            observations: NOTE_OBSERVATIONS.open(keys, session, &self.observations)?,
        })
    }
}

/// A member section's five sealed columns, keyed by the member note's id.
pub(crate) struct SealedSection {
    pub data: Vec<u8>,
    pub assessment: Vec<u8>,
    pub plan: Vec<u8>,
    pub response: Vec<u8>,
    pub risk_notes: Vec<u8>,
}

impl SealedSection {
    pub(crate) fn seal(keys: &Keyring, s: &MemberSection) -> R<Self> {
        let row = s.id.to_string();
        Ok(SealedSection {
            data: MEMBER_DATA.seal(keys, &row, &s.data)?,
            assessment: MEMBER_ASSESSMENT.seal(keys, &row, &s.assessment)?,
            plan: MEMBER_PLAN.seal(keys, &row, &s.plan)?,
            response: MEMBER_RESPONSE.seal(keys, &row, &s.response)?,
            risk_notes: MEMBER_RISK_NOTES.seal(keys, &row, &s.risk_notes)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct NoteRow {
    session_id: String,
    org_id: String,
    group_id: String,
    author_id: String,
    author_name: String,
    status: String,
    topic: Vec<u8>,
    techniques: Vec<u8>,
    themes: Vec<u8>,
    observations: Vec<u8>,
    participant_count: i32,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    signed_at: Option<DateTime<Utc>>,
    cosigned_by: Option<String>,
    cosigner_name: String,
    cosigned_at: Option<DateTime<Utc>>,
}

impl SqliteRow for NoteRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(NoteRow {
            session_id: c.get("session_id")?,
            org_id: c.get("org_id")?,
            group_id: c.get("group_id")?,
            author_id: c.get("author_id")?,
            author_name: c.get("author_name")?,
            status: c.get("status")?,
            topic: c.get("topic")?,
            techniques: c.get("techniques")?,
            themes: c.get("themes")?,
            observations: c.get("observations")?,
            participant_count: c.get("participant_count")?,
            created_at: c.time("created_at")?,
            updated_at: c.time("updated_at")?,
            signed_at: c.opt_time("signed_at")?,
            cosigned_by: c.get("cosigned_by")?,
            cosigner_name: c.get("cosigner_name")?,
            cosigned_at: c.opt_time("cosigned_at")?,
        })
    }
}

impl NoteRow {
    pub(crate) fn open(
        self,
        keys: &Keyring,
        sections: Vec<MemberSection>,
        addenda: Vec<Addendum>,
    ) -> R<GroupNote> {
        let shared = SealedShared {
            topic: self.topic,
            techniques: self.techniques,
            themes: self.themes,
            observations: self.observations,
        }
        .open(keys, &self.session_id)?;
        Ok(GroupNote {
            session_id: id("group_notes.session_id", &self.session_id)?,
            org_id: id("group_notes.org_id", &self.org_id)?,
            group_id: id("group_notes.group_id", &self.group_id)?,
            author_id: id("group_notes.author_id", &self.author_id)?,
            author_name: self.author_name,
            status: code("group_notes.status", &self.status)?,
            shared,
            participant_count: self.participant_count,
            sections,
            created_at: self.created_at,
            updated_at: self.updated_at,
            signed_at: self.signed_at,
            cosigned_by: self
                .cosigned_by
                .map(|c| id("group_notes.cosigned_by", &c))
                .transpose()?,
            cosigner_name: self.cosigner_name,
            cosigned_at: self.cosigned_at,
            addenda,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct SectionRow {
    pub(crate) id: String,
    pub(crate) member_id: String,
    pub(crate) display_name: String,
    pub(crate) data: Vec<u8>,
    pub(crate) assessment: Vec<u8>,
    pub(crate) plan: Vec<u8>,
    pub(crate) response: Vec<u8>,
    pub(crate) risk_level: Option<String>,
    pub(crate) risk_notes: Vec<u8>,
}

impl SqliteRow for SectionRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        let id = c.get("id")?;
        let _: String = c.get("session_id")?;
        Ok(SectionRow {
            id,
            member_id: c.get("member_id")?,
            display_name: c.get("display_name")?,
            data: c.get("data")?,
            assessment: c.get("assessment")?,
            plan: c.get("plan")?,
            response: c.get("response")?,
            risk_level: c.get("risk_level")?,
            risk_notes: c.get("risk_notes")?,
        })
    }
}

impl SectionRow {
    pub(crate) fn open(self, keys: &Keyring) -> R<MemberSection> {
        let row = self.id.as_str();
        Ok(MemberSection {
            data: MEMBER_DATA.open(keys, row, &self.data)?,
            assessment: MEMBER_ASSESSMENT.open(keys, row, &self.assessment)?,
            plan: MEMBER_PLAN.open(keys, row, &self.plan)?,
            response: MEMBER_RESPONSE.open(keys, row, &self.response)?,
            risk_notes: MEMBER_RISK_NOTES.open(keys, row, &self.risk_notes)?,
            risk_level: self
                .risk_level
                .as_deref()
                .map(|r| code("member_notes.risk_level", r))
                .transpose()?,
            id: id("member_notes.id", &self.id)?,
            member_id: id("member_notes.member_id", &self.member_id)?,
            display_name: self.display_name,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct AddendumRow {
    id: String,
    member_note_id: String,
    author_id: String,
    author_name: String,
    body: Vec<u8>,
    created_at: DateTime<Utc>,
}

impl SqliteRow for AddendumRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(AddendumRow {
            id: c.get("id")?,
            member_note_id: c.get("member_note_id")?,
            author_id: c.get("author_id")?,
            author_name: c.get("author_name")?,
            body: c.get("body")?,
            created_at: c.time("created_at")?,
        })
    }
}

impl AddendumRow {
    pub(crate) fn open(self, keys: &Keyring) -> R<Addendum> {
        Ok(Addendum {
            body: ADDENDUM_BODY.open(keys, &self.id, &self.body)?,
            id: id("note_addenda.id", &self.id)?,
            member_note_id: id("note_addenda.member_note_id", &self.member_note_id)?,
            author_id: id("note_addenda.author_id", &self.author_id)?,
            author_name: self.author_name,
            created_at: self.created_at,
        })
    }
}
