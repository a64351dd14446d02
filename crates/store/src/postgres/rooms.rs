//! Rooms' chat messages on PostgreSQL. An append locks its session's row, so a room's
//! messages take their sequence numbers one after another.

use chrono::{DateTime, Utc};
use kindred_domain::attendance::Visit;
use kindred_domain::ids::{AccountId, SessionId};
use kindred_domain::rooms::{ChatMessage, NewMessage};
use kindred_domain::store::RoomStore;

use super::{commit, Db, PgStore, R};
use crate::crypto::{ROOM_HIDDEN_REASON, ROOM_MESSAGE_BODY};
use crate::errors::db;
use crate::rows::{MessageRow, MuteRow, VisitRow};
use crate::sql::rooms as sql;

#[async_trait::async_trait]
impl RoomStore for PgStore {
    async fn append_message(&self, message: NewMessage) -> R<ChatMessage> {
        let id = message.id.to_string();
        let sealed = ROOM_MESSAGE_BODY.seal(&self.keys, &id, &message.body)?;
        let (session, author) = (
            message.session_id.to_string(),
            message.author_id.to_string(),
        );
        let mut tx = self.begin_write().await?;
        sqlx::query(sql::LOCK_ROOM)
            .bind(&session)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        let sent = sqlx::query_as::<Db, MessageRow>(sql::BY_CLIENT_ID)
            .bind(&session)
            .bind(&author)
            .bind(&message.client_id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
        if let Some(sent) = sent {
            commit(tx).await?;
            return sent.open(&self.keys);
        }
        let seq: i64 = sqlx::query_scalar::<Db, i64>(sql::LAST_SEQ)
            .bind(&session)
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?
            + 1;
        sqlx::query(sql::INSERT)
            .bind(&id)
            .bind(&session)
            .bind(seq)
            .bind(&message.client_id)
            .bind(&author)
            .bind(&sealed)
            .bind(message.sent_at)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        let stored = sqlx::query_as::<Db, MessageRow>(sql::BY_SEQ)
            .bind(&session)
            .bind(seq)
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?;
        commit(tx).await?;
        tracing::debug!(session_id = %session, seq, "room message stored");
        stored.open(&self.keys)
    }

    async fn messages_after(
        &self,
        session: SessionId,
        after_seq: i64,
        limit: i64,
    ) -> R<Vec<ChatMessage>> {
        sqlx::query_as::<Db, MessageRow>(sql::AFTER)
            .bind(session.to_string())
            .bind(after_seq)
            .bind(limit)
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .into_iter()
            .map(|m| m.open(&self.keys))
            .collect()
    }

    async fn record_removal(
        &self,
        session: SessionId,
        member: AccountId,
        by: AccountId,
        at: DateTime<Utc>,
    ) -> R<()> {
        sqlx::query(sql::INSERT_REMOVAL)
            .bind(session.to_string())
            .bind(member.to_string())
            .bind(by.to_string())
            .bind(at)
            .execute(&self.pool)
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn record_mute(
        &self,
        session: SessionId,
        member: AccountId,
        until: Option<DateTime<Utc>>,
    ) -> R<()> {
        let query = match until {
            Some(until) => sqlx::query(sql::UPSERT_MUTE)
                .bind(session.to_string())
                .bind(member.to_string())
                .bind(until),
            None => sqlx::query(sql::DELETE_MUTE)
                .bind(session.to_string())
                .bind(member.to_string()),
        };
        query.execute(&self.pool).await.map_err(db)?;
        Ok(())
    }

    async fn mutes(
        &self,
        session: SessionId,
        now: DateTime<Utc>,
    ) -> R<Vec<(AccountId, DateTime<Utc>)>> {
        sqlx::query_as::<Db, MuteRow>(sql::MUTES)
            .bind(session.to_string())
            .bind(now)
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .into_iter()
            .map(MuteRow::into_pair)
            .collect()
    }

    async fn record_end(&self, session: SessionId, by: AccountId, at: DateTime<Utc>) -> R<()> {
        sqlx::query(sql::INSERT_END)
            .bind(session.to_string())
            .bind(by.to_string())
            .bind(at)
            .execute(&self.pool)
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn room_exit(
        &self,
        session: SessionId,
        member: AccountId,
    ) -> R<(bool, Option<DateTime<Utc>>)> {
        let session = session.to_string();
        let removed: bool = sqlx::query_scalar(sql::REMOVED)
            .bind(&session)
            .bind(member.to_string())
            .fetch_one(&self.pool)
            .await
            .map_err(db)?;
        let ended: Option<DateTime<Utc>> = sqlx::query_scalar(sql::ENDED_AT)
            .bind(&session)
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?;
        Ok((removed, ended))
    }

    async fn record_visit(
        &self,
        session: SessionId,
        member: AccountId,
        visit: Visit,
    ) -> R<Vec<Visit>> {
        let (session, member) = (session.to_string(), member.to_string());
        let mut tx = self.begin_write().await?;
        sqlx::query(sql::INSERT_VISIT)
            .bind(&session)
            .bind(&member)
            .bind(visit.joined_at)
            .bind(visit.left_at)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        let visits = sqlx::query_as::<Db, VisitRow>(sql::VISITS)
            .bind(&session)
            .bind(&member)
            .fetch_all(&mut *tx)
            .await
            .map_err(db)?;
        commit(tx).await?;
        Ok(visits.into_iter().map(Visit::from).collect())
    }

    async fn hide_message(
        &self,
        session: SessionId,
        seq: i64,
        by: AccountId,
        reason: String,
        at: DateTime<Utc>,
    ) -> R<Option<ChatMessage>> {
        let session = session.to_string();
        let mut tx = self.begin_write().await?;
        let id: Option<String> = sqlx::query_scalar(sql::ID_OF)
            .bind(&session)
            .bind(seq)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
        let Some(id) = id else {
            commit(tx).await?;
            return Ok(None);
        };
        let sealed = ROOM_HIDDEN_REASON.seal(&self.keys, &id, &reason)?;
        sqlx::query(sql::HIDE)
            .bind(&session)
            .bind(seq)
            .bind(by.to_string())
            .bind(&sealed)
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        let row = sqlx::query_as::<Db, MessageRow>(sql::BY_SEQ)
            .bind(&session)
            .bind(seq)
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?;
        commit(tx).await?;
        row.open(&self.keys).map(Some)
    }
}
