//! Peer support groups as the Meeting Guide feed reads them: the location's columns, then
//! the group's, and the schedules read beside them.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use kindred_domain::ids::GroupId;
use kindred_domain::locations::Location;
use kindred_domain::meeting_guide::PeerListing;
use kindred_domain::schedules::Schedule;
use kindred_domain::StoreError;

use super::{LocationRow, ScheduleRow, SqliteRow, AUDIENCE, FOCUS_AREA};
use crate::errors::{code, codes, id, time_zone};
use crate::sqlite::values::Cols;

#[derive(sqlx::FromRow)]
pub(crate) struct PeerListingRow {
    #[sqlx(flatten)]
    location: LocationRow,
    group_id: String,
    group_name: String,
    description: String,
    format: String,
    language: String,
    time_zone: String,
    group_created_at: DateTime<Utc>,
    org_name: String,
}

impl SqliteRow for PeerListingRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(PeerListingRow {
            location: LocationRow::read(c)?,
            group_id: c.get("group_id")?,
            group_name: c.get("group_name")?,
            description: c.get("description")?,
            format: c.get("format")?,
            language: c.get("language")?,
            time_zone: c.get("time_zone")?,
            group_created_at: c.time("group_created_at")?,
            org_name: c.get("org_name")?,
        })
    }
}

/// One audience or focus area of a group.
#[derive(sqlx::FromRow)]
pub(crate) struct ListingTagRow {
    group_id: String,
    tag_kind: String,
    value: String,
}

impl SqliteRow for ListingTagRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(ListingTagRow {
            group_id: c.get("group_id")?,
            tag_kind: c.get("tag_kind")?,
            value: c.get("value")?,
        })
    }
}

/// Each group with its schedules and tags (rows of the three queries, in any order).
pub(crate) fn peer_listings(
    groups: Vec<PeerListingRow>,
    schedules: Vec<ScheduleRow>,
    tags: Vec<ListingTagRow>,
) -> Result<Vec<PeerListing>, StoreError> {
    let mut tags_of: HashMap<String, Vec<ListingTagRow>> = HashMap::new();
    for tag in tags {
        tags_of.entry(tag.group_id.clone()).or_default().push(tag);
    }
    let mut by_group: HashMap<GroupId, Vec<Schedule>> = HashMap::new();
    for row in schedules {
        let schedule = Schedule::try_from(row)?;
        by_group
            .entry(schedule.group_id)
            .or_default()
            .push(schedule);
    }
    groups
        .into_iter()
        .map(|r| {
            let group_id = id("groups.id", &r.group_id)?;
            let tags = tags_of.remove(&r.group_id).unwrap_or_default();
            let values = |kind: &str| -> Vec<&str> {
                tags.iter()
                    .filter(|t| t.tag_kind == kind)
                    .map(|t| t.value.as_str())
                    .collect()
            };
            Ok(PeerListing {
                group_id,
                name: r.group_name,
                description: r.description,
                format: code("groups.format", &r.format)?,
                language: code("groups.language", &r.language)?,
                time_zone: time_zone(&r.time_zone)?,
                org_name: r.org_name,
                created_at: r.group_created_at,
                location: Location::try_from(r.location)?,
                audiences: codes("group_tags.value", &values(AUDIENCE))?,
                focus_areas: codes("group_tags.value", &values(FOCUS_AREA))?,
                schedules: by_group.remove(&group_id).unwrap_or_default(),
            })
        })
        .collect()
}
