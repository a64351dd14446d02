use chrono::{DateTime, NaiveDate, NaiveTime, Utc, Weekday};

use crate::ids::{GroupId, ScheduleId};

/// A weekly recurrence of a group, kept in the group's IANA time zone.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct Schedule {
    pub id: ScheduleId,
    pub group_id: GroupId,
    /// Days of the week it meets on: sorted Monday first, no repeats, at least one.
    #[schema(value_type = Vec<String>, example = json!(["tue", "thu"]))]
    #[serde(serialize_with = "serialize_days")]
    pub days: Vec<Weekday>,
    /// Local start time in the group's time zone.
    #[schema(value_type = String, example = "18:00")]
    #[serde(serialize_with = "serialize_time")]
    pub start_time: NaiveTime,
    pub duration_minutes: i32,
    /// 1 = every week, 2 = every other week, …
    pub interval_weeks: i32,
    /// The first date it may meet on (the week of this date is week one).
    pub first_date: NaiveDate,
    pub end: ScheduleEnd,
    /// Room at the group's location ("" when the location has none or it is online).
    pub room: String,
    pub created_at: DateTime<Utc>,
    /// Ended by staff: no new sessions from it; future untouched ones are removed.
    pub archived_at: Option<DateTime<Utc>>,
}

/// When a schedule stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ScheduleEnd {
    Never,
    /// Last date it may meet on, inclusive.
    Until {
        date: NaiveDate,
    },
    /// Number of occurrences from the first date.
    Count {
        count: i32,
    },
}

/// Three-letter lower-case day codes, Monday first: the form and API vocabulary.
pub const DAY_CODES: [(Weekday, &str, &str); 7] = [
    (Weekday::Mon, "mon", "Monday"),
    (Weekday::Tue, "tue", "Tuesday"),
    (Weekday::Wed, "wed", "Wednesday"),
    (Weekday::Thu, "thu", "Thursday"),
    (Weekday::Fri, "fri", "Friday"),
    (Weekday::Sat, "sat", "Saturday"),
    (Weekday::Sun, "sun", "Sunday"),
];

pub fn day_code(day: Weekday) -> &'static str {
    DAY_CODES[day.num_days_from_monday() as usize].1
}

pub fn day_from_code(code: &str) -> Option<Weekday> {
    DAY_CODES
        .iter()
        .find(|(_, c, _)| *c == code)
        .map(|(d, _, _)| *d)
}

fn serialize_days<S: serde::Serializer>(days: &[Weekday], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(days.iter().map(|d| day_code(*d)))
}

fn serialize_time<S: serde::Serializer>(time: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&time.format("%H:%M"))
}
