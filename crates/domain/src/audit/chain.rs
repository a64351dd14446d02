use chrono::{DateTime, SecondsFormat, Utc};
use sha2::{Digest as _, Sha256};

use super::event::AuditEvent;
use crate::fields::Choice as _;

/// The `prev_hash` of the first event.
pub const GENESIS: [u8; 32] = [0; 32];

/// An event as stored: its place in the chain and the two hashes that link it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainedEvent {
    /// 1, 2, 3, … with no gaps.
    pub seq: i64,
    pub event: AuditEvent,
    pub prev_hash: [u8; 32],
    pub hash: [u8; 32],
}

/// The hash of an event: SHA-256 over the previous hash, the sequence number and every
/// field, each length-prefixed so no two different events encode alike.
pub fn link_hash(prev: &[u8; 32], seq: i64, event: &AuditEvent) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(prev);
    h.update(seq.to_be_bytes());
    let at = timestamp(event.at);
    let actor = event.actor.map(|a| a.to_string()).unwrap_or_default();
    let org = event.org.map(|o| o.to_string()).unwrap_or_default();
    let member = event.member.map(|m| m.to_string()).unwrap_or_default();
    for field in [
        at.as_str(),
        actor.as_str(),
        org.as_str(),
        member.as_str(),
        event.action.code(),
        event.object.kind,
        event.object.id.as_str(),
        event.outcome.code(),
        event.request_id.as_str(),
        event.client_addr.as_str(),
    ] {
        h.update((field.len() as u64).to_be_bytes());
        h.update(field.as_bytes());
    }
    h.finalize().into()
}

/// Stored times keep microseconds (PostgreSQL's precision), so the hash uses exactly those.
fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}
