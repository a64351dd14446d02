//! Schedules: weekly recurrences of a group in its time zone, and the sessions they produce.

mod schedule;

pub use schedule::{day_code, day_from_code, Schedule, ScheduleEnd, DAY_CODES};
