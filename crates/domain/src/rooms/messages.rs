//! Chat messages of a room. Each is stored with the room's next sequence number before it is
//! sent to anyone; the sender's own message id makes a retry store nothing twice.

use chrono::{DateTime, Utc};

use crate::ids::{AccountId, RoomMessageId, SessionId};
use crate::{Error, FieldErrors};

/// Longest message, in characters: a few paragraphs. Frames are limited in bytes too.
pub const MESSAGE_MAX: usize = 2_000;
/// Longest message id a client may choose.
pub const CLIENT_ID_MAX: usize = 64;
/// Longest reason for hiding a message.
pub const REASON_MAX: usize = 300;

/// A message as stored and delivered.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct ChatMessage {
    pub id: RoomMessageId,
    pub session_id: SessionId,
    /// 1, 2, 3, … in the room, with no gaps: a client that knows the last one it saw
    /// asks for those after it.
    pub seq: i64,
    /// The sender's own id for the message: sending it again stores nothing new.
    pub client_id: String,
    pub author_id: AccountId,
    /// The name the author uses in the group (never a legal name).
    pub author_name: String,
    /// Empty when the message is hidden (to everyone but who hid it, in the audit trail).
    pub body: String,
    pub sent_at: DateTime<Utc>,
    pub hidden: Option<Hidden>,
}

/// A facilitator hid the message, with a reason the room sees.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Hidden {
    pub by: AccountId,
    pub reason: String,
    pub at: DateTime<Utc>,
}

/// A message to store; the store gives it its sequence number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMessage {
    pub id: RoomMessageId,
    pub session_id: SessionId,
    pub client_id: String,
    pub author_id: AccountId,
    pub body: String,
    pub sent_at: DateTime<Utc>,
}

/// What a client sends: its own id for the message and the text.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct MessageInput {
    pub client_id: String,
    pub body: String,
}

impl MessageInput {
    /// The client id and the text, trimmed; every problem at once.
    pub fn parse(&self) -> Result<(String, String), Error> {
        let mut errors = FieldErrors::new();
        let client_id = self.client_id.trim();
        if client_id.is_empty()
            || client_id.len() > CLIENT_ID_MAX
            || !client_id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            errors.add(
                "client_id",
                format!("Give each message an id of 1 to {CLIENT_ID_MAX} letters, digits, - or _."),
            );
        }
        let body = self.body.trim();
        if body.is_empty() {
            errors.add("body", "Write a message first.");
        } else if body.chars().count() > MESSAGE_MAX {
            errors.add(
                "body",
                format!("Keep a message to {MESSAGE_MAX} characters; send the rest next."),
            );
        }
        errors.into_result((client_id.to_owned(), body.to_owned()))
    }
}

/// A facilitator's reason for hiding a message, trimmed.
pub fn hide_reason(raw: &str) -> Result<String, Error> {
    let reason = raw.trim();
    if reason.is_empty() {
        return Err(Error::invalid(
            "reason",
            "Say why the message is hidden; the room sees the reason.",
        ));
    }
    if reason.chars().count() > REASON_MAX {
        return Err(Error::invalid(
            "reason",
            format!("Use at most {REASON_MAX} characters."),
        ));
    }
    Ok(reason.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_needs_an_id_of_its_own_and_some_text() {
        let input = |client_id: &str, body: &str| MessageInput {
            client_id: client_id.into(),
            body: body.into(),
        };
        assert_eq!(
            input(" m-1 ", " hello ").parse().ok(),
            Some(("m-1".to_owned(), "hello".to_owned()))
        );
        for bad_id in ["", "has space", "é", &"x".repeat(65)] {
            assert!(
                matches!(input(bad_id, "hi").parse(), Err(Error::Invalid(e)) if e.get("client_id").is_some()),
                "{bad_id:?}"
            );
        }
        assert!(
            matches!(input("m", "  ").parse(), Err(Error::Invalid(e)) if e.get("body").is_some())
        );
        let long = "é".repeat(MESSAGE_MAX + 1);
        assert!(
            matches!(input("m", &long).parse(), Err(Error::Invalid(e)) if e.get("body").is_some())
        );
        assert!(input("m", &"é".repeat(MESSAGE_MAX)).parse().is_ok());
    }

    #[test]
    fn hiding_needs_a_reason() {
        assert!(hide_reason("  ").is_err());
        assert!(hide_reason(&"x".repeat(REASON_MAX + 1)).is_err());
        assert_eq!(
            hide_reason(" Shared a phone number ").ok().as_deref(),
            Some("Shared a phone number")
        );
    }
}
