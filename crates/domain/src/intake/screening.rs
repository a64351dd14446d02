//! A self-screening attached to a request: stored as the answers the person gave, and
//! assessed again with the current rules (`screening::assess`) whenever it is shown, so
//! staff always read it as the screen itself would.

use std::collections::BTreeMap;

use crate::screening::{self, Assessment};
use crate::FieldErrors;

/// No screen has more answers than this; a bigger map is not a screening.
pub const MAX_ANSWERS: usize = 80;

/// Checks attached answers: every key is an answer of the screen and the set is complete
/// and in range (the screen gives no partial result, so neither is one attached). Problems
/// are named at `screening` and at `screening.<answer key>`.
pub fn check_answers(answers: &BTreeMap<String, String>) -> Result<(), FieldErrors> {
    let mut problems = FieldErrors::new();
    if answers.len() > MAX_ANSWERS {
        problems.add(
            "screening",
            format!("A screening has at most {MAX_ANSWERS} answers."),
        );
        return Err(problems);
    }
    let unknown = screening::unknown_keys(answers);
    let incomplete = screening::assess(answers).err().unwrap_or_default();
    if unknown.is_empty() && incomplete.is_empty() {
        return Ok(());
    }
    problems.add(
        "screening",
        "The attached screening is not complete. Take the screen again, or send the request \
         without it.",
    );
    for (key, message) in unknown.0.into_iter().chain(incomplete.0) {
        let key: String = key.chars().take(40).collect();
        problems.add(&format!("screening.{key}"), message);
    }
    Err(problems)
}

/// The answers of the screen among a form's fields (a form also carries its own fields).
pub fn answers_among(fields: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    screening::answers_only(fields)
}

/// One attached answer as staff see it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct ScreeningAnswer {
    pub item: String,
    pub answer: String,
}

/// An attached screening as shown with the request: a screening result, not a diagnosis.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct AttachedScreening {
    /// The result, assessed now with the current rules; `None` if the stored answers no
    /// longer make a complete screen (a question was added since).
    pub assessment: Option<Assessment>,
    pub answers: Vec<ScreeningAnswer>,
}

/// What staff see of an attached screening.
pub fn review(answers: &BTreeMap<String, String>) -> AttachedScreening {
    AttachedScreening {
        assessment: screening::assess(answers).ok(),
        answers: answers
            .iter()
            .map(|(item, answer)| ScreeningAnswer {
                item: item.clone(),
                answer: answer.clone(),
            })
            .collect(),
    }
}
