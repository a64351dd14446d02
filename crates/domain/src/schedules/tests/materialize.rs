use chrono::{DateTime, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

use super::{date, utc, weekly};
use crate::schedules::{plan_sessions, Schedule, ScheduleEnd, SessionPlan};
use crate::sessions::{GroupSession, SessionStatus};

const ZONE: Tz = Tz::America__New_York;

fn now() -> DateTime<Utc> {
    utc(2026, 3, 1, 12, 0)
}

fn horizon() -> DateTime<Utc> {
    utc(2026, 3, 29, 12, 0)
}

/// Tuesdays and Thursdays at 18:00 New York time from 2026-03-03: eight in four weeks.
fn schedule() -> Schedule {
    let mut s = weekly(&[Weekday::Tue, Weekday::Thu], 18, 0, date(2026, 3, 3));
    s.room = "Room 2".into();
    s
}

/// The sessions after applying `plan` to `existing`, ordered by start.
fn apply(existing: &[GroupSession], plan: &SessionPlan) -> Vec<GroupSession> {
    let mut sessions: Vec<GroupSession> = existing
        .iter()
        .filter(|s| !plan.remove.contains(&s.id))
        .map(|s| {
            plan.reschedule
                .iter()
                .find(|r| r.id == s.id)
                .unwrap_or(s)
                .clone()
        })
        .chain(plan.insert.iter().cloned())
        .collect();
    sessions.sort_by_key(|s| s.starts_at);
    sessions
}

fn first_run(s: &Schedule) -> Vec<GroupSession> {
    apply(&[], &plan_sessions(s, ZONE, &[], now(), horizon()))
}

#[test]
fn first_materialization_inserts_every_occurrence_in_the_horizon() {
    let s = schedule();
    let plan = plan_sessions(&s, ZONE, &[], now(), horizon());
    assert!(plan.reschedule.is_empty() && plan.remove.is_empty());
    let dates: Vec<_> = plan
        .insert
        .iter()
        .map(|x| x.occurrence_date.unwrap())
        .collect();
    assert_eq!(
        dates,
        [
            date(2026, 3, 3),
            date(2026, 3, 5),
            date(2026, 3, 10),
            date(2026, 3, 12),
            date(2026, 3, 17),
            date(2026, 3, 19),
            date(2026, 3, 24),
            date(2026, 3, 26),
        ]
    );
    let first = &plan.insert[0];
    assert_eq!(first.group_id, s.group_id);
    assert_eq!(first.schedule_id, Some(s.id));
    assert_eq!(first.status, SessionStatus::Scheduled);
    assert!(!first.moved);
    assert_eq!(first.cancel_reason, "");
    assert_eq!(first.room, "Room 2");
    assert_eq!(first.starts_at, utc(2026, 3, 3, 23, 0));
    assert_eq!(first.minutes(), 90);
    // After the change to daylight time on 2026-03-08, 18:00 is 22:00 UTC.
    assert_eq!(plan.insert[2].starts_at, utc(2026, 3, 10, 22, 0));
    let mut ids: Vec<_> = plan.insert.iter().map(|x| x.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), 8);
}

#[test]
fn only_starts_after_now_and_up_to_the_horizon_inclusive() {
    let s = schedule();
    // Now is exactly the first start; the horizon exactly the last one.
    let plan = plan_sessions(
        &s,
        ZONE,
        &[],
        utc(2026, 3, 3, 23, 0),
        utc(2026, 3, 10, 22, 0),
    );
    let dates: Vec<_> = plan.insert.iter().map(|x| x.occurrence_date).collect();
    assert_eq!(dates, [Some(date(2026, 3, 5)), Some(date(2026, 3, 10))]);
}

#[test]
fn planning_again_changes_nothing() {
    let s = schedule();
    let sessions = first_run(&s);
    assert!(plan_sessions(&s, ZONE, &sessions, now(), horizon()).is_empty());
}

#[test]
fn a_later_horizon_only_adds() {
    let s = schedule();
    let sessions = first_run(&s);
    let plan = plan_sessions(&s, ZONE, &sessions, now(), utc(2026, 4, 5, 12, 0));
    assert!(plan.reschedule.is_empty() && plan.remove.is_empty());
    assert_eq!(plan.insert.len(), 2);
    // A shorter horizon removes nothing the schedule still produces.
    let shorter = plan_sessions(&s, ZONE, &sessions, now(), utc(2026, 3, 10, 0, 0));
    assert!(shorter.is_empty(), "{shorter:?}");
}

#[test]
fn a_new_start_time_or_room_reschedules_keeping_ids() {
    let s = schedule();
    let sessions = first_run(&s);
    let mut edited = s.clone();
    edited.start_time = NaiveTime::from_hms_opt(17, 30, 0).unwrap();
    edited.room = "Room 3".into();
    let plan = plan_sessions(&edited, ZONE, &sessions, now(), horizon());
    assert!(plan.insert.is_empty() && plan.remove.is_empty());
    assert_eq!(plan.reschedule.len(), 8);
    for (new, old) in plan.reschedule.iter().zip(&sessions) {
        assert_eq!(new.id, old.id);
        assert_eq!(new.occurrence_date, old.occurrence_date);
        assert_eq!(
            new.starts_at,
            old.starts_at - chrono::TimeDelta::minutes(30)
        );
        assert_eq!(new.minutes(), 90);
        assert_eq!(new.room, "Room 3");
    }
    let after = apply(&sessions, &plan);
    assert!(plan_sessions(&edited, ZONE, &after, now(), horizon()).is_empty());
}

#[test]
fn new_days_remove_and_insert() {
    let s = schedule();
    let sessions = first_run(&s);
    let mut edited = s.clone();
    edited.days = vec![Weekday::Tue, Weekday::Fri];
    let plan = plan_sessions(&edited, ZONE, &sessions, now(), horizon());
    assert!(plan.reschedule.is_empty());
    let thursdays: Vec<_> = sessions
        .iter()
        .filter(|x| x.occurrence_date.unwrap().format("%a").to_string() == "Thu")
        .map(|x| x.id)
        .collect();
    assert_eq!(plan.remove, thursdays);
    let fridays: Vec<_> = plan
        .insert
        .iter()
        .map(|x| x.occurrence_date.unwrap())
        .collect();
    assert_eq!(
        fridays,
        [
            date(2026, 3, 6),
            date(2026, 3, 13),
            date(2026, 3, 20),
            date(2026, 3, 27)
        ]
    );
}

#[test]
fn an_earlier_end_removes_the_sessions_after_it() {
    let s = schedule();
    let sessions = first_run(&s);
    let mut edited = s.clone();
    edited.end = ScheduleEnd::Count { count: 3 };
    let plan = plan_sessions(&edited, ZONE, &sessions, now(), horizon());
    assert!(plan.insert.is_empty() && plan.reschedule.is_empty());
    let kept: Vec<_> = sessions.iter().take(3).map(|x| x.id).collect();
    assert_eq!(plan.remove.len(), 5);
    assert!(kept.iter().all(|id| !plan.remove.contains(id)));
}

#[test]
fn moved_and_cancelled_sessions_survive_an_edit() {
    let s = schedule();
    let mut sessions = first_run(&s);
    // Thursday 2026-03-05 moved by staff to Friday; Tuesday 2026-03-10 cancelled.
    sessions[1].moved = true;
    sessions[1].starts_at = utc(2026, 3, 6, 20, 0);
    sessions[1].ends_at = utc(2026, 3, 6, 21, 30);
    sessions[2].status = SessionStatus::Cancelled;
    sessions[2].cancel_reason = "Facilitator ill".into();
    let (moved, cancelled) = (sessions[1].id, sessions[2].id);

    // New time and only Tuesdays: the moved Thursday and the cancelled Tuesday stay as they are.
    let mut edited = s.clone();
    edited.days = vec![Weekday::Tue];
    edited.start_time = NaiveTime::from_hms_opt(19, 0, 0).unwrap();
    let plan = plan_sessions(&edited, ZONE, &sessions, now(), horizon());
    for id in [moved, cancelled] {
        assert!(!plan.remove.contains(&id));
        assert!(plan.reschedule.iter().all(|x| x.id != id));
    }
    // The cancelled Tuesday's occurrence is still taken: no new session for 2026-03-10.
    assert!(plan
        .insert
        .iter()
        .all(|x| x.occurrence_date != Some(date(2026, 3, 10))));
    assert_eq!(plan.remove.len(), 3); // the untouched Thursdays
    assert_eq!(plan.reschedule.len(), 3); // the untouched Tuesdays
    let after = apply(&sessions, &plan);
    assert!(after.contains(&sessions[1]) && after.contains(&sessions[2]));
    assert!(plan_sessions(&edited, ZONE, &after, now(), horizon()).is_empty());
}

#[test]
fn archiving_removes_untouched_future_sessions_only() {
    let s = schedule();
    let mut sessions = first_run(&s);
    sessions[0].status = SessionStatus::Cancelled;
    sessions[3].moved = true;
    let mut archived = s.clone();
    archived.archived_at = Some(now());
    let plan = plan_sessions(&archived, ZONE, &sessions, now(), horizon());
    assert!(plan.insert.is_empty() && plan.reschedule.is_empty());
    let untouched: Vec<_> = sessions
        .iter()
        .filter(|x| !x.changed_by_hand())
        .map(|x| x.id)
        .collect();
    assert_eq!(untouched.len(), 6);
    assert_eq!(plan.remove, untouched);
}

#[test]
fn sessions_without_an_occurrence_date_are_left_alone() {
    let s = schedule();
    let mut sessions = first_run(&s);
    sessions[0].occurrence_date = None;
    let mut archived = s.clone();
    archived.archived_at = Some(now());
    let plan = plan_sessions(&archived, ZONE, &sessions, now(), horizon());
    assert_eq!(plan.remove.len(), 7);
    assert!(!plan.remove.contains(&sessions[0].id));
}
