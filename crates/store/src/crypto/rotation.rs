//! Key rotation and sealing what was written in the clear: the report, the statements each
//! backend runs over [`super::SEALED`], and the per-value step they share.
//!
//! Each column is walked in id order, [`BATCH`] rows per transaction. A row is written back
//! only if it still holds what was read (`… AND column = <what was read>`), so a value
//! changed meanwhile by a running server is never overwritten with an older one.

use kindred_domain::StoreError;

use super::keyring::Keyring;
use super::registry::{PlainColumn, SealedColumn};

/// Rows read and written back per transaction.
pub(crate) const BATCH: i64 = 500;

/// What a rotation did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RotationReport {
    /// Sealed values moved from an older key to the active one.
    pub resealed: u64,
    /// Values written before sealing existed, now sealed (and their plain text cleared).
    pub plain_sealed: u64,
    /// The ids of the keys some stored value is sealed under after the rotation, sorted.
    pub key_ids_in_use: Vec<String>,
    /// The active key's id.
    pub active_id: String,
}

impl RotationReport {
    /// Whether no stored value needs a key other than the active one.
    pub fn only_active_key_in_use(&self) -> bool {
        self.key_ids_in_use.iter().all(|id| *id == self.active_id)
    }
}

/// Up to [`BATCH`] rows after `$2` (an id) whose value is sealed under another key than `$1`
/// (the active key's 4-byte id), in id order. `substr` counts bytes of a BLOB or BYTEA.
pub(crate) fn stale_rows(c: &SealedColumn) -> String {
    let SealedColumn {
        table,
        id_column: id,
        column: col,
    } = c;
    format!(
        "SELECT {id} AS row_id, {col} AS value FROM {table} WHERE {col} IS NOT NULL \
         AND substr({col}, 2, 4) <> $1 AND {id} > $2 ORDER BY {id} LIMIT {BATCH}"
    )
}

/// Writes `$2` over the value `$3` of row `$1`, only if it is still `$3`.
pub(crate) fn replace_sealed(c: &SealedColumn) -> String {
    let SealedColumn {
        table,
        id_column: id,
        column: col,
    } = c;
    format!("UPDATE {table} SET {col} = $2 WHERE {id} = $1 AND {col} = $3")
}

/// Up to [`BATCH`] rows after `$1` whose text is still in the clear.
pub(crate) fn plain_rows(p: &PlainColumn) -> String {
    let SealedColumn {
        table,
        id_column: id,
        column: sealed,
    } = p.sealed;
    let plain = p.plain;
    format!(
        "SELECT {id} AS row_id, {plain} AS value FROM {table} WHERE {sealed} IS NULL \
         AND {plain} IS NOT NULL \
         AND {plain} <> '' AND {id} > $1 ORDER BY {id} LIMIT {BATCH}"
    )
}

/// Seals row `$1`'s text `$3` into `$2` and clears the text, only if it is unchanged.
pub(crate) fn seal_plain(p: &PlainColumn) -> String {
    let SealedColumn {
        table,
        id_column: id,
        column: sealed,
    } = p.sealed;
    let plain = p.plain;
    let cleared = if p.nullable { "NULL" } else { "''" };
    format!(
        "UPDATE {table} SET {sealed} = $2, {plain} = {cleared} \
         WHERE {id} = $1 AND {sealed} IS NULL AND {plain} = $3"
    )
}

/// The key ids (4 bytes each) some value of the column is sealed under.
pub(crate) fn key_ids(c: &SealedColumn) -> String {
    let SealedColumn { table, column, .. } = c;
    format!(
        "SELECT DISTINCT substr({column}, 2, 4) AS key_id FROM {table} \
         WHERE {column} IS NOT NULL"
    )
}

/// The value re-sealed under the active key, for row `row_id` of `column`.
pub(crate) fn reseal(
    keys: &Keyring,
    column: &SealedColumn,
    row_id: &str,
    sealed: &[u8],
) -> Result<Vec<u8>, StoreError> {
    let text = column.open(keys, row_id, sealed)?;
    column.seal(keys, row_id, &text)
}

/// Adds the ids found in one column to the report's sorted, distinct list.
pub(crate) fn note_key_ids(report: &mut RotationReport, found: Vec<Vec<u8>>) {
    for raw in found {
        let id = hex::encode(raw);
        if !report.key_ids_in_use.contains(&id) {
            report.key_ids_in_use.push(id);
        }
    }
    report.key_ids_in_use.sort();
}

/// Refuses to start when no key is configured, before any row is read.
pub(crate) fn active_id(keys: &Keyring) -> Result<Vec<u8>, StoreError> {
    keys.active_raw_id()
        .map(|id| id.to_vec())
        .ok_or_else(super::keyring::not_configured)
}
