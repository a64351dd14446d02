//! Requests to join and notifications on every backend: a request with its screening
//! answers comes back as written, one open request per person and group, accepting enrols
//! (or waitlists) in the same transaction, a refused step writes nothing, notifications are
//! read per person.

use std::collections::BTreeMap;

use kindred_domain::enrollments::EnrollmentStatus;
use kindred_domain::ids::{NotificationId, RequestId};
use kindred_domain::intake::{
    parse_request, parse_step, rules, IntakeAction, RequestInput, RequestStatus, TransitionInput,
};
use kindred_domain::{Error, StoreError};
use kindred_store::testing::all_backends;

use crate::fixtures::{account, at, group, location, org, program};

fn input(name: &str) -> RequestInput {
    RequestInput {
        name: name.into(),
        contact: "555-0100 after 6pm".into(),
        availability: "Weekday evenings".into(),
        screening: Some(complete_screening()),
    }
}

/// A complete screen at the least concern, but for PHQ-9's first item.
fn complete_screening() -> BTreeMap<String, String> {
    let mut answers = BTreeMap::new();
    for instrument in kindred_domain::instruments::ALL {
        for item in instrument.items {
            answers.insert(
                format!("{}.{}", instrument.code, item.code),
                item.options[0].code.to_owned(),
            );
        }
    }
    for question in kindred_domain::screening::QUESTIONS {
        answers.insert(
            question.code.to_owned(),
            question.options[0].code.to_owned(),
        );
    }
    answers.insert("phq-9.q1".into(), "2".into());
    answers
}

fn accept() -> kindred_domain::intake::Step {
    parse_step(&TransitionInput {
        action: "accept".into(),
        note: "Intake call done".into(),
        ..TransitionInput::default()
    })
    .unwrap()
}

#[tokio::test]
async fn requests_move_through_the_queue_and_accepting_enrols_in_one_transaction() {
    for (backend, database) in all_backends().await {
        let store = database.store();
        let clinic = org("Harbor Clinic");
        store.create_organization(clinic.clone()).await.unwrap();
        let p = program(clinic.id, "IOP");
        let l = location(clinic.id, "Main St");
        store.insert_program(p.clone()).await.unwrap();
        store.insert_location(l.clone()).await.unwrap();
        let mut g = group(&p, &l, "Evening skills");
        g.capacity = 1;
        g.facilitators.clear();
        store.insert_group(g.clone()).await.unwrap();
        let staff = account("intake@example.org", "Ines Intake");
        let ana = account("ana@example.org", "Ana");
        let ben = account("ben@example.org", "Ben");
        for a in [&staff, &ana, &ben] {
            store.create_account(a.clone()).await.unwrap();
        }

        // Ana asks, with a screening attached; the intake worker is told.
        let (request, event, notes) = rules::submit(
            parse_request(&input("Ana P.")).unwrap(),
            clinic.id,
            g.id,
            &g.name,
            ana.id,
            &[staff.id],
            at(0),
        );
        store
            .submit_request(request.clone(), event.clone(), notes)
            .await
            .unwrap();
        let read = store.join_request(request.id).await.unwrap().unwrap();
        assert_eq!(read, request, "{backend}: a request reads back as written");
        assert_eq!(read.screening.as_ref().unwrap()["phq-9.q1"], "2");
        assert_eq!(
            store
                .open_request(g.id, ana.id)
                .await
                .unwrap()
                .map(|r| r.id),
            Some(request.id)
        );
        assert_eq!(
            store
                .count_requests(clinic.id, RequestStatus::New)
                .await
                .unwrap(),
            1
        );
        let inbox = store.notifications_of(staff.id, true, 10).await.unwrap();
        assert_eq!(inbox.len(), 1, "{backend}");
        assert_eq!(inbox[0].text, "New request to join Evening skills");

        // A second open request for the same group is refused by the database too.
        let (twice, twice_event, _) = rules::submit(
            parse_request(&input("Ana again")).unwrap(),
            clinic.id,
            g.id,
            &g.name,
            ana.id,
            &[],
            at(1),
        );
        let refused = store.submit_request(twice, twice_event, vec![]).await;
        assert!(
            matches!(refused, Err(StoreError::Duplicate(_))),
            "{backend}: {refused:?}"
        );

        // Accepting takes the one seat: the enrollment, the step and the notice together.
        let step = accept();
        let s = staff.id;
        let change = store
            .change_request(
                request.id,
                Box::new(move |r, roster| rules::transition(r, roster, &step, s, at(2))),
            )
            .await
            .unwrap()
            .unwrap();
        assert_eq!(change.request.outcome, Some(EnrollmentStatus::Active));
        let ana_enrolled = store
            .current_enrollment(g.id, ana.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(ana_enrolled.status, EnrollmentStatus::Active, "{backend}");
        let stored = store.join_request(request.id).await.unwrap().unwrap();
        assert_eq!(stored.status, RequestStatus::Accepted);
        assert_eq!(stored.outcome, Some(EnrollmentStatus::Active));
        let history = store.request_events(request.id).await.unwrap();
        let steps: Vec<_> = history.iter().map(|e| (e.action, e.actor_id)).collect();
        assert_eq!(
            steps,
            [
                (IntakeAction::Submitted, Some(ana.id)),
                (IntakeAction::Accept, Some(staff.id))
            ],
            "{backend}"
        );
        assert_eq!(history[1].note, "Intake call done");
        let ana_inbox = store.notifications_of(ana.id, false, 10).await.unwrap();
        assert_eq!(ana_inbox.len(), 1);
        assert!(ana_inbox[0].text.contains("accepted"));

        // Ben is accepted into the full group: waitlisted.
        let (ben_request, ben_event, ben_notes) = rules::submit(
            parse_request(&input("B")).unwrap(),
            clinic.id,
            g.id,
            &g.name,
            ben.id,
            &[staff.id],
            at(3),
        );
        store
            .submit_request(ben_request.clone(), ben_event, ben_notes)
            .await
            .unwrap();
        let step = accept();
        let change = store
            .change_request(
                ben_request.id,
                Box::new(move |r, roster| rules::transition(r, roster, &step, s, at(4))),
            )
            .await
            .unwrap()
            .unwrap();
        assert_eq!(change.request.outcome, Some(EnrollmentStatus::Waitlisted));
        let waiting = store
            .current_enrollment(g.id, ben.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(waiting.status, EnrollmentStatus::Waitlisted, "{backend}");

        // Accepting again is refused and writes nothing: no event, no notification.
        let step = accept();
        let again = store
            .change_request(
                ben_request.id,
                Box::new(move |r, roster| rules::transition(r, roster, &step, s, at(5))),
            )
            .await
            .unwrap();
        assert!(matches!(again, Err(Error::Conflict(_))), "{backend}");
        assert_eq!(store.request_events(ben_request.id).await.unwrap().len(), 2);
        assert_eq!(
            store
                .notifications_of(ben.id, false, 10)
                .await
                .unwrap()
                .len(),
            1
        );
        let missing = store
            .change_request(
                RequestId::new(),
                Box::new(|_, _| Err(Error::Conflict("never runs".into()))),
            )
            .await;
        assert!(matches!(missing, Err(StoreError::NotFound)), "{backend}");

        // The queue by status, and each person's own list.
        let accepted = store
            .requests_of_org(clinic.id, Some(RequestStatus::Accepted))
            .await
            .unwrap();
        assert_eq!(accepted.len(), 2);
        assert_eq!(accepted[0].id, request.id, "{backend}: oldest first");
        assert!(store
            .requests_of_org(clinic.id, Some(RequestStatus::New))
            .await
            .unwrap()
            .is_empty());
        assert_eq!(
            store.requests_of_org(clinic.id, None).await.unwrap().len(),
            2
        );
        assert_eq!(store.requests_of_account(ben.id).await.unwrap().len(), 1);

        // Notifications are marked read by their owner only.
        let note = inbox[0].id;
        assert!(!store
            .mark_notification_read(ana.id, note, at(6))
            .await
            .unwrap());
        assert!(store
            .mark_notification_read(staff.id, note, at(6))
            .await
            .unwrap());
        assert!(store
            .mark_notification_read(staff.id, note, at(7))
            .await
            .unwrap());
        let read = store.notifications_of(staff.id, false, 10).await.unwrap();
        let first = read.iter().find(|n| n.id == note).unwrap();
        assert_eq!(
            first.read_at,
            Some(at(6)),
            "{backend}: the first reading stays"
        );
        assert!(!store
            .mark_notification_read(staff.id, NotificationId::new(), at(6))
            .await
            .unwrap());
        assert_eq!(
            store
                .mark_all_notifications_read(staff.id, at(8))
                .await
                .unwrap(),
            1,
            "{backend}: Ben's request"
        );
        assert!(store
            .notifications_of(staff.id, true, 10)
            .await
            .unwrap()
            .is_empty());
        database.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_request_accepted_by_several_at_once_is_accepted_once_and_enrols_once() {
    for (backend, database) in all_backends().await {
        let store = database.store();
        let clinic = org("Bay Clinic");
        store.create_organization(clinic.clone()).await.unwrap();
        let p = program(clinic.id, "IOP");
        let l = location(clinic.id, "Pier St");
        store.insert_program(p.clone()).await.unwrap();
        store.insert_location(l.clone()).await.unwrap();
        let mut g = group(&p, &l, "Morning skills");
        g.facilitators.clear();
        store.insert_group(g.clone()).await.unwrap();
        let staff = account("bay-intake@example.org", "Bo");
        let asker = account("asker@example.org", "Asker");
        for a in [&staff, &asker] {
            store.create_account(a.clone()).await.unwrap();
        }
        let (request, event, notes) = rules::submit(
            parse_request(&input("Asker")).unwrap(),
            clinic.id,
            g.id,
            &g.name,
            asker.id,
            &[staff.id],
            at(0),
        );
        store
            .submit_request(request.clone(), event, notes)
            .await
            .unwrap();
        let mut racers = Vec::new();
        for i in 0..6 {
            let store = store.clone();
            let s = staff.id;
            racers.push(tokio::spawn(async move {
                let step = accept();
                store
                    .change_request(
                        request.id,
                        Box::new(move |r, roster| rules::transition(r, roster, &step, s, at(i))),
                    )
                    .await
            }));
        }
        let mut accepted = 0;
        for racer in racers {
            match racer.await.unwrap().unwrap() {
                Ok(_) => accepted += 1,
                Err(Error::Conflict(_)) => {}
                Err(other) => panic!("{backend}: {other:?}"),
            }
        }
        assert_eq!(accepted, 1, "{backend}: exactly one acceptance");
        assert_eq!(store.request_events(request.id).await.unwrap().len(), 2);
        let roster = store.roster(g.id).await.unwrap().unwrap();
        assert_eq!(roster.active().len(), 1, "{backend}: enrolled once");
        assert_eq!(
            store
                .notifications_of(asker.id, false, 10)
                .await
                .unwrap()
                .len(),
            1
        );
        database.close().await;
    }
}
