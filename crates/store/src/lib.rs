//! Kindred's storage: the only crate that knows SQL. It implements
//! [`kindred_domain::Store`] on SQLite and PostgreSQL with one set of query texts,
//! compiled once per backend (see `sqlite.rs` and `postgres.rs`).

mod database;
mod errors;
mod postgres;
mod rows;
mod sqlite;
pub mod testing;

pub use database::{Backend, Database};
