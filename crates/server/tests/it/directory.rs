//! The public directory through the real router, on every backend: the page and the API run
//! the same search; bad input is named; pages link on; edits show at once.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::support::{each_backend, group_json};

fn names(body: &Value) -> Vec<String> {
    body["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn visitors_search_the_directory_by_page_and_api() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let visitor = app.visitor();

        // Everything listed, no sign-in.
        let all = visitor.get("/api/v1/directory").await;
        all.expect(StatusCode::OK);
        assert_eq!(
            names(&all.json()),
            ["Evening Process Group", "Tuesday Peer Circle"]
        );
        assert_eq!(all.json()["page"], 1);
        assert_eq!(all.json()["has_next"], false);

        // Filters, repeated or comma-separated, and the reasons.
        let evening = visitor
            .get("/api/v1/directory?time=evening&focus=anxiety&focus=depression&led=clinician")
            .await;
        evening.expect(StatusCode::OK);
        let body = evening.json();
        assert_eq!(names(&body), ["Evening Process Group"]);
        let reasons: Vec<&str> = body["results"][0]["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap())
            .collect();
        assert!(reasons.contains(&"evening"), "{reasons:?}");
        assert!(reasons.contains(&"therapist-led"), "{reasons:?}");
        assert!(reasons.contains(&"9 seats open"), "{reasons:?}");
        assert_eq!(body["results"][0]["seats_open"], 9);
        assert_eq!(
            body["query"],
            "focus=depression,anxiety&led=clinician&time=evening"
        );
        let online = visitor
            .get("/api/v1/directory?format=online,hybrid&led=peer")
            .await;
        assert_eq!(names(&online.json()), ["Tuesday Peer Circle"]);

        // Text and distance from the gazetteer (the clinic is in Hartford, CT 06106).
        let text = visitor.get("/api/v1/directory?q=process").await;
        assert_eq!(names(&text.json()), ["Evening Process Group"]);
        let near = visitor.get("/api/v1/directory?near=06106&within=10").await;
        near.expect(StatusCode::OK);
        let body = near.json();
        assert_eq!(
            names(&body),
            ["Evening Process Group"],
            "online groups have no place"
        );
        assert!(body["results"][0]["distance_km"].as_f64().unwrap() < 10.0);
        assert!(body["place"]["label"]
            .as_str()
            .unwrap()
            .contains("Hartford"));
        let city = visitor.get("/api/v1/directory?near=Hartford,%20CT").await;
        assert_eq!(names(&city.json()), ["Evening Process Group"]);
        let far = visitor
            .get("/api/v1/directory?lat=34.05&lon=-118.24&within=50")
            .await;
        assert!(names(&far.json()).is_empty());

        // Bad input: 422 naming every parameter, never an empty list.
        let bad = visitor
            .get("/api/v1/directory?colour=blue&focus=knitting&near=Atlantis&page=0")
            .await;
        bad.expect(StatusCode::UNPROCESSABLE_ENTITY);
        let errors = &bad.json()["errors"];
        for field in ["colour", "focus", "near", "page"] {
            assert!(errors[field].is_string(), "{field}: {errors}");
        }
        assert!(bad.json()["results"].is_null());

        // The page: the same search, with the form refilled and reasons on each card.
        let page = visitor.get("/find?q=process&time=evening").await;
        page.expect(StatusCode::OK);
        let html = page.text();
        assert!(html.contains("Evening Process Group"));
        assert!(html.contains("<li class=\"tag\">evening</li>"), "{html}");
        assert!(html.contains("value=\"process\""));
        assert!(html.contains("name=\"time\" value=\"evening\" checked"));
        assert!(!html.contains("Tuesday Peer Circle"));
        let bad = visitor
            .get("/find?time=noon&near=Atlantis&colour=blue")
            .await;
        bad.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad
            .field_error("time")
            .unwrap()
            .contains("morning, afternoon, evening, weekend"));
        assert!(bad.field_error("near").unwrap().contains("could not find"));
        assert!(
            bad.text().contains("Unknown filter &quot;colour&quot;")
                || bad.text().contains("Unknown filter &#34;colour&#34;"),
            "{}",
            bad.text()
        );
        assert!(
            bad.text().contains("value=\"Atlantis\""),
            "the form keeps what was typed"
        );

        // A distance the list does not offer stays chosen when the form is sent again.
        let far_page = visitor.get("/find?near=06106&within=200").await;
        far_page.expect(StatusCode::OK);
        assert!(far_page
            .text()
            .contains("<option value=\"200\" selected>200 km</option>"));
        assert!(far_page.text().contains("Evening Process Group"));

        // The front page and the header link to the directory.
        let home = visitor.get("/").await.text();
        assert!(home.contains("href=\"/find\""));
        assert!(home.contains("action=\"/find\""));

        // An edit shows in the next search: the admin renames a group.
        let admin = app.client_for(&fx.admin).await;
        let mut renamed = group_json(
            &fx,
            "Sunrise Peer Circle",
            "peer_support",
            "online",
            fx.peer.id,
        );
        renamed["focus_areas"] = json!(["grief"]);
        admin
            .put_json(
                &format!("/api/v1/orgs/{}/groups/{}", fx.org, fx.peer_group),
                &renamed,
            )
            .await
            .expect(StatusCode::OK);
        let found = visitor.get("/api/v1/directory?q=sunrise&focus=grief").await;
        assert_eq!(names(&found.json()), ["Sunrise Peer Circle"]);
        admin
            .post_empty(&format!(
                "/api/v1/orgs/{}/groups/{}/archive",
                fx.org, fx.peer_group
            ))
            .await
            .expect(StatusCode::OK);
        assert!(names(&visitor.get("/api/v1/directory?q=sunrise").await.json()).is_empty());
    })
    .await;
}

#[tokio::test]
async fn results_are_paginated_with_links_that_keep_the_search() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let admin = app.client_for(&fx.admin).await;
        for n in 0..23 {
            let group = group_json(
                &fx,
                &format!("Online Circle {n:02}"),
                "peer_support",
                "online",
                fx.peer.id,
            );
            admin
                .post_json(&format!("/api/v1/orgs/{}/groups", fx.org), &group)
                .await
                .expect(StatusCode::CREATED);
        }
        let visitor = app.visitor();
        let first = visitor
            .get("/api/v1/directory?q=circle&format=online")
            .await
            .json();
        assert_eq!(first["results"].as_array().unwrap().len(), 20);
        assert_eq!(first["has_next"], true);
        let second = visitor
            .get("/api/v1/directory?q=circle&format=online&page=2")
            .await
            .json();
        assert_eq!(second["has_next"], false);
        let mut seen = names(&first);
        seen.extend(names(&second));
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 24, "no result twice, none lost");

        let page = visitor.get("/find?q=circle&format=online").await.text();
        assert!(
            page.contains("href=\"/find?q=circle&#38;format=online&#38;page=2\" rel=\"next\""),
            "{page}"
        );
        let two = visitor
            .get("/find?q=circle&format=online&page=2")
            .await
            .text();
        assert!(two.contains("href=\"/find?q=circle&#38;format=online\" rel=\"prev\""));
        assert!(!two.contains("rel=\"next\""));
    })
    .await;
}
