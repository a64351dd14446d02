//! The Store on SQLite with rusqlite. Reads run inline on the calling task on a pooled
//! reader connection; writes queue for the one writer connection and run on the blocking
//! pool. Migrations still go through sqlx (`migrate`), so the history table is sqlx's.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use kindred_domain::StoreError;
use rusqlite::{Connection, TransactionBehavior};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use tokio::sync::Mutex;

use crate::crypto::Keyring;
use crate::errors::sqlite as err;

mod accounts;
mod agreements;
mod alerts;
mod attendance;
pub(crate) mod audit;
mod auth;
mod calendar;
mod cards;
mod checkpoint;
mod directory;
mod enrollments;
mod exec;
mod grouped;
mod groups;
mod intake;
mod notes;
mod orgs;
mod places;
mod pool;
mod reports;
mod rooms;
mod rotation;
mod schedules;
mod sessions;
mod setup;
mod store;
mod techniques;
mod tokens;
pub(crate) mod values;

use pool::{closed, ReadPool};

type R<T> = Result<T, StoreError>;

#[derive(Clone)]
pub(crate) struct SqliteStore {
    path: Arc<PathBuf>,
    readers: Arc<ReadPool>,
    /// `None` once closed.
    writer: Arc<Mutex<Option<Connection>>>,
    /// The data keys sealed columns are written and read with.
    pub(crate) keys: Arc<Keyring>,
    /// Audited reads waiting to share the writer's next transaction.
    waiting: Arc<grouped::Waiting>,
    /// Copies the WAL into the database file, so the writer never has to.
    checkpointer: Arc<std::sync::Mutex<checkpoint::Checkpointer>>,
}

impl SqliteStore {
    /// Opens (creating if missing) the database file; the writer first, so the file exists
    /// and is in WAL mode before any reader opens.
    pub(crate) async fn open(path: &Path) -> R<SqliteStore> {
        let path = path.to_path_buf();
        let (path, writer, checkpointer) = tokio::task::spawn_blocking(move || {
            let writer = pool::open_writer(&path)?;
            let checkpointer = checkpoint::Checkpointer::start(&path)?;
            Ok::<_, StoreError>((path, writer, checkpointer))
        })
        .await
        .map_err(joined)??;
        // Reads run on the async workers (and the odd blocking thread): about one per core.
        let readers = std::thread::available_parallelism().map_or(8, |n| n.get().clamp(4, 64));
        Ok(SqliteStore {
            readers: Arc::new(ReadPool::new(path.clone(), readers)),
            path: Arc::new(path),
            writer: Arc::new(Mutex::new(Some(writer))),
            keys: Arc::new(Keyring::none()),
            waiting: Arc::default(),
            checkpointer: Arc::new(std::sync::Mutex::new(checkpointer)),
        })
    }

    /// A read on a pooled reader connection, inline: it takes microseconds, far less than
    /// handing it to another thread and back would cost, so blocking this worker is cheaper.
    fn read<T>(&self, read: impl FnOnce(&Connection) -> R<T>) -> R<T> {
        self.readers.with(read)
    }

    /// Reads that span several statements, in one deferred transaction: one snapshot.
    /// (`BEGIN`/`COMMIT` through the statement cache, so they are not parsed each time.)
    fn read_snapshot<T>(&self, read: impl FnOnce(&Connection) -> R<T>) -> R<T> {
        self.readers.with(|conn| {
            exec::execute(conn, "BEGIN", &[])?;
            let result = read(conn);
            let end = if result.is_ok() { "COMMIT" } else { "ROLLBACK" };
            // If ending fails, the pool finds the connection still in a transaction and
            // closes it instead of reusing it.
            let ended = exec::execute(conn, end, &[]);
            let value = result?;
            ended?;
            Ok(value)
        })
    }

    /// A write on the writer connection, after the writes queued before it, on the blocking
    /// pool (a write may wait up to the busy timeout for another process).
    async fn write<T: Send + 'static>(
        &self,
        write: impl FnOnce(&mut Connection) -> R<T> + Send + 'static,
    ) -> R<T> {
        let mut writer = Arc::clone(&self.writer).lock_owned().await;
        tokio::task::spawn_blocking(move || match writer.as_mut() {
            Some(conn) => write(conn),
            None => Err(closed()),
        })
        .await
        .map_err(joined)?
    }

    /// A write of several statements in one `BEGIN IMMEDIATE` transaction: committed when
    /// `write` succeeds, rolled back when it fails.
    async fn write_tx<T: Send + 'static>(
        &self,
        write: impl FnOnce(&Connection) -> R<T> + Send + 'static,
    ) -> R<T> {
        self.write(|conn| {
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(err)?;
            let value = write(&tx)?;
            tx.commit().map_err(err)?;
            Ok(value)
        })
        .await
    }

    /// Applies the embedded migrations through a short-lived sqlx connection, holding the
    /// writer meanwhile so no write of this process interleaves.
    pub(crate) async fn migrate(&self) -> R<()> {
        let writer = self.writer.lock().await;
        if writer.is_none() {
            return Err(closed());
        }
        let options = SqliteConnectOptions::new()
            .filename(self.path.as_path())
            .journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options)
            .await
            .map_err(crate::errors::db)?;
        let result = sqlx::migrate!("./migrations/sqlite").run(&pool).await;
        pool.close().await;
        drop(writer);
        result.map_err(|e| StoreError::Backend(format!("migration failed: {e}")))
    }

    /// Runs a batch of statements (no parameters) on the writer.
    pub(crate) async fn execute_batch(&self, sql: impl Into<String>) -> R<()> {
        let sql = sql.into();
        self.write(move |conn| conn.execute_batch(&sql).map_err(err))
            .await
    }

    /// The database file (its WAL is beside it, `-wal` appended).
    pub(crate) fn path(&self) -> &Path {
        self.path.as_path()
    }

    /// Closes every connection; the store fails every call after this.
    pub(crate) async fn close(&self) {
        self.readers.close();
        let writer = self.writer.lock().await.take();
        let checkpointer = Arc::clone(&self.checkpointer);
        // Closing checkpoints the WAL; keep that file work off the async workers.
        let _ = tokio::task::spawn_blocking(move || {
            if let Ok(mut checkpointer) = checkpointer.lock() {
                checkpointer.stop();
            }
            drop(writer);
        })
        .await;
    }
}

fn joined(error: tokio::task::JoinError) -> StoreError {
    StoreError::Backend(format!("database task failed: {error}"))
}
