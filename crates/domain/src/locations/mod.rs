//! Locations: physical sites with an address and coordinates, or online.

mod location;
mod manage;

pub use location::{Location, LocationInput, LocationKind, LocationSpec};
pub use manage::{archive_location, create_location, location, locations, update_location};
