//! Schedules: weekly recurrences of a group in its time zone, and the sessions they produce.

mod input;
mod materialize;
mod overlaps;
mod recurrence;
mod schedule;

pub use input::{
    ScheduleInput, ScheduleSpec, MAX_COUNT, MAX_DURATION_MINUTES, MAX_EVERY_WEEKS, MAX_ROOM_CHARS,
    MIN_DURATION_MINUTES,
};
pub use materialize::{plan_sessions, SessionPlan};
pub use overlaps::{overlap_warnings, BookedSession, OverlapWarning, Slot};
pub use recurrence::{occurrences, resolve_local_time, Occurrence};
pub use schedule::{day_code, day_from_code, Schedule, ScheduleEnd, DAY_CODES};

#[cfg(test)]
mod tests;
