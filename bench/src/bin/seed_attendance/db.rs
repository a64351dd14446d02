//! The demo's SQLite file, written beside the running server: WAL, a busy timeout, large
//! transactions of prepared (cached) statements, and rows in the store's own formats.

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, Params};

use crate::Result;

/// A timestamp as the store writes it: `2026-01-02T03:04:05.123456Z` (fixed width, UTC).
pub fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

pub fn parse_ts(text: &str) -> Result<DateTime<Utc>> {
    Ok(DateTime::parse_from_rfc3339(text)
        .map_err(|e| format!("timestamp {text:?}: {e}"))?
        .with_timezone(&Utc))
}

pub fn new_id() -> String {
    uuid::Uuid::new_v4().hyphenated().to_string()
}

pub struct Db {
    pub conn: Connection,
    /// Attendance rows written by this run.
    pub marks: u64,
    /// Marks written since the open transaction began.
    pending: u64,
    /// Commit after about this many marks, so the server's writer is never held up long.
    batch: u64,
    pub commits: u64,
}

impl Db {
    pub fn open(path: &Path, batch: u64) -> Result<Db> {
        let conn = Connection::open(path)?;
        // The server's writer and background passes may want the lock between our batches.
        conn.busy_timeout(Duration::from_secs(60))?;
        conn.set_prepared_statement_cache_capacity(64);
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(format!("the database is in {mode} mode, not WAL").into());
        }
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Two random-order indexes on attendance grow to ~100 MB each: keep them in memory.
        conn.pragma_update(None, "cache_size", -1_048_576)?;
        Ok(Db {
            conn,
            marks: 0,
            pending: 0,
            batch: batch.max(1),
            commits: 0,
        })
    }

    pub fn begin(&self) -> Result<()> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        Ok(())
    }

    pub fn commit(&mut self) -> Result<()> {
        self.conn.execute_batch("COMMIT")?;
        self.pending = 0;
        self.commits += 1;
        Ok(())
    }

    /// Commits and opens the next transaction once the batch is full.
    pub fn checkpoint(&mut self) -> Result<()> {
        if self.pending >= self.batch {
            self.commit()?;
            self.begin()?;
        }
        Ok(())
    }

    pub fn exec<P: Params>(&self, sql: &str, params: P) -> Result<usize> {
        Ok(self.conn.prepare_cached(sql)?.execute(params)?)
    }

    pub fn count(&self, sql: &str) -> Result<i64> {
        Ok(self.conn.query_row(sql, [], |r| r.get(0))?)
    }

    pub fn insert_session(&self, s: &NewSession<'_>) -> Result<()> {
        self.exec(
            "INSERT INTO group_sessions (id, group_id, starts_at, ends_at, status, cancel_reason) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            (
                s.id,
                s.group_id,
                ts(s.starts_at),
                ts(s.ends_at),
                s.status,
                s.cancel_reason,
            ),
        )?;
        Ok(())
    }

    pub fn insert_enrollment(&self, e: &NewEnrollment<'_>) -> Result<()> {
        let updated = e.active_until.unwrap_or(e.active_from);
        self.exec(
            "INSERT INTO enrollments (id, group_id, account_id, status, created_at, \
             queue_position, offer_expires_at, active_from, active_until, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, NULL, NULL, ?5, ?6, ?7)",
            (
                new_id(),
                e.group_id,
                e.account_id,
                e.status,
                ts(e.active_from),
                e.active_until.map(ts),
                ts(updated),
            ),
        )?;
        Ok(())
    }

    /// One mark, and (when `log`) its entry in the session's append-only log.
    pub fn insert_mark(&mut self, m: &Mark<'_>, log: bool) -> Result<()> {
        let marked_at = ts(m.marked_at);
        self.exec(
            "INSERT INTO attendance (session_id, account_id, status, minutes, source, \
             marked_by, marked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            (
                m.session_id,
                m.account_id,
                m.status,
                m.minutes,
                m.source,
                m.marked_by,
                &marked_at,
            ),
        )?;
        if log {
            self.exec(
                "INSERT INTO attendance_changes (id, session_id, account_id, status, minutes, \
                 source, changed_by, changed_at, reason) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, '')",
                (
                    new_id(),
                    m.session_id,
                    m.account_id,
                    m.status,
                    m.minutes,
                    m.source,
                    m.marked_by,
                    &marked_at,
                ),
            )?;
        }
        self.marks += 1;
        self.pending += 1;
        Ok(())
    }
}

pub struct NewSession<'a> {
    pub id: &'a str,
    pub group_id: &'a str,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: &'a str,
    pub cancel_reason: &'a str,
}

pub struct NewEnrollment<'a> {
    pub group_id: &'a str,
    pub account_id: &'a str,
    pub status: &'a str,
    pub active_from: DateTime<Utc>,
    pub active_until: Option<DateTime<Utc>>,
}

pub struct Mark<'a> {
    pub session_id: &'a str,
    pub account_id: &'a str,
    pub status: &'a str,
    pub minutes: i64,
    pub source: &'a str,
    pub marked_by: Option<&'a str>,
    pub marked_at: DateTime<Utc>,
}
