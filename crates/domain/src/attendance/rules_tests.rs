use chrono::{DateTime, Duration, Utc};

use super::rules::{
    self, check_in_mark, check_in_window, is_locked, minutes_for, sheet_access, CheckInWindow,
    Exception, Marking, SheetAccess,
};
use super::{AttendanceMark, AttendanceSheet, AttendanceStatus, MarkSource, RosterLine};
use crate::groups::Format;
use crate::ids::{AccountId, GroupId, SessionId};
use crate::sessions::{GroupSession, SessionStatus};
use crate::{Error, FieldErrors};

fn at(minutes: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).unwrap() + Duration::minutes(minutes)
}

/// A 90-minute session starting at minute 0.
fn session() -> GroupSession {
    GroupSession {
        id: SessionId::new(),
        group_id: GroupId::new(),
        starts_at: at(0),
        ends_at: at(90),
        status: SessionStatus::Scheduled,
        cancel_reason: String::new(),
        schedule_id: None,
        occurrence_date: None,
        moved: false,
        room: String::new(),
    }
}

fn line(name: &str) -> RosterLine {
    RosterLine {
        account_id: AccountId::new(),
        display_name: name.into(),
        enrolled: true,
        registered: false,
        mark: None,
    }
}

fn sheet(names: &[&str]) -> AttendanceSheet {
    AttendanceSheet {
        session: session(),
        roster: names.iter().map(|n| line(n)).collect(),
        documented: false,
    }
}

fn marking(by: AccountId, exceptions: Vec<Exception>) -> Marking {
    Marking {
        by,
        is_admin: false,
        everyone: AttendanceStatus::Present,
        exceptions,
        reason: String::new(),
        errors: FieldErrors::new(),
    }
}

fn exception(account: AccountId, status: Option<AttendanceStatus>, minutes: &str) -> Exception {
    Exception {
        key: account.to_string(),
        account: Some(account),
        status,
        minutes: minutes.into(),
    }
}

/// Applies a write to the sheet, as the store would.
fn apply(sheet: &mut AttendanceSheet, write: &super::AttendanceWrite) {
    for mark in &write.marks {
        if let Some(line) = sheet
            .roster
            .iter_mut()
            .find(|l| l.account_id == mark.account_id)
        {
            line.mark = Some(mark.clone());
        }
    }
    if write.held {
        sheet.session.status = SessionStatus::Held;
    }
}

fn field_error(result: Result<super::AttendanceWrite, Error>, field: &str) -> String {
    match result {
        Err(Error::Invalid(errors)) => errors
            .get(field)
            .unwrap_or_else(|| panic!("no error at {field}: {errors:?}"))
            .to_owned(),
        other => panic!("expected a field error at {field}, got {other:?}"),
    }
}

#[test]
fn marks_lock_seven_days_after_the_end() {
    let s = session();
    assert_eq!(rules::locks_at(&s), at(90) + Duration::days(7));
    assert!(!is_locked(
        &s,
        at(90) + Duration::days(7) - Duration::seconds(1)
    ));
    assert!(is_locked(&s, at(90) + Duration::days(7)));
}

#[test]
fn who_may_mark_depends_on_role_start_lock_and_cancellation() {
    let mut s = session();
    let late = at(90) + Duration::days(8);
    assert_eq!(
        sheet_access(&s, true, false, at(-1)),
        SheetAccess::NotStarted
    );
    assert_eq!(sheet_access(&s, true, false, at(0)), SheetAccess::Open);
    assert_eq!(sheet_access(&s, true, false, late), SheetAccess::Locked);
    assert_eq!(sheet_access(&s, true, true, late), SheetAccess::Correction);
    assert_eq!(
        sheet_access(&s, false, false, at(10)),
        SheetAccess::ViewOnly
    );
    assert!(SheetAccess::Correction.can_mark() && !SheetAccess::Locked.can_mark());
    s.status = SessionStatus::Cancelled;
    assert_eq!(sheet_access(&s, true, true, at(10)), SheetAccess::Cancelled);
}

#[test]
fn minutes_default_by_status_and_stay_within_the_session() {
    use AttendanceStatus::*;
    assert_eq!(minutes_for(Present, "", 90), Ok(90));
    assert_eq!(minutes_for(Present, " 75 ", 90), Ok(75));
    assert_eq!(minutes_for(Absent, "", 90), Ok(0));
    assert_eq!(
        minutes_for(Excused, "40", 90),
        Ok(0),
        "ignored: nothing to count"
    );
    assert_eq!(minutes_for(Late, "", 90), Err(rules::NEEDS_MINUTES.into()));
    assert_eq!(
        minutes_for(LeftEarly, "", 90),
        Err(rules::NEEDS_MINUTES.into())
    );
    assert_eq!(minutes_for(Late, "60", 90), Ok(60));
    assert_eq!(minutes_for(LeftEarly, "90", 90), Ok(90));
    assert_eq!(
        minutes_for(Late, "91", 90),
        Err("At most 90 minutes: the session's length.".into())
    );
    assert_eq!(
        minutes_for(Late, "0", 90),
        Err(rules::AT_LEAST_ONE_MINUTE.into())
    );
    for bad in ["-5", "ten", "1.5"] {
        assert_eq!(
            minutes_for(Late, bad, 90),
            Err(rules::WHOLE_MINUTES.into()),
            "{bad}"
        );
    }
}

#[test]
fn everyone_is_present_by_default_with_exceptions_per_member() {
    let s = sheet(&["Ana", "Ben", "Cy"]);
    let staff = AccountId::new();
    let (ana, ben, cy) = (
        s.roster[0].account_id,
        s.roster[1].account_id,
        s.roster[2].account_id,
    );
    let write = rules::mark(
        &s,
        marking(
            staff,
            vec![
                exception(ben, Some(AttendanceStatus::Late), "70"),
                exception(cy, Some(AttendanceStatus::Absent), ""),
            ],
        ),
        at(95),
    )
    .unwrap();
    let got: Vec<_> = write
        .marks
        .iter()
        .map(|m| (m.account_id, m.status, m.minutes, m.source, m.marked_by))
        .collect();
    assert_eq!(
        got,
        [
            (
                ana,
                AttendanceStatus::Present,
                90,
                MarkSource::Staff,
                Some(staff)
            ),
            (
                ben,
                AttendanceStatus::Late,
                70,
                MarkSource::Staff,
                Some(staff)
            ),
            (
                cy,
                AttendanceStatus::Absent,
                0,
                MarkSource::Staff,
                Some(staff)
            ),
        ]
    );
    assert_eq!(write.changes.len(), 3, "every mark is logged");
    assert!(write.held, "marking holds the session");
    assert!(write.changes.iter().all(|c| c.changed_at == at(95)));
}

#[test]
fn unchanged_marks_write_nothing_and_marked_members_keep_their_mark() {
    let mut s = sheet(&["Ana", "Ben"]);
    let staff = AccountId::new();
    let ben = s.roster[1].account_id;
    let first = rules::mark(
        &s,
        marking(
            staff,
            vec![exception(ben, Some(AttendanceStatus::Late), "70")],
        ),
        at(95),
    )
    .unwrap();
    apply(&mut s, &first);
    // The same sheet again: nothing changes.
    let again = rules::mark(
        &s,
        marking(
            staff,
            vec![exception(ben, Some(AttendanceStatus::Late), "70")],
        ),
        at(100),
    )
    .unwrap();
    assert!(again.marks.is_empty() && again.changes.is_empty());
    // `everyone` is for members without a mark: Ben's late mark stays, Ana stays present.
    let mut absent = marking(staff, Vec::new());
    absent.everyone = AttendanceStatus::Absent;
    let kept = rules::mark(&s, absent, at(100)).unwrap();
    assert!(kept.marks.is_empty());
    // One change: only that member is written, with the reason.
    let mut one = marking(
        staff,
        vec![exception(ben, Some(AttendanceStatus::Present), "")],
    );
    one.reason = "Came at the start after all".into();
    let changed = rules::mark(&s, one, at(110)).unwrap();
    assert_eq!(changed.marks.len(), 1);
    assert_eq!(
        (changed.marks[0].status, changed.marks[0].minutes),
        (AttendanceStatus::Present, 90)
    );
    assert_eq!(changed.changes[0].reason, "Came at the start after all");
}

#[test]
fn late_and_left_early_need_minutes_at_the_members_field() {
    let s = sheet(&["Ana", "Ben"]);
    let ben = s.roster[1].account_id;
    let refused = rules::mark(
        &s,
        marking(
            AccountId::new(),
            vec![exception(ben, Some(AttendanceStatus::LeftEarly), "")],
        ),
        at(95),
    );
    assert_eq!(
        field_error(refused, &format!("minutes.{ben}")),
        rules::NEEDS_MINUTES
    );
    let too_long = rules::mark(
        &s,
        marking(
            AccountId::new(),
            vec![exception(ben, Some(AttendanceStatus::Late), "120")],
        ),
        at(95),
    );
    assert_eq!(
        field_error(too_long, &format!("minutes.{ben}")),
        "At most 90 minutes: the session's length."
    );
    let mut everyone_late = marking(AccountId::new(), Vec::new());
    everyone_late.everyone = AttendanceStatus::Late;
    assert_eq!(
        field_error(rules::mark(&s, everyone_late, at(95)), "everyone"),
        rules::EVERYONE_NEEDS_NO_MINUTES
    );
}

#[test]
fn people_not_on_the_roster_are_refused_at_their_field() {
    let s = sheet(&["Ana"]);
    let stranger = AccountId::new();
    let refused = rules::mark(
        &s,
        marking(
            AccountId::new(),
            vec![exception(stranger, Some(AttendanceStatus::Present), "")],
        ),
        at(95),
    );
    assert_eq!(
        field_error(refused, &format!("status.{stranger}")),
        rules::NOT_ON_ROSTER
    );
}

#[test]
fn future_cancelled_and_locked_sessions_are_refused() {
    let s = sheet(&["Ana"]);
    let staff = AccountId::new();
    assert_eq!(
        field_error(
            rules::mark(&s, marking(staff, Vec::new()), at(-1)),
            "session"
        ),
        rules::NOT_STARTED
    );
    let mut cancelled = s.clone();
    cancelled.session.status = SessionStatus::Cancelled;
    assert!(matches!(
        rules::mark(&cancelled, marking(staff, Vec::new()), at(10)),
        Err(Error::Conflict(_))
    ));
    let late = at(90) + Duration::days(7);
    assert!(matches!(
        rules::mark(&s, marking(staff, Vec::new()), late),
        Err(Error::Conflict(m)) if m == rules::LOCKED
    ));
    // An administrator corrects a locked sheet, with a reason only.
    let mut admin = marking(staff, Vec::new());
    admin.is_admin = true;
    assert_eq!(
        field_error(rules::mark(&s, admin.clone(), late), "reason"),
        rules::CORRECTION_NEEDS_REASON
    );
    admin.reason = "Sign-in sheet found".into();
    let write = rules::mark(&s, admin, late).unwrap();
    assert_eq!(write.changes[0].reason, "Sign-in sheet found");
}

#[test]
fn the_check_in_window_runs_from_fifteen_minutes_before_to_the_end() {
    let s = session();
    assert_eq!(check_in_window(&s, at(-16)), CheckInWindow::TooEarly);
    assert_eq!(check_in_window(&s, at(-15)), CheckInWindow::Open);
    assert_eq!(check_in_window(&s, at(89)), CheckInWindow::Open);
    assert_eq!(check_in_window(&s, at(90)), CheckInWindow::Closed);
    assert_eq!(check_in_mark(&s, at(-5)), (AttendanceStatus::Present, 90));
    assert_eq!(check_in_mark(&s, at(10)), (AttendanceStatus::Present, 90));
    assert_eq!(
        check_in_mark(&s, at(10) + Duration::seconds(1)),
        (AttendanceStatus::Late, 79)
    );
    assert_eq!(check_in_mark(&s, at(30)), (AttendanceStatus::Late, 60));
}

#[test]
fn checking_in_records_once_and_never_over_a_staff_mark() {
    let mut s = sheet(&["Ana", "Ben"]);
    let ana = s.roster[0].account_id;
    let first = rules::check_in(&s, ana, Format::Online, at(20)).unwrap();
    assert_eq!(first.marks.len(), 1);
    let mark = &first.marks[0];
    assert_eq!(
        (mark.status, mark.minutes, mark.source, mark.marked_by),
        (AttendanceStatus::Late, 70, MarkSource::Member, Some(ana))
    );
    assert!(!first.held, "a check-in does not hold the session");
    apply(&mut s, &first);
    let twice = rules::check_in(&s, ana, Format::Online, at(25)).unwrap();
    assert!(twice.marks.is_empty() && twice.changes.is_empty());

    let ben = s.roster[1].account_id;
    s.roster[1].mark = Some(AttendanceMark {
        session_id: s.session.id,
        account_id: ben,
        status: AttendanceStatus::Excused,
        minutes: 0,
        source: MarkSource::Staff,
        marked_by: None,
        marked_at: at(1),
        online_minutes: 0,
    });
    assert!(rules::check_in(&s, ben, Format::Hybrid, at(2))
        .unwrap()
        .marks
        .is_empty());
}

#[test]
fn check_in_refusals_are_clear() {
    let s = sheet(&["Ana"]);
    let ana = s.roster[0].account_id;
    let conflict = |r: Result<super::AttendanceWrite, Error>| match r {
        Err(Error::Conflict(m)) => m,
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert_eq!(
        conflict(rules::check_in(&s, ana, Format::InPerson, at(0))),
        rules::CHECK_IN_IN_PERSON
    );
    assert_eq!(
        conflict(rules::check_in(&s, ana, Format::Online, at(-20))),
        rules::CHECK_IN_TOO_EARLY
    );
    assert_eq!(
        conflict(rules::check_in(&s, ana, Format::Online, at(90))),
        rules::CHECK_IN_CLOSED
    );
    assert_eq!(
        conflict(rules::check_in(&s, AccountId::new(), Format::Online, at(0))),
        rules::NOT_ON_THIS_SESSION
    );
}

#[test]
fn a_signed_note_locks_the_sheet_for_everyone() {
    let mut sheet = sheet(&["Ana"]);
    sheet.documented = true;
    let now = sheet.session.starts_at + Duration::minutes(30);
    let account = sheet.roster[0].account_id;
    let marking = Marking {
        by: AccountId::new(),
        is_admin: true,
        everyone: AttendanceStatus::Present,
        exceptions: Vec::new(),
        reason: "fix".into(),
        errors: FieldErrors::new(),
    };
    assert!(
        matches!(rules::mark(&sheet, marking, now), Err(Error::Conflict(m)) if m == rules::DOCUMENTED)
    );
    assert!(matches!(
        rules::check_in(&sheet, account, Format::Online, now),
        Err(Error::Conflict(m)) if m == rules::DOCUMENTED
    ));
}
