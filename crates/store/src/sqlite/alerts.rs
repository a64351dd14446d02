//! Safety alerts on SQLite.

use chrono::{DateTime, Utc};
use kindred_domain::alerts::{Alert, NewAlert};
use kindred_domain::ids::{AccountId, AlertId, OrgId};
use kindred_domain::store::AlertStore;
use kindred_domain::StoreError;

use super::exec::{all, execute, optional};
use super::values::ts;
use super::{SqliteStore, R};
use crate::crypto::ALERT_NOTE;
use crate::rows::AlertRow;
use crate::sql::alerts as sql;

#[async_trait::async_trait]
impl AlertStore for SqliteStore {
    async fn insert_alert(&self, id: AlertId, alert: NewAlert, at: DateTime<Utc>) -> R<Alert> {
        let org = alert.org_id;
        self.write_tx(move |c| {
            execute(
                c,
                sql::INSERT,
                &[
                    &id.to_string(),
                    &alert.org_id.to_string(),
                    &alert.group_id.to_string(),
                    &alert.session_id.map(|s| s.to_string()),
                    &alert.member_id.to_string(),
                    &alert.source.code(),
                    &alert.message_seq,
                    &alert.category,
                    &ts(at),
                ],
            )
        })
        .await?;
        self.alert(org, id).await?.ok_or(StoreError::NotFound)
    }

    async fn alerts_of(&self, org: OrgId, limit: i64) -> R<Vec<Alert>> {
        let rows = self.read(|c| all::<AlertRow>(c, sql::OF_ORG, &[&org.to_string(), &limit]))?;
        rows.into_iter().map(|r| r.open(&self.keys)).collect()
    }

    async fn alert(&self, org: OrgId, id: AlertId) -> R<Option<Alert>> {
        let row =
            self.read(|c| optional::<AlertRow>(c, sql::ONE, &[&org.to_string(), &id.to_string()]))?;
        row.map(|r| r.open(&self.keys)).transpose()
    }

    async fn acknowledge_alert(
        &self,
        id: AlertId,
        by: AccountId,
        note: String,
        at: DateTime<Utc>,
    ) -> R<bool> {
        let id = id.to_string();
        let sealed = ALERT_NOTE.seal(&self.keys, &id, &note)?;
        self.write_tx(move |c| {
            let changed = execute(
                c,
                sql::ACKNOWLEDGE,
                &[&id, &by.to_string(), &sealed, &ts(at)],
            )?;
            Ok(changed == 1)
        })
        .await
    }
}
