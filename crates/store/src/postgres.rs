//! The Store on PostgreSQL: the shared query code in `queries/` compiled with `Db = Postgres`.

pub(crate) type Db = sqlx::Postgres;

/// Multi-query reads (a group with its tags and facilitators) see one snapshot.
const SNAPSHOT: Option<&str> = Some("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");

// Compiling the same files once per backend is the point, not an accident.
#[allow(clippy::duplicate_mod)]
#[path = "queries/mod.rs"]
mod queries;

pub(crate) use queries::SqlStore;
