//! Organizations and the staff roles held in them.

use kindred_domain::fields::Choice;
use kindred_domain::ids::{AccountId, OrgId};
use kindred_domain::orgs::{Organization, Role, StaffMember};
use rusqlite::Connection;

use super::exec::{all, execute, optional};
use super::values::ts;
use super::R;
use crate::rows::{OrgRow, StaffRow};
use crate::sql::orgs as sql;

pub(super) fn insert_organization(c: &Connection, org: &Organization) -> R<()> {
    execute(
        c,
        sql::INSERT,
        &[&org.id.to_string(), &org.name, &ts(org.created_at)],
    )?;
    Ok(())
}

pub(super) fn organization(c: &Connection, id: OrgId) -> R<Option<Organization>> {
    optional::<OrgRow>(c, sql::BY_ID, &[&id.to_string()])?
        .map(Organization::try_from)
        .transpose()
}

/// One role per person per organization: a new role replaces the old one.
pub(super) fn set_staff_role(c: &Connection, org: OrgId, account: AccountId, role: Role) -> R<()> {
    execute(
        c,
        sql::SET_STAFF_ROLE,
        &[&org.to_string(), &account.to_string(), &role.code()],
    )?;
    tracing::info!(org_id = %org, account_id = %account, role = role.code(), "staff role set");
    Ok(())
}

pub(super) fn remove_staff_role(c: &Connection, org: OrgId, account: AccountId) -> R<bool> {
    let removed = execute(
        c,
        sql::REMOVE_STAFF_ROLE,
        &[&org.to_string(), &account.to_string()],
    )? > 0;
    if removed {
        tracing::info!(org_id = %org, account_id = %account, "staff role removed");
    }
    Ok(removed)
}

pub(super) fn staff_of(c: &Connection, org: OrgId) -> R<Vec<StaffMember>> {
    all::<StaffRow>(c, sql::STAFF_OF, &[&org.to_string()])?
        .into_iter()
        .map(StaffMember::try_from)
        .collect()
}
