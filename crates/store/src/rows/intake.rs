//! Requests to join, their events, and notifications.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use kindred_domain::intake::{JoinRequest, RequestEvent};
use kindred_domain::notifications::Notification;
use kindred_domain::StoreError;

use super::SqliteRow;
use crate::errors::{code, id};
use crate::sqlite::values::Cols;

#[derive(sqlx::FromRow)]
pub(crate) struct RequestRow {
    id: String,
    org_id: String,
    group_id: String,
    group_name: String,
    account_id: String,
    name: String,
    contact: String,
    availability: String,
    screening: Option<String>,
    status: String,
    referral: String,
    message: String,
    outcome: Option<String>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl SqliteRow for RequestRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(RequestRow {
            id: c.get("id")?,
            org_id: c.get("org_id")?,
            group_id: c.get("group_id")?,
            group_name: c.get("group_name")?,
            account_id: c.get("account_id")?,
            name: c.get("name")?,
            contact: c.get("contact")?,
            availability: c.get("availability")?,
            screening: c.get("screening")?,
            status: c.get("status")?,
            referral: c.get("referral")?,
            message: c.get("message")?,
            outcome: c.get("outcome")?,
            created_at: c.time("created_at")?,
            updated_at: c.time("updated_at")?,
        })
    }
}

/// The attached answers as stored: a JSON object of text, or NULL.
pub(crate) fn screening_json(
    answers: Option<&BTreeMap<String, String>>,
) -> Result<Option<String>, StoreError> {
    answers
        .map(serde_json::to_string)
        .transpose()
        .map_err(|_| StoreError::Backend("screening answers could not be written".into()))
}

impl TryFrom<RequestRow> for JoinRequest {
    type Error = StoreError;
    fn try_from(r: RequestRow) -> Result<Self, StoreError> {
        let screening = r
            .screening
            .as_deref()
            .map(serde_json::from_str::<BTreeMap<String, String>>)
            .transpose()
            .map_err(|_| {
                StoreError::Backend("stored intake_requests.screening is not an answer map".into())
            })?;
        Ok(JoinRequest {
            id: id("intake_requests.id", &r.id)?,
            org_id: id("intake_requests.org_id", &r.org_id)?,
            group_id: id("intake_requests.group_id", &r.group_id)?,
            group_name: r.group_name,
            account_id: id("intake_requests.account_id", &r.account_id)?,
            name: r.name,
            contact: r.contact,
            availability: r.availability,
            screening,
            status: code("intake_requests.status", &r.status)?,
            referral: r.referral,
            message: r.message,
            outcome: r
                .outcome
                .map(|o| code("intake_requests.outcome", &o))
                .transpose()?,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct RequestEventRow {
    request_id: String,
    action: String,
    status: String,
    actor_id: Option<String>,
    note: String,
    at: DateTime<Utc>,
}

impl SqliteRow for RequestEventRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(RequestEventRow {
            request_id: c.get("request_id")?,
            action: c.get("action")?,
            status: c.get("status")?,
            actor_id: c.get("actor_id")?,
            note: c.get("note")?,
            at: c.time("at")?,
        })
    }
}

impl TryFrom<RequestEventRow> for RequestEvent {
    type Error = StoreError;
    fn try_from(r: RequestEventRow) -> Result<Self, StoreError> {
        Ok(RequestEvent {
            request_id: id("intake_request_events.request_id", &r.request_id)?,
            action: code("intake_request_events.action", &r.action)?,
            status: code("intake_request_events.status", &r.status)?,
            actor_id: r
                .actor_id
                .map(|a| id("intake_request_events.actor_id", &a))
                .transpose()?,
            note: r.note,
            at: r.at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct NotificationRow {
    id: String,
    account_id: String,
    text: String,
    link: String,
    created_at: DateTime<Utc>,
    read_at: Option<DateTime<Utc>>,
}

impl SqliteRow for NotificationRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(NotificationRow {
            id: c.get("id")?,
            account_id: c.get("account_id")?,
            text: c.get("text")?,
            link: c.get("link")?,
            created_at: c.time("created_at")?,
            read_at: c.opt_time("read_at")?,
        })
    }
}

impl TryFrom<NotificationRow> for Notification {
    type Error = StoreError;
    fn try_from(r: NotificationRow) -> Result<Self, StoreError> {
        Ok(Notification {
            id: id("notifications.id", &r.id)?,
            account_id: id("notifications.account_id", &r.account_id)?,
            text: r.text,
            link: r.link,
            created_at: r.created_at,
            read_at: r.read_at,
        })
    }
}
