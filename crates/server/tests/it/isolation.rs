//! Organization isolation: an administrator of one organization reaches nothing of another,
//! not even by putting the other's object ids under their own organization's path.

use axum::http::StatusCode;
use serde_json::json;

use crate::support::{each_backend, group_json};

#[tokio::test]
async fn another_orgs_objects_are_unreachable_under_ones_own_org() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let other = app.client_for(&fx.other_admin).await;
        let mine = format!("/api/v1/orgs/{}", fx.other_org);
        let objects = [
            (
                "programs",
                fx.program.to_string(),
                json!({"name": "Taken", "level_of_care": "outpatient"}),
            ),
            (
                "locations",
                fx.clinic.to_string(),
                json!({"name": "Taken", "kind": "online"}),
            ),
            (
                "groups",
                fx.therapy_group.to_string(),
                group_json(&fx, "Taken", "therapy", "in_person", fx.clinician.id),
            ),
        ];
        for (plural, id, body) in &objects {
            let path = format!("{mine}/{plural}/{id}");
            other.get(&path).await.expect(StatusCode::NOT_FOUND);
            other
                .put_json(&path, body)
                .await
                .expect(StatusCode::NOT_FOUND);
            other
                .post_empty(&format!("{path}/archive"))
                .await
                .expect(StatusCode::NOT_FOUND);
            let list = other.get(&format!("{mine}/{plural}")).await;
            list.expect(StatusCode::OK);
            assert!(
                !list.text().contains(id.as_str()),
                "{plural} of another org listed"
            );
        }
        other
            .delete(&format!("{mine}/staff/{}", fx.clinician.id))
            .await
            .expect(StatusCode::NOT_FOUND);

        // Creating a group in one's own org from the other org's program, place and staff.
        other
            .post_json(
                &format!("{mine}/programs"),
                &json!({"name": "Mine", "level_of_care": "outpatient"}),
            )
            .await
            .expect(StatusCode::CREATED);
        let stolen = other
            .post_json(
                &format!("{mine}/groups"),
                &group_json(&fx, "Stolen", "therapy", "in_person", fx.clinician.id),
            )
            .await;
        stolen.expect(StatusCode::UNPROCESSABLE_ENTITY);
        let errors = &stolen.json()["errors"];
        for field in ["program_id", "location_id", "lead_facilitator_id"] {
            assert!(errors[field].is_string(), "{field}: {errors}");
        }

        // Nothing of the first organization changed.
        let admin = app.client_for(&fx.admin).await;
        let dashboard = admin.get(&format!("/api/v1/orgs/{}", fx.org)).await.json();
        assert_eq!(dashboard["programs"][0]["name"], "Intensive Outpatient");
        assert!(dashboard["programs"][0]["archived_at"].is_null());
        assert_eq!(dashboard["groups"].as_array().unwrap().len(), 2);
        assert!(dashboard["groups"]
            .as_array()
            .unwrap()
            .iter()
            .all(|g| g["archived"] == false));
        assert_eq!(dashboard["staff"].as_array().unwrap().len(), 3);
        let names: Vec<&str> = dashboard["locations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["name"].as_str().unwrap())
            .collect();
        assert!(!names.contains(&"Taken"));
    })
    .await;
}
