//! Locations: physical sites or online. Every look-up is scoped to the organization.

use kindred_domain::fields::Choice;
use kindred_domain::ids::{LocationId, OrgId};
use kindred_domain::locations::Location;
use kindred_domain::StoreError;

use super::{Db, SqlStore, R};
use crate::errors::db;
use crate::rows::LocationRow;

const COLUMNS: &str = "id, org_id, name, kind, address, city, postcode, latitude, longitude, \
                       created_at, archived_at";

pub(super) async fn insert_location(s: &SqlStore, l: Location) -> R<()> {
    sqlx::query(
        "INSERT INTO locations (id, org_id, name, kind, address, city, postcode, latitude, \
         longitude, created_at, archived_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(l.id.to_string())
    .bind(l.org_id.to_string())
    .bind(l.name)
    .bind(l.kind.code())
    .bind(l.address)
    .bind(l.city)
    .bind(l.postcode)
    .bind(l.latitude)
    .bind(l.longitude)
    .bind(l.created_at)
    .bind(l.archived_at)
    .execute(&s.write)
    .await
    .map_err(db)?;
    Ok(())
}

/// Identity, organization and creation time never change; `NotFound` when no row matches.
pub(super) async fn update_location(s: &SqlStore, l: Location) -> R<()> {
    let done = sqlx::query(
        "UPDATE locations SET name = $3, kind = $4, address = $5, city = $6, postcode = $7, \
         latitude = $8, longitude = $9, archived_at = $10 WHERE id = $1 AND org_id = $2",
    )
    .bind(l.id.to_string())
    .bind(l.org_id.to_string())
    .bind(l.name)
    .bind(l.kind.code())
    .bind(l.address)
    .bind(l.city)
    .bind(l.postcode)
    .bind(l.latitude)
    .bind(l.longitude)
    .bind(l.archived_at)
    .execute(&s.write)
    .await
    .map_err(db)?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

pub(super) async fn location(s: &SqlStore, org: OrgId, id: LocationId) -> R<Option<Location>> {
    sqlx::query_as::<Db, LocationRow>(&format!(
        "SELECT {COLUMNS} FROM locations WHERE id = $1 AND org_id = $2"
    ))
    .bind(id.to_string())
    .bind(org.to_string())
    .fetch_optional(&s.read)
    .await
    .map_err(db)?
    .map(Location::try_from)
    .transpose()
}

pub(super) async fn locations_of(s: &SqlStore, org: OrgId) -> R<Vec<Location>> {
    sqlx::query_as::<Db, LocationRow>(&format!(
        "SELECT {COLUMNS} FROM locations WHERE org_id = $1 ORDER BY LOWER(name), name, id"
    ))
    .bind(org.to_string())
    .fetch_all(&s.read)
    .await
    .map_err(db)?
    .into_iter()
    .map(Location::try_from)
    .collect()
}
