//! A schedule as typed into the form or sent to the API, and its parsing into a [`Schedule`].

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc, Weekday};

use super::{day_code, day_from_code, Schedule, ScheduleEnd};
use crate::fields::{lenient_string, optional_text};
use crate::ids::{GroupId, ScheduleId};
use crate::FieldErrors;

pub const MIN_DURATION_MINUTES: i32 = 15;
pub const MAX_DURATION_MINUTES: i32 = 600;
pub const MAX_EVERY_WEEKS: i32 = 12;
pub const MAX_COUNT: i32 = 1000;
pub const MAX_ROOM_CHARS: usize = 80;

/// A schedule as typed. `days` repeats in forms (`days=tue&days=thu`), is an array in JSON,
/// and may also be a single string. Blank `every_weeks` means every week; blank `end` means
/// it never ends.
#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct ScheduleInput {
    #[serde(default, deserialize_with = "one_or_many")]
    #[schema(example = json!(["tue", "thu"]))]
    pub days: Vec<String>,
    #[serde(default)]
    #[schema(example = "18:00")]
    pub start_time: String,
    #[serde(default, deserialize_with = "lenient_string")]
    #[schema(example = "90")]
    pub duration_minutes: String,
    #[serde(default, deserialize_with = "lenient_string")]
    #[schema(example = "1")]
    pub every_weeks: String,
    #[serde(default)]
    #[schema(example = "2026-03-03")]
    pub first_date: String,
    /// "never", "until" or "count".
    #[serde(default)]
    #[schema(example = "never")]
    pub end: String,
    #[serde(default)]
    pub until_date: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub count: String,
    #[serde(default)]
    pub room: String,
}

/// A schedule's fields after parsing; [`ScheduleSpec::into_new`] or [`ScheduleSpec::apply`]
/// turn them into a [`Schedule`].
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleSpec {
    pub days: Vec<Weekday>,
    pub start_time: NaiveTime,
    pub duration_minutes: i32,
    pub interval_weeks: i32,
    pub first_date: NaiveDate,
    pub end: ScheduleEnd,
    pub room: String,
}

impl ScheduleInput {
    pub fn parse(&self) -> Result<ScheduleSpec, FieldErrors> {
        let mut e = FieldErrors::new();
        let days = parse_days(&mut e, &self.days);
        let start_time = parse_time(&mut e, &self.start_time);
        let duration_minutes = parse_duration(&mut e, &self.duration_minutes);
        let interval_weeks = parse_every_weeks(&mut e, &self.every_weeks);
        let first_date = parse_date(&mut e, "first_date", &self.first_date, "first");
        let end = self.parse_end(&mut e, first_date);
        let room = optional_text(&mut e, "room", &self.room, MAX_ROOM_CHARS);
        match (start_time, first_date, end) {
            (Some(start_time), Some(first_date), Some(end)) if e.is_empty() => Ok(ScheduleSpec {
                days,
                start_time,
                duration_minutes,
                interval_weeks,
                first_date,
                end,
                room,
            }),
            _ => Err(e),
        }
    }

    fn parse_end(&self, e: &mut FieldErrors, first_date: Option<NaiveDate>) -> Option<ScheduleEnd> {
        match self.end.trim() {
            "" | "never" => Some(ScheduleEnd::Never),
            "until" => {
                let date = parse_date(e, "until_date", &self.until_date, "last")?;
                if first_date.is_some_and(|first| date < first) {
                    e.add("until_date", "The end date is before the first date.");
                    return None;
                }
                Some(ScheduleEnd::Until { date })
            }
            "count" => parse_count(e, &self.count).map(|count| ScheduleEnd::Count { count }),
            _ => {
                e.add(
                    "end",
                    "Choose how it ends: never, on a date, or after a number of sessions.",
                );
                None
            }
        }
    }
}

fn parse_days(e: &mut FieldErrors, raw: &[String]) -> Vec<Weekday> {
    let codes: Vec<String> = raw
        .iter()
        .map(|d| d.trim().to_lowercase())
        .filter(|d| !d.is_empty())
        .collect();
    if let Some(unknown) = codes.iter().find(|c| day_from_code(c).is_none()) {
        let shown: String = unknown.chars().take(20).collect();
        e.add(
            "days",
            format!("Unknown day \"{shown}\"; use mon, tue, wed, thu, fri, sat or sun."),
        );
        return Vec::new();
    }
    let mut days: Vec<Weekday> = codes.iter().filter_map(|c| day_from_code(c)).collect();
    days.sort_by_key(|d| d.num_days_from_monday());
    days.dedup();
    if days.is_empty() {
        e.add("days", "Choose at least one day of the week.");
    }
    days
}

pub(super) fn parse_time(e: &mut FieldErrors, raw: &str) -> Option<NaiveTime> {
    let raw = raw.trim();
    if raw.is_empty() {
        e.add("start_time", "Enter the start time, such as 18:00.");
        return None;
    }
    // Browsers send "HH:MM:SS" when the time input has a step below a minute.
    let parsed = NaiveTime::parse_from_str(raw, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(raw, "%H:%M:%S"))
        .ok()
        .filter(|t| t.second() == 0);
    if parsed.is_none() {
        e.add(
            "start_time",
            "Enter the start time as hours and minutes on a 24-hour clock, such as 18:00.",
        );
    }
    parsed
}

pub(super) fn parse_duration(e: &mut FieldErrors, raw: &str) -> i32 {
    match raw.trim().parse::<i32>() {
        Ok(n) if (MIN_DURATION_MINUTES..=MAX_DURATION_MINUTES).contains(&n) => n,
        _ => {
            let (min, max) = (MIN_DURATION_MINUTES, MAX_DURATION_MINUTES);
            e.add(
                "duration_minutes",
                format!("Enter the length in minutes, from {min} to {max}."),
            );
            MIN_DURATION_MINUTES
        }
    }
}

fn parse_every_weeks(e: &mut FieldErrors, raw: &str) -> i32 {
    let raw = raw.trim();
    if raw.is_empty() {
        return 1;
    }
    match raw.parse::<i32>() {
        Ok(n) if (1..=MAX_EVERY_WEEKS).contains(&n) => n,
        _ => {
            let max = MAX_EVERY_WEEKS;
            e.add(
                "every_weeks",
                format!("Enter how many weeks apart it meets, from 1 (every week) to {max}."),
            );
            1
        }
    }
}

/// `which` names the date in messages: "first" or "last".
pub(super) fn parse_date(
    e: &mut FieldErrors,
    field: &str,
    raw: &str,
    which: &str,
) -> Option<NaiveDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        e.add(
            field,
            format!("Enter the {which} date, such as 2026-03-03."),
        );
        return None;
    }
    let Ok(date) = NaiveDate::parse_from_str(raw, "%Y-%m-%d") else {
        e.add(
            field,
            format!("Enter the {which} date as year-month-day, such as 2026-03-03."),
        );
        return None;
    };
    // A mistyped year would make a schedule that silently never meets.
    if !(2000..=2100).contains(&date.year()) {
        e.add(field, "Enter a date between the years 2000 and 2100.");
        return None;
    }
    Some(date)
}

fn parse_count(e: &mut FieldErrors, raw: &str) -> Option<i32> {
    let raw = raw.trim();
    if raw.is_empty() {
        e.add("count", "Enter how many sessions there will be.");
        return None;
    }
    match raw.parse::<i64>() {
        Ok(n) if n < 1 => e.add("count", "Give at least one session."),
        Ok(n) if n > i64::from(MAX_COUNT) => e.add(
            "count",
            format!("Give at most {MAX_COUNT} sessions; for longer, choose no end date."),
        ),
        Ok(n) => return i32::try_from(n).ok(),
        Err(_) => e.add(
            "count",
            format!("Enter a whole number of sessions, from 1 to {MAX_COUNT}."),
        ),
    }
    None
}

impl ScheduleSpec {
    pub fn into_new(self, group_id: GroupId, now: DateTime<Utc>) -> Schedule {
        Schedule {
            id: ScheduleId::new(),
            group_id,
            days: self.days,
            start_time: self.start_time,
            duration_minutes: self.duration_minutes,
            interval_weeks: self.interval_weeks,
            first_date: self.first_date,
            end: self.end,
            room: self.room,
            created_at: now,
            archived_at: None,
        }
    }

    /// Writes the parsed fields over a schedule, keeping its identity and history.
    pub fn apply(self, schedule: Schedule) -> Schedule {
        Schedule {
            days: self.days,
            start_time: self.start_time,
            duration_minutes: self.duration_minutes,
            interval_weeks: self.interval_weeks,
            first_date: self.first_date,
            end: self.end,
            room: self.room,
            ..schedule
        }
    }
}

impl From<&Schedule> for ScheduleInput {
    fn from(s: &Schedule) -> Self {
        let (end, until_date, count) = match s.end {
            ScheduleEnd::Never => ("never", String::new(), String::new()),
            ScheduleEnd::Until { date } => ("until", date.to_string(), String::new()),
            ScheduleEnd::Count { count } => ("count", String::new(), count.to_string()),
        };
        Self {
            days: s.days.iter().map(|d| day_code(*d).to_owned()).collect(),
            start_time: s.start_time.format("%H:%M").to_string(),
            duration_minutes: s.duration_minutes.to_string(),
            every_weeks: s.interval_weeks.to_string(),
            first_date: s.first_date.to_string(),
            end: end.to_owned(),
            until_date,
            count,
            room: s.room.clone(),
        }
    }
}

/// Reads a list of text from an array, a single string (one value), or null/absent (none).
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    struct Visitor;
    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list of text or one text")
        }
        fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
            Ok(vec![v.to_owned()])
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut values = Vec::new();
            while let Some(value) = seq.next_element::<String>()? {
                values.push(value);
            }
            Ok(values)
        }
    }
    d.deserialize_any(Visitor)
}
