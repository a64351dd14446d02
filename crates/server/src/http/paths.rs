use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use kindred_domain::Error;

use super::{respond, AppError};

/// A path whose percent-escapes do not decode to UTF-8 (`/groups/%FF`) names nothing we
/// serve. Without this, axum's path extractor answers such ids with a plain-text 400; here
/// they get the same 404 as any unknown id, as JSON under `/api/` and as a page elsewhere.
pub async fn reject_undecodable_paths(request: Request, next: Next) -> Response {
    if decodes_to_utf8(request.uri().path()) {
        next.run(request).await
    } else {
        respond(request.uri().path(), AppError::Domain(Error::NotFound))
    }
}

fn decodes_to_utf8(path: &str) -> bool {
    percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::decodes_to_utf8;

    #[test]
    fn only_invalid_utf8_escapes_are_refused() {
        assert!(decodes_to_utf8("/groups/abc"));
        assert!(decodes_to_utf8("/groups/%F0%9F%92%A9"));
        assert!(decodes_to_utf8("/groups/100%"));
        assert!(!decodes_to_utf8("/groups/%FF"));
        assert!(!decodes_to_utf8("/api/v1/orgs/%C3"));
    }
}
