//! Group agreements on PostgreSQL.

use kindred_domain::agreements::{Agreement, Signature};
use kindred_domain::ids::{AccountId, OrgId};
use kindred_domain::store::AgreementStore;

use super::{commit, Db, PgStore, Tx, R};
use crate::errors::db;
use crate::rows::{published_at, AgreementRow, SignatureRow};
use crate::sql::agreements as sql;

/// Stores `agreement` unless its version number is taken; whether it was stored.
async fn insert_version(tx: &mut Tx, agreement: &Agreement) -> R<bool> {
    let done = sqlx::query(sql::INSERT_VERSION)
        .bind(agreement.org_id.to_string())
        .bind(agreement.version)
        .bind(&agreement.title)
        .bind(&agreement.body)
        .bind(published_at(agreement)?)
        .bind(agreement.published_by.map(|a| a.to_string()))
        .execute(&mut **tx)
        .await
        .map_err(db)?;
    Ok(done.rows_affected() == 1)
}

/// The latest version number, once the default is stored when there was none.
async fn latest_version(tx: &mut Tx, default: &Agreement) -> R<i32> {
    let org = default.org_id.to_string();
    let latest = || sqlx::query_scalar::<Db, i32>(sql::LATEST_VERSION).bind(org.clone());
    let found = latest().fetch_one(&mut **tx).await.map_err(db)?;
    if found > 0 {
        return Ok(found);
    }
    insert_version(tx, default).await?;
    latest().fetch_one(&mut **tx).await.map_err(db)
}

#[async_trait::async_trait]
impl AgreementStore for PgStore {
    async fn agreement(&self, org: OrgId) -> R<Option<Agreement>> {
        sqlx::query_as::<Db, AgreementRow>(sql::LATEST)
            .bind(org.to_string())
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?
            .map(Agreement::try_from)
            .transpose()
    }

    async fn latest_signature(&self, org: OrgId, account: AccountId) -> R<Option<Signature>> {
        sqlx::query_as::<Db, SignatureRow>(sql::LATEST_SIGNATURE)
            .bind(org.to_string())
            .bind(account.to_string())
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?
            .map(Signature::try_from)
            .transpose()
    }

    async fn sign_agreement(
        &self,
        signature: Signature,
        default: Agreement,
    ) -> R<Option<Signature>> {
        let mut tx = self.begin_write().await?;
        if latest_version(&mut tx, &default).await? != signature.version {
            commit(tx).await?;
            return Ok(None);
        }
        let (org, account) = (
            signature.org_id.to_string(),
            signature.account_id.to_string(),
        );
        sqlx::query(sql::SIGN)
            .bind(&org)
            .bind(signature.version)
            .bind(&account)
            .bind(&signature.typed_name)
            .bind(signature.signed_at)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        let stored = sqlx::query_as::<Db, SignatureRow>(sql::SIGNATURE)
            .bind(&org)
            .bind(&account)
            .bind(signature.version)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?
            .map(Signature::try_from)
            .transpose()?;
        commit(tx).await?;
        Ok(stored)
    }

    async fn publish_agreement(&self, agreement: Agreement, default: Agreement) -> R<bool> {
        let mut tx = self.begin_write().await?;
        let stored = latest_version(&mut tx, &default).await? + 1 == agreement.version
            && insert_version(&mut tx, &agreement).await?;
        commit(tx).await?;
        Ok(stored)
    }

    async fn agreement_signatures(&self, org: OrgId) -> R<Vec<Signature>> {
        sqlx::query_as::<Db, SignatureRow>(sql::SIGNATURES_OF)
            .bind(org.to_string())
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .into_iter()
            .map(Signature::try_from)
            .collect()
    }
}
