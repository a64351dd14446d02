use chrono::{DateTime, Utc};

use crate::ids::{AccountId, AlertId, GroupId, OrgId, SessionId};
use crate::{Error, FieldErrors};

/// Longest acknowledgement note, in characters.
pub const NOTE_MAX: usize = 1_000;

/// What raised an alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AlertSource {
    /// Crisis language in a message of a session's room.
    RoomMessage,
}

impl AlertSource {
    pub fn code(self) -> &'static str {
        match self {
            AlertSource::RoomMessage => "room_message",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        (code == "room_message").then_some(AlertSource::RoomMessage)
    }
}

/// Who acknowledged an alert, when, and what they did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Acknowledgement {
    #[schema(value_type = String)]
    pub by: AccountId,
    pub by_name: String,
    pub at: DateTime<Utc>,
    /// What they did ("called the member, safe at home"); may be empty.
    pub note: String,
}

/// An alert as stored and shown.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Alert {
    #[schema(value_type = String)]
    pub id: AlertId,
    #[schema(value_type = String)]
    pub org_id: OrgId,
    #[schema(value_type = String)]
    pub group_id: GroupId,
    pub group_name: String,
    /// The group's time zone, in which its times are shown.
    #[schema(value_type = String, example = "America/New_York")]
    pub time_zone: chrono_tz::Tz,
    #[schema(value_type = Option<String>)]
    pub session_id: Option<SessionId>,
    #[schema(value_type = String)]
    pub member_id: AccountId,
    /// The member's name in the group.
    pub member_name: String,
    pub source: AlertSource,
    /// The room message that raised it, by its number in the room.
    pub message_seq: Option<i64>,
    /// The kind of statement, as a code (`suicidal_ideation`, …) and in words.
    pub category: String,
    pub category_label: String,
    pub raised_at: DateTime<Utc>,
    pub acknowledged: Option<Acknowledgement>,
}

/// The words for a stored category code.
pub fn category_label(source: AlertSource, code: &str) -> String {
    match source {
        AlertSource::RoomMessage => crate::crisis_language::Category::from_code(code)
            .map_or_else(|| code.to_owned(), |c| c.label().to_owned()),
    }
}

/// An alert to raise.
#[derive(Debug, Clone)]
pub struct NewAlert {
    pub org_id: OrgId,
    pub group_id: GroupId,
    pub session_id: Option<SessionId>,
    pub member_id: AccountId,
    pub source: AlertSource,
    pub message_seq: Option<i64>,
    pub category: &'static str,
}

/// What the person acknowledging says they did.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct AcknowledgeInput {
    #[serde(default)]
    pub note: String,
}

impl AcknowledgeInput {
    pub fn parse(&self) -> Result<String, Error> {
        let note = self.note.trim();
        if note.chars().count() > NOTE_MAX {
            return Err(Error::Invalid(FieldErrors::single(
                "note",
                format!("Keep the note to {NOTE_MAX} characters."),
            )));
        }
        Ok(note.to_owned())
    }
}
