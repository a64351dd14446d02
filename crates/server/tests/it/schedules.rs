//! Schedules through the real router: a weekly evening group, bad input refused at the
//! field, a double booking warned about, one session cancelled and one moved, and the
//! member's calendar feed read back with an iCalendar parser across a daylight-saving change.

use axum::http::{Method, StatusCode};
use chrono::Duration;
use serde_json::{json, Value};

use crate::support::{each_backend, group_json, Client, Fixture};

async fn new_group(admin: &Client<'_>, fx: &Fixture, name: &str) -> String {
    let created = admin
        .json(
            Method::POST,
            &format!("/api/v1/orgs/{}/groups", fx.org),
            Some(&group_json(
                fx,
                name,
                "therapy",
                "in_person",
                fx.clinician.id,
            )),
        )
        .await;
    created.expect(StatusCode::CREATED);
    created.json()["id"].as_str().unwrap().to_owned()
}

/// Every VEVENT of a feed as (UID, DTSTART with its TZID, SUMMARY, STATUS).
fn events(ics: &str) -> Vec<(String, String, String, String)> {
    let unfolded = icalendar::parser::unfold(ics);
    let calendar = icalendar::parser::read_calendar(&unfolded).unwrap();
    let prop = |c: &icalendar::parser::Component, name: &str| -> String {
        c.properties
            .iter()
            .find(|p| p.name.as_str() == name)
            .map(|p| {
                let tzid = p
                    .params
                    .iter()
                    .find(|x| x.key.as_str() == "TZID")
                    .and_then(|x| x.val.as_ref().map(|v| v.as_str().to_owned()));
                match tzid {
                    Some(zone) => format!("{zone}:{}", p.val.as_str()),
                    None => p.val.as_str().to_owned(),
                }
            })
            .unwrap_or_default()
    };
    calendar
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
        .map(|c| {
            (
                prop(c, "UID"),
                prop(c, "DTSTART"),
                prop(c, "SUMMARY"),
                prop(c, "STATUS"),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_weekly_evening_group_stays_at_six_across_the_autumn_change() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        // Early October 2030: New York leaves daylight time on 3 November.
        app.advance(Duration::days(200));
        // The background pass has kept the fixture's weekly group 16 weeks ahead meanwhile.
        kindred_server::app::jobs::run_once(&app.state).await;
        let admin = app.client_for(&fx.admin).await;
        let group = new_group(&admin, &fx, "Tuesday Evening Group").await;
        let schedules = format!("/api/v1/orgs/{}/groups/{group}/schedules", fx.org);

        // Bad input: each problem at its field, nothing saved.
        let bad = admin
            .json(
                Method::POST,
                &schedules,
                Some(&json!({"days": ["tue", "someday"], "start_time": "18:00",
                    "duration_minutes": "90", "first_date": "2030-10-08",
                    "end": "until", "until_date": "2030-10-01"})),
            )
            .await;
        bad.expect(StatusCode::UNPROCESSABLE_ENTITY);
        let errors = &bad.json()["errors"];
        assert!(
            errors["days"].is_string() && errors["until_date"].is_string(),
            "{errors}"
        );
        let zero = admin
            .json(
                Method::POST,
                &schedules,
                Some(
                    &json!({"days": ["tue"], "start_time": "18:00", "duration_minutes": "90",
                    "first_date": "2030-10-08", "end": "count", "count": "0"}),
                ),
            )
            .await;
        zero.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(zero.json()["errors"]["count"].is_string());
        assert_eq!(admin.get(&schedules).await.json(), json!([]));

        // Tuesdays at 18:00 from 8 October; the clinician already leads the fixture's
        // Tuesday 18:00 group, which is a double booking to warn about, not to refuse.
        let saved = admin
            .json(
                Method::POST,
                &schedules,
                Some(
                    &json!({"days": ["tue"], "start_time": "18:00", "duration_minutes": "90",
                    "first_date": "2030-10-08", "end": "never", "room": "Room 2"}),
                ),
            )
            .await;
        saved.expect(StatusCode::CREATED);
        let warnings = saved.json()["warnings"].clone();
        assert!(
            warnings
                .as_array()
                .unwrap()
                .iter()
                .any(|w| w["kind"] == "facilitator"),
            "{warnings}"
        );
        let page = admin
            .get(&format!("/orgs/{}/groups/{group}/sessions", fx.org))
            .await
            .text();
        assert!(page.contains("Double bookings"), "{page}");

        let sessions: Value = admin
            .get(&format!("/api/v1/orgs/{}/groups/{group}/sessions", fx.org))
            .await
            .json();
        let sessions = sessions.as_array().unwrap().clone();
        assert!(
            sessions.len() >= 12,
            "at least 12 weeks ahead: {}",
            sessions.len()
        );
        let id_of = |i: usize| sessions[i]["id"].as_str().unwrap().to_owned();

        // Cancel the third (with a reason members see) and move the fourth an hour later.
        admin
            .json(
                Method::POST,
                &format!("/api/v1/orgs/{}/sessions/{}/cancel", fx.org, id_of(2)),
                Some(&json!({"reason": "Facilitator at a training"})),
            )
            .await
            .expect(StatusCode::OK);
        let moved = admin
            .json(
                Method::POST,
                &format!("/api/v1/orgs/{}/sessions/{}/move", fx.org, id_of(3)),
                Some(&json!({"date": "2030-10-29", "start_time": "19:00",
                    "duration_minutes": "90", "room": "Room 2"})),
            )
            .await;
        moved.expect(StatusCode::OK);
        assert_eq!(
            moved.json()["session"]["id"],
            id_of(3).as_str(),
            "a move keeps its id"
        );

        // A member joins, sees the cancellation, and subscribes to a neutral feed.
        let member = app.account("ida@example.org", "Ida").await;
        let ida = app.client_for(&member).await;
        ida.post_form(&format!("/groups/{group}/join"), &[]).await;
        let public = ida.get(&format!("/groups/{group}")).await.text();
        assert!(public.contains("Facilitator at a training"), "{public}");
        let feed = ida
            .json(
                Method::POST,
                "/api/v1/me/calendar-feeds",
                Some(&json!({"kind": "member", "show_group_names": false})),
            )
            .await;
        feed.expect(StatusCode::CREATED);
        let url = feed.json()["url"].as_str().unwrap().to_owned();
        let path = url
            .trim_start_matches(crate::support::PUBLIC_URL)
            .to_owned();
        let ics = app.visitor().get(&path).await;
        ics.expect(StatusCode::OK);
        assert!(ics
            .header("content-type")
            .unwrap()
            .starts_with("text/calendar"));
        let events = events(&ics.text());
        let of = |id: &str| {
            events
                .iter()
                .find(|e| e.0 == format!("{id}@kindred"))
                .cloned()
                .unwrap_or_else(|| panic!("{id} not in the feed"))
        };
        // 15 October (daylight time) and 5 November (standard time): 18:00 local both.
        assert_eq!(of(&id_of(1)).1, "America/New_York:20301015T180000");
        assert_eq!(of(&id_of(4)).1, "America/New_York:20301105T180000");
        assert_eq!(of(&id_of(2)).3, "CANCELLED");
        assert_eq!(of(&id_of(3)).1, "America/New_York:20301029T190000");
        assert!(
            events.iter().all(|e| e.2 == "Group session"),
            "neutral titles"
        );
        assert!(!ics.text().contains("Tuesday Evening Group"));

        // A new address revokes the old one; this one names the group.
        let again = ida
            .json(
                Method::POST,
                "/api/v1/me/calendar-feeds",
                Some(&json!({"kind": "member", "show_group_names": true})),
            )
            .await;
        let new_url = again.json()["url"].as_str().unwrap().to_owned();
        app.visitor().get(&path).await.expect(StatusCode::NOT_FOUND);
        let named = app
            .visitor()
            .get(new_url.trim_start_matches(crate::support::PUBLIC_URL))
            .await
            .text();
        assert!(named.contains("SUMMARY:Tuesday Evening Group"), "{named}");
    })
    .await;
}
