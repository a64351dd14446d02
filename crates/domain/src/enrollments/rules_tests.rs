use chrono::{DateTime, Duration, TimeZone, Utc};

use super::rules::{end_enrollment, join, reorder, settle};
use super::*;
use crate::groups::EnrollmentMode;
use crate::ids::{AccountId, GroupId, OrgId};
use crate::Error;

fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap() + Duration::minutes(minutes)
}

fn roster(capacity: i32, mode: EnrollmentMode, offer_hours: i32) -> Roster {
    Roster {
        group: RosterGroup {
            id: GroupId::new(),
            org_id: OrgId::new(),
            name: "Evening IOP".into(),
            capacity,
            mode,
            offer_hours,
            archived: false,
        },
        entries: Vec::new(),
        cohort_starts_at: None,
    }
}

/// Applies a change the way the store does: upsert enrollments, drop ones no longer current.
fn apply(change: &RosterChange, roster: &mut Roster) {
    for e in &change.enrollments {
        match roster.entries.iter_mut().find(|x| x.enrollment.id == e.id) {
            Some(x) => x.enrollment = e.clone(),
            None => roster.entries.push(RosterEntry {
                enrollment: e.clone(),
                display_name: "Someone".into(),
            }),
        }
    }
    roster.entries.retain(|x| x.enrollment.status.is_current());
}

fn joined(roster: &mut Roster, now: DateTime<Utc>) -> (AccountId, EnrollmentStatus) {
    let person = AccountId::new();
    let change = join(roster, person, now).unwrap();
    apply(&change, roster);
    (person, roster.entry_of(person).unwrap().enrollment.status)
}

fn status_of(roster: &Roster, person: AccountId) -> Option<EnrollmentStatus> {
    roster.entry_of(person).map(|e| e.enrollment.status)
}

#[test]
fn seats_fill_then_the_waitlist_takes_over_in_order() {
    let mut r = roster(2, EnrollmentMode::Rolling, 0);
    let (a, sa) = joined(&mut r, at(0));
    let (_, sb) = joined(&mut r, at(1));
    let (c, sc) = joined(&mut r, at(2));
    let (d, _) = joined(&mut r, at(3));
    assert_eq!(
        (sa, sb, sc),
        (
            EnrollmentStatus::Active,
            EnrollmentStatus::Active,
            EnrollmentStatus::Waitlisted
        )
    );
    // A leaves: the first person waiting gets the seat at once, the second keeps waiting.
    let a_id = r.entry_of(a).unwrap().enrollment.id;
    let change = end_enrollment(&r, a_id, EnrollmentAction::Withdrawn, a, "", at(10)).unwrap();
    apply(&change, &mut r);
    assert_eq!(status_of(&r, a), None);
    assert_eq!(status_of(&r, c), Some(EnrollmentStatus::Active));
    assert_eq!(status_of(&r, d), Some(EnrollmentStatus::Waitlisted));
    let actions: Vec<_> = change.events.iter().map(|e| e.action).collect();
    assert_eq!(
        actions,
        [EnrollmentAction::Withdrawn, EnrollmentAction::Promoted]
    );
    let left = change.enrollments.iter().find(|e| e.id == a_id).unwrap();
    assert_eq!(
        left.active_until,
        Some(at(10)),
        "history keeps when membership ended"
    );
}

#[test]
fn an_offer_holds_the_seat_until_it_expires_then_moves_on() {
    let mut r = roster(1, EnrollmentMode::Rolling, 24);
    let (a, _) = joined(&mut r, at(0));
    let (b, _) = joined(&mut r, at(1));
    let (c, _) = joined(&mut r, at(2));
    let a_id = r.entry_of(a).unwrap().enrollment.id;
    apply(
        &end_enrollment(&r, a_id, EnrollmentAction::Withdrawn, a, "", at(10)).unwrap(),
        &mut r,
    );
    let b_entry = &r.entry_of(b).unwrap().enrollment;
    assert_eq!(b_entry.status, EnrollmentStatus::Waitlisted);
    assert_eq!(b_entry.offer_expires_at, Some(at(10) + Duration::hours(24)));
    // The held seat is not free: a newcomer waits.
    let (n, sn) = joined(&mut r, at(20));
    assert_eq!(sn, EnrollmentStatus::Waitlisted);
    // B lets it expire: B goes to the back, C is offered the seat.
    let later = at(10) + Duration::hours(25);
    apply(&settle(&r, later), &mut r);
    assert!(r.entry_of(b).unwrap().enrollment.offer_expires_at.is_none());
    assert!(r.entry_of(c).unwrap().enrollment.has_open_offer(later));
    let order: Vec<_> = r
        .waitlist()
        .iter()
        .map(|e| e.enrollment.account_id)
        .collect();
    assert_eq!(order, [c, n, b]);
    // B can no longer accept; C can.
    assert!(matches!(
        rules::accept_offer(&r, b, later),
        Err(Error::Conflict(_))
    ));
    apply(&rules::accept_offer(&r, c, later).unwrap(), &mut r);
    assert_eq!(status_of(&r, c), Some(EnrollmentStatus::Active));
}

#[test]
fn declining_an_offer_passes_the_seat_to_the_next_person() {
    let mut r = roster(1, EnrollmentMode::Rolling, 2);
    let (a, _) = joined(&mut r, at(0));
    let (b, _) = joined(&mut r, at(1));
    let (c, _) = joined(&mut r, at(2));
    let a_id = r.entry_of(a).unwrap().enrollment.id;
    apply(
        &end_enrollment(&r, a_id, EnrollmentAction::Withdrawn, a, "", at(5)).unwrap(),
        &mut r,
    );
    apply(&rules::decline_offer(&r, b, at(6)).unwrap(), &mut r);
    assert_eq!(status_of(&r, b), None);
    assert!(r.entry_of(c).unwrap().enrollment.has_open_offer(at(6)));
}

#[test]
fn a_started_closed_cohort_waitlists_newcomers_and_gives_no_freed_seats() {
    let mut r = roster(3, EnrollmentMode::ClosedCohort, 0);
    r.cohort_starts_at = Some(at(60));
    let (a, sa) = joined(&mut r, at(0));
    assert_eq!(sa, EnrollmentStatus::Active);
    let (b, sb) = joined(&mut r, at(61));
    assert_eq!(sb, EnrollmentStatus::Waitlisted);
    let a_id = r.entry_of(a).unwrap().enrollment.id;
    apply(
        &end_enrollment(&r, a_id, EnrollmentAction::Withdrawn, a, "", at(70)).unwrap(),
        &mut r,
    );
    assert_eq!(status_of(&r, b), Some(EnrollmentStatus::Waitlisted));
    // The next cohort is scheduled: the waiting person gets a seat.
    r.cohort_starts_at = Some(at(10_000));
    apply(&settle(&r, at(80)), &mut r);
    assert_eq!(status_of(&r, b), Some(EnrollmentStatus::Active));
}

#[test]
fn drop_in_groups_and_second_requests_are_refused_with_a_reason() {
    let r = roster(5, EnrollmentMode::DropIn, 0);
    assert!(
        matches!(join(&r, AccountId::new(), at(0)), Err(Error::Conflict(m)) if m.contains("drop-in"))
    );
    let mut r = roster(5, EnrollmentMode::Rolling, 0);
    let (a, _) = joined(&mut r, at(0));
    assert!(matches!(join(&r, a, at(1)), Err(Error::Conflict(m)) if m.contains("already")));
}

#[test]
fn staff_reorder_the_waitlist_with_a_reason() {
    let mut r = roster(1, EnrollmentMode::Rolling, 0);
    joined(&mut r, at(0));
    let (b, _) = joined(&mut r, at(1));
    let (c, _) = joined(&mut r, at(2));
    let (d, _) = joined(&mut r, at(3));
    let staff = AccountId::new();
    let d_id = r.entry_of(d).unwrap().enrollment.id;
    let refused = reorder(&r, d_id, 1, staff, "  ", at(4));
    assert!(matches!(refused, Err(Error::Invalid(e)) if e.get("reason").is_some()));
    let refused = reorder(&r, d_id, 9, staff, "Court-ordered", at(4));
    assert!(matches!(refused, Err(Error::Invalid(e)) if e.get("position").is_some()));
    let change = reorder(&r, d_id, 1, staff, "Discharged from inpatient today", at(4)).unwrap();
    apply(&change, &mut r);
    let order: Vec<_> = r
        .waitlist()
        .iter()
        .map(|e| e.enrollment.account_id)
        .collect();
    assert_eq!(order, [d, b, c]);
    assert_eq!(change.events.len(), 1);
    assert_eq!(change.events[0].reason, "Discharged from inpatient today");
    assert_eq!(change.events[0].actor_id, Some(staff));
}

#[test]
fn only_active_members_complete() {
    let mut r = roster(1, EnrollmentMode::Rolling, 0);
    let (a, _) = joined(&mut r, at(0));
    let (b, _) = joined(&mut r, at(1));
    let staff = AccountId::new();
    let b_id = r.entry_of(b).unwrap().enrollment.id;
    assert!(end_enrollment(&r, b_id, EnrollmentAction::Completed, staff, "", at(2)).is_err());
    let a_id = r.entry_of(a).unwrap().enrollment.id;
    let change = end_enrollment(&r, a_id, EnrollmentAction::Completed, staff, "", at(2)).unwrap();
    apply(&change, &mut r);
    assert_eq!(status_of(&r, b), Some(EnrollmentStatus::Active));
}
