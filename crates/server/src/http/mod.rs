//! HTTP plumbing shared by pages and the API: who is asking, CSRF, body parsing, errors,
//! security headers.

mod auth;
mod body;
mod cookies;
mod csrf;
mod error;
mod paths;
mod security_headers;
mod session_cache;

pub use auth::Auth;
pub use body::{ApiWrite, Form, JsonBody, PublicJson};
pub use cookies::{clear_session_cookie, session_cookie, session_cookie_name};
pub use csrf::{check_origin, CSRF_HEADER};
pub use error::{respond, AppError, Problem};
pub use paths::reject_undecodable_paths;
pub use security_headers::security_headers;
pub use session_cache::{forget_after_writes, SessionCache};
