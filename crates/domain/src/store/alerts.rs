use chrono::{DateTime, Utc};

use crate::alerts::{Alert, NewAlert};
use crate::ids::{AccountId, AlertId, OrgId};
use crate::StoreError;

type R<T> = Result<T, StoreError>;

/// Safety alerts and their acknowledgements.
#[async_trait::async_trait]
pub trait AlertStore: Send + Sync {
    /// Stores a new, open alert and gives it back as shown.
    async fn insert_alert(&self, id: AlertId, alert: NewAlert, at: DateTime<Utc>) -> R<Alert>;
    /// The organization's alerts: open ones first, then the newest, at most `limit`.
    async fn alerts_of(&self, org: OrgId, limit: i64) -> R<Vec<Alert>>;
    async fn alert(&self, org: OrgId, id: AlertId) -> R<Option<Alert>>;
    /// Acknowledges the alert if it is still open; `false` when it was not.
    async fn acknowledge_alert(
        &self,
        id: AlertId,
        by: AccountId,
        note: String,
        at: DateTime<Utc>,
    ) -> R<bool>;
}
