use chrono::{DateTime, Utc};

use crate::auth::Actor;
use crate::fields::required_text;
use crate::ids::OrgId;
use crate::policy::{authorize, Access};
use crate::{Error, FieldErrors, Store};

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Organization {
    pub id: OrgId,
    pub name: String,
    pub created_at: DateTime<Utc>,
}

pub(crate) fn parse_org_name(errors: &mut FieldErrors, raw: &str) -> String {
    required_text(errors, "org_name", raw, 120)
}

/// Creates an organization. Operators do this from the command line; the web does it only
/// through the one-time setup link.
pub async fn create_organization(
    store: &dyn Store,
    now: DateTime<Utc>,
    name: &str,
) -> Result<Organization, Error> {
    let mut errors = FieldErrors::new();
    let name = parse_org_name(&mut errors, name);
    errors.into_result(())?;
    let org = Organization {
        id: OrgId::new(),
        name,
        created_at: now,
    };
    store.create_organization(org.clone()).await?;
    Ok(org)
}

/// An organization as its staff see it.
pub async fn organization(
    store: &dyn Store,
    actor: &Actor,
    id: OrgId,
) -> Result<Organization, Error> {
    authorize(actor, Access::ViewOrg(id))?;
    store.organization(id).await?.ok_or(Error::NotFound)
}

/// An organization for a page where its structure is changed: administrators only.
pub async fn organization_to_manage(
    store: &dyn Store,
    actor: &Actor,
    id: OrgId,
) -> Result<Organization, Error> {
    authorize(actor, Access::ManageOrg(id))?;
    store.organization(id).await?.ok_or(Error::NotFound)
}
