//! Turning report values into CSV cells. The server writes the file with the `csv` crate,
//! which quotes; these helpers only choose the text of each cell.

use chrono::NaiveDate;

/// Free text (names) for a spreadsheet: a cell starting with `=`, `+`, `-`, `@`, a tab or
/// a carriage return would be run as a formula by spreadsheet programs, so it gets a
/// leading `'`. All other text is kept as it is.
pub fn text(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

/// A date as `YYYY-MM-DD`.
pub fn date(value: NaiveDate) -> String {
    value.format("%Y-%m-%d").to_string()
}

/// A number with the given decimals, or an empty cell for `None`.
pub fn decimal(value: Option<f64>, decimals: usize) -> String {
    value.map_or_else(String::new, |v| format!("{v:.decimals$}"))
}

/// Any displayable value, or an empty cell for `None`.
pub fn optional<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

/// Whether a flag is set, as `yes` or `no`.
pub fn flag(value: bool) -> String {
    if value { "yes" } else { "no" }.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(text("+1"), "'+1");
        assert_eq!(text("-2"), "'-2");
        assert_eq!(text("@sum"), "'@sum");
        assert_eq!(text("Ana Ruiz"), "Ana Ruiz");
        assert_eq!(text(""), "");
    }

    #[test]
    fn empty_cells_for_none() {
        assert_eq!(decimal(None, 1), "");
        assert_eq!(decimal(Some(33.3), 1), "33.3");
        assert_eq!(decimal(Some(50.0), 1), "50.0");
        assert_eq!(optional::<i32>(None), "");
        assert_eq!(optional(Some(3)), "3");
    }
}
