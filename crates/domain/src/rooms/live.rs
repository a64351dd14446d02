//! What happens in a live room, as a state machine with no I/O: who is present, the raised
//! hands and who speaks, the talking piece, a check-in round, a guided exercise, mutes and
//! removals, and the end. The server holds one [`Room`] per open room, applies each person's
//! [`Command`] with the time, and sends the [`Notice`]s it returns.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, Utc};

use super::signals::{everyone, Audience, CheckIn, Command, Event, Exercise, Notice, Present};
use super::Seat;
use crate::ids::{AccountId, SessionId};
use crate::techniques::TimedStep;

/// Longest mute a facilitator may set, in minutes.
pub const MUTE_MAX_MINUTES: i64 = 120;
/// Longest check-in word, in characters.
pub const WORD_MAX: usize = 40;

/// Why a command or a message was refused, in words for the person who sent it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoomError {
    #[error("Only a facilitator can do that.")]
    FacilitatorsOnly,
    #[error("That person is not in the room.")]
    NotPresent,
    #[error("You are muted until {0}.")]
    Muted(DateTime<Utc>),
    #[error("The talking piece is on: only the person holding it can post.")]
    NotYourTurn,
    #[error("There is no check-in round open.")]
    NoCheckIn,
    #[error("Choose a mood from 1 to 5 and a word of up to 40 characters.")]
    BadCheckIn,
    #[error("Mute for 1 to 120 minutes.")]
    BadMute,
    #[error("The session has ended.")]
    Ended,
    #[error("A guided exercise needs at least one timed step.")]
    NoSteps,
}

/// The room as a newcomer (or a client that fell behind) first sees it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Snapshot {
    pub present: Vec<Present>,
    #[schema(value_type = Vec<String>)]
    pub hands: Vec<AccountId>,
    #[schema(value_type = Option<String>)]
    pub speaking: Option<AccountId>,
    pub talking_piece: bool,
    #[schema(value_type = Option<String>)]
    pub piece_holder: Option<AccountId>,
    /// The check-in round's shares, when one is open.
    pub check_in: Option<Vec<CheckIn>>,
    pub exercise: Option<Exercise>,
    /// Until when the viewer is muted, if they are.
    pub muted_until: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
}

/// One open room.
#[derive(Debug, Clone)]
pub struct Room {
    pub session_id: SessionId,
    present: BTreeMap<AccountId, Present>,
    hands: Vec<AccountId>,
    speaking: Option<AccountId>,
    piece: Option<Option<AccountId>>,
    check_in: Option<Vec<CheckIn>>,
    exercise: Option<Exercise>,
    muted: BTreeMap<AccountId, DateTime<Utc>>,
    removed: BTreeSet<AccountId>,
    ended_at: Option<DateTime<Utc>>,
}

impl Room {
    pub fn new(session_id: SessionId) -> Self {
        Room {
            session_id,
            present: BTreeMap::new(),
            hands: Vec::new(),
            speaking: None,
            piece: None,
            check_in: None,
            exercise: None,
            muted: BTreeMap::new(),
            removed: BTreeSet::new(),
            ended_at: None,
        }
    }

    pub fn present(&self) -> impl Iterator<Item = &Present> {
        self.present.values()
    }

    pub fn is_removed(&self, account: AccountId) -> bool {
        self.removed.contains(&account)
    }

    pub fn ended_at(&self) -> Option<DateTime<Utc>> {
        self.ended_at
    }

    pub fn exercise(&self) -> Option<&Exercise> {
        self.exercise.as_ref()
    }

    /// What `viewer` sees of the room at `now`.
    pub fn snapshot(&self, viewer: AccountId, now: DateTime<Utc>) -> Snapshot {
        Snapshot {
            present: self.present.values().cloned().collect(),
            hands: self.hands.clone(),
            speaking: self.speaking,
            talking_piece: self.piece.is_some(),
            piece_holder: self.piece.flatten(),
            check_in: self.check_in.clone(),
            exercise: self.exercise.clone(),
            muted_until: self.muted_until(viewer, now),
            ended_at: self.ended_at,
        }
    }

    /// Until when `who` is muted, if they are at `now`.
    pub fn muted_until(&self, who: AccountId, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.muted.get(&who).copied().filter(|until| now < *until)
    }

    /// A mute kept from before this room was opened in this process (a restart).
    pub fn restore_mute(&mut self, who: AccountId, until: DateTime<Utc>) {
        self.muted.insert(who, until);
    }

    /// Whether `who` takes part as a facilitator.
    pub fn is_facilitator(&self, who: AccountId) -> bool {
        self.present
            .get(&who)
            .is_some_and(|p| p.seat == Seat::Facilitator)
    }

    /// Someone entered (the access rule already let them in).
    pub fn join(&mut self, person: Present) -> Vec<Notice> {
        self.present.insert(person.account_id, person.clone());
        vec![everyone(Event::Joined { person })]
    }

    /// Their last connection closed.
    pub fn leave(&mut self, account: AccountId) -> Vec<Notice> {
        if self.present.remove(&account).is_none() {
            return Vec::new();
        }
        let mut notices = vec![everyone(Event::Left {
            account_id: account,
        })];
        let had_hand = self.hands.contains(&account) || self.speaking == Some(account);
        self.hands.retain(|a| *a != account);
        if self.speaking == Some(account) {
            self.speaking = None;
        }
        if had_hand {
            notices.push(self.hands_notice());
        }
        notices
    }

    /// Whether `who` may post a chat message now.
    pub fn may_post(&self, who: AccountId, now: DateTime<Utc>) -> Result<(), RoomError> {
        if self.ended_at.is_some() {
            return Err(RoomError::Ended);
        }
        if let Some(until) = self.muted.get(&who).filter(|until| now < **until) {
            return Err(RoomError::Muted(*until));
        }
        if let Some(holder) = self.piece {
            if holder != Some(who) && !self.is_facilitator(who) {
                return Err(RoomError::NotYourTurn);
            }
        }
        Ok(())
    }

    /// Starts a guided exercise from the session plan's timed steps.
    pub fn start_exercise(
        &mut self,
        who: AccountId,
        title: String,
        steps: Vec<TimedStep>,
        now: DateTime<Utc>,
    ) -> Result<Vec<Notice>, RoomError> {
        self.facilitator(who)?;
        if steps.is_empty() {
            return Err(RoomError::NoSteps);
        }
        let exercise = Exercise {
            title,
            steps,
            started_at: now,
        };
        self.exercise = Some(exercise.clone());
        Ok(vec![everyone(Event::ExerciseStarted { exercise })])
    }

    /// Applies `who`'s command at `now`.
    pub fn apply(
        &mut self,
        who: AccountId,
        command: Command,
        now: DateTime<Utc>,
    ) -> Result<Vec<Notice>, RoomError> {
        if self.ended_at.is_some() {
            return Err(RoomError::Ended);
        }
        match command {
            Command::RaiseHand => {
                if !self.hands.contains(&who) && self.speaking != Some(who) {
                    self.hands.push(who);
                }
                Ok(vec![self.hands_notice()])
            }
            Command::LowerHand => {
                self.hands.retain(|a| *a != who);
                Ok(vec![self.hands_notice()])
            }
            Command::GiveFloor { to } => {
                self.facilitator(who)?;
                self.must_be_present(to)?;
                self.hands.retain(|a| *a != to);
                self.speaking = Some(to);
                Ok(vec![self.hands_notice()])
            }
            Command::EndTurn => {
                if self.speaking != Some(who) {
                    self.facilitator(who)?;
                }
                self.speaking = None;
                Ok(vec![self.hands_notice()])
            }
            Command::TalkingPiece { on } => {
                self.facilitator(who)?;
                self.piece = on.then_some(None);
                Ok(vec![self.piece_notice()])
            }
            Command::PassPiece { to } => {
                let holder = self.piece.ok_or(RoomError::NotYourTurn)?;
                if holder != Some(who) {
                    self.facilitator(who)?;
                }
                self.must_be_present(to)?;
                self.piece = Some(Some(to));
                Ok(vec![self.piece_notice()])
            }
            Command::StartCheckIn => {
                self.facilitator(who)?;
                self.check_in = Some(Vec::new());
                Ok(vec![everyone(Event::CheckInOpened)])
            }
            Command::CheckIn { mood, word } => {
                let name = self.must_be_present(who)?.name.clone();
                let word = word.trim().to_owned();
                if !(1..=5).contains(&mood) || word.is_empty() || word.chars().count() > WORD_MAX {
                    return Err(RoomError::BadCheckIn);
                }
                let round = self.check_in.as_mut().ok_or(RoomError::NoCheckIn)?;
                let entry = CheckIn {
                    account_id: who,
                    name,
                    mood,
                    word,
                };
                // One share per member: a second replaces the first.
                round.retain(|e| e.account_id != who);
                round.push(entry.clone());
                Ok(vec![everyone(Event::CheckedIn { entry })])
            }
            Command::EndCheckIn => {
                self.facilitator(who)?;
                self.check_in = None;
                Ok(vec![everyone(Event::CheckInClosed)])
            }
            Command::StopExercise => {
                self.facilitator(who)?;
                self.exercise = None;
                Ok(vec![everyone(Event::ExerciseStopped)])
            }
            Command::Mute { member, minutes } => {
                self.facilitator(who)?;
                if !(1..=MUTE_MAX_MINUTES).contains(&minutes) {
                    return Err(RoomError::BadMute);
                }
                self.must_be_present(member)?;
                let until = now + Duration::minutes(minutes);
                self.muted.insert(member, until);
                Ok(vec![Notice {
                    to: Audience::One(member),
                    event: Event::Muted { until },
                }])
            }
            Command::Unmute { member } => {
                self.facilitator(who)?;
                self.muted.remove(&member);
                Ok(vec![Notice {
                    to: Audience::One(member),
                    event: Event::Unmuted,
                }])
            }
            Command::Remove { member } => {
                self.facilitator(who)?;
                if self.is_facilitator(member) {
                    return Err(RoomError::FacilitatorsOnly);
                }
                self.removed.insert(member);
                let mut notices = vec![everyone(Event::Removed { account_id: member })];
                notices.extend(self.leave(member));
                Ok(notices)
            }
            Command::NeedAMoment => {
                let name = self.must_be_present(who)?.name.clone();
                Ok(vec![Notice {
                    to: Audience::Facilitators,
                    event: Event::NeedsAMoment {
                        account_id: who,
                        name,
                    },
                }])
            }
            Command::End => {
                self.facilitator(who)?;
                self.ended_at = Some(now);
                Ok(vec![everyone(Event::Ended { at: now })])
            }
        }
    }

    fn facilitator(&self, who: AccountId) -> Result<(), RoomError> {
        if self.is_facilitator(who) {
            Ok(())
        } else {
            Err(RoomError::FacilitatorsOnly)
        }
    }

    fn must_be_present(&self, who: AccountId) -> Result<&Present, RoomError> {
        self.present.get(&who).ok_or(RoomError::NotPresent)
    }

    fn hands_notice(&self) -> Notice {
        everyone(Event::Hands {
            queue: self.hands.clone(),
            speaking: self.speaking,
        })
    }

    fn piece_notice(&self) -> Notice {
        everyone(Event::TalkingPiece {
            on: self.piece.is_some(),
            holder: self.piece.flatten(),
        })
    }
}
