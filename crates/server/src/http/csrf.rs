use axum::extract::Request;
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::Response;

use super::AppError;

/// Header an API client sends with cookie-authenticated writes (the value comes from
/// `POST /api/v1/auth/login` or `GET /api/v1/me`).
pub const CSRF_HEADER: &str = "x-csrf-token";

/// First line of CSRF defence, for every unsafe method: browsers say where a request comes
/// from (`Sec-Fetch-Site`, `Origin`); anything cross-site is refused before a handler runs.
/// Requests without either header come from non-browser clients, which hold no ambient
/// cookie of a victim; forms and cookie API writes are still checked against the session token.
pub async fn check_origin(request: Request, next: Next) -> Response {
    if is_safe(request.method()) || same_origin(&request) {
        next.run(request).await
    } else {
        super::error::respond(request.uri().path(), AppError::CrossSite)
    }
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn same_origin(request: &Request) -> bool {
    let headers = request.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let origin_host = origin.split_once("://").map_or("", |(_, rest)| rest);
    !host.is_empty() && origin_host.eq_ignore_ascii_case(host)
}
