//! In-app notifications: short stored messages for one person, shown on their dashboard
//! and the notifications page until they mark them read.
//!
//! The text says no more than its recipient may see: a group's name and what happened to
//! the recipient's own request, never another person's name, contact details or answers.

use chrono::{DateTime, Utc};

use crate::auth::Actor;
use crate::ids::{AccountId, NotificationId};
use crate::policy::{authorize, Access};
use crate::{Error, Store};

/// How many notifications a person's list shows, newest first.
pub const LIST_LIMIT: i64 = 100;

#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct Notification {
    pub id: NotificationId,
    pub account_id: AccountId,
    pub text: String,
    /// Where to act on it: a path on this site.
    pub link: String,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

impl Notification {
    pub fn new(
        account_id: AccountId,
        text: impl Into<String>,
        link: impl Into<String>,
        now: DateTime<Utc>,
    ) -> Self {
        Notification {
            id: NotificationId::new(),
            account_id,
            text: text.into(),
            link: link.into(),
            created_at: now,
            read_at: None,
        }
    }

    pub fn is_unread(&self) -> bool {
        self.read_at.is_none()
    }
}

/// The signed-in person's notifications, newest first; only unread ones when asked.
pub async fn my_notifications(
    store: &dyn Store,
    actor: &Actor,
    unread_only: bool,
) -> Result<Vec<Notification>, Error> {
    let me = authorize(actor, Access::OwnAccount)?.ok_or(Error::Unauthenticated)?;
    Ok(store
        .notifications_of(me.account_id, unread_only, LIST_LIMIT)
        .await?)
}

/// Marks one of the person's own notifications read (again is fine). Someone else's
/// notification is not found.
pub async fn mark_read(
    store: &dyn Store,
    actor: &Actor,
    id: NotificationId,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let me = authorize(actor, Access::OwnAccount)?.ok_or(Error::Unauthenticated)?;
    if store.mark_notification_read(me.account_id, id, now).await? {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// Marks every notification of the person read; how many were unread.
pub async fn mark_all_read(
    store: &dyn Store,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<u64, Error> {
    let me = authorize(actor, Access::OwnAccount)?.ok_or(Error::Unauthenticated)?;
    Ok(store
        .mark_all_notifications_read(me.account_id, now)
        .await?)
}
