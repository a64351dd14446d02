//! The technique library of an organization: Kindred's built-in plans and the
//! organization's own. Staff read it; clinicians and administrators add, edit, copy and
//! archive the organization's own plans. Built-in plans are read-only: to change one, copy it.

use chrono::{DateTime, Utc};

use super::builtins::{builtin, builtins, is_builtin};
use super::{Technique, TechniqueInput};
use crate::auth::Actor;
use crate::ids::{OrgId, TechniqueId};
use crate::policy::{authorize, Access};
use crate::{Error, Store};

const READ_ONLY: &str = "Built-in plans cannot be changed. Make an editable copy and change \
                         the copy instead.";

/// A plan `org` may use: a built-in one or its own. No policy (every caller asks first).
pub(super) async fn find(
    store: &dyn Store,
    org: OrgId,
    id: TechniqueId,
) -> Result<Option<Technique>, Error> {
    match builtin(id) {
        Some(plan) => Ok(Some(plan)),
        None => Ok(store.technique(org, id).await?),
    }
}

/// Built-in plans and the organization's own, by kind and then title. Archived plans only
/// when asked for.
pub async fn library(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    include_archived: bool,
) -> Result<Vec<Technique>, Error> {
    authorize(actor, Access::ViewOrg(org))?;
    let mut all = builtins();
    all.extend(store.techniques_of(org).await?);
    all.retain(|t| include_archived || !t.archived);
    all.sort_by(|a, b| {
        (a.kind, a.title.to_lowercase(), a.id).cmp(&(b.kind, b.title.to_lowercase(), b.id))
    });
    Ok(all)
}

pub async fn technique(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    id: TechniqueId,
) -> Result<Technique, Error> {
    authorize(actor, Access::ViewOrg(org))?;
    find(store, org, id).await?.ok_or(Error::NotFound)
}

/// The organization's own plan, for a change; a built-in one is refused with a message.
async fn own(store: &dyn Store, org: OrgId, id: TechniqueId) -> Result<Technique, Error> {
    if is_builtin(id) {
        return Err(Error::Conflict(READ_ONLY.into()));
    }
    store.technique(org, id).await?.ok_or(Error::NotFound)
}

/// The organization's own plan, for its edit form: built-in plans are read-only (409).
pub async fn technique_to_edit(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    id: TechniqueId,
) -> Result<Technique, Error> {
    authorize(actor, Access::ClinicalOrg(org))?;
    own(store, org, id).await
}

pub async fn create_technique(
    store: &dyn Store,
    actor: &Actor,
    now: DateTime<Utc>,
    org: OrgId,
    input: &TechniqueInput,
) -> Result<Technique, Error> {
    let me = authorize(actor, Access::ClinicalOrg(org))?.ok_or(Error::Unauthenticated)?;
    let technique = input.parse().map_err(Error::Invalid)?.into_new(org);
    store
        .insert_technique(technique.clone(), me.account_id, now)
        .await?;
    Ok(technique)
}

/// Only the organization's own plans; built-in ones are read-only (409 with a message).
pub async fn update_technique(
    store: &dyn Store,
    actor: &Actor,
    now: DateTime<Utc>,
    org: OrgId,
    id: TechniqueId,
    input: &TechniqueInput,
) -> Result<Technique, Error> {
    authorize(actor, Access::ClinicalOrg(org))?;
    let current = own(store, org, id).await?;
    let technique = input.parse().map_err(Error::Invalid)?.apply(current);
    store.update_technique(technique.clone(), now).await?;
    Ok(technique)
}

/// A copy of a built-in plan or of one of the organization's own, as a new plan of the
/// organization that it may edit.
pub async fn copy_technique(
    store: &dyn Store,
    actor: &Actor,
    now: DateTime<Utc>,
    org: OrgId,
    id: TechniqueId,
) -> Result<Technique, Error> {
    let me = authorize(actor, Access::ClinicalOrg(org))?.ok_or(Error::Unauthenticated)?;
    let source = find(store, org, id).await?.ok_or(Error::NotFound)?;
    let title: String = format!("{} (copy)", source.title)
        .chars()
        .take(super::input::TITLE_MAX)
        .collect();
    let copy = Technique {
        id: TechniqueId::new(),
        org_id: Some(org),
        title,
        archived: false,
        ..source
    };
    store
        .insert_technique(copy.clone(), me.account_id, now)
        .await?;
    Ok(copy)
}

/// Archived plans leave the library's list and the session plan's choices; plans already
/// attached to sessions keep their snapshots.
pub async fn archive_technique(
    store: &dyn Store,
    actor: &Actor,
    now: DateTime<Utc>,
    org: OrgId,
    id: TechniqueId,
) -> Result<Technique, Error> {
    authorize(actor, Access::ClinicalOrg(org))?;
    let current = own(store, org, id).await?;
    let technique = Technique {
        archived: true,
        ..current
    };
    store.update_technique(technique.clone(), now).await?;
    Ok(technique)
}
