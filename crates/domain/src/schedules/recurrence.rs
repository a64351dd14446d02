//! The occurrences of a schedule: the local dates it meets on, and when each starts and ends.
//!
//! The `rrule` crate (RFC 5545) produces the local dates and wall-clock times, run in UTC as
//! floating time so that it never sees a daylight-saving change. Each wall-clock time is then
//! placed in the group's time zone by this rule:
//!
//! - When the clocks go forward and the start time does not exist that day (02:30 when 02:00
//!   jumps to 03:00), the session starts that much later: 02:30 becomes 03:30. It is the instant
//!   02:30 would have been had the clocks not changed yet.
//! - When the clocks go back and the start time happens twice that day (01:30 when 02:00 goes
//!   back to 01:00), the session starts at the first of the two, while daylight time still holds.
//! - Every other day the session starts at its start time on the local clock, so its instant
//!   in UTC shifts by an hour across a change.
//!
//! A session ends its duration in elapsed minutes after it starts, whatever the clocks do in
//! between. The same schedule, zone and range always give the same occurrences.

use chrono::{
    DateTime, Datelike, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta,
    TimeZone, Utc, Weekday,
};
use chrono_tz::Tz;
use rrule::{Frequency, NWeekday, RRule, RRuleSet};

use super::{Schedule, ScheduleEnd};

/// One meeting of a schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Occurrence {
    /// The local date in the group's time zone: the occurrence's identity.
    pub date: NaiveDate,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// Occurrences whose start lies in `[from, to)`, ordered by start. A `Count` end counts from
/// the first date, whatever `from` is. A schedule with no days or a week interval below one
/// has none (parsing never produces such a schedule). Archiving is not looked at here.
pub fn occurrences(
    schedule: &Schedule,
    zone: Tz,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<Occurrence> {
    if from >= to {
        return Vec::new();
    }
    let Some(rule) = local_rule(schedule, from) else {
        return Vec::new();
    };
    let duration = TimeDelta::minutes(i64::from(schedule.duration_minutes));
    // UTC offsets stay within ±14 hours and gaps are at most a day, so no wall-clock time
    // later than two days after `to` can start before `to`.
    let last_local = to
        .naive_utc()
        .checked_add_days(Days::new(2))
        .unwrap_or(NaiveDateTime::MAX);
    let mut found = Vec::new();
    // Iterating the set itself has no limit on how many it yields (unlike `all`, capped at
    // 65,535): the loop ends at `last_local` or where the rule itself ends.
    for local in &rule {
        let local = local.naive_utc();
        if local > last_local {
            break;
        }
        let Some(starts_at) = resolve_local_time(zone, local) else {
            continue;
        };
        if starts_at < from || starts_at >= to {
            continue;
        }
        let Some(ends_at) = starts_at.checked_add_signed(duration) else {
            continue;
        };
        found.push(Occurrence {
            date: local.date(),
            starts_at,
            ends_at,
        });
    }
    // Already in order unless a gap pushes one start past the next; keep the promise anyway.
    found.sort_by_key(|o| (o.starts_at, o.date));
    found
}

/// The instant a local wall-clock time stands for in `zone`, by the module's daylight-saving rule.
pub fn resolve_local_time(zone: Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(at) => Some(at.with_timezone(&Utc)),
        LocalResult::Ambiguous(earlier, _) => Some(earlier.with_timezone(&Utc)),
        LocalResult::None => {
            // In a gap: read the time with the offset in force just before it. A day earlier
            // (taken as UTC) is always before the change and after any previous one.
            let before = local.checked_sub_days(Days::new(1))?;
            let offset = zone.offset_from_utc_datetime(&before).fix();
            let utc = local
                .checked_sub_signed(TimeDelta::seconds(i64::from(offset.local_minus_utc())))?;
            Some(Utc.from_utc_datetime(&utc))
        }
    }
}

/// The schedule as a weekly rule over floating local times (run in UTC, which has no changes).
fn local_rule(schedule: &Schedule, from: DateTime<Utc>) -> Option<RRuleSet> {
    if schedule.days.is_empty() {
        return None;
    }
    let interval = u16::try_from(schedule.interval_weeks)
        .ok()
        .filter(|i| *i >= 1)?;
    let days = schedule.days.iter().map(|d| NWeekday::Every(*d)).collect();
    let mut rule = RRule::new(Frequency::Weekly)
        .interval(interval)
        .week_start(Weekday::Mon)
        .by_weekday(days);
    match schedule.end {
        ScheduleEnd::Never => {}
        ScheduleEnd::Until { date } => {
            // Inclusive: anything on the last date, whatever the start time.
            rule = rule.until(floating(
                date.and_time(NaiveTime::from_hms_opt(23, 59, 59)?),
            ));
        }
        ScheduleEnd::Count { count } => {
            rule = rule.count(u32::try_from(count).ok().filter(|c| *c >= 1)?);
        }
    }
    let start = start_date(schedule, interval, from)?;
    // Fails only when the rule cannot meet at all, e.g. it ends before `start`: nothing then.
    rule.build(floating(start.and_time(schedule.start_time)))
        .ok()
}

/// Where the rule may start: the first date, or for a rule without a count, the Monday of the
/// latest meeting week shortly before `from`. Skipping whole periods keeps the week pattern
/// (the rule counts periods from the week of its start, weeks starting Monday) and keeps a
/// schedule that began years ago as cheap as a new one.
fn start_date(schedule: &Schedule, interval: u16, from: DateTime<Utc>) -> Option<NaiveDate> {
    let first = schedule.first_date;
    let earliest = from.date_naive().checked_sub_days(Days::new(2))?;
    if matches!(schedule.end, ScheduleEnd::Count { .. }) || earliest <= first {
        return Some(first);
    }
    let week_one =
        first.checked_sub_days(Days::new(u64::from(first.weekday().num_days_from_monday())))?;
    let period_days = 7 * i64::from(interval);
    let periods = (earliest - week_one).num_days() / period_days;
    let monday =
        week_one.checked_add_days(Days::new(u64::try_from(periods * period_days).ok()?))?;
    Some(monday.max(first))
}

fn floating(local: NaiveDateTime) -> DateTime<rrule::Tz> {
    rrule::Tz::UTC.from_utc_datetime(&local)
}
