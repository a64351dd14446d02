//! Personal access tokens for the API, stored under the hash of their secret.

use chrono::{DateTime, Utc};
use kindred_domain::accounts::ApiToken;
use kindred_domain::auth::TokenHash;
use kindred_domain::ids::{AccountId, ApiTokenId};

use super::{Db, SqlStore, R};
use crate::errors::db;
use crate::rows::ApiTokenRow;

pub(super) async fn create_api_token(s: &SqlStore, t: ApiToken) -> R<()> {
    sqlx::query(
        "INSERT INTO api_tokens \
         (id, account_id, name, token_hash, created_at, last_used_at, revoked_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(t.id.to_string())
    .bind(t.account_id.to_string())
    .bind(t.name)
    .bind(t.token_hash.0)
    .bind(t.created_at)
    .bind(t.last_used_at)
    .bind(t.revoked_at)
    .execute(&s.write)
    .await
    .map_err(db)?;
    Ok(())
}

pub(super) async fn api_tokens_of(s: &SqlStore, account: AccountId) -> R<Vec<ApiToken>> {
    sqlx::query_as::<Db, ApiTokenRow>(
        "SELECT id, account_id, name, token_hash, created_at, last_used_at, revoked_at \
         FROM api_tokens WHERE account_id = $1 ORDER BY created_at DESC, id DESC",
    )
    .bind(account.to_string())
    .fetch_all(&s.read)
    .await
    .map_err(db)?
    .into_iter()
    .map(ApiToken::try_from)
    .collect()
}

pub(super) async fn api_token_by_hash(s: &SqlStore, hash: &TokenHash) -> R<Option<ApiToken>> {
    sqlx::query_as::<Db, ApiTokenRow>(
        "SELECT id, account_id, name, token_hash, created_at, last_used_at, revoked_at \
         FROM api_tokens WHERE token_hash = $1",
    )
    .bind(hash.0.as_str())
    .fetch_optional(&s.read)
    .await
    .map_err(db)?
    .map(ApiToken::try_from)
    .transpose()
}

/// The account check is part of the update, so nobody revokes someone else's token.
pub(super) async fn revoke_api_token(
    s: &SqlStore,
    account: AccountId,
    id: ApiTokenId,
    now: DateTime<Utc>,
) -> R<bool> {
    let done = sqlx::query(
        "UPDATE api_tokens SET revoked_at = $3 \
         WHERE id = $1 AND account_id = $2 AND revoked_at IS NULL",
    )
    .bind(id.to_string())
    .bind(account.to_string())
    .bind(now)
    .execute(&s.write)
    .await
    .map_err(db)?;
    let revoked = done.rows_affected() > 0;
    if revoked {
        tracing::info!(account_id = %account, api_token_id = %id, "api token revoked");
    }
    Ok(revoked)
}

pub(super) async fn touch_api_token(s: &SqlStore, id: ApiTokenId, now: DateTime<Utc>) -> R<()> {
    sqlx::query("UPDATE api_tokens SET last_used_at = $2 WHERE id = $1")
        .bind(id.to_string())
        .bind(now)
        .execute(&s.write)
        .await
        .map_err(db)?;
    Ok(())
}
