//! One open room in this server: the domain's [`Room`] state, who is connected and how
//! often, each member's rate limit, and the broadcast every connection of the room listens
//! to. Frames are written once here and shared by every connection that sends them.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use axum::extract::ws::Utf8Bytes;
use chrono::{DateTime, Utc};
use kindred_domain::attendance::Visit;
use kindred_domain::groups::Group;
use kindred_domain::ids::{AccountId, SessionId};
use kindred_domain::rooms::{
    Audience, ChatMessage, Command, Event, Notice, Present, RateLimit, Refusal, Room, RoomError,
    RoomPass, Snapshot,
};
use kindred_domain::sessions::GroupSession;
use kindred_domain::techniques::TimedStep;
use tokio::sync::broadcast;

use super::frames::ServerFrame;

/// Frames a connection may fall behind by before it catches up from the store and a new
/// snapshot; small, so a slow client costs little memory.
const BACKLOG: usize = 64;

/// Whose connections close after a frame, and why (shown to them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closes {
    Nobody,
    One(AccountId, &'static str),
    Everyone(&'static str),
}

/// A frame for the room's connections.
#[derive(Debug)]
pub struct Outbound {
    pub to: Audience,
    /// A new chat message's sequence number: connections deliver these in order, each once.
    pub seq: Option<i64>,
    /// The frame to send; `None` when the outbound only closes connections.
    pub text: Option<Utf8Bytes>,
    pub closes: Closes,
}

/// Why a message may not be posted now.
#[derive(Debug)]
pub enum PostRefused {
    Room(RoomError),
    /// Seconds until the next message may go.
    RateLimited(f64),
}

/// Said when the facilitator ends the session.
pub const ENDED: &str = "The facilitator ended the session. Thank you for being here.";
/// Said when the room's time is over.
pub const TIME_UP: &str = "The room has closed: its time is over.";
/// Said to a member who is no longer on the session's roster.
pub const NOT_ON_ROSTER: &str =
    "You are no longer on this session's list, so the room has closed for you.";

struct Inner {
    room: Room,
    /// Open connections per person and when their first opened: they leave the room when
    /// the last one closes, and that stay counts towards their attendance.
    connections: HashMap<AccountId, (usize, DateTime<Utc>)>,
    limits: HashMap<AccountId, RateLimit>,
}

pub struct LiveRoom {
    pub session_id: SessionId,
    /// The session and its group as they were when the room opened, shared by its
    /// connections.
    pub session: GroupSession,
    pub group: Group,
    /// When the room's window closes, unless a facilitator ends it first.
    pub closes_at: DateTime<Utc>,
    inner: Mutex<Inner>,
    tx: broadcast::Sender<Arc<Outbound>>,
}

impl LiveRoom {
    pub fn new(pass: &RoomPass) -> Self {
        let (tx, _) = broadcast::channel(BACKLOG);
        LiveRoom {
            session_id: pass.session.id,
            session: pass.session.clone(),
            group: pass.group.clone(),
            closes_at: pass.window.closes_at,
            inner: Mutex::new(Inner {
                room: Room::new(pass.session.id),
                connections: HashMap::new(),
                limits: HashMap::new(),
            }),
            tx,
        }
    }

    fn inner(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves plain data behind; carry on with it.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Outbound>> {
        self.tx.subscribe()
    }

    pub fn ended_at(&self) -> Option<DateTime<Utc>> {
        self.inner().room.ended_at()
    }

    /// Connections open now.
    pub fn connection_count(&self) -> usize {
        self.inner().connections.values().map(|(n, _)| n).sum()
    }

    /// The members (not facilitators) connected now.
    pub fn members_present(&self) -> Vec<AccountId> {
        let inner = self.inner();
        inner
            .room
            .present()
            .filter(|p| !inner.room.is_facilitator(p.account_id))
            .map(|p| p.account_id)
            .collect()
    }

    /// A connection of `person` opened; the room as they see it now.
    pub fn connect(&self, person: &Present, now: DateTime<Utc>) -> Snapshot {
        let mut inner = self.inner();
        let (count, _) = inner
            .connections
            .entry(person.account_id)
            .or_insert((0, now));
        *count += 1;
        if *count == 1 {
            let notices = inner.room.join(person.clone());
            self.publish(notices);
        }
        inner.room.snapshot(person.account_id, now)
    }

    /// The room as `viewer` sees it now (after falling behind).
    pub fn snapshot(&self, viewer: AccountId, now: DateTime<Utc>) -> Snapshot {
        self.inner().room.snapshot(viewer, now)
    }

    /// A connection of `account` closed; their stay when it was their last.
    pub fn disconnect(&self, account: AccountId, now: DateTime<Utc>) -> Option<Visit> {
        let mut inner = self.inner();
        let (count, joined_at) = inner.connections.get_mut(&account)?;
        *count -= 1;
        if *count > 0 {
            return None;
        }
        let joined_at = *joined_at;
        inner.connections.remove(&account);
        let notices = inner.room.leave(account);
        self.publish(notices);
        Some(Visit {
            joined_at,
            left_at: now,
        })
    }

    /// Whether `who` may post now, taking one token of their rate limit if so.
    pub fn may_post(&self, who: AccountId, now: DateTime<Utc>) -> Result<(), PostRefused> {
        let mut inner = self.inner();
        inner.room.may_post(who, now).map_err(PostRefused::Room)?;
        inner
            .limits
            .entry(who)
            .or_insert_with(|| RateLimit::new(now))
            .take(now)
            .map_err(PostRefused::RateLimited)
    }

    /// Applies `who`'s command; what to tell the room, for [`LiveRoom::publish`] once
    /// anything the command needs kept is stored.
    pub fn apply(
        &self,
        who: AccountId,
        command: Command,
        now: DateTime<Utc>,
    ) -> Result<Vec<Notice>, RoomError> {
        self.inner().room.apply(who, command, now)
    }

    pub fn start_exercise(
        &self,
        who: AccountId,
        title: String,
        steps: Vec<TimedStep>,
        now: DateTime<Utc>,
    ) -> Result<(), RoomError> {
        let mut inner = self.inner();
        let notices = inner.room.start_exercise(who, title, steps, now)?;
        self.publish(notices);
        Ok(())
    }

    /// Until when `who` is muted, if they are at `now`.
    pub fn muted_until(&self, who: AccountId, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.inner().room.muted_until(who, now)
    }

    /// Mutes kept in the store from before this process opened the room.
    pub fn restore_mutes(&self, mutes: Vec<(AccountId, DateTime<Utc>)>) {
        let mut inner = self.inner();
        for (who, until) in mutes {
            inner.room.restore_mute(who, until);
        }
    }

    /// Whether `who` takes part as a facilitator.
    pub fn is_facilitator(&self, who: AccountId) -> bool {
        self.inner().room.is_facilitator(who)
    }

    /// A message stored just now, for everyone in order.
    pub fn publish_message(&self, message: &ChatMessage) {
        self.send(Outbound {
            to: Audience::Everyone,
            seq: Some(message.seq),
            text: Some(ServerFrame::Message { message }.to_text().into()),
            closes: Closes::Nobody,
        });
    }

    /// A message that changed (hidden): clients replace the one with its `seq`.
    pub fn publish_changed(&self, message: &ChatMessage) {
        self.send(Outbound {
            to: Audience::Everyone,
            seq: None,
            text: Some(ServerFrame::Message { message }.to_text().into()),
            closes: Closes::Nobody,
        });
    }

    /// A frame for the facilitators only.
    pub fn tell_facilitators(&self, frame: &ServerFrame<'_>) {
        self.send(Outbound {
            to: Audience::Facilitators,
            seq: None,
            text: Some(frame.to_text().into()),
            closes: Closes::Nobody,
        });
    }

    /// A frame for one person only (all their connections).
    pub fn tell(&self, account: AccountId, frame: &ServerFrame<'_>) {
        self.send(Outbound {
            to: Audience::One(account),
            seq: None,
            text: Some(frame.to_text().into()),
            closes: Closes::Nobody,
        });
    }

    /// Closes every connection, telling them why.
    pub fn close_all(&self, reason: &'static str) {
        self.send(Outbound {
            to: Audience::Everyone,
            seq: None,
            text: None,
            closes: Closes::Everyone(reason),
        });
    }

    /// Closes `account`'s connections, telling them why.
    pub fn close_for(&self, account: AccountId, reason: &'static str) {
        self.send(Outbound {
            to: Audience::One(account),
            seq: None,
            text: None,
            closes: Closes::One(account, reason),
        });
    }

    pub fn publish(&self, notices: Vec<Notice>) {
        for Notice { to, event } in notices {
            let closes = match &event {
                Event::Removed { account_id } => {
                    Closes::One(*account_id, Refusal::Removed.message())
                }
                Event::Ended { .. } => Closes::Everyone(ENDED),
                _ => Closes::Nobody,
            };
            self.send(Outbound {
                to,
                seq: None,
                text: Some(ServerFrame::Event { event: &event }.to_text().into()),
                closes,
            });
        }
    }

    fn send(&self, outbound: Outbound) {
        // No receiver means nobody is connected: there is no one to tell.
        let _ = self.tx.send(Arc::new(outbound));
    }
}
