use chrono::{DateTime, Utc};

use crate::audit::AuditEvent;
use crate::chart::{ChartGate, ChartRead};
use crate::ids::{AccountId, MemberNoteId, OrgId, SessionId};
use crate::notes::{
    Addendum, CosignItem, GroupNote, KnownNames, NoteDecision, NoteState, NoteStatus,
    UndocumentedSession,
};
use crate::{Error, StoreError};

type R<T> = Result<T, StoreError>;

/// Whose sessions a missing-documentation list covers.
#[derive(Debug, Clone, Copy)]
pub enum UndocumentedScope {
    /// Every group of the organization (its administrators' view).
    Org(OrgId),
    /// The groups this person facilitates, in any organization.
    Facilitator(AccountId),
}

/// Where a member note sits, without its text: enough to decide who may add to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberNoteRef {
    pub id: MemberNoteId,
    pub session_id: SessionId,
    pub member_id: AccountId,
    pub status: NoteStatus,
}

/// Group notes, member notes and addenda. Every method that reads or writes their text
/// appends the given audit event in the same transaction; text is sealed at rest.
#[async_trait::async_trait]
pub trait NoteStore: Send + Sync {
    /// The session, its roster with marks, the names of its members and its note (if any);
    /// `None` when the session does not exist. Appends `event`.
    async fn note_state(&self, session: SessionId, event: AuditEvent) -> R<Option<NoteState>>;
    /// Locks the session (the lock attendance changes take), reads its state, runs
    /// `decide` and writes the note it returns, with `event`, in one transaction. A refusal
    /// comes back inside `Ok` and writes nothing. `NotFound` when the session does not exist.
    async fn change_note(
        &self,
        session: SessionId,
        decide: NoteDecision,
        event: AuditEvent,
    ) -> R<Result<GroupNote, Error>>;
    async fn member_note_ref(&self, id: MemberNoteId) -> R<Option<MemberNoteRef>>;
    /// The names each member on the session's roster is known by: their display name and
    /// the names they gave on requests to join the organization.
    async fn known_names(&self, session: SessionId) -> R<Vec<KnownNames>>;
    /// The status of the session's note, without its text; `None` when it has none.
    async fn note_status(&self, session: SessionId) -> R<Option<NoteStatus>>;
    /// Appends an addendum (its note is signed: notes never return to draft) with `event`.
    async fn add_addendum(&self, addendum: Addendum, event: AuditEvent) -> R<()>;
    /// Notes of the organization waiting for a co-signature, oldest first (no note text).
    async fn cosign_queue(&self, org: OrgId) -> R<Vec<CosignItem>>;
    /// Sessions that ended before `ended_before`, not cancelled, without a signed note,
    /// oldest first, at most `limit`.
    async fn undocumented(
        &self,
        scope: UndocumentedScope,
        ended_before: DateTime<Utc>,
        limit: i64,
    ) -> R<Vec<UndocumentedSession>>;
    /// One member's chart in the organization, in one transaction. Unless the `gate` shows
    /// the whole chart, the organization's groups the member was ever enrolled in or
    /// marked in go to its decision: a refusal records what `refusal_event` says. A chart
    /// shown records `event` about the member.
    /// `None` when the member has never been enrolled, registered, marked or asked to join
    /// there.
    async fn member_chart(
        &self,
        org: OrgId,
        member: AccountId,
        gate: ChartGate,
        event: AuditEvent,
    ) -> R<Result<Option<ChartRead>, Error>>;
}
