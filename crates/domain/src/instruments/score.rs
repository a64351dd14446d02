//! Turns a person's answers into a result: all of it or nothing.

use std::collections::BTreeMap;

use super::definition::{Instrument, Scoring, Sex};
use crate::FieldErrors;

/// The result of a fully answered instrument.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Scored {
    /// The instrument's code.
    pub instrument: &'static str,
    pub total: i32,
    /// The band of the total, for instruments that have bands.
    pub band: Option<ScoredBand>,
    /// Whether the screen is positive, for instruments with a cutoff or per-item screens;
    /// `None` for instruments without one.
    pub positive: Option<bool>,
    /// For per-item screens: the codes of the items that are positive, in item order.
    pub positive_items: Vec<&'static str>,
    /// Reasons to follow up, in the order the instrument lists them; empty when none.
    pub critical: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct ScoredBand {
    pub code: &'static str,
    pub label: &'static str,
}

/// Scores answers keyed by item code, each the code of one of the item's options.
///
/// Every item must be answered: each missing or unknown answer gets a message at its
/// item's code, and no score is given until all are right. Keys that are not item codes
/// are ignored. `sex` matters only for cutoffs that depend on it; without it the lower
/// cutoff applies (see [`Cutoff::BySex`](super::Cutoff::BySex)).
pub fn score(
    instrument: &Instrument,
    answers: &BTreeMap<String, String>,
    sex: Option<Sex>,
) -> Result<Scored, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut scores = Vec::with_capacity(instrument.items.len());
    for item in instrument.items {
        let answer = answers.get(item.code).map(|a| a.trim()).unwrap_or("");
        if answer.is_empty() {
            errors.add(item.code, "Answer this question.");
        } else if let Some(choice) = item.option(answer) {
            scores.push((item.code, choice.score));
        } else {
            errors.add(item.code, "Choose one of the answers given.");
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let total = scores.iter().map(|(_, s)| s).sum();
    let score_of = |code: &str| scores.iter().find(|(c, _)| *c == code).map(|(_, s)| *s);
    let (positive, positive_items) = match instrument.scoring {
        Scoring::Sum => (None, Vec::new()),
        Scoring::SumWithCutoff { cutoff } => (Some(total >= cutoff.for_sex(sex)), Vec::new()),
        Scoring::EachItem { min_score } => {
            let items: Vec<_> = scores
                .iter()
                .filter(|(_, s)| *s >= min_score)
                .map(|(c, _)| *c)
                .collect();
            (Some(!items.is_empty()), items)
        }
    };
    let critical = instrument
        .critical
        .iter()
        .filter(|c| score_of(c.item).is_some_and(|s| s >= c.min_score))
        .map(|c| c.reason)
        .collect();

    Ok(Scored {
        instrument: instrument.code,
        total,
        band: instrument.band(total).map(|band| ScoredBand {
            code: band.code,
            label: band.label,
        }),
        positive,
        positive_items,
        critical,
    })
}
