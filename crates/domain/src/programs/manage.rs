use chrono::{DateTime, Utc};

use super::{can_be_on_call, Program, ProgramInput, ProgramSpec};
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
    let spec = checked(store, org, input).await?;
    let program = spec.into_new(org, now);
    store.insert_program(program.clone()).await?;
    Ok(program)
}

/// Parses the input and checks the on-call clinician works in this organization in a role
/// that can act on a crisis alert: alerts must never go to someone outside it.
async fn checked(
    store: &dyn Store,
    org: OrgId,
    input: &ProgramInput,
) -> Result<ProgramSpec, Error> {
    let spec = input.parse().map_err(Error::Invalid)?;
    if let Some(account) = spec.on_call_id {
        let eligible = store
            .roles_of(account)
            .await?
            .iter()
            .any(|r| r.org_id == org && can_be_on_call(r.role));
        if !eligible {
            return Err(Error::invalid(
                "on_call_id",
                "The on-call clinician must be a clinician or administrator of this organization.",
            ));
        }
    }
    Ok(spec)
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
    let spec = checked(store, org, input).await?;
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
