//! A submitted attendance sheet, from the HTML form or the API.

use std::collections::BTreeMap;

use super::rules::{status_key, Exception};
use super::AttendanceStatus;
use crate::fields::{choice, lenient_string, optional_text};
use crate::ids::AccountId;
use crate::FieldErrors;

/// A session's attendance, as ticked on the sheet or sent to the API.
///
/// - `everyone`: the status of every member who has no mark yet and no line of their own
///   (`""` = present). Members who already have a mark keep it unless their line changes it.
/// - HTML form: one pair of fields per member, `status.<account_id>` (a status code, or `""`
///   for "as everyone / unchanged") and `minutes.<account_id>` (`""` = the default). Other
///   fields (the CSRF token, the button) are ignored.
/// - JSON: `marks`, a list of `{ "account_id", "status", "minutes" }` (minutes as a number
///   or text), for the members whose mark differs from `everyone`.
/// - `reason`: kept with every change in the log; required for a correction after the lock.
///
/// Errors come back at `everyone`, `reason`, `session`, `status.<account_id>` and
/// `minutes.<account_id>`, whichever way the sheet was sent.
#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct AttendanceSheetInput {
    #[serde(default)]
    pub everyone: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub marks: Vec<MarkInput>,
    /// The form's `status.<account_id>` and `minutes.<account_id>` fields.
    #[serde(flatten)]
    #[schema(value_type = BTreeMap<String, String>)]
    pub fields: BTreeMap<String, FieldText>,
}

/// One member's line of the sheet in JSON.
#[derive(Debug, Default, Clone, PartialEq, serde::Deserialize, utoipa::ToSchema)]
pub struct MarkInput {
    #[serde(default)]
    pub account_id: String,
    /// A status code; `""` keeps the member's mark (or uses `everyone`).
    #[serde(default)]
    pub status: String,
    /// Minutes the member was there; empty for the default.
    #[serde(default, deserialize_with = "lenient_string")]
    #[schema(value_type = Option<i32>)]
    pub minutes: String,
}

/// A form field's text; JSON numbers and booleans are read as text too.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FieldText(pub String);

impl<'de> serde::Deserialize<'de> for FieldText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        lenient_string(d).map(FieldText)
    }
}

/// The parsed sheet: what `rules::mark` needs besides who submits it.
#[derive(Debug, Clone)]
pub struct ParsedSheet {
    pub everyone: AttendanceStatus,
    pub reason: String,
    pub exceptions: Vec<Exception>,
    pub errors: FieldErrors,
}

const NOT_A_MEMBER: &str = "This is not one of the session's members.";

impl AttendanceSheetInput {
    /// Reads the sheet's fields; what is wrong is kept in `errors`, reported with the rest.
    pub fn parse(self) -> ParsedSheet {
        let mut errors = FieldErrors::new();
        let everyone = if self.everyone.trim().is_empty() {
            AttendanceStatus::Present
        } else {
            choice(&mut errors, "everyone", &self.everyone).unwrap_or(AttendanceStatus::Present)
        };
        let reason = optional_text(&mut errors, "reason", &self.reason, 500);
        // Lines by account id as sent; the form's fields first, then the JSON list.
        let mut lines: BTreeMap<String, (String, String)> = BTreeMap::new();
        for (name, FieldText(value)) in self.fields {
            if let Some(key) = name.strip_prefix("status.") {
                lines.entry(key.trim().to_owned()).or_default().0 = value;
            } else if let Some(key) = name.strip_prefix("minutes.") {
                lines.entry(key.trim().to_owned()).or_default().1 = value;
            }
        }
        for mark in self.marks {
            lines.insert(
                mark.account_id.trim().to_owned(),
                (mark.status, mark.minutes),
            );
        }
        let mut exceptions = Vec::new();
        for (key, (status, minutes)) in lines {
            if status.trim().is_empty() && minutes.trim().is_empty() {
                continue;
            }
            let account = key.parse::<AccountId>().ok();
            if account.is_none() {
                errors.add(&status_key(&key), NOT_A_MEMBER);
            }
            let status = if status.trim().is_empty() {
                None
            } else {
                choice(&mut errors, &status_key(&key), &status)
            };
            exceptions.push(Exception {
                key,
                account,
                status,
                minutes,
            });
        }
        ParsedSheet {
            everyone,
            reason,
            exceptions,
            errors,
        }
    }
}
