//! Audited reads (and short single-statement writes, see `write_grouped`) share write
//! transactions. Each read of clinical text runs with its audit event inside a write
//! transaction on the writer, so neither is ever without the other.
//! One transaction each would cost a commit per page view; instead every audited read that
//! is waiting when the writer comes free runs in the same `BEGIN IMMEDIATE … COMMIT`, their
//! events are appended to the chain together at its end (one read and one move of the
//! head), and none returns its result before the commit succeeds.

use std::sync::Arc;

use kindred_domain::audit::AuditEvent;
use kindred_domain::StoreError;
use rusqlite::Connection;

use super::exec::execute;
use super::pool::closed;
use super::{audit, SqliteStore, R};

/// Tells a waiting caller how its transaction ended: `None` committed, `Some` the error.
type Finish = Box<dyn FnOnce(Option<String>) + Send>;
/// Runs one caller's read on the writer (`None`: no transaction could be had) and gives
/// the event it records, if any.
type Job = Box<dyn FnOnce(Option<&Connection>) -> (Option<AuditEvent>, Finish) + Send>;

/// Reads waiting for the writer.
#[derive(Default)]
pub(crate) struct Waiting(std::sync::Mutex<Vec<Job>>);

impl Waiting {
    fn push(&self, job: Job) {
        if let Ok(mut jobs) = self.0.lock() {
            jobs.push(job);
        }
    }

    fn take(&self) -> Vec<Job> {
        self.0
            .lock()
            .map(|mut jobs| std::mem::take(&mut *jobs))
            .unwrap_or_default()
    }
}

impl SqliteStore {
    /// Runs `read` (reads only) in a write transaction shared with the other audited reads
    /// waiting now, appends the event it returns, and gives its result once that
    /// transaction has committed.
    pub(crate) async fn read_audited<T: Send + 'static>(
        &self,
        read: impl FnOnce(&Connection) -> R<(T, Option<AuditEvent>)> + Send + 'static,
    ) -> R<T> {
        let (done, result) = tokio::sync::oneshot::channel::<R<T>>();
        self.waiting.push(Box::new(move |conn| {
            let (outcome, event) = match conn.map(read) {
                Some(Ok((value, event))) => (Ok(value), event),
                Some(Err(e)) => (Err(e), None),
                None => (Err(closed()), None),
            };
            let finish: Finish = Box::new(move |failed: Option<String>| {
                let _ = done.send(match (outcome, failed) {
                    (Ok(_), Some(why)) => Err(StoreError::Backend(why)),
                    (outcome, _) => outcome,
                });
            });
            (event, finish)
        }));
        let mut result = result;
        let dropped = || StoreError::Backend("a grouped transaction was dropped".into());
        // Whoever holds the writer next runs everything waiting, this read included, unless
        // an earlier holder already took it: then its result comes without the writer.
        let mut writer = tokio::select! {
            biased;
            done = &mut result => return done.map_err(|_| dropped())?,
            writer = Arc::clone(&self.writer).lock_owned() => writer,
        };
        let jobs = self.waiting.take();
        if !jobs.is_empty() {
            // Inline, as reads run: the group takes well under a millisecond, less than a
            // hand-off to another thread and back would cost.
            run(writer.as_mut(), jobs);
        }
        drop(writer);
        result.await.map_err(|_| dropped())?
    }
}

impl SqliteStore {
    /// A short write that shares the writer's next transaction with everything else
    /// waiting for it (one commit for all of them), and returns once that committed. It
    /// must change at most one row with one statement: a failing statement is rolled back
    /// alone and leaves the others' work in place, so nothing is ever half done.
    pub(crate) async fn write_grouped<T: Send + 'static>(
        &self,
        write: impl FnOnce(&Connection) -> R<T> + Send + 'static,
    ) -> R<T> {
        self.read_audited(move |c| write(c).map(|value| (value, None)))
            .await
    }
}

fn run(conn: Option<&mut Connection>, jobs: Vec<Job>) {
    let began = match conn {
        None => Err("the database is closed".to_owned()),
        Some(conn) => execute(conn, "BEGIN IMMEDIATE", &[])
            .map(|_| conn)
            .map_err(|e| e.to_string()),
    };
    let conn = match began {
        Ok(conn) => conn,
        Err(why) => {
            for job in jobs {
                let (_, finish) = job(None);
                finish(Some(why.clone()));
            }
            return;
        }
    };
    let mut events = Vec::new();
    let mut finishes = Vec::with_capacity(jobs.len());
    for job in jobs {
        let (event, finish) = job(Some(conn));
        events.extend(event);
        finishes.push(finish);
    }
    let failed = match audit::append_all(conn, &events)
        .and_then(|()| execute(conn, "COMMIT", &[]).map(|_| ()))
    {
        Ok(()) => None,
        Err(e) => {
            let _ = execute(conn, "ROLLBACK", &[]);
            Some(e.to_string())
        }
    };
    for finish in finishes {
        finish(failed.clone());
    }
}
