use chrono::{DateTime, Utc};

use crate::ids::{AccountId, OrgId};

/// One version of an organization's agreement. Versions are 1, 2, 3, … and never change.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Agreement {
    #[schema(value_type = String)]
    pub org_id: OrgId,
    pub version: i32,
    pub title: String,
    pub body: String,
    /// When it took effect; `None` for Kindred's default before it was first stored.
    pub published_at: Option<DateTime<Utc>>,
    /// Who published it; `None` for Kindred's default text.
    #[schema(value_type = Option<String>)]
    pub published_by: Option<AccountId>,
}

/// A member's signature of one version.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Signature {
    #[schema(value_type = String)]
    pub org_id: OrgId,
    pub version: i32,
    #[schema(value_type = String)]
    pub account_id: AccountId,
    /// The name the member typed to sign.
    pub typed_name: String,
    pub signed_at: DateTime<Utc>,
}

/// The current agreement and where the signed-in person stands with it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct AgreementStatus {
    pub agreement: Agreement,
    /// Their signature of the current version, if they signed it.
    pub signed: Option<Signature>,
    /// Their latest signature of an earlier version, when the current one is unsigned: a
    /// new version asks them to sign again.
    pub earlier: Option<Signature>,
}

impl AgreementStatus {
    /// Reads the current version and the person's latest signature.
    pub fn of(agreement: Agreement, latest: Option<Signature>) -> Self {
        let (signed, earlier) = match latest {
            Some(s) if s.version == agreement.version => (Some(s), None),
            other => (None, other),
        };
        AgreementStatus {
            agreement,
            signed,
            earlier,
        }
    }

    pub fn is_signed(&self) -> bool {
        self.signed.is_some()
    }
}
