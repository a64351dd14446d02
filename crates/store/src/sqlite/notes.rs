//! Notes on SQLite. Every method that touches note text runs in one `BEGIN IMMEDIATE`
//! transaction on the writer, reads included, so the audit event it appends is written
//! with it or not at all.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use kindred_domain::audit::{refusal_event, AuditEvent};
use kindred_domain::chart::{ChartEnrollment, ChartGate, ChartRead, ChartRecord, ChartScope};
use kindred_domain::fields::Choice;
use kindred_domain::groups::Group;
use kindred_domain::ids::{AccountId, GroupId, MemberNoteId, OrgId, SessionId};
use kindred_domain::notes::{
    Addendum, CosignItem, GroupNote, KnownNames, NoteDecision, NoteState, NoteStatus,
    UndocumentedSession,
};
use kindred_domain::store::{MemberNoteRef, NoteStore, UndocumentedScope};
use kindred_domain::{Error, StoreError};
use rusqlite::Connection;

use super::attendance::roster;
use super::exec::{all, execute, ids, optional, scalar};
use super::values::{opt_ts, ts};
use super::{audit, sessions, SqliteStore, R};
use crate::crypto::Keyring;
use crate::rows::{
    known_names, with_display_names, AddendumRow, ChartEnrollmentRow, ChartNoteRow, CosignRow,
    MyMarkRow, NameRow, NoteRefRow, NoteRow, RequestRow, SealedSection, SealedShared, SectionRow,
    UndocumentedRow,
};
use crate::sql::intake as intake_sql;
use crate::sql::notes as sql;

/// How many attendance marks a chart shows.
const CHART_MARKS: i64 = 200;

fn note(c: &Connection, keys: &Keyring, session: SessionId) -> R<Option<GroupNote>> {
    let id = session.to_string();
    let Some(row) = optional::<NoteRow>(c, sql::NOTE, &[&id])? else {
        return Ok(None);
    };
    let sections = all::<SectionRow>(c, sql::SECTIONS, &[&id])?
        .into_iter()
        .map(|s| s.open(keys))
        .collect::<R<Vec<_>>>()?;
    let addenda = all::<AddendumRow>(c, sql::ADDENDA, &[&id])?
        .into_iter()
        .map(|a| a.open(keys))
        .collect::<R<Vec<_>>>()?;
    row.open(keys, sections, addenda).map(Some)
}

fn state(c: &Connection, keys: &Keyring, session: SessionId) -> R<Option<NoteState>> {
    let Some(found) = sessions::session(c, session)? else {
        return Ok(None);
    };
    let roster = roster(c, session)?;
    let names = known_names(
        &roster,
        all::<NameRow>(c, sql::REQUEST_NAMES, &[&session.to_string()])?,
    )?;
    Ok(Some(NoteState {
        session: found,
        roster,
        names,
        existing: note(c, keys, session)?,
    }))
}

fn write_note(c: &Connection, keys: &Keyring, note: &GroupNote, sections: bool) -> R<()> {
    let session = note.session_id.to_string();
    let shared = SealedShared::seal(keys, &session, &note.shared)?;
    execute(
        c,
        sql::UPSERT_NOTE,
        &[
            &session,
            &note.org_id.to_string(),
            &note.group_id.to_string(),
            &note.author_id.to_string(),
            &note.status.code(),
            &shared.topic,
            &shared.techniques,
            &shared.themes,
            &shared.observations,
            &note.participant_count,
            &ts(note.created_at),
            &ts(note.updated_at),
            &opt_ts(note.signed_at),
            &note.cosigned_by.map(|a| a.to_string()),
            &opt_ts(note.cosigned_at),
        ],
    )?;
    if !sections {
        return Ok(());
    }
    execute(c, sql::DELETE_SECTIONS, &[&session])?;
    for (position, s) in note.sections.iter().enumerate() {
        let sealed = SealedSection::seal(keys, s)?;
        execute(
            c,
            sql::INSERT_SECTION,
            &[
                &s.id.to_string(),
                &session,
                &s.member_id.to_string(),
                &i64::try_from(position).unwrap_or(i64::MAX),
                &sealed.data,
                &sealed.assessment,
                &sealed.plan,
                &sealed.response,
                &s.risk_level.map(|r| r.code()),
                &sealed.risk_notes,
            ],
        )?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl NoteStore for SqliteStore {
    async fn note_state(&self, session: SessionId, event: AuditEvent) -> R<Option<NoteState>> {
        let keys = Arc::clone(&self.keys);
        self.read_audited(move |c| {
            let found = state(c, &keys, session)?;
            let event = found.is_some().then_some(event);
            Ok((found, event))
        })
        .await
    }

    async fn change_note(
        &self,
        session: SessionId,
        decide: NoteDecision,
        event: AuditEvent,
    ) -> R<Result<GroupNote, Error>> {
        let keys = Arc::clone(&self.keys);
        self.write_tx(move |c| {
            let found = state(c, &keys, session)?.ok_or(StoreError::NotFound)?;
            let note = match decide(&found) {
                Ok(note) => note,
                Err(refused) => return Ok(Err(refused)),
            };
            // Sections change only while the note is a draft; co-signing touches the note.
            let sections = found.existing.as_ref().is_none_or(|n| !n.status.locked());
            write_note(c, &keys, &note, sections)?;
            audit::append(c, &event)?;
            Ok(Ok(note))
        })
        .await
    }

    async fn member_note_ref(&self, id: MemberNoteId) -> R<Option<MemberNoteRef>> {
        self.read(|c| {
            optional::<NoteRefRow>(c, sql::MEMBER_NOTE_REF, &[&id.to_string()])?
                .map(MemberNoteRef::try_from)
                .transpose()
        })
    }

    async fn known_names(&self, session: SessionId) -> R<Vec<KnownNames>> {
        self.read_snapshot(|c| {
            let roster = roster(c, session)?;
            let rows = all::<NameRow>(c, sql::REQUEST_NAMES, &[&session.to_string()])?;
            Ok(with_display_names(&roster, known_names(&roster, rows)?))
        })
    }

    async fn note_status(&self, session: SessionId) -> R<Option<NoteStatus>> {
        self.read(
            |c| match scalar::<String>(c, sql::NOTE_STATUS, &[&session.to_string()]) {
                Ok(code) => crate::errors::code("group_notes.status", &code).map(Some),
                Err(StoreError::NotFound) => Ok(None),
                Err(other) => Err(other),
            },
        )
    }

    async fn add_addendum(&self, addendum: Addendum, event: AuditEvent) -> R<()> {
        let keys = Arc::clone(&self.keys);
        self.write_tx(move |c| {
            let id = addendum.id.to_string();
            let body = crate::crypto::ADDENDUM_BODY.seal(&keys, &id, &addendum.body)?;
            execute(
                c,
                sql::INSERT_ADDENDUM,
                &[
                    &id,
                    &addendum.member_note_id.to_string(),
                    &addendum.author_id.to_string(),
                    &body,
                    &ts(addendum.created_at),
                ],
            )?;
            audit::append(c, &event)
        })
        .await
    }

    async fn cosign_queue(&self, org: OrgId) -> R<Vec<CosignItem>> {
        self.read(|c| {
            all::<CosignRow>(c, sql::COSIGN_QUEUE, &[&org.to_string()])?
                .into_iter()
                .map(CosignItem::try_from)
                .collect()
        })
    }

    async fn undocumented(
        &self,
        scope: UndocumentedScope,
        ended_before: DateTime<Utc>,
        limit: i64,
    ) -> R<Vec<UndocumentedSession>> {
        let (text, id) = match scope {
            UndocumentedScope::Org(org) => (sql::UNDOCUMENTED_IN_ORG, org.to_string()),
            UndocumentedScope::Facilitator(a) => (sql::UNDOCUMENTED_OF_FACILITATOR, a.to_string()),
        };
        self.read(|c| {
            all::<UndocumentedRow>(c, text, &[&id, &ts(ended_before), &limit])?
                .into_iter()
                .map(UndocumentedSession::try_from)
                .collect()
        })
    }

    async fn member_chart(
        &self,
        org: OrgId,
        member: AccountId,
        gate: ChartGate,
        event: AuditEvent,
    ) -> R<Result<Option<ChartRead>, Error>> {
        let read = move |c: &Connection| {
            let (scope, in_groups) = match gate {
                ChartGate::Whole => (ChartScope::Whole, false),
                ChartGate::ByGroups(decide) => {
                    let groups = member_groups(c, org, member)?;
                    match decide(&groups) {
                        Ok(scope) => (scope, !groups.is_empty()),
                        Err(refused) => {
                            let denied = refusal_event(event, &refused);
                            return Ok((Err(refused), denied));
                        }
                    }
                }
            };
            let rows = chart(c, org, member, in_groups)?;
            let event = rows.is_some().then(|| event.about(member));
            Ok((Ok(rows.map(|rows| (scope, rows))), event))
        };
        let found = if crate::audit_switch::enabled() {
            self.read_audited(read).await?
        } else {
            // A benchmark's baseline: the same reads in a reader's snapshot, no event.
            self.read_snapshot(|c| read(c).map(|(found, _)| found))?
        };
        Ok(match found {
            Ok(Some((scope, rows))) => Ok(Some(rows.open(&self.keys, scope)?)),
            Ok(None) => Ok(None),
            Err(refused) => Err(refused),
        })
    }
}

/// The organization's groups the member was ever enrolled in or marked in.
fn member_groups(c: &Connection, org: OrgId, member: AccountId) -> R<Vec<Group>> {
    let mut found: Vec<GroupId> = ids(
        c,
        sql::MEMBER_GROUP_IDS,
        &[&org.to_string(), &member.to_string()],
        "groups.id",
    )?;
    // Each once, in id order; sorted here rather than in a temporary table of SQLite's.
    found.sort_unstable();
    found.dedup();
    let mut groups = Vec::with_capacity(found.len());
    for id in found {
        groups.extend(super::groups::group(c, id)?);
    }
    Ok(groups)
}

/// A chart as stored: read inside the audited transaction, opened after it, so the
/// writer spends its time on the reads and the event, not on decryption.
struct ChartRows {
    member_id: AccountId,
    display_name: String,
    enrollments: Vec<ChartEnrollmentRow>,
    marks: Vec<MyMarkRow>,
    addenda: Vec<AddendumRow>,
    notes: Vec<ChartNoteRow>,
    requests: Vec<RequestRow>,
}

impl ChartRows {
    fn open(self, keys: &Keyring, scope: ChartScope) -> R<ChartRead> {
        let addenda = self
            .addenda
            .into_iter()
            .map(|a| a.open(keys))
            .collect::<R<Vec<_>>>()?;
        let record = ChartRecord {
            member_id: self.member_id,
            display_name: self.display_name,
            enrollments: self
                .enrollments
                .into_iter()
                .map(ChartEnrollment::try_from)
                .collect::<R<Vec<_>>>()?,
            attendance: self
                .marks
                .into_iter()
                .map(TryFrom::try_from)
                .collect::<R<Vec<_>>>()?,
            notes: self
                .notes
                .into_iter()
                .map(|n| n.open(keys, &addenda))
                .collect::<R<Vec<_>>>()?,
        };
        Ok(ChartRead {
            scope,
            record,
            requests: self
                .requests
                .into_iter()
                .map(|r| r.open(keys))
                .collect::<R<Vec<_>>>()?,
        })
    }
}

/// The member's record in the organization; `None` when they have none there (`in_groups`:
/// they are known to be in its groups). Whether they have one is read off the lists the
/// chart shows anyway: an enrollment, an attendance mark or a request there.
fn chart(c: &Connection, org: OrgId, member: AccountId, in_groups: bool) -> R<Option<ChartRows>> {
    let member_id = member;
    let (org, member) = (org.to_string(), member.to_string());
    let Some(display_name) = optional_name(c, &member)? else {
        return Ok(None);
    };
    let enrollments: Vec<ChartEnrollmentRow> = all(c, sql::CHART_ENROLLMENTS, &[&org, &member])?;
    let marks: Vec<MyMarkRow> = all(c, sql::CHART_MARKS, &[&org, &member, &CHART_MARKS])?;
    let requests: Vec<RequestRow> = all(c, intake_sql::OF_ACCOUNT_IN_ORG, &[&org, &member])?;
    if !(in_groups || !enrollments.is_empty() || !marks.is_empty() || !requests.is_empty()) {
        return Ok(None);
    }
    let addenda = all(c, sql::CHART_ADDENDA, &[&org, &member])?;
    let notes = all(c, sql::CHART_NOTES, &[&org, &member, &display_name])?;
    Ok(Some(ChartRows {
        member_id,
        display_name,
        enrollments,
        marks,
        addenda,
        notes,
        requests,
    }))
}

fn optional_name(c: &Connection, member: &str) -> R<Option<String>> {
    match scalar(c, sql::DISPLAY_NAME, &[&member]) {
        Ok(name) => Ok(Some(name)),
        Err(StoreError::NotFound) => Ok(None),
        Err(other) => Err(other),
    }
}
