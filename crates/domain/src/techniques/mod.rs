//! The technique library and session plans.
//!
//! - The library holds Kindred's built-in plans ([`builtins`]: psychoeducation, role-play,
//!   guided visualization, active listening, problem solving, the group agreement, check-in
//!   and check-out rounds) and each organization's own. Staff read it; clinicians and
//!   administrators add, edit, copy and archive the organization's own plans. Built-in
//!   plans are read-only: copying one gives an editable plan of the organization.
//! - A facilitator attaches plans to a session beforehand ([`attach_technique`]) and sees them
//!   during the session. Each attached item is a snapshot, so editing the library later never
//!   changes a past session's plan, and [`prefill`] gives the session's note its first text.

pub mod builtins;
mod input;
mod library;
mod plan;
mod prefill;
mod session_plan;
mod technique;

#[cfg(test)]
mod tests;

pub use builtins::{builtin, builtins, is_builtin};
pub use input::{sections_text, steps_text, TechniqueInput, TechniqueSpec};
pub use library::{
    archive_technique, copy_technique, create_technique, library, technique, technique_to_edit,
    update_technique,
};
pub use plan::{
    attach, detach, move_item, AttachInput, MoveDirection, MoveInput, PlanDecision,
    SessionPlanItem, PLAN_MAX,
};
pub use prefill::{prefill, Prefill};
pub use session_plan::{attach_technique, detach_technique, move_plan_item, session_plan};
pub use technique::{clock, PlanSection, Technique, TechniqueKind, TimedStep};
