//! Reports: attendance, retention, treatment hours and billing, computed from plain rows.
//!
//! Nothing here reads the store or a clock: the store fetches [`AttendanceFact`]s and
//! [`EnrollmentSpan`]s, the caller picks the date range, and these functions return
//! serializable tables, each with CSV helpers (a header and the fields of each row).
//!
//! Conventions shared by every report:
//! - Weeks run Monday to Sunday; a report lists every week overlapping its `[from, to]`
//!   range, cut to the range.
//! - Facts dated outside `[from, to]` are left out.
//! - `None` is an empty CSV cell.

mod calendar;
mod csv_cells;
mod facts;
mod member_hours;
mod numbers;

#[cfg(test)]
mod test_support;

pub use facts::{AttendanceFact, BillingCode, EnrollmentSpan};
pub use member_hours::{
    member_hours, week_hours_csv_header, weekly_minimum_minutes, MemberHoursReport, WeekHours,
};
