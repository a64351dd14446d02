//! Schedules: weekly recurrences of a group in its time zone, and the sessions they produce.

mod input;
mod manage;
mod materialize;
mod materialize_job;
mod one_session;
mod overlaps;
mod recurrence;
mod schedule;

pub use input::{
    ScheduleInput, ScheduleSpec, MAX_COUNT, MAX_DURATION_MINUTES, MAX_EVERY_WEEKS, MAX_ROOM_CHARS,
    MIN_DURATION_MINUTES,
};
pub use manage::{
    archive_schedule, create_schedule, schedules_of_group, upcoming_warnings, update_schedule,
    ScheduleSaved,
};
pub use materialize::{plan_sessions, SessionPlan};
pub use materialize_job::{
    horizon_end, materialize_due, materialize_until, CHUNK, HORIZON, JOB_STEP,
};
pub use one_session::{
    can_change, cancel_session, move_session, restore_session, MoveSessionInput, SessionSaved,
    MAX_CANCEL_REASON_CHARS,
};
pub use overlaps::{overlap_warnings, BookedSession, OverlapWarning, Slot};
pub use recurrence::{occurrences, resolve_local_time, Occurrence};
pub use schedule::{day_code, day_from_code, Schedule, ScheduleEnd, DAY_CODES};

#[cfg(test)]
mod tests;
