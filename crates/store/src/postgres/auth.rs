//! Signed-in sessions, stored under the hash of their token.

use chrono::{DateTime, Utc};
use kindred_domain::auth::{AuthSession, SessionContext, TokenHash};
use kindred_domain::ids::{AccountId, AuthSessionId};

use super::{Db, PgStore, R};
use crate::errors::db;
use crate::rows::{self, AuthSessionRow, SessionContextRow};
use crate::sql::auth as sql;

pub(super) async fn create_auth_session(s: &PgStore, a: AuthSession) -> R<()> {
    sqlx::query(sql::INSERT)
        .bind(a.id.to_string())
        .bind(a.account_id.to_string())
        .bind(a.token_hash.0)
        .bind(a.csrf_token)
        .bind(a.created_at)
        .bind(a.last_seen_at)
        .bind(a.idle_timeout_secs)
        .execute(&s.pool)
        .await
        .map_err(db)?;
    Ok(())
}

pub(super) async fn auth_session_by_token(s: &PgStore, hash: &TokenHash) -> R<Option<AuthSession>> {
    sqlx::query_as::<Db, AuthSessionRow>(sql::BY_TOKEN)
        .bind(hash.0.as_str())
        .fetch_optional(&s.pool)
        .await
        .map_err(db)?
        .map(AuthSession::try_from)
        .transpose()
}

/// The session with its account and roles, from one statement.
pub(super) async fn session_context(s: &PgStore, hash: &TokenHash) -> R<Option<SessionContext>> {
    let rows = sqlx::query_as::<Db, SessionContextRow>(sql::CONTEXT_BY_TOKEN)
        .bind(hash.0.as_str())
        .fetch_all(&s.pool)
        .await
        .map_err(db)?;
    rows::session_context(rows)
}

pub(super) async fn touch_auth_session(
    s: &PgStore,
    id: AuthSessionId,
    now: DateTime<Utc>,
) -> R<()> {
    sqlx::query(sql::TOUCH)
        .bind(id.to_string())
        .bind(now)
        .execute(&s.pool)
        .await
        .map_err(db)?;
    Ok(())
}

pub(super) async fn delete_auth_session(s: &PgStore, id: AuthSessionId) -> R<()> {
    sqlx::query(sql::DELETE)
        .bind(id.to_string())
        .execute(&s.pool)
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
    let done = sqlx::query(sql::DELETE_OF_ACCOUNT)
        .bind(account.to_string())
        .bind(except.map(|id| id.to_string()))
        .execute(ex)
        .await
        .map_err(db)?;
    tracing::debug!(account_id = %account, ended = done.rows_affected(), "sessions ended");
    Ok(())
}
