//! Latency percentiles from the raw samples (a run holds at most a few hundred thousand).

use serde_json::{json, Value};

/// Latencies in microseconds.
#[derive(Debug, Default, Clone)]
pub struct Samples(Vec<u64>);

impl Samples {
    pub fn push(&mut self, micros: u64) {
        self.0.push(micros);
    }

    pub fn extend(&mut self, other: Samples) {
        self.0.extend(other.0);
    }

    pub fn summary(mut self) -> Summary {
        self.0.sort_unstable();
        let at = |q: f64| -> f64 {
            if self.0.is_empty() {
                return f64::NAN;
            }
            // Nearest rank: the smallest sample with at least q of all samples at or below it.
            let rank = (q * self.0.len() as f64).ceil() as usize;
            let index = rank.clamp(1, self.0.len()) - 1;
            self.0.get(index).map_or(f64::NAN, |&us| us as f64 / 1000.0)
        };
        Summary {
            p50: at(0.50),
            p90: at(0.90),
            p99: at(0.99),
            p999: at(0.999),
            max: at(1.0),
        }
    }
}

/// Milliseconds.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    pub p50: f64,
    pub p90: f64,
    pub p99: f64,
    pub p999: f64,
    pub max: f64,
}

impl Summary {
    pub fn to_json(self) -> Value {
        let ms = |v: f64| {
            if v.is_finite() {
                json!((v * 1000.0).round() / 1000.0)
            } else {
                Value::Null
            }
        };
        json!({
            "p50": ms(self.p50), "p90": ms(self.p90), "p99": ms(self.p99),
            "p999": ms(self.p999), "max": ms(self.max),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Samples;

    #[test]
    fn nearest_rank_percentiles() {
        let mut samples = Samples::default();
        for us in 1..=1000 {
            samples.push(us * 1000);
        }
        let s = samples.summary();
        assert!((s.p50 - 500.0).abs() < 1e-9);
        assert!((s.p99 - 990.0).abs() < 1e-9);
        assert!((s.p999 - 999.0).abs() < 1e-9);
        assert!((s.max - 1000.0).abs() < 1e-9);
    }

    #[test]
    fn no_samples_give_no_figures() {
        assert!(Samples::default().summary().p99.is_nan());
    }
}
