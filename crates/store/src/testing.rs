//! Fresh databases for tests, here and in the server's tests.
// Test set-up has no caller to report to: failing loudly is the useful behaviour.
#![allow(clippy::expect_used, clippy::panic)]

use std::str::FromStr;
use std::sync::Arc;

use sqlx::postgres::PgConnectOptions;
use sqlx::{Connection, PgConnection};

use crate::database::TestSchema;
use crate::{Backend, Database, Keyring};

/// Test schemas older than this are assumed abandoned and dropped by the next test run.
const STALE_SCHEMA_SECS: i64 = 6 * 60 * 60;

/// A fresh, migrated SQLite database in a new file under the system's temp directory, with a
/// random data key of its own.
pub async fn fresh_sqlite() -> Database {
    let name = format!("kindred-test-{}.db", uuid::Uuid::new_v4().simple());
    let path = std::env::temp_dir().join(name);
    let database = Database::open_sqlite(&path)
        .await
        .expect("open a fresh SQLite test database")
        .with_keys(Keyring::single(Keyring::generate_key()));
    database
        .migrate()
        .await
        .expect("migrate the SQLite test database");
    database
}

/// A fresh, migrated PostgreSQL database in its own new schema (`t_<unix secs>_<uuid>`),
/// with a random data key of its own; every pooled connection starts with `search_path` set
/// to it, so parallel runs never meet.
pub async fn fresh_postgres(url: &str) -> Database {
    let now = chrono::Utc::now().timestamp();
    let schema = format!("t_{now}_{}", uuid::Uuid::new_v4().simple());
    let mut admin = PgConnection::connect(url)
        .await
        .expect("connect to KINDRED_TEST_POSTGRES_URL");
    drop_stale_schemas(&mut admin, now).await;
    sqlx::raw_sql(&format!("CREATE SCHEMA {schema}"))
        .execute(&mut admin)
        .await
        .expect("create a test schema");
    let _ = admin.close().await;
    let options = PgConnectOptions::from_str(url)
        .expect("parse KINDRED_TEST_POSTGRES_URL")
        .options([("search_path", schema.as_str())]);
    let mut database = Database::open_postgres(options, 4)
        .await
        .expect("open the test schema")
        .with_keys(Keyring::single(Keyring::generate_key()));
    database.test_schema = Some(Arc::new(TestSchema {
        url: url.to_owned(),
        schema,
    }));
    database
        .migrate()
        .await
        .expect("migrate the PostgreSQL test schema");
    database
}

/// Schemas from runs that ended long ago would pile up; a failure here harms no test.
async fn drop_stale_schemas(admin: &mut PgConnection, now: i64) {
    let names: Vec<(String,)> =
        match sqlx::query_as("SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%'")
            .fetch_all(&mut *admin)
            .await
        {
            Ok(names) => names,
            Err(_) => return,
        };
    for (name,) in names {
        let mut parts = name.splitn(3, '_');
        let (Some("t"), Some(secs), Some(id)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let ours = id.len() == 32 && id.chars().all(|c| c.is_ascii_hexdigit());
        let stale = secs
            .parse::<i64>()
            .is_ok_and(|t| now - t > STALE_SCHEMA_SECS);
        if ours && stale {
            let _ = sqlx::raw_sql(&format!("DROP SCHEMA IF EXISTS {name} CASCADE"))
                .execute(&mut *admin)
                .await;
        }
    }
}

/// The backends a test runs on: SQLite always, PostgreSQL when `KINDRED_TEST_POSTGRES_URL`
/// is set. `KINDRED_REQUIRE_POSTGRES=1` makes a missing URL a failure instead of a notice.
pub async fn all_backends() -> Vec<(&'static str, Database)> {
    let mut backends = vec![("sqlite", fresh_sqlite().await)];
    match std::env::var("KINDRED_TEST_POSTGRES_URL") {
        Ok(url) if !url.trim().is_empty() => {
            backends.push(("postgres", fresh_postgres(url.trim()).await));
        }
        _ if std::env::var("KINDRED_REQUIRE_POSTGRES").as_deref() == Ok("1") => {
            panic!(
                "KINDRED_REQUIRE_POSTGRES=1 but KINDRED_TEST_POSTGRES_URL is not set; \
                 set it to e.g. postgres://postgres@127.0.0.1:5432/test"
            );
        }
        _ => eprintln!("note: KINDRED_TEST_POSTGRES_URL is not set; testing on SQLite only"),
    }
    backends
}

/// Runs SQL directly on the test database, behind the store's back: for tests that tamper
/// with stored rows (the audit chain) and check the tampering is found.
pub async fn raw_execute(db: &Database, sql: &str) {
    db.raw_execute(sql)
        .await
        .unwrap_or_else(|e| panic!("raw SQL failed: {e}\n{sql}"));
}

/// Whether `needle` appears anywhere in what the database holds at rest, read below Kindred:
/// on SQLite the bytes of the database file and of its write-ahead log (a committed value
/// is in one or the other); on PostgreSQL the output of `pg_dump` for the test's schema.
/// For databases made by [`fresh_sqlite`] or [`fresh_postgres`]; panics if `pg_dump` is
/// missing, so a scan that could not look never passes as "not found".
pub fn raw_contains(db: &Database, needle: &str) -> bool {
    assert!(!needle.is_empty(), "scan for a non-empty needle");
    let needle = needle.as_bytes();
    let found = |bytes: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    match db.backend() {
        Backend::Sqlite => {
            let path = db.sqlite_path().expect("a SQLite database has a file");
            let main = std::fs::read(path).expect("read the SQLite database file");
            assert!(
                !main.is_empty(),
                "the SQLite file is empty: nothing was scanned"
            );
            let wal = std::fs::read(format!("{}-wal", path.display())).unwrap_or_default();
            found(&main) || found(&wal)
        }
        Backend::Postgres => {
            let target = db
                .test_schema
                .as_ref()
                .expect("raw_contains needs a database from testing::fresh_postgres");
            let dump = std::process::Command::new("pg_dump")
                .arg(format!("--schema={}", target.schema))
                .arg(&target.url)
                .output()
                .unwrap_or_else(|e| {
                    panic!("pg_dump could not run ({e}); install the PostgreSQL client tools")
                });
            assert!(
                dump.status.success(),
                "pg_dump failed: {}",
                String::from_utf8_lossy(&dump.stderr)
            );
            assert!(!dump.stdout.is_empty(), "pg_dump printed nothing");
            found(&dump.stdout)
        }
    }
}
