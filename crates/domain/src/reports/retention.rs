//! Retention: who is still enrolled, week by week and a set number of weeks after joining.
//!
//! Enrollment spans are instants in UTC while report weeks are calendar dates; a week is
//! compared as the UTC instants from midnight of its first day to midnight after its last
//! day, so a join or leave within a few hours of midnight may land in the neighbouring day.
//! Spans that end at or before their start are ignored. A member's join is the start of
//! their earliest span; a member who left and came back counts as active during each span.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::calendar::{end_of_day_utc, start_of_day_utc, ReportWeek};
use super::csv_cells;
use super::facts::EnrollmentSpan;
use super::numbers::{count, percent};
use crate::ids::AccountId;

/// The checkpoints of [`RetentionAfter`] in the group report, in weeks after joining.
pub const RETENTION_CHECKPOINT_WEEKS: [i32; 3] = [4, 8, 12];

/// Enrollment in one report week.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct WeekRetention {
    /// The week's Monday.
    pub week_start: NaiveDate,
    /// The part of the week inside the report's range.
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// Members enrolled at any time from `first_day` to `last_day`.
    pub active_members: i32,
    /// Members who had joined by the end of `last_day`, whether still enrolled or not.
    pub enrolled_to_date: i32,
    /// `active_members` out of `enrolled_to_date` in percent, rounded to one decimal;
    /// `None` when nobody has joined yet.
    pub retention_percent: Option<f64>,
}

/// Of the members who joined at least `weeks_after_joining` weeks before the report's last
/// day, how many were still enrolled that many weeks after their join.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct RetentionAfter {
    pub weeks_after_joining: i32,
    /// Members whose join plus `weeks_after_joining` weeks falls on or before the last day.
    pub eligible_members: i32,
    /// Eligible members enrolled at that instant (join + exactly that many weeks).
    pub retained_members: i32,
    /// `retained_members` out of `eligible_members` in percent, rounded to one decimal;
    /// `None` when no member is eligible.
    pub retention_percent: Option<f64>,
}

/// The non-empty spans of each member.
fn spans_by_member(spans: &[EnrollmentSpan]) -> BTreeMap<AccountId, Vec<&EnrollmentSpan>> {
    let mut members: BTreeMap<AccountId, Vec<&EnrollmentSpan>> = BTreeMap::new();
    for span in spans.iter().filter(|s| !s.is_empty()) {
        members.entry(span.account_id).or_default().push(span);
    }
    members
}

fn joined_at(spans: &[&EnrollmentSpan]) -> Option<DateTime<Utc>> {
    spans.iter().map(|s| s.active_from).min()
}

/// One row per week, in the order given.
pub fn weekly_retention(spans: &[EnrollmentSpan], weeks: &[ReportWeek]) -> Vec<WeekRetention> {
    let members = spans_by_member(spans);
    weeks
        .iter()
        .map(|week| {
            let start = start_of_day_utc(week.first_day);
            let end = end_of_day_utc(week.last_day);
            let mut active = 0;
            let mut enrolled = 0;
            for member_spans in members.values() {
                if joined_at(member_spans).is_some_and(|joined| joined < end) {
                    enrolled += 1;
                }
                if member_spans.iter().any(|s| s.overlaps(start, end)) {
                    active += 1;
                }
            }
            WeekRetention {
                week_start: week.monday,
                first_day: week.first_day,
                last_day: week.last_day,
                active_members: active,
                enrolled_to_date: enrolled,
                retention_percent: percent(active, enrolled),
            }
        })
        .collect()
}

/// Retention `weeks_after_joining` weeks after each member's join, judged at `to`.
pub fn retention_after(
    spans: &[EnrollmentSpan],
    weeks_after_joining: i32,
    to: NaiveDate,
) -> RetentionAfter {
    let mut eligible = Vec::new();
    let mut retained = 0;
    for (account_id, member_spans) in spans_by_member(spans) {
        let checkpoint = joined_at(&member_spans).and_then(|joined| {
            joined.checked_add_signed(Duration::weeks(i64::from(weeks_after_joining)))
        });
        let Some(checkpoint) = checkpoint else {
            continue;
        };
        if checkpoint.date_naive() > to {
            continue;
        }
        eligible.push(account_id);
        if member_spans.iter().any(|s| s.contains(checkpoint)) {
            retained += 1;
        }
    }
    let eligible = count(eligible.len());
    RetentionAfter {
        weeks_after_joining,
        eligible_members: eligible,
        retained_members: retained,
        retention_percent: percent(retained, eligible),
    }
}

/// Column names of the per-week retention CSV, matching [`WeekRetention::csv_fields`].
pub fn week_retention_csv_header() -> &'static [&'static str] {
    &[
        "week_start",
        "first_day",
        "last_day",
        "active_members",
        "enrolled_to_date",
        "retention_percent",
    ]
}

impl WeekRetention {
    pub fn csv_fields(&self) -> Vec<String> {
        vec![
            csv_cells::date(self.week_start),
            csv_cells::date(self.first_day),
            csv_cells::date(self.last_day),
            self.active_members.to_string(),
            self.enrolled_to_date.to_string(),
            csv_cells::decimal(self.retention_percent, 1),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reports::calendar::weeks_in;
    use crate::reports::test_support::*;

    /// Three weeks, 2025-03-03 (a Monday) to 2025-03-23 (a Sunday), and six members:
    ///
    /// | member | spans                                   |
    /// |--------|-----------------------------------------|
    /// | Ana    | 2025-02-17 10:00 – open                 |
    /// | Ben    | 2025-03-05 09:00 – 2025-03-12 12:00     |
    /// | Cy     | 2025-03-18 09:00 – open                 |
    /// | Dee    | 2025-01-06 10:00 – 2025-03-01 00:00     |
    /// | Eve    | 2025-03-04 09:00 – 2025-03-06 00:00, and 2025-03-20 09:00 – open |
    /// | Fay    | 2024-12-02 10:00 – 2025-02-10 00:00     |
    fn example() -> Vec<EnrollmentSpan> {
        let (ana, ben, cy, dee, eve, fay) = (
            member("Ana"),
            member("Ben"),
            member("Cy"),
            member("Dee"),
            member("Eve"),
            member("Fay"),
        );
        vec![
            span(&ana, at(date(2025, 2, 17), 10), None),
            span(
                &ben,
                at(date(2025, 3, 5), 9),
                Some(at(date(2025, 3, 12), 12)),
            ),
            span(&cy, at(date(2025, 3, 18), 9), None),
            span(
                &dee,
                at(date(2025, 1, 6), 10),
                Some(at(date(2025, 3, 1), 0)),
            ),
            span(&eve, at(date(2025, 3, 4), 9), Some(at(date(2025, 3, 6), 0))),
            span(&eve, at(date(2025, 3, 20), 9), None),
            span(
                &fay,
                at(date(2024, 12, 2), 10),
                Some(at(date(2025, 2, 10), 0)),
            ),
        ]
    }

    #[test]
    fn weekly_active_and_enrolled_to_date() {
        let weeks = weeks_in(date(2025, 3, 3), date(2025, 3, 23));
        let rows = weekly_retention(&example(), &weeks);
        let numbers: Vec<(i32, i32, Option<f64>)> = rows
            .iter()
            .map(|r| (r.active_members, r.enrolled_to_date, r.retention_percent))
            .collect();
        // Week 1: Ana, Ben, Eve active; Ana, Ben, Dee, Eve, Fay joined.
        // Week 2: Ana, Ben (left Wednesday) active; same five joined.
        // Week 3: Ana, Cy, Eve (back) active; Cy joined too.
        assert_eq!(
            numbers,
            vec![(3, 5, Some(60.0)), (2, 5, Some(40.0)), (3, 6, Some(50.0))]
        );
        assert_eq!(rows[0].week_start, date(2025, 3, 3));
    }

    #[test]
    fn retention_at_4_8_and_12_weeks() {
        let spans = example();
        let to = date(2025, 3, 23);
        let at_weeks = |n| {
            let r = retention_after(&spans, n, to);
            (r.eligible_members, r.retained_members, r.retention_percent)
        };
        // 4 weeks: Ana (03-17), Dee (02-03), Fay (12-30) eligible, all still enrolled.
        assert_eq!(at_weeks(4), (3, 3, Some(100.0)));
        // 8 weeks: Dee (03-03, left 03-01) and Fay (01-27, still in) eligible.
        assert_eq!(at_weeks(8), (2, 1, Some(50.0)));
        // 12 weeks: only Fay (02-24, left 02-10) eligible.
        assert_eq!(at_weeks(12), (1, 0, Some(0.0)));
    }

    #[test]
    fn leaving_at_the_checkpoint_is_not_retained() {
        let ana = member("Ana");
        let joined = at(date(2025, 1, 6), 10);
        let spans = vec![span(&ana, joined, Some(joined + Duration::weeks(4)))];
        let r = retention_after(&spans, 4, date(2025, 3, 1));
        assert_eq!((r.eligible_members, r.retained_members), (1, 0));
    }

    #[test]
    fn empty_spans_are_ignored() {
        let ana = member("Ana");
        let start = at(date(2025, 3, 4), 10);
        let spans = vec![span(&ana, start, Some(start))];
        let weeks = weeks_in(date(2025, 3, 3), date(2025, 3, 9));
        let rows = weekly_retention(&spans, &weeks);
        assert_eq!((rows[0].active_members, rows[0].enrolled_to_date), (0, 0));
        assert_eq!(rows[0].retention_percent, None);
    }

    #[test]
    fn nothing_to_divide_gives_none() {
        let r = retention_after(&[], 4, date(2025, 3, 23));
        assert_eq!((r.eligible_members, r.retained_members), (0, 0));
        assert_eq!(r.retention_percent, None);
        let weeks = weeks_in(date(2025, 3, 3), date(2025, 3, 9));
        assert_eq!(weekly_retention(&[], &weeks)[0].retention_percent, None);
    }
}
