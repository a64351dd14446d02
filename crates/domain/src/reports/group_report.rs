//! One group's attendance report over a date range.

use chrono::NaiveDate;

use super::absences::{absence_streaks, AbsenceStreak};
use super::calendar::weeks_in;
use super::facts::{AttendanceFact, EnrollmentSpan};
use super::member_attendance::{member_attendance, MemberAttendance};
use super::retention::{
    retention_after, weekly_retention, RetentionAfter, WeekRetention, RETENTION_CHECKPOINT_WEEKS,
};
use super::session_attendance::{session_attendance, SessionAttendance};

/// Attendance, absences and retention of one group from `from` to `to` (both included).
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct GroupAttendanceReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Sessions in start order.
    pub sessions: Vec<SessionAttendance>,
    /// Members with at least one mark in the range, by name.
    pub members: Vec<MemberAttendance>,
    /// Current runs of two or more absences, longest first.
    pub absence_streaks: Vec<AbsenceStreak>,
    /// Each Monday-start week overlapping the range, cut to the range.
    pub weeks: Vec<WeekRetention>,
    /// Retention 4, 8 and 12 weeks after joining.
    pub retention_after: Vec<RetentionAfter>,
}

/// Builds the report from one group's facts and enrollment spans. Facts dated outside
/// `[from, to]` are left out; spans are all used, since joins before `from` matter for
/// retention. Empty inputs give empty tables and `None` rates, never a division by zero.
pub fn group_attendance(
    facts_of_one_group: &[AttendanceFact],
    spans: &[EnrollmentSpan],
    from: NaiveDate,
    to: NaiveDate,
) -> GroupAttendanceReport {
    let facts: Vec<AttendanceFact> = facts_of_one_group
        .iter()
        .filter(|f| from <= f.session_date && f.session_date <= to)
        .cloned()
        .collect();
    GroupAttendanceReport {
        from,
        to,
        sessions: session_attendance(&facts),
        members: member_attendance(&facts),
        absence_streaks: absence_streaks(&facts),
        weeks: weekly_retention(spans, &weeks_in(from, to)),
        retention_after: RETENTION_CHECKPOINT_WEEKS
            .iter()
            .map(|&weeks| retention_after(spans, weeks, to))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attendance::AttendanceStatus::*;
    use crate::groups::GroupKind;
    use crate::programs::LevelOfCare;
    use crate::reports::test_support::*;

    #[test]
    fn empty_inputs_give_an_empty_report() {
        let report = group_attendance(&[], &[], date(2025, 3, 3), date(2025, 3, 16));
        assert!(report.sessions.is_empty());
        assert!(report.members.is_empty());
        assert!(report.absence_streaks.is_empty());
        assert_eq!(report.weeks.len(), 2);
        assert!(report.weeks.iter().all(|w| w.retention_percent.is_none()));
        let checkpoints: Vec<i32> = report
            .retention_after
            .iter()
            .map(|r| r.weeks_after_joining)
            .collect();
        assert_eq!(checkpoints, vec![4, 8, 12]);
        assert!(report
            .retention_after
            .iter()
            .all(|r| r.retention_percent.is_none()));
    }

    #[test]
    fn facts_outside_the_range_are_left_out() {
        let g = group("G", GroupKind::Therapy, LevelOfCare::Outpatient);
        let before = session(&g, date(2025, 3, 2), 17, 60);
        let inside = session(&g, date(2025, 3, 3), 17, 60);
        let after = session(&g, date(2025, 3, 10), 17, 60);
        let ana = member("Ana");
        let facts = vec![
            mark(&before, &ana, Absent),
            mark(&inside, &ana, Absent),
            mark(&after, &ana, Absent),
        ];
        let spans = vec![span(&ana, at(date(2025, 2, 1), 9), None)];
        let report = group_attendance(&facts, &spans, date(2025, 3, 3), date(2025, 3, 9));
        assert_eq!(report.sessions.len(), 1);
        assert_eq!(report.members[0].sessions_marked, 1);
        // One absence in range is not a streak.
        assert!(report.absence_streaks.is_empty());
        assert_eq!(report.weeks[0].active_members, 1);
        assert_eq!(report.retention_after[0].eligible_members, 1);
    }
}
