//! Signed-in sessions resolved recently, so a person clicking through pages costs one
//! database read every few seconds instead of one per request.
//!
//! Correctness within this process: every state-changing request clears the whole cache when
//! it finishes (`forget_after_writes`), so signing out, changing a password or a role takes
//! effect on the very next request; a generation counter stops a read that started before
//! such a write from putting its stale answer back. Changes made by another process (the
//! `kindred admin` commands, another server on the same PostgreSQL) take effect within
//! [`SessionCache::TTL`]. An entry is also used only while the session is live and no
//! activity write is due; otherwise the store is asked again.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use chrono::{DateTime, Duration, Utc};
use kindred_domain::auth::{still_usable, AuthSession, SignedIn, TokenHash};

use crate::app::AppState;

#[derive(Default)]
pub struct SessionCache {
    entries: Mutex<HashMap<TokenHash, Entry>>,
    generation: AtomicU64,
}

struct Entry {
    me: SignedIn,
    session: AuthSession,
    cached_at: DateTime<Utc>,
}

impl SessionCache {
    /// Longest a change made by another process can go unnoticed.
    pub const TTL: Duration = Duration::seconds(2);
    /// Bound on memory: past it the cache starts over.
    const MAX_ENTRIES: usize = 10_000;

    pub fn get(&self, hash: &TokenHash, now: DateTime<Utc>) -> Option<(SignedIn, AuthSession)> {
        let entries = self.entries.lock().ok()?;
        let entry = entries.get(hash)?;
        let fresh = now - entry.cached_at < Self::TTL && now >= entry.cached_at;
        (fresh && still_usable(&entry.me, &entry.session, now))
            .then(|| (entry.me.clone(), entry.session.clone()))
    }

    /// The generation to hand back to [`SessionCache::put`]: read it before asking the store.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Keeps a resolved session, unless the cache was cleared since `generation` was read.
    pub fn put(
        &self,
        generation: u64,
        hash: TokenHash,
        me: SignedIn,
        session: AuthSession,
        now: DateTime<Utc>,
    ) {
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        if self.generation.load(Ordering::Acquire) != generation {
            return;
        }
        if entries.len() >= Self::MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(
            hash,
            Entry {
                me,
                session,
                cached_at: now,
            },
        );
    }

    /// Drops one entry: the store said this session is gone.
    pub fn forget(&self, hash: &TokenHash) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.remove(hash);
        }
    }

    pub fn clear(&self) {
        if let Ok(mut entries) = self.entries.lock() {
            self.generation.fetch_add(1, Ordering::AcqRel);
            entries.clear();
        }
    }
}

/// Clears the cache after every request that may have changed state.
pub async fn forget_after_writes(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let writes = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let response = next.run(request).await;
    if writes {
        state.sessions.clear();
    }
    response
}
