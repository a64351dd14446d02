//! Weeks for reports: Monday to Sunday, cut to the requested date range.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc};

/// One Monday-start week as seen by a report over `[from, to]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportWeek {
    /// The week's Monday (may be before the range's first day).
    pub monday: NaiveDate,
    /// The first day of the week inside the range.
    pub first_day: NaiveDate,
    /// The last day of the week inside the range.
    pub last_day: NaiveDate,
}

impl ReportWeek {
    /// All seven days, Monday to Sunday, lie inside the range.
    pub fn complete(&self) -> bool {
        self.first_day == self.monday
            && self.monday.checked_add_days(Days::new(6)) == Some(self.last_day)
    }

    pub fn includes(&self, date: NaiveDate) -> bool {
        self.first_day <= date && date <= self.last_day
    }
}

/// The Monday of the week `date` falls in.
pub fn week_monday(date: NaiveDate) -> NaiveDate {
    let back = u64::from(date.weekday().num_days_from_monday());
    date.checked_sub_days(Days::new(back)).unwrap_or(date)
}

/// The Monday-start weeks that overlap `[from, to]`, in order; none when `from > to`.
pub fn weeks_in(from: NaiveDate, to: NaiveDate) -> Vec<ReportWeek> {
    let mut weeks = Vec::new();
    let mut monday = week_monday(from);
    while monday <= to {
        let sunday = monday
            .checked_add_days(Days::new(6))
            .unwrap_or(NaiveDate::MAX);
        weeks.push(ReportWeek {
            monday,
            first_day: monday.max(from),
            last_day: sunday.min(to),
        });
        match monday.checked_add_days(Days::new(7)) {
            Some(next) => monday = next,
            None => break,
        }
    }
    weeks
}

/// Midnight UTC at the start of `date`.
pub fn start_of_day_utc(date: NaiveDate) -> DateTime<Utc> {
    date.and_time(NaiveTime::MIN).and_utc()
}

/// Midnight UTC at the end of `date` (the start of the next day).
pub fn end_of_day_utc(date: NaiveDate) -> DateTime<Utc> {
    start_of_day_utc(date.succ_opt().unwrap_or(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn monday_of_any_day() {
        // 2025-03-03 is a Monday.
        assert_eq!(week_monday(d(2025, 3, 3)), d(2025, 3, 3));
        assert_eq!(week_monday(d(2025, 3, 9)), d(2025, 3, 3));
        assert_eq!(week_monday(d(2025, 3, 10)), d(2025, 3, 10));
    }

    #[test]
    fn weeks_are_cut_to_the_range() {
        let weeks = weeks_in(d(2025, 3, 5), d(2025, 3, 18));
        assert_eq!(weeks.len(), 3);
        assert_eq!(weeks[0].monday, d(2025, 3, 3));
        assert_eq!(weeks[0].first_day, d(2025, 3, 5));
        assert!(!weeks[0].complete());
        assert!(weeks[1].complete());
        assert_eq!(weeks[2].last_day, d(2025, 3, 18));
        assert!(!weeks[2].complete());
    }

    #[test]
    fn no_weeks_for_an_empty_range() {
        assert!(weeks_in(d(2025, 3, 10), d(2025, 3, 9)).is_empty());
    }
}
