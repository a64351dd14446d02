//! Live rooms: the online space of a session. Who may enter and when ([`access`],
//! [`enter`]), its chat messages ([`messages`]) and rate limit ([`rate`]), what people in
//! it send and are told ([`signals`]), and the room's state machine ([`live`]).

pub mod access;
mod enter;
pub mod live;
pub mod messages;
pub mod rate;
pub mod signals;

#[cfg(test)]
mod live_tests;

pub use access::{entry, Refusal, RoomWindow, Seat, CLOSES_AFTER, OPENS_BEFORE};
pub use enter::{enter, RoomPass, RoomRefused};
pub use live::{Room, RoomError, Snapshot};
pub use messages::{hide_reason, ChatMessage, Hidden, MessageInput, NewMessage};
pub use rate::RateLimit;
pub use signals::{Audience, CheckIn, Command, Event, Exercise, Notice, Present};
