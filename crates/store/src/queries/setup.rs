//! First-run setup: a one-time token that creates the first organization and its admin.

use chrono::{DateTime, Utc};
use kindred_domain::accounts::{Account, NewAccount};
use kindred_domain::auth::TokenHash;
use kindred_domain::orgs::{Organization, Role};
use kindred_domain::StoreError;

use super::{accounts, commit, orgs, SqlStore, R};
use crate::errors::db;

pub(super) async fn has_organizations(s: &SqlStore) -> R<bool> {
    let row = sqlx::query("SELECT 1 FROM organizations LIMIT 1")
        .fetch_optional(&s.read)
        .await
        .map_err(db)?;
    Ok(row.is_some())
}

pub(super) async fn create_setup_token(
    s: &SqlStore,
    hash: &TokenHash,
    now: DateTime<Utc>,
) -> R<()> {
    sqlx::query("INSERT INTO setup_tokens (token_hash, created_at) VALUES ($1, $2)")
        .bind(hash.0.as_str())
        .bind(now)
        .execute(&s.write)
        .await
        .map_err(db)?;
    Ok(())
}

pub(super) async fn setup_token_is_open(s: &SqlStore, hash: &TokenHash) -> R<bool> {
    let row = sqlx::query("SELECT 1 FROM setup_tokens WHERE token_hash = $1 AND used_at IS NULL")
        .bind(hash.0.as_str())
        .fetch_optional(&s.read)
        .await
        .map_err(db)?;
    Ok(row.is_some())
}

/// Spends the token first with a conditional update: of two racing requests only one
/// changes the row; the other gets `NotFound` and its transaction rolls back.
pub(super) async fn complete_setup(
    s: &SqlStore,
    token: &TokenHash,
    now: DateTime<Utc>,
    org: Organization,
    admin: NewAccount,
    role: Role,
) -> R<Account> {
    let mut tx = s.begin_write().await?;
    let spent = sqlx::query(
        "UPDATE setup_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL",
    )
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
