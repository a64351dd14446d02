//! Bad input never causes a 500 and never changes anything: forms come back with the
//! person's input and a message at the field; the API names the fields that need attention.

use axum::http::StatusCode;
use serde_json::json;

use crate::support::{each_backend, group_json, Client, Fixture, Resp};

/// What the organization holds, as its administrator sees it through the API.
pub(crate) async fn counts(admin: &Client<'_>, fx: &Fixture) -> Vec<usize> {
    let d = admin.get(&format!("/api/v1/orgs/{}", fx.org)).await.json();
    ["programs", "locations", "groups", "staff"]
        .iter()
        .map(|k| d[k].as_array().unwrap().len())
        .chain([admin
            .get("/api/v1/me/tokens")
            .await
            .json()
            .as_array()
            .unwrap()
            .len()])
        .collect()
}

#[track_caller]
fn errors_at(resp: &Resp, fields: &[&str]) {
    resp.expect(StatusCode::UNPROCESSABLE_ENTITY);
    let errors = &resp.json()["errors"];
    for field in fields {
        let message = errors[field]
            .as_str()
            .unwrap_or_else(|| panic!("no message at {field}: {errors}"));
        assert!(message.len() > 5, "{field}: {message}");
    }
}

#[tokio::test]
async fn sign_up_form_comes_back_with_the_input_and_messages_at_the_fields() {
    each_backend(|app| async move {
        let visitor = app.visitor();
        let resp = visitor
            .post_form(
                "/signup",
                &[
                    ("email", "ana-at-example"),
                    ("display_name", "<script>alert(1)</script>"),
                    ("password", "short"),
                ],
            )
            .await;
        resp.expect(StatusCode::UNPROCESSABLE_ENTITY);
        let text = resp.text();
        assert!(
            text.contains("value=\"ana-at-example\""),
            "the email is kept"
        );
        assert!(!text.contains("<script>alert(1)"), "input is escaped");
        let kept = [
            "value=\"&#60;script&#62;alert(1)&#60;/script&#62;\"",
            "value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"",
        ];
        assert!(
            kept.iter().any(|k| text.contains(k)),
            "the name is kept, escaped"
        );
        assert!(
            !text.contains("value=\"short\""),
            "passwords are never echoed"
        );
        for field in ["email", "display_name", "password"] {
            assert!(resp.field_error(field).is_some(), "no message at {field}");
        }
        assert!(text.contains("aria-invalid=\"true\""));
        assert!(visitor.cookie().is_none());

        let api = visitor
            .post_json(
                "/api/v1/auth/signup",
                &json!({"email": "", "display_name": " ", "password": "x".repeat(200)}),
            )
            .await;
        errors_at(&api, &["email", "display_name", "password"]);
        // Nothing was created: the address is still free.
        app.sign_up_and_login("ana@example.org", "Ana").await;
    })
    .await;
}

#[tokio::test]
async fn api_names_every_field_that_needs_attention() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let admin = app.client_for(&fx.admin).await;
        let before = counts(&admin, &fx).await;
        let org = format!("/api/v1/orgs/{}", fx.org);

        let program = admin.post_json(&format!("{org}/programs"), &json!({"name": " ", "level_of_care": "asam-9", "part2": "maybe"})).await;
        assert!(program.status.is_client_error(), "{}", program.status);
        let program = admin.post_json(&format!("{org}/programs"), &json!({"name": "x".repeat(121), "level_of_care": "asam-9"})).await;
        errors_at(&program, &["name", "level_of_care"]);
        let location = admin
            .post_json(&format!("{org}/locations"), &json!({"name": "a\u{0}b", "kind": "physical", "latitude": "north", "longitude": "1e400"}))
            .await;
        errors_at(&location, &["name", "address", "city", "latitude", "longitude"]);
        let mut group = group_json(&fx, "", "circle", "telepathy", fx.member.id);
        for (field, value) in [
            ("enrollment", json!("whenever")),
            ("capacity", json!("twelve")),
            ("min_size", json!(-1)),
            ("language", json!("klingon")),
            ("time_zone", json!("Mars/Olympus")),
            ("focus_areas", json!(["anxiety", "astrology"])),
            ("payment_options", json!(["bitcoin"])),
            ("audiences", json!(["aliens"])),
            ("program_id", json!("not-a-uuid")),
            ("location_id", json!(uuid::Uuid::new_v4().to_string())),
            ("co_facilitator_ids", json!(["nope"])),
        ] {
            group[field] = value;
        }
        let resp = admin.post_json(&format!("{org}/groups"), &group).await;
        errors_at(&resp, &[
            "name", "kind", "format", "enrollment", "capacity", "language", "time_zone", "focus_areas",
            "payment_options", "audiences", "program_id", "location_id", "lead_facilitator_id", "co_facilitator_ids",
        ]);
        let mut huge = group_json(&fx, "Huge", "skills", "in_person", fx.peer.id);
        huge["capacity"] = json!(99_999_999_999_999_999_999.0);
        errors_at(&admin.post_json(&format!("{org}/groups"), &huge).await, &["capacity"]);
        huge["capacity"] = json!(5);
        huge["min_size"] = json!(6);
        errors_at(&admin.post_json(&format!("{org}/groups"), &huge).await, &["min_size"]);
        let put = admin.put_json(&format!("{org}/groups/{}", fx.therapy_group), &json!({})).await;
        errors_at(&put, &["name", "kind", "capacity"]);
        errors_at(&admin.post_json(&format!("{org}/staff"), &json!({"email": "x", "role": "boss"})).await, &["email", "role"]);
        errors_at(&admin.post_json("/api/v1/me/tokens", &json!({"name": ""})).await, &["name"]);
        // Well-formed JSON of the wrong shape.
        errors_at(&admin.post_json(&format!("{org}/programs"), &json!({"name": 5})).await, &["body"]);
        // (serde reads a JSON array into a struct field by field; it is still refused.)
        errors_at(&admin.post_json(&format!("{org}/programs"), &json!(["name"])).await, &[]);

        assert_eq!(counts(&admin, &fx).await, before, "nothing was created or changed");
        let group = admin.get(&format!("{org}/groups/{}", fx.therapy_group)).await.json();
        assert_eq!(group["name"], "Evening Process Group");
    })
    .await;
}
