//! The audit trail on every backend: events chain and read back exactly (times to the
//! microsecond), the organization's view filters and pages and is itself recorded, and
//! every kind of tampering done behind the store's back (a changed field, a deleted,
//! reordered or unreadable event, a cut tail, an event past the head) is found at the
//! right event. Concurrent appends make one chain without gaps.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use kindred_domain::audit::{
    verify_trail, AuditAction, AuditEvent, AuditObject, BrokenLink, IntactChain, Outcome, Trail,
    GENESIS,
};
use kindred_domain::ids::{AccountId, OrgId};
use kindred_domain::store::AuditQuery;
use kindred_domain::Store;
use kindred_store::testing::{all_backends, raw_execute};
use kindred_store::{Backend, Database};

use crate::fixtures::{account, org, t0};

fn trail(n: i64) -> Trail {
    Trail {
        request_id: format!("req-{n}"),
        client_addr: "192.0.2.10".into(),
    }
}

fn note_event(n: i64, at: DateTime<Utc>, actor: AccountId, org: OrgId) -> AuditEvent {
    AuditEvent::new(
        at,
        Some(actor),
        AuditAction::NoteView,
        AuditObject {
            kind: "group_note",
            id: format!("note-{n}"),
        },
        &trail(n),
    )
    .in_org(org)
}

async fn verified(store: &dyn Store) -> Result<IntactChain, BrokenLink> {
    verify_trail(store, None).await.expect("the trail reads")
}

async fn broken(store: &dyn Store, backend: &str, what: &str) -> BrokenLink {
    match verified(store).await {
        Ok(intact) => panic!(
            "{backend}: {what} went unnoticed ({} events)",
            intact.events
        ),
        Err(broken) => broken,
    }
}

/// Empties the chain and appends `n` events anew (times with nanoseconds, which the
/// store keeps to the microsecond).
async fn fresh_chain(db: &Database, store: &dyn Store, n: i64) {
    let zeros = match db.backend() {
        Backend::Sqlite => "zeroblob(32)",
        Backend::Postgres => "decode(repeat('00', 32), 'hex')",
    };
    raw_execute(
        db,
        &format!(
            "DELETE FROM audit_events; DELETE FROM audit_head; \
             INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, {zeros});"
        ),
    )
    .await;
    let (actor, org) = (AccountId::new(), OrgId::new());
    for i in 1..=n {
        let at = t0() + Duration::nanoseconds(i * 1_234_567_891);
        store
            .record_audit(note_event(i, at, actor, org))
            .await
            .unwrap();
    }
    assert_eq!(verified(store).await.unwrap().events, n);
}

#[tokio::test]
async fn events_chain_read_back_exactly_and_the_view_filters_and_is_recorded() {
    for (backend, db) in all_backends().await {
        let store = db.store();
        let store = store.as_ref();
        assert_eq!(store.audit_head().await.unwrap(), Some((0, GENESIS)));
        assert_eq!(verified(store).await.unwrap().events, 0);

        let clinic = org("Lakeside");
        store.create_organization(clinic.clone()).await.unwrap();
        let dana = account("dana@lakeside.test", "Dana Admin");
        let ruth = account("ruth@lakeside.test", "Ruth Member");
        store.create_account(dana.clone()).await.unwrap();
        store.create_account(ruth.clone()).await.unwrap();
        let gone = AccountId::new();
        let elsewhere = OrgId::new();

        let at = |minutes: i64| t0() + Duration::minutes(minutes) + Duration::nanoseconds(1_500);
        let events = [
            note_event(1, at(0), dana.id, clinic.id).about(ruth.id),
            note_event(2, at(10), gone, clinic.id),
            note_event(3, at(20), dana.id, elsewhere),
            AuditEvent::new(
                at(30),
                None,
                AuditAction::ChartView,
                AuditObject {
                    kind: "chart",
                    id: ruth.id.to_string(),
                },
                &Trail::default(),
            )
            .in_org(clinic.id)
            .about(ruth.id)
            .denied(),
            note_event(5, at(24 * 60), dana.id, clinic.id).about(ruth.id),
        ];
        for event in events.iter().cloned() {
            store.record_audit(event).await.unwrap();
        }

        // The chain reads back field for field, times cut to the microsecond.
        let chain = store.audit_chain(0, 100).await.unwrap();
        assert_eq!(
            chain.iter().map(|e| e.seq).collect::<Vec<_>>(),
            [1, 2, 3, 4, 5]
        );
        for (stored, written) in chain.iter().zip(&events) {
            let mut expected = written.clone();
            expected.at = written.at - Duration::nanoseconds(500);
            assert_eq!(stored.event, expected, "{backend}");
        }
        assert_eq!(chain[1].prev_hash, chain[0].hash);
        assert_eq!(store.audit_chain(3, 1).await.unwrap()[0].seq, 4);
        let intact = verified(store).await.unwrap();
        assert_eq!(intact.events, 5);
        assert_eq!(store.audit_head().await.unwrap(), Some((5, chain[4].hash)));
        assert_eq!(intact.head, chain[4].hash);

        // The view: one organization, newest first, names where the account exists.
        let all = AuditQuery {
            org: clinic.id,
            actor: None,
            member: None,
            action: None,
            from: None,
            to: None,
            before_seq: None,
            limit: 50,
        };
        let viewing = |n: i64| {
            AuditEvent::new(
                t0() + Duration::days(2),
                Some(dana.id),
                AuditAction::AuditView,
                AuditObject {
                    kind: "audit_trail",
                    id: clinic.id.to_string(),
                },
                &trail(100 + n),
            )
            .in_org(clinic.id)
        };
        let seqs = |entries: &[kindred_domain::audit::AuditEntry]| {
            entries.iter().map(|e| e.seq).collect::<Vec<_>>()
        };
        let entries = store.audit_trail(all, viewing(1)).await.unwrap();
        assert_eq!(seqs(&entries), [5, 4, 2, 1], "{backend}");
        let first = &entries[3];
        assert_eq!(first.actor_name.as_deref(), Some("Dana Admin"));
        assert_eq!(first.actor_email.as_deref(), Some("dana@lakeside.test"));
        assert_eq!(first.member_name.as_deref(), Some("Ruth Member"));
        assert_eq!(first.object_id, "note-1");
        assert_eq!(first.request_id, "req-1");
        assert_eq!(first.client_addr, "192.0.2.10");
        assert_eq!(entries[2].actor_id, Some(gone));
        assert_eq!(
            entries[2].actor_name, None,
            "an account that is gone has no name"
        );
        assert_eq!(entries[1].outcome, Outcome::Denied);
        assert_eq!(entries[1].actor_id, None);
        // The reading was recorded, in the same transaction, as event 6.
        let head = store.audit_head().await.unwrap().unwrap();
        assert_eq!(head.0, 6);
        let sixth = &store.audit_chain(5, 10).await.unwrap()[0];
        assert_eq!(sixth.event.action, AuditAction::AuditView);
        assert_eq!(sixth.event.request_id, "req-101");

        let filtered = |q: AuditQuery| {
            let event = viewing(2);
            async move {
                let entries = store.audit_trail(q, event).await.unwrap();
                entries.iter().map(|e| e.seq).collect::<Vec<_>>()
            }
        };
        let member = AuditQuery {
            member: Some(ruth.id),
            ..all
        };
        assert_eq!(filtered(member).await, [5, 4, 1]);
        let actor = AuditQuery {
            actor: Some(dana.id),
            ..all
        };
        // Dana's own view of the trail (event 6) is in it now.
        assert_eq!(filtered(actor).await, [7, 6, 5, 1]);
        let action = AuditQuery {
            action: Some(AuditAction::ChartView),
            ..all
        };
        assert_eq!(filtered(action).await, [4]);
        let day_one = AuditQuery {
            from: Some(t0() + Duration::minutes(10)),
            to: Some(t0() + Duration::days(1)),
            ..all
        };
        assert_eq!(filtered(day_one).await, [4, 2]);
        let page = AuditQuery {
            before_seq: Some(5),
            limit: 2,
            ..all
        };
        assert_eq!(filtered(page).await, [4, 2]);
        let nothing = AuditQuery {
            org: elsewhere,
            action: Some(AuditAction::NoteSign),
            ..all
        };
        assert_eq!(filtered(nothing).await, Vec::<i64>::new());
        assert_eq!(verified(store).await.unwrap().events, 12, "{backend}");
        db.close().await;
    }
}

#[tokio::test]
async fn tampering_behind_the_stores_back_is_found_at_the_right_event() {
    for (backend, db) in all_backends().await {
        let store = db.store();
        let store = store.as_ref();

        // A field of a middle event changed.
        for change in [
            "object_id = 'note-99'",
            "client_addr = '203.0.113.9'",
            "action = 'note_sign'",
            "outcome = 'denied'",
            "actor_id = NULL",
        ] {
            fresh_chain(&db, store, 5).await;
            raw_execute(
                &db,
                &format!("UPDATE audit_events SET {change} WHERE seq = 3"),
            )
            .await;
            let found = broken(store, backend, change).await;
            assert_eq!(found.seq, 3, "{backend}: {change}: {found:?}");
            assert!(found.reason.contains("changed"), "{found:?}");
        }
        // Its time moved by one microsecond.
        fresh_chain(&db, store, 5).await;
        let later = match db.backend() {
            // The last digit of the microseconds (5 in this event) made a 9.
            Backend::Sqlite => "at = substr(at, 1, 25) || '9Z'",
            Backend::Postgres => "at = at + interval '1 microsecond'",
        };
        raw_execute(
            &db,
            &format!("UPDATE audit_events SET {later} WHERE seq = 2"),
        )
        .await;
        assert_eq!(broken(store, backend, "a moved time").await.seq, 2);

        // A middle event deleted.
        fresh_chain(&db, store, 5).await;
        raw_execute(&db, "DELETE FROM audit_events WHERE seq = 3").await;
        let found = broken(store, backend, "a deleted event").await;
        assert_eq!(found.seq, 3, "{found:?}");
        assert!(found.reason.contains("missing"), "{found:?}");

        // Two events' contents swapped (reordered).
        fresh_chain(&db, store, 5).await;
        raw_execute(
            &db,
            "UPDATE audit_events SET seq = -2 WHERE seq = 2; \
             UPDATE audit_events SET seq = 2 WHERE seq = 4; \
             UPDATE audit_events SET seq = 4 WHERE seq = -2;",
        )
        .await;
        let found = broken(store, backend, "reordered events").await;
        assert_eq!(found.seq, 2, "{found:?}");

        // The newest event deleted, the head untouched.
        fresh_chain(&db, store, 5).await;
        raw_execute(&db, "DELETE FROM audit_events WHERE seq = 5").await;
        let found = broken(store, backend, "a deleted last event").await;
        assert_eq!(found.seq, 5, "{found:?}");
        assert!(found.reason.contains("head"), "{found:?}");

        // The two newest deleted, the head untouched.
        fresh_chain(&db, store, 5).await;
        raw_execute(&db, "DELETE FROM audit_events WHERE seq >= 4").await;
        assert_eq!(broken(store, backend, "a cut tail").await.seq, 4);

        // The head deleted.
        fresh_chain(&db, store, 5).await;
        raw_execute(&db, "DELETE FROM audit_head").await;
        assert_eq!(broken(store, backend, "a missing head").await.seq, 1);

        // The head moved back: the newest event is left past it.
        fresh_chain(&db, store, 5).await;
        raw_execute(
            &db,
            "UPDATE audit_head SET seq = 4, \
             hash = (SELECT hash FROM audit_events WHERE seq = 4)",
        )
        .await;
        let found = broken(store, backend, "an event past the head").await;
        assert_eq!(found.seq, 5, "{found:?}");

        // A stored value that no longer reads as an event.
        fresh_chain(&db, store, 5).await;
        raw_execute(
            &db,
            "UPDATE audit_events SET action = 'burned' WHERE seq = 3",
        )
        .await;
        let found = broken(store, backend, "an unreadable event").await;
        assert_eq!(found.seq, 3, "{found:?}");
        assert!(found.reason.contains("cannot be read"), "{found:?}");

        // What verification cannot prove: the newest event deleted and the head rewritten
        // to match is a valid, shorter chain. Operators keep the printed head elsewhere.
        fresh_chain(&db, store, 5).await;
        let recorded = verified(store).await.unwrap().head;
        raw_execute(
            &db,
            "DELETE FROM audit_events WHERE seq = 5; UPDATE audit_head SET seq = 4, \
             hash = (SELECT hash FROM audit_events WHERE seq = 4)",
        )
        .await;
        let rewritten = verified(store).await.unwrap();
        assert_eq!(rewritten.events, 4);
        assert_ne!(
            rewritten.head, recorded,
            "only the head kept elsewhere tells"
        );
        db.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_appends_make_one_chain_without_gaps() {
    for (backend, db) in all_backends().await {
        let store: Arc<dyn Store> = db.store();
        let org = OrgId::new();
        let mut tasks = Vec::new();
        for i in 1..=20 {
            let store = store.clone();
            tasks.push(tokio::spawn(async move {
                let event = note_event(i, t0(), AccountId::new(), org);
                if i % 4 == 0 {
                    // Views append inside the transaction of their read.
                    let query = AuditQuery {
                        org,
                        actor: None,
                        member: None,
                        action: None,
                        from: None,
                        to: None,
                        before_seq: None,
                        limit: 5,
                    };
                    store.audit_trail(query, event).await.map(|_| ())
                } else {
                    store.record_audit(event).await
                }
            }));
        }
        for task in tasks {
            task.await
                .unwrap()
                .unwrap_or_else(|e| panic!("{backend}: {e}"));
        }
        let chain = store.audit_chain(0, 100).await.unwrap();
        assert_eq!(
            chain.iter().map(|e| e.seq).collect::<Vec<_>>(),
            (1..=20).collect::<Vec<_>>(),
            "{backend}"
        );
        let mut ids: Vec<String> = chain.iter().map(|e| e.event.object.id.clone()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 20, "{backend}: every append is there once");
        assert_eq!(
            verified(store.as_ref()).await.unwrap().events,
            20,
            "{backend}"
        );
        db.close().await;
    }
}
