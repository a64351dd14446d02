//! Rooms' chat messages on SQLite. The one writer gives each room's messages their sequence
//! numbers one after another.

use chrono::{DateTime, Utc};
use kindred_domain::attendance::Visit;
use kindred_domain::ids::{AccountId, SessionId};
use kindred_domain::rooms::{ChatMessage, NewMessage};
use kindred_domain::store::RoomStore;
use kindred_domain::StoreError;
use rusqlite::Connection;

use super::exec::{all, execute, optional, scalar};
use super::values::{ts, Ts};
use super::{SqliteStore, R};
use crate::crypto::{Keyring, ROOM_HIDDEN_REASON, ROOM_MESSAGE_BODY};
use crate::rows::{MessageRow, MuteRow, VisitRow};
use crate::sql::rooms as sql;

fn by_seq(c: &Connection, keys: &Keyring, session: &str, seq: i64) -> R<Option<ChatMessage>> {
    optional::<MessageRow>(c, sql::BY_SEQ, &[&session, &seq])?
        .map(|m| m.open(keys))
        .transpose()
}

#[async_trait::async_trait]
impl RoomStore for SqliteStore {
    async fn append_message(&self, message: NewMessage) -> R<ChatMessage> {
        let id = message.id.to_string();
        // Sealed before the writer is taken: the writer's time goes to the writes.
        let sealed = ROOM_MESSAGE_BODY.seal(&self.keys, &id, &message.body)?;
        let keys = std::sync::Arc::clone(&self.keys);
        // Grouped: a busy server stores many rooms' messages under one commit. The numbers
        // stay gapless, as the group's appends run one after another in its transaction.
        self.write_grouped(move |c| {
            let (session, author) = (
                message.session_id.to_string(),
                message.author_id.to_string(),
            );
            if let Some(sent) = optional::<MessageRow>(
                c,
                sql::BY_CLIENT_ID,
                &[&session, &author, &message.client_id],
            )? {
                return sent.open(&keys);
            }
            let seq: i64 = scalar::<i64>(c, sql::LAST_SEQ, &[&session])? + 1;
            execute(
                c,
                sql::INSERT,
                &[
                    &id,
                    &session,
                    &seq,
                    &message.client_id,
                    &author,
                    &sealed,
                    &ts(message.sent_at),
                ],
            )?;
            tracing::debug!(session_id = %session, seq, "room message stored");
            Ok(ChatMessage {
                id: message.id,
                session_id: message.session_id,
                seq,
                client_id: message.client_id,
                author_id: message.author_id,
                author_name: scalar(c, crate::sql::notes::DISPLAY_NAME, &[&author])?,
                body: message.body,
                sent_at: message.sent_at,
                hidden: None,
            })
        })
        .await
    }

    async fn messages_after(
        &self,
        session: SessionId,
        after_seq: i64,
        limit: i64,
    ) -> R<Vec<ChatMessage>> {
        let rows = self.read(|c| {
            all::<MessageRow>(c, sql::AFTER, &[&session.to_string(), &after_seq, &limit])
        })?;
        rows.into_iter().map(|m| m.open(&self.keys)).collect()
    }

    async fn record_removal(
        &self,
        session: SessionId,
        member: AccountId,
        by: AccountId,
        at: DateTime<Utc>,
    ) -> R<()> {
        self.write_tx(move |c| {
            execute(
                c,
                sql::INSERT_REMOVAL,
                &[
                    &session.to_string(),
                    &member.to_string(),
                    &by.to_string(),
                    &ts(at),
                ],
            )
            .map(drop)
        })
        .await
    }

    async fn record_mute(
        &self,
        session: SessionId,
        member: AccountId,
        until: Option<DateTime<Utc>>,
    ) -> R<()> {
        self.write_tx(move |c| {
            let (session, member) = (session.to_string(), member.to_string());
            match until {
                Some(until) => execute(c, sql::UPSERT_MUTE, &[&session, &member, &ts(until)]),
                None => execute(c, sql::DELETE_MUTE, &[&session, &member]),
            }
            .map(drop)
        })
        .await
    }

    async fn mutes(
        &self,
        session: SessionId,
        now: DateTime<Utc>,
    ) -> R<Vec<(AccountId, DateTime<Utc>)>> {
        self.read(|c| {
            all::<MuteRow>(c, sql::MUTES, &[&session.to_string(), &ts(now)])?
                .into_iter()
                .map(MuteRow::into_pair)
                .collect()
        })
    }

    async fn record_end(&self, session: SessionId, by: AccountId, at: DateTime<Utc>) -> R<()> {
        self.write_tx(move |c| {
            execute(
                c,
                sql::INSERT_END,
                &[&session.to_string(), &by.to_string(), &ts(at)],
            )
            .map(drop)
        })
        .await
    }

    async fn room_exit(
        &self,
        session: SessionId,
        member: AccountId,
    ) -> R<(bool, Option<DateTime<Utc>>)> {
        self.read(|c| {
            let session = session.to_string();
            let removed: bool = scalar(c, sql::REMOVED, &[&session, &member.to_string()])?;
            let ended = match scalar::<Ts>(c, sql::ENDED_AT, &[&session]) {
                Ok(at) => Some(at.0),
                Err(StoreError::NotFound) => None,
                Err(other) => return Err(other),
            };
            Ok((removed, ended))
        })
    }

    async fn record_visit(
        &self,
        session: SessionId,
        member: AccountId,
        visit: Visit,
    ) -> R<Vec<Visit>> {
        self.write_tx(move |c| {
            let (session, member) = (session.to_string(), member.to_string());
            execute(
                c,
                sql::INSERT_VISIT,
                &[&session, &member, &ts(visit.joined_at), &ts(visit.left_at)],
            )?;
            Ok(all::<VisitRow>(c, sql::VISITS, &[&session, &member])?
                .into_iter()
                .map(Visit::from)
                .collect())
        })
        .await
    }

    async fn hide_message(
        &self,
        session: SessionId,
        seq: i64,
        by: AccountId,
        reason: String,
        at: DateTime<Utc>,
    ) -> R<Option<ChatMessage>> {
        let keys = std::sync::Arc::clone(&self.keys);
        self.write_tx(move |c| {
            let session = session.to_string();
            let id: String = match scalar(c, sql::ID_OF, &[&session, &seq]) {
                Ok(id) => id,
                Err(StoreError::NotFound) => return Ok(None),
                Err(other) => return Err(other),
            };
            let sealed = ROOM_HIDDEN_REASON.seal(&keys, &id, &reason)?;
            execute(
                c,
                sql::HIDE,
                &[&session, &seq, &by.to_string(), &sealed, &ts(at)],
            )?;
            by_seq(c, &keys, &session, seq)
        })
        .await
    }
}
