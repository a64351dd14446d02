//! Checking the chain: a streaming verifier fed the stored events oldest first, in batches
//! of any size, and finished against the head kept apart from the events.

use super::chain::{link_hash, ChainedEvent, GENESIS};

/// Where the chain first fails, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    /// The sequence number of the first event that does not check out (or that is missing).
    pub seq: i64,
    pub reason: String,
}

/// A chain that checked out: how many events, and the hash of the last (the head's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntactChain {
    pub events: i64,
    pub head: [u8; 32],
}

/// Checks events one after another without holding them: each must carry the next
/// sequence number, the previous event's hash as its `prev_hash`, and the hash of its own
/// contents. The first failure is final; later events are not looked at.
#[derive(Debug, Clone)]
pub struct ChainVerifier {
    next_seq: i64,
    prev: [u8; 32],
    /// A head printed by an earlier check and kept elsewhere: the chain must pass through it.
    recorded: Option<(i64, [u8; 32])>,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        Self::new()
    }
}

impl ChainVerifier {
    pub fn new() -> Self {
        Self {
            next_seq: 1,
            prev: GENESIS,
            recorded: None,
        }
    }

    /// Also checks the chain still passes through a head recorded earlier (its sequence
    /// number and hash, as `kindred audit verify` printed them): this finds a rewrite of the
    /// chain and its head from that event or before, which the chain alone cannot show.
    pub fn through(mut self, recorded: Option<(i64, [u8; 32])>) -> Self {
        self.recorded = recorded;
        self
    }

    /// The sequence number of the last event that checked out (0 before the first).
    pub fn last_seq(&self) -> i64 {
        self.next_seq - 1
    }

    /// Checks the next stored event.
    pub fn push(&mut self, stored: &ChainedEvent) -> Result<(), BrokenLink> {
        let expected = self.next_seq;
        if stored.seq != expected {
            return Err(BrokenLink {
                seq: expected,
                reason: format!(
                    "event {expected} is missing or out of order (event {} comes next)",
                    stored.seq
                ),
            });
        }
        if stored.prev_hash != self.prev {
            return Err(BrokenLink {
                seq: expected,
                reason: "its link to the previous event does not match (an event before it \
                         was removed, or events were reordered)"
                    .into(),
            });
        }
        if link_hash(&self.prev, expected, &stored.event) != stored.hash {
            return Err(BrokenLink {
                seq: expected,
                reason: "its contents were changed after it was written".into(),
            });
        }
        if let Some((seq, hash)) = self.recorded {
            if seq == expected && hash != stored.hash {
                return Err(BrokenLink {
                    seq: expected,
                    reason: "its hash is not the one recorded earlier for this event (the \
                             chain was rewritten from here or before)"
                        .into(),
                });
            }
        }
        self.prev = stored.hash;
        self.next_seq += 1;
        Ok(())
    }

    /// Checks every event of a batch, in order.
    pub fn push_all<'a>(
        &mut self,
        events: impl IntoIterator<Item = &'a ChainedEvent>,
    ) -> Result<(), BrokenLink> {
        events.into_iter().try_for_each(|e| self.push(e))
    }

    /// After the last event: the head (last sequence number and hash, kept in its own row)
    /// must name exactly the last event checked, so removing the newest events is found too.
    /// `None` means the head row itself is missing.
    pub fn finish(self, head: Option<(i64, [u8; 32])>) -> Result<IntactChain, BrokenLink> {
        let last = self.last_seq();
        if let Some((seq, hash)) = self.recorded {
            if seq > last {
                return Err(BrokenLink {
                    seq: last + 1,
                    reason: format!(
                        "the chain ends at event {last}, before the head recorded earlier \
                         (event {seq})"
                    ),
                });
            }
            if seq == 0 && hash != GENESIS {
                return Err(BrokenLink {
                    seq: 1,
                    reason: "the head recorded earlier is not one of this chain".into(),
                });
            }
        }
        match head {
            Some((seq, _)) if seq > last => Err(BrokenLink {
                seq: last + 1,
                reason: format!(
                    "the head records {seq} events but the chain ends at event {last} \
                     (events were removed)"
                ),
            }),
            Some((seq, _)) if seq < last => Err(BrokenLink {
                seq: seq + 1,
                reason: format!("the chain goes on to event {last} but the head records {seq}"),
            }),
            Some((_, hash)) if hash != self.prev => Err(BrokenLink {
                seq: last.max(1),
                reason: "the head's hash does not match the last event".into(),
            }),
            None if last > 0 => Err(BrokenLink {
                seq: 1,
                reason: "the chain has events but its head is missing".into(),
            }),
            _ => Ok(IntactChain {
                events: last,
                head: self.prev,
            }),
        }
    }
}

/// Checks events given in stored order, oldest first, against the chain's rules and the
/// head; the number of events when intact.
pub fn verify_chain(
    events: impl IntoIterator<Item = ChainedEvent>,
    head: Option<(i64, [u8; 32])>,
) -> Result<i64, BrokenLink> {
    let mut verifier = ChainVerifier::new();
    for stored in events {
        verifier.push(&stored)?;
    }
    verifier.finish(head).map(|intact| intact.events)
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Duration};

    use super::*;
    use crate::audit::{AuditAction, AuditEvent, AuditObject, Trail};
    use crate::ids::{AccountId, OrgId};

    fn event(n: i64) -> AuditEvent {
        let at = DateTime::from_timestamp(1_900_000_000, 0).unwrap_or_default()
            + Duration::microseconds(n * 1_000_123);
        let trail = Trail {
            request_id: format!("req-{n}"),
            client_addr: "192.0.2.7".into(),
        };
        AuditEvent::new(
            at,
            Some(AccountId::new()),
            AuditAction::NoteView,
            AuditObject {
                kind: "group_note",
                id: format!("note-{n}"),
            },
            &trail,
        )
        .in_org(OrgId::new())
        .about(AccountId::new())
    }

    /// A valid chain of `n` events and its head.
    fn chain(n: i64) -> (Vec<ChainedEvent>, Option<(i64, [u8; 32])>) {
        let mut prev = GENESIS;
        let mut events = Vec::new();
        for seq in 1..=n {
            let event = event(seq);
            let hash = link_hash(&prev, seq, &event);
            events.push(ChainedEvent {
                seq,
                event,
                prev_hash: prev,
                hash,
            });
            prev = hash;
        }
        (events, Some((n, prev)))
    }

    fn broken_at(events: Vec<ChainedEvent>, head: Option<(i64, [u8; 32])>) -> i64 {
        match verify_chain(events, head) {
            Ok(n) => panic!("the chain of {n} events was taken as intact"),
            Err(broken) => broken.seq,
        }
    }

    #[test]
    fn an_intact_chain_and_an_empty_one_check_out() {
        let (events, head) = chain(5);
        assert_eq!(verify_chain(events, head), Ok(5));
        assert_eq!(verify_chain(Vec::new(), Some((0, GENESIS))), Ok(0));
        assert_eq!(verify_chain(Vec::new(), None), Ok(0));
    }

    #[test]
    fn batches_of_any_size_give_the_same_answer() {
        let (events, head) = chain(7);
        for size in [1, 2, 3, 7, 10] {
            let mut verifier = ChainVerifier::new();
            for batch in events.chunks(size) {
                verifier.push_all(batch).unwrap();
            }
            let intact = verifier.finish(head).unwrap();
            assert_eq!(intact.events, 7);
            assert_eq!(Some((7, intact.head)), head);
        }
    }

    #[test]
    fn a_changed_field_is_found_at_its_event() {
        let (mut events, head) = chain(5);
        events[2].event.client_addr = "198.51.100.1".into();
        assert_eq!(broken_at(events, head), 3);
        let (mut events, head) = chain(5);
        events[1].event.outcome = crate::audit::Outcome::Denied;
        assert_eq!(broken_at(events, head), 2);
        let (mut events, head) = chain(5);
        events[3].event.at += Duration::microseconds(1);
        assert_eq!(broken_at(events, head), 4);
    }

    #[test]
    fn a_changed_event_with_its_own_hash_recomputed_breaks_the_next_link() {
        let (mut events, head) = chain(5);
        let e = &mut events[2];
        e.event.object.id = "another note".into();
        e.hash = link_hash(&e.prev_hash, e.seq, &e.event);
        assert_eq!(broken_at(events, head), 4);
    }

    #[test]
    fn a_deleted_event_is_found_where_it_was() {
        let (mut events, head) = chain(5);
        events.remove(2);
        let broken = verify_chain(events, head).unwrap_err();
        assert_eq!(broken.seq, 3);
        assert!(broken.reason.contains("missing"), "{}", broken.reason);
    }

    #[test]
    fn a_deleted_event_renumbered_breaks_the_link() {
        let (mut events, head) = chain(5);
        events.remove(2);
        for e in events.iter_mut().skip(2) {
            e.seq -= 1;
        }
        assert_eq!(broken_at(events, head), 3);
    }

    #[test]
    fn reordered_events_are_found_at_the_first_moved_one() {
        // Rows swapped whole: their sequence numbers are out of order.
        let (mut events, head) = chain(5);
        events.swap(1, 3);
        assert_eq!(broken_at(events, head), 2);
        // Contents swapped between two sequence numbers: the links no longer meet.
        let (mut events, head) = chain(5);
        let (a, b) = (events[1].clone(), events[3].clone());
        events[1] = ChainedEvent { seq: 2, ..b };
        events[3] = ChainedEvent { seq: 4, ..a };
        assert_eq!(broken_at(events, head), 2);
    }

    #[test]
    fn a_truncated_tail_is_found_by_the_head() {
        let (mut events, head) = chain(5);
        events.pop();
        let broken = verify_chain(events, head).unwrap_err();
        assert_eq!(broken.seq, 5);
        let (mut events, head) = chain(5);
        events.truncate(2);
        assert_eq!(broken_at(events, head), 3);
        // Every event removed, the head kept.
        let (_, head) = chain(5);
        assert_eq!(broken_at(Vec::new(), head), 1);
    }

    #[test]
    fn a_missing_or_stale_head_is_found() {
        let (events, _) = chain(3);
        assert_eq!(broken_at(events, None), 1);
        // Events appended past the head.
        let (events, _) = chain(3);
        let (_, short_head) = chain(2);
        assert_eq!(broken_at(events, short_head), 3);
        // The right count with another hash.
        let (events, _) = chain(3);
        assert_eq!(broken_at(events, Some((3, [7; 32]))), 3);
    }

    #[test]
    fn a_head_recorded_earlier_finds_a_rewrite_of_chain_and_head() {
        let (events, head) = chain(4);
        let recorded = Some((2, events[1].hash));
        // Intact: the chain still passes through it, and has grown since.
        let mut verifier = ChainVerifier::new().through(recorded);
        verifier.push_all(&events).unwrap();
        assert_eq!(verifier.finish(head).unwrap().events, 4);
        // Rewritten from event 2 on, head and all: only the recorded head tells.
        let mut rewritten = events.clone();
        rewritten[1].event.object.id = "rewritten".into();
        let mut prev = rewritten[0].hash;
        for e in rewritten.iter_mut().skip(1) {
            e.prev_hash = prev;
            e.hash = link_hash(&prev, e.seq, &e.event);
            prev = e.hash;
        }
        let new_head = Some((4, prev));
        assert_eq!(verify_chain(rewritten.clone(), new_head), Ok(4));
        let mut verifier = ChainVerifier::new().through(recorded);
        let broken = verifier.push_all(&rewritten).unwrap_err();
        assert_eq!(broken.seq, 2);
        // Cut back to before the recorded head, head rewritten to match.
        let mut verifier = ChainVerifier::new().through(recorded);
        verifier.push_all(&events[..1]).unwrap();
        let broken = verifier.finish(Some((1, events[0].hash))).unwrap_err();
        assert_eq!(broken.seq, 2);
    }

    #[test]
    fn a_chain_and_head_rewritten_together_cannot_be_told_apart() {
        // What verification cannot prove: whoever rewrites every hash and the head makes
        // a valid chain. Operators keep the head printed by `kindred audit verify` elsewhere.
        let (mut events, _) = chain(4);
        events.truncate(3);
        let head = events.last().map(|e| (e.seq, e.hash));
        assert_eq!(verify_chain(events, head), Ok(3));
    }
}
