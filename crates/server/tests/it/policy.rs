//! THE route × role walk: every route of the table, for a visitor, a member, a peer
//! specialist, a clinician, the organization's administrator and another organization's
//! administrator. Any unexpected success fails; a refused signed-in person gets exactly the
//! answer for something that does not exist; a visitor is asked to sign in.

use axum::body::Body;
use axum::http::{header, Method, StatusCode};
use chrono::Duration;
use kindred_domain::accounts::{create_api_token, NewApiTokenInput};
use kindred_domain::alerts::{AlertSource, NewAlert};
use kindred_domain::audit::{AuditAction, AuditEvent, AuditObject, Trail};
use kindred_domain::auth::{SecretToken, SignedIn};
use kindred_domain::calendar::{create_feed, NewFeedInput};
use kindred_domain::ids::{AlertId, MemberNoteId, SessionId, SessionPlanItemId};
use kindred_domain::notes::{GroupNote, MemberSection, NoteStatus, RiskLevel, SharedPart};
use kindred_domain::notifications::Notification;
use kindred_domain::orgs::Role;
use kindred_domain::sessions::{GroupSession, SessionStatus};
use kindred_domain::techniques::{builtin, builtins, SessionPlanItem};
use serde_json::Value;

use crate::policy_routes::{table, Grant, Ids, Kind, Row};
use crate::support::{declared_routes, each_backend, Client, Fixture, Person, Resp, TestApp};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Visitor,
    Member,
    PeerSpecialist,
    Clinician,
    OtherOrgAdmin,
    OrgAdmin,
}

const EVERYONE: [Who; 6] = [
    Who::Visitor,
    Who::Member,
    Who::PeerSpecialist,
    Who::Clinician,
    Who::OtherOrgAdmin,
    Who::OrgAdmin,
];

fn allowed(grant: Grant, who: Who) -> bool {
    match grant {
        Grant::Public => true,
        Grant::OwnAccount => who != Who::Visitor,
        Grant::ViewOrg => matches!(who, Who::PeerSpecialist | Who::Clinician | Who::OrgAdmin),
        Grant::ManageOrg => who == Who::OrgAdmin,
        Grant::Owner => who == Who::Member,
        Grant::RunGroup => matches!(who, Who::Clinician | Who::OrgAdmin),
        Grant::ClinicalOrg => matches!(who, Who::Clinician | Who::OrgAdmin),
        Grant::OwnerOrStaff => allowed(Grant::Owner, who) || allowed(Grant::ViewOrg, who),
        Grant::InSession => matches!(who, Who::Member | Who::Clinician | Who::OrgAdmin),
    }
}

fn person(fx: &Fixture, who: Who) -> Option<&Person> {
    match who {
        Who::Visitor => None,
        Who::Member => Some(&fx.member),
        Who::PeerSpecialist => Some(&fx.peer),
        Who::Clinician => Some(&fx.clinician),
        Who::OtherOrgAdmin => Some(&fx.other_admin),
        Who::OrgAdmin => Some(&fx.admin),
    }
}

/// A past session of the therapy group, held with the member present, and its signed note,
/// written below the use cases (the walk's clock never reaches a held session): the
/// member's note in it, for the addendum routes.
async fn signed_note(app: &TestApp, fx: &Fixture) -> MemberNoteId {
    let now = app.state.now();
    let session = GroupSession {
        id: SessionId::new(),
        group_id: fx.therapy_group,
        starts_at: now - Duration::hours(3),
        ends_at: now - Duration::minutes(90),
        status: SessionStatus::Held,
        cancel_reason: String::new(),
        schedule_id: None,
        occurrence_date: None,
        moved: false,
        room: String::new(),
    };
    app.store().insert_session(session.clone()).await.unwrap();
    let section = MemberNoteId::new();
    let note = GroupNote {
        session_id: session.id,
        org_id: fx.org,
        group_id: fx.therapy_group,
        author_id: fx.clinician.id,
        author_name: fx.clinician.name.clone(),
        status: NoteStatus::Signed,
        shared: SharedPart {
            topic: "Routines".into(),
            techniques: "Check-in".into(),
            themes: "Sleep".into(),
            observations: String::new(),
        },
        participant_count: 1,
        sections: vec![MemberSection {
            id: section,
            member_id: fx.member.id,
            display_name: fx.member.name.clone(),
            data: "Shared a routine.".into(),
            assessment: "Engaged.".into(),
            plan: "Continue.".into(),
            response: "Tried it.".into(),
            risk_level: Some(RiskLevel::NoneObserved),
            risk_notes: String::new(),
        }],
        created_at: now,
        updated_at: now,
        signed_at: Some(now),
        cosigned_by: None,
        cosigner_name: String::new(),
        cosigned_at: None,
        addenda: Vec::new(),
    };
    let event = AuditEvent::new(
        now,
        Some(fx.clinician.id),
        AuditAction::NoteSign,
        AuditObject {
            kind: "group_note",
            id: session.id.to_string(),
        },
        &Trail::default(),
    );
    app.store()
        .change_note(session.id, Box::new(move |_| Ok(note)), event)
        .await
        .unwrap()
        .unwrap();
    section
}

/// Ids of real objects, or fresh ones that name nothing.
async fn ids(
    app: &TestApp,
    fx: &Fixture,
    leaver: &Person,
    member_note: MemberNoteId,
    real: bool,
    n: usize,
) -> Ids {
    let fresh = || uuid::Uuid::new_v4().to_string();
    // The member's own token, made anew for each call (revoking spends it).
    let member = app.actor(&fx.member).await;
    let me: &SignedIn = member.signed_in().unwrap();
    let input = NewApiTokenInput {
        name: format!("walk {n}"),
    };
    let token = create_api_token(app.store(), app.state.now(), me, &input)
        .await
        .unwrap();
    // The member's calendar feed, made anew for each call (revoking ends it).
    let feed = create_feed(
        app.store(),
        &member,
        app.state.now(),
        &NewFeedInput {
            kind: "member".into(),
            show_group_names: false,
        },
    )
    .await
    .unwrap();
    let setup = SecretToken::generate();
    app.store()
        .create_setup_token(&setup.hash(), app.state.now())
        .await
        .unwrap();
    app.store()
        .set_staff_role(fx.org, leaver.id, Role::PeerSpecialist)
        .await
        .unwrap();
    // A notification of the member, made anew for each call (reading it is idempotent,
    // but a fresh one shows the read really happens).
    let note = Notification::new(fx.member.id, "Walk", "/dashboard", app.state.now());
    app.store()
        .add_notifications(vec![note.clone()])
        .await
        .unwrap();
    // An item of the session's plan, written anew for each call (removing spends it) past
    // the rules, as the walk may have cancelled the session; the plan keeps at most three,
    // so attaching never meets the plan's limit.
    let fresh_item = SessionPlanItem {
        id: SessionPlanItemId::new(),
        session_id: fx.session,
        position: 0,
        technique_id: Some(builtins::CHECK_OUT),
        snapshot: builtin(builtins::CHECK_OUT).unwrap(),
        added_by: None,
        added_at: app.state.now(),
    };
    let plan_item = fresh_item.id;
    app.store()
        .change_session_plan(
            fx.session,
            Box::new(move |_, items| {
                let mut next = items[..items.len().min(2)].to_vec();
                next.push(fresh_item);
                Ok(next)
            }),
        )
        .await
        .unwrap()
        .unwrap();
    let alert = app
        .store()
        .insert_alert(
            AlertId::new(),
            NewAlert {
                org_id: fx.org,
                group_id: fx.therapy_group,
                session_id: Some(fx.session),
                member_id: fx.member.id,
                source: AlertSource::RoomMessage,
                message_seq: Some(1),
                category: "hopelessness",
            },
            app.state.now(),
        )
        .await
        .unwrap();
    if real {
        Ids {
            org: fx.org.to_string(),
            program: fx.program.to_string(),
            location: fx.clinic.to_string(),
            group: fx.therapy_group.to_string(),
            account: leaver.id.to_string(),
            token: token.token.id.to_string(),
            enrollment: fx.member_enrollment.to_string(),
            feed: feed.feed.id.to_string(),
            member: fx.member.id.to_string(),
            session: fx.session.to_string(),
            schedule: fx.schedule.to_string(),
            feed_file: format!("{}.ics", feed.token.expose()),
            setup: setup.expose().to_owned(),
            file: "kindred.css".into(),
            request: fx.member_request.to_string(),
            notification: note.id.to_string(),
            technique: fx.technique.to_string(),
            plan_item: plan_item.to_string(),
            member_note: member_note.to_string(),
            alert: alert.id.to_string(),
            unique: format!("{n}"),
        }
    } else {
        Ids {
            org: fresh(),
            program: fresh(),
            location: fresh(),
            group: fresh(),
            account: fresh(),
            token: fresh(),
            enrollment: fresh(),
            feed: fresh(),
            member: fresh(),
            session: fresh(),
            schedule: fresh(),
            feed_file: format!("{}.ics", SecretToken::generate().expose()),
            setup: SecretToken::generate().expose().to_owned(),
            file: "no-such-file.css".into(),
            request: fresh(),
            notification: fresh(),
            technique: fresh(),
            plan_item: fresh(),
            member_note: fresh(),
            alert: fresh(),
            unique: format!("{n}x"),
        }
    }
}

/// A JSON object as form fields: lists repeat the key, `true` is a ticked box.
fn form_fields(value: &Value) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    for (key, v) in value.as_object().unwrap() {
        match v {
            Value::Array(items) => {
                fields.extend(
                    items
                        .iter()
                        .map(|i| (key.clone(), i.as_str().unwrap().to_owned())),
                );
            }
            Value::Bool(true) => fields.push((key.clone(), "on".into())),
            Value::Bool(false) | Value::Null => {}
            Value::String(s) => fields.push((key.clone(), s.clone())),
            other => fields.push((key.clone(), other.to_string())),
        }
    }
    fields
}

async fn call(app: &TestApp, fx: &Fixture, row: &Row, who: Who, ids: &Ids) -> Resp {
    let client = match person(fx, who) {
        Some(p) => app.client_for(p).await,
        None => app.visitor(),
    };
    let path = row.concrete(ids);
    let body = row.body.map(|b| b(fx, ids));
    let method: Method = row.method.parse().unwrap();
    match (row.kind(), method.clone()) {
        (Kind::Page, Method::POST) => {
            let fields = form_fields(body.as_ref().unwrap());
            let pairs: Vec<(&str, &str)> = fields
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            client.post_form(&path, &pairs).await
        }
        (Kind::Page, _) => client.get(&path).await,
        (Kind::Api, _) => client.json(method, &path, body.as_ref()).await,
    }
}

fn judge(row: &Row, who: Who, resp: &Resp, missing: Option<&Resp>) -> Result<(), String> {
    let to_login = resp.sends_to_sign_in();
    if allowed(row.grant, who) {
        let refused_by_rules = row.state_dependent
            && matches!(
                resp.status,
                StatusCode::CONFLICT | StatusCode::UNPROCESSABLE_ENTITY
            );
        let ok = refused_by_rules
            || match row.kind() {
                Kind::Api => resp.status.is_success(),
                // Signing out everywhere sends the person to the sign-in page: that is success.
                Kind::Page if row.path == "/logout-everywhere" => {
                    to_login
                        && resp
                            .header("set-cookie")
                            .is_some_and(|c| c.contains("Max-Age=0"))
                }
                Kind::Page => {
                    resp.status.is_success() || (resp.status.is_redirection() && !to_login)
                }
            };
        return if ok {
            Ok(())
        } else {
            Err(format!("expected success, got {}", resp.status))
        };
    }
    if who == Who::Visitor {
        let ok = match row.kind() {
            Kind::Api => resp.status == StatusCode::UNAUTHORIZED,
            Kind::Page => to_login,
        };
        return if ok {
            Ok(())
        } else {
            Err(format!("visitor got {} {:?}", resp.status, resp.location()))
        };
    }
    let missing = missing.unwrap();
    if resp.status != StatusCode::NOT_FOUND {
        return Err(format!("UNEXPECTED: expected 404, got {}", resp.status));
    }
    if (missing.status, &missing.body) != (resp.status, &resp.body) {
        return Err(format!(
            "differs from a missing object: {} {:?} vs {} {:?}",
            resp.status,
            resp.text(),
            missing.status,
            missing.text()
        ));
    }
    Ok(())
}

#[tokio::test]
async fn every_route_for_every_role_matches_the_policy() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let leaver = app.account("leaver@clinic.test", "Lee Leaver").await;
        let note = signed_note(&app, &fx).await;
        let mut failures = Vec::new();
        let mut n = 0;
        for row in table() {
            for who in EVERYONE {
                n += 1;
                let real = ids(&app, &fx, &leaver, note, true, n).await;
                let resp = call(&app, &fx, &row, who, &real).await;
                let missing = if who != Who::Visitor && !allowed(row.grant, who) {
                    let fake = ids(&app, &fx, &leaver, note, false, n).await;
                    Some(call(&app, &fx, &row, who, &fake).await)
                } else {
                    None
                };
                if let Err(problem) = judge(&row, who, &resp, missing.as_ref()) {
                    failures.push(format!("{} {} as {who:?}: {problem}", row.method, row.path));
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} policy failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    })
    .await;
}

/// A route added to a router must be added to the table (and a row of the table must name
/// a route that exists).
#[test]
fn the_table_covers_every_declared_route() {
    let normal = |path: &str| -> String {
        path.split('/')
            .map(|s| if s.starts_with('{') { "{}" } else { s })
            .collect::<Vec<_>>()
            .join("/")
    };
    let declared: Vec<(String, String)> = declared_routes()
        .into_iter()
        .map(|r| (r.method, normal(&r.path)))
        .collect();
    let listed: Vec<(String, String)> = table()
        .iter()
        .map(|r| (r.method.to_owned(), normal(r.path)))
        .collect();
    let unlisted: Vec<_> = declared.iter().filter(|r| !listed.contains(r)).collect();
    let undeclared: Vec<_> = listed.iter().filter(|r| !declared.contains(r)).collect();
    assert!(
        unlisted.is_empty(),
        "routes missing from the policy table: {unlisted:?}"
    );
    assert!(
        undeclared.is_empty(),
        "table rows no router declares: {undeclared:?}"
    );
}

/// Not-found is the same answer whoever asks and whatever is missing.
#[tokio::test]
async fn a_refused_page_looks_like_a_missing_page() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let member = app.client_for(&fx.member).await;
        let refused = member.get(&format!("/orgs/{}", fx.org)).await;
        let missing = member.get("/orgs/not-even-an-id").await;
        let nowhere = member.get("/no/such/page").await;
        refused.expect(StatusCode::NOT_FOUND);
        assert_eq!(refused.body, missing.body);
        assert_eq!(refused.body, nowhere.body);
        let request = member
            .request(Method::GET, &format!("/api/v1/orgs/{}", fx.other_org))
            .header(header::ACCEPT, "application/json")
            .body(Body::empty())
            .unwrap();
        let api = member.send(request).await;
        api.expect(StatusCode::NOT_FOUND);
        let staff_client: Client = app.client_for(&fx.other_admin).await;
        let cross = staff_client
            .get(&format!(
                "/api/v1/orgs/{}/groups/{}",
                fx.org, fx.therapy_group
            ))
            .await;
        assert_eq!((cross.status, cross.body), (api.status, api.body));
    })
    .await;
}
