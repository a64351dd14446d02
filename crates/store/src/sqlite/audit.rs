//! The audit trail on SQLite. The one writer connection takes appends one at a time, so
//! reading the head and moving it on need no lock of their own; clinical reads that record
//! an event run on the writer (`read_audited`, grouped with the others waiting), so the
//! read and its event are one transaction.

use chrono::SecondsFormat;
use kindred_domain::audit::{link_hash, AuditEntry, AuditEvent, ChainedEvent};
use kindred_domain::fields::Choice as _;
use kindred_domain::store::{AuditQuery, AuditStore};
use kindred_domain::StoreError;
use rusqlite::types::{ToSql, ToSqlOutput};
use rusqlite::Connection;

use super::exec::{all, execute, optional, Repeated};
use super::values::ts;
use super::{SqliteStore, R};
use crate::rows::{to_micros, ChainRow, EntryRow, HeadRow};
use crate::sql::audit as sql;
use crate::sql::audit::Value;

/// Appends `event` to the chain: the next sequence number, linked to the head's hash, and
/// moves the head on. Call it inside the transaction of the access it records, on the
/// writer (`write_tx`); outside a transaction it makes one of its own. Does nothing while a
/// benchmark has auditing off.
pub(crate) fn append(conn: &Connection, event: &AuditEvent) -> R<()> {
    if !crate::audit_switch::enabled() {
        return Ok(());
    }
    if !conn.is_autocommit() {
        return append_in_tx(conn, event);
    }
    execute(conn, "BEGIN IMMEDIATE", &[])?;
    let result = append_in_tx(conn, event);
    let end = if result.is_ok() { "COMMIT" } else { "ROLLBACK" };
    let ended = execute(conn, end, &[]);
    result?;
    ended.map(|_| ())
}

fn append_in_tx(conn: &Connection, event: &AuditEvent) -> R<()> {
    append_all(conn, std::slice::from_ref(event))
}

/// Appends `events` in order inside the caller's transaction: the head is read once and
/// moved once, to the last of them. Does nothing while a benchmark has auditing off.
pub(crate) fn append_all(conn: &Connection, events: &[AuditEvent]) -> R<()> {
    if events.is_empty() || !crate::audit_switch::enabled() {
        return Ok(());
    }
    let (last, mut prev) = optional::<HeadRow>(conn, sql::HEAD, &[])?
        .ok_or_else(|| StoreError::Backend("the audit head row is missing".into()))?
        .into_head()?;
    let mut seq = last;
    // Prepared once for the group, its parameters' positions looked up once.
    let mut insert = Repeated::new(conn, sql::INSERT, 13)?;
    for event in events {
        seq += 1;
        prev = insert_event(&mut insert, seq, &prev, event)?;
    }
    let moved = execute(conn, sql::SET_HEAD, &[&seq, &prev.as_slice(), &last])?;
    if moved != 1 {
        return Err(StoreError::Backend(
            "the audit head moved during an append".into(),
        ));
    }
    Ok(())
}

/// Writes event `seq` linked to `prev`; its hash.
fn insert_event(
    insert: &mut Repeated<'_>,
    seq: i64,
    prev: &[u8; 32],
    event: &AuditEvent,
) -> R<[u8; 32]> {
    let event = to_micros(event);
    let hash = link_hash(prev, seq, &event);
    insert.run(&[
        &seq,
        &ts(event.at),
        &event.actor.map(|a| a.to_string()),
        &event.org.map(|o| o.to_string()),
        &event.member.map(|m| m.to_string()),
        &event.action.code(),
        &event.object.kind,
        &event.object.id,
        &event.outcome.code(),
        &event.request_id,
        &event.client_addr,
        &prev.as_slice(),
        &hash.as_slice(),
    ])?;
    Ok(hash)
}

impl ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        match self {
            Value::Text(text) => text.to_sql(),
            // The text `Ts` stores, which sorts in time order.
            Value::Time(at) => Ok(ToSqlOutput::from(
                at.to_rfc3339_opts(SecondsFormat::Micros, true),
            )),
            Value::Int(n) => n.to_sql(),
        }
    }
}

fn trail(conn: &Connection, query: &AuditQuery) -> R<Vec<AuditEntry>> {
    let (text, values) = sql::trail(query);
    let params: Vec<&dyn ToSql> = values.iter().map(|v| v as &dyn ToSql).collect();
    all::<EntryRow>(conn, &text, &params)?
        .into_iter()
        .map(AuditEntry::try_from)
        .collect()
}

#[async_trait::async_trait]
impl AuditStore for SqliteStore {
    async fn record_audit(&self, event: AuditEvent) -> R<()> {
        self.write_tx(move |c| append(c, &event)).await
    }

    async fn audit_trail(&self, query: AuditQuery, event: AuditEvent) -> R<Vec<AuditEntry>> {
        self.write_tx(move |c| {
            let entries = trail(c, &query)?;
            append(c, &event)?;
            Ok(entries)
        })
        .await
    }

    async fn audit_chain(&self, after_seq: i64, limit: i64) -> R<Vec<ChainedEvent>> {
        self.read(|c| {
            all::<ChainRow>(c, sql::CHAIN, &[&after_seq, &limit])?
                .into_iter()
                .map(ChainedEvent::try_from)
                .collect()
        })
    }

    async fn audit_head(&self) -> R<Option<(i64, [u8; 32])>> {
        self.read(|c| {
            optional::<HeadRow>(c, sql::HEAD, &[])?
                .map(HeadRow::into_head)
                .transpose()
        })
    }
}

#[cfg(test)]
mod tests {
    use kindred_domain::audit::{verify_chain, AuditAction, AuditObject, Trail};

    use super::*;

    fn conn() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(include_str!("../../migrations/sqlite/0007_audit.sql"))
            .unwrap();
        conn
    }

    fn event(n: u32) -> AuditEvent {
        let at = chrono::DateTime::from_timestamp(1_900_000_000, n).unwrap_or_default();
        AuditEvent::new(
            at,
            None,
            AuditAction::NoteSave,
            AuditObject {
                kind: "group_note",
                id: n.to_string(),
            },
            &Trail::default(),
        )
    }

    fn head(conn: &Connection) -> (i64, [u8; 32]) {
        optional::<HeadRow>(conn, sql::HEAD, &[])
            .unwrap()
            .unwrap()
            .into_head()
            .unwrap()
    }

    #[test]
    fn an_append_goes_with_its_transaction_and_alone_makes_its_own() {
        let mut conn = conn();
        let tx = conn.transaction().unwrap();
        append(&tx, &event(1)).unwrap();
        drop(tx);
        assert_eq!(head(&conn).0, 0, "rolled back with the transaction");

        append(&conn, &event(2)).unwrap();
        assert!(conn.is_autocommit());
        assert_eq!(head(&conn).0, 1, "committed on its own");

        let tx = conn.transaction().unwrap();
        append(&tx, &event(3_000)).unwrap();
        append(&tx, &event(4_999)).unwrap();
        tx.commit().unwrap();
        let chain: Vec<ChainedEvent> = all::<ChainRow>(&conn, sql::CHAIN, &[&0_i64, &10_i64])
            .unwrap()
            .into_iter()
            .map(|r| ChainedEvent::try_from(r).unwrap())
            .collect();
        assert_eq!(chain[2].event.at.timestamp_subsec_nanos(), 4_000);
        assert_eq!(verify_chain(chain, Some(head(&conn))), Ok(3));
    }
}
