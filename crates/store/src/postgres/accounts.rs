//! Accounts: creation, look-up, password changes and the roles an account holds.

use kindred_domain::accounts::{Account, Email, NewAccount, PasswordHash};
use kindred_domain::ids::{AccountId, AuthSessionId};
use kindred_domain::orgs::OrgRole;
use kindred_domain::StoreError;

use super::{auth, commit, Db, PgStore, R};
use crate::errors::db;
use crate::rows::{AccountRow, OrgRoleRow};
use crate::sql::accounts as sql;

/// Inserts the account; a taken email is `Duplicate`.
pub(super) async fn insert_account<'c, E>(ex: E, a: &NewAccount) -> R<()>
where
    E: sqlx::Executor<'c, Database = Db>,
{
    sqlx::query(sql::INSERT)
        .bind(a.id.to_string())
        .bind(a.email.as_str())
        .bind(a.display_name.as_str())
        .bind(a.password_hash.0.as_str())
        .bind(a.created_at)
        .execute(ex)
        .await
        .map_err(db)?;
    Ok(())
}

pub(super) async fn create_account(s: &PgStore, account: NewAccount) -> R<Account> {
    insert_account(&s.pool, &account).await?;
    tracing::debug!(account_id = %account.id, "account created");
    Ok(account.into())
}

pub(super) async fn account_by_email(s: &PgStore, email: &Email) -> R<Option<Account>> {
    sqlx::query_as::<Db, AccountRow>(sql::BY_EMAIL)
        .bind(email.as_str())
        .fetch_optional(&s.pool)
        .await
        .map_err(db)?
        .map(Account::try_from)
        .transpose()
}

pub(super) async fn account_by_id(s: &PgStore, id: AccountId) -> R<Option<Account>> {
    sqlx::query_as::<Db, AccountRow>(sql::BY_ID)
        .bind(id.to_string())
        .fetch_optional(&s.pool)
        .await
        .map_err(db)?
        .map(Account::try_from)
        .transpose()
}

/// A new password ends every other sign-in, in the same transaction, so a stolen session
/// does not outlive the password change.
pub(super) async fn set_password(
    s: &PgStore,
    id: AccountId,
    hash: PasswordHash,
    keep: Option<AuthSessionId>,
) -> R<()> {
    let mut tx = s.begin_write().await?;
    let done = sqlx::query(sql::SET_PASSWORD)
        .bind(id.to_string())
        .bind(hash.0)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    auth::delete_sessions_of(&mut *tx, id, keep).await?;
    commit(tx).await?;
    tracing::info!(account_id = %id, "password changed; other sessions ended");
    Ok(())
}

pub(super) async fn roles_of<'c, E>(ex: E, id: AccountId) -> R<Vec<OrgRole>>
where
    E: sqlx::Executor<'c, Database = Db>,
{
    sqlx::query_as::<Db, OrgRoleRow>(sql::ROLES_OF)
        .bind(id.to_string())
        .fetch_all(ex)
        .await
        .map_err(db)?
        .into_iter()
        .map(OrgRole::try_from)
        .collect()
}
