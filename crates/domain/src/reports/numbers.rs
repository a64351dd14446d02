//! Rounding and counting shared by the reports.

/// Minutes as hours rounded to two decimals (`90` → `1.5`, `10` → `0.17`).
pub fn hours(minutes: i32) -> f64 {
    (f64::from(minutes) / 60.0 * 100.0).round() / 100.0
}

/// A collection size as the `i32` the reports use for counts.
pub fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_round_to_two_decimals() {
        assert_eq!(hours(90), 1.5);
        assert_eq!(hours(10), 0.17);
        assert_eq!(hours(0), 0.0);
    }
}
