//! Audit events as stored, for the chain (verification) and for the organization's view.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

use chrono::{DateTime, SubsecRound as _, Utc};
use kindred_domain::audit::{AuditEntry, AuditEvent, AuditObject, ChainedEvent};
use kindred_domain::StoreError;

use super::SqliteRow;
use crate::errors::{code, id};
use crate::sqlite::values::Cols;

/// The time as stored (microseconds), so the hash covers exactly what reads back.
pub(crate) fn to_micros(event: &AuditEvent) -> Cow<'_, AuditEvent> {
    let at = event.at.trunc_subsecs(6);
    if at == event.at {
        Cow::Borrowed(event)
    } else {
        Cow::Owned(AuditEvent {
            at,
            ..event.clone()
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct HeadRow {
    pub(crate) seq: i64,
    pub(crate) hash: Vec<u8>,
}

impl SqliteRow for HeadRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(HeadRow {
            seq: c.get("seq")?,
            hash: c.get("hash")?,
        })
    }
}

impl HeadRow {
    pub(crate) fn into_head(self) -> Result<(i64, [u8; 32]), StoreError> {
        Ok((self.seq, hash("audit_head.hash", self.hash)?))
    }
}

fn hash(column: &str, raw: Vec<u8>) -> Result<[u8; 32], StoreError> {
    raw.try_into()
        .map_err(|_| StoreError::Backend(format!("stored {column} is not 32 bytes")))
}

fn opt_id<T: std::str::FromStr>(
    column: &str,
    raw: Option<String>,
) -> Result<Option<T>, StoreError> {
    raw.map(|r| id(column, &r)).transpose()
}

#[derive(sqlx::FromRow)]
pub(crate) struct ChainRow {
    seq: i64,
    at: DateTime<Utc>,
    actor_id: Option<String>,
    org_id: Option<String>,
    member_id: Option<String>,
    action: String,
    object_kind: String,
    object_id: String,
    outcome: String,
    request_id: String,
    client_addr: String,
    prev_hash: Vec<u8>,
    hash: Vec<u8>,
}

impl SqliteRow for ChainRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(ChainRow {
            seq: c.get("seq")?,
            at: c.time("at")?,
            actor_id: c.get("actor_id")?,
            org_id: c.get("org_id")?,
            member_id: c.get("member_id")?,
            action: c.get("action")?,
            object_kind: c.get("object_kind")?,
            object_id: c.get("object_id")?,
            outcome: c.get("outcome")?,
            request_id: c.get("request_id")?,
            client_addr: c.get("client_addr")?,
            prev_hash: c.get("prev_hash")?,
            hash: c.get("hash")?,
        })
    }
}

impl TryFrom<ChainRow> for ChainedEvent {
    type Error = StoreError;
    fn try_from(r: ChainRow) -> Result<Self, StoreError> {
        let seq = r.seq;
        let read = || -> Result<ChainedEvent, StoreError> {
            Ok(ChainedEvent {
                seq,
                event: AuditEvent {
                    at: r.at,
                    actor: opt_id("audit_events.actor_id", r.actor_id)?,
                    org: opt_id("audit_events.org_id", r.org_id)?,
                    member: opt_id("audit_events.member_id", r.member_id)?,
                    action: code("audit_events.action", &r.action)?,
                    object: AuditObject {
                        kind: object_kind(&r.object_kind),
                        id: r.object_id,
                    },
                    outcome: code("audit_events.outcome", &r.outcome)?,
                    request_id: r.request_id,
                    client_addr: r.client_addr,
                },
                prev_hash: hash("audit_events.prev_hash", r.prev_hash)?,
                hash: hash("audit_events.hash", r.hash)?,
            })
        };
        read().map_err(|e| StoreError::Backend(format!("audit event {seq}: {e}")))
    }
}

/// The kinds events are written with; anything else read back is kept once per process.
static KNOWN_KINDS: &[&str] = &[
    "audit_trail",
    "chart",
    "group_note",
    "member_note",
    "note_addendum",
];

/// `AuditObject::kind` is a `&'static str` (events are written with constants). A kind read
/// back that no constant here names (a newer kind, or a changed row that verification is
/// about to report) is leaked once and reused, so memory grows with distinct kinds only.
fn object_kind(raw: &str) -> &'static str {
    if let Some(known) = KNOWN_KINDS.iter().find(|k| **k == raw) {
        return known;
    }
    static OTHERS: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut others = OTHERS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(seen) = others.get(raw) {
        return seen;
    }
    let kept: &'static str = Box::leak(raw.to_owned().into_boxed_str());
    others.insert(kept);
    kept
}

#[derive(sqlx::FromRow)]
pub(crate) struct EntryRow {
    seq: i64,
    at: DateTime<Utc>,
    actor_id: Option<String>,
    actor_name: Option<String>,
    actor_email: Option<String>,
    org_id: Option<String>,
    member_id: Option<String>,
    member_name: Option<String>,
    member_email: Option<String>,
    action: String,
    object_kind: String,
    object_id: String,
    outcome: String,
    request_id: String,
    client_addr: String,
}

impl SqliteRow for EntryRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(EntryRow {
            seq: c.get("seq")?,
            at: c.time("at")?,
            actor_id: c.get("actor_id")?,
            actor_name: c.get("actor_name")?,
            actor_email: c.get("actor_email")?,
            org_id: c.get("org_id")?,
            member_id: c.get("member_id")?,
            member_name: c.get("member_name")?,
            member_email: c.get("member_email")?,
            action: c.get("action")?,
            object_kind: c.get("object_kind")?,
            object_id: c.get("object_id")?,
            outcome: c.get("outcome")?,
            request_id: c.get("request_id")?,
            client_addr: c.get("client_addr")?,
        })
    }
}

impl TryFrom<EntryRow> for AuditEntry {
    type Error = StoreError;
    fn try_from(r: EntryRow) -> Result<Self, StoreError> {
        Ok(AuditEntry {
            seq: r.seq,
            at: r.at,
            actor_id: opt_id("audit_events.actor_id", r.actor_id)?,
            actor_name: r.actor_name,
            actor_email: r.actor_email,
            org_id: opt_id("audit_events.org_id", r.org_id)?,
            member_id: opt_id("audit_events.member_id", r.member_id)?,
            member_name: r.member_name,
            member_email: r.member_email,
            action: code("audit_events.action", &r.action)?,
            object_kind: r.object_kind,
            object_id: r.object_id,
            outcome: code("audit_events.outcome", &r.outcome)?,
            request_id: r.request_id,
            client_addr: r.client_addr,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_back_are_the_same_static_text_each_time() {
        assert_eq!(object_kind("chart"), "chart");
        let first = object_kind("something_new");
        let again = object_kind("something_new");
        assert_eq!(first, "something_new");
        assert!(std::ptr::eq(first, again));
    }
}
