//! Signed-in sessions, stored under the hash of their token.

use chrono::{DateTime, Utc};
use kindred_domain::auth::{AuthSession, TokenHash};
use kindred_domain::ids::{AccountId, AuthSessionId};

use super::{Db, SqlStore, R};
use crate::errors::db;
use crate::rows::AuthSessionRow;

pub(super) async fn create_auth_session(s: &SqlStore, a: AuthSession) -> R<()> {
    sqlx::query(
        "INSERT INTO auth_sessions \
         (id, account_id, token_hash, csrf_token, created_at, last_seen_at, idle_timeout_secs) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(a.id.to_string())
    .bind(a.account_id.to_string())
    .bind(a.token_hash.0)
    .bind(a.csrf_token)
    .bind(a.created_at)
    .bind(a.last_seen_at)
    .bind(a.idle_timeout_secs)
    .execute(&s.write)
    .await
    .map_err(db)?;
    Ok(())
}

pub(super) async fn auth_session_by_token(
    s: &SqlStore,
    hash: &TokenHash,
) -> R<Option<AuthSession>> {
    sqlx::query_as::<Db, AuthSessionRow>(
        "SELECT id, account_id, token_hash, csrf_token, created_at, last_seen_at, \
         idle_timeout_secs FROM auth_sessions WHERE token_hash = $1",
    )
    .bind(hash.0.as_str())
    .fetch_optional(&s.read)
    .await
    .map_err(db)?
    .map(AuthSession::try_from)
    .transpose()
}

pub(super) async fn touch_auth_session(
    s: &SqlStore,
    id: AuthSessionId,
    now: DateTime<Utc>,
) -> R<()> {
    sqlx::query("UPDATE auth_sessions SET last_seen_at = $2 WHERE id = $1")
        .bind(id.to_string())
        .bind(now)
        .execute(&s.write)
        .await
        .map_err(db)?;
    Ok(())
}

pub(super) async fn delete_auth_session(s: &SqlStore, id: AuthSessionId) -> R<()> {
    sqlx::query("DELETE FROM auth_sessions WHERE id = $1")
        .bind(id.to_string())
        .execute(&s.write)
        .await
        .map_err(db)?;
    Ok(())
}

/// Deletes the account's sessions except `except`; also used inside `set_password`'s transaction.
pub(super) async fn delete_sessions_of<'c, E>(
    ex: E,
    account: AccountId,
    except: Option<AuthSessionId>,
) -> R<()>
where
    E: sqlx::Executor<'c, Database = Db>,
{
    // '' matches no id, so `None` deletes them all.
    let done =
        sqlx::query("DELETE FROM auth_sessions WHERE account_id = $1 AND id <> COALESCE($2, '')")
            .bind(account.to_string())
            .bind(except.map(|id| id.to_string()))
            .execute(ex)
            .await
            .map_err(db)?;
    tracing::debug!(account_id = %account, ended = done.rows_affected(), "sessions ended");
    Ok(())
}
