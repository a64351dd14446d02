//! The shape of a self-screening instrument: items, answer choices, scoring, bands and
//! answers that need a person's attention. Definitions are `const` data, one file each.

use crate::vocabulary;

/// A questionnaire a person fills in for themselves, anonymously or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Instrument {
    /// Stable code used in links and stored results, e.g. `"phq-9"`.
    pub code: &'static str,
    /// Name shown to people, e.g. "PHQ-9".
    pub name: &'static str,
    /// Why we may reproduce it, and whose work it is.
    pub licence_note: &'static str,
    /// Shown before the items, e.g. "Over the last 2 weeks, how often…".
    pub preamble: &'static str,
    pub items: &'static [Item],
    pub scoring: Scoring,
    /// Ranges of the total, in plain words, never a diagnosis. Empty when the total is
    /// not interpreted in bands.
    pub bands: &'static [Band],
    /// Answers that someone should follow up on whatever the total.
    pub critical: &'static [Critical],
}

/// One question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Item {
    /// Unique within the instrument; also the form field and the key of its answer.
    pub code: &'static str,
    pub text: &'static str,
    pub options: &'static [Choice],
}

/// One answer a person may choose for an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Choice {
    /// Unique within the item; what a form sends.
    pub code: &'static str,
    pub label: &'static str,
    pub score: i32,
}

/// A range of totals, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Band {
    pub min: i32,
    pub max: i32,
    pub code: &'static str,
    /// Plain words such as "mild"; never a diagnosis.
    pub label: &'static str,
}

/// An item whose answer at or above `min_score` needs follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Critical {
    /// The code of the item concerned.
    pub item: &'static str,
    pub min_score: i32,
    /// What the answer means, in plain words, for the person following up.
    pub reason: &'static str,
}

/// How answers turn into a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Scoring {
    /// The total is the sum of the item scores; there is no positive or negative screen.
    Sum,
    /// The total is the sum of the item scores; the screen is positive at or above the cutoff.
    SumWithCutoff { cutoff: Cutoff },
    /// Each item is a screen of its own, positive when its score is at least `min_score`;
    /// the instrument is positive when any item is.
    EachItem { min_score: i32 },
}

/// The total at or above which a screen is positive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Cutoff {
    Fixed {
        min: i32,
    },
    /// Depends on the person's sex. When sex is not given the lower of the two applies:
    /// missing someone who should be followed up is worse than an extra conversation.
    BySex {
        female: i32,
        male: i32,
    },
}

impl Cutoff {
    /// The cutoff that applies; see [`Cutoff::BySex`] for what happens without a sex.
    pub fn for_sex(self, sex: Option<Sex>) -> i32 {
        match (self, sex) {
            (Cutoff::Fixed { min }, _) => min,
            (Cutoff::BySex { female, .. }, Some(Sex::Female)) => female,
            (Cutoff::BySex { male, .. }, Some(Sex::Male)) => male,
            (Cutoff::BySex { female, male }, None) => female.min(male),
        }
    }
}

vocabulary!(
    /// The sex some cutoffs depend on. Optional wherever it is asked; see [`Cutoff::BySex`].
    Sex {
        Female => ("female", "Female"),
        Male => ("male", "Male"),
    }
);

impl Instrument {
    /// The lowest and highest total the items allow.
    pub fn total_range(&self) -> (i32, i32) {
        self.items.iter().fold((0, 0), |(low, high), item| {
            let scores = item.options.iter().map(|c| c.score);
            (
                low + scores.clone().min().unwrap_or(0),
                high + scores.max().unwrap_or(0),
            )
        })
    }

    pub fn item(&self, code: &str) -> Option<&'static Item> {
        self.items.iter().find(|item| item.code == code)
    }

    /// The band the total falls in, if the instrument has bands.
    pub fn band(&self, total: i32) -> Option<&'static Band> {
        self.bands
            .iter()
            .find(|band| (band.min..=band.max).contains(&total))
    }
}

impl Choice {
    /// For compact definitions: `Choice::new("0", "Not at all", 0)`.
    pub const fn new(code: &'static str, label: &'static str, score: i32) -> Self {
        Self { code, label, score }
    }
}

impl Band {
    /// For compact definitions: `Band::new(0, 4, "minimal", "minimal")`.
    pub const fn new(min: i32, max: i32, code: &'static str, label: &'static str) -> Self {
        Self {
            min,
            max,
            code,
            label,
        }
    }
}

impl Item {
    /// For compact definitions.
    pub const fn new(code: &'static str, text: &'static str, options: &'static [Choice]) -> Self {
        Self {
            code,
            text,
            options,
        }
    }

    pub fn option(&self, code: &str) -> Option<&'static Choice> {
        self.options.iter().find(|choice| choice.code == code)
    }
}
