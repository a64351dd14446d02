use chrono::{DateTime, Utc};
use kindred_domain::accounts::{Account, ApiToken, DisplayName, Email, PasswordHash};
use kindred_domain::auth::{AuthSession, TokenHash};
use kindred_domain::StoreError;

use crate::errors::id;

#[derive(sqlx::FromRow)]
pub(crate) struct AccountRow {
    id: String,
    email: String,
    display_name: String,
    password_hash: String,
    created_at: DateTime<Utc>,
}

impl TryFrom<AccountRow> for Account {
    type Error = StoreError;
    fn try_from(r: AccountRow) -> Result<Self, StoreError> {
        Ok(Account {
            id: id("accounts.id", &r.id)?,
            email: Email::from_trusted(r.email),
            display_name: DisplayName::from_trusted(r.display_name),
            password_hash: PasswordHash(r.password_hash),
            created_at: r.created_at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct AuthSessionRow {
    id: String,
    account_id: String,
    token_hash: String,
    csrf_token: String,
    created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
    idle_timeout_secs: i64,
}

impl TryFrom<AuthSessionRow> for AuthSession {
    type Error = StoreError;
    fn try_from(r: AuthSessionRow) -> Result<Self, StoreError> {
        Ok(AuthSession {
            id: id("auth_sessions.id", &r.id)?,
            account_id: id("auth_sessions.account_id", &r.account_id)?,
            token_hash: TokenHash(r.token_hash),
            csrf_token: r.csrf_token,
            created_at: r.created_at,
            last_seen_at: r.last_seen_at,
            idle_timeout_secs: r.idle_timeout_secs,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct ApiTokenRow {
    id: String,
    account_id: String,
    name: String,
    token_hash: String,
    created_at: DateTime<Utc>,
    last_used_at: Option<DateTime<Utc>>,
    revoked_at: Option<DateTime<Utc>>,
}

impl TryFrom<ApiTokenRow> for ApiToken {
    type Error = StoreError;
    fn try_from(r: ApiTokenRow) -> Result<Self, StoreError> {
        Ok(ApiToken {
            id: id("api_tokens.id", &r.id)?,
            account_id: id("api_tokens.account_id", &r.account_id)?,
            name: r.name,
            token_hash: TokenHash(r.token_hash),
            created_at: r.created_at,
            last_used_at: r.last_used_at,
            revoked_at: r.revoked_at,
        })
    }
}
