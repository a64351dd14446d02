use super::Group;
use crate::ids::{GroupId, OrgId};
use crate::{Error, Store};

/// A group of `org`; a group of another organization is not found, like a missing one.
/// No policy here: every caller has asked it first (or asks it of the group returned).
pub async fn group_in_org(store: &dyn Store, org: OrgId, id: GroupId) -> Result<Group, Error> {
    store
        .group(id)
        .await?
        .filter(|g| g.org_id == org)
        .ok_or(Error::NotFound)
}
