//! Live rooms: the online space of a session. This module holds who may enter and when
//! ([`access`]) and its chat messages ([`messages`]); turn-taking and safety signals build
//! on them.

pub mod access;
mod enter;
pub mod live;
pub mod messages;
pub mod rate;

#[cfg(test)]
mod live_tests;

pub use access::{entry, Refusal, RoomWindow, Seat, CLOSES_AFTER, OPENS_BEFORE};
pub use enter::{enter, RoomPass, RoomRefused};
pub use live::{Audience, Command, Event, Notice, Present, Room, RoomError, Snapshot};
pub use messages::{hide_reason, ChatMessage, Hidden, MessageInput, NewMessage};
pub use rate::RateLimit;
