//! SQLite connections: one writer, and a small pool of connections used only for reading.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use kindred_domain::StoreError;
use rusqlite::{Connection, OpenFlags};

use crate::errors::sqlite as err;

type R<T> = Result<T, StoreError>;

/// How long a statement waits for a lock held by another connection (or process).
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// Enough for every distinct statement the Store runs, so each is prepared once per connection.
const STATEMENT_CACHE: usize = 64;

fn open(path: &Path) -> R<Connection> {
    // Read-write and create; no mutex inside SQLite: a connection is used by one thread at a time.
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(err)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(err)?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    super::directory::register_functions(&conn).map_err(err)?;
    Ok(conn)
}

/// Pages the writer keeps in memory: 256 MiB (SQLite's default is 2 MiB). Writing many rows
/// at once (a year of sessions for thousands of groups) touches pages all over the session
/// indexes; with the default they are read back and spilled over and over, which took the
/// schedule job a third longer. Memory is taken only as pages are used.
const WRITER_CACHE_KIB: i64 = 256 * 1024;

/// The one connection that writes: WAL (so readers run beside it), foreign keys enforced,
/// `synchronous=NORMAL` (durable at each checkpoint; safe from corruption in WAL), a
/// larger page cache, and no checkpoints of its own (`checkpoint.rs` runs them).
pub(crate) fn open_writer(path: &Path) -> R<Connection> {
    let conn = open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(err)?;
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(err)?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(err)?;
    conn.pragma_update(None, "wal_autocheckpoint", 0)
        .map_err(err)?;
    // A negative size is in KiB.
    conn.pragma_update(None, "cache_size", -WRITER_CACHE_KIB)
        .map_err(err)?;
    Ok(conn)
}

/// The connection the checkpoint thread uses.
pub(crate) fn open_checkpointer(path: &Path) -> R<Connection> {
    let conn = open(path)?;
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(err)?;
    Ok(conn)
}

/// A passive checkpoint: copies the WAL's pages no reader still needs, waiting for no one.
pub(crate) fn checkpoint(conn: &Connection) -> R<()> {
    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
        .map_err(err)
}

/// A connection for reads: `query_only` makes an accidental write an error.
fn open_reader(path: &Path) -> R<Connection> {
    let conn = open(path)?;
    conn.pragma_update(None, "query_only", "ON").map_err(err)?;
    // Reading pages straight from a memory map skips a copy into each connection's cache.
    conn.pragma_update(None, "mmap_size", 256 * 1024 * 1024)
        .map_err(err)?;
    Ok(conn)
}

/// Reader connections kept open between reads. A read takes an idle one or opens one; after
/// the read it goes back unless `max_idle` are already waiting, in which case it is closed.
/// So at most `max_idle` stay open, and a burst beyond that opens short-lived connections
/// instead of making anyone wait.
pub(crate) struct ReadPool {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
    max_idle: usize,
    closed: AtomicBool,
}

impl ReadPool {
    pub(crate) fn new(path: PathBuf, max_idle: usize) -> ReadPool {
        ReadPool {
            path,
            idle: Mutex::new(Vec::with_capacity(max_idle)),
            max_idle,
            closed: AtomicBool::new(false),
        }
    }

    /// Runs `read` on a reader connection, on the calling thread.
    pub(crate) fn with<T>(&self, read: impl FnOnce(&Connection) -> R<T>) -> R<T> {
        if self.closed.load(Ordering::Acquire) {
            return Err(closed());
        }
        let conn = match self.lock().pop() {
            Some(conn) => conn,
            None => open_reader(&self.path)?,
        };
        let result = read(&conn);
        // A connection still inside a transaction (a failed rollback) would keep serving an
        // old snapshot: close it rather than reuse it.
        if conn.is_autocommit() && !self.closed.load(Ordering::Acquire) {
            let mut idle = self.lock();
            if idle.len() < self.max_idle {
                idle.push(conn);
            }
        }
        result
    }

    /// Closes the idle connections; reads after this fail.
    pub(crate) fn close(&self) {
        self.closed.store(true, Ordering::Release);
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Connection>> {
        // The list stays valid even if a holder panicked: it is only pushed to and popped.
        self.idle
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

pub(crate) fn closed() -> StoreError {
    StoreError::Backend("the database is closed".into())
}
