//! Double bookings of facilitators and rooms: warnings for staff, never a reason to refuse.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::ids::{AccountId, GroupId, LocationId, SessionId};

/// A session as far as double bookings go.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub session_id: SessionId,
    pub group_id: GroupId,
    pub group_name: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub facilitators: Vec<AccountId>,
    pub location_id: LocationId,
    /// "" when the location has no rooms or the session is online.
    pub room: String,
}

/// One side of a double booking.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct BookedSession {
    pub session_id: SessionId,
    pub group_id: GroupId,
    pub group_name: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// Something that would be booked twice at once. `session` is the one being checked.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OverlapWarning {
    Facilitator {
        account_id: AccountId,
        session: BookedSession,
        other: BookedSession,
    },
    Room {
        location_id: LocationId,
        room: String,
        session: BookedSession,
        other: BookedSession,
    },
}

impl OverlapWarning {
    /// The warning in plain words, times in UTC.
    pub fn message(&self) -> String {
        self.message_in(Tz::UTC)
    }

    /// The warning in plain words, times on the clock of `zone`.
    pub fn message_in(&self, zone: Tz) -> String {
        match self {
            Self::Facilitator { session, other, .. } => format!(
                "The same facilitator would lead {} ({}) and {} ({}) at overlapping times.",
                session.group_name,
                when(session, zone),
                other.group_name,
                when(other, zone),
            ),
            Self::Room {
                room,
                session,
                other,
                ..
            } => format!(
                "Room {room} would be booked for both {} ({}) and {} ({}) at overlapping times.",
                session.group_name,
                when(session, zone),
                other.group_name,
                when(other, zone),
            ),
        }
    }
}

fn when(s: &BookedSession, zone: Tz) -> String {
    let start = s.starts_at.with_timezone(&zone);
    let end = s.ends_at.with_timezone(&zone);
    format!(
        "{} {}–{} {}",
        start.format("%a %Y-%m-%d"),
        start.format("%H:%M"),
        end.format("%H:%M"),
        start.format("%Z")
    )
}

/// Warnings for each candidate that overlaps another candidate or one of `others` in a
/// facilitator or a room. A pair is reported once even when it appears in both lists.
pub fn overlap_warnings(candidates: &[Slot], others: &[Slot]) -> Vec<OverlapWarning> {
    let mut warnings = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, a) in candidates.iter().enumerate() {
        for b in candidates[i + 1..].iter().chain(others) {
            if a.session_id == b.session_id || !overlap(a, b) {
                continue;
            }
            let pair = (
                a.session_id.min(b.session_id),
                a.session_id.max(b.session_id),
            );
            for account_id in a.facilitators.iter().filter(|f| b.facilitators.contains(f)) {
                if seen.insert((pair, Some(*account_id))) {
                    warnings.push(OverlapWarning::Facilitator {
                        account_id: *account_id,
                        session: booked(a),
                        other: booked(b),
                    });
                }
            }
            if same_room(a, b) && seen.insert((pair, None)) {
                warnings.push(OverlapWarning::Room {
                    location_id: a.location_id,
                    room: a.room.clone(),
                    session: booked(a),
                    other: booked(b),
                });
            }
        }
    }
    warnings
}

/// Half-open: one ending at 19:00 and one starting at 19:00 do not overlap.
fn overlap(a: &Slot, b: &Slot) -> bool {
    a.starts_at < b.ends_at && b.starts_at < a.ends_at
}

fn same_room(a: &Slot, b: &Slot) -> bool {
    a.location_id == b.location_id && !a.room.trim().is_empty() && a.room.trim() == b.room.trim()
}

fn booked(s: &Slot) -> BookedSession {
    BookedSession {
        session_id: s.session_id,
        group_id: s.group_id,
        group_name: s.group_name.clone(),
        starts_at: s.starts_at,
        ends_at: s.ends_at,
    }
}
