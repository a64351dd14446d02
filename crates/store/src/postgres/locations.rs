//! Locations: physical sites or online. Every look-up is scoped to the organization.

use kindred_domain::fields::Choice;
use kindred_domain::ids::{LocationId, OrgId};
use kindred_domain::locations::Location;
use kindred_domain::StoreError;

use super::{Db, PgStore, Query, R};
use crate::errors::db;
use crate::rows::LocationRow;
use crate::sql::places as sql;

/// Binds the columns insert and update share, in their placeholder order.
fn bind_location<'q>(query: Query<'q>, l: &'q Location) -> Query<'q> {
    query
        .bind(l.id.to_string())
        .bind(l.org_id.to_string())
        .bind(l.name.as_str())
        .bind(l.kind.code())
        .bind(l.address.as_str())
        .bind(l.city.as_str())
        .bind(l.postcode.as_str())
        .bind(l.latitude)
        .bind(l.longitude)
        .bind(l.archived_at)
}

pub(super) async fn insert_location(s: &PgStore, l: Location) -> R<()> {
    bind_location(sqlx::query(sql::INSERT_LOCATION), &l)
        .bind(l.created_at)
        .execute(&s.pool)
        .await
        .map_err(db)?;
    Ok(())
}

/// `NotFound` when no row of the organization matches.
pub(super) async fn update_location(s: &PgStore, l: Location) -> R<()> {
    let done = bind_location(sqlx::query(sql::UPDATE_LOCATION), &l)
        .execute(&s.pool)
        .await
        .map_err(db)?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

pub(super) async fn location(s: &PgStore, org: OrgId, id: LocationId) -> R<Option<Location>> {
    sqlx::query_as::<Db, LocationRow>(sql::LOCATION)
        .bind(id.to_string())
        .bind(org.to_string())
        .fetch_optional(&s.pool)
        .await
        .map_err(db)?
        .map(Location::try_from)
        .transpose()
}

pub(super) async fn locations_of(s: &PgStore, org: OrgId) -> R<Vec<Location>> {
    sqlx::query_as::<Db, LocationRow>(sql::LOCATIONS_OF)
        .bind(org.to_string())
        .fetch_all(&s.pool)
        .await
        .map_err(db)?
        .into_iter()
        .map(Location::try_from)
        .collect()
}
