//! The application: shared state, the clock, password hashing off the runtime, the router.

mod clock;
mod hasher;
pub mod jobs;
mod router;
mod state;

pub use clock::{Clock, ManualClock, SystemClock};
pub use hasher::BlockingHasher;
pub(crate) use router::__path_healthz;
pub use router::router;
pub use state::{AppConfig, AppState};
