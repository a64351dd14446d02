//! Unit tests of schedules, one file per module, and what they share.

mod input;
mod materialize;
mod overlaps;
mod recurrence;

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};

use super::{Schedule, ScheduleEnd};
use crate::ids::{GroupId, ScheduleId};

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(super) fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

/// A weekly schedule meeting from `first` at `hh:mm` for 90 minutes, never ending.
pub(super) fn weekly(days: &[Weekday], hh: u32, mm: u32, first: NaiveDate) -> Schedule {
    Schedule {
        id: ScheduleId::new(),
        group_id: GroupId::new(),
        days: days.to_vec(),
        start_time: NaiveTime::from_hms_opt(hh, mm, 0).unwrap(),
        duration_minutes: 90,
        interval_weeks: 1,
        first_date: first,
        end: ScheduleEnd::Never,
        room: String::new(),
        created_at: utc(2026, 1, 1, 0, 0),
        archived_at: None,
    }
}
