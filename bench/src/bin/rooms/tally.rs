//! What happened to each message of a phase, recorded by the connection tasks as frames
//! arrive: one 16-bit mark per message, bit `seat` set when that member of the room got it
//! (a bit already set is a duplicate) and [`SENT`] once the sender's socket took it. After
//! the phase and its grace period the marks give the lost and the unacknowledged exactly.

use std::sync::atomic::{AtomicU16, AtomicU64, Ordering};
use std::time::Duration;

use crate::histogram::{Histogram, Percentiles};
use crate::plan::Plan;

/// The sender's socket accepted the message.
const SENT: u16 = 1 << 15;
/// Seats a mark has room for.
pub const MAX_ROOM_SIZE: usize = 15;

pub struct Tally {
    pub plan: Plan,
    marks: Vec<AtomicU16>,
    /// The phase's start, in ns since the benchmark started.
    start_ns: AtomicU64,
    /// Send to receipt, every receiver of the measured messages.
    pub latency: Histogram,
    /// Send to the sender's own copy (the server stored it), measured messages.
    pub ack_latency: Histogram,
    /// How late the generator handed each message to its socket: its own delay, included
    /// in the latencies (they count from when a message was due).
    pub lag: Histogram,
    measured_deliveries: AtomicU64,
    acks_in_window: AtomicU64,
    duplicates: AtomicU64,
    /// Ids of another run, or a copy delivered to someone outside the message's room.
    strays: AtomicU64,
    pub rate_limited: AtomicU64,
    pub errors: AtomicU64,
    send_failures: AtomicU64,
}

/// A phase's figures.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Outcome {
    pub messages: usize,
    pub sent: u64,
    pub send_failures: u64,
    pub expected_deliveries: u64,
    pub delivered: u64,
    pub lost: u64,
    pub duplicated: u64,
    pub acked: u64,
    /// Sent, and never echoed back to the sender by the end of the grace period.
    pub unacked: u64,
    pub deliveries_per_sec: f64,
    pub acked_per_sec: f64,
    pub offered_per_sec: f64,
    /// Every member of the room gets each message, the sender included.
    pub offered_deliveries_per_sec: f64,
    pub latency_ms: Percentiles,
    pub ack_latency_ms: Percentiles,
    pub send_lag_ms: Percentiles,
    pub rate_limited: u64,
    pub errors: u64,
    pub strays: u64,
}

impl Tally {
    pub fn new(plan: Plan) -> Tally {
        Tally {
            plan,
            marks: (0..plan.messages()).map(|_| AtomicU16::new(0)).collect(),
            start_ns: AtomicU64::new(u64::MAX),
            latency: Histogram::default(),
            ack_latency: Histogram::default(),
            lag: Histogram::default(),
            measured_deliveries: AtomicU64::new(0),
            acks_in_window: AtomicU64::new(0),
            duplicates: AtomicU64::new(0),
            strays: AtomicU64::new(0),
            rate_limited: AtomicU64::new(0),
            errors: AtomicU64::new(0),
            send_failures: AtomicU64::new(0),
        }
    }

    pub fn begin(&self, start_ns: u64) {
        self.start_ns.store(start_ns, Ordering::Release);
    }

    pub fn sent(&self, k: usize) {
        if let Some(mark) = self.marks.get(k) {
            mark.fetch_or(SENT, Ordering::Relaxed);
        }
    }

    pub fn send_failed(&self) {
        self.send_failures.fetch_add(1, Ordering::Relaxed);
    }

    /// Member `receiver` got message `k`, due at `due_ns`, at `now_ns`.
    pub fn received(&self, k: usize, due_ns: u64, receiver: usize, now_ns: u64) {
        let size = self.plan.size.max(1);
        let Some(mark) = self.marks.get(k) else {
            self.strays.fetch_add(1, Ordering::Relaxed);
            return;
        };
        if receiver / size != self.plan.room(k) {
            self.strays.fetch_add(1, Ordering::Relaxed);
            return;
        }
        let bit = 1u16 << (receiver % size);
        if mark.fetch_or(bit, Ordering::Relaxed) & bit != 0 {
            self.duplicates.fetch_add(1, Ordering::Relaxed);
            return;
        }
        let took = now_ns.saturating_sub(due_ns);
        let measured = self.plan.measured(k);
        if measured {
            self.latency.record(took);
            self.measured_deliveries.fetch_add(1, Ordering::Relaxed);
        }
        if receiver == self.plan.sender(k) {
            if measured {
                self.ack_latency.record(took);
            }
            let start = self.start_ns.load(Ordering::Acquire);
            let (from, to) = self.plan.window();
            let since = now_ns.saturating_sub(start);
            if start != u64::MAX && since >= nanos(from) && since < nanos(to) {
                self.acks_in_window.fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    /// The figures, once the phase and its grace period are over.
    pub fn outcome(&self) -> Outcome {
        let size = self.plan.size.max(1);
        let (mut sent, mut delivered, mut acked) = (0u64, 0u64, 0u64);
        for (k, mark) in self.marks.iter().enumerate() {
            let mark = mark.load(Ordering::Relaxed);
            if mark & SENT == 0 {
                continue;
            }
            sent += 1;
            delivered += u64::from((mark & !SENT).count_ones());
            let sender_bit = 1u16 << (self.plan.sender(k) % size);
            acked += u64::from(mark & sender_bit != 0);
        }
        let expected = sent * size as u64;
        let secs = self.plan.measured_secs.max(1) as f64;
        Outcome {
            messages: self.plan.messages(),
            sent,
            send_failures: self.send_failures.load(Ordering::Relaxed),
            expected_deliveries: expected,
            delivered,
            lost: expected.saturating_sub(delivered),
            duplicated: self.duplicates.load(Ordering::Relaxed),
            acked,
            unacked: sent - acked,
            deliveries_per_sec: self.measured_deliveries.load(Ordering::Relaxed) as f64 / secs,
            acked_per_sec: self.acks_in_window.load(Ordering::Relaxed) as f64 / secs,
            offered_per_sec: self.plan.per_second as f64,
            offered_deliveries_per_sec: (self.plan.per_second * size) as f64,
            latency_ms: self.latency.percentiles(),
            ack_latency_ms: self.ack_latency.percentiles(),
            send_lag_ms: self.lag.percentiles(),
            rate_limited: self.rate_limited.load(Ordering::Relaxed),
            errors: self.errors.load(Ordering::Relaxed),
            strays: self.strays.load(Ordering::Relaxed),
        }
    }
}

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lost_duplicated_and_acknowledged_come_from_the_marks() {
        let tally = Tally::new(Plan::delivery(2, 3, 0, 1));
        tally.begin(0);
        // Message 0: room 0, sent by member 0; message 1: room 1, sent by member 3.
        tally.sent(0);
        tally.sent(1);
        for receiver in 0..3 {
            tally.received(0, 0, receiver, 1_000_000);
        }
        tally.received(0, 0, 1, 2_000_000);
        tally.received(1, 0, 4, 1_000_000);
        tally.received(1, 0, 0, 1_000_000);
        let out = tally.outcome();
        assert_eq!((out.sent, out.expected_deliveries), (2, 6));
        assert_eq!((out.delivered, out.lost, out.duplicated), (4, 2, 1));
        assert_eq!((out.acked, out.unacked), (1, 1));
        assert_eq!(out.strays, 1);
        assert_eq!(out.latency_ms.count, 4);
    }
}
