//! The Meeting Guide feed: peer support groups as meeting-finder apps read them.

use axum::http::StatusCode;
use kindred_domain::groups::{archive_group, create_group, GroupInput};
use kindred_domain::schedules::{create_schedule, ScheduleInput};
use serde_json::Value;

use crate::support::{each_backend, group_json, PUBLIC_URL};

#[tokio::test]
async fn feed_lists_peer_support_groups_per_meeting_day() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let admin = app.actor(&fx.admin).await;
        let now = app.state.now();
        let store = app.store();
        let first_date = now.date_naive().to_string();
        let weekly = |days: &[&str], start: &str| ScheduleInput {
            days: days.iter().map(|d| (*d).to_owned()).collect(),
            start_time: start.into(),
            duration_minutes: "90".into(),
            first_date: first_date.clone(),
            ..ScheduleInput::default()
        };
        // The fixture's online peer circle meets on Tuesdays and Sundays at 19:30.
        create_schedule(
            store,
            &admin,
            fx.org,
            fx.peer_group,
            &weekly(&["tue", "sun"], "19:30"),
            now,
        )
        .await
        .unwrap();
        // An in-person peer group at the clinic, on Wednesdays.
        let mut body = group_json(
            &fx,
            "Wednesday Recovery Circle",
            "peer_support",
            "in_person",
            fx.peer.id,
        );
        body["audiences"] = serde_json::json!(["women", "adults"]);
        body["focus_areas"] = serde_json::json!(["co_occurring"]);
        let input: GroupInput = serde_json::from_value(body).unwrap();
        let in_person = create_group(store, &admin, now, fx.org, &input)
            .await
            .unwrap()
            .id;
        create_schedule(
            store,
            &admin,
            fx.org,
            in_person,
            &weekly(&["wed"], "10:00"),
            now,
        )
        .await
        .unwrap();
        // An archived peer group is left out, as is the therapy group (it has a schedule).
        let input: GroupInput = serde_json::from_value(group_json(
            &fx,
            "Old Circle",
            "peer_support",
            "online",
            fx.peer.id,
        ))
        .unwrap();
        let old = create_group(store, &admin, now, fx.org, &input)
            .await
            .unwrap()
            .id;
        create_schedule(store, &admin, fx.org, old, &weekly(&["mon"], "12:00"), now)
            .await
            .unwrap();
        archive_group(store, &admin, now, fx.org, old)
            .await
            .unwrap();

        let resp = app.visitor().get("/api/v1/meeting-guide.json").await;
        resp.expect(StatusCode::OK);
        assert!(resp
            .header("content-type")
            .unwrap()
            .starts_with("application/json"));
        let body = resp.json();
        let entries = body.as_array().unwrap();
        let names: Vec<(&str, i64)> = entries
            .iter()
            .map(|e| (e["name"].as_str().unwrap(), e["day"].as_i64().unwrap()))
            .collect();
        assert_eq!(
            names,
            [
                ("Tuesday Peer Circle", 2),
                ("Tuesday Peer Circle", 0),
                ("Wednesday Recovery Circle", 3)
            ]
        );

        let online = &entries[0];
        let group_url = format!("{PUBLIC_URL}/groups/{}", fx.peer_group);
        assert_eq!(online["time"], "19:30");
        assert_eq!(online["end_time"], "21:00");
        assert_eq!(online["timezone"], "America/New_York");
        assert_eq!(online["url"], group_url.as_str());
        assert_eq!(online["conference_url"], group_url.as_str());
        assert_eq!(online["types"], serde_json::json!(["ONL", "EN"]));
        assert_eq!(online["entity"], fx.org_name.as_str());
        assert!(online.get("formatted_address").is_none());
        assert!(online["slug"].as_str().unwrap().ends_with("-tue"));
        assert_ne!(online["slug"], entries[1]["slug"]);
        assert_updated(online);

        let in_person = &entries[2];
        assert_eq!(in_person["time"], "10:00");
        assert_eq!(in_person["end_time"], "11:30");
        assert_eq!(
            in_person["formatted_address"],
            "85 Riverbend Avenue, Hartford, 06106"
        );
        assert_eq!(in_person["address"], "85 Riverbend Avenue");
        assert_eq!(in_person["city"], "Hartford");
        assert_eq!(in_person["postal_code"], "06106");
        assert_eq!(in_person["location"], "Main Clinic");
        assert_eq!(in_person["latitude"], 41.758);
        assert_eq!(in_person["longitude"], -72.679);
        assert_eq!(in_person["types"], serde_json::json!(["EN", "W", "DD"]));
        assert!(in_person.get("conference_url").is_none());
        assert_eq!(
            in_person["notes"],
            "We meet to practise skills and support each other."
        );
        assert_updated(in_person);
    })
    .await;
}

#[tokio::test]
async fn feed_is_empty_without_peer_meetings() {
    each_backend(|app| async move {
        let resp = app.visitor().get("/api/v1/meeting-guide.json").await;
        resp.expect(StatusCode::OK);
        assert_eq!(resp.json(), serde_json::json!([]));
    })
    .await;
}

fn assert_updated(entry: &Value) {
    let updated = entry["updated"].as_str().unwrap();
    assert!(
        chrono::NaiveDateTime::parse_from_str(updated, "%Y-%m-%d %H:%M:%S").is_ok(),
        "{updated}"
    );
}
