//! Schedules on every backend, through the domain's use cases: sessions made in the group's
//! time zone across daylight-saving changes, edits that keep ids and leave changes by hand
//! alone, archiving, double bookings, changes to one session, and the background job.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use kindred_domain::accounts::DisplayName;
use kindred_domain::auth::{Actor, SignedIn};
use kindred_domain::groups::Group;
use kindred_domain::ids::{AccountId, GroupId, OrgId};
use kindred_domain::locations::Location;
use kindred_domain::orgs::Role;
use kindred_domain::programs::Program;
use kindred_domain::schedules::{
    archive_schedule, cancel_session, create_schedule, horizon_end, materialize_due,
    materialize_until, move_session, overlap_warnings, plan_sessions, restore_session,
    schedules_of_group, upcoming_warnings, update_schedule, MoveSessionInput, OverlapWarning,
    Schedule, ScheduleInput, JOB_STEP,
};
use kindred_domain::sessions::{GroupSession, SessionStatus};
use kindred_domain::{Error, Store};
use kindred_store::testing::all_backends;

use crate::fixtures::{account, facilitator, group, location, org, program};

const NEW_YORK: Tz = chrono_tz::America::New_York;
const BERLIN: Tz = chrono_tz::Europe::Berlin;

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Before the first session: 2026-10-01 12:00 UTC.
fn t_start() -> DateTime<Utc> {
    utc(2026, 10, 1, 12, 0)
}

/// In the middle of the schedule: Wednesday 2026-11-04 12:00 UTC.
fn t_mid() -> DateTime<Utc> {
    utc(2026, 11, 4, 12, 0)
}

/// Tuesdays and Thursdays at `time` for 90 minutes from Tuesday 2026-10-06, never ending.
fn tue_thu(time: &str, room: &str) -> ScheduleInput {
    ScheduleInput {
        days: vec!["tue".into(), "thu".into()],
        start_time: time.into(),
        duration_minutes: "90".into(),
        every_weeks: "1".into(),
        first_date: "2026-10-06".into(),
        end: "never".into(),
        room: room.into(),
        ..Default::default()
    }
}

/// The local date and wall-clock start of a session.
fn local(s: &GroupSession, zone: Tz) -> (NaiveDate, String) {
    let at = s.starts_at.with_timezone(&zone);
    (at.date_naive(), at.format("%H:%M").to_string())
}

/// One organization with a program, a location, an administrator and two facilitators.
struct Clinic {
    org: OrgId,
    program: Program,
    location: Location,
    admin: Actor,
    /// Leads "Evening skills".
    fran: AccountId,
    fran_actor: Actor,
    /// A clinician who leads none of the groups below unless told.
    gus: AccountId,
    gus_actor: Actor,
}

async fn actor(store: &dyn Store, id: AccountId, name: &str) -> Actor {
    Actor::SignedIn(SignedIn {
        account_id: id,
        display_name: DisplayName::parse(name).unwrap(),
        roles: store.roles_of(id).await.unwrap(),
        auth_session: None,
    })
}

async fn clinic(store: &dyn Store, tag: &str) -> Clinic {
    let o = org(&format!("Clinic {tag}"));
    store.create_organization(o.clone()).await.unwrap();
    let p = program(o.id, "IOP");
    let l = location(o.id, "Main St");
    store.insert_program(p.clone()).await.unwrap();
    store.insert_location(l.clone()).await.unwrap();
    let mut people = Vec::new();
    for (name, role) in [
        ("Ada", Role::OrgAdmin),
        ("Fran", Role::Clinician),
        ("Gus", Role::Clinician),
    ] {
        let a = account(&format!("{}-{tag}@example.org", name.to_lowercase()), name);
        store.create_account(a.clone()).await.unwrap();
        store.set_staff_role(o.id, a.id, role).await.unwrap();
        people.push((a.id, actor(store, a.id, name).await));
    }
    let [(_, admin), (fran, fran_actor), (gus, gus_actor)] = <[_; 3]>::try_from(people).unwrap();
    Clinic {
        org: o.id,
        program: p,
        location: l,
        admin,
        fran,
        fran_actor,
        gus,
        gus_actor,
    }
}

async fn new_group(store: &dyn Store, c: &Clinic, name: &str, zone: Tz, lead: AccountId) -> Group {
    let mut g = group(&c.program, &c.location, name);
    g.time_zone = zone;
    g.facilitators = vec![facilitator(lead, Role::Clinician, true)];
    store.insert_group(g.clone()).await.unwrap();
    g
}

/// Every session of the group, earliest first.
async fn sessions(store: &dyn Store, group: GroupId) -> Vec<GroupSession> {
    store
        .sessions_of_group(group, utc(2000, 1, 1, 0, 0), 10_000)
        .await
        .unwrap()
}

fn field(result: Result<impl std::fmt::Debug, Error>, name: &str) -> String {
    match result {
        Err(Error::Invalid(e)) => e.get(name).unwrap_or_default().to_owned(),
        other => panic!("expected a message at {name}, got {other:?}"),
    }
}

fn conflict(result: Result<impl std::fmt::Debug, Error>) -> String {
    match result {
        Err(Error::Conflict(message)) => message,
        other => panic!("expected a conflict, got {other:?}"),
    }
}

#[tokio::test]
async fn sessions_keep_their_local_time_across_daylight_saving_changes() {
    for (backend, database) in all_backends().await {
        let store = database.store();
        let store = store.as_ref();
        let c = clinic(store, "dst").await;
        let ny = new_group(store, &c, "Evening skills", NEW_YORK, c.fran).await;
        let now = t_start();

        let saved = create_schedule(
            store,
            &c.fran_actor,
            c.org,
            ny.id,
            &tue_thu("18:00", "Room 2"),
            now,
        )
        .await
        .unwrap();
        assert!(saved.warnings.is_empty(), "{backend}: {:?}", saved.warnings);
        let made = sessions(store, ny.id).await;
        // Up to 2027-01-21 12:00 UTC (16 weeks): 16 Tuesdays from 2026-10-06 to 2027-01-19
        // and 15 Thursdays from 2026-10-08 to 2027-01-14.
        assert_eq!(made.len(), 31, "{backend}");
        assert_eq!(
            local(&made[0], NEW_YORK),
            (date(2026, 10, 6), "18:00".into())
        );
        assert_eq!(
            made.last().map(|s| local(s, NEW_YORK).0),
            Some(date(2027, 1, 19))
        );
        for s in &made {
            assert_eq!(local(s, NEW_YORK).1, "18:00", "{backend}: {s:?}");
            assert_eq!(s.minutes(), 90);
            assert_eq!(s.room, "Room 2");
            assert_eq!(s.schedule_id, Some(saved.schedule.id));
            assert_eq!(s.occurrence_date, Some(local(s, NEW_YORK).0));
            assert_eq!((s.status, s.moved), (SessionStatus::Scheduled, false));
            assert!(s.starts_at <= horizon_end(now));
        }
        // Clocks go back on 2026-11-01: 18:00 is 22:00 UTC before and 23:00 UTC after.
        let at = |d: NaiveDate| {
            made.iter()
                .find(|s| s.occurrence_date == Some(d))
                .unwrap()
                .starts_at
        };
        assert_eq!(
            at(date(2026, 10, 29)),
            utc(2026, 10, 29, 22, 0),
            "{backend}"
        );
        assert_eq!(at(date(2026, 11, 3)), utc(2026, 11, 3, 23, 0), "{backend}");

        // Berlin: clocks go back on 2026-10-25 and forward on 2027-03-28. The job is asked
        // to make sessions up to mid-April.
        let berlin = new_group(store, &c, "Abendgruppe", BERLIN, c.gus).await;
        let input = ScheduleInput {
            room: String::new(),
            ..tue_thu("18:00", "")
        };
        let b = create_schedule(store, &c.gus_actor, c.org, berlin.id, &input, now)
            .await
            .unwrap();
        let until = utc(2027, 4, 15, 0, 0);
        let done = materialize_until(store, now, until).await.unwrap();
        assert_eq!(done.schedules, 2, "{backend}: both schedules extended");
        assert_eq!(done.skipped, 0, "{backend}");
        let made = sessions(store, berlin.id).await;
        // 28 Tuesdays from 2026-10-06 to 2027-04-13, 27 Thursdays to 2027-04-08.
        assert_eq!(made.len(), 55, "{backend}");
        for s in &made {
            assert_eq!(local(s, BERLIN).1, "18:00", "{backend}: {s:?}");
            assert_eq!(s.schedule_id, Some(b.schedule.id));
        }
        let at = |d: NaiveDate| {
            made.iter()
                .find(|s| s.occurrence_date == Some(d))
                .unwrap()
                .starts_at
        };
        assert_eq!(
            at(date(2026, 10, 22)),
            utc(2026, 10, 22, 16, 0),
            "{backend}"
        );
        assert_eq!(
            at(date(2026, 10, 27)),
            utc(2026, 10, 27, 17, 0),
            "{backend}"
        );
        assert_eq!(at(date(2027, 3, 25)), utc(2027, 3, 25, 17, 0), "{backend}");
        assert_eq!(at(date(2027, 3, 30)), utc(2027, 3, 30, 16, 0), "{backend}");
        assert_eq!(sessions(store, ny.id).await.len(), 55, "{backend}");

        // Materializing twice adds nothing: the job finds nothing due, and a plan made as if
        // no session existed yet inserts none (one session per occurrence).
        let again = materialize_until(store, now, until).await.unwrap();
        assert_eq!((again.schedules, again.inserted), (0, 0), "{backend}");
        let stored = store.schedule(b.schedule.id).await.unwrap().unwrap();
        assert_eq!(stored, b.schedule, "{backend}: read back as written");
        let blind = plan_sessions(&stored, BERLIN, &[], now, until);
        assert_eq!(blind.insert.len(), 55);
        let done = store
            .apply_session_plans(vec![(stored, blind)], until)
            .await
            .unwrap();
        assert_eq!((done.schedules, done.inserted), (1, 0), "{backend}");
        assert_eq!(sessions(store, berlin.id).await.len(), 55, "{backend}");
        database.close().await;
    }
}

#[tokio::test]
async fn edits_move_untouched_future_sessions_and_leave_the_rest() {
    for (backend, database) in all_backends().await {
        let store = database.store();
        let store = store.as_ref();
        let c = clinic(store, "edit").await;
        let g = new_group(store, &c, "Evening skills", NEW_YORK, c.fran).await;
        let saved = create_schedule(
            store,
            &c.fran_actor,
            c.org,
            g.id,
            &tue_thu("18:00", "Room 2"),
            t_start(),
        )
        .await
        .unwrap();
        let id = saved.schedule.id;
        let before = sessions(store, g.id).await;
        let now = t_mid();
        let (past, future): (Vec<_>, Vec<_>) =
            before.iter().cloned().partition(|s| s.starts_at <= now);
        assert_eq!(past.len(), 9, "{backend}: 2026-10-06 to 2026-11-03");

        // By hand: the session of Tuesday 2026-11-10 moves to Wednesday 19:00 in Room 5,
        // the one of Thursday 2026-11-12 is cancelled.
        let on = |d: NaiveDate| {
            future
                .iter()
                .find(|s| s.occurrence_date == Some(d))
                .unwrap()
                .clone()
        };
        let tue = on(date(2026, 11, 10));
        let thu = on(date(2026, 11, 12));
        let moved = move_session(
            store,
            &c.fran_actor,
            c.org,
            tue.id,
            &MoveSessionInput {
                date: "2026-11-11".into(),
                start_time: "19:00".into(),
                duration_minutes: "60".into(),
                room: "Room 5".into(),
            },
            now,
        )
        .await
        .unwrap()
        .session;
        assert_eq!(moved.id, tue.id);
        assert!(moved.moved, "{backend}");
        assert_eq!(
            local(&moved, NEW_YORK),
            (date(2026, 11, 11), "19:00".into())
        );
        assert_eq!((moved.minutes(), moved.room.as_str()), (60, "Room 5"));
        assert_eq!(
            moved.occurrence_date,
            Some(date(2026, 11, 10)),
            "{backend}: same occurrence"
        );
        let cancelled = cancel_session(
            store,
            &c.fran_actor,
            c.org,
            thu.id,
            "Staff training day",
            now,
        )
        .await
        .unwrap();
        assert_eq!(cancelled.status, SessionStatus::Cancelled);
        assert_eq!(cancelled.cancel_reason, "Staff training day");

        // Bad input: a message at the field, and nothing changes.
        let bad = |f: fn(&mut ScheduleInput)| {
            let mut input = tue_thu("19:30", "Room 2");
            f(&mut input);
            input
        };
        let cases: [(ScheduleInput, &str, &str); 5] = [
            (
                bad(|i| {
                    i.end = "until".into();
                    i.until_date = "2026-10-01".into();
                }),
                "until_date",
                "The end date is before the first date.",
            ),
            (
                bad(|i| {
                    i.end = "count".into();
                    i.count = "0".into();
                }),
                "count",
                "Give at least one session.",
            ),
            (
                bad(|i| i.days = vec!["tue".into(), "tues".into()]),
                "days",
                "Unknown day \"tues\"; use mon, tue, wed, thu, fri, sat or sun.",
            ),
            (
                bad(|i| i.start_time = "7pm".into()),
                "start_time",
                "Enter the start time as hours and minutes on a 24-hour clock, such as 18:00.",
            ),
            (
                bad(|i| i.duration_minutes = "5".into()),
                "duration_minutes",
                "Enter the length in minutes, from 15 to 600.",
            ),
        ];
        for (input, name, message) in cases {
            let result = update_schedule(store, &c.fran_actor, c.org, g.id, id, &input, now).await;
            assert_eq!(field(result, name), message, "{backend}");
        }
        let unchanged = sessions(store, g.id).await;
        assert_eq!(store.schedule(id).await.unwrap().unwrap(), saved.schedule);

        // Who may: visitors are asked to sign in; a clinician who does not lead the group,
        // and anyone asking with the wrong organization, are told it does not exist.
        let input = tue_thu("19:30", "Room 2");
        let r = update_schedule(store, &Actor::Visitor, c.org, g.id, id, &input, now).await;
        assert!(matches!(r, Err(Error::Unauthenticated)), "{backend}");
        let r = update_schedule(store, &c.gus_actor, c.org, g.id, id, &input, now).await;
        assert!(matches!(r, Err(Error::NotFound)), "{backend}");
        let r = update_schedule(store, &c.admin, OrgId::new(), g.id, id, &input, now).await;
        assert!(matches!(r, Err(Error::NotFound)), "{backend}");
        assert_eq!(
            sessions(store, g.id).await,
            unchanged,
            "{backend}: nothing changed"
        );

        // The administrator moves it to 19:30.
        let saved = update_schedule(store, &c.admin, c.org, g.id, id, &input, now)
            .await
            .unwrap();
        assert_eq!(
            saved.schedule.start_time.format("%H:%M").to_string(),
            "19:30"
        );
        assert_eq!(
            saved.schedule.created_at,
            t_start(),
            "{backend}: still the same schedule"
        );
        let after = sessions(store, g.id).await;
        // None lost; the horizon now reaches 2027-02-24 12:00 UTC: ten more, from 2027-01-21.
        assert_eq!(after.len(), before.len() + 10, "{backend}");
        for old in &before {
            let new = after.iter().find(|s| s.id == old.id).unwrap();
            if old.starts_at <= now {
                assert_eq!(new, old, "{backend}: the past never changes");
            } else if old.id == tue.id {
                assert_eq!(new, &moved, "{backend}: the moved one stays moved");
            } else if old.id == thu.id {
                assert_eq!(
                    new, &cancelled,
                    "{backend}: the cancelled one stays as it was"
                );
            } else {
                assert_eq!(new.occurrence_date, old.occurrence_date);
                assert_eq!(
                    local(new, NEW_YORK),
                    (old.occurrence_date.unwrap(), "19:30".into())
                );
                assert_eq!(new.minutes(), 90);
            }
        }

        // Thursdays dropped: future untouched Thursday sessions go; the cancelled one stays.
        let tuesdays = ScheduleInput {
            days: vec!["tue".into()],
            ..tue_thu("19:30", "Room 2")
        };
        update_schedule(store, &c.fran_actor, c.org, g.id, id, &tuesdays, now)
            .await
            .unwrap();
        let after = sessions(store, g.id).await;
        for s in after.iter().filter(|s| s.starts_at > now) {
            let weekday = local(s, NEW_YORK).0.format("%a").to_string();
            assert!(
                weekday == "Tue" || s.id == thu.id || s.id == tue.id,
                "{backend}: {s:?}"
            );
        }
        assert!(after.iter().any(|s| s.id == thu.id), "{backend}");
        assert_eq!(
            after.iter().filter(|s| s.starts_at <= now).count(),
            9,
            "{backend}"
        );
        let listed = schedules_of_group(store, &c.gus_actor, c.org, g.id)
            .await
            .unwrap();
        assert_eq!(listed.len(), 1, "{backend}: any staff may read them");
        assert_eq!(listed[0].days.len(), 1);
        database.close().await;
    }
}

#[tokio::test]
async fn archiving_removes_future_untouched_sessions_and_archived_groups_take_no_schedule() {
    for (backend, database) in all_backends().await {
        let store = database.store();
        let store = store.as_ref();
        let c = clinic(store, "archive").await;
        let g = new_group(store, &c, "Evening skills", NEW_YORK, c.fran).await;
        let first = create_schedule(
            store,
            &c.admin,
            c.org,
            g.id,
            &tue_thu("18:00", ""),
            t_start(),
        )
        .await
        .unwrap();
        let now = t_mid();
        let future: Vec<_> = sessions(store, g.id)
            .await
            .into_iter()
            .filter(|s| s.starts_at > now)
            .collect();
        let kept = cancel_session(store, &c.admin, c.org, future[2].id, "Holiday", now)
            .await
            .unwrap();

        let archived = archive_schedule(store, &c.fran_actor, c.org, g.id, first.schedule.id, now)
            .await
            .unwrap();
        assert_eq!(archived.schedule.archived_at, Some(now), "{backend}");
        let left = sessions(store, g.id).await;
        assert_eq!(
            left.iter().filter(|s| s.starts_at <= now).count(),
            9,
            "{backend}"
        );
        let upcoming: Vec<_> = left.iter().filter(|s| s.starts_at > now).collect();
        assert_eq!(
            upcoming,
            [&kept],
            "{backend}: only the one changed by hand stays"
        );
        // Archiving again changes nothing; an archived schedule cannot be edited.
        let again = archive_schedule(
            store,
            &c.admin,
            c.org,
            g.id,
            first.schedule.id,
            t_mid() + JOB_STEP,
        )
        .await
        .unwrap();
        assert_eq!(again.schedule.archived_at, Some(now), "{backend}");
        let r = update_schedule(
            store,
            &c.admin,
            c.org,
            g.id,
            first.schedule.id,
            &tue_thu("18:00", ""),
            now,
        )
        .await;
        assert!(conflict(r).contains("has ended"), "{backend}");
        // The job leaves archived schedules alone.
        assert_eq!(materialize_due(store, now).await.unwrap(), 0, "{backend}");
        assert_eq!(sessions(store, g.id).await, left, "{backend}");

        // A second schedule; then the group is archived and refuses a third.
        let second = create_schedule(store, &c.admin, c.org, g.id, &tue_thu("10:00", ""), now)
            .await
            .unwrap();
        let listed = schedules_of_group(store, &c.admin, c.org, g.id)
            .await
            .unwrap();
        let ids: Vec<_> = listed.iter().map(|s| s.id).collect();
        assert_eq!(
            ids,
            [first.schedule.id, second.schedule.id],
            "{backend}: oldest first"
        );
        assert!(listed[0].archived_at.is_some() && listed[1].archived_at.is_none());
        let mut closed = g.clone();
        closed.archived_at = Some(now);
        store.update_group(closed).await.unwrap();
        let r = create_schedule(store, &c.admin, c.org, g.id, &tue_thu("12:00", ""), now).await;
        assert_eq!(
            conflict(r),
            "This group is archived, so it cannot be given a new schedule.",
            "{backend}"
        );
        assert_eq!(store.schedules_of_group(g.id).await.unwrap().len(), 2);
        database.close().await;
    }
}

fn facilitator_warnings(w: &[OverlapWarning]) -> usize {
    w.iter()
        .filter(|w| matches!(w, OverlapWarning::Facilitator { .. }))
        .count()
}

fn room_warnings(w: &[OverlapWarning]) -> usize {
    w.iter()
        .filter(|w| matches!(w, OverlapWarning::Room { .. }))
        .count()
}

#[tokio::test]
async fn double_bookings_of_facilitators_and_rooms_are_warned_about_not_refused() {
    for (backend, database) in all_backends().await {
        let store = database.store();
        let store = store.as_ref();
        let c = clinic(store, "overlap").await;
        let now = t_start();
        let tuesdays = |time: &str, room: &str| ScheduleInput {
            days: vec!["tue".into()],
            ..tue_thu(time, room)
        };
        // Fran leads A (Tue 18:00–19:30, Room 2) and B (Tue 19:00–20:30); Gus leads C
        // (Tue 18:30–20:00, Room 2 at the same location).
        let a = new_group(store, &c, "A", NEW_YORK, c.fran).await;
        let b = new_group(store, &c, "B", NEW_YORK, c.fran).await;
        let cg = new_group(store, &c, "C", NEW_YORK, c.gus).await;
        let saved = create_schedule(
            store,
            &c.admin,
            c.org,
            a.id,
            &tuesdays("18:00", "Room 2"),
            now,
        )
        .await
        .unwrap();
        assert!(saved.warnings.is_empty(), "{backend}");
        let saved = create_schedule(store, &c.admin, c.org, b.id, &tuesdays("19:00", ""), now)
            .await
            .unwrap();
        let weeks = sessions(store, b.id).await.len();
        assert_eq!(weeks, 16, "{backend}");
        assert_eq!(facilitator_warnings(&saved.warnings), weeks, "{backend}");
        assert_eq!(room_warnings(&saved.warnings), 0, "{backend}");
        let message = saved.warnings[0].message_in(NEW_YORK);
        assert!(
            message.starts_with(
                "The same facilitator would lead B (Tue 2026-10-06 19:00–20:30 EDT) and A"
            ),
            "{backend}: {message}"
        );
        let saved = create_schedule(
            store,
            &c.admin,
            c.org,
            cg.id,
            &tuesdays("18:30", " Room 2"),
            now,
        )
        .await
        .unwrap();
        assert_eq!(facilitator_warnings(&saved.warnings), 0, "{backend}");
        assert_eq!(room_warnings(&saved.warnings), weeks, "{backend}");

        // The store's slots carry what the check needs.
        let week = utc(2026, 10, 6, 0, 0)..utc(2026, 10, 7, 0, 0);
        let slots = store
            .slots_between(c.org, week.start, week.end)
            .await
            .unwrap();
        let names: Vec<_> = slots.iter().map(|s| s.group_name.as_str()).collect();
        assert_eq!(names, ["A", "C", "B"], "{backend}: ordered by start");
        assert_eq!(slots[0].facilitators, [c.fran]);
        assert_eq!(slots[0].location_id, c.location.id);
        assert_eq!(
            (slots[0].room.as_str(), slots[1].room.as_str()),
            ("Room 2", "Room 2")
        );
        let warnings = overlap_warnings(&slots[..1], &slots[1..]);
        assert_eq!(
            (facilitator_warnings(&warnings), room_warnings(&warnings)),
            (1, 1)
        );
        // A session still going on at `from` is in range; one ending at it is not.
        let late = store
            .slots_between(c.org, utc(2026, 10, 7, 0, 0), utc(2026, 10, 7, 1, 0))
            .await
            .unwrap();
        assert_eq!(
            late.iter()
                .map(|s| s.group_name.as_str())
                .collect::<Vec<_>>(),
            ["B"]
        );

        // Every warning of A in the horizon; a cancelled session no longer counts.
        let all = upcoming_warnings(store, &c.gus_actor, c.org, a.id, now)
            .await
            .unwrap();
        assert_eq!(
            (facilitator_warnings(&all), room_warnings(&all)),
            (weeks, weeks)
        );
        let first_b = sessions(store, b.id).await[0].id;
        cancel_session(store, &c.admin, c.org, first_b, "Fran is away", now)
            .await
            .unwrap();
        let all = upcoming_warnings(store, &c.admin, c.org, a.id, now)
            .await
            .unwrap();
        assert_eq!(facilitator_warnings(&all), weeks - 1, "{backend}");

        // Moving a session onto another's time is allowed, with a warning.
        let first_c = sessions(store, cg.id).await[0].id;
        let moved = move_session(
            store,
            &c.gus_actor,
            c.org,
            first_c,
            &MoveSessionInput {
                date: "2026-10-06".into(),
                start_time: "20:00".into(),
                duration_minutes: "60".into(),
                room: "Room 7".into(),
            },
            now,
        )
        .await
        .unwrap();
        assert!(
            moved.warnings.is_empty(),
            "{backend}: B's session there is cancelled"
        );
        let moved = move_session(
            store,
            &c.gus_actor,
            c.org,
            first_c,
            &MoveSessionInput {
                date: "2026-10-06".into(),
                start_time: "17:00".into(),
                duration_minutes: "90".into(),
                room: "Room 2".into(),
            },
            now,
        )
        .await
        .unwrap();
        assert_eq!(
            room_warnings(&moved.warnings),
            1,
            "{backend}: {:?}",
            moved.warnings
        );
        database.close().await;
    }
}

#[tokio::test]
async fn one_session_is_cancelled_restored_and_moved_only_while_it_is_to_come() {
    for (backend, database) in all_backends().await {
        let store = database.store();
        let store = store.as_ref();
        let c = clinic(store, "one").await;
        let g = new_group(store, &c, "Evening skills", NEW_YORK, c.fran).await;
        let schedule = create_schedule(
            store,
            &c.fran_actor,
            c.org,
            g.id,
            &tue_thu("18:00", ""),
            t_start(),
        )
        .await
        .unwrap()
        .schedule;
        let now = t_mid();
        let all = sessions(store, g.id).await;
        let past = all.iter().rfind(|s| s.ends_at <= now).unwrap().clone();
        let next = all.iter().find(|s| s.starts_at > now).unwrap().clone();

        // Cancelling needs a reason, members see it.
        let r = cancel_session(store, &c.fran_actor, c.org, next.id, "  ", now).await;
        assert_eq!(
            field(r, "reason"),
            "Say why the session is cancelled; members see this reason.",
            "{backend}"
        );
        let r = cancel_session(store, &c.fran_actor, c.org, past.id, "Too late", now).await;
        assert_eq!(
            conflict(r),
            "This session has already ended, so it cannot be cancelled.",
            "{backend}"
        );
        let r = cancel_session(store, &c.gus_actor, c.org, next.id, "Not mine", now).await;
        assert!(matches!(r, Err(Error::NotFound)), "{backend}");
        let done = cancel_session(store, &c.fran_actor, c.org, next.id, "Snow day", now)
            .await
            .unwrap();
        assert_eq!(
            (done.status, done.cancel_reason.as_str()),
            (SessionStatus::Cancelled, "Snow day")
        );
        let r = cancel_session(store, &c.fran_actor, c.org, next.id, "Again", now).await;
        assert_eq!(
            conflict(r),
            "This session is already cancelled.",
            "{backend}"
        );
        let r = move_session(
            store,
            &c.fran_actor,
            c.org,
            next.id,
            &MoveSessionInput::prefill(&next, NEW_YORK),
            now,
        )
        .await;
        assert_eq!(
            conflict(r),
            "This session is cancelled; restore it before moving it.",
            "{backend}"
        );

        // Restored: scheduled again, the reason gone.
        let back = restore_session(store, &c.fran_actor, c.org, next.id, now)
            .await
            .unwrap();
        assert_eq!(back.session, next, "{backend}: as it was before");
        let r = restore_session(store, &c.fran_actor, c.org, next.id, now).await;
        assert_eq!(conflict(r), "This session is not cancelled.", "{backend}");
        let r = restore_session(store, &c.fran_actor, c.org, next.id, next.starts_at).await;
        assert!(conflict(r).contains("not cancelled"), "{backend}");

        // Moving: never into the past, never a session that has ended.
        let into_past = MoveSessionInput {
            date: "2026-11-04".into(),
            start_time: "06:00".into(),
            duration_minutes: "60".into(),
            room: String::new(),
        };
        let r = move_session(store, &c.fran_actor, c.org, next.id, &into_past, now).await;
        assert_eq!(
            field(r, "date"),
            "Choose a date and time that are still to come.",
            "{backend}"
        );
        let later = MoveSessionInput {
            date: "2026-12-30".into(),
            ..into_past
        };
        let r = move_session(store, &c.fran_actor, c.org, past.id, &later, now).await;
        assert_eq!(
            conflict(r),
            "This session has already ended, so it cannot be moved.",
            "{backend}"
        );
        assert_eq!(
            store.session(past.id).await.unwrap().unwrap(),
            past,
            "{backend}"
        );

        // Cancelled on Thursday 2026-11-05, then the schedule drops Thursdays: it stays
        // cancelled, since the schedule no longer meets then.
        assert_eq!(local(&next, NEW_YORK).0, date(2026, 11, 5));
        cancel_session(store, &c.fran_actor, c.org, next.id, "Snow day", now)
            .await
            .unwrap();
        let tuesdays = ScheduleInput {
            days: vec!["tue".into()],
            ..tue_thu("18:00", "")
        };
        update_schedule(
            store,
            &c.fran_actor,
            c.org,
            g.id,
            schedule.id,
            &tuesdays,
            now,
        )
        .await
        .unwrap();
        let r = restore_session(store, &c.fran_actor, c.org, next.id, now).await;
        assert_eq!(
            conflict(r),
            "Its schedule no longer meets at that time, so this session stays cancelled.",
            "{backend}"
        );
        let kept = store.session(next.id).await.unwrap().unwrap();
        assert_eq!(kept.status, SessionStatus::Cancelled, "{backend}");

        // Cancelled on Tuesday 2026-11-10 while the schedule moves to 19:00: restored, it
        // follows the schedule.
        let tue = sessions(store, g.id)
            .await
            .into_iter()
            .find(|s| s.occurrence_date == Some(date(2026, 11, 10)))
            .unwrap();
        cancel_session(store, &c.fran_actor, c.org, tue.id, "Room flooded", now)
            .await
            .unwrap();
        let later = ScheduleInput {
            start_time: "19:00".into(),
            ..tuesdays
        };
        update_schedule(store, &c.fran_actor, c.org, g.id, schedule.id, &later, now)
            .await
            .unwrap();
        let still = store.session(tue.id).await.unwrap().unwrap();
        assert_eq!(
            local(&still, NEW_YORK).1,
            "18:00",
            "{backend}: left alone while cancelled"
        );
        let back = restore_session(store, &c.fran_actor, c.org, tue.id, now)
            .await
            .unwrap()
            .session;
        assert_eq!(back.status, SessionStatus::Scheduled, "{backend}");
        assert_eq!(
            local(&back, NEW_YORK),
            (date(2026, 11, 10), "19:00".into()),
            "{backend}"
        );
        database.close().await;
    }
}

#[tokio::test]
async fn the_job_keeps_sessions_a_horizon_ahead() {
    for (backend, database) in all_backends().await {
        let store = database.store();
        let store = store.as_ref();
        let c = clinic(store, "job").await;
        let g = new_group(store, &c, "Evening skills", NEW_YORK, c.fran).await;
        let h = new_group(store, &c, "Mornings", NEW_YORK, c.gus).await;
        let s1 = create_schedule(
            store,
            &c.admin,
            c.org,
            g.id,
            &tue_thu("18:00", ""),
            t_start(),
        )
        .await
        .unwrap()
        .schedule;
        // Written by an import: no sessions made yet.
        let s2 = Schedule {
            id: kindred_domain::ids::ScheduleId::new(),
            group_id: h.id,
            ..s1.clone()
        };
        store.insert_schedule(s2.clone()).await.unwrap();
        assert!(sessions(store, h.id).await.is_empty());

        // Three weeks on, the job extends both to a week past the horizon.
        let now = t_start() + chrono::TimeDelta::weeks(3);
        let added = materialize_due(store, now).await.unwrap();
        let until = horizon_end(now) + JOB_STEP;
        let made_g = sessions(store, g.id).await;
        let made_h = sessions(store, h.id).await;
        assert_eq!(added, (made_g.len() - 31) + made_h.len(), "{backend}");
        for made in [&made_g, &made_h] {
            let last = made.last().unwrap();
            assert!(last.starts_at <= until, "{backend}");
            assert!(
                last.starts_at > until - chrono::TimeDelta::days(7),
                "{backend}"
            );
        }
        // 2026-10-22 onwards for the import: its past is not made up.
        assert_eq!(
            made_h[0].occurrence_date,
            Some(date(2026, 10, 22)),
            "{backend}"
        );
        assert_eq!(
            made_g.len(),
            made_h.len() + 5,
            "{backend}: 2026-10-06 to 2026-10-20"
        );
        // Nothing is due again until a week has passed.
        assert_eq!(materialize_due(store, now).await.unwrap(), 0, "{backend}");
        let day_later = now + chrono::TimeDelta::days(1);
        assert_eq!(
            materialize_due(store, day_later).await.unwrap(),
            0,
            "{backend}"
        );
        let week_later = now + JOB_STEP + chrono::TimeDelta::hours(1);
        assert_eq!(
            materialize_due(store, week_later).await.unwrap(),
            4,
            "{backend}"
        );

        // A plan made from a schedule that changed meanwhile is dropped, not applied.
        let stale = Schedule {
            room: "Room 9".into(),
            ..s2.clone()
        };
        let plan = plan_sessions(&stale, NEW_YORK, &[], week_later, until + JOB_STEP * 4);
        let done = store
            .apply_session_plans(vec![(stale, plan)], until + JOB_STEP * 4)
            .await
            .unwrap();
        assert_eq!(
            (done.schedules, done.skipped, done.inserted),
            (0, 1, 0),
            "{backend}"
        );
        database.close().await;
    }
}
