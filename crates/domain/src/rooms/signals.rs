//! What the people in a live room are, ask and are told: who is present, a guided exercise
//! and a check-in share, the [`Command`]s a person sends, and the [`Notice`]s of [`Event`]s
//! the room returns for an [`Audience`].

use chrono::{DateTime, Utc};

use super::Seat;
use crate::ids::AccountId;
use crate::techniques::TimedStep;

/// Someone in the room.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Present {
    #[schema(value_type = String)]
    pub account_id: AccountId,
    /// The name they use in the group; legal names never reach the room.
    pub name: String,
    pub seat: Seat,
}

/// A guided exercise under way: every client shows the current step and counts down from
/// the same start.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Exercise {
    pub title: String,
    pub steps: Vec<TimedStep>,
    pub started_at: DateTime<Utc>,
}

impl Exercise {
    /// The step under way at `now` and the seconds left in it; `None` once all are done.
    pub fn at(&self, now: DateTime<Utc>) -> Option<(usize, i64)> {
        let mut elapsed = (now - self.started_at).num_seconds().max(0);
        for (i, step) in self.steps.iter().enumerate() {
            let length = i64::from(step.seconds);
            if elapsed < length {
                return Some((i, length - elapsed));
            }
            elapsed -= length;
        }
        None
    }
}

/// One member's share in a check-in round.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct CheckIn {
    #[schema(value_type = String)]
    pub account_id: AccountId,
    pub name: String,
    /// 1 (very low) to 5 (very good).
    pub mood: u8,
    pub word: String,
}

/// What a person asks the room to do.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, utoipa::ToSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Command {
    RaiseHand,
    LowerHand,
    /// Facilitator: gives the floor to someone (usually the first raised hand).
    GiveFloor {
        #[schema(value_type = String)]
        to: AccountId,
    },
    /// The speaker, or a facilitator: the floor is free again.
    EndTurn,
    /// Facilitator: only the holder of the talking piece may post while it is on.
    TalkingPiece {
        on: bool,
    },
    /// The holder or a facilitator: hands the piece on.
    PassPiece {
        #[schema(value_type = String)]
        to: AccountId,
    },
    /// Facilitator: opens a check-in round.
    StartCheckIn,
    /// Member: a mood from 1 to 5 and a word.
    CheckIn {
        mood: u8,
        word: String,
    },
    /// Facilitator: closes the round.
    EndCheckIn,
    /// Facilitator: stops the guided exercise.
    StopExercise,
    /// Facilitator: the member may not post for this many minutes.
    Mute {
        #[schema(value_type = String)]
        member: AccountId,
        minutes: i64,
    },
    Unmute {
        #[schema(value_type = String)]
        member: AccountId,
    },
    /// Facilitator: takes the member out of this session's room.
    Remove {
        #[schema(value_type = String)]
        member: AccountId,
    },
    /// Member: a private signal to the facilitators.
    NeedAMoment,
    /// Facilitator: ends the session's room for everyone.
    End,
}

/// Who a notice goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Audience {
    Everyone,
    Facilitators,
    One(AccountId),
}

/// A change the room tells people about.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    Joined {
        person: Present,
    },
    Left {
        #[schema(value_type = String)]
        account_id: AccountId,
    },
    Hands {
        #[schema(value_type = Vec<String>)]
        queue: Vec<AccountId>,
        #[schema(value_type = Option<String>)]
        speaking: Option<AccountId>,
    },
    TalkingPiece {
        on: bool,
        #[schema(value_type = Option<String>)]
        holder: Option<AccountId>,
    },
    CheckInOpened,
    CheckedIn {
        entry: CheckIn,
    },
    CheckInClosed,
    ExerciseStarted {
        exercise: Exercise,
    },
    ExerciseStopped,
    Muted {
        until: DateTime<Utc>,
    },
    Unmuted,
    Removed {
        #[schema(value_type = String)]
        account_id: AccountId,
    },
    NeedsAMoment {
        #[schema(value_type = String)]
        account_id: AccountId,
        name: String,
    },
    Ended {
        at: DateTime<Utc>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub to: Audience,
    pub event: Event,
}

pub(super) fn everyone(event: Event) -> Notice {
    Notice {
        to: Audience::Everyone,
        event,
    }
}
