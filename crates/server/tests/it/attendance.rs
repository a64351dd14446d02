//! Attendance through the real router: the facilitator marks a session in one step, the
//! marks lock after seven days, an administrator corrects with a reason, and the reports
//! and billing export read what was marked.

use axum::http::{Method, StatusCode};
use chrono::Duration;

use crate::support::each_backend;

#[tokio::test]
async fn a_session_is_marked_locked_corrected_and_reported() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let ben = app.account("ben@example.org", "Ben Late").await;
        let ben_client = app.client_for(&ben).await;
        ben_client
            .post_form(&format!("/groups/{}/join", fx.therapy_group), &[])
            .await;
        let sheet = format!("/orgs/{}/sessions/{}", fx.org, fx.session);

        // Before it starts, nothing can be marked.
        let clinician = app.client_for(&fx.clinician).await;
        let early = clinician
            .post_form(&format!("{sheet}/attendance"), &[("everyone", "present")])
            .await;
        early.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(early.text().contains("has not started yet"));

        // The session has ended: everyone present, Ben late for 60 of 90 minutes.
        app.advance(Duration::days(1) + Duration::minutes(95));
        let clinician = app.client_for(&fx.clinician).await;
        let page = clinician.get(&sheet).await.text();
        assert!(
            page.contains("Robin Member") && page.contains("Ben Late"),
            "{page}"
        );
        let too_long = clinician
            .post_form(
                &format!("{sheet}/attendance"),
                &[
                    ("everyone", "present"),
                    (&format!("status.{}", ben.id), "late"),
                    (&format!("minutes.{}", ben.id), "120"),
                ],
            )
            .await;
        too_long.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(too_long.text().contains("At most 90 minutes"));
        let saved = clinician
            .post_form(
                &format!("{sheet}/attendance"),
                &[
                    ("everyone", "present"),
                    (&format!("status.{}", ben.id), "late"),
                    (&format!("minutes.{}", ben.id), "60"),
                ],
            )
            .await;
        assert_eq!(saved.location(), Some(format!("{sheet}?saved=1").as_str()));
        let marks = clinician
            .get(&format!(
                "/api/v1/orgs/{}/sessions/{}/attendance",
                fx.org, fx.session
            ))
            .await
            .json();
        let minutes: Vec<_> = marks["roster"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["display_name"].as_str().unwrap().to_owned(),
                    l["mark"]["minutes"].as_i64().unwrap(),
                )
            })
            .collect();
        assert!(minutes.contains(&("Ben Late".into(), 60)));
        assert!(minutes.contains(&("Robin Member".into(), 90)));
        assert_eq!(marks["session"]["status"], "held");

        // Eight days on the facilitator can no longer change it; the administrator can,
        // with a reason, which the log keeps.
        app.advance(Duration::days(8));
        let clinician = app.client_for(&fx.clinician).await;
        let locked = clinician
            .post_form(
                &format!("{sheet}/attendance"),
                &[(&format!("status.{}", ben.id), "present")],
            )
            .await;
        locked.expect(StatusCode::CONFLICT);
        assert!(locked.text().contains("locked"));
        let admin = app.client_for(&fx.admin).await;
        let unexplained = admin
            .post_form(
                &format!("{sheet}/attendance"),
                &[(&format!("status.{}", ben.id), "present")],
            )
            .await;
        unexplained.expect(StatusCode::UNPROCESSABLE_ENTITY);
        let corrected = admin
            .post_form(
                &format!("{sheet}/attendance"),
                &[
                    (&format!("status.{}", ben.id), "present"),
                    ("reason", "Sign-in sheet shows Ben arrived on time"),
                ],
            )
            .await;
        assert!(corrected.status.is_redirection(), "{}", corrected.status);
        let log = admin.get(&sheet).await.text();
        assert!(
            log.contains("Sign-in sheet shows Ben arrived on time"),
            "{log}"
        );

        // The reports read the marks: full attendance, and two 90853 rows to bill.
        let report = admin
            .get(&format!(
                "/api/v1/orgs/{}/groups/{}/attendance-report",
                fx.org, fx.therapy_group
            ))
            .await
            .json();
        assert_eq!(report["report"]["sessions"][0]["attended"], 2);
        // The group is in an intensive outpatient program: billed per member-day with 3
        // hours, which one 90-minute session is not.
        let csv = admin.get(&format!("/orgs/{}/billing.csv", fx.org)).await;
        csv.expect(StatusCode::OK);
        assert_eq!(csv.text().lines().count(), 1, "{}", csv.text());
        // The organization bills this group per session instead: two 90853 rows.
        let mut group = crate::support::group_json(
            &fx,
            "Evening Process Group",
            "therapy",
            "in_person",
            fx.clinician.id,
        );
        group["billing_code"] = serde_json::json!("90853");
        admin
            .json(
                Method::PUT,
                &format!("/api/v1/orgs/{}/groups/{}", fx.org, fx.therapy_group),
                Some(&group),
            )
            .await
            .expect(StatusCode::OK);
        let text = admin
            .get(&format!("/orgs/{}/billing.csv", fx.org))
            .await
            .text();
        assert_eq!(text.lines().count(), 3, "{text}");
        assert_eq!(text.matches(",90853,").count(), 2, "{text}");
        assert!(text.contains("Ben Late") && text.contains("Robin Member"));

        // A member's hours: for clinicians and administrators, not peer specialists.
        let hours = format!("/orgs/{}/members/{}/hours", fx.org, ben.id);
        admin.get(&hours).await.expect(StatusCode::OK);
        let peer = app.client_for(&fx.peer).await;
        peer.get(&hours).await.expect(StatusCode::NOT_FOUND);
    })
    .await;
}
