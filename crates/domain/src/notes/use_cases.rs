//! Group-note use cases. Each asks the policy first; every read or write of note text is
//! audited in the store's transaction, and a refusal is audited on its own.

use chrono::{DateTime, Utc};

use super::rules::{self, NoteState, Writer};
use super::{Addendum, AddendumInput, GroupNote, NoteInput, NoteStatus};
use crate::attendance::RosterLine;
use crate::audit::{AuditAction, AuditEvent, AuditObject, Trail};
use crate::auth::{Actor, SignedIn};
use crate::groups::Group;
use crate::ids::{AccountId, AddendumId, GroupId, MemberNoteId, OrgId, SessionId};
use crate::orgs::Role;
use crate::policy::{authorize, Access};
use crate::sessions::{session_in_org, GroupSession};
use crate::techniques::{self, Prefill};
use crate::{Error, Store};

/// What the one-screen note shows: the session, who attended, and the note (saved, or a
/// fresh one to start from).
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct NoteScreen {
    pub session: GroupSession,
    pub group_id: GroupId,
    pub group_name: String,
    pub note: Option<GroupNote>,
    /// Who attended (present, late, left early): one section each.
    pub attending: Vec<RosterLine>,
    /// The note can still be written by this viewer (a draft, and they run the group).
    pub can_edit: bool,
    /// This viewer may co-sign it now.
    pub can_cosign: bool,
    /// The session was held: attendance is taken, so a note can be written.
    pub held: bool,
    /// What the session plan suggests for a note not yet started.
    pub prefill: Prefill,
    #[serde(skip)]
    #[schema(ignore)]
    pub state: Option<NoteState>,
}

/// A note waiting for a clinician's co-signature (no note text).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct CosignItem {
    pub session_id: SessionId,
    pub group_id: GroupId,
    pub group_name: String,
    #[schema(value_type = String)]
    pub time_zone: chrono_tz::Tz,
    pub starts_at: DateTime<Utc>,
    pub author_id: AccountId,
    pub author_name: String,
    pub signed_at: DateTime<Utc>,
}

fn note_object(session: SessionId) -> AuditObject {
    AuditObject {
        kind: "group_note",
        id: session.to_string(),
    }
}

/// The session and group, with the access granted; a refusal is recorded.
async fn session_with(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    session: SessionId,
    access: for<'g> fn(&'g Group) -> Access<'g>,
    denied: AuditEvent,
) -> Result<(GroupSession, Group, SignedIn), Error> {
    let checked = async {
        authorize(actor, Access::ViewOrg(org))?;
        let (found, group) = session_in_org(store, org, session).await?;
        let me = authorize(actor, access(&group))?
            .ok_or(Error::Unauthenticated)?
            .clone();
        Ok::<_, Error>((found, group, me))
    }
    .await;
    match checked {
        Ok(found) => Ok(found),
        Err(error) => Err(crate::audit::refused(store, denied, error).await),
    }
}

fn writer(me: &SignedIn, org: OrgId) -> Writer {
    Writer {
        id: me.account_id,
        org,
        name: me.display_name.as_str().to_owned(),
        needs_cosign: me.role_in(org) == Some(Role::PeerSpecialist),
    }
}

/// The note screen of one session.
pub async fn note_screen(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    session: SessionId,
    trail: &Trail,
    now: DateTime<Utc>,
) -> Result<NoteScreen, Error> {
    let view = AuditEvent::by(
        actor,
        org,
        AuditAction::NoteView,
        note_object(session),
        trail,
        now,
    );
    let (found, group, me) = session_with(
        store,
        actor,
        org,
        session,
        |g| Access::GroupNotes(g),
        view.clone(),
    )
    .await?;
    let state = store
        .note_state(session, view)
        .await?
        .ok_or(Error::NotFound)?;
    let status = state.existing.as_ref().map(|n| n.status);
    let prefill = techniques::prefill(&store.session_plan(session).await?);
    let runs = authorize(actor, Access::RunGroup(&group)).is_ok();
    let clinical = me.role_in(org).is_some_and(crate::policy::clinical);
    Ok(NoteScreen {
        held: rules::not_held(&found, now).is_none(),
        session: found,
        group_id: group.id,
        group_name: group.name.clone(),
        note: state.existing.clone(),
        attending: state.attending().into_iter().cloned().collect(),
        can_edit: runs && !status.is_some_and(NoteStatus::locked),
        can_cosign: clinical
            && status == Some(NoteStatus::AwaitingCosign)
            && state
                .existing
                .as_ref()
                .is_some_and(|n| n.author_id != me.account_id),
        prefill,
        state: Some(state),
    })
}

/// Saves the note as a draft.
pub async fn save_note(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    session: SessionId,
    input: &NoteInput,
    trail: &Trail,
    now: DateTime<Utc>,
) -> Result<GroupNote, Error> {
    write_note(store, actor, org, session, input, false, trail, now).await
}

/// Signs the note: final for a clinician or administrator, waiting for a clinician's
/// co-signature for a peer specialist. Attendance locks with it.
pub async fn sign_note(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    session: SessionId,
    input: &NoteInput,
    trail: &Trail,
    now: DateTime<Utc>,
) -> Result<GroupNote, Error> {
    write_note(store, actor, org, session, input, true, trail, now).await
}

#[allow(clippy::too_many_arguments)]
async fn write_note(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    session: SessionId,
    input: &NoteInput,
    signing: bool,
    trail: &Trail,
    now: DateTime<Utc>,
) -> Result<GroupNote, Error> {
    let action = if signing {
        AuditAction::NoteSign
    } else {
        AuditAction::NoteSave
    };
    let audit = AuditEvent::by(actor, org, action, note_object(session), trail, now);
    let (_, _, me) = session_with(
        store,
        actor,
        org,
        session,
        |g| Access::RunGroup(g),
        audit.clone(),
    )
    .await?;
    let text = input.parse(signing)?;
    let writer = writer(&me, org);
    let decide: rules::NoteDecision = if signing {
        Box::new(move |state| rules::sign(state, text, &writer, now))
    } else {
        Box::new(move |state| rules::save_draft(state, text, &writer, now))
    };
    store.change_note(session, decide, audit).await?
}

/// A clinician of the organization co-signs a peer specialist's note, making it final.
pub async fn cosign_note(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    session: SessionId,
    trail: &Trail,
    now: DateTime<Utc>,
) -> Result<GroupNote, Error> {
    let audit = AuditEvent::by(
        actor,
        org,
        AuditAction::NoteCosign,
        note_object(session),
        trail,
        now,
    );
    let (_, _, me) = session_with(
        store,
        actor,
        org,
        session,
        |g| Access::ClinicalOrg(g.org_id),
        audit.clone(),
    )
    .await?;
    let cosigner = writer(&me, org);
    store
        .change_note(
            session,
            Box::new(move |state| rules::cosign(state, &cosigner, now)),
            audit,
        )
        .await?
}

/// Adds an addendum to a signed member note; with the session it belongs to.
pub async fn add_addendum(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    member_note: MemberNoteId,
    input: &AddendumInput,
    trail: &Trail,
    now: DateTime<Utc>,
) -> Result<(Addendum, SessionId), Error> {
    let object = AuditObject {
        kind: "member_note",
        id: member_note.to_string(),
    };
    let audit = AuditEvent::by(actor, org, AuditAction::AddendumAdd, object, trail, now);
    let Some(note) = store.member_note_ref(member_note).await? else {
        let error = authorize(actor, Access::ViewOrg(org))
            .err()
            .unwrap_or(Error::NotFound);
        return Err(crate::audit::refused(store, audit, error).await);
    };
    let (_, _, me) = session_with(
        store,
        actor,
        org,
        note.session_id,
        |g| Access::GroupNotes(g),
        audit.clone(),
    )
    .await?;
    let audit = audit.about(note.member_id);
    if !note.status.locked() {
        return Err(Error::Conflict(
            "This note is not signed yet: change the draft instead of adding an addendum.".into(),
        ));
    }
    let body = input.parse()?;
    // An addendum goes into the member's chart like the note it corrects: no other
    // member's name may be in it either.
    let names = store.known_names(note.session_id).await?;
    let own: Vec<String> = names
        .iter()
        .filter(|k| k.member == note.member_id)
        .flat_map(|k| k.names.iter().cloned())
        .collect();
    let others: Vec<String> = names
        .iter()
        .filter(|k| k.member != note.member_id)
        .flat_map(|k| k.names.iter().cloned())
        .collect();
    if let Some(hit) = super::find_names(&body, &own, &others).first() {
        return Err(Error::invalid(
            "body",
            format!(
                "This names another member (\"{}\"): \"{}\". Remove the name; this text goes \
                 into this member's chart.",
                hit.found, hit.context
            ),
        ));
    }
    let addendum = Addendum {
        id: AddendumId::new(),
        member_note_id: member_note,
        author_id: me.account_id,
        author_name: me.display_name.as_str().to_owned(),
        body,
        created_at: now,
    };
    store.add_addendum(addendum.clone(), audit).await?;
    Ok((addendum, note.session_id))
}

/// The organization's notes waiting for a clinician's co-signature.
pub async fn cosign_queue(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
) -> Result<Vec<CosignItem>, Error> {
    authorize(actor, Access::ClinicalOrg(org))?;
    Ok(store.cosign_queue(org).await?)
}
