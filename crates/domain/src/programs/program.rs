use chrono::{DateTime, Utc};

use crate::fields::{checkbox, choice, optional_text, required_text};
use crate::ids::{AccountId, OrgId, ProgramId};
use crate::orgs::Role;
use crate::{vocabulary, FieldErrors};

vocabulary!(
    /// Level of care, after the ASAM levels that apply to outpatient settings.
    LevelOfCare {
        PeerSupport => ("peer_support", "Peer support"),
        Outpatient => ("outpatient", "Outpatient (ASAM 1)"),
        IntensiveOutpatient => ("intensive_outpatient", "Intensive outpatient (ASAM 2.1, 9–19 hours a week)"),
        PartialHospitalization => ("partial_hospitalization", "Partial hospitalization (ASAM 2.5, 20 or more hours a week)"),
    }
);

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Program {
    pub id: ProgramId,
    pub org_id: OrgId,
    pub name: String,
    pub level_of_care: LevelOfCare,
    /// Whether records fall under 42 CFR Part 2 (substance use disorder confidentiality).
    pub part2: bool,
    pub description: String,
    /// The clinician who receives crisis alerts of the program's groups; `None` = no one yet.
    pub on_call_id: Option<AccountId>,
    pub created_at: DateTime<Utc>,
    pub archived_at: Option<DateTime<Utc>>,
}

/// A program as typed into the form or sent to the API.
#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct ProgramInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub level_of_care: String,
    #[serde(default, deserialize_with = "checkbox")]
    pub part2: bool,
    #[serde(default)]
    pub description: String,
    /// An account id of the organization's clinicians or administrators; "" = no one.
    #[serde(default)]
    pub on_call_id: String,
}

/// A program's fields after parsing. The on-call clinician is only well-formed here; the use
/// cases check that they work in the organization.
#[derive(Debug, Clone)]
pub struct ProgramSpec {
    pub name: String,
    pub level_of_care: LevelOfCare,
    pub part2: bool,
    pub description: String,
    pub on_call_id: Option<AccountId>,
}

/// Who may be a program's on-call clinician: a role that can act on a crisis alert.
pub fn can_be_on_call(role: Role) -> bool {
    matches!(role, Role::Clinician | Role::OrgAdmin)
}

impl ProgramInput {
    pub fn parse(&self) -> Result<ProgramSpec, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = required_text(&mut errors, "name", &self.name, 120);
        let level_of_care = choice(&mut errors, "level_of_care", &self.level_of_care);
        let description = optional_text(&mut errors, "description", &self.description, 4000);
        let on_call_id = self.on_call(&mut errors);
        match level_of_care {
            Some(level_of_care) if errors.is_empty() => Ok(ProgramSpec {
                name,
                level_of_care,
                part2: self.part2,
                description,
                on_call_id,
            }),
            _ => Err(errors),
        }
    }

    /// Blank means no one; anything else must be an account id.
    fn on_call(&self, errors: &mut FieldErrors) -> Option<AccountId> {
        let raw = self.on_call_id.trim();
        if raw.is_empty() {
            return None;
        }
        let parsed = raw.parse().ok();
        if parsed.is_none() {
            errors.add("on_call_id", "Choose a clinician from the list.");
        }
        parsed
    }
}

impl ProgramSpec {
    /// Writes the parsed fields over a program, keeping its identity and history.
    pub fn apply(self, program: Program) -> Program {
        Program {
            name: self.name,
            level_of_care: self.level_of_care,
            part2: self.part2,
            description: self.description,
            on_call_id: self.on_call_id,
            ..program
        }
    }

    pub fn into_new(self, org_id: OrgId, now: DateTime<Utc>) -> Program {
        Program {
            id: ProgramId::new(),
            org_id,
            name: self.name,
            level_of_care: self.level_of_care,
            part2: self.part2,
            description: self.description,
            on_call_id: self.on_call_id,
            created_at: now,
            archived_at: None,
        }
    }
}

impl From<&Program> for ProgramInput {
    fn from(p: &Program) -> Self {
        Self {
            name: p.name.clone(),
            level_of_care: crate::fields::Choice::code(p.level_of_care).to_owned(),
            part2: p.part2,
            description: p.description.clone(),
            on_call_id: p.on_call_id.map(|id| id.to_string()).unwrap_or_default(),
        }
    }
}
