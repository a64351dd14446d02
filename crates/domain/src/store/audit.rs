use chrono::{DateTime, Utc};

use crate::audit::{AuditAction, AuditEntry, AuditEvent, ChainedEvent};
use crate::ids::{AccountId, OrgId};
use crate::StoreError;

type R<T> = Result<T, StoreError>;

/// Which events of one organization the audit view reads: newest first, at most `limit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuditQuery {
    pub org: OrgId,
    pub actor: Option<AccountId>,
    pub member: Option<AccountId>,
    pub action: Option<AuditAction>,
    /// Events at or after this instant.
    pub from: Option<DateTime<Utc>>,
    /// Events before this instant.
    pub to: Option<DateTime<Utc>>,
    /// Events with a smaller sequence number (the next page back).
    pub before_seq: Option<i64>,
    pub limit: i64,
}

/// The audit trail: one hash chain of events for the whole database, and its head (the
/// last sequence number and hash, in a row of its own). Store methods that read or write
/// clinical content append their event inside their own transaction; these methods are
/// for the trail itself.
#[async_trait::async_trait]
pub trait AuditStore: Send + Sync {
    /// Appends one event alone, in its own transaction (a refused access: nothing else
    /// happened to record it with).
    async fn record_audit(&self, event: AuditEvent) -> R<()>;
    /// Reads the organization's events and appends `event` (the reading of them) in the
    /// same transaction. Names and emails of actor and member come from their accounts,
    /// where these still exist.
    async fn audit_trail(&self, query: AuditQuery, event: AuditEvent) -> R<Vec<AuditEntry>>;
    /// The chain oldest first: at most `limit` events with a sequence number above
    /// `after_seq`. An event whose stored values do not read back fails the call.
    async fn audit_chain(&self, after_seq: i64, limit: i64) -> R<Vec<ChainedEvent>>;
    /// The head: the last sequence number and its hash (`(0, GENESIS)` before the first
    /// event); `None` when the head row is missing.
    async fn audit_head(&self) -> R<Option<(i64, [u8; 32])>>;
}
