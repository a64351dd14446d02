//! Programs and locations: an organization's offerings and where groups meet.

use chrono::{DateTime, Utc};
use kindred_domain::locations::Location;
use kindred_domain::programs::Program;
use kindred_domain::StoreError;

use super::SqliteRow;
use crate::errors::{code, id};
use crate::sqlite::values::Cols;

#[derive(sqlx::FromRow)]
pub(crate) struct ProgramRow {
    id: String,
    org_id: String,
    name: String,
    level_of_care: String,
    part2: bool,
    description: String,
    on_call_id: Option<String>,
    created_at: DateTime<Utc>,
    archived_at: Option<DateTime<Utc>>,
}

impl SqliteRow for ProgramRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(ProgramRow {
            id: c.get("id")?,
            org_id: c.get("org_id")?,
            name: c.get("name")?,
            level_of_care: c.get("level_of_care")?,
            part2: c.get("part2")?,
            description: c.get("description")?,
            on_call_id: c.get("on_call_id")?,
            created_at: c.time("created_at")?,
            archived_at: c.opt_time("archived_at")?,
        })
    }
}

impl TryFrom<ProgramRow> for Program {
    type Error = StoreError;
    fn try_from(r: ProgramRow) -> Result<Self, StoreError> {
        Ok(Program {
            id: id("programs.id", &r.id)?,
            org_id: id("programs.org_id", &r.org_id)?,
            name: r.name,
            level_of_care: code("programs.level_of_care", &r.level_of_care)?,
            part2: r.part2,
            description: r.description,
            on_call_id: r
                .on_call_id
                .map(|raw| id("programs.on_call_id", &raw))
                .transpose()?,
            created_at: r.created_at,
            archived_at: r.archived_at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct LocationRow {
    id: String,
    org_id: String,
    name: String,
    kind: String,
    address: String,
    city: String,
    postcode: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    created_at: DateTime<Utc>,
    archived_at: Option<DateTime<Utc>>,
}

impl SqliteRow for LocationRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(LocationRow {
            id: c.get("id")?,
            org_id: c.get("org_id")?,
            name: c.get("name")?,
            kind: c.get("kind")?,
            address: c.get("address")?,
            city: c.get("city")?,
            postcode: c.get("postcode")?,
            latitude: c.get("latitude")?,
            longitude: c.get("longitude")?,
            created_at: c.time("created_at")?,
            archived_at: c.opt_time("archived_at")?,
        })
    }
}

impl TryFrom<LocationRow> for Location {
    type Error = StoreError;
    fn try_from(r: LocationRow) -> Result<Self, StoreError> {
        Ok(Location {
            id: id("locations.id", &r.id)?,
            org_id: id("locations.org_id", &r.org_id)?,
            name: r.name,
            kind: code("locations.kind", &r.kind)?,
            address: r.address,
            city: r.city,
            postcode: r.postcode,
            latitude: r.latitude,
            longitude: r.longitude,
            created_at: r.created_at,
            archived_at: r.archived_at,
        })
    }
}
