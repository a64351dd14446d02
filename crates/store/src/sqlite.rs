//! The Store on SQLite: the shared query code in `queries/` compiled with `Db = Sqlite`.

pub(crate) type Db = sqlx::Sqlite;

/// SQLite's deferred transaction already reads one snapshot; nothing to add.
const SNAPSHOT: Option<&str> = None;

// Compiling the same files once per backend is the point, not an accident.
#[allow(clippy::duplicate_mod)]
#[path = "queries/mod.rs"]
mod queries;

pub(crate) use queries::SqlStore;
