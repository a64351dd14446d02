//! An administrator sets up programs, locations and groups; the group rules hold; visitors
//! see the result on the public pages.

use axum::http::StatusCode;
use serde_json::json;

use crate::support::{each_backend, group_json};

#[tokio::test]
async fn admin_creates_edits_and_archives_programs_and_locations() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let admin = app.client_for(&fx.admin).await;
        let programs = format!("/api/v1/orgs/{}/programs", fx.org);
        let created = admin
            .post_json(&programs, &json!({"name": "Evening IOP", "level_of_care": "intensive_outpatient", "part2": true}))
            .await;
        created.expect(StatusCode::CREATED);
        let id = created.json()["id"].as_str().unwrap().to_owned();
        assert_eq!(created.json()["part2"], true);
        let edited = admin
            .put_json(&format!("{programs}/{id}"), &json!({"name": "Evening Outpatient", "level_of_care": "outpatient"}))
            .await;
        edited.expect(StatusCode::OK);
        assert_eq!(edited.json()["part2"], false, "an unticked box clears the flag");
        let shown = admin.get(&format!("{programs}/{id}")).await.json();
        assert_eq!(shown["name"], "Evening Outpatient");
        assert_eq!(shown["level_of_care"], "outpatient");
        admin.post_empty(&format!("{programs}/{id}/archive")).await.expect(StatusCode::OK);
        let listed = admin.get(&programs).await.json();
        let archived = listed.as_array().unwrap().iter().find(|p| p["id"] == id.as_str()).unwrap();
        assert!(archived["archived_at"].is_string());

        let locations = format!("/api/v1/orgs/{}/locations", fx.org);
        let site = admin
            .post_json(&locations, &json!({"name": "East Site", "kind": "physical", "address": "2 Elm St", "city": "Hartford", "latitude": 41.7, "longitude": "-72.6"}))
            .await;
        site.expect(StatusCode::CREATED);
        assert_eq!(site.json()["latitude"], 41.7);
        let id = site.json()["id"].as_str().unwrap().to_owned();
        let moved = admin
            .put_json(&format!("{locations}/{id}"), &json!({"name": "East Site", "kind": "physical", "address": "4 Elm St", "city": "Hartford"}))
            .await;
        moved.expect(StatusCode::OK);
        assert_eq!(moved.json()["address"], "4 Elm St");
        assert!(moved.json()["latitude"].is_null());
        admin.post_empty(&format!("{locations}/{id}/archive")).await.expect(StatusCode::OK);
        // An archived location is no longer a choice for a group.
        let mut group = group_json(&fx, "Elm Street Group", "skills", "in_person", fx.peer.id);
        group["location_id"] = json!(id);
        let refused = admin.post_json(&format!("/api/v1/orgs/{}/groups", fx.org), &group).await;
        refused.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.json()["errors"]["location_id"].is_string());
    })
    .await;
}

#[tokio::test]
async fn group_rules_are_enforced_at_the_field() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let admin = app.client_for(&fx.admin).await;
        let groups = format!("/api/v1/orgs/{}/groups", fx.org);
        let before = admin.get(&groups).await.json().as_array().unwrap().len();
        let cases = [
            ("therapy led by a peer specialist", "lead_facilitator_id", {
                group_json(&fx, "Therapy", "therapy", "in_person", fx.peer.id)
            }),
            ("psychoeducation led by an admin", "lead_facilitator_id", {
                group_json(
                    &fx,
                    "Psychoeducation",
                    "psychoeducation",
                    "in_person",
                    fx.admin.id,
                )
            }),
            ("lead from another organization", "lead_facilitator_id", {
                group_json(
                    &fx,
                    "Elsewhere",
                    "peer_support",
                    "in_person",
                    fx.other_admin.id,
                )
            }),
            ("capacity 0", "capacity", {
                let mut g = group_json(&fx, "Empty", "skills", "in_person", fx.peer.id);
                g["capacity"] = json!(0);
                g["min_size"] = json!("");
                g
            }),
            ("in person at the online location", "location_id", {
                let mut g = group_json(&fx, "Nowhere", "skills", "in_person", fx.peer.id);
                g["location_id"] = json!(fx.online.to_string());
                g
            }),
            ("online at a physical site", "location_id", {
                let mut g = group_json(&fx, "Somewhere", "skills", "online", fx.peer.id);
                g["location_id"] = json!(fx.clinic.to_string());
                g
            }),
        ];
        for (what, field, body) in cases {
            let resp = admin.post_json(&groups, &body).await;
            resp.expect(StatusCode::UNPROCESSABLE_ENTITY);
            let errors = resp.json()["errors"].clone();
            assert!(errors[field].is_string(), "{what}: {errors}");
        }
        let therapy = admin
            .post_json(
                &groups,
                &group_json(&fx, "Therapy", "therapy", "in_person", fx.peer.id),
            )
            .await;
        assert_eq!(
            therapy.json()["errors"]["lead_facilitator_id"],
            "A therapy or psychoeducation group needs a clinician as its lead."
        );
        assert_eq!(
            admin.get(&groups).await.json().as_array().unwrap().len(),
            before
        );

        // A peer support group may be led by a clinician; a skills group by a peer.
        for (kind, lead) in [("peer_support", fx.clinician.id), ("skills", fx.peer.id)] {
            admin
                .post_json(&groups, &group_json(&fx, kind, kind, "hybrid", lead))
                .await
                .expect(StatusCode::CREATED);
        }
    })
    .await;
}

#[tokio::test]
async fn public_group_page_tells_visitors_who_leads_and_how_it_meets() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let visitor = app.visitor();
        let peer_page = visitor.get(&format!("/groups/{}", fx.peer_group)).await;
        peer_page.expect(StatusCode::OK);
        let text = peer_page.text();
        assert!(text.contains("Tuesday Peer Circle"));
        assert!(text.contains("Peer-led") && !text.contains("Therapist-led"));
        assert!(text.contains("Online"));
        assert!(text.contains("10 of 10 seats open"), "seats are shown");
        assert!(text.contains(&fx.peer.name), "the facilitator is named");
        assert!(
            !text.contains("peer@clinic.test"),
            "staff emails stay private"
        );

        let therapy = visitor
            .get(&format!("/groups/{}", fx.therapy_group))
            .await
            .text();
        assert!(therapy.contains("Therapist-led") && !therapy.contains("Peer-led"));
        assert!(therapy.contains("In person"));
        assert!(therapy.contains("85 Riverbend Avenue"));

        let api = visitor
            .get(&format!("/api/v1/groups/{}", fx.therapy_group))
            .await
            .json();
        assert_eq!(api["group"]["format"], "in_person");
        // Ten seats, one taken by the fixture's member.
        assert_eq!(api["seats_open"], 9);
        assert!(!api.to_string().contains("clinician@clinic.test"));
    })
    .await;
}

#[tokio::test]
async fn an_archived_group_leaves_the_public_list_and_its_page() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let admin = app.client_for(&fx.admin).await;
        let visitor = app.visitor();
        let ids = |v: serde_json::Value| -> Vec<String> {
            v.as_array()
                .unwrap()
                .iter()
                .map(|g| g["id"].as_str().unwrap().to_owned())
                .collect()
        };
        let listed = ids(visitor.get("/api/v1/groups").await.json());
        assert!(listed.contains(&fx.peer_group.to_string()));
        assert!(visitor
            .get("/")
            .await
            .text()
            .contains("Tuesday Peer Circle"));

        let path = format!("/api/v1/orgs/{}/groups/{}", fx.org, fx.peer_group);
        let archived = admin.post_empty(&format!("{path}/archive")).await;
        archived.expect(StatusCode::OK);
        assert!(archived.json()["archived_at"].is_string());

        let listed = ids(visitor.get("/api/v1/groups").await.json());
        assert!(!listed.contains(&fx.peer_group.to_string()));
        assert!(listed.contains(&fx.therapy_group.to_string()));
        assert!(!visitor
            .get("/")
            .await
            .text()
            .contains("Tuesday Peer Circle"));
        visitor
            .get(&format!("/groups/{}", fx.peer_group))
            .await
            .expect(StatusCode::NOT_FOUND);
        visitor
            .get(&format!("/api/v1/groups/{}", fx.peer_group))
            .await
            .expect(StatusCode::NOT_FOUND);
        // Staff still see it, marked archived.
        let staff_view = admin.get(&path).await;
        staff_view.expect(StatusCode::OK);
        let cards = admin
            .get(&format!("/api/v1/orgs/{}/groups", fx.org))
            .await
            .json();
        let card = cards
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == fx.peer_group.to_string())
            .unwrap();
        assert_eq!(card["archived"], true);

        // Archiving the program takes its groups off the public list too.
        let program = format!("/api/v1/orgs/{}/programs/{}/archive", fx.org, fx.program);
        admin.post_empty(&program).await.expect(StatusCode::OK);
        assert!(ids(visitor.get("/api/v1/groups").await.json()).is_empty());
    })
    .await;
}

#[tokio::test]
async fn admin_edits_a_group_and_manages_staff_through_the_api() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let admin = app.client_for(&fx.admin).await;
        let path = format!("/api/v1/orgs/{}/groups/{}", fx.org, fx.therapy_group);
        let mut body = group_json(
            &fx,
            "Evening Process Group",
            "therapy",
            "hybrid",
            fx.clinician.id,
        );
        body["capacity"] = json!("8");
        body["co_facilitator_ids"] = json!([fx.peer.id.to_string()]);
        let edited = admin.put_json(&path, &body).await;
        edited.expect(StatusCode::OK);
        assert_eq!(edited.json()["capacity"], 8);
        assert_eq!(edited.json()["facilitators"].as_array().unwrap().len(), 2);
        let public = app
            .visitor()
            .get(&format!("/groups/{}", fx.therapy_group))
            .await
            .text();
        assert!(public.contains("7 of 8 seats open"));
        assert!(public.contains("Sam Peer"));

        let staff = format!("/api/v1/orgs/{}/staff", fx.org);
        let newcomer = app.account("newcomer@clinic.test", "Nico Newcomer").await;
        let added = admin
            .post_json(
                &staff,
                &json!({"email": "Newcomer@clinic.test", "role": "peer_specialist"}),
            )
            .await;
        added.expect(StatusCode::CREATED);
        let nico = app.client_for(&newcomer).await;
        nico.get(&format!("/api/v1/orgs/{}", fx.org))
            .await
            .expect(StatusCode::OK);
        let unknown = admin
            .post_json(
                &staff,
                &json!({"email": "nobody@clinic.test", "role": "clinician"}),
            )
            .await;
        unknown.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(unknown.json()["errors"]["email"].is_string());
        admin
            .delete(&format!("{staff}/{}", newcomer.id))
            .await
            .expect(StatusCode::NO_CONTENT);
        let nico = app.client_for(&newcomer).await;
        nico.get(&format!("/api/v1/orgs/{}", fx.org))
            .await
            .expect(StatusCode::NOT_FOUND);
        let me = admin.delete(&format!("{staff}/{}", fx.admin.id)).await;
        me.expect(StatusCode::CONFLICT);
        // Nor may an administrator demote themselves and leave the organization without one.
        let admin_email = admin.get("/api/v1/me").await.json()["email"]
            .as_str()
            .unwrap()
            .to_owned();
        let demoted = admin
            .post_json(&staff, &json!({"email": admin_email, "role": "clinician"}))
            .await;
        demoted.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(demoted.json()["errors"]["role"].is_string());
        let roles = admin.get("/api/v1/me").await.json()["roles"].clone();
        assert_eq!(
            roles[0]["role"], "org_admin",
            "the administrator keeps the role"
        );
    })
    .await;
}

#[tokio::test]
async fn a_programs_on_call_clinician_is_a_clinician_or_administrator_of_its_organization() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let admin = app.client_for(&fx.admin).await;
        let programs = format!("/api/v1/orgs/{}/programs", fx.org);
        let program = format!("{programs}/{}", fx.program);
        let with = |on_call: String| {
            json!({"name": "Intensive Outpatient", "level_of_care": "intensive_outpatient", "part2": true, "description": "Three evenings a week.", "on_call_id": on_call})
        };
        let clinician = fx.clinician.id.to_string();
        let set = admin.put_json(&program, &with(clinician.clone())).await;
        set.expect(StatusCode::OK);
        assert_eq!(set.json()["on_call_id"], clinician.as_str());
        let shown = admin.get(&program).await.json();
        assert_eq!(shown["on_call_id"], clinician.as_str());

        let not_staff = "The on-call clinician must be a clinician or administrator of this organization.";
        for (who, id) in [
            ("a member", fx.member.id),
            ("a peer specialist", fx.peer.id),
            ("another organization's administrator", fx.other_admin.id),
        ] {
            let refused = admin.put_json(&program, &with(id.to_string())).await;
            refused.expect(StatusCode::UNPROCESSABLE_ENTITY);
            assert_eq!(refused.json()["errors"]["on_call_id"], not_staff, "{who}");
            assert_eq!(admin.get(&program).await.json(), shown, "{who}: the program is unchanged");
        }
        let garbled = admin.put_json(&program, &with("Maya".into())).await;
        garbled.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(garbled.json()["errors"]["on_call_id"], "Choose a clinician from the list.");
        // A new program is checked the same way, and nothing is stored.
        let before = admin.get(&programs).await.json().as_array().unwrap().len();
        let mut new = with(fx.member.id.to_string());
        new["name"] = json!("Evening IOP");
        let refused = admin.post_json(&programs, &new).await;
        refused.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(refused.json()["errors"]["on_call_id"], not_staff);
        assert_eq!(admin.get(&programs).await.json().as_array().unwrap().len(), before);

        // The form offers the organization's clinicians and administrators, the current one
        // picked; the list names them.
        let form = admin.get(&format!("/orgs/{}/programs/{}/edit", fx.org, fx.program)).await;
        form.expect(StatusCode::OK);
        let page = form.text();
        assert!(page.contains("<label for=\"on_call_id\">On-call clinician (receives crisis alerts)</label>"));
        assert!(page.contains("<select id=\"on_call_id\" name=\"on_call_id\""));
        assert!(page.contains("<option value=\"\">No one yet</option>"));
        assert!(page.contains(&format!("<option value=\"{clinician}\" selected>Maya Clinician</option>")));
        assert!(page.contains(&format!("<option value=\"{}\">Dana Admin</option>", fx.admin.id)));
        for outsider in [fx.peer.id, fx.member.id, fx.other_admin.id] {
            assert!(!page.contains(&format!("value=\"{outsider}\"")), "{outsider} is not offered");
        }
        let list = admin.get(&format!("/orgs/{}/programs", fx.org)).await;
        assert!(list.text().contains("<td>Maya Clinician</td>"));
        // The form shows the refusal at the field.
        let member = fx.member.id.to_string();
        let bad = admin
            .post_form(
                &format!("/orgs/{}/programs/{}", fx.org, fx.program),
                &[("name", "Intensive Outpatient"), ("level_of_care", "intensive_outpatient"), ("on_call_id", &member)],
            )
            .await;
        bad.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(bad.field_error("on_call_id").as_deref(), Some(not_staff));

        let cleared = admin.put_json(&program, &with(String::new())).await;
        cleared.expect(StatusCode::OK);
        assert!(cleared.json()["on_call_id"].is_null());
        assert!(admin.get(&program).await.json()["on_call_id"].is_null());
        let list = admin.get(&format!("/orgs/{}/programs", fx.org)).await;
        assert!(list.text().contains("<td>No one yet</td>"));

        // Someone later taken off the staff stays set; the list says so.
        admin.put_json(&program, &with(clinician.clone())).await.expect(StatusCode::OK);
        assert!(app.store().remove_staff_role(fx.org, fx.clinician.id).await.unwrap());
        let list = admin.get(&format!("/orgs/{}/programs", fx.org)).await;
        assert!(list.text().contains("<td>No longer a clinician or administrator here</td>"));

        // The API describes the field.
        let doc = app.visitor().get("/api/openapi.json").await.json();
        let schemas = &doc["components"]["schemas"];
        assert!(schemas["Program"]["properties"]["on_call_id"].is_object());
        assert!(schemas["ProgramInput"]["properties"]["on_call_id"].is_object());
    })
    .await;
}
