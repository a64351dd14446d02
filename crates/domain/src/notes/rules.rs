//! The rules of a group note, decided on what the store read under the session's lock.

use chrono::{DateTime, Utc};

use super::input::{member_field, NoteText, SectionText};
use super::names::{find_names, KnownNames};
use super::{GroupNote, MemberSection, NoteStatus, SharedPart};
use crate::attendance::RosterLine;
use crate::ids::{AccountId, MemberNoteId, OrgId};
use crate::sessions::{GroupSession, SessionStatus};
use crate::{Error, FieldErrors};

/// A held session is missing its documentation once it ended this long ago unsigned.
pub const LATE_AFTER_HOURS: i64 = 24;

/// What the store reads, under the session's lock, before a note changes.
#[derive(Debug, Clone)]
pub struct NoteState {
    pub session: GroupSession,
    /// Everyone expected at the session, with their marks.
    pub roster: Vec<RosterLine>,
    /// The names each roster member is known by.
    pub names: Vec<KnownNames>,
    pub existing: Option<GroupNote>,
}

/// Decides the note to write from the state; an error writes nothing.
pub type NoteDecision = Box<dyn FnOnce(&NoteState) -> Result<GroupNote, Error> + Send>;

/// Who is writing.
#[derive(Debug, Clone)]
pub(crate) struct Writer {
    pub id: AccountId,
    /// The organization of the session's group, as the use case checked it.
    pub org: OrgId,
    pub name: String,
    /// A peer specialist's signature waits for a clinician's.
    pub needs_cosign: bool,
}

impl NoteState {
    /// Members with a mark of present, late or left early, in roster order.
    pub fn attending(&self) -> Vec<&RosterLine> {
        self.roster
            .iter()
            .filter(|l| l.mark.as_ref().is_some_and(|m| m.status.attended()))
            .collect()
    }

    fn names_of(&self, member: AccountId) -> Vec<String> {
        self.names
            .iter()
            .filter(|k| k.member == member)
            .flat_map(|k| k.names.iter().cloned())
            .chain(
                self.roster
                    .iter()
                    .filter(|l| l.account_id == member)
                    .map(|l| l.display_name.clone()),
            )
            .collect()
    }

    fn names_except(&self, member: Option<AccountId>) -> Vec<String> {
        let mut members: Vec<AccountId> = self.roster.iter().map(|l| l.account_id).collect();
        members.extend(self.names.iter().map(|k| k.member));
        members.sort();
        members.dedup();
        members
            .into_iter()
            .filter(|m| Some(*m) != member)
            .flat_map(|m| self.names_of(m))
            .collect()
    }
}

/// Why a session can have no note yet (or ever), if so.
pub(crate) fn not_held(session: &GroupSession, now: DateTime<Utc>) -> Option<Error> {
    if session.status == SessionStatus::Held && session.starts_at <= now {
        return None;
    }
    let why = match session.status {
        SessionStatus::Cancelled => "This session was cancelled; it has no note.",
        _ => "This session has not been held: take its attendance first, then write the note.",
    };
    Some(Error::Conflict(why.into()))
}

fn still_editable(existing: Option<&GroupNote>) -> Result<(), Error> {
    match existing.map(|n| n.status) {
        Some(NoteStatus::Signed) | Some(NoteStatus::AwaitingCosign) => Err(Error::Conflict(
            "This note is already signed; add an addendum to a member's note to correct it.".into(),
        )),
        _ => Ok(()),
    }
}

/// Saves a draft: any field may be empty. Sections are kept for attending members only;
/// a member without one in the input keeps their earlier draft.
pub(crate) fn save_draft(
    state: &NoteState,
    text: NoteText,
    writer: &Writer,
    now: DateTime<Utc>,
) -> Result<GroupNote, Error> {
    if let Some(refusal) = not_held(&state.session, now) {
        return Err(refusal);
    }
    still_editable(state.existing.as_ref())?;
    let sections = merge_sections(state, text.sections, false)?;
    Ok(build(
        state,
        text.shared,
        sections,
        writer,
        NoteStatus::Draft,
        now,
    ))
}

/// Signs the note: every field complete, one section per attending member, and no other
/// member's name anywhere in a member's section or in the shared part.
pub(crate) fn sign(
    state: &NoteState,
    text: NoteText,
    writer: &Writer,
    now: DateTime<Utc>,
) -> Result<GroupNote, Error> {
    if let Some(refusal) = not_held(&state.session, now) {
        return Err(refusal);
    }
    still_editable(state.existing.as_ref())?;
    let sections = merge_sections(state, text.sections, true)?;
    check_names(state, &text.shared, &sections)?;
    let status = if writer.needs_cosign {
        NoteStatus::AwaitingCosign
    } else {
        NoteStatus::Signed
    };
    let mut note = build(state, text.shared, sections, writer, status, now);
    note.signed_at = Some(now);
    Ok(note)
}

/// A clinician co-signs a peer specialist's signed note; nobody co-signs their own.
pub(crate) fn cosign(
    state: &NoteState,
    cosigner: &Writer,
    now: DateTime<Utc>,
) -> Result<GroupNote, Error> {
    let Some(existing) = state.existing.as_ref() else {
        return Err(Error::Conflict(
            "This session has no note to co-sign yet.".into(),
        ));
    };
    match existing.status {
        NoteStatus::Draft => Err(Error::Conflict(
            "This note is still a draft; its author signs it first.".into(),
        )),
        NoteStatus::Signed => Err(Error::Conflict(
            "This note is already final; it needs no co-signature.".into(),
        )),
        NoteStatus::AwaitingCosign if existing.author_id == cosigner.id => Err(Error::Conflict(
            "You wrote this note; another clinician must co-sign it.".into(),
        )),
        NoteStatus::AwaitingCosign => {
            let mut note = existing.clone();
            note.status = NoteStatus::Signed;
            note.cosigned_by = Some(cosigner.id);
            note.cosigner_name = cosigner.name.clone();
            note.cosigned_at = Some(now);
            note.updated_at = now;
            Ok(note)
        }
    }
}

fn build(
    state: &NoteState,
    shared: SharedPart,
    sections: Vec<MemberSection>,
    writer: &Writer,
    status: NoteStatus,
    now: DateTime<Utc>,
) -> GroupNote {
    let existing = state.existing.as_ref();
    GroupNote {
        session_id: state.session.id,
        org_id: writer.org,
        group_id: state.session.group_id,
        author_id: writer.id,
        author_name: writer.name.clone(),
        status,
        shared,
        participant_count: i32::try_from(state.attending().len()).unwrap_or(i32::MAX),
        sections,
        created_at: existing.map_or(now, |n| n.created_at),
        updated_at: now,
        signed_at: None,
        cosigned_by: None,
        cosigner_name: String::new(),
        cosigned_at: None,
        addenda: Vec::new(),
    }
}

/// One section per attending member, in roster order. Sections for anyone who did not
/// attend are refused; when signing, a missing one is too.
fn merge_sections(
    state: &NoteState,
    given: Vec<SectionText>,
    complete: bool,
) -> Result<Vec<MemberSection>, Error> {
    let attending = state.attending();
    let mut errors = FieldErrors::new();
    for section in &given {
        if !attending.iter().any(|l| l.account_id == section.member_id) {
            errors.add(
                "members",
                format!(
                    "Member {} did not attend this session (present, late or left early), \
                     so their chart gets no note from it.",
                    section.member_id
                ),
            );
        }
    }
    let mut sections = Vec::new();
    for line in attending {
        let earlier = state
            .existing
            .as_ref()
            .and_then(|n| n.section_of(line.account_id));
        let id = earlier.map_or_else(MemberNoteId::new, |s| s.id);
        match given.iter().find(|s| s.member_id == line.account_id) {
            Some(text) => sections.push(MemberSection {
                id,
                member_id: line.account_id,
                display_name: line.display_name.clone(),
                data: text.data.clone(),
                assessment: text.assessment.clone(),
                plan: text.plan.clone(),
                response: text.response.clone(),
                risk_level: text.risk_level,
                risk_notes: text.risk_notes.clone(),
            }),
            None if complete => errors.add(
                &member_field(&line.account_id.to_string(), "data"),
                format!("Write a section for {}, who attended.", line.display_name),
            ),
            None => sections.push(earlier.cloned().unwrap_or_else(|| MemberSection {
                id,
                member_id: line.account_id,
                display_name: line.display_name.clone(),
                data: String::new(),
                assessment: String::new(),
                plan: String::new(),
                response: String::new(),
                risk_level: None,
                risk_notes: String::new(),
            })),
        }
    }
    errors.into_result(sections)
}

/// Refuses signing while a member's section names another member of the session, or the
/// shared part (which goes into every chart) names any member; each hit is shown at its
/// field with the words around it.
fn check_names(
    state: &NoteState,
    shared: &SharedPart,
    sections: &[MemberSection],
) -> Result<(), Error> {
    let mut errors = FieldErrors::new();
    let everyone = state.names_except(None);
    for (field, text) in [
        ("topic", &shared.topic),
        ("techniques", &shared.techniques),
        ("themes", &shared.themes),
        ("observations", &shared.observations),
    ] {
        report(&mut errors, field, &find_names(text, &[], &everyone), true);
    }
    for section in sections {
        let own = state.names_of(section.member_id);
        let others = state.names_except(Some(section.member_id));
        let id = section.member_id.to_string();
        for (field, text) in [
            ("data", &section.data),
            ("assessment", &section.assessment),
            ("plan", &section.plan),
            ("response", &section.response),
            ("risk_notes", &section.risk_notes),
        ] {
            let hits = find_names(text, &own, &others);
            report(&mut errors, &member_field(&id, field), &hits, false);
        }
    }
    errors.into_result(())
}

fn report(errors: &mut FieldErrors, field: &str, hits: &[super::NameHit], shared: bool) {
    let Some(hit) = hits.first() else { return };
    let whose = if shared { "a member" } else { "another member" };
    errors.add(
        field,
        format!(
            "This names {whose} (\"{}\"): \"{}\". Remove the name before signing; \
             this text goes into {} chart.",
            hit.found,
            hit.context,
            if shared {
                "every attending member's"
            } else {
                "this member's"
            }
        ),
    );
}
