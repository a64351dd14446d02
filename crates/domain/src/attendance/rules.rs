//! The attendance rules, as pure functions over a session's [`AttendanceSheet`].
//!
//! - Attendance is taken from the session's start; a cancelled session has none.
//! - Marks can be changed until [`LOCK_AFTER_DAYS`] days after the session ends. After that
//!   only an administrator of the organization changes them, and only with a reason.
//! - Minutes: the session's length when present (unless given), 0 when absent or excused;
//!   late and left early need them; never more than the session's length.
//! - Members of online and hybrid groups check themselves in from
//!   [`CHECK_IN_OPENS_MINUTES`] before the start until the end: present, or late (with the
//!   minutes left) when more than [`LATE_AFTER_MINUTES`] after the start. A mark already
//!   there, theirs or the staff's, is kept.
//! - Drop-in groups take registrations for sessions that are scheduled and have not begun.

use chrono::{DateTime, Duration, Utc};

use super::{
    AttendanceChange, AttendanceMark, AttendanceSheet, AttendanceStatus, AttendanceWrite,
    MarkSource,
};
use crate::groups::{EnrollmentMode, Format, Group};
use crate::ids::AccountId;
use crate::sessions::{GroupSession, SessionStatus};
use crate::{vocabulary, Error, FieldErrors};

/// Marks can be changed by the group's staff until this many days after the session ends.
pub const LOCK_AFTER_DAYS: i64 = 7;
/// Members can check in from this many minutes before the start.
pub const CHECK_IN_OPENS_MINUTES: i64 = 15;
/// A check-in more than this many minutes after the start is marked late.
pub const LATE_AFTER_MINUTES: i64 = 10;

pub const NOT_STARTED: &str =
    "This session has not started yet; attendance can be taken from its start.";
pub const LOCKED: &str =
    "Attendance for this session is locked; an administrator can correct it with a reason.";
pub const DOCUMENTED: &str =
    "Attendance for this session is locked: its group note is signed. Add an addendum to a \
     member's note to record a correction.";
pub const CORRECTION_NEEDS_REASON: &str =
    "Attendance for this session is locked: say why you correct it; the reason is kept in its log.";
pub const CANCELLED: &str = "This session was cancelled; it has no attendance.";
pub const NOT_ON_ROSTER: &str = "This person is not on this session's roster.";
pub const NEEDS_MINUTES: &str = "Enter the minutes this member was there.";
pub const WHOLE_MINUTES: &str = "Enter a whole number of minutes.";
pub const AT_LEAST_ONE_MINUTE: &str =
    "Enter at least 1 minute, or mark the member absent if they did not come.";
pub const EVERYONE_NEEDS_NO_MINUTES: &str =
    "Late and left early need each member's minutes: mark those members one by one.";
pub const CHECK_IN_IN_PERSON: &str =
    "Check-in is for online and hybrid sessions; staff take attendance in the room.";
pub const CHECK_IN_TOO_EARLY: &str = "Check-in opens 15 minutes before the session starts.";
pub const CHECK_IN_CLOSED: &str = "This session has ended; check-in is closed.";
pub const NOT_DROP_IN: &str =
    "Only drop-in groups take registrations for single sessions; join the group instead.";
pub const REGISTRATION_CLOSED: &str = "This session has already started; registration is closed.";
pub const SESSION_CANCELLED: &str = "This session was cancelled.";
pub const FULL: &str = "This session is full.";
pub const NOT_ON_THIS_SESSION: &str =
    "You are not on this session's list: join the group (or register, for a drop-in group) first.";

/// When the session's marks lock for its facilitators.
pub fn locks_at(session: &GroupSession) -> DateTime<Utc> {
    session.ends_at + Duration::days(LOCK_AFTER_DAYS)
}

/// Whether the session's marks are locked at `now`. (Signed session notes will lock them
/// too, once they exist.)
pub fn is_locked(session: &GroupSession, now: DateTime<Utc>) -> bool {
    now >= locks_at(session)
}

/// The session's length in whole minutes, as stored with marks.
pub fn session_minutes(session: &GroupSession) -> i32 {
    i32::try_from(session.minutes().max(0)).unwrap_or(i32::MAX)
}

vocabulary!(
    /// What one person may do with a session's attendance sheet now.
    SheetAccess {
        Open => ("open", "Open for marking"),
        NotStarted => ("not_started", "Not started yet"),
        Cancelled => ("cancelled", "Cancelled"),
        Correction => ("correction", "Locked; an administrator can correct it with a reason"),
        Locked => ("locked", "Locked"),
        ViewOnly => ("view_only", "View only"),
    }
);

impl SheetAccess {
    /// Marks can be written (a correction needs a reason).
    pub fn can_mark(self) -> bool {
        matches!(self, Self::Open | Self::Correction)
    }
}

/// `can_run`: the person runs the group (facilitator or administrator); `is_admin`: an
/// administrator of the group's organization.
pub fn sheet_access(
    session: &GroupSession,
    can_run: bool,
    is_admin: bool,
    now: DateTime<Utc>,
) -> SheetAccess {
    if !can_run {
        SheetAccess::ViewOnly
    } else if session.status == SessionStatus::Cancelled {
        SheetAccess::Cancelled
    } else if now < session.starts_at {
        SheetAccess::NotStarted
    } else if !is_locked(session, now) {
        SheetAccess::Open
    } else if is_admin {
        SheetAccess::Correction
    } else {
        SheetAccess::Locked
    }
}

/// The minutes to record for `status`, from what was typed (`""` for none), or the message
/// to show at the field.
pub fn minutes_for(status: AttendanceStatus, raw: &str, length: i32) -> Result<i32, String> {
    let raw = raw.trim();
    if !status.attended() {
        // Nothing to count; a value left in the field from an earlier mark is no mistake.
        return Ok(0);
    }
    if raw.is_empty() {
        return if status.asks_for_minutes() {
            Err(NEEDS_MINUTES.to_owned())
        } else {
            Ok(length)
        };
    }
    let minutes: i32 = raw.parse().map_err(|_| WHOLE_MINUTES.to_owned())?;
    if minutes < 0 {
        Err(WHOLE_MINUTES.to_owned())
    } else if minutes == 0 {
        Err(AT_LEAST_ONE_MINUTE.to_owned())
    } else if minutes > length {
        Err(format!("At most {length} minutes: the session's length."))
    } else {
        Ok(minutes)
    }
}

/// One member's line of a submitted sheet, as parsed from the input.
#[derive(Debug, Clone, PartialEq)]
pub struct Exception {
    /// The account id as it came (errors are reported at `status.<key>` and
    /// `minutes.<key>`, the names of the form's fields).
    pub key: String,
    /// `None` when the key is not an account id (already reported).
    pub account: Option<AccountId>,
    /// `None`: keep the member's mark, or use `everyone` when they have none.
    pub status: Option<AttendanceStatus>,
    pub minutes: String,
}

/// A parsed attendance sheet and who submits it.
#[derive(Debug, Clone)]
pub struct Marking {
    pub by: AccountId,
    /// An administrator of the group's organization.
    pub is_admin: bool,
    /// For members without a mark and without a line of their own.
    pub everyone: AttendanceStatus,
    pub exceptions: Vec<Exception>,
    pub reason: String,
    /// What parsing already found wrong; reported together with the rest.
    pub errors: FieldErrors,
}

pub fn status_key(key: &str) -> String {
    format!("status.{key}")
}

pub fn minutes_key(key: &str) -> String {
    format!("minutes.{key}")
}

/// Marks a session: every member without a mark gets `everyone` unless their line says
/// otherwise; members with a mark keep it unless their line changes it. Only new or changed
/// marks are written, each with a log entry; the session becomes held.
pub fn mark(
    sheet: &AttendanceSheet,
    marking: Marking,
    now: DateTime<Utc>,
) -> Result<AttendanceWrite, Error> {
    let session = &sheet.session;
    if sheet.documented {
        return Err(Error::Conflict(DOCUMENTED.into()));
    }
    let mut errors = marking.errors;
    match sheet_access(session, true, marking.is_admin, now) {
        SheetAccess::NotStarted => return Err(Error::invalid("session", NOT_STARTED)),
        SheetAccess::Cancelled => return Err(Error::Conflict(CANCELLED.into())),
        SheetAccess::Locked => return Err(Error::Conflict(LOCKED.into())),
        SheetAccess::ViewOnly => return Err(Error::NotFound),
        SheetAccess::Correction if marking.reason.trim().is_empty() => {
            errors.add("reason", CORRECTION_NEEDS_REASON);
        }
        SheetAccess::Correction | SheetAccess::Open => {}
    }
    if marking.everyone.asks_for_minutes() {
        errors.add("everyone", EVERYONE_NEEDS_NO_MINUTES);
    }
    // A line that says nothing (both fields left empty) is no exception.
    let exceptions: Vec<&Exception> = marking
        .exceptions
        .iter()
        .filter(|e| e.status.is_some() || !e.minutes.trim().is_empty())
        .collect();
    for e in &exceptions {
        if e.account.is_some_and(|a| sheet.line_of(a).is_none()) {
            errors.add(&status_key(&e.key), NOT_ON_ROSTER);
        }
    }
    let length = session_minutes(session);
    let mut write = AttendanceWrite {
        held: true,
        ..AttendanceWrite::default()
    };
    for line in &sheet.roster {
        // The last line about a member wins.
        let own = exceptions
            .iter()
            .rev()
            .find(|e| e.account == Some(line.account_id));
        let current = line.mark.as_ref();
        let status = own
            .and_then(|e| e.status)
            .or(current.map(|m| m.status))
            .unwrap_or(marking.everyone);
        let raw_minutes = own.map_or("", |e| e.minutes.as_str());
        let minutes = match (own, current) {
            // Nothing said about a marked member: the mark stays as it is.
            (None, Some(mark)) => mark.minutes,
            _ => match minutes_for(status, raw_minutes, length) {
                Ok(minutes) => minutes,
                Err(message) => {
                    let key = own.map_or_else(|| line.account_id.to_string(), |e| e.key.clone());
                    errors.add(&minutes_key(&key), message);
                    continue;
                }
            },
        };
        if current.is_some_and(|m| m.status == status && m.minutes == minutes) {
            continue;
        }
        let mark = AttendanceMark {
            session_id: session.id,
            account_id: line.account_id,
            status,
            minutes,
            source: MarkSource::Staff,
            marked_by: Some(marking.by),
            marked_at: now,
            online_minutes: current.map_or(0, |m| m.online_minutes.min(minutes)),
        };
        write
            .changes
            .push(AttendanceChange::of(&mark, marking.reason.trim()));
        write.marks.push(mark);
    }
    errors.into_result(write)
}

/// Where `now` falls for checking in to the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckInWindow {
    TooEarly,
    Open,
    Closed,
}

pub fn check_in_window(session: &GroupSession, now: DateTime<Utc>) -> CheckInWindow {
    if now < session.starts_at - Duration::minutes(CHECK_IN_OPENS_MINUTES) {
        CheckInWindow::TooEarly
    } else if now < session.ends_at {
        CheckInWindow::Open
    } else {
        CheckInWindow::Closed
    }
}

/// The status and minutes a check-in at `now` records (inside the window).
pub fn check_in_mark(session: &GroupSession, now: DateTime<Utc>) -> (AttendanceStatus, i32) {
    let length = session_minutes(session);
    if now > session.starts_at + Duration::minutes(LATE_AFTER_MINUTES) {
        let left = i32::try_from((session.ends_at - now).num_minutes().max(0)).unwrap_or(0);
        (AttendanceStatus::Late, left.min(length))
    } else {
        (AttendanceStatus::Present, length)
    }
}

/// A member checks in: refused for people not on the roster (sessions of open groups are
/// public, so saying so reveals nothing), for in-person
/// groups, cancelled sessions and outside the window; nothing is written when they already
/// have a mark.
pub fn check_in(
    sheet: &AttendanceSheet,
    member: AccountId,
    format: Format,
    now: DateTime<Utc>,
) -> Result<AttendanceWrite, Error> {
    let line = sheet
        .line_of(member)
        .ok_or_else(|| Error::Conflict(NOT_ON_THIS_SESSION.into()))?;
    let session = &sheet.session;
    if sheet.documented {
        return Err(Error::Conflict(DOCUMENTED.into()));
    }
    if format == Format::InPerson {
        return Err(Error::Conflict(CHECK_IN_IN_PERSON.into()));
    }
    if session.status == SessionStatus::Cancelled {
        return Err(Error::Conflict(SESSION_CANCELLED.into()));
    }
    match check_in_window(session, now) {
        CheckInWindow::TooEarly => return Err(Error::Conflict(CHECK_IN_TOO_EARLY.into())),
        CheckInWindow::Closed => return Err(Error::Conflict(CHECK_IN_CLOSED.into())),
        CheckInWindow::Open => {}
    }
    if line.mark.is_some() {
        return Ok(AttendanceWrite::default());
    }
    let (status, minutes) = check_in_mark(session, now);
    let mark = AttendanceMark {
        session_id: session.id,
        account_id: member,
        status,
        minutes,
        source: MarkSource::Member,
        marked_by: Some(member),
        marked_at: now,
        online_minutes: 0,
    };
    Ok(AttendanceWrite {
        changes: vec![AttendanceChange::of(&mark, "")],
        marks: vec![mark],
        held: false,
    })
}

/// Whether the session of `group` takes registrations (and their cancellation) at `now`.
pub fn registration_open(
    group: &Group,
    session: &GroupSession,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    if group.enrollment != EnrollmentMode::DropIn {
        Err(Error::Conflict(NOT_DROP_IN.into()))
    } else if session.status == SessionStatus::Cancelled {
        Err(Error::Conflict(SESSION_CANCELLED.into()))
    } else if session.status == SessionStatus::Held || now >= session.starts_at {
        Err(Error::Conflict(REGISTRATION_CLOSED.into()))
    } else {
        Ok(())
    }
}
