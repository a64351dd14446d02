//! Programs and locations. Every look-up is scoped to the organization.

use kindred_domain::fields::Choice;
use kindred_domain::ids::{LocationId, OrgId, ProgramId};
use kindred_domain::locations::Location;
use kindred_domain::programs::Program;
use kindred_domain::StoreError;
use rusqlite::{Connection, ToSql};

use super::exec::{all, execute, optional};
use super::values::{opt_ts, ts, Ts};
use super::R;
use crate::rows::{LocationRow, ProgramRow};
use crate::sql::places as sql;

/// Writes the columns insert and update share, in their placeholder order; `created` is
/// bound last, for an insert only. Returns the rows changed.
fn write_program(c: &Connection, sql: &str, p: &Program, created: Option<Ts>) -> R<usize> {
    let (id, org, archived) = (
        p.id.to_string(),
        p.org_id.to_string(),
        opt_ts(p.archived_at),
    );
    let level = p.level_of_care.code();
    let on_call = p.on_call_id.map(|id| id.to_string());
    let mut params: Vec<&dyn ToSql> = vec![
        &id,
        &org,
        &p.name,
        &level,
        &p.part2,
        &p.description,
        &archived,
        &on_call,
    ];
    params.extend(created.as_ref().map(|t| t as &dyn ToSql));
    execute(c, sql, &params)
}

pub(super) fn insert_program(c: &Connection, p: &Program) -> R<()> {
    write_program(c, sql::INSERT_PROGRAM, p, Some(ts(p.created_at))).map(drop)
}

/// `NotFound` when no row of the organization matches.
pub(super) fn update_program(c: &Connection, p: &Program) -> R<()> {
    match write_program(c, sql::UPDATE_PROGRAM, p, None)? {
        0 => Err(StoreError::NotFound),
        _ => Ok(()),
    }
}

pub(super) fn program(c: &Connection, org: OrgId, id: ProgramId) -> R<Option<Program>> {
    optional::<ProgramRow>(c, sql::PROGRAM, &[&id.to_string(), &org.to_string()])?
        .map(Program::try_from)
        .transpose()
}

pub(super) fn programs_of(c: &Connection, org: OrgId) -> R<Vec<Program>> {
    all::<ProgramRow>(c, sql::PROGRAMS_OF, &[&org.to_string()])?
        .into_iter()
        .map(Program::try_from)
        .collect()
}

/// Writes the columns insert and update share, in their placeholder order; `created` is
/// bound last, for an insert only. Returns the rows changed.
fn write_location(c: &Connection, sql: &str, l: &Location, created: Option<Ts>) -> R<usize> {
    let (id, org, archived) = (
        l.id.to_string(),
        l.org_id.to_string(),
        opt_ts(l.archived_at),
    );
    let kind = l.kind.code();
    let mut params: Vec<&dyn ToSql> = vec![
        &id,
        &org,
        &l.name,
        &kind,
        &l.address,
        &l.city,
        &l.postcode,
        &l.latitude,
        &l.longitude,
        &archived,
    ];
    params.extend(created.as_ref().map(|t| t as &dyn ToSql));
    execute(c, sql, &params)
}

pub(super) fn insert_location(c: &Connection, l: &Location) -> R<()> {
    write_location(c, sql::INSERT_LOCATION, l, Some(ts(l.created_at))).map(drop)
}

/// `NotFound` when no row of the organization matches.
pub(super) fn update_location(c: &Connection, l: &Location) -> R<()> {
    match write_location(c, sql::UPDATE_LOCATION, l, None)? {
        0 => Err(StoreError::NotFound),
        _ => Ok(()),
    }
}

pub(super) fn location(c: &Connection, org: OrgId, id: LocationId) -> R<Option<Location>> {
    optional::<LocationRow>(c, sql::LOCATION, &[&id.to_string(), &org.to_string()])?
        .map(Location::try_from)
        .transpose()
}

pub(super) fn locations_of(c: &Connection, org: OrgId) -> R<Vec<Location>> {
    all::<LocationRow>(c, sql::LOCATIONS_OF, &[&org.to_string()])?
        .into_iter()
        .map(Location::try_from)
        .collect()
}
