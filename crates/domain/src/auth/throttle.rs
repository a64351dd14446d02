//! How many failed sign-ins a person gets before they must wait: enough for typos, too few
//! for guessing. The server keeps one record per email and client address.

use chrono::{DateTime, Duration, Utc};

pub const MAX_FAILED_SIGN_INS: u32 = 5;
pub const SIGN_IN_WINDOW: Duration = Duration::minutes(15);

/// Failed sign-ins in the current window.
#[derive(Debug, Clone)]
pub struct SignInAttempts {
    failures: u32,
    since: DateTime<Utc>,
}

impl SignInAttempts {
    pub fn new(now: DateTime<Utc>) -> Self {
        Self {
            failures: 0,
            since: now,
        }
    }

    /// How long to wait before the next try, or `None` when a try is allowed now.
    pub fn wait(&self, now: DateTime<Utc>) -> Option<Duration> {
        let ends = self.since + SIGN_IN_WINDOW;
        (self.failures >= MAX_FAILED_SIGN_INS && now < ends).then(|| ends - now)
    }

    pub fn failed(&mut self, now: DateTime<Utc>) {
        if now >= self.since + SIGN_IN_WINDOW {
            *self = Self::new(now);
        }
        self.failures += 1;
    }

    /// Whether the record says nothing any more and can be dropped.
    pub fn expired(&self, now: DateTime<Utc>) -> bool {
        now >= self.since + SIGN_IN_WINDOW
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_make_the_sixth_try_wait_until_the_window_ends() {
        let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let mut attempts = SignInAttempts::new(t0);
        for i in 0..MAX_FAILED_SIGN_INS {
            assert_eq!(attempts.wait(t0), None, "try {}", i + 1);
            attempts.failed(t0 + Duration::minutes(1));
        }
        assert_eq!(
            attempts.wait(t0 + Duration::minutes(5)),
            Some(Duration::minutes(10))
        );
        assert_eq!(attempts.wait(t0 + SIGN_IN_WINDOW), None);
    }

    #[test]
    fn a_failure_after_the_window_starts_a_new_count() {
        let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let mut attempts = SignInAttempts::new(t0);
        for _ in 0..4 {
            attempts.failed(t0);
        }
        let later = t0 + SIGN_IN_WINDOW + Duration::minutes(1);
        attempts.failed(later);
        assert_eq!(attempts.wait(later), None, "one failure in the new window");
    }
}
