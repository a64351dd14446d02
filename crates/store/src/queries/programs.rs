//! Programs: an organization's offerings. Every look-up is scoped to the organization.

use kindred_domain::fields::Choice;
use kindred_domain::ids::{OrgId, ProgramId};
use kindred_domain::programs::Program;
use kindred_domain::StoreError;

use super::{Db, SqlStore, R};
use crate::errors::db;
use crate::rows::ProgramRow;

const COLUMNS: &str =
    "id, org_id, name, level_of_care, part2, description, created_at, archived_at";

pub(super) async fn insert_program(s: &SqlStore, p: Program) -> R<()> {
    sqlx::query(
        "INSERT INTO programs \
         (id, org_id, name, level_of_care, part2, description, created_at, archived_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(p.id.to_string())
    .bind(p.org_id.to_string())
    .bind(p.name)
    .bind(p.level_of_care.code())
    .bind(p.part2)
    .bind(p.description)
    .bind(p.created_at)
    .bind(p.archived_at)
    .execute(&s.write)
    .await
    .map_err(db)?;
    Ok(())
}

/// Identity, organization and creation time never change; `NotFound` when no row matches.
pub(super) async fn update_program(s: &SqlStore, p: Program) -> R<()> {
    let done = sqlx::query(
        "UPDATE programs SET name = $3, level_of_care = $4, part2 = $5, description = $6, \
         archived_at = $7 WHERE id = $1 AND org_id = $2",
    )
    .bind(p.id.to_string())
    .bind(p.org_id.to_string())
    .bind(p.name)
    .bind(p.level_of_care.code())
    .bind(p.part2)
    .bind(p.description)
    .bind(p.archived_at)
    .execute(&s.write)
    .await
    .map_err(db)?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

pub(super) async fn program(s: &SqlStore, org: OrgId, id: ProgramId) -> R<Option<Program>> {
    sqlx::query_as::<Db, ProgramRow>(&format!(
        "SELECT {COLUMNS} FROM programs WHERE id = $1 AND org_id = $2"
    ))
    .bind(id.to_string())
    .bind(org.to_string())
    .fetch_optional(&s.read)
    .await
    .map_err(db)?
    .map(Program::try_from)
    .transpose()
}

pub(super) async fn programs_of(s: &SqlStore, org: OrgId) -> R<Vec<Program>> {
    sqlx::query_as::<Db, ProgramRow>(&format!(
        "SELECT {COLUMNS} FROM programs WHERE org_id = $1 ORDER BY LOWER(name), name, id"
    ))
    .bind(org.to_string())
    .fetch_all(&s.read)
    .await
    .map_err(db)?
    .into_iter()
    .map(Program::try_from)
    .collect()
}
