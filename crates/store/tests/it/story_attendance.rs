//! Attendance on every backend, through the domain's use cases: who is on a session's
//! roster, marking with its log, the lock, self check-in, and drop-in registrations with a
//! race for the last place.

use chrono::{DateTime, Duration, Utc};
use kindred_domain::accounts::DisplayName;
use kindred_domain::attendance::{
    self, rules, AttendanceSheetInput, AttendanceStatus, MarkInput, MarkSource,
    RegistrationOutcome, SheetAccess,
};
use kindred_domain::auth::{Actor, SignedIn};
use kindred_domain::enrollments::{join_group, leave_group};
use kindred_domain::groups::{EnrollmentMode, Format, Group};
use kindred_domain::ids::{AccountId, GroupId, OrgId, SessionId};
use kindred_domain::orgs::Role;
use kindred_domain::sessions::{GroupSession, SessionStatus};
use kindred_domain::{Error, Store};
use kindred_store::testing::all_backends;

use crate::fixtures::{account, at, facilitator, group, location, org, program};

fn day(d: i64) -> DateTime<Utc> {
    at(d * 24 * 60)
}

fn session(group: GroupId, starts_at: DateTime<Utc>, status: SessionStatus) -> GroupSession {
    GroupSession {
        id: SessionId::new(),
        group_id: group,
        starts_at,
        ends_at: starts_at + Duration::minutes(90),
        status,
        cancel_reason: String::new(),
        schedule_id: None,
        occurrence_date: None,
        moved: false,
        room: String::new(),
    }
}

/// A signed-in person with their roles as stored.
async fn actor(store: &dyn Store, id: AccountId, name: &str) -> Actor {
    Actor::SignedIn(SignedIn {
        account_id: id,
        display_name: DisplayName::parse(name).unwrap(),
        roles: store.roles_of(id).await.unwrap(),
        auth_session: None,
    })
}

/// An organization with an administrator, a clinician who facilitates the groups, a peer
/// specialist who does not, and four members.
struct Clinic {
    org: OrgId,
    admin: Actor,
    clinician: Actor,
    clinician_id: AccountId,
    peer: Actor,
    members: Vec<(AccountId, Actor)>,
    program: kindred_domain::programs::Program,
    location: kindred_domain::locations::Location,
}

impl Clinic {
    async fn open(store: &dyn Store) -> Clinic {
        let clinic = org("Harbor Clinic");
        store.create_organization(clinic.clone()).await.unwrap();
        let p = program(clinic.id, "IOP");
        let l = location(clinic.id, "Main St");
        store.insert_program(p.clone()).await.unwrap();
        store.insert_location(l.clone()).await.unwrap();
        let mut staff = Vec::new();
        for (email, name, role) in [
            ("admin@example.org", "Ada Admin", Role::OrgAdmin),
            ("clin@example.org", "Cleo Clinician", Role::Clinician),
            ("peer@example.org", "Pat Peer", Role::PeerSpecialist),
        ] {
            let a = account(email, name);
            store.create_account(a.clone()).await.unwrap();
            store.set_staff_role(clinic.id, a.id, role).await.unwrap();
            staff.push((a.id, actor(store, a.id, name).await));
        }
        let mut members = Vec::new();
        for name in ["Ana", "Ben", "Cy", "Dee"] {
            let a = account(&format!("{}@example.org", name.to_lowercase()), name);
            store.create_account(a.clone()).await.unwrap();
            members.push((a.id, actor(store, a.id, name).await));
        }
        let [(_, admin), (clinician_id, clinician), (_, peer)] =
            <[_; 3]>::try_from(staff).ok().unwrap();
        Clinic {
            org: clinic.id,
            admin,
            clinician,
            clinician_id,
            peer,
            members,
            program: p,
            location: l,
        }
    }

    async fn group(
        &self,
        store: &dyn Store,
        name: &str,
        mode: EnrollmentMode,
        format: Format,
    ) -> Group {
        let mut g = group(&self.program, &self.location, name);
        g.enrollment = mode;
        g.format = format;
        g.facilitators = vec![facilitator(self.clinician_id, Role::Clinician, true)];
        store.insert_group(g.clone()).await.unwrap();
        g
    }

    fn member(&self, i: usize) -> (AccountId, &Actor) {
        (self.members[i].0, &self.members[i].1)
    }
}

fn sheet(everyone: &str, reason: &str, marks: &[(AccountId, &str, &str)]) -> AttendanceSheetInput {
    AttendanceSheetInput {
        everyone: everyone.into(),
        reason: reason.into(),
        marks: marks
            .iter()
            .map(|(a, status, minutes)| MarkInput {
                account_id: a.to_string(),
                status: (*status).into(),
                minutes: (*minutes).into(),
            })
            .collect(),
        ..AttendanceSheetInput::default()
    }
}

fn names(roster: &[attendance::RosterLine]) -> Vec<&str> {
    roster.iter().map(|l| l.display_name.as_str()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_roster_follows_enrollments_and_every_mark_is_logged_until_the_lock() {
    for (backend, database) in all_backends().await {
        let store = database.store();
        let store = &*store;
        let c = Clinic::open(store).await;
        let g = c
            .group(
                store,
                "Evening skills",
                EnrollmentMode::Rolling,
                Format::InPerson,
            )
            .await;
        let (ana, ana_actor) = c.member(0);
        let (ben, ben_actor) = c.member(1);
        let (cy, cy_actor) = c.member(2);
        // Ana and Cy join before the first session; Cy leaves on day 5; Ben joins on day 8.
        join_group(store, ana_actor, g.id, day(-10)).await.unwrap();
        join_group(store, cy_actor, g.id, day(-10)).await.unwrap();
        leave_group(store, cy_actor, g.id, day(5)).await.unwrap();
        join_group(store, ben_actor, g.id, day(8)).await.unwrap();
        let first = session(g.id, day(0), SessionStatus::Scheduled);
        let second = session(g.id, day(7), SessionStatus::Scheduled);
        let third = session(g.id, day(14), SessionStatus::Scheduled);
        let snowed = session(g.id, day(21), SessionStatus::Cancelled);
        for s in [&first, &second, &third, &snowed] {
            store.insert_session(s.clone()).await.unwrap();
        }
        let roster = |s: SessionId| async move { store.session_roster(s).await.unwrap() };
        assert_eq!(names(&roster(first.id).await), ["Ana", "Cy"], "{backend}");
        assert_eq!(
            names(&roster(second.id).await),
            ["Ana"],
            "{backend}: Cy left before, Ben joined after"
        );
        assert_eq!(
            names(&roster(third.id).await),
            ["Ana", "Ben"],
            "{backend}: a new member is on every later session at once"
        );
        assert!(roster(third.id)
            .await
            .iter()
            .all(|l| l.enrolled && !l.registered));
        assert!(roster(SessionId::new()).await.is_empty());

        // The clinician marks the first session after it ends: everyone present, Cy late.
        let after = first.ends_at + Duration::minutes(5);
        let written = attendance::mark_session(
            store,
            &c.clinician,
            c.org,
            first.id,
            sheet("", "", &[(cy, "late", "60")]),
            after,
        )
        .await
        .unwrap();
        assert_eq!(written.len(), 2, "{backend}");
        let lines = roster(first.id).await;
        let marks: Vec<_> = lines
            .iter()
            .map(|l| {
                let m = l.mark.as_ref().unwrap();
                (l.account_id, m.status, m.minutes, m.source, m.marked_by)
            })
            .collect();
        let by = Some(c.clinician_id);
        assert_eq!(
            marks,
            [
                (ana, AttendanceStatus::Present, 90, MarkSource::Staff, by),
                (cy, AttendanceStatus::Late, 60, MarkSource::Staff, by),
            ],
            "{backend}"
        );
        let held = store.session(first.id).await.unwrap().unwrap();
        assert_eq!(held.status, SessionStatus::Held, "{backend}");

        // The same sheet again writes nothing.
        let again = attendance::mark_session(
            store,
            &c.clinician,
            c.org,
            first.id,
            sheet("present", "", &[(cy, "late", "60")]),
            after + Duration::minutes(1),
        )
        .await
        .unwrap();
        assert!(again.is_empty(), "{backend}");
        assert_eq!(store.attendance_changes(first.id).await.unwrap().len(), 2);

        // Refusals: a session not started, a person not on the roster, late without
        // minutes, a cancelled session, someone who does not run the group.
        let refused = attendance::mark_session(
            store,
            &c.clinician,
            c.org,
            third.id,
            sheet("", "", &[]),
            after,
        )
        .await;
        assert!(
            matches!(&refused, Err(Error::Invalid(e)) if e.get("session") == Some(rules::NOT_STARTED)),
            "{backend}: {refused:?}"
        );
        let refused = attendance::mark_session(
            store,
            &c.clinician,
            c.org,
            first.id,
            sheet("", "", &[(ben, "present", ""), (ana, "left_early", "")]),
            after,
        )
        .await;
        let Err(Error::Invalid(errors)) = refused else {
            panic!("{backend}: {refused:?}");
        };
        assert_eq!(
            errors.get(&format!("status.{ben}")),
            Some(rules::NOT_ON_ROSTER)
        );
        assert_eq!(
            errors.get(&format!("minutes.{ana}")),
            Some(rules::NEEDS_MINUTES)
        );
        let refused = attendance::mark_session(
            store,
            &c.clinician,
            c.org,
            snowed.id,
            sheet("", "", &[]),
            day(22),
        )
        .await;
        assert!(matches!(refused, Err(Error::Conflict(_))), "{backend}");
        let refused =
            attendance::mark_session(store, &c.peer, c.org, first.id, sheet("", "", &[]), after)
                .await;
        assert!(matches!(refused, Err(Error::NotFound)), "{backend}");
        assert_eq!(store.attendance_changes(first.id).await.unwrap().len(), 2);

        // Six days on, the clinician still corrects a mark, with or without a reason.
        attendance::mark_session(
            store,
            &c.clinician,
            c.org,
            first.id,
            sheet("", "", &[(cy, "present", "")]),
            day(6),
        )
        .await
        .unwrap();
        // Past seven days after the end, only an administrator can, and only with a reason.
        let locked_at = first.ends_at + Duration::days(7);
        let refused = attendance::mark_session(
            store,
            &c.clinician,
            c.org,
            first.id,
            sheet("", "Forgot", &[(cy, "absent", "")]),
            locked_at,
        )
        .await;
        assert!(
            matches!(&refused, Err(Error::Conflict(m)) if m == rules::LOCKED),
            "{backend}: {refused:?}"
        );
        let refused = attendance::mark_session(
            store,
            &c.admin,
            c.org,
            first.id,
            sheet("", " ", &[(cy, "absent", "")]),
            locked_at,
        )
        .await;
        assert!(
            matches!(&refused, Err(Error::Invalid(e)) if e.get("reason").is_some()),
            "{backend}: {refused:?}"
        );
        let corrected = attendance::mark_session(
            store,
            &c.admin,
            c.org,
            first.id,
            sheet(
                "",
                "Left before the check-in; sign-in sheet",
                &[(cy, "absent", "")],
            ),
            locked_at + Duration::hours(1),
        )
        .await
        .unwrap();
        assert_eq!(corrected.len(), 1, "{backend}");

        // The log: who, when and why, oldest first, appended and never rewritten.
        let log = store.attendance_changes(first.id).await.unwrap();
        let got: Vec<_> = log
            .iter()
            .map(|l| {
                (
                    l.member_name.as_str(),
                    l.change.status,
                    l.change.minutes,
                    l.changed_by_name.as_deref(),
                    l.change.reason.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Ana",
                    AttendanceStatus::Present,
                    90,
                    Some("Cleo Clinician"),
                    ""
                ),
                ("Cy", AttendanceStatus::Late, 60, Some("Cleo Clinician"), ""),
                (
                    "Cy",
                    AttendanceStatus::Present,
                    90,
                    Some("Cleo Clinician"),
                    ""
                ),
                (
                    "Cy",
                    AttendanceStatus::Absent,
                    0,
                    Some("Ada Admin"),
                    "Left before the check-in; sign-in sheet"
                ),
            ],
            "{backend}"
        );
        assert_eq!(log[0].change.changed_at, after, "{backend}");
        assert_eq!(log[3].change.changed_at, locked_at + Duration::hours(1));

        // The staff view says who may still change what.
        let view = attendance::session_attendance(store, &c.clinician, c.org, first.id, day(9))
            .await
            .unwrap();
        assert_eq!((view.locked, view.access), (true, SheetAccess::Locked));
        assert_eq!(view.locks_at, locked_at);
        assert_eq!(names(&view.roster), ["Ana", "Cy"]);
        assert_eq!(view.changes.len(), 4);
        let view = attendance::session_attendance(store, &c.admin, c.org, first.id, day(9))
            .await
            .unwrap();
        assert_eq!(view.access, SheetAccess::Correction, "{backend}");
        let view = attendance::session_attendance(store, &c.peer, c.org, first.id, day(1))
            .await
            .unwrap();
        assert_eq!((view.locked, view.access), (false, SheetAccess::ViewOnly));
        assert!(matches!(
            attendance::session_attendance(store, cy_actor, c.org, first.id, day(1)).await,
            Err(Error::NotFound)
        ));

        // A member sees their own marks, and only theirs.
        let mine = attendance::my_attendance(store, cy_actor).await.unwrap();
        assert_eq!(mine.len(), 1, "{backend}");
        assert_eq!(
            (
                mine[0].session_id,
                mine[0].status,
                mine[0].group_name.as_str()
            ),
            (first.id, AttendanceStatus::Absent, "Evening skills")
        );
        assert!(attendance::my_attendance(store, ben_actor)
            .await
            .unwrap()
            .is_empty());
        database.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_of_online_groups_check_themselves_in_during_the_session() {
    for (backend, database) in all_backends().await {
        let store = database.store();
        let store = &*store;
        let c = Clinic::open(store).await;
        let online = c
            .group(
                store,
                "Online support",
                EnrollmentMode::Rolling,
                Format::Online,
            )
            .await;
        let in_person = c
            .group(store, "Room 2", EnrollmentMode::Rolling, Format::InPerson)
            .await;
        let (ana, ana_actor) = c.member(0);
        let (ben, ben_actor) = c.member(1);
        let (dee, dee_actor) = c.member(3);
        let (_, cy_actor) = c.member(2);
        for (_, a) in [(ana, ana_actor), (ben, ben_actor), (dee, dee_actor)] {
            join_group(store, a, online.id, day(-1)).await.unwrap();
            join_group(store, a, in_person.id, day(-1)).await.unwrap();
        }
        let s = session(online.id, day(0), SessionStatus::Scheduled);
        let room = session(in_person.id, day(0), SessionStatus::Scheduled);
        store.insert_session(s.clone()).await.unwrap();
        store.insert_session(room.clone()).await.unwrap();
        let start = s.starts_at;
        let minutes = |m: i64| start + Duration::minutes(m);

        let refusal = |r: Result<attendance::CheckIn, Error>| match r {
            Err(Error::Conflict(m)) => m,
            other => panic!("{backend}: expected a refusal, got {other:?}"),
        };
        assert_eq!(
            refusal(attendance::check_in(store, ana_actor, s.id, minutes(-16)).await),
            rules::CHECK_IN_TOO_EARLY
        );
        assert_eq!(
            refusal(attendance::check_in(store, ana_actor, room.id, minutes(0)).await),
            rules::CHECK_IN_IN_PERSON
        );
        assert_eq!(
            refusal(attendance::check_in(store, cy_actor, s.id, minutes(0)).await),
            rules::NOT_ON_THIS_SESSION
        );

        let first = attendance::check_in(store, ana_actor, s.id, minutes(-5))
            .await
            .unwrap();
        assert!(first.recorded, "{backend}");
        assert_eq!(
            (first.mark.status, first.mark.minutes, first.mark.source),
            (AttendanceStatus::Present, 90, MarkSource::Member)
        );
        let twice = attendance::check_in(store, ana_actor, s.id, minutes(3))
            .await
            .unwrap();
        assert!(!twice.recorded, "{backend}: the first check-in is kept");
        assert_eq!(twice.mark, first.mark, "{backend}");
        let late = attendance::check_in(store, ben_actor, s.id, minutes(30))
            .await
            .unwrap();
        assert_eq!(
            (late.mark.status, late.mark.minutes),
            (AttendanceStatus::Late, 60),
            "{backend}"
        );
        // Checking in does not hold the session; the facilitator's sheet does.
        let scheduled = store.session(s.id).await.unwrap().unwrap();
        assert_eq!(scheduled.status, SessionStatus::Scheduled);

        // The clinician excuses Dee; her check-in afterwards leaves the staff mark alone.
        let written = attendance::mark_session(
            store,
            &c.clinician,
            c.org,
            s.id,
            sheet("present", "", &[(dee, "excused", "")]),
            minutes(40),
        )
        .await
        .unwrap();
        assert_eq!(
            written.len(),
            1,
            "{backend}: self check-ins stay as they are"
        );
        let kept = attendance::check_in(store, dee_actor, s.id, minutes(45))
            .await
            .unwrap();
        assert!(!kept.recorded);
        assert_eq!(
            (kept.mark.status, kept.mark.source),
            (AttendanceStatus::Excused, MarkSource::Staff),
            "{backend}"
        );
        assert_eq!(
            refusal(attendance::check_in(store, dee_actor, s.id, minutes(90)).await),
            rules::CHECK_IN_CLOSED
        );

        let log = store.attendance_changes(s.id).await.unwrap();
        let got: Vec<_> = log
            .iter()
            .map(|l| {
                (
                    l.member_name.as_str(),
                    l.change.source,
                    l.changed_by_name.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Ana", MarkSource::Member, Some("Ana")),
                ("Ben", MarkSource::Member, Some("Ben")),
                ("Dee", MarkSource::Staff, Some("Cleo Clinician")),
            ],
            "{backend}"
        );
        database.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_last_place_at_a_drop_in_session_goes_to_exactly_one_person() {
    for (backend, database) in all_backends().await {
        let store = database.store();
        let c = Clinic::open(&*store).await;
        let mut drop_in = group(&c.program, &c.location, "Open circle");
        drop_in.enrollment = EnrollmentMode::DropIn;
        drop_in.capacity = 3;
        store.insert_group(drop_in.clone()).await.unwrap();
        let rolling = c
            .group(&*store, "Rolling", EnrollmentMode::Rolling, Format::Hybrid)
            .await;
        let s = session(drop_in.id, day(1), SessionStatus::Scheduled);
        let other = session(rolling.id, day(1), SessionStatus::Scheduled);
        store.insert_session(s.clone()).await.unwrap();
        store.insert_session(other.clone()).await.unwrap();
        let now = day(0);

        let mut people = Vec::new();
        for i in 0..12 {
            let name = format!("Walk In {i:02}");
            let a = account(&format!("w{i}@example.org"), &name);
            store.create_account(a.clone()).await.unwrap();
            people.push((a.id, actor(&*store, a.id, &name).await));
        }
        let mut racers = Vec::new();
        for (_, person) in &people {
            let person = person.clone();
            let store = store.clone();
            racers.push(tokio::spawn(async move {
                attendance::register_for_session(&*store, &person, s.id, now).await
            }));
        }
        let (mut won, mut full) = (0, 0);
        for racer in racers {
            match racer.await.unwrap() {
                Ok(RegistrationOutcome::Registered) => won += 1,
                Err(Error::Conflict(m)) if m == rules::FULL => full += 1,
                other => panic!("{backend}: unexpected {other:?}"),
            }
        }
        assert_eq!((won, full), (3, 9), "{backend}: capacity holds exactly");
        let registered = store.registrations_of(s.id).await.unwrap();
        assert_eq!(registered.len(), 3, "{backend}");

        // Registering twice is harmless; a cancellation frees the place for someone else.
        let holder = people
            .iter()
            .find(|(id, _)| *id == registered[0].account_id)
            .unwrap();
        assert_eq!(
            attendance::register_for_session(&*store, &holder.1, s.id, now)
                .await
                .unwrap(),
            RegistrationOutcome::AlreadyRegistered
        );
        attendance::cancel_registration(&*store, &holder.1, s.id, now)
            .await
            .unwrap();
        attendance::cancel_registration(&*store, &holder.1, s.id, now)
            .await
            .unwrap();
        let waiting = people
            .iter()
            .find(|(id, _)| registered.iter().all(|r| r.account_id != *id))
            .unwrap();
        assert_eq!(
            attendance::register_for_session(&*store, &waiting.1, s.id, now)
                .await
                .unwrap(),
            RegistrationOutcome::Registered,
            "{backend}"
        );
        assert!(matches!(
            attendance::register_for_session(&*store, &holder.1, s.id, now).await,
            Err(Error::Conflict(m)) if m == rules::FULL
        ));

        // The session's roster is its live registrations.
        let roster = store.session_roster(s.id).await.unwrap();
        assert_eq!(roster.len(), 3, "{backend}");
        assert!(roster.iter().all(|l| l.registered && !l.enrolled));
        assert!(roster.iter().all(|l| l.account_id != holder.0));

        // Only drop-in groups, only before the start.
        let conflict = |r: Result<RegistrationOutcome, Error>| match r {
            Err(Error::Conflict(m)) => m,
            other => panic!("{backend}: expected a refusal, got {other:?}"),
        };
        assert_eq!(
            conflict(attendance::register_for_session(&*store, &waiting.1, other.id, now).await),
            rules::NOT_DROP_IN
        );
        assert_eq!(
            conflict(attendance::register_for_session(&*store, &holder.1, s.id, s.starts_at).await),
            rules::REGISTRATION_CLOSED
        );
        assert!(matches!(
            attendance::register_for_session(&*store, &Actor::Visitor, s.id, now).await,
            Err(Error::Unauthenticated)
        ));
        database.close().await;
    }
}
