//! Requests to join, their events, and notifications.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use kindred_domain::intake::{JoinRequest, RequestEvent};
use kindred_domain::notifications::Notification;
use kindred_domain::StoreError;

use super::SqliteRow;
use crate::crypto::{self, Keyring, SealedColumn};
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
    contact_sealed: Option<Vec<u8>>,
    availability: String,
    availability_sealed: Option<Vec<u8>>,
    screening: Option<String>,
    screening_sealed: Option<Vec<u8>>,
    status: String,
    referral: String,
    referral_sealed: Option<Vec<u8>>,
    message: String,
    message_sealed: Option<Vec<u8>>,
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
            contact_sealed: c.get("contact_sealed")?,
            availability: c.get("availability")?,
            availability_sealed: c.get("availability_sealed")?,
            screening: c.get("screening")?,
            screening_sealed: c.get("screening_sealed")?,
            status: c.get("status")?,
            referral: c.get("referral")?,
            referral_sealed: c.get("referral_sealed")?,
            message: c.get("message")?,
            message_sealed: c.get("message_sealed")?,
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

/// A request's free text, sealed for its row.
pub(crate) struct SealedRequest {
    pub(crate) contact: Vec<u8>,
    pub(crate) availability: Vec<u8>,
    pub(crate) screening: Option<Vec<u8>>,
    pub(crate) referral: Vec<u8>,
    pub(crate) message: Vec<u8>,
}

impl SealedRequest {
    pub(crate) fn of(keys: &Keyring, r: &JoinRequest) -> Result<SealedRequest, StoreError> {
        let id = r.id.to_string();
        let screening = screening_json(r.screening.as_ref())?;
        Ok(SealedRequest {
            contact: crypto::REQUEST_CONTACT.seal(keys, &id, &r.contact)?,
            availability: crypto::REQUEST_AVAILABILITY.seal(keys, &id, &r.availability)?,
            screening: crypto::REQUEST_SCREENING.seal_opt(keys, &id, screening.as_deref())?,
            referral: crypto::REQUEST_REFERRAL.seal(keys, &id, &r.referral)?,
            message: crypto::REQUEST_MESSAGE.seal(keys, &id, &r.message)?,
        })
    }
}

/// A sealed value when there is one, else the text written before the column was sealed.
fn text(
    keys: &Keyring,
    column: SealedColumn,
    id: &str,
    sealed: Option<Vec<u8>>,
    plain: String,
) -> Result<String, StoreError> {
    match sealed {
        Some(sealed) => column.open(keys, id, &sealed),
        None => Ok(plain),
    }
}

impl RequestRow {
    /// The request, its free text opened with `keys`.
    pub(crate) fn open(self, keys: &Keyring) -> Result<JoinRequest, StoreError> {
        let r = self;
        let screening = match r.screening_sealed {
            Some(sealed) => Some(crypto::REQUEST_SCREENING.open(keys, &r.id, &sealed)?),
            None => r.screening,
        };
        let screening = screening
            .as_deref()
            .map(serde_json::from_str::<BTreeMap<String, String>>)
            .transpose()
            .map_err(|_| {
                StoreError::Backend("stored intake_requests.screening is not an answer map".into())
            })?;
        let contact = text(
            keys,
            crypto::REQUEST_CONTACT,
            &r.id,
            r.contact_sealed,
            r.contact,
        )?;
        let availability = text(
            keys,
            crypto::REQUEST_AVAILABILITY,
            &r.id,
            r.availability_sealed,
            r.availability,
        )?;
        let referral = text(
            keys,
            crypto::REQUEST_REFERRAL,
            &r.id,
            r.referral_sealed,
            r.referral,
        )?;
        let message = text(
            keys,
            crypto::REQUEST_MESSAGE,
            &r.id,
            r.message_sealed,
            r.message,
        )?;
        Ok(JoinRequest {
            id: id("intake_requests.id", &r.id)?,
            org_id: id("intake_requests.org_id", &r.org_id)?,
            group_id: id("intake_requests.group_id", &r.group_id)?,
            group_name: r.group_name,
            account_id: id("intake_requests.account_id", &r.account_id)?,
            name: r.name,
            contact,
            availability,
            screening,
            status: code("intake_requests.status", &r.status)?,
            referral,
            message,
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
    id: String,
    request_id: String,
    action: String,
    status: String,
    actor_id: Option<String>,
    note: String,
    note_sealed: Option<Vec<u8>>,
    at: DateTime<Utc>,
}

impl SqliteRow for RequestEventRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(RequestEventRow {
            id: c.get("id")?,
            request_id: c.get("request_id")?,
            action: c.get("action")?,
            status: c.get("status")?,
            actor_id: c.get("actor_id")?,
            note: c.get("note")?,
            note_sealed: c.get("note_sealed")?,
            at: c.time("at")?,
        })
    }
}

impl RequestEventRow {
    /// The step, its note opened with `keys`.
    pub(crate) fn open(self, keys: &Keyring) -> Result<RequestEvent, StoreError> {
        let r = self;
        let note = text(
            keys,
            crypto::REQUEST_EVENT_NOTE,
            &r.id,
            r.note_sealed,
            r.note,
        )?;
        Ok(RequestEvent {
            request_id: id("intake_request_events.request_id", &r.request_id)?,
            action: code("intake_request_events.action", &r.action)?,
            status: code("intake_request_events.status", &r.status)?,
            actor_id: r
                .actor_id
                .map(|a| id("intake_request_events.actor_id", &a))
                .transpose()?,
            note,
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
