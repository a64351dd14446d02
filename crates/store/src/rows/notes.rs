//! Notes as stored: text columns are sealed bytes, opened here with the row's id as
//! associated data, so a value moved to another row or column does not open.

use chrono::{DateTime, Utc};
use kindred_domain::attendance::RosterLine;
use kindred_domain::chart::ChartEnrollment;
use kindred_domain::ids::AccountId;
use kindred_domain::notes::{
    Addendum, ChartNote, CosignItem, GroupNote, KnownNames, MemberSection, SharedPart,
    UndocumentedSession,
};
use kindred_domain::store::MemberNoteRef;
use kindred_domain::StoreError;

use super::SqliteRow;
use crate::crypto::{
    Keyring, ADDENDUM_BODY, MEMBER_ASSESSMENT, MEMBER_DATA, MEMBER_PLAN, MEMBER_RESPONSE,
    MEMBER_RISK_NOTES, NOTE_OBSERVATIONS, NOTE_TECHNIQUES, NOTE_THEMES, NOTE_TOPIC,
};
use crate::errors::{code, id, time_zone};
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

    fn open(&self, keys: &Keyring, session: &str) -> R<SharedPart> {
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
    id: String,
    member_id: String,
    display_name: String,
    data: Vec<u8>,
    assessment: Vec<u8>,
    plan: Vec<u8>,
    response: Vec<u8>,
    risk_level: Option<String>,
    risk_notes: Vec<u8>,
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

#[derive(sqlx::FromRow)]
pub(crate) struct NameRow {
    account_id: String,
    name: String,
}

impl SqliteRow for NameRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(NameRow {
            account_id: c.get("account_id")?,
            name: c.get("name")?,
        })
    }
}

/// The names each roster member gave on requests to join (their display names come with
/// the roster; [`with_display_names`] adds them).
pub(crate) fn known_names(roster: &[RosterLine], rows: Vec<NameRow>) -> R<Vec<KnownNames>> {
    let mut known: Vec<KnownNames> = roster
        .iter()
        .map(|l| KnownNames {
            member: l.account_id,
            names: Vec::new(),
        })
        .collect();
    for row in rows {
        let member: AccountId = id("intake_requests.account_id", &row.account_id)?;
        if let Some(k) = known.iter_mut().find(|k| k.member == member) {
            k.names.push(row.name);
        }
    }
    Ok(known)
}

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

/// Each member's names with their display name first.
pub(crate) fn with_display_names(
    roster: &[RosterLine],
    mut known: Vec<KnownNames>,
) -> Vec<KnownNames> {
    for k in &mut known {
        if let Some(line) = roster.iter().find(|l| l.account_id == k.member) {
            k.names.insert(0, line.display_name.clone());
        }
    }
    known
}
