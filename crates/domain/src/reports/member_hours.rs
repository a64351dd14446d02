//! A member's hours of treatment, week by week, against the weekly minimum of their level of
//! care.
//!
//! Weeks run Monday to Sunday by the session's local date. Only present, late and left early
//! count, with the minutes recorded on the mark. Weeks cut by the range (the range starts
//! after a Monday or ends before a Sunday, as it does for the current week) are listed with
//! their hours but never flagged as a shortfall: part of their days is not in the report.

use chrono::NaiveDate;

use super::calendar::weeks_in;
use super::csv_cells;
use super::facts::AttendanceFact;
use super::numbers::{count, hours};
use crate::programs::LevelOfCare;

/// The least a member must attend in a week at a level of care, in minutes: intensive
/// outpatient 9 hours, partial hospitalization 20 hours; peer support and outpatient have no
/// minimum.
pub fn weekly_minimum_minutes(level_of_care: LevelOfCare) -> Option<i32> {
    match level_of_care {
        LevelOfCare::IntensiveOutpatient => Some(9 * 60),
        LevelOfCare::PartialHospitalization => Some(20 * 60),
        LevelOfCare::PeerSupport | LevelOfCare::Outpatient => None,
    }
}

/// A member's attended time in one week.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct WeekHours {
    /// The week's Monday.
    pub week_start: NaiveDate,
    /// The part of the week inside the report's range.
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// All seven days lie in the range; only complete weeks are judged.
    pub complete_week: bool,
    pub sessions_attended: i32,
    pub minutes_attended: i32,
    /// `minutes_attended` in hours, rounded to two decimals.
    pub hours_attended: f64,
    /// The level of care's weekly minimum; `None` when it has none.
    pub minimum_minutes: Option<i32>,
    /// A complete week below the minimum.
    pub shortfall: bool,
    /// Minutes still needed to reach the minimum (`0` when it is met); `None` when there is
    /// no minimum or the week is not complete.
    pub missing_minutes: Option<i32>,
    /// `missing_minutes` in hours, rounded to two decimals.
    pub missing_hours: Option<f64>,
}

/// A member's hours over `[from, to]` at one level of care.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct MemberHoursReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub level_of_care: LevelOfCare,
    pub weekly_minimum_minutes: Option<i32>,
    pub sessions_attended: i32,
    pub minutes_attended: i32,
    /// `minutes_attended` in hours, rounded to two decimals.
    pub hours_attended: f64,
    /// Each Monday-start week overlapping the range, in order.
    pub weeks: Vec<WeekHours>,
    /// How many weeks are flagged as a shortfall.
    pub shortfall_weeks: i32,
}

/// Builds the report from one member's facts; every fact given counts towards the
/// minimum, so pass the sessions of the program(s) at `level_of_care`. Facts dated outside
/// `[from, to]` are left out.
pub fn member_hours(
    facts_of_one_member: &[AttendanceFact],
    level_of_care: LevelOfCare,
    from: NaiveDate,
    to: NaiveDate,
) -> MemberHoursReport {
    let minimum = weekly_minimum_minutes(level_of_care);
    let weeks: Vec<WeekHours> = weeks_in(from, to)
        .into_iter()
        .map(|week| {
            let attended = facts_of_one_member
                .iter()
                .filter(|f| f.status.attended() && week.includes(f.session_date));
            let mut sessions = 0;
            let mut minutes = 0;
            for fact in attended {
                sessions += 1;
                minutes += fact.attended_minutes();
            }
            let complete = week.complete();
            let missing = minimum
                .filter(|_| complete)
                .map(|min| (min - minutes).max(0));
            WeekHours {
                week_start: week.monday,
                first_day: week.first_day,
                last_day: week.last_day,
                complete_week: complete,
                sessions_attended: sessions,
                minutes_attended: minutes,
                hours_attended: hours(minutes),
                minimum_minutes: minimum,
                shortfall: missing.is_some_and(|m| m > 0),
                missing_minutes: missing,
                missing_hours: missing.map(hours),
            }
        })
        .collect();
    let sessions_attended = weeks.iter().map(|w| w.sessions_attended).sum();
    let minutes_attended = weeks.iter().map(|w| w.minutes_attended).sum();
    let shortfall_weeks = weeks.iter().filter(|w| w.shortfall).count();
    MemberHoursReport {
        from,
        to,
        level_of_care,
        weekly_minimum_minutes: minimum,
        sessions_attended,
        minutes_attended,
        hours_attended: hours(minutes_attended),
        shortfall_weeks: count(shortfall_weeks),
        weeks,
    }
}

/// Column names of the per-week hours CSV, matching [`WeekHours::csv_fields`].
pub fn week_hours_csv_header() -> &'static [&'static str] {
    &[
        "week_start",
        "first_day",
        "last_day",
        "complete_week",
        "sessions_attended",
        "minutes_attended",
        "hours_attended",
        "minimum_minutes",
        "shortfall",
        "missing_minutes",
        "missing_hours",
    ]
}

impl WeekHours {
    pub fn csv_fields(&self) -> Vec<String> {
        vec![
            csv_cells::date(self.week_start),
            csv_cells::date(self.first_day),
            csv_cells::date(self.last_day),
            csv_cells::flag(self.complete_week),
            self.sessions_attended.to_string(),
            self.minutes_attended.to_string(),
            format!("{:.2}", self.hours_attended),
            csv_cells::optional(self.minimum_minutes),
            csv_cells::flag(self.shortfall),
            csv_cells::optional(self.missing_minutes),
            csv_cells::decimal(self.missing_hours, 2),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attendance::AttendanceStatus::*;
    use crate::groups::GroupKind;
    use crate::reports::test_support::*;

    #[test]
    fn minimums_by_level_of_care() {
        assert_eq!(
            weekly_minimum_minutes(LevelOfCare::IntensiveOutpatient),
            Some(540)
        );
        assert_eq!(
            weekly_minimum_minutes(LevelOfCare::PartialHospitalization),
            Some(1200)
        );
        assert_eq!(weekly_minimum_minutes(LevelOfCare::Outpatient), None);
        assert_eq!(weekly_minimum_minutes(LevelOfCare::PeerSupport), None);
    }

    /// Two full weeks of intensive outpatient, 2025-03-03 to 2025-03-16: the first with three
    /// 3-hour days (9 h, met), the second with three days of which one is late by an hour
    /// and one absent (5 h, 4 h short).
    #[test]
    fn iop_shortfall_weeks() {
        let g = group(
            "IOP core",
            GroupKind::Therapy,
            LevelOfCare::IntensiveOutpatient,
        );
        let ana = member("Ana");
        let day = |d| session(&g, date(2025, 3, d), 9, 180);
        let facts = vec![
            mark(&day(3), &ana, Present),
            mark(&day(5), &ana, Present),
            mark(&day(7), &ana, LeftEarly),
            mark(&day(10), &ana, Present),
            mark_minutes(&day(12), &ana, Late, 120),
            mark_minutes(&day(14), &ana, Absent, 180),
        ];
        let report = member_hours(
            &facts,
            LevelOfCare::IntensiveOutpatient,
            date(2025, 3, 3),
            date(2025, 3, 16),
        );
        assert_eq!(report.weekly_minimum_minutes, Some(540));
        assert_eq!(report.sessions_attended, 5);
        assert_eq!(report.minutes_attended, 840);
        assert_eq!(report.hours_attended, 14.0);
        assert_eq!(report.weeks.len(), 2);

        let first = &report.weeks[0];
        assert_eq!((first.minutes_attended, first.hours_attended), (540, 9.0));
        assert!(!first.shortfall);
        assert_eq!(first.missing_minutes, Some(0));

        let second = &report.weeks[1];
        assert_eq!(second.sessions_attended, 2);
        assert_eq!((second.minutes_attended, second.hours_attended), (300, 5.0));
        assert!(second.shortfall);
        assert_eq!(second.missing_minutes, Some(240));
        assert_eq!(second.missing_hours, Some(4.0));
        assert_eq!(report.shortfall_weeks, 1);
    }

    #[test]
    fn partial_hospitalization_needs_twenty_hours() {
        let g = group(
            "PHP",
            GroupKind::Skills,
            LevelOfCare::PartialHospitalization,
        );
        let ana = member("Ana");
        // Four 5-hour days = 20 h exactly; the week after has none at all.
        let facts: Vec<_> = (3..=6)
            .map(|d| mark(&session(&g, date(2025, 3, d), 9, 300), &ana, Present))
            .collect();
        let report = member_hours(
            &facts,
            LevelOfCare::PartialHospitalization,
            date(2025, 3, 3),
            date(2025, 3, 16),
        );
        assert!(!report.weeks[0].shortfall);
        assert!(report.weeks[1].shortfall);
        assert_eq!(report.weeks[1].missing_hours, Some(20.0));
    }

    #[test]
    fn no_minimum_no_shortfall() {
        let report = member_hours(
            &[],
            LevelOfCare::Outpatient,
            date(2025, 3, 3),
            date(2025, 3, 9),
        );
        assert_eq!(report.weeks.len(), 1);
        assert!(!report.weeks[0].shortfall);
        assert_eq!(report.weeks[0].minimum_minutes, None);
        assert_eq!(report.weeks[0].missing_minutes, None);
    }

    #[test]
    fn cut_weeks_are_not_judged() {
        // Wednesday to the next Tuesday: two cut weeks, nothing attended.
        let report = member_hours(
            &[],
            LevelOfCare::IntensiveOutpatient,
            date(2025, 3, 5),
            date(2025, 3, 11),
        );
        assert_eq!(report.weeks.len(), 2);
        assert!(report
            .weeks
            .iter()
            .all(|w| !w.complete_week && !w.shortfall));
        assert!(report.weeks.iter().all(|w| w.missing_minutes.is_none()));
        assert_eq!(report.shortfall_weeks, 0);
    }

    #[test]
    fn empty_inputs() {
        let report = member_hours(
            &[],
            LevelOfCare::IntensiveOutpatient,
            date(2025, 3, 10),
            date(2025, 3, 9),
        );
        assert!(report.weeks.is_empty());
        assert_eq!((report.sessions_attended, report.minutes_attended), (0, 0));
        assert_eq!(report.hours_attended, 0.0);
    }

    #[test]
    fn facts_outside_the_range_are_left_out() {
        let g = group("G", GroupKind::Therapy, LevelOfCare::IntensiveOutpatient);
        let ana = member("Ana");
        let facts = vec![
            mark(&session(&g, date(2025, 3, 2), 9, 180), &ana, Present),
            mark(&session(&g, date(2025, 3, 3), 9, 180), &ana, Present),
        ];
        let report = member_hours(
            &facts,
            LevelOfCare::IntensiveOutpatient,
            date(2025, 3, 3),
            date(2025, 3, 9),
        );
        assert_eq!(report.minutes_attended, 180);
    }

    #[test]
    fn csv_fields_match_the_header() {
        let report = member_hours(
            &[],
            LevelOfCare::IntensiveOutpatient,
            date(2025, 3, 3),
            date(2025, 3, 9),
        );
        let fields = report.weeks[0].csv_fields();
        assert_eq!(fields.len(), week_hours_csv_header().len());
        assert_eq!(fields[8], "yes");
        assert_eq!(fields[10], "9.00");
    }
}
