//! Personal access tokens for the API, stored under the hash of their secret.

use chrono::{DateTime, Utc};
use kindred_domain::accounts::ApiToken;
use kindred_domain::auth::TokenHash;
use kindred_domain::ids::{AccountId, ApiTokenId};
use rusqlite::Connection;

use super::exec::{all, execute, optional};
use super::values::{opt_ts, ts};
use super::R;
use crate::rows::ApiTokenRow;
use crate::sql::tokens as sql;

pub(super) fn create_api_token(c: &Connection, t: &ApiToken) -> R<()> {
    execute(
        c,
        sql::INSERT,
        &[
            &t.id.to_string(),
            &t.account_id.to_string(),
            &t.name,
            &t.token_hash.0,
            &ts(t.created_at),
            &opt_ts(t.last_used_at),
            &opt_ts(t.revoked_at),
        ],
    )?;
    Ok(())
}

pub(super) fn api_tokens_of(c: &Connection, account: AccountId) -> R<Vec<ApiToken>> {
    all::<ApiTokenRow>(c, sql::OF_ACCOUNT, &[&account.to_string()])?
        .into_iter()
        .map(ApiToken::try_from)
        .collect()
}

pub(super) fn api_token_by_hash(c: &Connection, hash: &TokenHash) -> R<Option<ApiToken>> {
    optional::<ApiTokenRow>(c, sql::BY_HASH, &[&hash.0])?
        .map(ApiToken::try_from)
        .transpose()
}

pub(super) fn revoke_api_token(
    c: &Connection,
    account: AccountId,
    id: ApiTokenId,
    now: DateTime<Utc>,
) -> R<bool> {
    let revoked = execute(
        c,
        sql::REVOKE,
        &[&id.to_string(), &account.to_string(), &ts(now)],
    )? > 0;
    if revoked {
        tracing::info!(account_id = %account, api_token_id = %id, "api token revoked");
    }
    Ok(revoked)
}

pub(super) fn touch_api_token(c: &Connection, id: ApiTokenId, now: DateTime<Utc>) -> R<()> {
    execute(c, sql::TOUCH, &[&id.to_string(), &ts(now)])?;
    Ok(())
}
