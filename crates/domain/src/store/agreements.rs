use crate::agreements::{Agreement, Signature};
use crate::ids::{AccountId, OrgId};
use crate::StoreError;

type R<T> = Result<T, StoreError>;

/// Organizations' agreement versions and their members' signatures.
#[async_trait::async_trait]
pub trait AgreementStore: Send + Sync {
    /// The organization's latest stored version; `None` when it never stored one.
    async fn agreement(&self, org: OrgId) -> R<Option<Agreement>>;
    /// The account's latest signature in the organization.
    async fn latest_signature(&self, org: OrgId, account: AccountId) -> R<Option<Signature>>;
    /// In one transaction: stores `default` (version 1) when the organization has no version
    /// yet, then signs `signature.version` if it is the latest. A second signature of the
    /// same version keeps the first. The stored signature, or `None` when that version is
    /// not the latest.
    async fn sign_agreement(
        &self,
        signature: Signature,
        default: Agreement,
    ) -> R<Option<Signature>>;
    /// In one transaction: stores `default` when the organization has no version yet, then
    /// `agreement` if its version follows the latest; `false` (nothing written) otherwise.
    async fn publish_agreement(&self, agreement: Agreement, default: Agreement) -> R<bool>;
    /// Every signature in the organization, newest first.
    async fn agreement_signatures(&self, org: OrgId) -> R<Vec<Signature>>;
}
