use chrono::{DateTime, Utc};

use super::{Program, ProgramInput};
use crate::auth::Actor;
use crate::ids::{OrgId, ProgramId};
use crate::policy::{authorize, Access};
use crate::{Error, Store};

pub async fn programs(store: &dyn Store, actor: &Actor, org: OrgId) -> Result<Vec<Program>, Error> {
    authorize(actor, Access::ViewOrg(org))?;
    Ok(store.programs_of(org).await?)
}

pub async fn program(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    id: ProgramId,
) -> Result<Program, Error> {
    authorize(actor, Access::ViewOrg(org))?;
    store.program(org, id).await?.ok_or(Error::NotFound)
}

pub async fn create_program(
    store: &dyn Store,
    actor: &Actor,
    now: DateTime<Utc>,
    org: OrgId,
    input: &ProgramInput,
) -> Result<Program, Error> {
    authorize(actor, Access::ManageOrg(org))?;
    let spec = input.parse().map_err(Error::Invalid)?;
    let program = spec.into_new(org, now);
    store.insert_program(program.clone()).await?;
    Ok(program)
}

/// Takes `now` like every write use case; nothing of a program depends on it yet.
pub async fn update_program(
    store: &dyn Store,
    actor: &Actor,
    _now: DateTime<Utc>,
    org: OrgId,
    id: ProgramId,
    input: &ProgramInput,
) -> Result<Program, Error> {
    authorize(actor, Access::ManageOrg(org))?;
    let current = store.program(org, id).await?.ok_or(Error::NotFound)?;
    let spec = input.parse().map_err(Error::Invalid)?;
    let program = spec.apply(current);
    store.update_program(program.clone()).await?;
    Ok(program)
}

/// Archived programs disappear from choices and public pages; their history stays.
pub async fn archive_program(
    store: &dyn Store,
    actor: &Actor,
    now: DateTime<Utc>,
    org: OrgId,
    id: ProgramId,
) -> Result<Program, Error> {
    authorize(actor, Access::ManageOrg(org))?;
    let current = store.program(org, id).await?.ok_or(Error::NotFound)?;
    let program = Program {
        archived_at: current.archived_at.or(Some(now)),
        ..current
    };
    store.update_program(program.clone()).await?;
    Ok(program)
}
