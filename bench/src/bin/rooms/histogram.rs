//! Latencies recorded from every connection task at once: buckets of atomic counters, 10 µs
//! wide up to 1 s and 1 ms wide from there to 120 s (beyond, the last bucket; the exact
//! maximum is kept apart). No lock and no allocation per sample; a percentile is exact to
//! 10 µs below a second, to 1 ms above (an overloaded server's seconds).

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

const FINE_NS: u64 = 10_000;
const FINE: u64 = 100_000;
const COARSE_NS: u64 = 1_000_000;
const COARSE: u64 = 119_000;
const BUCKETS: usize = (FINE + COARSE) as usize;

fn bucket(ns: u64) -> usize {
    let index = if ns < FINE * FINE_NS {
        ns / FINE_NS
    } else {
        FINE + (ns - FINE * FINE_NS) / COARSE_NS
    };
    usize::try_from(index).unwrap_or(BUCKETS).min(BUCKETS - 1)
}

/// The upper edge of bucket `index`, in ns.
fn upper(index: usize) -> u64 {
    let index = index as u64;
    if index < FINE {
        (index + 1) * FINE_NS
    } else {
        FINE * FINE_NS + (index - FINE + 1) * COARSE_NS
    }
}

pub struct Histogram {
    buckets: Vec<AtomicU32>,
    count: AtomicU64,
    max_ns: AtomicU64,
}

/// Milliseconds.
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct Percentiles {
    pub count: u64,
    pub p50: f64,
    pub p90: f64,
    pub p99: f64,
    pub max: f64,
}

impl Default for Histogram {
    fn default() -> Self {
        Histogram {
            buckets: (0..BUCKETS).map(|_| AtomicU32::new(0)).collect(),
            count: AtomicU64::new(0),
            max_ns: AtomicU64::new(0),
        }
    }
}

impl Histogram {
    pub fn record(&self, ns: u64) {
        if let Some(bucket) = self.buckets.get(bucket(ns)) {
            bucket.fetch_add(1, Ordering::Relaxed);
        }
        self.count.fetch_add(1, Ordering::Relaxed);
        self.max_ns.fetch_max(ns, Ordering::Relaxed);
    }

    /// Nearest rank; a bucket reports its upper edge, so a figure is never flattered.
    pub fn percentiles(&self) -> Percentiles {
        let count = self.count.load(Ordering::Relaxed);
        let max = self.max_ns.load(Ordering::Relaxed) as f64 / 1e6;
        if count == 0 {
            return Percentiles::default();
        }
        let ranks = [0.50, 0.90, 0.99].map(|q| ((q * count as f64).ceil() as u64).max(1));
        let mut found = [f64::NAN; 3];
        let mut seen = 0u64;
        let mut next = 0;
        for (index, bucket) in self.buckets.iter().enumerate() {
            seen += u64::from(bucket.load(Ordering::Relaxed));
            while next < ranks.len() && ranks.get(next).is_some_and(|&r| seen >= r) {
                if let Some(slot) = found.get_mut(next) {
                    *slot = (upper(index) as f64 / 1e6).min(max);
                }
                next += 1;
            }
            if next == ranks.len() {
                break;
            }
        }
        Percentiles {
            count,
            p50: found[0],
            p90: found[1],
            p99: found[2],
            max,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Histogram;

    #[test]
    fn percentiles_to_ten_microseconds() {
        let h = Histogram::default();
        for ms in 1..=1000u64 {
            h.record(ms * 1_000_000);
        }
        let p = h.percentiles();
        assert_eq!(p.count, 1000);
        assert!((p.p50 - 500.01).abs() < 1e-9, "{}", p.p50);
        assert!((p.p99 - 990.01).abs() < 1e-9, "{}", p.p99);
        assert!((p.max - 1000.0).abs() < 1e-9);
        let slow = Histogram::default();
        slow.record(2_500_000_000);
        slow.record(30_000_400_000);
        let p = slow.percentiles();
        assert!((p.p50 - 2_501.0).abs() < 1e-9, "{}", p.p50);
        assert!((p.p99 - 30_000.4).abs() < 1e-9, "{}", p.p99);
        assert_eq!(Histogram::default().percentiles().count, 0);
    }
}
