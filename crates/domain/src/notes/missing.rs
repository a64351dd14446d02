//! Missing documentation: sessions that ended more than a day ago without a signed note.

use chrono::{DateTime, Duration, Utc};

use super::rules::LATE_AFTER_HOURS;
use super::NoteStatus;
use crate::auth::Actor;
use crate::ids::{GroupId, OrgId, SessionId};
use crate::policy::{authorize, Access};
use crate::store::UndocumentedScope;
use crate::{Error, Store};

/// How many a dashboard lists; the oldest come first.
const LIST_LIMIT: i64 = 50;

/// A session still waiting for its signed note.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct UndocumentedSession {
    pub session_id: SessionId,
    pub org_id: OrgId,
    pub group_id: GroupId,
    pub group_name: String,
    #[schema(value_type = String)]
    pub time_zone: chrono_tz::Tz,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// `None`: no note yet; a draft; or signed by a peer specialist and waiting for a
    /// clinician's co-signature.
    pub note_status: Option<NoteStatus>,
}

fn cutoff(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::hours(LATE_AFTER_HOURS)
}

/// The sessions of the groups the signed-in person facilitates (their dashboard).
pub async fn undocumented_for_facilitator(
    store: &dyn Store,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Vec<UndocumentedSession>, Error> {
    let me = authorize(actor, Access::OwnAccount)?.ok_or(Error::Unauthenticated)?;
    Ok(store
        .undocumented(
            UndocumentedScope::Facilitator(me.account_id),
            cutoff(now),
            LIST_LIMIT,
        )
        .await?)
}

/// Every group's sessions in the organization (its administrators' dashboard).
pub async fn undocumented_in_org(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    now: DateTime<Utc>,
) -> Result<Vec<UndocumentedSession>, Error> {
    authorize(actor, Access::ManageOrg(org))?;
    Ok(store
        .undocumented(UndocumentedScope::Org(org), cutoff(now), LIST_LIMIT)
        .await?)
}
