use axum::http::{header, HeaderValue};
use cookie::{Cookie, SameSite};

use crate::app::AppConfig;

/// `__Host-` binds the cookie to this exact origin (no Domain, Path=/, Secure). Plain-http
/// deployments on a non-loopback host cannot use it, and get an unprefixed name instead.
pub fn session_cookie_name(config: &AppConfig) -> &'static str {
    if config.secure_cookies {
        "__Host-kindred_session"
    } else {
        "kindred_session"
    }
}

fn build(config: &AppConfig, value: String) -> Cookie<'static> {
    Cookie::build((session_cookie_name(config), value))
        .path("/")
        .http_only(true)
        .secure(config.secure_cookies)
        .same_site(SameSite::Lax)
        .build()
}

/// A session cookie without Max-Age: it ends with the browser, and the server ends it sooner.
pub fn session_cookie(config: &AppConfig, token: &str) -> (header::HeaderName, HeaderValue) {
    let cookie = build(config, token.to_owned());
    (header::SET_COOKIE, header_value(&cookie))
}

pub fn clear_session_cookie(config: &AppConfig) -> (header::HeaderName, HeaderValue) {
    let mut cookie = build(config, String::new());
    cookie.make_removal();
    (header::SET_COOKIE, header_value(&cookie))
}

fn header_value(cookie: &Cookie<'_>) -> HeaderValue {
    HeaderValue::from_str(&cookie.to_string()).unwrap_or_else(|_| HeaderValue::from_static(""))
}
