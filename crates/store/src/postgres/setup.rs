//! First-run setup: a one-time token that creates the first organization and its admin.

use chrono::{DateTime, Utc};
use kindred_domain::accounts::{Account, NewAccount};
use kindred_domain::auth::TokenHash;
use kindred_domain::orgs::{Organization, Role};
use kindred_domain::StoreError;

use super::{accounts, commit, orgs, PgStore, R};
use crate::errors::db;
use crate::sql::setup as sql;

pub(super) async fn has_organizations(s: &PgStore) -> R<bool> {
    let row = sqlx::query(sql::HAS_ORGANIZATIONS)
        .fetch_optional(&s.pool)
        .await
        .map_err(db)?;
    Ok(row.is_some())
}

pub(super) async fn create_setup_token(s: &PgStore, hash: &TokenHash, now: DateTime<Utc>) -> R<()> {
    sqlx::query(sql::INSERT_TOKEN)
        .bind(hash.0.as_str())
        .bind(now)
        .execute(&s.pool)
        .await
        .map_err(db)?;
    Ok(())
}

pub(super) async fn setup_token_is_open(s: &PgStore, hash: &TokenHash) -> R<bool> {
    let row = sqlx::query(sql::TOKEN_IS_OPEN)
        .bind(hash.0.as_str())
        .fetch_optional(&s.pool)
        .await
        .map_err(db)?;
    Ok(row.is_some())
}

/// Spends the token first with a conditional update: of two racing requests only one
/// changes the row; the other gets `NotFound` and its transaction rolls back.
pub(super) async fn complete_setup(
    s: &PgStore,
    token: &TokenHash,
    now: DateTime<Utc>,
    org: Organization,
    admin: NewAccount,
    role: Role,
) -> R<Account> {
    let mut tx = s.begin_write().await?;
    let spent = sqlx::query(sql::SPEND_TOKEN)
        .bind(token.0.as_str())
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    if spent.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    orgs::insert_organization(&mut *tx, &org).await?;
    accounts::insert_account(&mut *tx, &admin).await?;
    orgs::set_staff_role(&mut *tx, org.id, admin.id, role).await?;
    commit(tx).await?;
    tracing::info!(org_id = %org.id, account_id = %admin.id, "setup completed");
    Ok(admin.into())
}
