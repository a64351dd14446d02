//! HTTP plumbing shared by pages and the API: who is asking, CSRF, body parsing, errors,
//! security headers.

mod auth;
mod body;
mod client;
mod cookies;
mod csrf;
mod csv_download;
mod error;
mod paths;
mod security_headers;
mod session_cache;
mod sign_in_throttle;
pub mod trail;

pub use auth::Auth;
pub use body::{ApiWrite, Form, JsonBody, PublicJson};
pub use client::ClientAddr;
pub use cookies::{clear_session_cookie, session_cookie, session_cookie_name};
pub use csrf::{check_origin, CSRF_HEADER};
pub use csv_download::csv_download;
pub use error::{rate_limited_message, respond, AppError, Problem};
pub use paths::reject_undecodable_paths;
pub use security_headers::security_headers;
pub use session_cache::{forget_after_writes, SessionCache};
pub use sign_in_throttle::{sign_in_throttled, SignInThrottle};
pub use trail::AuditTrail;
