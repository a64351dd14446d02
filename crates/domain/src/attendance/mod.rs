//! Attendance: one member at one session.
//!
//! - The session's roster ([`RosterLine`]) is who is expected: members whose enrollment in
//!   the group was active at the session, people registered for it (drop-in groups), and
//!   anyone who already has a mark.
//! - Staff mark a whole session in one step ([`mark_session`]); members of online and
//!   hybrid groups check themselves in ([`check_in`]); drop-in groups take registrations
//!   for single sessions ([`register_for_session`]).
//! - Every mark and every change of one is appended to a log with who, when and why; marks
//!   lock [`LOCK_AFTER_DAYS`] days after the session ends, after which only an
//!   administrator corrects them, with a reason.
//!
//! The rules are pure functions in [`rules`]; the store runs them on the session's sheet
//! read under the session's lock ([`AttendanceDecision`]) and writes what they return in the
//! same transaction.

mod check_in;
mod input;
mod mark;
mod mine;
mod online;
mod registrations;
pub mod rules;
mod sheet;

#[cfg(test)]
mod input_tests;
#[cfg(test)]
mod rules_tests;

pub use check_in::{check_in, CheckIn};
pub use input::{AttendanceSheetInput, FieldText, MarkInput, ParsedSheet};
pub use mark::{mark_session, session_attendance, AttendanceView};
pub use mine::my_attendance;
pub use online::{online_minutes, record_room_visit, room_attendance, Visit};
pub use registrations::{cancel_registration, my_registrations, register_for_session};
pub use rules::{SheetAccess, LOCK_AFTER_DAYS};
pub use sheet::{
    AttendanceChange, AttendanceChangeLine, AttendanceDecision, AttendanceMark, AttendanceSheet,
    AttendanceWrite, MyMark, Registration, RegistrationOutcome, RosterLine,
};

use crate::vocabulary;

vocabulary!(
    AttendanceStatus {
        Present => ("present", "Present"),
        Late => ("late", "Late"),
        LeftEarly => ("left_early", "Left early"),
        Absent => ("absent", "Absent"),
        Excused => ("excused", "Excused"),
    }
);

impl AttendanceStatus {
    /// Present, late and left early count as attended (and are billable).
    pub fn attended(self) -> bool {
        matches!(self, Self::Present | Self::Late | Self::LeftEarly)
    }

    /// Late and left early need the minutes the member was actually there.
    pub fn asks_for_minutes(self) -> bool {
        matches!(self, Self::Late | Self::LeftEarly)
    }
}

vocabulary!(
    /// Who recorded a mark: staff on the sheet, the member checking in, or the time they
    /// spent in the session's online room.
    MarkSource {
        Staff => ("staff", "Staff"),
        Member => ("self", "Checked in"),
        Room => ("room", "Online room"),
    }
);
