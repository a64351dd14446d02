//! Joining, the waitlist and the roster through the real router: the page a member uses,
//! the API a program uses, and the roster staff act on.

use axum::http::{Method, StatusCode};
use serde_json::json;

use crate::support::{each_backend, group_json};

#[tokio::test]
async fn a_freed_seat_goes_to_the_first_person_waiting() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let admin = app.client_for(&fx.admin).await;
        // A group of two seats: the fixture member is not in it.
        let mut body = group_json(
            &fx,
            "Small Skills Group",
            "skills",
            "in_person",
            fx.clinician.id,
        );
        body["capacity"] = json!(2);
        body["min_size"] = json!(1);
        let created = admin
            .json(
                Method::POST,
                &format!("/api/v1/orgs/{}/groups", fx.org),
                Some(&body),
            )
            .await;
        created.expect(StatusCode::CREATED);
        let group = created.json()["id"].as_str().unwrap().to_owned();

        let mut people = Vec::new();
        for (i, name) in ["Ana", "Ben", "Cy", "Dee"].iter().enumerate() {
            let p = app.account(&format!("p{i}@example.org"), name).await;
            people.push(app.client_for(&p).await);
        }
        // Ana and Ben join on the page; Cy and Dee find it full and join the waitlist.
        for client in &people {
            let page = client.get(&format!("/groups/{group}")).await.text();
            assert!(page.contains("Join"), "{page}");
            let joined = client
                .post_form(&format!("/groups/{group}/join"), &[])
                .await;
            assert_eq!(joined.location(), Some(format!("/groups/{group}").as_str()));
        }
        let cy_page = people[2].get(&format!("/groups/{group}")).await.text();
        assert!(
            cy_page.contains("You are on the waitlist, number 1 in line"),
            "{cy_page}"
        );
        let dee = people[3]
            .get(&format!("/api/v1/groups/{group}/enrollment"))
            .await
            .json();
        assert_eq!(dee["enrollment"]["status"], "waitlisted");
        assert_eq!(dee["waitlist_place"], 2);

        // Joining again is refused in plain words and changes nothing.
        let again = people[0]
            .post_form(&format!("/groups/{group}/join"), &[])
            .await;
        again.expect(StatusCode::CONFLICT);
        assert!(again.text().contains("already on this group"));

        // Staff move Dee ahead of Cy, giving a reason; without one nothing moves.
        let roster_path = format!("/orgs/{}/groups/{group}/roster", fx.org);
        let roster = admin
            .get(&format!(
                "/api{}",
                roster_path.replacen("/orgs", "/v1/orgs", 1)
            ))
            .await
            .json();
        let waitlist: Vec<_> = roster["roster"]["entries"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["enrollment"]["status"] == "waitlisted")
            .collect();
        let dee_id = waitlist
            .iter()
            .find(|e| e["display_name"] == "Dee")
            .unwrap()["enrollment"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let unexplained = admin
            .post_form(
                &format!("{roster_path}/reorder"),
                &[
                    ("enrollment_id", &dee_id),
                    ("position", "1"),
                    ("reason", ""),
                ],
            )
            .await;
        unexplained.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(unexplained.text().contains("Say why the order changes"));
        let moved = admin
            .post_form(
                &format!("{roster_path}/reorder"),
                &[
                    ("enrollment_id", &dee_id),
                    ("position", "1"),
                    ("reason", "Discharged from inpatient care today"),
                ],
            )
            .await;
        assert!(moved.status.is_redirection(), "{}", moved.status);

        // Ana leaves: Dee, now first in line, gets the seat at once; Cy still waits.
        people[0]
            .post_form(&format!("/groups/{group}/leave"), &[])
            .await;
        let dee_page = people[3].get(&format!("/groups/{group}")).await.text();
        assert!(
            dee_page.contains("You are a member of this group"),
            "{dee_page}"
        );
        let cy_page = people[2].get(&format!("/groups/{group}")).await.text();
        assert!(cy_page.contains("number 1 in line"), "{cy_page}");

        // Dee's history keeps every step, with the staff reason.
        let history = people[3]
            .get(&format!("/api/v1/enrollments/{dee_id}/history"))
            .await
            .json();
        let actions: Vec<_> = history
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(actions, ["waitlisted", "reordered", "promoted"]);
        assert_eq!(history[1]["reason"], "Discharged from inpatient care today");

        // The roster page shows it to staff.
        let page = admin.get(&roster_path).await.text();
        assert!(page.contains("Dee") && page.contains("Ben") && page.contains("Cy"));

        // Capacity cannot go below the active members.
        let mut smaller = body.clone();
        smaller["capacity"] = json!(1);
        let refused = admin
            .json(
                Method::PUT,
                &format!("/api/v1/orgs/{}/groups/{group}", fx.org),
                Some(&smaller),
            )
            .await;
        refused.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.json()["errors"]["capacity"]
            .as_str()
            .unwrap()
            .contains("2 members are active"));
        // More seats: Cy gets one at once.
        let mut larger = body.clone();
        larger["capacity"] = json!(3);
        admin
            .json(
                Method::PUT,
                &format!("/api/v1/orgs/{}/groups/{group}", fx.org),
                Some(&larger),
            )
            .await
            .expect(StatusCode::OK);
        let cy = people[2]
            .get(&format!("/api/v1/groups/{group}/enrollment"))
            .await
            .json();
        assert_eq!(cy["enrollment"]["status"], "active");
    })
    .await;
}

#[tokio::test]
async fn an_offered_seat_is_held_then_taken_through_the_api() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let admin = app.client_for(&fx.admin).await;
        let mut body = group_json(&fx, "Offer Group", "therapy", "in_person", fx.clinician.id);
        body["capacity"] = json!(1);
        body["min_size"] = json!(1);
        body["offer_hours"] = json!(48);
        let created = admin
            .json(
                Method::POST,
                &format!("/api/v1/orgs/{}/groups", fx.org),
                Some(&body),
            )
            .await;
        let group = created.json()["id"].as_str().unwrap().to_owned();
        let a = app
            .client_for(&app.account("a@example.org", "Ava").await)
            .await;
        let bo = app.account("b@example.org", "Bo").await;
        let b = app.client_for(&bo).await;
        let path = format!("/api/v1/groups/{group}/enrollment");
        a.json(Method::POST, &path, None)
            .await
            .expect(StatusCode::CREATED);
        let waiting = b.json(Method::POST, &path, None).await;
        waiting.expect(StatusCode::CREATED);
        assert_eq!(waiting.json()["status"], "waitlisted");
        let cal = app.account("c@example.org", "Cal").await;
        let c = app.client_for(&cal).await;
        c.json(Method::POST, &path, None)
            .await
            .expect(StatusCode::CREATED);
        // Nothing to accept yet.
        b.json(Method::POST, &format!("{path}/accept-offer"), None)
            .await
            .expect(StatusCode::CONFLICT);
        a.json(Method::DELETE, &path, None)
            .await
            .expect(StatusCode::NO_CONTENT);
        let place = b.get(&path).await.json();
        assert_eq!(place["offer_open"], true);
        let page = b.get(&format!("/groups/{group}")).await.text();
        assert!(page.contains("A seat is being held for you"), "{page}");
        assert!(b
            .get("/dashboard")
            .await
            .text()
            .contains("A seat is held for you"));

        // Bo lets the 48 hours pass: the background pass offers the seat to Cal, and Bo
        // goes back in the queue behind them.
        app.advance(chrono::Duration::hours(49));
        kindred_server::app::jobs::run_once(&app.state).await;
        // Two days on, both sign in again.
        let (b, c) = (app.client_for(&bo).await, app.client_for(&cal).await);
        let bo = b.get(&path).await.json();
        assert_eq!(bo["offer_open"], false);
        assert_eq!(bo["waitlist_place"], 2);
        b.json(Method::POST, &format!("{path}/accept-offer"), None)
            .await
            .expect(StatusCode::CONFLICT);
        assert_eq!(c.get(&path).await.json()["offer_open"], true);
        c.json(Method::POST, &format!("{path}/accept-offer"), None)
            .await
            .expect(StatusCode::NO_CONTENT);
        assert_eq!(c.get(&path).await.json()["enrollment"]["status"], "active");
    })
    .await;
}
