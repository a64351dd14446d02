//! What a facilitator sends for a group note (the one-screen form, or JSON), and how it is
//! read: leniently for a draft, strictly for signing.

use std::collections::BTreeMap;

use super::{RiskLevel, SharedPart};
use crate::fields::{choice, lenient_string, optional_text, required_text};
use crate::ids::AccountId;
use crate::{Error, FieldErrors};

/// Longest text of one field: a long note, not a document.
const MAX_FIELD: usize = 8_000;

/// A group note as sent. Member sections are keyed by the member's account id.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct NoteInput {
    #[serde(default, deserialize_with = "lenient_string")]
    pub topic: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub techniques: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub themes: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub observations: String,
    #[serde(default)]
    pub members: Vec<MemberInput>,
}

/// One attending member's section as sent.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct MemberInput {
    #[serde(deserialize_with = "lenient_string")]
    pub member_id: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub data: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub assessment: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub plan: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub response: String,
    /// `none`, `low`, `moderate` or `high`.
    #[serde(default, deserialize_with = "lenient_string")]
    pub risk_level: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub risk_notes: String,
}

/// An addendum as sent.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct AddendumInput {
    #[serde(default, deserialize_with = "lenient_string")]
    pub body: String,
}

impl AddendumInput {
    pub(crate) fn parse(&self) -> Result<String, Error> {
        let mut errors = FieldErrors::new();
        let body = required_text(&mut errors, "body", &self.body, MAX_FIELD);
        errors.into_result(body)
    }
}

/// A section read from input, before it is matched to the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SectionText {
    pub member_id: AccountId,
    pub data: String,
    pub assessment: String,
    pub plan: String,
    pub response: String,
    pub risk_level: Option<RiskLevel>,
    pub risk_notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NoteText {
    pub shared: SharedPart,
    pub sections: Vec<SectionText>,
}

/// The form field (and error key) of one member's field: `member.<id>.<field>`.
pub fn member_field(member: &str, field: &str) -> String {
    format!("member.{member}.{field}")
}

impl NoteInput {
    /// Builds the input from the one-screen form's fields: the shared ones by name and the
    /// sections from `member.<id>.<field>`, in the order the members first appear.
    pub fn from_form(pairs: &[(String, String)]) -> Self {
        let mut input = NoteInput::default();
        let mut order: Vec<String> = Vec::new();
        let mut sections: BTreeMap<String, MemberInput> = BTreeMap::new();
        for (key, value) in pairs {
            match key.as_str() {
                "topic" => input.topic = value.clone(),
                "techniques" => input.techniques = value.clone(),
                "themes" => input.themes = value.clone(),
                "observations" => input.observations = value.clone(),
                _ => {
                    let Some((member, field)) = key
                        .strip_prefix("member.")
                        .and_then(|rest| rest.rsplit_once('.'))
                    else {
                        continue;
                    };
                    if !sections.contains_key(member) {
                        order.push(member.to_owned());
                    }
                    let section =
                        sections
                            .entry(member.to_owned())
                            .or_insert_with(|| MemberInput {
                                member_id: member.to_owned(),
                                ..MemberInput::default()
                            });
                    let slot = match field {
                        "data" => &mut section.data,
                        "assessment" => &mut section.assessment,
                        "plan" => &mut section.plan,
                        "response" => &mut section.response,
                        "risk_level" => &mut section.risk_level,
                        "risk_notes" => &mut section.risk_notes,
                        _ => continue,
                    };
                    *slot = value.clone();
                }
            }
        }
        input.members = order
            .into_iter()
            .filter_map(|m| sections.remove(&m))
            .collect();
        input
    }

    /// Reads the note. For signing (`complete`) every field but the observations is
    /// required, and the risk notes too once a risk is recorded; a draft may leave any
    /// field empty. Limits and member ids hold either way.
    pub(crate) fn parse(&self, complete: bool) -> Result<NoteText, Error> {
        let mut errors = FieldErrors::new();
        let text = |errors: &mut FieldErrors, field: &str, raw: &str| {
            if complete {
                required_text(errors, field, raw, MAX_FIELD)
            } else {
                optional_text(errors, field, raw, MAX_FIELD)
            }
        };
        let shared = SharedPart {
            topic: text(&mut errors, "topic", &self.topic),
            techniques: text(&mut errors, "techniques", &self.techniques),
            themes: text(&mut errors, "themes", &self.themes),
            observations: optional_text(&mut errors, "observations", &self.observations, MAX_FIELD),
        };
        let mut sections: Vec<SectionText> = Vec::new();
        for member in &self.members {
            let raw_id = member.member_id.trim();
            let Ok(member_id) = raw_id.parse::<AccountId>() else {
                errors.add(
                    "members",
                    format!(
                        "\"{}\" is not a member id.",
                        raw_id.chars().take(40).collect::<String>()
                    ),
                );
                continue;
            };
            if sections.iter().any(|s| s.member_id == member_id) {
                errors.add("members", format!("Member {member_id} has two sections."));
                continue;
            }
            let key = |field: &str| member_field(raw_id, field);
            let risk_level = if complete || !member.risk_level.trim().is_empty() {
                choice::<RiskLevel>(&mut errors, &key("risk_level"), &member.risk_level)
            } else {
                None
            };
            let risk_notes = match risk_level {
                Some(level) if complete && level != RiskLevel::NoneObserved => {
                    if member.risk_notes.trim().is_empty() {
                        errors.add(
                            &key("risk_notes"),
                            "Describe the risk you observed and what was done about it.",
                        );
                    }
                    optional_text(
                        &mut errors,
                        &key("risk_notes"),
                        &member.risk_notes,
                        MAX_FIELD,
                    )
                }
                _ => optional_text(
                    &mut errors,
                    &key("risk_notes"),
                    &member.risk_notes,
                    MAX_FIELD,
                ),
            };
            sections.push(SectionText {
                member_id,
                data: text(&mut errors, &key("data"), &member.data),
                assessment: text(&mut errors, &key("assessment"), &member.assessment),
                plan: text(&mut errors, &key("plan"), &member.plan),
                response: text(&mut errors, &key("response"), &member.response),
                risk_level,
                risk_notes,
            });
        }
        errors.into_result(NoteText { shared, sections })
    }
}
