//! Back to where a person was: a page that needs sign-in sends them to `/login?next=…`, and
//! signing in returns them there. Only paths on this site are followed, never another host.

use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// What must be escaped in a query value; slashes and unreserved characters stay readable.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b'/');

/// The local path to return to, or `None` for anything that could leave the site.
pub fn safe_next(raw: &str) -> Option<&str> {
    let local = raw.starts_with('/')
        && !raw.starts_with("//")
        && !raw.contains('\\')
        && !raw.chars().any(char::is_control)
        && raw.len() <= 2000;
    local
        .then_some(raw)
        .filter(|path| !path.starts_with("/login"))
}

/// When a page answers a visitor with the plain redirect to `/login`, says where they were.
pub async fn remember_where(request: Request, next: Next) -> Response {
    let from = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned());
    let is_get = request.method() == Method::GET;
    let mut response = next.run(request).await;
    let to_login = response.status() == StatusCode::SEE_OTHER
        && response
            .headers()
            .get(header::LOCATION)
            .is_some_and(|l| l == "/login");
    if let (true, true, Some(from)) = (is_get, to_login, from.as_deref().and_then(safe_next)) {
        let target = format!("/login?next={}", utf8_percent_encode(from, QUERY_VALUE));
        if let Ok(value) = HeaderValue::from_str(&target) {
            response.headers_mut().insert(header::LOCATION, value);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(safe_next("/orgs/1/groups?x=1"), Some("/orgs/1/groups?x=1"));
        for unsafe_target in [
            "//evil.example/x",
            "https://evil.example",
            "/\\evil.example",
            "evil",
            "",
            "/login?next=/x",
        ] {
            assert_eq!(safe_next(unsafe_target), None, "{unsafe_target}");
        }
    }
}
