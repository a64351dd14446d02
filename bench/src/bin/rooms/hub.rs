//! What every connection task reports into while one server is measured: the clock all
//! timestamps count from, each phase's tally, and the frames that were not chat messages.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use crate::frames::{classify, Incoming, MessageId};
use crate::tally::Tally;

pub struct Hub {
    /// Time zero of every `*_ns` figure (monotonic).
    epoch: Instant,
    pub phases: Vec<Tally>,
    /// The phase running now: it is charged with rate-limit and error frames.
    current: AtomicUsize,
    /// Connections the server closed or broke (not the generator's own closing).
    pub dropped: AtomicU64,
    /// Welcomes after the first: Kindred sends one again when a connection fell behind the
    /// room's broadcast and was caught up from the store.
    pub welcomed_again: AtomicU64,
    /// A first error, rate-limit or closing frame, for the report to quote.
    pub first_problem: Mutex<Option<String>>,
}

impl Hub {
    pub fn new(phases: Vec<Tally>) -> Hub {
        Hub {
            epoch: Instant::now(),
            phases,
            current: AtomicUsize::new(0),
            dropped: AtomicU64::new(0),
            welcomed_again: AtomicU64::new(0),
            first_problem: Mutex::new(None),
        }
    }

    pub fn ns_at(&self, at: Instant) -> u64 {
        u64::try_from(at.saturating_duration_since(self.epoch).as_nanos()).unwrap_or(u64::MAX)
    }

    pub fn set_current(&self, phase: usize) {
        self.current.store(phase, Ordering::Release);
    }

    fn current(&self) -> Option<&Tally> {
        self.phases.get(self.current.load(Ordering::Acquire))
    }

    /// A text frame member `member` received.
    pub fn on_text(&self, member: usize, text: &str) {
        match classify(text) {
            Incoming::Chat(client_id) => {
                let now = self.ns_at(Instant::now());
                let id = MessageId::parse(client_id);
                let tally =
                    id.and_then(|id| self.phases.iter().find(|t| t.plan.letter() == id.phase));
                if let (Some(id), Some(tally)) = (id, tally) {
                    tally.received(id.k, id.due_ns, member, now);
                }
            }
            Incoming::RateLimited => {
                if let Some(t) = self.current() {
                    t.rate_limited.fetch_add(1, Ordering::Relaxed);
                }
                self.remember(text);
            }
            Incoming::Error | Incoming::Closing => {
                if let Some(t) = self.current() {
                    t.errors.fetch_add(1, Ordering::Relaxed);
                }
                self.remember(text);
            }
            Incoming::Welcome => {
                self.welcomed_again.fetch_add(1, Ordering::Relaxed);
            }
            Incoming::Other => {}
        }
    }

    fn remember(&self, text: &str) {
        let mut first = self.first_problem.lock().unwrap_or_else(|e| e.into_inner());
        if first.is_none() {
            *first = Some(text.chars().take(300).collect());
        }
    }
}
