use chrono::{DateTime, Utc};
use kindred_domain::accounts::{Account, ApiToken, DisplayName, Email, PasswordHash};
use kindred_domain::auth::{AuthSession, SessionContext, TokenHash};
use kindred_domain::orgs::OrgRole;
use kindred_domain::StoreError;

use super::SqliteRow;
use crate::errors::{code, id};
use crate::sqlite::values::Cols;

#[derive(sqlx::FromRow)]
pub(crate) struct AccountRow {
    id: String,
    email: String,
    display_name: String,
    password_hash: String,
    created_at: DateTime<Utc>,
}

impl SqliteRow for AccountRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(AccountRow {
            id: c.get("id")?,
            email: c.get("email")?,
            display_name: c.get("display_name")?,
            password_hash: c.get("password_hash")?,
            created_at: c.time("created_at")?,
        })
    }
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

impl SqliteRow for AuthSessionRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(AuthSessionRow {
            id: c.get("id")?,
            account_id: c.get("account_id")?,
            token_hash: c.get("token_hash")?,
            csrf_token: c.get("csrf_token")?,
            created_at: c.time("created_at")?,
            last_seen_at: c.time("last_seen_at")?,
            idle_timeout_secs: c.get("idle_timeout_secs")?,
        })
    }
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

/// A session joined with its account and one of its roles (`sql::auth::CONTEXT_BY_TOKEN`).
#[derive(sqlx::FromRow)]
pub(crate) struct SessionContextRow {
    #[sqlx(flatten)]
    session: AuthSessionRow,
    a_email: String,
    a_display_name: String,
    a_password_hash: String,
    a_created_at: DateTime<Utc>,
    r_org_id: Option<String>,
    r_org_name: Option<String>,
    r_role: Option<String>,
}

impl SqliteRow for SessionContextRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(SessionContextRow {
            session: AuthSessionRow::read(c)?,
            a_email: c.get("a_email")?,
            a_display_name: c.get("a_display_name")?,
            a_password_hash: c.get("a_password_hash")?,
            a_created_at: c.time("a_created_at")?,
            r_org_id: c.get("r_org_id")?,
            r_org_name: c.get("r_org_name")?,
            r_role: c.get("r_role")?,
        })
    }
}

/// Assembles the context from its rows: the session and account from the first, a role
/// from each row that has one. `None` when there are no rows (no such session).
pub(crate) fn session_context(
    rows: Vec<SessionContextRow>,
) -> Result<Option<SessionContext>, StoreError> {
    let mut roles = Vec::with_capacity(rows.len());
    let mut first = None;
    for row in rows {
        if let (Some(org_id), Some(org_name), Some(role)) =
            (row.r_org_id, row.r_org_name, row.r_role)
        {
            roles.push(OrgRole {
                org_id: id("org_staff.org_id", &org_id)?,
                org_name,
                role: code("org_staff.role", &role)?,
            });
        }
        if first.is_none() {
            first = Some((
                row.session,
                row.a_email,
                row.a_display_name,
                row.a_password_hash,
                row.a_created_at,
            ));
        }
    }
    let Some((session, email, display_name, password_hash, created_at)) = first else {
        return Ok(None);
    };
    let session = AuthSession::try_from(session)?;
    let account = Account {
        id: session.account_id,
        email: Email::from_trusted(email),
        display_name: DisplayName::from_trusted(display_name),
        password_hash: PasswordHash(password_hash),
        created_at,
    };
    Ok(Some(SessionContext {
        session,
        account,
        roles,
    }))
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

impl SqliteRow for ApiTokenRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(ApiTokenRow {
            id: c.get("id")?,
            account_id: c.get("account_id")?,
            name: c.get("name")?,
            token_hash: c.get("token_hash")?,
            created_at: c.time("created_at")?,
            last_used_at: c.opt_time("last_used_at")?,
            revoked_at: c.opt_time("revoked_at")?,
        })
    }
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
