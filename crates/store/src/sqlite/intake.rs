//! Requests to join and notifications on SQLite. A step on a request runs in one
//! `BEGIN IMMEDIATE` transaction on the single writer, like a roster change, so accepting
//! and the enrollment it makes are one write that no other can come between.

use std::sync::Arc;

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
use rusqlite::Connection;

use super::enrollments::{roster, write_change};
use super::exec::{all, execute, optional, scalar};
use super::values::{opt_ts, ts};
use super::{SqliteStore, R};
use crate::crypto::{self, Keyring};
use crate::rows::{NotificationRow, RequestEventRow, RequestRow, SealedRequest};
use crate::sql::intake as sql;

fn request(c: &Connection, keys: &Keyring, id: RequestId) -> R<Option<JoinRequest>> {
    optional::<RequestRow>(c, sql::BY_ID, &[&id.to_string()])?
        .map(|row| row.open(keys))
        .transpose()
}

fn insert_request(c: &Connection, keys: &Keyring, r: &JoinRequest) -> R<()> {
    let sealed = SealedRequest::of(keys, r)?;
    execute(
        c,
        sql::INSERT,
        &[
            &r.id.to_string(),
            &r.org_id.to_string(),
            &r.group_id.to_string(),
            &r.account_id.to_string(),
            &r.name,
            &sealed.contact,
            &sealed.availability,
            &sealed.screening,
            &r.status.code(),
            &sealed.referral,
            &sealed.message,
            &r.outcome.map(|o| o.code()),
            &ts(r.created_at),
            &ts(r.updated_at),
        ],
    )?;
    Ok(())
}

fn update_request(c: &Connection, keys: &Keyring, r: &JoinRequest) -> R<()> {
    let id = r.id.to_string();
    execute(
        c,
        sql::UPDATE,
        &[
            &id,
            &r.status.code(),
            &crypto::REQUEST_REFERRAL.seal(keys, &id, &r.referral)?,
            &crypto::REQUEST_MESSAGE.seal(keys, &id, &r.message)?,
            &r.outcome.map(|o| o.code()),
            &ts(r.updated_at),
        ],
    )?;
    Ok(())
}

fn insert_event(c: &Connection, keys: &Keyring, e: &RequestEvent) -> R<()> {
    let id = uuid::Uuid::new_v4().to_string();
    execute(
        c,
        sql::INSERT_EVENT,
        &[
            &id,
            &e.request_id.to_string(),
            &e.action.code(),
            &e.status.code(),
            &e.actor_id.map(|a| a.to_string()),
            &crypto::REQUEST_EVENT_NOTE.seal(keys, &id, &e.note)?,
            &ts(e.at),
        ],
    )?;
    Ok(())
}

fn insert_notifications(c: &Connection, notifications: &[Notification]) -> R<()> {
    for n in notifications {
        execute(
            c,
            sql::INSERT_NOTIFICATION,
            &[
                &n.id.to_string(),
                &n.account_id.to_string(),
                &n.text,
                &n.link,
                &ts(n.created_at),
                &opt_ts(n.read_at),
            ],
        )?;
    }
    Ok(())
}

fn requests(
    c: &Connection,
    keys: &Keyring,
    query: &str,
    params: super::exec::Params<'_>,
) -> R<Vec<JoinRequest>> {
    all::<RequestRow>(c, query, params)?
        .into_iter()
        .map(|row| row.open(keys))
        .collect()
}

#[async_trait::async_trait]
impl IntakeStore for SqliteStore {
    async fn submit_request(
        &self,
        request: JoinRequest,
        event: RequestEvent,
        notifications: Vec<Notification>,
    ) -> R<()> {
        let (id, group) = (request.id, request.group_id);
        let keys = Arc::clone(&self.keys);
        self.write_tx(move |c| {
            insert_request(c, &keys, &request)?;
            insert_event(c, &keys, &event)?;
            insert_notifications(c, &notifications)
        })
        .await?;
        tracing::debug!(request_id = %id, group_id = %group, "request to join recorded");
        Ok(())
    }

    async fn change_request(
        &self,
        id: RequestId,
        decide: RequestDecision,
    ) -> R<Result<RequestChange, Error>> {
        let keys = Arc::clone(&self.keys);
        self.write_tx(move |c| {
            let current = request(c, &keys, id)?.ok_or(StoreError::NotFound)?;
            let roster = roster(c, current.group_id)?.ok_or(StoreError::NotFound)?;
            let change = match decide(&current, &roster) {
                Ok(change) => change,
                Err(refused) => return Ok(Err(refused)),
            };
            update_request(c, &keys, &change.request)?;
            insert_event(c, &keys, &change.event)?;
            write_change(c, &change.roster)?;
            insert_notifications(c, &change.notifications)?;
            Ok(Ok(change))
        })
        .await
    }

    async fn join_request(&self, id: RequestId) -> R<Option<JoinRequest>> {
        self.read(|c| request(c, &self.keys, id))
    }

    async fn open_request(&self, group: GroupId, account: AccountId) -> R<Option<JoinRequest>> {
        self.read(|c| {
            optional::<RequestRow>(c, sql::OPEN, &[&group.to_string(), &account.to_string()])?
                .map(|row| row.open(&self.keys))
                .transpose()
        })
    }

    async fn requests_of_account(&self, account: AccountId) -> R<Vec<JoinRequest>> {
        self.read(|c| requests(c, &self.keys, sql::OF_ACCOUNT, &[&account.to_string()]))
    }

    async fn requests_of_org(
        &self,
        org: OrgId,
        status: Option<RequestStatus>,
    ) -> R<Vec<JoinRequest>> {
        let status = status.map_or("", |s| s.code());
        self.read(|c| requests(c, &self.keys, sql::OF_ORG, &[&org.to_string(), &status]))
    }

    async fn request_events(&self, id: RequestId) -> R<Vec<RequestEvent>> {
        self.read(|c| {
            all::<RequestEventRow>(c, sql::EVENTS, &[&id.to_string()])?
                .into_iter()
                .map(|row| row.open(&self.keys))
                .collect()
        })
    }

    async fn staff_request(
        &self,
        org: OrgId,
        id: RequestId,
        event: AuditEvent,
    ) -> R<Option<(JoinRequest, Vec<RequestEvent>)>> {
        let keys = Arc::clone(&self.keys);
        self.read_audited(move |c| {
            let Some(request) = request(c, &keys, id)?.filter(|r| r.org_id == org) else {
                return Ok((None, None));
            };
            let history = all::<RequestEventRow>(c, sql::EVENTS, &[&id.to_string()])?
                .into_iter()
                .map(|row| row.open(&keys))
                .collect::<R<Vec<_>>>()?;
            let event = event.about(request.account_id);
            Ok((Some((request, history)), Some(event)))
        })
        .await
    }

    async fn count_requests(&self, org: OrgId, status: RequestStatus) -> R<i64> {
        self.read(|c| scalar(c, sql::COUNT, &[&org.to_string(), &status.code()]))
    }
}

#[async_trait::async_trait]
impl NotificationStore for SqliteStore {
    async fn add_notifications(&self, notifications: Vec<Notification>) -> R<()> {
        self.write_tx(move |c| insert_notifications(c, &notifications))
            .await
    }

    async fn notifications_of(
        &self,
        account: AccountId,
        unread_only: bool,
        limit: i64,
    ) -> R<Vec<Notification>> {
        self.read(|c| {
            all::<NotificationRow>(
                c,
                sql::NOTIFICATIONS_OF,
                &[&account.to_string(), &unread_only, &limit],
            )?
            .into_iter()
            .map(Notification::try_from)
            .collect()
        })
    }

    async fn mark_notification_read(
        &self,
        account: AccountId,
        id: NotificationId,
        now: DateTime<Utc>,
    ) -> R<bool> {
        let changed = self
            .write(move |c| {
                execute(
                    c,
                    sql::MARK_READ,
                    &[&id.to_string(), &account.to_string(), &ts(now)],
                )
            })
            .await?;
        Ok(changed > 0)
    }

    async fn mark_all_notifications_read(&self, account: AccountId, now: DateTime<Utc>) -> R<u64> {
        let changed = self
            .write(move |c| execute(c, sql::MARK_ALL_READ, &[&account.to_string(), &ts(now)]))
            .await?;
        Ok(u64::try_from(changed).unwrap_or(u64::MAX))
    }
}
