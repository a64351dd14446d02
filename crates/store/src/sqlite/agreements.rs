//! Group agreements on SQLite: versions and signatures, written on the writer.

use kindred_domain::agreements::{Agreement, Signature};
use kindred_domain::ids::{AccountId, OrgId};
use kindred_domain::store::AgreementStore;
use rusqlite::Connection;

use super::exec::{all, execute, optional, scalar};
use super::values::ts;
use super::{SqliteStore, R};
use crate::rows::{published_at, AgreementRow, SignatureRow};
use crate::sql::agreements as sql;

/// Stores `agreement` unless its version number is taken; whether it was stored.
fn insert_version(c: &Connection, agreement: &Agreement) -> R<bool> {
    let published_at = ts(published_at(agreement)?);
    let stored = execute(
        c,
        sql::INSERT_VERSION,
        &[
            &agreement.org_id.to_string(),
            &agreement.version,
            &agreement.title,
            &agreement.body,
            &published_at,
            &agreement.published_by.map(|a| a.to_string()),
        ],
    )?;
    Ok(stored == 1)
}

/// The latest version number, once the default is stored when there was none.
fn latest_version(c: &Connection, default: &Agreement) -> R<i32> {
    let org = default.org_id.to_string();
    let latest: i32 = scalar(c, sql::LATEST_VERSION, &[&org])?;
    if latest > 0 {
        return Ok(latest);
    }
    insert_version(c, default)?;
    scalar(c, sql::LATEST_VERSION, &[&org])
}

#[async_trait::async_trait]
impl AgreementStore for SqliteStore {
    async fn agreement(&self, org: OrgId) -> R<Option<Agreement>> {
        self.read(|c| {
            optional::<AgreementRow>(c, sql::LATEST, &[&org.to_string()])?
                .map(Agreement::try_from)
                .transpose()
        })
    }

    async fn latest_signature(&self, org: OrgId, account: AccountId) -> R<Option<Signature>> {
        self.read(|c| {
            optional::<SignatureRow>(
                c,
                sql::LATEST_SIGNATURE,
                &[&org.to_string(), &account.to_string()],
            )?
            .map(Signature::try_from)
            .transpose()
        })
    }

    async fn sign_agreement(
        &self,
        signature: Signature,
        default: Agreement,
    ) -> R<Option<Signature>> {
        self.write_tx(move |c| {
            if latest_version(c, &default)? != signature.version {
                return Ok(None);
            }
            let (org, account) = (
                signature.org_id.to_string(),
                signature.account_id.to_string(),
            );
            execute(
                c,
                sql::SIGN,
                &[
                    &org,
                    &signature.version,
                    &account,
                    &signature.typed_name,
                    &ts(signature.signed_at),
                ],
            )?;
            optional::<SignatureRow>(c, sql::SIGNATURE, &[&org, &account, &signature.version])?
                .map(Signature::try_from)
                .transpose()
        })
        .await
    }

    async fn publish_agreement(&self, agreement: Agreement, default: Agreement) -> R<bool> {
        self.write_tx(move |c| {
            if latest_version(c, &default)? + 1 != agreement.version {
                return Ok(false);
            }
            insert_version(c, &agreement)
        })
        .await
    }

    async fn agreement_signatures(&self, org: OrgId) -> R<Vec<Signature>> {
        self.read(|c| {
            all::<SignatureRow>(c, sql::SIGNATURES_OF, &[&org.to_string()])?
                .into_iter()
                .map(Signature::try_from)
                .collect()
        })
    }
}
