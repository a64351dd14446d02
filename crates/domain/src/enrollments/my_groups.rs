use chrono::{DateTime, Utc};

use super::EnrollmentStatus;
use crate::auth::Actor;
use crate::groups::GroupCard;
use crate::policy::{authorize, Access};
use crate::sessions::GroupSession;
use crate::{Error, Store};

/// One line of a member's "my groups": the group, where they stand, and when it meets next.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct MyGroup {
    pub group: GroupCard,
    pub status: EnrollmentStatus,
    /// A freed seat held for this person until then (waitlisted only).
    pub offer_expires_at: Option<DateTime<Utc>>,
    pub next_session: Option<GroupSession>,
}

pub async fn my_groups(
    store: &dyn Store,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Vec<MyGroup>, Error> {
    let me = authorize(actor, Access::OwnAccount)?.ok_or(Error::Unauthenticated)?;
    Ok(store.groups_of_member(me.account_id, now).await?)
}
