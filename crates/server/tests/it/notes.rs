//! Group notes through the real router: one screen with a section per attending member,
//! the name check, signing that locks the note and the attendance, addenda, a peer
//! specialist's note waiting for a clinician's co-signature, the member chart and who may
//! see it, and the missing-documentation lists.

use axum::http::StatusCode;
use chrono::Duration;
use kindred_domain::ids::{GroupId, SessionId};
use kindred_domain::orgs::Role;
use kindred_domain::sessions::{GroupSession, SessionStatus};
use serde_json::{json, Value};

use crate::support::{each_backend, Client, Fixture, Person, TestApp};

fn sheet(fx: &Fixture, session: SessionId) -> String {
    format!("/orgs/{}/sessions/{}", fx.org, session)
}

fn note_api(fx: &Fixture, session: SessionId) -> String {
    format!("/api/v1/orgs/{}/sessions/{}/note", fx.org, session)
}

fn section(member: &Person, data: &str) -> Value {
    json!({
        "member_id": member.id.to_string(),
        "data": data,
        "assessment": "Engaged; used the skill with prompting.",
        "plan": "Continue weekly; practise the skill twice before next session.",
        "response": "Tried the refusal role-play and said it felt realistic.",
        "risk_level": "none",
        "risk_notes": ""
    })
}

fn note_body(sections: Vec<Value>) -> Value {
    json!({
        "topic": "Handling cravings at work",
        "techniques": "Psychoeducation; role-play",
        "themes": "Stress after shifts; asking for support",
        "observations": "A warm, focused group.",
        "members": sections
    })
}

/// Two more members in the therapy group: Casey comes late, Morgan is absent.
async fn people(app: &TestApp, fx: &Fixture) -> (Person, Person) {
    let casey = app.account("casey@example.org", "Casey Second").await;
    let morgan = app.account("morgan@example.org", "Morgan Absent").await;
    for person in [&casey, &morgan] {
        app.client_for(person)
            .await
            .post_form(&format!("/groups/{}/join", fx.therapy_group), &[])
            .await;
    }
    (casey, morgan)
}

async fn mark(client: &Client<'_>, fx: &Fixture, session: SessionId, fields: &[(&str, &str)]) {
    let mut all = vec![("everyone", "present")];
    all.extend_from_slice(fields);
    let saved = client
        .post_form(&format!("{}/attendance", sheet(fx, session)), &all)
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text());
}

#[tokio::test]
async fn a_clinician_writes_checks_signs_and_corrects_a_group_note() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let (casey, morgan) = people(&app, &fx).await;
        let clinician = app.client_for(&fx.clinician).await;

        // Not held yet: no note.
        let early = clinician
            .put_json(&note_api(&fx, fx.session), &note_body(vec![]))
            .await;
        early.expect(StatusCode::CONFLICT);
        assert!(early.json()["error"]
            .as_str()
            .unwrap()
            .contains("not been held"));

        app.advance(Duration::days(1) + Duration::minutes(95));
        let clinician = app.client_for(&fx.clinician).await;
        let status_casey = format!("status.{}", casey.id);
        let minutes_casey = format!("minutes.{}", casey.id);
        let status_morgan = format!("status.{}", morgan.id);
        mark(
            &clinician,
            &fx,
            fx.session,
            &[
                (&status_casey, "late"),
                (&minutes_casey, "70"),
                (&status_morgan, "absent"),
            ],
        )
        .await;

        // One screen: a section for Robin and Casey, none for Morgan, who was absent.
        let page = clinician
            .get(&format!("{}/note", sheet(&fx, fx.session)))
            .await;
        page.expect(StatusCode::OK);
        let html = page.text();
        assert!(html.contains(&format!("member.{}.data", fx.member.id)));
        assert!(html.contains(&format!("member.{}.data", casey.id)));
        assert!(!html.contains(&format!("member.{}.data", morgan.id)));
        assert!(html.contains("Participants: <strong>2</strong>"));

        // Signing with an empty field is refused at that field; nothing is stored.
        let mut empty = section(&fx.member, "Shared two triggers.");
        empty["plan"] = json!("");
        let refused = clinician
            .post_json(
                &format!("{}/sign", note_api(&fx, fx.session)),
                &note_body(vec![empty, section(&casey, "Arrived after the check-in.")]),
            )
            .await;
        refused.expect(StatusCode::UNPROCESSABLE_ENTITY);
        let key = format!("member.{}.plan", fx.member.id);
        assert!(refused.json()["errors"][key.as_str()].is_string());
        let screen = clinician.get(&note_api(&fx, fx.session)).await.json();
        assert!(screen["note"].is_null(), "{screen}");

        // Another member's name (any case, whole word) blocks signing and says where; so
        // does a name Morgan gave the program, even though Morgan was absent.
        let leaking = clinician
            .post_form(
                &format!("{}/note", sheet(&fx, fx.session)),
                &pairs(&form(
                    &[
                        (&fx.member, "Sat next to casey and laughed a lot."),
                        (&casey, "Talked with Robin about the bus."),
                    ],
                    "sign",
                )),
            )
            .await;
        leaking.expect(StatusCode::UNPROCESSABLE_ENTITY);
        let robin_error = leaking
            .field_error(&format!("member.{}.data", fx.member.id))
            .unwrap();
        assert!(robin_error.contains("&#34;casey&#34;"), "{robin_error}");
        assert!(robin_error.contains("casey and laughed"), "{robin_error}");
        assert!(leaking
            .field_error(&format!("member.{}.data", casey.id))
            .unwrap()
            .contains("Robin"));
        // What was typed is kept on the form.
        assert!(leaking.text().contains("Talked with Robin about the bus."));
        let screen = clinician.get(&note_api(&fx, fx.session)).await.json();
        assert!(screen["note"].is_null());

        // A draft can be saved half-written, then signed.
        let draft = clinician
            .post_form(
                &format!("{}/note", sheet(&fx, fx.session)),
                &pairs(&form(&[(&fx.member, "Shared two triggers.")], "save")),
            )
            .await;
        assert_eq!(draft.status, StatusCode::SEE_OTHER, "{}", draft.text());
        let screen = clinician.get(&note_api(&fx, fx.session)).await.json();
        assert_eq!(screen["note"]["status"], "draft");
        // A draft takes no addendum: it is still written in place.
        let draft_section = screen["note"]["sections"][0]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let early_addendum = clinician
            .post_json(
                &format!(
                    "/api/v1/orgs/{}/member-notes/{draft_section}/addenda",
                    fx.org
                ),
                &json!({"body": "Too soon."}),
            )
            .await;
        early_addendum.expect(StatusCode::CONFLICT);
        assert!(early_addendum.json()["error"]
            .as_str()
            .unwrap()
            .contains("not signed yet"));
        let signed = clinician
            .post_json(
                &format!("{}/sign", note_api(&fx, fx.session)),
                &note_body(vec![
                    section(&fx.member, "Shared two triggers at work."),
                    section(&casey, "Arrived after the check-in; joined the role-play."),
                ]),
            )
            .await;
        signed.expect(StatusCode::OK);
        let note = signed.json();
        assert_eq!(note["status"], "signed");
        assert_eq!(note["participant_count"], 2);

        // Signed means locked: signing again, and changing attendance, are refused.
        let again = clinician
            .post_json(
                &format!("{}/sign", note_api(&fx, fx.session)),
                &note_body(vec![section(&fx.member, "x"), section(&casey, "y")]),
            )
            .await;
        again.expect(StatusCode::CONFLICT);
        assert!(again.json()["error"]
            .as_str()
            .unwrap()
            .contains("already signed"));
        let admin = app.client_for(&fx.admin).await;
        let locked = admin
            .post_form(
                &format!("{}/attendance", sheet(&fx, fx.session)),
                &[("everyone", "present"), ("reason", "fix")],
            )
            .await;
        locked.expect(StatusCode::CONFLICT);
        assert!(locked.text().contains("group note is signed"));
        let sheet_page = admin.get(&sheet(&fx, fx.session)).await.text();
        assert!(sheet_page.contains("Locked: the group note is signed"));
        assert!(!sheet_page.contains("Save attendance"));

        // Each member's note is in their chart, and only theirs.
        let chart = clinician
            .get(&format!(
                "/api/v1/orgs/{}/members/{}/chart",
                fx.org, fx.member.id
            ))
            .await;
        chart.expect(StatusCode::OK);
        let chart = chart.json();
        let notes = chart["notes"].as_array().unwrap();
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0]["section"]["data"], "Shared two triggers at work.");
        assert_eq!(notes[0]["shared"]["topic"], "Handling cravings at work");
        assert!(!chart.to_string().contains("joined the role-play"));
        let casey_chart = clinician
            .get(&format!("/orgs/{}/members/{}", fx.org, casey.id))
            .await;
        casey_chart.expect(StatusCode::OK);
        assert!(casey_chart.text().contains("joined the role-play"));
        assert!(!casey_chart.text().contains("Shared two triggers"));

        // Corrections are addenda: not on an empty body, then kept under the note.
        let member_note = notes[0]["section"]["id"].as_str().unwrap().to_owned();
        let addenda = format!("/api/v1/orgs/{}/member-notes/{member_note}/addenda", fx.org);
        clinician
            .post_json(&addenda, &json!({"body": "  "}))
            .await
            .expect(StatusCode::UNPROCESSABLE_ENTITY);
        // An addendum goes into the chart too: another member's name is refused there.
        let named = clinician
            .post_json(
                &addenda,
                &json!({"body": "Later spoke with Casey outside."}),
            )
            .await;
        named.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(named.json()["errors"]["body"]
            .as_str()
            .unwrap()
            .contains("(\"Casey\")"));
        clinician
            .post_json(
                &addenda,
                &json!({"body": "Robin called the next day: doing well."}),
            )
            .await
            .expect(StatusCode::OK);
        let chart = clinician
            .get(&format!(
                "/api/v1/orgs/{}/members/{}/chart",
                fx.org, fx.member.id
            ))
            .await
            .json();
        assert_eq!(
            chart["notes"][0]["addenda"][0]["body"],
            "Robin called the next day: doing well."
        );
    })
    .await;
}

/// The one-screen form's fields for the given sections, with the shared part filled.
fn form(sections: &[(&Person, &str)], action: &str) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = vec![
        ("topic".into(), "Handling cravings at work".into()),
        ("techniques".into(), "Psychoeducation; role-play".into()),
        ("themes".into(), "Stress after shifts".into()),
        ("observations".into(), String::new()),
        ("action".into(), action.into()),
    ];
    for (person, data) in sections {
        for (field, value) in [
            ("data", (*data).to_owned()),
            ("assessment", "Engaged.".to_owned()),
            ("plan", "Continue weekly.".to_owned()),
            ("response", "Tried the skill.".to_owned()),
            ("risk_level", "none".to_owned()),
            ("risk_notes", String::new()),
        ] {
            fields.push((format!("member.{}.{field}", person.id), value));
        }
    }
    fields
}

fn pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

#[tokio::test]
async fn charts_and_notes_are_for_the_members_clinical_staff_only() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let chart = format!("/orgs/{}/members/{}", fx.org, fx.member.id);
        let api = format!("/api/v1/orgs/{}/members/{}/chart", fx.org, fx.member.id);
        for person in [&fx.member, &fx.peer, &fx.other_admin] {
            let client = app.client_for(person).await;
            client.get(&chart).await.expect(StatusCode::NOT_FOUND);
            client.get(&api).await.expect(StatusCode::NOT_FOUND);
            client
                .get(&note_api(&fx, fx.session))
                .await
                .expect(StatusCode::NOT_FOUND);
        }
        app.visitor()
            .get(&api)
            .await
            .expect(StatusCode::UNAUTHORIZED);
        // Someone who has nothing to do with the organization has no chart there.
        let stranger = app.account("stranger@example.org", "Stranger").await;
        app.client_for(&fx.clinician)
            .await
            .get(&format!("/orgs/{}/members/{}", fx.org, stranger.id))
            .await
            .expect(StatusCode::NOT_FOUND);
        // The clinician and the administrator see all of it, requests to join included.
        for person in [&fx.clinician, &fx.admin] {
            let page = app.client_for(person).await.get(&chart).await;
            page.expect(StatusCode::OK);
            assert!(page.text().contains("Evening Process Group"));
            let record = app.client_for(person).await.get(&api).await.json();
            assert_eq!(record["requests"].as_array().unwrap().len(), 1);
        }
        // Once Robin is in the peer specialist's group too, the peer specialist sees that
        // group in Robin's chart, and nothing of the therapy group or of the requests.
        app.client_for(&fx.member)
            .await
            .post_form(&format!("/groups/{}/join", fx.peer_group), &[])
            .await;
        let peer = app.client_for(&fx.peer).await;
        let page = peer.get(&chart).await;
        page.expect(StatusCode::OK);
        assert!(page.text().contains("Tuesday Peer Circle"));
        assert!(!page.text().contains("Evening Process Group"));
        let record = peer.get(&api).await.json();
        assert!(record["requests"].as_array().unwrap().is_empty());
        assert_eq!(record["enrollments"].as_array().unwrap().len(), 1);
    })
    .await;
}

/// A session of the peer group starting in ten minutes; the clock then moves on until an
/// hour after it ended.
async fn past_peer_session(app: &TestApp, group: GroupId) -> SessionId {
    let id = SessionId::new();
    let starts_at = app.state.now() + Duration::minutes(10);
    app.store()
        .insert_session(GroupSession {
            id,
            group_id: group,
            starts_at,
            ends_at: starts_at + Duration::minutes(90),
            status: SessionStatus::Scheduled,
            cancel_reason: String::new(),
            schedule_id: None,
            occurrence_date: None,
            moved: false,
            room: String::new(),
        })
        .await
        .unwrap();
    app.advance(Duration::minutes(160));
    id
}

#[tokio::test]
async fn a_peer_specialists_note_waits_for_a_clinicians_cosignature() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let jo = app.account("jo@example.org", "Jo Peerless").await;
        app.client_for(&jo)
            .await
            .post_form(&format!("/groups/{}/join", fx.peer_group), &[])
            .await;
        let session = past_peer_session(&app, fx.peer_group).await;
        let peer = app.client_for(&fx.peer).await;
        mark(&peer, &fx, session, &[]).await;
        let signed = peer
            .post_json(
                &format!("{}/sign", note_api(&fx, session)),
                &note_body(vec![section(&jo, "Shared a win from the week.")]),
            )
            .await;
        signed.expect(StatusCode::OK);
        assert_eq!(signed.json()["status"], "awaiting_cosign");

        // Not final yet: a day later it is still missing documentation for the
        // administrator, and the clinicians' queue holds it.
        app.advance(Duration::hours(25));
        let admin = app.client_for(&fx.admin).await;
        let missing = admin
            .get(&format!("/api/v1/orgs/{}/undocumented-sessions", fx.org))
            .await
            .json();
        let waiting = missing
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["session_id"] == session.to_string())
            .expect("the unsigned session is listed");
        assert_eq!(waiting["note_status"], "awaiting_cosign");
        let clinician = app.client_for(&fx.clinician).await;
        let queue = clinician.get(&format!("/orgs/{}/cosign", fx.org)).await;
        queue.expect(StatusCode::OK);
        assert!(queue.text().contains("Sam Peer"));

        // The peer specialist may not co-sign; nor may its author once made a clinician.
        let cosign = format!("{}/cosign", note_api(&fx, session));
        let peer = app.client_for(&fx.peer).await;
        peer.post_empty(&cosign).await.expect(StatusCode::NOT_FOUND);
        app.store()
            .set_staff_role(fx.org, fx.peer.id, Role::Clinician)
            .await
            .unwrap();
        let promoted = app.client_for(&fx.peer).await;
        let own = promoted.post_empty(&cosign).await;
        own.expect(StatusCode::CONFLICT);
        assert!(own.json()["error"]
            .as_str()
            .unwrap()
            .contains("You wrote this note"));

        // A clinician co-signs; it is final, leaves the queue and the missing list.
        let done = clinician.post_empty(&cosign).await;
        done.expect(StatusCode::OK);
        assert_eq!(done.json()["status"], "signed");
        assert_eq!(done.json()["cosigner_name"], "Maya Clinician");
        clinician
            .post_empty(&cosign)
            .await
            .expect(StatusCode::CONFLICT);
        let queue = clinician
            .get(&format!("/api/v1/orgs/{}/cosign-queue", fx.org))
            .await
            .json();
        assert!(queue.as_array().unwrap().is_empty());
        let missing = admin
            .get(&format!("/api/v1/orgs/{}/undocumented-sessions", fx.org))
            .await
            .json();
        assert!(!missing.to_string().contains(&session.to_string()));
    })
    .await;
}

#[tokio::test]
async fn sessions_without_a_signed_note_are_listed_for_their_facilitator_and_admin() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let session = past_peer_session(&app, fx.peer_group).await;
        let peer = app.client_for(&fx.peer).await;
        mark(&peer, &fx, session, &[]).await;
        // Within a day it is not late yet.
        let mine = peer.get("/api/v1/me/undocumented-sessions").await.json();
        assert!(!mine.to_string().contains(&session.to_string()));
        app.advance(Duration::hours(25));
        let peer = app.client_for(&fx.peer).await;
        let mine = peer.get("/api/v1/me/undocumented-sessions").await.json();
        assert!(mine.to_string().contains(&session.to_string()));
        let dashboard = peer.get("/dashboard").await.text();
        assert!(dashboard.contains("Missing documentation"), "{dashboard}");
        assert!(dashboard.contains("Tuesday Peer Circle"));
        let org_page = app
            .client_for(&fx.admin)
            .await
            .get(&format!("/orgs/{}", fx.org))
            .await
            .text();
        assert!(org_page.contains(&format!("/sessions/{session}/note")));
        // The clinician does not facilitate the peer group: not on their list.
        let theirs = app
            .client_for(&fx.clinician)
            .await
            .get("/api/v1/me/undocumented-sessions")
            .await
            .json();
        assert!(!theirs.to_string().contains(&session.to_string()));
        // Only administrators see the organization's list.
        app.client_for(&fx.clinician)
            .await
            .get(&format!("/api/v1/orgs/{}/undocumented-sessions", fx.org))
            .await
            .expect(StatusCode::NOT_FOUND);
    })
    .await;
}
