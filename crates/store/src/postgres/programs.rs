//! Programs: an organization's offerings. Every look-up is scoped to the organization.

use kindred_domain::fields::Choice;
use kindred_domain::ids::{OrgId, ProgramId};
use kindred_domain::programs::Program;
use kindred_domain::StoreError;

use super::{Db, PgStore, Query, R};
use crate::errors::db;
use crate::rows::ProgramRow;
use crate::sql::places as sql;

/// Binds the columns insert and update share, in their placeholder order.
fn bind_program<'q>(query: Query<'q>, p: &'q Program) -> Query<'q> {
    query
        .bind(p.id.to_string())
        .bind(p.org_id.to_string())
        .bind(p.name.as_str())
        .bind(p.level_of_care.code())
        .bind(p.part2)
        .bind(p.description.as_str())
        .bind(p.archived_at)
        .bind(p.on_call_id.map(|id| id.to_string()))
}

pub(super) async fn insert_program(s: &PgStore, p: Program) -> R<()> {
    bind_program(sqlx::query(sql::INSERT_PROGRAM), &p)
        .bind(p.created_at)
        .execute(&s.pool)
        .await
        .map_err(db)?;
    Ok(())
}

/// `NotFound` when no row of the organization matches.
pub(super) async fn update_program(s: &PgStore, p: Program) -> R<()> {
    let done = bind_program(sqlx::query(sql::UPDATE_PROGRAM), &p)
        .execute(&s.pool)
        .await
        .map_err(db)?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

pub(super) async fn program(s: &PgStore, org: OrgId, id: ProgramId) -> R<Option<Program>> {
    sqlx::query_as::<Db, ProgramRow>(sql::PROGRAM)
        .bind(id.to_string())
        .bind(org.to_string())
        .fetch_optional(&s.pool)
        .await
        .map_err(db)?
        .map(Program::try_from)
        .transpose()
}

pub(super) async fn programs_of(s: &PgStore, org: OrgId) -> R<Vec<Program>> {
    sqlx::query_as::<Db, ProgramRow>(sql::PROGRAMS_OF)
        .bind(org.to_string())
        .fetch_all(&s.pool)
        .await
        .map_err(db)?
        .into_iter()
        .map(Program::try_from)
        .collect()
}
