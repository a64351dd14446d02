use chrono::{DateTime, Utc};

use super::{Group, GroupCard};
use crate::auth::Actor;
use crate::ids::GroupId;
use crate::locations::Location;
use crate::policy::{authorize, Access};
use crate::programs::Program;
use crate::sessions::GroupSession;
use crate::{Error, Store};

/// What a visitor sees about one group: enough to decide whether to ask to join.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct PublicGroup {
    pub group: Group,
    pub org_name: String,
    pub program: Program,
    pub location: Location,
    pub active_members: i32,
    pub seats_open: i32,
    pub upcoming_sessions: Vec<GroupSession>,
}

/// How many upcoming sessions a group page lists.
const UPCOMING: i64 = 5;

pub async fn public_group(
    store: &dyn Store,
    actor: &Actor,
    now: DateTime<Utc>,
    id: GroupId,
) -> Result<PublicGroup, Error> {
    authorize(actor, Access::Public)?;
    let group = store
        .group(id)
        .await?
        .filter(|g| g.archived_at.is_none())
        .ok_or(Error::NotFound)?;
    let org = store
        .organization(group.org_id)
        .await?
        .ok_or(Error::NotFound)?;
    let program = store
        .program(group.org_id, group.program_id)
        .await?
        .ok_or(Error::NotFound)?;
    let location = store
        .location(group.org_id, group.location_id)
        .await?
        .ok_or(Error::NotFound)?;
    let active_members = store.active_member_count(id).await?;
    let upcoming_sessions = store.sessions_of_group(id, now, UPCOMING).await?;
    // Staff emails never reach this view: facilitators carry display names and roles only.
    let seats_open = (group.capacity - active_members).max(0);
    Ok(PublicGroup {
        org_name: org.name,
        group,
        program,
        location,
        active_members,
        seats_open,
        upcoming_sessions,
    })
}

/// Every open group on the platform, for the front page list (search comes with the directory).
pub async fn public_groups(store: &dyn Store, actor: &Actor) -> Result<Vec<GroupCard>, Error> {
    authorize(actor, Access::Public)?;
    Ok(store.public_group_cards().await?)
}
