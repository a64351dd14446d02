//! Kindred's storage: the only crate that knows SQL. It implements
//! [`kindred_domain::Store`] on SQLite (rusqlite: reads inline, one queued writer) and on
//! PostgreSQL (sqlx), with one set of SQL texts shared by both (`sql/`).

mod audit_switch;
mod crypto;
mod database;
mod errors;
mod postgres;
mod rows;
mod sql;
mod sqlite;
pub mod testing;

pub use crypto::{Keyring, RotationReport};
pub use database::{Backend, Database};
