//! Attendance per session: how many of the marked members attended.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::csv_cells;
use super::facts::AttendanceFact;
use super::numbers::percent;
use crate::ids::SessionId;

/// One session's attendance.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct SessionAttendance {
    pub date: NaiveDate,
    pub session_id: SessionId,
    pub starts_at: DateTime<Utc>,
    /// Members marked present, late or left early.
    pub attended: i32,
    /// Members with any mark, excused and absent included.
    pub marked: i32,
    /// `attended` out of `marked` in percent, rounded to one decimal (`66.7`); `None` when
    /// nobody is marked.
    pub rate_percent: Option<f64>,
}

/// One row per session in the facts, in start order.
pub fn session_attendance(facts: &[AttendanceFact]) -> Vec<SessionAttendance> {
    let mut sessions: BTreeMap<(DateTime<Utc>, SessionId), (NaiveDate, i32, i32)> = BTreeMap::new();
    for fact in facts {
        let entry = sessions
            .entry((fact.session_starts_at, fact.session_id))
            .or_insert((fact.session_date, 0, 0));
        entry.2 += 1;
        if fact.status.attended() {
            entry.1 += 1;
        }
    }
    sessions
        .into_iter()
        .map(
            |((starts_at, session_id), (date, attended, marked))| SessionAttendance {
                date,
                session_id,
                starts_at,
                attended,
                marked,
                rate_percent: percent(attended, marked),
            },
        )
        .collect()
}

/// Column names of the per-session CSV, matching [`SessionAttendance::csv_fields`].
pub fn session_attendance_csv_header() -> &'static [&'static str] {
    &[
        "date",
        "session_id",
        "starts_at",
        "attended",
        "marked",
        "rate_percent",
    ]
}

impl SessionAttendance {
    pub fn csv_fields(&self) -> Vec<String> {
        vec![
            csv_cells::date(self.date),
            self.session_id.to_string(),
            self.starts_at.to_rfc3339(),
            self.attended.to_string(),
            self.marked.to_string(),
            csv_cells::decimal(self.rate_percent, 1),
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
    fn counts_attended_and_marked_per_session() {
        let g = group("Tuesday group", GroupKind::Therapy, LevelOfCare::Outpatient);
        let later = session(&g, date(2025, 3, 11), 17, 90);
        let earlier = session(&g, date(2025, 3, 4), 17, 90);
        let (a, b, c) = (member("Ana"), member("Ben"), member("Cy"));
        let facts = vec![
            mark(&later, &a, Present),
            mark(&earlier, &a, Late),
            mark(&earlier, &b, LeftEarly),
            mark(&earlier, &c, Absent),
            mark(&later, &b, Excused),
        ];
        let rows = session_attendance(&facts);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].session_id, earlier.id);
        assert_eq!((rows[0].attended, rows[0].marked), (2, 3));
        assert_eq!(rows[0].rate_percent, Some(66.7));
        assert_eq!(rows[1].session_id, later.id);
        assert_eq!((rows[1].attended, rows[1].marked), (1, 2));
        assert_eq!(rows[1].rate_percent, Some(50.0));
    }

    #[test]
    fn no_facts_no_rows() {
        assert!(session_attendance(&[]).is_empty());
    }

    #[test]
    fn csv_fields_match_the_header() {
        let g = group("G", GroupKind::Therapy, LevelOfCare::Outpatient);
        let s = session(&g, date(2025, 3, 4), 17, 90);
        let rows = session_attendance(&[mark(&s, &member("Ana"), Present)]);
        let fields = rows[0].csv_fields();
        assert_eq!(fields.len(), session_attendance_csv_header().len());
        assert_eq!(fields[0], "2025-03-04");
        assert_eq!(fields[5], "100.0");
    }
}
