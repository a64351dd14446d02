//! Safety alerts on PostgreSQL.

use chrono::{DateTime, Utc};
use kindred_domain::alerts::{Alert, NewAlert};
use kindred_domain::ids::{AccountId, AlertId, OrgId};
use kindred_domain::store::AlertStore;
use kindred_domain::StoreError;

use super::{Db, PgStore, R};
use crate::crypto::ALERT_NOTE;
use crate::errors::db;
use crate::rows::AlertRow;
use crate::sql::alerts as sql;

#[async_trait::async_trait]
impl AlertStore for PgStore {
    async fn insert_alert(&self, id: AlertId, alert: NewAlert, at: DateTime<Utc>) -> R<Alert> {
        sqlx::query(sql::INSERT)
            .bind(id.to_string())
            .bind(alert.org_id.to_string())
            .bind(alert.group_id.to_string())
            .bind(alert.session_id.map(|s| s.to_string()))
            .bind(alert.member_id.to_string())
            .bind(alert.source.code())
            .bind(alert.message_seq)
            .bind(alert.category)
            .bind(at)
            .execute(&self.pool)
            .await
            .map_err(db)?;
        self.alert(alert.org_id, id)
            .await?
            .ok_or(StoreError::NotFound)
    }

    async fn alerts_of(&self, org: OrgId, limit: i64) -> R<Vec<Alert>> {
        sqlx::query_as::<Db, AlertRow>(sql::OF_ORG)
            .bind(org.to_string())
            .bind(limit)
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .into_iter()
            .map(|r| r.open(&self.keys))
            .collect()
    }

    async fn alert(&self, org: OrgId, id: AlertId) -> R<Option<Alert>> {
        sqlx::query_as::<Db, AlertRow>(sql::ONE)
            .bind(org.to_string())
            .bind(id.to_string())
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?
            .map(|r| r.open(&self.keys))
            .transpose()
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
        let done = sqlx::query(sql::ACKNOWLEDGE)
            .bind(&id)
            .bind(by.to_string())
            .bind(&sealed)
            .bind(at)
            .execute(&self.pool)
            .await
            .map_err(db)?;
        Ok(done.rows_affected() == 1)
    }
}
