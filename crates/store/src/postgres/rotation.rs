//! Key rotation and sealing of old plain text on PostgreSQL: each batch is one transaction;
//! a row changed meanwhile by a running server is left as that server wrote it.

use crate::crypto::rotation::{self, RotationReport, BATCH};
use crate::crypto::{PlainColumn, SealedColumn, PLAIN_BEFORE_SEALING, SEALED};
use crate::errors::db;
use crate::rows::{KeyIdRow, PlainValueRow, SealedValueRow};

use super::{commit, Db, PgStore, R};

impl PgStore {
    pub(crate) async fn seal_pending(&self) -> R<u64> {
        let mut sealed = 0;
        for column in PLAIN_BEFORE_SEALING {
            sealed += self.seal_plain_column(column).await?;
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
            report.resealed += self.reseal_column(column, &active).await?;
        }
        for column in SEALED {
            let found = sqlx::query_as::<Db, KeyIdRow>(&rotation::key_ids(column))
                .fetch_all(&self.pool)
                .await
                .map_err(db)?;
            rotation::note_key_ids(&mut report, found.into_iter().map(|r| r.key_id).collect());
        }
        Ok(report)
    }

    async fn seal_plain_column(&self, column: &PlainColumn) -> R<u64> {
        let (select, update) = (rotation::plain_rows(column), rotation::seal_plain(column));
        let mut after = String::new();
        let mut total = 0;
        loop {
            let mut tx = self.begin_write().await?;
            let rows = sqlx::query_as::<Db, PlainValueRow>(&select)
                .bind(&after)
                .fetch_all(&mut *tx)
                .await
                .map_err(db)?;
            for row in &rows {
                let sealed = column.sealed.seal(&self.keys, &row.row_id, &row.value)?;
                let done = sqlx::query(&update)
                    .bind(&row.row_id)
                    .bind(sealed)
                    .bind(&row.value)
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                total += done.rows_affected();
            }
            commit(tx).await?;
            match rows.last() {
                Some(last) if rows.len() as i64 == BATCH => after.clone_from(&last.row_id),
                _ => return Ok(total),
            }
        }
    }

    async fn reseal_column(&self, column: &SealedColumn, active: &[u8]) -> R<u64> {
        let (select, update) = (
            rotation::stale_rows(column),
            rotation::replace_sealed(column),
        );
        let mut after = String::new();
        let mut total = 0;
        loop {
            let mut tx = self.begin_write().await?;
            let rows = sqlx::query_as::<Db, SealedValueRow>(&select)
                .bind(active)
                .bind(&after)
                .fetch_all(&mut *tx)
                .await
                .map_err(db)?;
            for row in &rows {
                let fresh = rotation::reseal(&self.keys, column, &row.row_id, &row.value)?;
                let done = sqlx::query(&update)
                    .bind(&row.row_id)
                    .bind(fresh)
                    .bind(&row.value)
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                total += done.rows_affected();
            }
            commit(tx).await?;
            match rows.last() {
                Some(last) if rows.len() as i64 == BATCH => after.clone_from(&last.row_id),
                _ => return Ok(total),
            }
        }
    }
}
