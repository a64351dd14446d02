use crate::audit::AuditEvent;
use crate::StoreError;

type R<T> = Result<T, StoreError>;

/// The audit trail.
#[async_trait::async_trait]
pub trait AuditStore: Send + Sync {
    /// Appends one event on its own: a refused attempt, which reads nothing.
    async fn record_audit(&self, event: AuditEvent) -> R<()>;
}
