//! Attendance per member: sessions marked and attended, and minutes attended.

use std::collections::BTreeMap;

use super::csv_cells;
use super::facts::AttendanceFact;
use super::numbers::percent;
use crate::attendance::AttendanceStatus;
use crate::ids::AccountId;

/// One member's attendance over the report's range.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct MemberAttendance {
    pub account_id: AccountId,
    pub member_name: String,
    /// Sessions with any mark for this member.
    pub sessions_marked: i32,
    /// Sessions marked present, late or left early.
    pub sessions_attended: i32,
    pub absences: i32,
    pub excused: i32,
    /// `sessions_attended` out of `sessions_marked` in percent, rounded to one decimal;
    /// `None` when no session is marked.
    pub rate_percent: Option<f64>,
    /// Minutes of the attended sessions.
    pub minutes_attended: i32,
}

/// One row per member in the facts, sorted by name (then id, for namesakes).
pub fn member_attendance(facts: &[AttendanceFact]) -> Vec<MemberAttendance> {
    let mut members: BTreeMap<AccountId, MemberAttendance> = BTreeMap::new();
    for fact in facts {
        let row = members
            .entry(fact.account_id)
            .or_insert_with(|| MemberAttendance {
                account_id: fact.account_id,
                member_name: fact.member_name.clone(),
                sessions_marked: 0,
                sessions_attended: 0,
                absences: 0,
                excused: 0,
                rate_percent: None,
                minutes_attended: 0,
            });
        row.sessions_marked += 1;
        match fact.status {
            AttendanceStatus::Absent => row.absences += 1,
            AttendanceStatus::Excused => row.excused += 1,
            _ => row.sessions_attended += 1,
        }
        row.minutes_attended += fact.attended_minutes();
    }
    let mut rows: Vec<MemberAttendance> = members
        .into_values()
        .map(|row| MemberAttendance {
            rate_percent: percent(row.sessions_attended, row.sessions_marked),
            ..row
        })
        .collect();
    rows.sort_by(|a, b| {
        (a.member_name.as_str(), a.account_id).cmp(&(b.member_name.as_str(), b.account_id))
    });
    rows
}

/// Column names of the per-member CSV, matching [`MemberAttendance::csv_fields`].
pub fn member_attendance_csv_header() -> &'static [&'static str] {
    &[
        "account_id",
        "member_name",
        "sessions_marked",
        "sessions_attended",
        "absences",
        "excused",
        "rate_percent",
        "minutes_attended",
    ]
}

impl MemberAttendance {
    pub fn csv_fields(&self) -> Vec<String> {
        vec![
            self.account_id.to_string(),
            csv_cells::text(&self.member_name),
            self.sessions_marked.to_string(),
            self.sessions_attended.to_string(),
            self.absences.to_string(),
            self.excused.to_string(),
            csv_cells::decimal(self.rate_percent, 1),
            self.minutes_attended.to_string(),
        ]
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
    fn counts_and_minutes_per_member() {
        let g = group("G", GroupKind::Therapy, LevelOfCare::Outpatient);
        let s1 = session(&g, date(2025, 3, 4), 17, 90);
        let s2 = session(&g, date(2025, 3, 11), 17, 90);
        let s3 = session(&g, date(2025, 3, 18), 17, 90);
        let (ben, ana) = (member("Ben"), member("Ana"));
        let facts = vec![
            mark(&s1, &ben, Present),
            mark_minutes(&s2, &ben, Late, 70),
            mark(&s3, &ben, Absent),
            mark(&s1, &ana, Excused),
            // Minutes recorded on an absence never count.
            mark_minutes(&s2, &ana, Absent, 90),
        ];
        let rows = member_attendance(&facts);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].member_name, "Ana");
        assert_eq!((rows[0].sessions_marked, rows[0].sessions_attended), (2, 0));
        assert_eq!((rows[0].absences, rows[0].excused), (1, 1));
        assert_eq!(rows[0].rate_percent, Some(0.0));
        assert_eq!(rows[0].minutes_attended, 0);
        assert_eq!(rows[1].member_name, "Ben");
        assert_eq!((rows[1].sessions_marked, rows[1].sessions_attended), (3, 2));
        assert_eq!(rows[1].rate_percent, Some(66.7));
        assert_eq!(rows[1].minutes_attended, 160);
    }

    #[test]
    fn no_facts_no_rows() {
        assert!(member_attendance(&[]).is_empty());
    }

    #[test]
    fn csv_fields_match_the_header_and_defuse_names() {
        let g = group("G", GroupKind::Therapy, LevelOfCare::Outpatient);
        let s = session(&g, date(2025, 3, 4), 17, 90);
        let rows = member_attendance(&[mark(&s, &member("=cmd"), Present)]);
        let fields = rows[0].csv_fields();
        assert_eq!(fields.len(), member_attendance_csv_header().len());
        assert_eq!(fields[1], "'=cmd");
    }
}
