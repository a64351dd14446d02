//! The text frames the generator writes and reads, and the message ids it makes.
//!
//! A chat message's `client_id` names it: `<phase><k>t<ns>`, the phase letter, the message's
//! number in the phase and the time it was due (ns since the benchmark started). Any copy
//! of it that comes back says which message it is and when it was sent, with nothing looked
//! up; the body says the same in words.
//!
//! Reading is cheap on purpose: 10,000 sockets share two cores with the server. Frames are
//! told apart by their start (both servers write `"type"` first), and only chat messages
//! are parsed, into a struct of borrowed strings.

use serde::Deserialize;

/// What a server frame is, as far as the benchmark cares.
#[derive(Debug, PartialEq, Eq)]
pub enum Incoming<'a> {
    Welcome,
    /// A chat message (Kindred's `message`, or the baseline's relayed `say`): its client id.
    Chat(&'a str),
    RateLimited,
    Error,
    /// The server closes the connection after this frame.
    Closing,
    /// Presence and other events.
    Other,
}

/// Kindred's `{"type":"message","message":{…}}` and the baseline's relayed
/// `{"type":"say",…}` alike.
#[derive(Deserialize)]
struct ChatFrame<'a> {
    #[serde(borrow, default)]
    message: Option<Chat<'a>>,
    #[serde(borrow, default)]
    client_id: Option<&'a str>,
}

#[derive(Deserialize)]
struct Chat<'a> {
    #[serde(borrow)]
    client_id: &'a str,
}

pub fn classify(text: &str) -> Incoming<'_> {
    let Some(rest) = text.strip_prefix(r#"{"type":""#) else {
        return Incoming::Other;
    };
    if rest.starts_with(r#"message""#) || rest.starts_with(r#"say""#) {
        return match serde_json::from_str::<ChatFrame<'_>>(text) {
            Ok(ChatFrame {
                message: Some(Chat { client_id }),
                ..
            })
            | Ok(ChatFrame {
                client_id: Some(client_id),
                ..
            }) => Incoming::Chat(client_id),
            _ => Incoming::Other,
        };
    }
    if rest.starts_with(r#"welcome""#) {
        Incoming::Welcome
    } else if rest.starts_with(r#"rate_limited""#) {
        Incoming::RateLimited
    } else if rest.starts_with(r#"error""#) {
        Incoming::Error
    } else if rest.starts_with(r#"closing""#) {
        Incoming::Closing
    } else {
        Incoming::Other
    }
}

/// Which message a client id names: the phase letter, its number, when it was due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessageId {
    pub phase: u8,
    pub k: usize,
    pub due_ns: u64,
}

impl MessageId {
    pub fn parse(client_id: &str) -> Option<MessageId> {
        let (&phase, rest) = client_id.as_bytes().split_first()?;
        let (k, due) = std::str::from_utf8(rest).ok()?.split_once('t')?;
        Some(MessageId {
            phase,
            k: k.parse().ok()?,
            due_ns: due.parse().ok()?,
        })
    }

    /// The `say` frame that sends this message. Plain words: nothing a crisis-language
    /// check would read as a risk.
    pub fn say_frame(&self) -> String {
        let (phase, k, ns) = (char::from(self.phase), self.k, self.due_ns);
        format!(
            r#"{{"type":"say","client_id":"{phase}{k}t{ns}","body":"bench message {phase}{k} sent at {ns} ns"}}"#
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_id_goes_out_and_comes_back() {
        let id = MessageId {
            phase: b'd',
            k: 4_321,
            due_ns: 9_876_543_210,
        };
        let say = id.say_frame();
        let Incoming::Chat(client_id) = classify(&say) else {
            panic!("{say}")
        };
        assert_eq!(MessageId::parse(client_id), Some(id));
        let kindred = format!(
            r#"{{"type":"message","message":{{"id":"x","seq":3,"client_id":"{client_id}","author_id":"a","body":"hi","sent_at":"2025-01-01T00:00:00Z","hidden":null}}}}"#
        );
        assert_eq!(classify(&kindred), Incoming::Chat(client_id));
    }

    #[test]
    fn other_frames_are_told_apart_by_their_type() {
        assert_eq!(
            classify(r#"{"type":"welcome","you":{}}"#),
            Incoming::Welcome
        );
        assert_eq!(
            classify(r#"{"type":"rate_limited","retry_after_ms":5}"#),
            Incoming::RateLimited
        );
        assert_eq!(classify(r#"{"type":"error","code":"x"}"#), Incoming::Error);
        assert_eq!(classify(r#"{"type":"event","event":{}}"#), Incoming::Other);
        assert_eq!(MessageId::parse("d12"), None);
        assert_eq!(MessageId::parse(""), None);
    }
}
