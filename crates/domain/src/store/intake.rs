use chrono::{DateTime, Utc};

use crate::audit::AuditEvent;
use crate::ids::{AccountId, GroupId, NotificationId, OrgId, RequestId};
use crate::intake::{JoinRequest, RequestChange, RequestDecision, RequestEvent, RequestStatus};
use crate::notifications::Notification;
use crate::{Error, StoreError};

type R<T> = Result<T, StoreError>;

/// Requests to join and the intake queue.
#[async_trait::async_trait]
pub trait IntakeStore: Send + Sync {
    /// Writes a new request, its first event and the queue's notifications in one
    /// transaction. `Duplicate` when the person already has an open request for the group.
    async fn submit_request(
        &self,
        request: JoinRequest,
        event: RequestEvent,
        notifications: Vec<Notification>,
    ) -> R<()>;
    /// Locks the request's group (the same lock as a roster change), reads the request and
    /// the group's roster, runs `decide`, and writes the request, its event, the roster
    /// change and the notifications it returns, in one transaction. When `decide` refuses,
    /// nothing is written and its error comes back inside `Ok`. `NotFound` when the request
    /// does not exist.
    async fn change_request(
        &self,
        id: RequestId,
        decide: RequestDecision,
    ) -> R<Result<RequestChange, Error>>;
    async fn join_request(&self, id: RequestId) -> R<Option<JoinRequest>>;
    /// The person's open (new or contacted) request for the group.
    async fn open_request(&self, group: GroupId, account: AccountId) -> R<Option<JoinRequest>>;
    /// Newest first.
    async fn requests_of_account(&self, account: AccountId) -> R<Vec<JoinRequest>>;
    /// Oldest first; every status when `status` is `None`.
    async fn requests_of_org(
        &self,
        org: OrgId,
        status: Option<RequestStatus>,
    ) -> R<Vec<JoinRequest>>;
    /// Oldest first.
    async fn request_events(&self, id: RequestId) -> R<Vec<RequestEvent>>;
    /// The organization's request with its history (oldest first), read for its staff
    /// with `event` about the person who asked, in one transaction; `None`, recording
    /// nothing, when the organization has no such request.
    async fn staff_request(
        &self,
        org: OrgId,
        id: RequestId,
        event: AuditEvent,
    ) -> R<Option<(JoinRequest, Vec<RequestEvent>)>>;
    async fn count_requests(&self, org: OrgId, status: RequestStatus) -> R<i64>;
}

/// In-app notifications.
#[async_trait::async_trait]
pub trait NotificationStore: Send + Sync {
    async fn add_notifications(&self, notifications: Vec<Notification>) -> R<()>;
    /// Newest first, at most `limit`.
    async fn notifications_of(
        &self,
        account: AccountId,
        unread_only: bool,
        limit: i64,
    ) -> R<Vec<Notification>>;
    /// Marks the account's notification read (keeping the first time); `false` when the
    /// account has no such notification.
    async fn mark_notification_read(
        &self,
        account: AccountId,
        id: NotificationId,
        now: DateTime<Utc>,
    ) -> R<bool>;
    /// How many were unread.
    async fn mark_all_notifications_read(&self, account: AccountId, now: DateTime<Utc>) -> R<u64>;
}
