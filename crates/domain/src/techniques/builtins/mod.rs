//! The plans Kindred ships, written by us in plain professional language. Every
//! organization reads them; nobody edits them (an organization copies one to change it).
//! Their ids are fixed, so a session plan or a link that names one stays valid across
//! releases and installations. A unit test runs each through the same parsing as a plan
//! typed into the form.

mod group_work;
mod psychoeducation;
mod role_play;
mod rounds;
mod visualization;

use super::{PlanSection, Technique, TechniqueKind, TimedStep};
use crate::ids::TechniqueId;

/// A built-in plan as written in the source.
pub(super) struct Builtin {
    pub id: TechniqueId,
    pub kind: TechniqueKind,
    pub title: &'static str,
    pub purpose: &'static str,
    pub minutes: u32,
    pub sections: &'static [(&'static str, &'static [&'static str])],
    pub steps: &'static [(u32, &'static str)],
    pub response_prompt: &'static str,
}

impl Builtin {
    fn technique(&self) -> Technique {
        Technique {
            id: self.id,
            org_id: None,
            kind: self.kind,
            title: self.title.to_owned(),
            purpose: self.purpose.to_owned(),
            minutes: self.minutes,
            sections: self
                .sections
                .iter()
                .map(|(heading, items)| PlanSection {
                    heading: (*heading).to_owned(),
                    items: items.iter().map(|i| (*i).to_owned()).collect(),
                })
                .collect(),
            steps: self
                .steps
                .iter()
                .map(|(seconds, text)| TimedStep {
                    seconds: *seconds,
                    text: (*text).to_owned(),
                })
                .collect(),
            response_prompt: self.response_prompt.to_owned(),
            archived: false,
        }
    }
}

/// Built-in ids: `6b696e64-0000-4000-8000-0000000000NN` ("kind" in ASCII, then the number
/// in hexadecimal).
const fn id(n: u16) -> TechniqueId {
    TechniqueId(uuid::Uuid::from_u128(
        0x6b69_6e64_0000_4000_8000_0000_0000_0000 | n as u128,
    ))
}

pub const STRESS_AND_THE_BODY: TechniqueId = id(1);
pub const SLEEP_AND_RECOVERY: TechniqueId = id(2);
pub const CYCLE_OF_CRAVING: TechniqueId = id(3);
pub const UNDERSTANDING_ANXIETY: TechniqueId = id(4);
pub const RELAPSE_WARNING_SIGNS: TechniqueId = id(5);
pub const REFUSING_A_DRINK: TechniqueId = id(11);
pub const ASKING_FOR_SUPPORT: TechniqueId = id(12);
pub const FAMILY_CONVERSATION: TechniqueId = id(13);
pub const SAFE_PLACE: TechniqueId = id(21);
pub const BODY_SCAN: TechniqueId = id(22);
pub const LEAVES_ON_A_STREAM: TechniqueId = id(23);
pub const ACTIVE_LISTENING: TechniqueId = id(31);
pub const PROBLEM_SOLVING: TechniqueId = id(41);
pub const GROUP_AGREEMENT: TechniqueId = id(51);
pub const CHECK_IN: TechniqueId = id(61);
pub const CHECK_OUT: TechniqueId = id(71);

const ALL: [&Builtin; 16] = [
    &psychoeducation::STRESS,
    &psychoeducation::SLEEP,
    &psychoeducation::CRAVING,
    &psychoeducation::ANXIETY,
    &psychoeducation::RELAPSE,
    &role_play::REFUSING,
    &role_play::ASKING,
    &role_play::FAMILY,
    &visualization::SAFE_PLACE,
    &visualization::BODY_SCAN,
    &visualization::LEAVES,
    &group_work::LISTENING,
    &group_work::PROBLEM_SOLVING,
    &group_work::AGREEMENT,
    &rounds::CHECK_IN,
    &rounds::CHECK_OUT,
];

/// Every built-in plan, in the order written.
pub fn builtins() -> Vec<Technique> {
    ALL.iter().map(|b| b.technique()).collect()
}

/// The built-in plan with this id.
pub fn builtin(id: TechniqueId) -> Option<Technique> {
    ALL.iter().find(|b| b.id == id).map(|b| b.technique())
}

pub fn is_builtin(id: TechniqueId) -> bool {
    ALL.iter().any(|b| b.id == id)
}
