//! Accounts: creation, look-up, password changes and the roles an account holds.

use kindred_domain::accounts::{Account, Email, NewAccount, PasswordHash};
use kindred_domain::ids::{AccountId, AuthSessionId};
use kindred_domain::orgs::OrgRole;
use kindred_domain::StoreError;
use rusqlite::Connection;

use super::exec::{all, execute, optional};
use super::values::ts;
use super::{auth, R};
use crate::rows::{AccountRow, OrgRoleRow};
use crate::sql::accounts as sql;

/// Inserts the account; a taken email is `Duplicate`.
pub(super) fn insert_account(c: &Connection, a: &NewAccount) -> R<()> {
    execute(
        c,
        sql::INSERT,
        &[
            &a.id.to_string(),
            &a.email.as_str(),
            &a.display_name.as_str(),
            &a.password_hash.0,
            &ts(a.created_at),
        ],
    )?;
    Ok(())
}

pub(super) fn account_by_email(c: &Connection, email: &Email) -> R<Option<Account>> {
    optional::<AccountRow>(c, sql::BY_EMAIL, &[&email.as_str()])?
        .map(Account::try_from)
        .transpose()
}

pub(super) fn account_by_id(c: &Connection, id: AccountId) -> R<Option<Account>> {
    optional::<AccountRow>(c, sql::BY_ID, &[&id.to_string()])?
        .map(Account::try_from)
        .transpose()
}

/// A new password ends every other sign-in, in the caller's transaction, so a stolen session
/// does not outlive the password change.
pub(super) fn set_password(
    c: &Connection,
    id: AccountId,
    hash: &PasswordHash,
    keep: Option<AuthSessionId>,
) -> R<()> {
    if execute(c, sql::SET_PASSWORD, &[&id.to_string(), &hash.0])? == 0 {
        return Err(StoreError::NotFound);
    }
    auth::delete_sessions_of(c, id, keep)
}

pub(super) fn roles_of(c: &Connection, id: AccountId) -> R<Vec<OrgRole>> {
    all::<OrgRoleRow>(c, sql::ROLES_OF, &[&id.to_string()])?
        .into_iter()
        .map(OrgRole::try_from)
        .collect()
}
