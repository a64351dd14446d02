//! Group notes in the store, on every backend: note text is sealed at rest (a canary never
//! reaches the raw file or a dump), every read and write of it appends its audit event in
//! the same transaction (and a refusal appends none), a signed note locks the session's
//! attendance, and the chart, co-sign queue and missing-documentation lists read it back.

use chrono::{DateTime, Utc};
use kindred_domain::attendance::{AttendanceMark, AttendanceStatus, AttendanceWrite, MarkSource};
use kindred_domain::audit::{verify_chain, AuditAction, AuditEvent, AuditObject, Trail};
use kindred_domain::chart::{ChartGate, ChartScope};
use kindred_domain::ids::{AccountId, AddendumId, GroupId, MemberNoteId, OrgId, SessionId};
use kindred_domain::notes::{Addendum, GroupNote, MemberSection, NoteStatus, SharedPart};
use kindred_domain::orgs::Role;
use kindred_domain::store::UndocumentedScope;
use kindred_domain::{Error, Store};
use kindred_store::testing::{all_backends, raw_contains};

use crate::fixtures::{account, at, facilitator, group, location, org, program, scheduled_session};

const CANARY: &str = "zebra-canary-7f3e91";
const ADDENDUM_CANARY: &str = "okapi-canary-22c4d0";

fn event(action: AuditAction, session: SessionId) -> AuditEvent {
    AuditEvent::new(
        at(200),
        None,
        action,
        AuditObject {
            kind: "group_note",
            id: session.to_string(),
        },
        &Trail {
            request_id: "story".into(),
            client_addr: "127.0.0.1".into(),
        },
    )
}

struct Place {
    org: OrgId,
    group: GroupId,
    group_name: String,
    lead: AccountId,
    members: Vec<AccountId>,
    session: SessionId,
}

async fn place(store: &dyn Store) -> Place {
    let clinic = org("Notes Clinic");
    store.create_organization(clinic.clone()).await.unwrap();
    let p = program(clinic.id, "Outpatient");
    let l = location(clinic.id, "Elm St");
    store.insert_program(p.clone()).await.unwrap();
    store.insert_location(l.clone()).await.unwrap();
    let lead = account("lead@notes.test", "Lena Lead");
    store.create_account(lead.clone()).await.unwrap();
    store
        .set_staff_role(clinic.id, lead.id, Role::Clinician)
        .await
        .unwrap();
    let mut g = group(&p, &l, "Quiet Harbor Group");
    g.facilitators = vec![facilitator(lead.id, Role::Clinician, true)];
    store.insert_group(g.clone()).await.unwrap();
    let mut members = Vec::new();
    for (email, name) in [("a@notes.test", "Ari One"), ("b@notes.test", "Bo Two")] {
        let m = account(email, name);
        store.create_account(m.clone()).await.unwrap();
        members.push(m.id);
    }
    let session = scheduled_session(g.id, 0);
    store.insert_session(session.clone()).await.unwrap();
    // Both members marked present: the session is held.
    let marks: Vec<AttendanceMark> = members
        .iter()
        .map(|m| AttendanceMark {
            session_id: session.id,
            account_id: *m,
            status: AttendanceStatus::Present,
            minutes: 90,
            source: MarkSource::Staff,
            marked_by: Some(lead.id),
            marked_at: at(95),
            online_minutes: 0,
        })
        .collect();
    store
        .change_attendance(
            session.id,
            Box::new(move |_| {
                Ok(AttendanceWrite {
                    marks,
                    changes: Vec::new(),
                    held: true,
                })
            }),
        )
        .await
        .unwrap()
        .unwrap();
    Place {
        org: clinic.id,
        group: g.id,
        group_name: g.name,
        lead: lead.id,
        members,
        session: session.id,
    }
}

fn note(p: &Place, status: NoteStatus, now: DateTime<Utc>) -> GroupNote {
    GroupNote {
        session_id: p.session,
        org_id: p.org,
        group_id: p.group,
        author_id: p.lead,
        author_name: "Lena Lead".into(),
        status,
        shared: SharedPart {
            topic: format!("Sleep and mood {CANARY}"),
            techniques: "Psychoeducation".into(),
            themes: "Routines".into(),
            observations: String::new(),
        },
        participant_count: 2,
        sections: p
            .members
            .iter()
            .map(|m| MemberSection {
                id: MemberNoteId::new(),
                member_id: *m,
                display_name: String::new(),
                data: format!("Shared a routine {CANARY} for {m}"),
                assessment: "Engaged".into(),
                plan: "Continue".into(),
                response: "Tried it".into(),
                risk_level: None,
                risk_notes: String::new(),
            })
            .collect(),
        created_at: now,
        updated_at: now,
        signed_at: (status != NoteStatus::Draft).then_some(now),
        cosigned_by: None,
        cosigner_name: String::new(),
        cosigned_at: None,
        addenda: Vec::new(),
    }
}

/// A reader who sees the whole chart.
fn whole() -> ChartGate {
    ChartGate::Whole
}

async fn events(store: &dyn Store) -> Vec<AuditAction> {
    let chain = store.audit_chain(0, 1000).await.unwrap();
    let head = store.audit_head().await.unwrap();
    verify_chain(chain.clone(), head).unwrap();
    chain.into_iter().map(|c| c.event.action).collect()
}

#[tokio::test]
async fn notes_are_sealed_audited_and_lock_attendance() {
    for (backend, database) in all_backends().await {
        eprintln!("--- backend: {backend}");
        let store = database.store();
        let p = place(store.as_ref()).await;

        // A refused change writes nothing, its audit event included.
        let refused = store
            .change_note(
                p.session,
                Box::new(|_| Err(Error::Conflict("no".into()))),
                event(AuditAction::NoteSign, p.session),
            )
            .await
            .unwrap();
        assert!(refused.is_err());
        assert!(events(store.as_ref()).await.is_empty(), "{backend}");

        // A draft, then the signed note: each write with its event.
        let draft = note(&p, NoteStatus::Draft, at(120));
        store
            .change_note(
                p.session,
                Box::new(move |_| Ok(draft)),
                event(AuditAction::NoteSave, p.session),
            )
            .await
            .unwrap()
            .unwrap();
        let signed = note(&p, NoteStatus::Signed, at(130));
        store
            .change_note(
                p.session,
                Box::new(move |_| Ok(signed)),
                event(AuditAction::NoteSign, p.session),
            )
            .await
            .unwrap()
            .unwrap();
        let state = store
            .note_state(p.session, event(AuditAction::NoteView, p.session))
            .await
            .unwrap()
            .unwrap();
        let stored = state.existing.unwrap();
        assert_eq!(stored.status, NoteStatus::Signed);
        assert!(stored.shared.topic.ends_with(CANARY));
        assert_eq!(stored.sections.len(), 2);
        assert_eq!(stored.sections[0].member_id, p.members[0]);

        // The attendance sheet now reads as documented.
        let documented = store
            .change_attendance(
                p.session,
                Box::new(|sheet| {
                    Ok(AttendanceWrite {
                        held: sheet.documented,
                        ..AttendanceWrite::default()
                    })
                }),
            )
            .await
            .unwrap()
            .unwrap();
        assert!(
            documented.held,
            "{backend}: a signed note documents the session"
        );

        let addendum = Addendum {
            id: AddendumId::new(),
            member_note_id: stored.sections[0].id,
            author_id: p.lead,
            author_name: "Lena Lead".into(),
            body: format!("Called back {ADDENDUM_CANARY}"),
            created_at: at(300),
        };
        store
            .add_addendum(addendum, event(AuditAction::AddendumAdd, p.session))
            .await
            .unwrap();

        // The chart: the member's own section, with the shared part and the addendum. The
        // decision sees the member's one group, in the same transaction as the reads.
        let group = p.group;
        let sees_group = ChartGate::ByGroups(Box::new(move |groups| {
            assert_eq!(groups.iter().map(|g| g.id).collect::<Vec<_>>(), [group]);
            Ok(ChartScope::Whole)
        }));
        let chart = store
            .member_chart(
                p.org,
                p.members[0],
                sees_group,
                event(AuditAction::ChartView, p.session),
            )
            .await
            .unwrap()
            .unwrap()
            .unwrap()
            .record;
        assert_eq!(chart.notes.len(), 1);
        assert_eq!(chart.notes[0].section.member_id, p.members[0]);
        assert!(chart.notes[0].addenda[0].body.ends_with(ADDENDUM_CANARY));
        assert_eq!(chart.attendance.len(), 1);
        let other = store
            .member_chart(
                p.org,
                p.members[1],
                whole(),
                event(AuditAction::ChartView, p.session),
            )
            .await
            .unwrap()
            .unwrap()
            .unwrap()
            .record;
        assert!(other.notes[0].addenda.is_empty());
        // Nobody unrelated has a chart here.
        assert!(store
            .member_chart(
                p.org,
                AccountId::new(),
                whole(),
                event(AuditAction::ChartView, p.session)
            )
            .await
            .unwrap()
            .unwrap()
            .is_none());
        // A refusal reads nothing and records the refused attempt.
        let refuse = ChartGate::ByGroups(Box::new(|_| Err(Error::NotFound)));
        let refused = store
            .member_chart(
                p.org,
                p.members[0],
                refuse,
                event(AuditAction::ChartView, p.session),
            )
            .await
            .unwrap();
        assert!(matches!(refused, Err(Error::NotFound)), "{backend}");

        assert_eq!(
            events(store.as_ref()).await,
            vec![
                AuditAction::NoteSave,
                AuditAction::NoteSign,
                AuditAction::NoteView,
                AuditAction::AddendumAdd,
                AuditAction::ChartView,
                AuditAction::ChartView,
                AuditAction::ChartView,
            ],
            "{backend}"
        );

        // Signed: no longer missing documentation.
        let missing = store
            .undocumented(UndocumentedScope::Org(p.org), at(90 + 25 * 60), 50)
            .await
            .unwrap();
        assert!(missing.is_empty(), "{backend}: {missing:?}");

        // At rest, the note text is nowhere in the clear; the group name (not sealed) is.
        assert!(
            !raw_contains(&database, CANARY),
            "{backend}: note text at rest"
        );
        assert!(
            !raw_contains(&database, ADDENDUM_CANARY),
            "{backend}: addendum at rest"
        );
        assert!(
            raw_contains(&database, &p.group_name),
            "{backend}: the scan sees rows"
        );
        database.close().await;
    }
}

#[tokio::test]
async fn unsigned_and_awaiting_notes_are_listed_until_final() {
    for (backend, database) in all_backends().await {
        eprintln!("--- backend: {backend}");
        let store = database.store();
        let p = place(store.as_ref()).await;
        let late = at(90 + 25 * 60);
        let listed = |scope| {
            let store = store.clone();
            async move { store.undocumented(scope, late, 50).await.unwrap() }
        };
        let missing = listed(UndocumentedScope::Facilitator(p.lead)).await;
        assert_eq!(missing.len(), 1, "{backend}");
        assert_eq!(missing[0].session_id, p.session);
        assert_eq!(missing[0].note_status, None);
        // Within the day it is not listed yet: the cutoff (a day before now) is before its end.
        assert!(store
            .undocumented(UndocumentedScope::Org(p.org), at(89), 50)
            .await
            .unwrap()
            .is_empty());

        let awaiting = note(&p, NoteStatus::AwaitingCosign, at(130));
        store
            .change_note(
                p.session,
                Box::new(move |_| Ok(awaiting)),
                event(AuditAction::NoteSign, p.session),
            )
            .await
            .unwrap()
            .unwrap();
        let missing = listed(UndocumentedScope::Org(p.org)).await;
        assert_eq!(missing[0].note_status, Some(NoteStatus::AwaitingCosign));
        let queue = store.cosign_queue(p.org).await.unwrap();
        assert_eq!(queue.len(), 1);
        assert_eq!(queue[0].author_name, "Lena Lead");
        assert_eq!(queue[0].group_name, p.group_name);
        database.close().await;
    }
}
