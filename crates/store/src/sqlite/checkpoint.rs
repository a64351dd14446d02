//! Copying the WAL back into the database file, on a thread of its own. SQLite's default
//! has the writer do it at the end of whichever commit crosses 1,000 pages, with an fsync,
//! so every few hundred commits one takes milliseconds and everyone waiting on the writer
//! waits for it (the chart benchmark's p99 halved without it). Here the writer never
//! checkpoints; this thread runs a passive checkpoint every `INTERVAL`, which copies what
//! no reader still needs and never blocks the writer or a reader.

use std::path::Path;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::Duration;

use kindred_domain::StoreError;

use super::pool;

/// Often enough that the WAL stays a few megabytes under a steady stream of commits.
const INTERVAL: Duration = Duration::from_millis(200);

pub(crate) struct Checkpointer {
    /// Dropping it tells the thread to stop.
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    pub(crate) fn start(path: &Path) -> Result<Checkpointer, StoreError> {
        let conn = pool::open_checkpointer(path)?;
        let (stop, stopped) = mpsc::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("kindred-checkpoint".into())
            .spawn(move || {
                while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(INTERVAL) {
                    if let Err(error) = pool::checkpoint(&conn) {
                        tracing::warn!(%error, "WAL checkpoint failed");
                    }
                }
                // Whatever is left goes into the file before the connection closes.
                let _ = pool::checkpoint(&conn);
            })
            .map_err(|e| StoreError::Backend(format!("cannot start the checkpoint thread: {e}")))?;
        Ok(Checkpointer {
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// Stops the thread after a last checkpoint; blocks until it has.
    pub(crate) fn stop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Checkpointer {
    /// Without `stop`: the thread ends by itself at its next wake-up.
    fn drop(&mut self) {
        drop(self.stop.take());
    }
}
