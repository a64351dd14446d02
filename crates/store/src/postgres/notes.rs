//! Notes on PostgreSQL. A change locks the session row first (`FOR UPDATE`, the lock
//! attendance takes), so a note is signed against the attendance it counted. Reads of note
//! text run in a transaction with their audit event.

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
use kindred_domain::sessions::GroupSession;
use kindred_domain::store::{MemberNoteRef, NoteStore, UndocumentedScope};
use kindred_domain::{Error, StoreError};
use sqlx::PgConnection;

use super::attendance::{lock_session, roster};
use super::{audit, commit, Db, PgStore, Tx, R};
use crate::crypto::Keyring;
use crate::errors::db;
use crate::rows::{
    known_names, with_display_names, AddendumRow, ChartEnrollmentRow, ChartNoteRow, CosignRow,
    MyMarkRow, NameRow, NoteRefRow, NoteRow, RequestRow, SealedSection, SealedShared, SectionRow,
    SessionRow, UndocumentedRow,
};
use crate::sql::intake as intake_sql;
use crate::sql::notes as sql;
use crate::sql::sessions as sessions_sql;

/// How many attendance marks a chart shows.
const CHART_MARKS: i64 = 200;

async fn note(c: &mut PgConnection, keys: &Keyring, session: SessionId) -> R<Option<GroupNote>> {
    let id = session.to_string();
    let Some(row) = sqlx::query_as::<Db, NoteRow>(sql::NOTE)
        .bind(&id)
        .fetch_optional(&mut *c)
        .await
        .map_err(db)?
    else {
        return Ok(None);
    };
    let sections = sqlx::query_as::<Db, SectionRow>(sql::SECTIONS)
        .bind(&id)
        .fetch_all(&mut *c)
        .await
        .map_err(db)?
        .into_iter()
        .map(|s| s.open(keys))
        .collect::<R<Vec<_>>>()?;
    let addenda = sqlx::query_as::<Db, AddendumRow>(sql::ADDENDA)
        .bind(&id)
        .fetch_all(&mut *c)
        .await
        .map_err(db)?
        .into_iter()
        .map(|a| a.open(keys))
        .collect::<R<Vec<_>>>()?;
    row.open(keys, sections, addenda).map(Some)
}

async fn state(c: &mut PgConnection, keys: &Keyring, session: SessionId) -> R<Option<NoteState>> {
    let Some(found) = sqlx::query_as::<Db, SessionRow>(sessions_sql::BY_ID)
        .bind(session.to_string())
        .fetch_optional(&mut *c)
        .await
        .map_err(db)?
    else {
        return Ok(None);
    };
    let roster = roster(c, session).await?;
    let rows = sqlx::query_as::<Db, NameRow>(sql::REQUEST_NAMES)
        .bind(session.to_string())
        .fetch_all(&mut *c)
        .await
        .map_err(db)?;
    let names = known_names(&roster, rows)?;
    Ok(Some(NoteState {
        session: GroupSession::try_from(found)?,
        roster,
        names,
        existing: note(c, keys, session).await?,
    }))
}

async fn write_note(
    c: &mut PgConnection,
    keys: &Keyring,
    note: &GroupNote,
    sections: bool,
) -> R<()> {
    let session = note.session_id.to_string();
    let shared = SealedShared::seal(keys, &session, &note.shared)?;
    sqlx::query(sql::UPSERT_NOTE)
        .bind(&session)
        .bind(note.org_id.to_string())
        .bind(note.group_id.to_string())
        .bind(note.author_id.to_string())
        .bind(note.status.code())
        .bind(&shared.topic)
        .bind(&shared.techniques)
        .bind(&shared.themes)
        .bind(&shared.observations)
        .bind(note.participant_count)
        .bind(note.created_at)
        .bind(note.updated_at)
        .bind(note.signed_at)
        .bind(note.cosigned_by.map(|a| a.to_string()))
        .bind(note.cosigned_at)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    if !sections {
        return Ok(());
    }
    sqlx::query(sql::DELETE_SECTIONS)
        .bind(&session)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    for (position, s) in note.sections.iter().enumerate() {
        let sealed = SealedSection::seal(keys, s)?;
        sqlx::query(sql::INSERT_SECTION)
            .bind(s.id.to_string())
            .bind(&session)
            .bind(s.member_id.to_string())
            .bind(i32::try_from(position).unwrap_or(i32::MAX))
            .bind(&sealed.data)
            .bind(&sealed.assessment)
            .bind(&sealed.plan)
            .bind(&sealed.response)
            .bind(s.risk_level.map(|r| r.code()))
            .bind(&sealed.risk_notes)
            .execute(&mut *c)
            .await
            .map_err(db)?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl NoteStore for PgStore {
    async fn note_state(&self, session: SessionId, event: AuditEvent) -> R<Option<NoteState>> {
        let mut tx = self.begin_write().await?;
        let found = state(&mut tx, &self.keys, session).await?;
        if found.is_some() {
            audit::append(&mut tx, &event).await?;
        }
        commit(tx).await?;
        Ok(found)
    }

    async fn change_note(
        &self,
        session: SessionId,
        decide: NoteDecision,
        event: AuditEvent,
    ) -> R<Result<GroupNote, Error>> {
        let mut tx = self.begin_write().await?;
        lock_session(&mut tx, session).await?;
        let found = state(&mut tx, &self.keys, session)
            .await?
            .ok_or(StoreError::NotFound)?;
        let note = match decide(&found) {
            Ok(note) => note,
            // Dropping the transaction rolls it back; nothing was written.
            Err(refused) => return Ok(Err(refused)),
        };
        // Sections change only while the note is a draft; co-signing touches the note.
        let sections = found.existing.as_ref().is_none_or(|n| !n.status.locked());
        write_note(&mut tx, &self.keys, &note, sections).await?;
        audit::append(&mut tx, &event).await?;
        commit(tx).await?;
        Ok(Ok(note))
    }

    async fn member_note_ref(&self, id: MemberNoteId) -> R<Option<MemberNoteRef>> {
        sqlx::query_as::<Db, NoteRefRow>(sql::MEMBER_NOTE_REF)
            .bind(id.to_string())
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?
            .map(MemberNoteRef::try_from)
            .transpose()
    }

    async fn known_names(&self, session: SessionId) -> R<Vec<KnownNames>> {
        let mut tx = self.begin_read().await?;
        let roster = roster(&mut tx, session).await?;
        let rows = sqlx::query_as::<Db, NameRow>(sql::REQUEST_NAMES)
            .bind(session.to_string())
            .fetch_all(&mut *tx)
            .await
            .map_err(db)?;
        commit(tx).await?;
        Ok(with_display_names(&roster, known_names(&roster, rows)?))
    }

    async fn note_status(&self, session: SessionId) -> R<Option<NoteStatus>> {
        sqlx::query_scalar::<Db, String>(sql::NOTE_STATUS)
            .bind(session.to_string())
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?
            .map(|code| crate::errors::code("group_notes.status", &code))
            .transpose()
    }

    async fn add_addendum(&self, addendum: Addendum, event: AuditEvent) -> R<()> {
        let id = addendum.id.to_string();
        let body = crate::crypto::ADDENDUM_BODY.seal(&self.keys, &id, &addendum.body)?;
        let mut tx = self.begin_write().await?;
        sqlx::query(sql::INSERT_ADDENDUM)
            .bind(&id)
            .bind(addendum.member_note_id.to_string())
            .bind(addendum.author_id.to_string())
            .bind(&body)
            .bind(addendum.created_at)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        audit::append(&mut tx, &event).await?;
        commit(tx).await
    }

    async fn cosign_queue(&self, org: OrgId) -> R<Vec<CosignItem>> {
        sqlx::query_as::<Db, CosignRow>(sql::COSIGN_QUEUE)
            .bind(org.to_string())
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .into_iter()
            .map(CosignItem::try_from)
            .collect()
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
        sqlx::query_as::<Db, UndocumentedRow>(text)
            .bind(id)
            .bind(ended_before)
            .bind(limit)
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .into_iter()
            .map(UndocumentedSession::try_from)
            .collect()
    }

    async fn member_chart(
        &self,
        org: OrgId,
        member: AccountId,
        gate: ChartGate,
        event: AuditEvent,
    ) -> R<Result<Option<ChartRead>, Error>> {
        // A benchmark's baseline reads in a read-only snapshot, without the event.
        let audited = crate::audit_switch::enabled();
        let mut tx = if audited {
            self.begin_write().await?
        } else {
            self.begin_read().await?
        };
        let (scope, in_groups) = match gate {
            ChartGate::Whole => (ChartScope::Whole, false),
            ChartGate::ByGroups(decide) => {
                let groups = member_groups(&mut tx, org, member).await?;
                match decide(&groups) {
                    Ok(scope) => (scope, !groups.is_empty()),
                    Err(refused) => {
                        if let Some(denied) = refusal_event(event, &refused) {
                            audit::append(&mut tx, &denied).await?;
                        }
                        commit(tx).await?;
                        return Ok(Err(refused));
                    }
                }
            }
        };
        let Some((record, requests)) = chart(&mut tx, &self.keys, org, member, in_groups).await?
        else {
            commit(tx).await?;
            return Ok(Ok(None));
        };
        audit::append(&mut tx, &event.about(member)).await?;
        commit(tx).await?;
        Ok(Ok(Some(ChartRead {
            scope,
            record,
            requests,
        })))
    }
}

/// The organization's groups the member was ever enrolled in or marked in.
async fn member_groups(tx: &mut Tx, org: OrgId, member: AccountId) -> R<Vec<Group>> {
    let mut found = sqlx::query_scalar::<Db, String>(sql::MEMBER_GROUP_IDS)
        .bind(org.to_string())
        .bind(member.to_string())
        .fetch_all(&mut **tx)
        .await
        .map_err(db)?;
    found.sort_unstable();
    found.dedup();
    let mut groups = Vec::with_capacity(found.len());
    for id in &found {
        let id: GroupId = crate::errors::id("groups.id", id)?;
        groups.extend(super::groups::group_in(tx, id).await?);
    }
    Ok(groups)
}

/// The member's record in the organization and their requests to join it; `None` when they
/// have none there (`in_groups`: they are known to be in its groups). Whether they have one
/// is read off the lists the chart shows anyway: an enrollment, a mark or a request there.
async fn chart(
    tx: &mut Tx,
    keys: &Keyring,
    org: OrgId,
    member: AccountId,
    in_groups: bool,
) -> R<Option<(ChartRecord, Vec<kindred_domain::intake::JoinRequest>)>> {
    let (o, m) = (org.to_string(), member.to_string());
    let name: Option<String> = sqlx::query_scalar(sql::DISPLAY_NAME)
        .bind(&m)
        .fetch_optional(&mut **tx)
        .await
        .map_err(db)?;
    let Some(display_name) = name else {
        return Ok(None);
    };
    let enrollments = sqlx::query_as::<Db, ChartEnrollmentRow>(sql::CHART_ENROLLMENTS)
        .bind(&o)
        .bind(&m)
        .fetch_all(&mut **tx)
        .await
        .map_err(db)?;
    let marks = sqlx::query_as::<Db, MyMarkRow>(sql::CHART_MARKS)
        .bind(&o)
        .bind(&m)
        .bind(CHART_MARKS)
        .fetch_all(&mut **tx)
        .await
        .map_err(db)?;
    let requests = sqlx::query_as::<Db, RequestRow>(intake_sql::OF_ACCOUNT_IN_ORG)
        .bind(&o)
        .bind(&m)
        .fetch_all(&mut **tx)
        .await
        .map_err(db)?;
    if !(in_groups || !enrollments.is_empty() || !marks.is_empty() || !requests.is_empty()) {
        return Ok(None);
    }
    let enrollments = enrollments
        .into_iter()
        .map(ChartEnrollment::try_from)
        .collect::<R<Vec<_>>>()?;
    let attendance = marks
        .into_iter()
        .map(TryFrom::try_from)
        .collect::<R<Vec<_>>>()?;
    let requests = requests
        .into_iter()
        .map(|r| r.open(keys))
        .collect::<R<Vec<_>>>()?;
    let addenda = sqlx::query_as::<Db, AddendumRow>(sql::CHART_ADDENDA)
        .bind(&o)
        .bind(&m)
        .fetch_all(&mut **tx)
        .await
        .map_err(db)?
        .into_iter()
        .map(|a| a.open(keys))
        .collect::<R<Vec<_>>>()?;
    let notes = sqlx::query_as::<Db, ChartNoteRow>(sql::CHART_NOTES)
        .bind(&o)
        .bind(&m)
        .bind(&display_name)
        .fetch_all(&mut **tx)
        .await
        .map_err(db)?
        .into_iter()
        .map(|n| n.open(keys, &addenda))
        .collect::<R<Vec<_>>>()?;
    let record = ChartRecord {
        member_id: member,
        display_name,
        enrollments,
        attendance,
        notes,
    };
    Ok(Some((record, requests)))
}
