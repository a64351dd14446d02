use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::routing::get;
use axum::Router;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

use super::AppState;
use crate::http::trail::{remember_request_id, request_id, screen_request_id};
use crate::http::{check_origin, forget_after_writes, reject_undecodable_paths, security_headers};
use crate::{api, pages};

/// Largest body we accept: forms and JSON here are small. A bigger body is refused with 413
/// as soon as the limit is crossed, without reading the rest.
pub const MAX_BODY: usize = 64 * 1024;

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/calendar/{feed_file}", get(crate::calendar::feed))
        .merge(api::routes())
        .merge(pages::routes())
        .fallback(pages::not_found)
        .layer(middleware::from_fn(pages::remember_where))
        .layer(middleware::from_fn(reject_undecodable_paths))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            forget_after_writes,
        ))
        .layer(middleware::from_fn(check_origin))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(middleware::from_fn(security_headers))
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
                // Paths can carry ids but never names or text; query strings are left out.
                let id = request_id(request.headers()).unwrap_or_default();
                tracing::info_span!("request", method = %request.method(),
                path = %request.uri().path(), request_id = %id)
            }),
        )
        // Every request has an id (see `http::trail`), which every response carries.
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(middleware::from_fn(remember_request_id))
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .layer(middleware::from_fn(screen_request_id))
        .with_state(state)
}

/// Liveness for load balancers and monitors: answers while the process serves requests.
#[utoipa::path(get, path = "/healthz", tag = "operations",
    responses((status = 200, description = "The server is up", body = String, example = "ok")))]
pub async fn healthz() -> &'static str {
    "ok"
}
