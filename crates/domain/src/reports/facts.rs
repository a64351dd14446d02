//! The plain rows reports are computed from. The store fetches them; nothing here does I/O.

use chrono::{DateTime, NaiveDate, Utc};

use crate::attendance::AttendanceStatus;
use crate::groups::GroupKind;
use crate::ids::{AccountId, GroupId, SessionId};
use crate::programs::LevelOfCare;

/// One member's attendance mark at one session, with what reports need about the session,
/// its group and its program. Reports assume at most one fact per member and session.
#[derive(Debug, Clone, PartialEq)]
pub struct AttendanceFact {
    pub session_id: SessionId,
    /// The session's local date in the group's time zone.
    pub session_date: NaiveDate,
    pub session_starts_at: DateTime<Utc>,
    /// The session's scheduled length.
    pub session_minutes: i32,
    pub group_id: GroupId,
    pub group_name: String,
    pub group_kind: GroupKind,
    /// The level of care of the group's program.
    pub level_of_care: LevelOfCare,
    /// The organization's billing code for this group, replacing the default one.
    pub billing_override: Option<BillingCode>,
    /// The session's lead.
    pub facilitator_name: String,
    pub account_id: AccountId,
    pub member_name: String,
    pub status: AttendanceStatus,
    /// Minutes the member was there.
    pub minutes: i32,
}

impl AttendanceFact {
    /// Minutes that count as attended: the recorded minutes for present, late and left
    /// early (never below zero), and none for absent or excused.
    pub fn attended_minutes(&self) -> i32 {
        if self.status.attended() {
            self.minutes.max(0)
        } else {
            0
        }
    }
}

/// A period during which a member was enrolled in a group. `active_until` is exclusive and
/// `None` while the enrollment is still active. A member may have several spans.
#[derive(Debug, Clone, PartialEq)]
pub struct EnrollmentSpan {
    pub account_id: AccountId,
    pub member_name: String,
    pub active_from: DateTime<Utc>,
    pub active_until: Option<DateTime<Utc>>,
}

impl EnrollmentSpan {
    /// A span that ends at or before its own start: it covers no time at all, and reports
    /// ignore it.
    pub fn is_empty(&self) -> bool {
        self.active_until
            .is_some_and(|until| until <= self.active_from)
    }

    /// Whether the span overlaps `[start, end)`.
    pub fn overlaps(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> bool {
        !self.is_empty()
            && self.active_from < end
            && self.active_until.is_none_or(|until| until > start)
    }

    /// Whether the member was enrolled at the instant `at`.
    pub fn contains(&self, at: DateTime<Utc>) -> bool {
        self.active_from <= at && self.active_until.is_none_or(|until| at < until)
    }
}

/// A billing code with its modifier (`""` when there is none).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct BillingCode {
    pub code: String,
    pub modifier: String,
}

impl BillingCode {
    pub fn new(code: &str, modifier: &str) -> Self {
        Self {
            code: code.to_owned(),
            modifier: modifier.to_owned(),
        }
    }
}
