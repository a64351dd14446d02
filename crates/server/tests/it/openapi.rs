//! The API describes itself: OpenAPI 3.1 listing every API route the router serves, and
//! `/healthz`.

use std::collections::BTreeSet;

use axum::http::StatusCode;

use crate::support::{declared_routes, each_backend};

#[tokio::test]
async fn openapi_document_lists_every_api_route() {
    each_backend(|app| async move {
        let resp = app.visitor().get("/api/openapi.json").await;
        resp.expect(StatusCode::OK);
        assert!(resp
            .header("content-type")
            .unwrap()
            .starts_with("application/json"));
        let doc = resp.json();
        assert_eq!(doc["openapi"], "3.1.0");
        let mut documented = BTreeSet::new();
        for (path, item) in doc["paths"].as_object().unwrap() {
            for method in item.as_object().unwrap().keys() {
                if ["get", "post", "put", "delete", "patch"].contains(&method.as_str()) {
                    documented.insert((method.to_ascii_uppercase(), path.clone()));
                }
            }
        }
        let served: BTreeSet<(String, String)> = declared_routes()
            .into_iter()
            .filter(|r| r.path.starts_with("/api/v1/") || r.path == "/healthz")
            .map(|r| (r.method, r.path))
            .collect();
        let undocumented: Vec<_> = served.difference(&documented).collect();
        let phantom: Vec<_> = documented.difference(&served).collect();
        assert!(
            undocumented.is_empty(),
            "routes missing from openapi.json: {undocumented:?}"
        );
        assert!(
            phantom.is_empty(),
            "openapi.json describes routes nobody serves: {phantom:?}"
        );
        assert!(served.len() >= 30, "only {} API routes found", served.len());
        // Both ways of authenticating are described.
        let schemes = &doc["components"]["securitySchemes"];
        assert_eq!(schemes["bearer"]["scheme"], "bearer");
        assert!(schemes["session"].is_object());
    })
    .await;
}

#[tokio::test]
async fn healthz_says_ok() {
    each_backend(|app| async move {
        let resp = app.visitor().get("/healthz").await;
        resp.expect(StatusCode::OK);
        assert_eq!(resp.text(), "ok");
    })
    .await;
}
