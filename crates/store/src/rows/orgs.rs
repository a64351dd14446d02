use chrono::{DateTime, Utc};
use kindred_domain::orgs::{OrgRole, Organization, StaffMember};
use kindred_domain::StoreError;

use crate::errors::{code, id};

#[derive(sqlx::FromRow)]
pub(crate) struct OrgRow {
    id: String,
    name: String,
    created_at: DateTime<Utc>,
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
