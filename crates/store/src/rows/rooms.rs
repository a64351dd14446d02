use chrono::{DateTime, Utc};
use kindred_domain::rooms::{ChatMessage, Hidden};
use kindred_domain::StoreError;

use super::SqliteRow;
use crate::crypto::{Keyring, ROOM_HIDDEN_REASON, ROOM_MESSAGE_BODY};
use crate::errors::id;
use crate::sqlite::values::Cols;

/// A mute still running.
#[derive(sqlx::FromRow)]
pub(crate) struct MuteRow {
    account_id: String,
    until: DateTime<Utc>,
}

impl SqliteRow for MuteRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(MuteRow {
            account_id: c.get("account_id")?,
            until: c.time("until")?,
        })
    }
}

impl MuteRow {
    pub(crate) fn into_pair(
        self,
    ) -> Result<(kindred_domain::ids::AccountId, DateTime<Utc>), StoreError> {
        Ok((id("room_mutes.account_id", &self.account_id)?, self.until))
    }
}

/// A stay in a room.
#[derive(sqlx::FromRow)]
pub(crate) struct VisitRow {
    joined_at: DateTime<Utc>,
    left_at: DateTime<Utc>,
}

impl SqliteRow for VisitRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(VisitRow {
            joined_at: c.time("joined_at")?,
            left_at: c.time("left_at")?,
        })
    }
}

impl From<VisitRow> for kindred_domain::attendance::Visit {
    fn from(r: VisitRow) -> Self {
        kindred_domain::attendance::Visit {
            joined_at: r.joined_at,
            left_at: r.left_at,
        }
    }
}

/// A message as stored: sealed, opened by [`MessageRow::open`].
#[derive(sqlx::FromRow)]
pub(crate) struct MessageRow {
    id: String,
    session_id: String,
    seq: i64,
    client_id: String,
    author_id: String,
    author_name: String,
    body_sealed: Vec<u8>,
    sent_at: DateTime<Utc>,
    hidden_by: Option<String>,
    hidden_reason_sealed: Option<Vec<u8>>,
    hidden_at: Option<DateTime<Utc>>,
}

impl SqliteRow for MessageRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(MessageRow {
            id: c.get("id")?,
            session_id: c.get("session_id")?,
            seq: c.get("seq")?,
            client_id: c.get("client_id")?,
            author_id: c.get("author_id")?,
            author_name: c.get("author_name")?,
            body_sealed: c.get("body_sealed")?,
            sent_at: c.time("sent_at")?,
            hidden_by: c.get("hidden_by")?,
            hidden_reason_sealed: c.get("hidden_reason_sealed")?,
            hidden_at: c.opt_time("hidden_at")?,
        })
    }
}

impl MessageRow {
    /// Opens the text; a hidden message comes back without it, with its reason.
    pub(crate) fn open(self, keys: &Keyring) -> Result<ChatMessage, StoreError> {
        let hidden = match (self.hidden_by, self.hidden_reason_sealed, self.hidden_at) {
            (Some(by), Some(reason), Some(at)) => Some(Hidden {
                by: id("room_messages.hidden_by", &by)?,
                reason: ROOM_HIDDEN_REASON.open(keys, &self.id, &reason)?,
                at,
            }),
            _ => None,
        };
        let body = if hidden.is_some() {
            String::new()
        } else {
            ROOM_MESSAGE_BODY.open(keys, &self.id, &self.body_sealed)?
        };
        Ok(ChatMessage {
            id: id("room_messages.id", &self.id)?,
            session_id: id("room_messages.session_id", &self.session_id)?,
            seq: self.seq,
            client_id: self.client_id,
            author_id: id("room_messages.author_id", &self.author_id)?,
            author_name: self.author_name,
            body,
            sent_at: self.sent_at,
            hidden,
        })
    }
}
