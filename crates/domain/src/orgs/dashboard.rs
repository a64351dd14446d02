use super::{Organization, StaffMember};
use crate::auth::Actor;
use crate::groups::GroupCard;
use crate::ids::OrgId;
use crate::locations::Location;
use crate::policy::{authorize, Access};
use crate::programs::Program;
use crate::{Error, Store};

/// Everything a staff member sees on their organization's front page.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct OrgDashboard {
    pub organization: Organization,
    pub programs: Vec<Program>,
    pub locations: Vec<Location>,
    pub groups: Vec<GroupCard>,
    pub staff: Vec<StaffMember>,
}

pub async fn org_dashboard(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
) -> Result<OrgDashboard, Error> {
    authorize(actor, Access::ViewOrg(org))?;
    let organization = store.organization(org).await?.ok_or(Error::NotFound)?;
    Ok(OrgDashboard {
        organization,
        programs: store.programs_of(org).await?,
        locations: store.locations_of(org).await?,
        groups: store.group_cards_of_org(org).await?,
        staff: store.staff_of(org).await?,
    })
}
