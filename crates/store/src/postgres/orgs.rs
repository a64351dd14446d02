//! Organizations and the staff roles held in them.

use kindred_domain::fields::Choice;
use kindred_domain::ids::{AccountId, OrgId};
use kindred_domain::orgs::{Organization, Role, StaffMember};

use super::{Db, PgStore, R};
use crate::errors::db;
use crate::rows::{OrgRow, StaffRow};
use crate::sql::orgs as sql;

pub(super) async fn insert_organization<'c, E>(ex: E, org: &Organization) -> R<()>
where
    E: sqlx::Executor<'c, Database = Db>,
{
    sqlx::query(sql::INSERT)
        .bind(org.id.to_string())
        .bind(org.name.as_str())
        .bind(org.created_at)
        .execute(ex)
        .await
        .map_err(db)?;
    Ok(())
}

pub(super) async fn organization(s: &PgStore, id: OrgId) -> R<Option<Organization>> {
    sqlx::query_as::<Db, OrgRow>(sql::BY_ID)
        .bind(id.to_string())
        .fetch_optional(&s.pool)
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
    sqlx::query(sql::SET_STAFF_ROLE)
        .bind(org.to_string())
        .bind(account.to_string())
        .bind(role.code())
        .execute(ex)
        .await
        .map_err(db)?;
    tracing::info!(org_id = %org, account_id = %account, role = role.code(), "staff role set");
    Ok(())
}

pub(super) async fn remove_staff_role(s: &PgStore, org: OrgId, account: AccountId) -> R<bool> {
    let done = sqlx::query(sql::REMOVE_STAFF_ROLE)
        .bind(org.to_string())
        .bind(account.to_string())
        .execute(&s.pool)
        .await
        .map_err(db)?;
    let removed = done.rows_affected() > 0;
    if removed {
        tracing::info!(org_id = %org, account_id = %account, "staff role removed");
    }
    Ok(removed)
}

pub(super) async fn staff_of(s: &PgStore, org: OrgId) -> R<Vec<StaffMember>> {
    sqlx::query_as::<Db, StaffRow>(sql::STAFF_OF)
        .bind(org.to_string())
        .fetch_all(&s.pool)
        .await
        .map_err(db)?
        .into_iter()
        .map(StaffMember::try_from)
        .collect()
}
