//! Live rooms: the online space of a session. This module holds who may enter and when
//! ([`access`]) and its chat messages ([`messages`]); turn-taking and safety signals build
//! on them.

pub mod access;
pub mod messages;

pub use access::{entry, Refusal, RoomWindow, Seat, CLOSES_AFTER, OPENS_BEFORE};
pub use messages::{hide_reason, ChatMessage, Hidden, MessageInput, NewMessage};
