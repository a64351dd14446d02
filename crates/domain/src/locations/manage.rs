use chrono::{DateTime, Utc};

use super::{Location, LocationInput};
use crate::auth::Actor;
use crate::ids::{LocationId, OrgId};
use crate::policy::{authorize, Access};
use crate::{Error, Store};

pub async fn locations(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
) -> Result<Vec<Location>, Error> {
    authorize(actor, Access::ViewOrg(org))?;
    Ok(store.locations_of(org).await?)
}

pub async fn location(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    id: LocationId,
) -> Result<Location, Error> {
    authorize(actor, Access::ViewOrg(org))?;
    store.location(org, id).await?.ok_or(Error::NotFound)
}

pub async fn create_location(
    store: &dyn Store,
    actor: &Actor,
    now: DateTime<Utc>,
    org: OrgId,
    input: &LocationInput,
) -> Result<Location, Error> {
    authorize(actor, Access::ManageOrg(org))?;
    let spec = input.parse().map_err(Error::Invalid)?;
    let location = spec.into_new(org, now);
    store.insert_location(location.clone()).await?;
    Ok(location)
}

/// Takes `now` like every write use case; nothing of a location depends on it yet.
pub async fn update_location(
    store: &dyn Store,
    actor: &Actor,
    _now: DateTime<Utc>,
    org: OrgId,
    id: LocationId,
    input: &LocationInput,
) -> Result<Location, Error> {
    authorize(actor, Access::ManageOrg(org))?;
    let current = store.location(org, id).await?.ok_or(Error::NotFound)?;
    let spec = input.parse().map_err(Error::Invalid)?;
    let location = spec.apply(current);
    store.update_location(location.clone()).await?;
    Ok(location)
}

/// Archived locations disappear from choices and public pages; their history stays.
pub async fn archive_location(
    store: &dyn Store,
    actor: &Actor,
    now: DateTime<Utc>,
    org: OrgId,
    id: LocationId,
) -> Result<Location, Error> {
    authorize(actor, Access::ManageOrg(org))?;
    let current = store.location(org, id).await?.ok_or(Error::NotFound)?;
    let location = Location {
        archived_at: current.archived_at.or(Some(now)),
        ..current
    };
    store.update_location(location.clone()).await?;
    Ok(location)
}
