//! How Rust values are stored in SQLite's STRICT tables: ids and codes as TEXT, booleans as
//! INTEGER 0/1 (rusqlite's own mapping), timestamps as fixed-width UTC TEXT.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::Row;

/// A timestamp as SQLite stores it: `2026-01-02T03:04:05.123456Z`. Always six fractional
/// digits and `Z`, so comparing the text (`starts_at > $2`, `ORDER BY created_at`) is
/// comparing the times. Microseconds, like PostgreSQL's `timestamptz`. Reading accepts any
/// RFC 3339 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ts(pub(crate) DateTime<Utc>);

impl ToSql for Ts {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(
            self.0.to_rfc3339_opts(SecondsFormat::Micros, true),
        ))
    }
}

impl FromSql for Ts {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        DateTime::parse_from_rfc3339(value.as_str()?)
            .map(|t| Ts(t.with_timezone(&Utc)))
            .map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

/// Binds a timestamp.
pub(crate) fn ts(t: DateTime<Utc>) -> Ts {
    Ts(t)
}

/// Binds an optional timestamp (NULL when absent).
pub(crate) fn opt_ts(t: Option<DateTime<Utc>>) -> Option<Ts> {
    t.map(Ts)
}

/// A calendar date as SQLite stores it: `2026-03-08`, which sorts in date order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Day(pub(crate) NaiveDate);

impl ToSql for Day {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0.format("%Y-%m-%d").to_string()))
    }
}

impl FromSql for Day {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        NaiveDate::parse_from_str(value.as_str()?, "%Y-%m-%d")
            .map(Day)
            .map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

/// Binds an optional date (NULL when absent).
pub(crate) fn opt_day(d: Option<NaiveDate>) -> Option<Day> {
    d.map(Day)
}

/// Reads a row's columns in order. Looking a column up by name costs a string comparison
/// per column per row; reading by position does not, and the names still document (and, in
/// debug builds, check) which column is which.
pub(crate) struct Cols<'a, 'r> {
    row: &'a Row<'r>,
    next: usize,
}

impl<'a, 'r> Cols<'a, 'r> {
    pub(crate) fn new(row: &'a Row<'r>) -> Self {
        Cols { row, next: 0 }
    }

    /// The next column, which is `name`.
    pub(crate) fn get<T: FromSql>(&mut self, name: &str) -> rusqlite::Result<T> {
        let index = self.next;
        self.next += 1;
        if cfg!(debug_assertions) {
            let actual = self.row.as_ref().column_name(index)?;
            if actual != name {
                return Err(rusqlite::Error::InvalidColumnName(format!(
                    "column {index} is {actual:?} where the row reader expects {name:?}"
                )));
            }
        }
        self.row.get(index)
    }

    /// The next column, a timestamp.
    pub(crate) fn time(&mut self, name: &str) -> rusqlite::Result<DateTime<Utc>> {
        self.get::<Ts>(name).map(|t| t.0)
    }

    /// The next column, a date.
    pub(crate) fn date(&mut self, name: &str) -> rusqlite::Result<NaiveDate> {
        self.get::<Day>(name).map(|d| d.0)
    }

    /// The next column, a nullable date.
    pub(crate) fn opt_date(&mut self, name: &str) -> rusqlite::Result<Option<NaiveDate>> {
        self.get::<Option<Day>>(name).map(|d| d.map(|d| d.0))
    }

    /// The next column, a nullable timestamp.
    pub(crate) fn opt_time(&mut self, name: &str) -> rusqlite::Result<Option<DateTime<Utc>>> {
        self.get::<Option<Ts>>(name).map(|t| t.map(|t| t.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_fixed_width_utc_text_that_sorts_in_time_order() {
        let whole = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        let later = DateTime::from_timestamp(1_800_000_000, 5_000).unwrap_or_default();
        let text = |t| match Ts(t).to_sql() {
            Ok(ToSqlOutput::Owned(rusqlite::types::Value::Text(s))) => s,
            other => format!("unexpected {other:?}"),
        };
        assert_eq!(text(whole), "2027-01-15T08:00:00.000000Z");
        assert_eq!(text(later), "2027-01-15T08:00:00.000005Z");
        assert!(text(whole) < text(later));
        for t in [whole, later] {
            let read = Ts::column_result(ValueRef::Text(text(t).as_bytes()));
            assert_eq!(read.ok(), Some(Ts(t)));
        }
        // What sqlx wrote before (offset form, variable digits) still reads.
        let old = Ts::column_result(ValueRef::Text(b"2027-01-15T08:00:00+00:00"));
        assert_eq!(old.ok(), Some(Ts(whole)));
    }
}
