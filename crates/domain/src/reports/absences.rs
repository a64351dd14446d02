//! Members whose latest marks are absences in a row: the ones to call.
//!
//! A member's marks are taken in session order (start time, then session id). An `absent`
//! mark extends the run; `present`, `late` and `left_early` end it; `excused` is skipped: it
//! neither ends the run nor counts in it, so absent, excused, absent is a run of two. Only
//! the current run (the one still open at the member's last mark in the range) is reported,
//! and only when it is at least [`MIN_CONSECUTIVE_ABSENCES`] long; a run that ended with
//! attendance is not listed, because the member came back.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::facts::AttendanceFact;
use super::numbers::count;
use crate::attendance::AttendanceStatus;
use crate::ids::{AccountId, SessionId};

/// The shortest run of absences that is reported.
pub const MIN_CONSECUTIVE_ABSENCES: i32 = 2;

/// A member's current run of consecutive absences.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct AbsenceStreak {
    pub account_id: AccountId,
    pub member_name: String,
    /// Absences in the current run (excused marks in between not counted).
    pub consecutive_absences: i32,
    /// The session dates of those absences, oldest first.
    pub dates: Vec<NaiveDate>,
}

/// Current runs of at least two absences, longest first, then by member name.
pub fn absence_streaks(facts: &[AttendanceFact]) -> Vec<AbsenceStreak> {
    let mut ordered: Vec<&AttendanceFact> = facts.iter().collect();
    ordered.sort_by_key(|f| session_order(f));

    let mut runs: BTreeMap<AccountId, (String, Vec<NaiveDate>)> = BTreeMap::new();
    for fact in ordered {
        let (_, dates) = runs
            .entry(fact.account_id)
            .or_insert_with(|| (fact.member_name.clone(), Vec::new()));
        match fact.status {
            AttendanceStatus::Absent => dates.push(fact.session_date),
            AttendanceStatus::Excused => {}
            AttendanceStatus::Present | AttendanceStatus::Late | AttendanceStatus::LeftEarly => {
                dates.clear()
            }
        }
    }

    let mut streaks: Vec<AbsenceStreak> = runs
        .into_iter()
        .map(|(account_id, (member_name, dates))| AbsenceStreak {
            account_id,
            member_name,
            consecutive_absences: count(dates.len()),
            dates,
        })
        .filter(|s| s.consecutive_absences >= MIN_CONSECUTIVE_ABSENCES)
        .collect();
    streaks.sort_by(|a, b| {
        b.consecutive_absences
            .cmp(&a.consecutive_absences)
            .then_with(|| a.member_name.cmp(&b.member_name))
            .then_with(|| a.account_id.cmp(&b.account_id))
    });
    streaks
}

fn session_order(fact: &AttendanceFact) -> (DateTime<Utc>, SessionId) {
    (fact.session_starts_at, fact.session_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attendance::AttendanceStatus::*;
    use crate::groups::GroupKind;
    use crate::programs::LevelOfCare;
    use crate::reports::test_support::*;

    fn weekly_sessions(n: u32) -> Vec<Session> {
        let g = group("G", GroupKind::Therapy, LevelOfCare::Outpatient);
        (0..n)
            .map(|i| session(&g, date(2025, 3, 3 + 7 * i), 17, 60))
            .collect()
    }

    #[test]
    fn excused_neither_breaks_nor_extends_a_run() {
        let s = weekly_sessions(4);
        let ana = member("Ana");
        // Given out of order: the run follows session order, not input order.
        let facts = vec![
            mark(&s[3], &ana, Absent),
            mark(&s[0], &ana, Present),
            mark(&s[2], &ana, Excused),
            mark(&s[1], &ana, Absent),
        ];
        let streaks = absence_streaks(&facts);
        assert_eq!(streaks.len(), 1);
        assert_eq!(streaks[0].consecutive_absences, 2);
        assert_eq!(streaks[0].dates, vec![s[1].date, s[3].date]);
    }

    #[test]
    fn attendance_ends_a_run_and_one_absence_is_not_reported() {
        let s = weekly_sessions(4);
        let (ana, ben) = (member("Ana"), member("Ben"));
        let facts = vec![
            mark(&s[0], &ana, Absent),
            mark(&s[1], &ana, Absent),
            mark(&s[2], &ana, Late),
            mark(&s[3], &ana, Absent),
            mark(&s[2], &ben, Excused),
            mark(&s[3], &ben, Excused),
        ];
        assert!(absence_streaks(&facts).is_empty());
    }

    #[test]
    fn longest_runs_first() {
        let s = weekly_sessions(3);
        let (ana, ben) = (member("Ana"), member("Ben"));
        let facts = vec![
            mark(&s[1], &ana, Absent),
            mark(&s[2], &ana, Absent),
            mark(&s[0], &ben, Absent),
            mark(&s[1], &ben, Absent),
            mark(&s[2], &ben, Absent),
        ];
        let streaks = absence_streaks(&facts);
        let runs: Vec<(&str, i32)> = streaks
            .iter()
            .map(|s| (s.member_name.as_str(), s.consecutive_absences))
            .collect();
        assert_eq!(runs, vec![("Ben", 3), ("Ana", 2)]);
    }

    #[test]
    fn no_facts_no_streaks() {
        assert!(absence_streaks(&[]).is_empty());
    }
}
