//! Requests to join and notifications on PostgreSQL. A step on a request first locks the
//! request's group row (`FOR UPDATE`, the lock a roster change takes), so accepting and
//! the enrollment it makes queue up behind any other change to that group.

use chrono::{DateTime, Utc};
use kindred_domain::audit::AuditEvent;
use kindred_domain::fields::Choice;
use kindred_domain::ids::{AccountId, GroupId, NotificationId, OrgId, RequestId};
use kindred_domain::intake::{
    JoinRequest, RequestChange, RequestDecision, RequestEvent, RequestStatus,
};
use kindred_domain::notifications::Notification;
use kindred_domain::store::{IntakeStore, NotificationStore};
use kindred_domain::{Error, StoreError};
use sqlx::PgConnection;

use super::enrollments::{lock_group, roster, write_change};
use super::{commit, Db, PgStore, R};
use crate::crypto::{self, Keyring};
use crate::errors::db;
use crate::rows::{NotificationRow, RequestEventRow, RequestRow, SealedRequest};
use crate::sql::intake as sql;

async fn request(c: &mut PgConnection, keys: &Keyring, id: RequestId) -> R<Option<JoinRequest>> {
    sqlx::query_as::<Db, RequestRow>(sql::BY_ID)
        .bind(id.to_string())
        .fetch_optional(&mut *c)
        .await
        .map_err(db)?
        .map(|row| row.open(keys))
        .transpose()
}

async fn insert_event(c: &mut PgConnection, keys: &Keyring, e: &RequestEvent) -> R<()> {
    let id = uuid::Uuid::new_v4().to_string();
    let note = crypto::REQUEST_EVENT_NOTE.seal(keys, &id, &e.note)?;
    sqlx::query(sql::INSERT_EVENT)
        .bind(id)
        .bind(e.request_id.to_string())
        .bind(e.action.code())
        .bind(e.status.code())
        .bind(e.actor_id.map(|a| a.to_string()))
        .bind(note)
        .bind(e.at)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    Ok(())
}

async fn insert_notifications(c: &mut PgConnection, notifications: &[Notification]) -> R<()> {
    for n in notifications {
        sqlx::query(sql::INSERT_NOTIFICATION)
            .bind(n.id.to_string())
            .bind(n.account_id.to_string())
            .bind(&n.text)
            .bind(&n.link)
            .bind(n.created_at)
            .bind(n.read_at)
            .execute(&mut *c)
            .await
            .map_err(db)?;
    }
    Ok(())
}

async fn requests(
    s: &PgStore,
    query: &'static str,
    first: String,
    second: Option<&'static str>,
) -> R<Vec<JoinRequest>> {
    let mut q = sqlx::query_as::<Db, RequestRow>(query).bind(first);
    if let Some(second) = second {
        q = q.bind(second);
    }
    q.fetch_all(&s.pool)
        .await
        .map_err(db)?
        .into_iter()
        .map(|row| row.open(&s.keys))
        .collect()
}

#[async_trait::async_trait]
impl IntakeStore for PgStore {
    async fn submit_request(
        &self,
        request: JoinRequest,
        event: RequestEvent,
        notifications: Vec<Notification>,
    ) -> R<()> {
        let sealed = SealedRequest::of(&self.keys, &request)?;
        let mut tx = self.begin_write().await?;
        sqlx::query(sql::INSERT)
            .bind(request.id.to_string())
            .bind(request.org_id.to_string())
            .bind(request.group_id.to_string())
            .bind(request.account_id.to_string())
            .bind(&request.name)
            .bind(sealed.contact)
            .bind(sealed.availability)
            .bind(sealed.screening)
            .bind(request.status.code())
            .bind(sealed.referral)
            .bind(sealed.message)
            .bind(request.outcome.map(|o| o.code()))
            .bind(request.created_at)
            .bind(request.updated_at)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        insert_event(&mut tx, &self.keys, &event).await?;
        insert_notifications(&mut tx, &notifications).await?;
        commit(tx).await?;
        tracing::debug!(request_id = %request.id, group_id = %request.group_id,
            "request to join recorded");
        Ok(())
    }

    async fn change_request(
        &self,
        id: RequestId,
        decide: RequestDecision,
    ) -> R<Result<RequestChange, Error>> {
        // A request never moves to another group, so its group can be read before the lock.
        let group: String = sqlx::query_scalar::<Db, String>(sql::GROUP_OF)
            .bind(id.to_string())
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?
            .ok_or(StoreError::NotFound)?;
        let group: GroupId = crate::errors::id("intake_requests.group_id", &group)?;
        let mut tx = self.begin_write().await?;
        lock_group(&mut tx, group).await?;
        let current = request(&mut tx, &self.keys, id)
            .await?
            .ok_or(StoreError::NotFound)?;
        let roster = roster(&mut tx, group).await?.ok_or(StoreError::NotFound)?;
        let change = match decide(&current, &roster) {
            Ok(change) => change,
            // Dropping the transaction rolls it back; nothing was written.
            Err(refused) => return Ok(Err(refused)),
        };
        let r = &change.request;
        let row_id = r.id.to_string();
        let referral = crypto::REQUEST_REFERRAL.seal(&self.keys, &row_id, &r.referral)?;
        let message = crypto::REQUEST_MESSAGE.seal(&self.keys, &row_id, &r.message)?;
        sqlx::query(sql::UPDATE)
            .bind(row_id)
            .bind(r.status.code())
            .bind(referral)
            .bind(message)
            .bind(r.outcome.map(|o| o.code()))
            .bind(r.updated_at)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        insert_event(&mut tx, &self.keys, &change.event).await?;
        write_change(&mut tx, &change.roster).await?;
        insert_notifications(&mut tx, &change.notifications).await?;
        commit(tx).await?;
        Ok(Ok(change))
    }

    async fn join_request(&self, id: RequestId) -> R<Option<JoinRequest>> {
        let mut c = self.pool.acquire().await.map_err(db)?;
        request(&mut c, &self.keys, id).await
    }

    async fn open_request(&self, group: GroupId, account: AccountId) -> R<Option<JoinRequest>> {
        sqlx::query_as::<Db, RequestRow>(sql::OPEN)
            .bind(group.to_string())
            .bind(account.to_string())
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?
            .map(|row| row.open(&self.keys))
            .transpose()
    }

    async fn requests_of_account(&self, account: AccountId) -> R<Vec<JoinRequest>> {
        requests(self, sql::OF_ACCOUNT, account.to_string(), None).await
    }

    async fn requests_of_org(
        &self,
        org: OrgId,
        status: Option<RequestStatus>,
    ) -> R<Vec<JoinRequest>> {
        let status = status.map_or("", |s| s.code());
        requests(self, sql::OF_ORG, org.to_string(), Some(status)).await
    }

    async fn request_events(&self, id: RequestId) -> R<Vec<RequestEvent>> {
        sqlx::query_as::<Db, RequestEventRow>(sql::EVENTS)
            .bind(id.to_string())
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .into_iter()
            .map(|row| row.open(&self.keys))
            .collect()
    }

    async fn staff_request(
        &self,
        org: OrgId,
        id: RequestId,
        event: AuditEvent,
    ) -> R<Option<(JoinRequest, Vec<RequestEvent>)>> {
        let mut tx = self.begin_write().await?;
        let Some(request) = request(&mut tx, &self.keys, id)
            .await?
            .filter(|r| r.org_id == org)
        else {
            commit(tx).await?;
            return Ok(None);
        };
        let history = sqlx::query_as::<Db, RequestEventRow>(sql::EVENTS)
            .bind(id.to_string())
            .fetch_all(&mut *tx)
            .await
            .map_err(db)?
            .into_iter()
            .map(|row| row.open(&self.keys))
            .collect::<R<Vec<_>>>()?;
        super::audit::append(&mut tx, &event.about(request.account_id)).await?;
        commit(tx).await?;
        Ok(Some((request, history)))
    }

    async fn count_requests(&self, org: OrgId, status: RequestStatus) -> R<i64> {
        sqlx::query_scalar::<Db, i64>(sql::COUNT)
            .bind(org.to_string())
            .bind(status.code())
            .fetch_one(&self.pool)
            .await
            .map_err(db)
    }
}

#[async_trait::async_trait]
impl NotificationStore for PgStore {
    async fn add_notifications(&self, notifications: Vec<Notification>) -> R<()> {
        let mut tx = self.begin_write().await?;
        insert_notifications(&mut tx, &notifications).await?;
        commit(tx).await
    }

    async fn notifications_of(
        &self,
        account: AccountId,
        unread_only: bool,
        limit: i64,
    ) -> R<Vec<Notification>> {
        sqlx::query_as::<Db, NotificationRow>(sql::NOTIFICATIONS_OF)
            .bind(account.to_string())
            .bind(unread_only)
            .bind(limit)
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .into_iter()
            .map(Notification::try_from)
            .collect()
    }

    async fn mark_notification_read(
        &self,
        account: AccountId,
        id: NotificationId,
        now: DateTime<Utc>,
    ) -> R<bool> {
        let done = sqlx::query(sql::MARK_READ)
            .bind(id.to_string())
            .bind(account.to_string())
            .bind(now)
            .execute(&self.pool)
            .await
            .map_err(db)?;
        Ok(done.rows_affected() > 0)
    }

    async fn mark_all_notifications_read(&self, account: AccountId, now: DateTime<Utc>) -> R<u64> {
        let done = sqlx::query(sql::MARK_ALL_READ)
            .bind(account.to_string())
            .bind(now)
            .execute(&self.pool)
            .await
            .map_err(db)?;
        Ok(done.rows_affected())
    }
}
