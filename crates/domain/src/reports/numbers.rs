//! Rounding and counting shared by the reports.

/// `part` of `whole` as a percentage rounded to one decimal (`12.5` means 12.5 %);
/// `None` when `whole` is zero, so an empty table never divides by zero.
pub fn percent(part: i32, whole: i32) -> Option<f64> {
    if whole == 0 {
        return None;
    }
    Some((f64::from(part) * 1000.0 / f64::from(whole)).round() / 10.0)
}

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
    fn percent_rounds_to_one_decimal() {
        assert_eq!(percent(1, 3), Some(33.3));
        assert_eq!(percent(2, 3), Some(66.7));
        assert_eq!(percent(3, 3), Some(100.0));
        assert_eq!(percent(0, 4), Some(0.0));
    }

    #[test]
    fn percent_of_nothing_is_none() {
        assert_eq!(percent(0, 0), None);
    }

    #[test]
    fn hours_round_to_two_decimals() {
        assert_eq!(hours(90), 1.5);
        assert_eq!(hours(10), 0.17);
        assert_eq!(hours(0), 0.0);
    }
}
