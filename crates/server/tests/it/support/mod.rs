//! The test app: a real router over a fresh database, a clock tests move by hand, and
//! clients that keep their own session cookie.

mod client;
mod fixture;
mod routes;

use std::future::Future;
use std::sync::Arc;

use axum::body::Body;
use axum::http::Request;
use axum::Router;
use chrono::{DateTime, Utc};
use kindred_domain::Store;
use kindred_server::app::{router, AppState, ManualClock};
use tower::ServiceExt as _;

pub use client::{Client, Resp};
pub use fixture::{group_json, technique_input, technique_json, Fixture, Person, PASSWORD};
pub use routes::declared_routes;

/// The origin the app believes it is served from; loopback http gets `__Host-` cookies.
pub const PUBLIC_URL: &str = "http://127.0.0.1:8080";
pub const HOST: &str = "127.0.0.1:8080";
pub const SESSION_COOKIE: &str = "__Host-kindred_session";

/// A moment well inside the range every backend stores exactly (whole seconds).
pub fn t0() -> DateTime<Utc> {
    DateTime::from_timestamp(1_900_000_000, 0).unwrap()
}

pub struct TestApp {
    pub state: AppState,
    pub clock: Arc<ManualClock>,
    router: Router,
}

/// Runs a test body once per backend, each on its own fresh database.
pub async fn each_backend<F, Fut>(test: F)
where
    F: Fn(TestApp) -> Fut,
    Fut: Future<Output = ()>,
{
    for (backend, db) in kindred_store::testing::all_backends().await {
        eprintln!("--- backend: {backend}");
        test(TestApp::over(&db)).await;
        db.close().await;
    }
}

impl TestApp {
    /// The app over `db` (with its data keys), its clock at [`t0`].
    pub fn over(db: &kindred_store::Database) -> TestApp {
        let clock = Arc::new(ManualClock::new(t0()));
        let state = AppState::new(db.store(), clock.clone(), PUBLIC_URL);
        TestApp {
            router: router(state.clone()),
            state,
            clock,
        }
    }

    pub fn store(&self) -> &dyn Store {
        self.state.store()
    }

    pub fn advance(&self, by: chrono::Duration) {
        self.clock.advance(by);
    }

    /// One request through the whole router, middleware included.
    pub async fn send(&self, request: Request<Body>) -> Resp {
        let response = self.router.clone().oneshot(request).await.unwrap();
        Resp::read(response).await
    }

    /// A browser with no cookie yet.
    pub fn visitor(&self) -> Client<'_> {
        Client::new(self)
    }
}
