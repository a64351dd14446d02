//! What a session's plan pre-fills in its note: the techniques used, the prompt for each
//! member's response to the intervention, and the topic.

use super::{SessionPlanItem, TechniqueKind};

/// Text for the note screen to start from; every field may be edited there.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Prefill {
    /// The plans' titles in order, joined by "; ".
    pub techniques_used: String,
    /// Each plan's response prompt in order, joined by a space.
    pub response_prompt: String,
    /// The first psychoeducation plan's title, else the first plan's title, else empty.
    pub topic: String,
}

/// Reads the snapshots, so a note says what was planned even after the library changed.
pub fn prefill(items: &[SessionPlanItem]) -> Prefill {
    let mut ordered: Vec<&SessionPlanItem> = items.iter().collect();
    ordered.sort_by_key(|i| i.position);
    let plans: Vec<_> = ordered.iter().map(|i| &i.snapshot).collect();
    let join = |text: &dyn Fn(&super::Technique) -> &str, by: &str| {
        plans
            .iter()
            .map(|t| text(t).trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(by)
    };
    let topic = plans
        .iter()
        .find(|t| t.kind == TechniqueKind::Psychoeducation)
        .or(plans.first())
        .map(|t| t.title.clone())
        .unwrap_or_default();
    Prefill {
        techniques_used: join(&|t| t.title.as_str(), "; "),
        response_prompt: join(&|t| t.response_prompt.as_str(), " "),
        topic,
    }
}
