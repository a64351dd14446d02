//! A self-screening attached to a request: stored as the answers the person gave, so it
//! can be scored again with the current rules whenever it is shown.
//!
//! Until the screening capability's `screening::assess` is in, the answers are kept
//! opaque: [`check_answers`] only bounds their shape, and [`review`] lists them. Both are
//! the one place to switch to validating and re-assessing.

use std::collections::BTreeMap;

use crate::FieldErrors;

/// No screening has more items than this.
pub const MAX_ANSWERS: usize = 80;
const MAX_KEY: usize = 40;
const MAX_VALUE: usize = 40;

/// Checks that attached answers look like answers: a bounded number of short keys of
/// `a-z`, digits, `.`, `-` and `_`, each with a short value.
pub fn check_answers(answers: &BTreeMap<String, String>) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    if answers.len() > MAX_ANSWERS {
        errors.add(
            "screening",
            format!("A screening has at most {MAX_ANSWERS} answers."),
        );
    }
    for (key, value) in answers {
        let key_ok = !key.is_empty()
            && key.chars().count() <= MAX_KEY
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c));
        if !key_ok {
            errors.add("screening", "The screening answers could not be read.");
        } else if value.chars().count() > MAX_VALUE || value.chars().any(char::is_control) {
            errors.add(key, "This answer could not be read.");
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
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
    pub answers: Vec<ScreeningAnswer>,
}

/// What staff see of an attached screening.
pub fn review(answers: &BTreeMap<String, String>) -> AttachedScreening {
    AttachedScreening {
        answers: answers
            .iter()
            .map(|(item, answer)| ScreeningAnswer {
                item: item.clone(),
                answer: answer.clone(),
            })
            .collect(),
    }
}
