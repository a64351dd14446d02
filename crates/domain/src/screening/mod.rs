//! Anonymous self-screening: the instruments (`crate::instruments`), a few plain questions,
//! and level-of-care guidance with its reasons in plain words. Never a diagnosis.
//!
//! [`assess`] takes the whole answer set (see [`answers`] for its keys) and gives an
//! [`Assessment`] or names every missing or out-of-range answer; there is no partial
//! result. Nothing here stores or logs answers.

pub mod answers;
mod assessment;
pub mod crisis;
pub mod facts;
mod guidance;
pub mod questions;
pub mod rules;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

pub use answers::{answers_only, is_answer_key, required_keys, unknown_keys, SEX};
pub use assessment::{Assessment, NOT_A_DIAGNOSIS};
pub use crisis::{CrisisResource, US_CRISIS_RESOURCES};
pub use facts::Facts;
pub use guidance::Guidance;
pub use questions::QUESTIONS;

use crate::groups::FocusArea;
use crate::instruments::{audit_c, gad7, phq9, score, taps, Instrument, Scored};
use crate::FieldErrors;

/// Whether the answers signal risk: PHQ-9 item 9 above "Not at all". Read on its own, so a
/// screen with other answers missing (no result) or a stored one that no longer assesses
/// still puts the crisis resources first.
pub fn urgent(answers: &BTreeMap<String, String>) -> bool {
    let own = answers::of_instrument(answers, &phq9::PHQ9);
    phq9::PHQ9
        .item("q9")
        .is_some_and(|item| answers::item_score(&own, item) > 0)
}

/// Scores every instrument and the plain questions and gives the guidance.
///
/// Keys that are not answers of the screen are ignored (a form also carries its CSRF token);
/// callers wanting an exact set check [`unknown_keys`] too. Every missing or unknown answer
/// gets a message at its key, and then there is no result at all.
pub fn assess(answers: &BTreeMap<String, String>) -> Result<Assessment, FieldErrors> {
    let mut errors = FieldErrors::new();
    let sex = answers::sex(answers, &mut errors);
    let mut scores = Vec::with_capacity(crate::instruments::ALL.len());
    for instrument in crate::instruments::ALL {
        match score(
            instrument,
            &answers::of_instrument(answers, instrument),
            sex,
        ) {
            Ok(scored) => scores.push(scored),
            Err(item_errors) => {
                for (item, message) in item_errors.0 {
                    errors.add(&format!("{}.{item}", instrument.code), message);
                }
            }
        }
    }
    let mut plain = [0; 5];
    for (slot, question) in plain.iter_mut().zip(QUESTIONS) {
        *slot = answers::plain(answers, question, &mut errors);
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let total = |code: &str| {
        scores
            .iter()
            .find(|s| s.instrument == code)
            .map(|s| s.total)
    };
    let item = |instrument: &Instrument, code: &str| {
        let own = answers::of_instrument(answers, instrument);
        instrument
            .item(code)
            .map_or(0, |item| answers::item_score(&own, item))
    };
    let [keep_up, housing, withdrawal, hospital, treatment] = plain;
    let facts = Facts {
        phq9: total(phq9::PHQ9.code).unwrap_or(0),
        phq9_item9: item(&phq9::PHQ9, "q9"),
        gad7: total(gad7::GAD7.code).unwrap_or(0),
        audit_c: total(audit_c::AUDIT_C.code).unwrap_or(0),
        audit_c_positive: positive(&scores, audit_c::AUDIT_C.code),
        taps_alcohol: item(&taps::TAPS, "alcohol"),
        taps_drugs: item(&taps::TAPS, "drugs"),
        taps_prescription: item(&taps::TAPS, "prescription"),
        keep_up,
        housing,
        withdrawal,
        hospital,
        treatment,
    };
    Ok(assessment(&facts, scores, sex))
}

fn positive(scores: &[Scored], code: &str) -> bool {
    scores
        .iter()
        .any(|s| s.instrument == code && s.positive == Some(true))
}

/// The result for these facts: urgency, guidance and reasons, focus for the directory.
fn assessment(
    facts: &Facts,
    scores: Vec<Scored>,
    sex: Option<crate::instruments::Sex>,
) -> Assessment {
    let urgent = facts.thoughts_of_death_or_self_harm();
    let (guidance, reasons) = rules::guide(facts);
    let focus: Vec<FocusArea> = [
        (FocusArea::Depression, facts.depression()),
        (FocusArea::Anxiety, facts.anxiety()),
        (FocusArea::AlcoholUse, facts.alcohol()),
        (FocusArea::SubstanceUse, facts.drugs()),
    ]
    .into_iter()
    .filter_map(|(area, yes)| yes.then_some(area))
    .collect();
    let directory_link = format!("/find?{}", assessment::directory_query(guidance, &focus));
    Assessment {
        urgent,
        crisis_resources: if urgent {
            US_CRISIS_RESOURCES.to_vec()
        } else {
            Vec::new()
        },
        guidance,
        guidance_label: crate::fields::Choice::label(guidance),
        guidance_explanation: guidance.explanation(),
        reasons: reasons.into_iter().map(str::to_owned).collect(),
        scores,
        sex,
        focus,
        directory_link,
        disclaimer: NOT_A_DIAGNOSIS,
    }
}
