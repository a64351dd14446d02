//! The public directory ("finder"): search groups across every organization by text and
//! filters, near a place, without signing in and without anything being recorded.
//!
//! - [`input`]: the query string contract and its parsing into a [`DirectoryQuery`];
//! - [`query`]: the checked query, its ranking rule ([`Order`]) and the store's filter;
//! - [`geo`]: distances and the [`Gazetteer`] port (city or postcode → position);
//! - [`reasons`]: why each result fits.

pub mod geo;
mod hit;
pub mod input;
pub mod query;
pub mod reasons;
mod search;
mod vocab;

#[cfg(test)]
mod tests;

pub use geo::{haversine_km, Area, Gazetteer, NoPlaces, Place};
pub use hit::{format_words, times_of_day, DirectoryHit, DirectoryPage, DirectoryResult};
pub use input::{
    DirectoryInput, DEFAULT_WITHIN_KM, MAX_PAGE, MAX_WITHIN_KM, PAGE_SIZE, PARAMETERS,
};
pub use query::{format_km, DirectoryFilter, DirectoryQuery, Order, TextQuery};
pub use search::{run, search};
pub use vocab::{bit, from_mask, mask, Day, Led, Seats, TimeOfDay};
