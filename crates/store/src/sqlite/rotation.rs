//! Key rotation and sealing of old plain text on SQLite: each batch is one `BEGIN
//! IMMEDIATE` transaction on the writer, so other writes wait at most one batch.

use std::sync::Arc;

use crate::crypto::rotation::{self, RotationReport, BATCH};
use crate::crypto::{PlainColumn, SealedColumn, PLAIN_BEFORE_SEALING, SEALED};
use crate::rows::{KeyIdRow, PlainValueRow, SealedValueRow};

use super::exec::{all, execute};
use super::{SqliteStore, R};

/// Rows read in a batch, the last id read, and the values written back.
type Batch = (usize, Option<String>, u64);

impl SqliteStore {
    pub(crate) async fn seal_pending(&self) -> R<u64> {
        let mut sealed = 0;
        for column in PLAIN_BEFORE_SEALING {
            sealed += self.seal_plain_column(*column).await?;
        }
        Ok(sealed)
    }

    pub(crate) async fn rotate_keys(&self) -> R<RotationReport> {
        let active = rotation::active_id(&self.keys)?;
        let mut report = RotationReport {
            active_id: self.keys.active_id(),
            ..RotationReport::default()
        };
        report.plain_sealed = self.seal_pending().await?;
        for column in SEALED {
            report.resealed += self.reseal_column(*column, &active).await?;
        }
        for column in SEALED {
            let query = rotation::key_ids(column);
            let found = self.read(|c| all::<KeyIdRow>(c, &query, &[]))?;
            rotation::note_key_ids(&mut report, found.into_iter().map(|r| r.key_id).collect());
        }
        Ok(report)
    }

    async fn seal_plain_column(&self, column: PlainColumn) -> R<u64> {
        let select = Arc::new(rotation::plain_rows(&column));
        let update = Arc::new(rotation::seal_plain(&column));
        let mut after = String::new();
        let mut total = 0;
        loop {
            let (keys, select, update) = (
                Arc::clone(&self.keys),
                Arc::clone(&select),
                Arc::clone(&update),
            );
            let from = after.clone();
            let (read, last, written): Batch = self
                .write_tx(move |c| {
                    let rows = all::<PlainValueRow>(c, &select, &[&from])?;
                    let mut written = 0;
                    for row in &rows {
                        let sealed = column.sealed.seal(&keys, &row.row_id, &row.value)?;
                        written += execute(c, &update, &[&row.row_id, &sealed, &row.value])? as u64;
                    }
                    Ok((rows.len(), rows.last().map(|r| r.row_id.clone()), written))
                })
                .await?;
            total += written;
            match last {
                Some(last) if read as i64 == BATCH => after = last,
                _ => return Ok(total),
            }
        }
    }

    async fn reseal_column(&self, column: SealedColumn, active: &[u8]) -> R<u64> {
        let select = Arc::new(rotation::stale_rows(&column));
        let update = Arc::new(rotation::replace_sealed(&column));
        let mut after = String::new();
        let mut total = 0;
        loop {
            let (keys, select, update) = (
                Arc::clone(&self.keys),
                Arc::clone(&select),
                Arc::clone(&update),
            );
            let (from, active) = (after.clone(), active.to_vec());
            let (read, last, written): Batch = self
                .write_tx(move |c| {
                    let rows = all::<SealedValueRow>(c, &select, &[&active, &from])?;
                    let mut written = 0;
                    for row in &rows {
                        let fresh = rotation::reseal(&keys, &column, &row.row_id, &row.value)?;
                        written += execute(c, &update, &[&row.row_id, &fresh, &row.value])? as u64;
                    }
                    Ok((rows.len(), rows.last().map(|r| r.row_id.clone()), written))
                })
                .await?;
            total += written;
            match last {
                Some(last) if read as i64 == BATCH => after = last,
                _ => return Ok(total),
            }
        }
    }
}
