//! Rows that key rotation reads from any sealed column (see `crypto::rotation`).

use super::SqliteRow;
use crate::sqlite::values::Cols;

/// A row's id and its sealed value.
#[derive(sqlx::FromRow)]
pub(crate) struct SealedValueRow {
    pub(crate) row_id: String,
    pub(crate) value: Vec<u8>,
}

impl SqliteRow for SealedValueRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(SealedValueRow {
            row_id: c.get("row_id")?,
            value: c.get("value")?,
        })
    }
}

/// A row's id and the text it holds from before its column was sealed.
#[derive(sqlx::FromRow)]
pub(crate) struct PlainValueRow {
    pub(crate) row_id: String,
    pub(crate) value: String,
}

impl SqliteRow for PlainValueRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(PlainValueRow {
            row_id: c.get("row_id")?,
            value: c.get("value")?,
        })
    }
}

/// A key id found in a sealed column.
#[derive(sqlx::FromRow)]
pub(crate) struct KeyIdRow {
    pub(crate) key_id: Vec<u8>,
}

impl SqliteRow for KeyIdRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(KeyIdRow {
            key_id: c.get("key_id")?,
        })
    }
}
