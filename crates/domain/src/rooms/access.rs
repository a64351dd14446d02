//! Who may enter a session's room, and when. Members of the group on the session's roster
//! (or registered drop-ins) who signed the organization's current agreement, and the
//! session's facilitators. The room opens [`OPENS_BEFORE`] before the start and closes
//! [`CLOSES_AFTER`] after the end, or when a facilitator ends it earlier. Everyone else is
//! told why, and when they may come back if they may.

use chrono::{DateTime, Duration, Utc};

use crate::sessions::{GroupSession, SessionStatus};

/// The room opens this long before the session starts: time to check sound and settle in.
pub const OPENS_BEFORE: Duration = Duration::minutes(15);
/// And stays open this long after it ends, for the check-out and a word with a facilitator.
pub const CLOSES_AFTER: Duration = Duration::minutes(30);

/// How a person takes part in the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Seat {
    /// Runs the session: hides messages, manages the queue, mutes, removes, ends.
    Facilitator,
    Member,
}

/// When a session's room is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoomWindow {
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
}

impl RoomWindow {
    /// The window of `session`; `ended_at` when a facilitator ended the room early.
    pub fn of(session: &GroupSession, ended_at: Option<DateTime<Utc>>) -> Self {
        let closes_at = session.ends_at + CLOSES_AFTER;
        RoomWindow {
            opens_at: session.starts_at - OPENS_BEFORE,
            closes_at: ended_at.map_or(closes_at, |ended| ended.min(closes_at)),
        }
    }

    pub fn is_open(&self, now: DateTime<Utc>) -> bool {
        self.opens_at <= now && now < self.closes_at
    }
}

/// Why someone may not enter, with what the page needs to say so plainly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Neither on the session's roster nor one of its facilitators.
    NotInGroup,
    /// The session was cancelled.
    Cancelled { reason: String },
    /// The member has not signed the organization's current agreement (`version`).
    AgreementUnsigned { version: i32 },
    /// Too early: the room opens then.
    NotYetOpen { opens_at: DateTime<Utc> },
    /// The room closed then (at the end of its window, or when a facilitator ended it).
    Closed { closed_at: DateTime<Utc> },
    /// A facilitator removed them from this session's room.
    Removed,
}

impl Refusal {
    /// The reason in plain words; times are left to the page, which knows the time zone.
    pub fn message(&self) -> &'static str {
        match self {
            Refusal::NotInGroup => {
                "This room is for the members of the group and its facilitators."
            }
            Refusal::Cancelled { .. } => "This session was cancelled.",
            Refusal::AgreementUnsigned { .. } => {
                "Please read and sign the group agreement before you join the room."
            }
            Refusal::NotYetOpen { .. } => {
                "The room is not open yet. It opens 15 minutes before the session starts."
            }
            Refusal::Closed { .. } => "The room is closed.",
            Refusal::Removed => {
                "A facilitator removed you from this session's room. You can talk with them \
                 about it after the session."
            }
        }
    }
}

/// Whether the person may enter now. `seat` is how they belong to the session (`None`: they
/// do not); `signed` whether they signed the current agreement (`version`); `removed`
/// whether a facilitator removed them from this room. Facilitators need no signature.
pub fn entry(
    seat: Option<Seat>,
    signed: bool,
    version: i32,
    removed: bool,
    session: &GroupSession,
    ended_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<Seat, Refusal> {
    let seat = seat.ok_or(Refusal::NotInGroup)?;
    if session.status == SessionStatus::Cancelled {
        return Err(Refusal::Cancelled {
            reason: session.cancel_reason.clone(),
        });
    }
    if seat == Seat::Member && removed {
        return Err(Refusal::Removed);
    }
    if seat == Seat::Member && !signed {
        return Err(Refusal::AgreementUnsigned { version });
    }
    let window = RoomWindow::of(session, ended_at);
    if now < window.opens_at {
        return Err(Refusal::NotYetOpen {
            opens_at: window.opens_at,
        });
    }
    if now >= window.closes_at {
        return Err(Refusal::Closed {
            closed_at: window.closes_at,
        });
    }
    Ok(seat)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{GroupId, SessionId};

    fn session(status: SessionStatus) -> GroupSession {
        let starts_at = DateTime::from_timestamp(1_900_000_000, 0).unwrap_or_default();
        GroupSession {
            id: SessionId::new(),
            group_id: GroupId::new(),
            starts_at,
            ends_at: starts_at + Duration::minutes(90),
            status,
            cancel_reason: "The facilitator is ill.".into(),
            schedule_id: None,
            occurrence_date: None,
            moved: false,
            room: String::new(),
        }
    }

    #[test]
    fn the_room_opens_fifteen_minutes_before_and_closes_thirty_after() {
        let s = session(SessionStatus::Scheduled);
        let at = |minutes: i64| s.starts_at + Duration::minutes(minutes);
        let member = |now| entry(Some(Seat::Member), true, 1, false, &s, None, now);
        assert_eq!(
            member(at(-16)),
            Err(Refusal::NotYetOpen { opens_at: at(-15) })
        );
        assert_eq!(member(at(-15)), Ok(Seat::Member));
        assert_eq!(member(at(90 + 29)), Ok(Seat::Member));
        assert_eq!(
            member(at(90 + 30)),
            Err(Refusal::Closed { closed_at: at(120) })
        );
    }

    #[test]
    fn a_room_ended_early_is_closed_from_then() {
        let s = session(SessionStatus::Scheduled);
        let ended = s.starts_at + Duration::minutes(60);
        let late = s.starts_at + Duration::minutes(61);
        assert_eq!(
            entry(
                Some(Seat::Facilitator),
                false,
                1,
                false,
                &s,
                Some(ended),
                late
            ),
            Err(Refusal::Closed { closed_at: ended })
        );
        // Ending "after" the window changes nothing.
        let window = RoomWindow::of(&s, Some(s.ends_at + Duration::hours(5)));
        assert_eq!(window.closes_at, s.ends_at + CLOSES_AFTER);
    }

    #[test]
    fn members_sign_the_agreement_first_and_facilitators_need_not() {
        let s = session(SessionStatus::Scheduled);
        let now = s.starts_at;
        assert_eq!(
            entry(Some(Seat::Member), false, 3, false, &s, None, now),
            Err(Refusal::AgreementUnsigned { version: 3 })
        );
        assert_eq!(
            entry(Some(Seat::Facilitator), false, 3, false, &s, None, now),
            Ok(Seat::Facilitator)
        );
    }

    #[test]
    fn strangers_removed_members_and_cancelled_sessions_stay_out() {
        let s = session(SessionStatus::Scheduled);
        let now = s.starts_at;
        assert_eq!(
            entry(None, true, 1, false, &s, None, now),
            Err(Refusal::NotInGroup)
        );
        assert_eq!(
            entry(Some(Seat::Member), true, 1, true, &s, None, now),
            Err(Refusal::Removed)
        );
        let cancelled = session(SessionStatus::Cancelled);
        assert!(matches!(
            entry(Some(Seat::Facilitator), true, 1, false, &cancelled, None, now),
            Err(Refusal::Cancelled { reason }) if reason == "The facilitator is ill."
        ));
        for refusal in [
            Refusal::NotInGroup,
            Refusal::Removed,
            Refusal::AgreementUnsigned { version: 1 },
        ] {
            assert!(!refusal.message().is_empty());
        }
    }
}
