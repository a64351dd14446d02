//! Reports: attendance, retention, treatment hours and billing, computed from plain rows.
//!
//! Nothing here reads the store or a clock: the store fetches [`AttendanceFact`]s and
//! [`EnrollmentSpan`]s, the caller picks the date range, and these functions return
//! serializable tables, each with CSV helpers (a header and the fields of each row).
//!
//! Conventions shared by every report:
//! - Rates are percentages rounded to one decimal (`66.7`), `None` when the denominator is
//!   zero (nothing marked, nobody enrolled), so an empty report never divides by zero.
//! - Weeks run Monday to Sunday; a report lists every week overlapping its `[from, to]`
//!   range, cut to the range.
//! - Facts dated outside `[from, to]` are left out.
//! - CSV cells of free text are guarded against spreadsheet formulas; `None` is an empty
//!   cell.

mod absences;
mod billing;
mod billing_rules;
mod calendar;
pub(crate) mod csv_cells;
mod facts;
mod group_report;
mod member_attendance;
mod member_hours;
mod numbers;
mod retention;
mod session_attendance;
mod use_cases;

#[cfg(test)]
mod billing_tests;
#[cfg(test)]
mod test_support;

pub use absences::{AbsenceStreak, MIN_CONSECUTIVE_ABSENCES};
pub use billing::{billing_csv_header, billing_rows, BillingRow};
pub use billing_rules::{
    billing_method, fifteen_minute_units, BillingMethod, UnitRule, GROUP_PSYCHOTHERAPY,
    GROUP_SETTING_MODIFIER, INTENSIVE_OUTPATIENT_DAY_MINUTES, INTENSIVE_OUTPATIENT_PER_DIEM,
    PEER_SUPPORT_SERVICES,
};
pub use facts::{AttendanceFact, BillingCode, EnrollmentSpan};
pub use group_report::{group_attendance, GroupAttendanceReport};
pub use member_attendance::{member_attendance_csv_header, MemberAttendance};
pub use member_hours::{
    member_hours, week_hours_csv_header, weekly_minimum_minutes, MemberHoursReport, WeekHours,
};
pub use retention::{
    week_retention_csv_header, RetentionAfter, WeekRetention, RETENTION_CHECKPOINT_WEEKS,
};
pub use session_attendance::{session_attendance_csv_header, SessionAttendance};
pub use use_cases::{
    billing_export, group_report, member_report, Asked, DateRange, Delivery, MemberReport,
    RangeInput, MAX_RANGE_DAYS,
};
