//! Signed-in sessions, stored under the hash of their token.

use chrono::{DateTime, Utc};
use kindred_domain::auth::{AuthSession, SessionContext, TokenHash};
use kindred_domain::ids::{AccountId, AuthSessionId};
use rusqlite::Connection;

use super::exec::{all, execute, optional};
use super::values::ts;
use super::R;
use crate::rows::{self, AuthSessionRow, SessionContextRow};
use crate::sql::auth as sql;

pub(super) fn create_auth_session(c: &Connection, a: &AuthSession) -> R<()> {
    execute(
        c,
        sql::INSERT,
        &[
            &a.id.to_string(),
            &a.account_id.to_string(),
            &a.token_hash.0,
            &a.csrf_token,
            &ts(a.created_at),
            &ts(a.last_seen_at),
            &a.idle_timeout_secs,
        ],
    )?;
    Ok(())
}

pub(super) fn auth_session_by_token(c: &Connection, hash: &TokenHash) -> R<Option<AuthSession>> {
    optional::<AuthSessionRow>(c, sql::BY_TOKEN, &[&hash.0])?
        .map(AuthSession::try_from)
        .transpose()
}

/// The session with its account and roles, from one statement.
pub(super) fn session_context(c: &Connection, hash: &TokenHash) -> R<Option<SessionContext>> {
    rows::session_context(all::<SessionContextRow>(
        c,
        sql::CONTEXT_BY_TOKEN,
        &[&hash.0],
    )?)
}

pub(super) fn touch_auth_session(c: &Connection, id: AuthSessionId, now: DateTime<Utc>) -> R<()> {
    execute(c, sql::TOUCH, &[&id.to_string(), &ts(now)])?;
    Ok(())
}

pub(super) fn delete_auth_session(c: &Connection, id: AuthSessionId) -> R<()> {
    execute(c, sql::DELETE, &[&id.to_string()])?;
    Ok(())
}

/// Deletes the account's sessions except `except`; also part of `set_password`'s transaction.
pub(super) fn delete_sessions_of(
    c: &Connection,
    account: AccountId,
    except: Option<AuthSessionId>,
) -> R<()> {
    let ended = execute(
        c,
        sql::DELETE_OF_ACCOUNT,
        &[&account.to_string(), &except.map(|id| id.to_string())],
    )?;
    tracing::debug!(account_id = %account, ended, "sessions ended");
    Ok(())
}
