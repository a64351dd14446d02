//! Personal access tokens for the API, stored under the hash of their secret.

use chrono::{DateTime, Utc};
use kindred_domain::accounts::ApiToken;
use kindred_domain::auth::TokenHash;
use kindred_domain::ids::{AccountId, ApiTokenId};

use super::{Db, PgStore, R};
use crate::errors::db;
use crate::rows::ApiTokenRow;
use crate::sql::tokens as sql;

pub(super) async fn create_api_token(s: &PgStore, t: ApiToken) -> R<()> {
    sqlx::query(sql::INSERT)
        .bind(t.id.to_string())
        .bind(t.account_id.to_string())
        .bind(t.name)
        .bind(t.token_hash.0)
        .bind(t.created_at)
        .bind(t.last_used_at)
        .bind(t.revoked_at)
        .execute(&s.pool)
        .await
        .map_err(db)?;
    Ok(())
}

pub(super) async fn api_tokens_of(s: &PgStore, account: AccountId) -> R<Vec<ApiToken>> {
    sqlx::query_as::<Db, ApiTokenRow>(sql::OF_ACCOUNT)
        .bind(account.to_string())
        .fetch_all(&s.pool)
        .await
        .map_err(db)?
        .into_iter()
        .map(ApiToken::try_from)
        .collect()
}

pub(super) async fn api_token_by_hash(s: &PgStore, hash: &TokenHash) -> R<Option<ApiToken>> {
    sqlx::query_as::<Db, ApiTokenRow>(sql::BY_HASH)
        .bind(hash.0.as_str())
        .fetch_optional(&s.pool)
        .await
        .map_err(db)?
        .map(ApiToken::try_from)
        .transpose()
}

pub(super) async fn revoke_api_token(
    s: &PgStore,
    account: AccountId,
    id: ApiTokenId,
    now: DateTime<Utc>,
) -> R<bool> {
    let done = sqlx::query(sql::REVOKE)
        .bind(id.to_string())
        .bind(account.to_string())
        .bind(now)
        .execute(&s.pool)
        .await
        .map_err(db)?;
    let revoked = done.rows_affected() > 0;
    if revoked {
        tracing::info!(account_id = %account, api_token_id = %id, "api token revoked");
    }
    Ok(revoked)
}

pub(super) async fn touch_api_token(s: &PgStore, id: ApiTokenId, now: DateTime<Utc>) -> R<()> {
    sqlx::query(sql::TOUCH)
        .bind(id.to_string())
        .bind(now)
        .execute(&s.pool)
        .await
        .map_err(db)?;
    Ok(())
}
