//! Peer support groups as the Meeting Guide feed reads them: the location's columns, then
//! the group's, and the schedules read beside them.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use kindred_domain::ids::GroupId;
use kindred_domain::locations::Location;
use kindred_domain::meeting_guide::PeerListing;
use kindred_domain::schedules::Schedule;
use kindred_domain::StoreError;

use super::{LocationRow, ScheduleRow, SqliteRow};
use crate::errors::{code, id, time_zone};
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

/// Each group with its schedules (rows of both queries, in any order).
pub(crate) fn peer_listings(
    groups: Vec<PeerListingRow>,
    schedules: Vec<ScheduleRow>,
) -> Result<Vec<PeerListing>, StoreError> {
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
                schedules: by_group.remove(&group_id).unwrap_or_default(),
            })
        })
        .collect()
}
