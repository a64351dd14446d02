//! The combined answer set: one flat map of answer keys to answer codes, the same in a
//! form post, the JSON API and a stored request.
//!
//! - `"<instrument code>.<item code>"` for each item of each instrument (`"phq-9.q9"`);
//! - each plain question's code (`"keep_up"`, `"housing"`, …);
//! - `"sex"`, optional: `"female"`, `"male"` or empty; only AUDIT-C's cutoff depends on it.

use std::collections::BTreeMap;

use super::questions::QUESTIONS;
use crate::fields::Choice as _;
use crate::instruments::{self, Instrument, Item, Sex};
use crate::FieldErrors;

/// The key of the optional sex answer.
pub const SEX: &str = "sex";

/// The key of one instrument item's answer, e.g. `"phq-9.q9"`.
pub fn key(instrument: &Instrument, item: &Item) -> String {
    format!("{}.{}", instrument.code, item.code)
}

/// Every key that must be answered, in the order the screen asks them.
pub fn required_keys() -> Vec<String> {
    let items = instruments::ALL
        .iter()
        .flat_map(|i| i.items.iter().map(move |item| key(i, item)));
    items
        .chain(QUESTIONS.iter().map(|q| q.code.to_owned()))
        .collect()
}

/// Whether `key` names an answer of the screen (sex included).
pub fn is_answer_key(key: &str) -> bool {
    key == SEX || required_keys().iter().any(|k| k == key)
}

/// The answers of the screen only, without other fields a form carries (a CSRF token, the
/// group): what a request to join attaches.
pub fn answers_only(fields: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    fields
        .iter()
        .filter(|(k, _)| is_answer_key(k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// Messages for keys that are not answers of the screen, for callers that want an exact
/// answer set (the JSON API).
pub fn unknown_keys(fields: &BTreeMap<String, String>) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for key in fields.keys().filter(|k| !is_answer_key(k)) {
        errors.add(key, "This is not a question of the screen.");
    }
    errors
}

/// The optional sex: empty is "not given".
pub(super) fn sex(fields: &BTreeMap<String, String>, errors: &mut FieldErrors) -> Option<Sex> {
    let raw = fields.get(SEX).map_or("", |v| v.trim());
    if raw.is_empty() {
        return None;
    }
    let sex = Sex::from_code(raw);
    if sex.is_none() {
        errors.add(SEX, "Choose female or male, or leave this empty.");
    }
    sex
}

/// One instrument's answers, keyed by item code.
pub(super) fn of_instrument(
    fields: &BTreeMap<String, String>,
    instrument: &Instrument,
) -> BTreeMap<String, String> {
    let prefix = format!("{}.", instrument.code);
    fields
        .iter()
        .filter_map(|(k, v)| {
            k.strip_prefix(&prefix)
                .map(|item| (item.to_owned(), v.clone()))
        })
        .collect()
}

/// The score of a plain question's answer; a message at its code when missing or unknown
/// (the same words as the instruments use).
pub(super) fn plain(
    fields: &BTreeMap<String, String>,
    question: &Item,
    errors: &mut FieldErrors,
) -> i32 {
    let answer = fields.get(question.code).map_or("", |a| a.trim());
    if answer.is_empty() {
        errors.add(question.code, "Answer this question.");
        return 0;
    }
    match question.option(answer) {
        Some(choice) => choice.score,
        None => {
            errors.add(question.code, "Choose one of the answers given.");
            0
        }
    }
}

/// The score of an item already known to be answered validly (0 otherwise).
pub(super) fn item_score(answers: &BTreeMap<String, String>, item: &Item) -> i32 {
    answers
        .get(item.code)
        .and_then(|a| item.option(a.trim()))
        .map_or(0, |c| c.score)
}
