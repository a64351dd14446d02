//! The demo clinic looks lived in, and its accounts work.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use kindred_domain::fields::Choice;
use kindred_domain::groups::{EnrollmentMode, Format, GroupKind};

use crate::support::each_backend;

const DEMO_PASSWORD: &str = "demo-password-123";

fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
}

#[tokio::test]
async fn demo_seed_fills_every_kind_and_its_accounts_sign_in() {
    each_backend(|app| async move {
        let listed = kindred_server::demo::seed(
            app.store(),
            app.state.hasher(),
            app.state.now(),
            DEMO_PASSWORD,
        )
        .await
        .unwrap();
        let members = listed.iter().filter(|a| a.role == "member").count();
        assert!(members >= 30, "only {members} demo members");
        for role in ["org_admin", "clinician", "peer_specialist"] {
            assert!(
                listed.iter().any(|a| a.role == role),
                "no {role} in the demo"
            );
        }

        let groups = app.visitor().get("/api/v1/groups").await.json();
        let groups = groups.as_array().unwrap();
        assert!(groups.len() >= 8, "{} groups", groups.len());
        let seen = |field: &str| -> BTreeSet<String> {
            groups
                .iter()
                .map(|g| g[field].as_str().unwrap().to_owned())
                .collect()
        };
        let codes =
            |all: &[&str]| -> BTreeSet<String> { all.iter().map(|s| (*s).to_owned()).collect() };
        let kinds: Vec<&str> = GroupKind::ALL.iter().map(|k| k.code()).collect();
        let modes: Vec<&str> = EnrollmentMode::ALL.iter().map(|k| k.code()).collect();
        let formats: Vec<&str> = Format::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(seen("kind"), codes(&kinds));
        assert_eq!(seen("enrollment"), codes(&modes));
        assert_eq!(seen("format"), codes(&formats));
        let orgs: BTreeSet<String> = groups
            .iter()
            .map(|g| g["org_id"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(orgs.len(), 2, "two organizations have groups");

        let member = app.login("member@demo.kindred.test", DEMO_PASSWORD).await;
        let mine = member.get("/api/v1/me/groups").await.json();
        let mine = mine.as_array().unwrap();
        assert!(!mine.is_empty(), "the demo member is in groups");
        let dashboard = member.get("/dashboard").await;
        dashboard.expect(StatusCode::OK);
        for item in mine {
            let name = item["group"]["name"].as_str().unwrap();
            assert!(
                dashboard.text().contains(&escaped(name)),
                "{name} missing from /dashboard"
            );
        }
        assert!(
            dashboard.text().contains("Next session"),
            "upcoming sessions are shown"
        );
        // The demo's one cancelled session is Recovery Circle's next one: the member sees it.
        assert!(
            dashboard
                .text()
                .contains("cancelled</strong>: Facilitator is unwell"),
            "the cancelled next session and its reason show on /dashboard"
        );

        let admin = app.login("admin@demo.kindred.test", DEMO_PASSWORD).await;
        let me = admin.get("/api/v1/me").await.json();
        assert_eq!(me["roles"][0]["role"], "org_admin");
        let org = me["roles"][0]["org_id"].as_str().unwrap().to_owned();
        let org_name = me["roles"][0]["org_name"].as_str().unwrap().to_owned();
        let home = admin.get("/dashboard").await.text();
        assert!(home.contains(&format!("/orgs/{org}")));
        let staff_page = admin.get(&format!("/orgs/{org}")).await;
        staff_page.expect(StatusCode::OK);
        assert!(staff_page.text().contains(&escaped(&org_name)));
        // The clinic's programs have the demo clinician on call.
        let programs = admin.get(&format!("/orgs/{org}/programs")).await.text();
        let on_call = format!("<td>{}</td>", escaped("Maya Okafor, LCSW"));
        assert_eq!(programs.matches(&on_call).count(), 2, "{programs}");

        // The past four weeks were marked: the member has attendance, and the demo
        // organization has something to bill.
        let marks = member.get("/api/v1/me/attendance").await.json();
        assert!(marks.as_array().unwrap().len() >= 4, "{marks}");
        let billing = admin
            .get(&format!("/api/v1/orgs/{org}/billing"))
            .await
            .json();
        assert!(!billing["rows"].as_array().unwrap().is_empty(), "{billing}");

        // The second organization's administrator sees only their own.
        let recovery = app
            .login("admin@recovery.kindred.test", DEMO_PASSWORD)
            .await;
        recovery
            .get(&format!("/orgs/{org}"))
            .await
            .expect(StatusCode::NOT_FOUND);
    })
    .await;
}
