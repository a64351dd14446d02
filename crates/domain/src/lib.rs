//! Kindred's domain: the rules of the clinic and the use cases that apply them.
//!
//! Nothing in this crate performs I/O or reads a clock. Use cases take a
//! [`Store`](store::Store) and `now` as parameters, ask the [`policy`] first,
//! and return [`Error`].

pub mod accounts;
pub mod agreements;
pub mod alerts;
pub mod attendance;
pub mod audit;
pub mod auth;
pub mod calendar;
pub mod chart;
pub mod crisis_language;
pub mod enrollments;
pub mod error;
pub mod fields;
pub mod finder;
pub mod groups;
pub mod ids;
pub mod instruments;
pub mod intake;
pub mod locations;
pub mod meeting_guide;
pub mod notes;
pub mod notifications;
pub mod orgs;
pub mod policy;
pub mod programs;
pub mod reports;
pub mod rooms;
pub mod schedules;
pub mod screening;
pub mod sessions;
pub mod store;
pub mod techniques;

pub use error::{Error, FieldErrors, StoreError};
pub use store::Store;
