//! Schedules as stored (days as codes, the start time as `HH:MM`, the end in three columns),
//! and the rows overlap checks read.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use kindred_domain::ids::AccountId;
use kindred_domain::schedules::{day_code, day_from_code, Schedule, ScheduleEnd, Slot};
use kindred_domain::StoreError;

use super::SqliteRow;
use crate::errors::{id, time_zone};
use crate::sqlite::values::Cols;

#[derive(sqlx::FromRow)]
pub(crate) struct ScheduleRow {
    id: String,
    group_id: String,
    days: String,
    start_time: String,
    duration_minutes: i32,
    interval_weeks: i32,
    first_date: NaiveDate,
    end_kind: String,
    until_date: Option<NaiveDate>,
    end_count: Option<i32>,
    room: String,
    created_at: DateTime<Utc>,
    archived_at: Option<DateTime<Utc>>,
}

impl SqliteRow for ScheduleRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(ScheduleRow {
            id: c.get("id")?,
            group_id: c.get("group_id")?,
            days: c.get("days")?,
            start_time: c.get("start_time")?,
            duration_minutes: c.get("duration_minutes")?,
            interval_weeks: c.get("interval_weeks")?,
            first_date: c.date("first_date")?,
            end_kind: c.get("end_kind")?,
            until_date: c.opt_date("until_date")?,
            end_count: c.get("end_count")?,
            room: c.get("room")?,
            created_at: c.time("created_at")?,
            archived_at: c.opt_time("archived_at")?,
        })
    }
}

impl TryFrom<ScheduleRow> for Schedule {
    type Error = StoreError;
    fn try_from(r: ScheduleRow) -> Result<Self, StoreError> {
        let days = r
            .days
            .split(',')
            .filter(|d| !d.is_empty())
            .map(|d| {
                day_from_code(d).ok_or_else(|| {
                    StoreError::Backend(format!("stored schedules.days has unknown day {d:?}"))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let start_time = NaiveTime::parse_from_str(&r.start_time, "%H:%M").map_err(|_| {
            StoreError::Backend(format!(
                "stored schedules.start_time {:?} is not HH:MM",
                r.start_time
            ))
        })?;
        let end = match (r.end_kind.as_str(), r.until_date, r.end_count) {
            ("never", _, _) => ScheduleEnd::Never,
            ("until", Some(date), _) => ScheduleEnd::Until { date },
            ("count", _, Some(count)) => ScheduleEnd::Count { count },
            (kind, _, _) => {
                return Err(StoreError::Backend(format!(
                    "stored schedules end {kind:?} lacks its value"
                )))
            }
        };
        Ok(Schedule {
            id: id("schedules.id", &r.id)?,
            group_id: id("schedules.group_id", &r.group_id)?,
            days,
            start_time,
            duration_minutes: r.duration_minutes,
            interval_weeks: r.interval_weeks,
            first_date: r.first_date,
            end,
            room: r.room,
            created_at: r.created_at,
            archived_at: r.archived_at,
        })
    }
}

/// The stored form of a schedule's rule: what both backends bind, in [`INSERT`] order
/// (`$3` … `$11`).
///
/// [`INSERT`]: crate::sql::schedules::INSERT
pub(crate) struct RuleColumns {
    pub(crate) days: String,
    pub(crate) start_time: String,
    pub(crate) end_kind: &'static str,
    pub(crate) until_date: Option<NaiveDate>,
    pub(crate) end_count: Option<i32>,
}

impl RuleColumns {
    pub(crate) fn of(s: &Schedule) -> Self {
        let (end_kind, until_date, end_count) = match s.end {
            ScheduleEnd::Never => ("never", None, None),
            ScheduleEnd::Until { date } => ("until", Some(date), None),
            ScheduleEnd::Count { count } => ("count", None, Some(count)),
        };
        RuleColumns {
            days: s
                .days
                .iter()
                .map(|d| day_code(*d))
                .collect::<Vec<_>>()
                .join(","),
            start_time: s.start_time.format("%H:%M").to_string(),
            end_kind,
            until_date,
            end_count,
        }
    }
}

/// A schedule with its group's time zone.
#[derive(sqlx::FromRow)]
pub(crate) struct ScheduleZoneRow {
    #[sqlx(flatten)]
    schedule: ScheduleRow,
    time_zone: String,
}

impl SqliteRow for ScheduleZoneRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(ScheduleZoneRow {
            schedule: ScheduleRow::read(c)?,
            time_zone: c.get("time_zone")?,
        })
    }
}

impl TryFrom<ScheduleZoneRow> for (Schedule, Tz) {
    type Error = StoreError;
    fn try_from(r: ScheduleZoneRow) -> Result<Self, StoreError> {
        Ok((Schedule::try_from(r.schedule)?, time_zone(&r.time_zone)?))
    }
}

/// A session as overlap checks see it; facilitators come from [`GroupFacilitatorRow`].
#[derive(sqlx::FromRow)]
pub(crate) struct SlotRow {
    session_id: String,
    group_id: String,
    group_name: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    location_id: String,
    room: String,
}

impl SqliteRow for SlotRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(SlotRow {
            session_id: c.get("session_id")?,
            group_id: c.get("group_id")?,
            group_name: c.get("group_name")?,
            starts_at: c.time("starts_at")?,
            ends_at: c.time("ends_at")?,
            location_id: c.get("location_id")?,
            room: c.get("room")?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct GroupFacilitatorRow {
    group_id: String,
    account_id: String,
}

impl SqliteRow for GroupFacilitatorRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(GroupFacilitatorRow {
            group_id: c.get("group_id")?,
            account_id: c.get("account_id")?,
        })
    }
}

/// Joins each slot with its group's facilitators.
pub(crate) fn slots(
    rows: Vec<SlotRow>,
    facilitators: Vec<GroupFacilitatorRow>,
) -> Result<Vec<Slot>, StoreError> {
    let mut by_group: std::collections::HashMap<String, Vec<AccountId>> =
        std::collections::HashMap::new();
    for f in facilitators {
        let account = id("group_facilitators.account_id", &f.account_id)?;
        by_group.entry(f.group_id).or_default().push(account);
    }
    rows.into_iter()
        .map(|r| {
            Ok(Slot {
                session_id: id("group_sessions.id", &r.session_id)?,
                group_id: id("group_sessions.group_id", &r.group_id)?,
                facilitators: by_group.get(&r.group_id).cloned().unwrap_or_default(),
                group_name: r.group_name,
                starts_at: r.starts_at,
                ends_at: r.ends_at,
                location_id: id("groups.location_id", &r.location_id)?,
                room: r.room,
            })
        })
        .collect()
}
