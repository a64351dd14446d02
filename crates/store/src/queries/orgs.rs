//! Organizations and the staff roles held in them.

use kindred_domain::fields::Choice;
use kindred_domain::ids::{AccountId, OrgId};
use kindred_domain::orgs::{Organization, Role, StaffMember};

use super::{Db, SqlStore, R};
use crate::errors::db;
use crate::rows::{OrgRow, StaffRow};

pub(super) async fn insert_organization<'c, E>(ex: E, org: &Organization) -> R<()>
where
    E: sqlx::Executor<'c, Database = Db>,
{
    sqlx::query("INSERT INTO organizations (id, name, created_at) VALUES ($1, $2, $3)")
        .bind(org.id.to_string())
        .bind(org.name.as_str())
        .bind(org.created_at)
        .execute(ex)
        .await
        .map_err(db)?;
    Ok(())
}

pub(super) async fn organization(s: &SqlStore, id: OrgId) -> R<Option<Organization>> {
    sqlx::query_as::<Db, OrgRow>("SELECT id, name, created_at FROM organizations WHERE id = $1")
        .bind(id.to_string())
        .fetch_optional(&s.read)
        .await
        .map_err(db)?
        .map(Organization::try_from)
        .transpose()
}

/// One role per person per organization: a new role replaces the old one.
pub(super) async fn set_staff_role<'c, E>(
    ex: E,
    org: OrgId,
    account: AccountId,
    role: Role,
) -> R<()>
where
    E: sqlx::Executor<'c, Database = Db>,
{
    sqlx::query(
        "INSERT INTO org_staff (org_id, account_id, role) VALUES ($1, $2, $3) \
         ON CONFLICT (org_id, account_id) DO UPDATE SET role = excluded.role",
    )
    .bind(org.to_string())
    .bind(account.to_string())
    .bind(role.code())
    .execute(ex)
    .await
    .map_err(db)?;
    tracing::info!(org_id = %org, account_id = %account, role = role.code(), "staff role set");
    Ok(())
}

pub(super) async fn remove_staff_role(s: &SqlStore, org: OrgId, account: AccountId) -> R<bool> {
    let done = sqlx::query("DELETE FROM org_staff WHERE org_id = $1 AND account_id = $2")
        .bind(org.to_string())
        .bind(account.to_string())
        .execute(&s.write)
        .await
        .map_err(db)?;
    let removed = done.rows_affected() > 0;
    if removed {
        tracing::info!(org_id = %org, account_id = %account, "staff role removed");
    }
    Ok(removed)
}

pub(super) async fn staff_of(s: &SqlStore, org: OrgId) -> R<Vec<StaffMember>> {
    sqlx::query_as::<Db, StaffRow>(
        "SELECT s.account_id, a.display_name, a.email, s.role \
         FROM org_staff s JOIN accounts a ON a.id = s.account_id \
         WHERE s.org_id = $1 \
         ORDER BY LOWER(a.display_name), a.display_name, a.id",
    )
    .bind(org.to_string())
    .fetch_all(&s.read)
    .await
    .map_err(db)?
    .into_iter()
    .map(StaffMember::try_from)
    .collect()
}
