//! What the store gives the feed: each open peer support group with its location and its
//! schedules that are not archived.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::groups::{Audience, FocusArea, Format, Language};
use crate::ids::GroupId;
use crate::locations::Location;
use crate::schedules::Schedule;

#[derive(Debug, Clone)]
pub struct PeerListing {
    pub group_id: GroupId,
    pub name: String,
    pub description: String,
    pub format: Format,
    pub language: Language,
    pub time_zone: Tz,
    pub org_name: String,
    pub created_at: DateTime<Utc>,
    pub location: Location,
    pub audiences: Vec<Audience>,
    pub focus_areas: Vec<FocusArea>,
    /// Not archived, oldest first.
    pub schedules: Vec<Schedule>,
}
