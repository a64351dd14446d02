//! Programs and locations. Every look-up is scoped to the organization.

use kindred_domain::fields::Choice;
use kindred_domain::ids::{LocationId, OrgId, ProgramId};
use kindred_domain::locations::Location;
use kindred_domain::programs::Program;
use kindred_domain::StoreError;
use rusqlite::Connection;

use super::exec::{all, execute, optional};
use super::values::{opt_ts, ts};
use super::R;
use crate::rows::{LocationRow, ProgramRow};
use crate::sql::places as sql;

pub(super) fn insert_program(c: &Connection, p: &Program) -> R<()> {
    execute(
        c,
        sql::INSERT_PROGRAM,
        &[
            &p.id.to_string(),
            &p.org_id.to_string(),
            &p.name,
            &p.level_of_care.code(),
            &p.part2,
            &p.description,
            &ts(p.created_at),
            &opt_ts(p.archived_at),
        ],
    )?;
    Ok(())
}

/// `NotFound` when no row of the organization matches.
pub(super) fn update_program(c: &Connection, p: &Program) -> R<()> {
    let changed = execute(
        c,
        sql::UPDATE_PROGRAM,
        &[
            &p.id.to_string(),
            &p.org_id.to_string(),
            &p.name,
            &p.level_of_care.code(),
            &p.part2,
            &p.description,
            &opt_ts(p.archived_at),
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
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

pub(super) fn insert_location(c: &Connection, l: &Location) -> R<()> {
    execute(
        c,
        sql::INSERT_LOCATION,
        &[
            &l.id.to_string(),
            &l.org_id.to_string(),
            &l.name,
            &l.kind.code(),
            &l.address,
            &l.city,
            &l.postcode,
            &l.latitude,
            &l.longitude,
            &ts(l.created_at),
            &opt_ts(l.archived_at),
        ],
    )?;
    Ok(())
}

/// `NotFound` when no row of the organization matches.
pub(super) fn update_location(c: &Connection, l: &Location) -> R<()> {
    let changed = execute(
        c,
        sql::UPDATE_LOCATION,
        &[
            &l.id.to_string(),
            &l.org_id.to_string(),
            &l.name,
            &l.kind.code(),
            &l.address,
            &l.city,
            &l.postcode,
            &l.latitude,
            &l.longitude,
            &opt_ts(l.archived_at),
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
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
