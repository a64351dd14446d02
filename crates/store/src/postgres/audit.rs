//! The audit trail on PostgreSQL. Every append locks the one head row (`FOR UPDATE`) until
//! its transaction ends, so appends from concurrent transactions chain one after another
//! and sequence numbers have no gaps: a transaction that rolls back takes its event and its
//! head move with it.

use kindred_domain::audit::{link_hash, AuditEntry, AuditEvent, ChainedEvent};
use kindred_domain::fields::Choice as _;
use kindred_domain::store::{AuditQuery, AuditStore};
use kindred_domain::StoreError;
use sqlx::PgConnection;

use super::{commit, Db, PgStore, Tx, R};
use crate::errors::db;
use crate::rows::{to_micros, ChainRow, EntryRow, HeadRow};
use crate::sql::audit as sql;
use crate::sql::audit::Value;

/// Appends `event` to the chain inside `tx`, the transaction of the access it records.
/// The head stays locked until `tx` ends, so call this last, just before committing: the
/// lock is then held briefly, and always taken after the transaction's other locks, never
/// before them. Does nothing while a benchmark has auditing off.
pub(crate) async fn append(tx: &mut Tx, event: &AuditEvent) -> R<()> {
    if !crate::audit_switch::enabled() {
        return Ok(());
    }
    append_on(&mut *tx, event).await
}

async fn append_on(c: &mut PgConnection, event: &AuditEvent) -> R<()> {
    let (last, prev) = sqlx::query_as::<Db, HeadRow>(sql::HEAD_FOR_UPDATE)
        .fetch_optional(&mut *c)
        .await
        .map_err(db)?
        .ok_or_else(|| StoreError::Backend("the audit head row is missing".into()))?
        .into_head()?;
    let seq = last + 1;
    let event = to_micros(event);
    let hash = link_hash(&prev, seq, &event);
    sqlx::query(sql::INSERT)
        .bind(seq)
        .bind(event.at)
        .bind(event.actor.map(|a| a.to_string()))
        .bind(event.org.map(|o| o.to_string()))
        .bind(event.member.map(|m| m.to_string()))
        .bind(event.action.code())
        .bind(event.object.kind)
        .bind(&event.object.id)
        .bind(event.outcome.code())
        .bind(&event.request_id)
        .bind(&event.client_addr)
        .bind(prev.as_slice())
        .bind(hash.as_slice())
        .execute(&mut *c)
        .await
        .map_err(db)?;
    let moved = sqlx::query(sql::SET_HEAD)
        .bind(seq)
        .bind(hash.as_slice())
        .bind(last)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    if moved.rows_affected() != 1 {
        return Err(StoreError::Backend(
            "the audit head moved during an append".into(),
        ));
    }
    Ok(())
}

async fn trail(c: &mut PgConnection, query: &AuditQuery) -> R<Vec<AuditEntry>> {
    let (text, values) = sql::trail(query);
    let mut q = sqlx::query_as::<Db, EntryRow>(&text);
    for value in values {
        q = match value {
            Value::Text(text) => q.bind(text),
            Value::Time(at) => q.bind(at),
            Value::Int(n) => q.bind(n),
        };
    }
    q.fetch_all(&mut *c)
        .await
        .map_err(db)?
        .into_iter()
        .map(AuditEntry::try_from)
        .collect()
}

#[async_trait::async_trait]
impl AuditStore for PgStore {
    async fn record_audit(&self, event: AuditEvent) -> R<()> {
        let mut tx = self.begin_write().await?;
        append(&mut tx, &event).await?;
        commit(tx).await
    }

    async fn audit_trail(&self, query: AuditQuery, event: AuditEvent) -> R<Vec<AuditEntry>> {
        let mut tx = self.begin_write().await?;
        let entries = trail(&mut tx, &query).await?;
        append(&mut tx, &event).await?;
        commit(tx).await?;
        Ok(entries)
    }

    async fn audit_chain(&self, after_seq: i64, limit: i64) -> R<Vec<ChainedEvent>> {
        sqlx::query_as::<Db, ChainRow>(sql::CHAIN)
            .bind(after_seq)
            .bind(limit)
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .into_iter()
            .map(ChainedEvent::try_from)
            .collect()
    }

    async fn audit_head(&self) -> R<Option<(i64, [u8; 32])>> {
        sqlx::query_as::<Db, HeadRow>(sql::HEAD)
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?
            .map(HeadRow::into_head)
            .transpose()
    }
}
