//! A plan of the technique library: what it is for, how long it takes, its sections, the
//! timed steps of a guided script, and the prompt it gives a member's note.

use crate::ids::{OrgId, TechniqueId};
use crate::vocabulary;

vocabulary!(
    /// The kinds of technique a group session is planned with.
    TechniqueKind {
        Psychoeducation => ("psychoeducation", "Psychoeducation"),
        RolePlay => ("role_play", "Role-play"),
        GuidedVisualization => ("guided_visualization", "Guided visualization"),
        ActiveListening => ("active_listening", "Active listening drill"),
        ProblemSolving => ("problem_solving", "Collaborative problem solving"),
        GroupAgreement => ("group_agreement", "Group agreement and mutual respect"),
        CheckIn => ("check_in", "Check-in round"),
        CheckOut => ("check_out", "Check-out round"),
    }
);

impl TechniqueKind {
    /// A guided visualization is a script read step by step: its steps are its content.
    pub fn needs_steps(self) -> bool {
        self == Self::GuidedVisualization
    }
}

/// One heading of a plan with its items (objectives, key points, roles, questions, …).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct PlanSection {
    pub heading: String,
    pub items: Vec<String>,
}

/// One step of a guided script: what the facilitator says, and how long it lasts.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct TimedStep {
    pub seconds: u32,
    pub text: String,
}

impl TimedStep {
    /// The length as minutes and seconds: `1:30`.
    pub fn clock(&self) -> String {
        clock(self.seconds)
    }
}

/// Seconds as `m:ss`.
pub fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// A plan in the library. Built-in plans (`org_id` is `None`) are written by Kindred, read
/// by every organization and edited by none; an organization's own plans are its own.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct Technique {
    pub id: TechniqueId,
    /// `None` for a built-in plan.
    pub org_id: Option<OrgId>,
    pub kind: TechniqueKind,
    pub title: String,
    /// What the plan is for, in a sentence or two.
    pub purpose: String,
    /// How long it usually takes in a session.
    pub minutes: u32,
    pub sections: Vec<PlanSection>,
    /// The script of a guided visualization, step by step (empty for other kinds).
    pub steps: Vec<TimedStep>,
    /// Pre-fills a member note's "response to the intervention".
    pub response_prompt: String,
    /// Archived plans leave the library's list and the session plan's choices.
    pub archived: bool,
}

impl Technique {
    pub fn is_builtin(&self) -> bool {
        self.org_id.is_none()
    }

    /// The script's whole length in seconds.
    pub fn steps_seconds(&self) -> u32 {
        self.steps.iter().map(|s| s.seconds).sum()
    }

    /// The script's whole length as `m:ss`.
    pub fn steps_clock(&self) -> String {
        clock(self.steps_seconds())
    }
}
