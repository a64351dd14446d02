use chrono::{DateTime, Utc};
use kindred_domain::alerts::{category_label, Acknowledgement, Alert, AlertSource};
use kindred_domain::StoreError;

use super::SqliteRow;
use crate::crypto::{Keyring, ALERT_NOTE};
use crate::errors::id;
use crate::sqlite::values::Cols;

/// An alert as stored; its note is opened by [`AlertRow::open`].
#[derive(sqlx::FromRow)]
pub(crate) struct AlertRow {
    id: String,
    org_id: String,
    group_id: String,
    group_name: String,
    time_zone: String,
    session_id: Option<String>,
    member_id: String,
    member_name: String,
    source: String,
    message_seq: Option<i64>,
    category: String,
    raised_at: DateTime<Utc>,
    acknowledged_by: Option<String>,
    acknowledged_name: Option<String>,
    acknowledged_at: Option<DateTime<Utc>>,
    ack_note_sealed: Option<Vec<u8>>,
}

impl SqliteRow for AlertRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(AlertRow {
            id: c.get("id")?,
            org_id: c.get("org_id")?,
            group_id: c.get("group_id")?,
            group_name: c.get("group_name")?,
            time_zone: c.get("time_zone")?,
            session_id: c.get("session_id")?,
            member_id: c.get("member_id")?,
            member_name: c.get("member_name")?,
            source: c.get("source")?,
            message_seq: c.get("message_seq")?,
            category: c.get("category")?,
            raised_at: c.time("raised_at")?,
            acknowledged_by: c.get("acknowledged_by")?,
            acknowledged_name: c.get("acknowledged_name")?,
            acknowledged_at: c.opt_time("acknowledged_at")?,
            ack_note_sealed: c.get("ack_note_sealed")?,
        })
    }
}

impl AlertRow {
    pub(crate) fn open(self, keys: &Keyring) -> Result<Alert, StoreError> {
        let source = AlertSource::from_code(&self.source)
            .ok_or_else(|| StoreError::Backend(format!("unknown alert source {}", self.source)))?;
        let acknowledged = match (self.acknowledged_by, self.acknowledged_at) {
            (Some(by), Some(at)) => Some(Acknowledgement {
                by: id("alerts.acknowledged_by", &by)?,
                by_name: self.acknowledged_name.unwrap_or_default(),
                at,
                note: match &self.ack_note_sealed {
                    Some(sealed) => ALERT_NOTE.open(keys, &self.id, sealed)?,
                    None => String::new(),
                },
            }),
            _ => None,
        };
        Ok(Alert {
            id: id("alerts.id", &self.id)?,
            org_id: id("alerts.org_id", &self.org_id)?,
            group_id: id("alerts.group_id", &self.group_id)?,
            group_name: self.group_name,
            time_zone: self.time_zone.parse().map_err(|_| {
                StoreError::Backend(format!("unknown time zone {}", self.time_zone))
            })?,
            session_id: self
                .session_id
                .map(|raw| id("alerts.session_id", &raw))
                .transpose()?,
            member_id: id("alerts.member_id", &self.member_id)?,
            member_name: self.member_name,
            source,
            message_seq: self.message_seq,
            category_label: category_label(source, &self.category),
            category: self.category,
            raised_at: self.raised_at,
            acknowledged,
        })
    }
}
