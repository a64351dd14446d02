//! Enrollments on every backend: the last seat under a race, the waitlist handing seats
//! on, and history that is appended, never rewritten.

use kindred_domain::enrollments::{rules, EnrollmentAction, EnrollmentStatus};
use kindred_domain::ids::AccountId;
use kindred_domain::Error;
use kindred_store::testing::all_backends;

use crate::fixtures::{account, at, group, location, org, program};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_last_seat_goes_to_exactly_one_of_many_who_take_it_at_once() {
    for (backend, database) in all_backends().await {
        let store = database.store();
        let clinic = org("Harbor Clinic");
        store.create_organization(clinic.clone()).await.unwrap();
        let p = program(clinic.id, "IOP");
        let l = location(clinic.id, "Main St");
        store.insert_program(p.clone()).await.unwrap();
        store.insert_location(l.clone()).await.unwrap();
        let mut g = group(&p, &l, "Evening skills");
        g.capacity = 3;
        store.insert_group(g.clone()).await.unwrap();

        // Two seats are taken; eight people go for the last one at the same moment.
        let mut people = Vec::new();
        for i in 0..10 {
            let a = account(&format!("m{i}@example.org"), &format!("Member {i}"));
            store.create_account(a.clone()).await.unwrap();
            people.push(a.id);
        }
        for person in &people[..2] {
            let person = *person;
            store
                .change_roster(g.id, Box::new(move |r| rules::join(r, person, at(0))))
                .await
                .unwrap()
                .unwrap();
        }
        let mut racers = Vec::new();
        for person in people[2..].iter().copied() {
            let store = store.clone();
            racers.push(tokio::spawn(async move {
                store
                    .change_roster(g.id, Box::new(move |r| rules::join(r, person, at(1))))
                    .await
            }));
        }
        for racer in racers {
            racer.await.unwrap().unwrap().unwrap();
        }
        let roster = store.roster(g.id).await.unwrap().unwrap();
        assert_eq!(roster.active().len(), 3, "{backend}: capacity holds");
        let waitlist = roster.waitlist();
        assert_eq!(waitlist.len(), 7, "{backend}");
        let mut places: Vec<_> = waitlist
            .iter()
            .map(|e| e.enrollment.queue_position.unwrap())
            .collect();
        places.dedup();
        assert_eq!(
            places.len(),
            7,
            "{backend}: every place in the queue is distinct"
        );

        // Joining twice is refused and changes nothing.
        let again = people[0];
        let refused = store
            .change_roster(g.id, Box::new(move |r| rules::join(r, again, at(2))))
            .await
            .unwrap();
        assert!(matches!(refused, Err(Error::Conflict(_))), "{backend}");

        // An active member leaves: the first person waiting gets the seat.
        let leaver = roster.active()[0].enrollment.clone();
        let first_waiting = waitlist[0].enrollment.account_id;
        let leaver_account = leaver.account_id;
        store
            .change_roster(
                g.id,
                Box::new(move |r| {
                    rules::end_enrollment(
                        r,
                        leaver.id,
                        EnrollmentAction::Withdrawn,
                        leaver_account,
                        "",
                        at(3),
                    )
                }),
            )
            .await
            .unwrap()
            .unwrap();
        let now = store
            .current_enrollment(g.id, first_waiting)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(now.status, EnrollmentStatus::Active, "{backend}");
        assert_eq!(now.active_from, Some(at(3)), "{backend}");
        assert!(store
            .current_enrollment(g.id, leaver_account)
            .await
            .unwrap()
            .is_none());

        // History: the promoted person's enrollment was waitlisted, then promoted.
        let history = store.enrollment_events(now.id).await.unwrap();
        let actions: Vec<_> = history.iter().map(|e| e.action).collect();
        assert_eq!(
            actions,
            [EnrollmentAction::Waitlisted, EnrollmentAction::Promoted],
            "{backend}"
        );
        let left = store
            .enrollment(roster.active()[0].enrollment.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            left.status,
            EnrollmentStatus::Withdrawn,
            "{backend}: kept, not deleted"
        );
        assert_eq!(left.active_until, Some(at(3)), "{backend}");

        // Offers: a group that offers seats holds one, and the store finds it once expired.
        let mut offering = group(&p, &l, "Offering group");
        offering.capacity = 1;
        store.insert_group(offering.clone()).await.unwrap();
        store
            .change_roster(offering.id, Box::new(move |_| Ok(Default::default())))
            .await
            .unwrap()
            .unwrap();
        assert!(store
            .groups_with_expired_offers(at(10))
            .await
            .unwrap()
            .is_empty());
        let unknown = AccountId::new();
        let missing = store
            .change_roster(
                kindred_domain::ids::GroupId::new(),
                Box::new(move |r| rules::join(r, unknown, at(0))),
            )
            .await;
        assert!(missing.is_err(), "{backend}: an unknown group is not found");
        database.close().await;
    }
}
