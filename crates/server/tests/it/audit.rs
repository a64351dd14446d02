//! The audit trail through the real router: the organization's administrator views,
//! filters and pages it and downloads it as CSV, each of those looks recorded in it with
//! the request's id; everyone else gets not-found and their attempt is recorded; bad
//! filters are named at their field; `kindred audit verify` finds a changed event.

use std::process::Command;

use axum::http::StatusCode;
use chrono::Duration;
use kindred_domain::audit::{
    AuditAction, AuditEvent, AuditObject, ChainedEvent, Outcome, Trail, GENESIS,
};
use kindred_domain::ids::{AccountId, OrgId};
use kindred_domain::Store;
use kindred_store::testing::{all_backends, raw_execute};

use crate::support::{each_backend, Fixture, Person, TestApp};

/// A clinician's look at a member's note, `minutes` after the app's start.
async fn note_viewed(app: &TestApp, by: AccountId, org: OrgId, member: AccountId, minutes: i64) {
    let event = AuditEvent::new(
        app.state.now() + Duration::minutes(minutes),
        Some(by),
        AuditAction::NoteView,
        AuditObject {
            kind: "member_note",
            id: format!("note-{minutes}"),
        },
        &Trail {
            request_id: format!("seed-{minutes}"),
            client_addr: "192.0.2.1".into(),
        },
    )
    .in_org(org)
    .about(member);
    app.store().record_audit(event).await.unwrap();
}

async fn last_event(store: &dyn Store) -> ChainedEvent {
    let (seq, _) = store.audit_head().await.unwrap().unwrap();
    store.audit_chain(seq - 1, 1).await.unwrap().remove(0)
}

async fn head_seq(store: &dyn Store) -> i64 {
    store.audit_head().await.unwrap().unwrap().0
}

/// The last event is `person`'s look at the trail, with this outcome and request id.
async fn assert_look(
    app: &TestApp,
    fx: &Fixture,
    person: &Person,
    action: AuditAction,
    outcome: Outcome,
    request_id: &str,
) {
    let last = last_event(app.store()).await;
    assert_eq!(last.event.actor, Some(person.id), "{last:?}");
    assert_eq!(last.event.org, Some(fx.org));
    assert_eq!(last.event.action, action);
    assert_eq!(last.event.outcome, outcome);
    assert_eq!(last.event.object.kind, "audit_trail");
    assert_eq!(last.event.object.id, fx.org.to_string());
    assert_eq!(last.event.request_id, request_id);
    assert!(!request_id.is_empty());
}

#[tokio::test]
async fn the_admin_views_filters_pages_and_downloads_the_trail_and_each_look_is_recorded() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        for minute in 0..3 {
            note_viewed(&app, fx.clinician.id, fx.org, fx.member.id, minute).await;
        }
        note_viewed(&app, fx.peer.id, fx.org, fx.member.id, 5).await;
        note_viewed(&app, fx.other_admin.id, fx.other_org, fx.member.id, 6).await;
        let admin = app.client_for(&fx.admin).await;
        let base = format!("/orgs/{}/audit", fx.org);

        // The dashboard links to it for administrators only.
        let dashboard = admin.get(&format!("/orgs/{}", fx.org)).await;
        assert!(dashboard.text().contains(&format!("href=\"{base}\"")));
        let clinician = app.client_for(&fx.clinician).await;
        let theirs = clinician.get(&format!("/orgs/{}", fx.org)).await;
        theirs.expect(StatusCode::OK);
        assert!(!theirs.text().contains(&base));

        // The page: this organization's events, newest first, with names.
        let page = admin.get(&base).await;
        page.expect(StatusCode::OK);
        let html = page.text();
        assert!(html.contains("Maya Clinician") && html.contains("Robin Member"));
        assert!(html.contains("Viewed a group note") && html.contains("seed-2"));
        assert!(!html.contains("seed-6"), "another organization's event");
        assert!(html.find("seed-5") < html.find("seed-0"), "newest first");
        assert!(html.contains(&format!("href=\"{base}.csv\"")));
        let request_id = page.header("x-request-id").unwrap().to_owned();
        assert_look(&app, &fx, &fx.admin, AuditAction::AuditView, Outcome::Success, &request_id)
            .await;

        // Filters: by email, by id, by action, by dates; the CSV link keeps them.
        let filtered = admin
            .get(&format!(
                "{base}?actor=Clinician%40Clinic.test&action=note_view&from=2030-03-17&to=2030-03-17"
            ))
            .await;
        filtered.expect(StatusCode::OK);
        let html = filtered.text();
        assert!(html.contains("seed-0") && !html.contains("seed-5"));
        assert!(
            html.contains(&format!(
                "{base}.csv?actor=Clinician%40Clinic.test&#38;action=note_view\
                 &#38;from=2030-03-17&#38;to=2030-03-17\""
            )),
            "{html}"
        );
        let api = admin
            .get(&format!(
                "/api/v1/orgs/{}/audit?member={}&action=note_view",
                fx.org, fx.member.id
            ))
            .await;
        api.expect(StatusCode::OK);
        let events = api.json()["events"].as_array().unwrap().clone();
        assert_eq!(events.len(), 4);
        assert_eq!(events[0]["request_id"], "seed-5");
        assert_eq!(events[0]["actor_name"], "Sam Peer");
        assert_eq!(events[3]["member_email"], "member@clinic.test");
        assert!(api.json()["next_before"].is_null());
        let nobody = admin
            .get(&format!("/api/v1/orgs/{}/audit?actor=nobody%40clinic.test", fx.org))
            .await;
        nobody.expect(StatusCode::OK);
        assert_eq!(nobody.json()["events"].as_array().unwrap().len(), 0);
        let request_id = nobody.header("x-request-id").unwrap().to_owned();
        assert_look(&app, &fx, &fx.admin, AuditAction::AuditView, Outcome::Success, &request_id)
            .await;

        // Bad filters are named at their fields; nothing is read, nothing recorded.
        let before = head_seq(app.store()).await;
        let bad = admin
            .get(&format!("{base}?action=note_burn&from=2030-13-01&actor=dana"))
            .await;
        bad.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.field_error("action").unwrap().contains("note_burn"));
        assert!(bad.field_error("from").unwrap().contains("YYYY-MM-DD"));
        assert!(bad.field_error("actor").unwrap().contains("email address"));
        let reversed = admin
            .get(&format!("/api/v1/orgs/{}/audit?from=2030-03-02&to=2030-03-01", fx.org))
            .await;
        reversed.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            reversed.json()["errors"]["to"],
            "The last day is before the first day."
        );
        assert_eq!(head_seq(app.store()).await, before);

        // Pages of 50, the next one through `before`.
        for minute in 10..70 {
            note_viewed(&app, fx.clinician.id, fx.org, fx.member.id, minute).await;
        }
        let first = admin.get(&format!("/api/v1/orgs/{}/audit?action=note_view", fx.org)).await;
        let first = first.json();
        assert_eq!(first["events"].as_array().unwrap().len(), 50);
        let next = first["next_before"].as_i64().unwrap();
        let second = admin
            .get(&format!("/api/v1/orgs/{}/audit?action=note_view&before={next}", fx.org))
            .await
            .json();
        assert_eq!(second["events"].as_array().unwrap().len(), 14);
        assert!(second["events"][0]["seq"].as_i64().unwrap() < next);
        assert!(second["next_before"].is_null());
        let page_one = admin.get(&format!("{base}?action=note_view")).await.text();
        assert!(page_one.contains(&format!("{base}?action=note_view&#38;before={next}")));

        // The CSV: a header, one row per event, names and ids; the export is recorded.
        let csv = admin.get(&format!("{base}.csv?actor={}", fx.peer.id)).await;
        csv.expect(StatusCode::OK);
        assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
        let text = csv.text();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "seq,time,actor,actor id,organization,member,member id,action,object kind,\
             object id,outcome,request id,client address"
        );
        assert_eq!(lines.len(), 2, "{text}");
        assert!(lines[1].contains("Sam Peer <peer@clinic.test>"), "{text}");
        assert!(lines[1].contains(&fx.peer.id.to_string()));
        assert!(lines[1].contains("Robin Member <member@clinic.test>"));
        assert!(lines[1].contains(",note_view,member_note,note-5,success,seed-5,192.0.2.1"));
        let request_id = csv.header("x-request-id").unwrap().to_owned();
        assert_look(&app, &fx, &fx.admin, AuditAction::AuditExport, Outcome::Success, &request_id)
            .await;
        let api_csv = admin
            .get(&format!("/api/v1/orgs/{}/audit.csv?action=audit_export", fx.org))
            .await;
        api_csv.expect(StatusCode::OK);
        // The page's own export is in the file, the file's own is recorded after it.
        assert_eq!(api_csv.text().lines().count(), 2);
        let request_id = api_csv.header("x-request-id").unwrap().to_owned();
        assert_look(&app, &fx, &fx.admin, AuditAction::AuditExport, Outcome::Success, &request_id)
            .await;

        // A short plain request id from a proxy is kept; anything else is replaced.
        let send = |id: &'static str| {
            let request = admin
                .request(axum::http::Method::GET, &base)
                .header("x-request-id", id)
                .body(axum::body::Body::empty())
                .unwrap();
            admin.send(request)
        };
        let kept = send("lb-4711.a").await;
        assert_eq!(kept.header("x-request-id"), Some("lb-4711.a"));
        assert_look(&app, &fx, &fx.admin, AuditAction::AuditView, Outcome::Success, "lb-4711.a")
            .await;
        let replaced = send("<script>alert(1)</script>").await;
        let id = replaced.header("x-request-id").unwrap().to_owned();
        assert!(uuid::Uuid::parse_str(&id).is_ok(), "{id}");
        assert_look(&app, &fx, &fx.admin, AuditAction::AuditView, Outcome::Success, &id).await;

        // Everything above still chains.
        let verdict = kindred_server::cli::audit::verify(app.store(), None).await.unwrap();
        assert!(verdict.starts_with("audit trail intact: "), "{verdict}");
    })
    .await;
}

#[tokio::test]
async fn everyone_else_gets_not_found_and_their_attempt_is_recorded() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        note_viewed(&app, fx.clinician.id, fx.org, fx.member.id, 0).await;
        for person in [&fx.clinician, &fx.peer, &fx.member, &fx.other_admin] {
            let client = app.client_for(person).await;
            for (path, action) in [
                (format!("/orgs/{}/audit", fx.org), AuditAction::AuditView),
                (
                    format!("/orgs/{}/audit.csv", fx.org),
                    AuditAction::AuditExport,
                ),
                (
                    format!("/api/v1/orgs/{}/audit", fx.org),
                    AuditAction::AuditView,
                ),
                (
                    format!("/api/v1/orgs/{}/audit.csv", fx.org),
                    AuditAction::AuditExport,
                ),
            ] {
                let before = head_seq(app.store()).await;
                let resp = client.get(&format!("{path}?action=note_view")).await;
                resp.expect(StatusCode::NOT_FOUND);
                assert!(!resp.text().contains("seed-0"));
                assert_eq!(head_seq(app.store()).await, before + 1, "one event");
                let request_id = resp.header("x-request-id").unwrap().to_owned();
                assert_look(&app, &fx, person, action, Outcome::Denied, &request_id).await;
            }
        }
        // A visitor is asked to sign in; nothing is written for them.
        let before = head_seq(app.store()).await;
        let visitor = app.visitor();
        assert!(visitor
            .get(&format!("/orgs/{}/audit", fx.org))
            .await
            .sends_to_sign_in());
        visitor
            .get(&format!("/api/v1/orgs/{}/audit.csv", fx.org))
            .await
            .expect(StatusCode::UNAUTHORIZED);
        assert_eq!(head_seq(app.store()).await, before);
        // The administrator sees the refusals.
        let admin = app.client_for(&fx.admin).await;
        let refused = admin
            .get(&format!(
                "/api/v1/orgs/{}/audit?actor={}&action=audit_export",
                fx.org, fx.other_admin.id
            ))
            .await
            .json();
        let events = refused["events"].as_array().unwrap();
        assert_eq!(events.len(), 2);
        assert!(events.iter().all(|e| e["outcome"] == "denied"));
        assert_eq!(events[0]["actor_name"], "Olu Other");
    })
    .await;
}

#[tokio::test]
async fn verify_reports_an_intact_trail_then_the_first_changed_event() {
    for (backend, db) in all_backends().await {
        let store = db.store();
        let verdict = kindred_server::cli::audit::verify(store.as_ref(), None).await;
        assert_eq!(
            verdict,
            Ok(format!(
                "audit trail intact: 0 events; head {}",
                hex::encode(GENESIS)
            )),
            "{backend}"
        );
        let (actor, org, member) = (AccountId::new(), OrgId::new(), AccountId::new());
        for n in 0..3 {
            let event = AuditEvent::new(
                crate::support::t0() + Duration::seconds(n),
                Some(actor),
                AuditAction::ChartView,
                AuditObject {
                    kind: "chart",
                    id: member.to_string(),
                },
                &Trail::default(),
            )
            .in_org(org)
            .about(member);
            store.record_audit(event).await.unwrap();
        }
        let (_, head) = store.audit_head().await.unwrap().unwrap();
        assert_eq!(
            kindred_server::cli::audit::verify(store.as_ref(), None).await,
            Ok(format!(
                "audit trail intact: 3 events; head {}",
                hex::encode(head)
            ))
        );
        // The newest event removed and the head rewritten to match: only the head
        // recorded earlier tells.
        raw_execute(
            &db,
            "DELETE FROM audit_events WHERE seq = 3; UPDATE audit_head SET seq = 2, \
             hash = (SELECT hash FROM audit_events WHERE seq = 2)",
        )
        .await;
        let shorter = kindred_server::cli::audit::verify(store.as_ref(), None).await;
        assert!(shorter.unwrap().starts_with("audit trail intact: 2 events"));
        let recorded = kindred_server::cli::audit::parse_head(&format!("3:{}", hex::encode(head)));
        let broken = kindred_server::cli::audit::verify(store.as_ref(), Some(recorded.unwrap()))
            .await
            .unwrap_err();
        assert!(
            broken.starts_with("audit trail broken at event 3: "),
            "{backend}: {broken}"
        );
        // A changed field.
        raw_execute(
            &db,
            "UPDATE audit_events SET outcome = 'denied' WHERE seq = 2",
        )
        .await;
        let broken = kindred_server::cli::audit::verify(store.as_ref(), None)
            .await
            .unwrap_err();
        assert!(
            broken.starts_with("audit trail broken at event 2: "),
            "{backend}: {broken}"
        );
        db.close().await;
    }
}

#[tokio::test]
async fn the_verify_command_exits_with_a_failure_when_the_trail_is_broken() {
    let dir = std::env::temp_dir().join(format!("kindred-audit-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}", dir.join("kindred.db").display());
    let verify = || {
        Command::new(env!("CARGO_BIN_EXE_kindred"))
            .args(["audit", "verify", "--database-url", &url])
            .env("KINDRED_LOG", "warn")
            .output()
            .unwrap()
    };
    let db = kindred_store::Database::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    let intact = verify();
    assert!(intact.status.success(), "{intact:?}");
    assert_eq!(
        String::from_utf8_lossy(&intact.stdout).trim(),
        format!(
            "audit trail intact: 0 events; head {}",
            hex::encode(GENESIS)
        )
    );
    let store = db.store();
    for n in 0..2 {
        let event = AuditEvent::new(
            crate::support::t0(),
            None,
            AuditAction::NoteSign,
            AuditObject {
                kind: "group_note",
                id: n.to_string(),
            },
            &Trail::default(),
        );
        store.record_audit(event).await.unwrap();
    }
    let (_, head) = store.audit_head().await.unwrap().unwrap();
    let recorded = format!("2:{}", hex::encode(head));
    let with_recorded = Command::new(env!("CARGO_BIN_EXE_kindred"))
        .args([
            "audit",
            "verify",
            "--database-url",
            &url,
            "--recorded-head",
            &recorded,
        ])
        .env("KINDRED_LOG", "warn")
        .output()
        .unwrap();
    assert!(with_recorded.status.success(), "{with_recorded:?}");
    let bad_head = Command::new(env!("CARGO_BIN_EXE_kindred"))
        .args([
            "audit",
            "verify",
            "--database-url",
            &url,
            "--recorded-head",
            "2:abc",
        ])
        .env("KINDRED_LOG", "warn")
        .output()
        .unwrap();
    assert!(!bad_head.status.success());
    assert!(String::from_utf8_lossy(&bad_head.stderr).contains("N:<64 hex digits>"));
    raw_execute(&db, "DELETE FROM audit_events WHERE seq = 2").await;
    let broken = verify();
    assert!(!broken.status.success());
    let stdout = String::from_utf8_lossy(&broken.stdout);
    assert!(
        stdout.starts_with("audit trail broken at event 2: "),
        "{stdout}"
    );
    db.close().await;
    let _ = std::fs::remove_dir_all(dir);
}

/// The last event: `person` read this report in this way, with the request's id.
async fn assert_report(
    app: &TestApp,
    person: &Person,
    action: AuditAction,
    (kind, id): (&str, String),
    member: Option<AccountId>,
    request_id: &str,
) {
    let last = last_event(app.store()).await;
    assert_eq!(last.event.actor, Some(person.id), "{last:?}");
    assert_eq!(last.event.action, action, "{last:?}");
    assert_eq!(last.event.outcome, Outcome::Success);
    assert_eq!((last.event.object.kind, &last.event.object.id), (kind, &id));
    assert_eq!(last.event.member, member);
    assert_eq!(last.event.request_id, request_id);
}

#[tokio::test]
async fn every_report_shown_or_downloaded_is_recorded() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let admin = app.client_for(&fx.admin).await;
        let clinician = app.client_for(&fx.clinician).await;
        let before = head_seq(app.store()).await;

        let shown = admin
            .get(&format!(
                "/api/v1/orgs/{}/groups/{}/attendance-report",
                fx.org, fx.therapy_group
            ))
            .await;
        shown.expect(StatusCode::OK);
        let group = ("group_report", fx.therapy_group.to_string());
        assert_report(
            &app,
            &fx.admin,
            AuditAction::ReportView,
            group.clone(),
            None,
            shown.header("x-request-id").unwrap(),
        )
        .await;
        let csv = admin
            .get(&format!(
                "/orgs/{}/groups/{}/report.csv",
                fx.org, fx.therapy_group
            ))
            .await;
        csv.expect(StatusCode::OK);
        assert_report(
            &app,
            &fx.admin,
            AuditAction::ReportExport,
            group,
            None,
            csv.header("x-request-id").unwrap(),
        )
        .await;

        let billing = admin.get(&format!("/orgs/{}/billing.csv", fx.org)).await;
        billing.expect(StatusCode::OK);
        let org = ("billing", fx.org.to_string());
        assert_report(
            &app,
            &fx.admin,
            AuditAction::ReportExport,
            org,
            None,
            billing.header("x-request-id").unwrap(),
        )
        .await;

        // A member's hours name the member.
        let hours = clinician
            .get(&format!(
                "/orgs/{}/members/{}/hours.csv",
                fx.org, fx.member.id
            ))
            .await;
        hours.expect(StatusCode::OK);
        let member = ("member_report", fx.member.id.to_string());
        let about = Some(fx.member.id);
        assert_report(
            &app,
            &fx.clinician,
            AuditAction::ReportExport,
            member,
            about,
            hours.header("x-request-id").unwrap(),
        )
        .await;

        assert_eq!(head_seq(app.store()).await, before + 4);
    })
    .await;
}
