//! Raw input of a request to join and of a staff step, and their parsing.

use std::collections::BTreeMap;

use super::{check_answers, IntakeAction};
use crate::fields::{choice, optional_text, required_text};
use crate::{Error, FieldErrors};

pub const NAME_MAX: usize = 80;
pub const CONTACT_MAX: usize = 200;
pub const AVAILABILITY_MAX: usize = 500;
pub const REFERRAL_MAX: usize = 500;
pub const MESSAGE_MAX: usize = 1000;
pub const NOTE_MAX: usize = 500;

/// A request to join, as typed into the form or sent to the API.
#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct RequestInput {
    /// Name or pseudonym.
    #[serde(default)]
    pub name: String,
    /// How to reach you.
    #[serde(default)]
    pub contact: String,
    /// When you could come (days, times).
    #[serde(default)]
    pub availability: String,
    /// Self-screening answers to attach, keyed like `phq-9.q1`; leave out to attach none.
    #[serde(default)]
    pub screening: Option<BTreeMap<String, String>>,
}

/// A request that parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestSpec {
    pub name: String,
    pub contact: String,
    pub availability: String,
    pub screening: Option<BTreeMap<String, String>>,
}

pub fn parse_request(input: &RequestInput) -> Result<RequestSpec, Error> {
    let mut errors = FieldErrors::new();
    let name = required_text(&mut errors, "name", &input.name, NAME_MAX);
    let contact = required_text(&mut errors, "contact", &input.contact, CONTACT_MAX);
    let availability = optional_text(
        &mut errors,
        "availability",
        &input.availability,
        AVAILABILITY_MAX,
    );
    let screening = match &input.screening {
        Some(answers) if !answers.is_empty() => match check_answers(answers) {
            Ok(()) => Some(answers.clone()),
            Err(problems) => {
                for (field, message) in problems.0 {
                    errors.add(&field, message);
                }
                None
            }
        },
        _ => None,
    };
    errors.into_result(RequestSpec {
        name,
        contact,
        availability,
        screening,
    })
}

/// A staff step on a request, as chosen on the request page or sent to the API.
#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct TransitionInput {
    /// `contacted`, `accept`, `refer` or `decline`.
    #[serde(default)]
    pub action: String,
    /// Where the person is referred (required to refer).
    #[serde(default)]
    pub referral: String,
    /// The message the person reads (required to decline).
    #[serde(default)]
    pub message: String,
    /// Why, for the request's history (optional).
    #[serde(default)]
    pub note: String,
}

/// A staff step that parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub action: IntakeAction,
    pub referral: String,
    pub message: String,
    pub note: String,
}

pub fn parse_step(input: &TransitionInput) -> Result<Step, Error> {
    let mut errors = FieldErrors::new();
    let action: Option<IntakeAction> = choice(&mut errors, "action", &input.action);
    if action == Some(IntakeAction::Submitted) {
        errors.add(
            "action",
            "Choose contacted, accept, refer or decline; a request is sent only once.",
        );
    }
    let referral = if action == Some(IntakeAction::Refer) {
        let text = input.referral.trim();
        if text.is_empty() {
            errors.add("referral", "Say where the person is referred.");
        }
        optional_text(&mut errors, "referral", text, REFERRAL_MAX)
    } else {
        String::new()
    };
    let message = if action == Some(IntakeAction::Decline) {
        let text = input.message.trim();
        if text.is_empty() {
            errors.add(
                "message",
                "Write a message to the person: they read it on their dashboard.",
            );
        }
        optional_text(&mut errors, "message", text, MESSAGE_MAX)
    } else {
        String::new()
    };
    let note = optional_text(&mut errors, "note", &input.note, NOTE_MAX);
    let Some(action) = action else {
        return Err(Error::Invalid(errors));
    };
    errors.into_result(Step {
        action,
        referral,
        message,
        note,
    })
}
