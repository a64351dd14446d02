//! Where a request came from, for the audit trail: the request's id (in its `x-request-id`
//! header, on every response, in the request's log span and on 5xx error pages) and the
//! client's address.
//!
//! The router's outer layers, outermost first: [`screen_request_id`] drops an id the client
//! sent unless it is a short plain token; `SetRequestIdLayer` makes a UUID when there is
//! none; [`remember_request_id`] keeps it for error responses made anywhere inside;
//! `PropagateRequestIdLayer` copies it onto the response.

use std::convert::Infallible;

use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use kindred_domain::audit::Trail;

use super::ClientAddr;

pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// Longest request id accepted from a client (or a proxy in front of the server).
const MAX_REQUEST_ID: usize = 64;

tokio::task_local! {
    static REQUEST_ID: String;
}

/// The request's [`Trail`], for use cases that record audit events.
pub struct AuditTrail(pub Trail);

impl<S: Send + Sync> FromRequestParts<S> for AuditTrail {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let ClientAddr(addr) = ClientAddr::from_request_parts(parts, state).await?;
        Ok(Self(Trail {
            request_id: request_id(&parts.headers).unwrap_or_default(),
            client_addr: addr.map(|a| a.to_string()).unwrap_or_default(),
        }))
    }
}

/// The id in the request's header, when there is one.
pub fn request_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get(REQUEST_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|id| !id.is_empty())
        .map(str::to_owned)
}

/// A client's id is kept (a proxy's id joins its logs to ours) only when it is a short
/// token of letters, digits, `-`, `_` and `.`: it goes into logs and the audit trail.
fn acceptable(id: &[u8]) -> bool {
    !id.is_empty()
        && id.len() <= MAX_REQUEST_ID
        && id
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Outermost layer: removes a request id that is not [`acceptable`], so one is made anew.
pub async fn screen_request_id(mut request: Request, next: Next) -> Response {
    let refused = request
        .headers()
        .get_all(REQUEST_ID_HEADER)
        .iter()
        .any(|v| !acceptable(v.as_bytes()))
        || request.headers().get_all(REQUEST_ID_HEADER).iter().count() > 1;
    if refused {
        request.headers_mut().remove(REQUEST_ID_HEADER);
    }
    next.run(request).await
}

/// Runs the rest of the request with its id at hand for [`current_request_id`].
pub async fn remember_request_id(request: Request, next: Next) -> Response {
    let id = request_id(request.headers()).unwrap_or_default();
    REQUEST_ID.scope(id, next.run(request)).await
}

/// The id of the request being served, inside the router.
pub fn current_request_id() -> Option<String> {
    REQUEST_ID
        .try_with(Clone::clone)
        .ok()
        .filter(|id| !id.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_short_plain_ids_are_taken_from_clients() {
        assert!(acceptable(b"2f1c7e0a-5b7d-4e43-9d4e-8f1b2a3c4d5e"));
        assert!(acceptable(b"lb.req_42"));
        assert!(!acceptable(b""));
        assert!(!acceptable(b"id with spaces"));
        assert!(!acceptable(b"<script>"));
        assert!(!acceptable(&[b'a'; MAX_REQUEST_ID + 1]));
    }

    #[tokio::test]
    async fn a_server_error_names_the_request_it_answers() {
        let inside = REQUEST_ID
            .scope("req-7".into(), async {
                super::super::AppError::Internal("boom".into()).problem()
            })
            .await;
        assert_eq!(inside.request_id.as_deref(), Some("req-7"));
        // Outside a request (no id at hand) one is made up, so the log line still has one.
        let outside = super::super::AppError::Internal("boom".into()).problem();
        assert!(outside.request_id.is_some_and(|id| id.len() == 32));
    }
}
