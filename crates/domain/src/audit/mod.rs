//! The audit trail: one event for every read or write of clinical content, written in the
//! same transaction as the access it records, and chained by hash so that a changed,
//! removed or reordered event is found by `kindred audit verify`.

mod chain;
mod event;
mod verifier;

pub use chain::{link_hash, ChainedEvent, GENESIS};
pub use event::{AuditAction, AuditEvent, AuditObject, Outcome, Trail};
pub use verifier::{verify_chain, BrokenLink, ChainVerifier, IntactChain};
