use chrono::{DateTime, Utc};
use kindred_domain::agreements::{Agreement, Signature};
use kindred_domain::StoreError;

use super::SqliteRow;
use crate::errors::id;
use crate::sqlite::values::Cols;

/// When a version to be stored took effect: the caller always says.
pub(crate) fn published_at(agreement: &Agreement) -> Result<DateTime<Utc>, StoreError> {
    agreement.published_at.ok_or_else(|| {
        StoreError::Backend("an agreement version is stored with its publication time".into())
    })
}

#[derive(sqlx::FromRow)]
pub(crate) struct AgreementRow {
    org_id: String,
    version: i32,
    title: String,
    body: String,
    published_at: DateTime<Utc>,
    published_by: Option<String>,
}

impl SqliteRow for AgreementRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(AgreementRow {
            org_id: c.get("org_id")?,
            version: c.get("version")?,
            title: c.get("title")?,
            body: c.get("body")?,
            published_at: c.time("published_at")?,
            published_by: c.get("published_by")?,
        })
    }
}

impl TryFrom<AgreementRow> for Agreement {
    type Error = StoreError;
    fn try_from(r: AgreementRow) -> Result<Self, StoreError> {
        Ok(Agreement {
            org_id: id("agreement_versions.org_id", &r.org_id)?,
            version: r.version,
            title: r.title,
            body: r.body,
            published_at: Some(r.published_at),
            published_by: r
                .published_by
                .map(|raw| id("agreement_versions.published_by", &raw))
                .transpose()?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct SignatureRow {
    org_id: String,
    version: i32,
    account_id: String,
    typed_name: String,
    signed_at: DateTime<Utc>,
}

impl SqliteRow for SignatureRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(SignatureRow {
            org_id: c.get("org_id")?,
            version: c.get("version")?,
            account_id: c.get("account_id")?,
            typed_name: c.get("typed_name")?,
            signed_at: c.time("signed_at")?,
        })
    }
}

impl TryFrom<SignatureRow> for Signature {
    type Error = StoreError;
    fn try_from(r: SignatureRow) -> Result<Self, StoreError> {
        Ok(Signature {
            org_id: id("agreement_signatures.org_id", &r.org_id)?,
            version: r.version,
            account_id: id("agreement_signatures.account_id", &r.account_id)?,
            typed_name: r.typed_name,
            signed_at: r.signed_at,
        })
    }
}
