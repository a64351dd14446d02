//! First-run setup: a one-time token that creates the first organization and its admin.

use chrono::{DateTime, Utc};
use kindred_domain::accounts::NewAccount;
use kindred_domain::auth::TokenHash;
use kindred_domain::orgs::{Organization, Role};
use kindred_domain::StoreError;
use rusqlite::Connection;

use super::exec::{execute, exists};
use super::values::ts;
use super::{accounts, orgs, R};
use crate::sql::setup as sql;

pub(super) fn has_organizations(c: &Connection) -> R<bool> {
    exists(c, sql::HAS_ORGANIZATIONS, &[])
}

pub(super) fn create_setup_token(c: &Connection, hash: &TokenHash, now: DateTime<Utc>) -> R<()> {
    execute(c, sql::INSERT_TOKEN, &[&hash.0, &ts(now)])?;
    Ok(())
}

pub(super) fn setup_token_is_open(c: &Connection, hash: &TokenHash) -> R<bool> {
    exists(c, sql::TOKEN_IS_OPEN, &[&hash.0])
}

/// In the caller's write transaction. Spends the token first with a conditional update: of
/// two racing requests only one changes the row; the other gets `NotFound` and rolls back.
pub(super) fn complete_setup(
    c: &Connection,
    token: &TokenHash,
    now: DateTime<Utc>,
    org: &Organization,
    admin: &NewAccount,
    role: Role,
) -> R<()> {
    if execute(c, sql::SPEND_TOKEN, &[&token.0, &ts(now)])? == 0 {
        return Err(StoreError::NotFound);
    }
    orgs::insert_organization(c, org)?;
    accounts::insert_account(c, admin)?;
    orgs::set_staff_role(c, org.id, admin.id, role)
}
