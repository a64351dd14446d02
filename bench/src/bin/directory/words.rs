//! The words seeded groups are named and described with.

use kindred_domain::groups::FocusArea;

pub const ADJECTIVES: [&str; 12] = [
    "Evening",
    "Morning",
    "Midweek",
    "Weekend",
    "Lunchtime",
    "Tuesday",
    "Thursday",
    "Sunrise",
    "Harbor",
    "Riverside",
    "Hope",
    "New Path",
];
pub const TOPICS: [(&str, FocusArea); 12] = [
    ("Alcohol Recovery", FocusArea::AlcoholUse),
    ("Anxiety Skills", FocusArea::Anxiety),
    ("Depression Support", FocusArea::Depression),
    ("Grief and Loss", FocusArea::Grief),
    ("Opioid Recovery", FocusArea::OpioidUse),
    ("Trauma Recovery", FocusArea::Trauma),
    ("Relapse Prevention", FocusArea::RelapsePrevention),
    ("DBT Skills", FocusArea::EmotionRegulation),
    ("Stress Management", FocusArea::Stress),
    ("Family Recovery", FocusArea::Relationships),
    ("Dual Recovery", FocusArea::CoOccurring),
    ("Anger Management", FocusArea::AngerManagement),
];
pub const SHAPES: [&str; 5] = ["Circle", "Group", "Support Group", "Workshop", "Meeting"];
pub const SENTENCES: [&str; 8] = [
    "A welcoming group where people share what helps and practise new skills together.",
    "We meet to support each other in recovery from alcohol and other substances.",
    "Learn practical tools for anxious thoughts, low mood and sleep.",
    "Peer-led and confidential: come as you are, listen first if you like.",
    "A structured group with weekly themes, homework and a clinician who guides the work.",
    "For people who want to cut down on drinking or stop altogether.",
    "Support after a loss, with space for stories and for silence.",
    "Skills for handling strong emotions, conflict and cravings.",
];
