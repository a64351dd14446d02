use chrono::{DateTime, Duration, Utc};

use super::GroupSession;
use crate::auth::Actor;
use crate::ids::{GroupId, OrgId};
use crate::policy::{authorize, Access};
use crate::{Error, Store};

/// How far back a group's session list reaches: recent sessions still need attendance.
pub const RECENT_DAYS: i64 = 28;
/// At most this many sessions in one list.
pub const LIST_LIMIT: i64 = 200;

/// A group's sessions for its staff: from four weeks ago on, earliest first.
pub async fn sessions_of_group(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    group: GroupId,
    now: DateTime<Utc>,
) -> Result<Vec<GroupSession>, Error> {
    authorize(actor, Access::ViewOrg(org))?;
    crate::groups::group_in_org(store, org, group).await?;
    let from = now - Duration::days(RECENT_DAYS);
    Ok(store.sessions_of_group(group, from, LIST_LIMIT).await?)
}
