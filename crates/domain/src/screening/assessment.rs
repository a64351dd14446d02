//! The result of a complete self-screen.

use super::crisis::CrisisResource;
use super::guidance::Guidance;
use crate::fields::Choice as _;
use crate::groups::FocusArea;
use crate::instruments::{Scored, Sex};

/// Said with every result, wherever it is shown.
pub const NOT_A_DIAGNOSIS: &str =
    "These are screening results, not a diagnosis. Only a conversation with a clinician can \
     tell what is going on and what would help.";

/// A complete screen's result. Fields are in the order they should be read: when `urgent`,
/// the crisis resources come before anything else.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Assessment {
    /// PHQ-9 item 9 (thoughts of being better off dead or of self-harm) was answered above
    /// "Not at all", whatever the totals: show `crisis_resources` first.
    pub urgent: bool,
    /// Where to get help now; filled whenever `urgent`, empty otherwise.
    pub crisis_resources: Vec<CrisisResource>,
    pub guidance: Guidance,
    /// The guidance in plain words.
    pub guidance_label: &'static str,
    /// What the guidance means.
    pub guidance_explanation: &'static str,
    /// Why, in plain words, most important first.
    pub reasons: Vec<String>,
    /// One result per instrument, in the order they were asked.
    pub scores: Vec<Scored>,
    /// The sex the AUDIT-C cutoff used; `None` when not given (the lower cutoff applies).
    pub sex: Option<Sex>,
    /// Focus areas of groups that match the positive screens.
    pub focus: Vec<FocusArea>,
    /// The directory search matching the guidance and focus: `/find?…`.
    pub directory_link: String,
    pub disclaimer: &'static str,
}

impl Assessment {
    /// The directory's query string (without `?`) for groups that match the guidance and
    /// the positive screens: `care=…` for each level of care, then `focus=…`, repeated keys
    /// as a checkbox form sends them.
    pub fn directory_query(&self) -> String {
        directory_query(self.guidance, &self.focus)
    }

    /// The result of one instrument, by code.
    pub fn score(&self, instrument: &str) -> Option<&Scored> {
        self.scores.iter().find(|s| s.instrument == instrument)
    }
}

pub(super) fn directory_query(guidance: Guidance, focus: &[FocusArea]) -> String {
    let care = guidance
        .levels_of_care()
        .iter()
        .map(|level| format!("care={}", level.code()));
    let focus = focus.iter().map(|f| format!("focus={}", f.code()));
    care.chain(focus).collect::<Vec<_>>().join("&")
}
