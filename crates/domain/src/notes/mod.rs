//! Group notes: one screen per held session with a shared part and one DAP section per
//! attending member. Signing locks it; each section, with the shared part, becomes a note in
//! that member's chart, corrected only by addenda. A peer specialist's note waits for a
//! clinician's co-signature.

mod input;
mod missing;
mod names;
mod rules;
mod use_cases;

#[cfg(test)]
mod input_tests;
#[cfg(test)]
mod names_tests;
#[cfg(test)]
mod rules_tests;

pub use input::{AddendumInput, MemberInput, NoteInput};
pub use missing::{undocumented_for_facilitator, undocumented_in_org, UndocumentedSession};
pub use names::{find_names, KnownNames, NameHit};
pub use rules::{NoteDecision, NoteState, LATE_AFTER_HOURS};
pub use use_cases::{
    add_addendum, cosign_note, cosign_queue, note_screen, save_note, sign_note, CosignItem,
    NoteScreen,
};

use chrono::{DateTime, Utc};

use crate::ids::{AccountId, AddendumId, GroupId, MemberNoteId, OrgId, SessionId};
use crate::vocabulary;

vocabulary!(
    NoteStatus {
        Draft => ("draft", "Draft"),
        AwaitingCosign => ("awaiting_cosign", "Waiting for co-signature"),
        Signed => ("signed", "Signed"),
    }
);

impl NoteStatus {
    /// Signed by its author: no longer editable, attendance locked, addenda only.
    pub fn locked(self) -> bool {
        !matches!(self, NoteStatus::Draft)
    }
}

vocabulary!(
    RiskLevel {
        NoneObserved => ("none", "No risk observed"),
        Low => ("low", "Low"),
        Moderate => ("moderate", "Moderate"),
        High => ("high", "High"),
    }
);

/// The part of a group note every attending member's chart shares.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct SharedPart {
    pub topic: String,
    /// The techniques used, in the facilitator's words (pre-filled from the session plan).
    pub techniques: String,
    pub themes: String,
    pub observations: String,
}

/// One attending member's section, in DAP form.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct MemberSection {
    pub id: MemberNoteId,
    pub member_id: AccountId,
    /// Their display name, for the screen; not part of the note's text.
    pub display_name: String,
    pub data: String,
    pub assessment: String,
    pub plan: String,
    /// The member's response to the intervention (pre-filled from the plan).
    pub response: String,
    pub risk_level: Option<RiskLevel>,
    pub risk_notes: String,
}

/// A correction or later information added to a signed member note.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Addendum {
    pub id: AddendumId,
    pub member_note_id: MemberNoteId,
    pub author_id: AccountId,
    pub author_name: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// A group note as stored.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct GroupNote {
    pub session_id: SessionId,
    pub org_id: OrgId,
    pub group_id: GroupId,
    pub author_id: AccountId,
    pub author_name: String,
    pub status: NoteStatus,
    pub shared: SharedPart,
    /// Members who attended (present, late, left early), counted when signing.
    pub participant_count: i32,
    pub sections: Vec<MemberSection>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub signed_at: Option<DateTime<Utc>>,
    pub cosigned_by: Option<AccountId>,
    pub cosigner_name: String,
    pub cosigned_at: Option<DateTime<Utc>>,
    /// Addenda of all its member notes, oldest first.
    pub addenda: Vec<Addendum>,
}

impl GroupNote {
    pub fn section_of(&self, member: AccountId) -> Option<&MemberSection> {
        self.sections.iter().find(|s| s.member_id == member)
    }
}

/// One member's note as their chart shows it: their section with the shared part.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct ChartNote {
    pub session_id: SessionId,
    pub group_id: GroupId,
    pub group_name: String,
    pub session_starts_at: DateTime<Utc>,
    pub status: NoteStatus,
    pub author_name: String,
    pub signed_at: Option<DateTime<Utc>>,
    pub cosigner_name: String,
    pub cosigned_at: Option<DateTime<Utc>>,
    pub participant_count: i32,
    pub shared: SharedPart,
    pub section: MemberSection,
    pub addenda: Vec<Addendum>,
}
