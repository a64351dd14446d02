use super::GroupSession;
use crate::auth::Actor;
use crate::groups::{group_in_org, Group};
use crate::ids::{OrgId, SessionId};
use crate::policy::{authorize, Access};
use crate::{Error, Store};

/// A session of a group of `org`, with its group; no policy (see [`group_in_org`]).
pub async fn session_in_org(
    store: &dyn Store,
    org: OrgId,
    id: SessionId,
) -> Result<(GroupSession, Group), Error> {
    let session = store.session(id).await?.ok_or(Error::NotFound)?;
    let group = group_in_org(store, org, session.group_id).await?;
    Ok((session, group))
}

/// One session with its group, as the organization's staff see it.
pub async fn session_for_staff(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    id: SessionId,
) -> Result<(GroupSession, Group), Error> {
    authorize(actor, Access::ViewOrg(org))?;
    session_in_org(store, org, id).await
}
