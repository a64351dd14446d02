//! Requests to join, the intake queue and notifications through the real router: a
//! visitor's request with a screening attached, staff working it into a full group, bad
//! input and refused steps that change nothing, and who may see what.

use axum::http::{Method, StatusCode};
use kindred_domain::audit::AuditAction;
use serde_json::{json, Value};

use crate::support::{each_backend, group_json, Client, Fixture, TestApp, PASSWORD};

/// A rolling group of `capacity` seats in the fixture organization, led by the clinician.
async fn small_group(app: &TestApp, fx: &Fixture, name: &str, capacity: i64) -> String {
    let admin = app.client_for(&fx.admin).await;
    let mut body = group_json(fx, name, "skills", "in_person", fx.clinician.id);
    body["capacity"] = json!(capacity);
    body["min_size"] = json!(1);
    let created = admin
        .json(
            Method::POST,
            &format!("/api/v1/orgs/{}/groups", fx.org),
            Some(&body),
        )
        .await;
    created.expect(StatusCode::CREATED);
    created.json()["id"].as_str().unwrap().to_owned()
}

async fn notes(client: &Client<'_>, unread: bool) -> Vec<Value> {
    let resp = client
        .get(&format!("/api/v1/me/notifications?unread={unread}"))
        .await;
    resp.expect(StatusCode::OK);
    resp.json().as_array().unwrap().clone()
}

/// A complete screen, every answer at its least concern, then `set` over it.
fn screening(set: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = kindred_domain::instruments::ALL
        .iter()
        .flat_map(|i| {
            i.items.iter().map(move |item| {
                (
                    format!("{}.{}", i.code, item.code),
                    item.options[0].code.to_owned(),
                )
            })
        })
        .chain(
            kindred_domain::screening::QUESTIONS
                .iter()
                .map(|q| (q.code.to_owned(), q.options[0].code.to_owned())),
        )
        .collect();
    for (key, value) in set {
        if let Some(entry) = all.iter_mut().find(|(k, _)| k == key) {
            entry.1 = (*value).to_owned();
        }
    }
    all
}

fn pairs(answers: &[(String, String)]) -> Vec<(&str, &str)> {
    answers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

fn texts(notes: &[Value]) -> Vec<String> {
    notes
        .iter()
        .map(|n| n["text"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_visitor_asks_with_a_screening_and_staff_accept_into_a_full_group() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let group = small_group(&app, &fx, "Evening Skills Group", 1).await;
        // Someone takes the only seat.
        let first = app.account("first@example.org", "First").await;
        app.client_for(&first)
            .await
            .post_empty(&format!("/api/v1/groups/{group}/enrollment"))
            .await
            .expect(StatusCode::CREATED);

        // The public page offers the request; the screening result page posts its answers.
        let visitor = app.visitor();
        let page = visitor.get(&format!("/groups/{group}")).await.text();
        assert!(
            page.contains(&format!("href=\"/groups/{group}/request\"")),
            "{page}"
        );
        let owned = screening(&[("phq-9.q1", "2"), ("phq-9.q9", "1"), ("gad-7.q1", "1")]);
        let answers = pairs(&owned);
        let arrived = visitor
            .post_form(&format!("/groups/{group}/request"), &answers)
            .await;
        arrived.expect(StatusCode::OK);
        let form = arrived.text();
        assert!(form.contains("Screening result attached"), "{form}");
        assert!(form.contains("name=\"phq-9.q9\" value=\"1\""), "{form}");
        assert!(form.contains("Create an account"));

        // The visitor sends the request and creates an account on the same form.
        let mut fields = vec![
            ("intent", "submit"),
            ("name", "Jo"),
            ("contact", "555-0142 after 6pm"),
            ("availability", "Weekday evenings"),
            ("keep_screening", "on"),
            ("account", "new"),
            ("email", "jo@example.org"),
            ("display_name", "Jo"),
            ("password", PASSWORD),
        ];
        fields.extend_from_slice(&answers);
        let sent = visitor
            .post_form(&format!("/groups/{group}/request"), &fields)
            .await;
        assert_eq!(
            sent.location(),
            Some("/dashboard#requests"),
            "{}",
            sent.text()
        );
        assert!(visitor.cookie().is_some(), "the visitor is signed in");
        let dashboard = visitor.get("/dashboard").await.text();
        assert!(dashboard.contains("My requests to join"), "{dashboard}");
        assert!(dashboard.contains("Evening Skills Group"));
        let mine = visitor.get("/api/v1/me/requests").await.json();
        let request = mine[0]["id"].as_str().unwrap().to_owned();
        assert_eq!(mine[0]["status"], "new");
        assert_eq!(mine[0]["screening"]["phq-9.q1"], "2");

        // Those who work the queue are told, with the group's name only; peers are not.
        let clinician = app.client_for(&fx.clinician).await;
        let admin = app.client_for(&fx.admin).await;
        let peer = app.client_for(&fx.peer).await;
        for staff in [&clinician, &admin] {
            let inbox = texts(&notes(staff, true).await);
            assert!(
                inbox.contains(&"New request to join Evening Skills Group".to_owned()),
                "{inbox:?}"
            );
            assert!(inbox
                .iter()
                .all(|t| !t.contains("Jo") && !t.contains("555")));
        }
        assert!(texts(&notes(&peer, false).await)
            .iter()
            .all(|t| !t.contains("Evening Skills Group")));
        let org_page = admin.get(&format!("/orgs/{}", fx.org)).await.text();
        // The fixture member's request to the peer group is new too.
        assert!(org_page.contains("2 new requests to join"), "{org_page}");

        // The queue and the request page, with the screening plainly labelled.
        let queue = clinician
            .get(&format!("/orgs/{}/intake?status=new", fx.org))
            .await;
        queue.expect(StatusCode::OK);
        assert!(queue.text().contains("Jo"));
        assert!(
            queue.text().contains("Attached: act first"),
            "{}",
            queue.text()
        );
        let shown = clinician
            .get(&format!("/orgs/{}/intake/{request}", fx.org))
            .await
            .text();
        assert!(
            shown.contains("Screening result, not a diagnosis"),
            "{shown}"
        );
        assert!(shown.contains("phq-9.q9") && shown.contains("555-0142 after 6pm"));
        // Assessed as the screen would: item 9 above "not at all" comes first.
        assert!(shown.contains("Act first"), "{shown}");
        assert!(shown.contains("Suggested level of care"));
        // The look is in the audit trail, about the person who asked.
        let (seq, _) = app.store().audit_head().await.unwrap().unwrap();
        let look = app
            .store()
            .audit_chain(seq - 1, 1)
            .await
            .unwrap()
            .remove(0)
            .event;
        assert_eq!(look.action, AuditAction::RequestView);
        assert_eq!(look.actor, Some(fx.clinician.id));
        assert_eq!(
            (look.object.kind, look.object.id),
            ("join_request", request.clone())
        );
        assert!(look.member.is_some());

        // Contacted, then accepted: the group is full, so the person waits.
        let step = format!("/orgs/{}/intake/{request}/transitions", fx.org);
        let contacted = clinician
            .post_form(&step, &[("action", "contacted"), ("note", "Called, spoke")])
            .await;
        assert_eq!(
            contacted.location(),
            Some(format!("/orgs/{}/intake/{request}", fx.org).as_str())
        );
        let accepted = clinician.post_form(&step, &[("action", "accept")]).await;
        assert!(accepted.status.is_redirection(), "{}", accepted.text());
        let mine = visitor
            .get(&format!("/api/v1/me/requests/{request}"))
            .await
            .json();
        assert_eq!(mine["request"]["status"], "accepted");
        assert_eq!(mine["request"]["outcome"], "waitlisted");
        let steps: Vec<_> = mine["history"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(steps, ["submitted", "contacted", "accept"]);
        assert!(
            mine["history"][1]["note"] == "",
            "staff notes stay with staff"
        );
        let place = visitor
            .get(&format!("/api/v1/groups/{group}/enrollment"))
            .await
            .json();
        assert_eq!(place["enrollment"]["status"], "waitlisted");
        assert_eq!(place["waitlist_place"], 1);

        // The person was told at each step; they mark the notices read.
        let told = notes(&visitor, true).await;
        assert_eq!(told.len(), 2, "{told:?}");
        // Both came at the same moment of the test clock: their order is not the point.
        assert!(texts(&told)
            .iter()
            .any(|t| t.contains("on the group's waitlist")));
        let dashboard = visitor.get("/dashboard").await.text();
        assert!(dashboard.contains("2 unread notifications"), "{dashboard}");
        let one = told[0]["id"].as_str().unwrap();
        visitor
            .post_form(&format!("/notifications/{one}/read"), &[])
            .await;
        assert_eq!(notes(&visitor, true).await.len(), 1);
        visitor
            .post_empty("/api/v1/me/notifications/read-all")
            .await
            .expect(StatusCode::NO_CONTENT);
        assert!(notes(&visitor, true).await.is_empty());
        assert_eq!(notes(&visitor, false).await.len(), 2);

        // Accepting again is refused, and nothing changes.
        let again = clinician
            .json(
                Method::POST,
                &format!("/api/v1/orgs/{}/intake/{request}/transitions", fx.org),
                Some(&json!({"action": "accept"})),
            )
            .await;
        again.expect(StatusCode::CONFLICT);
        assert!(again.json()["error"]
            .as_str()
            .unwrap()
            .contains("already accepted"));
        let after = clinician
            .get(&format!("/api/v1/orgs/{}/intake/{request}", fx.org))
            .await
            .json();
        assert_eq!(after["history"].as_array().unwrap().len(), 3);
        assert_eq!(notes(&visitor, false).await.len(), 2);
    })
    .await;
}

#[tokio::test]
async fn bad_input_and_refused_steps_change_nothing() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let group = fx.peer_group;
        let person = app.account("ask@example.org", "Asker").await;
        let client = app.client_for(&person).await;
        let create = format!("/api/v1/groups/{group}/requests");

        let empty = client
            .post_json(&create, &json!({"name": "Al", "contact": "  "}))
            .await;
        empty.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(empty.json()["errors"]["contact"].is_string());
        let long = client
            .post_json(
                &create,
                &json!({"name": "x".repeat(81), "contact": "555", "availability": "y".repeat(501)}),
            )
            .await;
        long.expect(StatusCode::UNPROCESSABLE_ENTITY);
        let errors = &long.json()["errors"];
        assert!(errors["name"].is_string() && errors["availability"].is_string());
        let odd = client
            .post_json(
                &create,
                &json!({"name": "Al", "contact": "555", "screening": {"Not A Key!": "1"}}),
            )
            .await;
        odd.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(client
            .get("/api/v1/me/requests")
            .await
            .json()
            .as_array()
            .unwrap()
            .is_empty());

        // One open request per group; a member already on a group's list is told so.
        let ok = json!({"name": "Al", "contact": "al@example.org"});
        client
            .post_json(&create, &ok)
            .await
            .expect(StatusCode::CREATED);
        let twice = client.post_json(&create, &ok).await;
        twice.expect(StatusCode::CONFLICT);
        assert!(twice.json()["error"]
            .as_str()
            .unwrap()
            .contains("already have an open request"));
        let member = app.client_for(&fx.member).await;
        let enrolled = member
            .post_json(
                &format!("/api/v1/groups/{}/requests", fx.therapy_group),
                &ok,
            )
            .await;
        enrolled.expect(StatusCode::CONFLICT);
        assert!(enrolled.json()["error"]
            .as_str()
            .unwrap()
            .contains("already on this group's list"));

        // A visitor's form with no contact: 422 at the field, and no account is made.
        let visitor = app.visitor();
        let page = visitor
            .post_form(
                &format!("/groups/{group}/request"),
                &[
                    ("intent", "submit"),
                    ("name", "Vi"),
                    ("contact", ""),
                    ("account", "new"),
                    ("email", "vi@example.org"),
                    ("display_name", "Vi"),
                    ("password", PASSWORD),
                ],
            )
            .await;
        page.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.field_error("contact").is_some(), "{}", page.text());
        assert!(visitor.cookie().is_none());
        let email = kindred_domain::accounts::Email::parse("vi@example.org").unwrap();
        assert!(app.store().account_by_email(&email).await.unwrap().is_none());

        // Steps: unknown actions and missing words are 422; a decided request is final.
        let clinician = app.client_for(&fx.clinician).await;
        let step = format!(
            "/api/v1/orgs/{}/intake/{}/transitions",
            fx.org, fx.member_request
        );
        for (body, field) in [
            (json!({"action": "enrol"}), "action"),
            (json!({"action": "submitted"}), "action"),
            (json!({"action": "refer", "referral": " "}), "referral"),
            (json!({"action": "decline"}), "message"),
            (
                json!({"action": "decline", "message": "m".repeat(1001)}),
                "message",
            ),
        ] {
            let refused = clinician.post_json(&step, &body).await;
            refused.expect(StatusCode::UNPROCESSABLE_ENTITY);
            assert!(refused.json()["errors"][field].is_string(), "{body}");
        }
        let declined = clinician
            .post_json(
                &step,
                &json!({"action": "decline", "message": "This group is for people in our IOP; call us about our open evening group."}),
            )
            .await;
        declined.expect(StatusCode::OK);
        assert_eq!(declined.json()["status"], "declined");
        for action in ["accept", "contacted"] {
            let late = clinician.post_json(&step, &json!({"action": action})).await;
            late.expect(StatusCode::CONFLICT);
        }
        let page_step = format!("/orgs/{}/intake/{}/transitions", fx.org, fx.member_request);
        let late_page = clinician
            .post_form(&page_step, &[("action", "refer"), ("referral", "Elsewhere")])
            .await;
        late_page.expect(StatusCode::CONFLICT);
        assert!(late_page.text().contains("already declined"));
        let history = clinician
            .get(&format!(
                "/api/v1/orgs/{}/intake/{}",
                fx.org, fx.member_request
            ))
            .await
            .json();
        assert_eq!(history["history"].as_array().unwrap().len(), 2);
        let dashboard = member.get("/dashboard").await.text();
        assert!(dashboard.contains("call us about our open evening group"), "{dashboard}");
        assert_eq!(notes(&member, false).await.len(), 1);

        // An unknown status filter is named, not an empty list.
        let filter = clinician
            .get(&format!("/api/v1/orgs/{}/intake?status=lost", fx.org))
            .await;
        filter.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(filter.json()["errors"]["status"].is_string());
        let filter_page = clinician
            .get(&format!("/orgs/{}/intake?status=lost", fx.org))
            .await;
        filter_page.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(filter_page.field_error("status").is_some());
    })
    .await;
}

#[tokio::test]
async fn requests_and_the_queue_stay_with_their_people() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let request = fx.member_request;
        let missing = uuid::Uuid::new_v4();
        let other_member = app.account("other@example.org", "Other").await;
        let other_member = app.client_for(&other_member).await;
        let other_admin = app.client_for(&fx.other_admin).await;
        let peer = app.client_for(&fx.peer).await;

        let own = format!("/api/v1/me/requests/{request}");
        let nobody = format!("/api/v1/me/requests/{missing}");
        let refused = other_member.get(&own).await;
        refused.expect(StatusCode::NOT_FOUND);
        assert_eq!(refused.body, other_member.get(&nobody).await.body);

        for staff in [&other_admin, &peer] {
            let seen = staff
                .get(&format!("/api/v1/orgs/{}/intake/{request}", fx.org))
                .await;
            seen.expect(StatusCode::NOT_FOUND);
            let none = staff
                .get(&format!("/api/v1/orgs/{}/intake/{missing}", fx.org))
                .await;
            assert_eq!(seen.body, none.body);
            staff
                .get(&format!("/orgs/{}/intake", fx.org))
                .await
                .expect(StatusCode::NOT_FOUND);
            let step = staff
                .post_json(
                    &format!("/api/v1/orgs/{}/intake/{request}/transitions", fx.org),
                    &json!({"action": "accept"}),
                )
                .await;
            step.expect(StatusCode::NOT_FOUND);
        }
        // Another organization's administrator cannot reach it through their own org either.
        other_admin
            .get(&format!("/api/v1/orgs/{}/intake/{request}", fx.other_org))
            .await
            .expect(StatusCode::NOT_FOUND);
        let clinician = app.client_for(&fx.clinician).await;
        let still = clinician
            .get(&format!("/api/v1/orgs/{}/intake/{request}", fx.org))
            .await
            .json();
        assert_eq!(still["request"]["status"], "new");

        // Someone else's notification is not found, and stays unread.
        let theirs = notes(&clinician, true).await;
        let id = theirs[0]["id"].as_str().unwrap();
        other_member
            .post_empty(&format!("/api/v1/me/notifications/{id}/read"))
            .await
            .expect(StatusCode::NOT_FOUND);
        assert_eq!(notes(&clinician, true).await.len(), theirs.len());
        // A visitor is asked to sign in.
        app.visitor()
            .get("/api/v1/me/notifications")
            .await
            .expect(StatusCode::UNAUTHORIZED);
        assert!(app.visitor().get("/notifications").await.sends_to_sign_in());
    })
    .await;
}

#[tokio::test]
async fn a_visitor_with_an_account_signs_in_on_the_form_and_the_screening_survives() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let sam = app.account("sam@example.org", "Sam").await;
        let visitor = app.visitor();
        let path = format!("/groups/{}/request", fx.therapy_group);
        let mut fields = vec![
            ("intent", "submit"),
            ("name", "Sam"),
            ("contact", "sam@example.org"),
            ("keep_screening", "on"),
            ("account", "existing"),
            ("email", "sam@example.org"),
            ("password", "not the password at all"),
        ];
        let owned = screening(&[("gad-7.q1", "3")]);
        fields.extend(pairs(&owned));
        let wrong = visitor.post_form(&path, &fields).await;
        wrong.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(wrong.field_error("email").is_some(), "{}", wrong.text());
        assert!(wrong.text().contains("name=\"gad-7.q1\" value=\"3\""));
        assert!(visitor.cookie().is_none());
        fields.retain(|(k, _)| *k != "password");
        fields.push(("password", PASSWORD));
        let sent = visitor.post_form(&path, &fields).await;
        assert_eq!(
            sent.location(),
            Some("/dashboard#requests"),
            "{}",
            sent.text()
        );
        let mine = visitor.get("/api/v1/me/requests").await.json();
        assert_eq!(mine[0]["account_id"], sam.id.to_string());
        assert_eq!(mine[0]["screening"]["gad-7.q1"], "3");
        let request = mine[0]["id"].as_str().unwrap().to_owned();

        // Referred elsewhere: the person reads where on their dashboard.
        let admin = app.client_for(&fx.admin).await;
        admin
            .post_json(
                &format!("/api/v1/orgs/{}/intake/{request}/transitions", fx.org),
                &json!({"action": "refer", "referral": "Harbor Clinic's evening IOP"}),
            )
            .await
            .expect(StatusCode::OK);
        let dashboard = visitor.get("/dashboard").await.text();
        assert!(
            dashboard.contains("Referred to: Harbor Clinic"),
            "{dashboard}"
        );
        assert!(dashboard.contains("1 unread notification"));
        let page = visitor.get("/notifications").await;
        page.expect(StatusCode::OK);
        assert!(page.text().contains("was referred elsewhere"));
        // Signed in, the group's page offers joining and asking again.
        let public = visitor.get(&format!("/groups/{}", fx.therapy_group)).await;
        public.expect(StatusCode::OK);
        assert!(public.text().contains("Request to join"));
    })
    .await;
}

#[tokio::test]
async fn staff_never_decide_their_own_request_and_the_person_sees_no_staff_ids() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let group = small_group(&app, &fx, "Staff Ask Too", 4).await;
        let clinician = app.client_for(&fx.clinician).await;
        let admin = app.client_for(&fx.admin).await;
        let asked = clinician
            .post_json(
                &format!("/api/v1/groups/{group}/requests"),
                &json!({"name": "Sam", "contact": "555-0100"}),
            )
            .await;
        asked.expect(StatusCode::CREATED);
        let request = asked.json()["id"].as_str().unwrap().to_owned();
        let step = format!("/api/v1/orgs/{}/intake/{request}/transitions", fx.org);

        // Their own request: refused with a reason, and nothing changes.
        let own = clinician
            .post_json(&step, &json!({"action": "accept"}))
            .await;
        own.expect(StatusCode::CONFLICT);
        assert!(own.json()["error"]
            .as_str()
            .unwrap()
            .contains("another clinician or administrator"));
        let seen = admin
            .get(&format!("/api/v1/orgs/{}/intake/{request}", fx.org))
            .await
            .json();
        assert_eq!(seen["request"]["status"], "new");

        // Someone else decides; the person reads the step without who took it.
        admin
            .post_json(&step, &json!({"action": "accept", "note": "staff note"}))
            .await
            .expect(StatusCode::OK);
        let mine = clinician
            .get(&format!("/api/v1/me/requests/{request}"))
            .await
            .json();
        assert_eq!(mine["request"]["status"], "accepted");
        let history = mine["history"].as_array().unwrap();
        assert_eq!(history.len(), 2);
        let accepted = &history[1];
        assert_eq!(accepted["action"], "accept");
        assert!(accepted["actor_id"].is_null(), "{accepted}");
        assert_eq!(accepted["note"], "");
    })
    .await;
}
