//! Where to get help now. Shown first, before any score, whenever an answer signals risk.
//!
//! These are the United States' services; other countries' lists (and a list per
//! organization) replace this one when organizations can set their own.

/// One way to reach help now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct CrisisResource {
    pub name: &'static str,
    /// What to do, in plain words.
    pub action: &'static str,
    /// A link that starts the call or message (`tel:` or `sms:`).
    pub href: &'static str,
}

/// The 988 Suicide & Crisis Lifeline (call or text) and emergency services.
pub const US_CRISIS_RESOURCES: &[CrisisResource] = &[
    CrisisResource {
        name: "988 Suicide & Crisis Lifeline",
        action: "Call 988, any time of day or night",
        href: "tel:988",
    },
    CrisisResource {
        name: "988 Suicide & Crisis Lifeline by text",
        action: "Text 988",
        href: "sms:988",
    },
    CrisisResource {
        name: "Emergency services",
        action: "Call 911 if you are in danger now or might act on these thoughts",
        href: "tel:911",
    },
];
