//! What [`detect`](super::detect) reports: whether a message is a hit, and for the clinician
//! which kind of statement matched and where. It never holds the message text, so it is
//! safe to log.

use std::ops::Range;

/// The kind of crisis statement a phrase belongs to. Declared from most to least urgent:
/// when one message matches several, the most urgent is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// A method, the means, a time or goodbyes: "take all my pills", "jump off a bridge".
    PlanOrMeans,
    /// Wanting to die or to kill oneself: "I want to die", "kill myself".
    SuicidalIdeation,
    /// Hurting oneself without intent to die: "cut myself", "burn myself".
    SelfHarm,
    /// Intent to hurt someone else: "I'm going to hurt someone".
    HarmToOthers,
    /// No reason to live, no way out: "nothing to live for", "can't go on".
    Hopelessness,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Self::PlanOrMeans,
        Self::SuicidalIdeation,
        Self::SelfHarm,
        Self::HarmToOthers,
        Self::Hopelessness,
    ];

    /// The category a stored code names.
    pub fn from_code(code: &str) -> Option<Category> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// A short name for alerts and logs.
    pub fn code(self) -> &'static str {
        match self {
            Self::PlanOrMeans => "plan_or_means",
            Self::SuicidalIdeation => "suicidal_ideation",
            Self::SelfHarm => "self_harm",
            Self::HarmToOthers => "harm_to_others",
            Self::Hopelessness => "hopelessness",
        }
    }

    /// Plain words for the clinician's alert.
    pub fn label(self) -> &'static str {
        match self {
            Self::PlanOrMeans => "Plan or means",
            Self::SuicidalIdeation => "Suicidal ideation",
            Self::SelfHarm => "Self-harm",
            Self::HarmToOthers => "Harm to others",
            Self::Hopelessness => "Hopelessness",
        }
    }
}

/// One matched phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub category: Category,
    /// Byte range of the matched phrase in the message, for highlighting it to the
    /// clinician who is allowed to read the message.
    pub span: Range<usize>,
}

/// The result of checking one message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Detection {
    hit: Option<Hit>,
}

impl Detection {
    pub(super) fn new(hit: Option<Hit>) -> Self {
        Self { hit }
    }

    /// Whether the message should show the author crisis resources and alert staff.
    pub fn is_hit(&self) -> bool {
        self.hit.is_some()
    }

    /// The most urgent matched phrase (the earliest among equally urgent ones).
    pub fn hit(&self) -> Option<&Hit> {
        self.hit.as_ref()
    }

    pub fn category(&self) -> Option<Category> {
        self.hit.as_ref().map(|hit| hit.category)
    }

    pub fn span(&self) -> Option<Range<usize>> {
        self.hit.as_ref().map(|hit| hit.span.clone())
    }
}
