//! The per-member message rate limit: a burst of [`BURST`] messages, then one a second. A
//! token bucket, refilled from the time passed, so a quiet member always has the burst.

use chrono::{DateTime, Utc};

/// Messages a member may send at once after a quiet spell.
pub const BURST: f64 = 10.0;
/// Messages a second once the burst is spent.
pub const PER_SECOND: f64 = 1.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateLimit {
    tokens: f64,
    at: DateTime<Utc>,
}

impl RateLimit {
    /// A full bucket.
    pub fn new(now: DateTime<Utc>) -> Self {
        RateLimit {
            tokens: BURST,
            at: now,
        }
    }

    /// Takes one message's token: `Ok`, or `Err` with the seconds until the next one (for
    /// the notice the member sees).
    pub fn take(&mut self, now: DateTime<Utc>) -> Result<(), f64> {
        let passed = (now - self.at).num_milliseconds().max(0) as f64 / 1000.0;
        self.tokens = (self.tokens + passed * PER_SECOND).min(BURST);
        self.at = self.at.max(now);
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            Ok(())
        } else {
            Err((1.0 - self.tokens) / PER_SECOND)
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;

    #[test]
    fn ten_at_once_then_one_a_second() {
        let t0 = DateTime::from_timestamp(1_900_000_000, 0).unwrap_or_default();
        let mut limit = RateLimit::new(t0);
        for _ in 0..10 {
            assert_eq!(limit.take(t0), Ok(()));
        }
        let wait = limit.take(t0).unwrap_err();
        assert!((wait - 1.0).abs() < 1e-9, "{wait}");
        let half = t0 + Duration::milliseconds(500);
        assert!(limit.take(half).is_err());
        assert_eq!(limit.take(t0 + Duration::seconds(1)), Ok(()));
        assert!(limit.take(t0 + Duration::seconds(1)).is_err());
        // A quiet minute refills the burst, and no more.
        let later = t0 + Duration::seconds(60);
        for _ in 0..10 {
            assert_eq!(limit.take(later), Ok(()));
        }
        assert!(limit.take(later).is_err());
    }

    #[test]
    fn a_clock_going_backwards_gives_nothing_extra() {
        let t0 = DateTime::from_timestamp(1_900_000_000, 0).unwrap_or_default();
        let mut limit = RateLimit::new(t0);
        for _ in 0..10 {
            limit.take(t0).ok();
        }
        assert!(limit.take(t0 - Duration::seconds(30)).is_err());
        assert!(limit.take(t0).is_err());
    }
}
