//! Connecting, migrating and resetting: the backend is picked from the URL scheme.

use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use kindred_domain::{Store, StoreError};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::SqliteConnectOptions;

use crate::crypto::{Keyring, RotationReport};
use crate::errors::db;
use crate::postgres::PgStore;
use crate::sqlite::SqliteStore;

/// Which database a [`Database`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Kindred's connection pools. Cloning is cheap and shares the pools.
#[derive(Clone)]
pub struct Database {
    inner: Inner,
    /// Where a test's PostgreSQL schema lives, for [`crate::testing::raw_contains`].
    pub(crate) test_schema: Option<Arc<TestSchema>>,
}

/// A test database's PostgreSQL URL and schema.
pub(crate) struct TestSchema {
    pub(crate) url: String,
    pub(crate) schema: String,
}

#[derive(Clone)]
enum Inner {
    Sqlite(SqliteStore),
    Postgres(PgStore),
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Database")
            .field("backend", &self.backend())
            .field("keys", self.keys())
            .finish()
    }
}

/// Every Kindred table, children before parents, then sqlx's bookkeeping. New migrations
/// add their tables here.
const DROP_ALL: &str = "\
    DROP TABLE IF EXISTS room_mutes; \
    DROP TABLE IF EXISTS room_removals; DROP TABLE IF EXISTS room_ends; \
    DROP TABLE IF EXISTS alerts; \
    DROP TABLE IF EXISTS room_visits; \
    DROP TABLE IF EXISTS room_messages; \
    DROP TABLE IF EXISTS agreement_signatures; DROP TABLE IF EXISTS agreement_versions; \
    DROP TABLE IF EXISTS note_addenda; DROP TABLE IF EXISTS member_notes; \
    DROP TABLE IF EXISTS group_notes; \
    DROP TABLE IF EXISTS audit_events; DROP TABLE IF EXISTS audit_head; \
    DROP TABLE IF EXISTS session_plan_items; DROP TABLE IF EXISTS techniques; \
    DROP TABLE IF EXISTS notifications; DROP TABLE IF EXISTS intake_request_events; \
    DROP TABLE IF EXISTS intake_requests; \
    DROP VIEW IF EXISTS directory_source; DROP TABLE IF EXISTS directory_fts; \
    DROP TABLE IF EXISTS directory_entries; DROP TABLE IF EXISTS directory_codes; \
    DROP TABLE IF EXISTS calendar_feeds; DROP TABLE IF EXISTS attendance_changes; \
    DROP TABLE IF EXISTS attendance; DROP TABLE IF EXISTS session_registrations; \
    DROP TABLE IF EXISTS enrollment_events; \
    DROP TABLE IF EXISTS group_tags; DROP TABLE IF EXISTS group_facilitators; \
    DROP TABLE IF EXISTS group_sessions; DROP TABLE IF EXISTS schedules; \
    DROP TABLE IF EXISTS enrollments; \
    DROP TABLE IF EXISTS groups; DROP TABLE IF EXISTS programs; \
    DROP TABLE IF EXISTS locations; DROP TABLE IF EXISTS org_staff; \
    DROP TABLE IF EXISTS api_tokens; DROP TABLE IF EXISTS auth_sessions; \
    DROP TABLE IF EXISTS setup_tokens; DROP TABLE IF EXISTS organizations; \
    DROP TABLE IF EXISTS accounts; DROP TABLE IF EXISTS _sqlx_migrations;";

const POSTGRES_CONNECTIONS: u32 = 10;

impl Database {
    /// `sqlite://path` (created if missing) or `postgres://…` / `postgresql://…`.
    /// Any other scheme is refused before anything touches the disk.
    pub async fn connect(url: &str) -> Result<Database, StoreError> {
        let scheme = url
            .split_once(':')
            .map(|(s, _)| s.to_ascii_lowercase())
            .unwrap_or_default();
        match scheme.as_str() {
            "sqlite" => {
                if url.contains(":memory:") || url.contains("mode=memory") {
                    // Separate reader and writer connections would each see their own
                    // empty database.
                    return Err(StoreError::Backend(
                        "in-memory SQLite is not supported; use sqlite://<path to a file>".into(),
                    ));
                }
                // sqlx's parser checks the URL; only the file path is used from it.
                let options = SqliteConnectOptions::from_str(url)
                    .map_err(|e| StoreError::Backend(format!("invalid SQLite URL: {e}")))?;
                Self::open_sqlite(options.get_filename()).await
            }
            "postgres" | "postgresql" => {
                let options = PgConnectOptions::from_str(url)
                    .map_err(|e| StoreError::Backend(format!("invalid PostgreSQL URL: {e}")))?;
                Self::open_postgres(options, POSTGRES_CONNECTIONS).await
            }
            _ => Err(StoreError::Backend(format!(
                "unsupported database URL scheme {:?}: use sqlite://<path> or \
                 postgres://<user>@<host>/<database> (postgresql:// also works)",
                if scheme.is_empty() {
                    "(none)"
                } else {
                    scheme.as_str()
                }
            ))),
        }
    }

    /// One writer connection and a few readers (WAL lets readers run beside the writer);
    /// the file is created if missing.
    pub(crate) async fn open_sqlite(path: &Path) -> Result<Database, StoreError> {
        let store = SqliteStore::open(path).await?;
        tracing::info!(backend = "sqlite", "database connected");
        Ok(Database {
            inner: Inner::Sqlite(store),
            test_schema: None,
        })
    }

    pub(crate) async fn open_postgres(
        options: PgConnectOptions,
        max_connections: u32,
    ) -> Result<Database, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await
            .map_err(db)?;
        tracing::info!(backend = "postgres", "database connected");
        Ok(Database {
            inner: Inner::Postgres(PgStore {
                pool,
                keys: Arc::new(Keyring::none()),
            }),
            test_schema: None,
        })
    }

    /// Applies the embedded migrations of this backend.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        let result = match &self.inner {
            Inner::Sqlite(s) => return s.migrate().await,
            Inner::Postgres(s) => sqlx::migrate!("./migrations/postgres").run(&s.pool).await,
        };
        result.map_err(|e| StoreError::Backend(format!("migration failed: {e}")))
    }

    /// Seals and opens free-text clinical content with `keys` (the last key seals). Call it
    /// before [`Database::store`]: stores made earlier keep the keys they had. Without it no
    /// key is configured, and every read or write of a sealed column fails.
    pub fn with_keys(mut self, keys: Keyring) -> Database {
        let keys = Arc::new(keys);
        match &mut self.inner {
            Inner::Sqlite(s) => s.keys = keys,
            Inner::Postgres(s) => s.keys = keys,
        }
        self
    }

    /// The data keys this database seals with.
    pub fn keys(&self) -> &Keyring {
        match &self.inner {
            Inner::Sqlite(s) => &s.keys,
            Inner::Postgres(s) => &s.keys,
        }
    }

    /// Seals every value left in the clear from before its column was sealed (migration
    /// 0006) and clears the text; the number of values sealed. Serve and demo run it once
    /// after migrating; with nothing left it reads one empty index range per column.
    pub async fn seal_pending(&self) -> Result<u64, StoreError> {
        let sealed = match &self.inner {
            Inner::Sqlite(s) => s.seal_pending().await?,
            Inner::Postgres(s) => s.seal_pending().await?,
        };
        if sealed > 0 {
            tracing::info!(
                values = sealed,
                "plain text from before sealing is now sealed"
            );
        }
        Ok(sealed)
    }

    /// Re-seals under the active key every value sealed under an older one, seals any plain
    /// text left from before sealing, and reports the key ids still in use afterwards. Runs
    /// in batches of at most 500 rows, one transaction each, so it can run beside a server.
    pub async fn rotate_keys(&self) -> Result<RotationReport, StoreError> {
        let report = match &self.inner {
            Inner::Sqlite(s) => s.rotate_keys().await?,
            Inner::Postgres(s) => s.rotate_keys().await?,
        };
        tracing::info!(
            resealed = report.resealed,
            plain_sealed = report.plain_sealed,
            active_key = %report.active_id,
            keys_in_use = ?report.key_ids_in_use,
            "data keys rotated"
        );
        Ok(report)
    }

    pub fn store(&self) -> Arc<dyn Store> {
        match &self.inner {
            Inner::Sqlite(s) => Arc::new(s.clone()),
            Inner::Postgres(s) => Arc::new(s.clone()),
        }
    }

    /// The SQLite database file, if this is SQLite.
    pub(crate) fn sqlite_path(&self) -> Option<&Path> {
        match &self.inner {
            Inner::Sqlite(s) => Some(s.path()),
            Inner::Postgres(_) => None,
        }
    }

    pub fn backend(&self) -> Backend {
        match &self.inner {
            Inner::Sqlite(_) => Backend::Sqlite,
            Inner::Postgres(_) => Backend::Postgres,
        }
    }

    pub async fn close(&self) {
        match &self.inner {
            Inner::Sqlite(s) => s.close().await,
            Inner::Postgres(s) => s.pool.close().await,
        }
    }

    /// Turns the audit trail off (and on again) for a benchmark measuring its cost: while
    /// off, appends write nothing. Process-wide (appends see only a connection); on by
    /// default. Only in builds with the `bench` feature.
    #[cfg(feature = "bench")]
    pub fn set_audit_enabled(&self, on: bool) {
        crate::audit_switch::set_enabled(on);
        tracing::warn!(on, "audit trail switched by a benchmark");
    }

    /// Runs statements as they are, for tests that change stored rows behind the store's
    /// back (see `testing::raw_execute`).
    pub(crate) async fn raw_execute(&self, sql: &str) -> Result<(), StoreError> {
        match &self.inner {
            Inner::Sqlite(s) => s.execute_batch(sql).await,
            Inner::Postgres(s) => sqlx::raw_sql(sql)
                .execute(&s.pool)
                .await
                .map(|_| ())
                .map_err(db),
        }
    }

    /// Drops every Kindred table and the migration history, so `migrate` rebuilds from scratch.
    pub async fn reset(&self) -> Result<(), StoreError> {
        match &self.inner {
            Inner::Sqlite(s) => s.execute_batch(DROP_ALL).await?,
            Inner::Postgres(s) => {
                sqlx::raw_sql(DROP_ALL).execute(&s.pool).await.map_err(db)?;
            }
        }
        tracing::warn!(backend = ?self.backend(), "database reset: all Kindred tables dropped");
        Ok(())
    }
}
