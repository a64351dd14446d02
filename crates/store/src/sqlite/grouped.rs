//! Audited reads share write transactions. Each read of clinical text runs with its audit
//! event inside a write transaction on the writer, so neither is ever without the other.
//! One transaction each would cost a commit per page view; instead every audited read that
//! is waiting when the writer comes free runs in the same `BEGIN IMMEDIATE … COMMIT`, each
//! in a savepoint of its own (one failing undoes only itself), and none returns its result
//! before the commit succeeds.

use std::sync::Arc;

use kindred_domain::StoreError;
use rusqlite::Connection;

use super::exec::execute;
use super::pool::closed;
use super::{SqliteStore, R};

/// Tells a waiting caller how its transaction ended: `None` committed, `Some` the error.
type Finish = Box<dyn FnOnce(Option<String>) + Send>;
/// Runs one caller's work on the writer (`None`: the store is closed).
type Job = Box<dyn FnOnce(Option<&Connection>) -> Finish + Send>;

/// Work waiting for the writer.
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
    /// Runs `work` in a write transaction shared with the other audited reads waiting now,
    /// and returns its result once that transaction has committed.
    pub(crate) async fn write_grouped<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Connection) -> R<T> + Send + 'static,
    ) -> R<T> {
        let (done, result) = tokio::sync::oneshot::channel::<R<T>>();
        self.waiting.push(Box::new(move |conn| {
            let outcome = match conn {
                Some(conn) => in_savepoint(conn, work),
                None => Err(closed()),
            };
            Box::new(move |failed: Option<String>| {
                let _ = done.send(match (outcome, failed) {
                    (_, Some(why)) => Err(StoreError::Backend(why)),
                    (outcome, None) => outcome,
                });
            })
        }));
        let mut result = result;
        let dropped = || StoreError::Backend("a grouped transaction was dropped".into());
        // Whoever holds the writer next runs everything waiting, this work included, unless
        // an earlier holder already took it: then its result comes without the writer.
        let writer = tokio::select! {
            biased;
            done = &mut result => return done.map_err(|_| dropped())?,
            writer = Arc::clone(&self.writer).lock_owned() => writer,
        };
        let jobs = self.waiting.take();
        if !jobs.is_empty() {
            let mut writer = writer;
            // On this worker, as reads run: a hand-off to another thread and back would
            // cost more than the group's work. `block_in_place` lets the runtime move this
            // worker's other tasks away meanwhile (a single-threaded runtime, as in tests,
            // just runs it).
            let group = move || run(writer.as_mut(), jobs);
            match tokio::runtime::Handle::current().runtime_flavor() {
                tokio::runtime::RuntimeFlavor::MultiThread => tokio::task::block_in_place(group),
                _ => group(),
            }
        } else {
            drop(writer);
        }
        result.await.map_err(|_| dropped())?
    }
}

fn run(conn: Option<&mut Connection>, jobs: Vec<Job>) {
    let Some(conn) = conn else {
        for job in jobs {
            job(None)(None);
        }
        return;
    };
    if let Err(e) = execute(conn, "BEGIN IMMEDIATE", &[]) {
        let why = e.to_string();
        for job in jobs {
            // Each job fails inside its savepoint, which needs no transaction of ours.
            job(None)(Some(why.clone()));
        }
        return;
    }
    let finishes: Vec<Finish> = jobs.into_iter().map(|job| job(Some(conn))).collect();
    let failed = match execute(conn, "COMMIT", &[]) {
        Ok(_) => None,
        Err(e) => {
            let _ = execute(conn, "ROLLBACK", &[]);
            Some(e.to_string())
        }
    };
    for finish in finishes {
        finish(failed.clone());
    }
}

/// Runs `work` in a savepoint: undone alone when it fails.
fn in_savepoint<T>(conn: &Connection, work: impl FnOnce(&Connection) -> R<T>) -> R<T> {
    execute(conn, "SAVEPOINT grouped", &[])?;
    let result = work(conn);
    if result.is_err() {
        let _ = execute(conn, "ROLLBACK TO grouped", &[]);
    }
    execute(conn, "RELEASE grouped", &[])?;
    result
}
