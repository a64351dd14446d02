//! The audit trail: one event for every read or write of clinical content, written in the
//! same transaction as the access it records, and chained by hash so that a changed,
//! removed or reordered event is found by `kindred audit verify`.

mod chain;
mod entry;
mod event;
mod filter;
mod refusal;
mod verifier;
mod verify_trail;
mod view;

pub use chain::{link_hash, ChainedEvent, GENESIS};
pub use entry::{audit_csv_header, AuditEntry};
pub use event::{AuditAction, AuditEvent, AuditObject, Outcome, Trail};
pub use filter::{AuditFilter, AuditFilterInput, PersonRef};
pub use refusal::refusal_event;
pub(crate) use refusal::refused;
pub use verifier::{verify_chain, BrokenLink, ChainVerifier, IntactChain};
pub use verify_trail::{verify_trail, VERIFY_BATCH};
pub use view::{audit_export, audit_view, AuditPage, AUDIT_OBJECT, EXPORT_MAX_ROWS, PAGE_SIZE};
