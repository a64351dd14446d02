//! A directory search result row, on both backends.

use kindred_domain::finder::{from_mask, DirectoryHit, Led};
use kindred_domain::StoreError;

use super::SqliteRow;
use crate::errors::{code, id};
use crate::sqlite::values::Cols;

#[derive(sqlx::FromRow)]
pub(crate) struct DirectoryRow {
    group_id: String,
    name: String,
    description: String,
    org_name: String,
    program_name: String,
    location_name: String,
    city: String,
    kind: String,
    led: String,
    format: String,
    enrollment: String,
    language: String,
    level_of_care: String,
    capacity: i32,
    active_members: i64,
    focus_mask: i64,
    payment_mask: i64,
    audience_mask: i64,
    day_mask: i64,
    time_mask: i64,
    distance_km: Option<f64>,
}

impl SqliteRow for DirectoryRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(DirectoryRow {
            group_id: c.get("group_id")?,
            name: c.get("name")?,
            description: c.get("description")?,
            org_name: c.get("org_name")?,
            program_name: c.get("program_name")?,
            location_name: c.get("location_name")?,
            city: c.get("city")?,
            kind: c.get("kind")?,
            led: c.get("led")?,
            format: c.get("format")?,
            enrollment: c.get("enrollment")?,
            language: c.get("language")?,
            level_of_care: c.get("level_of_care")?,
            capacity: c.get("capacity")?,
            active_members: c.get("active_members")?,
            focus_mask: c.get("focus_mask")?,
            payment_mask: c.get("payment_mask")?,
            audience_mask: c.get("audience_mask")?,
            day_mask: c.get("day_mask")?,
            time_mask: c.get("time_mask")?,
            distance_km: c.get("distance_km")?,
        })
    }
}

impl TryFrom<DirectoryRow> for DirectoryHit {
    type Error = StoreError;

    fn try_from(r: DirectoryRow) -> Result<Self, StoreError> {
        let led = match r.led.as_str() {
            "" => None,
            other => Some(code::<Led>("directory_entries.led", other)?),
        };
        Ok(DirectoryHit {
            id: id("directory_entries.group_id", &r.group_id)?,
            name: r.name,
            description: r.description,
            org_name: r.org_name,
            program_name: r.program_name,
            location_name: r.location_name,
            city: r.city,
            kind: code("directory_entries.kind", &r.kind)?,
            led,
            format: code("directory_entries.format", &r.format)?,
            enrollment: code("directory_entries.enrollment", &r.enrollment)?,
            language: code("directory_entries.language", &r.language)?,
            level_of_care: code("directory_entries.level_of_care", &r.level_of_care)?,
            capacity: r.capacity,
            active_members: i32::try_from(r.active_members).unwrap_or(i32::MAX),
            focus_areas: from_mask(r.focus_mask),
            payment_options: from_mask(r.payment_mask),
            audiences: from_mask(r.audience_mask),
            days: from_mask(r.day_mask),
            times: from_mask(r.time_mask),
            distance_km: r.distance_km,
        })
    }
}
