use chrono::{DateTime, Utc};
use kindred_domain::orgs::{OrgRole, Organization, StaffMember};
use kindred_domain::StoreError;

use super::SqliteRow;
use crate::errors::{code, id};
use crate::sqlite::values::Cols;

#[derive(sqlx::FromRow)]
pub(crate) struct OrgRow {
    id: String,
    name: String,
    created_at: DateTime<Utc>,
}

impl SqliteRow for OrgRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(OrgRow {
            id: c.get("id")?,
            name: c.get("name")?,
            created_at: c.time("created_at")?,
        })
    }
}

impl TryFrom<OrgRow> for Organization {
    type Error = StoreError;
    fn try_from(r: OrgRow) -> Result<Self, StoreError> {
        Ok(Organization {
            id: id("organizations.id", &r.id)?,
            name: r.name,
            created_at: r.created_at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct OrgRoleRow {
    org_id: String,
    org_name: String,
    role: String,
}

impl SqliteRow for OrgRoleRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(OrgRoleRow {
            org_id: c.get("org_id")?,
            org_name: c.get("org_name")?,
            role: c.get("role")?,
        })
    }
}

impl TryFrom<OrgRoleRow> for OrgRole {
    type Error = StoreError;
    fn try_from(r: OrgRoleRow) -> Result<Self, StoreError> {
        Ok(OrgRole {
            org_id: id("org_staff.org_id", &r.org_id)?,
            org_name: r.org_name,
            role: code("org_staff.role", &r.role)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct StaffRow {
    account_id: String,
    display_name: String,
    email: String,
    role: String,
}

impl SqliteRow for StaffRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(StaffRow {
            account_id: c.get("account_id")?,
            display_name: c.get("display_name")?,
            email: c.get("email")?,
            role: c.get("role")?,
        })
    }
}

impl TryFrom<StaffRow> for StaffMember {
    type Error = StoreError;
    fn try_from(r: StaffRow) -> Result<Self, StoreError> {
        Ok(StaffMember {
            account_id: id("org_staff.account_id", &r.account_id)?,
            display_name: r.display_name,
            email: r.email,
            role: code("org_staff.role", &r.role)?,
        })
    }
}
