//! Every SQL text the Store runs, one constant per query, shared by both backends: the
//! PostgreSQL code binds them with sqlx, the SQLite code with rusqlite. Parameters are
//! `$1, $2, …` on both (SQLite reads `$n` as a named parameter; `sqlite::exec` binds each
//! value to its name, so the order of first appearance does not matter). Timestamps are
//! bound from Rust, never `now()`. A query that truly differs per backend lives with that
//! backend, with a comment saying why.

pub(crate) mod accounts;
pub(crate) mod agreements;
pub(crate) mod alerts;
pub(crate) mod attendance;
pub(crate) mod audit;
pub(crate) mod auth;
pub(crate) mod calendar;
pub(crate) mod cards;
pub(crate) mod directory;
pub(crate) mod enrollments;
pub(crate) mod groups;
pub(crate) mod intake;
pub(crate) mod notes;
pub(crate) mod orgs;
pub(crate) mod places;
pub(crate) mod reports;
pub(crate) mod rooms;
pub(crate) mod schedules;
pub(crate) mod sessions;
pub(crate) mod setup;
pub(crate) mod techniques;
pub(crate) mod tokens;
