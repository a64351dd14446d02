//! Turning sqlx and rusqlite errors and stored text into the storage port's error type.

use std::str::FromStr;

use kindred_domain::fields::Choice;
use kindred_domain::StoreError;

/// Maps a sqlx error; uniqueness violations become `Duplicate` with words a person can read.
pub(crate) fn db(error: sqlx::Error) -> StoreError {
    match &error {
        sqlx::Error::RowNotFound => StoreError::NotFound,
        sqlx::Error::Database(e) if e.is_unique_violation() => {
            // PostgreSQL names the constraint; SQLite only mentions the column in its message.
            let what = e
                .constraint()
                .map(str::to_owned)
                .unwrap_or_else(|| e.message().to_owned());
            StoreError::Duplicate(describe_unique(&what).to_owned())
        }
        _ => StoreError::Backend(error.to_string()),
    }
}

/// Maps a rusqlite error the same way: SQLite reports a uniqueness violation (of a UNIQUE
/// constraint or index, or of a primary key) with the table and columns in its message.
pub(crate) fn sqlite(error: rusqlite::Error) -> StoreError {
    use rusqlite::ffi::{SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE};
    match &error {
        rusqlite::Error::QueryReturnedNoRows => StoreError::NotFound,
        rusqlite::Error::SqliteFailure(e, message)
            if e.extended_code == SQLITE_CONSTRAINT_UNIQUE
                || e.extended_code == SQLITE_CONSTRAINT_PRIMARYKEY =>
        {
            StoreError::Duplicate(
                describe_unique(message.as_deref().unwrap_or_default()).to_owned(),
            )
        }
        _ => StoreError::Backend(error.to_string()),
    }
}

fn describe_unique(what: &str) -> &'static str {
    if what.contains("email") {
        "an account with this email"
    } else if what.contains("token_hash") || what.contains("setup_tokens") {
        "a token with this value"
    } else if what.contains("one_lead") || what.contains("group_facilitators.group_id") {
        "a second lead facilitator for this group"
    } else if what.contains("org_staff") {
        "a role for this person in this organization"
    } else {
        "a record with this identity"
    }
}

/// Parses an id read back from storage.
pub(crate) fn id<T: FromStr>(column: &str, raw: &str) -> Result<T, StoreError> {
    raw.parse()
        .map_err(|_| StoreError::Backend(format!("stored {column} is not a uuid")))
}

/// Parses a vocabulary code read back from storage; an unknown code means the data and the
/// code disagree, which is a backend failure rather than something to hide.
pub(crate) fn code<T: Choice>(column: &str, raw: &str) -> Result<T, StoreError> {
    T::from_code(raw)
        .ok_or_else(|| StoreError::Backend(format!("stored {column} has unknown code {raw:?}")))
}

/// Parses every code of a vocabulary list and returns them in the vocabulary's order.
pub(crate) fn codes<T: Choice + Ord>(column: &str, raw: &[&str]) -> Result<Vec<T>, StoreError> {
    let mut values = raw
        .iter()
        .map(|c| code::<T>(column, c))
        .collect::<Result<Vec<T>, _>>()?;
    // Variants derive Ord in declaration order, which is `Choice::ALL` order.
    values.sort();
    values.dedup();
    Ok(values)
}

/// Parses an IANA time zone name read back from storage.
pub(crate) fn time_zone(raw: &str) -> Result<chrono_tz::Tz, StoreError> {
    raw.parse()
        .map_err(|_| StoreError::Backend(format!("stored time zone {raw:?} is unknown")))
}
