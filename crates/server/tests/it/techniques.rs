//! The technique library and session plans through the real router: the built-in plans,
//! an organization's own plans (bad input, read-only built-ins, copies), plans attached to a
//! session and shown on its page in order, and who may see and change what.

use axum::http::StatusCode;
use kindred_domain::sessions::{GroupSession, SessionStatus};
use kindred_domain::techniques::builtins::{
    BODY_SCAN, CHECK_IN, REFUSING_A_DRINK, STRESS_AND_THE_BODY,
};
use serde_json::{json, Value};

use crate::support::{each_backend, technique_input, technique_json, Client, Fixture, TestApp};

async fn library(client: &Client<'_>, fx: &Fixture) -> Vec<Value> {
    let resp = client
        .get(&format!("/api/v1/orgs/{}/techniques", fx.org))
        .await;
    resp.expect(StatusCode::OK);
    resp.json().as_array().unwrap().clone()
}

async fn plan_titles(client: &Client<'_>, fx: &Fixture, session: &str) -> Vec<String> {
    let resp = client
        .get(&format!("/api/v1/orgs/{}/sessions/{session}/plan", fx.org))
        .await;
    resp.expect(StatusCode::OK);
    resp.json()
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["snapshot"]["title"].as_str().unwrap().to_owned())
        .collect()
}

/// A session of the peer group (led by the peer specialist), tomorrow.
async fn peer_session(app: &TestApp, fx: &Fixture) -> String {
    let starts_at = app.state.now() + chrono::Duration::days(1);
    let session = GroupSession {
        id: kindred_domain::ids::SessionId::new(),
        group_id: fx.peer_group,
        starts_at,
        ends_at: starts_at + chrono::Duration::minutes(60),
        status: SessionStatus::Scheduled,
        cancel_reason: String::new(),
        schedule_id: None,
        occurrence_date: None,
        moved: false,
        room: String::new(),
    };
    app.store().insert_session(session.clone()).await.unwrap();
    session.id.to_string()
}

/// Where `needle` first appears in `page`; fails when it does not.
fn at(page: &str, needle: &str) -> usize {
    page.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is not on the page"))
}

#[tokio::test]
async fn the_library_lists_the_built_in_plans_and_shows_one_in_full() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let clinician = app.client_for(&fx.clinician).await;
        let plans = library(&clinician, &fx).await;
        let built_in = plans.iter().filter(|p| p["org_id"].is_null()).count();
        assert!(built_in >= 12, "{built_in} built-in plans");
        assert!(plans
            .iter()
            .any(|p| p["id"] == fx.technique.to_string() && p["org_id"] == fx.org.to_string()));

        // The page groups the library by kind, with a link per plan.
        let page = clinician.get(&format!("/orgs/{}/techniques", fx.org)).await;
        page.expect(StatusCode::OK);
        let html = page.text();
        for heading in [
            "Psychoeducation",
            "Role-play",
            "Guided visualization",
            "Check-out round",
        ] {
            assert!(html.contains(&format!(">{heading}</h2>")), "{heading}");
        }
        assert!(html.contains(&format!(
            "href=\"/orgs/{}/techniques/{REFUSING_A_DRINK}\"",
            fx.org
        )));
        assert!(html.contains("href=\"/orgs/") && html.contains("/techniques/new\""));

        // A guided visualization shows its script with minutes and seconds.
        let scan = clinician
            .get(&format!("/orgs/{}/techniques/{BODY_SCAN}", fx.org))
            .await;
        scan.expect(StatusCode::OK);
        let html = scan.text();
        assert!(html.contains("<h1>Body scan</h1>"));
        assert!(
            html.contains("Script in timed steps (15:30 in all)"),
            "{html}"
        );
        assert!(html.contains("</span>1:15</span> Notice your belly"));
        assert!(html.contains("Response to the intervention"));
        assert!(html.contains("Make an editable copy"));
        assert!(!html.contains("Edit this plan"));

        // The organization's dashboard links to the library.
        let dashboard = clinician.get(&format!("/orgs/{}", fx.org)).await.text();
        assert!(dashboard.contains(&format!("href=\"/orgs/{}/techniques\"", fx.org)));
    })
    .await;
}

#[tokio::test]
async fn bad_input_is_refused_naming_each_field_and_nothing_is_stored() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let clinician = app.client_for(&fx.clinician).await;
        let before = library(&clinician, &fx).await.len();
        let bad = json!({
            "title": "",
            "kind": "hypnosis",
            "purpose": "Relax.",
            "minutes": 500,
            "sections": "An item before any heading",
            "steps": "ten Breathe",
            "response_prompt": "",
        });
        let resp = clinician
            .post_json(&format!("/api/v1/orgs/{}/techniques", fx.org), &bad)
            .await;
        resp.expect(StatusCode::UNPROCESSABLE_ENTITY);
        let errors = &resp.json()["errors"];
        for field in [
            "title",
            "kind",
            "minutes",
            "sections",
            "steps",
            "response_prompt",
        ] {
            assert!(errors[field].is_string(), "{field}: {errors}");
        }
        assert!(errors["sections"]
            .as_str()
            .unwrap()
            .starts_with("Line 1: start with a heading"));
        assert!(errors["purpose"].is_null());

        // A visualization without its script, on the form.
        let form = technique_input("Quiet garden");
        let page = clinician
            .post_form(
                &format!("/orgs/{}/techniques", fx.org),
                &[
                    ("title", form.title.as_str()),
                    ("kind", "guided_visualization"),
                    ("purpose", form.purpose.as_str()),
                    ("minutes", "0"),
                    ("sections", form.sections.as_str()),
                    ("steps", ""),
                    ("response_prompt", form.response_prompt.as_str()),
                ],
            )
            .await;
        page.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page
            .field_error("steps")
            .unwrap()
            .starts_with("A guided visualization needs its script"));
        assert_eq!(
            page.field_error("minutes").as_deref(),
            Some("Enter the minutes as a whole number from 1 to 240.")
        );
        assert!(page.text().contains("value=\"Quiet garden\""));
        assert_eq!(library(&clinician, &fx).await.len(), before);
    })
    .await;
}

#[tokio::test]
async fn built_in_plans_are_read_only_and_a_copy_can_be_edited() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let clinician = app.client_for(&fx.clinician).await;
        let builtin_url = format!("/api/v1/orgs/{}/techniques/{STRESS_AND_THE_BODY}", fx.org);
        let refused = clinician
            .put_json(&builtin_url, &technique_json("Mine now"))
            .await;
        refused.expect(StatusCode::CONFLICT);
        assert!(refused.json()["error"]
            .as_str()
            .unwrap()
            .contains("Make an editable copy"));
        clinician
            .get(&format!(
                "/orgs/{}/techniques/{STRESS_AND_THE_BODY}/edit",
                fx.org
            ))
            .await
            .expect(StatusCode::CONFLICT);
        let archive = clinician
            .post_empty(&format!("{builtin_url}/archive"))
            .await;
        archive.expect(StatusCode::CONFLICT);

        // Copying on the page opens the copy's form; saving it changes the copy only.
        let copied = clinician
            .post_form(
                &format!("/orgs/{}/techniques/{STRESS_AND_THE_BODY}/copy", fx.org),
                &[],
            )
            .await;
        let edit = copied.location().unwrap().to_owned();
        assert!(edit.ends_with("/edit"), "{edit}");
        let form = clinician.get(&edit).await;
        form.expect(StatusCode::OK);
        let html = form.text();
        assert!(html.contains("value=\"Stress and the body (copy)\""));
        assert!(html.contains("# Key points\n- The stress response gets the body ready"));
        let copy_url = edit.trim_end_matches("/edit").to_owned();
        let mut fields = technique_input("Stress at work");
        fields.kind = "psychoeducation".into();
        let saved = clinician
            .post_form(
                &copy_url,
                &[
                    ("title", fields.title.as_str()),
                    ("kind", fields.kind.as_str()),
                    ("purpose", fields.purpose.as_str()),
                    ("minutes", "40"),
                    ("sections", fields.sections.as_str()),
                    ("steps", ""),
                    ("response_prompt", fields.response_prompt.as_str()),
                ],
            )
            .await;
        assert_eq!(saved.location(), Some(copy_url.as_str()));
        let shown = clinician.get(&copy_url).await.text();
        assert!(shown.contains("<h1>Stress at work</h1>"));
        assert!(shown.contains("Edit this plan"));
        let original = clinician.get(&builtin_url).await.json();
        assert_eq!(original["title"], "Stress and the body");

        // The API copies too, into a plan of the organization.
        let api_copy = clinician.post_empty(&format!("{builtin_url}/copy")).await;
        api_copy.expect(StatusCode::CREATED);
        assert_eq!(api_copy.json()["org_id"], fx.org.to_string());

        // Archiving takes an own plan out of the list unless asked for.
        let own = format!("/api/v1/orgs/{}/techniques/{}", fx.org, fx.technique);
        clinician
            .post_empty(&format!("{own}/archive"))
            .await
            .expect(StatusCode::OK);
        let listed = library(&clinician, &fx).await;
        assert!(!listed.iter().any(|p| p["id"] == fx.technique.to_string()));
        let all = clinician
            .get(&format!("/api/v1/orgs/{}/techniques?archived=true", fx.org))
            .await
            .json();
        assert!(all
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["id"] == fx.technique.to_string() && p["archived"] == true));
    })
    .await;
}

#[tokio::test]
async fn a_facilitator_attaches_plans_and_sees_them_on_the_session_page_in_order() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let clinician = app.client_for(&fx.clinician).await;
        let session = fx.session.to_string();
        let page_url = format!("/orgs/{}/sessions/{session}", fx.org);
        let attach_url = format!("/orgs/{}/sessions/{session}/plan", fx.org);

        // The empty plan offers the library to choose from, above the attendance sheet.
        let empty = clinician.get(&page_url).await;
        empty.expect(StatusCode::OK);
        let html = empty.text();
        assert!(at(&html, "Session plan") < at(&html, "id=\"attendance-heading\""));
        assert!(html.contains(&format!("<option value=\"{CHECK_IN}\">")));

        for technique in [CHECK_IN.to_string(), fx.technique.to_string()] {
            let added = clinician
                .post_form(&attach_url, &[("technique_id", technique.as_str())])
                .await;
            assert_eq!(
                added.location(),
                Some(format!("{page_url}#session-plan").as_str()),
                "{}",
                added.text()
            );
        }
        let html = clinician.get(&page_url).await.text();
        let first = at(&html, "<summary>Opening check-in round");
        let second = at(&html, "<summary>Routines");
        assert!(first < second);
        assert!(html[first..].contains("Response to the intervention"));
        assert!(at(&html, "</details>") > first);

        // Editing the library plan later leaves the session's snapshot as it was.
        clinician
            .put_json(
                &format!("/api/v1/orgs/{}/techniques/{}", fx.org, fx.technique),
                &technique_json("Routines, revised"),
            )
            .await
            .expect(StatusCode::OK);
        assert_eq!(
            plan_titles(&clinician, &fx, &session).await,
            ["Opening check-in round", "Routines"]
        );

        // Move the second one up, on the page.
        let items = clinician
            .get(&format!("/api/v1/orgs/{}/sessions/{session}/plan", fx.org))
            .await
            .json();
        let routines = items[1]["id"].as_str().unwrap().to_owned();
        let moved = clinician
            .post_form(
                &format!("{attach_url}/{routines}/move"),
                &[("direction", "up")],
            )
            .await;
        assert!(moved.status.is_redirection(), "{}", moved.status);
        let html = clinician.get(&page_url).await.text();
        assert!(at(&html, "<summary>Routines") < at(&html, "<summary>Opening check-in round"));

        // Remove one through the API, the other on the page.
        clinician
            .delete(&format!(
                "/api/v1/orgs/{}/sessions/{session}/plan/{routines}",
                fx.org
            ))
            .await
            .expect(StatusCode::NO_CONTENT);
        assert_eq!(
            plan_titles(&clinician, &fx, &session).await,
            ["Opening check-in round"]
        );
        let check_in = clinician
            .get(&format!("/api/v1/orgs/{}/sessions/{session}/plan", fx.org))
            .await
            .json()[0]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let removed = clinician
            .post_form(&format!("{attach_url}/{check_in}/remove"), &[])
            .await;
        assert!(removed.status.is_redirection());
        assert!(plan_titles(&clinician, &fx, &session).await.is_empty());
        clinician
            .delete(&format!(
                "/api/v1/orgs/{}/sessions/{session}/plan/{routines}",
                fx.org
            ))
            .await
            .expect(StatusCode::NOT_FOUND);

        // An unknown plan is named at the field.
        let unknown = clinician
            .post_form(
                &attach_url,
                &[("technique_id", fx.session.to_string().as_str())],
            )
            .await;
        unknown.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            unknown.field_error("technique_id").as_deref(),
            Some("Choose a plan from the library.")
        );
    })
    .await;
}

#[tokio::test]
async fn a_cancelled_session_takes_no_plan() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let clinician = app.client_for(&fx.clinician).await;
        let session = fx.session.to_string();
        clinician
            .post_json(
                &format!("/api/v1/orgs/{}/sessions/{session}/cancel", fx.org),
                &json!({"reason": "The clinic is closed for snow"}),
            )
            .await
            .expect(StatusCode::OK);
        let api = clinician
            .post_json(
                &format!("/api/v1/orgs/{}/sessions/{session}/plan", fx.org),
                &json!({"technique_id": CHECK_IN.to_string()}),
            )
            .await;
        api.expect(StatusCode::CONFLICT);
        assert!(api.json()["error"]
            .as_str()
            .unwrap()
            .starts_with("This session is cancelled"));
        let page = clinician
            .post_form(
                &format!("/orgs/{}/sessions/{session}/plan", fx.org),
                &[("technique_id", CHECK_IN.to_string().as_str())],
            )
            .await;
        page.expect(StatusCode::CONFLICT);
        assert!(page
            .text()
            .contains("This session is cancelled, so it takes no plan."));
        assert!(plan_titles(&clinician, &fx, &session).await.is_empty());
    })
    .await;
}

#[tokio::test]
async fn others_get_not_found_and_a_peer_specialist_plans_only_their_own_group() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let library_url = format!("/api/v1/orgs/{}/techniques", fx.org);
        let own_url = format!("{library_url}/{}", fx.technique);
        let therapy_plan = format!("/api/v1/orgs/{}/sessions/{}/plan", fx.org, fx.session);
        for person in [&fx.other_admin, &fx.member] {
            let client = app.client_for(person).await;
            client.get(&library_url).await.expect(StatusCode::NOT_FOUND);
            client.get(&own_url).await.expect(StatusCode::NOT_FOUND);
            client
                .get(&format!("/orgs/{}/techniques", fx.org))
                .await
                .expect(StatusCode::NOT_FOUND);
            client
                .get(&therapy_plan)
                .await
                .expect(StatusCode::NOT_FOUND);
            client
                .post_json(
                    &therapy_plan,
                    &json!({"technique_id": CHECK_IN.to_string()}),
                )
                .await
                .expect(StatusCode::NOT_FOUND);
        }
        // Another organization's administrator does not find the plan through their own
        // organization either.
        let other = app.client_for(&fx.other_admin).await;
        other
            .get(&format!(
                "/api/v1/orgs/{}/techniques/{}",
                fx.other_org, fx.technique
            ))
            .await
            .expect(StatusCode::NOT_FOUND);
        other
            .post_empty(&format!(
                "/api/v1/orgs/{}/techniques/{}/copy",
                fx.other_org, fx.technique
            ))
            .await
            .expect(StatusCode::NOT_FOUND);

        // The peer specialist reads the library but adds no plans to it.
        let peer = app.client_for(&fx.peer).await;
        assert!(library(&peer, &fx).await.len() >= 13);
        let page = peer
            .get(&format!("/orgs/{}/techniques/{}", fx.org, fx.technique))
            .await;
        page.expect(StatusCode::OK);
        assert!(!page.text().contains("Make an editable copy"));
        peer.post_json(&library_url, &technique_json("Peer plan"))
            .await
            .expect(StatusCode::NOT_FOUND);
        peer.put_json(&own_url, &technique_json("Peer edit"))
            .await
            .expect(StatusCode::NOT_FOUND);
        peer.post_empty(&format!("{own_url}/copy"))
            .await
            .expect(StatusCode::NOT_FOUND);
        peer.get(&format!("/orgs/{}/techniques/new", fx.org))
            .await
            .expect(StatusCode::NOT_FOUND);

        // They plan their own group's session, not the therapy group's.
        let session = peer_session(&app, &fx).await;
        let attached = peer
            .post_json(
                &format!("/api/v1/orgs/{}/sessions/{session}/plan", fx.org),
                &json!({"technique_id": CHECK_IN.to_string()}),
            )
            .await;
        attached.expect(StatusCode::CREATED);
        assert_eq!(
            attached.json()["snapshot"]["title"],
            "Opening check-in round"
        );
        let html = peer
            .get(&format!("/orgs/{}/sessions/{session}", fx.org))
            .await
            .text();
        assert!(html.contains("<summary>Opening check-in round"));
        peer.post_json(
            &therapy_plan,
            &json!({"technique_id": CHECK_IN.to_string()}),
        )
        .await
        .expect(StatusCode::NOT_FOUND);
        // The therapy group's session page shows them no plan.
        let therapy_page = peer
            .get(&format!("/orgs/{}/sessions/{}", fx.org, fx.session))
            .await;
        therapy_page.expect(StatusCode::OK);
        assert!(!therapy_page.text().contains("Session plan"));
    })
    .await;
}
