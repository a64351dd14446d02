//! Programs and locations. Every look-up is scoped to the organization.

macro_rules! program_columns {
    () => {
        "id, org_id, name, level_of_care, part2, description, on_call_id, created_at, \
         archived_at"
    };
}

macro_rules! location_columns {
    () => {
        "id, org_id, name, kind, address, city, postcode, latitude, longitude, created_at, \
         archived_at"
    };
}

/// `$1` … `$8` are the update's parameters too; the creation time comes last.
pub(crate) const INSERT_PROGRAM: &str = "INSERT INTO programs (id, org_id, name, \
     level_of_care, part2, description, archived_at, on_call_id, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

/// Identity, organization and creation time never change.
pub(crate) const UPDATE_PROGRAM: &str = "UPDATE programs SET name = $3, level_of_care = $4, \
     part2 = $5, description = $6, archived_at = $7, on_call_id = $8 \
     WHERE id = $1 AND org_id = $2";

/// `$1` program id, `$2` organization id.
pub(crate) const PROGRAM: &str = concat!(
    "SELECT ",
    program_columns!(),
    " FROM programs WHERE id = $1 AND org_id = $2"
);

pub(crate) const PROGRAMS_OF: &str = concat!(
    "SELECT ",
    program_columns!(),
    " FROM programs WHERE org_id = $1 ORDER BY LOWER(name), name, id"
);

/// `$1` … `$10` are the update's parameters too; the creation time comes last.
pub(crate) const INSERT_LOCATION: &str = "INSERT INTO locations (id, org_id, name, kind, \
     address, city, postcode, latitude, longitude, archived_at, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

/// Identity, organization and creation time never change.
pub(crate) const UPDATE_LOCATION: &str = "UPDATE locations SET name = $3, kind = $4, \
     address = $5, city = $6, postcode = $7, latitude = $8, longitude = $9, archived_at = $10 \
     WHERE id = $1 AND org_id = $2";

/// `$1` location id, `$2` organization id.
pub(crate) const LOCATION: &str = concat!(
    "SELECT ",
    location_columns!(),
    " FROM locations WHERE id = $1 AND org_id = $2"
);

pub(crate) const LOCATIONS_OF: &str = concat!(
    "SELECT ",
    location_columns!(),
    " FROM locations WHERE org_id = $1 ORDER BY LOWER(name), name, id"
);
