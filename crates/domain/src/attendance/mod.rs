//! Attendance: one member at one session.

use crate::vocabulary;

vocabulary!(
    AttendanceStatus {
        Present => ("present", "Present"),
        Late => ("late", "Late"),
        LeftEarly => ("left_early", "Left early"),
        Absent => ("absent", "Absent"),
        Excused => ("excused", "Excused"),
    }
);

impl AttendanceStatus {
    /// Present, late and left early count as attended (and are billable).
    pub fn attended(self) -> bool {
        matches!(self, Self::Present | Self::Late | Self::LeftEarly)
    }

    /// Late and left early need the minutes the member was actually there.
    pub fn asks_for_minutes(self) -> bool {
        matches!(self, Self::Late | Self::LeftEarly)
    }
}
