//! The send schedules, fixed in time before a phase starts (open loop: nothing waits for a
//! reply). Members are numbered room by room: member `room * size + seat`.
//!
//! - Delivery: each second, every room's next sender (seat `second % size`, so each member
//!   sends once every `size` seconds, well inside the rate limit) sends one message; the
//!   rooms' sends are spread evenly over the second.
//! - Throughput: each second, each of `senders` members (spread over all rooms when fewer
//!   than all) sends one message, spread evenly over the second.
//!
//! Message `k` of a phase is the `k % per_second`-th send of second `k / per_second`.

use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Delivery,
    Throughput,
}

#[derive(Debug, Clone, Copy)]
pub struct Plan {
    pub kind: Kind,
    pub rooms: usize,
    pub size: usize,
    /// Sends per second: the rooms (delivery) or the senders (throughput).
    pub per_second: usize,
    pub warmup_secs: usize,
    pub measured_secs: usize,
}

impl Plan {
    pub fn delivery(rooms: usize, size: usize, warmup: usize, measured: usize) -> Plan {
        Plan {
            kind: Kind::Delivery,
            rooms,
            size,
            per_second: rooms,
            warmup_secs: warmup,
            measured_secs: measured,
        }
    }

    pub fn throughput(
        rooms: usize,
        size: usize,
        senders: usize,
        warmup: usize,
        measured: usize,
    ) -> Plan {
        Plan {
            kind: Kind::Throughput,
            rooms,
            size,
            per_second: senders.min(rooms * size),
            warmup_secs: warmup,
            measured_secs: measured,
        }
    }

    /// The letter the phase's message ids start with.
    pub fn letter(&self) -> u8 {
        match self.kind {
            Kind::Delivery => b'd',
            Kind::Throughput => b't',
        }
    }

    pub fn messages(&self) -> usize {
        self.per_second * (self.warmup_secs + self.measured_secs)
    }

    /// Whether message `k` was sent in the measured window (after the warm-up).
    pub fn measured(&self, k: usize) -> bool {
        k / self.per_second.max(1) >= self.warmup_secs
    }

    /// The member who sends message `k`.
    pub fn sender(&self, k: usize) -> usize {
        let (second, slot) = (k / self.per_second.max(1), k % self.per_second.max(1));
        match self.kind {
            Kind::Delivery => slot * self.size + second % self.size.max(1),
            Kind::Throughput => slot * (self.rooms * self.size) / self.per_second.max(1),
        }
    }

    pub fn room(&self, k: usize) -> usize {
        self.sender(k) / self.size.max(1)
    }

    /// When message `k` is due, after the phase starts.
    pub fn due(&self, k: usize) -> Duration {
        let per_second = self.per_second.max(1) as u64;
        let (second, slot) = (k as u64 / per_second, k as u64 % per_second);
        Duration::from_nanos(second * 1_000_000_000 + slot * 1_000_000_000 / per_second)
    }

    /// The measured window, after the phase starts.
    pub fn window(&self) -> (Duration, Duration) {
        let from = Duration::from_secs(self.warmup_secs as u64);
        (from, from + Duration::from_secs(self.measured_secs as u64))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delivery_rotates_the_sender_within_each_room() {
        let plan = Plan::delivery(1000, 10, 3, 20);
        assert_eq!(plan.messages(), 23_000);
        // Second 0: seat 0 of every room; second 1: seat 1.
        assert_eq!(plan.sender(0), 0);
        assert_eq!(plan.sender(999), 9_990);
        assert_eq!(plan.sender(1000), 1);
        assert_eq!(plan.sender(1000 * 12 + 7), 7 * 10 + 2);
        assert_eq!(plan.room(1000 * 12 + 7), 7);
        assert_eq!(plan.due(1500), Duration::from_millis(1500));
        assert!(!plan.measured(2999) && plan.measured(3000));
    }

    #[test]
    fn throughput_has_every_sender_once_a_second() {
        let plan = Plan::throughput(1000, 10, 10_000, 3, 20);
        assert_eq!(plan.sender(10_000 + 42), 42);
        assert_eq!(plan.room(10_000 + 42), 4);
        assert_eq!(plan.due(25_000), Duration::from_millis(2500));
        let few = Plan::throughput(1000, 10, 5_000, 0, 1);
        assert_eq!(few.sender(1), 2);
        assert_eq!(few.sender(4_999), 9_998);
    }
}
