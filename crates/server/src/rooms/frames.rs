//! What travels over a room's websocket: JSON text frames with a `type`. A client sends
//! [`ClientFrame`]s; the server sends [`ServerFrame`]s. A frame that cannot be read gets an
//! `error` frame back and changes nothing; the connection stays open.

use chrono::{DateTime, Utc};
use kindred_domain::alerts::Alert;
use kindred_domain::ids::{AlertId, SessionPlanItemId};
use kindred_domain::rooms::{ChatMessage, Command, Event, Present, Snapshot};
use kindred_domain::screening::CrisisResource;
use serde::Deserialize;

/// What a client asks for, besides the room's own [`Command`]s.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Action {
    /// A chat message; `client_id` is the client's own id for it (retries are safe).
    Say { client_id: String, body: String },
    /// Facilitator: hides message `seq` with a reason the room sees.
    Hide { seq: i64, reason: String },
    /// Facilitator: starts a guided exercise of the session plan.
    StartExercise { item_id: SessionPlanItemId },
    /// Facilitator: acknowledges a safety alert, saying what they did.
    AcknowledgeAlert {
        alert_id: AlertId,
        #[serde(default)]
        note: String,
    },
}

#[derive(Debug, Clone)]
pub enum ClientFrame {
    Action(Action),
    Command(Command),
}

/// The `type`s that are [`Action`]s; every other type is read as a [`Command`].
const ACTIONS: &[&str] = &["say", "hide", "start_exercise", "acknowledge_alert"];

/// Reads one text frame.
pub fn parse(text: &str) -> Result<ClientFrame, String> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|_| "A frame is one JSON object with a \"type\".".to_owned())?;
    let kind = value
        .get("type")
        .and_then(serde_json::Value::as_str)
        .ok_or_else(|| "A frame is one JSON object with a \"type\".".to_owned())?;
    let unreadable = |e: serde_json::Error| format!("A \"{kind}\" frame could not be read: {e}.");
    if ACTIONS.contains(&kind) {
        Action::deserialize(&value)
            .map(ClientFrame::Action)
            .map_err(unreadable)
    } else {
        Command::deserialize(&value)
            .map(ClientFrame::Command)
            .map_err(|e| {
                if e.to_string().starts_with("unknown variant") {
                    format!("There is no \"{kind}\" frame.")
                } else {
                    unreadable(e)
                }
            })
    }
}

/// What the server sends.
#[derive(Debug, serde::Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerFrame<'a> {
    /// First frame of a connection, and again after the client fell behind: who you are
    /// and the room as it is now. Messages follow as `message` frames.
    Welcome {
        you: &'a Present,
        room: &'a Snapshot,
        server_time: DateTime<Utc>,
    },
    /// A chat message: new (its `seq` is the next), or changed (hidden) when `seq` was
    /// seen before; the client replaces it then.
    Message {
        message: &'a ChatMessage,
    },
    Event {
        event: &'a Event,
    },
    /// A frame or a request was refused; nothing changed. `field` names the input at fault.
    Error {
        code: &'a str,
        message: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        field: Option<&'a str>,
    },
    /// Too many messages at once: the next one may go after this many milliseconds.
    RateLimited {
        retry_after_ms: i64,
        message: &'a str,
    },
    /// Only to the author of a message that read as a crisis: help, now.
    CrisisResources {
        message: &'a str,
        resources: &'a [CrisisResource],
    },
    /// To facilitators only: a safety alert raised in this room, or its acknowledgement.
    Alert {
        alert: &'a Alert,
    },
    /// The server closes the connection after this frame; `reconnect` says whether
    /// trying again makes sense (a restart) or not (removed, the room ended).
    Closing {
        reason: &'a str,
        reconnect: bool,
    },
}

impl ServerFrame<'_> {
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| {
            r#"{"type":"error","code":"internal","message":"A frame could not be written."}"#
                .to_owned()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_are_read_by_their_type_and_bad_ones_are_named() {
        assert!(matches!(
            parse(r#"{"type":"say","client_id":"a1","body":"hello"}"#),
            Ok(ClientFrame::Action(Action::Say { .. }))
        ));
        assert!(matches!(
            parse(r#"{"type":"raise_hand"}"#),
            Ok(ClientFrame::Command(Command::RaiseHand))
        ));
        assert_eq!(
            parse("not json").unwrap_err(),
            "A frame is one JSON object with a \"type\"."
        );
        assert_eq!(
            parse(r#"{"type":"dance"}"#).unwrap_err(),
            "There is no \"dance\" frame."
        );
        let missing = parse(r#"{"type":"say","body":"hi"}"#).unwrap_err();
        assert!(missing.contains("client_id"), "{missing}");
        let wrong = parse(r#"{"type":"mute","member":"x","minutes":5}"#).unwrap_err();
        assert!(
            wrong.starts_with("A \"mute\" frame could not be read"),
            "{wrong}"
        );
    }
}
