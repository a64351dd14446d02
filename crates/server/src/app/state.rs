use std::sync::Arc;

use chrono::{DateTime, Utc};
use kindred_domain::accounts::PasswordHasher;
use kindred_domain::Store;

use super::Clock;
use crate::http::{SessionCache, SignInThrottle};
use crate::rooms::Rooms;

/// How the server presents itself: links and cookie security follow the public URL.
#[derive(Debug, Clone)]
pub struct AppConfig {
    /// Origin people use, e.g. `http://127.0.0.1:8080`, without a trailing slash.
    pub public_url: String,
    /// Whether cookies carry `Secure` and the `__Host-` prefix. True for https and for
    /// loopback http, which browsers treat as a secure context.
    pub secure_cookies: bool,
}

impl AppConfig {
    pub fn from_public_url(public_url: &str) -> Self {
        let public_url = public_url.trim_end_matches('/').to_owned();
        let loopback = ["http://127.0.0.1", "http://localhost", "http://[::1]"]
            .iter()
            .any(|p| public_url.starts_with(p));
        let secure_cookies = public_url.starts_with("https://") || loopback;
        Self {
            public_url,
            secure_cookies,
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub hasher: Arc<dyn PasswordHasher>,
    pub clock: Arc<dyn Clock>,
    pub config: Arc<AppConfig>,
    /// Sessions resolved in the last seconds (see `http::SessionCache`).
    pub sessions: Arc<SessionCache>,
    /// Failed sign-ins per email and client (see `http::SignInThrottle`).
    pub sign_ins: Arc<SignInThrottle>,
    /// The live rooms open in this process.
    pub rooms: Arc<Rooms>,
}

impl AppState {
    /// State with the real password hasher; tests pass a [`ManualClock`](super::ManualClock).
    pub fn new(store: Arc<dyn Store>, clock: Arc<dyn Clock>, public_url: &str) -> Self {
        Self {
            store,
            hasher: Arc::new(super::BlockingHasher::default()),
            clock,
            config: Arc::new(AppConfig::from_public_url(public_url)),
            sessions: Arc::new(SessionCache::default()),
            sign_ins: Arc::new(SignInThrottle::default()),
            rooms: Arc::new(Rooms::default()),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn store(&self) -> &dyn Store {
        self.store.as_ref()
    }

    pub fn hasher(&self) -> &dyn PasswordHasher {
        self.hasher.as_ref()
    }
}
