//! The anonymous self-screen as JSON: answers in, guidance out. Nothing is stored and the
//! answers are never logged.

use std::collections::BTreeMap;

use axum::response::{IntoResponse, Response};
use axum::Json;
use kindred_domain::fields::lenient_string;
use kindred_domain::screening::{self, Assessment, CrisisResource};
use kindred_domain::{Error, FieldErrors};

use super::error::error_response;
use super::ApiErrorBody;
use crate::http::{AppError, PublicJson};

/// One answer: the code of a choice, as text or a number (`"2"` or `2`).
#[derive(serde::Deserialize)]
pub struct AnswerValue(#[serde(deserialize_with = "lenient_string")] String);

/// Scores a complete self-screen and gives level-of-care guidance with its reasons.
///
/// The body is one object: `"<instrument>.<item>"` keys (`"phq-9.q1"` … `"taps-1.prescription"`),
/// the plain questions (`keep_up`, `housing`, `withdrawal`, `hospital`, `treatment`) and an
/// optional `sex` (`female`, `male`). Each value is the code of one of the item's choices.
/// Every missing, unknown or out-of-range answer is named in a 422; there is no partial
/// result. When `urgent` is true, `crisis_resources` come first: show them before anything.
#[utoipa::path(post, path = "/api/v1/screening", tag = "public",
    request_body(content = BTreeMap<String, String>,
        example = json!({"phq-9.q1": "1", "phq-9.q9": "0", "gad-7.q1": "2", "sex": "female", "keep_up": "yes"})),
    responses((status = 200, body = Assessment), (status = 422, body = ApiErrorBody)))]
pub async fn assess(PublicJson(body): PublicJson<BTreeMap<String, AnswerValue>>) -> Response {
    let answers: BTreeMap<String, String> = body.into_iter().map(|(k, v)| (k, v.0)).collect();
    let mut errors = screening::unknown_keys(&answers);
    match screening::assess(&answers) {
        Ok(assessment) if errors.is_empty() => Json(assessment).into_response(),
        Ok(_) => incomplete(&answers, errors),
        Err(missing) => {
            for (key, message) in missing.0 {
                errors.add(&key, message);
            }
            incomplete(&answers, errors)
        }
    }
}

/// The 422 naming each item. When item 9 already signals risk, the crisis resources come
/// first in it, although there is no result.
fn incomplete(answers: &BTreeMap<String, String>, errors: FieldErrors) -> Response {
    let error = AppError::from(Error::Invalid(errors));
    if !screening::urgent(answers) {
        return error_response(error);
    }
    let problem = error.problem();
    let body = UrgentErrorBody {
        urgent: true,
        crisis_resources: screening::US_CRISIS_RESOURCES,
        error: problem.message,
        errors: problem.fields.0,
    };
    (problem.status, Json(body)).into_response()
}

/// An incomplete screen whose item 9 is above 0: help first, then what is missing.
#[derive(serde::Serialize)]
struct UrgentErrorBody {
    urgent: bool,
    crisis_resources: &'static [CrisisResource],
    error: String,
    errors: BTreeMap<String, String>,
}
