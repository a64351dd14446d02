use chrono::{DateTime, Utc};

use crate::attendance::Visit;
use crate::ids::{AccountId, SessionId};
use crate::rooms::{ChatMessage, NewMessage};
use crate::StoreError;

type R<T> = Result<T, StoreError>;

/// Rooms' chat messages.
#[async_trait::async_trait]
pub trait RoomStore: Send + Sync {
    /// Stores `message` with the room's next sequence number, in one transaction, and gives
    /// it back as stored. When its author already sent a message with the same client id in
    /// this room, nothing is stored and that message comes back instead.
    async fn append_message(&self, message: NewMessage) -> R<ChatMessage>;
    /// The room's messages after `after_seq`, in order, at most `limit`.
    async fn messages_after(
        &self,
        session: SessionId,
        after_seq: i64,
        limit: i64,
    ) -> R<Vec<ChatMessage>>;
    /// Hides message `seq` of the room with a reason; the message as it is now, or `None`
    /// when there is no such message. Hiding twice keeps the first reason.
    async fn hide_message(
        &self,
        session: SessionId,
        seq: i64,
        by: AccountId,
        reason: String,
        at: DateTime<Utc>,
    ) -> R<Option<ChatMessage>>;
    /// A facilitator removed `member` from the room (once; a second removal keeps the first).
    async fn record_removal(
        &self,
        session: SessionId,
        member: AccountId,
        by: AccountId,
        at: DateTime<Utc>,
    ) -> R<()>;
    /// A facilitator muted `member` until `until` (`None`: unmuted).
    async fn record_mute(
        &self,
        session: SessionId,
        member: AccountId,
        until: Option<DateTime<Utc>>,
    ) -> R<()>;
    /// The room's mutes that last beyond `now`.
    async fn mutes(
        &self,
        session: SessionId,
        now: DateTime<Utc>,
    ) -> R<Vec<(AccountId, DateTime<Utc>)>>;
    /// A facilitator ended the room (the first end is kept).
    async fn record_end(&self, session: SessionId, by: AccountId, at: DateTime<Utc>) -> R<()>;
    /// Whether `member` was removed from the room, and when the room was ended, if it was.
    async fn room_exit(
        &self,
        session: SessionId,
        member: AccountId,
    ) -> R<(bool, Option<DateTime<Utc>>)>;
    /// Records a member's stay in the room; every stay of theirs in it, oldest first.
    async fn record_visit(
        &self,
        session: SessionId,
        member: AccountId,
        visit: Visit,
    ) -> R<Vec<Visit>>;
}
